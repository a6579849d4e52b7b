//! Event names: lists, the page's own event, `name = value` notes.

use std::collections::BTreeSet;

use super::vocab::{
    is_event_name, is_events_header, is_field_name, is_table_event_name, is_word_event_name,
};
use super::{lines_outside, strip_bullet, Constant, EventMention, FieldPaths};
use crate::diag::Source;

#[derive(Default)]
pub struct Events {
    pub listed: Vec<EventMention>,
    /// Event names found in running text, tables and glued cells.
    pub mentioned: Vec<EventMention>,
    pub page_event: Option<EventMention>,
    pub constants: Vec<Constant>,
    pub description: Option<String>,
    pub object_heading: Option<String>,
    pub event_header: Option<(String, crate::diag::Loc)>,
    pub event_url: Option<(String, crate::diag::Loc)>,
    /// Headings that each open a section about one event (`## invoice.paid`
    /// then its text and example, `## customer.deleted` then its own), in
    /// page order; empty unless two or more do.
    pub sections: Vec<EventMention>,
}

/// `fields`: the dotted field paths the page's examples and tables show
/// (`data.object`, `purchases.id`), which are no event names.
/// `keys`: every key the examples and tables name.
pub fn extract(
    src: &Source,
    spans: &[(usize, usize)],
    row_starts: &[usize],
    fields: &FieldPaths<'_>,
    keys: &BTreeSet<&str>,
) -> Events {
    let lines: Vec<(usize, &str)> = lines_outside(&src.text, spans).collect();
    let mut ev = Events::default();
    let mut header_event: Option<EventMention> = None;
    // Lines that are the event header with a value, by index in `lines`.
    let mut header_lines: Vec<(usize, EventMention)> = Vec::new();
    // One-word names alone on their lines under a line about events.
    let mut bare_words: Vec<(usize, EventMention)> = Vec::new();
    // One-word names alone on their lines that the next example says.
    let mut said: Vec<(usize, EventMention)> = Vec::new();
    // Headings whose first word the next example says (`## Bounce webhook`
    // over `"RecordType": "Bounce"`): events where two or more differ.
    let mut worded: Vec<(usize, EventMention)> = Vec::new();
    let mut starts: Vec<(usize, usize)> = spans.to_vec();
    starts.sort_unstable();
    let mut said_values: Vec<Option<BTreeSet<String>>> = vec![None; starts.len()];
    // The heading that named the page's event.
    let mut title_at: Option<usize> = None;
    // The page's first `# title`, when it is one word: `# star`.
    let title_word = lines.iter().find_map(|&(offset, line)| {
        let t = line.trim_start();
        let w = t.strip_prefix("# ")?.trim().trim_matches('`');
        let one = !w.is_empty()
            && w.starts_with(|c: char| c.is_ascii_lowercase())
            && w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        one.then(|| (offset + line.find(w).unwrap_or(0), w))
    });
    // Event names in prose, tables and glued cells, wherever they stand.
    for &(offset, line) in &lines {
        for (at, name, description) in mentions(line) {
            // The token as written, before any text glued on was cut off:
            // `purchases.purchaseItems` is a field, not `purchases.purchase`.
            let raw = line[at..]
                .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '/' | '-')))
                .next()
                .unwrap_or(name)
                .trim_end_matches(['.', '/', '-', '_']);
            if is_field(name, fields, keys, false) || (raw != name && fields.contains(raw)) {
                continue;
            }
            ev.mentioned.push(mention(
                src,
                offset + at,
                name,
                description.map(str::to_owned),
            ));
        }
    }
    // Lines that are only an event name, by their index in `lines`.
    let mut headings: Vec<(usize, EventMention)> = Vec::new();
    let mut last_bullet_event: Option<usize> = None;
    // Inside a table that names events: the columns that may hold them.
    let mut event_table: Option<Vec<usize>> = None;
    // Under a short line that speaks of events ("Event types", "Supported
    // events:"): one-word names in a list there are events too.
    let mut events_section = false;
    for (idx, &(offset, line)) in lines.iter().enumerate() {
        let (bullet, t) = strip_bullet(line);
        // A markdown heading reads as its text: `## invoice.paid`.
        let t = t.trim_start_matches('#').trim_start();
        let col = |s: &str| offset + line.find(s).unwrap_or(0);

        // "The event type is sent in the `X-Acme-Event` header."
        if ev.event_header.is_none() {
            if let Some(h) = event_header(t) {
                ev.event_header = Some((h.to_owned(), src.loc(col(h))));
                // "… in the `X-GitHub-Event` HTTP header: `star`.": the
                // value it names is this page's event.
                let after = &t[t.find(h).map_or(0, |i| i + h.len())..];
                if let Some(value) = header_value(after) {
                    header_event = Some(mention(src, col(value), value, None));
                }
            }
        }
        // `X-Gitlab-Event: Push Hook`, a line of a request's headers: the
        // event of the section it stands in.
        // `Event key: repo:push` over an example says the same.
        let value = (ev.event_header.as_ref())
            .and_then(|(h, _)| header_line_value(t, h))
            .or_else(|| label_value(t));
        if let Some(value) = value {
            header_lines.push((idx, mention(src, col(value), value, None)));
        }
        // "We POST to `https://you.example/hooks/{event_type}`."
        if ev.event_url.is_none() {
            if let Some(u) = event_url(t) {
                ev.event_url = Some((u.to_owned(), src.loc(col(u))));
            }
        }

        // `| Event | Description |` then `| invoice.paid | An invoice was
        // paid. |`; tab-separated tables as pipe tables are, where they
        // name events (`Event⇥Event Key⇥Description`).
        let piped = line.contains('|');
        let cells: Vec<&str> = if piped {
            line.trim()
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect()
        } else if line.contains('\t') {
            line.split('\t')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        } else {
            Vec::new()
        };
        if cells.len() >= if piped { 1 } else { 2 } {
            if let Some(columns) = event_columns(&cells) {
                event_table = Some(columns);
                continue;
            }
            // `| Name | Description |` over `| ticket.opened | … |`.
            if piped && super::pipes::names_past_events(&lines, idx) {
                event_table = Some(vec![0]);
                continue;
            }
            if let Some(columns) = &event_table {
                if let Some(k) = event_cell(&cells, columns) {
                    let name = cells[k].trim_matches('`');
                    ev.listed
                        .push(mention(src, col(name), name, longest_other(&cells, k)));
                    continue;
                }
            }
            // `zen:event-type:ticket.created⇥A ticket was created.` under
            // a line that speaks of events: a list in columns, its header
            // given once for several (`Created⇥pullrequest:created⇥…`).
            let named = cells.iter().position(|c| {
                let c = c.trim_matches('`');
                is_event_name(c) || is_word_event_name(c)
            });
            if let Some(k) = named.filter(|_| !piped && cells.len() >= 2 && events_section) {
                let name = cells[k].trim_matches('`');
                ev.listed
                    .push(mention(src, col(name), name, longest_other(&cells, k)));
                continue;
            }
        }
        if piped {
            continue;
        }
        event_table = None;

        // `a.b, c.d, e.f`: an inline list of three or more event names,
        // after a label that speaks of events or not (`Events: …`).
        let listed = match t.split_once(": ") {
            Some((label, rest))
                if label.split_whitespace().count() <= 8 && {
                    let l = label.to_ascii_lowercase();
                    l.contains("event") || l.contains("topic")
                } =>
            {
                rest
            }
            _ => t,
        };
        let items: Vec<&str> = (listed.split(','))
            .flat_map(|i| i.split(" and ").flat_map(|i| i.split(" or ")))
            .map(|i| {
                let i = i.trim();
                let i = i
                    .strip_prefix("and ")
                    .or_else(|| i.strip_prefix("or "))
                    .unwrap_or(i);
                i.trim_end_matches('.').trim_matches('`')
            })
            .collect();
        let event_item = |i: &str| is_event_name(i) || (events_section && is_word_event_name(i));
        // Two will do after a label about events (`Events: a and b`).
        let enough = if listed.len() < t.len() { 2 } else { 3 };
        if items.len() >= enough && items.iter().all(|i| event_item(i)) {
            for item in items {
                ev.listed.push(mention(src, col(item), item, None));
            }
            last_bullet_event = None;
            continue;
        }

        // `order_created - Occurs when…` under "Event types", or a bullet
        // `` - `order.paid`: Sent when… ``: a name and its description.
        // A list item's markup is not its text: `[invoice.paid](…)`,
        // `**invoice.voided**`.
        let plain = if bullet { unmarked(t) } else { t.into() };
        if events_section || bullet {
            let described = super::vocab::described(&plain)
                .map(|(name, d)| (name.trim().trim_matches('`'), d.trim()))
                .filter(|(name, d)| {
                    let word = events_section && is_word_event_name(name);
                    (is_event_name(name) || word) && !d.is_empty()
                });
            if let Some((name, description)) = described {
                ev.listed
                    .push(mention(src, col(name), name, Some(description.to_owned())));
                last_bullet_event = None;
                continue;
            }
        }
        // `` `invoice.sent` (beta) ``: a name and a note on it.
        let named = match plain.split_once(" (") {
            Some((name, note)) if note.ends_with(')') => name,
            _ => &plain,
        };
        let named = named.trim().trim_matches('`');
        if bullet && (is_event_name(named) || (events_section && is_word_event_name(named))) {
            ev.listed.push(mention(src, col(named), named, None));
            last_bullet_event = Some(ev.listed.len() - 1);
            continue;
        }
        // A bullet after an event bullet describes it.
        if bullet && !t.is_empty() {
            if let Some(i) = last_bullet_event.take() {
                ev.listed[i].description = Some(t.to_owned());
                continue;
            }
        }
        if !bullet && !t.is_empty() {
            if events_section && is_word_event_name(t) {
                // `comment_created` alone on its line under "Comment
                // events": the section goes on; a run of two is a list.
                bare_words.push((idx, mention(src, col(t), t, None)));
            } else {
                let lower = t.to_ascii_lowercase();
                // "Subscription types", "Topics": the other words vendors
                // use for their events' list. A lead into the list after
                // such a heading ("Your app can subscribe to these:") keeps
                // the section open.
                // A header or label line with its value (`X-Shop-Topic:
                // orders/paid`) is no heading.
                let lead = events_section && t.ends_with(':');
                let labelled = t
                    .split_once(": ")
                    .is_some_and(|(_, v)| !v.trim().is_empty());
                events_section = lead
                    || ["event", "topic", "subscription type"]
                        .iter()
                        .any(|w| lower.contains(w))
                        && t.split_whitespace().count() <= 6
                        && !t.ends_with('.')
                        && !labelled;
            }
        }

        if let Some(c) = constant(src, offset, line, t) {
            ev.constants.push(c);
            continue;
        }

        // `SYNC_UPDATES_AVAILABLE` alone on its line over an example that
        // says `"webhook_code": "SYNC_UPDATES_AVAILABLE"`: the heading of
        // that example's event.
        if !bullet
            && t.contains('_')
            && is_word_event_name(t)
            && example_says(&src.text, &starts, &mut said_values, offset, t)
        {
            said.push((idx, mention(src, col(t), t, fires_below(&lines, idx))));
        } else if let Some(w) = heading_word(bullet, t) {
            // `## Bounce` over `"Bounce"`, or over `"bounce"`.
            let lower = w.to_ascii_lowercase();
            let said = [w, lower.as_str()]
                .into_iter()
                .find(|v| example_says(&src.text, &starts, &mut said_values, offset, v));
            if let Some(v) = said {
                worded.push((idx, mention(src, col(w), v, fires_below(&lines, idx))));
            }
        }
        // The page's title: a line that is only an event name, or one
        // with words that only say so (`The invoice.paid event`,
        // `invoice.voided webhook`).
        let titled = if bullet { None } else { titled_name(t) };
        if let Some(t) = titled {
            headings.push((idx, mention(src, col(t), t, fires_below(&lines, idx))));
            if ev.page_event.is_none() {
                ev.page_event = Some(mention(src, col(t), t, None));
                title_at = Some(idx);
            }
        }
        // `POST/subscription.updated`, `…/webhook-events/customer.updated{`.
        if ev.page_event.is_none() {
            if let Some((at, name)) = url_event(t) {
                ev.page_event = Some(mention(src, col(t) + at, name, None));
            }
        }

        if ev.description.is_none() {
            ev.description = fires_when(&lines, idx);
        }
        if ev.object_heading.is_none()
            && t.ends_with(" Object")
            && t.split_whitespace().count() <= 5
        {
            ev.object_heading = Some(t.trim_end_matches(" Object").to_owned());
        }
    }
    // Names alone on lines that follow each other are a list, not titles
    // or sections: `jira:issue_created`, then `jira:issue_updated`.
    let in_runs = |idxs: &[usize]| -> Vec<bool> {
        (0..idxs.len())
            .map(|k| {
                (k > 0 && idxs[k - 1] + 1 == idxs[k])
                    || idxs.get(k + 1).is_some_and(|&next| idxs[k] + 1 == next)
            })
            .collect()
    };
    let heading_idxs: Vec<usize> = headings.iter().map(|(idx, _)| *idx).collect();
    let listed_run = in_runs(&heading_idxs);
    if listed_run.iter().any(|&r| r) {
        let mut kept = Vec::new();
        for ((idx, m), run) in headings.into_iter().zip(listed_run) {
            if run {
                ev.listed.push(m);
            } else {
                kept.push((idx, m));
            }
        }
        headings = kept;
        if title_at.is_some_and(|t| !headings.iter().any(|(idx, _)| *idx == t)) {
            ev.page_event = headings.first().map(|(_, m)| m.clone());
        }
    }
    // Only where nothing else names the sections' events: a request's
    // header lines (`X-Codeyard-Event: Push Hook` under `## Push events`)
    // say them better than a word their examples share.
    let distinct: BTreeSet<&str> = worded.iter().map(|(_, m)| m.name.as_str()).collect();
    if distinct.len() >= 2 && header_lines.is_empty() && ev.event_header.is_none() {
        said.extend(worded);
        said.sort_by_key(|(idx, _)| *idx);
    }
    // Names said by their examples, where they stand alone: a run of them
    // is a list of values, not headings.
    let said_idxs: Vec<usize> = said.iter().map(|(idx, _)| *idx).collect();
    let said: Vec<EventMention> = (said.into_iter().zip(in_runs(&said_idxs)))
        .filter(|(_, run)| !run)
        .map(|((idx, m), _)| {
            headings.push((idx, m.clone()));
            m
        })
        .collect();
    headings.sort_by_key(|(idx, _)| *idx);
    let word_idxs: Vec<usize> = bare_words.iter().map(|(idx, _)| *idx).collect();
    for ((_, m), run) in bare_words.into_iter().zip(in_runs(&word_idxs)) {
        if run {
            ev.listed.push(m);
        }
    }
    // Header lines of two or more events open sections, as headings do;
    // one names the page's event.
    let values: BTreeSet<&str> = header_lines.iter().map(|(_, m)| m.name.as_str()).collect();
    if values.len() >= 2 {
        headings.extend(header_lines);
        headings.sort_by_key(|(idx, _)| *idx);
    } else if header_event.is_none() {
        header_event = header_lines.into_iter().next().map(|(_, m)| m);
    }
    // A page of sections, one per event: no one event is the page's.
    ev.sections = sections(&lines, spans, row_starts, headings);
    if ev.sections.len() >= 2 {
        ev.page_event = None;
    } else {
        ev.sections.clear();
        if let ([one], None) = (said.as_slice(), &ev.page_event) {
            ev.page_event = Some(one.clone());
        }
    }
    // The header's value beats a title; a one-word `# title` names the
    // event where the page says the type travels in a header.
    if let Some(m) = header_event {
        ev.page_event = Some(m);
    } else if ev.page_event.is_none() && ev.event_header.is_some() {
        ev.page_event = title_word.map(|(at, w)| mention(src, at, w, None));
    }
    // A list names events on purpose: only a field path with its type
    // glued on (`data.objectobject`) is taken back.
    ev.listed.retain(|m| !is_field(&m.name, fields, keys, true));
    ev
}

