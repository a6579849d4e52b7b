//! Payloads that differ from the doc examples, as real ones do: real values,
//! nulls and absences, fields and enum values the docs do not list, event
//! types they do not list. All parse, stay typed, and round-trip unchanged.
//!
//! These tests name the seed vendors' types, so they read `seed-models`,
//! generated from a pinned copy of the seed pages
//! (`tests/fixtures/seeds/specs`), not the crate `specs/` makes: editing or
//! removing a vendor in `specs/` leaves them green.

use hookgen_tests::{assert_lossless, assert_round_trip};
use seed_models::{ErrorKind, Maybe};
use serde_json::json;

fn bytes(v: &serde_json::Value) -> Vec<u8> {
    serde_json::to_vec(v).unwrap()
}

mod flexprice {
    use super::*;
    use seed_models::flexprice::Event;

    #[test]
    fn real_values_nulls_absences_and_new_fields() {
        let body = json!({
            "event_type": "customer.updated",
            "webhook_id": "wh_01",
            "customer": {
                "id": "cus_01H8", "email": "ana@example.com", "name": "Ana",
                "created_at": "2024-05-01T10:00:00Z",
                "address_line2": null,
                "metadata": {"plan": "pro", "seats": 3},
                "integrations": [],
                "loyalty_tier": "gold"
            }
        });
        let event = Event::from_json(&bytes(&body)).unwrap();
        let Event::CustomerUpdated(p) = &event else {
            panic!("{event:?}")
        };
        assert_eq!(p.event_type, "customer.updated");
        assert_eq!(p.extra["webhook_id"].to_value(), "wh_01");
        let c = p.customer.value().expect("customer present");
        assert_eq!(c.email.value().map(String::as_str), Some("ana@example.com"));
        assert!(c.address_line2.is_null());
        assert!(c.address_city.is_absent());
        assert_eq!(
            c.created_at.value().and_then(|t| t.unix_seconds()),
            Some(1_714_557_600)
        );
        assert_eq!(c.extra["loyalty_tier"].to_value(), "gold");
        assert_round_trip(&event, &body, "flexprice");
    }

    #[test]
    fn events_without_a_documented_payload_and_unknown_events_are_kept() {
        let body = json!({"event_type": "wallet.created", "wallet": {"id": "w1"}});
        let event = Event::from_json(&bytes(&body)).unwrap();
        assert!(
            matches!(&event, Event::WalletCreated(v) if v.to_value() == body),
            "{event:?}"
        );
        assert_round_trip(&event, &body, "wallet.created");

        let body = json!({"event_type": "wallet.exploded", "wallet": {"id": "w1"}});
        let event = Event::from_json(&bytes(&body)).unwrap();
        assert!(event.is_unknown());
        assert_eq!(event.event_type(), "wallet.exploded");
        assert_round_trip(&event, &body, "unknown event");
    }

    #[test]
    fn a_body_without_its_event_type_is_a_clear_error() {
        let err = Event::from_json(br#"{"customer": {}}"#).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::MissingEventType);
        assert!(err.to_string().contains("`event_type`"), "{err}");
        let err = Event::from_json(b"{not json").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Syntax);
    }
}

mod ordergroove {
    use super::*;
    use seed_models::ordergroove::{Event, PhoneType, PhoneTypeDisplay};

    fn body(phone_type: serde_json::Value, display: &str) -> serde_json::Value {
        json!({
            "id": "evt_1", "type": "subscriber.cancel", "created": 1_700_000_000,
            "data": {"object": {
                "type": "subscriber", "merchant": "m1", "email": null,
                "phone_type": phone_type, "phone_type_display": display,
                "locale": 47, "subscriptions": [], "live": false,
                "loyalty_points": 12
            }},
            "api_version": 2
        })
    }

