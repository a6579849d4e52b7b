//! A forgiving JSON reader for examples as vendors publish them.
//!
//! Doc examples are often not JSON: trailing or missing commas, comments,
//! single-quoted or curly-quoted strings, unquoted keys, `...` ellipses,
//! `<string>` placeholders, duplicated keys; payloads sketched as TypeScript
//! or with type names for values (`id: string;`, `"a" | "b"`, `note?:`).
//! No JSON crate both recovers from
//! all of these and keeps byte spans for diagnostics, so this one is ours.
//!
//! The reader never panics and never recurses deeper than [`MAX_DEPTH`]. Every
//! repair it makes is reported as a [`Repair`] so the caller can warn about it.

/// Deepest nesting accepted; deeper input is rejected with an error.
pub const MAX_DEPTH: usize = 128;

/// `NaN` and `Infinity` are no JSON: JSON.stringify sends them as `null`.
const NOT_JSON_NUMBER: &str =
    "`NaN` or `Infinity` in JSON example; read as null, as JSON.stringify sends it";

/// A JSON value with the byte span it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub kind: Kind,
    /// Byte offset of the first character of the value in the page.
    pub start: usize,
    /// Byte offset just past the value.
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    /// A number, as written (so `1.50` stays `1.50`).
    Number(String),
    String(String),
    Array(Vec<Node>),
    /// Entries in document order. Duplicated keys are all kept: each is
    /// evidence, and [`Node::to_value`] keeps the last, as JSON parsers do.
    Object(Vec<Entry>),
    /// An unquoted stand-in such as `<string>`: evidence of a type, not a value.
    Placeholder(String),
}

/// The type names a sketch of a payload writes as values: `amount: number`.
const TYPE_NAMES: &[&str] = &[
    "string", "number", "integer", "int", "float", "boolean", "bool", "object", "array",
];

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_start: usize,
    pub value: Node,
}

/// Something the reader had to fix to make sense of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repair {
    pub offset: usize,
    pub message: String,
}

/// Why a text could not be read as JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub offset: usize,
    pub message: String,
}

/// The result of reading one document.
#[derive(Debug)]
pub struct Parsed {
    pub node: Node,
    pub repairs: Vec<Repair>,
    /// Where the text ends before the document does (a page cut off
    /// mid-example, a fence closing a collapsed block): what was open is
    /// closed there, and every member before the cut is kept in place.
    pub cut: Option<usize>,
}

/// Reads one JSON value starting at byte `start` of `text`; the value ends
/// wherever its closing bracket is, so text glued after it is left alone.
pub fn parse_at(text: &str, start: usize) -> Result<Parsed, Failure> {
    let first = parse_with(text, start, true);
    // `"x”` may be a string whose closing quote typography curled, or a
    // string holding `”`. Read both ways when it matters and keep the reading
    // that needs fewer repairs, the plain one on a tie, so that valid JSON is
    // always read as JSON.
    let curled = |p: &Parsed| p.repairs.iter().any(|r| r.message == CURLY_CLOSE);
    match first {
        Ok(ref p) if !curled(p) => first,
        _ => match (first, parse_with(text, start, false)) {
            // A reading that runs to the end of the text is worse than one
            // that closes.
            (Ok(a), Ok(b)) if a.cut.is_none() && b.cut.is_some() => Ok(a),
            (Ok(a), Ok(b)) if a.repairs.len() < b.repairs.len() => Ok(a),
            (_, Ok(b)) => Ok(b),
            (a, Err(_)) => a,
        },
    }
}

const CURLY_CLOSE: &str = "string closed by a curly quote; read as a string";

/// How the note on a repeated key starts. Valid JSON may repeat a key (its
/// last value counts), so this is a note on the example, not a repair of
/// its syntax.
pub const DUPLICATED_KEY: &str = "duplicated key";

/// Members an object's repeated-key check scans before it keeps a set.
const KEYS_SCANNED: usize = 16;

/// The repair message for an example cut off before its end.
pub const CUT: &str =
    "the example is cut off here; what was open is closed, and fields after the cut are unknown";

/// The value of a member whose value the cut took: evidence that the key
/// is there, and of nothing else.
pub const CUT_VALUE: &str = "\u{2026}";

/// The repair message for a comment; its offset is where `//` or `/*` starts.
pub const COMMENT: &str =
    "comment in JSON example; not part of the payload (a comment after a field describes it)";

fn parse_with(text: &str, start: usize, curly_closes: bool) -> Result<Parsed, Failure> {
    let mut p = Parser {
        src: text.as_bytes(),
        text,
        pos: start,
        depth: 0,
        repairs: Vec::new(),
        curly_closes,
        cut: None,
        entries: Vec::new(),
        items: Vec::new(),
    };
    let node = p.value()?;
    if let Some(at) = p.cut {
        let empty = match &node.kind {
            Kind::Object(e) => e.is_empty(),
            Kind::Array(i) => i.is_empty(),
            _ => true,
        };
        if empty {
            return Err(Failure {
                offset: at,
                message: "the example ends before any of it can be read".to_owned(),
            });
        }
        p.repair(at, CUT);
    }
    Ok(Parsed {
        node,
        repairs: p.repairs,
        cut: p.cut,
    })
}

