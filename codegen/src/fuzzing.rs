//! Entry points for fuzzing: each runs one stage of hookgen on arbitrary
//! bytes and panics only when one of its invariants breaks.
//!
//! The cargo-fuzz targets in `fuzz/` are one call each to these, and
//! `codegen/tests/fuzz_corpus.rs` replays the kept corpus through them on
//! every `cargo test`, so what fuzzing once found stays found.

use crate::diag::{Diagnostics, Loc, Source};
use crate::{drift, emit, explain, extract, infer, ir, lenient, schema};

/// The page text a fuzzer's bytes stand for: specs are read the same way
/// (invalid UTF-8 replaced, with a warning).
fn page(data: &[u8]) -> Source {
    Source::new("fuzz.md", String::from_utf8_lossy(data).into_owned())
}

fn assert_in(src: &Source, loc: &Loc, what: &str) {
    let lines = src.text.split('\n').count() as u32;
    assert!(
        loc.line >= 1 && loc.line <= lines && loc.col >= 1,
        "{what} at {}:{} is outside the page ({lines} lines)",
        loc.line,
        loc.col
    );
    assert!(
        src.line_text(loc.line as usize).is_some(),
        "{what}: no line {}",
        loc.line
    );
}

/// The lenient JSON reader, from the first byte and from every bracket.
///
/// Invariants: spans lie inside the text, in order; and on strict JSON the
/// reader agrees with serde_json and repairs nothing.
pub fn lenient_json(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let starts = std::iter::once(0).chain(
        text.match_indices(['{', '['])
            .map(|(i, _)| i)
            .filter(|&i| i != 0)
            .take(32),
    );
    for start in starts {
        if let Ok(parsed) = lenient::parse_at(&text, start) {
            check_spans(&parsed.node, start, text.len());
        }
    }
    let trimmed = text.trim_start_matches([' ', '\t', '\n', '\r']);
    let offset = text.len() - trimmed.len();
    let Ok(strict) = serde_json::from_str::<serde_json::Value>(&text) else {
        return;
    };
    match lenient::parse_at(&text, offset) {
        Ok(parsed) => {
            assert_eq!(
                parsed.node.to_value(),
                strict,
                "strict JSON read differently"
            );
            // A repeated key is valid JSON; the note on it is not a repair.
            let repairs: Vec<_> = parsed
                .repairs
                .iter()
                .filter(|r| !r.message.starts_with(lenient::DUPLICATED_KEY))
                .collect();
            assert!(
                repairs.is_empty(),
                "strict JSON needs no repair: {repairs:?}"
            );
            assert_eq!(
                text[parsed.node.end..].trim_matches([' ', '\t', '\n', '\r']),
                "",
                "strict JSON read only in part"
            );
        }
        Err(failure) => assert!(
            failure.message.contains("deep"),
            "strict JSON rejected: {} at {}",
            failure.message,
            failure.offset
        ),
    }
}

fn check_spans(node: &lenient::Node, min: usize, max: usize) {
    // A value the page's end cut off is the one empty span.
    let cut = matches!(&node.kind, lenient::Kind::Placeholder(p) if p == lenient::CUT_VALUE);
    assert!(
        min <= node.start && (node.start < node.end || cut) && node.end <= max,
        "span {}..{} outside {min}..{max}",
        node.start,
        node.end
    );
    let mut at = node.start;
    match &node.kind {
        lenient::Kind::Array(items) => {
            for item in items {
                check_spans(item, at, node.end);
                at = item.end;
            }
        }
        lenient::Kind::Object(entries) => {
            for e in entries {
                check_spans(&e.value, at, node.end);
                at = e.value.end;
            }
        }
        _ => {}
    }
}

/// Example payloads found in a page. Invariants: they lie inside the page,
/// do not overlap, and every diagnostic points into the page.
pub fn examples(data: &[u8]) {
    let src = page(data);
    let mut diags = Diagnostics::default();
    let (found, spans) = extract::examples::extract(&src, &mut diags);
    for w in spans.windows(2) {
        assert!(w[0].1 <= w[1].0, "example spans overlap: {w:?}");
    }
    for &(s, e) in &spans {
        assert!(
            s < e && e <= src.text.len(),
            "span {s}..{e} outside the page"
        );
    }
    for ex in &found {
        assert_in(&src, &ex.loc, "example");
        check_spans(&ex.node, 0, src.text.len());
    }
    render_all(diags, &src);
}

