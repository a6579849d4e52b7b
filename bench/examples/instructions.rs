//! Parses one payload many times with one parser, for counting instructions
//! under callgrind: unlike wall time on a shared VM, the count is the same
//! from run to run. `bash bench/instructions.sh` runs every pair.
//!
//! `instructions <parser> <payload> <iterations>`; parser: typed, with_type,
//! value, value_text, hand, hand_flatten, hand_text, hand_borrowed; payload: next_seed,
//! pelcro_seed. The `_text` parsers check the bytes as UTF-8 first and read
//! them as text, as webhook-models does.

use std::hint::black_box;

use hookgen_bench::{hand, hand_borrowed, hand_flatten, seed};
use seed_models::{nextcommerce, pelcro};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [parser, payload, n] = &args[..] else {
        eprintln!("usage: instructions <parser> <payload> <iterations>");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("iterations");
    let (vendor, is_next) = match payload.as_str() {
        "next_seed" => ("nextcommerce", true),
        "pelcro_seed" => ("pelcro", false),
        other => panic!("unknown payload {other}"),
    };
    let bytes = serde_json::to_vec(&seed(vendor, "subscription.updated")).unwrap();
    let parse: fn(&[u8]) -> bool = match (parser.as_str(), is_next) {
        ("typed", true) => |b| nextcommerce::Event::from_json(b).is_ok(),
        ("typed", false) => |b| pelcro::Event::from_json(b).is_ok(),
        ("with_type", true) => {
            |b| nextcommerce::Event::from_json_with_type("subscription.updated", b).is_ok()
        }
        ("with_type", false) => {
            |b| pelcro::Event::from_json_with_type("subscription.updated", b).is_ok()
        }
        ("value", _) => |b| serde_json::from_slice::<serde_json::Value>(b).is_ok(),
        ("value_text", _) => |b| {
            std::str::from_utf8(b)
                .is_ok_and(|t| serde_json::from_str::<serde_json::Value>(t).is_ok())
        },
        ("hand", true) => |b| serde_json::from_slice::<hand::Event>(b).is_ok(),
        ("hand_flatten", true) => |b| serde_json::from_slice::<hand_flatten::Event>(b).is_ok(),
        ("hand_text", true) => {
            |b| std::str::from_utf8(b).is_ok_and(|t| serde_json::from_str::<hand::Event>(t).is_ok())
        }
        ("hand_borrowed", true) => |b| {
            std::str::from_utf8(b)
                .is_ok_and(|t| serde_json::from_str::<hand_borrowed::Event>(t).is_ok())
        },
        _ => panic!("no parser {parser} for {payload}"),
    };
    assert!(parse(&bytes), "{parser} fails on {payload}");
    for _ in 0..n {
        black_box(parse(black_box(&bytes)));
    }
}
