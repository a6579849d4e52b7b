//! Evidence → schema IR.
//!
//! Per vendor: decide the events and where their type travels, merge every
//! example and table row for a payload into a [`Shape`] tree, give one type
//! to each object shape repeated across the vendor, and settle each field's
//! type, presence, nullability, format and enum.
//!
//! Presence policy: a field is `required` when the page marks it so, when it
//! carries the event type, or when it is present in every occurrence across
//! the example payloads seen there. Only the first two are promises:
//! they make the field `strict`, and the Rust type holds it to them. What
//! samples alone show is recorded (IR, JSON Schema, `explain`) but the field
//! stays `Maybe<T>`, so a payload the samples did not foresee (a field
//! absent, or null) still parses and round-trips.
//!
//! Each rule has one home: `shape` (what one place of a payload shows),
//! `share` (which shapes are one type), `settle` (presence and enums),
//! `formats` (formats and numbers), `events` (payload groups and envelopes),
//! `carrier` (where the event type travels), `overrides` (`hookgen.toml`),
//! and `types` (the builder that makes the IR types).

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Diagnostics, Loc, Source};
use crate::extract::PageEvidence;
use crate::ir;
use crate::naming;

mod carrier;
mod events;
mod formats;
mod overrides;
mod settle;
mod shape;
mod share;
mod types;

use carrier::{constant_event, discriminator, event_in_body};
use events::{
    carrier_values, elided_member, group_for, mark_envelopes, page_digest, pages_digest, paths,
    resource_events, shared_root_name, EventInfo, Group,
};
use overrides::apply_override;
pub use overrides::{Override, OverrideType};
use shape::{Sample, Shape};
use types::Builder;

/// A page with what was read from it.
pub struct Page {
    pub source: Source,
    pub evidence: PageEvidence,
}

/// What the vendor config may say that pages cannot.
#[derive(Debug, Default)]
pub struct Hints {
    /// Field paths whose values form the event type (joined with `.`).
    pub event_type_fields: Option<Vec<Vec<String>>>,
    /// Where `hookgen.toml` names them.
    pub event_type_fields_loc: Option<Loc>,
    /// The HTTP header that carries the event type, when the body does not.
    pub event_type_header: Option<String>,
    /// The URL path that carries it, when neither body nor header does.
    pub event_type_url: Option<String>,
    /// Per-field corrections, applied over what the pages say.
    pub overrides: Vec<Override>,
}

/// An example payload and the event it documents, for round-trip tests.
#[derive(Debug, Clone)]
pub struct ExampleCase {
    pub vendor: String,
    pub event: String,
    /// The body as strict JSON: filled by [`crate::analyze`] from
    /// `example`, `Null` until then.
    pub body: serde_json::Value,
    /// Where the body is: its page in the vendor's pages, and its place
    /// among that page's examples.
    pub example: (usize, usize),
    pub loc: Loc,
    /// Whether the body carries an event type, and it names this event
    /// (seed 000's names another; a header vendor's names none).
    pub body_names_event: bool,
}

pub struct Inferred {
    pub vendor: ir::Vendor,
    pub examples: Vec<ExampleCase>,
}

/// One step in the making of a group's shape: an example observed, or a
/// field row applied.
enum Step<'a> {
    Observe(&'a crate::lenient::Node, &'a Source, Sample),
    /// An example's members, seen at a member of the payload that elides
    /// them (`"data": { ... }`), as that payload's.
    Within(&'a str, &'a [crate::lenient::Entry], &'a Source, Sample),
    Row(&'a crate::extract::FieldRow),
}

/// The top-level member of an example that lists two or more of the
/// vendor's events as strings (`"events": ["a.created", "a.paid"]`).
fn subscribed_events<'n>(
    node: &'n crate::lenient::Node,
    events: &BTreeMap<String, EventInfo>,
) -> Option<&'n str> {
    node.as_object()?.iter().find_map(|e| {
        let items = e.value.as_array()?;
        let all = items.len() >= 2
            && items
                .iter()
                .all(|i| i.as_str().is_some_and(|s| events.contains_key(s)));
        all.then_some(e.key.as_str())
    })
}

