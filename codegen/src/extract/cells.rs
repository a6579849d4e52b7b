//! One cell per line: a field's name, then its type, then its description,
//! each on a line (or paragraph) of its own, as tables read once their cells
//! are copied out one by one.

use super::row::{continue_row, describe, name_and_marks, new_row};
use super::vocab;
use super::{DocType, FieldRow};
use crate::diag::Source;

/// The next non-blank line at or after `i`.
fn next_filled(lines: &[(usize, &str)], mut i: usize) -> Option<usize> {
    while lines.get(i)?.1.trim().is_empty() {
        i += 1;
    }
    Some(i)
}

/// What a cell's line says once the marks of a copied page are off it: a
/// markdown heading's `#`s (``### `id` ``), or its column's label (`Field:
/// id`, `Type: string`, `Description: …`, `Required: yes`). Returns the
/// column the label names, if any, and the text.
fn cell(line: &str) -> (Option<Column>, &str) {
    let t = line.trim();
    let t = match t.trim_start_matches('#') {
        rest if rest.len() < t.len() && rest.starts_with(' ') => rest.trim(),
        _ => t,
    };
    const LABELS: &[(&str, Column)] = &[
        ("Field:", Column::Name),
        ("Name:", Column::Name),
        ("Parameter:", Column::Name),
        ("Attribute:", Column::Name),
        ("Property:", Column::Name),
        ("Key:", Column::Name),
        ("Type:", Column::Type),
        ("Description:", Column::Description),
        ("Required:", Column::Required),
    ];
    for &(label, column) in LABELS {
        if let Some(rest) = t.strip_prefix(label) {
            return (Some(column), rest.trim());
        }
    }
    (None, t)
}

#[derive(Clone, Copy, PartialEq)]
enum Column {
    Name,
    Type,
    Description,
    Required,
}

/// A name line followed by a type line: returns (path, marks, type line index).
fn row_start(lines: &[(usize, &str)], i: usize) -> Option<(Vec<String>, Option<bool>, usize)> {
    let (label, t) = cell(lines.get(i)?.1);
    if label.is_some_and(|l| l != Column::Name) {
        return None;
    }
    if t.contains(' ') && !t.ends_with(')') {
        return None;
    }
    let (name, marks) = name_and_marks(t);
    // The table's own header words, copied a cell per line too.
    const HEADER_WORDS: &[&str] = &[
        "Field",
        "Name",
        "Type",
        "Desc",
        "Description",
        "Required",
        "Key",
        "Parameter",
        "Attribute",
        "Property",
        "Value",
        "Format",
    ];
    if HEADER_WORDS.contains(&name.as_str())
        || matches!(
            name.as_str(),
            "required" | "optional" | "nullable" | "deprecated"
        )
    {
        return None;
    }
    let path = vocab::field_path(&name)?;
    let j = next_filled(lines, i + 1)?;
    let (label, ty) = cell(lines[j].1);
    // A code fence (```` ```json ````) opens an example, not a type.
    if label.is_some_and(|l| l != Column::Type) || ty.starts_with("```") || ty.starts_with("~~~") {
        return None;
    }
    // `webhook_type string` is the next row of a `name type` list, not
    // this name's type.
    let first = ty
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let qualifier = vocab::type_word(&first).is_some()
        || matches!(
            first.as_str(),
            "nullable" | "null" | "required" | "optional" | "req" | "deprecated"
        );
    if !qualifier && super::tables::is_tree_row(ty) {
        return None;
    }
    (is_type_cell(ty) || type_and_description(ty).is_some()).then_some((path, marks, j))
}

