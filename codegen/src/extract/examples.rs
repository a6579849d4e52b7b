//! Example payloads: JSON documents found anywhere in a page's text.

use super::Example;
use crate::diag::{Diagnostics, Source};
use crate::lenient;

/// Finds the JSON documents in a page.
///
/// A document may be glued to text before it (`…/customer.updated{`) or after
/// it (`}Fired when…`). To tell a payload from an inline value in a table row
/// (`…about the customer{"some": "extra"}`), a document must start its line or
/// span several lines. The same document pasted twice is read once.
/// Returns the examples and the byte spans of every document read (repeats
/// included), which other readers skip.
pub fn extract(src: &Source, diags: &mut Diagnostics) -> (Vec<Example>, Vec<(usize, usize)>) {
    let text = &src.text;
    let mut found: Vec<Example> = Vec::new();
    let mut seen: Vec<serde_json::Value> = Vec::new();
    let mut spans = Vec::new();
    let mut pos = 0;
    while let Some(i) = text[pos..].find(['{', '[']) {
        let start = pos + i;
        let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
        let starts_line = text[line_start..start]
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '>' | '\u{2022}'))
            .is_empty();
        let parsed = match lenient::parse_at(text, start) {
            Ok(p) => p,
            Err(failure) => {
                if starts_line && looks_like_payload(&text[start..]) {
                    diags
                        .warn(
                            src.loc(failure.offset),
                            format!("cannot read this JSON example: {}", failure.message),
                        )
                        .with_hint(
                            "the example is skipped; its fields still count if a table lists them",
                        );
                }
                pos = start + 1;
                continue;
            }
        };
        let node = parsed.node;
        let multi_line = text[start..node.end].contains('\n');
        if !is_payload(&node) || !(starts_line || multi_line) {
            pos = start + 1;
            continue;
        }
        pos = node.end;
        spans.push((start, node.end));
        let value = node.to_value();
        if let Some(first) = seen.iter().position(|v| *v == value) {
            diags.warn(
                src.loc(start),
                format!(
                    "the same example appears again (first at line {}); read once",
                    found[first].loc.line
                ),
            );
            continue;
        }
        // One warning per kind of repair, at its first place: a sloppy
        // example should not bury the warnings that matter.
        let mut kinds: Vec<(String, usize, usize)> = Vec::new();
        for r in parsed.repairs {
            match kinds.iter_mut().find(|(m, _, _)| *m == r.message) {
                Some(k) => k.2 += 1,
                None => kinds.push((r.message, r.offset, 1)),
            }
        }
        for (message, offset, count) in kinds {
            let message = match count {
                1 => message,
                n => format!("{message} ({n} times in this example; the first is here)"),
            };
            diags.warn(src.loc(offset), message);
        }
        seen.push(value);
        found.push(Example {
            loc: src.loc(start),
            node,
        });
    }
    (found, spans)
}

/// An object with members, or an array of objects.
fn is_payload(node: &lenient::Node) -> bool {
    match &node.kind {
        lenient::Kind::Object(entries) => !entries.is_empty(),
        lenient::Kind::Array(items) => items.iter().any(|i| i.as_object().is_some()),
        _ => false,
    }
}

/// Text that starts like a JSON object or array of objects: worth a warning
/// when it cannot be read.
fn looks_like_payload(rest: &str) -> bool {
    let mut chars = rest.chars().skip(1).filter(|c| !c.is_whitespace());
    matches!(chars.next(), Some('"' | '{' | '\''))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn examples(text: &str) -> (Vec<serde_json::Value>, Vec<String>) {
        let src = Source::new("p.txt", text);
        let mut diags = Diagnostics::default();
        let (found, _) = extract(&src, &mut diags);
        (
            found.iter().map(|e| e.node.to_value()).collect(),
            diags
                .into_sorted()
                .iter()
                .map(ToString::to_string)
                .collect(),
        )
    }

    #[test]
    fn finds_glued_and_repeated_examples() {
        let text = "curl --url https://x/y.z{\n\"a\": 1\n}Fired when.\ncurl{\n\"a\": 1\n}";
        let (found, diags) = examples(text);
        assert_eq!(found, vec![serde_json::json!({"a": 1})]);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].starts_with("p.txt:4:5: warning: the same example appears again"));
    }

    #[test]
    fn ignores_inline_table_values() {
        let text = "extra_dataobjectKey/value store{\"some\": \"extra\"}\n{\"b\": [1]}\n";
        let (found, _) = examples(text);
        assert_eq!(found, vec![serde_json::json!({"b": [1]})]);
    }

    #[test]
    fn warns_where_an_example_cannot_be_read() {
        let (found, diags) = examples("{\n\"a\": 1 2\n}\n");
        assert!(found.is_empty());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].contains("cannot read this JSON example"),
            "{diags:?}"
        );
    }
}
