//! What hookgen extracts from pages in the catalog's other layouts
//! (tests/fixtures/layouts: written here, after ../shared/doc-formats.md;
//! its README.md is the per-layout report these tests keep true):
//! a markdown page with a pipe table, an event table and a fenced example
//! with comments and an ellipsis (payhub); a bulleted field list with an
//! unquoted, single-quoted example (shipfast); plain JSON files named by
//! event, several documents back to back (pingme); a table copied one cell
//! per line, with no event type in the body (tallyho); a folder per event of
//! plain payload files, the event type in a header (gitforge); one page for
//! several UPPER_SNAKE events of different shapes (ledgerly); an example with
//! line numbers and comments that list values (snippets); property × event
//! matrices, glued and as a pipe table (mailcast); a rendered OpenAPI body
//! with `enum (N)` cells glued (inboxly); sections headed by the code their
//! examples carry, `name type` lines with a line of description (bankfeed);
//! a sentence over a field's values, sections opened by a header line
//! (codeyard); tab-separated cells (crmly); event lists as kebab-case
//! cells, an `Event code` column and `name - description` lines (signflow,
//! paygate, storefront).

use std::path::Path;

use hookgen::ir::{self, Ty};

fn vendor<'a>(schema: &'a ir::Schema, name: &str) -> &'a ir::Vendor {
    schema
        .vendors
        .iter()
        .find(|v| v.name == name)
        .unwrap_or_else(|| panic!("no vendor {name}"))
}

/// `name:type!?` per field, as in the IR: `!` required, `?` nullable.
fn fields(v: &ir::Vendor, type_name: &str) -> Vec<String> {
    let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == type_name) else {
        panic!("{}: no struct {type_name}", v.name);
    };
    s.fields
        .iter()
        .map(|f| {
            // As the crate reads it.
            let ty = match f.ty.read_as() {
                Ty::String { format: Some(f) } => format!("string<{f:?}>"),
                Ty::String { format: None } => "string".to_owned(),
                Ty::Integer {
                    format: Some(f), ..
                } => format!("integer<{f:?}>"),
                Ty::Integer { .. } => "integer".to_owned(),
                Ty::Array { items, .. } => format!("[{items:?}]"),
                Ty::Named { name } => name.clone(),
                other => format!("{other:?}"),
            };
            format!(
                "{}:{ty}{}{}",
                f.name,
                if f.required { "!" } else { "" },
                if f.nullable { "?" } else { "" }
            )
        })
        .collect()
}

/// Each event with its payload type's name.
fn events_of(v: &ir::Vendor) -> Vec<(&str, Option<&str>)> {
    (v.events.iter())
        .map(|e| (e.name.as_str(), e.payload.as_deref()))
        .collect()
}

/// The layouts corpus, analyzed.
fn layouts() -> hookgen::Analysis {
    hookgen::analyze(Path::new("../tests/fixtures/layouts/specs"), "layouts").unwrap()
}

fn enum_values(v: &ir::Vendor, name: &str) -> Vec<String> {
    match v.types.iter().find(|t| t.name() == name) {
        Some(ir::TypeDef::Enum(ir::Enum {
            values: ir::EnumValues::Strings(s),
            ..
        })) => s.clone(),
        _ => panic!("{}: no string enum {name}", v.name),
    }
}

