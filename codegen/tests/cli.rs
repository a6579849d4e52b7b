//! The `hookgen` command as a user runs it: exit codes, writes, diffs.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The seed pages the tests copy from: a pinned copy, so that a user's
/// edits to `specs/` never break them.
const SEEDS: &str = "../tests/fixtures/seeds/specs";

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
        .join(SEEDS)
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

/// Every file under `dir`, by relative path; empty if `dir` is missing.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut std::collections::BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if let Ok(bytes) = fs::read(&path) {
                let rel = path.strip_prefix(root).unwrap().display().to_string();
                out.insert(rel, bytes);
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

#[test]
fn a_killed_generate_leaves_the_old_crate_or_the_new_one() {
    let dir = with_seed("pelcro");
    assert!(hookgen(&dir, &["generate"]).status.success());
    fs::write(dir.join("generated/NOTES.md"), "ours, not hookgen's\n").unwrap();
    let old = snapshot(&dir.join("generated"));

    // A new field changes the module, the IR and the JSON Schema.
    let page = dir.join("specs/pelcro/subscription.updated.txt");
    let text_now = fs::read_to_string(&page).unwrap();
    let changed = text_now.replacen(
        "\"cancel_reason\": null,",
        "\"cancel_reason\": null,\n\"loyalty_points\": 3,",
        1,
    );
    assert_ne!(changed, text_now);
    fs::write(&page, changed).unwrap();
    let scratch_out = dir.join("expected");
    let started = std::time::Instant::now();
    assert!(hookgen(&dir, &["generate", "--out", "expected"])
        .status
        .success());
    let run_length = started.elapsed();
    let mut new = snapshot(&scratch_out);
    new.insert("NOTES.md".into(), b"ours, not hookgen's\n".to_vec());
    fs::remove_dir_all(&scratch_out).unwrap();
    assert_eq!(
        old.keys().collect::<Vec<_>>(),
        new.keys().collect::<Vec<_>>()
    );
    let differ = old.iter().filter(|(k, v)| new[*k] != **v).count();
    assert!(differ >= 3, "{differ} files differ");

    // Kill runs at moments spread over a run's length; each leaves one
    // crate whole, never a mix and never none.
    let (mut kept_old, mut got_new) = (0, 0);
    for step in 0..40u32 {
        let delay = run_length * step / 30;
        let crate_dir = dir.join("generated");
        let _ = fs::remove_dir_all(&crate_dir);
        for (rel, bytes) in &old {
            let path = crate_dir.join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, bytes).unwrap();
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_hookgen"))
            .arg("generate")
            .current_dir(&dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        child.wait().unwrap();
        let now = snapshot(&crate_dir);
        if now == old {
            kept_old += 1;
        } else if now == new {
            got_new += 1;
        } else {
            panic!(
                "killed after {delay:?}: a mixed crate: {:?}",
                now.keys().collect::<Vec<_>>()
            );
        }
    }
    eprintln!("killed runs: {kept_old} left the old crate, {got_new} the new one");

    // The next run finishes the job and clears what killed runs left.
    let out = hookgen(&dir, &["generate"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(snapshot(&dir.join("generated")), new);
    assert_no_leftovers(&dir);
    fs::remove_dir_all(dir).unwrap();
}

/// Runs at once on one output folder take turns: each ends with a whole
/// crate, one run's or the other's, never a mix, and every run succeeds.
#[test]
fn concurrent_generates_never_tear_the_crate() {
    let dir = with_seed("pelcro");
    // Two spec folders that give different crates.
    let other = dir.join("other");
    fs::create_dir_all(other.join("pelcro")).unwrap();
    for entry in fs::read_dir(dir.join("specs/pelcro")).unwrap() {
        let path = entry.unwrap().path();
        let page = fs::read_to_string(&path).unwrap().replacen(
            "\"cancel_reason\": null,",
            "\"cancel_reason\": null,\n\"loyalty_points\": 3,",
            1,
        );
        fs::write(other.join("pelcro").join(path.file_name().unwrap()), page).unwrap();
    }
    let made = |specs: &str, out: &str| {
        let o = hookgen(&dir, &["generate", "--specs", specs, "--out", out]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        snapshot(&dir.join(out))
    };
    let (a, b) = (made("specs", "a"), made("other", "b"));
    assert_ne!(a, b);
    let mut torn = Vec::new();
    for round in 0..30 {
        let children: Vec<_> = ["specs", "other", "specs", "other"]
            .iter()
            .map(|specs| {
                Command::new(env!("CARGO_BIN_EXE_hookgen"))
                    .args(["generate", "--specs", specs])
                    .current_dir(&dir)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let o = child.wait_with_output().unwrap();
            assert!(o.status.success(), "round {round}: {}", text(&o.stderr));
        }
        let now = snapshot(&dir.join("generated"));
        if now != a && now != b {
            torn.push(round);
        }
    }
    assert!(torn.is_empty(), "torn crates in rounds {torn:?}");
    assert_no_leftovers(&dir);
    fs::remove_dir_all(dir).unwrap();
}

/// Nothing a run stages or retires is left beside the crate.
fn assert_no_leftovers(dir: &Path) {
    let leftovers: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("hookgen-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Regenerating rewrites only what changed: cargo sees the other files as
/// they were, and a run with nothing to change touches nothing.
#[cfg(unix)]
#[test]
fn unchanged_files_stay_the_same_files() {
    use std::os::unix::fs::MetadataExt;
    let dir = with_seed("pelcro");
    assert!(hookgen(&dir, &["generate"]).status.success());
    let inode = |rel: &str| fs::metadata(dir.join("generated").join(rel)).unwrap().ino();
    let (lib, module) = (inode("src/lib.rs"), inode("src/pelcro.rs"));

    assert!(hookgen(&dir, &["generate"]).status.success());
    assert_eq!((inode("src/lib.rs"), inode("src/pelcro.rs")), (lib, module));

    let page = dir.join("specs/pelcro/subscription.updated.txt");
    let changed = fs::read_to_string(&page).unwrap().replacen(
        "\"cancel_reason\": null,",
        "\"cancel_reason\": null,\n\"x_new\": 3,",
        1,
    );
    fs::write(&page, changed).unwrap();
    assert!(hookgen(&dir, &["generate"]).status.success());
    assert_eq!(inode("src/lib.rs"), lib, "an unchanged file was rewritten");
    assert_ne!(inode("src/pelcro.rs"), module);
    fs::remove_dir_all(dir).unwrap();
}

/// The same specs give the same bytes whatever the locale, the time zone,
/// and the order the files were created in (which decides the order some
/// file systems list them in).
#[test]
fn output_is_the_same_whatever_the_locale_time_zone_and_file_order() {
    let specs = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEEDS);
    let mut pages: Vec<PathBuf> = Vec::new();
    for vendor in fs::read_dir(&specs).unwrap() {
        for page in fs::read_dir(vendor.unwrap().path()).unwrap() {
            pages.push(page.unwrap().path());
        }
    }
    pages.sort();
    let run = |reversed: bool, env: &[(&str, &str)]| {
        let dir = scratch();
        let mut order = pages.clone();
        if reversed {
            order.reverse();
        }
        for page in &order {
            let rel = page.strip_prefix(&specs).unwrap();
            let to = dir.join("specs").join(rel);
            fs::create_dir_all(to.parent().unwrap()).unwrap();
            fs::copy(page, to).unwrap();
        }
        let out = Command::new(env!("CARGO_BIN_EXE_hookgen"))
            .arg("generate")
            .current_dir(&dir)
            .envs(env.iter().copied())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        let files = snapshot(&dir.join("generated"));
        fs::remove_dir_all(dir).unwrap();
        (files, out.stderr)
    };
    let base = run(false, &[("LC_ALL", "C"), ("TZ", "UTC")]);
    assert!(base.0.len() > 10, "{:?}", base.0.keys());
    for (reversed, env) in [
        (true, &[("LC_ALL", "C"), ("TZ", "UTC")][..]),
        (
            false,
            &[("LC_ALL", "tr_TR.UTF-8"), ("TZ", "Asia/Kolkata")][..],
        ),
        (
            true,
            &[("LANG", "de_DE.UTF-8"), ("TZ", "America/St_Johns")][..],
        ),
    ] {
        let other = run(reversed, env);
        assert!(
            other.0 == base.0,
            "output differs under {env:?}, reversed {reversed}"
        );
        assert_eq!(
            text(&other.1),
            text(&base.1),
            "diagnostics differ under {env:?}"
        );
    }
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
    let flexprice = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/seeds/specs/flexprice/customer.updated.txt");
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

/// The realistic pair: a page that gains an event, drops a field, makes a
/// field nullable and adds an enum value at once.
const OLD: &str = "tests/fixtures/drift/old/specs";
const NEW: &str = "tests/fixtures/drift/new/specs";

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn kinds(report: &serde_json::Value) -> Vec<String> {
    report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {} {}",
                c["severity"].as_str().unwrap(),
                c["kind"].as_str().unwrap(),
                c["path"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn drift_between_two_folders() {
    let out = hookgen(
        &repo_root(),
        &["drift", "--old", OLD, "--new", NEW, "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["verdict"], "major");
    assert_eq!(
        kinds(&report),
        [
            "breaking field_removed data.order.gift_message",
            "warning became_nullable data.order.customer_email",
            "warning enum_value_added data.order.status",
            "warning event_added ",
        ]
    );
    let removed = &report["changes"][0];
    assert_eq!(
        removed["events"],
        serde_json::json!(["order.created", "order.shipped"])
    );
    assert_eq!(
        removed["old"]["file"],
        format!("{OLD}/shopmate/order-events.txt")
    );
    assert_eq!(removed["old"]["line"], 15);

    let md = hookgen(&repo_root(), &["drift", "--old", OLD, "--new", NEW]);
    let md = text(&md.stdout);
    assert!(
        md.starts_with("## hookgen drift: `webhook-models` needs a **major** release"),
        "{md}"
    );
    let named = hookgen(
        &repo_root(),
        &[
            "drift",
            "--old",
            OLD,
            "--new",
            NEW,
            "--crate-name",
            "acme-hooks",
        ],
    );
    assert!(
        text(&named.stdout).starts_with("## hookgen drift: `acme-hooks` needs a **major** release"),
        "{}",
        text(&named.stdout)
    );
    assert!(
        md.contains("| 🔴 breaking | `data.order.gift_message` field removed |"),
        "{md}"
    );

    let gh = text(
        &hookgen(
            &repo_root(),
            &["drift", "--old", OLD, "--new", NEW, "--format", "github"],
        )
        .stdout,
    );
    assert!(
        gh.starts_with(&format!(
            "::error file={OLD}/shopmate/order-events.txt,line=15,title=hookgen drift::"
        )),
        "{gh}"
    );
    assert_eq!(
        gh.lines().filter(|l| l.starts_with("::warning ")).count(),
        3,
        "{gh}"
    );
}

#[test]
fn drift_fail_on_sets_the_exit_code() {
    let code = |extra: &[&str]| {
        let mut args = vec!["drift", "--old", OLD, "--new", NEW];
        args.extend_from_slice(extra);
        hookgen(&repo_root(), &args).status.code()
    };
    assert_eq!(code(&["--fail-on", "breaking"]), Some(1));
    assert_eq!(code(&["--fail-on", "warning"]), Some(1));
    let same = hookgen(
        &repo_root(),
        &["drift", "--old", NEW, "--new", NEW, "--fail-on", "warning"],
    );
    assert_eq!(same.status.code(), Some(0));
    assert!(text(&same.stdout).contains("No change"));
}

#[test]
fn drift_between_git_revisions() {
    let dir = scratch();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@t.invalid"])
            .args(args)
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
    };
    let copy = |from: &str| {
        let target = dir.join("specs/shopmate");
        fs::create_dir_all(&target).unwrap();
        fs::copy(
            repo_root().join(from).join("shopmate/order-events.txt"),
            target.join("order-events.txt"),
        )
        .unwrap();
    };
    git(&["init", "-q"]);
    copy(OLD);
    git(&["add", "-A"]);
    git(&["commit", "-qm", "old"]);
    copy(NEW);
    git(&["commit", "-qam", "new"]);

    let out = hookgen(
        &dir,
        &[
            "drift", "--old", "HEAD~1", "--new", "HEAD", "--format", "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["verdict"], "major");
    assert_eq!(
        report["changes"][0]["old"]["file"],
        "HEAD~1:specs/shopmate/order-events.txt"
    );

    // GitHub annotations name the file as the repository has it, so they
    // land on the pull request's diff.
    let out = hookgen(
        &dir,
        &[
            "drift", "--old", "HEAD~1", "--new", "HEAD", "--format", "github",
        ],
    );
    let annotations = text(&out.stdout);
    assert!(
        annotations.contains("file=specs/shopmate/order-events.txt,line="),
        "{annotations}"
    );
    assert!(!annotations.contains("HEAD"), "{annotations}");
    // Drift is about the schema: the pages' warnings are counted, not listed.
    assert!(
        !text(&out.stderr).contains("warning:"),
        "{}",
        text(&out.stderr)
    );

    // The working tree against a revision; and a name that is neither.
    let out = hookgen(&dir, &["drift", "--old", "HEAD~1", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = hookgen(&dir, &["drift", "--old", "no-such-rev"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("neither a folder nor a git revision"));
    // A specs folder that is neither in the revision nor here is a mistake,
    // not a state where every vendor was added.
    let out = hookgen(&dir, &["drift", "--old", "HEAD~1", "--specs", "nosuch"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("no `nosuch` folder"),
        "{}",
        text(&out.stderr)
    );
    fs::remove_dir_all(dir).unwrap();

    // Outside a repository, git's own words say why.
    let elsewhere = scratch();
    let out = hookgen(&elsewhere, &["drift", "--old", "HEAD"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("not a git repository"),
        "{}",
        text(&out.stderr)
    );
    fs::remove_dir_all(elsewhere).unwrap();
}

#[test]
fn check_summarizes_drift_when_specs_changed() {
    let dir = with_seed("pelcro");
    assert!(hookgen(&dir, &["generate"]).status.success());
    let page = dir.join("specs/pelcro/subscription.updated.txt");
    let text = fs::read_to_string(&page)
        .unwrap()
        .replace("\"triggered_from\": \"open_api\",\n", "");
    fs::write(&page, text).unwrap();
    let out = hookgen(&dir, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = self::text(&out.stderr);
    assert!(
        stderr.contains(
            "drift: `webhook-models` needs a major release (1 breaking, 0 warning, 0 info; 1 in the examples only)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("pelcro: `triggered_from` field removed (`subscription.updated`)"),
        "{stderr}"
    );
    // The verdict names the package it is for.
    let out = hookgen(&dir, &["check", "--crate-name", "acme-hooks"]);
    let stderr = self::text(&out.stderr);
    assert!(
        stderr.contains("drift: `acme-hooks` needs a major release"),
        "{stderr}"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn overrides_in_the_vendor_config() {
    let dir = with_seed("pelcro");
    let config = dir.join("specs/pelcro/hookgen.toml");
    fs::write(
        &config,
        "[[override]]\npath = \"data.object.source\"\ntype = \"any\"\n",
    )
    .unwrap();
    let out = hookgen(&dir, &["generate"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let module = fs::read_to_string(dir.join("generated/src/pelcro.rs")).unwrap();
    assert!(
        module.contains("pub source: crate::Maybe<crate::Json>,"),
        "the override did not apply"
    );

    fs::write(
        &config,
        "[[override]]\npath = \"data.object.status\"\ntype = \"strnig\"\n",
    )
    .unwrap();
    let out = hookgen(&dir, &["generate"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(
            "specs/pelcro/hookgen.toml:3:8: error: bad hookgen.toml: unknown type `strnig`"
        ),
        "{stderr}"
    );
    fs::remove_dir_all(dir).unwrap();
}

/// `generate --out` writes only into a missing or empty folder or a crate
/// hookgen made, never inside or around the specs, and leaves folders that
/// only share its staging names alone.
#[test]
fn generate_writes_only_where_it_owns_the_folder() {
    let dir = with_seed("pelcro");
    // A user's project: not hookgen's, so nothing in it is replaced.
    fs::create_dir_all(dir.join("app/src")).unwrap();
    fs::create_dir_all(dir.join("app/ir")).unwrap();
    fs::write(dir.join("app/src/main.rs"), "fn main() {}\n").unwrap();
    fs::write(dir.join("app/ir/important.json"), "{}").unwrap();
    let before = snapshot(&dir);
    for out in ["app", ".", "specs", "specs/gen", "specs/pelcro"] {
        let o = hookgen(&dir, &["generate", "--out", out]);
        assert_eq!(o.status.code(), Some(2), "--out {out}: {}", text(&o.stderr));
        assert!(
            text(&o.stderr).contains("error"),
            "--out {out}: {}",
            text(&o.stderr)
        );
        assert_eq!(snapshot(&dir), before, "--out {out} changed files");
    }
    let abs = dir.canonicalize().unwrap();
    for out in [abs.clone(), abs.join("specs/../.")] {
        let o = hookgen(&dir, &["generate", "--out", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "--out {}", out.display());
        assert_eq!(snapshot(&dir), before);
    }

    // Folders that share the staging names but are a user's: kept, and
    // the run stops rather than deleting them.
    fs::create_dir_all(dir.join("generated.hookgen-old")).unwrap();
    fs::write(dir.join("generated.hookgen-old/notes.txt"), "mine").unwrap();
    let o = hookgen(&dir, &["generate"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert_eq!(
        fs::read_to_string(dir.join("generated.hookgen-old/notes.txt")).unwrap(),
        "mine"
    );
    fs::remove_dir_all(dir.join("generated.hookgen-old")).unwrap();

    // A new folder, then the crate it made: written, then regenerated.
    let o = hookgen(&dir, &["generate", "--out", "models"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    fs::write(dir.join("models/NOTES.md"), "kept").unwrap();
    fs::write(
        dir.join("specs/pelcro/extra.json"),
        "{\"type\": \"x.y\", \"a\": 1}",
    )
    .unwrap();
    let o = hookgen(&dir, &["generate", "--out", "models"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(
        fs::read_to_string(dir.join("models/NOTES.md")).unwrap(),
        "kept"
    );
    // An empty folder is fine too.
    fs::create_dir_all(dir.join("empty")).unwrap();
    let o = hookgen(&dir, &["generate", "--out", "empty"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    fs::remove_dir_all(dir).unwrap();
}

/// A link out of specs/ is not followed: what it points at never reaches
/// the generated code, the IR or the schema. Links inside specs/ are read.
#[cfg(unix)]
#[test]
fn links_out_of_specs_are_not_followed() {
    use std::os::unix::fs::symlink;
    let dir = with_seed("pelcro");
    let secret_dir = dir.join("outside");
    fs::create_dir_all(secret_dir.join("vendor")).unwrap();
    let secret = "{\"type\": \"leak.sent\", \"token\": \"SECRET-7f3a\"}";
    fs::write(secret_dir.join("secret.json"), secret).unwrap();
    fs::write(secret_dir.join("vendor/page.json"), secret).unwrap();
    symlink(
        secret_dir.join("secret.json"),
        dir.join("specs/pelcro/leak.json"),
    )
    .unwrap();
    symlink("/proc/self/environ", dir.join("specs/pelcro/environ.txt")).unwrap();
    symlink(secret_dir.join("vendor"), dir.join("specs/leaky")).unwrap();
    // Inside specs/: read as usual.
    fs::create_dir_all(dir.join("specs/shared")).unwrap();
    fs::write(
        dir.join("specs/shared/ping.sent.json"),
        "{\"type\": \"ping.sent\", \"n\": 1}",
    )
    .unwrap();
    fs::create_dir_all(dir.join("specs/other")).unwrap();
    symlink(
        "../shared/ping.sent.json",
        dir.join("specs/other/ping.sent.json"),
    )
    .unwrap();

    let out = hookgen(&dir, &["generate"]);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    for warning in [
        "specs/pelcro/leak.json:1:1: warning: a link to a place outside specs/; not read",
        "specs/pelcro/environ.txt:1:1: warning: a link to a place outside specs/; not read",
        "specs/leaky:1:1: warning: `leaky` is a link to a folder outside specs/; not read",
    ] {
        assert!(stderr.contains(warning), "missing {warning:?} in {stderr}");
    }
    let mut leaked = Vec::new();
    for (path, bytes) in snapshot(&dir.join("generated")) {
        let text = String::from_utf8_lossy(&bytes);
        if text.contains("SECRET-7f3a") || text.contains("leak.sent") || text.contains("PATH=") {
            leaked.push(path);
        }
    }
    assert!(leaked.is_empty(), "outside text reached {leaked:?}");
    assert!(!dir.join("generated/src/leaky.rs").exists());
    let other = fs::read_to_string(dir.join("generated/src/other.rs")).unwrap();
    assert!(
        other.contains("\"ping.sent\""),
        "a link inside specs/ is read"
    );
    fs::remove_dir_all(dir).unwrap();
}

/// Config values reach generated code: one that is not a header name, a
/// URL path or a field path is an error at its place, not text in a doc.
#[test]
fn event_type_config_values_are_checked() {
    let dir = with_seed("pelcro");
    let config = dir.join("specs/pelcro/hookgen.toml");
    for (toml, expect) in [
        (
            "[event_type]\nheader = \"X-Ev\\n```\\npanic!()\\n```\"\n",
            "specs/pelcro/hookgen.toml:2:10: error: bad hookgen.toml: `X-Ev\\n```\\npanic!()\\n```` is not an HTTP header name",
        ),
        (
            "[event_type]\nfields = [\"\"]\n",
            "specs/pelcro/hookgen.toml:2:11: error: bad hookgen.toml: `` is not a field path",
        ),
        (
            "[event_type]\nfields = [\"data..type\"]\n",
            "specs/pelcro/hookgen.toml:2:11: error: bad hookgen.toml: `data..type` is not a field path",
        ),
        (
            "[event_type]\nurl = \"/hooks/{event} x\"\n",
            "specs/pelcro/hookgen.toml:2:7: error: bad hookgen.toml: `/hooks/{event} x` is not a URL path",
        ),
    ] {
        fs::write(&config, toml).unwrap();
        let out = hookgen(&dir, &["generate"]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{toml}: {stderr}");
        assert!(stderr.contains(expect), "{toml}: {stderr}");
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn explain_shows_each_decision_and_its_evidence() {
    let specs = "tests/fixtures/layouts/specs";
    let out = hookgen(
        &repo_root(),
        &["explain", "payhub", "data.invoice", "--specs", specs],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("invoice.paid → InvoicePaid"), "{stdout}");
    assert!(
        stdout.contains("  data.invoice.status: Status, required, not null"),
        "{stdout}"
    );
    assert!(
        stdout.contains("enum (open): `draft`, `open`, `paid`, `void`"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "presence: marked required ({specs}/payhub/invoices.md:"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("nullability: seen null 1× in examples (nullable)"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("  created:"),
        "the path filters fields: {stdout}"
    );

    // A path matches by whole segments: `data.invoice.stat` is no field.
    let out = hookgen(
        &repo_root(),
        &["explain", "payhub", "data.invoice.stat", "--specs", specs],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    // A field the samples show every time is required, yet its Rust type
    // takes it absent: the line says so rather than contradict itself.
    let out = hookgen(
        &repo_root(),
        &["explain", "gitforge", "issue.id", "--specs", specs],
    );
    assert!(
        text(&out.stdout).contains(
            "required, not null; in Rust `Maybe<Number>`, which also accepts it absent or null"
        ),
        "{}",
        text(&out.stdout)
    );

    let out = hookgen(&repo_root(), &["explain", "nobody", "--specs", specs]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no vendor `nobody`"));

    // A path that matches no field says so, with the fields there are.
    let out = hookgen(
        &repo_root(),
        &["explain", "payhub", "data.invoise", "--specs", specs],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("no field of `payhub`'s payloads is at `data.invoise`"),
        "{stderr}"
    );
    assert!(stderr.contains("data"), "{stderr}");
}

#[test]
fn invalid_utf8_and_binary_pages_are_warnings_not_crashes() {
    let dir = with_seed("pelcro");
    let mut page = fs::read(dir.join("specs/pelcro/subscription.updated.txt")).unwrap();
    page.splice(10..10, [0xff, 0xfe, 0x00]);
    fs::write(dir.join("specs/pelcro/subscription.updated.txt"), page).unwrap();
    fs::write(
        dir.join("specs/pelcro/logo.png"),
        [0x89u8, b'P', b'N', b'G', 0, 0, 0xff, 0x1a, b'{', 0xc3],
    )
    .unwrap();
    let out = hookgen(&dir, &["generate"]);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("specs/pelcro/subscription.updated.txt:1:11: warning: not valid UTF-8"),
        "{stderr}"
    );
    assert!(
        stderr.contains("specs/pelcro/logo.png:1:1: warning: not valid UTF-8"),
        "{stderr}"
    );
    let module = fs::read_to_string(dir.join("generated/src/pelcro.rs")).unwrap();
    assert!(module.contains("SubscriptionUpdated(Box<SubscriptionUpdated>)"));
    fs::remove_dir_all(dir).unwrap();
}

/// An output folder that is a link: the link stays, the folder it points
/// to holds the crate. A link to nothing is an error that creates nothing.
#[cfg(unix)]
#[test]
fn a_linked_output_folder_stays_a_link() {
    use std::os::unix::fs::symlink;
    let dir = with_seed("pelcro");
    let o = hookgen(&dir, &["generate", "--out", "plain"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    fs::create_dir_all(dir.join("real")).unwrap();
    symlink("real", dir.join("generated")).unwrap();
    for _ in 0..2 {
        let o = hookgen(&dir, &["generate"]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        let meta = fs::symlink_metadata(dir.join("generated")).unwrap();
        assert!(meta.file_type().is_symlink());
        same(&snapshot(&dir.join("real")), &snapshot(&dir.join("plain")));
        // The second round regenerates a changed crate through the link.
        fs::write(
            dir.join("specs/pelcro/extra.json"),
            "{\"type\": \"x.y\", \"a\": 1}",
        )
        .unwrap();
        let o = hookgen(&dir, &["generate", "--out", "plain"]);
        assert!(o.status.success(), "{}", text(&o.stderr));
    }
    let o = hookgen(&dir, &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));

    symlink("missing", dir.join("dangling")).unwrap();
    let o = hookgen(&dir, &["generate", "--out", "dangling"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("does not exist"),
        "{}",
        text(&o.stderr)
    );
    assert!(!dir.join("missing").exists());
    assert_no_leftovers(&dir);
    fs::remove_dir_all(dir).unwrap();
}

/// Two snapshots are equal; where not, the paths that differ are named.
fn same(got: &Snapshot, want: &Snapshot) {
    let differ: Vec<_> = got
        .keys()
        .chain(want.keys())
        .filter(|k| got.get(*k) != want.get(*k))
        .collect();
    assert!(differ.is_empty(), "these files differ: {differ:?}");
}

type Snapshot = std::collections::BTreeMap<String, Vec<u8>>;

/// Runs `script` (POSIX sh, `$1` the workspace, `$2` hookgen) in a mount
/// namespace of its own, where it may mount file systems; `false` where the
/// system allows no such namespace. A step that must succeed appends its
/// name and exit code to `codes` on failure, and its stderr goes to
/// `<step>.err`: all are shown if any failed.
fn in_mount_namespace(dir: &Path, script: &str) -> bool {
    let probe = Command::new("unshare").args(["-rm", "true"]).output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: `unshare -rm` is not available here");
        return false;
    }
    let o = Command::new("unshare")
        .args(["-rm", "sh", "-eu", "-c", script, "sh"])
        .arg(dir)
        .arg(env!("CARGO_BIN_EXE_hookgen"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let errors: String = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "err"))
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    assert_eq!(read(dir, "codes"), "", "{errors}");
    true
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap_or_default()
}

/// A mount point as the output folder (`docker -v`, a tmpfs): it cannot be
/// renamed, so its files are replaced in place, with the same result.
#[cfg(target_os = "linux")]
#[test]
fn a_mount_point_is_written_in_place() {
    let dir = scratch();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEEDS);
    // first/ has both vendors; other/ drops one, so files go as well.
    for (specs, vendors) in [
        ("first", &["pelcro", "ordergroove"][..]),
        ("other", &["pelcro"]),
    ] {
        for vendor in vendors {
            fs::create_dir_all(dir.join(specs).join(vendor)).unwrap();
            for entry in fs::read_dir(seeds.join(vendor)).unwrap() {
                let path = entry.unwrap().path();
                let to = dir.join(specs).join(vendor).join(path.file_name().unwrap());
                fs::copy(&path, to).unwrap();
            }
        }
    }
    for (specs, out) in [("first", "old"), ("other", "new")] {
        let o = hookgen(&dir, &["generate", "--specs", specs, "--out", out]);
        assert!(o.status.success(), "{}", text(&o.stderr));
    }
    let script = r#"
        cd "$1"
        mkdir -p mounted snap
        mount -t tmpfs -o size=4m tmpfs mounted
        "$2" generate --specs first --out mounted 2>first.err || echo "first $?" >>codes
        mkdir snap-first && cp -a mounted/. snap-first/
        echo mine >mounted/NOTES.md
        "$2" generate --specs other --out mounted 2>second.err || echo "second $?" >>codes
        "$2" check --specs other --out mounted 2>check.err || echo "check $?" >>codes
        cp -a mounted/. snap/
        ls -a . >beside
    "#;
    if !in_mount_namespace(&dir, script) {
        return;
    }
    let read = |name: &str| read(&dir, name);
    same(
        &snapshot(&dir.join("snap-first")),
        &snapshot(&dir.join("old")),
    );
    let mut want = snapshot(&dir.join("new"));
    want.insert("NOTES.md".into(), b"mine\n".to_vec());
    same(&snapshot(&dir.join("snap")), &want);
    assert!(!dir.join("snap/src/ordergroove.rs").exists());
    assert!(!read("beside").contains("hookgen-"), "{}", read("beside"));
    fs::remove_dir_all(dir).unwrap();
}

/// A disk that fills while the new crate is written: an error that says
/// so, the old crate as it was, and the space the partial copy took given
/// back.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_leaves_the_old_crate_and_no_staging() {
    let dir = with_seed("pelcro");
    let page = dir.join("specs/pelcro/subscription.updated.txt");
    let changed = fs::read_to_string(&page).unwrap().replacen(
        "\"cancel_reason\": null,",
        "\"cancel_reason\": null,\n\"loyalty_points\": 3,",
        1,
    );
    fs::create_dir_all(dir.join("other/pelcro")).unwrap();
    for entry in fs::read_dir(dir.join("specs/pelcro")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(
            &path,
            dir.join("other/pelcro").join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    fs::write(dir.join("other/pelcro/subscription.updated.txt"), changed).unwrap();
    let script = r#"
        cd "$1"
        mkdir -p disk
        mount -t tmpfs -o size=2m tmpfs disk
        "$2" generate --out disk/generated 2>first.err || echo "first $?" >>codes
        mkdir before && cp -a disk/generated/. before/
        # Fill the disk, then leave less room than a second crate needs.
        dd if=/dev/zero of=disk/filler bs=4k 2>/dev/null || true
        rm disk/filler
        used=$(du -sk disk/generated | cut -f1)
        free=$(df -k disk | tail -1 | awk '{print $4}')
        dd if=/dev/zero of=disk/filler bs=1k count=$((free - used / 3)) 2>/dev/null
        df -k disk | tail -1 | awk '{print $4}' >free-before
        "$2" generate --specs other --out disk/generated 2>full.err && echo "full 0" >>codes || echo "full $?" >>full-code
        df -k disk | tail -1 | awk '{print $4}' >free-after
        mkdir after && cp -a disk/generated/. after/
        ls -a disk >beside
        rm disk/filler
        "$2" generate --specs other --out disk/generated 2>last.err || echo "last $?" >>codes
        mkdir last && cp -a disk/generated/. last/
    "#;
    if !in_mount_namespace(&dir, script) {
        return;
    }
    let read = |name: &str| read(&dir, name);
    assert_eq!(read("full-code").trim(), "full 2");
    let err = read("full.err");
    assert!(
        err.contains("No space left") && err.contains("nothing was changed"),
        "{err}"
    );
    same(
        &snapshot(&dir.join("after")),
        &snapshot(&dir.join("before")),
    );
    assert_eq!(read("free-after"), read("free-before"));
    assert!(!read("beside").contains("hookgen-"), "{}", read("beside"));
    let o = hookgen(&dir, &["generate", "--specs", "other", "--out", "want"]);
    assert!(o.status.success());
    same(&snapshot(&dir.join("last")), &snapshot(&dir.join("want")));
    fs::remove_dir_all(dir).unwrap();
}

/// A doc edit that shifts the page's lines touches only what it changed:
/// the generated files name pages, not lines (`hookgen explain` gives the
/// lines), so one field added above the rest adds that field and moves
/// nothing else.
#[test]
fn a_doc_edit_touches_only_what_it_changed() {
    let dir = with_seed("pelcro");
    let o = hookgen(&dir, &["generate"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let before = snapshot(&dir.join("generated"));
    let page = dir.join("specs/pelcro/subscription.updated.txt");
    let edited = fs::read_to_string(&page).unwrap().replacen(
        "\"cancel_reason\": null,",
        "\"cancel_reason\": null,\n\"loyalty_points\": 3,",
        1,
    );
    fs::write(&page, edited).unwrap();
    let o = hookgen(&dir, &["generate"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let after = snapshot(&dir.join("generated"));
    let (mut added, mut removed, mut files) = (0, 0, Vec::new());
    for (path, new) in &after {
        let old = before.get(path).map(|b| text(b)).unwrap_or_default();
        let new = text(new);
        if old == new {
            continue;
        }
        files.push(path.clone());
        for change in similar::TextDiff::from_lines(&old, &new).iter_all_changes() {
            match change.tag() {
                similar::ChangeTag::Insert => added += 1,
                similar::ChangeTag::Delete => removed += 1,
                similar::ChangeTag::Equal => {}
            }
        }
    }
    assert_eq!(
        files,
        ["ir/pelcro.json", "schema/pelcro.json", "src/pelcro.rs"]
    );
    assert_eq!(removed, 0, "lines changed that the edit did not change");
    assert!(added <= 40, "{added} lines added for one field");
    fs::remove_dir_all(dir).unwrap();
}

/// A vendor of many types has them in private modules by initial, and a
/// type added lands in its own letter's module: the diff only adds lines.
#[test]
fn a_large_vendor_keeps_its_types_in_modules_by_initial() {
    let dir = scratch();
    let page = dir.join("specs/big/big.listed.json");
    fs::create_dir_all(page.parent().unwrap()).unwrap();
    let mut body = serde_json::Map::new();
    body.insert("type".into(), "big.listed".into());
    for i in 0..70 {
        let name = format!("{}thing{i}", char::from(b'a' + (i % 26) as u8));
        body.insert(name, serde_json::json!({ format!("m{i}"): i }));
    }
    let write = |body: &serde_json::Map<String, serde_json::Value>| {
        fs::write(&page, serde_json::to_string_pretty(body).unwrap()).unwrap()
    };
    write(&body);
    let out = hookgen(&dir, &["generate"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let module = dir.join("generated/src/big.rs");
    let before = fs::read_to_string(&module).unwrap();
    for letter in ['a', 'm', 'z'] {
        assert!(
            before.contains(&format!("\nmod types_{letter} {{\n")),
            "{letter}"
        );
        assert!(
            before.contains(&format!("\npub use types_{letter}::*;\n")),
            "{letter}"
        );
    }
    let in_module = |text: &str, ty: &str, letter: char| {
        let at = text.find(&format!("pub struct {ty} ")).expect(ty);
        let open = text.find(&format!("\nmod types_{letter} {{\n")).unwrap();
        let close = text
            .find(&format!("\npub use types_{letter}::*;\n"))
            .unwrap();
        open < at && at < close
    };
    assert!(in_module(&before, "Mthing12", 'm'));

    body.insert("zeta_new".into(), serde_json::json!({ "q": 1 }));
    write(&body);
    let out = hookgen(&dir, &["generate"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let after = fs::read_to_string(&module).unwrap();
    assert!(in_module(&after, "ZetaNew", 'z'));
    let diff = similar::TextDiff::from_lines(&before, &after);
    let removed: Vec<_> = diff
        .iter_all_changes()
        .filter(|c| c.tag() == similar::ChangeTag::Delete)
        .map(|c| c.to_string())
        .collect();
    assert!(removed.is_empty(), "{removed:?}");
    fs::remove_dir_all(dir).unwrap();
}
