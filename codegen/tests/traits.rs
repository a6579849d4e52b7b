//! Traits of real vendors' pages, each pinned on a small page written here
//! (the real pages stay out of the repository; `bench/pages.sh` measures
//! hookgen on them). Each page is saved under a neutral name, as a user's
//! would be.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use hookgen::ir;

/// Generates the IR and diagnostics for one vendor made of `pages`.
fn read(pages: &[(&str, &str)]) -> (ir::Vendor, Vec<String>) {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir: PathBuf = std::env::temp_dir().join(format!(
        "hookgen-traits-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let vendor = dir.join("specs/acme");
    std::fs::create_dir_all(&vendor).unwrap();
    for (name, text) in pages {
        std::fs::write(vendor.join(name), text).unwrap();
    }
    let analysis = hookgen::analyze(&dir.join("specs"), "specs").unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let diags = analysis
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    let v = analysis
        .schema
        .vendors
        .into_iter()
        .next()
        .expect("one vendor");
    (v, diags)
}

fn page(text: &str) -> (ir::Vendor, Vec<String>) {
    read(&[("webhooks.txt", text)])
}

/// Every field path reachable from the vendor's payload types, dotted,
/// arrays as `[]`.
fn paths(v: &ir::Vendor) -> Vec<String> {
    fn walk(v: &ir::Vendor, ty: &ir::Ty, prefix: &str, out: &mut Vec<String>, depth: usize) {
        if depth > 12 {
            return;
        }
        match ty {
            ir::Ty::Named { name } => {
                if let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == name) {
                    for f in &s.fields {
                        let p = if prefix.is_empty() {
                            f.name.clone()
                        } else {
                            format!("{prefix}.{}", f.name)
                        };
                        out.push(p.clone());
                        walk(v, &f.ty, &p, out, depth + 1);
                    }
                }
            }
            ir::Ty::Array { items } => walk(v, items, &format!("{prefix}[]"), out, depth + 1),
            ir::Ty::Nullable { inner } => walk(v, inner, prefix, out, depth + 1),
            _ => {}
        }
    }
    let mut out = Vec::new();
    // Each event's payload type; with no events, every struct no other
    // type refers to.
    let mut roots: Vec<String> = v.events.iter().filter_map(|e| e.payload.clone()).collect();
    if roots.is_empty() {
        fn refs<'a>(ty: &'a ir::Ty, out: &mut Vec<&'a str>) {
            match ty {
                ir::Ty::Named { name } => out.push(name),
                ir::Ty::Array { items } => refs(items, out),
                ir::Ty::Nullable { inner } => refs(inner, out),
                ir::Ty::Map { values } => refs(values, out),
                _ => {}
            }
        }
        let mut used = Vec::new();
        for t in &v.types {
            if let ir::TypeDef::Struct(s) = t {
                s.fields.iter().for_each(|f| refs(&f.ty, &mut used));
            }
        }
        roots = v
            .types
            .iter()
            .filter(|t| matches!(t, ir::TypeDef::Struct(_)) && !used.contains(&t.name()))
            .map(|t| t.name().to_owned())
            .collect();
    }
    roots.sort();
    roots.dedup();
    for root in roots {
        walk(v, &ir::Ty::Named { name: root }, "", &mut out, 0);
    }
    out.sort();
    out.dedup();
    out
}

fn has(diags: &[String], part: &str) -> bool {
    diags.iter().any(|d| d.contains(part))
}

#[test]
fn a_cut_off_example_keeps_its_fields_in_place_and_warns_at_the_cut() {
    let (v, diags) = page(
        "Order paid\n\nSent as `{\"type\": \"order.paid\"}` bodies.\n\n\
         {\"type\": \"order.paid\", \"id\": \"o_1\", \"data\": {\"object\": {\"id\": \"in_1\", \
         \"lines\": {\"data\": [{\"amount\": 199, \"currency\": \"usd\", \"pri",
    );
    let p = paths(&v);
    for want in [
        "data.object.lines.data[].amount",
        "data.object.lines.data[].currency",
        "id",
    ] {
        assert!(p.contains(&want.to_owned()), "{want} not in {p:?}");
    }
    // Never an inner object promoted to the root.
    assert!(!p.contains(&"amount".to_owned()), "{p:?}");
    assert!(
        has(
            &diags,
            "webhooks.txt:5:129: warning: the example is cut off here"
        ),
        "{diags:?}"
    );
}

#[test]
fn json_after_a_prefix_on_its_line_is_an_example() {
    let (v, _) = page(
        "Logged deliveries\n\nREQ: { \"id\": \"evt_1\", \"type\": \"invoice.paid\", \"created\": 1, \"data\": { \"object\": { \"id\": \"in_1\" } } }\n",
    );
    let p = paths(&v);
    assert!(p.contains(&"data.object.id".to_owned()), "{p:?}");
    // A small value inside a table row is not a payload.
    let (v, _) = page(
        "| Field | Type | Description |\n| --- | --- | --- |\n| meta | object | Extra, such as {\"some\": \"x\"} |\n",
    );
    assert_eq!(paths(&v), ["meta"], "{:?}", v.types);
}
