//! Doc comments of the generated code: the one path by which outside text
//! (page prose, enum values, event names, file names, `hookgen.toml`)
//! reaches a `#[doc]` attribute.
//!
//! Outside text is untrusted: rustdoc compiles code blocks in docs as
//! doctests, and `cargo test` runs them. So a doc is built only from [`Md`]
//! pieces, and an `Md` is made only by [`Md::ours`] (a `&'static str` of
//! hookgen's own), [`Md::prose`] (escaped markdown) or [`Md::code`] (a code
//! span). Then [`Doc::attrs`] checks every line once more: no line may open
//! a fence or an indented code block, and invisible characters are shown as
//! `\u{…}` escapes. The one code block a doc may hold is [`Doc::rust`]'s:
//! Rust that hookgen built as tokens (identifiers through `naming`, no page
//! text), printed by prettyplease. The generated crate also sets
//! `doctest = false`.
//!
//! A doc reaches the output as `#[doc]` tokens ([`Doc::attrs`]) or as
//! `///` lines already laid out ([`Doc::comment`]); only a line break could
//! end a `///` comment, and `comment` writes any line that holds one as a
//! string literal instead.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// A piece of markdown that is safe to put in a doc comment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Md(String);

impl Md {
    /// Text written by hookgen itself, never from outside.
    pub fn ours(text: &'static str) -> Md {
        Md(text.to_owned())
    }

    /// A number hookgen formats itself.
    pub fn number(n: i64) -> Md {
        Md(n.to_string())
    }

    /// Page prose, as literal markdown.
    pub fn prose(text: &str) -> Md {
        Md(escape_markdown(text))
    }

    /// A value shown verbatim, as a code span: one line, its backticks and
    /// invisible characters made harmless.
    pub fn code(value: &str) -> Md {
        let value = visible(value).replace('\n', "\\u{000a}");
        if value.is_empty() {
            return Md("`\"\"`".to_owned());
        }
        let longest = value.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(longest + 1);
        let pad = if value.starts_with(['`', ' ']) || value.ends_with(['`', ' ']) {
            " "
        } else {
            ""
        };
        Md(format!("{fence}{pad}{value}{pad}{fence}"))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    #[cfg(test)]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Add for Md {
    type Output = Md;
    fn add(mut self, other: Md) -> Md {
        // Two backtick runs that touch would merge into one, and a code
        // span would no longer close.
        if self.0.ends_with('`') && other.0.starts_with('`') {
            self.0.push(' ');
        }
        self.0.push_str(&other.0);
        self
    }
}

/// A doc comment: paragraphs of [`Md`], and code blocks of hookgen's Rust.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    paragraphs: Vec<Para>,
}

#[derive(Clone, Debug)]
enum Para {
    Text(Md),
    /// Lines of Rust, printed from hookgen's own tokens.
    Rust(Vec<String>),
}

impl Doc {
    pub fn new() -> Doc {
        Doc::default()
    }

    /// Adds a paragraph; an empty one adds nothing.
    pub fn para(mut self, md: Md) -> Doc {
        if !md.is_empty() {
            self.paragraphs.push(Para::Text(md));
        }
        self
    }

    /// Adds a Rust code block of `parts`, a blank line between them: each
    /// is built by hookgen from its own tokens, so it holds no page text
    /// but identifiers (and those are ASCII words, see `naming`). A line
    /// that could still end the block early (a fence) drops the block: no
    /// doc is better than a broken one.
    pub fn rust(mut self, parts: &[syn::File]) -> Doc {
        let text: Vec<String> = parts.iter().map(prettyplease::unparse).collect();
        let text = text.join("\n");
        let lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let safe = lines
            .iter()
            .all(|l| !opens_fence(l.trim_start()) && visible(l) == *l);
        if safe && !lines.is_empty() {
            self.paragraphs.push(Para::Rust(lines));
        }
        self
    }

    /// Adds the `Source: file` paragraph, for a known place: the page, not
    /// its line, so that an edit above it leaves this doc alone (`hookgen
    /// explain` gives the line).
    pub fn source(self, loc: &crate::diag::Loc) -> Doc {
        if loc.file.is_empty() {
            return self;
        }
        self.para(Md::ours("Source: ") + Md::code(&loc.file))
    }