    #[test]
    fn integer_enums_are_labelled_and_open() {
        for (value, display, want, want_display) in [
            (
                json!(2),
                "mobile",
                PhoneType::Mobile,
                PhoneTypeDisplay::Mobile,
            ),
            (
                json!(9),
                "satellite",
                PhoneType::Unknown(9),
                PhoneTypeDisplay::Unknown("satellite".into()),
            ),
        ] {
            let body = body(value, display);
            let event = Event::from_json(&bytes(&body)).unwrap();
            let Event::SubscriberCancel(p) = &event else {
                panic!("{event:?}")
            };
            let sub = p
                .data
                .value()
                .and_then(|d| d.object.value())
                .expect("subscriber");
            assert_eq!(sub.phone_type, Maybe::Value(want));
            assert_eq!(sub.phone_type_display, Maybe::Value(want_display));
            assert!(sub.email.is_null());
            assert_eq!(p.created.value().map(|t| t.0), Some(1_700_000_000));
            assert_round_trip(&event, &body, "ordergroove");
        }
    }

    #[test]
    fn parse_errors_name_the_json_path() {
        let body = body(json!("two"), "mobile");
        let err = Event::from_json(&bytes(&body)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Data);
        assert_eq!(err.path(), "data.object.phone_type");
        assert!(
            err.to_string()
                .starts_with("data.object.phone_type: invalid type"),
            "{err}"
        );
    }
}

mod nextcommerce {
    use super::*;
    use seed_models::nextcommerce::Event;

    /// Bytes that are not UTF-8 (read as bytes, not as text) are an error
    /// at their field, as serde_json reports it, by either entry point.
    #[test]
    fn a_body_that_is_not_utf8_is_an_error_at_its_field() {
        let mut body =
            br#"{"event_type": "subscription.updated", "data": {"id": 1, "total": "12"#.to_vec();
        body.push(0xFF);
        body.extend_from_slice(br#""}}"#);
        assert!(std::str::from_utf8(&body).is_err());
        for err in [
            Event::from_json(&body).unwrap_err(),
            Event::from_json_with_type("subscription.updated", &body).unwrap_err(),
        ] {
            assert_eq!(err.path(), "data.total", "{err}");
            assert!(err.to_string().contains("invalid unicode"), "{err}");
        }
    }

    #[test]
    fn values_where_the_example_had_null_and_null_where_it_had_values() {
        let body = json!({
            "api_version": "2024-04-01",
            "event_id": "0b7d3c2e-1f5a-4b8e-9c6d-2a1e3f4b5c6d",
            "event_type": "subscription.updated",
            "object": "subscription",
            "data": {
                "id": 812, "total": "129.90", "billing_address": null,
                "attribution": {"affiliate": "partner-7", "agent": {"email": "rep@example.com", "id": 4}},
                "user": {"email": "buyer@example.com", "ip": "203.0.113.9", "id": 77},
                "lines": [{"id": 1, "price": "64.95", "quantity": 2, "gift_wrap": true}],
                "next_renewal_date": "2025-01-01T00:00:00Z"
            }
        });
        let event = Event::from_json(&bytes(&body)).unwrap();
        let Event::SubscriptionUpdated(p) = &event else {
            panic!("{event:?}")
        };
        assert_eq!(
            p.event_id.value().map(|u| u.as_str()),
            Some("0b7d3c2e-1f5a-4b8e-9c6d-2a1e3f4b5c6d")
        );
        let data = p.data.value().unwrap();
        assert_eq!(data.total.value().and_then(|d| d.to_f64()), Some(129.90));
        assert!(data.billing_address.is_null());
        assert!(data.shipping_address.is_absent());
        assert_eq!(
            data.lines.value().unwrap()[0].extra["gift_wrap"].text(),
            "true"
        );
        assert_round_trip(&event, &body, "nextcommerce");
    }
}

mod pelcro {
    use super::*;
    use seed_models::pelcro::Event;

    #[test]
    fn shared_types_and_metadata_in_either_form() {
        let address = json!({"object": "address", "id": 9, "city": "Laval", "company": null, "type": "billing"});
        let body = json!({
            "type": "subscription.updated", "id": "evt_2", "created": 1_724_531_555,
            "data": {"object": {
                "object": "subscription", "id": 72, "metadata": {"source": "import"},
                "shipping_address": address, "address_shipping": null,
                "customer": {"object": "customer", "id": 65, "metadata": []},
                "status": "active", "renews_at": 1_760_000_000
            }, "previous_attributes": {"status": "trialing"}}
        });
        let event = Event::from_json(&bytes(&body)).unwrap();
        let Event::SubscriptionUpdated(p) = &event else {
            panic!("{event:?}")
        };
        let sub = p.data.value().and_then(|d| d.object.value()).unwrap();
        let shipping: &seed_models::pelcro::Address = sub.shipping_address.value().unwrap();
        assert_eq!(shipping.city.value().map(String::as_str), Some("Laval"));
        assert!(shipping.company.is_null());
        assert_round_trip(&event, &body, "pelcro");
    }
}

mod chargeover {
    use super::*;
    use seed_models::chargeover::{DunningDelivery, Event, InvoiceDelivery};

