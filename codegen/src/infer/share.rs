//! Type sharing: which object shapes across a vendor are one type, and
//! what each is named.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::extract::DocType;
use crate::naming;

use super::shape::Shape;
use super::types::Builder;

/// Field names too generic to name a type on their own: `data` becomes
/// `<Parent>Data` unless the object says what it is.
pub(super) const GENERIC_NAMES: &[&str] = &[
    "data",
    "object",
    "payload",
    "body",
    "resource",
    "entity",
    "item",
    "attributes",
    "details",
    "result",
    "content",
    "value",
    "record",
];

/// What a group's places show: the one place it was collected from, or a
/// merge of them all. A type that serves one place (most do) is built from
/// that place's shape, not from a deep copy of it.
#[derive(Clone)]
pub(super) enum Merged<'s> {
    One(&'s Shape),
    Many(Rc<Shape>),
}

impl Merged<'_> {
    fn merge(&mut self, shape: &Shape) {
        if let Merged::One(first) = *self {
            let mut merged = Shape::default();
            merged.merge(first);
            *self = Merged::Many(Rc::new(merged));
        }
        if let Merged::Many(merged) = self {
            // Only the queue shares a merged shape, and it is filled later.
            Rc::make_mut(merged).merge(shape);
        }
    }

    /// The merged shape, once nothing else holds it.
    pub(super) fn into_owned(self) -> Option<Shape> {
        match self {
            Merged::One(_) => None,
            Merged::Many(merged) => Rc::into_inner(merged),
        }
    }
}

impl std::ops::Deref for Merged<'_> {
    type Target = Shape;

    fn deref(&self) -> &Shape {
        match self {
            Merged::One(shape) => shape,
            Merged::Many(merged) => merged,
        }
    }
}

/// One place an object shape occurs.
pub(super) struct Occurrence {
    pub(super) depth: usize,
    pub(super) order: usize,
    /// The field name it sits under (singular for array items).
    pub(super) key: String,
    pub(super) parent: Option<String>,
}

impl<'d> Builder<'d> {
    /// Records every struct-shaped place below `shape`, grouped by signature.
    pub(super) fn collect(&mut self, shape: &'d Shape, depth: usize, parent: &str) {
        for (key, child) in &shape.fields {
            self.collect_place(child, key, depth, parent);
        }
    }

    fn collect_place(&mut self, shape: &'d Shape, key: &str, depth: usize, parent: &str) {
        if shape.is_struct(key) {
            let (sig, _) = self.group_key(shape, None);
            self.order += 1;
            let occ = Occurrence {
                depth,
                order: self.order,
                key: key.to_owned(),
                parent: Some(parent.to_owned()),
            };
            match self.groups.entry(sig.clone()) {
                std::collections::btree_map::Entry::Vacant(group) => {
                    group.insert((Merged::One(shape), vec![occ]));
                }
                std::collections::btree_map::Entry::Occupied(mut group) => {
                    let (merged, occurrences) = group.get_mut();
                    merged.merge(shape);
                    occurrences.push(occ);
                }
            }
            self.placed
                .entry(std::ptr::from_ref(shape))
                .or_insert_with(|| sig.clone());
            self.collect(shape, depth + 1, &sig);
        }
        if let Some(items) = &shape.items {
            self.collect_place(items, &naming::singular(key), depth + 1, parent);
        }
    }

