//! Every example on every spec page parses into its event's variant and
//! serializes back to exactly the example.

use hookgen_tests::{assert_round_trip, HOSTILE, SEEDS};
use webhook_models::AnyEvent;

#[test]
fn every_example_round_trips_through_its_variant() {
    let analysis = SEEDS.analysis();
    let examples = &analysis.examples;
    // Whatever specs/ holds: if its pages show examples, they are tested.
    let shown = analysis
        .schema
        .vendors
        .iter()
        .any(|v| v.events.iter().any(|e| !e.examples.is_empty()));
    assert!(
        !shown || !examples.is_empty(),
        "the spec examples were not collected"
    );
    for ex in examples {
        let what = format!("{} ({} {})", ex.loc, ex.vendor, ex.event);
        let body = serde_json::to_vec(&ex.body).unwrap();
        let event = AnyEvent::from_json_with_type(&ex.vendor, &ex.event, &body)
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(!event.is_unknown(), "{what}: parsed as an unknown event");
        assert_eq!(event.event_type(), ex.event, "{what}");
        assert_eq!(event.vendor(), ex.vendor, "{what}");
        assert_round_trip(&event, &ex.body, &what);

        // Where the body names its own event, the type is read from the body.
        if ex.body_names_event {
            let from_body =
                AnyEvent::from_json(&ex.vendor, &body).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(from_body, event, "{what}");
        }
    }
}

/// Where the event type travels in a header, no example's body names it,
/// and none is read for one (a user's vendor of this kind failed the test
/// above).
#[test]
fn a_body_without_its_event_type_is_not_read_for_one() {
    let examples: Vec<_> = HOSTILE
        .analysis()
        .examples
        .iter()
        .filter(|e| e.vendor == "headeronly")
        .collect();
    assert!(!examples.is_empty(), "the header vendor shows an example");
    for ex in examples {
        assert!(!ex.body_names_event, "{}: the body names no event", ex.loc);
    }
}

/// Every event with examples has the payload type they were read into.
#[test]
fn every_event_with_examples_has_a_payload_type() {
    for v in &SEEDS.analysis().schema.vendors {
        for e in v.events.iter().filter(|e| !e.examples.is_empty()) {
            assert!(
                e.payload.is_some(),
                "{}: {} has examples and no payload type",
                v.name,
                e.name
            );
        }
    }
}

#[test]
fn hostile_names_and_text_round_trip() {
    let examples: Vec<_> = HOSTILE
        .analysis()
        .examples
        .iter()
        .filter(|e| e.vendor == "hostile")
        .collect();
    assert_eq!(examples.len(), 13, "one example per hostile event type");
    for ex in examples {
        let what = format!("{} ({:?})", ex.loc, ex.event);
        let body = serde_json::to_vec(&ex.body).unwrap();
        let event = hostile_models::hostile::Event::from_json(&body)
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(!event.is_unknown(), "{what}: parsed as an unknown event");
        assert_eq!(event.event_type(), ex.event, "{what}");
        assert_round_trip(&event, &ex.body, &what);
    }
}

#[test]
fn event_types_outside_the_body() {
    // The page says the type travels in a header: from_json says which.
    let body = br#"{"id": "o_1", "total": 12}"#;
    let err = hostile_models::headeronly::Event::from_json(body).unwrap_err();
    assert_eq!(err.kind(), hostile_models::ErrorKind::MissingEventType);
    assert!(
        err.to_string().contains("`X-Hostile-Event` header"),
        "{err}"
    );
    let event =
        hostile_models::headeronly::Event::from_json_with_type("order.created", body).unwrap();
    assert_eq!(event.event_type(), "order.created");
    assert_round_trip(&event, &serde_json::from_slice(body).unwrap(), "header");

    // Nothing says where it travels.
    let body = br#"{"id": "p_1"}"#;
    let err = hostile_models::nowhere::Event::from_json(body).unwrap_err();
    assert_eq!(err.kind(), hostile_models::ErrorKind::MissingEventType);
    let event = hostile_models::nowhere::Event::from_json_with_type("ping.sent", body).unwrap();
    assert!(!event.is_unknown());

    // No event at all: the error names the vendor and the fix.
    let err = hostile_models::noevents::Event::from_json(br#"{"kind": "Ping"}"#).unwrap_err();
    assert_eq!(err.kind(), hostile_models::ErrorKind::MissingEventType);
    let message = err.to_string();
    assert!(
        message.contains("`noevents`") && message.contains("specs/noevents/hookgen.toml"),
        "{message}"
    );
}

#[test]
fn a_batch_in_an_envelope_is_read_by_its_first_items_event() {
    use hostile_models::batches::Event;
    // The items' field is the carrier; a batch is its first item's event,
    // and every item stays in the payload.
    let body = br#"{"live": "true", "notificationItems": [
        {"NotificationRequestItem": {"eventCode": "REFUND", "pspReference": "1", "amount": {"currency": "EUR", "value": 5}}},
        {"NotificationRequestItem": {"eventCode": "CAPTURE", "pspReference": "2"}}
    ]}"#;
    let event = Event::from_json(body).unwrap();
    assert_eq!(event.event_type(), "REFUND");
    let Event::Refund(payload) = &event else {
        panic!("{event:?}");
    };
    assert_eq!(payload.notification_items.value().map(Vec::len), Some(2));
    assert_round_trip(&event, &serde_json::from_slice(body).unwrap(), "batch");
    // An event code the page never shows is kept whole.
    let body = br#"{"notificationItems": [{"NotificationRequestItem": {"eventCode": "PAYOUT"}}]}"#;
    assert!(Event::from_json(body).unwrap().is_unknown());
    // No items: the error names the path, as written.
    let err = Event::from_json(br#"{"live": "true", "notificationItems": []}"#).unwrap_err();
    assert_eq!(err.kind(), hostile_models::ErrorKind::MissingEventType);
    assert!(
        err.to_string()
            .contains("`notificationItems[].NotificationRequestItem.eventCode`"),
        "{err}"
    );
}
