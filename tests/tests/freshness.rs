//! Each committed generated crate is what hookgen makes of its specs, and
//! making it twice gives the same bytes.

use hookgen::write::{Mode, Target};
use hookgen_tests::{Corpus, HOSTILE, PINNED, SEEDS};

fn assert_fresh(corpus: &Corpus, command: &str) {
    let files = corpus.files(corpus.analysis());
    assert!(files.len() >= 4, "nothing generated");
    let report = Target::open(&corpus.out_dir(), Mode::Check, || {})
        .and_then(|target| target.sync(&files))
        .unwrap();
    assert!(
        report.is_clean(),
        "{} is stale: run `{command}` and commit the result\n{}",
        corpus.out,
        report.diff
    );
}

#[test]
fn generated_crate_is_fresh() {
    assert_fresh(&SEEDS, "cargo codegen");
}

#[test]
fn hostile_crate_is_fresh() {
    assert_fresh(
        &HOSTILE,
        "cargo run -p hookgen -- generate --specs tests/fixtures/hostile/specs \
         --out tests/fixtures/hostile/generated --crate-name hostile-models",
    );
}

#[test]
fn pinned_seed_crate_is_fresh() {
    assert_fresh(
        &PINNED,
        "cargo run -p hookgen -- generate --specs tests/fixtures/seeds/specs \
         --out tests/fixtures/seeds/generated --crate-name seed-models",
    );
}

#[test]
fn generation_is_deterministic() {
    for corpus in [&SEEDS, &HOSTILE, &PINNED] {
        assert_eq!(
            corpus.files(&corpus.analyze()),
            corpus.files(corpus.analysis())
        );
    }
}
