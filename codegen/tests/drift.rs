//! Drift between two states of a page: one fixture pair per kind of change,
//! each asserting the change, its severity and the semver verdict.

use hookgen::diag::{Diagnostics, Source};
use hookgen::drift::{diff, Kind, Report, Severity, Verdict};
use hookgen::{extract, infer, ir};

/// The base page: a title naming the event, a field table, an example.
const BASE: &str = "order.created\n\nFired when an order is created.\n\n\
idstringRequired\n\nThe order's id.\n\n\
status?string\n\nWhere the order is.\n\nPossible values: [open, paid]\n\n\
total?stringRequired\n\n\
{\"type\": \"order.created\", \"id\": \"o_1\", \"status\": \"open\", \"email\": \"ana@example.com\", \
\"created_at\": \"2024-01-01T00:00:00Z\", \"count\": 1, \"gift\": null, \"customer\": {\"id\": \"c1\", \"tier\": \"gold\"}}\n";

fn schema(pages: &[&str]) -> ir::Schema {
    let mut diags = Diagnostics::default();
    let pages: Vec<infer::Page> = pages
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let source = Source::new(format!("specs/acme/page{i}.md"), *text);
            let evidence = extract::page(&source, &mut diags);
            infer::Page { source, evidence }
        })
        .collect();
    let hints = infer::Hints {
        event_type_fields: Some(vec![vec!["type".to_owned()]]),
        ..Default::default()
    };
    let vendor = infer::vendor("acme", &pages, &hints, &mut diags).vendor;
    ir::Schema {
        vendors: vec![vendor],
    }
}

fn drift(old: &[&str], new: &[&str]) -> Report {
    diff(&schema(old), &schema(new))
}

fn edit(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "the base page has no {from:?}");
    BASE.replacen(from, to, 1)
}

/// Asserts the report holds exactly one change, of this kind, at this path.
fn assert_one(report: &Report, path: &str, kind: Kind, severity: Severity, verdict: Verdict) {
    let found: Vec<String> = report
        .changes
        .iter()
        .map(|c| format!("{} {:?} {:?}", c.path, c.kind, c.severity))
        .collect();
    assert_eq!(report.changes.len(), 1, "{found:#?}");
    let c = &report.changes[0];
    assert_eq!(
        (c.path.as_str(), &c.kind, c.severity),
        (path, &kind, severity),
        "{found:#?}"
    );
    assert_eq!(report.verdict, verdict);
    assert!(!c.why.is_empty());
    assert_eq!(c.events, ["order.created"]);
}

#[test]
fn vendors_added_and_removed() {
    let none = ir::Schema { vendors: vec![] };
    let r = diff(&none, &schema(&[BASE]));
    assert_eq!(
        (&r.changes[0].kind, r.changes[0].severity, r.verdict),
        (&Kind::VendorAdded, Severity::Info, Verdict::Minor)
    );
    let r = diff(&schema(&[BASE]), &none);
    assert_eq!(
        (&r.changes[0].kind, r.changes[0].severity, r.verdict),
        (&Kind::VendorRemoved, Severity::Breaking, Verdict::Major)
    );
}

#[test]
fn payload_documented() {
    // An event listed with no payload, then documented on its own page.
    let listed = "Events\n\n  \u{2022} order.created\n  \u{2022} order.paid\n";
    let paid = "order.paid\n\n{\"type\": \"order.paid\", \"id\": \"o_1\"}\n";
    let r = drift(&[BASE, listed], &[BASE, listed, paid]);
    let c = r
        .changes
        .iter()
        .find(|c| c.events == ["order.paid"])
        .expect("a change for order.paid");
    assert_eq!(
        (&c.kind, c.severity),
        (&Kind::PayloadDocumented, Severity::Breaking)
    );
    let r = drift(&[BASE, listed, paid], &[BASE, listed]);
    assert!(r
        .changes
        .iter()
        .any(|c| c.kind == Kind::PayloadUndocumented));
}

#[test]
fn no_change_no_drift() {
    let r = drift(&[BASE], &[BASE]);
    assert!(r.changes.is_empty(), "{:#?}", r.changes);
    assert_eq!(r.verdict, Verdict::None);
}

