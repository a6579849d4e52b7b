//! Shapes: everything seen at one place of a payload, accumulated from
//! every example and field row, merged across the places a type serves.

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Loc, Source};
use crate::extract::{self, DocType, FieldRow};
use crate::lenient::{Entry, Kind, Node};
use crate::naming;

use super::overrides::Override;
use super::share::GENERIC_NAMES;

/// Field names whose objects hold free-form keys.
const MAP_NAMES: &[&str] = &[
    "metadata",
    "meta_data",
    "extra_data",
    "extra",
    "custom_fields",
    "custom_data",
    "labels",
    "headers",
    "params",
    "parameters",
    "previous_attributes",
    "context",
];

/// Wider objects are maps: their keys are data, and such a struct would
/// take minutes to compile.
pub(super) const MAX_STRUCT_FIELDS: usize = 1000;

/// What few places have (a table row, an override, an index) is boxed: a
/// vendor holds tens of thousands of shapes, and each member's moves with
/// its parent's vector (544 bytes a shape unboxed, 288 boxed).
#[derive(Clone, Debug, Default)]
pub(super) struct Shape {
    /// Times a value was present here (null included).
    pub(super) present: usize,
    pub(super) nulls: usize,
    pub(super) bools: usize,
    pub(super) ints: usize,
    pub(super) floats: usize,
    pub(super) strings: usize,
    pub(super) objects: usize,
    pub(super) arrays: usize,
    /// String values that are real values, not placeholders: shared, as
    /// every merge of the place into a type's shape holds them again.
    pub(super) str_values: Vec<std::sync::Arc<str>>,
    pub(super) int_values: Vec<i64>,
    /// Object members in the order first seen.
    pub(super) fields: Vec<(String, Shape)>,
    pub(super) items: Option<Box<Shape>>,
    /// The table row describing this place, if any.
    pub(super) doc: Option<Box<FieldRow>>,
    pub(super) loc: Option<Loc>,
    /// The example payloads this place was seen in.
    pub(super) samples: Samples,
    /// A correction from the vendor config.
    pub(super) over: Option<Box<Override>>,
    /// Where the first null, and each distinct string value (up to
    /// `MAX_VALUE_LOCS`), was seen: for diagnostics that point at them.
    pub(super) null_loc: Option<Loc>,
    pub(super) value_at: Vec<ValueAt>,
    /// Where each member is in `fields`, once there are many: a one-line
    /// object of 100k keys stays linear.
    pub(super) index: Option<Box<crate::hash::Map<String, usize>>>,
    /// Hashes of the keys past `MAX_STRUCT_FIELDS + 1` members, which are
    /// counted, not kept: such an object is a map, or a root whose first
    /// fields alone are typed.
    pub(super) overflow: BTreeSet<u64>,
}

/// Members a shape finds by scanning before it keeps an index.
const INDEXED_FIELDS: usize = 32;

/// The example payloads a place was seen in, by number: a set, kept
/// sorted in a vector. Payloads are observed in order, so a number mostly
/// joins at the end, and two sets unite in one pass (a `BTreeSet` spent a
/// tree insertion on each).
#[derive(Clone, Debug, Default)]
pub(super) struct Samples(Vec<usize>);

impl Samples {
    pub(super) fn insert(&mut self, n: usize) {
        match self.0.last() {
            Some(&last) if last >= n => {
                if let Err(at) = self.0.binary_search(&n) {
                    self.0.insert(at, n);
                }
            }
            _ => self.0.push(n),
        }
    }

    pub(super) fn union(&mut self, other: &Samples) {
        match (self.0.last(), other.0.first()) {
            (_, None) => {}
            (None, _) => self.0.clone_from(&other.0),
            (Some(last), Some(first)) if last < first => self.0.extend_from_slice(&other.0),
            _ if is_subset(&other.0, &self.0) => {}
            _ => {
                let mut out = Vec::with_capacity(self.0.len() + other.0.len());
                let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
                while let (Some(&&x), Some(&&y)) = (a.peek(), b.peek()) {
                    out.push(x.min(y));
                    if x <= y {
                        a.next();
                    }
                    if y <= x {
                        b.next();
                    }
                }
                out.extend(a.chain(b));
                self.0 = out;
            }
        }
    }

    pub(super) fn len(&self) -> usize {
        self.0.len()
    }
}

