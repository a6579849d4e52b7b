//! One field row, built up from what a layout reader finds: the row
//! itself, the marks on a name (`name*`, `name?`, `(required)`), what its
//! description says (required, nullable, values, Unix time), and the lines
//! that follow a row and add to it. Every layout reader (`tables`, `pipes`,
//! `bullets`, `cells`, `matrix`) builds its rows here; none imports another.

use serde_json::Value;

use super::vocab::{self, DocType};
use super::{strip_bullet, EnumValues, FieldRow};
use crate::diag::Source;
use crate::lenient;

pub(super) fn new_row(src: &Source, offset: usize, line: &str, path: Vec<String>) -> FieldRow {
    let indent = line.len() - line.trim_start().len();
    FieldRow {
        path,
        ty: None,
        format: None,
        required: None,
        nullable: None,
        description: String::new(),
        values: None,
        example: None,
        loc: src.loc(offset + indent),
        list_open: false,
        enum_class: None,
        section: None,
    }
}

/// `pending: Event is pending`, `` `sms` - SMS message ``, `failed — …`:
/// one value, then its meaning.
fn bulleted_value(item: &str) -> Option<&str> {
    let (value, rest) = item.split_once([':', ' '])?;
    let rest = rest.trim_start();
    let meaning =
        item[value.len()..].starts_with(':') || rest.starts_with(['-', '\u{2013}', '\u{2014}']);
    let value = value.trim_matches(|c| matches!(c, '`' | '"' | '\'' | '*'));
    let plain = !value.is_empty()
        && value.len() <= 40
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    (meaning
        && plain
        && !rest
            .trim_start_matches(['-', '\u{2013}', '\u{2014}'])
            .trim()
            .is_empty())
    .then_some(value)
}

/// Lines that follow a row and add to it: an enum list, a format, an example
/// value on its own line, or a sentence of description. Returns false for a
/// line that belongs to something else.
pub(super) fn continue_row(row: &mut FieldRow, line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return true;
    }
    // `One of:` on its own, then the values as bullets.
    let (bullet, item) = strip_bullet(line);
    // After a lead, values glued to their meaning on one line:
    // `dayCharge based on day(s).weekCharge based on week(s).`
    if !bullet
        && row.list_open
        && matches!(&row.values, Some(EnumValues::Strings(v)) if v.is_empty())
    {
        if let Some(values) = vocab::enum_in_text(t) {
            row.values = Some(values);
            row.list_open = false;
            return true;
        }
    }
    if bullet && row.list_open {
        if let Some(EnumValues::Strings(values)) = &mut row.values {
            let value = item
                .split([':', ' ', '\u{2014}'])
                .next()
                .unwrap_or("")
                .trim_matches(|c| matches!(c, '`' | '"' | '\'' | '*'));
            if !value.is_empty() {
                values.push(value.to_owned());
                return true;
            }
        }
    }
    // `• pending: Event is pending delivery`: a bulleted value and its
    // meaning, where the row has no values yet, opens its list.
    if bullet && row.values.is_none() {
        if let Some(value) = bulleted_value(item) {
            row.values = Some(EnumValues::Strings(vec![value.to_owned()]));
            row.list_open = true;
            return true;
        }
    }
    row.list_open = false;
    if matches!(&row.values, Some(EnumValues::Strings(s)) if s.is_empty()) {
        // A lead with no bullets after it says nothing.
        row.values = None;
    }
    let lower = t.to_ascii_lowercase();
    let lead = lower.trim_end_matches(':');
    if (t.ends_with(':') || lead == "possible values are")
        && [
            "possible values are",
            "one of",
            "can be one of",
            "possible values",
            "allowed values",
            "values",
            "options",
        ]
        .contains(&lead)
    {
        // After its values (`• sms - SMS` then `Possible values:`), a
        // lead closes the list rather than opening one.
        if !matches!(&row.values, Some(EnumValues::Strings(v)) if !v.is_empty()) {
            row.values = Some(EnumValues::Strings(vec![]));
            row.list_open = true;
        }
        return true;
    }
    if let Some(values) = vocab::enum_line(t) {
        row.values = Some(values);
    } else if let Some(format) = vocab::format_line(t) {
        row.format = Some(format);
    } else if let Some(v) = literal(t) {
        row.example.get_or_insert(v);
    } else if is_sentence(t) {
        if !row.description.is_empty() {
            row.description.push(' ');
        }
        row.description.push_str(t);
    } else {
        return false;
    }
    true
}

/// A description line, as opposed to a heading such as `Response Body`.
fn is_sentence(t: &str) -> bool {
    t.ends_with(['.', ':', ')']) || t.split_whitespace().count() >= 4
}

