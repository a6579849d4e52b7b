//! The schema IR: what `infer` concluded, as plain data.
//!
//! Language-neutral (type names are PascalCase, field names are wire names),
//! serializable for snapshots, drift reports and schema export, and every
//! node says which page line it came from.

use serde::{Deserialize, Serialize};

use crate::diag::Loc;
use crate::extract::Format;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Schema {
    pub vendors: Vec<Vendor>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Vendor {
    /// The folder name under `specs/`; also the module and feature name.
    pub name: String,
    pub discriminator: Option<Discriminator>,
    /// Sorted by event type.
    pub events: Vec<Event>,
    /// Sorted by name.
    pub types: Vec<TypeDef>,
}

/// Where the event type travels in the body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Discriminator {
    /// Field paths whose string values, joined by `separator`, form the type.
    pub fields: Vec<Vec<String>>,
    pub separator: String,
    /// The HTTP header that carries the type, when no body field does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    /// The URL path that carries the type, when no body field or header
    /// does: `/webhooks/{event}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub source: Option<Loc>,
}

/// The step of a field path into an array's items (the first item, where
/// one value is read): `notificationItems[].eventCode` is
/// `["notificationItems", "[]", "eventCode"]`.
pub const ITEMS: &str = "[]";

/// A field path as written: `data.events[].eventType`.
pub fn path_text(path: &[impl AsRef<str>]) -> String {
    let mut out = String::new();
    for seg in path {
        let seg = seg.as_ref();
        if !out.is_empty() && seg != ITEMS {
            out.push('.');
        }
        out.push_str(seg);
    }
    out
}

/// A field path from its text: `data.events[].eventType`, `type`.
pub fn parse_path(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for seg in text.split('.') {
        let mut seg = seg;
        let mut items = 0;
        while let Some(s) = seg.strip_suffix(ITEMS) {
            seg = s;
            items += 1;
        }
        out.push(seg.to_owned());
        out.extend(std::iter::repeat_n(ITEMS.to_owned(), items));
    }
    out
}

impl Discriminator {
    /// The type is in these body fields, joined by `.`.
    pub fn in_body(fields: Vec<Vec<String>>, source: Option<Loc>) -> Discriminator {
        Discriminator {
            fields,
            separator: ".".to_owned(),
            header: None,
            url: None,
            source,
        }
    }

    /// The type travels only in this HTTP header.
    pub fn in_header(header: String, source: Option<Loc>) -> Discriminator {
        Discriminator {
            fields: vec![],
            separator: ".".to_owned(),
            header: Some(header),
            url: None,
            source,
        }
    }

    /// The type travels only in the URL the webhook is sent to.
    pub fn in_url(url: String, source: Option<Loc>) -> Discriminator {
        Discriminator {
            fields: vec![],
            separator: ".".to_owned(),
            header: None,
            url: Some(url),
            source,
        }
    }

