//! hookgen: vendors' webhook documentation pages in, a typed Rust crate out.
//!
//! The pipeline, one module per stage:
//! `load` (specs/ → pages) → `extract` (page → evidence) → `infer`
//! (evidence → [`ir::Schema`]) → `emit` (IR → files) → `write` (files → disk).

pub mod diag;
pub mod drift;
pub mod emit;
pub mod explain;
pub mod extract;
pub mod fuzzing;
pub mod hash;
pub mod infer;
pub mod ir;
pub mod lenient;
pub mod load;
pub mod naming;
pub mod parallel;
pub mod revision;
pub mod schema;
pub mod write;

use std::path::Path;

use diag::{Diagnostic, Diagnostics};
use infer::ExampleCase;

/// Everything one run over `specs/` produces, before anything is written.
pub struct Analysis {
    /// The vendors read without errors.
    pub schema: ir::Schema,
    /// Vendors whose specs have errors: left out of `schema`, so that their
    /// previously generated code can be kept as it is.
    pub failed: Vec<String>,
    /// Each example payload and its event; empty from
    /// [`analyze_without_examples`].
    pub examples: Vec<ExampleCase>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads and infers every vendor in `specs`; `shown` is how that folder is
/// named in diagnostics and doc comments (`specs`). Keeps every example
/// payload, as strict JSON, with its event: what round-trip tests read.
pub fn analyze(specs: &Path, shown: &str) -> std::io::Result<Analysis> {
    analyze_keeping(specs, shown, true)
}

/// [`analyze`], without the example payloads: what generation needs.
pub fn analyze_without_examples(specs: &Path, shown: &str) -> std::io::Result<Analysis> {
    analyze_keeping(specs, shown, false)
}

fn analyze_keeping(specs: &Path, shown: &str, examples: bool) -> std::io::Result<Analysis> {
    let mut all = Diagnostics::default();
    let mut schema = ir::Schema { vendors: vec![] };
    let mut failed = Vec::new();
    let mut cases = Vec::new();
    // Vendors are analysed on their own, over the machine's cores, and
    // their results taken in order.
    let analyzed = parallel::map_owned(load::specs(specs, shown)?, |v| {
        let mut diags = v.diags;
        // Pages are read on their own, over the machine's cores.
        let read = parallel::map(&v.pages, |(source, rel)| {
            let mut diags = Diagnostics::default();
            (extract::page_at(source, rel, &mut diags), diags)
        });
        let pages: Vec<infer::Page> = v
            .pages
            .into_iter()
            .zip(read)
            .map(|((source, _), (evidence, page_diags))| {
                diags.extend(page_diags);
                infer::Page { source, evidence }
            })
            .collect();
        let mut inferred = infer::vendor(&v.name, &pages, &v.hints, &mut diags);
        if examples {
            for case in &mut inferred.examples {
                let (page, k) = case.example;
                case.body = pages[page].evidence.examples[k].node.to_value();
            }
        } else {
            inferred.examples.clear();
        }
        diags.attach_lines(pages.iter().map(|p| &p.source));
        // What was read of the pages is spent: freed where a core is free.
        parallel::drop_aside(pages);
        (v.name, inferred, diags)
    });
    for (name, inferred, diags) in analyzed {
        if diags.has_errors() {
            failed.push(name);
        } else {
            schema.vendors.push(inferred.vendor);
            cases.extend(inferred.examples);
        }
        all.extend(diags);
    }
    Ok(Analysis {
        schema,
        failed,
        examples: cases,
        diagnostics: all.into_sorted(),
    })
}
