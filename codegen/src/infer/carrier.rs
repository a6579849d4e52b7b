//! Where the event type travels: which body field carries it (or a header,
//! or the URL path), and what each example says it is.

use std::collections::{BTreeMap, BTreeSet};

use super::{EventInfo, Hints, Page};
use crate::diag::{Diagnostics, Loc};
use crate::extract::PageEvidence;
use crate::ir;
use crate::lenient::{Kind, Node};

/// Field names that commonly carry the event type.
const DISCRIMINATOR_NAMES: &[&str] = &[
    "type",
    "event",
    "event_type",
    "eventType",
    "event_name",
    "eventName",
    "topic",
    "kind",
    "action",
    "alert_name",
    "eventCode",
    "webhook_type",
    "notification_type",
];

/// Whether a field's name says it carries the event type, however it is
/// cased: `event_type`, `eventType`, `EventType`, `EVENT_TYPE`.
fn telling_name(name: &str) -> bool {
    let bare = |s: &str| -> String {
        s.chars()
            .filter(|c| *c != '_' && *c != '-')
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let name = bare(name);
    DISCRIMINATOR_NAMES.iter().any(|d| bare(d) == name)
}

pub(super) fn discriminator(
    pages: &[Page],
    hints: &Hints,
    events: &BTreeMap<String, EventInfo>,
) -> Option<ir::Discriminator> {
    if let Some(header) = &hints.event_type_header {
        return Some(ir::Discriminator::in_header(header.clone(), None));
    }
    if let Some(url) = &hints.event_type_url {
        return Some(ir::Discriminator::in_url(url.clone(), None));
    }
    if let Some(fields) = &hints.event_type_fields {
        return Some(ir::Discriminator::in_body(fields.clone(), None));
    }
    // `context_str = package`, `event = upgrade`: constants naming the event.
    for page in pages {
        let cs = &page.evidence.constants;
        if cs.iter().any(|c| telling_name(&c.field)) {
            return Some(ir::Discriminator::in_body(
                cs.iter().map(|c| vec![c.field.clone()]).collect(),
                cs.first().map(|c| c.loc.clone()),
            ));
        }
    }
    // A field whose value in the examples is a known event name.
    let known: crate::hash::Set<&str> = events
        .keys()
        .map(String::as_str)
        .chain(
            pages
                .iter()
                .filter_map(|p| p.evidence.page_event.as_ref().map(|m| m.name.as_str())),
        )
        .collect();
    // The examples' strings are walked a page per core; only those naming
    // a known event are kept.
    let page_refs: Vec<&Page> = pages.iter().collect();
    let named_per_page = crate::parallel::map(&page_refs, |page: &&Page| {
        let page: &Page = page;
        (page.evidence.examples.iter())
            .map(|ex| {
                let mut found = Vec::new();
                strings_at(&ex.node, &mut vec![], &mut found, &|v| known.contains(v));
                found
            })
            .collect::<Vec<_>>()
    });
    // Per (depth, unnamed, path): the examples whose value there is a known
    // event, the distinct events named, where first, and the examples on a
    // page about one event that name another there.
    let mut votes: BTreeMap<(usize, bool, Vec<String>), Votes> = BTreeMap::new();
    for (page, named_per_example) in pages.iter().zip(named_per_page) {
        let own = page.evidence.page_event.as_ref().map(|m| m.name.as_str());
        for named_events in named_per_example {
            for (path, value, at) in named_events {
                let named = telling_name(path.last().unwrap_or(&""));
                let path = owned(&path);
                let e = votes.entry((path.len(), !named, path)).or_insert((
                    0,
                    BTreeSet::new(),
                    page.source.loc(at),
                    0,
                ));
                e.0 += 1;
                e.1.insert(value.to_owned());
                e.3 += usize::from(own.is_some_and(|own| own != value));
            }
        }
    }
    // A field without a telling name carries the event type only where its
    // values line up with two events or more, or, at the top of the body,
    // where what it holds is a dotted, slashed or namespaced event name
    // (`"name": "order.completed"`, `"webhookEvent": "jira:issue_updated"`):
    // never because one word happens to be
    // an event's name (`visibility: public`). Nor does a field
    // that names other events on the pages of most of the events it names
    // (GitHub's `workflow_run.event`: the event that started the run).
    if let Some(((_, _, path), (_, _, loc, _))) = votes
        .into_iter()
        .filter(|((depth, unnamed, _), (_, events, _, _))| {
            !unnamed
                || events.len() >= 2
                || (*depth == 1 && events.iter().all(|e| e.contains(['.', '/', ':'])))
        })
        .filter(|(_, (count, _, _, others))| *others * 2 < *count)
        // A field of the body itself before one in a batch's items.
        .max_by(|a, b| {
            (!through_items(&a.0 .2))
                .cmp(&!through_items(&b.0 .2))
                .then(a.1 .0.cmp(&b.1 .0))
                .then(b.0.cmp(&a.0))
        })
    {
        return Some(ir::Discriminator::in_body(vec![path], Some(loc)));
    }
    // What the page says in words: a header (`X-GitHub-Event`), or a URL
    // path with the event type in it (`/webhooks/{event}`).
    if let Some(d) = outside_body(pages) {
        return Some(d);
    }
    // A field with a telling name whose values read as event types.
    if let Some((path, loc)) = named_carrier(pages) {
        return Some(ir::Discriminator::in_body(vec![path], Some(loc)));
    }
    // A documented top-level field with a telling name, unless the values
    // the table lists for it are no event types (`type`: sms, mms).
    for page in pages {
        for row in &page.evidence.rows {
            let listed_words = match &row.values {
                Some(crate::extract::EnumValues::Strings(values)) => {
                    let name = carrier_name(&row.path).max(1);
                    values.iter().filter(|v| event_like(v, name)).count() * 2 <= values.len()
                }
                _ => false,
            };
            if row.path.len() == 1 && telling_name(&row.path[0]) && !listed_words {
                return Some(ir::Discriminator::in_body(
                    vec![row.path.clone()],
                    Some(row.loc.clone()),
                ));
            }
        }
    }
    None
}

/// What to add when a vendor ends up with no event: the example field that
/// looks most like it carries one, or the ways a page can name its events.
pub(super) fn advice(pages: &[Page], vendor: &str) -> String {
    match likeliest_carrier(pages) {
        Some((path, value)) => format!(
            "the examples carry \"{path}\": \"{value}\"; if that names the event, add [event_type] fields = [\"{path}\"] to specs/{vendor}/hookgen.toml"
        ),
        None => format!(
            "name the events on the page (a title per page, or a list under an \"Events\" heading), or say where the type travels in specs/{vendor}/hookgen.toml: [event_type] fields = [\"type\"], header = \"X-…\" or url = \"/hooks/{{event}}\""
        ),
    }
}

/// What to do where events are known but no body field carries them.
pub(super) fn carrier_advice(pages: &[Page], vendor: &str) -> String {
    match likeliest_carrier(pages) {
        Some((path, _)) => format!(
            "name the field in specs/{vendor}/hookgen.toml: [event_type] fields = [\"{path}\"]"
        ),
        None => format!(
            "the examples hold no field that names their event; if a header carries it, add [event_type] header = \"X-…\" (or url = \"/hooks/{{event}}\") to specs/{vendor}/hookgen.toml, else parse with `Event::from_json_with_type`"
        ),
    }
}

/// The string field of the examples whose name most says "event type",
/// with a value it holds.
fn likeliest_carrier(pages: &[Page]) -> Option<(String, String)> {
    let mut best: Option<(u8, Vec<String>, String)> = None;
    for page in pages {
        for ex in &page.evidence.examples {
            let mut found = Vec::new();
            strings_at(&ex.node, &mut vec![], &mut found, &|_| true);
            for (path, value, _) in found {
                let score = carrier_name(&path);
                if score > 0 && best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                    best = Some((score, owned(&path), value.to_owned()));
                }
            }
        }
    }
    best.map(|(_, path, value)| (ir::path_text(&path), value))
}

