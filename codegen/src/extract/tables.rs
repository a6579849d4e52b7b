//! Field tables, as they read once a page is flattened to text.
//!
//! Three layouts are read here:
//! - glued cells under a `NameTypeDescription…` header:
//!   `data.object.livestrCustomer status…true`, with `Options: …` lines;
//! - marked listings, one field per line: `event_id?string`, then its
//!   description and `Format uuid` on the following lines;
//! - `name type` trees whose indentation is lost, with `name` + `object`
//!   section headers; nesting is recovered from order (see [`nest`]).

use serde_json::Value;

use super::row::{continue_row, literal, new_row};
use super::vocab::{self, DocType, Format, GLUED_TYPES};
use super::{lines_outside, strip_bullet, EnumValues, FieldRow};
use crate::diag::Source;

type Line<'a> = (usize, &'a str);

pub fn extract(src: &Source, spans: &[(usize, usize)]) -> Vec<FieldRow> {
    extract_apart(src, spans).0
}

/// The page's field rows of the payload, and apart the rows of tables that
/// are not the payload's (a request's headers, a webhook's settings): their
/// names are still fields, not events.
pub fn extract_apart(src: &Source, spans: &[(usize, usize)]) -> (Vec<FieldRow>, Vec<FieldRow>) {
    // A table copied out of a browser keeps its cells apart with tabs:
    // read as the pipe table it was (`objectId⇥The record…`).
    let owned: Vec<(usize, std::borrow::Cow<str>)> = lines_outside(&src.text, spans)
        .map(|(offset, line)| (offset, tabs_as_pipes(line)))
        .collect();
    let lines: Vec<Line> = owned.iter().map(|(o, l)| (*o, l.as_ref())).collect();
    let mut rows = Vec::new();
    let mut apart = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let before = rows.len();
        let next = if is_glued_header(lines[i].1) {
            // The header of a table whose cells a copy glued, or joined
            // with single spaces.
            super::pipes::spaced(src, &lines, i, &mut rows)
                .or_else(|| Some(glued_table(src, &lines, i + 1, &mut rows)))
        } else if lines[i].1.matches('|').count() >= 2 {
            // A line of cells is a pipe table's, whatever else it resembles.
            super::pipes::read(src, &lines, i, &mut rows)
                .or_else(|| super::pipes::values(src, &lines, i, &mut rows))
                .or_else(|| tree(src, &lines, i, &mut rows))
                .or_else(|| marked_listing(src, &lines, i, &mut rows))
        } else {
            field_values_line(src, lines[i], &mut rows)
                .map(|()| i + 1)
                .or_else(|| field_values_list(src, &lines, i, &mut rows))
                .or_else(|| super::pipes::spaced(src, &lines, i, &mut rows))
                .or_else(|| tree(src, &lines, i, &mut rows))
                .or_else(|| qualified_listing(src, &lines, i, &mut rows))
                .or_else(|| marked_listing(src, &lines, i, &mut rows))
                .or_else(|| super::pipes::read(src, &lines, i, &mut rows))
                .or_else(|| super::pipes::values(src, &lines, i, &mut rows))
                .or_else(|| super::bullets::read(src, &lines, i, &mut rows))
                .or_else(|| super::cells::read(src, &lines, i, &mut rows))
        };
        // A table of the endpoint's headers or query parameters is no
        // field list of the payload.
        if rows.len() > before {
            let (mut kept, set_apart): (Vec<FieldRow>, Vec<FieldRow>) =
                rows.drain(before..).partition(|r| {
                    let at = src.line_start(r.loc.line);
                    !outside_payload(&lines, lines.partition_point(|&(o, _)| o < at))
                });
            // Under `The customer object`, where a table above has a
            // `customer` row: the rows are that object's members.
            let parent = object_heading(&lines, i).and_then(|name| {
                let holds = |r: &&FieldRow| {
                    r.path.last() == Some(&name)
                        && matches!(r.ty, None | Some(DocType::Object | DocType::Array(_)))
                };
                rows.iter().rev().find(holds).map(|r| r.path.clone())
            });
            if let Some(parent) = parent {
                for r in &mut kept {
                    r.path.splice(0..0, parent.iter().cloned());
                }
            }
            rows.extend(kept);
            apart.extend(set_apart);
        }
        i = next.unwrap_or(i + 1);
    }
    (rows, apart)
}

/// `name⇥type⇥description` as `| name | type | description |`: a line
/// whose text holds a tab between cells, and no pipe. Tabs that only
/// indent stay.
fn tabs_as_pipes(line: &str) -> std::borrow::Cow<'_, str> {
    let t = line.trim();
    if !t.contains('\t') || t.contains('|') {
        return line.into();
    }
    let cells: Vec<&str> = t.split('\t').map(str::trim).collect();
    format!("| {} |", cells.join(" | ")).into()
}

fn set_type(row: &mut FieldRow, word: &str) {
    if let Some((ty, format)) = vocab::type_word(word) {
        row.ty = Some(ty);
        row.format = row.format.or(format);
    }
}