#[test]
fn event_added_and_removed() {
    let paid = "order.paid\n\nFired when an order is paid.\n\n{\"type\": \"order.paid\", \"id\": \"o_1\"}\n";
    let r = drift(&[BASE], &[BASE, paid]);
    assert_eq!(r.changes.len(), 1, "{:#?}", r.changes);
    assert_eq!(
        (&r.changes[0].kind, r.changes[0].severity),
        (&Kind::EventAdded, Severity::Warning)
    );
    assert_eq!(r.changes[0].events, ["order.paid"]);
    assert_eq!(r.verdict, Verdict::Minor);

    let r = drift(&[BASE, paid], &[BASE]);
    assert_eq!(
        (&r.changes[0].kind, r.changes[0].severity),
        (&Kind::EventRemoved, Severity::Breaking)
    );
    assert_eq!(r.verdict, Verdict::Major);
}

#[test]
fn field_added_removed_renamed() {
    let added = edit("\"count\": 1,", "\"count\": 1, \"coupon\": \"SPRING\",");
    assert_one(
        &drift(&[BASE], &[&added]),
        "coupon",
        Kind::FieldAdded,
        Severity::Warning,
        Verdict::Minor,
    );

    let removed = edit("\"count\": 1, ", "");
    assert_one(
        &drift(&[BASE], &[&removed]),
        "count",
        Kind::FieldRemoved,
        Severity::Breaking,
        Verdict::Major,
    );

    let renamed = edit(
        "\"email\": \"ana@example.com\"",
        "\"email_address\": \"ana@example.com\"",
    );
    assert_one(
        &drift(&[BASE], &[&renamed]),
        "email_address",
        Kind::FieldRenamed {
            from: "email".into(),
            to: "email_address".into(),
        },
        Severity::Breaking,
        Verdict::Major,
    );
}

#[test]
fn nested_fields_are_named_by_path() {
    let removed = edit(", \"tier\": \"gold\"", "");
    assert_one(
        &drift(&[BASE], &[&removed]),
        "customer.tier",
        Kind::FieldRemoved,
        Severity::Breaking,
        Verdict::Major,
    );
}

#[test]
fn type_changed_widened_narrowed() {
    let changed = edit("\"count\": 1", "\"count\": \"one\"");
    assert_one(
        &drift(&[BASE], &[&changed]),
        "count",
        Kind::TypeChanged {
            from: "Number".into(),
            to: "String".into(),
        },
        Severity::Breaking,
        Verdict::Major,
    );
    // An example's `1` is no promise of an integer: `1.5` changes nothing.
    let float = edit("\"count\": 1", "\"count\": 1.5");
    assert!(drift(&[BASE], &[&float]).changes.is_empty());
    // A table's `integer` is one; `number` then widens it.
    let integer = edit(
        "total?stringRequired",
        "count?integer\n\ntotal?stringRequired",
    );
    let number = edit(
        "total?stringRequired",
        "count?number\n\ntotal?stringRequired",
    );
    assert_one(
        &drift(&[&integer], &[&number]),
        "count",
        Kind::TypeWidened {
            from: "i64".into(),
            to: "Number".into(),
        },
        Severity::Breaking,
        Verdict::Major,
    );
    let narrowed = edit("\"gift\": null", "\"gift\": \"a card\"");
    let r = drift(&[BASE], &[&narrowed]);
    let kinds: Vec<&Kind> = r.changes.iter().map(|c| &c.kind).collect();
    assert!(
        kinds.contains(&&Kind::TypeNarrowed {
            from: "Value".into(),
            to: "String".into()
        }),
        "{kinds:?}"
    );
    assert_eq!(r.verdict, Verdict::Major);
}

#[test]
fn presence_changes_judged_by_what_the_rust_type_does() {
    let optional = edit("idstringRequired", "id?string");
    assert_one(
        &drift(&[BASE], &[&optional]),
        "id",
        Kind::BecameOptional,
        Severity::Breaking,
        Verdict::Major,
    );
    assert_one(
        &drift(&[&optional], &[BASE]),
        "id",
        Kind::BecameRequired,
        Severity::Breaking,
        Verdict::Major,
    );
    // In one of two examples, then in the only one: `count` becomes required
    // by samples only, and stays `Maybe<i64>`: nothing breaks.
    let without = edit("\"count\": 1, ", "").replace("o_1", "o_2");
    let report = drift(&[BASE, &without], &[BASE]);
    let count: Vec<String> = report
        .changes
        .iter()
        .filter(|c| c.path == "count")
        .map(|c| format!("{:?} {:?}", c.kind, c.severity))
        .collect();
    assert_eq!(count, ["BecameRequired Info"]);
}