/// The event-name lines that open a section holding an example (`spans`)
/// or a field row (`row_starts`) before the next such line: names one per line are a list, not sections,
/// and a name repeated opens no second section.
fn sections(
    lines: &[(usize, &str)],
    spans: &[(usize, usize)],
    row_starts: &[usize],
    headings: Vec<(usize, EventMention)>,
) -> Vec<EventMention> {
    let mut out: Vec<EventMention> = Vec::new();
    let offsets: Vec<usize> = headings
        .iter()
        .skip(1)
        .map(|(i, _)| lines[*i].0)
        .chain([usize::MAX])
        .collect();
    // Looked up, not scanned: a page may hold thousands of each.
    let mut starts: Vec<usize> = spans.iter().map(|&(a, _)| a).collect();
    starts.sort_unstable();
    // A section holds an example, or else a field list of its own.
    let mut rows: Vec<usize> = row_starts.to_vec();
    rows.sort_unstable();
    let holding: Vec<(bool, bool)> = (headings.iter().zip(&offsets))
        .map(|(&(start, _), &end)| {
            let from = lines[start].0;
            let first_after = starts.partition_point(|&a| a <= from);
            let example = starts.get(first_after).is_some_and(|&a| a < end);
            let row = rows.get(rows.partition_point(|&a| a <= from));
            (example, row.is_some_and(|&a| a < end))
        })
        .collect();
    // A field list makes a section on a page of sections already, or on
    // a page with no example: not a title's table over one event's
    // example (`subscription.updated`, its fields, then `POST/…` over it).
    let by_examples = holding.iter().filter(|(example, _)| *example).count();
    let rows_count = by_examples >= 2 || spans.is_empty();
    let mut named: BTreeSet<String> = BTreeSet::new();
    for ((_, m), (example, row)) in headings.into_iter().zip(holding) {
        if (example || (row && rows_count)) && named.insert(m.name.clone()) {
            out.push(m);
        }
    }
    out
}

