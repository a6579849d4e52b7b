//! Reading `specs/`: one folder per vendor, its pages and its optional config.

use std::fs;
use std::path::Path;

use serde::Deserialize;

use crate::diag::{Diagnostics, Loc, Source};
use crate::infer::{Hints, Override, OverrideType};
use crate::naming;

/// The optional per-vendor config file.
pub const CONFIG_FILE: &str = "hookgen.toml";

/// The largest page read; a larger file is an error for its vendor.
pub const MAX_PAGE_BYTES: u64 = 16 * 1024 * 1024;

pub struct VendorSpec {
    /// Module and feature name, from the folder name.
    pub name: String,
    /// Every file below the vendor's folder, subfolders included, in path
    /// order, with its path inside that folder (`issues/opened.json`).
    pub pages: Vec<(Source, String)>,
    pub hints: Hints,
    /// What went wrong reading this vendor's files.
    pub diags: Diagnostics,
}

/// `specs/<vendor>/hookgen.toml`: what a vendor's pages cannot say.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    #[serde(default)]
    event_type: Option<EventTypeConfig>,
    /// `[[override]]` tables: corrections by JSON path.
    #[serde(default, rename = "override")]
    overrides: Vec<OverrideConfig>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OverrideConfig {
    /// From the payload root: `data.object.status`, `**.metadata`, `lines.*`.
    path: toml::Spanned<String>,
    /// `string`, `integer`, `number`, `boolean` or `any`.
    #[serde(rename = "type")]
    ty: Option<toml::Spanned<String>>,
    /// The name of the generated type at this place.
    name: Option<String>,
    required: Option<bool>,
    nullable: Option<bool>,
    /// `true`: free-form keys, a map.
    map: Option<bool>,
    /// `false`: no enum here.
    #[serde(rename = "enum")]
    enum_: Option<bool>,
    /// `false`: no format here.
    format: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventTypeConfig {
    /// The HTTP header that carries the event type, when the body does not.
    #[serde(default)]
    header: Option<toml::Spanned<String>>,
    /// The URL path that carries it, when neither body nor header does:
    /// `/webhooks/{event}`.
    #[serde(default)]
    url: Option<toml::Spanned<String>>,
    /// Dotted paths of the body fields whose values, joined by `.`, form the
    /// event type: `["type"]`, `["meta.event_name"]`, `["context_str", "event"]`.
    #[serde(default)]
    fields: Vec<toml::Spanned<String>>,
}

/// Reads every vendor folder below `dir`, sorted by name so output never
/// depends on directory order. `shown` is how `dir` is printed in diagnostics.
pub fn specs(dir: &Path, shown: &str) -> std::io::Result<Vec<VendorSpec>> {
    let mut vendors = Vec::new();
    // Links are followed only to places inside specs/: a link to
    // /proc/self/environ or ~/.ssh must not become generated code.
    let root = dir.canonicalize()?;
    let mut outside = Diagnostics::default();
    let mut folders = Vec::new();
    for (folder, path) in sorted_entries(dir)? {
        if !path.is_dir() || folder.starts_with('.') {
            continue;
        }
        if !inside(&root, &path) {
            outside.warn(
                file_loc(&format!("{shown}/{folder}")),
                format!("`{folder}` is a link to a folder outside {shown}/; not read"),
            );
            continue;
        }
        folders.push((folder, path));
    }
    let names =
        naming::vendor_modules(&folders.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>());
    for ((folder, path), name) in folders.into_iter().zip(names) {
        let mut pages = Vec::new();
        let mut hints = Hints::default();
        let mut diags = Diagnostics::default();
        if name != naming::snake(&folder) {
            diags
                .warn(
                    file_loc(&format!("{shown}/{folder}")),
                    format!("vendor folder `{folder}` becomes module and feature `{name}`: `{}` would clash with the crate's own modules or another vendor's (as a module or an `AnyEvent` variant)", naming::snake(&folder)),
                )
                .with_hint("rename the folder to choose the name");
        }
        let mut files = Vec::new();
        let walker = Walker {
            root: &root,
            out: &mut files,
            diags: &mut diags,
        };
        walker.walk(&path, "", &format!("{shown}/{folder}"), 0);
        // Files are read, and their lines indexed, over the machine's cores.
        let read = crate::parallel::map(&files, |(rel, path)| {
            let mut diags = Diagnostics::default();
            let src = read_source(path, format!("{shown}/{folder}/{rel}"), &mut diags);
            (src, diags)
        });
        for ((rel, _), (src, file_diags)) in files.into_iter().zip(read) {
            diags.extend(file_diags);
            let Some(src) = src else {
                continue;
            };
            if rel == CONFIG_FILE {
                hints = config(&src, &mut diags);
            } else {
                pages.push((src, rel));
            }
        }
        vendors.push(VendorSpec {
            name,
            pages,
            hints,
            diags,
        });
    }
    if let Some(first) = vendors.first_mut() {
        first.diags.extend(outside);
    }
    Ok(vendors)
}

/// A file as a page named `shown_path`; `None`, with an error, where it
/// cannot be read or is over the limit. Invalid UTF-8 is read lossily,
/// with a warning.
fn read_source(path: &Path, shown_path: String, diags: &mut Diagnostics) -> Option<Source> {
    let bytes = match read_bounded(path) {
        Ok(Some(b)) => b,
        Ok(None) => {
            diags.error(
                file_loc(&shown_path),
                format!("page is over {MAX_PAGE_BYTES} bytes, the limit (split it, or remove what is not webhook documentation)"),
            );
            return None;
        }
        Err(e) => {
            diags.error(file_loc(&shown_path), format!("cannot read: {e}"));
            return None;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let src = Source::new(shown_path.clone(), text.clone());
            diags.warn(src.loc(at), "not valid UTF-8; invalid bytes read as U+FFFD");
            text
        }
    };
    Some(Source::new(shown_path, text))
}

/// Whether `path`, links resolved, is `root` or below it.
fn inside(root: &Path, path: &Path) -> bool {
    path.canonicalize().is_ok_and(|p| p.starts_with(root))
}

/// A file's bytes, read to at most the page limit while reading (a size
/// from metadata can lie: procfs files say 0). `None` when it is larger.
fn read_bounded(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let file = fs::File::open(path)?;
    // Sized once from the file's length, as `fs::read` does: grown by
    // doubling, a page was copied into fresh memory at each step.
    let len = file
        .metadata()
        .map_or(0, |m| m.len().min(MAX_PAGE_BYTES + 1));
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(MAX_PAGE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= MAX_PAGE_BYTES).then_some(bytes))
}