/// `[event_type] fields` paths that no example or table row has: a
/// warning, with the nearest path that exists.
pub(super) fn check_configured(pages: &[Page], hints: &Hints, diags: &mut Diagnostics) {
    let Some(fields) = &hints.event_type_fields else {
        return;
    };
    let mut known: BTreeSet<String> = BTreeSet::new();
    for page in pages {
        for ex in &page.evidence.examples {
            let mut found = Vec::new();
            strings_at(&ex.node, &mut vec![], &mut found, &|_| true);
            known.extend(found.into_iter().map(|(p, _, _)| ir::path_text(&p)));
        }
        known.extend(page.evidence.rows.iter().map(|r| r.path.join(".")));
    }
    if known.is_empty() {
        return;
    }
    for path in fields {
        let path = ir::path_text(path);
        if known.contains(&path) {
            continue;
        }
        let nearest = known
            .iter()
            .min_by_key(|k| (edit_distance(k, &path), (*k).clone()))
            .filter(|k| edit_distance(k, &path) <= path.len().max(3) / 3 + 1);
        let loc = hints
            .event_type_fields_loc
            .clone()
            .unwrap_or_else(super::unknown_loc);
        let d = diags.warn(
            loc,
            format!("[event_type] field `{path}` is in no example or table of this vendor"),
        );
        match nearest {
            Some(n) => d.with_hint(format!("did you mean `{n}`?")),
            None => d.with_hint("paths start at the payload root and name string fields: \"type\", \"meta.event_name\""),
        };
    }
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// How many examples name a known event at a path, which ones, and where first.
type Votes = (usize, BTreeSet<String>, Loc, usize);

/// The header or URL path a page says carries the event type.
fn outside_body(pages: &[Page]) -> Option<ir::Discriminator> {
    pages
        .iter()
        .find_map(|p| {
            let (name, loc) = p.evidence.event_header.as_ref()?;
            Some(ir::Discriminator::in_header(
                name.clone(),
                Some(loc.clone()),
            ))
        })
        .or_else(|| {
            pages.iter().find_map(|p| {
                let (url, loc) = p.evidence.event_url.as_ref()?;
                Some(ir::Discriminator::in_url(url.clone(), Some(loc.clone())))
            })
        })
}

/// How strongly a path's name says it carries the event type: 3 for
/// `event_type`, `topic` or `event.type`, 2 for `event`, 1 for `type` and
/// `kind`, 0 for anything else. `action` is left out: it names what
/// happened within an event (GitHub's `created`), not the event.
fn carrier_name(path: &[impl AsRef<str>]) -> u8 {
    let last = path.last().map_or("", AsRef::as_ref);
    let parent = path.len().checked_sub(2).map(|i| path[i].as_ref());
    match last {
        "event_type" | "eventType" | "event_name" | "eventName" | "webhook_type"
        | "notification_type" | "alert_name" | "eventCode" | "topic" | "event_code" => 3,
        "type" | "name" | "kind" if matches!(parent, Some("event" | "meta" | "webhook")) => 3,
        "event" => 2,
        "type" | "kind" => 1,
        _ => 0,
    }
}

/// Whether a value reads as an event type. Under a name that says event
/// (`event`, `event_type`), one word in one case will do (`accepted`,
/// `AUTHORISATION`); under
/// `type` it takes a shape no ordinary value has: `invoice.paid`,
/// `orders/create`, `INVOICE_CREATED`, `app_installed`.
fn event_like(value: &str, name: u8) -> bool {
    use crate::extract::vocab::{is_event_name, is_word_event_name};
    // `accepted`, or one case throughout: `AUTHORISATION`.
    let one_case = |lower: bool| {
        value.starts_with(|c: char| c.is_ascii_alphabetic() && c.is_ascii_lowercase() == lower)
            && value.chars().all(|c| {
                (c.is_ascii_alphabetic() && c.is_ascii_lowercase() == lower)
                    || c.is_ascii_digit()
                    || c == '_'
            })
    };
    let word = value.len() >= 3 && value.len() <= 80 && (one_case(true) || one_case(false));
    is_event_name(value) || is_word_event_name(value) || (name >= 2 && word)
}

/// The body field with a telling name whose values read as event types,
/// for vendors whose pages list no events: `"event": "accepted"`,
/// `"type": "invoice.paid"`, `event.type` beside a constant outer `type`.
/// Among several, one whose value differs between examples beats one that
/// is the same in all (the outer `"type": "event_callback"`), then the more
/// telling name, then the shallower path.
fn named_carrier(pages: &[Page]) -> Option<(Vec<String>, Loc)> {
    // Per path: (examples with a string there, event-like ones, distinct
    // values, first place).
    let mut seen: BTreeMap<Vec<String>, (usize, usize, BTreeSet<String>, Loc)> = BTreeMap::new();
    let mut examples = 0usize;
    for page in pages {
        for ex in &page.evidence.examples {
            examples += 1;
            let mut found = Vec::new();
            strings_at(&ex.node, &mut vec![], &mut found, &|_| true);
            for (path, value, at) in found {
                let name = carrier_name(&path);
                if name == 0 {
                    continue;
                }
                let e = seen
                    .entry(owned(&path))
                    .or_insert_with(|| (0, 0, BTreeSet::new(), page.source.loc(at)));
                e.0 += 1;
                e.1 += usize::from(event_like(value, name));
                e.2.insert(value.to_owned());
            }
        }
    }
    seen.into_iter()
        // In at least half the examples, and event-like in most of them.
        .filter(|(_, (with, like, _, _))| *with * 2 >= examples && *like * 2 > *with)
        .max_by_key(|(path, (with, _, values, _))| {
            let varies = *with >= 2 && values.len() >= 2;
            (
                varies,
                !through_items(path),
                carrier_name(path),
                std::cmp::Reverse(path.len()),
                *with,
            )
        })
        .map(|(path, (_, _, _, loc))| (path, loc))
}

/// Every string value within three levels of objects that `keep` keeps,
/// with its path; through the objects an array holds too (a batch of
/// events in an envelope: `notificationItems[].…eventCode`), with a `[]`
/// step that is no level.
fn strings_at<'a>(
    node: &'a Node,
    path: &mut Vec<&'a str>,
    out: &mut Vec<(Vec<&'a str>, &'a str, usize)>,
    keep: &dyn Fn(&str) -> bool,
) {
    let Kind::Object(entries) = &node.kind else {
        return;
    };
    if path.iter().filter(|s| **s != ir::ITEMS).count() >= 3 {
        return;
    }
    for e in entries {
        path.push(&e.key);
        match &e.value.kind {
            Kind::String(s) if keep(s) => out.push((path.clone(), s, e.value.start)),
            Kind::Object(_) => strings_at(&e.value, path, out, keep),
            // One step into arrays: an array of arrays is data, not a batch.
            Kind::Array(items) if !path.contains(&ir::ITEMS) => {
                path.push(ir::ITEMS);
                for item in items.iter().filter(|i| i.as_object().is_some()) {
                    strings_at(item, path, out, keep);
                }
                path.pop();
            }
            _ => {}
        }
        path.pop();
    }
}