/// The first word of a short heading-like line (`Bounce webhook`, `Open
/// tracking webhook`): a word of letters and digits, on a line of at most
/// five words that ends no sentence.
fn heading_word(bullet: bool, t: &str) -> Option<&str> {
    if bullet || t.ends_with(['.', ':', ',']) || t.split_whitespace().count() > 5 {
        return None;
    }
    let w = t.split_whitespace().next()?.trim_matches('`');
    let word = w.len() >= 3
        && w.starts_with(|c: char| c.is_ascii_alphabetic())
        && w.chars().all(|c| c.is_ascii_alphanumeric());
    word.then_some(w)
}

/// Words in the names of fields that carry an event's type or code.
const CARRIER_WORDS: &[&str] = &["event", "type", "code", "topic", "kind", "action"];

/// Whether the first example after `from` (`spans` sorted) holds `name` as
/// the value of a field named like an event's carrier:
/// `"webhook_code": "SYNC_UPDATES_AVAILABLE"`. Each example's such values
/// are gathered once, in `said`, however many lines ask.
fn example_says(
    text: &str,
    spans: &[(usize, usize)],
    said: &mut [Option<BTreeSet<String>>],
    from: usize,
    name: &str,
) -> bool {
    let k = spans.partition_point(|&(a, _)| a <= from);
    let Some(&(a, b)) = spans.get(k) else {
        return false;
    };
    said[k]
        .get_or_insert_with(|| carrier_values_in(&text[a..b]))
        .contains(name)
}