    /// Names every group: a stated name (`"object": "address"`) first, then
    /// by depth the field names it sits under, qualified by the parent's type
    /// name where a generic word (`data`) or a clash needs it.
    pub(super) fn name_groups(&mut self) {
        let mut pending: Vec<(usize, usize, String)> = self
            .groups
            .iter()
            .map(|(sig, (_, occ))| {
                let depth = occ.iter().map(|o| o.depth).min().unwrap_or(0);
                let order = occ.iter().map(|o| o.order).min().unwrap_or(0);
                (depth, order, sig.clone())
            })
            .collect();
        pending.sort();
        // Names given in the config claim first, then names the payloads
        // state (`"object": "address"`), wherever they sit.
        for (_, _, sig) in &pending {
            let given = self.groups[sig]
                .0
                .over
                .as_ref()
                .and_then(|o| o.name.clone());
            if let Some(name) = given {
                let name = self.scope.claim(&naming::pascal(&name));
                self.names.insert(sig.clone(), name);
            }
        }
        for (_, _, sig) in &pending {
            if self.names.contains_key(sig) {
                continue;
            }
            let (shape, occ) = &self.groups[sig];
            let hint = occ.iter().find_map(|o| shape.hint(&o.key));
            if let Some(h) = hint {
                let name = naming::pascal(&h);
                if !self.scope.is_taken(&name) {
                    let name = self.scope.claim(&name);
                    self.names.insert(sig.clone(), name);
                }
            }
        }
        for (_, _, sig) in &pending {
            if self.names.contains_key(sig) {
                continue;
            }
            let (shape, occ) = &self.groups[sig];
            let first = &occ[0];
            let parent_name = first
                .parent
                .as_ref()
                .and_then(|p| self.names.get(p))
                .cloned()
                .unwrap_or_default();
            let keys: Vec<&str> = occ.iter().map(|o| o.key.as_str()).collect();
            let base = shape.hint(&first.key).unwrap_or_else(|| common_name(&keys));
            let mut name = naming::pascal(&base);
            if GENERIC_NAMES.contains(&base.as_str()) || self.scope.is_taken(&name) {
                name = format!("{parent_name}{name}");
            }
            let name = self.scope.claim(&name);
            self.names.insert(sig.clone(), name);
        }
    }

    /// The group a struct shape belongs to: the shapes with its member
    /// names, split where their members' kinds conflict (a `from` that is a
    /// boolean here and a string there is two types, not one whose `from`
    /// is either). The group that holds this very place where there is one
    /// (`place`; then `true`: the place is among its occurrences), else the
    /// first whose kinds agree, else a new one.
    fn group_key(&self, shape: &Shape, place: Option<*const Shape>) -> (String, bool) {
        if let Some(key) = place.and_then(|p| self.placed.get(&p)) {
            return (key.clone(), true);
        }
        let sig = shape.signature();
        let key = |n: usize| {
            if n == 0 {
                sig.clone()
            } else {
                format!("{sig}#{n}")
            }
        };
        for n in 0.. {
            match self.groups.get(&key(n)) {
                Some((merged, _)) if !kinds_conflict(merged, shape) => return (key(n), false),
                Some(_) => {}
                None => return (key(n), false),
            }
        }
        unreachable!("a free key is found")
    }

    /// The type name for a struct shape, naming it now if no occurrence had
    /// exactly this member set.
    pub(super) fn struct_name(&mut self, shape: &Shape, key: &str, parent: &str) -> String {
        let (sig, known) = self.group_key(shape, Some(std::ptr::from_ref(shape)));
        if let Some(name) = self.names.get(&sig).cloned() {
            if self.emitted.insert(sig.clone()) {
                let merged = self
                    .groups
                    .get(&sig)
                    .map_or_else(|| Merged::Many(Rc::new(shape.clone())), |g| g.0.clone());
                self.queue.push((name.clone(), merged));
            }
            // The type serves this place too. When it is not one of the
            // occurrences the type was built from (a child of a merged
            // parent), what it shows is settled once every struct is built.
            if !known {
                self.also_at.push((name.clone(), shape.clone()));
            }
            return name;
        }
        let given = shape.over.as_ref().and_then(|o| o.name.clone());
        let base = given
            .clone()
            .or_else(|| shape.hint(key))
            .unwrap_or_else(|| key.to_owned());
        let mut name = naming::pascal(&base);
        if given.is_none() && (GENERIC_NAMES.contains(&base.as_str()) || self.scope.is_taken(&name))
        {
            name = format!("{parent}{name}");
        }
        let name = self.scope.claim(&name);
        self.names.insert(sig.clone(), name.clone());
        self.emitted.insert(sig);
        self.queue
            .push((name.clone(), Merged::Many(Rc::new(shape.clone()))));
        name
    }
}

