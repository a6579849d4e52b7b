//! Doc text → evidence.
//!
//! Each extractor reads one kind of thing from a raw page (example payloads,
//! field tables, event names) and records where it found it. Nothing here
//! knows about Rust or about other pages; `infer` weighs the evidence.

mod bullets;
mod cells;
pub(crate) mod events;
pub(crate) mod examples;
mod jsonschema;
mod matrix;
mod pairs;
mod pipes;
mod row;
pub(crate) mod tables;
pub(crate) mod vocab;
mod words;

use std::collections::{BTreeMap, BTreeSet};

use crate::hash::Set as HashSet;

use serde::Serialize;

use crate::diag::{Diagnostics, Loc, Source};
use crate::lenient;

pub use vocab::{is_placeholder_str as is_placeholder, is_stand_in, DocType, Format};

/// Everything one page says.
#[derive(Debug, Default)]
pub struct PageEvidence {
    pub examples: Vec<Example>,
    pub rows: Vec<FieldRow>,
    /// What comments in the examples say about fields; tables win.
    pub comment_rows: Vec<FieldRow>,
    /// Events named in lists (bullets, inline lists), with any description.
    pub listed_events: Vec<EventMention>,
    /// Events only named in running text, tables or glued cells: events of
    /// the vendor, but not what the page's payload is about.
    pub mentioned_events: Vec<EventMention>,
    /// The event this page is about: its title, URL path or an `event = x` note.
    pub page_event: Option<EventMention>,
    /// Whether only the file's name or folder says `page_event`: the
    /// weakest signal, which the body's own event type overrides.
    pub page_event_from_path: bool,
    /// `name = value` notes, such as `event = upgrade`.
    pub constants: Vec<Constant>,
    /// The sentence that says when the page's event fires.
    pub description: Option<String>,
    /// A name for the payload from a heading such as "Subscriber Event Object".
    pub object_heading: Option<String>,
    /// An HTTP header the page says carries the event type (`X-GitHub-Event`).
    pub event_header: Option<(String, Loc)>,
    /// A URL path with the event type in it (`/webhooks/{event}`).
    pub event_url: Option<(String, Loc)>,
    /// On a page with no JSON example: the other format it says the body
    /// comes in (`application/x-www-form-urlencoded`, XML), and where.
    pub body_format: Option<(&'static str, Loc)>,
}

/// A JSON example payload as published.
#[derive(Debug)]
pub struct Example {
    pub node: lenient::Node,
    pub loc: Loc,
    /// Where its comments start (`// paid or refunded`), in page offsets.
    pub comments: Vec<usize>,
    /// What its note members (`"_comment": "…"`) said, taken out of `node`.
    pub notes: Vec<Note>,
    /// Where the page cut it off, if it did: fields after that are unknown,
    /// so it is evidence of what it shows, not a whole payload.
    pub cut: Option<usize>,
    /// A hash of its value: copies of one payload share it.
    pub content: u64,
    /// The event whose section of the page it stands in, on a page with a
    /// section per event (`## invoice.paid`, its text and example).
    pub section: Option<String>,
}

/// A note member of an example (`"_comment": "…"`): the path of the field
/// (or object) it is about, its text, and where its key starts.
#[derive(Clone, Debug)]
pub struct Note {
    pub path: Vec<String>,
    pub text: String,
    pub at: usize,
}

/// One row of a field table, with the path of the field it describes.
#[derive(Clone, Debug, Serialize)]
pub struct FieldRow {
    pub path: Vec<String>,
    pub ty: Option<DocType>,
    pub format: Option<Format>,
    pub required: Option<bool>,
    pub nullable: Option<bool>,
    pub description: String,
    pub values: Option<EnumValues>,
    /// An example value from the table's example column.
    pub example: Option<serde_json::Value>,
    pub loc: Loc,
    /// While reading: a `One of:` line was seen and bullets may follow.
    #[serde(skip)]
    pub list_open: bool,
    /// An SDK's enum class the type cell names (`RecordTypeEnum`), whose
    /// values a `Name | Value` table further down lists.
    #[serde(skip)]
    pub enum_class: Option<String>,
    /// The event whose section of the page it stands in, as for examples.
    #[serde(skip)]
    pub section: Option<String>,
}

/// Values a field may take, as a page lists them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum EnumValues {
    Strings(Vec<String>),
    Integers(Vec<i64>),
    /// `Options: 1 - 46`: every integer in the range.
    Range(i64, i64),
}