/// Whether every number of sorted `a` is in sorted `b`: the usual case of
/// a union (a place seen in payloads the other side has seen too), which
/// then changes nothing and allocates nothing.
fn is_subset(a: &[usize], b: &[usize]) -> bool {
    let mut b = b.iter();
    a.iter().all(|x| b.by_ref().any(|y| y == x))
}

/// An example payload being observed: its number (the page it is on is
/// `samples[at - 1]`) and the number of its content, the same for copies.
#[derive(Clone, Copy, Debug)]
pub(super) struct Sample {
    pub(super) at: usize,
    pub(super) payload: usize,
}

/// Where a distinct string value was first seen, kept small: the value is
/// read back from the page only when a diagnostic needs it.
#[derive(Clone, Copy, Debug)]
pub(super) struct ValueAt {
    pub(super) hash: u64,
    pub(super) sample: usize,
    pub(super) offset: usize,
}

/// Distinct string values whose place is kept per place of a payload: enough
/// to point at a few values a list lacks, few enough to stay cheap.
const MAX_VALUE_LOCS: usize = 16;

impl Shape {
    pub(super) fn child(&mut self, key: &str) -> &mut Shape {
        let i = self.child_at(key);
        &mut self.fields[i].1
    }

    /// Where the member of that name is in `fields`, added if new.
    fn child_at(&mut self, key: &str) -> usize {
        let found = if self.fields.len() < INDEXED_FIELDS {
            self.fields.iter().position(|(k, _)| k == key)
        } else {
            self.index().get(key).copied()
        };
        match found {
            Some(i) => i,
            None => {
                self.fields.push((key.to_owned(), Shape::default()));
                let i = self.fields.len() - 1;
                if let Some(index) = &mut self.index {
                    index.insert(key.to_owned(), i);
                }
                i
            }
        }
    }

    /// Whether a member of that name is kept.
    pub(super) fn has(&mut self, key: &str) -> bool {
        if self.fields.len() < INDEXED_FIELDS {
            return self.fields.iter().any(|(k, _)| k == key);
        }
        self.index().contains_key(key)
    }

    /// The index of the members, brought up to date.
    fn index(&mut self) -> &mut crate::hash::Map<String, usize> {
        let fields = &self.fields;
        let index = self.index.get_or_insert_with(Default::default);
        if index.len() != fields.len() {
            **index = (fields.iter().enumerate())
                .map(|(i, (k, _))| (k.clone(), i))
                .collect();
        }
        index
    }

    /// Distinct member names seen, those counted past the kept ones too.
    pub(super) fn key_count(&self) -> usize {
        self.fields.len() + self.overflow.len()
    }

    pub(super) fn items_mut(&mut self) -> &mut Shape {
        self.items.get_or_insert_with(Default::default)
    }

    pub(super) fn observe(&mut self, node: &Node, src: &Source, sample: Sample) {
        self.present += 1;
        self.samples.insert(sample.payload);
        if self.loc.is_none() {
            self.loc = Some(src.loc(node.start));
        }
        match &node.kind {
            Kind::Null => {
                self.nulls += 1;
                if self.null_loc.is_none() {
                    self.null_loc = Some(src.loc(node.start));
                }
            }
            Kind::Bool(_) => self.bools += 1,
            Kind::Number(raw) => match raw.parse::<i64>() {
                Ok(i) => {
                    self.ints += 1;
                    self.int_values.push(i);
                }
                Err(_) if raw.contains(['.', 'e', 'E']) => self.floats += 1,
                Err(_) => self.ints += 1,
            },
            Kind::String(s) => {
                self.strings += 1;
                if !extract::is_placeholder(s) {
                    self.str_values.push(std::sync::Arc::from(s.as_str()));
                    if self.value_at.len() < MAX_VALUE_LOCS {
                        let hash = crate::hash::stable(s);
                        if !self.value_at.iter().any(|v| v.hash == hash) {
                            self.value_at.push(ValueAt {
                                hash,
                                sample: sample.at,
                                offset: node.start,
                            });
                        }
                    }
                }
            }
            // `<number>`, `<boolean>`: a stand-in that names a type is
            // evidence of it, with no value.
            Kind::Placeholder(p) => {
                let word = p.trim_start_matches('<').trim_end_matches('>');
                match extract::vocab::type_word(word).map(|(t, _)| t) {
                    Some(DocType::Integer) => self.ints += 1,
                    Some(DocType::Number) => self.floats += 1,
                    Some(DocType::Boolean) => self.bools += 1,
                    _ => {}
                }
            }
            Kind::Object(entries) => {
                self.objects += 1;
                self.observe_members(entries, src, sample);
            }
            Kind::Array(items) => {
                self.arrays += 1;
                for item in items {
                    self.items_mut().observe(item, src, sample);
                }
            }
        }
    }

