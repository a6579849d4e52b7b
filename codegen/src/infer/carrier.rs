//! Where the event type travels: which body field carries it (or a header,
//! or the URL path), and what each example says it is.

use std::collections::{BTreeMap, BTreeSet};

use super::{EventInfo, Hints, Page};
use crate::diag::Loc;
use crate::extract::PageEvidence;
use crate::ir;
use crate::lenient::{Kind, Node};

/// Field names that commonly carry the event type.
pub(super) const DISCRIMINATOR_NAMES: &[&str] = &[
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
        if cs
            .iter()
            .any(|c| DISCRIMINATOR_NAMES.contains(&c.field.as_str()))
        {
            return Some(ir::Discriminator::in_body(
                cs.iter().map(|c| vec![c.field.clone()]).collect(),
                cs.first().map(|c| c.loc.clone()),
            ));
        }
    }
    // A field whose value in the examples is a known event name.
    let known: BTreeSet<&str> = events
        .keys()
        .map(String::as_str)
        .chain(
            pages
                .iter()
                .filter_map(|p| p.evidence.page_event.as_ref().map(|m| m.name.as_str())),
        )
        .collect();
    let mut votes: BTreeMap<(usize, bool, Vec<String>), (usize, Loc)> = BTreeMap::new();
    for page in pages {
        for ex in &page.evidence.examples {
            let mut found = Vec::new();
            paths_with_values(&ex.node, &known, &mut vec![], &mut found);
            for (path, at) in found {
                let named =
                    DISCRIMINATOR_NAMES.contains(&path.last().map(String::as_str).unwrap_or(""));
                let e = votes
                    .entry((path.len(), !named, path))
                    .or_insert((0, page.source.loc(at)));
                e.0 += 1;
            }
        }
    }
    if let Some(((_, _, path), (_, loc))) = votes
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.0.cmp(&a.0)))
    {
        return Some(ir::Discriminator::in_body(vec![path], Some(loc)));
    }
    // A documented top-level field with a telling name.
    for page in pages {
        for row in &page.evidence.rows {
            if row.path.len() == 1 && DISCRIMINATOR_NAMES.contains(&row.path[0].as_str()) {
                return Some(ir::Discriminator::in_body(
                    vec![row.path.clone()],
                    Some(row.loc.clone()),
                ));
            }
        }
    }
    // No body field: a header the pages name (`X-GitHub-Event`), or a URL
    // path with the event type in it (`/webhooks/{event}`).
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

fn paths_with_values(
    node: &Node,
    known: &BTreeSet<&str>,
    path: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, usize)>,
) {
    let Kind::Object(entries) = &node.kind else {
        return;
    };
    if path.len() >= 3 {
        return;
    }
    for e in entries {
        path.push(e.key.clone());
        match &e.value.kind {
            Kind::String(s) if known.contains(s.as_str()) => {
                out.push((path.clone(), e.value.start))
            }
            Kind::Object(_) => paths_with_values(&e.value, known, path, out),
            _ => {}
        }
        path.pop();
    }
}

/// The event type an example states, with the offset of its value.
pub(super) fn event_in_body(node: &Node, d: &ir::Discriminator) -> Option<(String, usize)> {
    let mut parts = Vec::new();
    let mut at = None;
    for path in &d.fields {
        let mut n = node;
        for seg in path {
            n = n.get(seg)?;
        }
        parts.push(n.as_str()?.to_owned());
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
