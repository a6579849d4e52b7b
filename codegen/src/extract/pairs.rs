//! Fields named in running text as JSON pairs, on a page with no example
//! payload: `"status": "active" indicates that the invitee will attend`,
//! `"canceled": false`, code spans or not (`` "``event``": "``a.b``" ``).
//! Each key is a field, its first value an example, and the strings one key
//! is shown with, two or more, the values it takes: a page that names a
//! field's values one by one, each with its meaning, is listing them.
//!
//! Only on a page of names and prose: where it has an example or a table,
//! those are the evidence, and a pair in its text may be a request's, a
//! setting's or a table cell's example (`{"external_id": 42}`).

use std::collections::BTreeMap;

use crate::diag::Source;

use super::{DocType, EnumValues, FieldRow};

/// Keys longer than this are not field names.
const MAX_KEY: usize = 64;

/// The fields the text's pairs name, outside `spans`, in the order first
/// named.
pub fn extract(src: &Source, spans: &[(usize, usize)]) -> Vec<FieldRow> {
    let text = src.text.as_str();
    let bytes = text.as_bytes();
    let mut order: Vec<String> = Vec::new();
    let mut seen: BTreeMap<String, (usize, Vec<Value>)> = BTreeMap::new();
    let mut i = 0;
    while let Some(at) = text[i..].find('"').map(|j| i + j) {
        i = at + 1;
        if spans.iter().any(|&(a, b)| (a..b).contains(&at)) {
            continue;
        }
        let Some((key, value, end)) = pair(bytes, at) else {
            continue;
        };
        i = end;
        let entry = seen.entry(key.to_owned()).or_insert_with(|| {
            order.push(key.to_owned());
            (at, Vec::new())
        });
        if !entry.1.contains(&value) {
            entry.1.push(value);
        }
    }
    order
        .into_iter()
        .map(|key| {
            let (at, values) = seen.remove(&key).expect("recorded with its key");
            row(src, key, at, &values)
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq)]
enum Value {
    Str(String),
    Bool(bool),
    Num(String),
    Null,
}

fn row(src: &Source, key: String, at: usize, values: &[Value]) -> FieldRow {
    let all = |f: fn(&Value) -> bool| values.iter().filter(|v| **v != Value::Null).all(f);
    let some = values.iter().any(|v| *v != Value::Null);
    let ty = if !some {
        None
    } else if all(|v| matches!(v, Value::Str(_))) {
        Some(DocType::String)
    } else if all(|v| matches!(v, Value::Bool(_))) {
        Some(DocType::Boolean)
    } else if all(|v| matches!(v, Value::Num(_))) {
        // Only a promise makes an integer.
        Some(DocType::Number)
    } else {
        None
    };
    let strings: Vec<String> = values
        .iter()
        .filter_map(|v| match v {
            Value::Str(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    let example = values.iter().find_map(|v| match v {
        Value::Str(s) => Some(serde_json::Value::String(s.clone())),
        Value::Bool(b) => Some(serde_json::Value::Bool(*b)),
        Value::Num(n) => serde_json::from_str(n).ok(),
        Value::Null => None,
    });
    let listed = strings.len() >= 2 && ty == Some(DocType::String);
    FieldRow {
        path: vec![key],
        ty,
        format: None,
        required: None,
        nullable: values.contains(&Value::Null).then_some(true),
        description: String::new(),
        values: listed.then_some(EnumValues::Strings(strings)),
        example,
        loc: src.loc(at),
        list_open: false,
        enum_class: None,
        section: None,
    }
}

/// A pair at the quote at `at`: `"key": value`, backticks of code spans
/// around the key or the value skipped. Its key, its value and where it
/// ends.
fn pair(b: &[u8], at: usize) -> Option<(&str, Value, usize)> {
    let mut i = ticks(b, at + 1);
    let start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'_' | b'-' | b'.')) {
        i += 1;
    }
    let key = std::str::from_utf8(&b[start..i]).ok()?;
    if key.is_empty() || key.len() > MAX_KEY || !key.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    i = ticks(b, i);
    if b.get(i) != Some(&b'"') {
        return None;
    }
    i = spaces(b, i + 1);
    if b.get(i) != Some(&b':') {
        return None;
    }
    i = spaces(b, i + 1);
    let quoted = b.get(i) == Some(&b'"');
    let before = i;
    i = ticks(b, if quoted { i + 1 } else { i });
    let ticked = i > before + usize::from(quoted);
    if quoted {
        let start = i;
        while i < b.len() && !matches!(b[i], b'`' | b'"' | b'\n' | b'\\') {
            i += 1;
        }
        let value = std::str::from_utf8(&b[start..i]).ok()?.to_owned();
        i = ticks(b, i);
        if b.get(i) != Some(&b'"') || value.trim().is_empty() {
            return None;
        }
        return Some((key, Value::Str(value), i + 1));
    }
    // A literal, ended by anything but a word character, or glued to the
    // words after it where a code span opened it (`` ``falseindicates ``).
    let word_end = |j: usize| ticked || j >= b.len() || !b[j].is_ascii_alphanumeric();
    for (lit, value) in [
        ("true", Value::Bool(true)),
        ("false", Value::Bool(false)),
        ("null", Value::Null),
    ] {
        if b[i..].starts_with(lit.as_bytes()) && word_end(i + lit.len()) {
            return Some((key, value, i + lit.len()));
        }
    }
    let start = i;
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
        i += 1;
    }
    let number = std::str::from_utf8(&b[start..i]).ok()?;
    let valid = serde_json::from_str::<serde_json::Number>(number).is_ok();
    (valid && (i >= b.len() || !b[i].is_ascii_alphanumeric()))
        .then(|| (key, Value::Num(number.to_owned()), i))
}

/// Past any backticks at `i`.
fn ticks(b: &[u8], mut i: usize) -> usize {
    while b.get(i) == Some(&b'`') {
        i += 1;
    }
    i
}

/// Past any spaces or tabs at `i`.
fn spaces(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<FieldRow> {
        extract(&Source::new("p.txt", text), &[])
    }

    /// The layout of a real page: values in code spans, glued to the prose
    /// that says what each means.
    #[test]
    fn pairs_in_prose_are_fields_with_their_values() {
        let r = rows(
            "The status value\n\"``status``\": \"``active``\"indicates that the invitee will attend\
             \"``status``\": \"``canceled``\"indicates that the invitee will not attend\n\
             \"``canceled``\": ``falseindicates that the event has not been canceled\
             \"``canceled``\": trueindicates that it has\n\"count\": 3, \"note\": null\n",
        );
        let names: Vec<&str> = r.iter().map(|r| r.path[0].as_str()).collect();
        assert_eq!(names, ["status", "canceled", "count", "note"]);
        assert_eq!(r[0].ty, Some(DocType::String));
        assert_eq!(
            r[0].values,
            Some(EnumValues::Strings(vec![
                "active".into(),
                "canceled".into()
            ]))
        );
        assert_eq!(r[1].ty, Some(DocType::Boolean));
        assert_eq!(r[1].values, None);
        assert_eq!(r[2].ty, Some(DocType::Number));
        assert_eq!(r[3].ty, None);
        assert_eq!(r[3].nullable, Some(true));
        assert_eq!(r[0].loc.line, 2);
    }

    /// Quotes that open no pair, a value that is not JSON, a word that only
    /// starts like a literal: none is a field.
    #[test]
    fn what_is_not_a_pair_is_not_a_field() {
        let r = rows(
            "He said \"hello\": then left. \"x\": nullable \"y\": 1.2.3 \"z\": \"\" \"9a\": 1\n",
        );
        assert!(r.is_empty(), "{r:?}");
    }

    /// Inside an example's span, a pair is the example's, not the text's.
    #[test]
    fn pairs_inside_examples_are_left_alone() {
        let text = "{\"a\": 1}\n\"b\": \"x\" \"c\": \"y\"\n";
        let r = extract(&Source::new("p.txt", text), &[(0, 8)]);
        let names: Vec<&str> = r.iter().map(|r| r.path[0].as_str()).collect();
        assert_eq!(names, ["b", "c"]);
    }
}
