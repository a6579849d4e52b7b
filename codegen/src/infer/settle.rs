//! Presence and enums: what the samples and the pages prove about each
//! field (required, nullable, its values), and how the places a shared
//! struct serves settle its fields.

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::Loc;
use crate::extract::EnumValues as DocValues;
use crate::ir::{self, Ty};
use crate::naming;

use super::shape::Shape;
use super::types::Builder;
use super::unknown_loc;

impl<'d> Builder<'d> {
    /// Every place a shared struct serves counts: a field some place lacks is
    /// not required, one some place shows null is nullable, one some place
    /// shows in a kind its type does not take becomes any JSON value (with a
    /// warning), and nested structs are settled the same way. Promises stand.
    pub(super) fn settle_shared(&mut self) {
        let also_at = std::mem::take(&mut self.also_at);
        if also_at.is_empty() {
            return;
        }
        // What each named type reads; settling widens fields, not types.
        let kinds: BTreeMap<String, [bool; 6]> = self
            .types
            .iter()
            .map(|t| (t.name().to_owned(), reads(t)))
            .collect();
        let structs: BTreeSet<String> = self
            .types
            .iter()
            .filter(|t| matches!(t, ir::TypeDef::Struct(_)))
            .map(|t| t.name().to_owned())
            .collect();
        for (name, shape) in also_at {
            // Against self-referential types, within one place.
            let mut seen = BTreeSet::new();
            self.settle(&name, &shape, &mut seen, &kinds, &structs);
        }
    }

    pub(super) fn settle(
        &mut self,
        name: &str,
        shape: &Shape,
        seen: &mut BTreeSet<(String, usize)>,
        kinds: &BTreeMap<String, [bool; 6]>,
        structs: &BTreeSet<String>,
    ) {
        if !seen.insert((name.to_owned(), std::ptr::from_ref(shape) as usize)) {
            return;
        }
        let Some(ir::TypeDef::Struct(s)) = self.types.iter_mut().find(|t| t.name() == name) else {
            return;
        };
        let mut nested = Vec::new();
        for f in s.fields.iter_mut() {
            let child = shape
                .fields
                .iter()
                .find(|(k, _)| *k == f.name)
                .map(|(_, c)| c);
            if !f.strict {
                // A place that shows no object here (only `null`) shows
                // nothing of its fields' presence.
                if f.required
                    && shape.objects > 0
                    && child.is_none_or(|c| c.present < shape.objects)
                {
                    f.required = false;
                    for w in f.why.iter_mut().filter(|w| w.starts_with("presence:")) {
                        *w = "presence: absent where this type also serves (may be absent)"
                            .to_owned();
                    }
                }
                if !f.nullable && child.is_some_and(|c| c.nulls > 0) {
                    f.nullable = true;
                    for w in f.why.iter_mut().filter(|w| w.starts_with("nullability:")) {
                        *w = "nullability: seen null where this type also serves (nullable)"
                            .to_owned();
                    }
                }
            }
            let Some(c) = child else { continue };
            if !takes(&f.ty, c, kinds) {
                if let Some(loc) = &c.loc {
                    self.diags.warn(
                        loc.clone(),
                        format!("`{}` here does not fit the type `{name}` has for it elsewhere; typed as any JSON value", f.name),
                    );
                }
                f.ty = Ty::Any;
                f.why.push(
                    "type: widened to any JSON value: another place of this type holds other kinds"
                        .to_owned(),
                );
                continue;
            }
            // Integers here, a fraction where the type also serves.
            if matches!(
                f.ty,
                Ty::Integer {
                    from_samples: true,
                    ..
                }
            ) && c.floats > 0
            {
                f.ty = Ty::Number;
            }
            let (inner, items) = match (&f.ty, c.items.is_some()) {
                (Ty::Array { items, .. }, true) => (items.as_ref(), true),
                (t, _) => (t, false),
            };
            if let Ty::Named { name: n } = inner {
                if structs.contains(n) {
                    nested.push((n.clone(), f.name.clone(), items));
                }
            }
        }
        for (n, key, items) in nested {
            let Some((_, c)) = shape.fields.iter().find(|(k, _)| *k == key) else {
                continue;
            };
            let c = if items {
                c.items.as_deref().unwrap_or(c)
            } else {
                c
            };
            self.settle(&n, c, seen, kinds, structs);
        }
    }

