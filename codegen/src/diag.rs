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
    /// `path`, shared by every `Loc` in the page.
    file: std::sync::Arc<str>,
    line_starts: Vec<usize>,
    /// Characters before each `CHUNK`-th byte, so that a column on a long
    /// line (a one-line example of a megabyte) is found without counting
    /// from the line's start.
    chars_before: Vec<usize>,
}

const CHUNK: usize = 1024;

/// The offset of each line's start: 0, and each one after a `\n`. Read a
/// word at a time (a line-by-line search costs more per line than the
/// bytes themselves).
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = vec![0];
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
        let mut newlines = zero_bytes(w ^ u64::from_le_bytes([b'\n'; 8]));
        while newlines != 0 {
            starts.push(at + newlines.trailing_zeros() as usize / 8 + 1);
            newlines &= newlines - 1;
        }
        at += 8;
    }
    let rest = words.remainder().iter().enumerate();
    starts.extend(rest.filter(|(_, b)| **b == b'\n').map(|(i, _)| at + i + 1));
    starts
}

/// The high bit of each byte of `w` that is zero, and no other bit.
fn zero_bytes(w: u64) -> u64 {
    const LOWS: u64 = u64::from_le_bytes([0x7F; 8]);
    !(((w & LOWS) + LOWS) | w | LOWS)
}

/// Characters in UTF-8 bytes: the bytes that start one (all but the
/// `10xxxxxx` ones), a word at a time.
fn chars_in(bytes: &[u8]) -> usize {
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let mut words = bytes.chunks_exact(8);
    let mut continuations = 0;
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
        continuations += (w & !(w << 1) & HIGHS).count_ones() as usize;
    }
    let rest = words.remainder();
    bytes.len() - continuations - rest.iter().filter(|b| (**b & 0xC0) == 0x80).count()
}

impl Source {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Source {
        let text = text.into();
        let line_starts = line_starts(text.as_bytes());
        let chars_before = std::iter::once(0)
            .chain(text.as_bytes().chunks(CHUNK).scan(0, |n, c| {
                *n += chars_in(c);
                Some(*n)
            }))
            .collect();
        let path: String = path.into();
        Source {
            file: path.as_str().into(),
            path,
            text,
            chars_before,
            line_starts,
        }
    }

    /// Characters in the text before byte `offset`.
    fn chars_to(&self, offset: usize) -> usize {
        let chunk = offset / CHUNK;
        self.chars_before[chunk] + chars_in(&self.text.as_bytes()[chunk * CHUNK..offset])
    }

    /// The location of a byte offset; columns count characters, from 1.
    pub fn loc(&self, offset: usize) -> Loc {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        // Most lines are short: count their characters, else use the chunks.
        let col = if offset - start <= CHUNK {
            chars_in(&self.text.as_bytes()[start..offset])
        } else {
            self.chars_to(offset) - self.chars_to(start)
        };
        Loc {
            file: self.file.clone(),
            line: line as u32 + 1,
            col: col as u32 + 1,
        }
    }

    /// The byte offset where 1-based `line` starts (the text's end past
    /// the last line).
    pub fn line_start(&self, line: u32) -> usize {
        let i = (line as usize).saturating_sub(1);
        self.line_starts.get(i).copied().unwrap_or(self.text.len())
    }

    /// The text of 1-based `line`, without its line break.
    pub fn line_text(&self, line: usize) -> Option<String> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let rest = &self.text[start..];
        let end = rest.find('\n').unwrap_or(rest.len());
        Some(rest[..end].trim_end_matches('\r').to_owned())
    }
}

/// A place in a spec page.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
pub struct Loc {
    pub file: std::sync::Arc<str>,
    /// 0 where unknown: committed IR names files, not lines.
    #[serde(default)]
    pub line: u32,
    #[serde(default)]
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
    /// What to do about it, where that helps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The text of the line `loc` points into.
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn with_hint(&mut self, hint: impl Into<String>) -> &mut Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// The diagnostic as printed for a person: the message, then the source
    /// line with a caret under the column, then the hint.
    pub fn render(&self) -> String {
        let mut out = self.to_string();
        if let Some(line) = &self.source_line {
            let number = self.loc.line.to_string();
            let pad = " ".repeat(number.len());
            let (shown, caret_at) = window(line, self.loc.col.saturating_sub(1) as usize);
            out.push_str(&format!(
                "\n{pad} |\n{number} | {shown}\n{pad} | {}^",
                " ".repeat(caret_at)
            ));
        }
        if let Some(hint) = &self.hint {
            out.push_str(&format!("\n  = hint: {}", printable(hint)));
        }
        out
    }
}

/// At most about 100 characters of `line` around character `col`, with tabs
/// as spaces; returns the text and the caret's position in it.
fn window(line: &str, col: usize) -> (String, usize) {
    let chars: Vec<char> = line
        .chars()
        .map(|c| match c {
            '\t' => ' ',
            c if hidden(c) => '\u{fffd}',
            c => c,
        })
        .collect();
    let col = col.min(chars.len());
    let start = col.saturating_sub(60);
    let end = (start + 100).min(chars.len());
    let mut shown: String = chars[start..end].iter().collect();
    let mut caret = col - start;
    if start > 0 {
        shown = format!("\u{2026}{shown}");
        caret += 1;
    }
    if end < chars.len() {
        shown.push('\u{2026}');
    }
    (shown, caret)
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        let text = format!("{}: {severity}: {}", self.loc, self.message);
        f.write_str(&printable(&text))
    }
}

