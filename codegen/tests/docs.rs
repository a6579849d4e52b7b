//! Page text must never run as code. rustdoc compiles every code block in a
//! doc comment as a doctest, and `cargo test` runs it; vendor pages are
//! untrusted. So every doc comment hookgen emits, parsed as markdown the way
//! rustdoc parses it, holds no code block and no raw HTML; and the crate
//! turns doctests off besides.

use std::path::Path;

use pulldown_cmark::{Event, Parser, Tag};

/// Every doc comment in a Rust file, one string per item: its doc
/// attributes (`///`, `//!`, `#[doc = …]`) joined, as rustdoc joins them.
fn docs_of(source: &str) -> Vec<String> {
    let file: proc_macro2::TokenStream = source.parse().expect("generated Rust lexes");
    let mut out = Vec::new();
    collect(file, &mut out);
    out
}

fn collect(tokens: proc_macro2::TokenStream, out: &mut Vec<String>) {
    use proc_macro2::{Delimiter, TokenTree};
    let mut current: Vec<String> = Vec::new();
    let flush = |current: &mut Vec<String>, out: &mut Vec<String>| {
        if !current.is_empty() {
            out.push(current.join("\n"));
            current.clear();
        }
    };
    for tree in tokens {
        match tree {
            TokenTree::Punct(p) if p.as_char() == '#' || p.as_char() == '!' => {}
            TokenTree::Group(g) if g.delimiter() == Delimiter::Bracket => {
                match syn::parse2::<syn::MetaNameValue>(g.stream()) {
                    Ok(nv) if nv.path.is_ident("doc") => match nv.value {
                        syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(s),
                            ..
                        }) => current.push(s.value()),
                        _ => panic!("a doc attribute that is not a string literal"),
                    },
                    _ => {
                        flush(&mut current, out);
                        collect(g.stream(), out);
                    }
                }
            }
            TokenTree::Group(g) => {
                flush(&mut current, out);
                collect(g.stream(), out);
            }
            _ => flush(&mut current, out),
        }
    }
    flush(&mut current, out);
}

/// What in one doc comment rustdoc would run or render as raw HTML.
fn dangers(doc: &str) -> Vec<String> {
    Parser::new(doc)
        .filter_map(|e| match e {
            Event::Start(Tag::CodeBlock(kind)) => Some(format!("code block {kind:?}")),
            Event::Html(h) | Event::InlineHtml(h) => Some(format!("HTML {h:?}")),
            _ => None,
        })
        .collect()
}

fn assert_safe(dir: &Path) {
    let mut checked = 0;
    for entry in std::fs::read_dir(dir.join("src")).expect("a generated crate") {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == "runtime.rs") {
            continue; // hookgen's own hand-written code, no page text
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for doc in docs_of(&source) {
            let found = dangers(&doc);
            assert!(found.is_empty(), "{}: {found:?} in\n{doc}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 0, "no doc comment found in {}", dir.display());
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    let manifest: toml::Table = manifest.parse().unwrap();
    assert_eq!(
        manifest["lib"]["doctest"].as_bool(),
        Some(false),
        "{}: doctests are off",
        dir.display()
    );
}

/// The hostile fixture carries the attacks: code fences in enum values,
/// event descriptions, example values, prose and a `hookgen.toml` header.
#[test]
fn hostile_docs_hold_no_code() {
    assert_safe(Path::new("../tests/fixtures/hostile/generated"));
}

#[test]
fn seed_docs_hold_no_code() {
    assert_safe(Path::new("../generated"));
}

/// The attack from the issue, generated afresh: the enum value that once
/// became a doctest is in the generated enum, and its doc is one code span.
#[test]
fn a_fenced_enum_value_stays_a_value() {
    let analysis = hookgen::analyze(Path::new("../tests/fixtures/hostile/specs"), "specs").unwrap();
    let files = hookgen::emit::crate_files(&analysis.schema, &Default::default());
    let module = files
        .iter()
        .find(|f| f.path == "src/doctest.rs")
        .expect("the doctest vendor is generated");
    assert!(
        module.contents.contains(r#""ok\n```\nstd::fs::write("#),
        "the value itself is kept, as a string literal"
    );
    for doc in docs_of(&module.contents) {
        assert!(dangers(&doc).is_empty(), "{doc}");
    }
}
