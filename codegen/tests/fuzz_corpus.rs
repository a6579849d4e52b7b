//! Replays the kept fuzz corpus (fuzz/corpus/<target>/) through the same
//! invariants the cargo-fuzz targets check, so that every input fuzzing kept
//! or once crashed on is retried by each `cargo test`, on stable.

fn replay(target: &str, check: fn(&[u8])) {
    hookgen::fuzzing::replay(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../fuzz/corpus")
            .join(target),
        check,
    );
}

#[test]
fn lenient_json() {
    replay("lenient_json", hookgen::fuzzing::lenient_json);
}

#[test]
fn example_payloads() {
    replay("example_payloads", hookgen::fuzzing::examples);
}

#[test]
fn field_tables() {
    replay("field_tables", hookgen::fuzzing::tables);
}

#[test]
fn event_lists() {
    replay("event_lists", hookgen::fuzzing::events);
}

#[test]
fn vocab() {
    replay("vocab", hookgen::fuzzing::vocab);
}

#[test]
fn pipeline() {
    replay("pipeline", hookgen::fuzzing::pipeline);
}
