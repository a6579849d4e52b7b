//! The words pages use for types, formats, enums and event names.

use serde::Serialize;

use super::EnumValues;

/// A type as a page states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum DocType {
    String,
    Integer,
    Number,
    Boolean,
    Object,
    Array(Option<Box<DocType>>),
    Any,
}

/// A string or number format with clear evidence.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// RFC 3339 (`2023-11-07T05:31:56Z`) or SQL style (`2021-06-24 10:21:26`).
    DateTime,
    Date,
    Uuid,
    /// A decimal number sent as a string (`"19.99"`).
    Decimal,
    /// Seconds since the Unix epoch, as an integer.
    UnixTime,
}

/// Reads a type word: `str`, `integer`, `bool`, `string[]`, `array<string>`…
/// Returns the type and any format the word implies.
pub fn type_word(word: &str) -> Option<(DocType, Option<Format>)> {
    let w = word.trim().to_ascii_lowercase();
    if let Some(inner) = w.strip_suffix("[]") {
        let (t, _) = type_word(inner)?;
        return Some((DocType::Array(Some(Box::new(t))), None));
    }
    for (open, close) in [
        ("array<", ">"),
        ("list<", ">"),
        ("array(", ")"),
        ("array[", "]"),
    ] {
        if let Some(inner) = w.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            let (t, _) = type_word(inner)?;
            return Some((DocType::Array(Some(Box::new(t))), None));
        }
    }
    let t = match w.as_str() {
        "str" | "string" | "text" | "currency" | "url" | "uri" | "email" | "e-mail" => {
            (DocType::String, None)
        }
        "int" | "integer" | "int16" | "int32" | "int64" | "long" | "bigint" | "uint" | "uint32"
        | "uint64" => (DocType::Integer, None),
        "float" | "double" | "number" | "decimal" | "numeric" => (DocType::Number, None),
        "bool" | "boolean" => (DocType::Boolean, None),
        "object" | "hash" | "map" | "dict" | "json" => (DocType::Object, None),
        "array" | "list" => (DocType::Array(None), None),
        "uuid" => (DocType::String, Some(Format::Uuid)),
        // The last three as Java and .NET SDKs' generated docs name them.
        "datetime" | "date-time" | "offsetdatetime" | "zoneddatetime" | "datetimeoffset" => {
            (DocType::String, Some(Format::DateTime))
        }
        "date" | "localdate" => (DocType::String, Some(Format::Date)),
        "any" => (DocType::Any, None),
        _ => return None,
    };
    Some(t)
}

/// What a type cell says: `nullable string`, `string | null`,
/// `string<uuid>`, `array of strings`, `integer (required)`, `PaymentDetails`.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeInfo {
    pub ty: DocType,
    pub format: Option<Format>,
    pub nullable: bool,
    pub required: Option<bool>,
}

pub fn type_phrase(text: &str) -> Option<TypeInfo> {
    let text = text.trim().trim_matches(|c| matches!(c, '`' | '*'));
    if text.is_empty() || text.len() > 80 {
        return None;
    }
    let mut info = TypeInfo {
        ty: DocType::Any,
        format: None,
        nullable: false,
        required: None,
    };
    let mut found = false;
    let lower = text.to_ascii_lowercase();
    // `?string` (Flow), `String?` (Kotlin, Swift), `Nullable<String>`,
    // `Optional<String>` (C#, Java), `Optional[str]` (Python): the type,
    // which may be null.
    let wrapped = ["nullable<", "optional<", "option<"]
        .iter()
        .find_map(|w| lower.strip_prefix(w).and_then(|r| r.strip_suffix('>')))
        .or_else(|| {
            lower
                .strip_prefix("optional[")
                .and_then(|r| r.strip_suffix(']'))
        });
    let marked = (lower.strip_prefix('?'))
        .or_else(|| lower.strip_suffix('?'))
        .or(wrapped)
        .filter(|inner| !inner.contains(' '));
    if let Some(inner) = marked {
        if let Some(mut info) = type_phrase(inner) {
            info.nullable = true;
            return Some(info);
        }
    }
    // `string<uuid>`, `string<uri|email>`: a type with its format.
    if let Some((base, rest)) = lower.split_once('<') {
        if let (Some((t, _)), Some(inner)) = (type_word(base), rest.strip_suffix('>')) {
            if !matches!(t, DocType::Array(_)) {
                info.ty = t;
                info.format = inner.split('|').find_map(format_word);
                return Some(info);
            }
        }
    }
    // `string (ISO 8601)`, `RFC 3339`: one word for the format.
    let lower = lower
        .replace("iso 8601", "iso8601")
        .replace("rfc 3339", "rfc3339");
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')' | '\u{b7}' | ';'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        match w {
            // `str | None`: Python's null.
            "null" | "nullable" | "none" => info.nullable = true,
            "required" | "req" => info.required = Some(true),
            "optional" => info.required = Some(false),
            "or" | "a" | "an" | "sent" | "as" | "in" => {}
            // `array (string)`: the items' type after the word.
            "array" | "list" if !found && words.get(i + 1).and_then(|w| type_word(w)).is_some() => {
                let inner = words.get(i + 1).and_then(|w| type_word(w));
                info.ty = DocType::Array(inner.map(|(t, _)| Box::new(t)));
                found = true;
                i += 2;
                continue;
            }
            "array" | "list" if words.get(i + 1) == Some(&"of") => {
                let inner = words
                    .get(i + 2)
                    .and_then(|w| type_word(w.trim_end_matches('s')).or_else(|| type_word(w)));
                info.ty = DocType::Array(inner.map(|(t, _)| Box::new(t)));
                found = true;
                i += 3;
                continue;
            }
            _ => {
                // `[string]`, and Go's `[]string`.
                let bracketed = (w.strip_prefix('[').and_then(|x| x.strip_suffix(']')))
                    .or_else(|| w.strip_prefix("[]").filter(|x| !x.is_empty()));
                if let Some(inner) = bracketed.and_then(type_word) {
                    info.ty = DocType::Array(Some(Box::new(inner.0)));
                    found = true;
                } else if let Some(f) = format_word(w) {
                    info.format = info.format.or(Some(f));
                    if !found && f != Format::UnixTime {
                        info.ty = DocType::String;
                        found = true;
                    }
                } else if let Some((t, f)) = (!found)
                    .then(|| type_word(w).or_else(|| type_word(w.trim_end_matches('s'))))
                    .flatten()
                {
                    info.ty = t;
                    info.format = info.format.or(f);
                    found = true;
                } else if matches!(w, "enum" | "const") && !found {
                    info.ty = DocType::String;
                    found = true;
                }
            }
        }
        i += 1;
    }
    // `unix timestamp`, `timestamp(UTC) in seconds`: an integer; in
    // milliseconds, an integer that is no Unix time in seconds.
    if !found && info.format == Some(Format::UnixTime) {
        let seconds = ["unix", "seconds", "epoch"]
            .iter()
            .any(|w| lower.contains(w));
        if lower.contains("millisecond") || words.contains(&"ms") {
            info.ty = DocType::Integer;
            info.format = None;
            found = true;
        } else if seconds {
            info.ty = DocType::Integer;
            found = true;
        }
    }
    // A class name: `PaymentDetails` is an object, `Address[]` a list of them;
    // a bare `Timestamp` names a format, not a class.
    if !found && info.format.is_some() {
        return None;
    }
    if !found {
        let original = text.trim();
        if let Some(class) = original.strip_suffix("[]").filter(|c| is_class(c)) {
            info.ty = DocType::Array(Some(Box::new(if enum_class(class).is_some() {
                DocType::String
            } else {
                DocType::Object
            })));
            return Some(info);
        }
        if !is_class(original) {
            return None;
        }
        // `RecordTypeEnum`: an SDK's enum class, sent as its string value.
        info.ty = if enum_class(original).is_some() {
            DocType::String
        } else {
            DocType::Object
        };
    }
    Some(info)
}