fn apply_marker(row: &mut FieldRow, marker: &str) -> bool {
    match marker
        .trim()
        .trim_matches(|c| matches!(c, '(' | ')' | '[' | ']' | ','))
        .to_ascii_lowercase()
        .as_str()
    {
        "required" | "*" => row.required = Some(true),
        "optional" => row.required = Some(false),
        "nullable" => row.nullable = Some(true),
        "non-null" | "not-null" | "non-nullable" => row.nullable = Some(false),
        "" => {}
        _ => return false,
    }
    true
}

// ---------------------------------------------------------------------------
// Glued cells: `NameTypeDescriptionExample` then `idstrIdentifier…“x”`.

fn is_glued_header(line: &str) -> bool {
    let squashed: String = line
        .split_whitespace()
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "nametype",
        "fieldtype",
        "attributetype",
        "parametertype",
        "propertytype",
        "keytype",
    ]
    .iter()
    .any(|h| squashed.starts_with(h))
}

/// Splits `data.object.livestrCustomer…` into path, type word and the rest.
/// The name is the shortest prefix followed by a type word that is not itself
/// followed by a lowercase letter (so `idstringRequired` is `id` + `string`).
fn split_glued(t: &str) -> Option<(Vec<String>, &'static str, &str)> {
    for (i, c) in t.char_indices().skip(1) {
        if c.is_whitespace() {
            return None;
        }
        let Some(path) = vocab::field_path(&t[..i]) else {
            continue;
        };
        let rest = &t[i..];
        for ty in GLUED_TYPES {
            let after = rest.strip_prefix(ty).or_else(|| {
                let cap = capitalized(ty);
                rest.strip_prefix(cap.as_str())
            });
            if let Some(after) = after {
                if !after.starts_with(|c: char| c.is_ascii_lowercase()) {
                    return Some((path, ty, after));
                }
            }
        }
    }
    None
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// Glued markers right after the type: `Required`, `Optional`, `Read-only`.
fn strip_glued_markers(row: &mut FieldRow, mut rest: &str) -> String {
    loop {
        let before = rest;
        for (word, required) in [("Required", Some(true)), ("Optional", Some(false))] {
            if let Some(r) = rest.strip_prefix(word) {
                row.required = required;
                rest = r;
            }
        }
        if let Some(r) = rest.strip_prefix("Read-only") {
            rest = r;
        }
        if rest == before {
            return rest.trim().to_owned();
        }
    }
}

fn glued_table(src: &Source, lines: &[Line], mut i: usize, rows: &mut Vec<FieldRow>) -> usize {
    let mut current: Option<FieldRow> = None;
    while let Some(&(offset, line)) = lines.get(i) {
        let t = line.trim();
        if let Some((path, ty, rest)) = split_glued(t) {
            rows.extend(current.take());
            let mut row = new_row(src, offset, line, path);
            set_type(&mut row, ty);
            let rest = strip_glued_markers(&mut row, rest);
            let (description, example) = split_trailing_example(&rest);
            if vocab::mentions_unix_time(&description) && row.ty == Some(DocType::Integer) {
                row.format = Some(Format::UnixTime);
            }
            row.description = description;
            row.example = example;
            current = Some(row);
        } else if t.starts_with(['{', '['])
            || (strip_bullet(line).0 && !current.as_ref().is_some_and(|row| row.list_open))
            || (!current.as_mut().is_some_and(|row| continue_row(row, t)) && !t.is_empty())
        {
            break;
        }
        i += 1;
    }
    rows.extend(current);
    i
}

/// Splits an example glued to the end of a description:
/// `…when the event occurred1622589211`, `…Customer first name"John"`.
fn split_trailing_example(desc: &str) -> (String, Option<Value>) {
    let d = desc.trim_end();
    let start = if let Some(open) = d.strip_suffix('"') {
        open.rfind('"')
    } else if d.ends_with('\u{201d}') {
        d.rfind('\u{201c}')
    } else if d.ends_with([']', '}']) {
        matching_open(d)
    } else if let Some(word) = ["true", "false", "null"].iter().find(|w| d.ends_with(**w)) {
        let at = d.len() - word.len();
        let glued = d[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_ascii_alphanumeric());
        glued.then_some(at)
    } else {
        let digits = d.len() - d.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let at = d.len() - digits;
        let glued = d[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_lowercase() || c == '.');
        (digits > 0 && glued).then_some(at)
    };
    let Some(at) = start else {
        return (d.to_owned(), None);
    };
    match literal(&d[at..]) {
        Some(v) => (d[..at].trim_end().to_owned(), Some(v)),
        None => (d.to_owned(), None),
    }
}

/// The byte index of the bracket that opens the one closing `d`.
fn matching_open(d: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in d.char_indices().rev() {
        match c {
            ']' | '}' => depth += 1,
            '[' | '{' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Marked listings: `event_id?string`, `data?`, `idstringRequired`.

/// A marked row: path, type word, required.
type MarkedRow<'a> = (Vec<String>, Option<&'a str>, Option<bool>);

fn marked_row(t: &str) -> Option<MarkedRow<'_>> {
    if t.is_empty()
        || t.contains(char::is_whitespace)
        || !t.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
    {
        return None;
    }
    if let Some((name, rest)) = t.split_once('?') {
        let path = vocab::field_path(name)?;
        if rest.is_empty() {
            return Some((path, None, Some(false)));
        }
        vocab::type_word(rest)?;
        return Some((path, Some(rest), Some(false)));
    }
    let (path, ty, rest) = split_glued(t)?;
    let required = match rest {
        "" => None,
        "Required" | "required" => Some(true),
        "Optional" | "optional" => Some(false),
        _ => return None,
    };
    Some((path, Some(ty), required))
}

fn marked_listing(
    src: &Source,
    lines: &[Line],
    start: usize,
    rows: &mut Vec<FieldRow>,
) -> Option<usize> {
    marked_row(lines[start].1.trim())?;
    let mut i = start;
    let mut current: Option<FieldRow> = None;
    while let Some(&(offset, line)) = lines.get(i) {
        let t = line.trim();
        if let Some((path, ty, required)) = marked_row(t) {
            rows.extend(current.take());
            let mut row = new_row(src, offset, line, path);
            if let Some(ty) = ty {
                set_type(&mut row, ty);
            }
            row.required = required;
            current = Some(row);
        } else if t.starts_with(['{', '['])
            || !current.as_mut().is_some_and(|row| continue_row(row, t))
        {
            break;
        }
        i += 1;
    }
    rows.extend(current);
    Some(i)
}

/// A sentence that gives one field's values: ``Activity types (the
/// `action` field): `created`, `deleted` ``.
fn field_values_line(src: &Source, (offset, line): Line, rows: &mut Vec<FieldRow>) -> Option<()> {
    let lower = line.to_ascii_lowercase();
    let at = lower.find("the `")?;
    let rest = &line[at + 5..];
    let (name, after) = rest.split_once('`')?;
    let after = after.trim_start();
    if !after.to_ascii_lowercase().starts_with("field") {
        return None;
    }
    let path = vocab::field_path(name)?;
    let (_, list) = after.split_once(':')?;
    let values = vocab::code_words(list);
    // One listed value is a list too: `Activity types (the `action`
    // field): `created`.` says what the field holds.
    if values.is_empty() {
        return None;
    }
    let mut row = new_row(src, offset, line, path);
    row.ty = Some(DocType::String);
    row.values = Some(EnumValues::Strings(values));
    row.description = line[..at].trim().trim_end_matches('(').trim().to_owned();
    rows.push(row);
    Some(())
}

/// A sentence that names one field and says its values follow, one per
/// line or bullet: `The available values for object_attributes.action in
/// the payload are:` over `open`, `close`, `reopen`; ``Possible values for
/// `state`:``; ``The `status` field can be one of:``. A value may carry a
/// description (`` `open` - the issue was opened ``, `open: …`). Returns
/// the index past the list.
fn field_values_list(
    src: &Source,
    lines: &[Line],
    i: usize,
    rows: &mut Vec<FieldRow>,
) -> Option<usize> {
    let (offset, line) = lines[i];
    let (_, head) = strip_bullet(line);
    let head = head.strip_suffix(':')?;
    let lower = head.to_ascii_lowercase();
    let says_values =
        lower.contains("values") || lower.contains("one of") || lower.ends_with(" be");
    if !says_values || head.split_whitespace().count() > 16 {
        return None;
    }
    // The field: the one code span, else the one word that is a path or
    // has an underscore (`object_attributes.action`), a field's spelling.
    let ticked = vocab::code_words(head);
    let name = match ticked.as_slice() {
        [one] => one.clone(),
        [] => {
            let mut named = head
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '"' | '\'')))
                .filter(|w| {
                    w.contains(['.', '_']) && !w.ends_with('.') && vocab::field_path(w).is_some()
                });
            let one = named.next()?;
            if named.next().is_some() {
                return None;
            }
            one.to_owned()
        }
        _ => return None,
    };
    let path = vocab::field_path(&name)?;
    let mut values: Vec<String> = Vec::new();
    let mut shape = None;
    let mut j = i + 1;
    let mut end = j;
    while let Some(&(_, l)) = lines.get(j) {
        let (_, t) = strip_bullet(l);
        if t.is_empty() {
            j += 1;
            continue;
        }
        let Some(value) = listed_value(t) else {
            break;
        };
        // Bare words keep one spelling: `Example` after `open`, `close` is
        // the page going on.
        let style = value_style(&value);
        if *shape.get_or_insert(style) != style {
            break;
        }
        values.push(value);
        j += 1;
        end = j;
    }
    if values.len() < 2 {
        return None;
    }
    let mut row = new_row(src, offset, line, path);
    if values.iter().all(|v| v.parse::<i64>().is_ok()) {
        row.ty = Some(DocType::Integer);
        row.values = Some(EnumValues::Integers(
            values.iter().filter_map(|v| v.parse().ok()).collect(),
        ));
    } else {
        row.ty = Some(DocType::String);
        row.values = Some(EnumValues::Strings(values));
    }
    rows.push(row);
    Some(end)
}

