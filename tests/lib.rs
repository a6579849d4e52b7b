//! Shared helpers for the end-to-end tests: specs/ read once per test binary.

use std::path::PathBuf;
use std::sync::OnceLock;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `specs/` read and inferred by hookgen, as `cargo codegen` does.
pub fn analysis() -> &'static hookgen::Analysis {
    static ANALYSIS: OnceLock<hookgen::Analysis> = OnceLock::new();
    ANALYSIS.get_or_init(|| {
        hookgen::analyze(&root().join("specs"), "specs").expect("specs/ is readable")
    })
}

/// Serializes `event` and checks it equals the body it was read from.
pub fn assert_round_trip(event: &impl serde::Serialize, body: &serde_json::Value, what: &str) {
    let back = serde_json::to_value(event).expect("serializes");
    assert!(
        back == *body,
        "{what}: round trip changed the payload\nread:  {body}\nwrote: {back}"
    );
}
