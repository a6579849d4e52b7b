//! Page text must never run as code. rustdoc compiles every code block in a
//! doc comment as a doctest, and `cargo test` runs it; vendor pages are
//! untrusted. So every doc comment hookgen emits, parsed as markdown the way
//! rustdoc parses it, holds no raw HTML and no code block but one: the
//! crate's example, which must be, line for line, the code its vendor
//! module compiles with the tests (`mod example`, hookgen's own tokens). And
//! the crate turns doctests off besides.

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

/// The text of each code block in a doc.
fn code_blocks(doc: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for e in Parser::new(doc) {
        match e {
            Event::Start(Tag::CodeBlock(_)) => current = Some(String::new()),
            Event::Text(t) if current.is_some() => current.as_mut().unwrap().push_str(&t),
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => blocks.extend(current.take()),
            _ => {}
        }
    }
    blocks
}

/// The crate-level doc's one code block, checked to be the example some
/// vendor module compiles with its tests; the rest of that doc is checked
/// as any other. `None` for a crate with no example.
fn crate_example(dir: &Path, crate_doc: &str) -> Option<String> {
    let blocks = code_blocks(crate_doc);
    assert!(blocks.len() <= 1, "one example at most: {blocks:?}");
    let block = blocks.into_iter().next()?;
    assert!(block.matches("```").next().is_none(), "{block}");
    let (uses, handle) = block
        .split_once("\n\n")
        .expect("a `use` line, then the code");
    let vendor = uses
        .strip_prefix("use ")
        .and_then(|u| u.split("::").nth(1))
        .expect("`use <crate>::<vendor>::Event;`");
    assert!(
        vendor
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
        "{uses}"
    );
    let module = std::fs::read_to_string(dir.join(format!("src/{vendor}.rs"))).unwrap();
    let module = syn::parse_file(&module).expect("the vendor module parses");
    let compiled = module
        .items
        .into_iter()
        .find_map(|item| match item {
            syn::Item::Mod(m) if m.ident == "example" => m.content,
            _ => None,
        })
        .expect("the example is compiled in its vendor's module");
    let items: Vec<syn::Item> = compiled
        .1
        .into_iter()
        .filter(|i| !matches!(i, syn::Item::Use(_)))
        .collect();
    let compiled = prettyplease::unparse(&syn::File {
        shebang: None,
        attrs: vec![],
        items,
    });
    assert_eq!(handle, compiled, "the example shown is the one compiled");
    Some(block)
}

fn assert_safe(dir: &Path) {
    let mut checked = 0;
    let mut examples = 0;
    for entry in std::fs::read_dir(dir.join("src")).expect("a generated crate") {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == "runtime.rs") {
            continue; // hookgen's own hand-written code, no page text
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for (i, doc) in docs_of(&source).into_iter().enumerate() {
            let mut found = dangers(&doc);
            let crate_doc = i == 0 && path.file_name().is_some_and(|n| n == "lib.rs");
            if crate_doc && crate_example(dir, &doc).is_some() {
                examples += 1;
                let block = "code block Fenced(Borrowed(\"rust\"))";
                found.retain(|d| d != block);
            }
            assert!(found.is_empty(), "{}: {found:?} in\n{doc}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 0, "no doc comment found in {}", dir.display());
    assert_eq!(examples, 1, "{}: the crate shows an example", dir.display());
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