pub fn vendor(name: &str, pages: &[Page], hints: &Hints, diags: &mut Diagnostics) -> Inferred {
    let mut events: BTreeMap<String, EventInfo> = BTreeMap::new();
    for (i, page) in pages.iter().enumerate() {
        let ev = &page.evidence;
        for m in ev.listed_events.iter().chain(&ev.mentioned_events) {
            let e = events
                .entry(m.name.clone())
                .or_insert_with(|| EventInfo::new(m.loc.clone()));
            e.description = e.description.take().or(m.description.clone());
            e.pages.insert(i);
        }
    }

    let discriminator = discriminator(pages, hints, &events);
    carrier::check_configured(pages, hints, diags);
    // The values a table lists for the field that carries the event type
    // are the vendor's events.
    for (i, page) in pages.iter().enumerate() {
        for (value, loc) in carrier_values(&page.evidence, discriminator.as_ref()) {
            let e = events.entry(value).or_insert_with(|| EventInfo::new(loc));
            e.pages.insert(i);
        }
    }
    // So are the events named by JSON that an example holds in a string
    // (a logged request body), and by every item of a batch.
    if let Some(d) = &discriminator {
        let found = crate::parallel::map(pages, |page| {
            let mut found = Vec::new();
            for x in &page.evidence.examples {
                carrier::events_in_strings(&x.node, d, &mut found);
                carrier::events_in_items(&x.node, d, &mut found);
            }
            found
        });
        for (i, (page, found)) in pages.iter().zip(found).enumerate() {
            for (value, at) in found {
                let loc = page.source.loc(at);
                let e = events.entry(value).or_insert_with(|| EventInfo::new(loc));
                e.pages.insert(i);
            }
        }
    }
    // Each example payload counts once as evidence, however often a shape
    // recurs inside it, and so does a payload that pages repeat (one
    // fixture copied onto every event's page).
    let mut sample = 0usize;
    let mut payloads: crate::hash::Map<u64, usize> = crate::hash::Map::default();
    // The page of each sample: sample `n` is `sample_sources[n - 1]`.
    let mut sample_sources: Vec<&Source> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    // What makes each group's shape, in order: replayed per group on all
    // cores once every page is placed (groups are independent).
    let mut making: Vec<Vec<Step>> = Vec::new();
    let mut cases = Vec::new();
    let mut unplaced: Vec<Loc> = Vec::new();
    // Every event some group has, as the groups get them: looked up, not
    // searched for in every group.
    let mut grouped: crate::hash::Set<String> = crate::hash::Set::default();
    for (page_index, page) in pages.iter().enumerate() {
        let ev = &page.evidence;
        let src = &page.source;
        // A name only the file gives yields to what the examples say.
        let in_bodies: Vec<Option<(String, usize)>> = ev
            .examples
            .iter()
            .map(|x| {
                discriminator
                    .as_ref()
                    .and_then(|d| event_in_body(&x.node, d))
            })
            .collect();
        // Where the body says no event, the section it stands in may, or
        // the resource it wraps (`{"address": {…}}` for `address/created`).
        let resources: Vec<Vec<String>> = ev
            .examples
            .iter()
            .map(|x| resource_events(&x.node, ev))
            .collect();
        let placed: Vec<Option<(String, usize)>> = ev
            .examples
            .iter()
            .zip(&in_bodies)
            .zip(&resources)
            .map(|((x, body), resource)| {
                body.clone()
                    .or_else(|| x.section.clone().map(|s| (s, x.node.start)))
                    .or_else(|| {
                        let first = resource.first().filter(|_| ev.page_event.is_none())?;
                        Some((first.clone(), x.node.start))
                    })
            })
            .collect();
        let body_says_otherwise = ev.page_event_from_path
            && in_bodies.iter().any(Option::is_some)
            && ev
                .page_event
                .as_ref()
                .is_some_and(|m| !in_bodies.iter().flatten().any(|(v, _)| *v == m.name));
        let page_event = ev
            .page_event
            .as_ref()
            .filter(|_| !body_says_otherwise)
            .map(|m| (m.name.clone(), m.loc.clone()))
            .or_else(|| {
                let d = discriminator.as_ref()?;
                let (value, loc) = constant_event(ev, d)?;
                Some((value, loc))
            });
        if let Some((event, loc)) = &page_event {
            let e = events
                .entry(event.clone())
                .or_insert_with(|| EventInfo::new(loc.clone()));
            e.description = e.description.take().or(ev.description.clone());
        }
        // Form fields or XML: no JSON payload to type. Its events stay,
        // with their bodies kept whole.
        if let (true, Some((format, loc))) = (ev.examples.is_empty(), &ev.body_format) {
            diags
                .warn(
                    loc.clone(),
                    format!("this page says the body is {format}, not JSON: no JSON payload, so no payload type is made from its field list"),
                )
                .with_hint("hookgen types JSON bodies; read this one as form fields or XML (serde_urlencoded, quick-xml), or leave the page out");
            continue;
        }
        if ev.examples.is_empty() && ev.rows.is_empty() {
            continue;
        }
        // The page's payload describes its own event, or else every event it
        // lists, or else every value its field list gives the carrier.
        let members: Vec<String> = match &page_event {
            Some((event, _)) => vec![event.clone()],
            None if ev.listed_events.is_empty() => carrier_values(ev, discriminator.as_ref())
                .into_iter()
                .map(|(v, _)| v)
                .collect(),
            None => ev.listed_events.iter().map(|m| m.name.clone()).collect(),
        };
        let root_name = match &page_event {
            Some((event, _)) => naming::pascal(event),
            None => shared_root_name(name, ev, &members),
        };
        let named: BTreeSet<&str> = placed.iter().flatten().map(|(v, _)| v.as_str()).collect();
        // A page about several events whose examples differ in shape (an
        // invoice here, a payout there): a payload type per event, not one
        // type that merges them all. Events that share a shape share a type.
        // A field list on such a page describes all of them.
        let split = page_event.is_none() && named.len() >= 2 && {
            let mut per_event: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
            for (x, in_body) in ev.examples.iter().zip(&placed) {
                if let Some((value, _)) = in_body {
                    paths(&x.node, "", per_event.entry(value.as_str()).or_default());
                }
            }
            let mut sets = per_event.values();
            let first = sets.next().cloned().unwrap_or_default();
            let (all, common) = sets.fold((first.clone(), first), |(all, common), s| {
                (
                    all.union(s).cloned().collect::<BTreeSet<_>>(),
                    common.intersection(s).cloned().collect::<BTreeSet<_>>(),
                )
            });
            common.len() * 5 < all.len() * 4
        };
        // Events whose sections hold a field list and no example, on a page
        // of a type per event (or of field lists alone): a type each, from
        // its own section's rows.
        let by_rows: BTreeMap<String, Loc> = {
            let mut found: BTreeMap<String, Loc> = BTreeMap::new();
            if page_event.is_none() {
                for row in &ev.rows {
                    if let Some(s) = &row.section {
                        if members.contains(s) && !named.contains(s.as_str()) {
                            found.entry(s.clone()).or_insert_with(|| row.loc.clone());
                        }
                    }
                }
            }
            let per_event = split || (ev.examples.is_empty() && found.len() >= 2);
            if per_event {
                found
            } else {
                BTreeMap::new()
            }
        };
        let split = split || !by_rows.is_empty();
        let first_loc = ev
            .examples
            .first()
            .map(|e| e.loc.clone())
            .or_else(|| ev.rows.first().map(|r| r.loc.clone()))
            .unwrap_or_else(|| src.loc(0));
        // The page's shared payload type, with the listed events that have
        // no example of their own.
        let shared_group = |groups: &mut Vec<Group>, grouped: &mut crate::hash::Set<String>| {
            let g = group_for(
                groups,
                &root_name,
                first_loc.clone(),
                page_event.as_ref().and(ev.description.clone()),
            );
            // Each new one once, looked up in a set: a page may list
            // thousands.
            let new: Vec<String> = {
                let mut have: crate::hash::Set<&str> =
                    groups[g].events.iter().map(String::as_str).collect();
                (members.iter())
                    .filter(|m| !split || !named.contains(m.as_str()))
                    .filter(|m| !by_rows.contains_key(m.as_str()))
                    .filter(|m| have.insert(m.as_str()))
                    .cloned()
                    .collect()
            };
            grouped.extend(new.iter().cloned());
            groups[g].events.extend(new);
            g
        };
        // Without a split, or when a field list describes the page's events,
        // the shared type exists even if no example lands in it.
        let members_unplaced = (members.iter())
            .any(|m| !named.contains(m.as_str()) && !by_rows.contains_key(m.as_str()));
        let mut shared = (!split || (!ev.rows.is_empty() && members_unplaced))
            .then(|| shared_group(&mut groups, &mut grouped));
        let mut page_groups: Vec<usize> = shared.into_iter().collect();
        for (event, loc) in &by_rows {
            let g = group_for(&mut groups, &naming::pascal(event), loc.clone(), None);
            if grouped.insert(event.clone()) {
                groups[g].events.push(event.clone());
            }
            if !page_groups.contains(&g) {
                page_groups.push(g);
            }
        }
        // One example that names its event with its resource elided
        // (`"data": { ... }`), and, after it, examples that name none: those
        // are the resource, the content of that member of its payload.
        let elided = {
            let mut found = (ev.examples.iter().enumerate())
                .zip(&in_bodies)
                .filter(|(_, body)| body.is_some())
                .filter_map(|((k, x), _)| Some((k, elided_member(&x.node, &src.text)?)));
            found.next().filter(|_| found.next().is_none())
        };
        let mut envelope: Option<(usize, Sample)> = None;
        // On a split page, the field paths each group's examples show.
        let mut shown: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
        for ((((k, example), in_body), body), resource) in (ev.examples.iter().enumerate())
            .zip(placed.iter().cloned())
            .zip(&in_bodies)
            .zip(&resources)
        {
            sample += 1;
            sample_sources.push(src);
            let fresh = payloads.len() + 1;
            let payload = *payloads.entry(example.content).or_insert(fresh);
            let at = Sample {
                at: sample,
                payload,
            };
            // `{"url": …, "events": ["invoice.created", "invoice.paid"]}`:
            // the settings of a webhook that subscribes to those events (a
            // request to the vendor's API), not a payload of one.
            if in_body.is_none() && page_event.is_none() {
                if let Some(key) = subscribed_events(&example.node, &events) {
                    diags
                        .warn(
                            example.loc.clone(),
                            format!("this example lists events to subscribe to (`{key}`): read as a webhook's settings, not a payload"),
                        )
                        .with_hint("if it is a payload, give it a field naming its event");
                    continue;
                }
            }
            // The resource an envelope elided: its members are the
            // envelope's, and it picks no group of its own.
            if let (Some((_, key)), Some((g, envelope_at)), None) = (elided, envelope, &in_body) {
                if let Some(members @ [_, _, ..]) = example.node.as_object() {
                    making[g].push(Step::Within(key, members, src, envelope_at));
                    continue;
                }
            }
            let g = match &in_body {
                Some((value, _)) if split => {
                    let g = group_for(
                        &mut groups,
                        &naming::pascal(value),
                        example.loc.clone(),
                        None,
                    );
                    if !groups[g].events.contains(value) {
                        groups[g].events.push(value.clone());
                        grouped.insert(value.clone());
                    }
                    g
                }
                _ => *shared.get_or_insert_with(|| shared_group(&mut groups, &mut grouped)),
            };
            if !page_groups.contains(&g) {
                page_groups.push(g);
            }
            making.resize_with(groups.len(), Vec::new);
            making[g].push(Step::Observe(&example.node, src, at));
            if split {
                paths(&example.node, "", shown.entry(g).or_default());
            }
            if elided.is_some_and(|(e, _)| e == k) {
                envelope = Some((g, at));
            }
            let event = match (&page_event, &in_body) {
                (Some((event, _)), Some((value, at))) if value != event => {
                    diags
                        .warn(
                            src.loc(*at),
                            format!(
                                "the example says `{value}` on the `{event}` page; read as `{event}`"
                            ),
                        )
                        .with_hint(format!(
                            "the page's example is the evidence for `{event}`; check its other values too"
                        ));
                    event.clone()
                }
                (Some((event, _)), _) => event.clone(),
                (None, Some((value, at))) => {
                    if !events.contains_key(value) {
                        if !ev.listed_events.is_empty() {
                            diags.warn(
                                src.loc(*at),
                                format!("event `{value}` is not in the page's list of events"),
                            );
                        }
                        events.insert(value.clone(), EventInfo::new(src.loc(*at)));
                    }
                    // Its example gives it a payload, unless another already
                    // did; so does it to the other events of its resource,
                    // and to those of its batch's other items.
                    let mut batch = Vec::new();
                    if let Some(d) = &discriminator {
                        carrier::events_in_items(&example.node, d, &mut batch);
                    }
                    let siblings = std::iter::once(value)
                        .chain(resource.iter().filter(|_| body.is_none()))
                        .chain(batch.iter().map(|(e, _)| e));
                    for e in siblings {
                        if grouped.insert(e.clone()) {
                            groups[g].events.push(e.clone());
                        }
                    }
                    value.clone()
                }
                (None, None) => {
                    unplaced.push(example.loc.clone());
                    continue;
                }
            };
            if let Some(e) = events.get_mut(&event) {
                e.examples.push(example.loc.clone());
                e.pages.insert(page_index);
            }
            if example.cut.is_some() || example.node.sketches_types() {
                // Not a payload the vendor sends: nothing to round-trip.
                continue;
            }
            cases.push(ExampleCase {
                vendor: name.to_owned(),
                body_names_event: body.as_ref().is_some_and(|(v, _)| *v == event),
                event,
                body: serde_json::Value::Null,
                example: (page_index, k),
                loc: example.loc.clone(),
            });
        }
        making.resize_with(groups.len(), Vec::new);
        // Each shown path's endings (`.b.c` and `.c` of `.a.b.c`), looked up
        // rather than searched for by every row.
        let endings: BTreeMap<usize, BTreeSet<&str>> = (shown.iter())
            .map(|(g, paths)| {
                let ends = (paths.iter())
                    .flat_map(|p| p.match_indices('.').map(move |(i, _)| &p[i..]))
                    .collect();
                (*g, ends)
            })
            .collect();
        // A field list on a page split into a payload type per event (an
        // invoice here, a payout there) describes the events whose examples
        // show its field (`new_transactions` in one section's example); a
        // field no example shows, the event of the section it stands in,
        // else all. Events with no example take every row.
        for row in ev.rows.iter().chain(&ev.comment_rows) {
            let path = format!(".{}", row.path.join("."));
            let at_root = |g: &usize| shown.get(g).is_some_and(|p| p.contains(&path));
            let within = |g: &usize| (endings.get(g)).is_some_and(|e| e.contains(path.as_str()));
            let in_section =
                |g: &usize| (row.section.as_ref()).is_none_or(|s| groups[*g].events.contains(s));
            let with_examples = |f: &dyn Fn(&usize) -> bool| {
                page_groups.iter().any(|g| shown.contains_key(g) && f(g))
            };
            let showing: &dyn Fn(&usize) -> bool = if with_examples(&at_root) {
                &at_root
            } else if with_examples(&within) {
                &within
            } else {
                &in_section
            };
            // Where the row's own section is one of those events, that one.
            let own = with_examples(&|g| showing(g) && in_section(g));
            let takes = |g: &usize| showing(g) && (!own || in_section(g));
            for &g in &page_groups {
                let no_example = !shown.contains_key(&g);
                if (no_example && (!split || in_section(&g))) || (!no_example && takes(&g)) {
                    making[g].push(Step::Row(row));
                }
            }
        }
        for &g in &page_groups {
            groups[g].pages.insert(page_index);
        }
        if ev.examples.is_empty() {
            if let Some(row) = ev.rows.first() {
                diags
                    .warn(
                        row.loc.clone(),
                        "no example payload on this page; types come from the field list alone",
                    )
                    .with_hint("fields the list does not mark required may be absent or null");
            }
        }
    }

    // Examples of no event: said one by one where other examples have
    // events, and once for the vendor where none has.
    if !events.is_empty() {
        for loc in unplaced {
            diags.warn(
                loc,
                "cannot tell which event this example is for; it is used for types only",
            );
        }
    }
    if events.is_empty() && pages.iter().any(|p| !p.evidence.examples.is_empty()) {
        let loc = pages
            .iter()
            .find_map(|p| p.evidence.examples.first().map(|e| e.loc.clone()))
            .unwrap_or_else(unknown_loc);
        diags
            .warn(
                loc,
                format!("no event found for `{name}`: every body will parse as `Event::Unknown`"),
            )
            .with_hint(carrier::advice(pages, name));
    } else if discriminator.is_none() && !events.is_empty() {
        let loc = pages
            .first()
            .map(|p| p.source.loc(0))
            .unwrap_or_else(|| Loc {
                file: name.into(),
                line: 1,
                col: 1,
            });
        diags
            .warn(loc, "cannot tell which field carries the event type; `Event::from_json` will fail, use `from_json_with_type`")
            .with_hint(carrier::carrier_advice(pages, name));
    }

    making.resize_with(groups.len(), Vec::new);
    let shapes = crate::parallel::map(&making, |steps| {
        let mut shape = Shape::default();
        for step in steps {
            match *step {
                Step::Observe(node, src, at) => shape.observe(node, src, at),
                Step::Within(key, members, src, at) => {
                    shape.child(key).observe_members(members, src, at);
                }
                Step::Row(row) => shape.apply_row(row),
            }
        }
        shape
    });
    for (g, shape) in groups.iter_mut().zip(shapes) {
        g.shape = shape;
    }
    // The pages' digests are made on another core while this one builds
    // the types, which only one can.
    let (digests, mut types) = crate::parallel::beside(
        || -> Vec<u64> { pages.iter().map(|p| page_digest(&p.source)).collect() },
        || {
            for o in &hints.overrides {
                let matched: usize = groups
                    .iter_mut()
                    .map(|g| apply_override(&mut g.shape, &o.path, o))
                    .sum();
                if matched == 0 {
                    diags
                        .warn(o.loc.clone(), format!("override `{}` matches no field", o.path.join(".")))
                        .with_hint("paths start at the payload root: `data.object.status`; `*` is one segment, `**` any");
                }
            }

            let mut builder = Builder::new(diags);
            builder.samples = sample_sources;
            let roots: Vec<(String, &Shape)> = groups
                .iter()
                .map(|g| (g.root_name.clone(), &g.shape))
                .collect();
            let required_paths: Vec<Vec<String>> = discriminator
                .as_ref()
                .map(|d| d.fields.clone())
                .unwrap_or_default();
            builder.build(&roots, &required_paths);
            // The shapes are spent: freed where a core is free.
            let mut spent: Vec<Shape> = std::mem::take(&mut builder.groups)
                .into_values()
                // The queue is spent too: each merged shape is held here alone.
                .filter_map(|(merged, _)| merged.into_owned())
                .chain(std::mem::take(&mut builder.namesakes).into_values())
                .collect();
            let mut types = std::mem::take(&mut builder.types);
            let mut scope = std::mem::take(&mut builder.scope);
            drop(builder);
            spent.extend(groups.iter_mut().map(|g| std::mem::take(&mut g.shape)));
            crate::parallel::drop_aside(spent);
            let root_names: Vec<&str> = groups.iter().map(|g| g.root_name.as_str()).collect();
            mark_envelopes(&mut types, &root_names, &mut scope);
            types
        },
    );
    for g in &groups {
        if let Some(ir::TypeDef::Struct(s)) = types.iter_mut().find(|t| t.name() == g.root_name) {
            s.description = g.description.clone();
            s.source = g.source.clone();
        }
    }
    types.sort_by(|a, b| a.name().cmp(b.name()));

    // A group's pages once, not once per event of the group.
    let group_digests: Vec<String> = groups
        .iter()
        .map(|g| pages_digest(g.pages.iter().map(|&i| digests[i])))
        .collect();
    let mut group_of: BTreeMap<&str, usize> = BTreeMap::new();
    for (g, group) in groups.iter().enumerate() {
        for e in &group.events {
            group_of.entry(e.as_str()).or_insert(g);
        }
    }
    let events = events
        .into_iter()
        .map(|(event, info)| {
            let group = group_of.get(event.as_str()).copied();
            let own = pages_digest(info.pages.iter().map(|&i| digests[i]));
            ir::Event {
                payload: group.map(|g| groups[g].root_name.clone()),
                name: event,
                description: info.description,
                source: info.source,
                examples: info.examples,
                pages: match group {
                    Some(g) => format!("{own}{}", group_digests[g]),
                    None => own,
                },
            }
        })
        .collect();
    Inferred {
        vendor: ir::Vendor {
            name: name.to_owned(),
            discriminator,
            events,
            types,
        },
        examples: cases,
    }
}