impl Node {
    /// Whether a type's name stands in for a value somewhere in it
    /// (`amount: number`): a sketch of the payload, not one to send back.
    pub fn sketches_types(&self) -> bool {
        match &self.kind {
            Kind::Placeholder(p) => p
                .strip_prefix('<')
                .and_then(|p| p.strip_suffix('>'))
                .is_some_and(|w| w != "string" && TYPE_NAMES.contains(&w)),
            Kind::Array(items) => items.iter().any(Node::sketches_types),
            Kind::Object(entries) => entries.iter().any(|e| e.value.sketches_types()),
            _ => false,
        }
    }

    /// The value as strict JSON: placeholders become their text as a string,
    /// duplicated keys keep their last value.
    pub fn to_value(&self) -> serde_json::Value {
        use serde_json::Value;
        match &self.kind {
            Kind::Null => Value::Null,
            Kind::Bool(b) => Value::Bool(*b),
            Kind::Number(raw) => number_value(raw),
            Kind::String(s) | Kind::Placeholder(s) => Value::String(s.clone()),
            Kind::Array(items) => Value::Array(items.iter().map(Node::to_value).collect()),
            Kind::Object(entries) => {
                let mut map = serde_json::Map::new();
                for e in entries {
                    map.insert(e.key.clone(), e.value.to_value());
                }
                Value::Object(map)
            }
        }
    }

    /// Whether the two are the same value as strict JSON (their
    /// [`Node::to_value`]s are equal), without making either value.
    pub fn same_value(&self, other: &Node) -> bool {
        match (&self.kind, &other.kind) {
            (Kind::Array(a), Kind::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_value(y))
            }
            (Kind::Object(a), Kind::Object(b)) => {
                let (a, b) = (members(a), members(b));
                a.len() == b.len()
                    && a.iter()
                        .zip(&b)
                        .all(|((ka, va), (kb, vb))| ka == kb && va.same_value(vb))
            }
            (a, b) => match (Scalar::of(a), Scalar::of(b)) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// A digest of the value as strict JSON: equal for nodes that are the
    /// [`Node::same_value`], and the same in every run.
    pub fn digest(&self) -> u64 {
        crate::hash::stable(&Strict(self))
    }

    fn feed(&self, h: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        match &self.kind {
            Kind::Array(items) => {
                h.write_u8(6);
                h.write_usize(items.len());
                for i in items {
                    i.feed(h);
                }
            }
            Kind::Object(entries) => {
                let members = members(entries);
                h.write_u8(7);
                h.write_usize(members.len());
                for (k, v) in members {
                    k.hash(h);
                    v.feed(h);
                }
            }
            kind => Scalar::of(kind).hash(h),
        }
    }

    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.kind {
            Kind::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[Entry]> {
        match &self.kind {
            Kind::Object(entries) => Some(entries),
            _ => None,
        }
    }

    /// The last entry named `key`, as a strict JSON reader would keep it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_object()?
            .iter()
            .rev()
            .find(|e| e.key == key)
            .map(|e| &e.value)
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }
}

/// A node hashed as its strict JSON value (what [`Node::digest`] hashes).
struct Strict<'a>(&'a Node);

impl std::hash::Hash for Strict<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.0.feed(h);
    }
}

/// An object's members as strict JSON holds them: by key, each key once
/// with its last value.
fn members(entries: &[Entry]) -> Vec<(&str, &Node)> {
    let mut members: Vec<(&str, &Node)> =
        entries.iter().map(|e| (e.key.as_str(), &e.value)).collect();
    // Stable: of equal keys, the last entry stays last.
    members.sort_by(|a, b| a.0.cmp(b.0));
    let mut kept: Vec<(&str, &Node)> = Vec::with_capacity(members.len());
    for m in members {
        match kept.last_mut() {
            Some(last) if last.0 == m.0 => *last = m,
            _ => kept.push(m),
        }
    }
    kept
}

/// A value that is not an array or an object, as strict JSON reads it.
#[derive(PartialEq, Hash)]
enum Scalar<'a> {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(&'a str),
}

impl<'a> Scalar<'a> {
    /// `None` for an array or an object.
    fn of(kind: &'a Kind) -> Option<Scalar<'a>> {
        Some(match kind {
            Kind::Null => Scalar::Null,
            Kind::Bool(b) => Scalar::Bool(*b),
            Kind::Number(raw) => {
                // Most numbers are short integers: made without the parser.
                let digits = raw.strip_prefix('-').unwrap_or(raw);
                let plain = !digits.is_empty()
                    && digits.len() <= 18
                    && digits.bytes().all(|b| b.is_ascii_digit())
                    && (digits == "0" || !digits.starts_with('0'))
                    && raw != "-0";
                match plain.then(|| raw.parse::<i64>().ok()).flatten() {
                    Some(i) => Scalar::Number(i.into()),
                    None => match number_value(raw) {
                        serde_json::Value::Number(n) => Scalar::Number(n),
                        _ => Scalar::String(raw),
                    },
                }
            }
            Kind::String(s) | Kind::Placeholder(s) => Scalar::String(s),
            Kind::Array(_) | Kind::Object(_) => return None,
        })
    }
}

/// Converts number text as serde_json would read it from a payload.
fn number_value(raw: &str) -> serde_json::Value {
    serde_json::from_str::<serde_json::Value>(raw)
        .ok()
        .filter(serde_json::Value::is_number)
        .unwrap_or_else(|| serde_json::Value::String(raw.to_owned()))
}

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    depth: usize,
    repairs: Vec<Repair>,
    /// Whether `”` closes a string opened by `"`.
    curly_closes: bool,
    /// Where the text ran out inside the document; every level closes there.
    cut: Option<usize>,
    /// The members and items of the objects and arrays open now, innermost
    /// last: each is moved out into a vector of its exact length when it
    /// closes, instead of growing its own by doubling.
    entries: Vec<Entry>,
    items: Vec<Node>,
}