/// The string values of an example's fields named like a carrier, read
/// off its text: a quoted key, a colon, a quoted value.
fn carrier_values_in(body: &str) -> BTreeSet<String> {
    let parts: Vec<&str> = body.split('"').collect();
    let mut out = BTreeSet::new();
    // Strings sit at odd places; a key and its value have `:` between.
    let mut k = 1;
    while k + 2 < parts.len() {
        let (key, between, value) = (parts[k], parts[k + 1], parts[k + 2]);
        if between.trim() == ":" {
            let key = key.to_ascii_lowercase();
            if CARRIER_WORDS.iter().any(|w| key.contains(w)) {
                out.insert(value.to_owned());
            }
        }
        k += 2;
    }
    out
}

/// Whether a dotted name in the text is a field path (`data.object`), or
/// one with its type glued on (`data.objectobject`, `data.object.createdint`).
/// `glued_only`: only the second kind.
fn is_field(name: &str, fields: &FieldPaths<'_>, keys: &BTreeSet<&str>, glued_only: bool) -> bool {
    let glued = |next: &str| {
        keys.iter().any(|k| {
            next.strip_prefix(*k)
                .is_some_and(|t| TYPE_WORDS.contains(&t))
        })
    };
    // A dotted parent only: `payment.paid` is an event even where the
    // payload has a `payment` field.
    let parent_field = |parent: &str| fields.contains(parent) && parent.contains('.');
    (!glued_only && fields.contains(name))
        || name.rsplit_once('.').is_some_and(|(parent, last)| {
            parent_field(parent) && (!glued_only || glued(last) || keys.contains(last))
        })
        || name.split_once('.').is_some_and(|(top, rest)| {
            fields.contains(top) && {
                let next = rest.split('.').next().unwrap_or(rest);
                glued(next) || (!glued_only && keys.contains(next))
            }
        })
}

/// The value after a header's name: `` HTTP header: `star`. ``
fn header_value(after: &str) -> Option<&str> {
    let rest = after.split_once(':')?.1.trim_start();
    let value = rest.strip_prefix('`')?.split('`').next()?;
    let word = !value.is_empty()
        && value.len() <= 80
        && value.starts_with(|c: char| c.is_ascii_alphabetic())
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/' | ':'));
    word.then_some(value)
}

/// A table's header row that names events: the columns that may hold
/// them (`Event`, `Event Key`, `Webhook Event`, `Topic`, `Subscription
/// Type`). A first column naming fields (`Field`, `Name`, …) is a field
/// table, whatever else it has.
fn event_columns(cells: &[&str]) -> Option<Vec<usize>> {
    if super::pipes::names_fields(cells.first()?) {
        return None;
    }
    let columns: Vec<usize> = (cells.iter().enumerate())
        .filter(|(_, c)| is_events_header(c))
        .map(|(k, _)| k)
        .collect();
    (!columns.is_empty()).then_some(columns)
}

/// A row's description: its longest cell but the name's (`k`).
fn longest_other(cells: &[&str], k: usize) -> Option<String> {
    (cells.iter().enumerate())
        .filter(|&(j, c)| j != k && !c.is_empty())
        .max_by_key(|(_, c)| c.len())
        .map(|(_, c)| c.to_string())
}

/// Which cell of an event table's row holds its event: the first of the
/// header's event columns whose cell is a name, else a backticked dotted
/// name in any cell (`| Channel Follow | \`channel.follow\` | 2 |`).
fn event_cell(cells: &[&str], columns: &[usize]) -> Option<usize> {
    columns
        .iter()
        .copied()
        .find(|&k| {
            cells
                .get(k)
                .is_some_and(|c| is_table_event_name(c.trim_matches('`')))
        })
        .or_else(|| {
            cells.iter().position(|c| {
                c.len() > 2
                    && c.starts_with('`')
                    && c.ends_with('`')
                    && is_event_name(c.trim_matches('`'))
            })
        })
}

/// The value of a line that is the event header and its value, as a
/// request's headers are listed: `X-Gitlab-Event: Push Hook`,
/// `X-Shop-Topic: orders/create`. A value of several words is a name only
/// in Title Case (`Push Hook`), not a sentence about the header.
fn header_line_value<'t>(t: &'t str, header: &str) -> Option<&'t str> {
    // As curl sends it: `-H "X-Pay-Event: payment.settled" \`.
    let t = ["-H ", "--header "]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .map_or(t, |rest| {
            rest.trim_end_matches('\\')
                .trim()
                .trim_matches(|c| matches!(c, '"' | '\''))
        });
    let rest = t
        .get(..header.len())
        .filter(|h| h.eq_ignore_ascii_case(header))?;
    let value = t[rest.len()..].trim_start().strip_prefix(':')?.trim();
    let value = value.trim_matches(|c| matches!(c, '`' | '"' | '\''));
    let words: Vec<&str> = value.split(' ').collect();
    let name = if words.len() == 1 {
        is_event_name(value) || is_word_event_name(value)
    } else {
        words.len() <= 5
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_ascii_uppercase())
                    && w.chars().all(|c| c.is_ascii_alphanumeric())
            })
    };
    (name && value.len() <= 80).then_some(value)
}