pub(super) fn unknown_loc() -> Loc {
    Loc {
        file: "".into(),
        line: 0,
        col: 0,
    }
}

#[cfg(test)]
pub(super) mod testing {
    use super::*;
    use crate::extract;

    pub(crate) fn infer_page(text: &str) -> ir::Vendor {
        let mut diags = Diagnostics::default();
        let source = Source::new("p.txt", text);
        let evidence = extract::page(&source, &mut diags);
        let hints = Hints {
            event_type_fields: Some(vec![vec!["type".to_owned()]]),
            event_type_fields_loc: None,
            event_type_header: None,
            event_type_url: None,
            overrides: vec![],
        };
        vendor("v", &[Page { source, evidence }], &hints, &mut diags).vendor
    }

    pub(crate) fn fields(v: &ir::Vendor, name: &str) -> Vec<String> {
        let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == name) else {
            panic!(
                "no struct {name} in {:?}",
                v.types.iter().map(|t| t.name()).collect::<Vec<_>>()
            );
        };
        s.fields.iter().map(|f| f.name.clone()).collect()
    }

    pub(crate) fn fields_of(t: &ir::TypeDef) -> Vec<String> {
        match t {
            ir::TypeDef::Struct(s) => s.fields.iter().map(|f| f.name.clone()).collect(),
            ir::TypeDef::Enum(_) | ir::TypeDef::Union(_) => vec![],
        }
    }
}