    pub(super) fn enum_type(
        &mut self,
        shape: &Shape,
        key: &str,
        parent: &str,
        values: &DocValues,
        base: &Ty,
        from_samples: bool,
    ) -> Ty {
        let count = match values {
            DocValues::Strings(v) => v.len(),
            DocValues::Integers(v) => v.len(),
            DocValues::Range(..) => 0,
        };
        if count == 0 {
            return base.clone();
        }
        if count > MAX_ENUM_VALUES {
            let loc = shape
                .doc
                .as_ref()
                .map(|d| d.loc.clone())
                .or_else(|| shape.loc.clone())
                .unwrap_or_else(unknown_loc);
            self.diags.warn(loc, format!("`{key}` lists {count} values (over {MAX_ENUM_VALUES}): typed as its base type, not an enum"));
            return base.clone();
        }
        let values = match (values, base.read_as()) {
            (DocValues::Range(..), _) => return base.clone(),
            (DocValues::Strings(v), Ty::String { .. }) => ir::EnumValues::Strings(v.clone()),
            (DocValues::Integers(v), Ty::String { .. }) => {
                ir::EnumValues::Strings(v.iter().map(i64::to_string).collect())
            }
            (DocValues::Integers(v), Ty::Integer { .. }) => {
                ir::EnumValues::Integers(v.iter().map(|i| (*i, None)).collect())
            }
            _ => return base.clone(),
        };
        let values = match values {
            ir::EnumValues::Integers(v) => {
                ir::EnumValues::Integers(label_integers(v, key, &self.sibling_labels))
            }
            other => other,
        };
        if let Some(row) = &shape.doc {
            if let (Some(example), ir::EnumValues::Strings(listed)) = (&row.example, &values) {
                if let Some(s) = example.as_str() {
                    if !listed.iter().any(|v| v == s) {
                        self.diags.warn(
                            row.loc.clone(),
                            format!("`{key}`: example value `{s}` is not among the listed values"),
                        );
                    }
                }
            }
            // An example payload with a value the list does not have: a typo
            // on one side, or a value the list forgot.
            if let ir::EnumValues::Strings(listed) = &values {
                for at in &shape.value_at {
                    let Some(src) = self.samples.get(at.sample.wrapping_sub(1)) else {
                        continue;
                    };
                    let Some(v) = crate::lenient::parse_at(&src.text, at.offset)
                        .ok()
                        .and_then(|p| p.node.as_str().map(str::to_owned))
                    else {
                        continue;
                    };
                    if !listed.contains(&v) {
                        self.diags
                            .warn(
                                src.loc(at.offset),
                                format!(
                                    "`{key}`: the example has `{v}`, which is not among the values listed at {}",
                                    row.loc.file_line()
                                ),
                            )
                            .with_hint(format!(
                                "the enum is open, so `{v}` parses as its `Unknown` variant; if it is a real value, add it to the list, or fix the typo"
                            ));
                    }
                }
            }
        }
        // Same name and same values: one type.
        let given = shape.over.as_ref().and_then(|o| o.name.clone());
        let mut name = naming::pascal(given.as_deref().unwrap_or(key));
        if let Some(existing) = self.types.iter().find_map(|t| match t {
            ir::TypeDef::Enum(e)
                if e.name == name
                    && same_values(&e.values, &values)
                    && e.from_samples == from_samples =>
            {
                Some(e.name.clone())
            }
            _ => None,
        }) {
            return Ty::Named { name: existing };
        }
        if self.scope.is_taken(&name) {
            name = format!("{parent}{name}");
        }
        let name = self.scope.claim(&name);
        self.types.push(ir::TypeDef::Enum(ir::Enum {
            name: name.clone(),
            description: shape
                .doc
                .as_ref()
                .map(|d| d.description.trim().to_owned())
                .filter(|d| !d.is_empty()),
            values,
            source: shape
                .doc
                .as_ref()
                .map(|d| d.loc.clone())
                .or_else(|| shape.loc.clone())
                .unwrap_or_else(unknown_loc),
            from_samples,
        }));
        Ty::Named { name }
    }
}