/// Whether two shapes of the same member names hold, under one name,
/// values of kinds that never meet (a string here, a boolean there, by the
/// examples or the table's rows; `null` meets anything), or state different
/// kinds of object (`"object": "charge"` and `"object": "invoice"`), or are
/// wrappers of objects that share no member.
fn kinds_conflict(a: &Shape, b: &Shape) -> bool {
    // What the examples show, and what the table's rows say: a row's
    // `string` no example fills is a string all the same, and a place the
    // rows give members (`from[admin]`) is an object.
    let kinds = |s: &Shape| -> u8 {
        let said = match s.doc_type() {
            Some(DocType::String) => 1,
            Some(DocType::Integer | DocType::Number) => 1 << 1,
            Some(DocType::Boolean) => 1 << 2,
            Some(DocType::Object) => 1 << 3,
            Some(DocType::Array(_)) => 1 << 4,
            Some(DocType::Any) | None => 0,
        };
        said | u8::from(s.strings > 0)
            | u8::from(s.ints + s.floats > 0) << 1
            | u8::from(s.bools > 0) << 2
            | u8::from(s.objects > 0 || !s.fields.is_empty()) << 3
            | u8::from(s.arrays > 0 || s.items.is_some()) << 4
    };
    // Wide objects are looked up by name, not scanned for each member.
    let index: Option<crate::hash::Map<&str, &Shape>> =
        (b.fields.len() > 32).then(|| b.fields.iter().map(|(k, s)| (k.as_str(), s)).collect());
    let find = |key: &str| match &index {
        Some(index) => index.get(key).copied(),
        None => b.fields.iter().find(|(k, _)| k == key).map(|(_, s)| s),
    };
    let thin = a.fields.len() <= WRAPPER_MEMBERS;
    a.fields.iter().any(|(key, ca)| {
        let Some(cb) = find(key) else {
            return false;
        };
        let (ka, kb) = (kinds(ca), kinds(cb));
        let differ = |a: Option<&str>, b: Option<&str>| a.is_some() && b.is_some() && a != b;
        // Here (`"object": "charge"`), or one level down, where a wrapper
        // (`{"object": {"object": "charge", …}}`) holds different things.
        (ka != 0 && kb != 0 && ka & kb == 0)
            || (key == "object" && differ(stated(ca), stated(cb)))
            || differ(stated_object(ca), stated_object(cb))
            || (thin && unrelated(ca, cb))
            || (thin && matches!((&ca.items, &cb.items), (Some(ia), Some(ib)) if unrelated(ia, ib)))
    })
}

/// Members at most a wrapper has (`{"from": …}`, `{"object": …, "id": …}`):
/// what it holds is what it is.
const WRAPPER_MEMBERS: usize = 2;

/// Whether two objects under one name share no member at all: a category
/// here (`{"from": {"slug", "emoji", …}}`), an owner there (`{"from":
/// {"user"}}`). Two wrappers agree only if what they hold agrees too;
/// shared, each would make the other's every member optional. (A wider
/// object is one thing by its many members, and a member that holds other
/// keys each time is a bag of them, such as `metadata`.)
fn unrelated(a: &Shape, b: &Shape) -> bool {
    let members = |s: &Shape| s.objects > 0 && !s.fields.is_empty();
    if !members(a) || !members(b) {
        return false;
    }
    // Only wrappers ask, so a set of one side's names is cheap, and a wide
    // object is not scanned for each member of the other.
    let names: crate::hash::Set<&str> = a.fields.iter().map(|(k, _)| k.as_str()).collect();
    !b.fields.iter().any(|(key, _)| names.contains(key.as_str()))
}