/// The value a list item gives: its leading code span, or a lone word,
/// or the word before ` - `, ` — ` or `: `.
fn listed_value(t: &str) -> Option<String> {
    if let Some(rest) = t.strip_prefix('`') {
        let (v, _) = rest.split_once('`')?;
        return (!v.is_empty() && !v.contains(' ')).then(|| v.to_owned());
    }
    let word = vocab::described(t).map_or(t, |(w, _)| w).trim_matches('"');
    let ident = !word.is_empty()
        && word.len() <= 64
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '/'));
    ident.then(|| word.to_owned())
}

/// A value's spelling: lowercase, UPPER, Capitalized or a number.
fn value_style(v: &str) -> u8 {
    if v.parse::<i64>().is_ok() {
        0
    } else if !v.contains(|c: char| c.is_ascii_lowercase()) {
        1
    } else if v.starts_with(|c: char| c.is_ascii_uppercase()) {
        2
    } else {
        3
    }
}

// ---------------------------------------------------------------------------
// Qualified rows, as GitBook's API pages read flattened: the name glued to
// its type, ` · ` qualifiers, presence glued on the end:
// `idstring · uuidRead-onlyRequired`, `typestring · enumOptional` then the
// values as bullets.

/// The type words a qualified row's name runs into.
const QUALIFIED_TYPES: &[&str] = &[
    "string", "integer", "number", "boolean", "object", "array", "any", "null",
];

