//! `hookgen generate | check | drift | ir`: the command line over the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use hookgen::drift::{self, Severity};
use hookgen::emit::{self, Kept};
use hookgen::write::{self, Mode};

/// Generation makes and drops many small strings and trees; mimalloc does
/// that in about half the instructions of the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc asks the kernel for transparent huge pages. Where the kernel
/// must first compact memory to find one (after a build or another large
/// process, the usual case), every first touch of one stalls: a run of
/// GitHub's pages took 104–191 ms right after quicktype's, against 56–66 ms
/// on small pages (BENCHMARKS §0d). A run this short gains nothing from
/// huge pages, so it asks for none.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes integers and touches no memory.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Turns vendors' webhook documentation pages into a typed Rust crate.
///
/// Exit codes: 0 ok; 1 `check` found the crate stale, or `drift --fail-on`
/// found such a change; 2 bad input or I/O error.
#[derive(Parser)]
#[command(name = "hookgen", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate the crate from the spec pages.
    Generate(Paths),
    /// Write nothing; exit 1 with a unified diff and a drift summary if the crate is stale.
    Check(Paths),
    /// Compare two states of the specs and judge each change for consumers.
    Drift(DriftArgs),
    /// Show each field's type, presence, nullability and enum, and the evidence for each.
    Explain {
        /// The vendor (its folder name under specs/).
        vendor: String,
        /// Only fields whose JSON path starts with this: `data.object`.
        path: Option<String>,
        /// The folder of vendor folders holding doc pages.
        #[arg(long, default_value = "specs")]
        specs: PathBuf,
    },
    /// Print the inferred schema IR as JSON.
    Ir {
        /// The folder of vendor folders holding doc pages.
        #[arg(long, default_value = "specs")]
        specs: PathBuf,
    },
}

#[derive(Args)]
struct Paths {
    /// The folder of vendor folders holding doc pages.
    #[arg(long, default_value = "specs")]
    specs: PathBuf,
    /// The generated crate's folder.
    #[arg(long, default_value = "generated")]
    out: PathBuf,
    /// The generated crate's package name.
    #[arg(long, default_value = "webhook-models")]
    crate_name: String,
}

#[derive(Args)]
struct DriftArgs {
    /// The state before: a specs folder, or a git revision (`origin/main`).
    #[arg(long)]
    old: String,
    /// The state after: a specs folder, or a git revision.
    #[arg(long, default_value = "specs")]
    new: String,
    /// Where the specs folder is inside a revision (relative to the current folder).
    #[arg(long, default_value = "specs")]
    specs: String,
    /// How to print the report.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    format: Format,
    /// Exit 1 if a change is at least this severe.
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// The generated package the verdict is for.
    #[arg(long, default_value = "webhook-models")]
    crate_name: String,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// A pull-request comment.
    Markdown,
    /// For tools.
    Json,
    /// GitHub Actions annotations.
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Breaking,
    Warning,
}

fn main() -> ExitCode {
    no_huge_pages();
    let cli = Cli::parse();
    match cli.command {
        Command::Generate(p) => run(&p, Mode::Write),
        Command::Check(p) => run(&p, Mode::Check),
        Command::Drift(d) => drift_command(&d),
        Command::Explain {
            vendor,
            path,
            specs,
        } => {
            let Some(a) = analyze_showing(&specs, &shown(&specs), Show::Vendor(&vendor)) else {
                return ExitCode::from(2);
            };
            match a.schema.vendors.iter().find(|v| v.name == vendor) {
                Some(v) => match hookgen::explain::render(v, path.as_deref().unwrap_or("")) {
                    Ok(text) => {
                        print!("{text}");
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        ExitCode::from(2)
                    }
                },
                None => {
                    let known: Vec<&str> =
                        a.schema.vendors.iter().map(|v| v.name.as_str()).collect();
                    eprintln!(
                        "error: no vendor `{vendor}` in {} (there are: {})",
                        specs.display(),
                        known.join(", ")
                    );
                    ExitCode::from(2)
                }
            }
        }
        Command::Ir { specs } => match analyze(&specs, &shown(&specs)) {
            Some(a) if a.failed.is_empty() => {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&a.schema).unwrap_or_default()
                );
                ExitCode::SUCCESS
            }
            _ => ExitCode::from(2),
        },
    }
}

/// Reads and infers everything, printing diagnostics; `None` when the specs
/// folder itself cannot be read.
fn analyze(specs: &Path, shown: &str) -> Option<hookgen::Analysis> {
    analyze_showing(specs, shown, Show::All)
}

