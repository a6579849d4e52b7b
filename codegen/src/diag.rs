//! Source locations and diagnostics.
//!
//! Problems in a spec are data, not panics: every stage returns its result
//! together with the diagnostics it found, each pointing at `file:line:col`.

use std::fmt;

use serde::Serialize;

/// A page read from `specs/`, with its path as shown to users.
#[derive(Debug)]
pub struct Source {
    /// Path as printed in diagnostics and doc comments, with `/` separators.
    pub path: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl Source {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Source {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// The location of a byte offset; columns count characters, from 1.
    pub fn loc(&self, offset: usize) -> Loc {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        Loc {
            file: self.path.clone(),
            line: line as u32 + 1,
            col: col as u32 + 1,
        }
    }

    /// The byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }
}

/// A place in a spec page.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Loc {
    pub file: String,
    pub line: u32,
    pub col: u32,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.col)
    }
}

impl Loc {
    /// `file:line`, as cited in generated doc comments.
    pub fn file_line(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Diagnostic {
    pub loc: Loc,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}: {severity}: {}", self.loc, self.message)
    }
}

/// Collects diagnostics; sorted by location when taken, so output is stable.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn warn(&mut self, loc: Loc, message: impl Into<String>) {
        self.push(loc, Severity::Warning, message.into());
    }

    pub fn error(&mut self, loc: Loc, message: impl Into<String>) {
        self.push(loc, Severity::Error, message.into());
    }

    fn push(&mut self, loc: Loc, severity: Severity, message: String) {
        self.items.push(Diagnostic {
            loc,
            severity,
            message,
        });
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort();
        self.items.dedup();
        self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_count_lines_and_characters_from_one() {
        let s = Source::new("p.txt", "ab\n“é”x\n");
        assert_eq!(s.loc(0).to_string(), "p.txt:1:1");
        assert_eq!(s.loc(3).to_string(), "p.txt:2:1");
        let x = s.text.find('x').unwrap();
        assert_eq!(s.loc(x).to_string(), "p.txt:2:4");
        assert_eq!(s.loc(999).line, 3);
    }
}
