//! Events and envelopes: the payload group each example joins, the names
//! of shared payload types, and envelopes several events share.

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::Loc;
use crate::extract::{self, EnumValues as DocValues, PageEvidence};
use crate::ir::{self, Ty};
use crate::lenient::{Kind, Node};
use crate::naming;

use super::shape::Shape;

/// The values a page's field list gives the field that carries the event
/// type: the vendor's events. `The alert name. Default value:
/// subscription_created` gives one.
pub(super) fn carrier_values(
    ev: &PageEvidence,
    d: Option<&ir::Discriminator>,
) -> Vec<(String, Loc)> {
    let Some(field) = d.filter(|d| d.fields.len() == 1).map(|d| &d.fields[0]) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for row in (ev.rows.iter().chain(&ev.comment_rows)).filter(|r| r.path == *field) {
        let mut values = match &row.values {
            Some(DocValues::Strings(values)) => values.clone(),
            _ => vec![],
        };
        values.extend(extract::default_value(&row.description));
        out.extend(values.into_iter().map(|v| (v, row.loc.clone())));
    }
    out
}

pub(super) struct EventInfo {
    pub(super) description: Option<String>,
    pub(super) source: Loc,
    pub(super) examples: Vec<Loc>,
    /// The pages that document it (list it or hold its examples), by index.
    pub(super) pages: BTreeSet<usize>,
}

impl EventInfo {
    pub(super) fn new(source: Loc) -> EventInfo {
        EventInfo {
            description: None,
            source,
            examples: vec![],
            pages: BTreeSet::new(),
        }
    }
}

/// A digest of one page, its name and bytes: FNV-1a, 64 bits. The same on
/// every machine and toolchain.
pub(super) fn page_digest(page: &crate::diag::Source) -> u64 {
    fnv(&[page.path.as_bytes(), &[0], page.text.as_bytes()])
}

/// A digest of an event's pages, from theirs (each page is read once,
/// however many events it documents), in hex.
pub(super) fn pages_digest(pages: impl Iterator<Item = u64>) -> String {
    let bytes: Vec<u8> = pages.flat_map(u64::to_le_bytes).collect();
    format!("{:016x}", fnv(&[&bytes]))
}

/// FNV-1a of the parts one after the other, a slice at a time.
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Payload types of several events that share every field but one, which
/// holds a different struct in each (`data`): instances of one generic
/// envelope. Only the fields' types, presence and nullability must agree.
pub(super) fn mark_envelopes(types: &mut [ir::TypeDef], roots: &[&str], scope: &mut naming::Scope) {
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
                        .map(|f| (f.ty.read_as(), f.required, f.nullable, f.strict))
                        != first
                            .as_ref()
                            .map(|f| (f.ty.read_as(), f.required, f.nullable, f.strict))
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

/// Every path in a payload, arrays transparent: `data.object.lines.amount`.
pub(super) fn paths(node: &Node, prefix: &str, out: &mut BTreeSet<String>) {
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
pub(super) fn group_for(
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
        pages: BTreeSet::new(),
    });
    groups.len() - 1
}

pub(super) struct Group {
    pub(super) root_name: String,
    pub(super) shape: Shape,
    pub(super) events: Vec<String>,
    pub(super) source: Loc,
    pub(super) description: Option<String>,
    /// The pages whose examples and rows make it, by index.
    pub(super) pages: BTreeSet<usize>,
}

/// The one member of an envelope example that stands for an object shown
/// apart: `"data": { ... }`, its members elided ("see payloads below").
/// `None` unless exactly one member is such an object.
pub(super) fn elided_member<'a>(node: &'a Node, text: &str) -> Option<&'a str> {
    let mut elided = node.as_object()?.iter().filter(|e| {
        matches!(&e.value.kind, Kind::Object(members) if members.is_empty())
            && text
                .get(e.value.start..e.value.end)
                .is_some_and(|t| t.contains("...") || t.contains('\u{2026}'))
    });
    let one = elided.next()?;
    elided.next().is_none().then_some(one.key.as_str())
}

