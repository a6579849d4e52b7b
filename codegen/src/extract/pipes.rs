//! Pipe tables: `name | type | description`, leading pipe often missing,
//! with or without a `---|---` rule; cells shift left when one is empty.

use super::row::{describe, name_and_marks, new_row};
use super::vocab::{self, DocType};
use super::FieldRow;
use crate::diag::Source;

#[derive(Clone, Copy, PartialEq)]
enum Col {
    Name,
    Type,
    Required,
    Description,
    /// OpenAPI's `In` column: where a request parameter goes.
    Location,
    Other,
}

/// The cells of a row; `\|` is a pipe inside a cell.
fn cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = if t.ends_with('|') && !t.ends_with("\\|") {
        &t[..t.len() - 1]
    } else {
        t
    };
    let mut out = vec![String::new()];
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                out.last_mut().expect("starts non-empty").push('|');
                chars.next();
            }
            '|' => out.push(String::new()),
            _ => out.last_mut().expect("starts non-empty").push(c),
        }
    }
    out.into_iter().map(|c| c.trim().to_owned()).collect()
}

/// Whether a table's header cell names its rows' fields (`Name`,
/// `Field`, `Parameter`, …).
pub fn names_fields(header: &str) -> bool {
    role(header) == Col::Name
}

/// The rows under a table's header (line `start`) and its rule.
fn body_rows<'l>(
    lines: &'l [(usize, &'l str)],
    start: usize,
) -> impl Iterator<Item = &'l (usize, &'l str)> {
    (lines.get(start + 2..).unwrap_or_default().iter())
        .take_while(|(_, l)| l.contains('|') && !is_rule(l))
}

/// Whether the table whose header is line `start` (over a rule), headed
/// `Name` but with no type column, lists events, not fields: two or more
/// rows, each a dotted or slashed name of something done (`ticket.opened`,
/// `order/paid`).
pub fn names_past_events(lines: &[(usize, &str)], start: usize) -> bool {
    // Asked of every line of cells: only a header over a rule goes on.
    if !heads_table(lines, start) {
        return false;
    }
    let heads = cells(lines[start].1);
    if !heads.first().is_some_and(|h| names_fields(h)) || heads.iter().any(|h| role(h) == Col::Type)
    {
        return false;
    }
    let names: Vec<String> = body_rows(lines, start)
        .map(|(_, l)| {
            cells(l)
                .into_iter()
                .next()
                .unwrap_or_default()
                .trim_matches('`')
                .to_owned()
        })
        .collect();
    names.len() >= 2
        && names
            .iter()
            .all(|n| vocab::is_event_name(n) && vocab::names_a_deed(n))
}

fn role(header: &str) -> Col {
    let h = header.to_ascii_lowercase();
    let h = h.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    match h {
        "name" | "field" | "field name" | "parameter" | "param" | "attribute" | "property"
        | "key" | "attribute name" => Col::Name,
        "type" | "data type" | "type / format" | "format" => Col::Type,
        "required" | "required?" | "mandatory" | "optional" => Col::Required,
        "description" | "details" | "notes" | "meaning" => Col::Description,
        "in" | "location" | "parameter location" => Col::Location,
        _ => Col::Other,
    }
}