/// Folders below a vendor's folder that are read; deeper ones are reported.
const MAX_DEPTH: usize = 8;

/// Collects the files below a vendor's folder.
struct Walker<'a> {
    /// specs/, links resolved.
    root: &'a Path,
    out: &'a mut Vec<(String, std::path::PathBuf)>,
    diags: &'a mut Diagnostics,
}

impl Walker<'_> {
    /// Every file below `dir`, depth first in name order, as (path inside the
    /// vendor's folder, path). Hidden entries are skipped; so are symbolic links
    /// to folders, which could loop, and links that lead out of specs/ (with a
    /// warning). Only regular files are read: no FIFO, socket or device.
    fn walk(mut self, dir: &Path, rel: &str, shown: &str, depth: usize) {
        self.walk_in(dir, rel, shown, depth);
    }

    fn walk_in(&mut self, dir: &Path, rel: &str, shown: &str, depth: usize) {
        let entries = match sorted_entries(dir) {
            Ok(e) => e,
            Err(e) => {
                self.diags
                    .error(file_loc(shown), format!("cannot read folder: {e}"));
                return;
            }
        };
        for (name, path) in entries {
            if name.starts_with('.') {
                continue;
            }
            let rel = if rel.is_empty() {
                name.clone()
            } else {
                format!("{rel}/{name}")
            };
            let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
            if is_link && !inside(self.root, &path) {
                self.diags.warn(
                    file_loc(&format!("{shown}/{name}")),
                    "a link to a place outside specs/; not read".to_owned(),
                );
                continue;
            }
            if path.is_dir() {
                if is_link {
                    continue;
                }
                if depth >= MAX_DEPTH {
                    self.diags.warn(
                        file_loc(&format!("{shown}/{name}")),
                        format!("folder nested more than {MAX_DEPTH} deep; not read"),
                    );
                    continue;
                }
                self.walk_in(&path, &rel, &format!("{shown}/{name}"), depth + 1);
            } else if path.is_file() {
                self.out.push((rel, path));
            }
        }
    }
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<(String, std::path::PathBuf)>> {
    let mut entries: Vec<(String, std::path::PathBuf)> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .collect();
    entries.sort();
    Ok(entries)
}