    /// Where the type travels when not in the body: "the `X-Event` header".
    pub fn outside_body(&self) -> Option<String> {
        if !self.fields.is_empty() {
            return None;
        }
        match (&self.header, &self.url) {
            (Some(h), _) => Some(format!("the `{h}` header")),
            (None, Some(u)) => Some(format!("the URL path (`{u}`)")),
            (None, None) => Some("a header or the URL".to_owned()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The event type as it appears on the wire: `customer.updated`.
    pub name: String,
    pub description: Option<String>,
    /// The payload type, when the docs show one.
    pub payload: Option<String>,
    pub source: Loc,
    /// Example payloads for this event, as read from the pages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Loc>,
    /// A digest of the pages that document this event (list it, or hold
    /// its examples): `drift` tells an event whose own pages changed from
    /// one whose payload changed only through a type it shares. Not in the
    /// committed IR (a doc edit would touch it: `emit::committed`); `drift`
    /// reads the pages.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub pages: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TypeDef {
    Struct(Struct),
    Enum(Enum),
    Union(Union),
}

impl TypeDef {
    pub fn name(&self) -> &str {
        match self {
            TypeDef::Struct(s) => &s.name,
            TypeDef::Enum(e) => &e.name,
            TypeDef::Union(u) => &u.name,
        }
    }
}

/// A field the examples show in several kinds of JSON value (an integer
/// here, a string there): one variant per kind seen, tried in order, and
/// any other value kept as it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Union {
    pub name: String,
    pub description: Option<String>,
    /// Distinct JSON kinds: `Boolean`, `Integer` or `Number`, `String`,
    /// `Array`, `Map`, in that order.
    pub variants: Vec<Ty>,
    pub source: Loc,
}

/// The variant name for one kind of a [`Union`].
pub fn union_variant(t: &Ty) -> &'static str {
    match t.read_as() {
        Ty::Boolean => "Boolean",
        Ty::Integer { .. } => "Integer",
        Ty::Number => "Number",
        Ty::String { .. } => "String",
        Ty::Array { .. } => "Array",
        Ty::Map { .. } | Ty::Named { .. } => "Object",
        Ty::Any | Ty::Nullable { .. } => "Other",
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Struct {
    pub name: String,
    pub description: Option<String>,
    pub fields: Vec<Field>,
    pub source: Loc,
    /// This payload is an instance of a generic envelope that several
    /// events share: the same fields, but for one whose type varies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope: Option<EnvelopeOf>,
}

/// `InvoicePaid` is `Envelope<InvoicePaidData>`: the generic type, and the
/// field that holds the type parameter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EnvelopeOf {
    pub generic: String,
    pub field: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// The JSON key.
    pub name: String,
    pub ty: Ty,
    /// Always present: marked required, carries the event type, or present in
    /// every occurrence across enough example payloads.
    pub required: bool,
    /// Seen null in an example, or marked nullable.
    pub nullable: bool,
    /// The Rust type holds the field to `required` and `nullable`: a page's
    /// marker, the config or the event type promises them. When only samples
    /// show them, the field stays `Maybe<T>`: a payload the samples did not
    /// foresee still parses.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub strict: bool,
    /// The doc names the field (a table row, a schema on a page, an
    /// override): it is part of what the vendor promises, not only of what
    /// its examples show.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub documented: bool,
    /// The doc gives its type (a row's type, an override's).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub typed_by_doc: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A value from an example or the table's example column, as JSON text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    pub source: Loc,
    /// The evidence behind the type, presence and nullability, one line each
    /// (`type: …`, `presence: …`, `nullability: …`), for `hookgen explain`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub why: Vec<String>,
}

/// How the generated crate holds a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repr {
    /// `T`: required and never null, as promised.
    Plain,
    /// `Option<T>`: required, may be null.
    Option,
    /// `Maybe<T>`: absent, null or a value.
    Maybe,
}

impl Field {
    pub fn repr(&self) -> Repr {
        match (self.strict && self.required, self.nullable) {
            (true, false) => Repr::Plain,
            (true, true) => Repr::Option,
            (false, _) => Repr::Maybe,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Ty {
    String {
        #[serde(skip_serializing_if = "Option::is_none")]
        format: Option<Format>,
    },
    Integer {
        #[serde(skip_serializing_if = "Option::is_none")]
        format: Option<Format>,
        /// Documented bounds, such as `Options: 1 - 46`.
        #[serde(skip_serializing_if = "Option::is_none")]
        range: Option<(i64, i64)>,
        /// Only examples show integers here (`199`); no page promises one,
        /// and a later payload may send `89.99`: read as a [`Ty::Number`]
        /// (see [`Ty::read_as`]), by the crate and its JSON Schema alike.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        from_samples: bool,
    },
    Number,
    Boolean,
    /// Any JSON value: nothing shows what the field holds.
    Any,
    Array {
        items: Box<Ty>,
        /// Only `[]` is shown here, with no word on the page: no proof of a
        /// list (an encoder may send `[]` for an empty object), so read as
        /// any JSON value (see [`Ty::read_as`]).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        only_empty: bool,
    },
    /// An object with free-form keys.
    Map {
        values: Box<Ty>,
    },
    /// A struct or enum defined in the vendor's `types`.
    Named {
        name: String,
    },
    /// A value that may be null where no field says so: array items.
    Nullable {
        inner: Box<Ty>,
    },
}

/// What a kind the examples alone show is read as: an integer as the
/// number it may turn out to be, an empty list as any value.
static NUMBER: Ty = Ty::Number;
static ANY: Ty = Ty::Any;

impl Ty {
    /// The type a payload's value is read as: an integer only examples show
    /// is a `Number`, a list only ever shown empty any JSON value; any other
    /// type is itself. The IR keeps what the examples show; the crate, its
    /// JSON Schema and drift read this.
    pub fn read_as(&self) -> &Ty {
        match self {
            Ty::Integer {
                from_samples: true, ..
            } => &NUMBER,
            Ty::Array {
                only_empty: true, ..
            } => &ANY,
            t => t,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Enum {
    pub name: String,
    pub description: Option<String>,
    pub values: EnumValues,
    pub source: Loc,
    /// The values are what the examples show, not a documented list.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_samples: bool,
}

/// Documented values; enums are always open, so others are accepted too.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnumValues {
    Strings(Vec<String>),
    /// Integer values with the label a parallel display field gives each.
    Integers(Vec<(i64, Option<String>)>),
}
