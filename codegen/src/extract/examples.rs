//! Example payloads: JSON documents found anywhere in a page's text.

use super::row::new_row;
use super::{vocab, DocType, EnumValues, Example, FieldRow, Note};
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
/// `callback(`, `window.handle(`: a function's name and its open parenthesis.
fn is_call_opening(before: &str) -> bool {
    before.strip_suffix('(').is_some_and(|name| {
        name.starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '_' | '$'))
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '$' | '.'))
    })
}

/// `curl … -d '`, `--data-raw '`: the quote that opens a request's body.
fn is_curl_data(before: &str) -> bool {
    before.strip_suffix('\'').is_some_and(|b| {
        let flag = b.trim_end().rsplit(' ').next().unwrap_or("");
        matches!(
            flag,
            "-d" | "--data" | "--data-raw" | "--data-binary" | "--json"
        )
    })
}

pub fn extract(src: &Source, diags: &mut Diagnostics) -> (Vec<Example>, Vec<(usize, usize)>) {
    // Line numbers and bullets copied in with a code block are blanked out,
    // byte for byte, so that every offset still points into the page.
    let masked = mask_gutters(&src.text);
    let text: &str = &masked;
    let mut found: Vec<Example> = Vec::new();
    // Each example read, by a digest of its value, to find repeats in one
    // step: where in `found` it went, and how many items if it was a batch.
    let mut seen: crate::hash::Map<u64, Vec<(usize, Option<usize>)>> = crate::hash::Map::default();
    let mut spans = Vec::new();
    let mut pos = 0;
    // The start of the line the scan is on, found from where it last was.
    let (mut line_start, mut scanned) = (0, 0);
    while let Some(i) = text[pos..].find(['{', '[']) {
        let start = pos + i;
        if let Some(n) = text[scanned..start].rfind('\n') {
            line_start = scanned + n + 1;
        }
        scanned = start;
        let before = text[line_start..start]
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '>' | '\u{2022}'));
        // JSONP: `callback({…});`, a body wrapped in a call, starts its line
        // too; so does the body of a curl command (`-d '{…}'`).
        let starts_line = before.is_empty() || is_call_opening(before) || is_curl_data(before);
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
        let lenient::Parsed {
            mut node,
            mut repairs,
            cut,
        } = parsed;
        let multi_line = text[start..node.end].contains('\n');
        // After a prefix on its line (`Stripe\Event JSON: {…`, `REQ: {…`),
        // a document is a payload when it is one, not a value in a row.
        let substantial = node.as_object().is_some_and(|e| e.len() >= 3);
        if !is_payload(&node) || !(starts_line || multi_line || substantial) {
            pos = start + 1;
            continue;
        }
        pos = node.end;
        spans.push((start, node.end));
        // `Your endpoint should respond with … for example:` over
        // `{"received": true}`: what the receiver sends back.
        if introduced_as_response(text, line_start) {
            diags
                .warn(
                    src.loc(start),
                    "this example is what your endpoint sends back, not a webhook payload; not read as one",
                )
                .with_hint("if it is a payload, say so in the line above it (\"Example payload:\")");
            continue;
        }
        let hash = node.digest();
        let same = seen.get(&hash).and_then(|vs| {
            vs.iter()
                .find(|&&(first, batch)| match (batch, &node.kind) {
                    (Some(n), lenient::Kind::Array(items)) => {
                        items.len() == n
                            && (items.iter().zip(&found[first..]))
                                .all(|(item, ex)| item.same_value(&ex.node))
                    }
                    (Some(_), _) => false,
                    (None, _) => node.same_value(&found[first].node),
                })
        });
        if let Some(&(first, _)) = same {
            diags.warn(
                src.loc(start),
                format!(
                    "the same example appears again (first at line {}); read once",
                    found[first].loc.line
                ),
            );
            continue;
        }
        // `"_comment": "…"` members are the writer's notes, not fields:
        // repeating one is no fault of the example.
        let batch = matches!(&node.kind, lenient::Kind::Array(items)
            if !items.is_empty() && items.iter().all(|i| i.as_object().is_some()));
        let mut notes = Vec::new();
        if !batch {
            take_notes(&mut node, &mut vec![], &mut notes);
        }
        repairs.retain(|r| {
            !(r.message.starts_with(lenient::DUPLICATED_KEY)
                && r.message.split('`').nth(1).is_some_and(is_note_key))
        });
        // One warning per kind of repair, at its first place: a sloppy
        // example should not bury the warnings that matter.
        let mut kinds: Vec<(String, usize, usize)> = Vec::new();
        let comments: Vec<usize> = repairs
            .iter()
            .filter(|r| r.message == lenient::COMMENT)
            .map(|r| r.offset)
            .collect();
        for r in repairs {
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
        // A batch: a JSON array of event objects. Each item is one payload.
        if let (true, lenient::Kind::Array(items)) = (batch, &node.kind) {
            seen.entry(hash)
                .or_default()
                .push((found.len(), Some(items.len())));
            diags
                .warn(
                    src.loc(start),
                    format!("this example is a JSON array of {} objects: each is read as one event's payload", items.len()),
                )
                .with_hint("a body that batches events parses as a list: serde_json::from_slice::<Vec<Event>>(body)");
            let last = items.len() - 1;
            for (k, item) in items.iter().enumerate() {
                let mut notes = Vec::new();
                let mut item = item.clone();
                take_notes(&mut item, &mut vec![], &mut notes);
                found.push(Example {
                    loc: src.loc(item.start),
                    comments: comments_in(&comments, &item),
                    notes,
                    content: item.digest(),
                    node: item,
                    // Only the last item can be the one a cut ran into.
                    cut: cut.filter(|_| k == last),
                    section: None,
                });
            }
            continue;
        }
        seen.entry(hash).or_default().push((found.len(), None));
        found.push(Example {
            loc: src.loc(start),
            node,
            comments,
            notes,
            cut,
            content: hash,
            section: None,
        });
    }
    (found, spans)
}