/// A whole line that is a JSON literal: `2`, `"mobile"`, `true`, `[1, 2]`.
pub(super) fn literal(t: &str) -> Option<Value> {
    let parsed = lenient::parse_at(t, 0).ok()?;
    (parsed.node.end == t.len() && !matches!(parsed.node.kind, lenient::Kind::Placeholder(_)))
        .then(|| parsed.node.to_value())
}

/// `name*` (required), `name?` (optional), `` `name` ``, `**name**`,
/// `name (optional)`.
pub(super) fn name_and_marks(cell: &str) -> (String, Option<bool>) {
    let bare = cell.trim().trim_matches('`');
    // `**name**` is bold; a single trailing `*` marks a required field.
    let bare = bare
        .strip_prefix("**")
        .and_then(|b| b.strip_suffix("**"))
        .unwrap_or(bare);
    let mut required = None;
    if bare.ends_with('*') {
        required = Some(true);
    }
    let mut t = bare.replace(['`', '*'], "");
    for (mark, value) in [
        ("(required)", true),
        ("(optional)", false),
        ("[required]", true),
        ("[optional]", false),
    ] {
        if let Some(at) = t.to_ascii_lowercase().find(mark) {
            t.replace_range(at..at + mark.len(), "");
            required = Some(value);
        }
    }
    let mut t = t.trim().to_owned();
    if let Some(stripped) = t.strip_suffix('?') {
        t = stripped.to_owned();
        required = Some(false);
    }
    (
        t.split_whitespace().next().unwrap_or("").to_owned(),
        required,
    )
}

/// Whether a (lowercase) description makes the field's presence depend on
/// something: "only present if …", "not present when …", "webhook
/// payloads contain the `organization` object when …". Examples that all
/// show it then prove nothing about the payloads that do not.
fn presence_is_conditional(d: &str) -> bool {
    const SAID: &[&str] = &[
        "only present",
        "present only",
        "not present when",
        "not present if",
        "is present when",
        "is present if",
        "are present when",
        "only included",
        "included only",
        "is included when",
        "is included if",
        "only sent when",
        "only sent if",
        "omitted when",
        "omitted if",
        "omitted unless",
        "absent when",
        "absent if",
        "may be absent",
        "may be omitted",
        "may not be present",
        "may not be included",
    ];
    if SAID.iter().any(|s| d.contains(s)) {
        return true;
    }
    // "Payloads contain the `x` object when …", in one sentence.
    d.split(". ").any(|sentence| {
        let says_payload = ["payload", "webhook", "event", "request", "body"]
            .iter()
            .any(|w| sentence.contains(w));
        let contains = [" contain ", " contains ", " include ", " includes "]
            .iter()
            .find_map(|w| sentence.find(w));
        says_payload
            && contains.is_some_and(|at| {
                let rest = &sentence[at..];
                rest.contains(" when ") || rest.contains(" if ") || rest.contains(" only ")
            })
    })
}

/// What a description says about presence, nullability and values.
pub(super) fn describe(row: &mut FieldRow) {
    let d = row.description.to_ascii_lowercase();
    if row.required.is_none() {
        if d.starts_with("required") {
            row.required = Some(true);
        } else if d.starts_with("optional") || presence_is_conditional(&d) {
            row.required = Some(false);
        }
    }
    if d.contains("never null")
        || d.contains("not null")
        || d.contains("non-null")
        || d.contains("not nullable")
    {
        row.nullable = Some(false);
    } else if d.contains("nullable")
        || d.contains("can be null")
        || d.contains("null if")
        || d.contains("null until")
        || d.contains("or null")
        || d.contains("may be null")
        || d.contains("be null when")
    {
        row.nullable = Some(true);
    }
    if row.values.is_none() {
        row.values = vocab::enum_in_text(&row.description);
    }
    if row.ty == Some(DocType::Integer) && vocab::mentions_unix_time(&row.description) {
        row.format = Some(vocab::Format::UnixTime);
    }
}

#[cfg(test)]
mod tests {
    use super::presence_is_conditional;

    #[test]
    fn conditional_presence_is_read_from_the_description() {
        for d in [
            "Webhook payloads contain the `organization` object when the webhook is configured for an organization.",
            "The membership. Not present when the action is `member_invited`.",
            "Only present if the charge was refunded.",
            "The event includes the line items if `expand` is set.",
            "Omitted unless the customer has a tax id.",
        ] {
            assert!(presence_is_conditional(&d.to_ascii_lowercase()), "{d}");
        }
        for d in [
            "The payload's id.",
            "Contains the customer's email.",
            "When the order was created.",
            "Included in every event.",
        ] {
            assert!(!presence_is_conditional(&d.to_ascii_lowercase()), "{d}");
        }
    }
}