    #[test]
    fn the_event_type_is_read_from_a_pair_of_fields() {
        let body = json!({
            "context_str": "package", "context_id": 561, "event": "upgrade",
            "data": {
                "package": {"package_id": 561, "customer_id": 12, "amount_due": 10.5, "tags": ["vip"],
                            "line_items": [{"line_item_id": 1}]},
                "customer": {"customer_id": 12, "invoice_delivery": "email", "dunning_delivery": "fax"},
                "user": {"user_id": 3},
                "old_line_item": {"line_item_id": 1, "tierset": {"tierset_id": 2, "tiers": {"1": {"price": 5}}}},
                "new_line_item": {"line_item_id": 2, "item_units": 3}
            },
            "security_token": "abc"
        });
        let event = Event::from_json(&bytes(&body)).unwrap();
        assert_eq!(event.event_type(), "package.upgrade");
        let Event::PackageUpgrade(p) = &event else {
            panic!("{event:?}")
        };
        assert_eq!(p.security_token.value().map(String::as_str), Some("abc"));
        let data = p.data.value().unwrap();
        let customer = data.customer.value().unwrap();
        assert_eq!(
            customer.invoice_delivery,
            Maybe::Value(InvoiceDelivery::Email)
        );
        assert_eq!(
            customer.dunning_delivery,
            Maybe::Value(DunningDelivery::Unknown("fax".into()))
        );
        let tierset = data
            .old_line_item
            .value()
            .and_then(|l| l.tierset.value())
            .unwrap();
        assert_eq!(tierset.tiers.value().unwrap().to_value()["1"]["price"], 5);
        assert_round_trip(&event, &body, "chargeover");

        let other =
            json!({"context_str": "customer", "context_id": 1, "event": "insert", "data": {}});
        let event = Event::from_json(&bytes(&other)).unwrap();
        assert!(event.is_unknown());
        assert_eq!(event.event_type(), "customer.insert");
        assert_round_trip(&event, &other, "unknown chargeover event");
    }

    #[test]
    fn integers_at_the_edges_come_back_as_sent() {
        for text in [
            "0",
            "-0",
            "-12",
            "7",
            "999999999999999999",
            "-999999999999999999",
            "1000000000000000000",
            "-1000000000000000000",
            "9223372036854775807",
            "-9223372036854775808",
            "9223372036854775808",
            "-9223372036854775809",
        ] {
            let body = format!(
                r#"{{"context_str":"package","context_id":561,"event":"upgrade","data":{{"new_line_item":{{"item_units":{text}}}}}}}"#
            );
            let event = Event::from_json(body.as_bytes()).unwrap();
            let Event::PackageUpgrade(p) = &event else {
                panic!("{event:?}")
            };
            let units = p
                .data
                .value()
                .and_then(|d| d.new_line_item.value())
                .and_then(|l| l.item_units.value())
                .unwrap();
            assert_eq!(units.to_string(), text);
            assert_eq!(units.as_i64(), text.parse::<i64>().ok(), "{text}");
            assert!(units.is_integer(), "{text}");
            assert_eq!(serde_json::to_string(&event).unwrap(), body);
        }
    }