const LEFT_DOUBLE: &str = "\u{201c}";
const RIGHT_DOUBLE: &str = "\u{201d}";
const ELLIPSIS: &str = "\u{2026}";

impl<'a> Parser<'a> {
    fn fail<T>(&self, message: impl Into<String>) -> Result<T, Failure> {
        Err(Failure {
            offset: self.pos.min(self.src.len()),
            message: message.into(),
        })
    }

    fn repair(&mut self, offset: usize, message: impl Into<String>) {
        self.repairs.push(Repair {
            offset,
            message: message.into(),
        });
    }

    /// Whether the document is cut off here: the text ends, or a code
    /// fence starts a line. Marks the cut once.
    fn at_cut(&mut self) -> bool {
        if self.cut.is_some() {
            return true;
        }
        let ends = match self.peek() {
            None => true,
            Some(b'`') => {
                let line_start = self.text[..self.pos].rfind('\n').map_or(0, |n| n + 1);
                self.rest().starts_with("```") && self.text[line_start..self.pos].trim().is_empty()
            }
            _ => false,
        };
        if ends {
            self.cut = Some(self.pos);
        }
        ends
    }

    /// After a line break inside a string: the text ends, or a fence
    /// follows, so the string was cut rather than left open.
    fn cut_after_line(&mut self) -> bool {
        let rest = self.rest();
        let next = rest.trim_start();
        if next.is_empty() || next.starts_with("```") {
            self.cut = Some(self.pos);
            return true;
        }
        false
    }

