//! The crate-level example: one vendor's event read, and a nested field of
//! its payload reached in one expression.
//!
//! Built from the IR's names only (no page text), shown in the crate's docs,
//! and compiled with the generated crate's tests as a copy in the vendor's
//! module, so that the example stays true whatever `specs/` holds.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc::{Doc, Md};
use super::{event_variants, field_names, ident};
use crate::ir::{self, Ty};

/// How deep a path the example reaches for: deeper reads no better.
const DEEPEST: usize = 3;

/// What a leaf reads, best last: a free-form value, a scalar, a string.
const JSON: u8 = 0;
const SCALAR: u8 = 1;
const STRING: u8 = 2;

#[derive(Clone, Debug)]
pub struct Example {
    /// The vendor whose module holds the compiled copy.
    pub vendor: String,
    /// The event it matches, as on the wire.
    event: String,
    /// Its `Event` variant.
    variant: String,
    /// The fields on the way to the one it reads.
    path: Vec<Step>,
    /// The event type is in the body (else it comes from outside).
    in_body: bool,
}

/// One field on the way.
#[derive(Clone, Debug)]
struct Step {
    key: String,
    rust: String,
    repr: ir::Repr,
}

impl Example {
    /// The first vendor with an event whose payload has fields, and in it
    /// the event and path that read best (see [`reads_better`]). `None`
    /// when no vendor has such an event.
    pub fn pick(vendors: &[ir::Vendor]) -> Option<Example> {
        vendors.iter().find_map(|v| {
            let payload = |e: &ir::Event| e.payload.as_deref().and_then(|p| struct_named(v, p));
            let mut best: Option<((usize, u8), &ir::Event, Vec<usize>)> = None;
            for e in &v.events {
                let Some(s) = payload(e) else {
                    continue;
                };
                if let Some((score, path)) = best_path(v, s, &[], DEEPEST) {
                    if best.as_ref().is_none_or(|(b, ..)| reads_better(score, *b)) {
                        best = Some((score, e, path));
                    }
                }
            }
            let (_, event, path) = best?;
            let steps = steps(v, payload(event)?, &path);
            Some(Example::build(v, event, steps))
        })
    }

    fn build(v: &ir::Vendor, event: &ir::Event, path: Vec<Step>) -> Example {
        let variant = event_variants(v)
            .into_iter()
            .find(|(e, _)| e.name == event.name)
            .map_or_else(|| "Unknown".to_owned(), |(_, var)| var.to_string());
        Example {
            vendor: v.name.clone(),
            event: event.name.clone(),
            variant,
            path,
            in_body: v
                .discriminator
                .as_ref()
                .is_some_and(|d| !d.fields.is_empty()),
        }
    }

    /// `fn handle(…)`: tokens are built where they are used (they cannot
    /// cross threads).
    fn handle(&self) -> TokenStream {
        let variant = ident(&self.variant);
        let leaf = self.path.last().map_or("value", |s| s.rust.as_str());
        let binding = ident(leaf);
        let print = format!("{{{leaf}:?}}");
        let access = access(&self.path);
        let (params, read) = if self.in_body {
            (quote!(body: &[u8]), quote!(Event::from_json(body)?))
        } else {
            (
                quote!(event_type: &str, body: &[u8]),
                quote!(Event::from_json_with_type(event_type, body)?),
            )
        };
        quote! {
            fn handle(#params) -> Result<(), Box<dyn std::error::Error>> {
                let event = #read;
                match &event {
                    Event::#variant(p) => {
                        let #binding = #access;
                        println!(#print);
                    }
                    Event::Unknown(e) => println!("an event type the docs do not list: {}", e.event_type),
                    _ => {}
                }
                let sent_back = serde_json::to_string(&event)?;
                println!("{sent_back}");
                Ok(())
            }
        }
    }

    /// The crate docs' part: what the example does, then its code.
    pub fn doc(&self, crate_name: &str, doc: Doc) -> Doc {
        let krate = crate_name.replace('-', "_");
        // A package name that is no identifier (a keyword) has no example.
        let Ok(krate) = syn::parse_str::<syn::Ident>(&krate) else {
            return doc;
        };
        let vendor = ident(&self.vendor);
        let handle = self.handle();
        let (Ok(uses), Ok(handle)) = (
            syn::parse2::<syn::File>(quote!(use #krate::#vendor::Event;)),
            syn::parse2::<syn::File>(handle),
        ) else {
            return doc;
        };
        let keys: Vec<&str> = self.path.iter().map(|s| s.key.as_str()).collect();
        doc.para(
            Md::ours("Reading a ")
                + Md::code(&self.vendor)
                + Md::ours(" event: for ")
                + Md::code(&self.event)
                + Md::ours(", its ")
                + Md::code(&keys.join("."))
                + Md::ours(
                    " in one expression (`None` where a field on the way is absent or null); any \
                     event the docs do not list arrives as `Unknown`, and every event writes back \
                     what was sent, unknown fields included:",
                ),
        )
        .rust(&[uses, handle])
    }

    /// The copy compiled with the crate's tests, in the vendor's module.
    pub fn compiled(&self) -> TokenStream {
        let handle = self.handle();
        quote! {
            /// The crate docs' example, compiled with the tests so that it stays true.
            #[cfg(test)]
            #[allow(dead_code, unreachable_patterns)]
            mod example {
                use super::Event;

                #handle
            }
        }
    }
}

/// The struct of this name: the vendor's types are sorted by name.
fn struct_named<'a>(v: &'a ir::Vendor, name: &str) -> Option<&'a ir::Struct> {
    let at = v.types.binary_search_by(|t| t.name().cmp(name)).ok()?;
    match &v.types[at] {
        ir::TypeDef::Struct(s) => Some(s),
        _ => None,
    }
}

