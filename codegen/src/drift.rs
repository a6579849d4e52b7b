//! Two schema IRs → what changed, judged from the side of code that uses the
//! generated crate.
//!
//! Payloads are compared event by event, walking each payload by field path
//! (type names may change when a shape is renamed or shared; paths are what
//! consumers read). A change found in a type several events share is
//! reported once, naming every event.
//!
//! Severity, given that every generated type is `#[non_exhaustive]`, structs
//! keep unknown fields in `extra` and enums keep unknown values in `Unknown`:
//! - breaking: code that compiled stops compiling (a Rust type, field,
//!   variant or enum value changes or goes), or payloads that parsed fail;
//! - warning: code compiles and payloads parse, but values move (from
//!   `Event::Unknown` or `Unknown(..)` into a new variant, from `extra` into a
//!   field) or may now be null;
//! - info: documentation only.
//!
//! Verdict for `webhook-models`: major if anything breaks, minor if anything
//! is added or moves, patch if only documentation changes.
//!
//! Each change also says what changed on the vendor's side ([`Basis`]): the
//! doc's contract (its event list, tables, documented types and values,
//! markers), or only the evidence of its examples (a field, type, value or
//! presence that no table promises on either side), where the wire may be
//! as it was. And where a shared type carries a change to events whose own
//! pages did not change, it names them (`via_shared_type`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;

use crate::diag::Loc;
use crate::extract::Format;
use crate::ir::{self, Ty};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Breaking,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Kind {
    VendorAdded,
    VendorRemoved,
    EventAdded,
    EventRemoved,
    PayloadDocumented,
    PayloadUndocumented,
    FieldAdded,
    FieldRemoved,
    FieldRenamed {
        from: String,
        to: String,
    },
    TypeChanged {
        from: String,
        to: String,
    },
    TypeWidened {
        from: String,
        to: String,
    },
    TypeNarrowed {
        from: String,
        to: String,
    },
    BecameOptional,
    BecameRequired,
    BecameNullable,
    /// The Rust type changed (`Maybe<T>` to `T`, say) while the IR's
    /// presence and nullability did not: the doc now promises, or no
    /// longer promises, what the examples showed.
    RustTypeChanged {
        from: String,
        to: String,
    },
    StoppedBeingNullable,
    EnumValueAdded {
        value: String,
    },
    EnumValueRemoved {
        value: String,
    },
    FormatChanged {
        from: Option<String>,
        to: Option<String>,
    },
    DescriptionChanged,
}

/// What a change is a change of, on the vendor's side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// What the doc promises changed: its event list, a table's field,
    /// type or marker, a documented list of values, its prose.
    Contract,
    /// Only what its examples show changed; the doc promises neither side,
    /// so the wire may be as it was.
    Evidence,
}

#[derive(Clone, Debug, Serialize)]
pub struct Change {
    pub vendor: String,
    /// The events whose payloads change this way (empty for a vendor).
    pub events: Vec<String>,
    /// Those of `events` whose own pages did not change: the change reaches
    /// them through a type they share with the others.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub via_shared_type: Vec<String>,
    /// The JSON path within the payload (`data.object.email`); empty for an
    /// event or vendor.
    pub path: String,
    #[serde(flatten)]
    pub kind: Kind,
    pub severity: Severity,
    pub basis: Basis,
    /// Why, in one line, from the consumer's side.
    pub why: String,
    pub old: Option<Loc>,
    pub new: Option<Loc>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    None,
    Patch,
    Minor,
    Major,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub verdict: Verdict,
    /// The changes that decide the verdict, as one line each.
    pub reasons: Vec<String>,
    /// Breaking first, then by vendor, event and path.
    pub changes: Vec<Change>,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.changes
            .iter()
            .filter(|c| c.severity == severity)
            .count()
    }

    /// How many changes are of the examples only (`Basis::Evidence`).
    pub fn examples_only(&self) -> usize {
        self.changes
            .iter()
            .filter(|c| c.basis == Basis::Evidence)
            .count()
    }

    /// The worst severity found, if any change was.
    pub fn worst(&self) -> Option<Severity> {
        self.changes.iter().map(|c| c.severity).max()
    }
}