/// Which diagnostics a command prints.
#[derive(Clone, Copy)]
enum Show<'a> {
    All,
    /// Those of one vendor's pages (`explain`).
    Vendor(&'a str),
    /// Errors, and how many warnings there were (`drift`, which is about
    /// the schema, not the pages).
    Errors,
}

fn analyze_showing(specs: &Path, shown: &str, show: Show) -> Option<hookgen::Analysis> {
    let analysis = match hookgen::analyze_without_examples(specs, shown) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{}: error: cannot read specs: {e}", specs.display());
            return None;
        }
    };
    let vendor_dir = match show {
        Show::Vendor(v) => format!("{}/{v}/", shown.trim_end_matches('/')),
        _ => String::new(),
    };
    let mut warnings = 0;
    for d in &analysis.diagnostics {
        let printed = match show {
            Show::All => true,
            Show::Vendor(_) => d.loc.file.starts_with(&vendor_dir),
            Show::Errors => d.severity == hookgen::diag::Severity::Error,
        };
        if printed {
            eprintln!("{}", d.render());
        } else if d.severity == hookgen::diag::Severity::Warning {
            warnings += 1;
        }
    }
    if warnings > 0 && matches!(show, Show::Errors) {
        eprintln!("{shown}: {warnings} warnings about the pages (`hookgen check` lists them)");
    }
    Some(analysis)
}

