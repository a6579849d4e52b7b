//! A struct, written as text: its declaration and its `Deserialize` impl.
//!
//! Structs are the bulk of a vendor module and their layout is fixed, so
//! they are laid out here, as prettyplease would print them, rather than
//! built as tokens, parsed by syn and printed (that round trip was most of
//! generation). The impl is written by hand rather than derived: unknown
//! keys go straight into `extra`, without the buffering `#[serde(flatten)]`
//! needs. Vendor modules are `@generated`, which rustfmt leaves alone, so a
//! long line (a field's type past the margin) stays as written.
//!
//! What comes from a page reaches this text only as an `Ident` (checked by
//! `proc_macro2`), a string literal (`proc_macro2::Literal`, escaped), as
//! with `quote!`, or a doc comment from [`Doc::comment`]; types come from
//! `emit::rust_type_text`, whose names are idents too.

use std::fmt::Write;

use proc_macro2::{Ident, Literal};

use super::doc::Doc;
use super::{push, MARGIN};

/// One struct, built a field at a time.
pub struct Struct {
    /// The type as written where it is used: `Order`, `Envelope<Payload>`.
    this: String,
    /// The struct's name alone, for its literal.
    name: String,
    /// The envelope's type parameter, for a generic struct.
    param: Option<String>,
    /// The declaration so far: its docs and attributes, then its fields.
    decl: String,
    slots: String,
    arms: String,
    inits: String,
}

impl Struct {
    pub fn new(name: &Ident, param: Option<&Ident>, doc: &Doc) -> Struct {
        let name = name.to_string();
        let param = param.map(Ident::to_string);
        let this = match &param {
            Some(p) => format!("{name}<{p}>"),
            None => name.clone(),
        };
        let decl = format!(
            "{}#[derive(Clone, Debug, PartialEq, serde::Serialize)]\n#[non_exhaustive]\npub struct {this} {{\n",
            doc.comment("")
        );
        Struct {
            this,
            name,
            param,
            decl,
            slots: String::new(),
            arms: String::new(),
            inits: String::new(),
        }
    }

    /// A field: its Rust name, its key in the payload, its type (`held`),
    /// whether absent is allowed (a `Maybe`, which starts `Absent` and is
    /// skipped when serialized) or an error (`missing_field`), and its doc.
    pub fn field(&mut self, id: &Ident, wire: &str, held: &str, maybe: bool, doc: &Doc) {
        let name = id.to_string();
        let slot = format!("f_{}", name.trim_start_matches('_'));
        let key = Literal::string(wire);
        let mut serde = Vec::new();
        if name != wire {
            serde.push(format!("rename = {key}"));
        }
        if maybe {
            serde.push("skip_serializing_if = \"crate::Maybe::is_absent\"".to_owned());
        }
        let d = &mut self.decl;
        d.push_str(&doc.comment("    "));
        d.push_str(&serde_attr(&serde));
        push(d, &["    pub ", &name, ": ", held, ",\n"]);
        // Each line goes in as pieces: `format!` widths pad a byte at a time.
        let (s, a, i) = (&mut self.slots, &mut self.arms, &mut self.inits);
        let key = key.to_string();
        if maybe {
            push(
                s,
                &[
                    SLOT,
                    "let mut ",
                    &slot,
                    ": ",
                    held,
                    " = crate::Maybe::Absent;\n",
                ],
            );
            push(
                a,
                &[
                    ARM,
                    &key,
                    " => crate::runtime::next_value(&mut map, &mut ",
                    &slot,
                    "),\n",
                ],
            );
            push(i, &[INIT, &name, ": ", &slot, ",\n"]);
        } else {
            push(
                s,
                &[SLOT, "let mut ", &slot, ": Option<", held, "> = None;\n"],
            );
            push(
                a,
                &[
                    ARM,
                    &key,
                    " => crate::runtime::next_required(&mut map, &mut ",
                    &slot,
                    "),\n",
                ],
            );
            push(
                i,
                &[
                    INIT,
                    &name,
                    ": ",
                    &slot,
                    ".ok_or_else(|| <__A::Error as serde::de::Error>::missing_field(",
                    &key,
                    "))?,\n",
                ],
            );
        }
    }

    /// The declaration and the impl, ending with a newline, as prettyplease
    /// ends an item.
    pub fn finish(self) -> String {
        let Struct {
            this,
            name,
            param,
            decl,
            slots,
            arms,
            inits,
        } = self;
        let (bounds, visitor, visitor_ty, visitor_new) = match &param {
            Some(p) => (
                format!(", {p}: serde::Deserialize<'de>"),
                format!("__Visitor<{p}>(std::marker::PhantomData<{p}>);"),
                format!("__Visitor<{p}>"),
                "__Visitor(std::marker::PhantomData)",
            ),
            None => (
                String::new(),
                "__Visitor;".to_owned(),
                "__Visitor".to_owned(),
                "__Visitor",
            ),
        };
        let expecting = Literal::string(&format!("a {name} object"));
        format!(
            "\
{decl}    /// Fields the documentation does not list, kept as received.
    #[serde(flatten)]
    pub extra: crate::Extra,
}}
impl<'de{bounds}> serde::Deserialize<'de> for {this} {{
    fn deserialize<__D: serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<{this}, __D::Error> {{
        struct {visitor}
        impl<'de{bounds}> serde::de::Visitor<'de> for {visitor_ty} {{
            type Value = {this};
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {{
                f.write_str({expecting})
            }}
            fn visit_map<__A: serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<{this}, __A::Error> {{
{slots}                let mut extra = crate::Extra::new();
                while let Some(key) = map.next_key::<crate::runtime::Key<'de>>()? {{
                    match &*key.0 {{
{arms}                        _ => crate::runtime::next_extra(&mut map, &mut extra, key),
                    }}?;
                }}
                Ok({name} {{
{inits}                    extra,
                }})
            }}
        }}
        deserializer.deserialize_map({visitor_new})
    }}
}}
"
        )
    }
}