#[test]
fn each_layout_is_read() {
    let analysis = layouts();
    assert!(analysis.failed.is_empty());
    let s = &analysis.schema;

    // Pipe table, event table, fenced example with `//` and `...`.
    let payhub = vendor(s, "payhub");
    let events = events_of(payhub);
    assert_eq!(
        events,
        [
            ("invoice.paid", Some("InvoicePaid")),
            ("invoice.voided", None)
        ]
    );
    assert_eq!(
        payhub.events[1].description.as_deref(),
        Some("An invoice was voided.")
    );
    assert_eq!(
        fields(payhub, "InvoicePaid"),
        [
            "id:string!",
            "type:string!",
            "created:integer<UnixTime>!",
            "data:InvoicePaidData!"
        ]
    );
    assert_eq!(
        fields(payhub, "Invoice"),
        [
            "id:string!",
            "amount_due:integer!",
            "currency:string!",
            "status:Status!",
            "customer_email:string?",
            "paid_at:string<DateTime>",
            "lines:[Named { name: \"Line\" }]!",
        ]
    );
    assert_eq!(
        enum_values(payhub, "Status"),
        ["draft", "open", "paid", "void"]
    );

    // Bulleted fields nested by indentation; the example's keys unquoted.
    let shipfast = vendor(s, "shipfast");
    assert_eq!(
        shipfast.events[0].description.as_deref(),
        Some("Fires when a carrier confirms delivery.")
    );
    assert_eq!(
        fields(shipfast, "ShipmentDelivered"),
        ["event:string!", "shipment:Shipment!", "attempts:integer!"]
    );
    assert_eq!(
        fields(shipfast, "Shipment"),
        [
            "id:string!",
            "carrier:Carrier!",
            "delivered_at:string<DateTime>!",
            "signature:string!?"
        ]
    );
    assert_eq!(enum_values(shipfast, "Carrier"), ["ups", "fedex", "dhl"]);

    // Plain JSON: a field in every sample is required (by samples only).
    let pingme = vendor(s, "pingme");
    assert_eq!(
        pingme.discriminator.as_ref().map(|d| d.fields.clone()),
        Some(vec![vec!["topic".to_owned()]])
    );
    assert_eq!(
        fields(pingme, "MessageSent"),
        [
            "topic:string!",
            "id:Number!",
            "to:string!",
            "segments:Number!",
            "price:string<Decimal>!",
            "tag:string"
        ]
    );
    assert_eq!(
        fields(pingme, "MessageFailed"),
        [
            "topic:string!",
            "id:Number!",
            "to:string!",
            "error_code:Number!",
            "error_message:Any?"
        ]
    );

    // One cell per line; the page's file names its event.
    let tallyho = vendor(s, "tallyho");
    assert_eq!(tallyho.events[0].name, "refund.created");
    assert!(tallyho.discriminator.is_none());
    assert_eq!(
        tallyho.events[0].description.as_deref(),
        Some("Emitted when a refund is created for a charge.")
    );
    assert_eq!(
        fields(tallyho, "RefundCreated"),
        [
            "id:string!",
            "object:string!",
            "amount:integer!",
            "reason:Reason!",
            "failure_reason:string!?"
        ]
    );
    assert_eq!(
        enum_values(tallyho, "Reason"),
        ["duplicate", "fraudulent", "requested_by_customer"]
    );

    // Every example is assigned to its event.
    let per_event: Vec<(String, String)> = analysis
        .examples
        .iter()
        .map(|e| (e.vendor.clone(), e.event.clone()))
        .collect();
    assert_eq!(per_event.len(), 32, "{per_event:?}");
}

/// Bare resources as bodies, the event type in the URL path the page names
/// (hookline): the discriminator says so, and nothing warns.
#[test]
fn the_event_type_in_the_url() {
    let analysis = layouts();
    let v = vendor(&analysis.schema, "hookline");
    let d = v.discriminator.as_ref().expect("a discriminator");
    assert_eq!(
        (d.url.as_deref(), d.header.as_deref(), d.fields.len()),
        (Some("/webhooks/{event}"), None, 0)
    );
    assert_eq!(
        d.outside_body().as_deref(),
        Some("the URL path (`/webhooks/{event}`)")
    );
    let events: Vec<&str> = v.events.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(events, ["call.ended", "call.started"]);
    assert!(!analysis
        .diagnostics
        .iter()
        .any(|d| d.to_string().contains("hookline")));
}

/// An example copied with its code block's line numbers, and comments that
/// describe fields and list their values (snippets).
#[test]
fn numbered_examples_and_comments_beside_values() {
    let analysis = layouts();
    let v = vendor(&analysis.schema, "snippets");
    assert_eq!(
        fields(v, "OrderPaid"),
        [
            "type:string!",
            "id:string!",
            "amount:Number!",
            "status:Status!",
            "channel:Channel!",
            "created:integer<UnixTime>!",
            "customer:Customer!"
        ]
    );
    assert_eq!(enum_values(v, "Status"), ["paid", "refunded"]);
    assert_eq!(enum_values(v, "Channel"), ["web", "pos", "api"]);
    assert_eq!(enum_values(v, "Tier"), ["gold", "silver", "bronze"]);
    let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == "OrderPaid") else {
        panic!("no OrderPaid")
    };
    let amount = s.fields.iter().find(|f| f.name == "amount").unwrap();
    assert_eq!(amount.description.as_deref(), Some("in cents"));
    assert_eq!(amount.source.line, 9);
}

