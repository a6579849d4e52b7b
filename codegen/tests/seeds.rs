//! Snapshot of what hookgen concludes from each seed page: the vendor's IR,
//! then the diagnostics its pages raise. Review changes with `cargo insta review`
//! (or rerun with `INSTA_UPDATE=always` and read the diff).

use std::path::Path;

#[test]
fn seed_ir_snapshots() {
    let analysis = hookgen::analyze(Path::new("../specs"), "specs").expect("specs/ is readable");
    let names: Vec<&str> = analysis
        .schema
        .vendors
        .iter()
        .map(|v| v.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "chargeover",
            "flexprice",
            "nextcommerce",
            "ordergroove",
            "pelcro"
        ]
    );
    for vendor in &analysis.schema.vendors {
        let prefix = format!("specs/{}/", vendor.name);
        let diagnostics: Vec<String> = analysis
            .diagnostics
            .iter()
            .filter(|d| d.loc.file.starts_with(&prefix))
            .map(ToString::to_string)
            .collect();
        let snapshot = format!(
            "{}\n\n--- diagnostics ---\n{}\n",
            serde_json::to_string_pretty(vendor).unwrap(),
            diagnostics.join("\n")
        );
        insta::assert_snapshot!(vendor.name.clone(), snapshot);

        // The committed IR (generated/ir) is read back by `check` for drift.
        let back: hookgen::ir::Vendor =
            serde_json::from_str(&serde_json::to_string(vendor).unwrap())
                .unwrap_or_else(|e| panic!("{}: the IR does not read back: {e}", vendor.name));
        assert_eq!(&back, vendor);
    }
}
