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

/// The output folder, held for one run: a link to it resolved (the link
/// stays, the folder it points to is written), and locked so that runs on
/// one folder take turns, from reading what it holds to the last write.
pub struct Target {
    dir: PathBuf,
    mode: Mode,
    /// Holds the lock until dropped.
    _lock: Option<fs::File>,
}

impl Target {
    /// Takes the lock (shared to check, exclusive to write), calling
    /// `waiting` first if another run holds it.
    pub fn open(out: &Path, mode: Mode, waiting: impl FnOnce()) -> io::Result<Target> {
        let dir = followed(out)?;
        let lock = lock(&dir, mode, waiting)?;
        Ok(Target {
            dir,
            mode,
            _lock: lock,
        })
    }

    /// The folder itself (the link's target where `out` was a link).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Brings the folder in line with `files` (or, in check mode, says how
    /// it differs). Writes only into a folder that is missing, empty, or a
    /// crate hookgen made.
    pub fn sync(&self, files: &[File]) -> io::Result<Report> {
        sync(&self.dir, files, self.mode)
    }
}

/// `out`, or the folder it links to.
fn followed(out: &Path) -> io::Result<PathBuf> {
    let link = fs::symlink_metadata(out).is_ok_and(|m| m.file_type().is_symlink());
    if !link {
        return Ok(out.to_owned());
    }
    match fs::canonicalize(out) {
        Ok(real) => Ok(real),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!(
                "the output folder is a link to `{}`, which does not exist; create that folder",
                fs::read_link(out).unwrap_or_default().display()
            ),
        )),
        Err(e) => Err(e),
    }
}

/// Locks the folder `dir` is in (it is never renamed, unlike `dir`), with
/// `flock`: the kernel releases it when a run ends, however it ends. Where
/// the file system has no locks, runs go unlocked.
#[cfg(unix)]
fn lock(dir: &Path, mode: Mode, waiting: impl FnOnce()) -> io::Result<Option<fs::File>> {
    use std::os::unix::io::AsRawFd;
    let parent = parent_of(dir);
    if mode == Mode::Write {
        fs::create_dir_all(parent)?;
    }
    let Ok(handle) = fs::File::open(parent) else {
        // Check mode on a folder not made yet: nothing to read, nothing to lock.
        return Ok(None);
    };
    let how = match mode {
        Mode::Write => libc::LOCK_EX,
        Mode::Check => libc::LOCK_SH,
    };
    let take = |how| {
        // SAFETY: flock only reads the descriptor, which `handle` keeps open.
        if unsafe { libc::flock(handle.as_raw_fd(), how) } == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    };
    match take(how | libc::LOCK_NB) {
        Ok(()) => return Ok(Some(handle)),
        Err(e) if e.raw_os_error() == Some(libc::EWOULDBLOCK) => waiting(),
        Err(e) if matches!(e.raw_os_error(), Some(libc::ENOLCK | libc::EOPNOTSUPP)) => {
            return Ok(None)
        }
        Err(e) => return Err(e),
    }
    loop {
        match take(how) {
            Ok(()) => return Ok(Some(handle)),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
}

#[cfg(not(unix))]
fn lock(_: &Path, _: Mode, _: impl FnOnce()) -> io::Result<Option<fs::File>> {
    Ok(None)
}

fn sync(out: &Path, files: &[File], mode: Mode) -> io::Result<Report> {
    if mode == Mode::Write {
        ensure_ours(out)?;
        recover(out)?;
    }
    let mut report = Report::default();
    let mut unchanged: Vec<&str> = Vec::new();
    for file in files {
        let path = out.join(&file.path);
        let old = match fs::read(&path) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        // Byte for byte: a file whose bytes are not UTF-8 is changed, even
        // where its lossy reading would match.
        if old.as_deref() == Some(file.contents.as_bytes()) {
            unchanged.push(&file.path);
            continue;
        }
        report.changed.push(file.path.clone());
        if mode == Mode::Check {
            let old = old.as_deref().map(String::from_utf8_lossy);
            let old = old.as_deref().unwrap_or("");
            if old == file.contents {
                report.diff.push_str(&format!(
                    "{}: not UTF-8 on disk; its text is otherwise the same\n",
                    file.path
                ));
            } else {
                report
                    .diff
                    .push_str(&unified(&file.path, old, &file.contents));
            }
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
        swap_in(out, files, &unchanged, &report.removed)?;
    }
    Ok(report)
}

/// How a crate hookgen generated begins its Cargo.toml.
const MARK: &str = "# @generated by hookgen";
/// Written first into a staging folder, removed once it is complete.
const STAGING: &str = ".hookgen-staging";

/// Whether `dir` is a crate hookgen generated (its Cargo.toml is marked),
/// or a staging folder of a killed run.
fn is_ours(dir: &Path) -> bool {
    let marked = fs::read_to_string(dir.join("Cargo.toml")).is_ok_and(|t| t.starts_with(MARK));
    marked || dir.join(STAGING).is_file()
}

/// Refuses a folder that holds anything but a crate hookgen made: its files
/// would be replaced.
fn ensure_ours(out: &Path) -> io::Result<()> {
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the output path is a file, not a folder",
        ));
    }
    let empty = fs::read_dir(out)?.next().is_none();
    if empty || is_ours(out) {
        return Ok(());
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "not a crate hookgen generated (no Cargo.toml starting `{MARK}`), and not empty: \
             nothing is written; give a new or empty folder, or the crate hookgen made"
        ),
    ))
}