#[derive(Clone, Debug, Serialize)]
pub struct EventMention {
    pub name: String,
    pub description: Option<String>,
    pub loc: Loc,
}

#[derive(Clone, Debug, Serialize)]
pub struct Constant {
    pub field: String,
    pub value: String,
    pub loc: Loc,
}

/// Reads everything a page holds, as if it sat at the top of its vendor's
/// folder. Never fails: what cannot be read becomes a diagnostic.
pub fn page(src: &Source, diags: &mut Diagnostics) -> PageEvidence {
    let file = src.path.rsplit('/').next().unwrap_or("");
    page_at(src, file, diags)
}

/// Reads everything a page holds; `rel` is its path inside the vendor's
/// folder (`issues/opened.payload.json`), which names its event when the
/// text does not.
pub fn page_at(src: &Source, rel: &str, diags: &mut Diagnostics) -> PageEvidence {
    let (examples, mut spans) = examples::extract(src, diags);
    // A JSON Schema on the page describes the payload; it is not one.
    let (schemas, mut examples): (Vec<Example>, Vec<Example>) = examples
        .into_iter()
        .partition(|x| jsonschema::is_schema(&x.node));
    let matrices = matrix::extract(src, &spans);
    spans.extend(&matrices.spans);
    let (mut rows, apart) = tables::extract_apart(src, &spans);
    rows.extend(matrices.rows);
    for schema in &schemas {
        rows.extend(jsonschema::rows(src, &schema.node));
    }
    // A page of names and prose (no example, schema, table or other body
    // format) may name its fields as pairs in its text.
    if examples.is_empty()
        && schemas.is_empty()
        && rows.is_empty()
        && other_body_format(src).is_none()
    {
        rows = pairs::extract(src, &spans);
    }
    let comment_rows = examples::comment_rows(src, &examples);
    // The names of rows set apart (headers, a webhook's settings) are
    // fields too, not events.
    let named: std::borrow::Cow<[FieldRow]> = if apart.is_empty() {
        (&rows[..]).into()
    } else {
        rows.iter()
            .chain(&apart)
            .cloned()
            .collect::<Vec<_>>()
            .into()
    };
    let keys = all_keys(&examples, &named);
    // Where each field row stands: a section may hold rows, not examples.
    let row_starts: Vec<usize> = rows.iter().map(|r| src.line_start(r.loc.line)).collect();
    let events = events::extract(
        src,
        &spans,
        &row_starts,
        &FieldPaths::new(&examples, &named),
        &keys,
    );
    // Each example or row in a section of its own takes that section's
    // event: the last to start before it (sections come in page order).
    let section_at = |loc: &Loc| {
        let at = (loc.line, loc.col);
        let before = (events.sections).partition_point(|s| (s.loc.line, s.loc.col) < at);
        before
            .checked_sub(1)
            .map(|i| events.sections[i].name.clone())
    };
    let sections: Vec<Option<String>> = examples.iter().map(|x| section_at(&x.loc)).collect();
    let row_sections: Vec<Option<String>> = rows.iter().map(|r| section_at(&r.loc)).collect();
    let bare = examples.len() == 1
        && spans.first().is_some_and(|&(a, b)| {
            src.text[..a].trim().is_empty() && src.text[b..].trim().is_empty()
        });
    let page_event_from_path = events.page_event.is_none();
    let page_event = events.page_event.or_else(|| {
        vocab::path_event(rel, bare).map(|name| EventMention {
            name,
            description: None,
            loc: src.loc(0),
        })
    });
    // A one-word name that is a field of the page is no event.
    let mut listed: Vec<EventMention> = events
        .listed
        .into_iter()
        .chain(matrices.events)
        .chain(events.sections)
        .filter(|l| l.name.contains(['.', '/']) || !keys.contains(l.name.as_str()))
        .collect();
    // Names only running text mentions, apart from those in lists.
    let mut all = listed.clone();
    all.extend(events.mentioned);
    unglue_names(&mut all);
    let mut mentioned = all.split_off(listed.len());
    listed = all;
    let mut seen: BTreeSet<String> = listed.iter().map(|m| m.name.clone()).collect();
    mentioned.retain(|m| {
        (m.name.contains(['.', '/']) || !keys.contains(m.name.as_str()))
            && seen.insert(m.name.clone())
    });
    one_spelling(&mut listed, &mut mentioned);
    for (x, section) in examples.iter_mut().zip(sections) {
        x.section = section;
    }
    for (row, section) in rows.iter_mut().zip(row_sections) {
        row.section = section;
    }
    let body_format = if examples.is_empty() {
        other_body_format(src)
    } else {
        None
    };
    PageEvidence {
        examples,
        rows,
        comment_rows,
        page_event_from_path: page_event_from_path && page_event.is_some(),
        listed_events: listed,
        mentioned_events: mentioned,
        page_event,
        constants: events.constants,
        description: events.description,
        object_heading: events.object_heading,
        event_header: events.event_header,
        event_url: events.event_url,
        body_format,
    }
}

