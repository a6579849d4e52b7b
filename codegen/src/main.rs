//! `hookgen generate | check | ir`: the command line over the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use hookgen::write::{self, Mode};

/// Turns vendors' webhook documentation pages into a typed Rust crate.
///
/// Exit codes: 0 ok; 1 `check` found the crate stale; 2 bad input or I/O error.
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
    /// Write nothing; exit 1 with a unified diff if the crate is stale.
    Check(Paths),
    /// Print the inferred schema IR as JSON.
    Ir {
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Generate(p) => run(&p, Mode::Write),
        Command::Check(p) => run(&p, Mode::Check),
        Command::Ir { specs } => match analyze(&specs) {
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
fn analyze(specs: &Path) -> Option<hookgen::Analysis> {
    let analysis = match hookgen::analyze(specs, &shown(specs)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{}: error: cannot read specs: {e}", specs.display());
            return None;
        }
    };
    for d in &analysis.diagnostics {
        eprintln!("{}", d.render());
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
    let Some(analysis) = analyze(&paths.specs) else {
        return ExitCode::from(2);
    };
    let options = hookgen::emit::Options {
        crate_name: paths.crate_name.clone(),
        specs: shown(&paths.specs),
    };
    // A vendor whose specs have errors keeps the module it had, untouched.
    let mut kept = Vec::new();
    for name in &analysis.failed {
        let old = paths.out.join("src").join(format!("{name}.rs"));
        match std::fs::read_to_string(old) {
            Ok(contents) => {
                eprintln!("error: `{name}` has errors; its previous module is kept unchanged");
                kept.push(hookgen::emit::Kept {
                    name: name.clone(),
                    contents,
                });
            }
            Err(_) => eprintln!("error: `{name}` has errors and no previous module; left out"),
        }
    }
    let files = hookgen::emit::crate_files_keeping(&analysis.schema, &options, &kept);
    let report = match write::sync(&paths.out, &files, mode) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}: error: {e}", paths.out.display());
            return ExitCode::from(2);
        }
    };
    let out = paths.out.display();
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
            if analysis.failed.is_empty() {
                return ExitCode::from(1);
            }
        }
    }
    if !analysis.failed.is_empty() {
        eprintln!(
            "error: the specs of {} have errors",
            analysis.failed.join(", ")
        );
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
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