/// A member that annotates its object rather than being one of its fields:
/// `_comment`, `__comment__`, `$comment` (JSON Schema's), `//`, `#`.
fn is_note_key(key: &str) -> bool {
    let bare = key.trim_matches(['_', '$']);
    matches!(key, "//" | "#") || (bare.len() < key.len() && matches!(bare, "comment" | "comments"))
}

/// Takes the note members (`"_comment": "…"`) out of every object below
/// `node`, each text kept for the field before it in its object, or for
/// the object itself where it comes first.
fn take_notes(node: &mut lenient::Node, path: &mut Vec<String>, out: &mut Vec<Note>) {
    match &mut node.kind {
        lenient::Kind::Object(entries) => {
            let mut before: Option<String> = None;
            entries.retain(|e| {
                if !is_note_key(&e.key) {
                    before = Some(e.key.clone());
                    return true;
                }
                if let Some(text) = e.value.as_str() {
                    let mut described = path.clone();
                    described.extend(before.clone());
                    if !described.is_empty() {
                        out.push(Note {
                            path: described,
                            text: text.trim().to_owned(),
                            at: e.key_start,
                        });
                    }
                }
                false
            });
            for e in entries.iter_mut() {
                path.push(e.key.clone());
                take_notes(&mut e.value, path, out);
                path.pop();
            }
        }
        lenient::Kind::Array(items) => {
            for item in items {
                take_notes(item, path, out);
            }
        }
        _ => {}
    }
}

/// The comment offsets that fall inside one node.
fn comments_in(comments: &[usize], node: &lenient::Node) -> Vec<usize> {
    comments
        .iter()
        .copied()
        .filter(|&c| c >= node.start && c < node.end)
        .collect()
}