/// Words that head a part of a page (`Body`, `Response`), never a class.
const SECTION_WORDS: &[&str] = &[
    "Attributes",
    "Body",
    "Description",
    "Events",
    "Example",
    "Examples",
    "Fields",
    "Headers",
    "Overview",
    "Parameters",
    "Payload",
    "Properties",
    "Request",
    "Response",
    "Responses",
    "Returns",
    "Schema",
];

/// `PaymentDetails`: a class name as an SDK's docs give a type.
fn is_class(text: &str) -> bool {
    !SECTION_WORDS.contains(&text)
        && text.starts_with(|c: char| c.is_ascii_uppercase())
        && text.chars().all(|c| c.is_ascii_alphanumeric())
        && text.chars().any(|c| c.is_ascii_lowercase())
}

/// `RecordTypeEnum`: an SDK's enum class, named as a type.
pub fn enum_class(text: &str) -> Option<&str> {
    let text = text.trim().trim_matches('`');
    (is_class(text) && text.len() > "Enum".len() && text.ends_with("Enum")).then_some(text)
}

/// An enum stated anywhere in a description: `Possible values: [a, b]`,
/// `` Can be `a`, `b`, or `c` ``, `One of: a, b`, `"Live" | "Test"`.
pub fn enum_in_text(text: &str) -> Option<EnumValues> {
    let lower = text.to_ascii_lowercase();
    // A lead word somewhere in the text, then a list.
    for lead in [
        "possible values",
        "allowed values",
        "available options",
        "options:",
        "enum:",
        "one of:",
        "values:",
        "valid values",
        "accepted values",
        "supported values",
        "allowed:",
    ] {
        if let Some(at) = lower.find(lead) {
            if let Some(v) = enum_line(&text[at..]) {
                return Some(v);
            }
        }
    }
    // `Can be `a`, `b`, or `c`` and `One of `a`, `b``: the code spans after it.
    // The list ends with its sentence: in `` Can be one of `success` or
    // `stale`. This value will be `null` until the run has `completed`. ``
    // the spans after the full stop are prose, not values.
    for lead in [
        "can be",
        "one of",
        "either",
        "valid values",
        "accepted values",
        "supported values",
    ] {
        if let Some(at) = lower.find(lead) {
            let spans = code_words(sentence(&text[at..]));
            if spans.len() >= 2 {
                return Some(EnumValues::Strings(spans));
            }
        }
    }
    // Code spans listed with only commas and `or` between, after a lead of
    // a few words or none: ``May be `m1` or `m2`.``, ``Possible statuses:
    // `s1`, `s2`.``, ``Supported types are `t1` and `t2`.``, `` `e1` or
    // `e2`. `` (not ``will be `null` until it has `completed` ``).
    for lead in [
        "",
        "may be",
        "possible",
        "supported",
        "values include",
        "set to",
        "will be",
    ] {
        let Some(at) = lower.find(lead) else { continue };
        if !lead.is_empty() && at > 0 && !lower[..at].ends_with([' ', '(']) {
            continue;
        }
        if let Some(values) = code_list(sentence(&text[at + lead.len()..])) {
            return Some(EnumValues::Strings(values));
        }
    }
    // One value stated as the only one: ``Currently, can only be `team`.``
    // The value must follow the lead, so that `can only be set when
    // `status` is `active`` is no list.
    if let Some(at) = lower.find("can only be ") {
        let rest = text[at + "can only be ".len()..].trim_start();
        if rest.starts_with('`') {
            let spans = code_words(sentence(rest));
            if !spans.is_empty() {
                return Some(EnumValues::Strings(spans));
            }
        }
    }
    // A type cell with its values: `enum (m f d n)`, `enum<a,b>`,
    // `enum[a, b]`, `enum: a, b`.
    let opened = ["enum (", "enum(", "enum<", "enum["]
        .iter()
        .find_map(|open| lower.find(open).map(|at| (at + open.len(), open)));
    if let Some((at, open)) = opened {
        let inner = &text[at..];
        let closer = match open.chars().last() {
            Some('<') => '>',
            Some('[') => ']',
            _ => ')',
        };
        if let Some(close) = inner.find(closer) {
            let values: Vec<String> = inner[..close]
                .split([' ', ',', '|'])
                .map(|v| v.trim_matches(|c| matches!(c, '"' | '\'' | '`')))
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
                .collect();
            if values.len() >= 2 {
                return Some(EnumValues::Strings(values));
            }
        }
    }
    // JSON Schema written out: `"enum": ["a", "b"]`.
    if let Some(at) = lower.find("\"enum\"") {
        if let Some(open) = text[at..].find('[') {
            let list = &text[at + open..];
            if let Some(close) = list.find(']') {
                if let Ok(values) = serde_json::from_str::<Vec<serde_json::Value>>(&list[..=close])
                {
                    let strings: Option<Vec<String>> = values
                        .iter()
                        .map(|v| v.as_str().map(str::to_owned))
                        .collect();
                    let ints: Option<Vec<i64>> =
                        values.iter().map(serde_json::Value::as_i64).collect();
                    if let Some(s) = strings.filter(|s| !s.is_empty()) {
                        return Some(EnumValues::Strings(s));
                    }
                    if let Some(i) = ints.filter(|i| !i.is_empty()) {
                        return Some(EnumValues::Integers(i));
                    }
                }
            }
        }
    }
    // Code spans between parentheses, and only commas and `or` between
    // them: ``The risk level (`low`, `medium`, or `high`).``
    let mut rest = text;
    while let Some(open) = rest.find("(`") {
        let inner = &rest[open + 1..];
        let Some(close) = inner.find(')') else { break };
        if let Some(spans) = code_list(&inner[..close]) {
            return Some(EnumValues::Strings(spans));
        }
        rest = &inner[close..];
    }
    // Values between parentheses, apart by bars: `string (live|test)`.
    if let (Some(open), Some(close)) = (text.find('('), text.rfind(')')) {
        let inner = text.get(open + 1..close).unwrap_or("");
        let values: Vec<&str> = inner.split('|').map(str::trim).collect();
        let words = values.iter().all(|v| {
            !v.is_empty()
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        });
        if values.len() >= 2 && words {
            return Some(EnumValues::Strings(
                values.iter().map(|v| (*v).to_owned()).collect(),
            ));
        }
    }
    // A TypeScript union of string literals: `"Live" | "Test"`.
    let parts: Vec<&str> = text.split('|').map(str::trim).collect();
    if parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.len() >= 2 && p.starts_with('"') && p.ends_with('"'))
    {
        return Some(EnumValues::Strings(
            parts.iter().map(|p| p[1..p.len() - 1].to_owned()).collect(),
        ));
    }
    glued_values(text).map(EnumValues::Strings)
}