/// The one value a place shows, as a string.
fn stated(s: &Shape) -> Option<&str> {
    match s.str_values.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// What an object says it is: its `object` member's one value.
fn stated_object(s: &Shape) -> Option<&str> {
    s.fields
        .iter()
        .find(|(k, _)| k == "object")
        .and_then(|(_, c)| stated(c))
}

/// The longest run of trailing words the names share (`old_line_item`,
/// `new_line_item` → `line_item`), else the most common, shortest name.
fn common_name(keys: &[&str]) -> String {
    let split: Vec<Vec<&str>> = keys.iter().map(|k| k.split('_').collect()).collect();
    let mut common: Vec<&str> = Vec::new();
    'outer: for i in 1.. {
        let mut word = None;
        for w in &split {
            if w.len() < i {
                break 'outer;
            }
            let cur = w[w.len() - i];
            match word {
                None => word = Some(cur),
                Some(x) if x == cur => {}
                Some(_) => break 'outer,
            }
        }
        match word {
            Some(w) => common.insert(0, w),
            None => break,
        }
    }
    let only_generic = common.len() == 1 && GENERIC_NAMES.contains(&common[0]);
    if !common.is_empty() && !only_generic {
        return common.join("_");
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for k in keys {
        *counts.entry(k).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(b.0.len().cmp(&a.0.len()))
                .then(b.0.cmp(a.0))
        })
        .map(|(k, _)| k.to_owned())
        .unwrap_or_default()
}

pub(super) fn root_key(name: &str) -> String {
    format!("root:{name}")
}

#[cfg(test)]
mod tests {

    use crate::infer::testing::*;

    #[test]
    fn one_type_for_a_repeated_shape_even_when_its_children_differ() {
        // `x` and `y` share a member set, so they are one type; its `o` then
        // holds the members of both `o`s, a shape no single example shows.
        let v = infer_page(
            "{\"type\": \"a.b\", \"x\": {\"o\": {\"id\": 0, \"a\": 1}}, \"y\": {\"o\": {\"id\": 0, \"b\": 2}}}\n",
        );
        assert_eq!(fields(&v, "VEvent"), ["type", "x", "y"]);
        assert_eq!(fields(&v, "X"), ["o"]);
        let o: Vec<Vec<String>> = v
            .types
            .iter()
            .map(fields_of)
            .filter(|f| f.contains(&"a".to_owned()) || f.contains(&"b".to_owned()))
            .collect();
        assert_eq!(o, [["id", "a", "b"]], "only the merged `o` is a type");
    }

    /// `changes.category` and `changes.owner` both hold `from`, a category
    /// in one and `{user}` in the other: two wrappers of things that share
    /// no member are two types, and the category's members stay required.
    /// A wide object whose bag of extra keys differs is still one type.
    #[test]
    fn wrappers_of_objects_that_share_no_member_are_not_one_type() {
        let v = infer_page(
            "{\"type\": \"a.b\", \"changes\": {\"category\": {\"from\": {\"slug\": \"q\", \"emoji\": \":x:\", \"name\": \"Q\"}}, \"owner\": {\"from\": {\"user\": {\"login\": \"o\"}}}}, \
              \"x\": {\"id\": 1, \"name\": \"n\", \"metadata\": {\"a\": 1}}, \"y\": {\"id\": 2, \"name\": \"m\", \"metadata\": {\"b\": 2}}}\n",
        );
        let wrappers = v.types.iter().filter(|t| fields_of(t) == ["from"]).count();
        assert_eq!(
            wrappers,
            2,
            "{:?}",
            v.types.iter().map(fields_of).collect::<Vec<_>>()
        );
        let category = v
            .types
            .iter()
            .find_map(|t| match t {
                crate::ir::TypeDef::Struct(s) if fields_of(t) == ["slug", "emoji", "name"] => {
                    Some(s)
                }
                _ => None,
            })
            .expect("the category is a type of its own");
        assert!(category.fields.iter().all(|f| f.required), "{category:?}");
        let wide = v
            .types
            .iter()
            .filter(|t| fields_of(t) == ["id", "name", "metadata"])
            .count();
        assert_eq!(wide, 1, "x and y stay one type");
    }