/// A type line with its constraints and description run on, as Chargebee
/// writes them: `optional, integer, min=1 Defines billing frequency.`,
/// `string, max chars=50 A unique identifier…`, `optional, enumerated
/// string Defines…`. Returns the type, the presence and the description.
fn type_and_description(line: &str) -> Option<(vocab::TypeInfo, Option<bool>, &str)> {
    let mut rest = line;
    let mut required = None;
    for (mark, value) in [("optional, ", false), ("required, ", true)] {
        if let Some(r) = rest.strip_prefix(mark) {
            rest = r;
            required = Some(value);
        }
    }
    // The type: the longest run of up to three words that reads as one,
    // before a comma or the description.
    let head = rest.split(',').next().unwrap_or(rest);
    let words: Vec<&str> = head.split_whitespace().collect();
    let (n, info) = (1..=words.len().min(3)).rev().find_map(|n| {
        let phrase = words[..n].join(" ");
        let seconds = line.contains("seconds") || vocab::mentions_unix_time(line);
        match phrase.as_str() {
            "in cents" => Some((n, vocab::type_phrase("integer")?)),
            // `timestamp(UTC) in seconds`: a Unix time.
            p if p.starts_with("timestamp") && seconds => {
                let mut t = vocab::type_phrase("integer")?;
                t.format = Some(vocab::Format::UnixTime);
                Some((n, t))
            }
            _ if phrase.starts_with(|c: char| c.is_ascii_uppercase()) => None,
            _ => vocab::type_phrase(&phrase).map(|t| (n, t)),
        }
    })?;
    let at = rest.find(words[n - 1])? + words[n - 1].len();
    let mut after = rest[at..].trim_start();
    // Constraints: `, min=1`, `, max chars=100`, `, default=1`.
    while let Some(c) = after.strip_prefix(',') {
        let c = c.trim_start();
        let eq = c.find('=')?;
        let value_end = c[eq + 1..].find(' ').map_or(c.len(), |e| eq + 1 + e);
        if c[..eq].split_whitespace().count() > 2 {
            return None;
        }
        after = c[value_end..].trim_start();
    }
    (required.is_some() || rest.len() > at).then_some((info, required, after))
}

/// A type cell, not a sentence that has a type word in it (`Customer
/// information object`).
fn is_type_cell(ty: &str) -> bool {
    let words = ty.split_whitespace().count();
    let sentence = words > 1 && ty.starts_with(|c: char| c.is_ascii_uppercase());
    ty.len() <= 40
        && words <= 4
        && !sentence
        && vocab::type_phrase(ty).is_some()
        && !ty.contains(['.', ':'])
}