/// The kinds of JSON value a named type reads, in the order of [`takes`]:
/// string, integer, float, boolean, object, array.
fn reads(t: &ir::TypeDef) -> [bool; 6] {
    match t {
        ir::TypeDef::Struct(_) => [false, false, false, false, true, false],
        ir::TypeDef::Enum(ir::Enum {
            values: ir::EnumValues::Strings(_),
            ..
        }) => [true, false, false, false, false, false],
        ir::TypeDef::Enum(_) => [false, true, false, false, false, false],
        ir::TypeDef::Union(u) => {
            let mut r = [false; 6];
            for v in &u.variants {
                match v.read_as() {
                    Ty::String { .. } => r[0] = true,
                    Ty::Integer { .. } => r[1] = true,
                    Ty::Number => (r[1], r[2]) = (true, true),
                    Ty::Boolean => r[3] = true,
                    Ty::Map { .. } | Ty::Named { .. } => r[4] = true,
                    Ty::Array { .. } => r[5] = true,
                    Ty::Any | Ty::Nullable { .. } => r = [true; 6],
                }
            }
            r
        }
    }
}

/// Whether a field of type `ty` reads every kind of value `seen` shows
/// (null aside: presence and nullability are settled apart). `kinds`: what
/// each named type reads.
fn takes(ty: &Ty, seen: &Shape, kinds: &BTreeMap<String, [bool; 6]>) -> bool {
    let only = |allowed: [bool; 6]| {
        let counts = [
            seen.strings,
            seen.ints,
            seen.floats,
            seen.bools,
            seen.objects,
            seen.arrays,
        ];
        counts.iter().zip(allowed).all(|(n, ok)| *n == 0 || ok)
    };
    match ty.read_as() {
        Ty::Any | Ty::Map { .. } => true,
        Ty::Nullable { inner } => takes(inner, seen, kinds),
        Ty::String { .. } => only([true, false, false, false, false, false]),
        Ty::Integer { .. } => only([false, true, false, false, false, false]),
        Ty::Number => only([false, true, true, false, false, false]),
        Ty::Boolean => only([false, false, false, true, false, false]),
        Ty::Array { items, .. } => {
            only([false, false, false, false, false, true])
                && seen.items.as_deref().is_none_or(|i| takes(items, i, kinds))
        }
        Ty::Named { name } => kinds.get(name).is_none_or(|r| only(*r)),
    }
}