fn is_rule(line: &str) -> bool {
    // Most lines hold some other character: no cells to make.
    if !line
        .chars()
        .all(|c| matches!(c, '|' | '-' | ':') || c.is_whitespace())
    {
        return false;
    }
    let c = cells(line);
    c.len() >= 2
        && c.iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// Whether line `i` is a row over a rule: the header of a table pasted on
/// to the one before with no line between (`| Name | Value |` under the
/// fields).
fn heads_table(lines: &[(usize, &str)], i: usize) -> bool {
    lines.get(i + 1).is_some_and(|(_, l)| is_rule(l))
}

/// A table whose cells a copy joined with single spaces: `Name Type
/// Description` over `id string Unique identifier.` (`Required` may stand
/// between, `yes`/`no` in its cells). Each row is a name, a one-word cell
/// per column before the description, and the description; a line that is
/// no row adds to the one before. Returns the line after the table.
pub fn spaced(
    src: &Source,
    lines: &[(usize, &str)],
    start: usize,
    rows: &mut Vec<FieldRow>,
) -> Option<usize> {
    let heads: Vec<Col> = lines[start].1.split_whitespace().map(role).collect();
    if heads.len() < 3 || heads.len() > 6 {
        return None;
    }
    let described = heads.last() == Some(&Col::Description);
    let cells = &heads[1..heads.len().saturating_sub(usize::from(described))];
    let known = cells.iter().all(|c| matches!(c, Col::Type | Col::Required));
    if heads[0] != Col::Name || !cells.contains(&Col::Type) || !known {
        return None;
    }
    let mut found: Vec<FieldRow> = Vec::new();
    let mut i = start + 1;
    while let Some(&(offset, line)) = lines.get(i) {
        let t = line.trim();
        if t.is_empty() {
            break;
        }
        match spaced_row(t, cells) {
            Some((name, ty, required, description)) => {
                let (name, marks) = name_and_marks(name);
                let Some(path) = vocab::field_path(&name) else {
                    break;
                };
                let mut row = new_row(src, offset, line, path);
                let info = vocab::type_phrase(ty)?;
                row.ty = Some(info.ty);
                row.format = info.format;
                row.required = marks.or(required).or(info.required);
                if info.nullable {
                    row.nullable = Some(true);
                }
                row.description = description.to_owned();
                found.push(row);
            }
            None => {
                if !found
                    .last_mut()
                    .is_some_and(|row| super::row::continue_row(row, t))
                {
                    break;
                }
            }
        }
        i += 1;
    }
    if found.len() < 2 {
        return None;
    }
    for mut row in found {
        describe(&mut row);
        rows.push(row);
    }
    Some(i)
}

/// A spaced table's row: name, type, presence and description.
fn spaced_row<'t>(t: &'t str, cells: &[Col]) -> Option<(&'t str, &'t str, Option<bool>, &'t str)> {
    let mut rest = t;
    let mut take = || {
        let r = rest.trim_start();
        let end = r.find(char::is_whitespace).unwrap_or(r.len());
        let (word, after) = r.split_at(end);
        rest = after;
        (!word.is_empty()).then_some(word)
    };
    let name = take()?;
    let (mut ty, mut required) = (None, None);
    for c in cells {
        let word = take()?;
        match c {
            Col::Type => ty = Some(word).filter(|w| vocab::type_word(w).is_some()),
            _ => {
                required = match word.to_ascii_lowercase().as_str() {
                    "yes" | "true" | "required" => Some(true),
                    "no" | "false" | "optional" => Some(false),
                    _ => return None,
                }
            }
        }
    }
    Some((name, ty?, required, rest.trim()))
}