/// `Event key: repo:push`, `Topic: orders/create`: a line that labels an
/// event name as the event.
fn label_value(t: &str) -> Option<&str> {
    let (label, value) = t.split_once(':')?;
    let label = label.trim().to_ascii_lowercase();
    let labelled = matches!(
        label.as_str(),
        "event" | "event key" | "event type" | "event name" | "topic" | "webhook event"
    );
    let value = value.trim().trim_matches(|c| matches!(c, '`' | '"' | '\''));
    (labelled && (is_event_name(value) || is_word_event_name(value))).then_some(value)
}

/// An `X-…` header that carries the event type: one named after the event
/// or topic (`X-Forge-Event`), or an `X-…-Type` header on a line that speaks
/// of the event's header. The word "header" may have wrapped to the next line.
fn event_header(t: &str) -> Option<&str> {
    let lower = t.to_ascii_lowercase();
    let about_header = lower.contains("event") && lower.contains("header");
    t.split(|c: char| c.is_whitespace() || matches!(c, '`' | '"' | '\'' | ',' | ':' | '(' | ')'))
        .find(|w| {
            let w = w.trim_end_matches(['.', ';']);
            let l = w.to_ascii_lowercase();
            // `X-Acme-Event`; or, set in code in a sentence about the
            // event's header, a name without the `X-` (`Acme-Event`).
            let named = l.starts_with("x-")
                || (about_header && l.contains('-') && t.contains(&format!("`{w}`")));
            named
                && l.len() > 4
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && (l.ends_with("-event")
                    || l.ends_with("-event-key")
                    || l.ends_with("-topic")
                    || l.ends_with("-event-type")
                    || l.ends_with("-event-name")
                    || (about_header && (l.contains("event") || l.contains("type"))))
        })
        .map(|w| w.trim_end_matches(['.', ';']))
}

/// A URL or path whose last segments hold the event type as a placeholder:
/// `https://you.example/hooks/{event_type}`, `/webhooks/:event`,
/// `/callbacks/<topic>`. Returns the path, from its first `/` after the host.
fn event_url(t: &str) -> Option<&str> {
    if !t.contains('/') {
        return None;
    }
    t.split(|c: char| c.is_whitespace() || matches!(c, '`' | '"' | '\'' | ',' | '(' | ')'))
        .filter(|w| w.contains('/'))
        .find_map(|w| {
            let w = w.trim_end_matches(['.', ';', ':']);
            let path = match w.find("://") {
                Some(i) => &w[i + 3 + w[i + 3..].find('/')?..],
                None => w.strip_prefix('/').map(|_| w)?,
            };
            let placeholder = path.split('/').any(|seg| {
                let inner = seg
                    .strip_prefix('{')
                    .and_then(|s| s.strip_suffix('}'))
                    .or_else(|| seg.strip_prefix(':'))
                    .or_else(|| seg.strip_prefix('<').and_then(|s| s.strip_suffix('>')));
                inner.is_some_and(|i| {
                    let l = i.to_ascii_lowercase();
                    l.contains("event") || l.contains("topic") || l == "type"
                })
            });
            placeholder.then_some(path)
        })
}

/// What the last segment of a dotted name is when the name is a host or a
/// value rather than an event (file names: `vocab::is_file_name`).
const NOT_EVENT_ENDINGS: &[&str] = &[
    "io", "com", "org", "net", "dev", "app", "co", "us", "uk", "eu", "de", "fr", "in", "au", "ca",
    "true", "false", "null", "none",
];

/// Type words that glued field tables leave after a field name.
const TYPE_WORDS: &[&str] = &[
    "object",
    "string",
    "str",
    "int",
    "integer",
    "boolean",
    "bool",
    "array",
    "number",
    "float",
    "nullable",
    "timestamp",
    "hash",
    "enum",
    "list",
    "map",
    "decimal",
    "long",
    "double",
];

/// Words after a slashed name that say it is an event: `the order/created
/// callback`.
const EVENT_WORDS: &[&str] = &[
    "webhook",
    "webhooks",
    "event",
    "events",
    "callback",
    "callbacks",
    "topic",
    "topics",
    "notification",
    "notifications",
    "trigger",
    "triggers",
];

/// Event names standing anywhere in a line: dotted (`invoice.paid`,
/// `PAYMENT.CAPTURE.COMPLETED`), also glued to the text after them
/// (`invoice.paidInvoice was paid`: the description); slashed
/// (`orders/create`) where the line starts with one, it is in backticks, or
/// a word such as "webhook" follows, since `and/or` is no event. Not URLs,
/// e-mail addresses, hosts, file names, versions or code (`Stripe\Event`,
/// `$event.type`). Returns (byte offset in the line, name, glued
/// description).
fn mentions(line: &str) -> Vec<(usize, &str, Option<&str>)> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let token_char = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'/' | b'-');
    let mut i = 0;
    let first_content = line
        .find(|c: char| {
            !(c.is_whitespace() || matches!(c, '|' | '-' | '*' | '`' | '\u{2022}' | '#'))
        })
        .unwrap_or(0);
    while i < bytes.len() {
        if !token_char(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && token_char(bytes[i]) {
            i += 1;
        }
        let before = line[..start].chars().next_back();
        let after = line[i..].chars().next();
        // Inside a URL, an address, a path or code.
        if matches!(
            before,
            Some('/' | '@' | '\\' | '$' | ':' | '.' | '{' | '<' | '=' | '%')
        ) || matches!(after, Some(':' | '@' | '(' | '\\')) && !line[i..].starts_with(": ")
            || line[start..].starts_with("www.")
        {
            continue;
        }
        let token = line[start..i].trim_end_matches(['.', '/', '-', '_']);
        let (name, glued) = match unglue(token) {
            // `contact.propertyChange — To get notified…`: a name of
            // camelCase segments, not `contact.property` with prose glued
            // on, where the page sets it apart: in backticks, or leading
            // its line with a dash before its description.
            (_, true) if camel_event(token) && set_apart(line, start, i, first_content) => {
                (token, false)
            }
            unglued => unglued,
        };
        // `thepayment.authorized`: an article glued on where markup was lost.
        // (`theme.updated` stays: what is left must be a longer word.)
        let name = match name.strip_prefix("the") {
            Some(rest) if dotted_event(rest) && rest.find('.').is_some_and(|d| d >= 5) => rest,
            _ => name,
        };
        let next_word = line[i..].split_whitespace().next().map(|w| {
            w.trim_matches(|c: char| !c.is_ascii_alphanumeric())
                .to_ascii_lowercase()
        });
        // The word before, past quotes: `an event "subscription_cancelled"`.
        let prev_word = line[..start]
            .split_whitespace()
            .rev()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_ascii_alphanumeric())
                    .to_ascii_lowercase()
            })
            .find(|w| !w.is_empty());
        let named = next_word.is_some_and(|w| EVENT_WORDS.contains(&w.as_str()))
            || prev_word.is_some_and(|w| matches!(w.as_str(), "event" | "webhook" | "topic"));
        // `an event subscription_cancelled`, `a subscription_created
        // webhook`: a one-word name where the words around it say event.
        // Hyphens join English words too (`real-time events`): only `_`.
        let word_event = !name.contains(['.', '/', '-'])
            && is_word_event_name(name)
            && name.contains('_')
            && named;
        let camel = name == token && camel_event(name) && set_apart(line, start, i, first_content);
        if !dotted_event(name) && !slashed_event(name) && !word_event && !camel {
            continue;
        }
        if name.contains('/') && !name.contains('.') {
            let ticked = before == Some('`');
            let leads = start <= first_content;
            if !(ticked || leads || named || glued) {
                continue;
            }
        }
        let description = glued.then(|| {
            let rest = &line[start + name.len()..];
            // Up to the next event name glued on the same line.
            let end = mentions_end(rest);
            rest[..end].trim()
        });
        out.push((start, name, description.filter(|d| !d.is_empty())));
    }
    out
}