/// The evidence behind a field's type, presence and nullability. Each line
/// is written into one string: a vendor's every field passes here.
pub(super) fn reasons(
    parent: &Shape,
    child: &Shape,
    carries_event: bool,
    always: bool,
    required: bool,
    nullable: bool,
) -> Vec<String> {
    // Written in pieces: every field of a vendor passes here, and
    // `format!` costs several times as much.
    // ` (file:line)`, where a place is known.
    let cite = |out: &mut String, loc: &Loc| {
        out.push_str(" (");
        out.push_str(&loc.file);
        out.push(':');
        push_count(out, loc.line as usize);
        out.push(')');
    };
    let doc = child.doc.as_ref();
    let over = child.over.as_ref();
    let payloads = parent.samples.len();
    let seen = child.samples.len();

    let mut ty = String::from("type: ");
    let mut parts = 0;
    let mut part = |ty: &mut String| {
        if parts > 0 {
            ty.push_str("; ");
        }
        parts += 1;
    };
    if let Some(o) = over.filter(|o| o.ty.is_some() || o.map) {
        part(&mut ty);
        ty.push_str("set by an override");
        cite(&mut ty, &o.loc);
    }
    if let Some((d, t)) = doc.and_then(|d| Some((d, d.ty.as_ref()?))) {
        part(&mut ty);
        ty.push_str("documented as ");
        ty.push_str(&format!("{t:?}").to_lowercase());
        cite(&mut ty, &d.loc);
    }
    let observed = [
        (child.strings, "a string"),
        (child.ints, "an integer"),
        (child.floats, "a number"),
        (child.bools, "a boolean"),
        (child.objects, "an object"),
        (child.arrays, "an array"),
    ];
    let mut kinds = observed.iter().filter(|(n, _)| *n > 0).peekable();
    if kinds.peek().is_some() {
        part(&mut ty);
        ty.push_str("seen as ");
        for (i, (n, what)) in kinds.enumerate() {
            if i > 0 {
                ty.push_str(", ");
            }
            ty.push_str(what);
            ty.push(' ');
            push_count(&mut ty, *n);
            ty.push('×');
        }
        ty.push_str(" in examples");
        if let Some(l) = &child.loc {
            cite(&mut ty, l);
        }
    }
    if parts == 0 {
        ty.push_str("nothing shows its type: any JSON value");
    }

    let mut presence = String::from("presence: ");
    match (over, over.and_then(|o| o.required)) {
        (Some(o), Some(_)) => {
            presence.push_str("set by an override");
            cite(&mut presence, &o.loc);
        }
        _ if carries_event => presence.push_str("carries the event type"),
        _ if doc.and_then(|d| d.required).is_some() => {
            let d = doc.expect("a documented field");
            presence.push_str(if d.required == Some(true) {
                "marked required"
            } else {
                "marked optional"
            });
            cite(&mut presence, &d.loc);
        }
        _ if always => {
            presence.push_str(if payloads == 1 {
                "present in the "
            } else {
                "present in all "
            });
            push_count(&mut presence, payloads);
            presence.push_str(if payloads == 1 {
                " example payload"
            } else {
                " example payloads"
            });
            presence.push_str("; samples only, so the Rust type still accepts it absent or null");
        }
        _ if payloads < MIN_SAMPLES => {
            presence.push_str("not proven: ");
            push_count(&mut presence, payloads);
            presence.push_str(" example payload(s); ");
            push_count(&mut presence, MIN_SAMPLES);
            presence.push_str(" are needed, so it may be absent");
        }
        _ => {
            presence.push_str("in ");
            push_count(&mut presence, seen);
            presence.push_str(" of ");
            push_count(&mut presence, payloads);
            presence.push_str(" example payloads, so it may be absent");
        }
    }
    presence.push_str(if required {
        " (required)"
    } else {
        " (may be absent)"
    });

    let mut nullability = String::from("nullability: ");
    match (over, over.and_then(|o| o.nullable)) {
        (Some(o), Some(_)) => {
            nullability.push_str("set by an override");
            cite(&mut nullability, &o.loc);
        }
        _ if child.nulls > 0 => {
            nullability.push_str("seen null ");
            push_count(&mut nullability, child.nulls);
            nullability.push_str("× in examples");
        }
        _ if doc.and_then(|d| d.nullable) == Some(true) => {
            nullability.push_str("marked nullable");
            cite(&mut nullability, &doc.expect("a documented field").loc);
        }
        _ if required => nullability.push_str("never seen null and required: a value is expected"),
        _ => nullability
            .push_str("never seen null; null is still accepted where presence is not proven"),
    }
    nullability.push_str(if nullable {
        " (nullable)"
    } else {
        " (not null)"
    });
    vec![ty, presence, nullability]
}

/// `n` in decimal, at the end of `out`.
fn push_count(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // ASCII digits.
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
}

/// Longer value lists are not enums.
const MAX_ENUM_VALUES: usize = 1000;

/// Payloads a place must be seen in before a field present in every
/// occurrence counts as required. One is enough: `required` records what the
/// samples show (the IR keeps how many, for `explain`), and it does not make
/// the Rust type strict, so a payload that omits the field still parses.
pub(super) const MIN_SAMPLES: usize = 1;

/// Payloads a string field must be seen in before its values make an enum.
const ENUM_SAMPLES: usize = 10;

/// Distinct values past which what examples show is not an enum.
const MAX_SAMPLE_VALUES: usize = 12;

/// The values of a string field that behaves like an enum across many
/// payloads: few distinct lowercase tokens, each recurring. First-seen order.
pub(super) fn sample_enum(shape: &Shape, key: &str) -> Option<Vec<String>> {
    if shape.samples.len() < ENUM_SAMPLES
        || shape.str_values.len() < shape.strings
        || names_free_text(key)
    {
        return None;
    }
    let mut distinct: Vec<&str> = Vec::new();
    for v in &shape.str_values {
        if !distinct.contains(&&**v) {
            // More values than an enum has: stop before it costs more.
            if distinct.len() == MAX_SAMPLE_VALUES {
                return None;
            }
            distinct.push(v);
        }
    }
    let few = distinct.len() >= 2
        && distinct.len() <= MAX_SAMPLE_VALUES
        && distinct.len() * 3 <= shape.samples.len();
    (few && one_word_style(&distinct)).then(|| distinct.into_iter().map(str::to_owned).collect())
}