/// The page's events about the one resource an example wraps: `{"address":
/// {…}}` is `address/created`'s and `address/updated`'s (a plural or
/// singular key too). Empty unless the example is one object-valued key.
pub(super) fn resource_events(node: &Node, ev: &PageEvidence) -> Vec<String> {
    let Some([only]) = node.as_object() else {
        return Vec::new();
    };
    if only.value.as_object().is_none() {
        return Vec::new();
    }
    // `addresses` and `address`, `categories` and `category`.
    let key = naming::singular(&only.key.to_ascii_lowercase());
    let same = |seg: &str| naming::singular(&seg.to_ascii_lowercase()) == key;
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
pub(super) fn shared_root_name(vendor: &str, ev: &PageEvidence, members: &[String]) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Diagnostics, Source};
    use crate::infer::testing::*;

    fn evidence(text: &str) -> PageEvidence {
        crate::extract::page(&Source::new("p.txt", text), &mut Diagnostics::default())
    }

    fn first_example(text: &str) -> Node {
        evidence(text).examples.remove(0).node
    }

    #[test]
    fn a_pages_digest_is_the_same_on_every_machine() {
        // FNV-1a's published value for "a", and a fixed one for a page.
        assert_eq!(fnv(&[b"a"]), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv(&[b"a", b"b"]), fnv(&[b"ab"]));
        let page = Source::new("specs/v/p.md", "# order.paid\n");
        assert_eq!(
            page_digest(&page),
            page_digest(&Source::new("specs/v/p.md", "# order.paid\n"))
        );
        assert_ne!(
            page_digest(&page),
            page_digest(&Source::new("specs/v/q.md", "# order.paid\n"))
        );
        assert_eq!(pages_digest([1u64, 2].into_iter()).len(), 16);
        assert_ne!(
            pages_digest([1u64, 2].into_iter()),
            pages_digest([2u64, 1].into_iter())
        );
    }

    #[test]
    fn an_elided_member_is_the_one_empty_object_written_with_dots() {
        let text = "```json\n{\"type\": \"order.paid\", \"data\": { ... }, \"meta\": {}}\n```\n";
        let ev = evidence(text);
        let node = &ev.examples[0].node;
        let src = Source::new("p.txt", text);
        assert_eq!(elided_member(node, &src.text), Some("data"));
        let two = "```json\n{\"a\": { ... }, \"b\": { … }}\n```\n";
        let ev = evidence(two);
        assert_eq!(elided_member(&ev.examples[0].node, two), None);
    }

    #[test]
    fn an_example_wrapping_one_resource_belongs_to_that_resources_events() {
        let text = "## Events\n\n- `address/created`\n- `address/updated`\n- `order/created`\n- `category/created`\n\n```json\n{\"addresses\": {\"id\": 1}}\n```\n";
        let ev = evidence(text);
        let node = &ev.examples[0].node;
        assert_eq!(
            resource_events(node, &ev),
            vec!["address/created", "address/updated"]
        );
        let node = first_example("```json\n{\"Categories\": {\"id\": 1}}\n```\n");
        assert_eq!(resource_events(&node, &ev), vec!["category/created"]);
        let node = first_example("```json\n{\"order\": {\"id\": 1}}\n```\n");
        assert_eq!(resource_events(&node, &ev), vec!["order/created"]);
        // Two keys: no one resource.
        let node = first_example("```json\n{\"address\": {\"id\": 1}, \"id\": 2}\n```\n");
        assert!(resource_events(&node, &ev).is_empty());
    }

    #[test]
    fn a_shared_payload_is_named_for_its_heading_or_the_events_stem() {
        let ev = evidence("text\n");
        let members = |m: &[&str]| m.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            shared_root_name(
                "acme",
                &ev,
                &members(&["subscriber.create", "subscriber.cancel"])
            ),
            "SubscriberEvent"
        );
        assert_eq!(
            shared_root_name("acme", &ev, &members(&["subscriber.create", "order.paid"])),
            "AcmeEvent"
        );
    }

    #[test]
    fn events_sharing_all_fields_but_one_struct_share_an_envelope() {
        let v = infer_page(
            "## Events\n\n- `order.paid`\n- `refund.created`\n\n\
             ```json\n{\"type\": \"order.paid\", \"id\": \"e1\", \"data\": {\"order_id\": \"o1\", \"total\": 5}}\n```\n\n\
             ```json\n{\"type\": \"refund.created\", \"id\": \"e2\", \"data\": {\"refund_id\": \"r1\"}}\n```\n",
        );
        let envelopes: Vec<(&str, String)> = v
            .types
            .iter()
            .filter_map(|t| match t {
                ir::TypeDef::Struct(s) => s
                    .envelope
                    .as_ref()
                    .map(|e| (s.name.as_str(), format!("{}<{}>", e.generic, e.field))),
                _ => None,
            })
            .collect();
        assert_eq!(envelopes.len(), 2, "{envelopes:?}");
        assert!(
            envelopes.iter().all(|(_, e)| e == "Envelope<data>"),
            "{envelopes:?}"
        );
        let mut every: BTreeSet<String> = BTreeSet::new();
        paths(
            &first_example("```json\n{\"a\": [{\"b\": 1}], \"c\": {\"d\": null}}\n```\n"),
            "",
            &mut every,
        );
        assert_eq!(
            every.into_iter().collect::<Vec<_>>(),
            vec![".a", ".a.b", ".c", ".c.d"]
        );
    }
}
