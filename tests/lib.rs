//! Shared helpers for the end-to-end tests: each spec folder read once per
//! test binary.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub mod fuzz;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A corpus of spec pages and the crate generated from it.
pub struct Corpus {
    /// The specs folder, relative to the repository root.
    pub specs: &'static str,
    /// The generated crate's folder, relative to the repository root.
    pub out: &'static str,
    pub crate_name: &'static str,
}

/// `specs/` → `generated/`, as `cargo codegen` makes it.
pub const SEEDS: Corpus = Corpus {
    specs: "specs",
    out: "generated",
    crate_name: "webhook-models",
};

/// The five seed pages as they were when the tests that name their types
/// were written: those tests read `seed-models`, so a user's edits to
/// `specs/` (a vendor removed, a page changed) never break them.
pub const PINNED: Corpus = Corpus {
    specs: "tests/fixtures/seeds/specs",
    out: "tests/fixtures/seeds/generated",
    crate_name: "seed-models",
};

/// Names and text chosen to break code generators.
pub const HOSTILE: Corpus = Corpus {
    specs: "tests/fixtures/hostile/specs",
    out: "tests/fixtures/hostile/generated",
    crate_name: "hostile-models",
};

impl Corpus {
    pub fn analysis(&self) -> &'static hookgen::Analysis {
        static SEEDS_ANALYSIS: OnceLock<hookgen::Analysis> = OnceLock::new();
        static HOSTILE_ANALYSIS: OnceLock<hookgen::Analysis> = OnceLock::new();
        static PINNED_ANALYSIS: OnceLock<hookgen::Analysis> = OnceLock::new();
        let cell = if self.specs == SEEDS.specs {
            &SEEDS_ANALYSIS
        } else if self.specs == PINNED.specs {
            &PINNED_ANALYSIS
        } else {
            &HOSTILE_ANALYSIS
        };
        cell.get_or_init(|| self.analyze())
    }

    pub fn analyze(&self) -> hookgen::Analysis {
        hookgen::analyze(&root().join(self.specs), self.specs).expect("specs are readable")
    }

    pub fn files(&self, analysis: &hookgen::Analysis) -> Vec<hookgen::emit::File> {
        let options = hookgen::emit::Options {
            crate_name: self.crate_name.to_owned(),
            specs: self.specs.to_owned(),
        };
        hookgen::emit::crate_files(&analysis.schema, &options)
    }

    pub fn out_dir(&self) -> PathBuf {
        root().join(Path::new(self.out))
    }
}

/// Serializes `event` and checks it equals the body it was read from.
pub fn assert_round_trip(event: &impl serde::Serialize, body: &serde_json::Value, what: &str) {
    let back = serde_json::to_value(event).expect("serializes");
    assert!(
        back == *body,
        "{what}: round trip changed the payload\nread:  {body}\nwrote: {back}"
    );
}

/// Asserts that `event` serializes back to `body` value for value, each
/// number in the same text (`1.50` is not `1.5`); only the order of keys
/// and the whitespace may differ.
pub fn assert_lossless(event: &impl serde::Serialize, body: &[u8], what: &str) {
    let back = serde_json::to_vec(event).expect("serializes");
    let (read, wrote) = (Canon::of(body), Canon::of(&back));
    assert!(
        read == wrote,
        "{what}: round trip changed the payload\nread:  {}\nwrote: {}",
        String::from_utf8_lossy(body),
        String::from_utf8_lossy(&back)
    );
}

/// A JSON value with its numbers' text, and its objects' keys sorted.
#[derive(Debug, PartialEq)]
enum Canon {
    Number(String),
    Other(serde_json::Value),
    Array(Vec<Canon>),
    Object(std::collections::BTreeMap<String, Canon>),
}

impl Canon {
    fn of(text: &[u8]) -> Canon {
        let raw: Box<serde_json::value::RawValue> =
            serde_json::from_slice(text).expect("valid JSON");
        Canon::read(&raw)
    }

    fn read(raw: &serde_json::value::RawValue) -> Canon {
        let text = raw.get();
        match text.as_bytes()[0] {
            b'{' => {
                let map: std::collections::BTreeMap<String, Box<serde_json::value::RawValue>> =
                    serde_json::from_str(text).unwrap();
                Canon::Object(map.into_iter().map(|(k, v)| (k, Canon::read(&v))).collect())
            }
            b'[' => {
                let items: Vec<Box<serde_json::value::RawValue>> =
                    serde_json::from_str(text).unwrap();
                Canon::Array(items.iter().map(|v| Canon::read(v)).collect())
            }
            b'-' | b'0'..=b'9' => Canon::Number(text.to_owned()),
            _ => Canon::Other(serde_json::from_str(text).unwrap()),
        }
    }
}