/// Whether `values` are words (`open`, `in_progress`) in one case style:
/// `OWNER`, `FIRST_TIME_CONTRIBUTOR`; `User`, `Organization`. Mixed styles
/// (`Codertocat`, `octocat`) are names, not an enum.
fn one_word_style(values: &[&str]) -> bool {
    let word = |v: &str| {
        v.len() <= 32
            && v.starts_with(|c: char| c.is_ascii_alphabetic())
            && v.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
    };
    let style = |v: &str| {
        let mut chars = v.chars();
        let first = chars.next()?;
        let rest = chars.as_str();
        let no_upper = |s: &str| !s.chars().any(|c| c.is_ascii_uppercase());
        let no_lower = |s: &str| !s.chars().any(|c| c.is_ascii_lowercase());
        match first.is_ascii_uppercase() {
            false if no_upper(rest) => Some(0),
            true if no_lower(rest) && !rest.is_empty() => Some(1),
            true if no_upper(rest) => Some(2),
            _ => None,
        }
    };
    let styles: BTreeSet<Option<u8>> = values.iter().map(|v| style(v)).collect();
    styles.len() == 1 && !styles.contains(&None) && values.iter().all(|v| word(v))
}

/// Members of one object that must hold a shared vocabulary before it is
/// their enum.
const VOCABULARY_MEMBERS: usize = 3;

/// Whether a member is a plain string field that may take its siblings'
/// vocabulary: strings only, every one a real value, and nothing (row or
/// override) saying otherwise.
pub(super) fn holds_words(child: &Shape, key: &str) -> bool {
    child.strings > 0
        && child.str_values.len() == child.strings
        && child.ints + child.floats + child.bools + child.objects + child.arrays == 0
        && child.doc.is_none()
        && child.over.is_none()
        && !names_free_text(key)
}

/// The values an object's string members share, where the object is a
/// record of settings: `permissions: {contents: "read", issues: "write",
/// …}`, `capabilities: {card_payments: "active", transfers: "inactive"}`.
/// Each member shows one or two values, too few for an enum of its own;
/// together they show one small vocabulary, every value of it held by two
/// members or more, across enough payloads. Every string member of the
/// object must be such a member: an object of unrelated strings (`state:
/// open`, `status: active`) shares nothing. First-seen order.
pub(super) fn shared_vocabulary(shape: &Shape) -> Option<Vec<String>> {
    let mut members = 0;
    let mut seen = 0;
    // Each distinct value, with the members that hold it.
    let mut values: Vec<(&str, usize)> = Vec::new();
    for (key, child) in &shape.fields {
        if child.strings == 0 {
            continue;
        }
        if !holds_words(child, key) {
            return None;
        }
        members += 1;
        seen += child.samples.len();
        let mut mine: Vec<&str> = Vec::new();
        for v in &child.str_values {
            let v: &str = v;
            if mine.contains(&v) {
                continue;
            }
            mine.push(v);
            // More values than an enum has: no vocabulary, and no scan
            // that grows with them.
            let full = values.len() == MAX_SAMPLE_VALUES;
            match values.iter_mut().find(|(w, _)| *w == v) {
                Some((_, n)) => *n += 1,
                None if full => return None,
                None => values.push((v, 1)),
            }
        }
    }
    let distinct: Vec<&str> = values.iter().map(|(v, _)| *v).collect();
    let shared = values.iter().all(|(_, n)| *n >= 2);
    let few =
        distinct.len() >= 2 && distinct.len() * 3 <= seen && distinct.len() <= MAX_SAMPLE_VALUES;
    (members >= VOCABULARY_MEMBERS
        && seen >= ENUM_SAMPLES
        && shared
        && few
        && one_word_style(&distinct))
    .then(|| distinct.into_iter().map(str::to_owned).collect())
}

/// Field names whose values are names, places, ids or text, never an enum
/// however few the examples show (`first_name`: Bob, Steve; `city`;
/// `default_branch`: main, master; a label's `color`).
fn names_free_text(key: &str) -> bool {
    const WORDS: &[&str] = &[
        "name",
        "city",
        "id",
        "login",
        "email",
        "branch",
        "ref",
        "sha",
        "title",
        "color",
        "url",
        "description",
        "label",
        "slug",
        "username",
        "street",
        "address",
        "phone",
        "message",
    ];
    let last = key
        .rsplit(['_', '-'])
        .next()
        .unwrap_or(key)
        .to_ascii_lowercase();
    let last = last.as_str();
    // camelCase: `firstName`, `repoId`.
    let camel = key
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_ascii_uppercase())
        .map(|(i, _)| key[i..].to_ascii_lowercase());
    WORDS.contains(&last) || camel.is_some_and(|c| WORDS.contains(&c.as_str()))
}