/// The one-word code spans of `text`: `` `a`, `b` or `c d` `` gives `a`, `b`.
pub fn code_words(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::trim)
        .filter(|s| !s.is_empty() && !s.contains(' '))
        .map(str::to_owned)
        .collect()
}

/// Two or more code spans with only commas, `or` and `and` between, after
/// at most three words (`statuses:`, `types are`), ending the text.
fn code_list(text: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = text.split('`').collect();
    // Spans at odd places; the text between them at even ones.
    if parts.len() < 5 || parts.len() % 2 == 0 {
        return None;
    }
    let lead_words = parts[0].split_whitespace().count();
    let tail = parts[parts.len() - 1].trim().trim_end_matches(['.', ')']);
    let joins = parts[2..parts.len() - 1].iter().step_by(2).all(|s| {
        s.replace(',', " ")
            .split_whitespace()
            .all(|w| matches!(w, "or" | "and"))
    });
    let spans: Vec<String> = parts
        .iter()
        .skip(1)
        .step_by(2)
        .map(|s| s.trim().to_owned())
        .collect();
    let words = spans.iter().all(|s| !s.is_empty() && !s.contains(' '));
    (lead_words <= 3 && tail.is_empty() && joins && words).then_some(spans)
}

/// `text` up to the end of its first sentence: a full stop outside code
/// spans, followed by a space or the end (`v1.2` and `` `a.b` `` do not end
/// one).
fn sentence(text: &str) -> &str {
    let mut in_code = false;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'`' => in_code = !in_code,
            b'.' if !in_code && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()) => {
                return &text[..i];
            }
            _ => {}
        }
    }
    text
}

/// Values glued to their meaning, as a table of value and description reads
/// once its cells lose their borders: `dayCharge based on day(s).weekCharge
/// based on week(s).` gives `day`, `week`. Each sentence must start with a
/// lowercase word run straight into a capitalized one, and two must.
fn glued_values(text: &str) -> Option<Vec<String>> {
    let mut values = Vec::new();
    for piece in text.split(['.', ';', '\n']) {
        let p = piece.trim_start();
        let len = p
            .bytes()
            .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_')
            .count();
        if len == 0 || len > 30 || !p.starts_with(|c: char| c.is_ascii_lowercase()) {
            continue;
        }
        let mut rest = p[len..].chars();
        if rest.next().is_some_and(|c| c.is_ascii_uppercase())
            && rest.next().is_some_and(|c| c.is_ascii_lowercase())
        {
            values.push(p[..len].to_owned());
        }
    }
    (values.len() >= 2).then_some(values)
}

