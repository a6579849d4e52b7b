//! The committed `generated/` crate is what `cargo codegen` makes of `specs/`.

use hookgen::write::{sync, Mode};
use hookgen_tests::{analysis, root};

#[test]
fn generated_crate_is_fresh() {
    let files = hookgen::emit::crate_files(&analysis().schema);
    assert!(files.len() >= 4, "nothing generated");
    let report = sync(&root().join("generated"), &files, Mode::Check).unwrap();
    assert!(
        report.is_clean(),
        "generated/ is stale: run `cargo codegen` and commit the result\n{}",
        report.diff
    );
}

#[test]
fn generation_is_deterministic() {
    let again = hookgen::analyze(&root().join("specs"), "specs").unwrap();
    assert_eq!(
        hookgen::emit::crate_files(&again.schema),
        hookgen::emit::crate_files(&analysis().schema)
    );
}
