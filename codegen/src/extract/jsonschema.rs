//! A JSON Schema on a page is schema evidence, not an example.
//!
//! Read as an example, `{"type": "object", "properties": {"id": {"type":
//! "string"}}}` makes a payload with fields named `type` and `properties`.
//! Read as a schema, it gives a field row per property: its type, format,
//! whether `required` names it, whether `null` is allowed, its enum, its
//! description and example, nested objects and array items included, with
//! local `$ref`s (`#/$defs/…`, `#/definitions/…`, `#/components/schemas/…`)
//! followed.

use super::vocab::{self, DocType};
use super::{EnumValues, FieldRow};
use crate::diag::Source;
use crate::lenient::{Kind, Node};

/// JSON Schema's type names: a `type` holding anything else is a payload's
/// own field.
const TYPES: &[&str] = &[
    "string", "integer", "number", "boolean", "object", "array", "null",
];

/// How deep `$ref`s and nesting are followed (schemas may refer to
/// themselves).
const MAX_DEPTH: usize = 24;

/// Whether a document is a JSON Schema: it names its dialect (`$schema`), or
/// it is an object type whose `properties` are all schemas themselves.
pub fn is_schema(node: &Node) -> bool {
    let Some(root) = node.as_object() else {
        return false;
    };
    let dialect = root
        .iter()
        .any(|e| e.key == "$schema" && e.value.as_str().is_some_and(|s| s.contains("json-schema")));
    let Some(props) = node.get("properties").and_then(Node::as_object) else {
        return dialect;
    };
    let typed = node.get("type").and_then(Node::as_str) == Some("object")
        || node
            .get("required")
            .is_some_and(|r| matches!(r.kind, Kind::Array(_)));
    dialect || (typed && !props.is_empty() && props.iter().all(|p| is_subschema(&p.value)))
}

/// A property's schema: an object with a JSON Schema type, a `$ref`, an
/// `enum` or a combinator.
fn is_subschema(node: &Node) -> bool {
    let Some(entries) = node.as_object() else {
        return false;
    };
    entries.iter().any(|e| match e.key.as_str() {
        "type" => type_names(&e.value).is_some(),
        "$ref" => e.value.as_str().is_some(),
        "enum" | "oneOf" | "anyOf" | "allOf" => matches!(e.value.kind, Kind::Array(_)),
        _ => false,
    })
}

/// `"string"` or `["string", "null"]`, if every name is JSON Schema's.
fn type_names(node: &Node) -> Option<Vec<&str>> {
    let names: Vec<&str> = match &node.kind {
        Kind::String(s) => vec![s.as_str()],
        Kind::Array(items) => items.iter().map(Node::as_str).collect::<Option<_>>()?,
        _ => return None,
    };
    names.iter().all(|n| TYPES.contains(n)).then_some(names)
}

/// The most rows one schema gives: `$ref`s can fan out exponentially.
const MAX_ROWS: usize = 10_000;

/// The field rows a schema gives, parents before their children. A schema
/// that refers to itself (a tree of comments) is walked once.
pub fn rows(src: &Source, root: &Node) -> Vec<FieldRow> {
    let mut out = Vec::new();
    walk(src, root, root, &[], &mut out, &mut Vec::new());
    out
}

/// `node` with its `$ref` followed, if it has one that resolves locally.
fn resolved<'a>(root: &'a Node, node: &'a Node, depth: usize) -> &'a Node {
    let Some(target) = node.get("$ref").and_then(Node::as_str) else {
        return node;
    };
    if depth >= MAX_DEPTH {
        return node;
    }
    if target == "#" {
        return root;
    }
    let Some(pointer) = target.strip_prefix("#/") else {
        return node;
    };
    let mut at = root;
    for seg in pointer.split('/') {
        let seg = seg.replace("~1", "/").replace("~0", "~");
        match at.get(&seg) {
            Some(next) => at = next,
            None => return node,
        }
    }
    resolved(root, at, depth + 1)
}