/// The folders inside the crate that hold only generated files.
const OWNED: [&str; 3] = ["src", "schema", "ir"];
const NEW_SUFFIX: &str = ".hookgen-new";
const OLD_SUFFIX: &str = ".hookgen-old";
/// Left inside the crate by hookgen 0.1's file-by-file writes.
const TMP_SUFFIX: &str = ".hookgen-tmp";

/// `generated` → `generated.hookgen-new-<pid>`, in the same parent folder
/// (so that renames between them stay on one file system); the process id
/// keeps two runs apart even where the file system has no locks.
fn beside(out: &Path, suffix: &str) -> io::Result<PathBuf> {
    let mut name = own_name(out)?.to_owned();
    name.push(format!("{suffix}-{}", std::process::id()));
    Ok(out.with_file_name(name))
}

fn own_name(out: &Path) -> io::Result<&std::ffi::OsStr> {
    out.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "the output folder needs a name of its own (not `.` or `/`)",
        )
    })
}

/// The folder `out` sits in: `.` for a bare name.
fn parent_of(out: &Path) -> &Path {
    match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// What earlier runs left beside `out` under `suffix`, any run's.
fn left_beside(out: &Path, suffix: &str) -> io::Result<Vec<PathBuf>> {
    let mut prefix = own_name(out)?.to_string_lossy().into_owned();
    prefix.push_str(suffix);
    let parent = parent_of(out);
    let mut found = Vec::new();
    let Ok(entries) = fs::read_dir(parent) else {
        return Ok(found);
    };
    for entry in entries {
        let name = entry?.file_name();
        if name.to_string_lossy().starts_with(&prefix) {
            found.push(out.with_file_name(name));
        }
    }
    found.sort();
    Ok(found)
}

/// Undoes what a killed run left: puts the previous crate back if the run
/// died between its two renames, and removes staged and retired folders.
/// Runs under the write lock, so nothing it finds is another live run's.
pub fn recover(out: &Path) -> io::Result<()> {
    let olds = left_beside(out, OLD_SUFFIX)?;
    if !out.exists() {
        if let Some(old) = olds.iter().find(|o| o.is_dir() && is_ours(o)) {
            fs::rename(old, out)?;
        }
    }
    // Only what hookgen left: a user's folder that happens to have the
    // name is not touched.
    for leftover in olds.into_iter().chain(left_beside(out, NEW_SUFFIX)?) {
        if !leftover.exists() {
            continue;
        }
        // Empty: killed before its marker was written.
        let empty = || fs::read_dir(&leftover).is_ok_and(|mut d| d.next().is_none());
        if leftover.is_dir() && (is_ours(&leftover) || empty()) {
            fs::remove_dir_all(leftover)?;
        } else {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!(
                    "`{}` is in the way and is not hookgen's; move it",
                    leftover.display()
                ),
            ));
        }
    }
    Ok(())
}

/// Stages the complete new crate beside `out` and swaps it in; where `out`
/// cannot be renamed (a mount point), replaces its files one by one.
fn swap_in(out: &Path, files: &[File], unchanged: &[&str], removed: &[String]) -> io::Result<()> {
    if is_mount_point(out) {
        return in_place(out, files, unchanged, removed);
    }
    let new = beside(out, NEW_SUFFIX)?;
    if let Err(e) = stage(out, &new, files, unchanged) {
        // A full disk must not stay full: the partial copy goes.
        let _ = fs::remove_dir_all(&new);
        return Err(io::Error::new(
            e.kind(),
            format!("{e}, while writing the new crate beside it; nothing was changed"),
        ));
    }
    if !out.exists() {
        return fs::rename(&new, out);
    }
    match exchange(&new, out) {
        Ok(true) => return retire(&new),
        Ok(false) => {}
        Err(e) if busy(&e) => {
            retire(&new)?;
            return in_place(out, files, unchanged, removed);
        }
        Err(e) => return Err(e),
    }
    let old = beside(out, OLD_SUFFIX)?;
    if let Err(e) = fs::rename(out, &old) {
        retire(&new)?;
        return if busy(&e) {
            in_place(out, files, unchanged, removed)
        } else {
            Err(e)
        };
    }
    fs::rename(&new, out)?;
    retire(&old)
}

