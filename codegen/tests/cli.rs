//! The `hookgen` command as a user runs it: exit codes, writes, diffs.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

fn scratch() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "hookgen-cli-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn hookgen(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hookgen"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("hookgen runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A workspace with one seed vendor's page copied in.
fn with_seed(vendor: &str) -> PathBuf {
    let dir = scratch();
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs")
        .join(vendor);
    fs::create_dir_all(dir.join("specs").join(vendor)).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(
            &path,
            dir.join("specs")
                .join(vendor)
                .join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    dir
}

#[test]
fn generate_check_and_prune() {
    let dir = with_seed("pelcro");
    let out = hookgen(&dir, &["generate"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let module = dir.join("generated/src/pelcro.rs");
    assert!(module.is_file());

    let out = hookgen(&dir, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    // A hand edit makes the crate stale; check shows it and writes nothing.
    let edited = fs::read_to_string(&module).unwrap() + "// hand edit\n";
    fs::write(&module, &edited).unwrap();
    fs::write(dir.join("generated/src/stale.rs"), "// left over\n").unwrap();
    let out = hookgen(&dir, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let diff = text(&out.stdout);
    assert!(
        diff.contains("--- a/src/pelcro.rs") && diff.contains("-// hand edit"),
        "{diff}"
    );
    assert!(diff.contains("--- a/src/stale.rs"), "{diff}");
    assert!(text(&out.stderr).contains("run `cargo codegen`"));
    assert_eq!(fs::read_to_string(&module).unwrap(), edited);

    // Generate repairs both, and a second run changes nothing.
    let out = hookgen(&dir, &["generate"]);
    assert!(out.status.success());
    assert!(!dir.join("generated/src/stale.rs").exists());
    let out = hookgen(&dir, &["generate"]);
    assert!(
        text(&out.stderr).contains("up to date"),
        "{}",
        text(&out.stderr)
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn diagnostics_point_at_the_doc() {
    let dir = with_seed("flexprice");
    let out = hookgen(&dir, &["check"]);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(
            "specs/flexprice/customer.updated.txt:39:15: warning: the example says `subscription.created` on the `customer.updated` page"
        ),
        "{stderr}"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_error_in_one_vendor_keeps_its_module_and_regenerates_the_others() {
    let dir = with_seed("pelcro");
    let flexprice =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/flexprice/customer.updated.txt");
    fs::create_dir_all(dir.join("specs/flexprice")).unwrap();
    fs::copy(&flexprice, dir.join("specs/flexprice/customer.updated.txt")).unwrap();
    assert!(hookgen(&dir, &["generate"]).status.success());
    let pelcro = fs::read_to_string(dir.join("generated/src/pelcro.rs")).unwrap();

    // Break pelcro's config; change flexprice's page; leave a temp file as a
    // killed run would.
    fs::write(
        dir.join("specs/pelcro/hookgen.toml"),
        "[event_type]\nfeilds = [\"type\"]\n",
    )
    .unwrap();
    let page = fs::read_to_string(&flexprice).unwrap().replace(
        "Fired when a customer is updated.",
        "Sent when a customer changes.",
    );
    fs::write(dir.join("specs/flexprice/customer.updated.txt"), page).unwrap();
    fs::write(dir.join("generated/src/lib.rs.hookgen-tmp"), "half written").unwrap();

    let out = hookgen(&dir, &["generate"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("specs/pelcro/hookgen.toml:2:1: error: bad hookgen.toml"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`pelcro` has errors; its previous module is kept unchanged"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(dir.join("generated/src/pelcro.rs")).unwrap(),
        pelcro
    );
    let lib = fs::read_to_string(dir.join("generated/src/lib.rs")).unwrap();
    assert!(
        lib.contains("pub mod pelcro;") && lib.contains("pub mod flexprice;"),
        "{lib}"
    );
    let flex = fs::read_to_string(dir.join("generated/src/flexprice.rs")).unwrap();
    assert!(flex.contains("Sent when a customer changes."));
    assert!(!dir.join("generated/src/lib.rs.hookgen-tmp").exists());
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_missing_specs_folder_is_an_error() {
    let dir = scratch();
    let out = hookgen(&dir, &["generate", "--specs", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("nowhere: error: cannot read specs"));
    fs::remove_dir_all(dir).unwrap();
}