/// Headings of parts of a request that are not the payload: their rows
/// are headers or parameters of the endpoint.
const NOT_PAYLOAD: &[&str] = &[
    "authorizations",
    "authorization",
    "headers",
    "header parameters",
    "query parameters",
    "path parameters",
    "query",
    "path",
    "cookies",
    "responses",
    "response",
    // The API's resource for a webhook's settings (its URL, the events it
    // subscribes to), not what it sends.
    "webhook object",
    "the webhook object",
    "webhook endpoint object",
    "the webhook endpoint object",
    "webhook subscription object",
    "the webhook subscription object",
];

/// Whether line `i` stands under a heading of a part of the request that
/// is not its body (`## Headers`, `Query parameters`): the nearest heading
/// above, within 40 lines, decides; a markdown heading of any other text
/// (`## Body`) says it is the payload's.
fn outside_payload(lines: &[Line], i: usize) -> bool {
    let part = lines[..i].iter().rev().take(40).find_map(|(_, l)| {
        let t = l.trim();
        let markdown = t.starts_with('#');
        let h = t
            .trim_start_matches('#')
            .trim()
            .trim_end_matches(':')
            .to_ascii_lowercase();
        if NOT_PAYLOAD.contains(&h.as_str()) {
            Some(true)
        } else if markdown
            || matches!(
                h.as_str(),
                "body" | "request body" | "payload" | "attributes"
            )
        {
            Some(false)
        } else {
            None
        }
    });
    part == Some(true)
}

/// The object a heading just above line `i` names: `The customer object`,
/// ``### The `billing_address` object``, `Customer Object` → `customer`.
fn object_heading(lines: &[Line], i: usize) -> Option<String> {
    let (_, line) = lines[..i]
        .iter()
        .rev()
        .find(|(_, l)| !l.trim().is_empty())?;
    let h = line.trim().trim_start_matches('#').trim().replace('`', "");
    let h = h.to_ascii_lowercase();
    let h = h.strip_prefix("the ").unwrap_or(&h);
    let name = h.strip_suffix(" object")?.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let word = |w: &&str| w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    (!words.is_empty() && words.len() <= 3 && words.iter().all(word)).then(|| words.join("_"))
}