    fn cut_value(&self) -> Node {
        Node {
            kind: Kind::Placeholder(CUT_VALUE.to_owned()),
            start: self.pos,
            end: self.pos,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or("")
    }

    /// Skips white space and comments; returns whether a line break was passed.
    fn skip_ws(&mut self) -> bool {
        let mut newline = false;
        loop {
            match self.peek() {
                Some(b'\n') => {
                    newline = true;
                    self.pos += 1;
                }
                Some(b' ' | b'\t' | b'\r') => self.pos += 1,
                Some(b'/') if self.src.get(self.pos + 1) == Some(&b'/') => {
                    let at = self.pos;
                    while !matches!(self.peek(), None | Some(b'\n')) {
                        self.pos += 1;
                    }
                    self.repair(at, COMMENT);
                }
                Some(b'/') if self.src.get(self.pos + 1) == Some(&b'*') => {
                    let at = self.pos;
                    match self.rest()[2..].find("*/") {
                        Some(i) => self.pos += 2 + i + 2,
                        None => self.pos = self.src.len(),
                    }
                    self.repair(at, COMMENT);
                }
                Some(0xC2) if self.src.get(self.pos + 1) == Some(&0xA0) => self.pos += 2,
                _ => return newline,
            }
        }
    }

    /// An ellipsis standing for elided items: `...` or `…`.
    fn eat_ellipsis(&mut self) -> bool {
        let rest = self.rest();
        let len = if rest.starts_with("...") {
            rest.bytes().take_while(|&b| b == b'.').count()
        } else if rest.starts_with(ELLIPSIS) {
            ELLIPSIS.len()
        } else {
            return false;
        };
        let at = self.pos;
        self.pos += len;
        self.repair(at, "ellipsis in JSON example; elided items ignored");
        true
    }

    fn value(&mut self) -> Result<Node, Failure> {
        self.skip_ws();
        let start = self.pos;
        if self.at_cut() {
            return Ok(self.cut_value());
        }
        let Some(c) = self.peek() else {
            return self.fail("the example ends where a value should be");
        };
        // `{{order_id}}`: a template's slot where a value goes.
        let slot = self.template_slot();
        let kind = match c {
            b'{' if slot.is_some() => {
                let len = slot.unwrap_or(0);
                let text = self.rest()[..len].to_owned();
                self.pos += len;
                Kind::Placeholder(text)
            }
            b'{' => self.nested(Self::object)?,
            b'[' => self.nested(Self::array)?,
            b'"' | b'\'' => Kind::String(self.joined_string()?),
            _ if self.rest().starts_with(LEFT_DOUBLE) => Kind::String(self.joined_string()?),
            b'-' if self.rest().starts_with("-Infinity") => {
                self.repair(self.pos, NOT_JSON_NUMBER);
                self.pos += "-Infinity".len();
                Kind::Null
            }
            b'-' | b'0'..=b'9' => Kind::Number(self.number()?),
            b'<' => Kind::Placeholder(self.placeholder()?),
            _ => self.word()?,
        };
        let node = Node {
            kind,
            start,
            end: self.pos,
        };
        self.skip_union()?;
        Ok(node)
    }

    /// `"live" | "test"`, `string | null`: a TypeScript union where a value
    /// goes. The value is the first; the others are read past (the page's
    /// text still holds them, for what they say of the field).
    fn skip_union(&mut self) -> Result<(), Failure> {
        let (pos, repairs) = (self.pos, self.repairs.len());
        self.skip_ws();
        let bar = self.pos;
        if self.peek() != Some(b'|') || self.rest()[1..].starts_with('|') || self.at_cut() {
            self.pos = pos;
            self.repairs.truncate(repairs);
            return Ok(());
        }
        self.pos += 1;
        self.repair(
            bar,
            "TypeScript union in JSON example; read as its first value, the others as the field's values",
        );
        self.value().map(|_| ())
    }

    /// A string, and any joined to it with `+` (`"a" +\n "b"`), as code
    /// samples build long values.
    fn joined_string(&mut self) -> Result<String, Failure> {
        let mut out = self.string()?;
        loop {
            if self.cut.is_some() {
                return Ok(out);
            }
            let (pos, repairs) = (self.pos, self.repairs.len());
            self.skip_ws();
            let plus = self.pos;
            if self.peek() == Some(b'+') {
                self.pos += 1;
                self.skip_ws();
                let quoted = matches!(self.peek(), Some(b'"' | b'\''))
                    || self.rest().starts_with(LEFT_DOUBLE);
                if quoted {
                    self.repair(
                        plus,
                        "joined strings (`+`) in JSON example; read as one string",
                    );
                    out.push_str(&self.string()?);
                    continue;
                }
            }
            self.pos = pos;
            self.repairs.truncate(repairs);
            return Ok(out);
        }
    }

    fn nested(&mut self, f: fn(&mut Self) -> Result<Kind, Failure>) -> Result<Kind, Failure> {
        if self.depth >= MAX_DEPTH {
            return self.fail(format!("the example nests deeper than {MAX_DEPTH} levels"));
        }
        self.depth += 1;
        let kind = f(self);
        self.depth -= 1;
        kind
    }

    fn object(&mut self) -> Result<Kind, Failure> {
        let base = self.entries.len();
        let read = self.members(base);
        let entries = self.entries.drain(base..).collect();
        read.map(|()| Kind::Object(entries))
    }

    /// An object's members, onto `entries` past `base`.
    fn members(&mut self, base: usize) -> Result<(), Failure> {
        self.pos += 1; // `{`
        let mut keys: Option<crate::hash::Set<String>> = None;
        let mut separated = true;
        loop {
            let newline = self.skip_ws();
            if self.at_cut() {
                return Ok(());
            }
            if self.eat_ellipsis() {
                separated = self.skip_separator() || separated;
                continue;
            }
            match self.peek() {
                None => return self.fail("this object is never closed"),
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b',') => {
                    self.repair(self.pos, "extra comma in JSON example; ignored");
                    self.pos += 1;
                    separated = true;
                    continue;
                }
                _ => {}
            }
            if !separated {
                if !newline {
                    return self.fail("expected `,` or `}` after an object member");
                }
                self.repair(self.pos, "missing comma between members; assumed");
            }
            let key_start = self.pos;
            let key = self.key()?;
            if self.cut.is_some() {
                // A key cut mid-way names no field.
                return Ok(());
            }
            self.skip_ws();
            if self.rest().starts_with("?:") {
                // `priority?: "low"`: a TypeScript member that may be absent.
                self.repair(
                    self.pos,
                    format!("optional member `{key}?` in JSON example (TypeScript); read as one that may be absent"),
                );
                self.pos += 2;
            } else if self.peek() == Some(b':') {
                self.pos += 1;
            } else if self.rest().starts_with("=>") {
                self.repair(self.pos, "Ruby hash `=>` in JSON example; read as `:`");
                self.pos += 2;
            } else if !self.at_cut() {
                self.repair(self.pos, format!("missing `:` after key `{key}`; assumed"));
            }
            let value = self.value()?;
            // Past a few members, a set of the keys: one-line objects of
            // 100k keys stay linear.
            let seen_before = match &mut keys {
                Some(set) => !set.insert(key.clone()),
                None if self.entries.len() - base >= KEYS_SCANNED => {
                    let mut set: crate::hash::Set<String> =
                        self.entries[base..].iter().map(|e| e.key.clone()).collect();
                    let dup = !set.insert(key.clone());
                    keys = Some(set);
                    dup
                }
                None => self.entries[base..].iter().any(|e| e.key == key),
            };
            if seen_before {
                self.repair(
                    key_start,
                    format!("{DUPLICATED_KEY} `{key}`; the last value is kept"),
                );
            }
            self.entries.push(Entry {
                key,
                key_start,
                value,
            });
            if self.cut.is_some() {
                return Ok(());
            }
            separated = self.skip_separator();
        }
    }