/// Whether a path steps into an array's items.
fn through_items(path: &[impl AsRef<str>]) -> bool {
    path.iter().any(|s| s.as_ref() == ir::ITEMS)
}

fn owned(path: &[&str]) -> Vec<String> {
    path.iter().map(|k| (*k).to_owned()).collect()
}

/// Events that JSON documents an example holds as strings state (a logged
/// request body: `"webhook_request_body": "{\"data\": {\"event_type\": …}}"`,
/// escaped once or twice): where the carrier's path holds a value in
/// them, that value is an event, at the string's place. Their fields are
/// the string's, not the payload's.
pub(super) fn events_in_strings(
    node: &Node,
    d: &ir::Discriminator,
    out: &mut Vec<(String, usize)>,
) {
    match &node.kind {
        Kind::String(s) if s.trim_start().starts_with('{') => {
            let unescaped = s.replace("\\\"", "\"").replace("\\\\", "\\");
            for text in [s.as_str(), unescaped.as_str()] {
                let start = text.len() - text.trim_start().len();
                let inner = crate::lenient::parse_at(text, start).ok();
                if let Some((event, _)) = inner.and_then(|p| event_in_body(&p.node, d)) {
                    out.push((event, node.start));
                    return;
                }
            }
        }
        Kind::Object(entries) => entries
            .iter()
            .for_each(|e| events_in_strings(&e.value, d, out)),
        Kind::Array(items) => items.iter().for_each(|n| events_in_strings(n, d, out)),
        _ => {}
    }
}