/// The value a description says a field always has: `Default value:
/// subscription_created`, `` Always `invoice.paid` ``.
pub fn default_value(description: &str) -> Option<String> {
    let lower = description.to_ascii_lowercase();
    let at = ["default value:", "default:", "always "]
        .iter()
        .find_map(|lead| lower.find(lead).map(|i| i + lead.len()))?;
    let word = description[at..]
        .split_whitespace()
        .next()?
        .trim_matches(|c: char| matches!(c, '`' | '"' | '\'' | '.' | ',' | ';' | ')' | '('));
    let plain = !word.is_empty()
        && word.starts_with(|c: char| c.is_ascii_alphabetic())
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '/' | ':'));
    plain.then(|| word.to_owned())
}

/// The body format other than JSON that a page names: form fields or XML.
fn other_body_format(src: &Source) -> Option<(&'static str, Loc)> {
    const FORMATS: &[(&str, &str)] = &[
        ("x-www-form-urlencoded", "application/x-www-form-urlencoded"),
        ("multipart/form-data", "multipart/form-data"),
        ("application/xml", "XML"),
        ("text/xml", "XML"),
        ("xml document", "XML"),
        ("xml payload", "XML"),
    ];
    let lower = src.text.to_ascii_lowercase();
    FORMATS
        .iter()
        .filter_map(|(needle, name)| lower.find(needle).map(|at| (at, *name)))
        .min()
        .map(|(at, name)| (name, src.loc(at)))
}

/// Calls `f` with every object in a node, to the depth the reader allows.
fn each_object<'a>(
    node: &'a lenient::Node,
    f: &mut impl FnMut(&'a [lenient::Entry]),
    depth: usize,
) {
    if depth > lenient::MAX_DEPTH {
        return;
    }
    match &node.kind {
        lenient::Kind::Object(entries) => {
            f(entries);
            entries
                .iter()
                .for_each(|e| each_object(&e.value, f, depth + 1));
        }
        lenient::Kind::Array(items) => items.iter().for_each(|i| each_object(i, f, depth + 1)),
        _ => {}
    }
}

/// The dotted paths of two or three keys that the examples hold, from any
/// object in them, their top-level keys, and the paths of the table rows:
/// what a dotted name in the text is when it is a field, not an event.
/// Kept as the keys themselves, borrowed from the examples: a page holds
/// many paths and asks about a few names.
#[derive(Default)]
pub struct FieldPaths<'a> {
    pairs: HashSet<(&'a str, &'a str)>,
    triples: HashSet<(&'a str, &'a str, &'a str)>,
    tops: HashSet<&'a str>,
    rows: HashSet<String>,
}

