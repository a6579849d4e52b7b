//! Property × event matrices: a table whose columns are events and whose
//! rows are fields, a mark where the event carries the field.
//!
//! ```text
//! | Property | Bounce | Delivered |      PropertyBounceDelivered
//! | email    | X      | X         |      emailXX
//! | reason   | X      |           |      reasonX
//! ```
//!
//! Copied out of a browser the cells often glue (right); then a row's marks
//! say how many events carry the field, not which. Each column becomes an
//! event of the page and each row a field of the payload the events share;
//! where the columns can be told apart, a field some events lack says which
//! carry it.

use super::row::new_row;
use super::{lines_outside, vocab, EventMention, FieldRow};
use crate::diag::Source;

/// What the matrices of a page say, and the byte spans they take (no other
/// table reader reads them again).
#[derive(Debug, Default)]
pub struct Matrices {
    pub rows: Vec<FieldRow>,
    pub events: Vec<EventMention>,
    pub spans: Vec<(usize, usize)>,
}

/// The first header cell of a matrix: it names the rows.
const ROW_HEADS: &[&str] = &[
    "property",
    "properties",
    "field",
    "fields",
    "attribute",
    "attributes",
    "parameter",
    "parameters",
    "key",
    "name",
];

/// Header words of an ordinary field table: a header holding one is no matrix.
const TABLE_WORDS: &[&str] = &[
    "type",
    "description",
    "required",
    "optional",
    "default",
    "example",
    "examples",
    "notes",
    "nullable",
    "format",
    "value",
    "values",
    "details",
    "meaning",
    "mandatory",
    "in",
];

pub fn extract(src: &Source, spans: &[(usize, usize)]) -> Matrices {
    let lines: Vec<(usize, &str)> = lines_outside(&src.text, spans).collect();
    let mut out = Matrices::default();
    let mut i = 0;
    while i < lines.len() {
        i = read(src, &lines, i, &mut out).unwrap_or(i + 1);
    }
    out
}

/// A cell's or a glued run's marks: `Some(true)` present, `Some(false)`
/// absent, `None` not a mark. A footnote star goes with its mark (`X*`).
fn mark(cell: &str) -> Option<bool> {
    let c = cell.trim().trim_end_matches('*').trim();
    match c.to_ascii_lowercase().as_str() {
        "x" | "\u{2713}" | "\u{2714}" | "\u{2705}" | "\u{2022}" | "\u{25cf}" | "yes" | "y" => {
            Some(true)
        }
        "" | "-" | "\u{2013}" | "\u{2014}" | "no" | "n" | "\u{2717}" | "\u{2718}" => Some(false),
        _ => None,
    }
}

/// One column's event name from its header: `Bounce` → `bounce`, `Group
/// Unsubscribe` → `group_unsubscribe`, `invoice.paid` as it is.
fn event_of(header: &str) -> Option<String> {
    let h = header.trim().trim_matches(|c| matches!(c, '`' | '*'));
    if vocab::is_event_name(h) || vocab::is_word_event_name(h) {
        return Some(h.to_owned());
    }
    let words: Vec<&str> = h.split_whitespace().collect();
    let plain = !words.is_empty()
        && words.len() <= 3
        && words.iter().all(|w| {
            w.len() >= 2
                && w.chars().all(|c| c.is_ascii_alphabetic())
                && !TABLE_WORDS.contains(&w.to_ascii_lowercase().as_str())
        });
    plain.then(|| words.join("_").to_ascii_lowercase())
}