/// A table of a field's values under its row: `| Value | Description |`,
/// `| Name | Value |`, `| Code | Meaning |`. Its values become the enum of
/// the field read just before it (within a few lines, and only if that
/// field has none yet). Returns the line after the table.
pub fn values(
    src: &Source,
    lines: &[(usize, &str)],
    start: usize,
    rows: &mut [FieldRow],
) -> Option<usize> {
    let (offset, header) = lines[start];
    if !header.contains('|') {
        return None;
    }
    let heads: Vec<String> = cells(header)
        .iter()
        .map(|h| {
            h.trim_matches(|c: char| !c.is_ascii_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    let col = heads
        .iter()
        .position(|h| matches!(h.as_str(), "value" | "values" | "enum value" | "code"))?;
    let line = src.loc(offset).line;
    let mut i = start + 1;
    if lines.get(i).is_some_and(|(_, l)| is_rule(l)) {
        i += 1;
    }
    let mut found = Vec::new();
    while let Some(&(_, line)) = lines.get(i) {
        if !line.contains('|') || is_rule(line) || heads_table(lines, i) {
            break;
        }
        let cell = cells(line).get(col).cloned().unwrap_or_default();
        let v = cell.trim_matches(|c| matches!(c, '`' | '"' | '\''));
        if v.is_empty() || v.contains(' ') {
            return None;
        }
        found.push(v.to_owned());
        i += 1;
    }
    let before = |r: &FieldRow| r.values.is_none() && *r.loc.file == *src.path && line > r.loc.line;
    // An SDK's model page: `| Name | Value |` tables after the fields, one
    // per enum class the type column names, under a heading that names it
    // or, where the headings were lost, in the order of those fields. One
    // value is enough: the class says it is an enum.
    let open = |r: &FieldRow| before(r) && r.enum_class.is_some();
    let class = (heads == ["name", "value"])
        .then(|| {
            let heading = |r: &FieldRow| {
                let c = r.enum_class.as_deref().unwrap_or_default();
                (lines[start.saturating_sub(2)..start].iter())
                    .any(|(_, l)| !l.contains('|') && l.contains(c))
            };
            (rows.iter().position(|r| open(r) && heading(r))).or_else(|| rows.iter().position(open))
        })
        .flatten();
    let field = match class {
        Some(k) if !found.is_empty() => &mut rows[k],
        _ => rows
            .last_mut()
            .filter(|r| before(r) && line - r.loc.line <= 8 && found.len() >= 2)?,
    };
    let ints: Option<Vec<i64>> = found.iter().map(|v| v.parse().ok()).collect();
    field.values = Some(match ints {
        Some(i) if field.ty != Some(DocType::String) => super::EnumValues::Integers(i),
        _ => super::EnumValues::Strings(found),
    });
    Some(i)
}

/// Reads a pipe table whose header starts at `start`; returns the line after it.
pub fn read(
    src: &Source,
    lines: &[(usize, &str)],
    start: usize,
    rows: &mut Vec<FieldRow>,
) -> Option<usize> {
    let (_, header) = lines[start];
    if !header.contains('|') {
        return None;
    }
    let heads = cells(header);
    // `| Topic | Description | Object |` over a rule, its rows event names,
    // lists events, not fields, whatever its other columns hold: its rows
    // are passed over. (`| Event attribute | Type |` over `| id | string |`
    // is a field table.)
    if names_past_events(lines, start) {
        let rows = body_rows(lines, start).count();
        return Some(start + 2 + rows);
    }
    if heads_table(lines, start) && heads.first().is_some_and(|h| vocab::is_events_header(h)) {
        let typed = heads.iter().any(|h| role(h) == Col::Type);
        let mut i = start + 2;
        let mut named = 0;
        while lines
            .get(i)
            .is_some_and(|(_, l)| l.contains('|') && !is_rule(l) && !heads_table(lines, i))
        {
            let first = cells(lines[i].1).into_iter().next().unwrap_or_default();
            let first = first.trim_matches('`');
            // One word in one case (`CAPTURE`) is an event only where no
            // column types the rows: `| Event attribute | Type |` over
            // `| id | string |` lists fields.
            let word = !typed && vocab::is_table_event_name(first);
            named += usize::from(
                vocab::is_event_name(first) || vocab::is_word_event_name(first) || word,
            );
            i += 1;
        }
        let rows = i - (start + 2);
        if rows > 0 && named * 2 >= rows {
            return Some(i);
        }
    }
    let roles: Vec<Col> = heads.iter().map(|h| role(h)).collect();
    if roles.len() < 2
        || !roles.contains(&Col::Name)
        || !(roles.contains(&Col::Type) || roles.contains(&Col::Description))
    {
        return headerless(src, lines, start, rows);
    }
    let mut i = start + 1;
    if lines.get(i).is_some_and(|(_, l)| is_rule(l)) {
        i += 1;
    }
    let first = rows.len();
    // The last row at each depth, for rows whose names a tree's glyphs
    // indent (`↳ amount` under `total`).
    let mut parents: Vec<Vec<String>> = Vec::new();
    while let Some(&(offset, line)) = lines.get(i) {
        if !line.contains('|') || is_rule(line) || heads_table(lines, i) {
            break;
        }
        let (depth, line) = tree_depth(line, &roles);
        if let Some(mut row) = data_row(src, offset, &line, &roles) {
            parents.truncate(depth);
            if depth > 0 && parents.len() == depth {
                row.path.splice(0..0, parents[depth - 1].iter().cloned());
            }
            if parents.len() == depth {
                parents.push(row.path.clone());
            }
            rows.push(row);
        }
        i += 1;
    }
    (rows.len() > first).then_some(i)
}

/// Glyphs that draw a tree before a child's name: `↳ amount`, `└ email`,
/// `│ ├─ city`. Each but `─` is a level.
const TREE_GLYPHS: &[char] = &['↳', '└', '├', '│', '›', '»', '∟', '─'];

/// How deep a row's name cell sits in a tree its glyphs draw, and the line
/// with those glyphs blanked (byte for byte, so offsets hold).
fn tree_depth<'l>(line: &'l str, roles: &[Col]) -> (usize, std::borrow::Cow<'l, str>) {
    let Some(name_at) = roles.iter().position(|r| *r == Col::Name) else {
        return (0, line.into());
    };
    let cell = line.trim().trim_start_matches('|').split('|').nth(name_at);
    let Some(cell) = cell
        .map(str::trim_start)
        .filter(|c| c.starts_with(TREE_GLYPHS))
    else {
        return (0, line.into());
    };
    let glyphs: &str = &cell[..cell.len()
        - cell
            .trim_start_matches(|c: char| TREE_GLYPHS.contains(&c) || c.is_whitespace())
            .len()];
    let depth = glyphs
        .chars()
        .filter(|c| TREE_GLYPHS.contains(c) && *c != '─')
        .count();
    let at = line.find(glyphs).unwrap_or(0);
    let mut blanked = line.to_owned();
    blanked.replace_range(at..at + glyphs.len(), &" ".repeat(glyphs.len()));
    (depth, blanked.into())
}

/// A table with no header row: `id | string | Yes | Unique identifier |`.
/// Its columns say what they are by what they hold: the first names
/// fields, one holds type words in most rows, one yes/no, and the longest
/// of the others describes. Needs two rows or more.
fn headerless(
    src: &Source,
    lines: &[(usize, &str)],
    start: usize,
    rows: &mut Vec<FieldRow>,
) -> Option<usize> {
    let width = cells(lines[start].1).len();
    if width < 3 {
        return None;
    }
    let mut end = start;
    while lines
        .get(end)
        .is_some_and(|(_, l)| l.contains('|') && !is_rule(l) && cells(l).len() == width)
    {
        end += 1;
    }
    let table: Vec<Vec<String>> = lines[start..end].iter().map(|(_, l)| cells(l)).collect();
    if table.len() < 2 {
        return None;
    }
    let most = |f: &dyn Fn(&str) -> bool, col: usize| {
        table.iter().filter(|r| f(&r[col])).count() * 2 > table.len()
    };
    let is_name =
        |c: &str| !c.contains(' ') && vocab::field_path(name_and_marks(c).0.as_str()).is_some();
    let is_required = |c: &str| required_cell(c).is_some();
    let is_type = |c: &str| {
        !is_required(c)
            && c.split_whitespace().count() <= 3
            && vocab::type_phrase(c).is_some_and(|t| t.ty != DocType::Any)
    };
    if !table.iter().all(|r| is_name(&r[0])) {
        return None;
    }
    let mut roles = vec![Col::Other; width];
    roles[0] = Col::Name;
    if let Some(c) = (1..width).find(|&c| most(&is_required, c)) {
        roles[c] = Col::Required;
    }
    // The column of single words, mostly, with a type word among them:
    // `currency` and `timestamp` are types too, but no word we know.
    let word = |c: &str| {
        is_type(c)
            || (c.len() <= 20 && !c.is_empty() && c.chars().all(|ch| ch.is_ascii_lowercase()))
    };
    let words = |c: usize| table.iter().filter(|r| word(&r[c])).count();
    let type_col = (1..width)
        .filter(|&c| roles[c] == Col::Other && table.iter().any(|r| is_type(&r[c])))
        .max_by_key(|&c| (words(c), std::cmp::Reverse(c)))
        .filter(|&c| words(c) * 2 > table.len())?;
    roles[type_col] = Col::Type;
    let text_len = |c: usize| table.iter().map(|r| r[c].len()).sum::<usize>();
    if let Some(c) = (1..width)
        .filter(|&c| roles[c] == Col::Other)
        .max_by_key(|&c| text_len(c))
    {
        roles[c] = Col::Description;
    }
    let first = rows.len();
    for &(offset, line) in &lines[start..end] {
        if let Some(row) = data_row(src, offset, line, &roles) {
            rows.push(row);
        }
    }
    (rows.len() > first).then_some(end)
}

fn data_row(src: &Source, offset: usize, line: &str, roles: &[Col]) -> Option<FieldRow> {
    let cells = cells(line);
    // Cells shift left when one is empty: give each cell the next role it
    // fits, so a missing type cell leaves the description in its place.
    let mut assigned: Vec<(Col, &str)> = Vec::new();
    let mut r = 0;
    for cell in &cells {
        while r < roles.len() {
            let role = roles[r];
            r += 1;
            let fits = match role {
                Col::Type => vocab::type_phrase(cell).is_some() || cells.len() == roles.len(),
                Col::Required => required_cell(cell).is_some() || cells.len() == roles.len(),
                _ => true,
            };
            if fits {
                assigned.push((role, cell));
                break;
            }
        }
    }
    // A parameter of the URL, query or headers is no field of the body.
    let located = assigned.iter().any(|(c, cell)| {
        *c == Col::Location
            && matches!(
                cell.trim().to_ascii_lowercase().as_str(),
                "path" | "query" | "header" | "cookie"
            )
    });
    if located {
        return None;
    }
    let name_cell = assigned.iter().find(|(c, _)| *c == Col::Name)?.1;
    let (name, marks) = name_and_marks(name_cell);
    let path = vocab::field_path(&name)?;
    let mut row = new_row(src, offset, line, path);
    row.required = marks;
    for (col, cell) in &assigned {
        match col {
            Col::Type => {
                row.values = row.values.take().or_else(|| vocab::enum_in_text(cell));
                // `"live" | "test"`: the values are the type.
                if matches!(row.values, Some(super::EnumValues::Strings(_))) {
                    row.ty = Some(DocType::String);
                }
                if let Some(t) = vocab::type_phrase(cell) {
                    row.ty = Some(t.ty);
                    row.format = t.format;
                    if t.nullable {
                        row.nullable = Some(true);
                    }
                    row.required = row.required.or(t.required);
                }
            }
            Col::Required => row.required = row.required.or(required_cell(cell)),
            Col::Description => row.description = cell.to_string(),
            _ => {}
        }
    }
    let type_cell = assigned
        .iter()
        .find(|(c, _)| *c == Col::Type)
        .map(|(_, c)| *c);
    row.enum_class = type_cell.and_then(vocab::enum_class).map(str::to_owned);
    if row.values.is_none() {
        row.values = type_cell
            .and_then(counted_enum)
            .and_then(|n| counted_values(&row.description, n));
        // The type cell said only `enum`: the values say which kind.
        if let Some(values) = &row.values {
            row.ty = Some(match values {
                super::EnumValues::Strings(_) => DocType::String,
                _ => DocType::Integer,
            });
            row.description.clear();
        }
    }
    describe(&mut row);
    // `timestamp` says a time, not its kind: a Unix time where the
    // description says so.
    if row.ty.is_none()
        && type_cell.is_some_and(|c| c.eq_ignore_ascii_case("timestamp"))
        && vocab::mentions_unix_time(&row.description)
    {
        row.ty = Some(DocType::Integer);
        row.format = Some(vocab::Format::UnixTime);
    }
    Some(row)
}

/// `enum (3)`: a type cell that says how many values the field has,
/// rendered OpenAPI's way; the values are in the description cell.
fn counted_enum(cell: &str) -> Option<usize> {
    let lower = cell.trim().to_ascii_lowercase();
    let inner = lower.strip_prefix("enum")?.trim().strip_prefix('(')?;
    let n: usize = inner.strip_suffix(')')?.trim().parse().ok()?;
    (1..=64).contains(&n).then_some(n)
}

/// The `n` values a description cell holds: apart (`a, b`, `a b`), or
/// glued together when the page lost the separators (`permanenttemporary`).
fn counted_values(cell: &str, n: usize) -> Option<super::EnumValues> {
    let parts: Vec<&str> = cell
        .split([',', ' ', '|', '/'])
        .map(|p| p.trim_matches(|c| matches!(c, '`' | '"' | '\'')))
        .filter(|p| !p.is_empty())
        .collect();
    let plain = |p: &&str| {
        p.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
    };
    let values = if parts.len() == n && parts.iter().all(plain) {
        parts.iter().map(|p| (*p).to_owned()).collect()
    } else if let [one] = parts[..] {
        super::words::split_into(one, n)?
    } else {
        return None;
    };
    let ints: Option<Vec<i64>> = values.iter().map(|v: &String| v.parse().ok()).collect();
    Some(match ints {
        Some(ints) => super::EnumValues::Integers(ints),
        None => super::EnumValues::Strings(values),
    })
}

fn required_cell(cell: &str) -> Option<bool> {
    match cell.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" | "required" | "\u{2713}" | "\u{2714}" | "\u{2611}"
        | "\u{2611}\u{fe0f}" | "\u{2705}" | "\u{2714}\u{fe0f}" | "x" => Some(true),
        "no" | "n" | "false" | "optional" | "\u{274c}" | "\u{2717}" | "\u{2718}" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_in_a_required_column() {
        for (cell, want) in [
            ("\u{2705}", Some(true)),
            ("\u{2611}\u{fe0f}", Some(true)),
            ("\u{274c}", Some(false)),
            ("No", Some(false)),
            ("-", None),
        ] {
            assert_eq!(required_cell(cell), want, "{cell}");
        }
    }

    #[test]
    fn a_table_without_a_header_row_says_its_columns_by_what_they_hold() {
        let rows = read_all(
            "id | string | Yes | Unique identifier for the object |\n\
             status | string | Yes | Status. Possible values are incomplete, active, or unpaid. |\n\
             canceled_at | timestamp | No | Unix epoch time the subscription was canceled |\n",
        );
        assert_eq!(
            rows,
            [
                "id Some(String) req=Some(true) null=None None",
                "status Some(String) req=Some(true) null=None Some(Strings([\"incomplete\", \"active\", \"unpaid\"]))",
                "canceled_at Some(Integer) req=Some(false) null=None None",
            ]
        );
        // Prose with pipes in it is no table.
        assert!(read_all("a | b | c\nsee the docs | or | not\n").is_empty());
    }

    #[test]
    fn counted_enums_with_their_values_glued_or_apart() {
        let rows = read_all(
            "| Field | Type | Description |\n|---|---|---|\n\
             | kind * | enum (1) | mailgun |\n\
             | severity | enum (2) | permanenttemporary |\n\
             | level | enum (3) | 1, 2, 3 |\n\
             | mode | enum (2) | live test |\n\
             | code | enum (2) | xqzvbkwpfj |\n\
             | note | enum (2) | The mode the run was in. |\n",
        );
        assert_eq!(
            rows,
            [
                "kind Some(String) req=Some(true) null=None Some(Strings([\"mailgun\"]))",
                "severity Some(String) req=None null=None Some(Strings([\"permanent\", \"temporary\"]))",
                "level Some(Integer) req=None null=None Some(Integers([1, 2, 3]))",
                "mode Some(String) req=None null=None Some(Strings([\"live\", \"test\"]))",
                // Not known words, or a sentence: no values, rather than wrong ones.
                "code Some(String) req=None null=None None",
                "note Some(String) req=None null=None None",
            ]
        );
        // The parameters of the request's URL, query and headers are no
        // fields of its body.
        let rows = read_all(
            "| Name | In | Type | Description |\n|---|---|---|---|\n\
             | receiver_id * | path | id |\n\
             | page | query | integer | Page. |\n\
             | X-Sig | header | string | Signature. |\n\
             | note | body | string | A note. |\n",
        );
        assert_eq!(rows, ["note Some(String) req=None null=None None"]);
    }

    fn read_all(text: &str) -> Vec<String> {
        super::super::read_each(text, read)
            .iter()
            .map(|r| {
                format!(
                    "{} {:?} req={:?} null={:?} {:?}",
                    r.path.join("."),
                    r.ty,
                    r.required,
                    r.nullable,
                    r.values
                )
            })
            .collect()
    }

    /// `path values` of each row the field and value tables of `text` give.
    fn fields_and_values(text: &str) -> Vec<String> {
        let src = Source::new("p.md", text);
        let lines: Vec<(usize, &str)> = super::super::lines_outside(&src.text, &[]).collect();
        let mut rows = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            i = read(&src, &lines, i, &mut rows)
                .or_else(|| values(&src, &lines, i, &mut rows))
                .unwrap_or(i + 1);
        }
        rows.iter()
            .map(|r| format!("{} {:?}", r.path.join("."), r.values))
            .collect()
    }

    /// An SDK's model page: `Name | Value` tables after the fields, pasted
    /// on with no blank line, one per `…Enum` class: by the heading that
    /// names the class, else in the order of its fields; one value will do.
    #[test]
    fn value_tables_of_an_sdks_enum_classes() {
        let fields = "| Name | Type | Description | Notes |\n|---|---|---|---|\n\
            | recordType | RecordTypeEnum | The resource. | [optional] |\n\
            | eventType | EventTypeEnum | The event. | [optional] |\n\
            | payload | Object | [optional] |\n";
        let event = "| Name | Value |\n|---|---|\n| EVENT | \"event\" |\n";
        let command = "| Name | Value |\n|---|---|\n| COMMAND | \"webhook.command\" |\n";
        let want = [
            "recordType Some(Strings([\"event\"]))",
            "eventType Some(Strings([\"webhook.command\"]))",
            "payload None",
        ];
        assert_eq!(
            fields_and_values(&format!("{fields}{event}{command}")),
            want
        );
        assert_eq!(
            fields_and_values(&format!(
                "{fields}\n## Enum: EventTypeEnum\n\n{command}\n## Enum: RecordTypeEnum\n\n{event}"
            )),
            want
        );
    }

    #[test]
    fn value_tables_under_a_field() {
        let text = "| Field | Type | Description |\n|---|---|---|\n\
            | status | string | The state. |\n\n\
            | Value | Description |\n|---|---|\n| `active` | Running. |\n| past_due | A payment failed. |\n\n\
            | Field | Type | Description |\n|---|---|---|\n| priority | integer | How urgent. |\n\n\
            | Name | Value |\n|---|---|\n| Low | 1 |\n| High | 2 |\n\n\
            | Value | Description |\n|---|---|\n| a | A |\n| b | B |\n";
        // The last table follows a field that already has its values.
        assert_eq!(
            fields_and_values(text),
            [
                "status Some(Strings([\"active\", \"past_due\"]))",
                "priority Some(Integers([1, 2]))"
            ]
        );
    }

    #[test]
    fn tree_glyphs_nest_rows_under_the_row_above() {
        let text = "| Field | Type | Description |\n|---|---|---|\n\
            | total | object | The amount. |\n| ↳ amount | integer | In cents. |\n\
            | ↳ tax | object | Tax. |\n| ↳ ↳ rate | number | The rate. |\n\
            | customer | object | Who. |\n| └─ email | string | Email. |\n| id | string | The id. |\n";
        let paths: Vec<String> = read_all(text)
            .iter()
            .map(|r| r.split(' ').next().unwrap_or("").to_owned())
            .collect();
        assert_eq!(
            paths,
            [
                "total",
                "total.amount",
                "total.tax",
                "total.tax.rate",
                "customer",
                "customer.email",
                "id"
            ]
        );
    }

    #[test]
    fn pipe_tables_in_their_forms() {
        let text = "| Field | Type | Required | Description |\n|---|---|---|---|\n\
            | `id` | string | Yes | The id. |\n\
            | data.customer.email | string \\| null | No | The email. |\n\
            | status | string | | State. Can be `open`, `paid`, or `void`. |\n\
            | created | integer | Unix timestamp. |\n\
            \nName | Description\n---|---\nmetadata* | Free-form.\n";
        assert_eq!(
            read_all(text),
            [
                "id Some(String) req=Some(true) null=None None",
                "data.customer.email Some(String) req=Some(false) null=Some(true) None",
                "status Some(String) req=None null=None Some(Strings([\"open\", \"paid\", \"void\"]))",
                "created Some(Integer) req=None null=None None",
                "metadata None req=Some(true) null=None None",
            ]
        );
    }
}