/// Values listed in a comment beside an example value: `paid or refunded`,
/// `one of: open, closed`, `"a" | "b"`, `active/paused/cancelled`. Only a
/// list that holds the example's own value counts, so that prose such as
/// `seconds or milliseconds` is not read as values.
///
/// A comment that names its field and quotes other values of it adds them
/// to the example's: `"status": "authorized", // for failed payments the
/// status would be "failed"`.
pub fn enum_in_comment(comment: &str, key: &str, value: &str) -> Option<Vec<String>> {
    listed_in_comment(comment, value).or_else(|| quoted_others(comment, key, value))
}

fn quoted_others(comment: &str, key: &str, value: &str) -> Option<Vec<String>> {
    let word = |v: &str| {
        (2..=40).contains(&v.len())
            && v.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-'))
    };
    let lower = comment.to_ascii_lowercase();
    let named = lower.contains(&key.to_ascii_lowercase()) || lower.contains(&key.replace('_', " "));
    if !word(value) || !named {
        return None;
    }
    let mut values = vec![value.to_owned()];
    for quote in ['"', '`'] {
        for v in comment.split(quote).skip(1).step_by(2) {
            if word(v) && v != key && !values.iter().any(|x| x == v) {
                values.push(v.to_owned());
            }
        }
    }
    (values.len() >= 2).then_some(values)
}

fn listed_in_comment(comment: &str, value: &str) -> Option<Vec<String>> {
    let values = match enum_in_text(comment) {
        Some(EnumValues::Strings(v)) => v,
        Some(_) => return None,
        None => {
            let lower = comment.to_ascii_lowercase();
            let mut rest = comment;
            for lead in ["one of", "either", "can be", "values", "possible values"] {
                if lower.starts_with(lead) {
                    rest = &comment[lead.len()..];
                }
            }
            let rest = rest.trim_start_matches([':', ' ']).trim_end_matches('.');
            rest.replace(" or ", ",")
                .replace(" and ", ",")
                .split([',', '|', '/'])
                .map(|v| v.trim().trim_matches(|c| matches!(c, '"' | '\'' | '`')))
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
                .collect()
        }
    };
    let token = |v: &str| {
        v.len() <= 40
            && !v.contains(' ')
            && v.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
    };
    (values.len() >= 2 && values.iter().all(|v| token(v)) && values.iter().any(|v| v == value))
        .then_some(values)
}

/// Type words that may be glued between a field name and its description,
/// longest first so `string` wins over `str`.
pub const GLUED_TYPES: &[&str] = &[
    "boolean", "integer", "string", "object", "number", "double", "float", "array", "int64",
    "int32", "bool", "long", "hash", "list", "uuid", "str", "int",
];

/// A format named on its own line or in a type: `Format uuid`, `Formatuuid`.
pub fn format_line(line: &str) -> Option<Format> {
    let rest = line.trim().strip_prefix("Format")?;
    format_word(rest.trim_start_matches([':', ' ']))
}

pub fn format_word(word: &str) -> Option<Format> {
    Some(match word.trim().to_ascii_lowercase().as_str() {
        "uuid" => Format::Uuid,
        "date-time" | "datetime" | "iso8601" | "iso 8601" | "iso-8601" | "iso_8601" | "rfc3339" => {
            Format::DateTime
        }
        "date" => Format::Date,
        "decimal" => Format::Decimal,
        "unix" | "unix-time" | "timestamp" => Format::UnixTime,
        _ => return None,
    })
}

/// Whether a description says a number is a Unix timestamp.
pub fn mentions_unix_time(description: &str) -> bool {
    let d = description.to_ascii_lowercase();
    d.contains("unix") || d.contains("epoch")
}

/// An enum list line: `Options: 0, 1, 2`, `Options: 1 - 46`,
/// `Possible values: [print, email]`, `Allowed values: a b`, `Enum: "a" "b"`.
pub fn enum_line(line: &str) -> Option<EnumValues> {
    const LEADS: &[&str] = &[
        "possible values are",
        "possible values:",
        "possible values",
        "allowed values:",
        "allowed values",
        "available options:",
        "options:",
        "enum:",
        "one of:",
        "can be one of:",
        "values:",
        "valid values are",
        "valid values:",
        "accepted values:",
        "supported values:",
        "allowed:",
    ];
    let t = line.trim();
    let lower = t.to_ascii_lowercase();
    let lead = LEADS.iter().find(|l| lower.starts_with(**l))?;
    let body = t[lead.len()..].trim().trim_end_matches('.');
    let body = body
        .strip_prefix('[')
        .and_then(|b| b.strip_suffix(']'))
        .unwrap_or(body);
    if let Some((a, b)) = body.split_once(['-', '\u{2013}']) {
        if let (Ok(a), Ok(b)) = (a.trim().parse::<i64>(), b.trim().parse::<i64>()) {
            return (a <= b).then_some(EnumValues::Range(a, b));
        }
    }
    let separators: &[char] = if body.contains(',') || body.contains('|') {
        &[',', '|']
    } else if body.contains(" / ") {
        // `u1 / u2 / u3`: slashes set apart (`orders/create` is one value).
        &['/']
    } else {
        &[' ']
    };
    let values: Vec<String> = body
        .split(separators)
        .map(|v| {
            let v = v.trim();
            let v = v
                .strip_prefix("or ")
                .or_else(|| v.strip_prefix("and "))
                .unwrap_or(v);
            v.trim_matches(|c| matches!(c, '"' | '\'' | '`' | '\u{201c}' | '\u{201d}'))
                .to_owned()
        })
        .filter(|v| !v.is_empty())
        .collect();
    if values.is_empty() {
        return None;
    }
    let ints: Option<Vec<i64>> = values.iter().map(|v| v.parse().ok()).collect();
    Some(match ints {
        Some(ints) => EnumValues::Integers(ints),
        None => EnumValues::Strings(values),
    })
}