/// Characters a terminal acts on or reorders rather than shows: control
/// characters (escape sequences start with one) and bidirectional
/// overrides. Page text reaches diagnostics, so these become `\u{fffd}`.
fn hidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(hidden) {
        s.chars()
            .map(|c| if hidden(c) { '\u{fffd}' } else { c })
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

/// Collects diagnostics; sorted by location when taken, so output is stable.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn warn(&mut self, loc: Loc, message: impl Into<String>) -> &mut Diagnostic {
        self.push(loc, Severity::Warning, message.into())
    }

    pub fn error(&mut self, loc: Loc, message: impl Into<String>) -> &mut Diagnostic {
        self.push(loc, Severity::Error, message.into())
    }

    fn push(&mut self, loc: Loc, severity: Severity, message: String) -> &mut Diagnostic {
        self.items.push(Diagnostic {
            loc,
            severity,
            message,
            hint: None,
            source_line: None,
        });
        let last = self.items.len() - 1;
        &mut self.items[last]
    }

    /// Fills in the source line of each diagnostic about one of `sources`.
    pub fn attach_lines<'a>(&mut self, sources: impl IntoIterator<Item = &'a Source>) {
        for src in sources {
            for d in self
                .items
                .iter_mut()
                .filter(|d| *d.loc.file == *src.path && d.source_line.is_none())
            {
                d.source_line = src.line_text(d.loc.line as usize);
            }
        }
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
    #[test]
    fn line_starts_and_characters_a_word_at_a_time() {
        for text in [
            "",
            "\n",
            "a",
            "ab\ncd\n",
            "0123456\n89abcdef\n\n\nxyz",
            "é\n\u{2028}\n1234567890123456789\n",
        ] {
            let want: Vec<usize> = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            assert_eq!(super::line_starts(text.as_bytes()), want, "{text:?}");
        }
        for text in [
            "",
            "a",
            "é",
            "aé\u{2028}xyz0123456789é",
            "\u{10348}abcdefgh\u{10348}ij",
        ] {
            assert_eq!(
                super::chars_in(text.as_bytes()),
                text.chars().count(),
                "{text:?}"
            );
        }
        let long: String = (0..200)
            .map(|i| if i % 7 == 0 { '\n' } else { 'x' })
            .collect();
        let after = (0..200).filter(|i| i % 7 == 0).map(|i| i + 1);
        let want: Vec<usize> = std::iter::once(0).chain(after).collect();
        assert_eq!(super::line_starts(long.as_bytes()), want);
    }

    use super::*;

    #[test]
    fn rendered_with_the_line_a_caret_and_a_hint() {
        let s = Source::new("p.txt", "{\n  \"a\": 1 2\n}\n");
        let mut diags = Diagnostics::default();
        diags
            .warn(s.loc(11), "expected `,`")
            .with_hint("add the comma");
        diags.attach_lines([&s]);
        let d = &diags.into_sorted()[0];
        assert_eq!(
            d.render(),
            "p.txt:2:10: warning: expected `,`\n  |\n2 |   \"a\": 1 2\n  |          ^\n  = hint: add the comma"
        );
    }

    #[test]
    fn terminal_escapes_from_a_page_are_not_printed() {
        let s = Source::new(
            "p\u{1b}[2J.txt",
            "{\"a\": \"\u{1b}]0;pwned\u{7}\u{202e}x\"}\n",
        );
        let mut diags = Diagnostics::default();
        diags
            .warn(s.loc(6), "value `\u{1b}[31mred`")
            .with_hint("\u{1b}[0m");
        diags.attach_lines([&s]);
        let shown = diags.into_sorted()[0].render();
        assert!(!shown.chars().any(|c| c != '\n' && hidden(c)), "{shown:?}");
        assert!(shown.contains("\u{fffd}]0;pwned"), "{shown:?}");
    }

    #[test]
    fn locations_count_lines_and_characters_from_one() {
        let s = Source::new("p.txt", "ab\n“é”x\n");
        assert_eq!(s.loc(0).to_string(), "p.txt:1:1");
        assert_eq!(s.loc(3).to_string(), "p.txt:2:1");
        let x = s.text.find('x').unwrap();
        assert_eq!(s.loc(x).to_string(), "p.txt:2:4");
        assert_eq!(s.loc(999).line, 3);
    }

    #[test]
    fn columns_on_long_lines_count_characters_across_chunks() {
        // Multi-byte characters straddle the 1,024-byte chunks.
        let line: String = (0..3000)
            .map(|i| if i % 3 == 0 { 'é' } else { 'a' })
            .collect();
        let text = format!("x\n{line}z\n");
        let s = Source::new("p.txt", text.as_str());
        let z = text.find('z').unwrap();
        assert_eq!(s.loc(z).to_string(), "p.txt:2:3001");
        for offset in (2..z).step_by(97).filter(|o| text.is_char_boundary(*o)) {
            let want = text[2..offset].chars().count() + 1;
            assert_eq!(s.loc(offset).col as usize, want, "{offset}");
        }
    }
}