fn run(paths: &Paths, mode: Mode) -> ExitCode {
    let name = &paths.crate_name;
    let valid = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'));
    if !valid {
        eprintln!(
            "error: --crate-name {name:?} is not a valid package name (letters, digits, `-`, `_`)"
        );
        return ExitCode::from(2);
    }
    if let Err(e) = apart(&paths.specs, &paths.out) {
        eprintln!("{}: error: {e}", paths.out.display());
        return ExitCode::from(2);
    }
    let Some(analysis) = analyze(&paths.specs, &shown(&paths.specs)) else {
        return ExitCode::from(2);
    };
    let options = emit::Options {
        crate_name: paths.crate_name.clone(),
        specs: shown(&paths.specs),
    };
    let shown_out = paths.out.display();
    let target = write::Target::open(&paths.out, mode, || {
        eprintln!("{shown_out}: waiting for another hookgen run on this folder to end");
    });
    let target = match target {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{shown_out}: error: {e}");
            return ExitCode::from(2);
        }
    };
    let kept = keep_failed(&analysis.failed, target.dir());
    let files = emit::crate_files_keeping(&analysis.schema, &options, &kept);
    // Read before the new crate replaces it; parsed only if it changes.
    let before = committed_ir(target.dir());
    let report = match target.sync(&files) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}: error: {e}", paths.out.display());
            return ExitCode::from(2);
        }
    };
    let out = paths.out.display();
    if !report.is_clean() {
        summarize_drift(
            &parse_ir(&before),
            &analysis.schema,
            &analysis.failed,
            &options.crate_name,
        );
    }
    // The rest of the run only reports: what was made is freed aside.
    let failed = analysis.failed.clone();
    hookgen::parallel::drop_aside((analysis, files));
    match mode {
        Mode::Write if report.is_clean() => eprintln!("{out}: up to date"),
        Mode::Write => {
            for f in &report.changed {
                eprintln!("wrote {out}/{f}");
            }
            for f in &report.removed {
                eprintln!("removed {out}/{f}");
            }
        }
        Mode::Check if report.is_clean() => eprintln!("{out}: up to date"),
        Mode::Check => {
            print!("{}", report.diff);
            eprintln!("{out} is stale: run `cargo codegen` and commit the result");
            if failed.is_empty() {
                return ExitCode::from(1);
            }
        }
    }
    if !failed.is_empty() {
        eprintln!("error: the specs of {} have errors", failed.join(", "));
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

/// A vendor whose specs have errors keeps the files it had, untouched.
fn keep_failed(failed: &[String], out: &Path) -> Vec<Kept> {
    let mut kept = Vec::new();
    for name in failed {
        let files: Vec<emit::File> = Kept::paths(name)
            .into_iter()
            .filter_map(|path| {
                let contents = std::fs::read_to_string(out.join(&path)).ok()?;
                Some(emit::File { path, contents })
            })
            .collect();
        if files.iter().any(|f| f.path.ends_with(".rs")) {
            eprintln!("error: `{name}` has errors; its previous module is kept unchanged");
            kept.push(Kept {
                name: name.clone(),
                files,
            });
        } else {
            eprintln!("error: `{name}` has errors and no previous module; left out");
        }
    }
    kept
}

/// The IR the committed crate was generated from (`out/ir/*.json`).
fn committed_ir(out: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(out.join("ir")) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// The committed IR's vendors, those that still parse.
fn parse_ir(texts: &[String]) -> hookgen::ir::Schema {
    hookgen::ir::Schema {
        vendors: texts
            .iter()
            .filter_map(|t| serde_json::from_str(t).ok())
            .collect(),
    }
}

/// One paragraph on stderr: what the regeneration changes for consumers.
fn summarize_drift(
    before: &hookgen::ir::Schema,
    after: &hookgen::ir::Schema,
    failed: &[String],
    crate_name: &str,
) {
    // Vendors that failed are kept as they were: not a change.
    let before = hookgen::ir::Schema {
        vendors: before
            .vendors
            .iter()
            .filter(|v| !failed.contains(&v.name))
            .cloned()
            .collect(),
    };
    let report = drift::diff(&before, after);
    if report.changes.is_empty() {
        return;
    }
    eprintln!(
        "drift: `{crate_name}` needs a {} release ({} breaking, {} warning, {} info; \
         {} in the examples only); `hookgen drift --old <rev>` for the report",
        format!("{:?}", report.verdict).to_lowercase(),
        report.count(Severity::Breaking),
        report.count(Severity::Warning),
        report.count(Severity::Info),
        report.examples_only(),
    );
    for r in report.reasons.iter().take(5) {
        eprintln!("  - {r}");
    }
    if report.reasons.len() > 5 {
        eprintln!("  - … and {} more", report.reasons.len() - 5);
    }
}

fn drift_command(args: &DriftArgs) -> ExitCode {
    let mut schemas = Vec::new();
    // `main:specs/a.txt` is `specs/a.txt` in the repository.
    let mut prefixes: Vec<Option<String>> = Vec::new();
    for arg in [&args.old, &args.new] {
        let state = match hookgen::revision::resolve(arg, &args.specs) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        let Some(analysis) = analyze_showing(&state.dir, &state.shown, Show::Errors) else {
            return ExitCode::from(2);
        };
        schemas.push(analysis.schema);
        prefixes.push(state.rev_prefix());
    }
    let report = drift::diff(&schemas[0], &schemas[1]);
    match args.format {
        Format::Markdown => print!("{}", drift::markdown(&report, &args.crate_name)),
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        ),
        Format::Github => print!(
            "{}",
            drift::github(&report, |file| {
                prefixes
                    .iter()
                    .flatten()
                    .find_map(|p| file.strip_prefix(p.as_str()))
                    .unwrap_or(file)
                    .to_owned()
            })
        ),
    }
    let threshold = match args.fail_on {
        Some(FailOn::Breaking) => Severity::Breaking,
        Some(FailOn::Warning) => Severity::Warning,
        None => return ExitCode::SUCCESS,
    };
    if report.worst().is_some_and(|w| w >= threshold) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The output folder may be neither inside the specs (its files would be
/// read back as a vendor) nor around them (the crate would replace them).
fn apart(specs: &Path, out: &Path) -> Result<(), String> {
    let (specs, out) = (resolve(specs), resolve(out));
    if out.starts_with(&specs) {
        return Err(format!(
            "the output folder is inside the specs folder `{}`; give one outside it",
            specs.display()
        ));
    }
    if specs.starts_with(&out) {
        return Err(format!(
            "the output folder holds the specs folder `{}`; give one beside it (`generated`)",
            specs.display()
        ));
    }
    Ok(())
}

/// A path made absolute, links resolved as far as it exists.
fn resolve(path: &Path) -> PathBuf {
    let abs = std::env::current_dir().map_or_else(|_| path.to_owned(), |d| d.join(path));
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return rest.iter().rev().fold(real, |p, part| p.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => return abs,
        }
    }
}

/// How the specs folder is named in output: as given when relative, else by
/// its last component, so generated files never hold absolute paths.
fn shown(specs: &Path) -> String {
    let s = if specs.is_absolute() {
        specs
            .file_name()
            .map_or_else(|| "specs".into(), |n| n.to_string_lossy().into_owned())
    } else {
        specs.to_string_lossy().replace('\\', "/")
    };
    let s = s.trim_start_matches("./").trim_end_matches('/');
    if s.is_empty() {
        "specs".to_owned()
    } else {
        s.to_owned()
    }
}
