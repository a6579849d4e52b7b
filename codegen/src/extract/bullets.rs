//! Bulleted field lists: `` - `name` (string, required): … ``,
//! `- name (type) - …`, `* **name** `string` — …`; nested by indentation.

use super::row::{describe, name_and_marks, new_row};
use super::vocab::{self, DocType};
use super::{strip_bullet, FieldRow};
use crate::diag::Source;

struct Bullet {
    values: Option<super::EnumValues>,
    indent: usize,
    /// The name, or a path from the list's level (`customer.email`).
    name: Vec<String>,
    required: Option<bool>,
    info: vocab::TypeInfo,
    description: String,
}

/// `name (type, markers): description` after the bullet, or `name: type
/// — description`; without a bullet where the type is in parentheses
/// (`id (string) — The id.`, a list whose bullets were lost).
fn bullet(line: &str) -> Option<Bullet> {
    let (is_bullet, t) = strip_bullet(line);
    let indent = line.len() - line.trim_start().len();
    // The name: up to the first space or `(`, without backticks or bold.
    let end = t.find([' ', '(', ':']).unwrap_or(t.len());
    let (name, mut marks) = name_and_marks(&t[..end]);
    let name = vocab::field_path(&name)?;
    let rest = t[end..].trim_start();
    if !is_bullet && !rest.starts_with('(') {
        return None;
    }
    let (type_text, after) = if let Some(inner) = rest.strip_prefix('(') {
        // The matching `)`: types may nest parentheses, `(enum (m f))`.
        let mut depth = 1;
        let close = inner.char_indices().find_map(|(i, c)| {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            (depth == 0).then_some(i)
        })?;
        (&inner[..close], &inner[close + 1..])
    } else if let Some(inner) = rest.strip_prefix('`') {
        let close = inner.find('`')?;
        (&inner[..close], &inner[close + 1..])
    } else if let Some(inner) = rest.strip_prefix(": ") {
        // `id: string — Unique id.`: a type of a few words, then the dash.
        let (ty, after) = [" \u{2014} ", " \u{2013} ", " - "]
            .iter()
            .find_map(|sep| inner.split_once(sep))
            .unwrap_or((inner, ""));
        if ty.split_whitespace().count() > 4 {
            return None;
        }
        (ty, after)
    } else {
        return None;
    };
    let info = vocab::type_phrase(type_text)?;
    // Without a bullet, the parentheses must name a type: `(Required)`
    // alone is a mark on a line of some other layout.
    let first = type_text.split([' ', ',']).next().unwrap_or("");
    if !is_bullet && vocab::type_word(first).is_none() {
        return None;
    }
    let values = vocab::enum_in_text(type_text);
    marks = marks.or(info.required);
    let description = after
        .trim_start()
        .trim_start_matches([':', '-', '\u{2014}', '\u{2013}'])
        .trim()
        .to_owned();
    Some(Bullet {
        values,
        indent,
        name,
        required: marks,
        info,
        description,
    })
}

/// A bullet at line `i`, on its line or in the two-line form of rendered
/// OpenAPI pages: `• event (required)`, then an indented paragraph
/// `string — The name of the event.` or `integer, possible values: 0, 1 — …`.
/// Returns it and the line after it.
fn bullet_at(lines: &[(usize, &str)], i: usize) -> Option<(Bullet, usize)> {
    let line = lines.get(i)?.1;
    if let Some(b) = bullet(line) {
        return Some((b, i + 1));
    }
    let (is_bullet, t) = strip_bullet(line);
    if !is_bullet {
        return None;
    }
    let (name, marks) = name_and_marks(t);
    // Only the name and a presence mark on the bullet's line.
    if !vocab::is_field_name(&name) || t.split_whitespace().count() > 2 {
        return None;
    }
    let name = vec![name];
    let j = (i + 1..lines.len()).find(|&j| !lines[j].1.trim().is_empty())?;
    let below = lines[j].1;
    let indent = line.len() - line.trim_start().len();
    if strip_bullet(below).0 || below.len() - below.trim_start().len() <= indent {
        return None;
    }
    let below = below.trim();
    let (type_text, description) = match below
        .split_once(" \u{2014} ")
        .or_else(|| below.split_once(" - "))
    {
        Some((t, d)) => (t.trim(), d.trim()),
        None => (below, ""),
    };
    let first = type_text.split(',').next().unwrap_or(type_text);
    let info = vocab::type_phrase(first).filter(|_| first.split_whitespace().count() <= 3)?;
    let values = vocab::enum_in_text(type_text);
    Some((
        Bullet {
            values,
            indent,
            name,
            required: marks.or(info.required),
            info,
            description: description.to_owned(),
        },
        j + 1,
    ))
}