impl<'a> FieldPaths<'a> {
    fn new(examples: &'a [Example], rows: &[FieldRow]) -> FieldPaths<'a> {
        let mut out = FieldPaths::default();
        for ex in examples {
            each_object(
                &ex.node,
                &mut |entries| {
                    for e in entries {
                        for f in e.value.as_object().unwrap_or_default() {
                            out.pairs.insert((&e.key, &f.key));
                            for g in f.value.as_object().unwrap_or_default() {
                                out.triples.insert((&e.key, &f.key, &g.key));
                            }
                        }
                    }
                },
                0,
            );
            // The top-level keys too: `data.objectobject` is `data` and more.
            for e in ex.node.as_object().unwrap_or_default() {
                out.tops.insert(&e.key);
            }
        }
        for r in rows {
            for n in 1..=r.path.len() {
                out.rows.insert(r.path[..n].join("."));
            }
        }
        out
    }

    /// Whether `dotted` is one of the paths, its keys joined by `.` (a key
    /// may hold a `.` itself: every way to split the name is asked).
    pub fn contains(&self, dotted: &str) -> bool {
        if self.tops.contains(dotted) || self.rows.contains(dotted) {
            return true;
        }
        let dots: Vec<usize> = dotted.match_indices('.').map(|(i, _)| i).collect();
        dots.iter().enumerate().any(|(n, &i)| {
            let (first, rest) = (&dotted[..i], &dotted[i + 1..]);
            self.pairs.contains(&(first, rest))
                || dots[n + 1..].iter().any(|&j| {
                    self.triples
                        .contains(&(first, &dotted[i + 1..j], &dotted[j + 1..]))
                })
        })
    }
}

/// Every key the examples hold and every segment of a row's path.
fn all_keys<'a>(examples: &'a [Example], rows: &'a [FieldRow]) -> BTreeSet<&'a str> {
    let mut out = BTreeSet::new();
    for ex in examples {
        each_object(
            &ex.node,
            &mut |entries| out.extend(entries.iter().map(|e| e.key.as_str())),
            0,
        );
    }
    out.extend(rows.iter().flat_map(|r| r.path.iter().map(String::as_str)));
    out
}

/// Names that text glued onto another name of the page: `thepayment.authorized`
/// and `invitee.createdwebhook` where the page also names
/// `payment.authorized` and `invitee.created`. Each becomes the longest
/// such name (the later in the list, of two as long). What is glued after
/// holds no `.` or `/`, unless it runs into a resource of the page's
/// names: `invitee.createdandinvitee.canceledwebhooks` is glue,
/// `invoice.updated.payment` no `invoice.update` with text glued on. Then
/// the resources glued onto. Linear in the names: each is looked up by
/// its own prefixes and suffixes, never against every other.
fn unglue_names(listed: &mut [EventMention]) {
    /// Longer names are no glued names: a hostile page's 1 MB token is
    /// left as it is, not searched.
    const LONGEST: usize = 128;
    let sep = ['.', '/'];
    let alnum = |c: char| c.is_ascii_alphanumeric();
    let mut at: crate::hash::Map<String, usize> = crate::hash::Map::default();
    let mut resources: crate::hash::Set<String> = crate::hash::Set::default();
    for (i, m) in listed.iter().enumerate() {
        if m.name.contains(sep) && m.name.len() <= LONGEST {
            at.insert(m.name.clone(), i);
            resources.insert(resource(&m.name).to_owned());
        }
    }
    // Text glued after runs into a resource: `andinvitee.` ends with `invitee`.
    let into_resource = |rest: &str| {
        let word = rest.split(sep).next().unwrap_or_default();
        (1..word.len()).any(|k| word.is_char_boundary(k) && resources.contains(&word[k..]))
    };
    for m in listed.iter_mut() {
        if m.name.len() > LONGEST {
            continue;
        }
        let mut best: Option<(usize, usize, &str)> = None;
        let mut consider = |n: &str| {
            if let Some((known, &i)) = at.get_key_value(n) {
                if best.is_none_or(|(len, j, _)| (n.len(), i) > (len, j)) {
                    best = Some((n.len(), i, known.as_str()));
                }
            }
        };
        for (k, _) in m.name.char_indices().skip(1) {
            let (head, tail) = m.name.split_at(k);
            if head.ends_with(alnum) && tail.contains(sep) {
                consider(tail);
            }
            if tail.starts_with(alnum)
                && head.contains(sep)
                && (!tail.contains(sep) || into_resource(tail))
            {
                consider(head);
            }
        }
        if let Some((_, _, n)) = best {
            m.name = n.to_owned();
        }
    }
    unglue_resources(listed);
}

/// Names with the end of a description glued on before them, where the
/// page lost the break between a list's items and names the event nowhere
/// else: `…ready for paymentinvoice.updated.payment` is
/// `invoice.updated.payment`, where `invoice` starts two or more of the
/// page's other names and `paymentinvoice` starts none. The word cut off
/// is four letters or more (`subaccount` stays).
fn unglue_resources(listed: &mut [EventMention]) {
    let mut starts: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in listed.iter() {
        starts
            .entry(resource(&m.name).to_owned())
            .or_default()
            .insert(m.name.clone());
    }
    for m in listed.iter_mut() {
        let head = resource(&m.name).to_owned();
        if starts.get(&head).is_some_and(|names| names.len() > 1) {
            continue;
        }
        // The longest such resource, found by the name's suffixes: linear
        // in the names, however many the page lists.
        let lower = head.bytes().take_while(u8::is_ascii_lowercase).count();
        let cut = (4..=lower.min(head.len().saturating_sub(1)))
            .find(|&k| starts.get(&head[k..]).is_some_and(|names| names.len() >= 2));
        if let Some(cut) = cut {
            m.name.drain(..cut);
            m.loc.col += u32::try_from(cut).unwrap_or(0);
        }
    }
}

/// The resource an event name starts with: `invoice` of `invoice.paid`.
fn resource(name: &str) -> &str {
    name.split(['.', '/']).next().unwrap_or_default()
}

/// One event written two ways on a page (an SDK's `WEBHOOK_COMMAND` beside
/// the wire's `webhook.command`) is one event, by the spelling that looks
/// like the wire's: with `.`, `/` or `:` rather than without, lowercase
/// rather than not, else the first.
fn one_spelling(listed: &mut Vec<EventMention>, mentioned: &mut Vec<EventMention>) {
    let key = |n: &str| -> String {
        n.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let rank = |n: &str| {
        (
            !n.contains(['.', '/', ':']),
            n.chars().any(|c| c.is_ascii_uppercase()),
        )
    };
    let mut best: crate::hash::Map<String, &str> = crate::hash::Map::default();
    for m in listed.iter().chain(mentioned.iter()) {
        let k = key(&m.name);
        let kept = best.entry(k).or_insert(&m.name);
        if rank(&m.name) < rank(kept) {
            *kept = &m.name;
        }
    }
    let keep: BTreeSet<String> = best.into_values().map(str::to_owned).collect();
    listed.retain(|m| keep.contains(&m.name));
    mentioned.retain(|m| keep.contains(&m.name));
}

/// Lines of a page with their byte offsets, leaving out the given byte spans
/// (example payloads) so that table and event readers never look inside them.
/// A line that an example ends on yields the text after the example
/// (`}Fired when…`).
fn lines_outside<'a>(
    text: &'a str,
    spans: &'a [(usize, usize)],
) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    let mut offset = 0;
    // Lines come in order: a cursor over the spans, sorted, keeps this linear.
    let mut sorted = spans.to_vec();
    sorted.sort_unstable();
    let mut next = 0;
    std::iter::from_fn(move || loop {
        let start = offset;
        if start >= text.len() {
            return None;
        }
        offset = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        let line = text[start..offset].trim_end_matches(['\n', '\r']);
        while next < sorted.len() && sorted[next].1 <= start {
            next += 1;
        }
        // Spans do not overlap: the first not yet ended holds the line's
        // start if it has begun.
        match sorted.get(next).filter(|&&(s, _)| s <= start) {
            None if is_page_chrome(line) => {}
            None => return Some((start, line)),
            Some(&(_, end)) if end < start + line.len() => {
                return Some((end, &line[end - start..]))
            }
            // The line is inside the span: go on from the line the span
            // ends on, not through every line of it.
            Some(&(_, end)) => {
                let bytes = &text.as_bytes()[..end.min(text.len())];
                let last = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
                offset = offset.max(last);
            }
        }
    })
}