/// Rows for the properties of the object schema `node`, under `path`.
/// `within`: where the object schemas being walked start, so that one
/// inside itself is not walked again.
fn walk(
    src: &Source,
    root: &Node,
    node: &Node,
    path: &[String],
    out: &mut Vec<FieldRow>,
    within: &mut Vec<usize>,
) {
    let depth = within.len();
    let node = resolved(root, node, depth);
    if depth >= MAX_DEPTH || out.len() >= MAX_ROWS || within.contains(&node.start) {
        return;
    }
    within.push(node.start);
    let required: Vec<&str> = match node.get("required").map(|r| &r.kind) {
        Some(Kind::Array(items)) => items.iter().filter_map(Node::as_str).collect(),
        _ => Vec::new(),
    };
    let props = node.get("properties").and_then(Node::as_object);
    for prop in props.unwrap_or_default() {
        if out.len() >= MAX_ROWS {
            break;
        }
        let Some(p) = vocab::field_path(&prop.key).filter(|p| p.len() == 1) else {
            continue;
        };
        let mut path = path.to_vec();
        path.extend(p);
        let (schema, nullable) = variant(root, &prop.value, depth);
        let mut row = FieldRow {
            path: path.clone(),
            ty: None,
            format: None,
            required: Some(required.contains(&prop.key.as_str())),
            nullable: nullable.then_some(true),
            description: schema
                .get("description")
                .and_then(Node::as_str)
                .unwrap_or_default()
                .to_owned(),
            values: None,
            example: schema
                .get("example")
                .or_else(|| match schema.get("examples").map(|e| &e.kind) {
                    Some(Kind::Array(items)) => items.first(),
                    _ => None,
                })
                .map(Node::to_value),
            loc: src.loc(prop.key_start),
            list_open: false,
            enum_class: None,
            section: None,
        };
        row.ty = doc_type(root, schema, depth);
        if schema
            .get("nullable")
            .is_some_and(|n| matches!(n.kind, Kind::Bool(true)))
        {
            row.nullable = Some(true);
        }
        row.format = schema
            .get("format")
            .and_then(Node::as_str)
            .and_then(vocab::format_word);
        row.values = enum_values(schema);
        if row.ty.is_none() && row.values.is_some() {
            row.ty = Some(match row.values {
                Some(EnumValues::Strings(_)) => DocType::String,
                _ => DocType::Integer,
            });
        }
        let is_array = matches!(row.ty, Some(DocType::Array(_)));
        out.push(row);
        // An object's fields, and the fields of an array's items, under
        // the same path (a row path steps into array items by itself).
        let inner = if is_array {
            schema.get("items").map(|i| variant(root, i, depth).0)
        } else {
            Some(schema)
        };
        if let Some(inner) = inner {
            walk(src, root, inner, &path, out, within);
        }
    }
    within.pop();
}

/// The schema a property holds, its `$ref` followed and a `null` variant of
/// `oneOf`/`anyOf` taken as "nullable"; whether null is allowed.
fn variant<'a>(root: &'a Node, node: &'a Node, depth: usize) -> (&'a Node, bool) {
    let node = resolved(root, node, depth);
    let nullable_type = node
        .get("type")
        .and_then(type_names)
        .is_some_and(|t| t.contains(&"null"));
    for key in ["oneOf", "anyOf"] {
        let Some(Kind::Array(options)) = node.get(key).map(|o| &o.kind) else {
            continue;
        };
        let is_null = |o: &Node| o.get("type").and_then(Node::as_str) == Some("null");
        let nullable = options.iter().any(is_null);
        let rest: Vec<&Node> = options.iter().filter(|o| !is_null(o)).collect();
        if let [one] = rest[..] {
            return (resolved(root, one, depth), nullable || nullable_type);
        }
        return (node, nullable || nullable_type);
    }
    (node, nullable_type)
}

/// The type a schema names (`null` aside), arrays with their items'.
fn doc_type(root: &Node, schema: &Node, depth: usize) -> Option<DocType> {
    let names = schema.get("type").and_then(type_names)?;
    let names: Vec<&str> = names.into_iter().filter(|n| *n != "null").collect();
    let [one] = names[..] else {
        return (!names.is_empty()).then_some(DocType::Any);
    };
    Some(match one {
        "string" => DocType::String,
        "integer" => DocType::Integer,
        "number" => DocType::Number,
        "boolean" => DocType::Boolean,
        "object" => DocType::Object,
        "array" => {
            let items = schema
                .get("items")
                .map(|i| variant(root, i, depth).0)
                .and_then(|i| {
                    if depth < MAX_DEPTH {
                        doc_type(root, i, depth + 1)
                    } else {
                        None
                    }
                });
            DocType::Array(items.map(Box::new))
        }
        _ => return None,
    })
}