#[test]
fn nullability_changes() {
    // `status` is a Maybe<Status> (its type comes from the table): null was
    // already accepted, so the Rust type does not change.
    let nullable = edit("\"status\": \"open\"", "\"status\": null");
    assert_one(
        &drift(&[BASE], &[&nullable]),
        "status",
        Kind::BecameNullable,
        Severity::Warning,
        Verdict::Minor,
    );

    // With nothing but `null` to go by, a field's type is unknown: widened.
    let untyped = edit("\"email\": \"ana@example.com\"", "\"email\": null");
    let r = drift(&[BASE], &[&untyped]);
    assert!(r
        .changes
        .iter()
        .any(|c| matches!(&c.kind, Kind::TypeWidened { to, .. } if to == "Value")));

    // `id` is required: a String becomes an Option<String>.
    let both = edit("\"id\": \"o_1\"", "\"id\": null");
    let r = drift(&[BASE], &[&both]);
    let c = r
        .changes
        .iter()
        .find(|c| c.kind == Kind::BecameNullable)
        .expect("became nullable");
    assert_eq!((c.path.as_str(), c.severity), ("id", Severity::Breaking));

    let r = drift(&[&nullable], &[BASE]);
    let c = r
        .changes
        .iter()
        .find(|c| c.kind == Kind::StoppedBeingNullable)
        .expect("stopped");
    assert_eq!(c.severity, Severity::Info);
}

#[test]
fn enum_values_added_and_removed() {
    let added = edit("[open, paid]", "[open, paid, refunded]");
    assert_one(
        &drift(&[BASE], &[&added]),
        "status",
        Kind::EnumValueAdded {
            value: "refunded".into(),
        },
        Severity::Warning,
        Verdict::Minor,
    );
    let removed = edit("[open, paid]", "[open]");
    assert_one(
        &drift(&[BASE], &[&removed]),
        "status",
        Kind::EnumValueRemoved {
            value: "paid".into(),
        },
        Severity::Breaking,
        Verdict::Major,
    );
}

#[test]
fn format_and_description_changes() {
    let format = edit("\"2024-01-01T00:00:00Z\"", "\"yesterday\"");
    assert_one(
        &drift(&[BASE], &[&format]),
        "created_at",
        Kind::FormatChanged {
            from: Some("datetime".into()),
            to: None,
        },
        Severity::Breaking,
        Verdict::Major,
    );
    let described = edit("The order's id.", "The order's unique id.");
    assert_one(
        &drift(&[BASE], &[&described]),
        "id",
        Kind::DescriptionChanged,
        Severity::Info,
        Verdict::Patch,
    );
}

/// A field the examples always showed, which the doc now marks required:
/// the IR says "required" both times, but its Rust type goes from
/// `Maybe<T>` to `T`, and code that called `.value()` stops compiling.
#[test]
fn a_rust_type_change_is_breaking_even_when_the_facts_agree() {
    let promised = edit(
        "total?stringRequired\n\n",
        "total?stringRequired\n\nemailstringRequired\n\n",
    );
    let r = drift(&[BASE], &[&promised]);
    let found: Vec<String> = r
        .changes
        .iter()
        .map(|c| format!("{} {:?} {:?}", c.path, c.kind, c.severity))
        .collect();
    let c = r
        .changes
        .iter()
        .find(|c| c.path == "email" && matches!(c.kind, Kind::RustTypeChanged { .. }))
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(c.severity, Severity::Breaking);
    assert_eq!(
        c.kind,
        Kind::RustTypeChanged {
            from: "Maybe<T>".into(),
            to: "T".into()
        }
    );
    assert_eq!(r.verdict, Verdict::Major);
    // And back: no longer promised.
    let r = drift(&[&promised], &[BASE]);
    assert!(
        r.changes
            .iter()
            .any(|c| c.path == "email" && c.severity == Severity::Breaking),
        "{:#?}",
        r.changes
    );
}