/// One page for several events, named in UPPER_SNAKE in an event table, with
/// an example of each whose shapes differ (ledgerly): a payload type per
/// event, found through the body field that carries the event type.
#[test]
fn one_page_for_events_of_different_shapes() {
    let analysis = layouts();
    let v = vendor(&analysis.schema, "ledgerly");
    assert_eq!(
        v.discriminator.as_ref().map(|d| d.fields.clone()),
        Some(vec![vec!["eventType".to_owned()]])
    );
    let events = events_of(v);
    assert_eq!(
        events,
        [
            ("INVOICE_CREATED", Some("InvoiceCreated")),
            ("INVOICE_PAID", Some("InvoicePaid")),
            ("PAYOUT_FAILED", None),
            ("PAYOUT_SENT", Some("PayoutSent"))
        ]
    );
    assert_eq!(
        fields(v, "PayoutSentData"),
        [
            "payoutId:string!",
            "amount:Number!",
            "currency:string!",
            "arrivalDate:string<Date>!",
            "bankAccount:BankAccount!"
        ]
    );
    // The three payloads share their envelope: one generic type over `data`.
    for name in ["InvoiceCreated", "InvoicePaid", "PayoutSent"] {
        let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == name) else {
            panic!("no {name}")
        };
        let e = s
            .envelope
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: no envelope"));
        assert_eq!((e.generic.as_str(), e.field.as_str()), ("Envelope", "data"));
    }
    // The invoice events' `lines` items are one type.
    assert!(fields(v, "InvoicePaidData").contains(&"lines:[Named { name: \"Line\" }]!".to_owned()));
    assert!(
        fields(v, "InvoiceCreatedData").contains(&"lines:[Named { name: \"Line\" }]!".to_owned())
    );
}

/// A folder per event of plain payload files, as vendors publish sample
/// collections (gitforge): the folder names the event, each file is one more
/// sample, the README names the header that carries the event type, and
/// shapes recur across events.
#[test]
fn folders_of_payload_files() {
    let analysis = layouts();
    let v = vendor(&analysis.schema, "gitforge");
    let d = v.discriminator.as_ref().expect("a discriminator");
    assert_eq!(
        (d.header.as_deref(), d.fields.len()),
        (Some("X-Forge-Event"), 0)
    );
    let events: Vec<(&str, Option<&str>, usize)> = v
        .events
        .iter()
        .map(|e| (e.name.as_str(), e.payload.as_deref(), e.examples.len()))
        .collect();
    // `examples/` holds files; it is not an event. `ping.json` is one.
    assert_eq!(
        events,
        [
            ("issues", Some("Issues"), 3),
            ("ping", Some("Ping"), 1),
            ("push", Some("Push"), 2)
        ]
    );
    let issues = fields(v, "Issues");
    for f in [
        "action:string!",
        "issue:Issue!",
        "repository:Repository!",
        "sender:Sender!",
        "label:Label",
        "organization:Organization",
    ] {
        assert!(issues.contains(&f.to_owned()), "{f} in {issues:?}");
    }
    assert!(fields(v, "Repository").contains(&"owner:Sender!".to_owned()));
    let issue = fields(v, "Issue");
    for f in [
        "body:string!?",
        "closed_at:string<DateTime>!?",
        "labels:[Named { name: \"Label\" }]!",
        "user:Sender!",
    ] {
        assert!(issue.contains(&f.to_owned()), "{f} in {issue:?}");
    }
    // Present in both samples: required, by samples only; `head_commit` was
    // seen null.
    let push = fields(v, "Push");
    for f in [
        "ref:string!",
        "commits:[Named { name: \"Commit\" }]!",
        "head_commit:Commit!?",
    ] {
        assert!(push.contains(&f.to_owned()), "{f} in {push:?}");
    }
    // Only samples show these as required: the Rust type stays lenient.
    let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == "Issues") else {
        panic!("no Issues")
    };
    assert!(s.fields.iter().all(|f| f.repr() == ir::Repr::Maybe));
    let gitforge_warnings: Vec<String> = analysis
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .filter(|d| d.contains("gitforge"))
        .collect();
    assert!(gitforge_warnings.is_empty(), "{gitforge_warnings:?}");
}

/// Property × event matrices (mailcast), glued as a browser copies them and
/// as a pipe table: each column an event, each row a field of the payload
/// they share, and a field some events lack says so.
#[test]
fn a_matrix_of_fields_per_event() {
    let analysis = layouts();
    let v = vendor(&analysis.schema, "mailcast");
    let events = events_of(v);
    let shared = Some("MailcastEvent");
    assert_eq!(
        events,
        [
            ("bounced", shared),
            ("clicked", shared),
            ("dropped", shared),
            ("opened", shared),
            ("queued", shared),
            ("sent", shared)
        ]
    );
    let d = v.discriminator.as_ref().expect("a discriminator");
    assert_eq!(d.fields, [vec!["event".to_owned()]]);
    let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == "MailcastEvent") else {
        panic!("no MailcastEvent");
    };
    let described: Vec<(&str, &str)> = s
        .fields
        .iter()
        .map(|f| (f.name.as_str(), f.description.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        described,
        [
            ("email", ""),
            ("event", ""),
            ("message_id", ""),
            ("reason", "Sent with 2 of the 4 events only."),
            ("smtp_code", "Sent with 1 of the 4 events only."),
            ("url", "Sent with clicked only."),
            ("user_agent", ""),
        ]
    );
}