/// What comments in examples say about the field before them on their line
/// (`"status": "paid", // paid or refunded`), as field rows: the comment is
/// the description, and a list of values that holds the example's value is
/// an enum. A payload sketched with type names (`count: integer`) gives
/// those types too. Read after the page's tables, which win where both
/// speak.
pub fn comment_rows(src: &Source, examples: &[Example]) -> Vec<FieldRow> {
    let mut rows: Vec<FieldRow> = Vec::new();
    // `"_comment": "Unique identifier…"` after the member it is about.
    for note in examples.iter().flat_map(|ex| &ex.notes) {
        if !note.text.is_empty() && !rows.iter().any(|r| r.path == note.path) {
            rows.push(FieldRow {
                description: note.text.clone(),
                ..new_row(src, note.at, "", note.path.clone())
            });
        }
    }
    for ex in examples.iter().filter(|ex| !ex.comments.is_empty()) {
        let mut entries = Vec::new();
        entries_with_paths(&ex.node, &mut vec![], &mut entries);
        for &at in &ex.comments {
            let text = &src.text[at..];
            let Some(body) = text.strip_prefix("//") else {
                continue;
            };
            let body = body.split('\n').next().unwrap_or("").trim();
            // The entry whose value ends last before the comment, on its line.
            let Some((path, value)) = entries
                .iter()
                .filter(|(_, v)| v.end <= at && !src.text[v.end..at].contains('\n'))
                .max_by_key(|(_, v)| v.end)
            else {
                continue;
            };
            if body.is_empty() || rows.iter().any(|r| r.path == *path) {
                continue;
            }
            let values = value
                .as_str()
                .and_then(|v| vocab::enum_in_comment(body, path.last().map_or("", |k| k), v))
                .map(EnumValues::Strings);
            rows.push(FieldRow {
                description: body.to_owned(),
                values,
                ..new_row(src, at, "", path.clone())
            });
        }
    }
    // What TypeScript and sketches say at members, found in one walk of
    // each example, applied kind by kind.
    let mut facts = MemberFacts::default();
    for ex in examples {
        let sketch = ex.node.sketches_types();
        facts.walk(src, &ex.node, &mut vec![], sketch);
    }
    // `"mode": "live" | "test"`, `"note": string | null`: a union says
    // the field's values, its type and whether it may be null.
    for (path, value, alternatives) in facts.unions {
        let mut all = vec![value.clone()];
        all.extend(alternatives);
        let nullable = all.iter().any(|n| matches!(n.kind, lenient::Kind::Null));
        let literals: Vec<String> = (all.iter())
            .filter_map(|n| match &n.kind {
                lenient::Kind::String(s) if !vocab::is_placeholder_str(s) => Some(s.clone()),
                _ => None,
            })
            .collect();
        let typed = all.iter().find_map(|n| match &n.kind {
            lenient::Kind::String(s) if s == "string" => Some((DocType::String, None)),
            lenient::Kind::Placeholder(p) => stand_in_type(p),
            _ => None,
        });
        let row = row_for(&mut rows, src, path, value.start);
        if nullable {
            row.nullable = Some(true);
        }
        // Literals alone are the values; beside a type name, examples.
        if literals.len() >= 2 && typed.is_none() {
            row.ty = Some(DocType::String);
            row.values = Some(EnumValues::Strings(literals));
        } else if let Some((ty, format)) = typed {
            row.ty = Some(ty);
            row.format = format;
        }
    }
    // `priority?: …`: a TypeScript member that may be absent.
    for (path, at) in facts.optional {
        row_for(&mut rows, src, path, at).required = Some(false);
    }
    // A sketch's `count: integer` states the type as a table would.
    for (path, at, (ty, format)) in facts.typed {
        let row = row_for(&mut rows, src, path, at);
        row.ty = Some(ty);
        row.format = format;
    }
    rows
}

/// The row for `path` among `rows`, made at `at` if there is none yet.
fn row_for<'r>(
    rows: &'r mut Vec<FieldRow>,
    src: &Source,
    path: Vec<String>,
    at: usize,
) -> &'r mut FieldRow {
    match rows.iter().position(|r| r.path == path) {
        Some(i) => &mut rows[i],
        None => {
            rows.push(new_row(src, at, "", path));
            rows.last_mut().expect("pushed")
        }
    }
}