/// What changed on the vendor's side: a table's promise (the contract), or
/// only what an example shows (the evidence).
#[test]
fn contract_changes_are_told_from_evidence_changes() {
    use hookgen::drift::Basis;
    let basis = |r: &Report, path: &str| -> Vec<(Kind, Basis)> {
        r.changes
            .iter()
            .filter(|c| c.path == path)
            .map(|c| (c.kind.clone(), c.basis))
            .collect()
    };
    // The table's type of `count` changes: the contract.
    let table = |ty: &str| {
        edit(
            "total?stringRequired",
            &format!("count?{ty}\n\ntotal?stringRequired"),
        )
    };
    let r = drift(&[&table("integer")], &[&table("number")]);
    assert_eq!(
        basis(&r, "count"),
        [(
            Kind::TypeWidened {
                from: "i64".into(),
                to: "Number".into()
            },
            Basis::Contract
        )]
    );
    // The example's value of the same field changes kind: the evidence.
    let r = drift(&[BASE], &[&edit("\"count\": 1", "\"count\": \"one\"")]);
    assert_eq!(
        basis(&r, "count"),
        [(
            Kind::TypeChanged {
                from: "Number".into(),
                to: "String".into()
            },
            Basis::Evidence
        )]
    );
    // An example now shows null where it showed a string no table types:
    // the Rust type changes all the same, but only the evidence did.
    let r = drift(&[BASE], &[&edit("\"ana@example.com\"", "null")]);
    let email = basis(&r, "email");
    assert!(
        !email.is_empty() && email.iter().all(|(_, b)| *b == Basis::Evidence),
        "{email:?}"
    );
    assert_eq!(r.verdict, Verdict::Major, "the Rust type still changes");
    // A field only the example shows goes: evidence; a table's row goes:
    // the contract.
    let r = drift(&[BASE], &[&edit(", \"count\": 1", "")]);
    assert_eq!(basis(&r, "count"), [(Kind::FieldRemoved, Basis::Evidence)]);
    let r = drift(&[BASE], &[&edit("id", "ident")]);
    assert!(
        r.changes.iter().any(|c| c.basis == Basis::Contract),
        "{:?}",
        r.changes
    );
    // A documented value list grows: the contract.
    let r = drift(&[BASE], &[&edit("[open, paid]", "[open, paid, void]")]);
    assert_eq!(
        basis(&r, "status"),
        [(
            Kind::EnumValueAdded {
                value: "void".into()
            },
            Basis::Contract
        )]
    );
    let md = hookgen::drift::markdown(&r, "webhook-models");
    assert!(md.contains("| contract |"), "{md}");
}

/// Two events whose payloads share a type: a change on one event's page
/// reaches the other through the type, and the report says so.
#[test]
fn a_change_through_a_shared_type_names_the_events_whose_pages_did_not_change() {
    let a = "order.created\n\nFired when an order is created.\n\n\
{\"type\": \"order.created\", \"id\": \"o_1\", \"customer\": {\"id\": \"c1\", \"tier\": \"gold\"}}\n";
    let b = "order.paid\n\nFired when an order is paid.\n\n\
{\"type\": \"order.paid\", \"id\": \"o_2\", \"customer\": {\"id\": \"c2\", \"tier\": \"gold\"}}\n";
    // `null` meets any kind: the two places still share one type.
    let b2 = b.replace("\"tier\": \"gold\"", "\"tier\": null");
    let r = drift(&[a, b], &[a, &b2]);
    let tier: Vec<_> = r
        .changes
        .iter()
        .filter(|c| c.path == "customer.tier")
        .collect();
    assert_eq!(tier.len(), 1, "{:?}", r.changes);
    assert_eq!(tier[0].events, ["order.created", "order.paid"]);
    assert_eq!(tier[0].via_shared_type, ["order.created"]);
    assert_eq!(tier[0].basis, hookgen::drift::Basis::Evidence);
    let md = hookgen::drift::markdown(&r, "webhook-models");
    assert!(
        md.contains("examples only; via a shared type for `order.created`"),
        "{md}"
    );
    // Both pages edited: no event is singled out.
    let a2 = a.replace("\"tier\": \"gold\"", "\"tier\": null");
    let r = drift(&[a, b], &[&a2, &b2]);
    assert!(
        r.changes.iter().all(|c| c.via_shared_type.is_empty()),
        "{:?}",
        r.changes
    );
}