/// A rendered OpenAPI request body (inboxly): `enum (N)` type cells whose
/// values lost their separators, the carrier's values as the events, which
/// share the body's type, and the URL's parameters left out of it.
#[test]
fn counted_enums_glued_and_the_events_they_name() {
    let analysis = layouts();
    let v = vendor(&analysis.schema, "inboxly");
    let events = events_of(v);
    let body = Some("InboxlyEvent");
    assert_eq!(
        events,
        [("bounced", body), ("delivered", body), ("opened", body)]
    );
    assert_eq!(
        fields(v, "InboxlyEvent"),
        [
            "source:Source!",
            "event:InboxlyEventEvent!",
            "recipient:string!",
            "bounce_type:BounceType",
            "attempt:Attempt"
        ]
    );
    assert_eq!(enum_values(v, "Source"), ["inboxly"]);
    assert_eq!(enum_values(v, "BounceType"), ["permanent", "temporary"]);
}

/// A page of sections headed by a bare UPPER_SNAKE code that each example
/// repeats in `webhook_code` (bankfeed), their fields as `name type` lines
/// with a description or a value on the line below: each section is an
/// event, the code its carrier, and each list describes its own event only.
#[test]
fn sections_named_by_their_examples_keep_their_own_fields() {
    let analysis = layouts();
    let v = vendor(&analysis.schema, "bankfeed");
    let events = events_of(v);
    assert_eq!(
        events,
        [
            ("BALANCE_REFRESHED", Some("BalanceRefreshed")),
            ("ENTRIES_ADDED", Some("EntriesAdded"))
        ]
    );
    let d = v.discriminator.as_ref().expect("a discriminator");
    assert_eq!(d.fields, [vec!["webhook_code".to_owned()]]);
    assert_eq!(
        fields(v, "BalanceRefreshed"),
        [
            "webhook_type:string!",
            "webhook_code:string!",
            "connection_id:string!",
            "first_sync_done:Boolean!",
            "full_sync_done:Boolean!",
            "environment:Environment!"
        ]
    );
    // `removed_entries` no example shows: its section's event has it.
    assert_eq!(
        fields(v, "EntriesAdded"),
        [
            "webhook_type:string!",
            "webhook_code:string!",
            "connection_id:string!",
            "new_entries:integer!",
            "environment:Environment!",
            "removed_entries:integer"
        ]
    );
    assert_eq!(enum_values(v, "Environment"), ["sandbox", "live"]);
    let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == "EntriesAdded") else {
        panic!("no EntriesAdded");
    };
    let described =
        |name: &str| (s.fields.iter().find(|f| f.name == name)).and_then(|f| f.description.clone());
    assert_eq!(
        described("connection_id").as_deref(),
        Some("The connection the entries belong to")
    );
}

/// Sections opened by a request's header line (`X-Codeyard-Event: Push
/// Hook`), and a sentence naming a field over its values one per line.
#[test]
fn a_sentence_that_names_a_field_over_its_values() {
    let analysis = layouts();
    let v = vendor(&analysis.schema, "codeyard");
    let events = events_of(v);
    assert_eq!(
        events,
        [
            ("Issue Hook", Some("IssueHook")),
            ("Push Hook", Some("PushHook"))
        ]
    );
    let d = v.discriminator.as_ref().expect("a discriminator");
    assert_eq!(d.header.as_deref(), Some("X-Codeyard-Event"));
    assert!(fields(v, "ObjectAttributes").contains(&"action:Action!".to_owned()));
    assert_eq!(
        enum_values(v, "Action"),
        ["open", "close", "reopen", "update"]
    );
    // The issue's field is not the push's.
    assert!(!fields(v, "PushHook")
        .iter()
        .any(|f| f.starts_with("object_attributes")));
}