/// What the members of examples say beyond their values, each with its
/// path: a union after the value, a `?:` after the key, a type's name as
/// the value of a sketch.
#[derive(Default)]
struct MemberFacts<'n> {
    unions: Vec<(Vec<String>, &'n lenient::Node, Vec<lenient::Node>)>,
    optional: Vec<(Vec<String>, usize)>,
    typed: Vec<(Vec<String>, usize, Typed)>,
}

impl<'n> MemberFacts<'n> {
    /// One walk below `node`; a path is copied only where a fact is.
    fn walk(
        &mut self,
        src: &Source,
        node: &'n lenient::Node,
        path: &mut Vec<String>,
        sketch: bool,
    ) {
        match &node.kind {
            lenient::Kind::Object(entries) => {
                for e in entries {
                    path.push(e.key.clone());
                    let value = &e.value;
                    if let Some(alternatives) = union_after(src, value) {
                        self.unions.push((path.clone(), value, alternatives));
                    }
                    let between = src.text.get(e.key_start..value.start).unwrap_or("");
                    if between.trim_end().trim_end_matches(':').ends_with('?') {
                        self.optional.push((path.clone(), e.key_start));
                    }
                    if let (true, lenient::Kind::Placeholder(p)) = (sketch, &value.kind) {
                        if let Some(t) = stand_in_type(p) {
                            self.typed.push((path.clone(), value.start, t));
                        }
                    }
                    self.walk(src, value, path, sketch);
                    path.pop();
                }
            }
            lenient::Kind::Array(items) => {
                for item in items {
                    self.walk(src, item, path, sketch);
                }
            }
            _ => {}
        }
    }
}

/// A type and the format it implies.
type Typed = (DocType, Option<vocab::Format>);

/// The type a stand-in names: `<number>` a number.
fn stand_in_type(p: &str) -> Option<Typed> {
    vocab::type_word(p.trim_start_matches('<').trim_end_matches('>'))
}

/// The other members of a union the page writes after `value`
/// (`"live" | "test"`), as the reader passed over them.
fn union_after(src: &Source, value: &lenient::Node) -> Option<Vec<lenient::Node>> {
    let mut out = Vec::new();
    let mut at = value.end;
    loop {
        let rest = &src.text[at..];
        let t = rest.trim_start_matches([' ', '\t']);
        if !t.starts_with('|') || t.starts_with("||") {
            break;
        }
        let start = at + (rest.len() - t.len()) + 1;
        let skipped = src.text[start..].len() - src.text[start..].trim_start().len();
        let parsed = lenient::parse_at(&src.text, start + skipped).ok()?;
        at = parsed.node.end;
        out.push(parsed.node);
    }
    (!out.is_empty()).then_some(out)
}

/// Every object entry below `node` with its path (arrays transparent).
fn entries_with_paths<'n>(
    node: &'n lenient::Node,
    path: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, &'n lenient::Node)>,
) {
    match &node.kind {
        lenient::Kind::Object(entries) => {
            for e in entries {
                path.push(e.key.clone());
                out.push((path.clone(), &e.value));
                entries_with_paths(&e.value, path, out);
                path.pop();
            }
        }
        lenient::Kind::Array(items) => {
            for i in items {
                entries_with_paths(i, path, out);
            }
        }
        _ => {}
    }
}

