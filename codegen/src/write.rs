//! Files → disk: the only module that touches `generated/`.
//!
//! Writes only files whose bytes change, removes files no longer generated,
//! and in check mode writes nothing and reports a unified diff instead.
//!
//! A write replaces the crate folder as a whole, so that a killed run leaves
//! the previous crate, never a mix: the new crate is staged complete in a
//! sibling folder (`generated.hookgen-new`; unchanged files hard-linked, so
//! cargo sees them unchanged), then swapped with the old one in one step
//! (`renameat2(RENAME_EXCHANGE)` on Linux; elsewhere two renames, and a run
//! killed between them has its previous crate put back by the next). Files
//! in the folder that hookgen does not own (anything outside `src/`,
//! `schema/`, `ir/` and the files it generates) are carried over.

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
    /// A unified diff from what is on disk to what is generated (check mode
    /// only: writing needs no diff).
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
    if mode == Mode::Write {
        recover(out)?;
    }
    let mut report = Report::default();
    let mut unchanged: Vec<&str> = Vec::new();
    for file in files {
        let path = out.join(&file.path);
        let old = match fs::read(&path) {
            Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        if old.as_deref() == Some(file.contents.as_str()) {
            unchanged.push(&file.path);
            continue;
        }
        report.changed.push(file.path.clone());
        if mode == Mode::Check {
            report.diff.push_str(&unified(
                &file.path,
                old.as_deref().unwrap_or(""),
                &file.contents,
            ));
        }
    }
    for orphan in orphans(out, files)? {
        let rel = orphan
            .strip_prefix(out)
            .unwrap_or(&orphan)
            .to_string_lossy()
            .replace('\\', "/");
        if mode == Mode::Check {
            let old = fs::read_to_string(&orphan).unwrap_or_default();
            report.diff.push_str(&unified(&rel, &old, ""));
        }
        report.removed.push(rel);
    }
    if mode == Mode::Write && !report.is_clean() {
        swap_in(out, files, &unchanged)?;
    }
    Ok(report)
}

/// The folders inside the crate that hold only generated files.
const OWNED: [&str; 3] = ["src", "schema", "ir"];
const NEW_SUFFIX: &str = ".hookgen-new";
const OLD_SUFFIX: &str = ".hookgen-old";
/// Left inside the crate by hookgen 0.1's file-by-file writes.
const TMP_SUFFIX: &str = ".hookgen-tmp";

/// `generated` → `generated.hookgen-new`, in the same parent folder (so that
/// renames between them stay on one file system).
fn beside(out: &Path, suffix: &str) -> io::Result<PathBuf> {
    let name = out.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "the output folder needs a name of its own (not `.` or `/`)",
        )
    })?;
    let mut name = name.to_owned();
    name.push(suffix);
    Ok(out.with_file_name(name))
}

/// Undoes what a killed run left: puts the previous crate back if the run
/// died between its two renames, and removes staged and retired folders.
pub fn recover(out: &Path) -> io::Result<()> {
    let old = beside(out, OLD_SUFFIX)?;
    if !out.exists() && old.is_dir() {
        fs::rename(&old, out)?;
    }
    for leftover in [old, beside(out, NEW_SUFFIX)?] {
        if leftover.exists() {
            fs::remove_dir_all(leftover)?;
        }
    }
    Ok(())
}

/// Stages the complete new crate beside `out` and swaps it in.
fn swap_in(out: &Path, files: &[File], unchanged: &[&str]) -> io::Result<()> {
    let new = beside(out, NEW_SUFFIX)?;
    fs::create_dir_all(&new)?;
    if out.is_dir() {
        for entry in fs::read_dir(out)? {
            let name = entry?.file_name();
            let shown = name.to_string_lossy();
            let ours = OWNED.contains(&&*shown)
                || files.iter().any(|f| f.path == shown)
                || shown.ends_with(TMP_SUFFIX);
            if !ours {
                link_tree(&out.join(&name), &new.join(&name))?;
            }
        }
    }
    for file in files {
        let to = new.join(&file.path);
        if let Some(dir) = to.parent() {
            fs::create_dir_all(dir)?;
        }
        if unchanged.contains(&file.path.as_str()) {
            link_or_copy(&out.join(&file.path), &to)?;
        } else {
            fs::write(&to, &file.contents)?;
        }
    }
    if !out.exists() {
        return fs::rename(&new, out);
    }
    if exchange(&new, out)? {
        return fs::remove_dir_all(&new);
    }
    let old = beside(out, OLD_SUFFIX)?;
    fs::rename(out, &old)?;
    fs::rename(&new, out)?;
    fs::remove_dir_all(&old)
}

/// A hard link where the file system allows one (the file keeps its
/// modification time, so cargo does not rebuild for it), else a copy.
fn link_or_copy(from: &Path, to: &Path) -> io::Result<()> {
    if fs::hard_link(from, to).is_err() {
        fs::copy(from, to)?;
    }
    Ok(())
}

fn link_tree(from: &Path, to: &Path) -> io::Result<()> {
    if fs::symlink_metadata(from)?.is_dir() {
        fs::create_dir_all(to)?;
        for entry in fs::read_dir(from)? {
            let name = entry?.file_name();
            link_tree(&from.join(&name), &to.join(&name))?;
        }
        Ok(())
    } else {
        link_or_copy(from, to)
    }
}

/// Swaps two paths atomically; `false` where the system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(io::Error::other);
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both pointers are to NUL-terminated strings that outlive the
    // call, which only reads them.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        // An old kernel, or a file system without exchange.
        Some(libc::ENOSYS | libc::EINVAL | libc::EOPNOTSUPP) => Ok(false),
        _ => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

fn unified(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
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
