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

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Diagnostics, Loc, Source};
use crate::extract::{self, DocType, EnumValues as DocValues, FieldRow, Format, PageEvidence};
use crate::ir::{self, Ty};
use crate::lenient::{Kind, Node};
use crate::naming;

mod carrier;
use carrier::{constant_event, discriminator, event_in_body};

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

/// A correction for the fields a JSON path matches, from `hookgen.toml`.
#[derive(Clone, Debug, Default)]
pub struct Override {
    /// From the payload root; arrays are transparent; `*` matches one
    /// segment, `**` any number.
    pub path: Vec<String>,
    pub ty: Option<OverrideType>,
    /// The name of the type at this place (a struct or an enum).
    pub name: Option<String>,
    pub required: Option<bool>,
    pub nullable: Option<bool>,
    /// Free-form keys: a map, not a struct.
    pub map: bool,
    /// No enum, whatever values are listed or seen.
    pub no_enum: bool,
    /// No format, whatever the values look like.
    pub no_format: bool,
    pub loc: Loc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverrideType {
    String,
    Integer,
    Number,
    Boolean,
    Any,
}

/// Marks every place `path` matches; returns how many it matched.
fn apply_override(shape: &mut Shape, path: &[String], o: &Override) -> usize {
    let Some((seg, rest)) = path.split_first() else {
        shape.over = Some(o.clone());
        return 1;
    };
    let node = if shape.is_array() && shape.fields.is_empty() {
        shape.items_mut()
    } else {
        shape
    };
    match seg.trim_end_matches("[]") {
        "**" => {
            let here = apply_override(node, rest, o);
            here + node
                .fields
                .iter_mut()
                .map(|(_, c)| apply_override(c, path, o))
                .sum::<usize>()
        }
        "*" => node
            .fields
            .iter_mut()
            .map(|(_, c)| apply_override(c, rest, o))
            .sum(),
        name => match node.fields.iter_mut().find(|(k, _)| k == name) {
            Some((_, c)) => apply_override(c, rest, o),
            None => 0,
        },
    }
}

/// An example payload and the event it documents, for round-trip tests.
#[derive(Debug, Clone)]
pub struct ExampleCase {
    pub vendor: String,
    pub event: String,
    pub body: serde_json::Value,
    pub loc: Loc,
    /// Whether the event type in the body names this event (seed 000's does not).
    pub body_names_event: bool,
}

pub struct Inferred {
    pub vendor: ir::Vendor,
    pub examples: Vec<ExampleCase>,
}

/// Field names whose objects hold free-form keys.
const MAP_NAMES: &[&str] = &[
    "metadata",
    "meta_data",
    "extra_data",
    "extra",
    "custom_fields",
    "custom_data",
    "labels",
    "headers",
    "params",
    "parameters",
    "previous_attributes",
    "context",
];

/// Field names too generic to name a type on their own: `data` becomes
/// `<Parent>Data` unless the object says what it is.
const GENERIC_NAMES: &[&str] = &[
    "data",
    "object",
    "payload",
    "body",
    "resource",
    "entity",
    "item",
    "attributes",
    "details",
    "result",
    "content",
    "value",
    "record",
];

/// The values a page's field list gives the field that carries the event
/// type: the vendor's events. `The alert name. Default value:
/// subscription_created` gives one.
fn carrier_values(ev: &PageEvidence, d: Option<&ir::Discriminator>) -> Vec<(String, Loc)> {
    let Some(field) = d.filter(|d| d.fields.len() == 1).map(|d| &d.fields[0]) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for row in ev.rows.iter().filter(|r| r.path == *field) {
        let mut values = match &row.values {
            Some(DocValues::Strings(values)) => values.clone(),
            _ => vec![],
        };
        values.extend(extract::default_value(&row.description));
        out.extend(values.into_iter().map(|v| (v, row.loc.clone())));
    }
    out
}

pub fn vendor(name: &str, pages: &[Page], hints: &Hints, diags: &mut Diagnostics) -> Inferred {
    let mut events: BTreeMap<String, EventInfo> = BTreeMap::new();
    for page in pages {
        let ev = &page.evidence;
        for m in ev.listed_events.iter().chain(&ev.mentioned_events) {
            let e = events
                .entry(m.name.clone())
                .or_insert_with(|| EventInfo::new(m.loc.clone()));
            e.description = e.description.take().or(m.description.clone());
        }
    }

    let discriminator = discriminator(pages, hints, &events);
    carrier::check_configured(pages, hints, diags);
    // The values a table lists for the field that carries the event type
    // are the vendor's events.
    for page in pages {
        for (value, loc) in carrier_values(&page.evidence, discriminator.as_ref()) {
            events.entry(value).or_insert_with(|| EventInfo::new(loc));
        }
    }
    // Each example payload counts once as evidence, however often a shape
    // recurs inside it, and so does a payload that pages repeat (one
    // fixture copied onto every event's page).
    let mut sample = 0usize;
    let mut payloads: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
    // The page of each sample: sample `n` is `sample_sources[n - 1]`.
    let mut sample_sources: Vec<&Source> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut cases = Vec::new();
    let mut unplaced: Vec<Loc> = Vec::new();
    for page in pages {
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
        let first_loc = ev
            .examples
            .first()
            .map(|e| e.loc.clone())
            .or_else(|| ev.rows.first().map(|r| r.loc.clone()))
            .unwrap_or_else(|| src.loc(0));
        // The page's shared payload type, with the listed events that have
        // no example of their own.
        let shared_group = |groups: &mut Vec<Group>| {
            let g = group_for(
                groups,
                &root_name,
                first_loc.clone(),
                page_event.as_ref().and(ev.description.clone()),
            );
            for m in members
                .iter()
                .filter(|m| !split || !named.contains(m.as_str()))
            {
                if !groups[g].events.contains(m) {
                    groups[g].events.push(m.clone());
                }
            }
            g
        };
        // Without a split, or when a field list describes the page's events,
        // the shared type exists even if no example lands in it.
        let mut shared = (!split || !ev.rows.is_empty()).then(|| shared_group(&mut groups));
        let mut page_groups: Vec<usize> = shared.into_iter().collect();
        for (((example, in_body), body), resource) in ev
            .examples
            .iter()
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
                    }
                    g
                }
                _ => *shared.get_or_insert_with(|| shared_group(&mut groups)),
            };
            if !page_groups.contains(&g) {
                page_groups.push(g);
            }
            groups[g].shape.observe(&example.node, src, at);
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
                    // did; so does it to the other events of its resource.
                    let siblings =
                        std::iter::once(value).chain(resource.iter().filter(|_| body.is_none()));
                    for e in siblings {
                        if !groups.iter().any(|g| g.events.contains(e)) {
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
            }
            if example.cut.is_some() {
                // Not a payload the vendor sends: nothing to round-trip.
                continue;
            }
            cases.push(ExampleCase {
                vendor: name.to_owned(),
                body_names_event: body.as_ref().is_none_or(|(v, _)| *v == event),
                event,
                body: example.node.to_value(),
                loc: example.loc.clone(),
            });
        }
        for &g in &page_groups {
            for row in ev.rows.iter().chain(&ev.comment_rows) {
                groups[g].shape.apply_row(row);
            }
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
    let root_names: Vec<&str> = groups.iter().map(|g| g.root_name.as_str()).collect();
    mark_envelopes(&mut builder.types, &root_names, &mut builder.scope);
    let mut types = builder.types;
    for g in &groups {
        if let Some(ir::TypeDef::Struct(s)) = types.iter_mut().find(|t| t.name() == g.root_name) {
            s.description = g.description.clone();
            s.source = g.source.clone();
        }
    }
    types.sort_by(|a, b| a.name().cmp(b.name()));

    let events = events
        .into_iter()
        .map(|(event, info)| ir::Event {
            payload: groups
                .iter()
                .find(|g| g.events.contains(&event))
                .map(|g| g.root_name.clone()),
            name: event,
            description: info.description,
            source: info.source,
            examples: info.examples,
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

struct EventInfo {
    description: Option<String>,
    source: Loc,
    examples: Vec<Loc>,
}

impl EventInfo {
    fn new(source: Loc) -> EventInfo {
        EventInfo {
            description: None,
            source,
            examples: vec![],
        }
    }
}

/// Payload types of several events that share every field but one, which
/// holds a different struct in each (`data`): instances of one generic
/// envelope. Only the fields' types, presence and nullability must agree.
fn mark_envelopes(types: &mut [ir::TypeDef], roots: &[&str], scope: &mut naming::Scope) {
    let mut by_fields: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
    for (i, t) in types.iter().enumerate() {
        if let ir::TypeDef::Struct(s) = t {
            if roots.contains(&s.name.as_str()) && !s.fields.is_empty() {
                let mut names: Vec<String> = s.fields.iter().map(|f| f.name.clone()).collect();
                names.sort();
                by_fields.entry(names).or_default().push(i);
            }
        }
    }
    let structs = |types: &[ir::TypeDef], ix: &[usize]| -> Vec<ir::Struct> {
        ix.iter()
            .filter_map(|&i| match &types[i] {
                ir::TypeDef::Struct(s) => Some(s.clone()),
                _ => None,
            })
            .collect()
    };
    for (names, ix) in by_fields {
        if ix.len() < 2 {
            continue;
        }
        let members = structs(types, &ix);
        let field = |s: &ir::Struct, n: &str| s.fields.iter().find(|f| f.name == n).cloned();
        let differing: Vec<&String> = names
            .iter()
            .filter(|n| {
                let first = field(&members[0], n);
                members.iter().any(|m| {
                    let f = field(m, n);
                    f.as_ref()
                        .map(|f| (&f.ty, f.required, f.nullable, f.strict))
                        != first
                            .as_ref()
                            .map(|f| (&f.ty, f.required, f.nullable, f.strict))
                })
            })
            .collect();
        let [param] = differing.as_slice() else {
            continue;
        };
        // The varying field holds a struct in every member, in the same way.
        let fits = members.iter().all(|m| {
            field(m, param).is_some_and(|f| {
                matches!(f.ty, Ty::Named { .. })
                    && field(&members[0], param).is_some_and(|g| {
                        (g.required, g.nullable, g.strict) == (f.required, f.nullable, f.strict)
                    })
            })
        });
        if !fits {
            continue;
        }
        let generic = scope.claim("Envelope");
        for &i in &ix {
            if let ir::TypeDef::Struct(s) = &mut types[i] {
                s.envelope = Some(ir::EnvelopeOf {
                    generic: generic.clone(),
                    field: (*param).clone(),
                });
            }
        }
    }
}

/// The kinds of JSON value a named type reads, in the order of [`takes`]:
/// string, integer, float, boolean, object, array.
fn reads(t: &ir::TypeDef) -> [bool; 6] {
    match t {
        ir::TypeDef::Struct(_) => [false, false, false, false, true, false],
        ir::TypeDef::Enum(ir::Enum {
            values: ir::EnumValues::Strings(_),
            ..
        }) => [true, false, false, false, false, false],
        ir::TypeDef::Enum(_) => [false, true, false, false, false, false],
        ir::TypeDef::Union(u) => {
            let mut r = [false; 6];
            for v in &u.variants {
                match v {
                    Ty::String { .. } => r[0] = true,
                    Ty::Integer { .. } => r[1] = true,
                    Ty::Number => (r[1], r[2]) = (true, true),
                    Ty::Boolean => r[3] = true,
                    Ty::Map { .. } | Ty::Named { .. } => r[4] = true,
                    Ty::Array { .. } => r[5] = true,
                    Ty::Any | Ty::Nullable { .. } => r = [true; 6],
                }
            }
            r
        }
    }
}

/// Whether a field of type `ty` reads every kind of value `seen` shows
/// (null aside: presence and nullability are settled apart). `kinds`: what
/// each named type reads.
fn takes(ty: &Ty, seen: &Shape, kinds: &BTreeMap<String, [bool; 6]>) -> bool {
    let only = |allowed: [bool; 6]| {
        let counts = [
            seen.strings,
            seen.ints,
            seen.floats,
            seen.bools,
            seen.objects,
            seen.arrays,
        ];
        counts.iter().zip(allowed).all(|(n, ok)| *n == 0 || ok)
    };
    match ty {
        Ty::Any | Ty::Map { .. } => true,
        Ty::Nullable { inner } => takes(inner, seen, kinds),
        Ty::String { .. } => only([true, false, false, false, false, false]),
        Ty::Integer { .. } => only([false, true, false, false, false, false]),
        Ty::Number => only([false, true, true, false, false, false]),
        Ty::Boolean => only([false, false, false, true, false, false]),
        Ty::Array { items } => {
            only([false, false, false, false, false, true])
                && seen.items.as_deref().is_none_or(|i| takes(items, i, kinds))
        }
        Ty::Named { name } => kinds.get(name).is_none_or(|r| only(*r)),
    }
}

/// Every path in a payload, arrays transparent: `data.object.lines.amount`.
fn paths(node: &Node, prefix: &str, out: &mut BTreeSet<String>) {
    match &node.kind {
        Kind::Object(entries) => {
            for e in entries {
                let path = format!("{prefix}.{}", e.key);
                paths(&e.value, &path, out);
                out.insert(path);
            }
        }
        Kind::Array(items) => items.iter().for_each(|i| paths(i, prefix, out)),
        _ => {}
    }
}

/// The group whose root type is `root_name`, made on first use.
fn group_for(
    groups: &mut Vec<Group>,
    root_name: &str,
    source: Loc,
    description: Option<String>,
) -> usize {
    if let Some(g) = groups.iter().position(|g| g.root_name == root_name) {
        return g;
    }
    groups.push(Group {
        root_name: root_name.to_owned(),
        shape: Shape::default(),
        events: vec![],
        source,
        description,
    });
    groups.len() - 1
}

struct Group {
    root_name: String,
    shape: Shape,
    events: Vec<String>,
    source: Loc,
    description: Option<String>,
}

/// The page's events about the one resource an example wraps: `{"address":
/// {…}}` is `address/created`'s and `address/updated`'s (a plural or
/// singular key too). Empty unless the example is one object-valued key.
fn resource_events(node: &Node, ev: &PageEvidence) -> Vec<String> {
    let Some([only]) = node.as_object() else {
        return Vec::new();
    };
    if only.value.as_object().is_none() {
        return Vec::new();
    }
    let key = only.key.to_ascii_lowercase();
    let same = |seg: &str| {
        let seg = seg.to_ascii_lowercase();
        seg == key || format!("{seg}s") == key || format!("{key}s") == seg
    };
    let mut out: Vec<String> = Vec::new();
    for m in ev.listed_events.iter().chain(&ev.mentioned_events) {
        let first = m.name.split(['.', '/', ':']).next().unwrap_or("");
        if m.name.contains(['.', '/', ':']) && same(first) && !out.contains(&m.name) {
            out.push(m.name.clone());
        }
    }
    out
}

/// `Subscriber Event Object` → `SubscriberEvent`; else the events' common
/// prefix (`subscriber.create`, `subscriber.cancel` → `SubscriberEvent`).
fn shared_root_name(vendor: &str, ev: &PageEvidence, members: &[String]) -> String {
    if let Some(h) = &ev.object_heading {
        return naming::pascal(h);
    }
    let first = members.first().map(String::as_str).unwrap_or("");
    let stem = first.split(['.', '/', ':']).next().unwrap_or("");
    if !stem.is_empty()
        && members
            .iter()
            .all(|m| m.split(['.', '/', ':']).next() == Some(stem))
    {
        return naming::pascal(&format!("{stem}_event"));
    }
    naming::pascal(&format!("{vendor}_event"))
}

// ---------------------------------------------------------------------------
// Shapes: everything seen at one place of a payload.

#[derive(Clone, Debug, Default)]
struct Shape {
    /// Times a value was present here (null included).
    present: usize,
    nulls: usize,
    bools: usize,
    ints: usize,
    floats: usize,
    strings: usize,
    objects: usize,
    arrays: usize,
    /// String values that are real values, not placeholders.
    str_values: Vec<String>,
    int_values: Vec<i64>,
    /// Object members in the order first seen.
    fields: Vec<(String, Shape)>,
    items: Option<Box<Shape>>,
    /// The table row describing this place, if any.
    doc: Option<FieldRow>,
    loc: Option<Loc>,
    /// The example payloads this place was seen in.
    samples: BTreeSet<usize>,
    /// A correction from the vendor config.
    over: Option<Override>,
    /// Where the first null, and each distinct string value (up to
    /// `MAX_VALUE_LOCS`), was seen: for diagnostics that point at them.
    null_loc: Option<Loc>,
    value_at: Vec<ValueAt>,
    /// Where each member is in `fields`, once there are many: a one-line
    /// object of 100k keys stays linear.
    index: Option<std::collections::HashMap<String, usize>>,
    /// Hashes of the keys past `MAX_STRUCT_FIELDS + 1` members, which are
    /// counted, not kept: such an object is a map, or a root whose first
    /// fields alone are typed.
    overflow: BTreeSet<u64>,
}

/// Members a shape finds by scanning before it keeps an index.
const INDEXED_FIELDS: usize = 32;

/// An example payload being observed: its number (the page it is on is
/// `samples[at - 1]`) and the number of its content, the same for copies.
#[derive(Clone, Copy, Debug)]
struct Sample {
    at: usize,
    payload: usize,
}

/// Where a distinct string value was first seen, kept small: the value is
/// read back from the page only when a diagnostic needs it.
#[derive(Clone, Copy, Debug)]
struct ValueAt {
    hash: u64,
    sample: usize,
    offset: usize,
}

/// Distinct string values whose place is kept per place of a payload: enough
/// to point at a few values a list lacks, few enough to stay cheap.
const MAX_VALUE_LOCS: usize = 16;

impl Shape {
    fn child(&mut self, key: &str) -> &mut Shape {
        let found = if self.fields.len() < INDEXED_FIELDS {
            self.fields.iter().position(|(k, _)| k == key)
        } else {
            self.index().get(key).copied()
        };
        let i = match found {
            Some(i) => i,
            None => {
                self.fields.push((key.to_owned(), Shape::default()));
                let i = self.fields.len() - 1;
                if let Some(index) = &mut self.index {
                    index.insert(key.to_owned(), i);
                }
                i
            }
        };
        &mut self.fields[i].1
    }

    /// Whether a member of that name is kept.
    fn has(&mut self, key: &str) -> bool {
        if self.fields.len() < INDEXED_FIELDS {
            return self.fields.iter().any(|(k, _)| k == key);
        }
        self.index().contains_key(key)
    }

    /// The index of the members, brought up to date.
    fn index(&mut self) -> &mut std::collections::HashMap<String, usize> {
        let fields = &self.fields;
        let index = self.index.get_or_insert_with(Default::default);
        if index.len() != fields.len() {
            *index = (fields.iter().enumerate())
                .map(|(i, (k, _))| (k.clone(), i))
                .collect();
        }
        index
    }

    /// Distinct member names seen, those counted past the kept ones too.
    fn key_count(&self) -> usize {
        self.fields.len() + self.overflow.len()
    }

    fn items_mut(&mut self) -> &mut Shape {
        self.items.get_or_insert_with(Default::default)
    }

    fn observe(&mut self, node: &Node, src: &Source, sample: Sample) {
        self.present += 1;
        self.samples.insert(sample.payload);
        if self.loc.is_none() {
            self.loc = Some(src.loc(node.start));
        }
        match &node.kind {
            Kind::Null => {
                self.nulls += 1;
                if self.null_loc.is_none() {
                    self.null_loc = Some(src.loc(node.start));
                }
            }
            Kind::Bool(_) => self.bools += 1,
            Kind::Number(raw) => match raw.parse::<i64>() {
                Ok(i) => {
                    self.ints += 1;
                    self.int_values.push(i);
                }
                Err(_) if raw.contains(['.', 'e', 'E']) => self.floats += 1,
                Err(_) => self.ints += 1,
            },
            Kind::String(s) => {
                self.strings += 1;
                if !extract::is_placeholder(s) {
                    self.str_values.push(s.clone());
                    if self.value_at.len() < MAX_VALUE_LOCS {
                        let hash = extract::stable_hash(s);
                        if !self.value_at.iter().any(|v| v.hash == hash) {
                            self.value_at.push(ValueAt {
                                hash,
                                sample: sample.at,
                                offset: node.start,
                            });
                        }
                    }
                }
            }
            Kind::Placeholder(_) => {}
            Kind::Object(entries) => {
                self.objects += 1;
                let mut seen = BTreeSet::new();
                for e in entries {
                    if self.fields.len() > MAX_STRUCT_FIELDS && !self.has(&e.key) {
                        self.overflow.insert(extract::stable_hash(&e.key));
                        continue;
                    }
                    let child = self.child(&e.key);
                    child.observe(&e.value, src, sample);
                    if !seen.insert(e.key.as_str()) {
                        // A duplicated key is more evidence, not another presence.
                        child.present -= 1;
                    }
                }
            }
            Kind::Array(items) => {
                self.arrays += 1;
                for item in items {
                    self.items_mut().observe(item, src, sample);
                }
            }
        }
    }

    fn is_array(&self) -> bool {
        matches!(
            self.doc.as_ref().and_then(|d| d.ty.as_ref()),
            Some(DocType::Array(_))
        ) || (self.arrays > 0 && self.objects == 0)
    }

    fn apply_row(&mut self, row: &FieldRow) {
        let mut node = self;
        for seg in &row.path {
            if node.is_array() {
                node = node.items_mut();
            }
            node = node.child(seg);
        }
        if node.doc.is_none() {
            node.doc = Some(row.clone());
        }
        if node.loc.is_none() {
            node.loc = Some(row.loc.clone());
        }
    }

    fn merge(&mut self, other: &Shape) {
        self.present += other.present;
        self.samples.extend(other.samples.iter().copied());
        self.nulls += other.nulls;
        self.bools += other.bools;
        self.ints += other.ints;
        self.floats += other.floats;
        self.strings += other.strings;
        self.objects += other.objects;
        self.arrays += other.arrays;
        self.str_values.extend(other.str_values.iter().cloned());
        self.int_values.extend(other.int_values.iter().copied());
        for (k, s) in &other.fields {
            self.child(k).merge(s);
        }
        if let Some(items) = &other.items {
            self.items_mut().merge(items);
        }
        if self.doc.is_none() {
            self.doc.clone_from(&other.doc);
        }
        if self.loc.is_none() {
            self.loc.clone_from(&other.loc);
        }
        if self.over.is_none() {
            self.over.clone_from(&other.over);
        }
        if self.null_loc.is_none() {
            self.null_loc.clone_from(&other.null_loc);
        }
        for v in &other.value_at {
            if self.value_at.len() >= MAX_VALUE_LOCS {
                break;
            }
            if !self.value_at.iter().any(|w| w.hash == v.hash) {
                self.value_at.push(*v);
            }
        }
    }

    /// What `other` shows, without its members: kinds, counts, a few
    /// values, and its items' likewise.
    fn merge_values(&mut self, other: &Shape) {
        const KEEP: usize = 64;
        self.present += other.present;
        self.nulls += other.nulls;
        self.bools += other.bools;
        self.ints += other.ints;
        self.floats += other.floats;
        self.strings += other.strings;
        self.objects += other.objects;
        self.arrays += other.arrays;
        let room = KEEP.saturating_sub(self.str_values.len());
        self.str_values
            .extend(other.str_values.iter().take(room).cloned());
        let room = KEEP.saturating_sub(self.int_values.len());
        self.int_values
            .extend(other.int_values.iter().take(room).copied());
        self.samples.extend(other.samples.iter().copied());
        if let Some(items) = &other.items {
            self.items_mut().merge_values(items);
        }
    }

    fn doc_type(&self) -> Option<&DocType> {
        self.doc.as_ref().and_then(|d| d.ty.as_ref())
    }

    /// An object with named members (a struct), as opposed to a map or a scalar.
    fn is_struct(&self, key: &str) -> bool {
        if self.over.as_ref().is_some_and(|o| o.map || o.ty.is_some()) {
            return false;
        }
        // A place the table gives members (`data.payment_id`) but no row
        // of its own is an object too.
        let parent_of_rows = self.doc_type().is_none() && self.present == 0 && self.nulls == 0;
        let object =
            self.objects > 0 || matches!(self.doc_type(), Some(DocType::Object)) || parent_of_rows;
        let only_objects = self.bools + self.ints + self.floats + self.strings + self.arrays == 0;
        object
            && only_objects
            && !self.fields.is_empty()
            && self.fields.len() <= MAX_STRUCT_FIELDS
            && !is_map_name(key)
            && !keys_are_ids(self)
    }

    fn is_map(&self, key: &str) -> bool {
        let object = self.objects > 0 || matches!(self.doc_type(), Some(DocType::Object));
        let only_objects = self.bools + self.ints + self.floats + self.strings + self.arrays == 0;
        object && only_objects && !self.is_struct(key)
    }

    /// The member set, which identifies a repeated shape across a vendor.
    fn signature(&self) -> String {
        let mut keys: Vec<&str> = self.fields.iter().map(|(k, _)| k.as_str()).collect();
        keys.sort_unstable();
        keys.join(",")
    }

    /// `"object": "address"` names the type it sits in.
    fn hint(&self, key: &str) -> Option<String> {
        let field = |name: &str| {
            let (_, s) = self.fields.iter().find(|(k, _)| k == name)?;
            let first = s.str_values.first()?;
            let telling = !matches!(first.as_str(), "list" | "object" | "event" | "data");
            (telling && s.str_values.iter().all(|v| v == first) && naming::snake(first) == *first)
                .then(|| first.clone())
        };
        field("object").or_else(|| {
            if GENERIC_NAMES.contains(&key) {
                field("type")
            } else {
                None
            }
        })
    }
}

/// Records, per field name, the values every place of that name shows
/// (see `Builder::namesake`).
fn record_namesakes(shape: &Shape, out: &mut BTreeMap<String, Shape>) {
    for (key, child) in &shape.fields {
        out.entry(key.clone()).or_default().merge_values(child);
        record_namesakes(child, out);
        let mut items = child.items.as_deref();
        while let Some(i) = items {
            record_namesakes(i, out);
            items = i.items.as_deref();
        }
    }
}

fn is_map_name(key: &str) -> bool {
    MAP_NAMES.contains(&key.to_ascii_lowercase().as_str())
}

/// Objects keyed by ids (`{"123": …, "456": …}`) are maps, not structs.
fn keys_are_ids(shape: &Shape) -> bool {
    shape.fields.len() >= 2
        && shape
            .fields
            .iter()
            .all(|(k, _)| k.chars().all(|c| c.is_ascii_digit() || c == '-'))
}

// ---------------------------------------------------------------------------
// Shapes → types.

/// One place an object shape occurs.
struct Occurrence {
    depth: usize,
    order: usize,
    /// The field name it sits under (singular for array items).
    key: String,
    parent: Option<String>,
    /// The place itself, to know later whether a shape is one of these.
    place: *const Shape,
}

struct Builder<'d> {
    diags: &'d mut Diagnostics,
    /// The page of each example payload, by sample number.
    samples: Vec<&'d Source>,
    scope: naming::Scope,
    /// Merged shape per signature, and where each occurs.
    groups: BTreeMap<String, (Shape, Vec<Occurrence>)>,
    /// Type name per signature (or per root name for roots).
    names: BTreeMap<String, String>,
    types: Vec<ir::TypeDef>,
    order: usize,
    /// Documented string values of the struct being built, by field, so an
    /// integer enum can take its labels from a `<name>_display` sibling.
    sibling_labels: Vec<(String, Vec<String>)>,
    /// Structs reached from a payload, still to be built.
    queue: Vec<(String, Shape)>,
    /// Signatures already queued.
    emitted: BTreeSet<String>,
    /// Places a named struct serves that are not among the occurrences its
    /// evidence came from (children of merged parents), to settle at the end.
    also_at: Vec<(String, Shape)>,
    /// What the places of each field name show across the vendor, values
    /// only (no members): a place seen only as `null` or `[]` is typed from
    /// its namesakes.
    namesakes: BTreeMap<String, Shape>,
    /// Typing a place from its namesakes, which is not done twice over.
    in_namesake: bool,
}

impl<'d> Builder<'d> {
    fn new(diags: &'d mut Diagnostics) -> Builder<'d> {
        Builder {
            diags,
            samples: Vec::new(),
            scope: naming::Scope::with_reserved(&[
                "Event",
                "UnknownEvent",
                "String",
                "Option",
                "Vec",
                "Box",
                "Result",
                "Error",
                "Maybe",
                "Value",
                "Map",
            ]),
            groups: BTreeMap::new(),
            names: BTreeMap::new(),
            types: vec![],
            order: 0,
            sibling_labels: vec![],
            queue: vec![],
            emitted: BTreeSet::new(),
            also_at: vec![],
            namesakes: BTreeMap::new(),
            in_namesake: false,
        }
    }

    fn build(&mut self, roots: &[(String, &Shape)], required: &[Vec<String>]) {
        for (_, shape) in roots {
            record_namesakes(shape, &mut self.namesakes);
        }
        for (name, shape) in roots {
            let claimed = self.scope.claim(name);
            self.names.insert(root_key(name), claimed);
            self.collect(shape, 1, &root_key(name));
        }
        self.name_groups();
        for (name, shape) in roots {
            let type_name = self.names[&root_key(name)].clone();
            self.emit_struct(&type_name, shape, required);
        }
        // Then every struct a payload reaches, and only those: merging
        // occurrences can give a child a member set no single occurrence had,
        // and the occurrences' own sets then name nothing.
        while let Some((type_name, shape)) = self.queue.pop() {
            self.emit_struct(&type_name, &shape, &[]);
        }
        self.settle_shared();
    }

    /// The type name for a struct shape, naming it now if no occurrence had
    /// exactly this member set.
    fn struct_name(&mut self, shape: &Shape, key: &str, parent: &str) -> String {
        let sig = shape.signature();
        if let Some(name) = self.names.get(&sig).cloned() {
            if self.emitted.insert(sig.clone()) {
                let merged = self
                    .groups
                    .get(&sig)
                    .map_or_else(|| shape.clone(), |g| g.0.clone());
                self.queue.push((name.clone(), merged));
            }
            // The type serves this place too. When it is not one of the
            // occurrences the type was built from (a child of a merged
            // parent), what it shows is settled once every struct is built.
            let known = self
                .groups
                .get(&sig)
                .is_some_and(|(_, occ)| occ.iter().any(|o| std::ptr::eq(o.place, shape)));
            if !known {
                self.also_at.push((name.clone(), shape.clone()));
            }
            return name;
        }
        let given = shape.over.as_ref().and_then(|o| o.name.clone());
        let base = given
            .clone()
            .or_else(|| shape.hint(key))
            .unwrap_or_else(|| key.to_owned());
        let mut name = naming::pascal(&base);
        if given.is_none() && (GENERIC_NAMES.contains(&base.as_str()) || self.scope.is_taken(&name))
        {
            name = format!("{parent}{name}");
        }
        let name = self.scope.claim(&name);
        self.names.insert(sig.clone(), name.clone());
        self.emitted.insert(sig);
        self.queue.push((name.clone(), shape.clone()));
        name
    }

    /// Every place a shared struct serves counts: a field some place lacks is
    /// not required, one some place shows null is nullable, one some place
    /// shows in a kind its type does not take becomes any JSON value (with a
    /// warning), and nested structs are settled the same way. Promises stand.
    fn settle_shared(&mut self) {
        let also_at = std::mem::take(&mut self.also_at);
        if also_at.is_empty() {
            return;
        }
        // What each named type reads; settling widens fields, not types.
        let kinds: BTreeMap<String, [bool; 6]> = self
            .types
            .iter()
            .map(|t| (t.name().to_owned(), reads(t)))
            .collect();
        let structs: BTreeSet<String> = self
            .types
            .iter()
            .filter(|t| matches!(t, ir::TypeDef::Struct(_)))
            .map(|t| t.name().to_owned())
            .collect();
        for (name, shape) in also_at {
            // Against self-referential types, within one place.
            let mut seen = BTreeSet::new();
            self.settle(&name, &shape, &mut seen, &kinds, &structs);
        }
    }

    fn settle(
        &mut self,
        name: &str,
        shape: &Shape,
        seen: &mut BTreeSet<(String, usize)>,
        kinds: &BTreeMap<String, [bool; 6]>,
        structs: &BTreeSet<String>,
    ) {
        if !seen.insert((name.to_owned(), std::ptr::from_ref(shape) as usize)) {
            return;
        }
        let Some(ir::TypeDef::Struct(s)) = self.types.iter_mut().find(|t| t.name() == name) else {
            return;
        };
        let mut nested = Vec::new();
        for f in s.fields.iter_mut() {
            let child = shape
                .fields
                .iter()
                .find(|(k, _)| *k == f.name)
                .map(|(_, c)| c);
            if !f.strict {
                // A place that shows no object here (only `null`) shows
                // nothing of its fields' presence.
                if f.required
                    && shape.objects > 0
                    && child.is_none_or(|c| c.present < shape.objects)
                {
                    f.required = false;
                    for w in f.why.iter_mut().filter(|w| w.starts_with("presence:")) {
                        *w = "presence: absent where this type also serves (may be absent)"
                            .to_owned();
                    }
                }
                if !f.nullable && child.is_some_and(|c| c.nulls > 0) {
                    f.nullable = true;
                    for w in f.why.iter_mut().filter(|w| w.starts_with("nullability:")) {
                        *w = "nullability: seen null where this type also serves (nullable)"
                            .to_owned();
                    }
                }
            }
            let Some(c) = child else { continue };
            if !takes(&f.ty, c, kinds) {
                if let Some(loc) = &c.loc {
                    self.diags.warn(
                        loc.clone(),
                        format!("`{}` here does not fit the type `{name}` has for it elsewhere; typed as any JSON value", f.name),
                    );
                }
                f.ty = Ty::Any;
                f.why.push(
                    "type: widened to any JSON value: another place of this type holds other kinds"
                        .to_owned(),
                );
                continue;
            }
            let (inner, items) = match (&f.ty, c.items.is_some()) {
                (Ty::Array { items }, true) => (items.as_ref(), true),
                (t, _) => (t, false),
            };
            if let Ty::Named { name: n } = inner {
                if structs.contains(n) {
                    nested.push((n.clone(), f.name.clone(), items));
                }
            }
        }
        for (n, key, items) in nested {
            let Some((_, c)) = shape.fields.iter().find(|(k, _)| *k == key) else {
                continue;
            };
            let c = if items {
                c.items.as_deref().unwrap_or(c)
            } else {
                c
            };
            self.settle(&n, c, seen, kinds, structs);
        }
    }

    /// Records every struct-shaped place below `shape`, grouped by signature.
    fn collect(&mut self, shape: &Shape, depth: usize, parent: &str) {
        for (key, child) in &shape.fields {
            self.collect_place(child, key, depth, parent);
        }
    }

    fn collect_place(&mut self, shape: &Shape, key: &str, depth: usize, parent: &str) {
        if shape.is_struct(key) {
            let sig = shape.signature();
            self.order += 1;
            let occ = Occurrence {
                depth,
                order: self.order,
                key: key.to_owned(),
                parent: Some(parent.to_owned()),
                place: std::ptr::from_ref(shape),
            };
            let entry = self
                .groups
                .entry(sig.clone())
                .or_insert_with(|| (Shape::default(), vec![]));
            entry.0.merge(shape);
            entry.1.push(occ);
            self.collect(shape, depth + 1, &sig);
        }
        if let Some(items) = &shape.items {
            self.collect_place(items, &naming::singular(key), depth + 1, parent);
        }
    }

    /// Names every group: a stated name (`"object": "address"`) first, then
    /// by depth the field names it sits under, qualified by the parent's type
    /// name where a generic word (`data`) or a clash needs it.
    fn name_groups(&mut self) {
        let mut pending: Vec<(usize, usize, String)> = self
            .groups
            .iter()
            .map(|(sig, (_, occ))| {
                let depth = occ.iter().map(|o| o.depth).min().unwrap_or(0);
                let order = occ.iter().map(|o| o.order).min().unwrap_or(0);
                (depth, order, sig.clone())
            })
            .collect();
        pending.sort();
        // Names given in the config claim first, then names the payloads
        // state (`"object": "address"`), wherever they sit.
        for (_, _, sig) in &pending {
            let given = self.groups[sig]
                .0
                .over
                .as_ref()
                .and_then(|o| o.name.clone());
            if let Some(name) = given {
                let name = self.scope.claim(&naming::pascal(&name));
                self.names.insert(sig.clone(), name);
            }
        }
        for (_, _, sig) in &pending {
            if self.names.contains_key(sig) {
                continue;
            }
            let (shape, occ) = &self.groups[sig];
            let hint = occ.iter().find_map(|o| shape.hint(&o.key));
            if let Some(h) = hint {
                let name = naming::pascal(&h);
                if !self.scope.is_taken(&name) {
                    let name = self.scope.claim(&name);
                    self.names.insert(sig.clone(), name);
                }
            }
        }
        for (_, _, sig) in &pending {
            if self.names.contains_key(sig) {
                continue;
            }
            let (shape, occ) = &self.groups[sig];
            let first = &occ[0];
            let parent_name = first
                .parent
                .as_ref()
                .and_then(|p| self.names.get(p))
                .cloned()
                .unwrap_or_default();
            let keys: Vec<&str> = occ.iter().map(|o| o.key.as_str()).collect();
            let base = shape.hint(&first.key).unwrap_or_else(|| common_name(&keys));
            let mut name = naming::pascal(&base);
            if GENERIC_NAMES.contains(&base.as_str()) || self.scope.is_taken(&name) {
                name = format!("{parent_name}{name}");
            }
            let name = self.scope.claim(&name);
            self.names.insert(sig.clone(), name);
        }
    }

    fn emit_struct(&mut self, type_name: &str, shape: &Shape, required: &[Vec<String>]) {
        let mut fields = Vec::new();
        self.sibling_labels = shape
            .fields
            .iter()
            .filter_map(|(k, c)| match c.doc.as_ref()?.values.as_ref()? {
                DocValues::Strings(v) => Some((k.clone(), v.clone())),
                _ => None,
            })
            .collect();
        // A struct that rustc can still compile: a payload root too wide
        // (nested objects this wide are maps) keeps its first fields typed,
        // and the rest in `extra`, where they round-trip all the same.
        if shape.fields.len() > MAX_STRUCT_FIELDS {
            if let Some(loc) = &shape.loc {
                self.diags.warn(
                    loc.clone(),
                    format!(
                        "the payload has {} distinct keys (over {MAX_STRUCT_FIELDS}): the first {MAX_STRUCT_FIELDS} are typed fields, the others stay in `extra`",
                        shape.key_count()
                    ),
                );
            }
        }
        for (key, child) in shape.fields.iter().take(MAX_STRUCT_FIELDS) {
            let ty = self.ty(child, key, type_name);
            let doc = child.doc.as_ref();
            // Present in every occurrence across enough payloads: required,
            // unless the page says optional.
            let always = shape.samples.len() >= MIN_SAMPLES && child.present == shape.objects;
            let over = child.over.as_ref();
            let is_required = over.and_then(|o| o.required).unwrap_or(
                doc.and_then(|d| d.required) == Some(true)
                    || required.iter().any(|p| p.len() == 1 && p[0] == *key)
                    || (always && doc.and_then(|d| d.required) != Some(false)),
            );
            let description = doc
                .map(|d| d.description.trim().to_owned())
                .filter(|d| !d.is_empty());
            let example = child
                .str_values
                .first()
                .map(|v| serde_json::Value::String(v.clone()))
                .or_else(|| child.int_values.first().map(|i| (*i).into()))
                .or_else(|| {
                    doc.and_then(|d| d.example.clone())
                        .filter(|e| !e.is_object() && !e.is_array())
                })
                .map(|v| v.to_string());
            let nullable = over
                .and_then(|o| o.nullable)
                .unwrap_or(child.nulls > 0 || doc.and_then(|d| d.nullable) == Some(true));
            let carries_event = required.iter().any(|p| p.len() == 1 && p[0] == *key);
            self.check_against_table(shape, child, key);
            // Only a promise makes the Rust type strict; samples do not.
            let strict = carries_event
                || over
                    .and_then(|o| o.required)
                    .or(doc.and_then(|d| d.required))
                    == Some(true);
            let mut why = reasons(shape, child, carries_event, always, is_required, nullable);
            if self.namesake(child, key).is_some() {
                why.push(format!("type: only null or [] here: typed from the `{key}` fields elsewhere in the vendor"));
            }
            fields.push(ir::Field {
                name: key.clone(),
                example,
                why,
                ty,
                required: is_required,
                nullable,
                strict,
                description,
                // The table row documents the field; else where it was first seen.
                source: doc
                    .map(|d| d.loc.clone())
                    .or_else(|| child.loc.clone())
                    .unwrap_or_else(|| shape.loc.clone().unwrap_or_else(unknown_loc)),
            });
        }
        let description = shape
            .doc
            .as_ref()
            .map(|d| d.description.trim().to_owned())
            .filter(|d| !d.is_empty());
        self.types.push(ir::TypeDef::Struct(ir::Struct {
            name: type_name.to_owned(),
            description,
            fields,
            source: shape.loc.clone().unwrap_or_else(unknown_loc),
            envelope: None,
        }));
    }

    /// For a place that shows nothing but `null` or `[]` and has no table
    /// row: the values its namesakes elsewhere in the vendor show, where
    /// they show one kind of value (`closed_at`: null here, a date-time
    /// there; `labels`: `[]` here, strings there).
    fn namesake(&self, shape: &Shape, key: &str) -> Option<&Shape> {
        let values = shape.bools + shape.ints + shape.floats + shape.strings + shape.objects;
        let empty = shape.arrays > 0 && shape.items.is_none();
        let only_null = shape.present > 0 && shape.nulls == shape.present;
        if self.in_namesake || shape.doc_type().is_some() || values > 0 || !(only_null || empty) {
            return None;
        }
        let other = self.namesakes.get(key)?;
        let kinds = [
            other.bools,
            other.ints + other.floats,
            other.strings,
            other.objects,
            other.arrays,
        ];
        let one_kind = kinds.iter().filter(|n| **n > 0).count() == 1;
        let shows_more = if empty {
            other.objects == 0 && other.items.as_ref().is_some_and(|i| i.present > i.nulls)
        } else {
            other.present > other.nulls
        };
        (one_kind && shows_more).then_some(other)
    }

    /// The type of a place seen only as `null` or `[]`, from its namesakes
    /// (apart from `ty`, whose frame stays small for deep nesting).
    #[inline(never)]
    fn namesake_type(&mut self, shape: &Shape, key: &str, parent: &str) -> Ty {
        let namesake = self.namesake(shape, key).expect("checked by the caller");
        // The kind of value, not an enum or a struct of another place.
        let mut namesake = namesake.clone();
        let mut at = Some(&mut namesake);
        while let Some(s) = at {
            s.over = Some(Override {
                no_enum: true,
                ..Override::default()
            });
            at = s.items.as_deref_mut();
        }
        self.in_namesake = true;
        let ty = self.ty(&namesake, key, parent);
        self.in_namesake = false;
        match ty {
            Ty::Named { .. } if namesake.strings > 0 => Ty::String {
                format: string_format(&namesake.str_values),
            },
            Ty::Named { .. } => Ty::Map {
                values: Box::new(Ty::Any),
            },
            t => t,
        }
    }

    fn ty(&mut self, shape: &Shape, key: &str, parent: &str) -> Ty {
        let over = shape.over.clone().unwrap_or_default();
        if over.map {
            return Ty::Map {
                values: Box::new(Ty::Any),
            };
        }
        if let Some(t) = over.ty {
            return match t {
                OverrideType::String => Ty::String { format: None },
                OverrideType::Integer => Ty::Integer {
                    format: None,
                    range: None,
                },
                OverrideType::Number => Ty::Number,
                OverrideType::Boolean => Ty::Boolean,
                OverrideType::Any => Ty::Any,
            };
        }
        if shape.is_struct(key) {
            return Ty::Named {
                name: self.struct_name(shape, key, parent),
            };
        }
        if shape.is_map(key) {
            if shape.fields.len() > MAX_STRUCT_FIELDS {
                if let Some(loc) = &shape.loc {
                    self.diags.warn(
                        loc.clone(),
                        format!("`{key}` has {} distinct keys (over {MAX_STRUCT_FIELDS}): read as a map, not a struct", shape.key_count()),
                    );
                }
            }
            return Ty::Map {
                values: Box::new(Ty::Any),
            };
        }
        if is_map_name(key)
            && shape.arrays > 0
            && (shape.objects > 0 || shape.items.as_ref().is_none_or(|i| i.objects == 0))
            && !matches!(shape.doc_type(), Some(DocType::Array(_)))
        {
            // `metadata: []` here, `metadata: {...}` elsewhere: PHP-style
            // encoders send `[]` for an empty map, and `["a", "b"]` for a
            // map with integer keys, so accept either. A list of objects
            // (`labels: [{...}]`) is a list.
            return Ty::Any;
        }
        if self.namesake(shape, key).is_some() {
            return self.namesake_type(shape, key, parent);
        }
        if shape.doc_type().is_none() && shape.arrays > 0 && shape.items.is_none() {
            // Only `[]`, here and wherever the name stands: no proof of an
            // array (Mailgun's `user-variables` is an object when it has
            // values).
            return Ty::Any;
        }
        let scalars = shape.strings + shape.ints + shape.floats + shape.bools;
        if shape.arrays > 0 && scalars + shape.objects > 0 {
            // An array here, something else there: one variant for each.
            return self.union_type(shape, key, parent);
        }
        if shape.is_array() {
            let items = match &shape.items {
                Some(items) => match self.ty(items, &naming::singular(key), parent) {
                    // `[true, null]`: the items may be null.
                    t if items.nulls > 0 && !matches!(t, Ty::Any | Ty::Map { .. }) => {
                        Ty::Nullable { inner: Box::new(t) }
                    }
                    t => t,
                },
                None => match shape.doc_type() {
                    Some(DocType::Array(Some(t))) => doc_scalar(t),
                    _ => Ty::Any,
                },
            };
            return Ty::Array {
                items: Box::new(items),
            };
        }
        let Some(mut ty) = self.scalar(shape, key) else {
            return self.union_type(shape, key, parent);
        };
        if over.no_format {
            match &mut ty {
                Ty::String { format } | Ty::Integer { format, .. } => *format = None,
                _ => {}
            }
        }
        if over.no_enum {
            return ty;
        }
        match (&ty, shape.doc.as_ref().and_then(|d| d.values.as_ref())) {
            (Ty::String { .. } | Ty::Integer { .. }, Some(values)) => {
                self.enum_type(shape, key, parent, values, &ty)
            }
            (Ty::String { format: None }, None) => match sample_enum(shape, key) {
                Some(values) => {
                    self.enum_type(shape, key, parent, &DocValues::Strings(values), &ty)
                }
                None => ty,
            },
            _ => ty,
        }
    }

    /// Where the examples contradict what a table row says of a field's
    /// presence or nullability: a warning at the example, naming the row.
    fn check_against_table(&mut self, parent: &Shape, child: &Shape, key: &str) {
        let Some(row) = child.doc.as_ref() else {
            return;
        };
        let at = row.loc.file_line();
        if row.nullable == Some(false) && child.over.as_ref().and_then(|o| o.nullable).is_none() {
            if let Some(loc) = &child.null_loc {
                self.diags
                    .warn(
                        loc.clone(),
                        format!("`{key}` is null here, but {at} says it is never null"),
                    )
                    .with_hint("read as nullable: the example is the evidence of what is sent");
            }
        }
        if row.required == Some(true)
            && child.over.as_ref().and_then(|o| o.required).is_none()
            && parent.objects > 0
            && child.present < parent.objects
        {
            if let Some(loc) = &parent.loc {
                self.diags.warn(
                    loc.clone(),
                    format!(
                        "`{key}` is marked required at {at}, but {} of {} example objects here leave it out",
                        parent.objects - child.present,
                        parent.objects
                    ),
                ).with_hint("kept required, as the page says; mark it optional in hookgen.toml if the examples are right");
            }
        }
    }

    /// The type of a scalar place: the table's word, checked against what the
    /// examples show; a clash gives `Any` and a warning.
    fn scalar(&mut self, shape: &Shape, key: &str) -> Option<Ty> {
        let seen_string = shape.strings > 0;
        let seen_number = shape.ints + shape.floats > 0;
        let seen_bool = shape.bools > 0;
        let seen_compound = shape.objects + shape.arrays > 0;
        let kinds = [seen_string, seen_number, seen_bool, seen_compound]
            .iter()
            .filter(|k| **k)
            .count();
        let observed = if kinds > 1 {
            None
        } else if seen_string {
            Some(DocType::String)
        } else if shape.floats > 0 {
            Some(DocType::Number)
        } else if shape.ints > 0 {
            Some(DocType::Integer)
        } else if seen_bool {
            Some(DocType::Boolean)
        } else {
            Some(DocType::Any)
        };
        let documented = shape.doc_type().cloned();
        if documented.is_none() && observed.is_none() {
            return None;
        }
        let promised_integer = documented == Some(DocType::Integer);
        let chosen = match (documented, observed) {
            (Some(d), Some(DocType::Any)) => d,
            (Some(DocType::Number), Some(DocType::Integer)) => DocType::Number,
            (Some(d), Some(o)) if d == o => d,
            (None, Some(o)) => o,
            (d, o) => {
                if let Some(loc) = &shape.loc {
                    let said = d.map_or("nothing".to_owned(), |d| format!("{d:?}").to_lowercase());
                    let shown = o.map_or("several kinds of value".to_owned(), |o| {
                        format!("a {}", format!("{o:?}").to_lowercase())
                    });
                    self.diags.warn(loc.clone(), format!("`{key}`: the table says {said} but the examples show {shown}; typed as any JSON value"));
                }
                DocType::Any
            }
        };
        let doc_format = shape.doc.as_ref().and_then(|d| d.format);
        Some(match chosen {
            DocType::String => Ty::String {
                format: doc_format.or_else(|| string_format(&shape.str_values)),
            },
            DocType::Integer => {
                let format = doc_format.or_else(|| unix_time(key, &shape.int_values));
                // Only a promise makes an integer: an example's `199` says
                // nothing of the `89.99` a later payload may send.
                if promised_integer || format.is_some() {
                    Ty::Integer {
                        format,
                        range: match shape.doc.as_ref().and_then(|d| d.values.as_ref()) {
                            Some(DocValues::Range(a, b)) => Some((*a, *b)),
                            _ => None,
                        },
                    }
                } else {
                    Ty::Number
                }
            }
            DocType::Number => Ty::Number,
            DocType::Boolean => Ty::Boolean,
            // A documented object no example shows: its keys are unknown.
            DocType::Object => Ty::Map {
                values: Box::new(Ty::Any),
            },
            DocType::Any | DocType::Array(_) => Ty::Any,
        })
    }

    /// A place the examples show in several kinds of JSON value, with no
    /// table to say which: a union of the kinds seen, with a warning.
    fn union_type(&mut self, shape: &Shape, key: &str, parent: &str) -> Ty {
        let mut variants = Vec::new();
        if shape.bools > 0 {
            variants.push(Ty::Boolean);
        }
        if shape.floats + shape.ints > 0 {
            variants.push(Ty::Number);
        }
        if shape.strings > 0 {
            variants.push(Ty::String {
                format: string_format(&shape.str_values),
            });
        }
        if shape.arrays > 0 {
            variants.push(Ty::Array {
                items: Box::new(Ty::Any),
            });
        }
        if shape.objects > 0 {
            variants.push(Ty::Map {
                values: Box::new(Ty::Any),
            });
        }
        let kinds: Vec<&str> = variants.iter().map(ir::union_variant).collect();
        if let Some(loc) = &shape.loc {
            self.diags
                .warn(
                    loc.clone(),
                    format!(
                        "`{key}` is {} in different examples; typed as one of them (any other value is kept too)",
                        kinds.join(" or ").to_lowercase()
                    ),
                )
                .with_hint("name its type in hookgen.toml ([[override]] path, type) if one kind is a mistake in the docs");
        }
        let mut name = naming::pascal(key);
        if let Some(existing) = self.types.iter().find_map(|t| match t {
            ir::TypeDef::Union(u) if u.name == name && u.variants == variants => {
                Some(u.name.clone())
            }
            _ => None,
        }) {
            return Ty::Named { name: existing };
        }
        if self.scope.is_taken(&name) {
            name = format!("{parent}{name}");
        }
        let name = self.scope.claim(&name);
        self.types.push(ir::TypeDef::Union(ir::Union {
            name: name.clone(),
            description: None,
            variants,
            source: shape.loc.clone().unwrap_or_else(unknown_loc),
        }));
        Ty::Named { name }
    }

    fn enum_type(
        &mut self,
        shape: &Shape,
        key: &str,
        parent: &str,
        values: &DocValues,
        base: &Ty,
    ) -> Ty {
        let count = match values {
            DocValues::Strings(v) => v.len(),
            DocValues::Integers(v) => v.len(),
            DocValues::Range(..) => 0,
        };
        if count == 0 {
            return base.clone();
        }
        if count > MAX_ENUM_VALUES {
            let loc = shape
                .doc
                .as_ref()
                .map(|d| d.loc.clone())
                .or_else(|| shape.loc.clone())
                .unwrap_or_else(unknown_loc);
            self.diags.warn(loc, format!("`{key}` lists {count} values (over {MAX_ENUM_VALUES}): typed as its base type, not an enum"));
            return base.clone();
        }
        let values = match (values, base) {
            (DocValues::Range(..), _) => return base.clone(),
            (DocValues::Strings(v), Ty::String { .. }) => ir::EnumValues::Strings(v.clone()),
            (DocValues::Integers(v), Ty::String { .. }) => {
                ir::EnumValues::Strings(v.iter().map(i64::to_string).collect())
            }
            (DocValues::Integers(v), Ty::Integer { .. }) => {
                ir::EnumValues::Integers(v.iter().map(|i| (*i, None)).collect())
            }
            _ => return base.clone(),
        };
        let values = match values {
            ir::EnumValues::Integers(v) => {
                ir::EnumValues::Integers(label_integers(v, key, &self.sibling_labels))
            }
            other => other,
        };
        if let Some(row) = &shape.doc {
            if let (Some(example), ir::EnumValues::Strings(listed)) = (&row.example, &values) {
                if let Some(s) = example.as_str() {
                    if !listed.iter().any(|v| v == s) {
                        self.diags.warn(
                            row.loc.clone(),
                            format!("`{key}`: example value `{s}` is not among the listed values"),
                        );
                    }
                }
            }
            // An example payload with a value the list does not have: a typo
            // on one side, or a value the list forgot.
            if let ir::EnumValues::Strings(listed) = &values {
                for at in &shape.value_at {
                    let Some(src) = self.samples.get(at.sample.wrapping_sub(1)) else {
                        continue;
                    };
                    let Some(v) = crate::lenient::parse_at(&src.text, at.offset)
                        .ok()
                        .and_then(|p| p.node.as_str().map(str::to_owned))
                    else {
                        continue;
                    };
                    if !listed.contains(&v) {
                        self.diags
                            .warn(
                                src.loc(at.offset),
                                format!(
                                    "`{key}`: the example has `{v}`, which is not among the values listed at {}",
                                    row.loc.file_line()
                                ),
                            )
                            .with_hint(format!(
                                "the enum is open, so `{v}` parses as its `Unknown` variant; if it is a real value, add it to the list, or fix the typo"
                            ));
                    }
                }
            }
        }
        // Same name and same values: one type.
        let given = shape.over.as_ref().and_then(|o| o.name.clone());
        let mut name = naming::pascal(given.as_deref().unwrap_or(key));
        if let Some(existing) = self.types.iter().find_map(|t| match t {
            ir::TypeDef::Enum(e) if e.name == name && same_values(&e.values, &values) => {
                Some(e.name.clone())
            }
            _ => None,
        }) {
            return Ty::Named { name: existing };
        }
        if self.scope.is_taken(&name) {
            name = format!("{parent}{name}");
        }
        let name = self.scope.claim(&name);
        self.types.push(ir::TypeDef::Enum(ir::Enum {
            name: name.clone(),
            description: shape
                .doc
                .as_ref()
                .map(|d| d.description.trim().to_owned())
                .filter(|d| !d.is_empty()),
            values,
            source: shape
                .doc
                .as_ref()
                .map(|d| d.loc.clone())
                .or_else(|| shape.loc.clone())
                .unwrap_or_else(unknown_loc),
        }));
        Ty::Named { name }
    }
}

/// The evidence behind a field's type, presence and nullability.
fn reasons(
    parent: &Shape,
    child: &Shape,
    carries_event: bool,
    always: bool,
    required: bool,
    nullable: bool,
) -> Vec<String> {
    let at = |loc: &Option<Loc>| {
        loc.as_ref()
            .map_or(String::new(), |l| format!(" ({})", l.file_line()))
    };
    let doc = child.doc.as_ref();
    let row = doc
        .map(|d| format!(" ({})", d.loc.file_line()))
        .unwrap_or_default();
    let over = child
        .over
        .as_ref()
        .map(|o| format!(" ({})", o.loc.file_line()));
    let payloads = parent.samples.len();
    let seen = child.samples.len();
    let mut why = Vec::new();

    let observed = [
        (child.strings, "a string"),
        (child.ints, "an integer"),
        (child.floats, "a number"),
        (child.bools, "a boolean"),
        (child.objects, "an object"),
        (child.arrays, "an array"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{what} {n}×"))
    .collect::<Vec<_>>()
    .join(", ");
    let mut ty = Vec::new();
    if let Some(o) = child.over.as_ref().filter(|o| o.ty.is_some() || o.map) {
        ty.push(format!("set by an override ({})", o.loc.file_line()));
    }
    if let Some(t) = doc.and_then(|d| d.ty.as_ref()) {
        ty.push(format!(
            "documented as {}{row}",
            format!("{t:?}").to_lowercase()
        ));
    }
    if !observed.is_empty() {
        ty.push(format!("seen as {observed} in examples{}", at(&child.loc)));
    }
    if ty.is_empty() {
        ty.push("nothing shows its type: any JSON value".to_owned());
    }
    why.push(format!("type: {}", ty.join("; ")));

    let presence = match (&over, child.over.as_ref().and_then(|o| o.required)) {
        (Some(o), Some(_)) => format!("set by an override{o}"),
        _ if carries_event => "carries the event type".to_owned(),
        _ if doc.and_then(|d| d.required) == Some(true) => format!("marked required{row}"),
        _ if doc.and_then(|d| d.required) == Some(false) => format!("marked optional{row}"),
        _ if always => format!(
            "present in {} {payloads} example payload{}; samples only, so the Rust type still accepts it absent or null",
            if payloads == 1 { "the" } else { "all" },
            if payloads == 1 { "" } else { "s" }
        ),
        _ if payloads < MIN_SAMPLES => format!(
            "not proven: {payloads} example payload(s); {MIN_SAMPLES} are needed, so it may be absent"
        ),
        _ => format!("in {seen} of {payloads} example payloads, so it may be absent"),
    };
    why.push(format!(
        "presence: {} ({})",
        presence,
        if required {
            "required"
        } else {
            "may be absent"
        }
    ));

    let nullability = match (&over, child.over.as_ref().and_then(|o| o.nullable)) {
        (Some(o), Some(_)) => format!("set by an override{o}"),
        _ if child.nulls > 0 => format!("seen null {}× in examples", child.nulls),
        _ if doc.and_then(|d| d.nullable) == Some(true) => format!("marked nullable{row}"),
        _ if required => "never seen null and required: a value is expected".to_owned(),
        _ => "never seen null; null is still accepted where presence is not proven".to_owned(),
    };
    why.push(format!(
        "nullability: {nullability} ({})",
        if nullable { "nullable" } else { "not null" }
    ));
    why
}

/// Wider objects are maps: their keys are data, and such a struct would
/// take minutes to compile.
const MAX_STRUCT_FIELDS: usize = 1000;

/// Longer value lists are not enums.
const MAX_ENUM_VALUES: usize = 1000;

/// Payloads a place must be seen in before a field present in every
/// occurrence counts as required. One is enough: `required` records what the
/// samples show (the IR keeps how many, for `explain`), and it does not make
/// the Rust type strict, so a payload that omits the field still parses.
const MIN_SAMPLES: usize = 1;

/// Payloads a string field must be seen in before its values make an enum.
const ENUM_SAMPLES: usize = 10;

/// The values of a string field that behaves like an enum across many
/// payloads: few distinct lowercase tokens, each recurring. First-seen order.
fn sample_enum(shape: &Shape, key: &str) -> Option<Vec<String>> {
    if shape.samples.len() < ENUM_SAMPLES
        || shape.str_values.len() < shape.strings
        || names_free_text(key)
    {
        return None;
    }
    let mut distinct: Vec<&String> = Vec::new();
    for v in &shape.str_values {
        if !distinct.contains(&v) {
            distinct.push(v);
        }
    }
    // One word in one case style for all values: `open`, `in_progress`;
    // `OWNER`, `FIRST_TIME_CONTRIBUTOR`; `User`, `Organization`. Mixed
    // styles (`Codertocat`, `octocat`) are names, not an enum.
    let word = |v: &str| {
        v.len() <= 32
            && v.starts_with(|c: char| c.is_ascii_alphabetic())
            && v.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
    };
    let style = |v: &str| {
        let mut chars = v.chars();
        let first = chars.next()?;
        let rest = chars.as_str();
        let no_upper = |s: &str| !s.chars().any(|c| c.is_ascii_uppercase());
        let no_lower = |s: &str| !s.chars().any(|c| c.is_ascii_lowercase());
        match first.is_ascii_uppercase() {
            false if no_upper(rest) => Some(0),
            true if no_lower(rest) && !rest.is_empty() => Some(1),
            true if no_upper(rest) => Some(2),
            _ => None,
        }
    };
    let few =
        distinct.len() >= 2 && distinct.len() <= 12 && distinct.len() * 3 <= shape.samples.len();
    let styles: BTreeSet<Option<u8>> = distinct.iter().map(|v| style(v)).collect();
    let one_style = styles.len() == 1 && !styles.contains(&None);
    (few && one_style && distinct.iter().all(|v| word(v)))
        .then(|| distinct.into_iter().cloned().collect())
}

/// Field names whose values are names, places, ids or text, never an enum
/// however few the examples show (`first_name`: Bob, Steve; `city`;
/// `default_branch`: main, master; a label's `color`).
fn names_free_text(key: &str) -> bool {
    const WORDS: &[&str] = &[
        "name",
        "city",
        "id",
        "login",
        "email",
        "branch",
        "ref",
        "sha",
        "title",
        "color",
        "url",
        "description",
        "label",
        "slug",
        "username",
        "street",
        "address",
        "phone",
        "message",
    ];
    let last = key
        .rsplit(['_', '-'])
        .next()
        .unwrap_or(key)
        .to_ascii_lowercase();
    let last = last.as_str();
    // camelCase: `firstName`, `repoId`.
    let camel = key
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_ascii_uppercase())
        .map(|(i, _)| key[i..].to_ascii_lowercase());
    WORDS.contains(&last) || camel.is_some_and(|c| WORDS.contains(&c.as_str()))
}

fn root_key(name: &str) -> String {
    format!("root:{name}")
}

fn unknown_loc() -> Loc {
    Loc {
        file: "".into(),
        line: 0,
        col: 0,
    }
}

fn same_values(a: &ir::EnumValues, b: &ir::EnumValues) -> bool {
    match (a, b) {
        (ir::EnumValues::Strings(a), ir::EnumValues::Strings(b)) => a == b,
        (ir::EnumValues::Integers(a), ir::EnumValues::Integers(b)) => a == b,
        _ => false,
    }
}

/// `phone_type` (0, 1, 2, 3) beside `phone_type_display` ("invalid", …):
/// each integer takes the label at the same position.
fn label_integers(
    values: Vec<(i64, Option<String>)>,
    key: &str,
    siblings: &[(String, Vec<String>)],
) -> Vec<(i64, Option<String>)> {
    let labels = ["_display", "_name", "_label", "_str", "_text"]
        .iter()
        .find_map(|suffix| {
            let want = format!("{key}{suffix}");
            siblings
                .iter()
                .find(|(k, v)| *k == want && v.len() == values.len())
                .map(|(_, v)| v)
        });
    match labels {
        Some(labels) => values
            .into_iter()
            .zip(labels)
            .map(|((i, _), l)| (i, Some(l.clone())))
            .collect(),
        None => values,
    }
}

/// The longest run of trailing words the names share (`old_line_item`,
/// `new_line_item` → `line_item`), else the most common, shortest name.
fn common_name(keys: &[&str]) -> String {
    let split: Vec<Vec<&str>> = keys.iter().map(|k| k.split('_').collect()).collect();
    let mut common: Vec<&str> = Vec::new();
    'outer: for i in 1.. {
        let mut word = None;
        for w in &split {
            if w.len() < i {
                break 'outer;
            }
            let cur = w[w.len() - i];
            match word {
                None => word = Some(cur),
                Some(x) if x == cur => {}
                Some(_) => break 'outer,
            }
        }
        match word {
            Some(w) => common.insert(0, w),
            None => break,
        }
    }
    let only_generic = common.len() == 1 && GENERIC_NAMES.contains(&common[0]);
    if !common.is_empty() && !only_generic {
        return common.join("_");
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for k in keys {
        *counts.entry(k).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(b.0.len().cmp(&a.0.len()))
                .then(b.0.cmp(a.0))
        })
        .map(|(k, _)| k.to_owned())
        .unwrap_or_default()
}

fn doc_scalar(t: &DocType) -> Ty {
    match t {
        DocType::String => Ty::String { format: None },
        DocType::Integer => Ty::Integer {
            format: None,
            range: None,
        },
        DocType::Number => Ty::Number,
        DocType::Boolean => Ty::Boolean,
        DocType::Object => Ty::Map {
            values: Box::new(Ty::Any),
        },
        DocType::Array(inner) => Ty::Array {
            items: Box::new(inner.as_deref().map_or(Ty::Any, doc_scalar)),
        },
        DocType::Any => Ty::Any,
    }
}

/// A format every real value shows.
fn string_format(values: &[String]) -> Option<Format> {
    let first = values.first()?;
    let format = [
        Format::DateTime,
        Format::Date,
        Format::Uuid,
        Format::Decimal,
    ]
    .into_iter()
    .find(|f| matches_format(*f, first))?;
    values
        .iter()
        .all(|v| matches_format(format, v))
        .then_some(format)
}

fn matches_format(f: Format, v: &str) -> bool {
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let date = b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10);
    match f {
        Format::Date => date && b.len() == 10,
        Format::DateTime => {
            date && b.len() >= 16
                && matches!(b[10], b'T' | b' ')
                && digits(11..13)
                && b[13] == b':'
                && digits(14..16)
                && b[16..]
                    .iter()
                    .all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b'Z' | b'+' | b'-'))
        }
        Format::Uuid => {
            b.len() == 36
                && b.iter().enumerate().all(|(i, c)| {
                    if matches!(i, 8 | 13 | 18 | 23) {
                        *c == b'-'
                    } else {
                        c.is_ascii_hexdigit()
                    }
                })
        }
        Format::Decimal => {
            let t = v.strip_prefix('-').unwrap_or(v);
            t.split_once('.').is_some_and(|(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && a.bytes().all(|c| c.is_ascii_digit())
                    && b.bytes().all(|c| c.is_ascii_digit())
            })
        }
        Format::UnixTime => false,
    }
}