/// The documentation site's controls, copied in with the text: `Show
/// child attributes`, `Link to section`. Readers see past them, so a
/// table goes on after its nested rows.
fn is_page_chrome(line: &str) -> bool {
    const CHROME: &[&str] = &[
        "show child attributes",
        "hide child attributes",
        "show child parameters",
        "hide child parameters",
        "show attributes",
        "hide attributes",
        "show properties",
        "hide properties",
        "link to section",
        "copy to clipboard",
        "expand all",
        "collapse all",
    ];
    let t = line.trim();
    t.len() <= 24 && CHROME.iter().any(|c| t.eq_ignore_ascii_case(c))
}

/// Strips a leading bullet (`•`, `-`, `*`, `·`, or a number: `1.`, `2)`)
/// and the white space around it.
fn strip_bullet(line: &str) -> (bool, &str) {
    let t = line.trim_start();
    for b in ["\u{2022}", "\u{b7}", "- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(b) {
            return (true, rest.trim());
        }
    }
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=3).contains(&digits) {
        if let Some(rest) = t[digits..]
            .strip_prefix(". ")
            .or_else(|| t[digits..].strip_prefix(") "))
        {
            return (true, rest.trim());
        }
    }
    (false, t.trim())
}

/// A table reader: rows from the line at the index, and the line after.
#[cfg(test)]
type TableReader = fn(&Source, &[(usize, &str)], usize, &mut Vec<FieldRow>) -> Option<usize>;