/// Everything that differs between `old` and `new`.
pub fn diff(old: &ir::Schema, new: &ir::Schema) -> Report {
    let mut d = Differ::default();
    let names: BTreeSet<&str> = old
        .vendors
        .iter()
        .chain(&new.vendors)
        .map(|v| v.name.as_str())
        .collect();
    for name in names {
        let o = old.vendors.iter().find(|v| v.name == name);
        let n = new.vendors.iter().find(|v| v.name == name);
        match (o, n) {
            (None, Some(n)) => d.push(Change {
                vendor: n.name.clone(),
                events: vec![],
                via_shared_type: vec![],
                path: String::new(),
                kind: Kind::VendorAdded,
                severity: Severity::Info,
                basis: Basis::Contract,
                why: "a new module behind a new feature".to_owned(),
                old: None,
                new: n.events.first().map(|e| e.source.clone()),
            }),
            (Some(o), None) => d.push(Change {
                vendor: o.name.clone(),
                events: vec![],
                via_shared_type: vec![],
                path: String::new(),
                kind: Kind::VendorRemoved,
                severity: Severity::Breaking,
                basis: Basis::Contract,
                why: "the module and its feature are gone".to_owned(),
                old: o.events.first().map(|e| e.source.clone()),
                new: None,
            }),
            (Some(o), Some(n)) => d.vendor(o, n),
            (None, None) => {}
        }
    }
    let mut changes: Vec<Change> = d.changes.into_values().map(Change::settled).collect();
    changes.sort_by(|a, b| {
        (b.severity, &a.vendor, &a.events, &a.path, &a.kind)
            .cmp(&(a.severity, &b.vendor, &b.events, &b.path, &b.kind))
    });
    let worst = changes.iter().map(|c| c.severity).max();
    let verdict = match worst {
        Some(Severity::Breaking) => Verdict::Major,
        Some(Severity::Warning) => Verdict::Minor,
        Some(Severity::Info) if changes.iter().any(|c| matches!(c.kind, Kind::VendorAdded)) => {
            Verdict::Minor
        }
        Some(Severity::Info) => Verdict::Patch,
        None => Verdict::None,
    };
    let reasons = changes
        .iter()
        .filter(|c| Some(c.severity) == worst)
        .map(|c| format!("{}: {} [{}]", c.headline(), c.why, c.basis_label()))
        .collect();
    Report {
        verdict,
        reasons,
        changes,
    }
}

#[derive(Default)]
struct Differ {
    /// Keyed so that a change in a shared type is reported once.
    changes: BTreeMap<(String, String, Kind), Change>,
}

/// Where a walk is: the vendors on both sides and the events it serves.
struct At<'a> {
    old: &'a ir::Vendor,
    new: &'a ir::Vendor,
    event: &'a str,
    /// The pages that document this event changed (or cannot be told).
    own_pages_changed: bool,
}

