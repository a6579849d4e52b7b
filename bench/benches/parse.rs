//! Parsing throughput: `Event::from_json` (typed, keeps unknown fields)
//! against `serde_json::Value` and against plain hand-written structs, with
//! and without a flattened map for unknown fields.
//!
//! `cargo bench -p hookgen-bench`; figures in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hookgen_bench::{grown, hand, hand_flatten, seed};
use serde_json::Value;

type Parse = fn(&[u8]) -> bool;

fn bench(c: &mut Criterion, name: &str, body: &Value, typed: Parse, others: &[(&str, Parse)]) {
    let bytes = serde_json::to_vec(body).unwrap();
    assert!(typed(&bytes), "{name}: the typed parse fails");
    let mut g = c.benchmark_group(format!("{name} ({} KiB)", bytes.len().div_ceil(1024)));
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("webhook-models Event::from_json", |b| {
        b.iter(|| typed(black_box(&bytes)))
    });
    g.bench_function("serde_json::Value", |b| {
        b.iter(|| serde_json::from_slice::<Value>(black_box(&bytes)).is_ok())
    });
    for (label, parse) in others {
        assert!(parse(&bytes), "{name}: {label} fails");
        g.bench_function(*label, |b| b.iter(|| parse(black_box(&bytes))));
    }
    g.finish();
}

fn parse(c: &mut Criterion) {
    use seed_models::{nextcommerce, pelcro};
    let next: Parse = |b| nextcommerce::Event::from_json(b).is_ok();
    let next_hand: &[(&str, Parse)] = &[
        (
            "webhook-models from_json_with_type (type from a header)",
            |b| nextcommerce::Event::from_json_with_type("subscription.updated", b).is_ok(),
        ),
        ("hand-written structs", |b| {
            serde_json::from_slice::<hand::Event>(b).is_ok()
        }),
        ("hand-written structs + flatten extra", |b| {
            serde_json::from_slice::<hand_flatten::Event>(b).is_ok()
        }),
        // As webhook-models reads: the bytes checked as UTF-8 once, then
        // read as text.
        ("hand-written structs, read as text", |b| {
            std::str::from_utf8(b).is_ok_and(|t| serde_json::from_str::<hand::Event>(t).is_ok())
        }),
    ];
    let pel: Parse = |b| pelcro::Event::from_json(b).is_ok();

    let next_seed = seed("nextcommerce", "subscription.updated");
    let next_big = grown(next_seed.clone(), &["data", "lines"], 500);
    bench(c, "nextcommerce seed", &next_seed, next, next_hand);
    bench(c, "nextcommerce 500 lines", &next_big, next, next_hand);

    let pel_seed = seed("pelcro", "subscription.updated");
    let path = ["data", "object", "latest_invoice", "lines", "data"];
    let pel_big = grown(pel_seed.clone(), &path, 500);
    bench(c, "pelcro seed", &pel_seed, pel, &[]);
    bench(c, "pelcro 500 invoice lines", &pel_big, pel, &[]);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(40);
    targets = parse
}
criterion_main!(benches);
