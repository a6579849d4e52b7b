//! Files → disk: the only module that touches `generated/`.
//!
//! Writes only files whose bytes change, removes files no longer generated,
//! and in check mode writes nothing and reports a unified diff instead.
//!
//! Writing is two-phase so that a killed run leaves the previous crate: every
//! changed file is first written beside its target as `*.hookgen-tmp`, and
//! only when all are written are they renamed into place (renames of files
//! already on disk, which take microseconds). Leftover temporary files from
//! a killed run are removed by the next one.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::emit::File;

/// What differs between the generated files and what is on disk.
#[derive(Debug, Default)]
pub struct Report {
    /// Files created or changed, by path relative to the crate.
    pub changed: Vec<String>,
    /// Files removed because nothing generates them any more.
    pub removed: Vec<String>,
    /// A unified diff from what is on disk to what is generated.
    pub diff: String,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.changed.is_empty() && self.removed.is_empty()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Write,
    Check,
}

/// Brings `out` in line with `files` (or, in check mode, says how it differs).
pub fn sync(out: &Path, files: &[File], mode: Mode) -> io::Result<Report> {
    let mut report = Report::default();
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    for file in files {
        let path = out.join(&file.path);
        let old = match fs::read(&path) {
            Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        if old.as_deref() == Some(file.contents.as_str()) {
            continue;
        }
        report.changed.push(file.path.clone());
        report.diff.push_str(&unified(
            &file.path,
            old.as_deref().unwrap_or(""),
            &file.contents,
        ));
        if mode == Mode::Write {
            staged.push((stage(&path, &file.contents)?, path));
        }
    }
    for (tmp, path) in staged {
        fs::rename(tmp, path)?;
    }
    for orphan in orphans(out, files)? {
        let rel = orphan
            .strip_prefix(out)
            .unwrap_or(&orphan)
            .to_string_lossy()
            .replace('\\', "/");
        let old = fs::read_to_string(&orphan).unwrap_or_default();
        report.diff.push_str(&unified(&rel, &old, ""));
        report.removed.push(rel);
        if mode == Mode::Write {
            fs::remove_file(&orphan)?;
        }
    }
    Ok(report)
}

fn unified(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

const TMP_SUFFIX: &str = ".hookgen-tmp";

/// Writes `contents` beside `path`; returns the temporary file's path.
fn stage(path: &Path, contents: &str) -> io::Result<PathBuf> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(TMP_SUFFIX);
    let tmp = PathBuf::from(tmp);
    fs::write(&tmp, contents)?;
    Ok(tmp)
}

/// Files under `out/src`, `out/schema` and `out/ir` not generated any more,
/// and temporary files a killed run left in `out`.
fn orphans(out: &Path, files: &[File]) -> io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for owned in ["src", "schema", "ir"] {
        let dir = out.join(owned);
        if dir.is_dir() {
            walk(&dir, &mut found)?;
        }
    }
    if out.is_dir() {
        for entry in fs::read_dir(out)? {
            let path = entry?.path();
            if path.to_string_lossy().ends_with(TMP_SUFFIX) {
                found.push(path);
            }
        }
    }
    found.retain(|p| !files.iter().any(|f| out.join(&f.path) == *p));
    found.sort();
    Ok(found)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}
