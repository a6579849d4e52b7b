//! A struct's `Deserialize` impl, written as text.
//!
//! Read by hand rather than derived: unknown keys go straight into `extra`,
//! without the buffering `#[serde(flatten)]` needs. The impl is the bulk of
//! a vendor module (a slot, an arm and an initializer per field) and its
//! layout is fixed, so it is laid out here, one line per field's piece,
//! rather than built as tokens, parsed by syn and printed by prettyplease
//! (that round trip was a quarter of generation). Vendor modules are
//! `#[rustfmt::skip]`, so a long line stays as written.
//!
//! What comes from a page reaches this text only as an `Ident` (checked by
//! `proc_macro2`) or a string literal (`proc_macro2::Literal`, escaped), as
//! with `quote!`; types come from `emit::rust_type_text`, whose names are
//! idents too.

use std::fmt::Write;

use proc_macro2::{Ident, Literal};

/// The impl of one struct, built a field at a time.
pub struct Struct {
    /// The type as written where it is used: `Order`, `Envelope<Payload>`.
    this: String,
    /// The struct's name alone, for its literal.
    name: String,
    /// The envelope's type parameter, for a generic struct.
    param: Option<String>,
    slots: String,
    arms: String,
    inits: String,
}

impl Struct {
    pub fn new(name: &Ident, param: Option<&Ident>) -> Struct {
        let name = name.to_string();
        let param = param.map(Ident::to_string);
        Struct {
            this: match &param {
                Some(p) => format!("{name}<{p}>"),
                None => name.clone(),
            },
            name,
            param,
            slots: String::new(),
            arms: String::new(),
            inits: String::new(),
        }
    }

    /// A field: its Rust name, its key in the payload, its type (`held`),
    /// and whether absent is allowed (a `Maybe`, which starts `Absent`) or
    /// an error (`missing_field`).
    pub fn field(&mut self, id: &Ident, wire: &str, held: &str, maybe: bool) {
        let slot = format!("f_{}", id.to_string().trim_start_matches('_'));
        let key = Literal::string(wire);
        // Writing to a `String` cannot fail.
        let (s, a, i) = (&mut self.slots, &mut self.arms, &mut self.inits);
        if maybe {
            let _ = writeln!(s, "{:16}let mut {slot}: {held} = crate::Maybe::Absent;", "");
            let _ = writeln!(a, "{:24}{key} => {slot} = map.next_value()?,", "");
            let _ = writeln!(i, "{:20}{id}: {slot},", "");
        } else {
            let _ = writeln!(s, "{:16}let mut {slot}: Option<{held}> = None;", "");
            let _ = writeln!(a, "{:24}{key} => {slot} = Some(map.next_value()?),", "");
            let _ = writeln!(
                i,
                "{:20}{id}: {slot}.ok_or_else(|| <__A::Error as serde::de::Error>::missing_field({key}))?,",
                ""
            );
        }
    }

    /// The impl, ending with a newline, as prettyplease ends an item.
    pub fn finish(self) -> String {
        let Struct {
            this,
            name,
            param,
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
{arms}                        _ => {{
                            extra.insert(key.0.into_owned(), map.next_value()?);
                        }}
                    }}
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

#[cfg(test)]
mod tests {
    use proc_macro2::{Ident, Span};

    fn ident(name: &str) -> Ident {
        Ident::new(name, Span::call_site())
    }

    /// The impl is Rust, and a key from a page stays inside its literal.
    #[test]
    fn the_impl_is_rust_and_keys_stay_literals() {
        let mut s = super::Struct::new(&ident("Order"), None);
        s.field(&ident("id"), "id", "i64", false);
        let hostile = "\"); std::process::exit(1); (\"\n";
        s.field(&ident("note"), hostile, "crate::Maybe<String>", true);
        let text = s.finish();
        let file: syn::File = syn::parse_str(&text).expect("the impl parses");
        assert_eq!(file.items.len(), 1);
        assert!(!text.contains("std::process::exit(1); (\"\n"), "{text}");
        assert!(text.contains(r#""\"); std::process::exit(1); (\"\n" => f_note"#));
    }

    #[test]
    fn a_generic_envelope_reads_its_parameter() {
        let mut s = super::Struct::new(&ident("Envelope"), Some(&ident("Payload")));
        s.field(&ident("data"), "data", "Payload", false);
        let text = s.finish();
        syn::parse_str::<syn::File>(&text).expect("the impl parses");
        assert!(text.starts_with(
            "impl<'de, Payload: serde::Deserialize<'de>> serde::Deserialize<'de> for Envelope<Payload> {"
        ));
        assert!(text.contains("deserializer.deserialize_map(__Visitor(std::marker::PhantomData))"));
    }
}