/// Seconds since the epoch: a time-like name and values between 2000 and 2100.
fn unix_time(key: &str, values: &[i64]) -> Option<Format> {
    let k = key.to_ascii_lowercase();
    let timeish = k.ends_with("_at")
        || k.ends_with("_time")
        || k.ends_with("_date")
        || k.ends_with("timestamp")
        || matches!(
            k.as_str(),
            "created" | "updated" | "start" | "end" | "time" | "date"
        );
    let plausible = !values.is_empty()
        && values
            .iter()
            .all(|v| (946_684_800..=4_102_444_800).contains(v));
    (timeish && plausible).then_some(Format::UnixTime)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract;

    #[test]
    fn a_place_with_no_object_leaves_a_shared_struct_presence_alone() {
        let mut diags = Diagnostics::default();
        let mut b = Builder::new(&mut diags);
        b.types.push(ir::TypeDef::Struct(ir::Struct {
            name: "License".into(),
            description: None,
            fields: vec![ir::Field {
                name: "key".into(),
                example: None,
                why: vec![],
                ty: Ty::String { format: None },
                required: true,
                nullable: false,
                strict: false,
                description: None,
                source: unknown_loc(),
            }],
            source: unknown_loc(),
            envelope: None,
        }));
        let required = |b: &Builder| match &b.types[0] {
            ir::TypeDef::Struct(s) => s.fields[0].required,
            _ => unreachable!(),
        };
        // GitHub's `license: null` in one event, and a place only a table
        // documents: neither shows an object, so neither says `key` may be
        // absent.
        let null_only = Shape {
            present: 1,
            nulls: 1,
            ..Shape::default()
        };
        let rows_only = Shape {
            fields: vec![("key".into(), Shape::default())],
            ..Shape::default()
        };
        b.also_at = vec![("License".into(), null_only), ("License".into(), rows_only)];
        b.settle_shared();
        assert!(required(&b));
        // An object there without it does.
        let lacking = Shape {
            present: 1,
            objects: 1,
            ..Shape::default()
        };
        b.also_at = vec![("License".into(), lacking)];
        b.settle_shared();
        assert!(!required(&b));
    }

    fn infer_page(text: &str) -> ir::Vendor {
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

    fn fields(v: &ir::Vendor, name: &str) -> Vec<String> {
        let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == name) else {
            panic!(
                "no struct {name} in {:?}",
                v.types.iter().map(|t| t.name()).collect::<Vec<_>>()
            );
        };
        s.fields.iter().map(|f| f.name.clone()).collect()
    }

    #[test]
    fn one_type_for_a_repeated_shape_even_when_its_children_differ() {
        // `x` and `y` share a member set, so they are one type; its `o` then
        // holds the members of both `o`s, a shape no single example shows.
        let v = infer_page(
            "{\"type\": \"a.b\", \"x\": {\"o\": {\"a\": 1}}, \"y\": {\"o\": {\"b\": 2}}}\n",
        );
        assert_eq!(fields(&v, "VEvent"), ["type", "x", "y"]);
        assert_eq!(fields(&v, "X"), ["o"]);
        let o: Vec<Vec<String>> = v
            .types
            .iter()
            .map(fields_of)
            .filter(|f| f.contains(&"a".to_owned()) || f.contains(&"b".to_owned()))
            .collect();
        assert_eq!(o, [["a", "b"]], "only the merged `o` is a type");
    }

    #[test]
    fn many_samples_prove_presence_and_enums() {
        let statuses = ["open", "paid", "void"];
        let pages: Vec<String> = (0..12)
            .map(|i| {
                let note = if i == 5 { String::new() } else { format!(", \"note\": \"n{i}\"") };
                format!(
                    "order.created\n\n{{\"type\": \"order.created\", \"id\": \"o_{i}\", \"status\": \"{}\", \"amount\": {}{note}}}\n",
                    statuses[i % 3],
                    i * 100
                )
            })
            .collect();
        let mut diags = Diagnostics::default();
        let pages: Vec<Page> = pages
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let source = Source::new(format!("p{i}.md"), text.as_str());
                let evidence = extract::page(&source, &mut diags);
                Page { source, evidence }
            })
            .collect();
        let v = vendor("v", &pages, &Hints::default(), &mut diags).vendor;
        let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == "OrderCreated")
        else {
            panic!("{:#?}", v.types);
        };
        let required: Vec<(&str, bool)> = s
            .fields
            .iter()
            .map(|f| (f.name.as_str(), f.required))
            .collect();
        assert_eq!(
            required,
            [
                ("type", true),
                ("id", true),
                ("status", true),
                ("amount", true),
                ("note", false)
            ]
        );
        let status = &s.fields[2].ty;
        assert_eq!(
            status,
            &Ty::Named {
                name: "Status".to_owned()
            }
        );
        let Some(ir::TypeDef::Enum(e)) = v.types.iter().find(|t| t.name() == "Status") else {
            panic!()
        };
        assert!(matches!(&e.values, ir::EnumValues::Strings(v) if v == &["open", "paid", "void"]));
        // Ids are all different: no enum.
        assert_eq!(s.fields[1].ty, Ty::String { format: None });

        // One example is recorded, but promises nothing: the field stays
        // `Maybe<T>`.
        let one = infer_page("{\"type\": \"a.b\", \"id\": \"x\"}\n");
        let Some(ir::TypeDef::Struct(s)) = one.types.iter().find(|t| t.name() == "VEvent") else {
            panic!()
        };
        let id = s.fields.iter().find(|f| f.name == "id").unwrap();
        assert!(id.required && !id.strict && id.repr() == ir::Repr::Maybe);
    }

    #[test]
    fn examples_that_contradict_the_table_are_pointed_at() {
        let text = "a.b\n\n\
            | Field | Type | Required | Description |\n\
            |---|---|---|---|\n\
            | id | string | yes | The id. |\n\
            | name | string | no | Never null. |\n\
            | status | string | no | One of: `active`, `cancelled`. |\n\n\
            {\"type\": \"a.b\", \"id\": \"1\", \"name\": \"n\", \"status\": \"active\"}\n\n\
            {\"type\": \"a.b\", \"name\": null, \"status\": \"actve\"}\n";
        let mut diags = Diagnostics::default();
        let source = Source::new("p.md", text);
        let evidence = extract::page(&source, &mut diags);
        let hints = Hints {
            event_type_fields: Some(vec![vec!["type".to_owned()]]),
            event_type_fields_loc: None,
            ..Hints::default()
        };
        let v = vendor("v", &[Page { source, evidence }], &hints, &mut diags).vendor;
        let said: Vec<String> = diags
            .into_sorted()
            .iter()
            .map(ToString::to_string)
            .collect();
        let find = |needle: &str| {
            said.iter()
                .find(|d| d.contains(needle))
                .unwrap_or_else(|| panic!("no `{needle}` in {said:#?}"))
                .clone()
        };
        assert!(find(
            "`status`: the example has `actve`, which is not among the values listed at p.md:7"
        )
        .starts_with("p.md:11:41: warning"));
        assert!(find("`name` is null here, but p.md:6 says").starts_with("p.md:11:25: warning"));
        assert!(
            find("`id` is marked required at p.md:5, but 1 of 2").starts_with("p.md:9:1: warning")
        );
        // The examples win on nullability; the page wins on presence.
        let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == "AB") else {
            panic!("{:#?}", v.types)
        };
        let f = |n: &str| s.fields.iter().find(|f| f.name == n).unwrap();
        assert!(f("name").nullable && f("id").required);
    }

    #[test]
    fn sample_enums_in_any_one_case_style() {
        let kinds = ["User", "Bot", "Organization"];
        let roles = ["OWNER", "NONE", "FIRST_TIME_CONTRIBUTOR"];
        let logins = ["Codertocat", "octocat"];
        let text: String = (0..12)
            .map(|i| {
                format!(
                    "{{\"type\": \"a.b\", \"id\": {i}, \"kind\": \"{}\", \"role\": \"{}\", \"login\": \"{}\"}}\n\n",
                    kinds[i % 3],
                    roles[i % 3],
                    logins[i % 2]
                )
            })
            .collect();
        let v = infer_page(&text);
        let enums: Vec<(String, Vec<String>)> = v
            .types
            .iter()
            .filter_map(|t| match t {
                ir::TypeDef::Enum(ir::Enum {
                    name,
                    values: ir::EnumValues::Strings(s),
                    ..
                }) => Some((name.clone(), s.clone())),
                _ => None,
            })
            .collect();
        let names: Vec<&str> = enums.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Kind", "Role"], "{enums:?}");
        assert_eq!(enums[1].1, roles);
    }

    #[test]
    fn overrides_correct_what_pages_say() {
        let text = "a.b\n\nstatus?string\n\nState.\n\nPossible values: [x, y]\n\n\
            {\"type\": \"a.b\", \"data\": {\"object\": {\"amount\": 1, \"meta\": {\"k\": \"v\"}, \
            \"when\": \"2024-01-01T00:00:00Z\", \"note\": \"n\"}}, \"status\": \"x\"}\n";
        let o = |path: &str| Override {
            path: path.split('.').map(str::to_owned).collect(),
            ..Override::default()
        };
        let hints = Hints {
            event_type_fields: Some(vec![vec!["type".to_owned()]]),
            event_type_fields_loc: None,
            event_type_header: None,
            event_type_url: None,
            overrides: vec![
                Override {
                    ty: Some(OverrideType::Number),
                    ..o("data.object.amount")
                },
                Override {
                    map: true,
                    ..o("**.meta")
                },
                Override {
                    no_format: true,
                    ..o("data.*.when")
                },
                Override {
                    name: Some("Thing".into()),
                    ..o("data.object")
                },
                Override {
                    required: Some(true),
                    nullable: Some(true),
                    ..o("data.object.note")
                },
                Override {
                    no_enum: true,
                    ..o("status")
                },
                o("nope.nothing"),
            ],
        };
        let mut diags = Diagnostics::default();
        let source = Source::new("p.md", text);
        let evidence = extract::page(&source, &mut diags);
        let v = vendor("v", &[Page { source, evidence }], &hints, &mut diags).vendor;
        let Some(ir::TypeDef::Struct(thing)) = v.types.iter().find(|t| t.name() == "Thing") else {
            panic!(
                "{:#?}",
                v.types.iter().map(|t| t.name()).collect::<Vec<_>>()
            );
        };
        let got: Vec<(&str, &Ty, bool, bool)> = thing
            .fields
            .iter()
            .map(|f| (f.name.as_str(), &f.ty, f.required, f.nullable))
            .collect();
        assert_eq!(
            got,
            [
                ("amount", &Ty::Number, true, false),
                (
                    "meta",
                    &Ty::Map {
                        values: Box::new(Ty::Any)
                    },
                    true,
                    false
                ),
                ("when", &Ty::String { format: None }, true, false),
                ("note", &Ty::String { format: None }, true, true),
            ]
        );
        let Some(ir::TypeDef::Struct(root)) = v.types.iter().find(|t| t.name() == "AB") else {
            panic!()
        };
        let status = root.fields.iter().find(|f| f.name == "status").unwrap();
        assert_eq!(status.ty, Ty::String { format: None }, "enum = false");
        let warnings: Vec<String> = diags
            .into_sorted()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("override `nope.nothing` matches no field")),
            "{warnings:?}"
        );
    }

    #[test]
    fn huge_objects_and_enums_stay_compilable() {
        let wide: Vec<String> = (0..2000).map(|i| format!("\"k{i}\": {i}")).collect();
        let values: Vec<String> = (0..2000).map(|i| format!("v{i}")).collect();
        let text = format!(
            "a.b\n\nstatus?string\n\nState.\n\nPossible values: [{}]\n\n{{\"type\": \"a.b\", \"wide\": {{{}}}, \"status\": \"v1\"}}\n",
            values.join(", "),
            wide.join(", ")
        );
        let mut diags = Diagnostics::default();
        let source = Source::new("p.md", text.as_str());
        let evidence = extract::page(&source, &mut diags);
        let hints = Hints {
            event_type_fields: Some(vec![vec!["type".to_owned()]]),
            event_type_fields_loc: None,
            event_type_header: None,
            event_type_url: None,
            overrides: vec![],
        };
        let v = vendor("v", &[Page { source, evidence }], &hints, &mut diags).vendor;
        let Some(ir::TypeDef::Struct(root)) = v.types.iter().find(|t| t.name() == "AB") else {
            panic!()
        };
        let ty = |name: &str| {
            root.fields
                .iter()
                .find(|f| f.name == name)
                .map(|f| f.ty.clone())
        };
        assert_eq!(
            ty("wide"),
            Some(Ty::Map {
                values: Box::new(Ty::Any)
            })
        );
        assert_eq!(ty("status"), Some(Ty::String { format: None }));
        let warnings: Vec<String> = diags
            .into_sorted()
            .iter()
            .map(|d| d.message.clone())
            .collect();
        assert!(
            warnings.iter().any(|w| w.contains("2000 distinct keys")),
            "{warnings:?}"
        );
        assert!(
            warnings.iter().any(|w| w.contains("lists 2000 values")),
            "{warnings:?}"
        );

        // A root this wide (3,000 fields crashed rustc): its first fields
        // typed, the rest kept in `extra`.
        let text = format!("{{\"type\": \"a.b\", {}}}\n", wide.join(", "));
        let mut diags = Diagnostics::default();
        let source = Source::new("p.json", text.as_str());
        let evidence = extract::page(&source, &mut diags);
        let v = vendor("v", &[Page { source, evidence }], &hints, &mut diags).vendor;
        let widest = v
            .types
            .iter()
            .map(|t| fields_of(t).len())
            .max()
            .unwrap_or(0);
        assert_eq!(widest, MAX_STRUCT_FIELDS);
        assert!(diags
            .into_sorted()
            .iter()
            .any(|d| d.message.contains("the payload has 2001 distinct keys")));
    }

    fn fields_of(t: &ir::TypeDef) -> Vec<String> {
        match t {
            ir::TypeDef::Struct(s) => s.fields.iter().map(|f| f.name.clone()).collect(),
            ir::TypeDef::Enum(_) | ir::TypeDef::Union(_) => vec![],
        }
    }
}