    /// An object's members, seen here: what `observe` does for an object
    /// apart from counting it. Also the members of an object the page
    /// shows apart from the payload that elides it (`"data": { ... }`):
    /// they are that payload's, at that place.
    pub(super) fn observe_members(&mut self, entries: &[Entry], src: &Source, sample: Sample) {
        // The members this object has shown, by their place in `fields`.
        let mut seen: Vec<bool> = Vec::new();
        if self.fields.is_empty() {
            // Most places are first seen with all their members.
            self.fields
                .reserve_exact(entries.len().min(MAX_STRUCT_FIELDS + 1));
        }
        for e in entries {
            if self.fields.len() > MAX_STRUCT_FIELDS && !self.has(&e.key) {
                self.overflow.insert(crate::hash::stable(&e.key));
                continue;
            }
            let at = self.child_at(&e.key);
            let child = &mut self.fields[at].1;
            child.observe(&e.value, src, sample);
            if seen.len() <= at {
                seen.resize(at + 1, false);
            }
            if std::mem::replace(&mut seen[at], true) {
                // A duplicated key is more evidence, not another presence.
                child.present -= 1;
            }
        }
    }

    pub(super) fn is_array(&self) -> bool {
        matches!(
            self.doc.as_ref().and_then(|d| d.ty.as_ref()),
            Some(DocType::Array(_))
        ) || (self.arrays > 0 && self.objects == 0)
    }

    pub(super) fn apply_row(&mut self, row: &FieldRow) {
        let mut node = self;
        for seg in &row.path {
            if node.is_array() {
                node = node.items_mut();
            }
            node = node.child(seg);
        }
        if node.doc.is_none() {
            node.doc = Some(Box::new(row.clone()));
        }
        if node.loc.is_none() {
            node.loc = Some(row.loc.clone());
        }
    }

    pub(super) fn merge(&mut self, other: &Shape) {
        self.present += other.present;
        self.samples.union(&other.samples);
        self.nulls += other.nulls;
        self.bools += other.bools;
        self.ints += other.ints;
        self.floats += other.floats;
        self.strings += other.strings;
        self.objects += other.objects;
        self.arrays += other.arrays;
        self.str_values.extend(other.str_values.iter().cloned());
        self.int_values.extend(other.int_values.iter().copied());
        for (k, s) in &other.fields {
            self.child(k).merge(s);
        }
        if let Some(items) = &other.items {
            self.items_mut().merge(items);
        }
        if self.doc.is_none() {
            self.doc.clone_from(&other.doc);
        }
        if self.loc.is_none() {
            self.loc.clone_from(&other.loc);
        }
        if self.over.is_none() {
            self.over.clone_from(&other.over);
        }
        if self.null_loc.is_none() {
            self.null_loc.clone_from(&other.null_loc);
        }
        for v in &other.value_at {
            if self.value_at.len() >= MAX_VALUE_LOCS {
                break;
            }
            if !self.value_at.iter().any(|w| w.hash == v.hash) {
                self.value_at.push(*v);
            }
        }
    }

    /// What `other` shows, without its members: kinds, counts, a few
    /// values, and its items' likewise.
    pub(super) fn merge_values(&mut self, other: &Shape) {
        const KEEP: usize = 64;
        self.present += other.present;
        self.nulls += other.nulls;
        self.bools += other.bools;
        self.ints += other.ints;
        self.floats += other.floats;
        self.strings += other.strings;
        self.objects += other.objects;
        self.arrays += other.arrays;
        let room = KEEP.saturating_sub(self.str_values.len());
        self.str_values
            .extend(other.str_values.iter().take(room).cloned());
        let room = KEEP.saturating_sub(self.int_values.len());
        self.int_values
            .extend(other.int_values.iter().take(room).copied());
        self.samples.union(&other.samples);
        if let Some(items) = &other.items {
            self.items_mut().merge_values(items);
        }
    }

    /// Whether the values seen here are of one kind (boolean, number,
    /// string, object or array), nulls aside.
    pub(super) fn shows_one_kind(&self) -> bool {
        let kinds = [
            self.bools,
            self.ints + self.floats,
            self.strings,
            self.objects,
            self.arrays,
        ];
        kinds.iter().filter(|n| **n > 0).count() == 1
    }

    pub(super) fn doc_type(&self) -> Option<&DocType> {
        self.doc.as_ref().and_then(|d| d.ty.as_ref())
    }