pub fn read(
    src: &Source,
    lines: &[(usize, &str)],
    start: usize,
    rows: &mut Vec<FieldRow>,
) -> Option<usize> {
    row_start(lines, start)?;
    let mut found = Vec::new();
    // Rows whose type cell is only a capitalized word (`Discounts`).
    let mut classed = 0;
    let mut i = start;
    while let Some(at) = next_filled(lines, i) {
        let Some((path, marks, type_line)) = row_start(lines, at) else {
            break;
        };
        let (offset, line) = lines[at];
        let mut row = new_row(src, offset, line, path);
        let type_text = cell(lines[type_line].1).1;
        let (info, presence, description) = match type_and_description(type_text) {
            Some(t) if !is_type_cell(type_text) => t,
            _ => (
                vocab::type_phrase(type_text).expect("checked by row_start"),
                None,
                "",
            ),
        };
        classed += usize::from(
            info.ty == DocType::Object
                && type_text
                    .trim()
                    .starts_with(|c: char| c.is_ascii_uppercase()),
        );
        row.ty = Some(info.ty);
        row.format = info.format;
        row.required = marks.or(presence).or(info.required);
        row.description = description.to_owned();
        let described = !description.is_empty();
        if info.nullable {
            row.nullable = Some(true);
        }
        // Description lines, until the next name + type pair. The first is
        // the description cell, whatever it reads like (`Event type`).
        i = type_line + 1;
        let mut first = !described;
        while let Some(d) = next_filled(lines, i) {
            if row_start(lines, d).is_some() {
                break;
            }
            let (label, t) = cell(lines[d].1);
            let marker = match t.to_ascii_lowercase().as_str() {
                "required" => Some(true),
                "optional" => Some(false),
                "yes" | "true" if label == Some(Column::Required) => Some(true),
                "no" | "false" if label == Some(Column::Required) => Some(false),
                _ => None,
            };
            // The first line that is no presence mark is the description cell.
            let cell = marker.is_none()
                && (std::mem::take(&mut first) || label == Some(Column::Description))
                && !super::strip_bullet(t).0
                && vocab::enum_line(t).is_none()
                && !is_type_cell(t);
            if cell {
                row.description = t.to_owned();
                i = d + 1;
                continue;
            }
            if marker.is_some() {
                row.required = row.required.or(marker);
            } else if !continue_row(&mut row, t) {
                break;
            }
            i = d + 1;
        }
        describe(&mut row);
        found.push(row);
    }
    // `Schema` / `object` over `event` / `string`…: a tab's title over the
    // payload's root, not a field of it.
    let lower = |r: &FieldRow| r.path[0].starts_with(|c: char| c.is_ascii_lowercase());
    if found.len() >= 3
        && found[0].path.len() == 1
        && found[0].path[0].starts_with(|c: char| c.is_ascii_uppercase())
        && found[0].ty == Some(DocType::Object)
        && found[0].description.is_empty()
        && found[1..].iter().all(lower)
    {
        found.remove(0);
    }
    // Capitalized words in pairs with next to nothing said of them (a
    // site's menu: `Subscriptions`, `Discounts`, `Licenses`…, the last one
    // running into the page's text) are no table.
    let capitalized = |r: &FieldRow| r.path[0].starts_with(|c: char| c.is_ascii_uppercase());
    let described = found.iter().filter(|r| !r.description.is_empty()).count();
    if classed == found.len() && found.iter().all(capitalized) && described <= 1 {
        return None;
    }
    (found.len() >= 2).then(|| {
        rows.extend(found);
        i
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_under_headings_or_labels() {
        let read_all = |text: &str| {
            let src = Source::new("p.md", text);
            let lines: Vec<(usize, &str)> = super::super::lines_outside(&src.text, &[]).collect();
            let mut rows = Vec::new();
            let mut i = 0;
            while i < lines.len() {
                i = read(&src, &lines, i, &mut rows).unwrap_or(i + 1);
            }
            rows.iter()
                .map(super::super::row_summary)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            read_all(
                "### `id`\nstring\n\nThe id.\n\n### `renewed_at`\nstring (date-time)\n\nWhen.\n"
            ),
            [
                "id Some(String) None None None",
                "renewed_at Some(String) None None None"
            ]
        );
        assert_eq!(
            read_all(
                "Field: id\nType: string\nDescription: The id.\n\nField: amount\nType: integer\n\
                 Required: yes\nDescription: In cents.\n"
            ),
            [
                "id Some(String) None None None",
                "amount Some(Integer) Some(true) None None"
            ]
        );
        // A tab's title over the root is no field.
        assert_eq!(
            read_all("Schema\nobject\nevent\nstring\n\nName of the event.\n\npayload\nobject\n\nts\ninteger\n"),
            [
                "event Some(String) None None None",
                "payload Some(Object) None None None",
                "ts Some(Integer) None None None"
            ]
        );
        // A site's menu of capitalized words is no table; a table of
        // classes with their descriptions is one.
        assert!(read_all("Subscriptions\nDiscounts\nLicenses\nCustomers\nProducts\nPayouts\nMiscellaneous\nWebhook payloads\n").is_empty());
        assert_eq!(
            read_all("billing\nBillingAddress\nWhere to bill.\n\ncustomer\nCustomer\nWho pays.\n"),
            [
                "billing Some(Object) None None None",
                "customer Some(Object) None None None"
            ]
        );
        // A heading over a fenced example is no field.
        assert!(read_all("## INVOICE_CREATED\n```json\n\n## INVOICE_PAID\n```json\n").is_empty());
    }

    #[test]
    fn one_cell_per_line() {
        let text = "Attributes\n\nid\nstring\nThe unique identifier.\n\namount\ninteger\nRequired\nAmount in cents.\n\n\
            mode\nstring\nThe mode of the charge. Possible values: [live, test]\n\nrefunded_at\nnullable string\n\n\
            {\"id\": \"x\"}\n";
        let src = Source::new("p.md", text);
        let lines: Vec<(usize, &str)> = super::super::lines_outside(&src.text, &[]).collect();
        let mut rows = Vec::new();
        read(&src, &lines, 2, &mut rows).expect("a table");
        let got: Vec<String> = rows.iter().map(super::super::row_summary).collect();
        assert_eq!(
            got,
            [
                "id Some(String) None None None",
                "amount Some(Integer) Some(true) None None",
                "mode Some(String) None None Some(Strings([\"live\", \"test\"]))",
                "refunded_at Some(String) None Some(true) None",
            ]
        );
    }
}