    #[test]
    fn numbers_come_back_as_sent() {
        // `item_units` is a float on the page: a `Number`, kept as its text.
        let body = br#"{"context_str":"package","context_id":561,"event":"upgrade","data":{"new_line_item":{"line_item_id":2,"item_units":3.50,"trial_units":1e2,"line_quantity":12345678901234567890123}}}"#;
        let event = Event::from_json(body).unwrap();
        let Event::PackageUpgrade(p) = &event else {
            panic!("{event:?}")
        };
        let line = p
            .data
            .value()
            .and_then(|d| d.new_line_item.value())
            .unwrap();
        let units = line.item_units.value().unwrap();
        assert_eq!(
            (units.to_string(), units.as_f64(), units.as_i64()),
            ("3.50".to_owned(), Some(3.5), None)
        );
        assert_eq!(line.line_item_id.value(), Some(&2));
        assert_eq!(
            line.trial_units.value().and_then(|n| n.as_f64()),
            Some(100.0)
        );
        let big = line.line_quantity.value().unwrap();
        assert_eq!((big.as_i64(), big.is_integer()), (None, true));
        assert_eq!(serde_json::to_vec(&event).unwrap(), body.to_vec());
        assert_lossless(&event, body, "numbers");
        // Read through serde's `Deserialize`, as web frameworks do: the same,
        // from a slice, a reader (the text is handed over owned) and a
        // `Value`.
        let again: Event = serde_json::from_slice(body).unwrap();
        assert_eq!(again, event);
        let read: Event = serde_json::from_reader(&body[..]).unwrap();
        assert_eq!(read, event);
        let value: serde_json::Value = serde_json::from_slice(body).unwrap();
        let from_value: Event = serde_json::from_value(value).unwrap();
        let Event::PackageUpgrade(p) = &from_value else {
            panic!("{from_value:?}")
        };
        let line = p.data.value().and_then(|d| d.new_line_item.value());
        // A `Value` has rounded the text already: `3.50` is `3.5` there.
        assert_eq!(
            line.map(|l| (
                l.line_item_id.value().copied(),
                l.item_units.value().map(|n| n.to_string())
            )),
            Some((Some(2), Some("3.5".to_owned())))
        );
        // A number field holding another kind is an error naming its path.
        let wrong = br#"{"context_str":"package","context_id":1,"event":"upgrade","data":{"new_line_item":{"item_units":"3"}}}"#;
        let err = Event::from_json(wrong).unwrap_err();
        assert_eq!(err.path(), "data.new_line_item.item_units", "{err}");
        assert!(
            err.to_string()
                .contains("invalid type: a string, expected a number"),
            "{err}"
        );
    }
}

/// Free-form values, fields the docs do not list and unknown events keep
/// every value as sent, numbers' text included, at any depth.
#[test]
fn free_form_values_come_back_as_sent() {
    use seed_models::chargeover::Event;
    let body = br#"{"context_str":"package","context_id":561,"event":"upgrade","zz":1.50,"big":12345678901234567890123,"data":{"new_line_item":{"line_item_id":2,"qq":-0,"meta":{"x":[1e3,2.50,{"y":0.10}]}},"old_line_item":{"tierset":{"tiers":{"1":{"price":5.50}}}}}}"#;
    let event = Event::from_json(body).unwrap();
    assert!(!event.is_unknown());
    assert_lossless(&event, body, "extras and free-form fields");
    let Event::PackageUpgrade(p) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(p.extra["zz"].text(), "1.50");
    assert_eq!(
        p.extra["big"].to_value().as_f64(),
        Some(1.2345678901234568e22)
    );
    let tiers = p
        .data
        .value()
        .and_then(|d| d.old_line_item.value())
        .and_then(|l| l.tierset.value())
        .and_then(|t| t.tiers.value())
        .unwrap();
    assert_eq!(tiers.text(), r#"{"1":{"price":5.50}}"#);
    assert_eq!(tiers.to_value()["1"]["price"], 5.5);

    let unknown = br#"{"context_str":"nope","context_id":1,"event":"x","amount":1.50,"n":[12345678901234567890123]}"#;
    let event = Event::from_json(unknown).unwrap();
    assert!(event.is_unknown());
    assert_lossless(&event, unknown, "an unknown event");
    let Event::Unknown(u) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(u.body.text(), String::from_utf8_lossy(unknown));
}

/// Read through serde's `Deserialize` (what web frameworks call), an error
/// names its JSON path and the position in the body, as `from_json` does.
#[test]
fn errors_through_deserialize_point_at_the_value() {
    use seed_models::chargeover::Event;
    let padding = "x".repeat(300);
    let body = format!(
        r#"{{"context_str":"package","context_id":561,"event":"upgrade","note":"{padding}","data":{{"new_line_item":{{"line_item_id":"two"}}}}}}"#
    );
    let direct = Event::from_json(body.as_bytes()).unwrap_err();
    let column = body.find(r#""two""#).unwrap() + r#""two""#.len();
    assert_eq!(direct.path(), "data.new_line_item.line_item_id");
    assert!(
        direct
            .to_string()
            .ends_with(&format!("at line 1 column {column}")),
        "{direct}"
    );
    let through = serde_json::from_slice::<Event>(body.as_bytes()).unwrap_err();
    assert_eq!(through.to_string(), direct.to_string());
}

/// A field the docs promise, which may be null, is an `Option`: `null` is
/// `None` and comes back as `null`; left out, it is an error naming it, as
/// for any promised field, rather than a `None` that would be written back
/// as a `null` that was never sent.
#[test]
fn a_promised_nullable_field_is_an_option() {
    use hostile_models::presence::Event;
    for body in [
        &br#"{"type":"thing.noted","note":null}"#[..],
        br#"{"type":"thing.noted","note":"hi","count":1.50}"#,
    ] {
        let event = Event::from_json(body).unwrap();
        assert_lossless(&event, body, "presence");
    }
    let err = Event::from_json(br#"{"type":"thing.noted","count":1}"#).unwrap_err();
    assert_eq!(err.kind(), hostile_models::ErrorKind::Data);
    assert!(err.to_string().contains("missing field `note`"), "{err}");
}

#[test]
fn any_event_dispatches_by_vendor() {
    let body = br#"{"type": "subscriber.create", "data": {}}"#;
    let event = seed_models::AnyEvent::from_json("ordergroove", body).unwrap();
    assert_eq!(
        (event.vendor(), event.event_type()),
        ("ordergroove", "subscriber.create")
    );
    let err = seed_models::AnyEvent::from_json("nobody", body).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownVendor);
}

#[test]
fn escaped_and_duplicated_keys() {
    use seed_models::pelcro::Event;
    // `\u0069d` is `id`; a repeated key keeps its last value, as JSON parsers do.
    let body = br#"{"type": "subscription.updated", "\u0069d": "evt_9", "id": "evt_10", "data": {"object": {"\u0073tatus": "active"}}}"#;
    let event = Event::from_json(body).unwrap();
    let Event::SubscriptionUpdated(p) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(p.id.value().map(String::as_str), Some("evt_10"));
    let status = p
        .data
        .value()
        .and_then(|d| d.object.value())
        .and_then(|s| s.status.value());
    assert_eq!(status.map(String::as_str), Some("active"));
    assert!(
        p.extra.is_empty(),
        "escaped keys matched their fields: {:?}",
        p.extra
    );
}

/// Every hostile example has `self`, `crate` and `async`, never null, so the IR
/// records them as required and not null; only samples say so, and a real
/// payload that leaves them out or sends null still parses and round-trips.
#[test]
fn fields_only_samples_show_as_required_may_still_be_absent_or_null() {
    use hostile_models::hostile::Event;
    let ir: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            hookgen_tests::root().join("tests/fixtures/hostile/generated/ir/hostile.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let fields = ir["types"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "HostileEvent")
        .unwrap()["fields"]
        .as_array()
        .unwrap();
    for name in ["self", "crate", "async"] {
        let f = fields.iter().find(|f| f["name"] == name).unwrap();
        assert_eq!(
            (&f["required"], &f["nullable"], f.get("strict")),
            (&json!(true), &json!(false), None),
            "{name}"
        );
    }
    let body = json!({"type": "self", "crate": null, "async": null, "zz_new": 1});
    let event = Event::from_json(&bytes(&body)).unwrap();
    // `self` and `Self` collide; the event `self` is the second variant.
    let Event::SelfValue2(p) = &event else {
        panic!("{event:?}")
    };
    assert!(p.self_.is_absent() && p.crate_.is_null());
    assert_round_trip(&event, &body, "hostile");
}

/// A repeated event-type key: the last one counts, for the event as for the
/// payload, as JSON parsers do (found by fuzzing: the byte scan took the first).
#[test]
fn a_repeated_event_type_key_counts_once_the_last() {
    use seed_models::ordergroove::Event;
    for (body, last) in [
        (
            &br#"{"type": "subscriber.cancel", "id": "a", "type": "subscriber.create"}"#[..],
            "subscriber.create",
        ),
        (
            br#"{"type": "new.one", "id": "a", "type": "newer.one"}"#,
            "newer.one",
        ),
    ] {
        let event = Event::from_json(body).unwrap();
        assert_eq!(event.event_type(), last);
        let written = serde_json::to_vec(&event).unwrap();
        assert_eq!(Event::from_json(&written).unwrap(), event);
    }
}

/// A field the examples show as different kinds of value is a union of the
/// kinds seen, and keeps any other kind in `Other`.
#[test]
fn fields_of_several_kinds_are_unions() {
    use hostile_models::mixed::{Event, Flag, Ref, Size, Tags, When};
    let body = json!({"type": "thing.changed", "when": "2024-05-20T10:00:00Z", "tags": {"a": 1},
        "size": 2, "flag": "yes", "ref": {"id": 1}});
    let event = Event::from_json(&bytes(&body)).unwrap();
    let Event::ThingChanged(p) = &event else {
        panic!("{event:?}")
    };
    assert!(matches!(p.when.value(), Some(When::String(_))));
    assert!(matches!(p.tags.value(), Some(Tags::Object(_))));
    assert!(matches!(p.size.value(), Some(Size::Number(_))));
    assert!(matches!(p.flag.value(), Some(Flag::String(s)) if s == "yes"));
    assert!(matches!(p.ref_.value(), Some(Ref::Object(_))));
    assert_round_trip(&event, &body, "mixed");
    // A kind no example showed: kept in `Other`, and written back as it was.
    let body = json!({"type": "thing.changed", "when": [1], "flag": 3, "ref": true});
    let event = Event::from_json(&bytes(&body)).unwrap();
    let Event::ThingChanged(p) = &event else {
        panic!("{event:?}")
    };
    assert!(matches!(p.when.value(), Some(When::Other(_))));
    assert!(matches!(p.flag.value(), Some(Flag::Other(_))));
    assert!(matches!(p.ref_.value(), Some(Ref::Other(_))));
    assert_round_trip(&event, &body, "mixed");
    // Every variant keeps its numbers' text.
    let body = br#"{"type":"thing.changed","size":1.50,"tags":{"a":2.50},"ref":{"id":1,"w":0.10},"when":[1.0]}"#;
    let event = Event::from_json(body).unwrap();
    let Event::ThingChanged(p) = &event else {
        panic!("{event:?}")
    };
    assert!(matches!(p.size.value(), Some(Size::Number(n)) if n.to_string() == "1.50"));
    assert_lossless(&event, body, "mixed numbers");
}

/// Events whose payloads share every field but one are one generic envelope:
/// `ACreated` is `Envelope<ACreatedPayload>` (its parameter renamed clear of
/// the vendor's own `Payload` type).
#[test]
fn a_shared_envelope_is_one_generic_type() {
    use hostile_models::envelopes::{ACreatedPayload, BDeletedPayload, Envelope, Event};
    let body = json!({"kind": "a.created", "id": 1, "payload": {"a": "x", "Payload": {"deep": true}}, "new": 1});
    let event = Event::from_json(&bytes(&body)).unwrap();
    let Event::ACreated(p) = &event else {
        panic!("{event:?}")
    };
    let p: &Envelope<ACreatedPayload> = p;
    assert_eq!(
        p.payload
            .value()
            .and_then(|d| d.a.value())
            .map(String::as_str),
        Some("x")
    );
    assert_eq!(p.extra.get("new").map(|v| v.text()), Some("1"));
    assert_round_trip(&event, &body, "envelope");
    let body = json!({"kind": "b.deleted", "id": 2, "payload": {"b": 2, "reason": null}});
    let event = Event::from_json(&bytes(&body)).unwrap();
    let Event::BDeleted(p) = &event else {
        panic!("{event:?}")
    };
    let _: &Envelope<BDeletedPayload> = p;
    assert_round_trip(&event, &body, "envelope");
}