    /// An object with named members (a struct), as opposed to a map or a scalar.
    pub(super) fn is_struct(&self, key: &str) -> bool {
        if self.over.as_ref().is_some_and(|o| o.map || o.ty.is_some()) {
            return false;
        }
        // A place the table gives members (`data.payment_id`) but no row
        // of its own is an object too.
        let parent_of_rows = self.doc_type().is_none() && self.present == 0 && self.nulls == 0;
        let object =
            self.objects > 0 || matches!(self.doc_type(), Some(DocType::Object)) || parent_of_rows;
        let only_objects = self.bools + self.ints + self.floats + self.strings + self.arrays == 0;
        object
            && only_objects
            && !self.fields.is_empty()
            && self.fields.len() <= MAX_STRUCT_FIELDS
            && !is_map_name(key)
            && !keys_are_ids(self)
    }

    pub(super) fn is_map(&self, key: &str) -> bool {
        let object = self.objects > 0 || matches!(self.doc_type(), Some(DocType::Object));
        let only_objects = self.bools + self.ints + self.floats + self.strings + self.arrays == 0;
        object && only_objects && !self.is_struct(key)
    }

    /// The member set, which identifies a repeated shape across a vendor.
    pub(super) fn signature(&self) -> String {
        let mut keys: Vec<&str> = self.fields.iter().map(|(k, _)| k.as_str()).collect();
        keys.sort_unstable();
        keys.join(",")
    }

    /// `"object": "address"` names the type it sits in.
    pub(super) fn hint(&self, key: &str) -> Option<String> {
        let field = |name: &str| {
            let (_, s) = self.fields.iter().find(|(k, _)| k == name)?;
            let first: &str = s.str_values.first()?;
            let telling = !matches!(first, "list" | "object" | "event" | "data");
            (telling && s.str_values.iter().all(|v| **v == *first) && naming::snake(first) == first)
                .then(|| first.to_owned())
        };
        field("object").or_else(|| {
            if GENERIC_NAMES.contains(&key) {
                field("type")
            } else {
                None
            }
        })
    }
}

/// Records, per field name, the values every place of that name shows
/// (see `Builder::namesake`).
pub(super) fn record_namesakes(shape: &Shape, out: &mut BTreeMap<String, Shape>) {
    for (key, child) in &shape.fields {
        match out.get_mut(key) {
            Some(namesake) => namesake.merge_values(child),
            None => {
                let mut namesake = Shape::default();
                namesake.merge_values(child);
                out.insert(key.clone(), namesake);
            }
        }
        record_namesakes(child, out);
        let mut items = child.items.as_deref();
        while let Some(i) = items {
            record_namesakes(i, out);
            items = i.items.as_deref();
        }
    }
}

pub(super) fn is_map_name(key: &str) -> bool {
    MAP_NAMES.contains(&key.to_ascii_lowercase().as_str())
}

/// Objects keyed by ids (`{"123": …, "456": …}`) are maps, not structs.
fn keys_are_ids(shape: &Shape) -> bool {
    shape.fields.len() >= 2
        && shape
            .fields
            .iter()
            .all(|(k, _)| k.chars().all(|c| c.is_ascii_digit() || c == '-'))
}

#[cfg(test)]
mod tests {
    use super::Samples;
    use std::collections::BTreeSet;

    #[test]
    fn samples_are_the_set_a_btreeset_would_hold() {
        // Runs in order, repeats, and numbers out of order, as copies of a
        // payload give them; then unions of every kind of overlap.
        let runs: [&[usize]; 6] = [
            &[1, 2, 2, 3, 7],
            &[5, 4, 9, 1, 9, 12],
            &[],
            &[20, 21],
            &[3, 3, 3],
            &[0, 30, 15, 16, 2],
        ];
        let build = |run: &[usize]| {
            let mut s = Samples::default();
            run.iter().for_each(|&n| s.insert(n));
            (s, run.iter().copied().collect::<BTreeSet<usize>>())
        };
        for a in runs {
            for b in runs {
                let ((mut s, mut want), (t, other)) = (build(a), build(b));
                assert_eq!(s.0, want.iter().copied().collect::<Vec<_>>());
                s.union(&t);
                want.extend(other);
                assert_eq!(
                    s.0,
                    want.iter().copied().collect::<Vec<_>>(),
                    "{a:?} ∪ {b:?}"
                );
                assert_eq!(s.len(), want.len());
            }
        }
    }
}