/// The page with the gutter of numbered code blocks (`12  "id": 1,`, `7 | }`)
/// and bullets before JSON lines (`• "id": 1`) replaced by spaces. A gutter
/// is a run of at least three lines numbered one after another, one of
/// them holding a brace or bracket. Same length as `text`.
fn mask_gutters(text: &str) -> std::borrow::Cow<'_, str> {
    // (line start, gutter length, number) for every line with a number gutter.
    let mut numbered: Vec<(usize, usize, u64, bool)> = Vec::new();
    let mut bullets: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let indent = body.len() - body.trim_start().len();
        let rest = &body[indent..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && digits <= 6 {
            let after = &rest[digits..];
            let sep = after
                .chars()
                .take_while(|c| matches!(c, ' ' | '\t' | '|' | ':'))
                .map(char::len_utf8)
                .sum::<usize>();
            if after.is_empty() || (sep > 0 && after[..sep].contains([' ', '\t'])) {
                if let Ok(n) = rest[..digits].parse() {
                    let json = after.contains(['{', '[', '}', ']']);
                    numbered.push((start, indent + digits + sep, n, json));
                }
            }
        }
        for b in ['\u{2022}', '\u{b7}'] {
            if let Some(after) = rest.strip_prefix(b) {
                if after.trim_start().starts_with(['"', '{', '}', '[', ']']) {
                    bullets.push((start + indent, b.len_utf8()));
                }
            }
        }
        start += line.len();
    }
    let mut blank: Vec<(usize, usize)> = bullets;
    let mut i = 0;
    while i < numbered.len() {
        let mut j = i + 1;
        // Numbers on lines of their own may alternate with the code lines
        // (a gutter copied as a column of its own).
        let bare = |k: usize| {
            let (s, len, _, _) = numbered[k];
            text[s + len..].starts_with(['\n', '\r']) || s + len == text.len()
        };
        while j < numbered.len() && numbered[j].2 == numbered[j - 1].2 + 1 && {
            let newlines = text[numbered[j - 1].0..numbered[j].0].matches('\n').count();
            newlines == 1 || (newlines == 2 && bare(j - 1) && bare(j))
        } {
            j += 1;
        }
        let code_between = j > i + 1 && text[numbered[i].0..numbered[j - 1].0].contains(['{', '[']);
        if j - i >= 3 && (numbered[i..j].iter().any(|n| n.3) || code_between) {
            blank.extend(numbered[i..j].iter().map(|&(s, len, _, _)| (s, len)));
        }
        i = j;
    }
    if blank.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for (at, len) in blank {
        bytes[at..at + len].fill(b' ');
    }
    // Whole characters were replaced by spaces: still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned()))
}

/// An object with members, or an array of objects.
fn is_payload(node: &lenient::Node) -> bool {
    match &node.kind {
        lenient::Kind::Object(entries) => !entries.is_empty(),
        lenient::Kind::Array(items) => items.iter().any(|i| i.as_object().is_some()),
        _ => false,
    }
}

/// Whether the prose line just above the example at `line_start` (past
/// blank lines and a code fence) speaks of the response to the webhook,
/// not of the webhook itself.
fn introduced_as_response(text: &str, line_start: usize) -> bool {
    let Some(line) = text[..line_start]
        .lines()
        .rev()
        .take(4)
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("```") && !l.starts_with("~~~"))
    else {
        return false;
    };
    let l = line.to_ascii_lowercase();
    let response = ["respond", "response", "reply", "return"]
        .iter()
        .any(|w| l.contains(w));
    let payload = ["payload", "request", "event", "we send", "sent", "post "]
        .iter()
        .any(|w| l.contains(w));
    response && !payload
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
    fn line_numbers_and_bullets_copied_with_the_code_are_skipped() {
        let text = "Example:\n\n1  {\n2    \"id\": 7,\n3    \"tags\": [\n4      1,\n5      2\n6    ]\n7  }\n\n\
                    10 | {\n11 |   \"a\": \"b\"\n12 | }\n\n\u{2022} {\n\u{2022} \"c\": 1\n\u{2022} }\n";
        let (found, diags) = examples(text);
        assert_eq!(
            found,
            vec![
                serde_json::json!({"id": 7, "tags": [1, 2]}),
                serde_json::json!({"a": "b"}),
                serde_json::json!({"c": 1})
            ],
            "{diags:?}"
        );
        // Numbered steps in prose are not a gutter for anything: no JSON.
        let steps = "1 Open settings\n2 Add a URL\n3 Save\n";
        assert_eq!(mask_gutters(steps), steps);
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
