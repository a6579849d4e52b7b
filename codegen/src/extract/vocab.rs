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
        "str" | "string" | "text" => (DocType::String, None),
        "int" | "integer" | "int32" | "int64" | "long" => (DocType::Integer, None),
        "float" | "double" | "number" | "decimal" | "numeric" => (DocType::Number, None),
        "bool" | "boolean" => (DocType::Boolean, None),
        "object" | "hash" | "map" | "dict" | "json" => (DocType::Object, None),
        "array" | "list" => (DocType::Array(None), None),
        "uuid" => (DocType::String, Some(Format::Uuid)),
        "datetime" | "date-time" => (DocType::String, Some(Format::DateTime)),
        "date" => (DocType::String, Some(Format::Date)),
        "any" => (DocType::Any, None),
        _ => return None,
    };
    Some(t)
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
        "date-time" | "datetime" | "iso8601" | "iso 8601" => Format::DateTime,
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
    let t = s.trim();
    (t.starts_with('<') && t.ends_with('>'))
        || matches!(
            t.to_ascii_lowercase().as_str(),
            "string"
                | "str"
                | "text"
                | "boolean"
                | "bool"
                | "integer"
                | "int"
                | "number"
                | "float"
                | "date"
                | "datetime"
                | "uuid"
                | "object"
                | "array"
                | "any"
                | "unknown"
                | "null"
                | "placeholder"
        )
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
    }
}
