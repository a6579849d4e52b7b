//! Mutated seed pages through the whole pipeline: whatever the bytes, hookgen
//! does not panic, emits valid Rust, and emits the same Rust twice.
//!
//! A deterministic stand-in for fuzzing that runs with every `cargo test`.

use hookgen::diag::{Diagnostics, Source};
use hookgen::{emit, extract, infer, ir};

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PALETTE: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "\n",
    "'",
    "\u{2026}",
    "\u{201c}",
    "\u{201d}",
    "\u{202e}",
    "\u{200b}",
    "\u{e9}",
    "\\",
    "0",
    "-1e999",
    "a",
    " ",
    "null",
    "<string>",
    ">",
    "//",
    "/*",
    "...",
    "Options: 1 - 2",
    "Possible values: [",
    "    x object\n\n    object\n",
    "type",
    "?",
    "event = x",
];

fn mutate(text: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = chars.clone();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(out.len() + 1);
        match rng.below(5) {
            0 => {
                let s: Vec<char> = PALETTE[rng.below(PALETTE.len())].chars().collect();
                out.splice(at..at, s);
            }
            1 => {
                let end = (at + 1 + rng.below(60)).min(out.len());
                out.drain(at.min(end)..end);
            }
            2 => {
                let end = (at + 1 + rng.below(200)).min(out.len());
                let copy: Vec<char> = out[at.min(end)..end].to_vec();
                out.splice(at..at, copy);
            }
            3 => {
                let depth = 1 + rng.below(400);
                let open = if rng.below(2) == 0 { '[' } else { '{' };
                out.splice(at..at, std::iter::repeat_n(open, depth));
            }
            _ => {
                if at < out.len() {
                    out[at] = PALETTE[rng.below(PALETTE.len())]
                        .chars()
                        .next()
                        .unwrap_or('x');
                }
            }
        }
    }
    out.into_iter().collect()
}

fn pipeline(pages: &[(String, String)]) -> Vec<emit::File> {
    let mut diags = Diagnostics::default();
    let pages: Vec<infer::Page> = pages
        .iter()
        .map(|(path, text)| {
            let source = Source::new(path.clone(), text.clone());
            let evidence = extract::page(&source, &mut diags);
            infer::Page { source, evidence }
        })
        .collect();
    let vendor = infer::vendor("mutant", &pages, &infer::Hints::default(), &mut diags).vendor;
    let schema = ir::Schema {
        vendors: vec![vendor],
    };
    emit::crate_files(&schema, &emit::Options::default())
}

#[test]
fn mutated_pages_never_break_the_pipeline() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut seeds = Vec::new();
    for corpus in ["specs", "tests/fixtures/layouts/specs"] {
        for vendor in hookgen::load::specs(&root.join(corpus), corpus).unwrap() {
            for (page, _) in vendor.pages {
                seeds.push((page.path, page.text));
            }
        }
    }
    seeds.sort();
    assert!(
        seeds.len() >= 9,
        "the seed and layout pages are the fuzz corpus"
    );

    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let rounds = 40;
    for round in 0..rounds {
        for (path, text) in &seeds {
            let mutated = mutate(text, &mut rng);
            let pages = vec![(path.clone(), mutated.clone())];
            let files = pipeline(&pages);
            for f in files.iter().filter(|f| f.path.ends_with(".rs")) {
                assert!(
                    !f.contents.starts_with(emit::BUG_MARKER)
                        && !f.contents.contains(emit::BUG_MARKER),
                    "round {round}, {path}: emitted invalid Rust in {}\n--- page ---\n{mutated}",
                    f.path
                );
                if let Err(e) = syn::parse_file(&f.contents) {
                    panic!(
                        "round {round}, {path}: {} does not parse: {e}\n--- page ---\n{mutated}",
                        f.path
                    );
                }
            }
            if round % 10 == 0 {
                assert_eq!(
                    files,
                    pipeline(&pages),
                    "round {round}, {path}: not deterministic"
                );
            }
        }
    }
}