/// Cells kept apart by tabs, as a browser copies a table: event names in
/// camelCase (`person.propertyChange`) under "Subscription types" and a
/// lead line, and a `Field⇥Description` table; events with no example of
/// their own take the page's shared type.
#[test]
fn tab_separated_cells_are_table_cells() {
    let analysis = layouts();
    let v = vendor(&analysis.schema, "crmly");
    let events: Vec<(&str, Option<&str>, &str)> = v
        .events
        .iter()
        .map(|e| {
            (
                e.name.as_str(),
                e.payload.as_deref(),
                e.description.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        events,
        [
            (
                "account.creation",
                Some("CrmlyEvent"),
                "Sent when an account is created."
            ),
            (
                "person.creation",
                Some("PersonCreation"),
                "Sent when someone creates a person record."
            ),
            (
                "person.deletion",
                Some("CrmlyEvent"),
                "Sent when a person record is deleted."
            ),
            (
                "person.propertyChange",
                Some("PersonPropertyChange"),
                "Sent when a chosen property of a person changes."
            ),
        ]
    );
    let d = v.discriminator.as_ref().expect("a discriminator");
    assert_eq!(d.fields, [vec!["subscriptionType".to_owned()]]);
    let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == "CrmlyEvent") else {
        panic!("no CrmlyEvent");
    };
    let property = s.fields.iter().find(|f| f.name == "propertyName");
    assert_eq!(
        property.and_then(|f| f.description.as_deref()),
        Some("Only for property changes: the property that changed.")
    );
}

/// Event lists in three more shapes, each over one example: kebab-case
/// names in tab-separated cells under "Document events" (signflow),
/// one-word UPPER codes in an `Event code` column (paygate), `name -
/// description` lines under "Event types" and a lead line (storefront).
/// Every listed event shares the page's payload, with its description.
#[test]
fn event_lists_in_columns_and_described_lines() {
    let analysis = layouts();
    for (vendor_name, carrier, payload, listed) in [
        (
            "signflow",
            "event",
            "SignflowEvent",
            &[
                ("document-completed", "Sent when all signers have signed."),
                (
                    "document-sent",
                    "Sent once the document goes out to its first signer.",
                ),
                (
                    "document-viewed",
                    "Sent when every signer has opened the document.",
                ),
                ("signer-declined", "Sent when a signer refuses to sign."),
            ][..],
        ),
        (
            "paygate",
            "eventCode",
            "PaygateEvent",
            &[
                ("AUTHORISATION", "The outcome of an authorisation."),
                ("CANCELLATION", "A payment was cancelled."),
                ("CAPTURE", "A payment was captured."),
                ("REFUND", "A payment was refunded."),
            ][..],
        ),
        (
            "storefront",
            "meta.event_name",
            "StorefrontEvent",
            &[
                ("order_created", "Sent when a customer places an order."),
                (
                    "order_refunded",
                    "Sent when an order is refunded in full or in part.",
                ),
                ("subscription_created", "Sent when a subscription starts."),
            ][..],
        ),
    ] {
        let v = vendor(&analysis.schema, vendor_name);
        let got: Vec<(&str, Option<&str>, &str)> = (v.events.iter())
            .map(|e| {
                let d = e.description.as_deref().unwrap_or("");
                (e.name.as_str(), e.payload.as_deref(), d)
            })
            .collect();
        let want: Vec<(&str, Option<&str>, &str)> = (listed.iter())
            .map(|&(name, d)| (name, Some(payload), d))
            .collect();
        assert_eq!(got, want, "{vendor_name}");
        let d = v.discriminator.as_ref().expect("a discriminator");
        let path: Vec<String> = carrier.split('.').map(str::to_owned).collect();
        assert_eq!(d.fields, [path], "{vendor_name}");
    }
}

/// Sections headed `Bounce webhook`, `Delivery webhook`, each over an
/// example whose `RecordType` says that first word: the headings name the
/// events, and the field the carrier, though its name says nothing of
/// events.
#[test]
fn headings_whose_first_word_their_examples_say() {
    let analysis = layouts();
    let v = vendor(&analysis.schema, "mailtrack");
    assert_eq!(
        events_of(v),
        [
            ("Bounce", Some("Bounce")),
            ("Delivery", Some("Delivery")),
            ("Open", Some("Open"))
        ]
    );
    let d = v.discriminator.as_ref().expect("a discriminator");
    assert_eq!(d.fields, [vec!["RecordType".to_owned()]]);
    let bounce = v
        .events
        .iter()
        .find(|e| e.name == "Bounce")
        .expect("Bounce");
    assert_eq!(
        bounce.description.as_deref(),
        Some("Sent when a message bounces.")
    );
    assert!(fields(v, "Open").contains(&"FirstOpen:Boolean!".to_owned()));
}
