//! Fuzzing the generated parsers: arbitrary bodies through `AnyEvent` of both
//! generated crates. The targets in `fuzz/` call these; `tests/fuzz_corpus.rs`
//! replays the kept corpus through them on every `cargo test`.
//!
//! The first byte picks the vendor, and with its high bit set the event type
//! is passed beside the body (as from a header): the bytes up to the first
//! newline. The rest is the body.
//!
//! Invariants, for any body: no panic. For a body that parses: it serializes
//! back to the same JSON (nothing lost), it reads back as the same event, and
//! it still parses with a field added that the docs never named.

use serde_json::Value;

/// `webhook-models`, generated from `specs/`.
pub fn parse_seeds(data: &[u8]) {
    const VENDORS: [&str; 6] = [
        "chargeover",
        "flexprice",
        "nextcommerce",
        "ordergroove",
        "pelcro",
        "unknown",
    ];
    check(data, &VENDORS, |v, t, b| match t {
        None => webhook_models::AnyEvent::from_json(v, b),
        Some(t) => webhook_models::AnyEvent::from_json_with_type(v, t, b),
    });
}

/// `hostile-models`, generated from `tests/fixtures/hostile/specs`.
pub fn parse_hostile(data: &[u8]) {
    const VENDORS: [&str; 5] = ["envelopes", "headeronly", "hostile", "mixed", "nowhere"];
    check(data, &VENDORS, |v, t, b| match t {
        None => hostile_models::AnyEvent::from_json(v, b),
        Some(t) => hostile_models::AnyEvent::from_json_with_type(v, t, b),
    });
}

fn check<E, R, F>(data: &[u8], vendors: &[&str], parse: F)
where
    E: serde::Serialize + PartialEq + std::fmt::Debug,
    R: std::fmt::Display + std::fmt::Debug,
    F: Fn(&str, Option<&str>, &[u8]) -> Result<E, R>,
{
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let vendor = vendors[usize::from(first & 0x7f) % vendors.len()];
    let (event_type, body) = if first & 0x80 != 0 {
        let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        let Ok(t) = std::str::from_utf8(&rest[..end]) else {
            return;
        };
        (Some(t), rest.get(end + 1..).unwrap_or(&[]))
    } else {
        (None, rest)
    };
    let Ok(event) = parse(vendor, event_type, body) else {
        return;
    };
    let written = serde_json::to_vec(&event).expect("a parsed event serializes");
    let read: Value = serde_json::from_slice(body).expect("what parsed is JSON");
    let back: Value = serde_json::from_slice(&written).expect("what is written is JSON");
    assert_eq!(back, read, "{vendor}: the round trip changed the body");
    let again = parse(vendor, event_type, &written).expect("what is written reads back");
    assert_eq!(again, event, "{vendor}: reads back as another event");

    if let Value::Object(mut map) = read {
        map.insert("zz_fuzz_undocumented".into(), Value::from(1));
        let grown = serde_json::to_vec(&map).expect("serializes");
        if let Err(e) = parse(vendor, event_type, &grown) {
            panic!("{vendor}: a new top-level field broke parsing: {e}");
        }
    }
}