/// The event columns of a header line, with each one's offset in it, if
/// the line is a matrix header: a row head, then two events or more, in
/// pipe cells, tab- or space-separated words, or glued capitalized words
/// (`PropertyBounceDelivered`). The layout says how its rows split into
/// cells.
fn header(line: &str) -> Option<(Vec<(String, usize)>, Layout)> {
    let t = line.trim_end();
    let lead = t.len() - t.trim_start().len();
    let t = t.trim_start();
    let (cells, layout): (Vec<(&str, usize)>, Layout) = if t.contains('|') {
        (pipe_cells(t), Layout::Pipes)
    } else if t.contains('\t') {
        (split_keep(t, '\t'), Layout::Tabs)
    } else if t.contains(' ') {
        (
            t.split_whitespace()
                .map(|w| (w, w.as_ptr() as usize - t.as_ptr() as usize))
                .collect(),
            Layout::Glued,
        )
    } else {
        (camel_words(t), Layout::Glued)
    };
    let (first, rest) = cells.split_first()?;
    if !ROW_HEADS.contains(&first.0.trim().to_ascii_lowercase().as_str()) || rest.len() < 2 {
        return None;
    }
    let events: Option<Vec<(String, usize)>> = rest
        .iter()
        .map(|(c, at)| event_of(c).map(|e| (e, lead + at)))
        .collect();
    let events = events?;
    let mut seen = std::collections::BTreeSet::new();
    events
        .iter()
        .all(|(e, _)| seen.insert(e.clone()))
        .then_some((events, layout))
}

#[derive(Clone, Copy, PartialEq)]
enum Layout {
    /// Cells apart: each mark is its column's.
    Pipes,
    Tabs,
    /// Marks glued to the name or spaced: only how many.
    Glued,
}

/// `| a | b |` → cells with their offsets.
fn pipe_cells(t: &str) -> Vec<(&str, usize)> {
    let inner = t.strip_prefix('|').unwrap_or(t);
    let base = t.len() - inner.len();
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    split_keep(inner, '|')
        .into_iter()
        .map(|(c, at)| (c, base + at))
        .collect()
}

fn split_keep(t: &str, sep: char) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in t.char_indices() {
        if c == sep {
            out.push((&t[start..i], start));
            start = i + c.len_utf8();
        }
    }
    out.push((&t[start..], start));
    out
}

/// `PropertyBounceDelivered` → `Property`, `Bounce`, `Delivered`; nothing
/// unless every word is capitalized and longer than one letter.
fn camel_words(t: &str) -> Vec<(&str, usize)> {
    if !t.starts_with(|c: char| c.is_ascii_uppercase())
        || !t.chars().all(|c| c.is_ascii_alphabetic())
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in t.char_indices().skip(1) {
        if c.is_ascii_uppercase() {
            out.push((&t[start..i], start));
            start = i;
        }
    }
    out.push((&t[start..], start));
    // An acronym (`SMS`) splits into letters: no such header.
    if out.iter().any(|(w, _)| w.len() < 2) {
        return Vec::new();
    }
    out
}

/// A row: the field's path and, per column where cells are apart, whether
/// the event carries it; glued, how many do.
fn row(line: &str, layout: Layout, columns: usize) -> Option<(Vec<String>, Carried)> {
    let t = line.trim();
    let cells: Vec<&str> = match layout {
        Layout::Pipes if t.contains('|') => pipe_cells(t).into_iter().map(|(c, _)| c).collect(),
        Layout::Tabs if t.contains('\t') => t.split('\t').collect(),
        Layout::Pipes | Layout::Tabs => return None,
        Layout::Glued => {
            let name = t.trim_end_matches(|c: char| c.is_whitespace() || is_mark_char(c));
            let marks = t[name.len()..]
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '*')
                .count();
            let path = vocab::field_path(name.trim().trim_matches('`'))?;
            return (marks >= 1 && marks <= columns).then_some((path, Carried::Count(marks)));
        }
    };
    let (name, marks) = cells.split_first()?;
    let path = vocab::field_path(name.trim().trim_matches('`'))?;
    // A row may end early where its last cells are empty.
    if marks.len() > columns {
        return None;
    }
    let marks: Option<Vec<bool>> = marks.iter().map(|m| mark(m)).collect();
    let mut marks = marks?;
    marks.resize(columns, false);
    marks
        .contains(&true)
        .then_some((path, Carried::Columns(marks)))
}

fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        'X' | '*' | '\u{2713}' | '\u{2714}' | '\u{2705}' | '\u{25cf}'
    )
}

enum Carried {
    Columns(Vec<bool>),
    Count(usize),
}

/// Reads a matrix whose header is line `start`; the line after it.
fn read(src: &Source, lines: &[(usize, &str)], start: usize, out: &mut Matrices) -> Option<usize> {
    let (offset, line) = lines[start];
    let (columns, layout) = header(line)?;
    let mut i = start + 1;
    let rule = |l: &str| l.contains('-') && l.chars().all(|c| matches!(c, '-' | ':' | '|' | ' '));
    if lines.get(i).is_some_and(|(_, l)| rule(l)) {
        i += 1;
    }
    let mut rows = Vec::new();
    let mut end = offset + line.len();
    while let Some(&(at, text)) = lines.get(i) {
        if text.trim().is_empty() {
            i += 1;
            continue;
        }
        let Some((path, carried)) = row(text, layout, columns.len()) else {
            break;
        };
        let mut field = new_row(src, at, text, path);
        field.description = match carried {
            Carried::Columns(marks) if marks.contains(&false) => {
                let with: Vec<&str> = columns
                    .iter()
                    .zip(&marks)
                    .filter(|(_, m)| **m)
                    .map(|((e, _), _)| e.as_str())
                    .collect();
                format!("Sent with {} only.", with.join(", "))
            }
            Carried::Count(n) if n < columns.len() => {
                format!("Sent with {n} of the {} events only.", columns.len())
            }
            _ => String::new(),
        };
        rows.push(field);
        end = at + text.len();
        i += 1;
    }
    if rows.len() < 2 {
        return None;
    }
    out.events
        .extend(columns.into_iter().map(|(name, at)| EventMention {
            name,
            description: None,
            loc: src.loc(offset + at),
        }));
    out.rows.extend(rows);
    out.spans.push((offset, end));
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_page(text: &str) -> (Vec<String>, Vec<String>) {
        let src = Source::new("specs/v/page.txt", text);
        let m = extract(&src, &[]);
        let rows = m
            .rows
            .iter()
            .map(|r| {
                format!("{} {}", r.path.join("."), r.description)
                    .trim()
                    .to_owned()
            })
            .collect();
        (m.events.into_iter().map(|e| e.name).collect(), rows)
    }

    #[test]
    fn glued_matrix_gives_events_and_fields() {
        let (events, rows) = read_page(
            "The table:\n\nPropertyBounceDeliveredDeferred\nemailXXX\nreasonXX\nsg_message_idX*XX\n\n* footnote\n",
        );
        assert_eq!(events, ["bounce", "delivered", "deferred"]);
        assert_eq!(
            rows,
            [
                "email",
                "reason Sent with 2 of the 3 events only.",
                "sg_message_id"
            ]
        );
    }

    #[test]
    fn pipe_matrix_says_which_events_carry_a_field() {
        let (events, rows) = read_page(
            "| Field | Group Unsubscribe | Open | invoice.paid |\n|---|---|---|---|\n| email | X | X | X |\n| url | | ✓ | |\n",
        );
        assert_eq!(events, ["group_unsubscribe", "open", "invoice.paid"]);
        assert_eq!(rows, ["email", "url Sent with open only."]);
    }

    #[test]
    fn field_tables_and_prose_are_no_matrix() {
        for page in [
            "| Field | Type | Description |\n|---|---|---|\n| id | string | X |\n| a | string | X |\n",
            "PropertyTypeDescription\nidX\naX\n",
            "Name Bounce Open\nThe bounce event.\n",
            "FieldBounceOpen\nidstringThe id\nnameX\n",
        ] {
            assert_eq!(read_page(page), (vec![], vec![]), "{page}");
        }
    }
}