/// `"enum": ["a", "b"]` (a `null` in it says nullable, not a value), or
/// `"const": "a"`.
fn enum_values(schema: &Node) -> Option<EnumValues> {
    let items: Vec<&Node> = match schema.get("enum").map(|e| &e.kind) {
        Some(Kind::Array(items)) => items.iter().collect(),
        _ => schema.get("const").into_iter().collect(),
    };
    let items: Vec<&Node> = items
        .into_iter()
        .filter(|i| !matches!(i.kind, Kind::Null))
        .collect();
    if items.is_empty() {
        return None;
    }
    if let Some(s) = items.iter().map(|i| i.as_str()).collect::<Option<Vec<_>>>() {
        return Some(EnumValues::Strings(
            s.into_iter().map(str::to_owned).collect(),
        ));
    }
    let ints: Option<Vec<i64>> = items
        .iter()
        .map(|i| match &i.kind {
            Kind::Number(n) => n.parse().ok(),
            _ => None,
        })
        .collect();
    ints.map(EnumValues::Integers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lenient;

    fn read(text: &str) -> Option<Vec<String>> {
        let src = Source::new("p.md", text);
        let node = lenient::parse_at(text, 0).unwrap().node;
        is_schema(&node).then(|| {
            rows(&src, &node)
                .iter()
                .map(|r| {
                    format!(
                        "{} {:?} req={:?} null={:?} {:?} {:?}",
                        r.path.join("."),
                        r.ty,
                        r.required,
                        r.nullable,
                        r.format,
                        r.values
                    )
                })
                .collect()
        })
    }

    #[test]
    fn a_schema_gives_rows() {
        let rows = read(
            r##"{"type": "object", "required": ["id", "lines"],
              "properties": {
                "id": {"type": "string", "format": "uuid"},
                "note": {"type": ["string", "null"]},
                "status": {"enum": ["paid", "void", null]},
                "lines": {"type": "array", "items": {"$ref": "#/$defs/line"}},
                "owner": {"anyOf": [{"$ref": "#/$defs/line"}, {"type": "null"}]}
              },
              "$defs": {"line": {"type": "object", "required": ["sku"],
                "properties": {"sku": {"type": "string"}, "qty": {"type": "integer"}}}}}"##,
        )
        .unwrap();
        assert_eq!(
            rows,
            [
                "id Some(String) req=Some(true) null=None Some(Uuid) None",
                "note Some(String) req=Some(false) null=Some(true) None None",
                "status Some(String) req=Some(false) null=None None Some(Strings([\"paid\", \"void\"]))",
                "lines Some(Array(Some(Object))) req=Some(true) null=None None None",
                "lines.sku Some(String) req=Some(true) null=None None None",
                "lines.qty Some(Integer) req=Some(false) null=None None None",
                "owner Some(Object) req=Some(false) null=Some(true) None None",
                "owner.sku Some(String) req=Some(true) null=None None None",
                "owner.qty Some(Integer) req=Some(false) null=None None None",
            ]
        );
    }

    #[test]
    fn payloads_with_schema_words_are_no_schemas() {
        for payload in [
            r#"{"type": "object", "properties": {"plan": "pro"}}"#,
            r#"{"type": "contact", "properties": {"email": {"value": "a@b.c"}}}"#,
            r#"{"object": "event", "type": "card.created", "properties": {"a": {"type": "card"}}}"#,
        ] {
            assert_eq!(read(payload), None, "{payload}");
        }
        // A self-reference stops.
        let rows = read(
            r##"{"type": "object", "properties": {"child": {"$ref": "#"}, "id": {"type": "string"}}}"##,
        )
        .unwrap();
        assert_eq!(rows.len(), 2, "{rows:?}");
    }
}