/// `(path, type, nullable, format, enum, required)` of a qualified row.
fn qualified_row(line: &str) -> Option<QualifiedRow<'_>> {
    let (bullet, t) = strip_bullet(line);
    let mut t = t.trim();
    let mut required = None;
    for (mark, value) in [("Required", true), ("Optional", false)] {
        if let Some(rest) = t.strip_suffix(mark) {
            t = rest;
            required = Some(value);
        }
    }
    for mark in ["Read-only", "Write-only"] {
        t = t.strip_suffix(mark).unwrap_or(t);
    }
    let mut parts = t.split(" \u{b7} ");
    let head = parts.next()?;
    let mut qualifiers: Vec<&str> = parts.map(str::trim).collect();
    // On a bullet the name and type alone will do: Stripe's
    // `• api_versionnullable string`, `• accountnullable stringConnect only`.
    if required.is_none() && qualifiers.is_empty() && !bullet {
        return None;
    }
    let (name, ty, nullable) = QUALIFIED_TYPES.iter().find_map(|ty| {
        head.match_indices(ty).find_map(|(at, _)| {
            let rest = &head[at + ty.len()..];
            // After the type: nothing, or a note glued on (`Connect only`),
            // which only a bullet's row has.
            let note = bullet && rest.starts_with(|c: char| c.is_ascii_uppercase());
            if !(rest.is_empty() || note) {
                return None;
            }
            let before = &head[..at];
            let (name, nullable) = match before.strip_suffix("nullable ") {
                Some(n) => (n, true),
                None => (before, false),
            };
            let named = if bullet {
                vocab::field_path(name).is_some()
            } else {
                vocab::is_field_name(name)
            };
            named.then_some((name, *ty, nullable))
        })
    })?;
    if nullable {
        qualifiers.push("nullable");
    }
    Some(QualifiedRow {
        name,
        ty,
        qualifiers,
        required,
    })
}

struct QualifiedRow<'a> {
    name: &'a str,
    ty: &'a str,
    qualifiers: Vec<&'a str>,
    required: Option<bool>,
}

fn qualified_listing(
    src: &Source,
    lines: &[Line],
    start: usize,
    rows: &mut Vec<FieldRow>,
) -> Option<usize> {
    qualified_row(lines[start].1)?;
    // Whether the rows so far are the endpoint's headers or parameters.
    let not_payload = |i: usize| outside_payload(lines, i);
    let mut i = start;
    let mut current: Option<FieldRow> = None;
    let mut found = 0;
    while let Some(&(offset, line)) = lines.get(i) {
        if let Some(q) = qualified_row(line) {
            rows.extend(current.take());
            if not_payload(i) {
                i += 1;
                continue;
            }
            let Some(path) = vocab::field_path(q.name) else {
                break;
            };
            let mut row = new_row(src, offset, line, path);
            if q.ty != "any" && q.ty != "null" {
                set_type(&mut row, q.ty);
            }
            row.required = q.required;
            for qualifier in &q.qualifiers {
                match *qualifier {
                    "nullable" => row.nullable = Some(true),
                    "enum" => {
                        row.values = Some(EnumValues::Strings(vec![]));
                        row.list_open = true;
                    }
                    other => {
                        if let Some(f) = vocab::format_word(other) {
                            row.format = Some(f);
                        }
                    }
                }
            }
            if q.ty == "null" {
                row.nullable = Some(true);
            }
            current = Some(row);
            found += 1;
        } else {
            let t = line.trim();
            if NOT_PAYLOAD.contains(&t.to_ascii_lowercase().as_str())
                || !current.as_mut().is_some_and(|row| continue_row(row, t))
            {
                break;
            }
        }
        i += 1;
    }
    rows.extend(current);
    (found > 0 || i > start).then_some(i.max(start + 1))
}

// ---------------------------------------------------------------------------
// `name type` trees: `context_id integer`, `data` + `object` headers.