/// The steps of a path of field indices from `s`.
fn steps<'a>(v: &'a ir::Vendor, mut s: &'a ir::Struct, path: &[usize]) -> Vec<Step> {
    let mut out = Vec::new();
    for &at in path {
        let f = &s.fields[at];
        out.push(Step {
            key: f.name.clone(),
            rust: field_names(s).swap_remove(at),
            repr: f.repr(),
        });
        if let Some(child) = match f.ty.read_as() {
            Ty::Named { name } => struct_named(v, name),
            _ => None,
        } {
            s = child;
        }
    }
    out
}

/// The best path to a leaf (a scalar, an enum, a union or a free-form
/// value) within `depth` fields of `s`, as field indices, by its length
/// and then what the leaf reads; the first in field order among equals.
/// `at` is the keys to `s`. Not the event type's field: the match has
/// already read it.
fn best_path(
    v: &ir::Vendor,
    s: &ir::Struct,
    at: &[&str],
    depth: usize,
) -> Option<((usize, u8), Vec<usize>)> {
    if depth == 0 {
        return None;
    }
    let carries_type = |key: &str| {
        v.discriminator.as_ref().is_some_and(|d| {
            d.fields.iter().any(|p| {
                p.len() == at.len() + 1
                    && p.iter().zip(at.iter().chain([&key])).all(|(a, b)| a == b)
            })
        })
    };
    let mut best: Option<((usize, u8), Vec<usize>)> = None;
    for (i, f) in s.fields.iter().enumerate() {
        if carries_type(&f.name) {
            continue;
        }
        let found = match f.ty.read_as() {
            Ty::Named { name } => match struct_named(v, name) {
                Some(child) => {
                    let at: Vec<&str> = at.iter().copied().chain([f.name.as_str()]).collect();
                    best_path(v, child, &at, depth - 1).map(|((n, leaf), mut path)| {
                        path.insert(0, i);
                        ((n + 1, leaf), path)
                    })
                }
                None => Some(((1, SCALAR), vec![i])),
            },
            Ty::String { format: None } => Some(((1, STRING), vec![i])),
            Ty::String { .. } | Ty::Integer { .. } | Ty::Number | Ty::Boolean => {
                Some(((1, SCALAR), vec![i]))
            }
            // Free-form values read as `Json`: a leaf, the least telling.
            Ty::Any | Ty::Map { .. } => Some(((1, JSON), vec![i])),
            Ty::Array { .. } | Ty::Nullable { .. } => None,
        };
        if let Some((score, path)) = found {
            if best.as_ref().is_none_or(|(b, _)| reads_better(score, *b)) {
                best = Some((score, path));
            }
        }
    }
    best
}

/// Whether a path of `(depth, leaf)` reads better than another: nested (two
/// fields show the one expression), then the leaf's kind, then deeper.
fn reads_better((depth, leaf): (usize, u8), (than_depth, than_leaf): (usize, u8)) -> bool {
    (depth.min(2), leaf, depth) > (than_depth.min(2), than_leaf, than_depth)
}

