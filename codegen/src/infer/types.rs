//! Shapes → IR types: the builder that walks each payload's shape and
//! makes its structs, fields, unions and enums.

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Diagnostics, Source};
use crate::extract::{DocType, EnumValues as DocValues};
use crate::ir::{self, Ty};
use crate::naming;

use super::formats::{doc_scalar, string_format};
use super::overrides::{Override, OverrideType};
use super::settle::{holds_words, reasons, sample_enum, shared_vocabulary, MIN_SAMPLES};
use super::shape::{is_map_name, record_namesakes, Shape, MAX_STRUCT_FIELDS};
use super::share::{root_key, Merged, Occurrence};
use super::unknown_loc;

pub(super) struct Builder<'d> {
    pub(super) diags: &'d mut Diagnostics,
    /// The page of each example payload, by sample number.
    pub(super) samples: Vec<&'d Source>,
    pub(super) scope: naming::Scope,
    /// Merged shape per signature, and where each occurs. Shared with the
    /// queue once merged: a struct is built from it without a copy.
    pub(super) groups: BTreeMap<String, (Merged<'d>, Vec<Occurrence>)>,
    /// The group each place was collected into, by the place.
    pub(super) placed: crate::hash::Map<*const Shape, String>,
    /// Type name per signature (or per root name for roots).
    pub(super) names: BTreeMap<String, String>,
    pub(super) types: Vec<ir::TypeDef>,
    pub(super) order: usize,
    /// Documented string values of the struct being built, by field, so an
    /// integer enum can take its labels from a `<name>_display` sibling.
    pub(super) sibling_labels: Vec<(String, Vec<String>)>,
    /// Structs reached from a payload, still to be built.
    pub(super) queue: Vec<(String, Merged<'d>)>,
    /// Signatures already queued.
    pub(super) emitted: BTreeSet<String>,
    /// Places a named struct serves that are not among the occurrences its
    /// evidence came from (children of merged parents), to settle at the end.
    pub(super) also_at: Vec<(String, Shape)>,
    /// What the places of each field name show across the vendor, values
    /// only (no members): a place seen only as `null` or `[]` is typed from
    /// its namesakes.
    pub(super) namesakes: BTreeMap<String, Shape>,
    /// Typing a place from its namesakes, which is not done twice over.
    pub(super) in_namesake: bool,
}

impl<'d> Builder<'d> {
    pub(super) fn new(diags: &'d mut Diagnostics) -> Builder<'d> {
        Builder {
            diags,
            samples: Vec::new(),
            scope: naming::Scope::with_reserved(&[
                "Event",
                "UnknownEvent",
                "String",
                "Option",
                "Vec",
                "Box",
                "Result",
                "Error",
                "Maybe",
                "Value",
                "Map",
            ]),
            groups: BTreeMap::new(),
            placed: crate::hash::Map::default(),
            names: BTreeMap::new(),
            types: vec![],
            order: 0,
            sibling_labels: vec![],
            queue: vec![],
            emitted: BTreeSet::new(),
            also_at: vec![],
            namesakes: BTreeMap::new(),
            in_namesake: false,
        }
    }

    pub(super) fn build(&mut self, roots: &[(String, &'d Shape)], required: &[Vec<String>]) {
        // The namesakes, which only typing reads, are recorded on another
        // core while the places are collected and named.
        let (namesakes, ()) = crate::parallel::beside(
            || {
                let mut namesakes = BTreeMap::new();
                for (_, shape) in roots {
                    record_namesakes(shape, &mut namesakes);
                }
                namesakes
            },
            || {
                for (name, shape) in roots {
                    let claimed = self.scope.claim(name);
                    self.names.insert(root_key(name), claimed);
                    self.collect(shape, 1, &root_key(name));
                }
                self.name_groups();
            },
        );
        self.namesakes = namesakes;
        for (name, shape) in roots {
            let type_name = self.names[&root_key(name)].clone();
            self.emit_struct(&type_name, shape, required);
        }
        // Then every struct a payload reaches, and only those: merging
        // occurrences can give a child a member set no single occurrence had,
        // and the occurrences' own sets then name nothing.
        while let Some((type_name, shape)) = self.queue.pop() {
            self.emit_struct(&type_name, &shape, &[]);
        }
        self.settle_shared();
    }

    fn emit_struct(&mut self, type_name: &str, shape: &Shape, required: &[Vec<String>]) {
        let mut fields = Vec::new();
        self.sibling_labels = shape
            .fields
            .iter()
            .filter_map(|(k, c)| match c.doc.as_ref()?.values.as_ref()? {
                DocValues::Strings(v) => Some((k.clone(), v.clone())),
                _ => None,
            })
            .collect();
        // A struct that rustc can still compile: a payload root too wide
        // (nested objects this wide are maps) keeps its first fields typed,
        // and the rest in `extra`, where they round-trip all the same.
        if shape.fields.len() > MAX_STRUCT_FIELDS {
            if let Some(loc) = &shape.loc {
                self.diags.warn(
                    loc.clone(),
                    format!(
                        "the payload has {} distinct keys (over {MAX_STRUCT_FIELDS}): the first {MAX_STRUCT_FIELDS} are typed fields, the others stay in `extra`",
                        shape.key_count()
                    ),
                );
            }
        }
        let vocabulary = shared_vocabulary(shape);
        for (key, child) in shape.fields.iter().take(MAX_STRUCT_FIELDS) {
            let shares = vocabulary.as_ref().filter(|_| holds_words(child, key));
            let kin = match shares {
                None if self.namesake(child, key).is_none() => kin(shape, child, key),
                _ => None,
            };
            let ty = match (shares, &kin) {
                (Some(values), _) => self.vocabulary_enum(child, key, type_name, values),
                (None, Some((like, _))) => self.typed_like(like.clone(), key, type_name),
                (None, None) => self.ty(child, key, type_name),
            };
            let doc = child.doc.as_ref();
            // Present in every occurrence across enough payloads: required,
            // unless the page says optional.
            let always = shape.samples.len() >= MIN_SAMPLES && child.present == shape.objects;
            let over = child.over.as_ref();
            let is_required = over.and_then(|o| o.required).unwrap_or(
                doc.and_then(|d| d.required) == Some(true)
                    || required.iter().any(|p| p.len() == 1 && p[0] == *key)
                    || (always && doc.and_then(|d| d.required) != Some(false)),
            );
            let description = doc
                .map(|d| d.description.trim().to_owned())
                .filter(|d| !d.is_empty());
            let example = child
                .str_values
                .first()
                .map(|v| serde_json::Value::String(v.to_string()))
                .or_else(|| child.int_values.first().map(|i| (*i).into()))
                .or_else(|| {
                    doc.and_then(|d| d.example.clone())
                        .filter(|e| !e.is_object() && !e.is_array())
                })
                .map(|v| v.to_string());
            let nullable = over
                .and_then(|o| o.nullable)
                .unwrap_or(child.nulls > 0 || doc.and_then(|d| d.nullable) == Some(true));
            let carries_event = required.iter().any(|p| p.len() == 1 && p[0] == *key);
            self.check_against_table(shape, child, key);
            // Only a promise makes the Rust type strict; samples do not.
            let strict = carries_event
                || over
                    .and_then(|o| o.required)
                    .or(doc.and_then(|d| d.required))
                    == Some(true);
            let mut why = reasons(shape, child, carries_event, always, is_required, nullable);
            if self.namesake(child, key).is_some() {
                why.push(format!("type: only null or [] here: typed from the `{key}` fields elsewhere in the vendor"));
            }
            if let Some((_, names)) = &kin {
                let more = match names.len() {
                    n if n > 3 => format!(" and {} more", n - 3),
                    _ => String::new(),
                };
                why.push(format!(
                    "type: only null here: typed like `{}`{more} beside it",
                    names[..names.len().min(3)].join("`, `")
                ));
            }
            if let Some(values) = shares {
                why.push(format!(
                    "enum: the values `{type_name}`'s string fields share ({}), each held by two fields or more",
                    values.join(", ")
                ));
            }
            fields.push(ir::Field {
                name: key.clone(),
                example,
                why,
                ty,
                required: is_required,
                nullable,
                strict,
                documented: doc.is_some() || over.is_some(),
                typed_by_doc: doc.is_some_and(|d| d.ty.is_some())
                    || over.is_some_and(|o| o.ty.is_some() || o.map),
                description,
                // The table row documents the field; else where it was first seen.
                source: doc
                    .map(|d| d.loc.clone())
                    .or_else(|| child.loc.clone())
                    .unwrap_or_else(|| shape.loc.clone().unwrap_or_else(unknown_loc)),
            });
        }
        let description = shape
            .doc
            .as_ref()
            .map(|d| d.description.trim().to_owned())
            .filter(|d| !d.is_empty());
        self.types.push(ir::TypeDef::Struct(ir::Struct {
            name: type_name.to_owned(),
            description,
            fields,
            source: shape.loc.clone().unwrap_or_else(unknown_loc),
            envelope: None,
        }));
    }

    /// The enum of a member of a record of settings: its siblings' shared
    /// vocabulary (see `shared_vocabulary`), one type for all of them, named
    /// for one of the record's entries (`AppPermissions` -> `AppPermission`).
    fn vocabulary_enum(
        &mut self,
        child: &Shape,
        key: &str,
        type_name: &str,
        values: &[String],
    ) -> Ty {
        let one = naming::singular(type_name);
        let name = if one == type_name {
            format!("{type_name}Value")
        } else {
            one
        };
        let mut named = child.clone();
        named.over = Some(Box::new(Override {
            name: Some(name),
            ..Override::default()
        }));
        let values = DocValues::Strings(values.to_vec());
        self.enum_type(
            &named,
            key,
            type_name,
            &values,
            &Ty::String { format: None },
            true,
        )
    }

    /// For a place that shows nothing but `null` or `[]` and has no table
    /// row: the values its namesakes elsewhere in the vendor show, where
    /// they show one kind of value (`closed_at`: null here, a date-time
    /// there; `labels`: `[]` here, strings there).
    fn namesake(&self, shape: &Shape, key: &str) -> Option<&Shape> {
        let values = shape.bools + shape.ints + shape.floats + shape.strings + shape.objects;
        let empty = shape.arrays > 0 && shape.items.is_none();
        let only_null = shape.present > 0 && shape.nulls == shape.present;
        if self.in_namesake || shape.doc_type().is_some() || values > 0 || !(only_null || empty) {
            return None;
        }
        let other = self.namesakes.get(key)?;
        let one_kind = other.shows_one_kind();
        let shows_more = if empty {
            other.objects == 0 && other.items.as_ref().is_some_and(|i| i.present > i.nulls)
        } else {
            other.present > other.nulls
        };
        (one_kind && shows_more).then_some(other)
    }

    /// The type of a place seen only as `null` or `[]`, from its namesakes
    /// (apart from `ty`, whose frame stays small for deep nesting).
    #[inline(never)]
    fn namesake_type(&mut self, shape: &Shape, key: &str, parent: &str) -> Ty {
        let namesake = self
            .namesake(shape, key)
            .expect("checked by the caller")
            .clone();
        self.typed_like(namesake, key, parent)
    }

    /// The kind of value `other` shows (what places elsewhere show), not an
    /// enum or a struct of another place.
    fn typed_like(&mut self, mut other: Shape, key: &str, parent: &str) -> Ty {
        let mut at = Some(&mut other);
        while let Some(s) = at {
            s.over = Some(Box::new(Override {
                no_enum: true,
                ..Override::default()
            }));
            at = s.items.as_deref_mut();
        }
        self.in_namesake = true;
        let ty = self.ty(&other, key, parent);
        self.in_namesake = false;
        match ty {
            Ty::Named { .. } if other.strings > 0 => Ty::String {
                format: string_format(&other.str_values),
            },
            Ty::Named { .. } => Ty::Map {
                values: Box::new(Ty::Any),
            },
            t => t,
        }
    }

    pub(super) fn ty(&mut self, shape: &Shape, key: &str, parent: &str) -> Ty {
        let over = shape.over.clone().unwrap_or_default();
        if over.map {
            return Ty::Map {
                values: Box::new(Ty::Any),
            };
        }
        if let Some(t) = over.ty {
            return match t {
                OverrideType::String => Ty::String { format: None },
                OverrideType::Integer => Ty::Integer {
                    format: None,
                    range: None,
                    from_samples: false,
                },
                OverrideType::Number => Ty::Number,
                OverrideType::Boolean => Ty::Boolean,
                OverrideType::Any => Ty::Any,
            };
        }
        if shape.is_struct(key) {
            return Ty::Named {
                name: self.struct_name(shape, key, parent),
            };
        }
        if shape.is_map(key) {
            if shape.fields.len() > MAX_STRUCT_FIELDS {
                if let Some(loc) = &shape.loc {
                    self.diags.warn(
                        loc.clone(),
                        format!("`{key}` has {} distinct keys (over {MAX_STRUCT_FIELDS}): read as a map, not a struct", shape.key_count()),
                    );
                }
            }
            return Ty::Map {
                values: Box::new(Ty::Any),
            };
        }
        if is_map_name(key)
            && shape.arrays > 0
            && (shape.objects > 0 || shape.items.as_ref().is_none_or(|i| i.objects == 0))
            && !matches!(shape.doc_type(), Some(DocType::Array(_)))
        {
            // `metadata: []` here, `metadata: {...}` elsewhere: PHP-style
            // encoders send `[]` for an empty map, and `["a", "b"]` for a
            // map with integer keys, so accept either. A list of objects
            // (`labels: [{...}]`) is a list.
            return Ty::Any;
        }
        if self.namesake(shape, key).is_some() {
            return self.namesake_type(shape, key, parent);
        }
        if shape.doc_type().is_none() && shape.arrays > 0 && shape.items.is_none() {
            // Only `[]`, here and wherever the name stands: no proof of an
            // array (Mailgun's `user-variables` is an object when it has
            // values). The IR says what is shown; the crate reads any value.
            let scalars = shape.strings + shape.ints + shape.floats + shape.bools;
            if scalars + shape.objects > 0 {
                return Ty::Any;
            }
            return Ty::Array {
                items: Box::new(Ty::Any),
                only_empty: true,
            };
        }
        let scalars = shape.strings + shape.ints + shape.floats + shape.bools;
        if shape.arrays > 0 && scalars + shape.objects > 0 {
            // An array here, something else there: one variant for each.
            return self.union_type(shape, key, parent);
        }
        if shape.is_array() {
            let items = match &shape.items {
                Some(items) => match self.ty(items, &naming::singular(key), parent) {
                    // `[true, null]`: the items may be null.
                    t if items.nulls > 0 && !matches!(t.read_as(), Ty::Any | Ty::Map { .. }) => {
                        Ty::Nullable { inner: Box::new(t) }
                    }
                    t => t,
                },
                None => match shape.doc_type() {
                    Some(DocType::Array(Some(t))) => doc_scalar(t),
                    _ => Ty::Any,
                },
            };
            return Ty::Array {
                items: Box::new(items),
                only_empty: false,
            };
        }
        let Some(mut ty) = self.scalar(shape, key) else {
            return self.union_type(shape, key, parent);
        };
        if over.no_format {
            match &mut ty {
                Ty::String { format } | Ty::Integer { format, .. } => *format = None,
                _ => {}
            }
        }
        if over.no_enum {
            return ty;
        }
        match (
            ty.read_as(),
            shape.doc.as_ref().and_then(|d| d.values.as_ref()),
        ) {
            (Ty::String { .. } | Ty::Integer { .. }, Some(values)) => {
                self.enum_type(shape, key, parent, values, &ty, false)
            }
            (Ty::String { format: None }, None) => match sample_enum(shape, key) {
                Some(values) => {
                    self.enum_type(shape, key, parent, &DocValues::Strings(values), &ty, true)
                }
                None => ty,
            },
            _ => ty,
        }
    }

    /// Where the examples contradict what a table row says of a field's
    /// presence or nullability: a warning at the example, naming the row.
    fn check_against_table(&mut self, parent: &Shape, child: &Shape, key: &str) {
        let Some(row) = child.doc.as_ref() else {
            return;
        };
        let at = row.loc.file_line();
        if row.nullable == Some(false) && child.over.as_ref().and_then(|o| o.nullable).is_none() {
            if let Some(loc) = &child.null_loc {
                self.diags
                    .warn(
                        loc.clone(),
                        format!("`{key}` is null here, but {at} says it is never null"),
                    )
                    .with_hint("read as nullable: the example is the evidence of what is sent");
            }
        }
        if row.required == Some(true)
            && child.over.as_ref().and_then(|o| o.required).is_none()
            && parent.objects > 0
            && child.present < parent.objects
        {
            if let Some(loc) = &parent.loc {
                self.diags.warn(
                    loc.clone(),
                    format!(
                        "`{key}` is marked required at {at}, but {} of {} example objects here leave it out",
                        parent.objects - child.present,
                        parent.objects
                    ),
                ).with_hint("kept required, as the page says; mark it optional in hookgen.toml if the examples are right");
            }
        }
    }

    /// A place the examples show in several kinds of JSON value, with no
    /// table to say which: a union of the kinds seen, with a warning.
    fn union_type(&mut self, shape: &Shape, key: &str, parent: &str) -> Ty {
        let mut variants = Vec::new();
        if shape.bools > 0 {
            variants.push(Ty::Boolean);
        }
        if shape.floats + shape.ints > 0 {
            variants.push(Ty::Number);
        }
        if shape.strings > 0 {
            variants.push(Ty::String {
                format: string_format(&shape.str_values),
            });
        }
        if shape.arrays > 0 {
            variants.push(Ty::Array {
                items: Box::new(Ty::Any),
                only_empty: false,
            });
        }
        if shape.objects > 0 {
            variants.push(Ty::Map {
                values: Box::new(Ty::Any),
            });
        }
        let kinds: Vec<&str> = variants.iter().map(ir::union_variant).collect();
        if let Some(loc) = &shape.loc {
            self.diags
                .warn(
                    loc.clone(),
                    format!(
                        "`{key}` is {} in different examples; typed as one of them (any other value is kept too)",
                        kinds.join(" or ").to_lowercase()
                    ),
                )
                .with_hint("name its type in hookgen.toml ([[override]] path, type) if one kind is a mistake in the docs");
        }
        let mut name = naming::pascal(key);
        if let Some(existing) = self.types.iter().find_map(|t| match t {
            ir::TypeDef::Union(u) if u.name == name && u.variants == variants => {
                Some(u.name.clone())
            }
            _ => None,
        }) {
            return Ty::Named { name: existing };
        }
        if self.scope.is_taken(&name) {
            name = format!("{parent}{name}");
        }
        let name = self.scope.claim(&name);
        self.types.push(ir::TypeDef::Union(ir::Union {
            name: name.clone(),
            description: None,
            variants,
            source: shape.loc.clone().unwrap_or_else(unknown_loc),
        }));
        Ty::Named { name }
    }
}

/// For a member seen only as `null`, with no row, override or namesake:
/// what its siblings of the same last word show, where two or more show
/// values, all of one kind (`merged_at` beside `created_at` and
/// `updated_at`; `mirror_url` beside `html_url` and `git_url`). The values
/// merged, and the siblings' names.
fn kin<'s>(parent: &'s Shape, child: &Shape, key: &str) -> Option<(Shape, Vec<&'s str>)> {
    let only_null = child.present > 0 && child.nulls == child.present;
    if !only_null || child.over.is_some() || child.doc_type().is_some() {
        return None;
    }
    let word = last_word(key)?;
    let mut like = Shape::default();
    let mut names = Vec::new();
    for (k, c) in &parent.fields {
        if k != key
            && c.present > c.nulls
            && last_word(k).is_some_and(|w| w.eq_ignore_ascii_case(word))
        {
            like.merge_values(c);
            names.push(k.as_str());
        }
    }
    (names.len() >= 2 && like.shows_one_kind()).then_some((like, names))
}

/// The last word of a name of two words or more: `at` of `merged_at`,
/// `Url` of `mirrorUrl`; none for one word, or a last word of one letter.
fn last_word(key: &str) -> Option<&str> {
    let at = match key.rfind(['_', '-']) {
        Some(i) => i + 1,
        None => {
            key.char_indices()
                .rev()
                .find(|(i, c)| *i > 0 && c.is_ascii_uppercase())?
                .0
        }
    };
    let word = &key[at..];
    (at > 1 && word.len() >= 2).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Diagnostics, Source};
    use crate::extract;
    use crate::infer::testing::*;
    use crate::infer::{vendor, Hints, Page};

    use crate::ir::{self, Ty};

    #[test]
    fn examples_that_contradict_the_table_are_pointed_at() {
        let text = "a.b\n\n\
            | Field | Type | Required | Description |\n\
            |---|---|---|---|\n\
            | id | string | yes | The id. |\n\
            | name | string | no | Never null. |\n\
            | status | string | no | One of: `active`, `cancelled`. |\n\n\
            {\"type\": \"a.b\", \"id\": \"1\", \"name\": \"n\", \"status\": \"active\"}\n\n\
            {\"type\": \"a.b\", \"name\": null, \"status\": \"actve\"}\n";
        let mut diags = Diagnostics::default();
        let source = Source::new("p.md", text);
        let evidence = extract::page(&source, &mut diags);
        let hints = Hints {
            event_type_fields: Some(vec![vec!["type".to_owned()]]),
            event_type_fields_loc: None,
            ..Hints::default()
        };
        let v = vendor("v", &[Page { source, evidence }], &hints, &mut diags).vendor;
        let said: Vec<String> = diags
            .into_sorted()
            .iter()
            .map(ToString::to_string)
            .collect();
        let find = |needle: &str| {
            said.iter()
                .find(|d| d.contains(needle))
                .unwrap_or_else(|| panic!("no `{needle}` in {said:#?}"))
                .clone()
        };
        assert!(find(
            "`status`: the example has `actve`, which is not among the values listed at p.md:7"
        )
        .starts_with("p.md:11:41: warning"));
        assert!(find("`name` is null here, but p.md:6 says").starts_with("p.md:11:25: warning"));
        assert!(
            find("`id` is marked required at p.md:5, but 1 of 2").starts_with("p.md:9:1: warning")
        );
        // The examples win on nullability; the page wins on presence.
        let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == "AB") else {
            panic!("{:#?}", v.types)
        };
        let f = |n: &str| s.fields.iter().find(|f| f.name == n).unwrap();
        assert!(f("name").nullable && f("id").required);
    }

    #[test]
    fn huge_objects_and_enums_stay_compilable() {
        let wide: Vec<String> = (0..2000).map(|i| format!("\"k{i}\": {i}")).collect();
        let values: Vec<String> = (0..2000).map(|i| format!("v{i}")).collect();
        let text = format!(
            "a.b\n\nstatus?string\n\nState.\n\nPossible values: [{}]\n\n{{\"type\": \"a.b\", \"wide\": {{{}}}, \"status\": \"v1\"}}\n",
            values.join(", "),
            wide.join(", ")
        );
        let mut diags = Diagnostics::default();
        let source = Source::new("p.md", text.as_str());
        let evidence = extract::page(&source, &mut diags);
        let hints = Hints {
            event_type_fields: Some(vec![vec!["type".to_owned()]]),
            event_type_fields_loc: None,
            event_type_header: None,
            event_type_url: None,
            overrides: vec![],
        };
        let v = vendor("v", &[Page { source, evidence }], &hints, &mut diags).vendor;
        let Some(ir::TypeDef::Struct(root)) = v.types.iter().find(|t| t.name() == "AB") else {
            panic!()
        };
        let ty = |name: &str| {
            root.fields
                .iter()
                .find(|f| f.name == name)
                .map(|f| f.ty.clone())
        };
        assert_eq!(
            ty("wide"),
            Some(Ty::Map {
                values: Box::new(Ty::Any)
            })
        );
        assert_eq!(ty("status"), Some(Ty::String { format: None }));
        let warnings: Vec<String> = diags
            .into_sorted()
            .iter()
            .map(|d| d.message.clone())
            .collect();
        assert!(
            warnings.iter().any(|w| w.contains("2000 distinct keys")),
            "{warnings:?}"
        );
        assert!(
            warnings.iter().any(|w| w.contains("lists 2000 values")),
            "{warnings:?}"
        );

        // A root this wide (3,000 fields crashed rustc): its first fields
        // typed, the rest kept in `extra`.
        let text = format!("{{\"type\": \"a.b\", {}}}\n", wide.join(", "));
        let mut diags = Diagnostics::default();
        let source = Source::new("p.json", text.as_str());
        let evidence = extract::page(&source, &mut diags);
        let v = vendor("v", &[Page { source, evidence }], &hints, &mut diags).vendor;
        let widest = v
            .types
            .iter()
            .map(|t| fields_of(t).len())
            .max()
            .unwrap_or(0);
        assert_eq!(widest, MAX_STRUCT_FIELDS);
        assert!(diags
            .into_sorted()
            .iter()
            .any(|d| d.message.contains("the payload has 2001 distinct keys")));
    }

    #[test]
    fn a_field_seen_only_as_null_is_typed_like_its_siblings_of_the_same_last_word() {
        let v = infer_page(
            "{\"type\": \"a.b\", \"created_at\": \"2024-01-01T00:00:00Z\", \"updatedAt\": \"2024-01-02T00:00:00Z\", \"merged_at\": null, \
             \"html_url\": \"https://x.test/1\", \"mirror_url\": null, \
             \"charge_id\": 7, \"order_id\": \"o_1\", \"discount_id\": null}\n",
        );
        let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == "VEvent") else {
            panic!("{:#?}", v.types)
        };
        let f = |n: &str| s.fields.iter().find(|f| f.name == n).unwrap();
        // `created_at` and `updatedAt` (two siblings, one kind): a date-time.
        let merged = f("merged_at");
        assert_eq!(
            merged.ty,
            Ty::String {
                format: Some(extract::Format::DateTime)
            }
        );
        assert!(merged.nullable);
        assert!(
            merged
                .why
                .iter()
                .any(|w| w.contains("typed like `created_at`, `updatedAt`")),
            "{:?}",
            merged.why
        );
        // One sibling is not enough; siblings of two kinds say nothing.
        assert_eq!(f("mirror_url").ty, Ty::Any);
        assert_eq!(f("discount_id").ty, Ty::Any);
    }
}