/// Where a glued description ends: at the next dotted event name.
fn mentions_end(rest: &str) -> usize {
    let mut at = 0;
    for word in rest.split_inclusive(char::is_whitespace) {
        let w = word.trim();
        if at > 0 && dotted_event(unglue(w.trim_end_matches(['.', ','])).0) {
            return at;
        }
        at += word.len();
    }
    rest.len()
}

/// A name and whether text was glued after it: `invoice.paidInvoice` is
/// `invoice.paid` and a description that starts `Invoice`.
fn unglue(token: &str) -> (&str, bool) {
    let Some(last_sep) = token.rfind(['.', '/']) else {
        return (token, false);
    };
    let bytes = token.as_bytes();
    for k in last_sep + 2..bytes.len().saturating_sub(1) {
        if bytes[k - 1].is_ascii_lowercase()
            && bytes[k].is_ascii_uppercase()
            && bytes[k + 1].is_ascii_lowercase()
        {
            return (&token[..k], true);
        }
    }
    (token, false)
}

/// `contact.propertyChange`, `conversation.newMessage`: dotted, each
/// segment starting lowercase, some with an uppercase letter inside.
fn camel_event(name: &str) -> bool {
    let segments: Vec<&str> = name.split('.').collect();
    segments.len() >= 2
        && segments.iter().all(|s| {
            s.len() >= 2
                && s.starts_with(|c: char| c.is_ascii_lowercase())
                && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        && name.contains(|c: char| c.is_ascii_uppercase())
        && !NOT_EVENT_ENDINGS.contains(&segments[segments.len() - 1].to_ascii_lowercase().as_str())
        && !super::vocab::is_file_name(name)
}

/// Whether the token at `start..end` of `line` stands apart as a name: in
/// backticks, or first on its line with a dash after it (`name — text`),
/// or alone in a table cell (`contact.propertyChange⇥To get notified…`).
fn set_apart(line: &str, start: usize, end: usize, first_content: usize) -> bool {
    let ticked = line[..start].ends_with('`') && line[end..].starts_with('`');
    let rest = line[end..].trim_start();
    let dashed = start <= first_content
        && line[end..].starts_with(char::is_whitespace)
        && (rest.starts_with(['\u{2014}', '\u{2013}']) || rest.starts_with("- "));
    let before = line[..start].trim_end_matches([' ', '`']);
    let in_cell = (before.is_empty() || before.ends_with(['\t', '|']))
        && line[end..]
            .trim_start_matches([' ', '`'])
            .starts_with(['\t', '|']);
    ticked || dashed || in_cell
}

fn segments_ok(name: &str, sep: char) -> bool {
    let segments: Vec<&str> = name.split(sep).collect();
    let lower = segments.iter().all(|s| {
        s.len() >= 2
            && s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-'))
    });
    let upper = segments.iter().all(|s| {
        s.len() >= 2
            && s.starts_with(|c: char| c.is_ascii_uppercase())
            && s.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    });
    segments.len() >= 2
        && (lower || upper)
        && !NOT_EVENT_ENDINGS.contains(&segments[segments.len() - 1].to_ascii_lowercase().as_str())
        && !super::vocab::is_file_name(name)
}

fn dotted_event(name: &str) -> bool {
    !name.contains('/') && segments_ok(name, '.')
}

/// `orders/create`: a resource and an action. Three segments or more are a
/// path (`refs/heads/main`).
fn slashed_event(name: &str) -> bool {
    !name.contains('.')
        && name.matches('/').count() == 1
        && segments_ok(name, '/')
        && !name.starts_with("application/")
        && !name.starts_with("text/")
}

fn mention(src: &Source, offset: usize, name: &str, description: Option<String>) -> EventMention {
    EventMention {
        name: name.to_owned(),
        description,
        loc: src.loc(offset),
    }
}

/// `event = upgrade`, `context_str = package`; `context_id = ...` is no constant.
fn constant(src: &Source, offset: usize, line: &str, t: &str) -> Option<Constant> {
    let (name, value) = t.split_once('=')?;
    let (name, value) = (name.trim(), value.trim());
    let value = value.trim_matches(|c| matches!(c, '"' | '\'' | '`'));
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '/' | ':'));
    (is_field_name(name) && plain).then(|| Constant {
        field: name.to_owned(),
        value: value.to_owned(),
        loc: src.loc(offset + line.find(name).unwrap_or(0)),
    })
}