/// Whether a string value is a stand-in for a type, not a real value:
/// `<string>`, `<<event name>>`, `"string"`, `"boolean"`.
pub fn is_placeholder_str(s: &str) -> bool {
    const TYPE_WORDS: &[&str] = &[
        "string",
        "str",
        "text",
        "boolean",
        "bool",
        "integer",
        "int",
        "number",
        "float",
        "date",
        "datetime",
        "uuid",
        "object",
        "array",
        "any",
        "unknown",
        "null",
        "placeholder",
    ];
    const LONGEST: usize = longest(TYPE_WORDS);
    let t = s.trim();
    // Every value of every example passes here: no allocation, and no
    // word compared to a value longer than every word.
    is_stand_in(t) || (t.len() <= LONGEST && TYPE_WORDS.iter().any(|w| t.eq_ignore_ascii_case(w)))
}

/// The length of the longest of `words`.
const fn longest(words: &[&str]) -> usize {
    let (mut i, mut most) = (0, 0);
    while i < words.len() {
        if words[i].len() > most {
            most = words[i].len();
        }
        i += 1;
    }
    most
}

/// Words that say what a value is instead of being one.
const STAND_IN_WORDS: &[&str] = &[
    "name",
    "of",
    "the",
    "event",
    "type",
    "your",
    "my",
    "some",
    "value",
    "here",
    "example",
    "sample",
    "placeholder",
    "string",
    "goes",
];

/// `<event>`, `<<event name>>`, `name_of_event`: a value saying what goes in
/// its place. Unlike [`is_placeholder_str`], a type word such as `unknown`
/// or `string` may still be a real value (an event named `unknown`).
pub fn is_stand_in(t: &str) -> bool {
    (t.starts_with('<') && t.ends_with('>')) || says_what_goes_here(t)
}

/// `name_of_event`, `your-event-type`, `EVENT_NAME`: two words or more, each
/// one saying what belongs in the place rather than being it.
fn says_what_goes_here(t: &str) -> bool {
    if !t.contains(['_', '-', ' ', '.']) {
        return false;
    }
    let mut words = 0;
    for w in t.split(['_', '-', ' ', '.']) {
        if !STAND_IN_WORDS.iter().any(|s| w.eq_ignore_ascii_case(s)) {
            return false;
        }
        words += 1;
    }
    words >= 2
}

/// A field name: letters, digits, `_`, `-` and `$`, not starting with a digit.
pub fn is_field_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '$'))
}

/// A dotted or bracketed path of field names: `data.object.type`, `a[b]`.
pub fn field_path(s: &str) -> Option<Vec<String>> {
    let normalized = s.replace('[', ".").replace(']', "");
    let parts: Vec<String> = normalized.split('.').map(str::to_owned).collect();
    parts.iter().all(|p| is_field_name(p)).then_some(parts)
}

/// A one-word event type, as vendors that do not use dots write them:
/// `PAYMENT_CREATED`, `payment_created`, `PaymentCreated`, `payment-created`.
/// Read only where the page speaks of events (an event table, a list under
/// an "Events" heading): elsewhere such words are field names.
pub fn is_word_event_name(s: &str) -> bool {
    let s = s.trim_matches('`');
    let ident = s.len() >= 3
        && s.len() <= 80
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'));
    let joined = s.contains(['_', '-']) && !s.ends_with(['_', '-']);
    let humps = s.chars().filter(char::is_ascii_uppercase).count() >= 2
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.chars().any(|c| c.is_ascii_lowercase());
    ident && (joined || humps) && !is_media_type(s)
}

/// A list item split into its name and what follows a dash or colon:
/// `order_created - Sent when…`, `` `open`: the issue was opened ``.
pub fn described(item: &str) -> Option<(&str, &str)> {
    [" - ", " \u{2014} ", " \u{2013} ", ": "]
        .iter()
        .find_map(|sep| item.split_once(sep))
}

/// A name in a table's events column: any event name, or one word in one
/// case (`AUTHORISATION`, `push`), which only such a column makes an event.
pub fn is_table_event_name(s: &str) -> bool {
    let one_case = s.len() >= 3
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && (!s.contains(|c: char| c.is_ascii_lowercase())
            || !s.contains(|c: char| c.is_ascii_uppercase()));
    is_event_name(s) || is_word_event_name(s) || one_case
}

/// Folders that hold example files without naming an event.
const CONTAINER_FOLDERS: &[&str] = &[
    "examples", "example", "payloads", "payload", "samples", "sample", "fixtures", "webhooks",
    "webhook", "events", "docs", "pages", "json", "data",
];

/// File-name segments that label a sample rather than name its event:
/// `customer.updated.2.json`, `opened.payload.json`.
const SAMPLE_SEGMENTS: &[&str] = &["payload", "example", "sample", "body", "webhook", "json"];

/// File names that say nothing about an event.
const GENERIC_FILES: &[&str] = &[
    "index", "readme", "request", "response", "schema", "test", "tests", "all", "full", "minimal",
    "default",
];