fn config(src: &Source, diags: &mut Diagnostics) -> Hints {
    let config: Config = match toml::from_str(&src.text) {
        Ok(c) => c,
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            diags
                .error(src.loc(at), format!("bad {CONFIG_FILE}: {}", e.message()))
                .with_hint(
                    "the keys are: [event_type] fields = [\"type\"] (or header = \"X-…\", or url = \"/hooks/{event}\"); [[override]] path = \"a.b\", type, name, required, nullable, map, enum, format",
                );
            diags.attach_lines([src]);
            return Hints::default();
        }
    };
    let mut overrides = Vec::new();
    for o in config.overrides {
        let ty = match o.ty.as_ref().map(|t| (t.get_ref().as_str(), t.span())) {
            None => None,
            Some(("string", _)) => Some(OverrideType::String),
            Some(("integer", _)) => Some(OverrideType::Integer),
            Some(("number", _)) => Some(OverrideType::Number),
            Some(("boolean", _)) => Some(OverrideType::Boolean),
            Some(("any", _)) => Some(OverrideType::Any),
            Some((other, span)) => {
                diags
                    .error(src.loc(span.start), format!("bad {CONFIG_FILE}: unknown type `{other}`"))
                    .with_hint("one of: string, integer, number, boolean, any (and `map = true` for free-form objects)");
                continue;
            }
        };
        overrides.push(Override {
            path: o.path.get_ref().split('.').map(str::to_owned).collect(),
            ty,
            name: o.name,
            required: o.required,
            nullable: o.nullable,
            map: o.map == Some(true),
            no_enum: o.enum_ == Some(false),
            no_format: o.format == Some(false),
            loc: src.loc(o.path.span().start),
        });
    }
    let mut header = None;
    let mut url = None;
    let mut fields = Vec::new();
    let mut fields_loc = None;
    if let Some(e) = config.event_type {
        if let Some(h) = e.header {
            if is_header_name(h.get_ref()) {
                header = Some(h.into_inner());
            } else {
                diags
                    .error(
                        src.loc(h.span().start),
                        format!(
                            "bad {CONFIG_FILE}: `{}` is not an HTTP header name",
                            h.get_ref().escape_debug()
                        ),
                    )
                    .with_hint("a header name is letters, digits and - (X-Acme-Event)");
            }
        }
        if let Some(u) = e.url {
            if u.get_ref()
                .chars()
                .any(|c| c.is_control() || c.is_whitespace())
            {
                diags
                    .error(
                        src.loc(u.span().start),
                        format!(
                            "bad {CONFIG_FILE}: `{}` is not a URL path",
                            u.get_ref().escape_debug()
                        ),
                    )
                    .with_hint("a path with the event as {event}: url = \"/webhooks/{event}\"");
            } else {
                url = Some(u.into_inner());
            }
        }
        for f in e.fields {
            let path = crate::ir::parse_path(f.get_ref());
            if path.iter().any(String::is_empty) {
                diags
                    .error(
                        src.loc(f.span().start),
                        format!(
                            "bad {CONFIG_FILE}: `{}` is not a field path",
                            f.get_ref().escape_debug()
                        ),
                    )
                    .with_hint(
                        "a dotted path from the payload root: \"type\", \"meta.event_name\", \"events[].type\"",
                    );
            } else {
                fields_loc.get_or_insert_with(|| src.loc(f.span().start));
                fields.push(path);
            }
        }
    }
    diags.attach_lines([src]);
    Hints {
        event_type_header: header,
        event_type_url: url,
        event_type_fields: (!fields.is_empty()).then_some(fields),
        event_type_fields_loc: fields_loc,
        overrides,
    }
}

/// An HTTP header name: RFC 9110's token characters.
fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// The location of a whole file, for diagnostics about it.
pub fn file_loc(path: &str) -> Loc {
    Loc {
        file: path.into(),
        line: 1,
        col: 1,
    }
}
