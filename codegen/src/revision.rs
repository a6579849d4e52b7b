//! A state of `specs/` to compare: a folder, or a git revision of the
//! repository the command runs in.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Specs to analyze, and the temporary copy to remove afterwards.
pub struct State {
    pub dir: PathBuf,
    /// How paths under it are shown: the folder, or `REV:specs`.
    pub shown: String,
    /// `REV:` for a revision, which a shown path starts with.
    rev: Option<String>,
    temporary: bool,
}

impl State {
    /// What a shown path starts with that the repository's path does not:
    /// `main:` in `main:specs/a.txt`.
    pub fn rev_prefix(&self) -> Option<String> {
        self.rev.as_ref().map(|r| format!("{r}:"))
    }
}

impl Drop for State {
    fn drop(&mut self) {
        if self.temporary {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// `arg` names a folder when one exists there; otherwise it is a git
/// revision, whose `specs` folder is copied out of the repository.
pub fn resolve(arg: &str, specs: &str) -> io::Result<State> {
    if Path::new(arg).is_dir() {
        return Ok(State {
            dir: PathBuf::from(arg),
            shown: arg.trim_end_matches('/').to_owned(),
            rev: None,
            temporary: false,
        });
    }
    let commit = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{arg}^{{commit}}"),
    ])
    .map_err(|e| {
        // Not a revision, or no repository (or no git) to look in: say which.
        match git(&["rev-parse", "--git-dir"]) {
            Ok(_) => not_found(arg),
            Err(_) => io::Error::new(
                io::ErrorKind::NotFound,
                format!("`{arg}` is no folder, and it cannot be read as a git revision: {e}"),
            ),
        }
    })?;
    let commit = String::from_utf8_lossy(&commit).trim().to_owned();
    // Paths inside the revision are relative to the repository root.
    let prefix = String::from_utf8_lossy(&git(&["rev-parse", "--show-prefix"])?)
        .trim()
        .to_owned();
    let inside = format!(
        "{prefix}{}",
        specs.trim_start_matches("./").trim_end_matches('/')
    );
    let listing = git(&[
        "ls-tree",
        "-r",
        "-z",
        "--name-only",
        "--full-tree",
        &commit,
        "--",
        &inside,
    ])?;
    let dir = std::env::temp_dir().join(format!(
        "hookgen-drift-{}-{}",
        std::process::id(),
        &commit[..12.min(commit.len())]
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir)?;
    let state = State {
        dir: dir.clone(),
        shown: format!("{arg}:{specs}"),
        rev: Some(arg.to_owned()),
        temporary: true,
    };
    if listing.is_empty() && !Path::new(specs).exists() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("no `{specs}` folder here nor in `{arg}` (--specs names the specs folder)"),
        ));
    }
    for path in listing.split(|b| *b == 0).filter(|p| !p.is_empty()) {
        let path = String::from_utf8_lossy(path).into_owned();
        let Some(rel) = path
            .strip_prefix(&inside)
            .map(|r| r.trim_start_matches('/'))
        else {
            continue;
        };
        // A tree may hold any name (`..` too): only plain names are written.
        let plain = Path::new(rel)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !plain {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("`{arg}` holds `{path}`, which is no plain path: not read"),
            ));
        }
        let bytes = git(&["show", &format!("{commit}:{path}")])?;
        let target = dir.join(rel);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(target, bytes)?;
    }
    Ok(state)
}

fn git(args: &[&str]) -> io::Result<Vec<u8>> {
    let out = Command::new("git").args(args).output()?;
    if !out.status.success() {
        return Err(io::Error::other(format!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(out.stdout)
}

fn not_found(arg: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::NotFound,
        format!("`{arg}` is neither a folder nor a git revision of this repository"),
    )
}