impl Differ {
    fn push(&mut self, c: Change) {
        let key = (c.vendor.clone(), c.path.clone(), c.kind.clone());
        match self.changes.get_mut(&key) {
            Some(existing) => {
                for e in c.events {
                    if !existing.events.contains(&e) {
                        existing.events.push(e);
                        existing.events.sort();
                    }
                }
                for e in c.via_shared_type {
                    if !existing.via_shared_type.contains(&e) {
                        existing.via_shared_type.push(e);
                        existing.via_shared_type.sort();
                    }
                }
                // Promised on any of its places: the contract changed.
                existing.basis = existing.basis.min(c.basis);
            }
            None => {
                self.changes.insert(key, c);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn change(
        &mut self,
        at: &At,
        path: &str,
        kind: Kind,
        severity: Severity,
        basis: Basis,
        why: impl Into<String>,
        old: Option<&Loc>,
        new: Option<&Loc>,
    ) {
        let via = (!at.own_pages_changed).then(|| at.event.to_owned());
        self.push(Change {
            vendor: at.new.name.clone(),
            events: vec![at.event.to_owned()],
            via_shared_type: via.into_iter().collect(),
            path: path.to_owned(),
            kind,
            severity,
            basis,
            why: why.into(),
            old: old.cloned(),
            new: new.cloned(),
        });
    }

    fn vendor(&mut self, o: &ir::Vendor, n: &ir::Vendor) {
        let events: BTreeSet<&str> = o
            .events
            .iter()
            .chain(&n.events)
            .map(|e| e.name.as_str())
            .collect();
        for name in events {
            let oe = o.events.iter().find(|e| e.name == name);
            let ne = n.events.iter().find(|e| e.name == name);
            let at = At {
                old: o,
                new: n,
                event: name,
                own_pages_changed: match (oe, ne) {
                    (Some(a), Some(b)) => a.pages.is_empty() || a.pages != b.pages,
                    _ => true,
                },
            };
            match (oe, ne) {
                (None, Some(ne)) => self.change(
                    &at,
                    "",
                    Kind::EventAdded,
                    Severity::Warning,
                    Basis::Contract,
                    "a new variant of `Event`; bodies of this type parsed as `Event::Unknown` before",
                    None,
                    Some(&ne.source),
                ),
                (Some(oe), None) => self.change(
                    &at,
                    "",
                    Kind::EventRemoved,
                    Severity::Breaking,
                    Basis::Contract,
                    "the variant is gone: code that matches it stops compiling; such bodies now parse as `Event::Unknown`",
                    Some(&oe.source),
                    None,
                ),
                (Some(oe), Some(ne)) => {
                    if oe.description != ne.description {
                        self.change(&at, "", Kind::DescriptionChanged, Severity::Info, Basis::Contract, "documentation only", Some(&oe.source), Some(&ne.source));
                    }
                    match (&oe.payload, &ne.payload) {
                        (None, Some(_)) => self.change(
                            &at,
                            "",
                            Kind::PayloadDocumented,
                            Severity::Breaking,
                    Basis::Contract,
                            "the variant now holds a typed payload instead of `Json`",
                            Some(&oe.source),
                            Some(&ne.source),
                        ),
                        (Some(_), None) => self.change(
                            &at,
                            "",
                            Kind::PayloadUndocumented,
                            Severity::Breaking,
                    Basis::Contract,
                            "the variant now holds `Json` instead of a typed payload",
                            Some(&oe.source),
                            Some(&ne.source),
                        ),
                        (Some(op), Some(np)) => {
                            let mut seen = BTreeSet::new();
                            self.named(&at, "", op, np, Basis::Contract, &mut seen);
                        }
                        (None, None) => {}
                    }
                }
                (None, None) => {}
            }
        }
    }

    /// Compares two named types at `path`; `basis` is that of the field
    /// that holds them (whether the doc gives its type).
    fn named(
        &mut self,
        at: &At,
        path: &str,
        o: &str,
        n: &str,
        basis: Basis,
        seen: &mut BTreeSet<(String, String)>,
    ) {
        if !seen.insert((o.to_owned(), n.to_owned())) {
            return;
        }
        let ot = at.old.types.iter().find(|t| t.name() == o);
        let nt = at.new.types.iter().find(|t| t.name() == n);
        match (ot, nt) {
            (Some(ir::TypeDef::Struct(os)), Some(ir::TypeDef::Struct(ns))) => {
                self.structs(at, path, os, ns, seen)
            }
            (Some(ir::TypeDef::Enum(oe)), Some(ir::TypeDef::Enum(ne))) => {
                // A documented list on either side: the contract.
                let basis = if oe.from_samples && ne.from_samples {
                    basis
                } else {
                    Basis::Contract
                };
                self.enums(at, path, oe, ne, basis)
            }
            (Some(ir::TypeDef::Union(ou)), Some(ir::TypeDef::Union(nu))) => {
                let kinds = |u: &ir::Union| -> Vec<&str> {
                    u.variants.iter().map(ir::union_variant).collect()
                };
                let (ok, nk) = (kinds(ou), kinds(nu));
                if ok != nk {
                    let widened = ok.iter().all(|k| nk.contains(k));
                    let (kind, severity, why) = if widened {
                        (
                            Kind::TypeWidened {
                                from: ok.join(" | "),
                                to: nk.join(" | "),
                            },
                            Severity::Warning,
                            format!(
                                "`{}` has a new variant; that kind parsed as `Other` before",
                                nu.name
                            ),
                        )
                    } else {
                        (
                            Kind::TypeChanged {
                                from: ok.join(" | "),
                                to: nk.join(" | "),
                            },
                            Severity::Breaking,
                            format!(
                                "a variant of `{}` is gone: code that matches it stops compiling",
                                ou.name
                            ),
                        )
                    };
                    self.change(
                        at,
                        path,
                        kind,
                        severity,
                        basis,
                        why,
                        Some(&ou.source),
                        Some(&nu.source),
                    );
                }
            }
            _ => {}
        }
    }

    fn structs(
        &mut self,
        at: &At,
        path: &str,
        os: &ir::Struct,
        ns: &ir::Struct,
        seen: &mut BTreeSet<(String, String)>,
    ) {
        let join = |name: &str| {
            if path.is_empty() {
                name.to_owned()
            } else {
                format!("{path}.{name}")
            }
        };
        let mut removed: Vec<&ir::Field> = os
            .fields
            .iter()
            .filter(|f| !ns.fields.iter().any(|g| g.name == f.name))
            .collect();
        let mut added: Vec<&ir::Field> = ns
            .fields
            .iter()
            .filter(|f| !os.fields.iter().any(|g| g.name == f.name))
            .collect();

        // Same type and same example or description under a new name: a rename.
        removed.retain(|r| {
            let twin = added.iter().position(|a| {
                a.ty.read_as() == r.ty.read_as()
                    && ((a.example.is_some() && a.example == r.example)
                        || (a.description.is_some() && a.description == r.description))
            });
            match twin {
                Some(i) => {
                    let a = added.remove(i);
                    self.change(
                        at,
                        &join(&a.name),
                        Kind::FieldRenamed {
                            from: r.name.clone(),
                            to: a.name.clone(),
                        },
                        Severity::Breaking,
                        documented(r.documented || a.documented),
                        format!(
                            "same values under a new name: the Rust field `{}` is gone",
                            crate::naming::snake(&r.name)
                        ),
                        Some(&r.source),
                        Some(&a.source),
                    );
                    false
                }
                None => true,
            }
        });
        for r in removed {
            self.change(
                at,
                &join(&r.name),
                Kind::FieldRemoved,
                Severity::Breaking,
                documented(r.documented),
                "the field is gone from the Rust struct: code that reads it stops compiling",
                Some(&r.source),
                None,
            );
        }
        for a in added {
            self.change(
                at,
                &join(&a.name),
                Kind::FieldAdded,
                Severity::Warning,
                documented(a.documented),
                "a new typed field; its value was kept in `extra` before",
                None,
                Some(&a.source),
            );
        }
        for of in &os.fields {
            let Some(nf) = ns.fields.iter().find(|f| f.name == of.name) else {
                continue;
            };
            self.field(at, &join(&of.name), of, nf, seen);
        }
    }

    fn field(
        &mut self,
        at: &At,
        path: &str,
        of: &ir::Field,
        nf: &ir::Field,
        seen: &mut BTreeSet<(String, String)>,
    ) {
        let (o, n) = (Some(&of.source), Some(&nf.source));
        let repr_changes = repr(of) != repr(nf);
        // Presence and nullability are the contract where the doc promises
        // them on either side; the type, where it gives the type.
        let promised = documented(of.strict || nf.strict);
        let typed = documented(of.typed_by_doc || nf.typed_by_doc);
        let severity = if repr_changes {
            Severity::Breaking
        } else {
            Severity::Warning
        };
        let moved = format!(
            "the Rust type changes from `{}` to `{}`",
            repr(of),
            repr(nf)
        );
        if of.required && !nf.required {
            let why = if repr_changes {
                format!("may now be absent: {moved}")
            } else {
                "may now be absent".to_owned()
            };
            self.change(
                at,
                path,
                Kind::BecameOptional,
                severity,
                promised,
                why,
                o,
                n,
            );
        }
        if !of.required && nf.required {
            let (severity, why) = if repr_changes {
                (
                    Severity::Breaking,
                    format!("documented as always present: {moved}"),
                )
            } else {
                (
                    Severity::Info,
                    "now in every example; the Rust type is unchanged".to_owned(),
                )
            };
            self.change(
                at,
                path,
                Kind::BecameRequired,
                severity,
                promised,
                why,
                o,
                n,
            );
        }
        if !of.nullable && nf.nullable {
            let why = if repr_changes {
                format!("may now be null: {moved}")
            } else {
                "may now be null: code that assumed a value should check".to_owned()
            };
            self.change(
                at,
                path,
                Kind::BecameNullable,
                severity,
                promised,
                why,
                o,
                n,
            );
        }
        if of.nullable && !nf.nullable {
            let why = if repr_changes {
                format!("no longer documented as nullable: {moved}")
            } else {
                "no longer documented as nullable; the Rust type is unchanged".to_owned()
            };
            let severity = if repr_changes {
                Severity::Breaking
            } else {
                Severity::Info
            };
            self.change(
                at,
                path,
                Kind::StoppedBeingNullable,
                severity,
                promised,
                why,
                o,
                n,
            );
        }
        if repr_changes && of.required == nf.required && of.nullable == nf.nullable {
            let why = if nf.strict && !of.strict {
                format!("now promised by the doc, not only seen in examples: {moved}; code that reads it must change")
            } else {
                format!("no longer promised by the doc, only seen in examples: {moved}; code that reads it must change")
            };
            let kind = Kind::RustTypeChanged {
                from: repr(of).to_owned(),
                to: repr(nf).to_owned(),
            };
            self.change(
                at,
                path,
                kind,
                Severity::Breaking,
                Basis::Contract,
                why,
                o,
                n,
            );
        }
        if of.description != nf.description {
            self.change(
                at,
                path,
                Kind::DescriptionChanged,
                Severity::Info,
                Basis::Contract,
                "documentation only",
                o,
                n,
            );
        }
        self.ty(at, path, &of.ty, &nf.ty, typed, o, n, seen);
    }

    #[allow(clippy::too_many_arguments)]
    fn ty(
        &mut self,
        at: &At,
        path: &str,
        ot: &Ty,
        nt: &Ty,
        basis: Basis,
        o: Option<&Loc>,
        n: Option<&Loc>,
        seen: &mut BTreeSet<(String, String)>,
    ) {
        // `199` in one doc's example and `89.99` in the next: one `Number`
        // to the crate, no change on the wire.
        let (ot, nt) = (ot.read_as(), nt.read_as());
        let (ol, nl) = (label(ot), label(nt));
        match (ot, nt) {
            (Ty::Named { name: a }, Ty::Named { name: b })
                if kind_of(at.old, a) == kind_of(at.new, b) =>
            {
                self.named(at, path, a, b, basis, seen);
            }
            (Ty::Array { items: a, .. }, Ty::Array { items: b, .. }) => {
                self.ty(at, &format!("{path}[]"), a, b, basis, o, n, seen);
            }
            (Ty::Nullable { inner: a }, Ty::Nullable { inner: b }) => {
                self.ty(at, path, a, b, basis, o, n, seen);
            }
            (Ty::String { format: a }, Ty::String { format: b })
            | (Ty::Integer { format: a, .. }, Ty::Integer { format: b, .. })
                if a != b =>
            {
                let name = |f: &Option<Format>| f.map(|f| format!("{f:?}").to_lowercase());
                self.change(
                    at,
                    path,
                    Kind::FormatChanged {
                        from: name(a),
                        to: name(b),
                    },
                    Severity::Breaking,
                    basis,
                    format!("the Rust type changes from `{ol}` to `{nl}`"),
                    o,
                    n,
                );
            }
            (Ty::Integer { range: a, .. }, Ty::Integer { range: b, .. }) if a != b => {
                self.change(
                    at,
                    path,
                    Kind::DescriptionChanged,
                    Severity::Info,
                    Basis::Contract,
                    "the documented range changed; any integer is still accepted",
                    o,
                    n,
                );
            }
            (Ty::Map { .. }, Ty::Any) | (Ty::Any, Ty::Map { .. }) => {}
            _ if ot == nt => {}
            _ => {
                let (kind, why) = match widening(at, ot, nt) {
                    Some(true) => (Kind::TypeWidened { from: ol.clone(), to: nl.clone() }, format!("accepts more values, but the Rust type changes from `{ol}` to `{nl}`")),
                    Some(false) => (Kind::TypeNarrowed { from: ol.clone(), to: nl.clone() }, format!("payloads with other values now fail to parse, and the Rust type changes from `{ol}` to `{nl}`")),
                    None => (Kind::TypeChanged { from: ol.clone(), to: nl.clone() }, format!("the Rust type changes from `{ol}` to `{nl}`, and payloads that parsed may not")),
                };
                self.change(at, path, kind, Severity::Breaking, basis, why, o, n);
            }
        }
    }

    fn enums(&mut self, at: &At, path: &str, oe: &ir::Enum, ne: &ir::Enum, basis: Basis) {
        let values = |e: &ir::Enum| -> Vec<String> {
            match &e.values {
                ir::EnumValues::Strings(v) => v.clone(),
                ir::EnumValues::Integers(v) => v.iter().map(|(i, _)| i.to_string()).collect(),
            }
        };
        let (ov, nv) = (values(oe), values(ne));
        for v in nv.iter().filter(|v| !ov.contains(v)) {
            self.change(
                at,
                path,
                Kind::EnumValueAdded { value: v.clone() },
                Severity::Warning,
                basis,
                format!(
                    "a new variant of `{}`; `{v}` parsed as `Unknown(..)` before",
                    ne.name
                ),
                Some(&oe.source),
                Some(&ne.source),
            );
        }
        for v in ov.iter().filter(|v| !nv.contains(v)) {
            self.change(
                at,
                path,
                Kind::EnumValueRemoved { value: v.clone() },
                Severity::Breaking,
                basis,
                format!("the variant of `{}` is gone: code that matches it stops compiling; `{v}` now parses as `Unknown(..)`", oe.name),
                Some(&oe.source),
                Some(&ne.source),
            );
        }
    }
}

/// The contract where the doc promises the fact, else the evidence.
fn documented(promised: bool) -> Basis {
    if promised {
        Basis::Contract
    } else {
        Basis::Evidence
    }
}

/// How the generated crate represents a field (see `emit`).
fn repr(f: &ir::Field) -> &'static str {
    match f.repr() {
        ir::Repr::Plain => "T",
        ir::Repr::Option => "Option<T>",
        ir::Repr::Maybe => "Maybe<T>",
    }
}

#[derive(PartialEq)]
enum NamedKind {
    Struct,
    Enum,
    Union,
    Missing,
}

fn kind_of(v: &ir::Vendor, name: &str) -> NamedKind {
    match v.types.iter().find(|t| t.name() == name) {
        Some(ir::TypeDef::Struct(_)) => NamedKind::Struct,
        Some(ir::TypeDef::Enum(_)) => NamedKind::Enum,
        Some(ir::TypeDef::Union(_)) => NamedKind::Union,
        None => NamedKind::Missing,
    }
}

/// Whether `new` accepts everything `old` did (true), the reverse (false),
/// or neither.
fn widening(at: &At, old: &Ty, new: &Ty) -> Option<bool> {
    let is_enum = |v: &ir::Vendor, t: &Ty| matches!(t, Ty::Named { name } if kind_of(v, name) == NamedKind::Enum);
    let is_struct = |v: &ir::Vendor, t: &Ty| matches!(t, Ty::Named { name } if kind_of(v, name) == NamedKind::Struct);
    match (old, new) {
        (_, Ty::Any) => Some(true),
        (Ty::Any, _) => Some(false),
        (Ty::Integer { .. }, Ty::Number) => Some(true),
        (Ty::Number, Ty::Integer { .. }) => Some(false),
        (o, Ty::String { .. }) if is_enum(at.old, o) => Some(true),
        (Ty::String { .. }, n) if is_enum(at.new, n) => Some(false),
        (o, Ty::Map { .. }) if is_struct(at.old, o) => Some(true),
        (Ty::Map { .. }, n) if is_struct(at.new, n) => Some(false),
        _ => None,
    }
}

/// A type as a reader of the Rust crate knows it.
pub(crate) fn label(t: &Ty) -> String {
    match t.read_as() {
        Ty::String { format: None } => "String".to_owned(),
        Ty::String { format: Some(f) } => format!("{f:?}"),
        Ty::Integer {
            format: Some(Format::UnixTime),
            ..
        } => "UnixTime".to_owned(),
        Ty::Integer { .. } => "i64".to_owned(),
        Ty::Number => "Number".to_owned(),
        Ty::Boolean => "bool".to_owned(),
        Ty::Any | Ty::Map { .. } => "Value".to_owned(),
        Ty::Array { items, .. } => format!("Vec<{}>", label(items)),
        Ty::Named { name } => name.clone(),
        Ty::Nullable { inner } => format!("Option<{}>", label(inner)),
    }
}

impl Change {
    /// Once every event is in: where no event's own pages changed, the
    /// cause lies outside them all (`hookgen.toml`, a page no event
    /// claims), and no event is singled out.
    fn settled(mut self) -> Change {
        if self.via_shared_type.len() == self.events.len() {
            self.via_shared_type.clear();
        }
        self
    }

    /// `contract`, or `examples only`; with the events a shared type
    /// brings it to.
    pub fn basis_label(&self) -> String {
        let mut label = match self.basis {
            Basis::Contract => "contract".to_owned(),
            Basis::Evidence => "examples only".to_owned(),
        };
        if !self.via_shared_type.is_empty() {
            let _ = write!(
                label,
                "; via a shared type for {}",
                ticked(&self.via_shared_type)
            );
        }
        label
    }

    /// What changed on the vendor's side, in words, with the events the
    /// change reaches only through a shared type.
    pub fn basis_note(&self) -> String {
        let mut note = match self.basis {
            Basis::Contract => "the doc's contract changed".to_owned(),
            Basis::Evidence => {
                "only the doc's examples changed (no table promises either side): the wire may be as it was"
                    .to_owned()
            }
        };
        if !self.via_shared_type.is_empty() {
            let _ = write!(
                note,
                "; the pages of {} did not change: it reaches them through a type they share with the others",
                ticked(&self.via_shared_type)
            );
        }
        note
    }

    /// `field `data.object.email` removed`, in a few words.
    pub fn headline(&self) -> String {
        let at = if self.path.is_empty() {
            String::new()
        } else {
            format!("`{}` ", self.path)
        };
        let what = match &self.kind {
            Kind::VendorAdded => "vendor added".to_owned(),
            Kind::VendorRemoved => "vendor removed".to_owned(),
            Kind::EventAdded => "event added".to_owned(),
            Kind::EventRemoved => "event removed".to_owned(),
            Kind::PayloadDocumented => "payload documented".to_owned(),
            Kind::PayloadUndocumented => "payload no longer documented".to_owned(),
            Kind::FieldAdded => "field added".to_owned(),
            Kind::FieldRemoved => "field removed".to_owned(),
            Kind::FieldRenamed { from, .. } => format!("field renamed from `{from}`"),
            Kind::TypeChanged { from, to } => format!("type changed: `{from}` → `{to}`"),
            Kind::TypeWidened { from, to } => format!("type widened: `{from}` → `{to}`"),
            Kind::TypeNarrowed { from, to } => format!("type narrowed: `{from}` → `{to}`"),
            Kind::BecameOptional => "became optional".to_owned(),
            Kind::BecameRequired => "became required".to_owned(),
            Kind::BecameNullable => "became nullable".to_owned(),
            Kind::RustTypeChanged { from, to } => format!("Rust type `{from}` became `{to}`"),
            Kind::StoppedBeingNullable => "no longer nullable".to_owned(),
            Kind::EnumValueAdded { value } => format!("enum value `{value}` added"),
            Kind::EnumValueRemoved { value } => format!("enum value `{value}` removed"),
            Kind::FormatChanged { from, to } => format!(
                "format changed: {} → {}",
                from.as_deref().unwrap_or("none"),
                to.as_deref().unwrap_or("none")
            ),
            Kind::DescriptionChanged => "description changed".to_owned(),
        };
        let events = if self.events.is_empty() {
            String::new()
        } else {
            format!(" ({})", ticked(&self.events))
        };
        format!("{}: {at}{what}{events}", self.vendor)
    }
}

/// `` `a`, `b` ``.
fn ticked(names: &[String]) -> String {
    let names: Vec<String> = names.iter().map(|e| format!("`{e}`")).collect();
    names.join(", ")
}

/// The report as a pull-request comment: breaking first, grouped by vendor
/// and event.
pub fn markdown(report: &Report, crate_name: &str) -> String {
    let mut out = String::new();
    let verdict = format!("{:?}", report.verdict).to_lowercase();
    let _ = writeln!(
        out,
        "## hookgen drift: `{crate_name}` needs a **{verdict}** release\n"
    );
    if report.changes.is_empty() {
        out.push_str("No change to the generated types.\n");
        return out;
    }
    let _ = writeln!(
        out,
        "{} breaking, {} warning, {} info; {} of them in the examples only.\n",
        report.count(Severity::Breaking),
        report.count(Severity::Warning),
        report.count(Severity::Info),
        report.examples_only()
    );
    out.push_str(
        "*contract*: what the doc promises changed (its event list, a table's field, type or \
         marker, a documented list of values). *examples only*: only what its examples show \
         changed, and no table promises either side, so the wire may be as it was. *via a shared \
         type*: those events' own pages did not change; the type they share with the others \
         did.\n\n",
    );
    for r in &report.reasons {
        let _ = writeln!(out, "- {r}");
    }
    let mut groups: BTreeMap<(&str, String), Vec<&Change>> = BTreeMap::new();
    for c in &report.changes {
        let events = if c.events.is_empty() {
            "(vendor)".to_owned()
        } else {
            ticked(&c.events)
        };
        groups
            .entry((c.vendor.as_str(), events))
            .or_default()
            .push(c);
    }
    // Within a vendor, the groups with the worst changes first.
    let mut groups: Vec<((&str, String), Vec<&Change>)> = groups.into_iter().collect();
    groups.sort_by(|(a, ca), (b, cb)| {
        let worst = |cs: &Vec<&Change>| cs.iter().map(|c| c.severity).max();
        a.0.cmp(b.0)
            .then(worst(cb).cmp(&worst(ca)))
            .then(a.1.cmp(&b.1))
    });
    let mut vendor = "";
    for ((v, events), changes) in groups {
        if v != vendor {
            let _ = writeln!(out, "\n### {v}");
            vendor = v;
        }
        let _ = writeln!(
            out,
            "\n#### {events}\n\n| severity | change | why | on the vendor's side | old | new |\n|---|---|---|---|---|---|"
        );
        let mut changes = changes;
        changes.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.path.cmp(&b.path)));
        for c in changes {
            let severity = match c.severity {
                Severity::Breaking => "🔴 breaking",
                Severity::Warning => "🟡 warning",
                Severity::Info => "🔵 info",
            };
            let headline = c.headline();
            let what = headline
                .split_once(": ")
                .map_or(headline.as_str(), |(_, w)| w);
            let what = what.rsplit_once(" (").map_or(what, |(w, _)| w);
            let loc = |l: &Option<Loc>| {
                l.as_ref()
                    .map_or(String::new(), |l| format!("`{}`", l.file_line()))
            };
            let _ = writeln!(
                out,
                "| {severity} | {} | {} | {} | {} | {} |",
                cell(what),
                cell(&c.why),
                cell(&c.basis_label()),
                loc(&c.old),
                loc(&c.new)
            );
        }
    }
    out
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The report as GitHub Actions workflow commands: one annotation a change,
/// on the line of the page that caused it. `in_repo` turns a shown file
/// (`main:specs/a.txt`) into its path in the repository, where GitHub
/// places annotations.
pub fn github(report: &Report, in_repo: impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    for c in &report.changes {
        let level = match c.severity {
            Severity::Breaking => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let loc = c.new.as_ref().or(c.old.as_ref());
        let place = loc.map_or(String::new(), |l| {
            format!(
                " file={},line={}",
                escape_property(&in_repo(&l.file)),
                l.line
            )
        });
        let _ = writeln!(
            out,
            "::{level}{place},title=hookgen drift::{}",
            escape_data(&format!("{}: {} ({})", c.headline(), c.why, c.basis_note()))
        );
    }
    out
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