enum Item<'a> {
    Field { row: FieldRow, name: &'a str },
    Header { row: FieldRow, name: &'a str },
}

/// `name type [marker]`, possibly after a bullet.
fn tree_row(line: &str) -> Option<(&str, &str, Vec<&str>)> {
    tree_row_described(line).map(|(name, ty, markers, _)| (name, ty, markers))
}

/// A `name type [marker]` row, its words as markdown may set them apart
/// (`**id** string`, ``- `eta` *string* — When…``), and the description
/// after a dash on its line.
fn tree_row_described(line: &str) -> Option<(&str, &str, Vec<&str>, &str)> {
    let (_, t) = strip_bullet(line);
    let (t, description) = [" \u{2014} ", " \u{2013} ", " - "]
        .iter()
        .find_map(|d| t.split_once(d))
        .unwrap_or((t, ""));
    let emphasis: &[char] = &['*', '_', '`'];
    let mut words = t.split_whitespace();
    let name = words.next()?.trim_matches(emphasis);
    let ty = words
        .next()?
        .trim_matches(emphasis)
        .trim_matches(['(', ')', ','])
        .trim_matches(emphasis);
    let markers: Vec<&str> = words.map(|w| w.trim_matches(emphasis)).collect();
    (vocab::is_field_name(name) && vocab::type_word(ty).is_some()).then_some((
        name,
        ty,
        markers,
        description.trim(),
    ))
}

/// Whether `line` reads as a `name type [marker]` row.
pub(super) fn is_tree_row(line: &str) -> bool {
    tree_row(line).is_some()
}

/// A lone name whose next non-blank line is `object`: a section header.
/// Returns the index of the `object` line.
fn tree_header(lines: &[Line], i: usize) -> Option<usize> {
    let (_, t) = strip_bullet(lines[i].1);
    if !vocab::is_field_name(t) || t == "object" {
        return None;
    }
    let next = (i + 1..lines.len()).find(|&j| !lines[j].1.trim().is_empty())?;
    (lines[next].1.trim() == "object").then_some(next)
}

fn tree(src: &Source, lines: &[Line], start: usize, rows: &mut Vec<FieldRow>) -> Option<usize> {
    tree_row(lines[start].1).or_else(|| tree_header(lines, start).map(|_| ("", "", vec![])))?;
    let mut items: Vec<Item> = Vec::new();
    let mut i = start;
    // Whether the line before was a row or its description, with no blank
    // line between.
    let mut in_row = false;
    while let Some(&(offset, line)) = lines.get(i) {
        let t = line.trim();
        if let Some((name, ty, markers, description)) = tree_row_described(line) {
            in_row = true;
            let mut row = new_row(src, offset, line, vec![name.to_owned()]);
            set_type(&mut row, ty);
            row.description = description.to_owned();
            if markers.iter().all(|m| apply_marker(&mut row, m)) {
                items.push(Item::Field { row, name });
                i += 1;
                continue;
            }
            break;
        }
        if let Some(object_line) = tree_header(lines, i) {
            let (_, name) = strip_bullet(line);
            let mut row = new_row(src, offset, line, vec![name.to_owned()]);
            row.ty = Some(DocType::Object);
            items.push(Item::Header { row, name });
            in_row = false;
            i = object_line + 1;
            continue;
        }
        let last = items.iter_mut().rev().find_map(|it| match it {
            Item::Field { row, .. } => Some(row),
            Item::Header { .. } => None,
        });
        let extends = match last {
            _ if t.is_empty() => true,
            Some(row) if vocab::enum_line(t).is_some() => continue_row(row, t),
            // `item_id string` then `The item_id of the Item…` on the line
            // below: the row's description, or its one value
            // (`TRANSACTIONS`).
            Some(row) if in_row => {
                continue_row(row, t) || {
                    let word = !t.contains(char::is_whitespace);
                    if word {
                        row.example.get_or_insert(Value::String(t.to_owned()));
                    }
                    word
                }
            }
            _ => false,
        };
        if !extends {
            break;
        }
        in_row = in_row && !t.is_empty();
        i += 1;
    }
    let fields = items
        .iter()
        .filter(|it| matches!(it, Item::Field { .. }))
        .count();
    if fields < 3 {
        return None;
    }
    rows.extend(nest(items));
    Some(i)
}

struct Section {
    name: String,
    parent: usize,
    /// Scalar fields, by name, in order.
    fields: Vec<String>,
    /// Child sections, in order.
    children: Vec<usize>,
    row: Option<FieldRow>,
    field_rows: Vec<FieldRow>,
}

/// Recovers nesting from a flat list of fields and `object` headers.
///
/// Rules, each from how such pages are laid out:
/// 1. A header right after a header opens inside it (`data` → `package`).
/// 2. A header after fields closes the current section and opens beside it
///    (`customer` after `package`'s fields), unless the parent already has a
///    member of that name, in which case it opens inside the current section
///    (the second `tierset`, inside `new_line_item`).
/// 3. A section shaped like an earlier one (same name, or same leading fields)
///    ends where that one ended; a container holding only sections takes no
///    trailing field. Fields past those ends climb out (`security_token`).
/// 4. Afterwards, a section that rule 2 left beside a sibling is moved into
///    it when a later twin of that sibling holds a section of the same name
///    (the first `tierset` goes into `old_line_item`).
fn nest(items: Vec<Item>) -> Vec<FieldRow> {
    let mut secs = vec![Section {
        name: String::new(),
        parent: 0,
        fields: vec![],
        children: vec![],
        row: None,
        field_rows: vec![],
    }];
    let mut cur = 0;
    let mut after_header = false;
    for item in items {
        match item {
            Item::Header { row, name } => {
                let mut target = if after_header || cur == 0 {
                    cur
                } else {
                    secs[cur].parent
                };
                if secs[target].children.iter().any(|&c| secs[c].name == name) {
                    target = cur;
                }
                let id = secs.len();
                secs.push(Section {
                    name: name.to_owned(),
                    parent: target,
                    fields: vec![],
                    children: vec![],
                    row: Some(row),
                    field_rows: vec![],
                });
                secs[target].children.push(id);
                cur = id;
                after_header = true;
            }
            Item::Field { row, name } => {
                while cur != 0 && !accepts(&secs, cur, name) {
                    cur = secs[cur].parent;
                }
                secs[cur].fields.push(name.to_owned());
                secs[cur].field_rows.push(row);
                after_header = false;
            }
        }
    }
    adopt_twins_children(&mut secs);
    let mut out = Vec::new();
    flatten(&mut secs, 0, &[], &mut out);
    out
}

fn accepts(secs: &[Section], s: usize, field: &str) -> bool {
    let sec = &secs[s];
    if sec.fields.is_empty() && !sec.children.is_empty() {
        return false;
    }
    let twin = (1..s).find(|&t| {
        secs[t].name == sec.name
            || (sec.fields.len() >= 3
                && secs[t].fields.len() >= sec.fields.len()
                && secs[t].fields.starts_with(&sec.fields))
    });
    match twin {
        Some(t) => secs[t].fields.iter().any(|f| f == field),
        None => true,
    }
}

fn adopt_twins_children(secs: &mut [Section]) {
    for p in 0..secs.len() {
        let kids = secs[p].children.clone();
        for (k, &sib) in kids.iter().enumerate() {
            let Some(&stray) = kids.get(k + 1) else {
                continue;
            };
            let stray_name = secs[stray].name.clone();
            let later_twin_has_it = kids[k + 2..].iter().any(|&twin| {
                !secs[sib].fields.is_empty()
                    && secs[twin].fields == secs[sib].fields
                    && secs[twin]
                        .children
                        .iter()
                        .any(|&c| secs[c].name == stray_name)
            });
            let sib_lacks_it = !secs[sib]
                .children
                .iter()
                .any(|&c| secs[c].name == stray_name);
            if later_twin_has_it && sib_lacks_it {
                secs[p].children.retain(|&c| c != stray);
                secs[sib].children.push(stray);
                secs[stray].parent = sib;
            }
        }
    }
}

fn flatten(secs: &mut [Section], s: usize, prefix: &[String], out: &mut Vec<FieldRow>) {
    let mut path = prefix.to_vec();
    if s != 0 {
        path.push(secs[s].name.clone());
        if let Some(mut row) = secs[s].row.take() {
            row.path = path.clone();
            out.push(row);
        }
    }
    for mut row in std::mem::take(&mut secs[s].field_rows) {
        let mut p = path.clone();
        p.append(&mut row.path);
        row.path = p;
        out.push(row);
    }
    for c in secs[s].children.clone() {
        flatten(secs, c, &path, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<String> {
        let src = Source::new("p.txt", text);
        extract(&src, &[])
            .iter()
            .map(|r| {
                let mut s = format!("{} {:?}", r.path.join("."), r.ty);
                if let Some(req) = r.required {
                    s += &format!(" required={req}");
                }
                if let Some(f) = r.format {
                    s += &format!(" {f:?}");
                }
                if let Some(v) = &r.values {
                    s += &format!(" {v:?}");
                }
                if let Some(e) = &r.example {
                    s += &format!(" e.g. {e}");
                }
                s
            })
            .collect()
    }

    #[test]
    fn glued_cells() {
        let text = "NameTypeDescriptionExample\n\
            idstrIdentifier of the event\u{201c}mm44\u{201d}\n\
            createdintUnix timestamp when it occurred1622589211\n\
            data.object.phone_typeintPhone type enum.\n\nOptions: 0, 1, 2, 3\n2\n\
            data.object.liveboolStatus. \"true\" if active.true\n\
            data.object.extra_dataobjectKey/value store{\"some\": \"extra\"}\n\
            idstringRequired\n\
            \u{2022} Example data:\n\
            typestrNot in the table\n";
        assert_eq!(
            rows(text),
            [
                "id Some(String) e.g. \"mm44\"",
                "created Some(Integer) UnixTime e.g. 1622589211",
                "data.object.phone_type Some(Integer) Integers([0, 1, 2, 3]) e.g. 2",
                "data.object.live Some(Boolean) e.g. true",
                "data.object.extra_data Some(Object) e.g. {\"some\":\"extra\"}",
                "id Some(String) required=true",
            ]
        );
    }

    #[test]
    fn marked_listing() {
        let text = "Request Body\n\napi_version?string\n\nAPI Version of the schema.\n\ndata?\n\
            event_id?string\n\nUnique id.\n\nFormatuuid\nwebhook?\n\nResponse Body\n\nevent?string\n";
        assert_eq!(
            rows(text),
            [
                "api_version Some(String) required=false",
                "data None required=false",
                "event_id Some(String) required=false Uuid",
                "webhook None required=false",
                "event Some(String) required=false",
            ]
        );
    }

    #[test]
    fn tree_nesting_is_recovered_from_headers_and_order() {
        let text = "Body\n\n    ctx string\n    event string\n\n    data\n\n    object\n\n    package\n\n    object\n\n\
            pkg_id integer\n    tags string[]\n    delivery string\n\n    Possible values: [print, email]\n\n\
            customer\n\n    object\n\n    customer_id integer\n\n\
            old_item\n\n    object\n\n    item_id integer\n    tierset_id integer\n    qty float\n\n\
            tierset\n\n    object\n\n    tierset_id integer\n    tiers object\n\n\
            new_item\n\n    object\n\n    item_id integer\n    tierset_id integer\n    qty float\n\n\
            tierset\n\n    object\n\n    tierset_id integer\n    tiers object\n    token string\n\nResponses\n";
        assert_eq!(
            rows(text),
            [
                "ctx Some(String)",
                "event Some(String)",
                "token Some(String)",
                "data Some(Object)",
                "data.package Some(Object)",
                "data.package.pkg_id Some(Integer)",
                "data.package.tags Some(Array(Some(String)))",
                "data.package.delivery Some(String) Strings([\"print\", \"email\"])",
                "data.customer Some(Object)",
                "data.customer.customer_id Some(Integer)",
                "data.old_item Some(Object)",
                "data.old_item.item_id Some(Integer)",
                "data.old_item.tierset_id Some(Integer)",
                "data.old_item.qty Some(Number)",
                "data.old_item.tierset Some(Object)",
                "data.old_item.tierset.tierset_id Some(Integer)",
                "data.old_item.tierset.tiers Some(Object)",
                "data.new_item Some(Object)",
                "data.new_item.item_id Some(Integer)",
                "data.new_item.tierset_id Some(Integer)",
                "data.new_item.qty Some(Number)",
                "data.new_item.tierset Some(Object)",
                "data.new_item.tierset.tierset_id Some(Integer)",
                "data.new_item.tierset.tiers Some(Object)",
            ]
        );
    }

    #[test]
    fn one_of_then_bullets() {
        let text = "status?string\n\nWhere it is.\n\nOne of:\n- `active`: running\n- paused \u{2014} on hold\n\
            \u{2022} \"cancelled\"\n\nmode?string\n\nOne of:\n\nThe mode.\n";
        assert_eq!(
            rows(text),
            [
                "status Some(String) required=false Strings([\"active\", \"paused\", \"cancelled\"])",
                "mode Some(String) required=false",
            ]
        );
    }

    #[test]
    fn a_sentence_naming_a_field_over_its_values() {
        // Bare lines, the list ending where the page goes on in another
        // spelling; backticked bullets with their meaning; integers.
        let text =
            "The available values for object_attributes.action are:\n\nopen\nclose\n\nExample\n\n\
            Possible values for `state`:\n- `queued` - waiting\n- `done`: finished\n\n\
            The `level` field can be one of:\n1\n2\n3\n";
        assert_eq!(
            rows(text),
            [
                "object_attributes.action Some(String) Strings([\"open\", \"close\"])",
                "state Some(String) Strings([\"queued\", \"done\"])",
                "level Some(Integer) Integers([1, 2, 3])",
            ]
        );
        // One value, or a sentence naming two fields, is no list.
        assert!(rows("Possible values for `state`:\nqueued\n\nThe next part.\n").is_empty());
        assert!(rows("Values of `a` and `b` are:\nx\ny\n").is_empty());
    }

    #[test]
    fn name_type_lines_set_apart_by_markdown() {
        let text =
            "**id** string\nThe order.\n\n**carrier** string *required*\nWho carries it.\n\n\
            - `eta` *string* \u{2014} When it arrives.\n- `weight` *integer* \u{2014} Grams.\n";
        assert_eq!(
            rows(text),
            [
                "id Some(String)",
                "carrier Some(String) required=true",
                "eta Some(String)",
                "weight Some(Integer)"
            ]
        );
    }

    #[test]
    fn name_type_lines_with_a_description_below() {
        let text = "Properties\nkind string\nLEDGER\naccount_id string\nThe account it is about\n\
            count integer\nHow many arrived.\n\nNEXT_SECTION\nSent when more happens.\n";
        assert_eq!(
            rows(text),
            [
                "kind Some(String) e.g. \"LEDGER\"",
                "account_id Some(String)",
                "count Some(Integer)"
            ]
        );
    }

    #[test]
    fn a_table_whose_cells_a_copy_joined_with_spaces() {
        let text = "Name Type Description\nid string Unique identifier.\namount integer Amount in cents.\n\
            code string Why it failed.\nPossible values: card_declined, expired_card\n\n\
            Field Type Required Description\nref string yes The reference.\nnote string no Free text.\n";
        assert_eq!(
            rows(text),
            [
                "id Some(String)",
                "amount Some(Integer)",
                "code Some(String) Strings([\"card_declined\", \"expired_card\"])",
                "ref Some(String) required=true",
                "note Some(String) required=false",
            ]
        );
        // Columns of prose before the type: another layout's header.
        assert!(rows(
            "Name Title Type Description\nid The id string Its id.\nx The x string An x.\n"
        )
        .is_empty());
    }

    #[test]
    fn tables_of_headers_and_query_parameters_are_no_fields() {
        let text = "## Headers\n\n| Name | Type | Description |\n|---|---|---|\n| X-Delivery-Id | string | Per delivery |\n\n\
            ## Body\n\n| Field | Type | Description |\n|---|---|---|\n| id | string | The id |\n| amount | integer | Cents |\n\n\
            Query parameters\n\n| Name | Type | Description |\n|---|---|---|\n| token | string | Yours |\n";
        assert_eq!(rows(text), ["id Some(String)", "amount Some(Integer)"]);
    }

    #[test]
    fn prose_is_not_a_table() {
        assert!(rows(
            "Webhook\n\nThis event occurs when a package is upgraded.\nNote these fields:\n"
        )
        .is_empty());
    }
}