/// The rows `reader` gives, tried on each line of `text` in turn as the
/// table loop does, for tests of the table readers.
#[cfg(test)]
fn read_each(text: &str, reader: TableReader) -> Vec<FieldRow> {
    let src = Source::new("p.md", text);
    let lines: Vec<(usize, &str)> = lines_outside(&src.text, &[]).collect();
    let mut rows = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        i = reader(&src, &lines, i, &mut rows).unwrap_or(i + 1);
    }
    rows
}

/// `path type required nullable values`, for tests of the table readers.
#[cfg(test)]
fn row_summary(r: &FieldRow) -> String {
    format!(
        "{} {:?} {:?} {:?} {:?}",
        r.path.join("."),
        r.ty,
        r.required,
        r.nullable,
        r.values
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sites_controls_are_no_text() {
        let text = "amount\ninteger\nIn cents.\nShow child attributes\nrefunded\nboolean\nHide child attributes\n";
        let got: Vec<&str> = lines_outside(text, &[]).map(|(_, l)| l).collect();
        assert_eq!(
            got,
            ["amount", "integer", "In cents.", "refunded", "boolean"]
        );
    }

    /// Text glued onto names where a list's breaks were lost: before a
    /// name the page gives too, after one, and before a resource that
    /// starts the page's other names; a longer name is no glue.
    #[test]
    fn names_with_text_glued_on_are_the_names() {
        let mention = |name: &str| EventMention {
            name: name.to_owned(),
            description: None,
            loc: Loc::default(),
        };
        let mut names: Vec<EventMention> = [
            "invoice.created",
            "invoice.update",
            "invoice.updated.payment",
            "paymentinvoice.voided",
            "invitee.created",
            "invitee.canceled",
            "invitee.createdandinvitee.canceledwebhooks",
            "invitee.createdwebhook",
            "subaccount.opened",
            "account.created",
            "account.closed",
        ]
        .into_iter()
        .map(mention)
        .collect();
        unglue_names(&mut names);
        let got: Vec<&str> = names.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(
            got,
            [
                "invoice.created",
                "invoice.update",
                "invoice.updated.payment",
                "invoice.voided",
                "invitee.created",
                "invitee.canceled",
                "invitee.created",
                "invitee.created",
                "subaccount.opened",
                "account.created",
                "account.closed",
            ]
        );
    }

    #[test]
    fn a_page_the_text_does_not_name_is_named_by_its_file() {
        let mut diags = Diagnostics::default();
        let json = Source::new(
            "specs/shop/order.paid.json",
            "{\"type\": \"order.paid\", \"id\": 1}\n",
        );
        assert_eq!(
            page(&json, &mut diags)
                .page_event
                .map(|m| m.name)
                .as_deref(),
            Some("order.paid")
        );
        // A title in the text wins; a file name that is no event name says nothing.
        let titled = Source::new(
            "specs/shop/order.paid.txt",
            "order.refunded\n\n{\"id\": 1}\n",
        );
        assert_eq!(
            page(&titled, &mut diags)
                .page_event
                .map(|m| m.name)
                .as_deref(),
            Some("order.refunded")
        );
        let plain = Source::new("specs/shop/events.json", "{\"id\": 1}\n");
        assert!(page(&plain, &mut diags).page_event.is_none());
    }

    #[test]
    fn field_paths_are_keys_joined_by_dots_however_the_name_splits() {
        let mut diags = Diagnostics::default();
        let src = Source::new(
            "p.md",
            "```json\n{\"data\": {\"object\": {\"id\": 1}}, \"a.b\": {\"c\": 2}, \"list\": [{\"x\": {\"y\": 3}}]}\n```\n",
        );
        let (examples, _) = examples::extract(&src, &mut diags);
        let row = tables::extract(
            &Source::new(
                "t.md",
                "| Field | Type |\n|---|---|\n| meta.source | string |\n",
            ),
            &[],
        );
        let paths = FieldPaths::new(&examples, &row);
        for yes in [
            "data",
            "data.object",
            "data.object.id",
            "a.b",
            "a.b.c",
            "x.y",
            "object.id",
            "meta",
            "meta.source",
        ] {
            assert!(paths.contains(yes), "{yes}");
        }
        for no in [
            "object",
            "data.id",
            "a",
            "b.c",
            "data.object.id.more",
            "list.x",
            "source",
        ] {
            assert!(!paths.contains(no), "{no}");
        }
    }
}