/// The events every item of a batch states, where the carrier's path steps
/// into an array's items (`data.events[].eventType`): the first item's is
/// the example's, and the others' are events of the same payload.
pub(super) fn events_in_items(node: &Node, d: &ir::Discriminator, out: &mut Vec<(String, usize)>) {
    fn walk(n: &Node, path: &[String], out: &mut Vec<(String, usize)>) {
        match path.split_first() {
            None => {
                if let Some(v) = n.as_str().filter(|v| !crate::extract::is_stand_in(v)) {
                    out.push((v.to_owned(), n.start));
                }
            }
            Some((seg, rest)) if seg == ir::ITEMS => {
                for item in n.as_array().unwrap_or_default() {
                    walk(item, rest, out);
                }
            }
            Some((seg, rest)) => {
                if let Some(child) = n.get(seg) {
                    walk(child, rest, out);
                }
            }
        }
    }
    if let [path] = d.fields.as_slice() {
        if through_items(path) {
            walk(node, path, out);
        }
    }
}

/// The event type an example states, with the offset of its value.
pub(super) fn event_in_body(node: &Node, d: &ir::Discriminator) -> Option<(String, usize)> {
    let mut parts = Vec::new();
    let mut at = None;
    for path in &d.fields {
        let mut n = node;
        for seg in path {
            n = if seg == ir::ITEMS {
                // A batch's event is its first item's.
                n.as_array()?.first()?
            } else {
                n.get(seg)?
            };
        }
        // `<event>`, `name_of_event`: what goes here, not an event.
        let value = n.as_str().filter(|v| !crate::extract::is_stand_in(v))?;
        parts.push(value.to_owned());
        at.get_or_insert(n.start);
    }
    Some((parts.join(&d.separator), at?))
}