/// The complete new crate in `new`: files hookgen does not own carried
/// over, unchanged files linked.
fn stage(out: &Path, new: &Path, files: &[File], unchanged: &[&str]) -> io::Result<()> {
    fs::create_dir_all(new)?;
    fs::write(new.join(STAGING), "")?;
    if out.is_dir() {
        for entry in fs::read_dir(out)? {
            let name = entry?.file_name();
            let shown = name.to_string_lossy();
            let ours = OWNED.contains(&&*shown)
                || files.iter().any(|f| f.path == shown)
                || shown.ends_with(TMP_SUFFIX)
                || shown == STAGING;
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
    // Complete, with its marked Cargo.toml: no longer needs the marker.
    fs::remove_file(new.join(STAGING))
}

/// The folder cannot be renamed: it is mounted there (`docker -v`, a bind
/// mount, a file system of its own).
#[cfg(unix)]
fn busy(e: &io::Error) -> bool {
    matches!(e.raw_os_error(), Some(libc::EBUSY | libc::EXDEV))
}

#[cfg(not(unix))]
fn busy(_: &io::Error) -> bool {
    false
}

#[cfg(unix)]
fn is_mount_point(out: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(out), fs::metadata(parent_of(out))) {
        (Ok(o), Ok(p)) => o.dev() != p.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_mount_point(_: &Path) -> bool {
    false
}

/// Replaces the crate's files inside `out` itself: each changed file is
/// written beside its place first, and only once all are written are they
/// renamed in, so a failed write changes nothing and a killed run leaves at
/// worst some files new and some old, which the next run completes. The
/// marker says the folder is hookgen's while it may be torn.
fn in_place(out: &Path, files: &[File], unchanged: &[&str], removed: &[String]) -> io::Result<()> {
    let tmp = |path: &str| out.join(format!("{path}{TMP_SUFFIX}"));
    let changed: Vec<&File> = files
        .iter()
        .filter(|f| !unchanged.contains(&f.path.as_str()))
        .collect();
    fs::write(out.join(STAGING), "")?;
    let written = changed.iter().try_for_each(|file| {
        let to = tmp(&file.path);
        if let Some(dir) = to.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(to, &file.contents)
    });
    if let Err(e) = written {
        for file in &changed {
            let _ = fs::remove_file(tmp(&file.path));
        }
        let _ = fs::remove_file(out.join(STAGING));
        return Err(io::Error::new(
            e.kind(),
            format!("{e}, while writing the new files; nothing was changed"),
        ));
    }
    for file in &changed {
        fs::rename(tmp(&file.path), out.join(&file.path))?;
    }
    for rel in removed {
        let path = out.join(rel);
        match fs::remove_file(&path) {
            // A killed run's temporary file, renamed in just now.
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            r => r?,
        }
        // Folders the removal emptied go too, up to the crate's own.
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| *d != out) {
            if fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    fs::remove_file(out.join(STAGING))
}

/// Removes a crate folder hookgen swapped out, so that a run killed while
/// doing it leaves a folder still known as hookgen's: the marker goes in
/// first and out last (a plain `remove_dir_all` may take `Cargo.toml` first
/// and leave a folder nobody can tell from a user's).
fn retire(dir: &Path) -> io::Result<()> {
    fs::write(dir.join(STAGING), "")?;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name() == STAGING {
            continue;
        }
        if entry.file_type()?.is_dir() {
            fs::remove_dir_all(entry.path())?;
        } else {
            fs::remove_file(entry.path())?;
        }
    }
    fs::remove_file(dir.join(STAGING))?;
    fs::remove_dir(dir)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_unchanged_only_byte_for_byte() {
        let dir = std::env::temp_dir().join(format!("hookgen-write-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        // Not UTF-8 on disk, though read lossily it is the new text.
        fs::write(dir.join("a.txt"), b"x\xFFy").unwrap();
        fs::write(dir.join("b.txt"), "same").unwrap();
        let files = [
            File {
                path: "a.txt".into(),
                contents: "x\u{FFFD}y".into(),
            },
            File {
                path: "b.txt".into(),
                contents: "same".into(),
            },
        ];
        let report = sync(&dir, &files, Mode::Check).unwrap();
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(report.changed, ["a.txt"]);
        assert!(report.diff.contains("a.txt"), "{}", report.diff);
    }
}