    /// `changes.<x>` objects all hold `from`, a boolean in one and a string
    /// in another: two types, each typed; a `from` seen only as null joins
    /// either.
    #[test]
    fn shapes_whose_members_conflict_in_kind_are_not_one_type() {
        let v = infer_page(
            "{\"type\": \"a.b\", \"changes\": {\"enforced\": {\"from\": true}, \"level\": {\"from\": \"off\"}, \"note\": {\"from\": null}}}\n",
        );
        let from_types: Vec<(String, crate::ir::Ty)> = v
            .types
            .iter()
            .filter_map(|t| match t {
                crate::ir::TypeDef::Struct(s)
                    if s.fields.len() == 1 && s.fields[0].name == "from" =>
                {
                    Some((s.name.clone(), s.fields[0].ty.clone()))
                }
                _ => None,
            })
            .collect();
        assert_eq!(from_types.len(), 2, "{from_types:?}");
        let kinds: Vec<&crate::ir::Ty> = from_types.iter().map(|(_, t)| t).collect();
        assert!(kinds.contains(&&crate::ir::Ty::Boolean), "{kinds:?}");
        assert!(
            kinds.contains(&&crate::ir::Ty::String { format: None }),
            "{kinds:?}"
        );
    }

    /// The table's rows count as much as the examples: `changes[title][from]`
    /// a `string` no example shows, `changes[level][from][admin]` members of
    /// an object, `enforced.from` a boolean in the example. Three types,
    /// each typed; shared, `from` was any JSON value.
    #[test]
    fn what_the_rows_say_keeps_shapes_apart_as_examples_do() {
        let v = infer_page(
            "# a.b\n\nKey | Type | Description\n--- | --- | ---\n\
             `changes[title][from]` | `string` | The title before.\n\
             `changes[level][from][admin]` | `boolean` | Admin before.\n\n\
             ```json\n{\"type\": \"a.b\", \"changes\": {\"enforced\": {\"from\": true}}}\n```\n",
        );
        let mut from: Vec<String> = v
            .types
            .iter()
            .filter_map(|t| match t {
                crate::ir::TypeDef::Struct(s) if fields_of(t) == ["from"] => {
                    Some(format!("{:?}", s.fields[0].ty))
                }
                _ => None,
            })
            .collect();
        from.sort();
        assert_eq!(from.len(), 3, "{from:?}");
        assert!(from[0].starts_with("Boolean"), "{from:?}");
        assert!(from[1].starts_with("Named"), "{from:?}");
        assert!(from[2].starts_with("String"), "{from:?}");
    }

    /// A payments vendor's `data: {object}` wrapper around a charge here and
    /// an invoice there is two types, not one struct of both.
    #[test]
    fn wrappers_of_different_stated_objects_are_not_one_type() {
        let v = infer_page(
            "{\"type\": \"charge.paid\", \"data\": {\"object\": {\"object\": \"charge\", \"id\": \"ch_1\", \"amount\": 5}}}\n\n\
             {\"type\": \"invoice.paid\", \"data\": {\"object\": {\"object\": \"invoice\", \"id\": \"in_1\", \"total\": 5}}}\n",
        );
        let wrappers = v
            .types
            .iter()
            .filter(|t| fields_of(t) == ["object"])
            .count();
        assert_eq!(
            wrappers,
            2,
            "{:#?}",
            v.types
                .iter()
                .map(|t| (t.name(), fields_of(t)))
                .collect::<Vec<_>>()
        );
    }
}