/// The event a page's `name = value` notes name, when they are the discriminator.
pub(super) fn constant_event(ev: &PageEvidence, d: &ir::Discriminator) -> Option<(String, Loc)> {
    if d.fields.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    for path in &d.fields {
        let c = ev
            .constants
            .iter()
            .find(|c| path.len() == 1 && c.field == path[0])?;
        parts.push(c.value.clone());
    }
    let loc = ev.constants.first()?.loc.clone();
    Some((parts.join(&d.separator), loc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Source;

    fn pages(texts: &[&str]) -> Vec<Page> {
        texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let source = Source::new(format!("p{i}.txt"), *text);
                let evidence = crate::extract::page(&source, &mut Diagnostics::default());
                Page { source, evidence }
            })
            .collect()
    }

    fn known(names: &[&str]) -> BTreeMap<String, EventInfo> {
        names
            .iter()
            .map(|n| ((*n).to_owned(), EventInfo::new(super::super::unknown_loc())))
            .collect()
    }

    /// Where the type travels: body paths, or `header:`/`url:` and its name.
    fn found(pages: &[Page], hints: &Hints, events: &[&str]) -> Option<String> {
        let d = discriminator(pages, hints, &known(events))?;
        Some(match (&d.header, &d.url) {
            (Some(h), _) => format!("header:{h}"),
            (_, Some(u)) => format!("url:{u}"),
            _ => d
                .fields
                .iter()
                .map(|p| ir::path_text(p))
                .collect::<Vec<_>>()
                .join("+"),
        })
    }

    #[test]
    fn the_vendors_config_decides_before_any_page() {
        let p = pages(&["```json\n{\"type\": \"order.paid\"}\n```\n"]);
        let hints = Hints {
            event_type_header: Some("X-Hook-Event".into()),
            ..Hints::default()
        };
        assert_eq!(
            found(&p, &hints, &["order.paid"]).as_deref(),
            Some("header:X-Hook-Event")
        );
        let hints = Hints {
            event_type_fields: Some(vec![vec!["meta".into(), "name".into()]]),
            ..Hints::default()
        };
        assert_eq!(
            found(&p, &hints, &["order.paid"]).as_deref(),
            Some("meta.name")
        );
    }

    #[test]
    fn a_field_holding_known_events_carries_them_and_one_shared_word_does_not() {
        let p = pages(&[
            "```json\n{\"kind\": \"order.created\", \"id\": 1}\n```\n",
            "```json\n{\"kind\": \"order.paid\", \"id\": 2}\n```\n",
        ]);
        assert_eq!(
            found(&p, &Hints::default(), &["order.created", "order.paid"]).as_deref(),
            Some("kind")
        );
        // `visibility: public` only shares a word with an event `public`.
        let p = pages(&["```json\n{\"visibility\": \"public\", \"id\": 1}\n```\n"]);
        assert_eq!(found(&p, &Hints::default(), &["public"]), None);
    }

    #[test]
    fn a_field_naming_another_event_on_most_pages_is_no_carrier() {
        // A run record's `event` names the event that started the run, on the
        // page of another event.
        let page = |own: &str, started: &str| {
            format!("# {own}\n\nThe event type is sent in the `X-Hook-Event` HTTP header: `{own}`.\n\n```json\n{{\"run\": {{\"event\": \"{started}\"}}}}\n```\n")
        };
        let (a, b) = (
            page("workflow_run", "push"),
            page("check_run", "pull_request"),
        );
        let p = pages(&[a.as_str(), b.as_str()]);
        let events = ["workflow_run", "check_run", "push", "pull_request"];
        assert_eq!(
            found(&p, &Hints::default(), &events).as_deref(),
            Some("header:X-Hook-Event")
        );
    }

    #[test]
    fn with_no_known_event_a_telling_name_whose_values_vary_wins() {
        let p = pages(&[
            "```json\n{\"type\": \"event_callback\", \"event\": {\"type\": \"message\"}}\n```\n",
            "```json\n{\"type\": \"event_callback\", \"event\": {\"type\": \"reaction_added\"}}\n```\n",
        ]);
        assert_eq!(
            found(&p, &Hints::default(), &[]).as_deref(),
            Some("event.type")
        );
        // A plain `type` whose values are ordinary words carries nothing.
        let p = pages(&[
            "```json\n{\"type\": \"sms\"}\n```\n",
            "```json\n{\"type\": \"mms\"}\n```\n",
        ]);
        assert_eq!(found(&p, &Hints::default(), &[]), None);
    }

    #[test]
    fn a_batch_in_an_envelope_carries_its_items_events() {
        let batch = "```json\n{\"eventType\": \"com.acme.hook\", \"data\": {\"events\": [\
                     {\"eventType\": \"user.created\"}, {\"eventType\": \"user.deleted\"}]}}\n```\n";
        let p = pages(&[batch]);
        assert_eq!(
            found(&p, &Hints::default(), &[]).as_deref(),
            Some("data.events[].eventType")
        );
        let d = discriminator(&p, &Hints::default(), &known(&[])).expect("a carrier");
        let node = &p[0].evidence.examples[0].node;
        assert_eq!(
            event_in_body(node, &d).map(|(e, _)| e).as_deref(),
            Some("user.created")
        );
        let mut items = Vec::new();
        events_in_items(node, &d, &mut items);
        let items: Vec<&str> = items.iter().map(|(e, _)| e.as_str()).collect();
        assert_eq!(items, ["user.created", "user.deleted"]);
        // One code per item, in capitals.
        let p = pages(&["```json\n{\"items\": [{\"item\": {\"eventCode\": \"CAPTURE\"}}]}\n```\n"]);
        assert_eq!(
            found(&p, &Hints::default(), &[]).as_deref(),
            Some("items[].item.eventCode")
        );
        // A field of the body itself beats one in its items.
        let p = pages(&[
            "```json\n{\"type\": \"order.paid\", \"lines\": [{\"type\": \"order.paid\"}]}\n```\n",
            "```json\n{\"type\": \"order.sent\", \"lines\": [{\"type\": \"order.sent\"}]}\n```\n",
        ]);
        assert_eq!(
            found(&p, &Hints::default(), &["order.paid", "order.sent"]).as_deref(),
            Some("type")
        );
        assert_eq!(
            ir::parse_path("data.events[].type"),
            ["data", "events", "[]", "type"]
        );
        assert_eq!(ir::path_text(&ir::parse_path("a[][].b")), "a[][].b");
    }

    #[test]
    fn names_that_say_event_type_in_any_case() {
        for name in [
            "event_type",
            "eventType",
            "EventType",
            "EVENT_TYPE",
            "event-type",
            "topic",
        ] {
            assert!(telling_name(name), "{name}");
        }
        for name in ["eventual", "types", "status", "name"] {
            assert!(!telling_name(name), "{name}");
        }
        assert_eq!(carrier_name(&["event_type"]), 3);
        assert_eq!(carrier_name(&["meta", "name"]), 3);
        assert_eq!(carrier_name(&["event"]), 2);
        assert_eq!(carrier_name(&["data", "type"]), 1);
        assert_eq!(carrier_name(&["action"]), 0);
        assert!(event_like("invoice.paid", 1));
        assert!(event_like("accepted", 2));
        assert!(!event_like("accepted", 1));
    }

    #[test]
    fn a_misspelt_configured_field_is_told_its_nearest_path() {
        let p = pages(&["```json\n{\"meta\": {\"event_name\": \"a.b\"}}\n```\n"]);
        let hints = Hints {
            event_type_fields: Some(vec![vec!["meta".into(), "event_nme".into()]]),
            ..Hints::default()
        };
        let mut diags = Diagnostics::default();
        check_configured(&p, &hints, &mut diags);
        let rendered: Vec<String> = diags.into_sorted().iter().map(|d| d.render()).collect();
        assert_eq!(rendered.len(), 1, "{rendered:?}");
        assert!(
            rendered[0].contains("did you mean `meta.event_name`?"),
            "{rendered:?}"
        );
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