/// The event a file's place names, given its path inside the vendor's
/// folder. For a payload file (`bare`), the innermost folder names it
/// (`issues/opened.payload.json`: `issues`; `customer.updated/2.json`),
/// unless it is a container such as `examples/`; else the file name does (`customer.updated.2.json`:
/// `customer.updated`). A single word (`push.json`) names an event only in a
/// `.json` file that is nothing but a JSON document (`bare`), and only if it
/// is not a generic word (`events.json`, `example.json`): a prose page named
/// `package-upgrade.txt` says its events in its text.
pub fn path_event(rel: &str, bare: bool) -> Option<String> {
    let parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
    let (file, folders) = parts.split_last()?;
    let word = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
            && !s.contains("..")
            && !s.ends_with('.')
    };
    let container = |f: &str| {
        let l = f.to_ascii_lowercase();
        // `v2/`, `2024-01-01/`: versions hold files too.
        let version = l.strip_prefix('v').unwrap_or(&l);
        CONTAINER_FOLDERS.contains(&l.as_str())
            || version
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-'))
    };
    // Only payload files: a prose page in a folder says its events itself.
    if let Some(folder) = folders.iter().rev().find(|f| bare && !container(f)) {
        if word(folder) {
            return Some((*folder).to_owned());
        }
    }
    let stem = file.rsplit_once('.').map_or(*file, |(stem, _)| stem);
    let mut segments: Vec<&str> = stem.split('.').collect();
    // `1`, `payload`, `with-organization`: labels of one sample among others.
    while segments.len() > 1
        && segments.last().is_some_and(|s| {
            let l = s.to_ascii_lowercase();
            s.chars().all(|c| c.is_ascii_digit())
                || SAMPLE_SEGMENTS.contains(&l.as_str())
                || l.starts_with("with-")
                || l.starts_with("without-")
        })
    {
        segments.pop();
    }
    let name = segments.join(".");
    let lower = name.to_ascii_lowercase();
    let one_word = bare
        && file.to_ascii_lowercase().ends_with(".json")
        && segments.len() == 1
        && word(&name)
        && !CONTAINER_FOLDERS.contains(&lower.as_str())
        && !SAMPLE_SEGMENTS.contains(&lower.as_str())
        && !GENERIC_FILES.contains(&lower.as_str());
    (is_event_name(&name) || one_word).then_some(name)
}

/// An event type such as `customer.updated`, `orders/create`, `v3/x.y`: two or
/// more name segments joined by `.`, `/` or `:`.
pub fn is_event_name(s: &str) -> bool {
    let segments: Vec<&str> = s.split(['.', '/', ':']).collect();
    segments.len() >= 2
        && segments.iter().all(|seg| {
            !seg.is_empty()
                && seg
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        })
        && s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && !is_media_type(s)
        && !is_file_name(s)
}

/// Whether an event-shaped name's last part says something was done:
/// `ticket.opened`, `invoice.paid`, `order/sent`; not `data.id`.
pub fn names_a_deed(name: &str) -> bool {
    let last = name.rsplit(['.', '/', ':']).next().unwrap_or("");
    let last = last.rsplit('_').next().unwrap_or(last).to_ascii_lowercase();
    (last.len() >= 4 && last.ends_with("ed"))
        || matches!(
            last.as_str(),
            "paid"
                | "sent"
                | "won"
                | "lost"
                | "begun"
                | "done"
                | "held"
                | "left"
                | "made"
                | "shown"
        )
}

/// A table's header cell over event names: `Event`, `Event Key`, `Event
/// type`, `Webhook Event`, `Topic`, `Subscription Type`. Words only:
/// `event_type` or `eventType` is a field's row, not a header.
pub fn is_events_header(cell: &str) -> bool {
    let c = cell.trim_matches(|c: char| c == '`' || c == '*' || c == ' ');
    let words = !c.is_empty() && c.chars().all(|ch| ch.is_ascii_alphabetic() || ch == ' ');
    let camel = c
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    let c = c.to_ascii_lowercase();
    words
        && !camel
        && (c.starts_with("event")
            || matches!(
                c.as_str(),
                "webhook event" | "topic" | "topics" | "subscription type"
            ))
}

/// The endings of file names, which no event name has.
const FILE_EXTENSIONS: &[&str] = &[
    "txt", "json", "md", "mdx", "html", "htm", "xml", "yaml", "yml", "csv", "pdf", "png", "jpg",
    "jpeg", "gif", "svg", "js", "ts", "jsx", "tsx", "py", "rb", "php", "java", "go", "rs", "sh",
    "cs", "kt", "swift", "zip", "gz", "tar", "exe", "log", "sql", "env", "ini", "toml", "lock",
];