/// The last path segment of a URL or request line, when it is an event name.
fn url_event(t: &str) -> Option<(usize, &str)> {
    let start = ["://", "POST/", "POST /"]
        .iter()
        .filter_map(|m| t.find(m).map(|i| i + m.len()))
        .min()?;
    let rest = &t[start..];
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '{' | '?' | '#' | '"'))
        .unwrap_or(rest.len());
    let path = &rest[..end];
    // For a full URL the host is not a path segment.
    let path = if t[..start].ends_with("://") {
        path.split_once('/').map_or("", |(_, p)| p)
    } else {
        path
    };
    let seg = path.trim_end_matches('/').rsplit('/').next()?;
    let at = start + rest[..end].rfind(seg)?;
    (seg.contains('.') && is_event_name(seg)).then_some((at, seg))
}

/// The event a title names: the line is the name (`invoice.paid`), or the
/// name among words that only say what it is (`The invoice.paid event`,
/// `` `invoice.voided` webhook ``).
fn titled_name(t: &str) -> Option<&str> {
    if is_event_name(t) {
        return Some(t);
    }
    const SAYING: &[&str] = &[
        "the",
        "event",
        "webhook",
        "notification",
        "payload",
        "callback",
    ];
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() > 4 {
        return None;
    }
    let mut name = None;
    for w in words {
        let bare = w.trim_matches(|c| matches!(c, '`' | '"' | '*' | ':'));
        if is_event_name(bare) && name.replace(bare).is_none() {
            continue;
        }
        if !SAYING.contains(&bare.to_ascii_lowercase().as_str()) {
            return None;
        }
    }
    name
}

/// `text` without markdown's links and bold: `[a.b](https://…): x` is
/// `a.b: x`, `**a.b**` is `a.b`.
fn unmarked(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['[', '*', '_']) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(mid) = rest[open..].find("](") else {
            break;
        };
        let Some(close) = rest[open + mid..].find(')') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..open + mid]);
        rest = &rest[open + mid + close + 1..];
    }
    out.push_str(rest);
    out.replace("**", "").replace("__", "").into()
}

/// What the lines right under a heading say of when its event fires.
fn fires_below(lines: &[(usize, &str)], idx: usize) -> Option<String> {
    (idx + 1..lines.len().min(idx + 4)).find_map(|j| fires_when(lines, j))
}

