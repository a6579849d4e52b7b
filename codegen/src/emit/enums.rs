//! An enum, written as text: its declaration, its wire accessors and its
//! serde impls.
//!
//! As with structs (see `structs`), the layout is fixed, so it is laid out
//! here as prettyplease prints it rather than built as tokens, parsed by
//! syn and printed. prettyplease breaks a line past its margin, and how
//! depends on the line: an enum with such a line (a long name, a long wire
//! value) is left to it ([`text`] gives `None`), so that the output is the
//! same either way.
//!
//! What comes from a page reaches this text only as an `Ident` (checked by
//! `proc_macro2`), a literal (`proc_macro2::Literal`, escaped), as with
//! `quote!`, or a doc comment from [`Doc::comment`].

use proc_macro2::{Ident, Literal};

use super::doc::Doc;
use super::{push, MARGIN};

/// One variant: its wire value as a literal, its name and its doc.
pub struct Variant {
    pub wire: Literal,
    pub name: Ident,
    pub doc: Doc,
}

/// The enum as prettyplease prints it, ending with a newline, or `None`
/// where a line would pass the margin. `ints`: the wire values are
/// integers (`i64`), else strings.
pub fn text(name: &Ident, doc: &Doc, variants: &[Variant], ints: bool) -> Option<String> {
    let text = layout(name, doc, variants, ints);
    // Doc comments are never broken; code lines are, past the margin.
    let fits = text
        .lines()
        .all(|l| l.len() <= MARGIN || l.trim_start().starts_with("///"));
    fits.then_some(text)
}

/// The enum with every item on one line, as prettyplease prints it where
/// each fits.
fn layout(name: &Ident, doc: &Doc, variants: &[Variant], ints: bool) -> String {
    let name = name.to_string();
    let (unknown, accessor, returns, unknown_value, param, kept, write, read) = if ints {
        (
            "i64",
            "as_i64",
            "i64",
            "*v",
            "i64",
            "v",
            "serialize_i64",
            "deserialize_i64",
        )
    } else {
        (
            "String",
            "as_str",
            "&str",
            "v",
            "&str",
            "v.to_owned()",
            "serialize_str",
            "deserialize_str",
        )
    };
    let mut decl = String::new();
    let mut to_wire = String::new();
    let mut from_wire = String::new();
    for v in variants {
        let (id, wire) = (v.name.to_string(), v.wire.to_string());
        decl.push_str(&v.doc.comment("    "));
        push(&mut decl, &["    ", &id, ",\n"]);
        push(
            &mut to_wire,
            &["            ", &name, "::", &id, " => ", &wire, ",\n"],
        );
        push(
            &mut from_wire,
            &["            ", &wire, " => ", &name, "::", &id, ",\n"],
        );
    }
    format!(
        "\
{doc}#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum {name} {{
{decl}    /// A value the documentation does not list, kept as received.
    Unknown({unknown}),
}}
impl {name} {{
    /// The value as on the wire.
    pub fn {accessor}(&self) -> {returns} {{
        match self {{
{to_wire}            {name}::Unknown(v) => {unknown_value},
        }}
    }}
    fn from_wire(v: {param}) -> {name} {{
        match v {{
{from_wire}            _ => {name}::Unknown({kept}),
        }}
    }}
}}
impl serde::Serialize for {name} {{
    fn serialize<__S: serde::Serializer>(
        &self,
        serializer: __S,
    ) -> Result<__S::Ok, __S::Error> {{
        serializer.{write}(self.{accessor}())
    }}
}}
impl<'de> serde::Deserialize<'de> for {name} {{
    fn deserialize<__D: serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<{name}, __D::Error> {{
        crate::runtime::{read}(deserializer, {name}::from_wire)
    }}
}}
",
        doc = doc.comment("")
    )
}

#[cfg(test)]
mod tests {
    use proc_macro2::{Ident, Literal, Span};

    use super::{text, Variant};
    use crate::emit::doc::{Doc, Md};
    use crate::emit::MARGIN;

    fn ident(name: &str) -> Ident {
        Ident::new(name, Span::call_site())
    }

    fn variants(wires: &[Literal]) -> Vec<Variant> {
        (wires.iter().enumerate())
            .map(|(i, wire)| Variant {
                wire: wire.clone(),
                name: ident(&format!("V{i}")),
                doc: Doc::new().para(Md::code(&wire.to_string())),
            })
            .collect()
    }

    /// The text is what prettyplease prints for the same enum as tokens,
    /// for names and wire values whose lines run up to the margin and past
    /// it, where the text is left to prettyplease.
    #[test]
    fn the_text_is_what_prettyplease_prints() {
        let doc = Doc::new()
            .prose(Some("An enum  of the page.  "))
            .para(Md::ours("Source: ") + Md::code("specs/a.txt"));
        let (mut written, mut left, mut longest) = (0, 0, 0);
        for name_len in (1..=70).step_by(3) {
            let name = ident(&format!("E{}", "n".repeat(name_len)));
            for wire_len in (1..=80).step_by(7) {
                let strings = variants(&[
                    Literal::string(&"w".repeat(wire_len)),
                    Literal::string("a \"quoted\"\nline\\"),
                    Literal::string("é"),
                ]);
                let ints = variants(&[
                    Literal::i64_suffixed(-7),
                    Literal::i64_suffixed(wire_len as i64),
                ]);
                for (vs, is_int) in [(&strings, false), (&ints, true)] {
                    let tokens = super::super::enum_tokens(&name, &doc, vs, is_int);
                    let file = syn::parse2(tokens).expect("the enum parses");
                    let printed = prettyplease::unparse(&file);
                    match text(&name, &doc, vs, is_int) {
                        Some(t) => {
                            assert_eq!(t, printed, "name {name_len}, wire {wire_len}");
                            let code = t.lines().filter(|l| !l.trim_start().starts_with("///"));
                            longest = longest.max(code.map(str::len).max().unwrap_or(0));
                            written += 1;
                        }
                        // Left to prettyplease past the margin, which
                        // it may not break (a trailing comma may hang
                        // over): the same output either way.
                        None => left += 1,
                    }
                }
            }
        }
        assert!(written > 100 && left > 10, "{written} written, {left} left");
        // Written right up to the margin.
        assert_eq!(longest, MARGIN);
    }

    /// A wire value from a page stays inside its literal.
    #[test]
    fn wire_values_stay_literals() {
        let hostile = "\"; std::process::exit(1); \"";
        let vs = variants(&[Literal::string(hostile)]);
        let t = text(&ident("Status"), &Doc::new(), &vs, false).expect("fits");
        let file: syn::File = syn::parse_str(&t).expect("parses");
        assert_eq!(file.items.len(), 4);
        assert!(
            t.contains(r#""\"; std::process::exit(1); \"" => Status::V0"#),
            "{t}"
        );
    }
}