/// The indents of a slot, a match arm and an initializer in the impl.
const SLOT: &str = "                ";
const ARM: &str = "                        ";
const INIT: &str = "                    ";

/// A field's `#[serde(..)]` line, if it has any items: on one line, or
/// one item a line past the margin, as prettyplease breaks it.
fn serde_attr(items: &[String]) -> String {
    if items.is_empty() {
        return String::new();
    }
    let line = format!("    #[serde({})]\n", items.join(", "));
    if line.len() - 1 <= MARGIN {
        return line;
    }
    let mut out = "    #[serde(\n".to_owned();
    for (i, item) in items.iter().enumerate() {
        let comma = if i + 1 < items.len() { "," } else { "" };
        let _ = writeln!(out, "        {item}{comma}");
    }
    out.push_str("    )]\n");
    out
}

#[cfg(test)]
mod tests {
    use proc_macro2::{Ident, Span};
    use quote::quote;

    use super::{Doc, Struct};
    use crate::emit::doc::Md;

    fn ident(name: &str) -> Ident {
        Ident::new(name, Span::call_site())
    }

    fn doc(text: &str) -> Doc {
        Doc::new()
            .prose(Some(text))
            .para(Md::ours("Example: ") + Md::code("7"))
    }

    /// The impl is Rust, and a key from a page stays inside its literal.
    #[test]
    fn the_impl_is_rust_and_keys_stay_literals() {
        let mut s = Struct::new(&ident("Order"), None, &Doc::new());
        s.field(&ident("id"), "id", "i64", false, &Doc::new());
        let hostile = "\"); std::process::exit(1); (\"\n";
        s.field(
            &ident("note"),
            hostile,
            "crate::Maybe<String>",
            true,
            &Doc::new(),
        );
        let text = s.finish();
        let file: syn::File = syn::parse_str(&text).expect("the impl parses");
        assert_eq!(file.items.len(), 2);
        assert!(!text.contains("std::process::exit(1); (\"\n"), "{text}");
        assert!(text.contains(
            r#""\"); std::process::exit(1); (\"\n" => crate::runtime::next_value(&mut map, &mut f_note)"#
        ));
    }

    /// Page text in a doc stays in the doc: a line break in it does not
    /// end the comment, whatever the text says.
    #[test]
    fn page_text_in_docs_stays_comment() {
        let hostile = "ok\n}\nfn evil() {}\r\n/// \u{2028}pub struct X;\n//! inner";
        let mut s = Struct::new(&ident("Order"), None, &doc(hostile));
        s.field(&ident("id"), "id", "i64", false, &doc(hostile));
        let text = s.finish();
        let file: syn::File = syn::parse_str(&text).expect("parses");
        assert_eq!(file.items.len(), 2, "{text}");
        assert!(!text.contains("\nfn evil"), "{text}");
        for line in text.lines() {
            let code = line.trim_start();
            assert!(
                code.starts_with("///") || !code.contains("evil"),
                "page text outside a comment: {line}"
            );
        }
    }

    /// The declaration is what prettyplease prints for the same struct as
    /// tokens, docs and broken attributes included: keys whose attribute
    /// lines run from 86 to 93 columns, across the margin.
    #[test]
    fn the_declaration_is_laid_out_as_prettyplease_would() {
        let keys: Vec<String> = (12..=19).chain(61..=68).map(|n| "k".repeat(n)).collect();
        let mut s = Struct::new(&ident("Order"), None, &doc("An order."));
        let mut fields = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            let id = ident(&format!("f{i}"));
            let maybe = key.len() < 40;
            let d = doc("Its  key.   ");
            s.field(&id, key, "crate::Maybe<String>", maybe, &d);
            let attrs = d.attrs();
            let skip = maybe.then(|| quote!(, skip_serializing_if = "crate::Maybe::is_absent"));
            fields.push(quote! {
                #attrs
                #[serde(rename = #key #skip)]
                pub #id: crate::Maybe<String>,
            });
        }
        s.field(&ident("id"), "id", "i64", false, &Doc::new());
        let struct_doc = doc("An order.").attrs();
        let tokens = quote! {
            #struct_doc
            #[derive(Clone, Debug, PartialEq, serde::Serialize)]
            #[non_exhaustive]
            pub struct Order {
                #(#fields)*
                pub id: i64,
                /// Fields the documentation does not list, kept as received.
                #[serde(flatten)]
                pub extra: crate::Extra,
            }
        };
        let expected = prettyplease::unparse(&syn::parse2(tokens).unwrap());
        let text = s.finish();
        assert_eq!(text.matches("    #[serde(\n").count(), 8, "{text}");
        assert_eq!(&text[..expected.len()], expected);
    }

    #[test]
    fn a_generic_envelope_reads_its_parameter() {
        let mut s = Struct::new(&ident("Envelope"), Some(&ident("Payload")), &Doc::new());
        s.field(&ident("data"), "data", "Payload", false, &Doc::new());
        let text = s.finish();
        syn::parse_str::<syn::File>(&text).expect("the impl parses");
        assert!(text.starts_with("#[derive(Clone, Debug, PartialEq, serde::Serialize)]\n#[non_exhaustive]\npub struct Envelope<Payload> {\n"));
        assert!(text.contains(
            "impl<'de, Payload: serde::Deserialize<'de>> serde::Deserialize<'de> for Envelope<Payload> {"
        ));
        assert!(text.contains("deserializer.deserialize_map(__Visitor(std::marker::PhantomData))"));
    }
}
