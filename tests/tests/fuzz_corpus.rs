//! Replays the kept fuzz corpus of the generated parsers
//! (fuzz/corpus/parse_*/) through the invariants of `hookgen_tests::fuzz`.

fn replay(target: &str, check: fn(&[u8])) {
    hookgen::fuzzing::replay(
        &hookgen_tests::root().join("fuzz/corpus").join(target),
        check,
    );
}

#[test]
fn parse_seeds() {
    replay("parse_seeds", hookgen_tests::fuzz::parse_seeds);
}

#[test]
fn parse_hostile() {
    replay("parse_hostile", hookgen_tests::fuzz::parse_hostile);
}