/// Reads a list of two or more field bullets starting at `start`.
pub fn read(
    src: &Source,
    lines: &[(usize, &str)],
    start: usize,
    rows: &mut Vec<FieldRow>,
) -> Option<usize> {
    bullet_at(lines, start)?;
    let mut found: Vec<(usize, Bullet, usize, &str)> = Vec::new();
    let mut i = start;
    while let Some(&(offset, line)) = lines.get(i) {
        if line.trim().is_empty() {
            i += 1;
            continue;
        }
        match bullet_at(lines, i) {
            Some((b, next)) => {
                found.push((offset, b, i, line));
                i = next;
            }
            None => break,
        }
    }
    if found.len() < 2 {
        return None;
    }
    // A bullet indented under an object or array bullet is its member.
    let mut stack: Vec<(usize, Vec<String>)> = Vec::new();
    for (offset, b, _, line) in found {
        while stack.last().is_some_and(|(indent, _)| *indent >= b.indent) {
            stack.pop();
        }
        let mut path = stack.last().map(|(_, p)| p.clone()).unwrap_or_default();
        path.extend(b.name.iter().cloned());
        let mut row = new_row(src, offset, line, path.clone());
        row.ty = Some(b.info.ty.clone());
        row.format = b.info.format;
        row.required = b.required;
        if b.info.nullable {
            row.nullable = Some(true);
        }
        row.description = b.description;
        row.values = b.values;
        describe(&mut row);
        if matches!(b.info.ty, DocType::Object | DocType::Array(_)) {
            stack.push((b.indent, path));
        }
        rows.push(row);
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_whose_bullets_were_lost_and_colon_types() {
        let read_all = |text: &str| {
            let src = Source::new("p.md", text);
            let lines: Vec<(usize, &str)> = super::super::lines_outside(&src.text, &[]).collect();
            let mut rows = Vec::new();
            read(&src, &lines, 0, &mut rows);
            rows.iter()
                .map(super::super::row_summary)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            read_all(
                "id (string) \u{2014} The id.\ncustomer (object) \u{2014} Who paid.\n\
                 customer.email (string, nullable) \u{2014} If known.\n"
            ),
            [
                "id Some(String) None None None",
                "customer Some(Object) None None None",
                "customer.email Some(String) None Some(true) None",
            ]
        );
        assert_eq!(
            read_all(
                "- id: string \u{2014} The id.\n- deleted: boolean (optional) - Only when true.\n"
            ),
            [
                "id Some(String) None None None",
                "deleted Some(Boolean) Some(false) None None",
            ]
        );
        // `(Required)` with no type, and no bullet: another layout's line.
        assert!(read_all(
            "api_app_id (Required) The app. string\nevent (Required) The event. object\n"
        )
        .is_empty());
    }

    #[test]
    fn two_line_bullets_of_rendered_openapi_nest_too() {
        let text = "Request Body\n\n  \u{2022} event (required)\n\n    string \u{2014} The name of the event.\n\n\
            \u{20}\u{20}\u{2022} payload (required)\n\n    object\n\n    \u{2022} object (required)\n\n      object \u{2014} The meeting.\n\n\
            \u{20}     \u{2022} type (required)\n\n        integer, possible values: 0, 1, 8 \u{2014} The meeting type.\n\n\
            \u{20}     \u{2022} customer_key\n\n        string \u{2014} The SDK identifier.\n";
        let src = Source::new("p.md", text);
        let lines: Vec<(usize, &str)> = super::super::lines_outside(&src.text, &[]).collect();
        let mut rows = Vec::new();
        read(&src, &lines, 2, &mut rows).expect("a list");
        let got: Vec<String> = rows.iter().map(super::super::row_summary).collect();
        assert_eq!(
            got,
            [
                "event Some(String) Some(true) None None",
                "payload Some(Object) Some(true) None None",
                "payload.object Some(Object) Some(true) None None",
                "payload.object.type Some(Integer) Some(true) None Some(Integers([0, 1, 8]))",
                "payload.object.customer_key Some(String) None None None",
            ]
        );
    }

    #[test]
    fn bullet_lists_nest_by_indentation() {
        let text = "Fields\n\n- `sex` (enum (m f d n)): As given.\n- `id` (string, required): The id.\n- `customer` (object): Who.\n  - `email` (string | null): Their email.\n  - `tier` (string): One of: gold, silver\n- **amount** `integer` \u{2014} In cents.\n- Example: not a field\n";
        let src = Source::new("p.md", text);
        let lines: Vec<(usize, &str)> = super::super::lines_outside(&src.text, &[]).collect();
        let mut rows = Vec::new();
        let end = read(&src, &lines, 2, &mut rows).expect("a list");
        assert_eq!(lines[end].1, "- Example: not a field");
        let got: Vec<String> = rows.iter().map(super::super::row_summary).collect();
        assert_eq!(
            got,
            [
                "sex Some(String) None None Some(Strings([\"m\", \"f\", \"d\", \"n\"]))",
                "id Some(String) Some(true) None None",
                "customer Some(Object) None None None",
                "customer.email Some(String) None Some(true) None",
                "customer.tier Some(String) None None Some(Strings([\"gold\", \"silver\"]))",
                "amount Some(Integer) None None None",
            ]
        );
    }
}