/// `p.data.value().and_then(|data| data.customer.value())`: an `Option` of
/// the leaf, or `&p.id` when every field on the way is promised.
fn access(path: &[Step]) -> TokenStream {
    let mut expr = quote!(p);
    // Promised fields are reached directly, until the first that is not.
    let mut wrapped = false;
    let mut prev: Option<&Step> = None;
    for step in path {
        let id = ident(&step.rust);
        expr = match (wrapped, step.repr) {
            (false, ir::Repr::Plain) => quote!(#expr.#id),
            (false, ir::Repr::Maybe) => quote!(#expr.#id.value()),
            (false, ir::Repr::Option) => quote!(#expr.#id.as_ref()),
            (true, repr) => {
                let x = ident(prev.map_or("x", |p| p.rust.as_str()));
                match repr {
                    ir::Repr::Plain => quote!(#expr.map(|#x| &#x.#id)),
                    ir::Repr::Maybe => quote!(#expr.and_then(|#x| #x.#id.value())),
                    ir::Repr::Option => quote!(#expr.and_then(|#x| #x.#id.as_ref())),
                }
            }
        };
        wrapped = wrapped || step.repr != ir::Repr::Plain;
        prev = Some(step);
    }
    if wrapped {
        expr
    } else {
        quote!(&#expr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str, ty: Ty, required: bool, nullable: bool) -> ir::Field {
        ir::Field {
            name: name.to_owned(),
            ty,
            required,
            nullable,
            strict: true,
            documented: true,
            typed_by_doc: true,
            description: None,
            example: None,
            source: Default::default(),
            why: vec![],
        }
    }

    fn named(name: &str) -> Ty {
        Ty::Named {
            name: name.to_owned(),
        }
    }

    fn string() -> Ty {
        Ty::String { format: None }
    }

    fn structure(name: &str, fields: Vec<ir::Field>) -> ir::TypeDef {
        ir::TypeDef::Struct(ir::Struct {
            name: name.to_owned(),
            description: None,
            fields,
            source: Default::default(),
            envelope: None,
        })
    }

    /// `type` carries the event; `data` is promised, `customer` promised
    /// but nullable, `email` neither; `id` is a shallower string.
    fn vendor() -> ir::Vendor {
        ir::Vendor {
            name: "shop".to_owned(),
            discriminator: Some(ir::Discriminator::in_body(
                vec![vec!["type".to_owned()]],
                None,
            )),
            events: vec![ir::Event {
                name: "order.paid".to_owned(),
                description: None,
                payload: Some("OrderPaid".to_owned()),
                source: Default::default(),
                examples: vec![],
                pages: String::new(),
            }],
            types: vec![
                structure("Customer", vec![field("e-mail", string(), false, false)]),
                structure(
                    "Data",
                    vec![
                        field("id", string(), true, false),
                        field("customer", named("Customer"), true, true),
                    ],
                ),
                structure(
                    "OrderPaid",
                    vec![
                        field("type", string(), true, false),
                        field("data", named("Data"), true, false),
                    ],
                ),
            ],
        }
    }

    fn text(tokens: TokenStream) -> String {
        tokens.to_string().split_whitespace().collect()
    }

    #[test]
    fn the_example_reads_the_deepest_field_each_way_it_is_held() {
        let e = Example::pick(&[vendor()]).expect("an example");
        let keys: Vec<&str> = e.path.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["data", "customer", "e-mail"]);
        // Promised: a plain field; promised and nullable: `as_ref`; only
        // seen: `value`.
        assert_eq!(
            text(access(&e.path)),
            "p.data.customer.as_ref().and_then(|customer|customer.e_mail.value())"
        );
        let handle = text(e.handle());
        assert!(handle.contains("Event::OrderPaid(p)=>"), "{handle}");
        assert!(handle.contains("Event::from_json(body)?"), "{handle}");
    }

    #[test]
    fn promised_fields_are_reached_directly() {
        let mut v = vendor();
        // Only `data.id` is left to read.
        v.types.retain(|t| t.name() != "Customer");
        if let ir::TypeDef::Struct(s) = &mut v.types[0] {
            s.fields.retain(|f| f.name == "id");
        }
        let e = Example::pick(&[v]).expect("an example");
        assert_eq!(text(access(&e.path)), "&p.data.id");
    }

    #[test]
    fn free_form_values_are_read_where_nothing_else_is() {
        let mut v = vendor();
        v.types = vec![structure(
            "OrderPaid",
            vec![
                field("type", string(), true, false),
                field("metadata", Ty::Any, false, false),
            ],
        )];
        let e = Example::pick(&[v]).expect("an example");
        assert_eq!(text(access(&e.path)), "p.metadata.value()");
    }

    #[test]
    fn a_type_from_outside_the_body_is_passed_in() {
        let mut v = vendor();
        v.discriminator = Some(ir::Discriminator::in_header("X-Event".to_owned(), None));
        let handle = text(Example::pick(&[v]).expect("an example").handle());
        assert!(
            handle.contains("fnhandle(event_type:&str,body:&[u8])")
                && handle.contains("Event::from_json_with_type(event_type,body)?"),
            "{handle}"
        );
    }

    #[test]
    fn the_event_type_field_is_not_what_it_reads() {
        let mut v = vendor();
        v.types.retain(|t| t.name() == "OrderPaid");
        if let ir::TypeDef::Struct(s) = &mut v.types[0] {
            s.fields.retain(|f| f.name == "type");
        }
        let other = ir::Vendor {
            name: "zoo".to_owned(),
            ..vendor()
        };
        // The first vendor has nothing else to read: the next one is shown.
        let e = Example::pick(&[v, other]).expect("an example");
        assert_eq!(e.vendor, "zoo");
    }
}