/// The paragraph that says when the event fires: "Fired when…",
/// "Triggers when…", "This event occurs when…".
fn fires_when(lines: &[(usize, &str)], idx: usize) -> Option<String> {
    const VERBS: &[&str] = &[
        "fired when",
        "triggered when",
        "triggers when",
        "occurs when",
        "sent when",
        "fires when",
        "emitted when",
        "happens when",
    ];
    let line = lines[idx].1;
    let lower = line.to_ascii_lowercase();
    let at = VERBS.iter().filter_map(|v| lower.find(v)).min()?;
    // Back up to the start of the sentence on this line (text glued before it
    // ends with `}` or `.`), then take in the rest of the paragraph.
    let head = &line[..at];
    let sentence_start = head.rfind(['}', '.']).map_or(0, |i| i + 1);
    let mut text = line[sentence_start..].trim().to_owned();
    let adjacent = idx > 0 && lines[idx - 1].0 + lines[idx - 1].1.len() + 1 >= lines[idx].0;
    // Only a sentence that goes on from the line before: it starts lowercase.
    let continues = line[sentence_start..]
        .trim_start()
        .starts_with(|c: char| c.is_lowercase());
    if sentence_start == 0 && adjacent && continues {
        // "The subscription.updated" / "event is triggered when…"
        let prev = lines[idx - 1].1.trim();
        if !prev.is_empty()
            && !prev.ends_with(['.', ':', '}'])
            && prev.split_whitespace().count() <= 4
        {
            text = format!("{prev} {text}");
        }
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Events {
        extract(
            &Source::new("p.txt", text),
            &[],
            &[],
            &FieldPaths::default(),
            &BTreeSet::new(),
        )
    }

    #[test]
    fn one_word_event_names_where_the_page_speaks_of_events() {
        let names = |text: &str| -> Vec<String> {
            events(text).listed.into_iter().map(|m| m.name).collect()
        };
        assert_eq!(
            names("| Event | Description |\n|---|---|\n| PAYMENT_CREATED | Paid. |\n| payment-failed | Declined. |\n"),
            ["PAYMENT_CREATED", "payment-failed"]
        );
        assert_eq!(
            names("## Event types\n\n- `PaymentCreated`\n- refund_issued\n"),
            ["PaymentCreated", "refund_issued"]
        );
        assert_eq!(
            names("Supported events:\nORDER_PAID, ORDER_SHIPPED, ORDER_CANCELLED\n"),
            ["ORDER_PAID", "ORDER_SHIPPED", "ORDER_CANCELLED"]
        );
        // Elsewhere such words are field names, and single words are nothing.
        assert!(names("## Fields\n\n- customer_id\n- CreatedAt\n").is_empty());
        assert!(names("## Events\n\n- paid\n- Refund\n").is_empty());
    }

    #[test]
    fn urls_that_carry_the_event_type() {
        let trials = [
            (
                "We POST each event to `https://you.example/hooks/{event_type}`.",
                Some("/hooks/{event_type}"),
            ),
            (
                "Deliveries go to /webhooks/:event on your server",
                Some("/webhooks/:event"),
            ),
            ("Callback URL: https://x.io/cb/<topic>", Some("/cb/<topic>")),
            ("Send to https://x.io/webhooks/{id}", None),
            ("See https://docs.example.com/events for the list.", None),
        ];
        for (line, want) in trials {
            assert_eq!(event_url(line), want, "{line}");
        }
    }

    #[test]
    fn a_header_line_gives_its_value_when_the_value_is_a_name() {
        let h = "X-Gitlab-Event";
        let trials = [
            ("X-Gitlab-Event: Push Hook", Some("Push Hook")),
            ("x-gitlab-event: `Tag Push Hook`", Some("Tag Push Hook")),
            ("X-Gitlab-Event: orders/create", Some("orders/create")),
            ("X-Gitlab-Event: invoice.paid", Some("invoice.paid")),
            ("X-Gitlab-Event: the name of the event", None),
            ("X-Gitlab-Event: <event name>", None),
            ("X-Gitlab-Event-Id: 42", None),
            ("The X-Gitlab-Event: Push Hook", None),
        ];
        for (line, want) in trials {
            assert_eq!(header_line_value(line, h), want, "{line}");
        }
    }

    #[test]
    fn headers_that_carry_the_event_type() {
        let header = |t: &str| event_header(t).map(str::to_owned);
        let trials = [
            (
                "The event type is in the `X-Forge-Event`",
                Some("X-Forge-Event"),
            ),
            ("Read the topic from X-Shop-Topic.", Some("X-Shop-Topic")),
            ("The event header is X-Hook-Type", Some("X-Hook-Type")),
            ("Each request has an X-Hook-Type value", None),
            ("Signed with the X-Signature header.", None),
            (
                "The event name is in the `Acme-Event` request header.",
                Some("Acme-Event"),
            ),
            // Without the `X-`, only set in code, where the line speaks of
            // the event's header.
            ("The Acme-Event header names the event.", None),
            ("Signed with the `Acme-Signature` header.", None),
        ];
        for (line, want) in trials {
            assert_eq!(header(line).as_deref(), want, "{line}");
        }
        // A request's header lines, as dumped or as curl's `-H`: the
        // event header's value is an event; the other headers are not.
        let ev = events(
            "POST /hook HTTP/1.1\nX-Shop-Topic: orders/paid\nX-Shop-Signature: 3a1f\n\n\
             curl -X POST https://x.io \\\n  -H \"X-Shop-Topic: orders/refunded\" \\\n",
        );
        let all: Vec<&str> = (ev.listed.iter().chain(&ev.mentioned))
            .map(|m| m.name.as_str())
            .collect();
        assert!(!all.contains(&"X-Shop-Signature"), "{all:?}");
        assert_eq!(
            header_line_value("-H \"X-Shop-Topic: orders/refunded\" \\", "X-Shop-Topic"),
            Some("orders/refunded")
        );
    }

    #[test]
    fn inline_lists_and_url_paths() {
        let ev = events("curl --url https://x.io/v1/webhook-events/customer.updated{\n}Fired when a customer is updated. Doc-only.\nShow\na.b, c.d, e.f_g\n");
        let names: Vec<_> = ev.listed.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["a.b", "c.d", "e.f_g"]);
        let page = ev.page_event.unwrap();
        assert_eq!((page.name.as_str(), page.loc.col), ("customer.updated", 43));
        assert_eq!(
            ev.description.as_deref(),
            Some("Fired when a customer is updated. Doc-only.")
        );
    }

    #[test]
    fn inline_lists_after_a_label_and_numbered_ones() {
        let names = |text: &str| -> Vec<String> {
            let ev = events(text);
            ev.listed.iter().map(|m| m.name.clone()).collect()
        };
        assert_eq!(
            names("We send the following events: `order.created`, `order.updated` and `order.deleted`.\n"),
            ["order.created", "order.updated", "order.deleted"]
        );
        assert_eq!(names("Events: `a.b` or `c.d`.\n"), ["a.b", "c.d"]);
        // Two names in running text are mentions, not a list.
        assert!(names("Use a.b and c.d together.\n").is_empty());
        let ev = events("Supported events\n\n1. order.created \u{2014} an order was placed\n2) order.deleted \u{2014} removed\n");
        let got: Vec<(&str, Option<&str>)> = (ev.listed.iter())
            .map(|m| (m.name.as_str(), m.description.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("order.created", Some("an order was placed")),
                ("order.deleted", Some("removed"))
            ]
        );
    }

    #[test]
    fn list_items_with_links_bold_and_notes() {
        let ev = events(
            "# Event types\n\n- [invoice.created](https://x.io/e#c)\n- [invoice.paid](https://x.io/e#p): Paid.\n\
             - **invoice.voided** \u{2014} Voided.\n- `invoice.sent` (beta)\n",
        );
        let got: Vec<(&str, Option<&str>)> = (ev.listed.iter())
            .map(|m| (m.name.as_str(), m.description.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("invoice.created", None),
                ("invoice.paid", Some("Paid.")),
                ("invoice.voided", Some("Voided.")),
                ("invoice.sent", None)
            ]
        );
        assert_eq!(unmarked("[a](b) and [c](d) x"), "a and c x");
        assert_eq!(unmarked("[unclosed"), "[unclosed");
    }

    #[test]
    fn titles_that_say_what_the_name_is() {
        for (title, want) in [
            ("The invoice.paid event", Some("invoice.paid")),
            ("`invoice.voided` webhook", Some("invoice.voided")),
            ("invoice.paid", Some("invoice.paid")),
            ("How invoice.paid works", None),
            ("The invoice.paid and invoice.voided events", None),
        ] {
            assert_eq!(titled_name(title), want, "{title}");
        }
    }

    #[test]
    fn bullets_with_descriptions() {
        let ev = events("Subscriber Event Object\n  \u{2022} sub.create\n\n  \u{2022} Triggered when created.\n  \u{2022} sub.cancel\n");
        let got: Vec<_> = ev
            .listed
            .iter()
            .map(|m| (m.name.as_str(), m.description.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("sub.create", Some("Triggered when created.")),
                ("sub.cancel", None)
            ]
        );
        assert_eq!(ev.object_heading.as_deref(), Some("Subscriber Event"));
        assert!(ev.page_event.is_none());
    }

    #[test]
    fn titles_notes_and_request_lines() {
        let ev = events("Next\nsubscription.updated\n\napplication/json\n  \u{2022} context_str = package\n  \u{2022} context_id = ... (the id)\n  \u{2022} event = upgrade\nPOST/other.thing\n");
        assert_eq!(ev.page_event.unwrap().name, "subscription.updated");
        let c: Vec<_> = ev
            .constants
            .iter()
            .map(|c| (c.field.as_str(), c.value.as_str()))
            .collect();
        assert_eq!(c, [("context_str", "package"), ("event", "upgrade")]);
        assert_eq!(
            url_event("POST/subscription.updated"),
            Some((5, "subscription.updated"))
        );
        assert_eq!(url_event("\"https://example.com\""), None);
    }
}