fn same_values(a: &ir::EnumValues, b: &ir::EnumValues) -> bool {
    match (a, b) {
        (ir::EnumValues::Strings(a), ir::EnumValues::Strings(b)) => a == b,
        (ir::EnumValues::Integers(a), ir::EnumValues::Integers(b)) => a == b,
        _ => false,
    }
}

/// `phone_type` (0, 1, 2, 3) beside `phone_type_display` ("invalid", …):
/// each integer takes the label at the same position.
fn label_integers(
    values: Vec<(i64, Option<String>)>,
    key: &str,
    siblings: &[(String, Vec<String>)],
) -> Vec<(i64, Option<String>)> {
    let labels = ["_display", "_name", "_label", "_str", "_text"]
        .iter()
        .find_map(|suffix| {
            let want = format!("{key}{suffix}");
            siblings
                .iter()
                .find(|(k, v)| *k == want && v.len() == values.len())
                .map(|(_, v)| v)
        });
    match labels {
        Some(labels) => values
            .into_iter()
            .zip(labels)
            .map(|((i, _), l)| (i, Some(l.clone())))
            .collect(),
        None => values,
    }
}

#[cfg(test)]
mod tests {

    use crate::diag::{Diagnostics, Source};
    use crate::extract;
    use crate::infer::testing::*;
    use crate::infer::{shape::Shape, types::Builder};
    use crate::infer::{unknown_loc, vendor, Hints, Page};
    use crate::ir::{self, Ty};

    #[test]
    fn a_place_with_no_object_leaves_a_shared_struct_presence_alone() {
        let mut diags = Diagnostics::default();
        let mut b = Builder::new(&mut diags);
        b.types.push(ir::TypeDef::Struct(ir::Struct {
            name: "License".into(),
            description: None,
            fields: vec![ir::Field {
                name: "key".into(),
                example: None,
                why: vec![],
                ty: Ty::String { format: None },
                required: true,
                nullable: false,
                strict: false,
                documented: false,
                typed_by_doc: false,
                description: None,
                source: unknown_loc(),
            }],
            source: unknown_loc(),
            envelope: None,
        }));
        let required = |b: &Builder| match &b.types[0] {
            ir::TypeDef::Struct(s) => s.fields[0].required,
            _ => unreachable!(),
        };
        // GitHub's `license: null` in one event, and a place only a table
        // documents: neither shows an object, so neither says `key` may be
        // absent.
        let null_only = Shape {
            present: 1,
            nulls: 1,
            ..Shape::default()
        };
        let rows_only = Shape {
            fields: vec![("key".into(), Shape::default())],
            ..Shape::default()
        };
        b.also_at = vec![("License".into(), null_only), ("License".into(), rows_only)];
        b.settle_shared();
        assert!(required(&b));
        // An object there without it does.
        let lacking = Shape {
            present: 1,
            objects: 1,
            ..Shape::default()
        };
        b.also_at = vec![("License".into(), lacking)];
        b.settle_shared();
        assert!(!required(&b));
    }