/// `llms.txt`, `sample.webhook.json`: a file, not an event.
pub fn is_file_name(s: &str) -> bool {
    s.rsplit_once('.')
        .is_some_and(|(_, ext)| FILE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

fn is_media_type(s: &str) -> bool {
    ["application/", "text/", "multipart/", "image/"]
        .iter()
        .any(|p| s.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_glued_to_their_meaning() {
        assert_eq!(
            enum_in_text("How often to charge.dayCharge based on day(s).weekCharge based on week(s).monthCharge based on month(s)."),
            Some(EnumValues::Strings(vec!["day".into(), "week".into(), "month".into()]))
        );
        // One glued word is a name and its description, not a list.
        assert_eq!(
            enum_in_text("idThe unique identifier. It never changes."),
            None
        );
    }

    #[test]
    fn values_listed_in_comments() {
        let trials = [
            ("paid or refunded", "paid", Some(vec!["paid", "refunded"])),
            (
                "one of: web, pos, api",
                "pos",
                Some(vec!["web", "pos", "api"]),
            ),
            (
                "`gold`, `silver` or `bronze`",
                "gold",
                Some(vec!["gold", "silver", "bronze"]),
            ),
            (
                "active/paused/cancelled",
                "paused",
                Some(vec!["active", "paused", "cancelled"]),
            ),
            // Prose, or a list without the example's value: no enum.
            ("seconds or milliseconds", "1716200000", None),
            ("the customer's e-mail", "a@b.c", None),
            ("paid or refunded", "void", None),
        ];
        for (comment, value, want) in trials {
            let want = want.map(|v| v.into_iter().map(str::to_owned).collect::<Vec<_>>());
            assert_eq!(enum_in_comment(comment, "x", value), want, "{comment}");
        }
        // A comment naming its field, with other values quoted.
        let named = [
            (
                "for payments that have failed, the status would be \"failed\".",
                "status",
                "authorized",
                Some(vec!["authorized", "failed"]),
            ),
            (
                "set when the `card_type` is `debit`",
                "card_type",
                "credit",
                Some(vec!["credit", "debit"]),
            ),
            // Not naming the field, or quoting no value like it: nothing.
            (
                "would be \"failed\" otherwise",
                "status",
                "authorized",
                None,
            ),
            ("the status, as in \"Paid In Full\"", "status", "paid", None),
        ];
        for (comment, key, value, want) in named {
            let want = want.map(|v| v.into_iter().map(str::to_owned).collect::<Vec<_>>());
            assert_eq!(enum_in_comment(comment, key, value), want, "{comment}");
        }
    }

    #[test]
    fn files_and_folders_name_events() {
        let trials = [
            ("issues/opened.payload.json", true, Some("issues")),
            (
                "issues/opened.with-organization.payload.json",
                true,
                Some("issues"),
            ),
            ("customer.updated.2.json", true, Some("customer.updated")),
            (
                "issues.opened.with-organization.payload.json",
                true,
                Some("issues.opened"),
            ),
            ("customer.updated/1.json", true, Some("customer.updated")),
            (
                "examples/customer.created.json",
                true,
                Some("customer.created"),
            ),
            (
                "webhooks/v2/order.paid.example.json",
                true,
                Some("order.paid"),
            ),
            ("payloads/2024-01-01/push.json", true, Some("push")),
            ("push.json", true, Some("push")),
            ("webhook-docs/overview.md", false, None),
            ("billing/invoice.paid.md", false, Some("invoice.paid")),
            // A single word names an event only as a bare `.json` payload.
            ("push.json", false, None),
            ("push.txt", true, None),
            ("package-upgrade.txt", false, None),
            ("events.json", true, None),
            ("examples/payload.json", true, None),
            ("1.json", true, None),
        ];
        for (rel, bare, want) in trials {
            assert_eq!(
                path_event(rel, bare).as_deref(),
                want,
                "{rel} (bare: {bare})"
            );
        }
    }

    #[test]
    fn type_words() {
        let trials = [
            ("str", DocType::String),
            ("Integer", DocType::Integer),
            ("float", DocType::Number),
            ("bool", DocType::Boolean),
            ("object", DocType::Object),
            ("array", DocType::Array(None)),
            ("string[]", DocType::Array(Some(Box::new(DocType::String)))),
            (
                "array<int>",
                DocType::Array(Some(Box::new(DocType::Integer))),
            ),
        ];
        for (word, want) in trials {
            assert_eq!(type_word(word).map(|t| t.0), Some(want), "{word}");
        }
        assert_eq!(type_word("PaymentDetails"), None);
    }

    #[test]
    fn type_phrases() {
        let t = |s: &str| type_phrase(s).map(|i| (i.ty, i.format, i.nullable, i.required));
        use DocType::*;
        let trials = [
            ("nullable string", Some((String, None, true, None))),
            ("string | null", Some((String, None, true, None))),
            ("?string", Some((String, None, true, None))),
            ("Int?", Some((Integer, None, true, None))),
            ("Nullable<String>", Some((String, None, true, None))),
            ("Optional<integer>", Some((Integer, None, true, None))),
            ("Is it set?", None),
            ("Optional[str]", Some((String, None, true, None))),
            ("str | None", Some((String, None, true, None))),
            (
                "[]string",
                Some((Array(Some(Box::new(String))), None, false, None)),
            ),
            (
                "ISO-8601 timestamp",
                Some((String, Some(Format::DateTime), false, None)),
            ),
            // A timestamp says no kind: the examples' values do.
            ("Timestamp", None),
            // A section's heading is no class.
            ("Body", None),
            ("PaymentDetails", Some((Object, None, false, None))),
            ("Unix timestamp (ms)", Some((Integer, None, false, None))),
            (
                "string (ISO 8601)",
                Some((String, Some(Format::DateTime), false, None)),
            ),
            (
                "timestamp(UTC) in seconds",
                Some((Integer, Some(Format::UnixTime), false, None)),
            ),
            (
                "unix timestamp in milliseconds",
                Some((Integer, None, false, None)),
            ),
            (
                "array (string)",
                Some((Array(Some(Box::new(String))), None, false, None)),
            ),
            (
                "Address[]",
                Some((Array(Some(Box::new(Object))), None, false, None)),
            ),
            ("URL", Some((String, None, false, None))),
            ("bigint", Some((Integer, None, false, None))),
            (
                "integer (required)",
                Some((Integer, None, false, Some(true))),
            ),
            ("string, optional", Some((String, None, false, Some(false)))),
            (
                "string<uuid>",
                Some((String, Some(Format::Uuid), false, None)),
            ),
            (
                "string \u{b7} uuid",
                Some((String, Some(Format::Uuid), false, None)),
            ),
            (
                "array of strings",
                Some((Array(Some(Box::new(String))), None, false, None)),
            ),
            (
                "[integer]",
                Some((Array(Some(Box::new(Integer))), None, false, None)),
            ),
            (
                "list of objects",
                Some((Array(Some(Box::new(Object))), None, false, None)),
            ),
            ("`boolean`", Some((Boolean, None, false, None))),
            ("PaymentDetails", Some((Object, None, false, None))),
            ("RecordTypeEnum", Some((String, None, false, None))),
            (
                "OffsetDateTime",
                Some((String, Some(Format::DateTime), false, None)),
            ),
            (
                "date-time",
                Some((String, Some(Format::DateTime), false, None)),
            ),
            ("The id of the thing", None),
        ];
        for (text, want) in trials {
            assert_eq!(t(text), want, "{text}");
        }
    }

    #[test]
    fn enums_in_prose() {
        use EnumValues::*;
        let trials = [
            (
                "The state. Can be `queued`, `in_progress`, or `completed`.",
                Some(Strings(vec![
                    "queued".into(),
                    "in_progress".into(),
                    "completed".into(),
                ])),
            ),
            (
                "Mode. Possible values: [live, test]",
                Some(Strings(vec!["live".into(), "test".into()])),
            ),
            (
                "The risk level (`low`, `medium`, or `high`).",
                Some(Strings(vec!["low".into(), "medium".into(), "high".into()])),
            ),
            // Code spans in parentheses with other words are no list.
            ("Set when (`status` is `paid`).", None),
            (
                "May be `m1` or `m2`.",
                Some(Strings(vec!["m1".into(), "m2".into()])),
            ),
            (
                "Possible statuses: `s1`, `s2`.",
                Some(Strings(vec!["s1".into(), "s2".into()])),
            ),
            (
                "Supported types are `t1` and `t2`.",
                Some(Strings(vec!["t1".into(), "t2".into()])),
            ),
            (
                "`e1` or `e2`.",
                Some(Strings(vec!["e1".into(), "e2".into()])),
            ),
            // Spans with prose between, or given as examples, are no list.
            ("This will be `null` until the run has `completed`.", None),
            ("e.g. `h1`, `h2`", None),
            (
                "Where it came from. Allowed: online, offline",
                Some(Strings(vec!["online".into(), "offline".into()])),
            ),
            (
                "\"Live\" | \"Test\"",
                Some(Strings(vec!["Live".into(), "Test".into()])),
            ),
            (
                "Schema: {\"type\": \"string\", \"enum\": [\"a\", \"b\"]}",
                Some(Strings(vec!["a".into(), "b".into()])),
            ),
            (
                "enum (m f d n)",
                Some(Strings(vec![
                    "m".into(),
                    "f".into(),
                    "d".into(),
                    "n".into(),
                ])),
            ),
            (
                "Can be one of `success` or `stale`. This value will be `null` \
                 until the check run has `completed`.",
                Some(Strings(vec!["success".into(), "stale".into()])),
            ),
            (
                "Either `v1.2` or `v2`, as set.",
                Some(Strings(vec!["v1.2".into(), "v2".into()])),
            ),
            (
                "The scope. Currently, can only be `team`.",
                Some(Strings(vec!["team".into()])),
            ),
            ("It can only be set when `status` is `active`.", None),
            ("Whether it can be used.", None),
            (
                "Valid values are `s1`, `s2`, and `s3`.",
                Some(Strings(vec!["s1".into(), "s2".into(), "s3".into()])),
            ),
            (
                "One of: u1 / u2 / u3",
                Some(Strings(vec!["u1".into(), "u2".into(), "u3".into()])),
            ),
            (
                "string (live|test)",
                Some(Strings(vec!["live".into(), "test".into()])),
            ),
            ("enum<t1,t2>", Some(Strings(vec!["t1".into(), "t2".into()]))),
            ("The amount (in cents).", None),
            ("Its kind (a or b).", None),
        ];
        for (text, want) in trials {
            assert_eq!(enum_in_text(text), want, "{text}");
        }
    }

    #[test]
    fn enum_lines() {
        use EnumValues::*;
        let trials = [
            ("Options: 0, 1, 2, 3", Some(Integers(vec![0, 1, 2, 3]))),
            ("Options: 1 - 46", Some(Range(1, 46))),
            (
                r#"Options: "invalid", "landline""#,
                Some(Strings(vec!["invalid".into(), "landline".into()])),
            ),
            (
                "Possible values: [print, email]",
                Some(Strings(vec!["print".into(), "email".into()])),
            ),
            ("Allowed values: 0 1", Some(Integers(vec![0, 1]))),
            (
                "Possible values are a, b, or c",
                Some(Strings(vec!["a".into(), "b".into(), "c".into()])),
            ),
            ("Optional field", None),
        ];
        for (line, want) in trials {
            assert_eq!(enum_line(line), want, "{line}");
        }
    }

    #[test]
    fn event_names() {
        for yes in [
            "customer.updated",
            "orders/create",
            "v3/a.b",
            "invoice.update",
        ] {
            assert!(is_event_name(yes), "{yes}");
        }
        for no in [
            "application/json",
            "upgrade",
            "a..b",
            "3d.secure",
            "hello world.x",
        ] {
            assert!(!is_event_name(no), "{no}");
        }
        // In an events column, one word in one case is a name too.
        for yes in [
            "CAPTURE",
            "push",
            "order_created",
            "invoice.paid",
            "PaymentCreated",
        ] {
            assert!(is_table_event_name(yes), "{yes}");
        }
        for no in ["Push event", "Yes", "ab", "application/json", "3DS"] {
            assert!(!is_table_event_name(no), "{no}");
        }
    }
}