    fn array(&mut self) -> Result<Kind, Failure> {
        let base = self.items.len();
        let read = self.elements();
        let items = self.items.drain(base..).collect();
        read.map(|()| Kind::Array(items))
    }

    /// An array's items, onto `items`.
    fn elements(&mut self) -> Result<(), Failure> {
        self.pos += 1; // `[`
        let mut separated = true;
        loop {
            let newline = self.skip_ws();
            if self.at_cut() {
                return Ok(());
            }
            if self.eat_ellipsis() {
                separated = self.skip_separator() || separated;
                continue;
            }
            match self.peek() {
                None => return self.fail("this array is never closed"),
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b',') => {
                    self.repair(self.pos, "extra comma in JSON example; ignored");
                    self.pos += 1;
                    separated = true;
                    continue;
                }
                _ => {}
            }
            if !separated {
                if !newline {
                    return self.fail("expected `,` or `]` after an array item");
                }
                self.repair(self.pos, "missing comma between items; assumed");
            }
            let item = self.value()?;
            if self.cut.is_some() {
                // An item the cut took part of still shows its kind; one
                // it took whole shows nothing.
                if !matches!(item.kind, Kind::Placeholder(_)) {
                    self.items.push(item);
                }
                return Ok(());
            }
            self.items.push(item);
            separated = self.skip_separator();
        }
    }

    /// Consumes one `,` after a member or item; returns whether there was one.
    fn skip_separator(&mut self) -> bool {
        let (pos, repairs) = (self.pos, self.repairs.len());
        self.skip_ws();
        let at = self.pos;
        match self.peek() {
            Some(b',') => {}
            // `id: string;`: a TypeScript type's members.
            Some(b';') => self.repair(
                at,
                "semicolon after a member in JSON example (TypeScript); read as a comma",
            ),
            _ => {
                // Leave the white space for the caller, who needs to see line breaks.
                self.pos = pos;
                self.repairs.truncate(repairs);
                return false;
            }
        }
        self.pos += 1;
        self.skip_ws();
        if self.src[at] == b',' && matches!(self.peek(), Some(b'}' | b']')) {
            self.repair(at, "trailing comma in JSON example; ignored");
        }
        true
    }

    fn key(&mut self) -> Result<String, Failure> {
        // A Ruby symbol: `:name => 1`.
        if self.peek() == Some(b':')
            && self.rest()[1..].starts_with(|c: char| c.is_alphabetic() || c == '_')
        {
            self.repair(
                self.pos,
                "Ruby symbol key in JSON example; read as a string",
            );
            self.pos += 1;
        }
        match self.peek() {
            Some(b'"' | b'\'') => self.string(),
            _ if self.rest().starts_with(LEFT_DOUBLE) => self.string(),
            _ => {
                let at = self.pos;
                let len = self
                    .rest()
                    .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '$' | '-')))
                    .unwrap_or(self.rest().len());
                if len == 0 {
                    return self.fail("expected a member name");
                }
                self.pos += len;
                self.repair(at, "unquoted key in JSON example; read as a string");
                Ok(self.text[at..self.pos].to_owned())
            }
        }
    }

    /// A string in `"…"`, `'…'` or curly quotes; a curly quote may also close
    /// a straight one, as happens when a page's typography rewrites quotes.
    fn string(&mut self) -> Result<String, Failure> {
        let open_at = self.pos;
        let (closers, open_len): (&[&str], usize) = match self.peek() {
            Some(b'"') if self.curly_closes => (&["\"", RIGHT_DOUBLE], 1),
            Some(b'"') => (&["\""], 1),
            Some(b'\'') => (&["'"], 1),
            _ => (&[RIGHT_DOUBLE, "\""], LEFT_DOUBLE.len()),
        };
        if self.peek() == Some(b'\'') {
            self.repair(
                open_at,
                "single-quoted string in JSON example; read as a string",
            );
        } else if open_len > 1 {
            self.repair(
                open_at,
                "curly-quoted string in JSON example; read as a string",
            );
        }
        self.pos += open_len;
        let mut out = String::new();
        loop {
            // The run of bytes up to the next one that could end the string,
            // start an escape or a curly quote, taken in one piece.
            let ahead = self.src.get(self.pos..).unwrap_or_default();
            let run = ahead
                .iter()
                .position(|b| matches!(b, b'"' | b'\'' | b'\\' | b'\n' | 0xE2))
                .unwrap_or(ahead.len());
            if run > 0 {
                out.push_str(&self.text[self.pos..self.pos + run]);
                self.pos += run;
            }
            let rest = self.rest();
            let Some(c) = rest.chars().next() else {
                self.cut = Some(self.pos);
                return Ok(out);
            };
            if let Some(closer) = closers.iter().find(|q| rest.starts_with(**q)) {
                if *closer == RIGHT_DOUBLE && open_len == 1 {
                    self.repair(self.pos, CURLY_CLOSE);
                }
                self.pos += closer.len();
                return Ok(out);
            }
            match c {
                '\n' if self.cut_after_line() => return Ok(out),
                '\n' => return self.fail("this string runs past the end of the line"),
                '\\' => {
                    self.escape(&mut out)?;
                    if self.cut.is_some() {
                        return Ok(out);
                    }
                }
                _ => {
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), Failure> {
        self.pos += 1; // `\`
        let Some(c) = self.rest().chars().next() else {
            self.cut = Some(self.pos);
            return Ok(());
        };
        self.pos += c.len_utf8();
        let decoded = match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'u' => {
                let hex = self.rest().get(..4).unwrap_or("");
                match u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                    Some(ch) if hex.len() == 4 => {
                        self.pos += 4;
                        ch
                    }
                    // A surrogate pair or a broken escape: keep the text as written.
                    _ => {
                        out.push_str("\\u");
                        return Ok(());
                    }
                }
            }
            other => other,
        };
        out.push(decoded);
        Ok(())
    }

    fn number(&mut self) -> Result<String, Failure> {
        let at = self.pos;
        let bytes = self.src;
        let mut i = self.pos;
        if bytes.get(i) == Some(&b'-') {
            i += 1;
        }
        let digits = |i: &mut usize| {
            let s = *i;
            while bytes.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i > s
        };
        if !digits(&mut i) {
            return self.fail("expected a number");
        }
        if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
            digits(&mut i);
        }
        if matches!(bytes.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(bytes.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if digits(&mut j) {
                i = j;
            }
        }
        self.pos = i;
        Ok(self.text[at..i].to_owned())
    }

    /// `<string>`, `<unknown>`, `<<event name>>`: a stand-in for a value.
    /// The length of a template's slot at the cursor, `{{ name }}`, on one
    /// line and holding no JSON structure.
    fn template_slot(&self) -> Option<usize> {
        let rest = self.rest();
        if !rest.starts_with("{{") {
            return None;
        }
        let line = rest.split('\n').next().unwrap_or("");
        let close = line.find("}}")?;
        let inner = &line[2..close];
        (!inner.contains(['{', '"', ':', ','])).then_some(close + 2)
    }

    fn placeholder(&mut self) -> Result<String, Failure> {
        let rest = self.rest();
        let line = rest.split('\n').next().unwrap_or("");
        let Some(close) = line.find('>') else {
            return self.fail("expected a value");
        };
        let len = close + 1 + line[close + 1..].bytes().take_while(|&b| b == b'>').count();
        self.pos += len;
        Ok(line[..len].to_owned())
    }

    /// `true`, `false`, `null` (in any case), a type's name standing in for
    /// a value, or a word the page cut.
    fn word(&mut self) -> Result<Kind, Failure> {
        let rest = self.rest();
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if len == 0 {
            return self.fail(format!(
                "unexpected `{}` where a value should be",
                rest.chars().next().unwrap_or(' ')
            ));
        }
        let word = &rest[..len];
        if len == rest.len() && !matches!(word, "true" | "false" | "null") {
            // `tr` where the page ends: a value the cut took.
            self.pos += len;
            self.cut = Some(self.pos);
            return Ok(Kind::Placeholder(CUT_VALUE.to_owned()));
        }
        let kind = match word {
            "true" | "True" | "TRUE" => Kind::Bool(true),
            "false" | "False" | "FALSE" => Kind::Bool(false),
            "null" | "Null" | "NULL" | "None" | "nil" => Kind::Null,
            "undefined" => {
                self.repair(
                    self.pos,
                    "`undefined` in JSON example; read as null (JSON.stringify leaves the member out)",
                );
                Kind::Null
            }
            "NaN" | "Infinity" => {
                self.repair(self.pos, NOT_JSON_NUMBER);
                Kind::Null
            }
            // `type: string, amount: number`: a schema sketched as JSON,
            // the type's name where a value goes. A string stands in as
            // the quoted `"string"` does; other types as `<number>`.
            w if TYPE_NAMES.contains(&w) => {
                self.repair(
                    self.pos,
                    format!(
                        "type name `{w}` as a value in JSON example; read as a stand-in for a {w}"
                    ),
                );
                self.pos += len;
                return Ok(if w == "string" {
                    Kind::String(w.to_owned())
                } else {
                    Kind::Placeholder(format!("<{w}>"))
                });
            }
            _ => return self.fail(format!("unexpected word `{word}` where a value should be")),
        };
        self.pos += len;
        Ok(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (serde_json::Value, Vec<String>) {
        let p = parse_at(text, 0).unwrap_or_else(|f| panic!("{text:?}: {f:?}"));
        (
            p.node.to_value(),
            p.repairs.into_iter().map(|r| r.message).collect(),
        )
    }

    #[test]
    fn strict_json_needs_no_repair() {
        let (v, r) =
            parse(r#"{"a": [1, 2.50, -3e2], "b": {"c": null, "d": true}, "e": "x\"\u00e9"}"#);
        assert_eq!(
            v,
            serde_json::json!({"a": [1, 2.5, -300.0], "b": {"c": null, "d": true}, "e": "x\"é"})
        );
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn type_names_as_values_stand_in_for_their_types() {
        let p = parse_at("{type: string, amount: number, paid: boolean}", 0).unwrap();
        assert_eq!(
            p.node.to_value(),
            serde_json::json!({"type": "string", "amount": "<number>", "paid": "<boolean>"})
        );
        assert!(p.node.sketches_types());
        assert!(p
            .repairs
            .iter()
            .any(|r| r.message.starts_with("type name `number`")));
        // A quoted `"string"` or `<string>` sketches nothing to send back.
        assert!(!parse_at("{\"a\": \"string\", \"b\": <string>}", 0)
            .unwrap()
            .node
            .sketches_types());
        // Other words are still no value.
        assert!(parse_at("{\"a\": pending}", 0).is_err());
    }

    #[test]
    fn typescript_members_unions_and_optional_keys() {
        let text = "{\n  id: string;\n  mode: \"live\" | \"test\";\n  note?: string | null;\n}";
        let p = parse_at(text, 0).unwrap();
        assert_eq!(
            p.node.to_value(),
            serde_json::json!({"id": "string", "mode": "live", "note": "string"})
        );
        let said: Vec<&str> = p.repairs.iter().map(|r| r.message.as_str()).collect();
        assert!(
            said.iter()
                .any(|m| m.starts_with("semicolon after a member")),
            "{said:?}"
        );
        assert!(
            said.iter().any(|m| m.starts_with("TypeScript union")),
            "{said:?}"
        );
        assert!(
            said.iter()
                .any(|m| m.starts_with("optional member `note?`")),
            "{said:?}"
        );
        assert!(
            !said.iter().any(|m| m.starts_with("trailing comma")),
            "{said:?}"
        );
        // `||` is no union.
        assert!(parse_at("{\"a\": 1 || 2}", 0).is_err());
    }

    #[test]
    fn a_curly_quote_inside_a_string_is_text_and_one_outside_closes_it() {
        // Found by fuzzing: `”` inside a valid string ended it.
        let (v, r) = parse("{\"a\": \"x\u{201d}y\", \"b\": 1}");
        assert_eq!(v, serde_json::json!({"a": "x\u{201d}y", "b": 1}));
        assert!(r.is_empty(), "{r:?}");
        let (v, r) = parse("{\"a\": \"x\u{201d}, \"b\": 1}");
        assert_eq!(v, serde_json::json!({"a": "x", "b": 1}));
        assert_eq!(r, vec![CURLY_CLOSE.to_owned()]);
    }

    #[test]
    fn a_key_repeated_in_a_wide_object_is_found() {
        // Past the members scanned one by one, the set of keys finds it.
        let members: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let text = format!("{{{}, \"k3\": \"again\", \"k39\": 0}}", members.join(", "));
        let (v, r) = parse(&text);
        assert_eq!(v["k3"], "again");
        assert_eq!(v.as_object().unwrap().len(), 40);
        let dups: Vec<&String> = r.iter().filter(|m| m.starts_with(DUPLICATED_KEY)).collect();
        assert_eq!(dups.len(), 2, "{r:?}");
    }

    #[test]
    fn repairs_what_doc_pages_break() {
        let trials: &[(&str, serde_json::Value, &str)] = &[
            (
                "{\"a\": 1,\n}",
                serde_json::json!({"a": 1}),
                "trailing comma",
            ),
            ("[1, 2,]", serde_json::json!([1, 2]), "trailing comma"),
            ("{'a': 'b'}", serde_json::json!({"a": "b"}), "single-quoted"),
            ("{a: 1}", serde_json::json!({"a": 1}), "unquoted key"),
            (
                "{\"a\": 1\n\"b\": 2}",
                serde_json::json!({"a": 1, "b": 2}),
                "missing comma",
            ),
            (
                "{\"a\": 1, // one\n\"b\": 2}",
                serde_json::json!({"a": 1, "b": 2}),
                "comment",
            ),
            (
                "{\"a\": [1, ...]}",
                serde_json::json!({"a": [1]}),
                "ellipsis",
            ),
            (
                "{\"a\": 1, \u{2026}}",
                serde_json::json!({"a": 1}),
                "ellipsis",
            ),
            (
                "{\"a\": \u{201c}x\u{201d}}",
                serde_json::json!({"a": "x"}),
                "curly",
            ),
            (
                "{\"a\": \"x\u{201d}}",
                serde_json::json!({"a": "x"}),
                "curly",
            ),
            (
                "{\"a\": <string>}",
                serde_json::json!({"a": "<string>"}),
                "",
            ),
            (
                "{\"a\": 1, \"a\": 2}",
                serde_json::json!({"a": 2}),
                "duplicated key",
            ),
            (
                "{\"a\": {{order_id}}, \"b\": {{ total }}, \"c\": {\"d\": 1}}",
                serde_json::json!({"a": "{{order_id}}", "b": "{{ total }}", "c": {"d": 1}}),
                "",
            ),
            // JavaScript's and Python's values, as JSON.stringify sends them.
            (
                "{\"a\": undefined, \"b\": NaN, \"c\": -Infinity, \"d\": Infinity}",
                serde_json::json!({"a": null, "b": null, "c": null, "d": null}),
                "read as null",
            ),
            (
                "{\"a\": \"x\" + \"y\",\n \"b\": 'p' +\n 'q'}",
                serde_json::json!({"a": "xy", "b": "pq"}),
                "joined strings",
            ),
            // A Ruby hash.
            (
                "{ \"a\" => 1, :b => nil, c: \"d\" }",
                serde_json::json!({"a": 1, "b": null, "c": "d"}),
                "`=>`",
            ),
        ];
        for (text, want, repair) in trials {
            let (v, r) = parse(text);
            assert_eq!(&v, want, "{text:?}");
            if repair.is_empty() {
                assert!(r.is_empty(), "{text:?}: {r:?}");
            } else {
                assert!(
                    r.iter().any(|m| m.contains(repair)),
                    "{text:?}: {r:?} lacks {repair:?}"
                );
            }
        }
    }

    #[test]
    fn a_cut_off_example_keeps_every_field_before_the_cut_in_place() {
        let cases: &[(&str, serde_json::Value)] = &[
            // Cut mid-key: the partial key names nothing.
            (
                r#"{"a": 1, "b": {"c": [ {"d": true}, {"e": 2, "or"#,
                serde_json::json!({"a": 1, "b": {"c": [{"d": true}, {"e": 2}]}}),
            ),
            // Cut mid-string: the string keeps its kind.
            (r#"{"id": "e"#, serde_json::json!({"id": "e"})),
            // Cut after a key: the key is there, its value unknown.
            (
                r#"{"a": 1, "b": "#,
                serde_json::json!({"a": 1, "b": CUT_VALUE}),
            ),
            (r#"{"a": [1, 2"#, serde_json::json!({"a": [1, 2]})),
            (r#"{"a": tr"#, serde_json::json!({"a": CUT_VALUE})),
            // A fence closes a collapsed block; a string broken by it too.
            (
                "{\n  \"a\": 1,\n  \"b\": {\n    \"is-authe\n```\nmore prose {\"x\": 1}",
                serde_json::json!({"a": 1, "b": {}}),
            ),
        ];
        for (text, want) in cases {
            let p = parse_at(text, 0).unwrap_or_else(|f| panic!("{text:?}: {f:?}"));
            assert_eq!(p.node.to_value(), *want, "{text:?}");
            assert!(p.cut.is_some(), "{text:?}");
            assert!(p.repairs.iter().any(|r| r.message == CUT), "{text:?}");
        }
        // Whole documents are not cut.
        let p = parse_at(r#"{"a": "x"} and prose"#, 0).unwrap();
        assert!(p.cut.is_none());
    }

    #[test]
    fn stops_at_the_closing_brace() {
        let text = "curl x{\"a\": 1}Fired when{";
        let p = parse_at(text, 6).unwrap();
        assert_eq!(&text[p.node.start..p.node.end], "{\"a\": 1}");
    }

    #[test]
    fn rejects_what_it_cannot_read() {
        for text in [
            "{",
            "{\"a\" 1 2}",
            "[1 2]",
            "{\"a\": \"b\n\"}",
            "{\"a\": ?}",
            "",
        ] {
            assert!(parse_at(text, 0).is_err(), "{text:?}");
        }
        let deep = "[".repeat(MAX_DEPTH + 1);
        let err = parse_at(&deep, 0).unwrap_err();
        assert!(err.message.contains("deeper"), "{err:?}");
    }

    /// Nodes are the same value exactly where their strict JSON values are
    /// equal, and the same value has the same digest.
    #[test]
    fn same_value_is_equality_of_the_strict_values() {
        let texts = [
            r#"{"a": 1, "b": [true, null]}"#,
            r#"{"b": [true, null], "a": 1}"#,
            r#"{"a": 2, "b": [true, null], "a": 1}"#,
            r#"{"a": 1, "b": [null, true]}"#,
            r#"{"a": 1.0, "b": [true, null]}"#,
            r#"{"a": 1.00, "b": [true, null]}"#,
            r#"{"a": "1", "b": [true, null]}"#,
            r#"{"a": <string>}"#,
            r#"{"a": "<string>"}"#,
            r#"{"a": -0}"#,
            r#"{"a": 0}"#,
            r#"{"a": -0.0}"#,
            r#"{"a": 12345678901234567890123}"#,
            r#"{"a": 12345678901234567890124}"#,
            r#"{"a": 999999999999999999}"#,
            r#"{"a": 1e400}"#,
            r#"{"a": "1e400"}"#,
            r#"{"a": 1e2}"#,
            r#"{"a": 100}"#,
            r#"{"a": {}}"#,
            r#"{"a": []}"#,
            r#"{"a": [{}]}"#,
            r#"{}"#,
            r#"[]"#,
        ];
        let nodes: Vec<Node> = texts
            .iter()
            .map(|t| parse_at(t, 0).unwrap_or_else(|f| panic!("{t}: {f:?}")).node)
            .collect();
        let mut same = 0;
        for (a, ta) in nodes.iter().zip(texts) {
            for (b, tb) in nodes.iter().zip(texts) {
                let equal = a.to_value() == b.to_value();
                assert_eq!(a.same_value(b), equal, "{ta} against {tb}");
                if equal {
                    assert_eq!(a.digest(), b.digest(), "{ta} against {tb}");
                    same += 1;
                }
            }
        }
        // Key order, a repeated key and `1.0`/`1.00` make pairs beyond each
        // text with itself.
        assert!(same > texts.len() + 4, "{same}");
    }
}