    #[test]
    fn many_samples_prove_presence_and_enums() {
        let statuses = ["open", "paid", "void"];
        let pages: Vec<String> = (0..12)
            .map(|i| {
                let note = if i == 5 { String::new() } else { format!(", \"note\": \"n{i}\"") };
                format!(
                    "order.created\n\n{{\"type\": \"order.created\", \"id\": \"o_{i}\", \"status\": \"{}\", \"amount\": {}{note}}}\n",
                    statuses[i % 3],
                    i * 100
                )
            })
            .collect();
        let mut diags = Diagnostics::default();
        let pages: Vec<Page> = pages
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let source = Source::new(format!("p{i}.md"), text.as_str());
                let evidence = extract::page(&source, &mut diags);
                Page { source, evidence }
            })
            .collect();
        let v = vendor("v", &pages, &Hints::default(), &mut diags).vendor;
        let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == "OrderCreated")
        else {
            panic!("{:#?}", v.types);
        };
        let required: Vec<(&str, bool)> = s
            .fields
            .iter()
            .map(|f| (f.name.as_str(), f.required))
            .collect();
        assert_eq!(
            required,
            [
                ("type", true),
                ("id", true),
                ("status", true),
                ("amount", true),
                ("note", false)
            ]
        );
        let status = &s.fields[2].ty;
        assert_eq!(
            status,
            &Ty::Named {
                name: "Status".to_owned()
            }
        );
        let Some(ir::TypeDef::Enum(e)) = v.types.iter().find(|t| t.name() == "Status") else {
            panic!()
        };
        assert!(matches!(&e.values, ir::EnumValues::Strings(v) if v == &["open", "paid", "void"]));
        // Ids are all different: no enum.
        assert_eq!(s.fields[1].ty, Ty::String { format: None });

        // One example is recorded, but promises nothing: the field stays
        // `Maybe<T>`.
        let one = infer_page("{\"type\": \"a.b\", \"id\": \"x\"}\n");
        let Some(ir::TypeDef::Struct(s)) = one.types.iter().find(|t| t.name() == "VEvent") else {
            panic!()
        };
        let id = s.fields.iter().find(|f| f.name == "id").unwrap();
        assert!(id.required && !id.strict && id.repr() == ir::Repr::Maybe);
    }

    #[test]
    fn sample_enums_in_any_one_case_style() {
        let kinds = ["User", "Bot", "Organization"];
        let roles = ["OWNER", "NONE", "FIRST_TIME_CONTRIBUTOR"];
        let logins = ["Codertocat", "octocat"];
        let text: String = (0..12)
            .map(|i| {
                format!(
                    "{{\"type\": \"a.b\", \"id\": {i}, \"kind\": \"{}\", \"role\": \"{}\", \"login\": \"{}\"}}\n\n",
                    kinds[i % 3],
                    roles[i % 3],
                    logins[i % 2]
                )
            })
            .collect();
        let v = infer_page(&text);
        let enums: Vec<(String, Vec<String>)> = v
            .types
            .iter()
            .filter_map(|t| match t {
                ir::TypeDef::Enum(ir::Enum {
                    name,
                    values: ir::EnumValues::Strings(s),
                    ..
                }) => Some((name.clone(), s.clone())),
                _ => None,
            })
            .collect();
        let names: Vec<&str> = enums.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Kind", "Role"], "{enums:?}");
        assert_eq!(enums[1].1, roles);
    }

    #[test]
    fn a_record_of_settings_takes_the_vocabulary_its_fields_share() {
        // Three payloads: too few for any one field's enum, but four fields
        // together show `read` and `write`, each in two fields or more.
        let text: String = (0..3)
            .map(|i| {
                let checks = ["read", "write"][i % 2];
                let state = ["open", "closed"][i % 2];
                format!(
                    "{{\"type\": \"app.installed\", \"id\": {i}, \"permissions\": {{\"contents\": \"read\", \"issues\": \"write\", \"metadata\": \"read\", \"checks\": \"{checks}\"}}, \"info\": {{\"state\": \"{state}\", \"status\": \"active\", \"reason\": \"spam\", \"tier\": \"gold\"}}}}\n\n"
                )
            })
            .collect();
        let v = infer_page(&text);
        let fields = |name: &str| -> Vec<(String, Ty)> {
            match v.types.iter().find(|t| t.name() == name) {
                Some(ir::TypeDef::Struct(s)) => s
                    .fields
                    .iter()
                    .map(|f| (f.name.clone(), f.ty.clone()))
                    .collect(),
                _ => panic!("no struct {name}: {:#?}", v.types),
            }
        };
        let permission = Ty::Named {
            name: "Permission".to_owned(),
        };
        for (name, ty) in fields("Permissions") {
            assert_eq!(ty, permission, "{name}");
        }
        let Some(ir::TypeDef::Enum(e)) = v.types.iter().find(|t| t.name() == "Permission") else {
            panic!("{:#?}", v.types)
        };
        assert!(matches!(&e.values, ir::EnumValues::Strings(v) if v == &["read", "write"]));
        // Unrelated strings side by side share no value: plain strings.
        for (name, ty) in fields("Info") {
            assert_eq!(ty, Ty::String { format: None }, "{name}");
        }
    }
}