    /// Adds a paragraph of page prose, if there is any.
    pub fn prose(self, text: Option<&str>) -> Doc {
        match text {
            Some(t) => self.para(Md::prose(t)),
            None => self,
        }
    }

    /// The text's lines, wrapped at 90 columns and each made safe: what
    /// `attrs` emits.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.each_line(|line| out.push(line.to_owned()));
        out
    }

    /// `f` of each of `lines`, in order, written into one buffer in turn.
    fn each_line(&self, mut f: impl FnMut(&str)) {
        let mut buf = String::new();
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                f("");
            }
            match p {
                Para::Text(md) => {
                    for line in md.0.lines() {
                        for piece in wrap(line, 90) {
                            buf.clear();
                            push_safe_line(&mut buf, &piece);
                            f(&buf);
                        }
                    }
                }
                Para::Rust(lines) => {
                    f(" ```rust");
                    for l in lines {
                        buf.clear();
                        if !l.is_empty() {
                            buf.push(' ');
                            buf.push_str(l);
                        }
                        f(&buf);
                    }
                    f(" ```");
                }
            }
        }
    }

    /// `#[doc = " line"]` per line.
    pub fn attrs(&self) -> TokenStream {
        let lines = self.lines();
        quote!(#(#[doc = #lines])*)
    }

    /// The lines as prettyplease prints `attrs`: `///` and the line, its
    /// trailing spaces trimmed, each after `indent`. A line that `///`
    /// could not hold as it stands (a line break would end the comment and
    /// start code; a leading `/` would make it a plain comment) is written
    /// as a `#[doc]` string literal, escaped; `lines` makes none such today.
    pub fn comment(&self, indent: &str) -> String {
        let mut out = String::new();
        self.each_line(|line| {
            out.push_str(indent);
            if line.contains(['\n', '\r']) || line.starts_with('/') {
                out.push_str(&format!("#[doc = {}]\n", Literal::string(line)));
            } else {
                out.push_str("///");
                out.push_str(line.trim_end_matches(' '));
                out.push('\n');
            }
        });
        out
    }

    /// `#![doc = " line"]` per line, for a module or crate.
    pub fn inner_attrs(&self) -> TokenStream {
        let lines = self.lines();
        quote!(#(#![doc = #lines])*)
    }
}

/// One doc line as emitted, at the end of `out`: a leading space, then the line with no
/// indentation (four spaces would open an indented code block), no fence
/// opening at its start, and its invisible characters as escapes.
fn push_safe_line(out: &mut String, line: &str) {
    let line = visible(line.trim_start());
    if line.is_empty() {
        return;
    }
    out.push_str(if opens_fence(&line) { " \\" } else { " " });
    out.push_str(&line);
}

/// CommonMark's fence opener: three or more tildes, or three or more
/// backticks with no backtick after them (a code span such as
/// ````` ``` ````` is not one, since it closes on its line).
fn opens_fence(line: &str) -> bool {
    if line.starts_with("~~~") {
        return true;
    }
    let run = line.bytes().take_while(|&b| b == b'`').count();
    run >= 3 && !line[run..].contains('`')
}

/// Text with invisible and direction-changing characters written as
/// `\u{…}` escapes: rustc rejects bidi controls in comments, and a reader
/// should see what the page really says.
fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    // Printable ASCII, as most lines are, has nothing to escape.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let hidden = c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{061c}' | '\u{180e}' | '\u{feff}');
        if hidden && c != '\n' {
            out.push_str(&format!("\\u{{{:04x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Page text as literal markdown: `[x]` would be an intra-doc link, `<b>`
/// raw HTML to rustdoc, which denies broken ones, and `~~~` a fence. URLs become
/// autolinks, as rustdoc wants them. The page's code spans stay (they run
/// nothing), but a backtick run that closes no span is escaped: it could
/// pair with a code span next to the prose and turn its value into markup.
fn escape_markdown(text: &str) -> String {
    let unmatched = unmatched_backticks(text);
    let mut next_unmatched = unmatched.iter().peekable();
    let mut offset = 0;
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let url_at = ["https://", "http://"]
            .iter()
            .filter_map(|p| rest.find(p))
            .min();
        let (plain, url) = match url_at {
            Some(at) => {
                let len = rest[at..]
                    .find(|c: char| {
                        c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '`')
                    })
                    .unwrap_or(rest.len() - at);
                let url = rest[at..at + len].trim_end_matches(['.', ',', ';', ':', ')', ']']);
                (&rest[..at], Some(url))
            }
            None => (rest, None),
        };
        for (i, c) in plain.char_indices() {
            let at = offset + i;
            while next_unmatched.peek().is_some_and(|r| r.end <= at) {
                next_unmatched.next();
            }
            let lone_tick = c == '`' && next_unmatched.peek().is_some_and(|r| r.contains(&at));
            // `~` also opens fences, inside list items and quotes too.
            if lone_tick || matches!(c, '[' | ']' | '<' | '>' | '\\' | '~') {
                out.push('\\');
            }
            out.push(c);
        }
        offset += plain.len();
        rest = &rest[plain.len()..];
        if let Some(url) = url {
            out.push('<');
            out.push_str(url);
            out.push('>');
            offset += url.len();
            rest = &rest[url.len()..];
        }
    }
    out
}

/// The byte ranges of backtick runs that open no code span on their line:
/// CommonMark closes a run of n backticks at the next run of exactly n. A
/// span may not cross lines here, since a blank line, a heading or a list
/// item between them would end it in rustdoc's reading.
fn unmatched_backticks(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut unmatched = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let end = line_start + line.len();
        unmatched_in(bytes, line_start, end, &mut unmatched);
        line_start = end + 1;
    }
    unmatched
}

fn unmatched_in(bytes: &[u8], from: usize, to: usize, unmatched: &mut Vec<std::ops::Range<usize>>) {
    let runs: Vec<std::ops::Range<usize>> = {
        let mut runs = Vec::new();
        let mut i = from;
        while i < to {
            if bytes[i] == b'`' {
                let n = bytes[i..to].iter().take_while(|&&b| b == b'`').count();
                runs.push(i..i + n);
                i += n;
            } else {
                i += 1;
            }
        }
        runs
    };
    let mut k = 0;
    while k < runs.len() {
        let len = runs[k].len();
        match (k + 1..runs.len()).find(|&j| runs[j].len() == len) {
            Some(j) => k = j + 1,
            None => {
                unmatched.push(runs[k].clone());
                k += 1;
            }
        }
    }
}

/// Greedy word wrap, so long descriptions read well in the source. A code
/// span is one word: it is never split, nor its spaces folded.
fn wrap(line: &str, width: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    // The characters of the last line so far.
    let mut chars = 0;
    for word in words(line) {
        let cur = out.last_mut().expect("starts non-empty");
        let n = word.chars().count();
        if !cur.is_empty() && chars + 1 + n > width {
            out.push(word.to_owned());
            chars = n;
        } else {
            if !cur.is_empty() {
                cur.push(' ');
                chars += 1;
            }
            cur.push_str(word);
            chars += n;
        }
    }
    out
}

/// The words of a line, split at white space outside code spans.
fn words(line: &str) -> Vec<&str> {
    let bytes = line.as_bytes();
    let mut words = Vec::new();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\\' && i + 1 < bytes.len() && bytes[i + 1].is_ascii_punctuation() {
            // An escaped character opens nothing.
            start.get_or_insert(i);
            i += 2;
        } else if b == b'`' {
            let run = bytes[i..].iter().take_while(|&&c| c == b'`').count();
            start.get_or_insert(i);
            // The closing run of the same length, if any, ends the span.
            let mut j = i + run;
            let mut close = None;
            while j < bytes.len() {
                if bytes[j] == b'`' {
                    let r = bytes[j..].iter().take_while(|&&c| c == b'`').count();
                    if r == run {
                        close = Some(j + r);
                        break;
                    }
                    j += r;
                } else {
                    j += 1;
                }
            }
            i = close.unwrap_or(i + run);
        } else if b.is_ascii_whitespace() {
            if let Some(s) = start.take() {
                words.push(&line[s..i]);
            }
            i += 1;
        } else {
            start.get_or_insert(i);
            i += 1;
        }
    }
    if let Some(s) = start {
        words.push(&line[s..]);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(doc: &Doc) -> String {
        doc.lines().join("\n")
    }

    /// `comment` writes what prettyplease prints for `attrs`, and a line
    /// that a `///` cannot hold (none is made today) as a literal.
    #[test]
    fn comments_are_attrs_printed_and_never_end_early() {
        let doc = Doc::new()
            .prose(Some("Its  key.   "))
            .para(Md::ours("Example: ") + Md::code("x"));
        let tokens = doc.attrs();
        let printed = prettyplease::unparse(&syn::parse_quote!(#tokens struct S;));
        assert_eq!(format!("{}struct S;\n", doc.comment("")), printed);
        let odd = Doc {
            paragraphs: vec![Para::Rust(vec!["a\nfn evil() {}".into(), "/ x\r".into()])],
        };
        let text = format!("{}struct S;", odd.comment("    "));
        let file: syn::File = syn::parse_str(&text).expect("parses");
        assert_eq!(file.items.len(), 1, "{text}");
        assert!(
            text.contains(r#"    #[doc = " a\nfn evil() {}"]"#),
            "{text}"
        );
    }

    #[test]
    fn rust_blocks_are_fenced_and_never_closed_early() {
        let part = |code: &str| syn::parse_str::<syn::File>(code).expect("Rust");
        let doc = Doc::new().rust(&[part("use a::B;"), part("fn f() {\n    let x = 1;\n}")]);
        assert_eq!(
            text(&doc),
            " ```rust\n use a::B;\n\n fn f() {\n     let x = 1;\n }\n ```"
        );
        // A string literal could hold a fence of its own.
        let doc = Doc::new().rust(&[part("fn f() {\n    let _ = \"\n```\n\";\n}")]);
        assert_eq!(text(&doc), "");
    }

    #[test]
    fn a_value_cannot_open_a_fence() {
        let value = "ok\n```\nstd::fs::write(\"/tmp/x\", \"ran\").unwrap();\n```";
        let doc = Doc::new().para(Md::code(value));
        let t = text(&doc);
        assert_eq!(t.lines().count(), 1, "{t}");
        assert!(!t.contains('\n'));
        assert!(t.contains("\\u{000a}"), "{t}");
    }

    #[test]
    fn wrapping_keeps_code_spans_whole() {
        let long = "word ".repeat(20);
        let doc = Doc::new().para(Md::prose(&long) + Md::code("a  b c"));
        let t = text(&doc);
        assert!(t.contains("`a  b c`"), "{t}");
        assert!(t
            .lines()
            .all(|l| l.chars().count() <= 91 || l.contains('`')));
    }

    #[test]
    fn code_spans_hold_any_backticks() {
        assert_eq!(Md::code("a`b").as_str(), "``a`b``");
        assert_eq!(Md::code("`x`").as_str(), "`` `x` ``");
        assert_eq!(Md::code("").as_str(), "`\"\"`");
    }

    #[test]
    fn prose_lines_cannot_open_code_blocks() {
        let doc = Doc::new().prose(Some(
            "Intro\n\n    indented code\n```rust\nrun()\n```\n~~~\n",
        ));
        for line in doc.lines() {
            let l = line.trim_start();
            assert!(!l.starts_with("```") && !l.starts_with("~~~"), "{line:?}");
            assert!(!line.starts_with("  "), "{line:?}");
        }
    }

    /// Any text, as prose, code or both: rustdoc sees no code block and no
    /// raw HTML in the result.
    #[test]
    fn no_text_becomes_code_or_html() {
        use pulldown_cmark::{Event, Parser, Tag};
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "`", "``", "```", "~~~", "    ", "\n", "\r\n", "\t", "<b>", "</b>", "<", ">", "[x]",
            "[", "]", "(u)", "\\", " ", "a", "|", "*", "_", "#", "&amp;", "\u{202e}", "rust", "-",
            "<!--", "https://x.y/", "\u{2028}", "\u{0}",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        // HOOKGEN_DOC_CASES runs more cases, for a longer search.
        let cases: usize = std::env::var("HOOKGEN_DOC_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(20_000);
        for _ in 0..cases {
            let mut text = String::new();
            for _ in 0..(next() % 24) {
                text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            let doc = match next() % 3 {
                0 => Doc::new().prose(Some(&text)),
                1 => Doc::new().para(Md::code(&text)),
                _ => Doc::new().para(Md::prose(&text) + Md::code(&text) + Md::prose(&text)),
            };
            let joined = doc.lines().join("\n");
            for event in Parser::new(&joined) {
                let bad = matches!(
                    event,
                    Event::Start(Tag::CodeBlock(_)) | Event::Html(_) | Event::InlineHtml(_)
                );
                assert!(!bad, "{text:?} gave {event:?} in\n{joined}");
            }
        }
    }
}