/// Field tables in every layout (pipes, one cell per line, glued, bullets,
/// trees). Invariants: each row names a field and points into the page.
pub fn tables(data: &[u8]) {
    let src = page(data);
    for row in extract::tables::extract(&src, &[]) {
        assert!(!row.path.is_empty(), "a row without a field");
        assert!(
            row.path.iter().all(|p| !p.is_empty()),
            "an empty path segment in {:?}",
            row.path
        );
        assert_in(&src, &row.loc, "row");
    }
}

/// Event lists, page events, `name = value` notes, event headers.
pub fn events(data: &[u8]) {
    let src = page(data);
    let ev = extract::events::extract(&src, &[], &[], &Default::default(), &Default::default());
    for m in ev.listed.iter().chain(&ev.page_event) {
        assert!(!m.name.is_empty(), "an event without a name");
        assert_in(&src, &m.loc, "event");
    }
    for c in &ev.constants {
        assert_in(&src, &c.loc, "constant");
    }
    if let Some((_, loc)) = &ev.event_header {
        assert_in(&src, loc, "event header");
    }
}

/// The phrase readers: types, enums in prose, paths.
pub fn vocab(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = extract::vocab::type_phrase(&text);
    if let Some(extract::EnumValues::Range(lo, hi)) = extract::vocab::enum_in_text(&text) {
        assert!(lo <= hi, "range {lo}..{hi}");
    }
    let _ = extract::vocab::enum_line(&text);
    if let Some(path) = extract::vocab::field_path(&text) {
        assert!(!path.is_empty() && path.iter().all(|p| !p.is_empty()));
    }
}

/// Whole pipeline on up to four pages (the bytes split at NUL): extract,
/// infer, emit, JSON Schema, drift, explain.
///
/// Invariants: every emitted Rust file parses and carries no bug marker;
/// the output is the same twice; the IR reads back as itself; a schema has
/// no drift from itself; diagnostics render and point into their page.
pub fn pipeline(data: &[u8]) {
    let run = || {
        let mut diags = Diagnostics::default();
        let pages: Vec<infer::Page> = data
            .split(|&b| b == 0)
            .take(4)
            .enumerate()
            .map(|(i, bytes)| {
                let text = String::from_utf8_lossy(bytes).into_owned();
                let source = Source::new(format!("page{i}.md"), text);
                let evidence = extract::page(&source, &mut diags);
                infer::Page { source, evidence }
            })
            .collect();
        let vendor = infer::vendor("fuzz", &pages, &infer::Hints::default(), &mut diags).vendor;
        diags.attach_lines(pages.iter().map(|p| &p.source));
        let rendered: Vec<String> = diags.into_sorted().iter().map(|d| d.render()).collect();
        (vendor, rendered)
    };
    let (vendor, rendered) = run();
    let schema = ir::Schema {
        vendors: vec![vendor],
    };
    let files = emit::crate_files(&schema, &emit::Options::default());
    for f in files.iter().filter(|f| f.path.ends_with(".rs")) {
        assert!(
            !f.contents.contains(emit::BUG_MARKER),
            "emitted invalid Rust in {}:\n{}",
            f.path,
            f.contents
        );
        if let Err(e) = syn::parse_file(&f.contents) {
            panic!("{} does not parse: {e}\n{}", f.path, f.contents);
        }
    }
    let (again, rendered_again) = run();
    assert_eq!(schema.vendors[0], again, "inference is not deterministic");
    assert_eq!(
        rendered, rendered_again,
        "diagnostics are not deterministic"
    );

    let json = serde_json::to_string(&schema).expect("IR serializes");
    let back: ir::Schema = serde_json::from_str(&json).expect("IR reads back");
    assert_eq!(back, schema, "IR does not read back as itself");
    let report = drift::diff(&schema, &back);
    assert!(
        report.changes.is_empty(),
        "drift from itself: {:?}",
        report.changes
    );
    let _ = drift::markdown(&report, "webhook-models");
    let _ = schema::vendor(&schema.vendors[0]);
    let _ = explain::render(&schema.vendors[0], "");
}

fn render_all(diags: Diagnostics, src: &Source) {
    let mut diags = diags;
    diags.attach_lines([src]);
    for d in diags.into_sorted() {
        assert_in(src, &d.loc, "diagnostic");
        let _ = d.render();
    }
}

/// Runs `check` on every file in `dir` (a target's kept corpus), in name
/// order; a panic names the input that caused it.
pub fn replay(dir: &std::path::Path, check: fn(&[u8])) {
    let mut inputs: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a readable corpus folder").path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "{}: no corpus", dir.display());
    for path in inputs {
        let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if let Err(panic) = std::panic::catch_unwind(|| check(&data)) {
            let why = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("a panic");
            panic!("{}: {why}", path.display());
        }
    }
}
