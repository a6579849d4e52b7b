//! hookgen: vendors' webhook documentation pages in, a typed Rust crate out.
//!
//! The pipeline, one module per stage:
//! `load` (specs/ → pages) → `extract` (page → evidence) → `infer`
//! (evidence → [`ir::Schema`]) → `emit` (IR → files) → `write` (files → disk).

pub mod diag;
pub mod emit;
pub mod extract;
pub mod infer;
pub mod ir;
pub mod lenient;
pub mod load;
pub mod naming;
pub mod write;

use std::path::Path;

use diag::{Diagnostic, Diagnostics};
use infer::ExampleCase;

/// Everything one run over `specs/` produces, before anything is written.
pub struct Analysis {
    pub schema: ir::Schema,
    pub examples: Vec<ExampleCase>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads and infers every vendor in `specs`; `shown` is how that folder is
/// named in diagnostics and doc comments (`specs`).
pub fn analyze(specs: &Path, shown: &str) -> std::io::Result<Analysis> {
    let mut diags = Diagnostics::default();
    let vendors = load::specs(specs, shown, &mut diags)?;
    let mut schema = ir::Schema { vendors: vec![] };
    let mut examples = Vec::new();
    for v in vendors {
        let pages: Vec<infer::Page> = v
            .pages
            .into_iter()
            .map(|source| {
                let evidence = extract::page(&source, &mut diags);
                infer::Page { source, evidence }
            })
            .collect();
        let inferred = infer::vendor(&v.name, &pages, &v.hints, &mut diags);
        schema.vendors.push(inferred.vendor);
        examples.extend(inferred.examples);
    }
    Ok(Analysis {
        schema,
        examples,
        diagnostics: diags.into_sorted(),
    })
}
