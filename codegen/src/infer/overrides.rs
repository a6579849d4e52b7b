//! Corrections from `hookgen.toml` (`[[override]]`), laid over what the
//! pages say: each marks the places its path matches.

use crate::diag::Loc;

use super::shape::Shape;

/// A correction for the fields a JSON path matches, from `hookgen.toml`.
#[derive(Clone, Debug, Default)]
pub struct Override {
    /// From the payload root; arrays are transparent; `*` matches one
    /// segment, `**` any number.
    pub path: Vec<String>,
    pub ty: Option<OverrideType>,
    /// The name of the type at this place (a struct or an enum).
    pub name: Option<String>,
    pub required: Option<bool>,
    pub nullable: Option<bool>,
    /// Free-form keys: a map, not a struct.
    pub map: bool,
    /// No enum, whatever values are listed or seen.
    pub no_enum: bool,
    /// No format, whatever the values look like.
    pub no_format: bool,
    pub loc: Loc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverrideType {
    String,
    Integer,
    Number,
    Boolean,
    Any,
}

/// Marks every place `path` matches; returns how many it matched.
pub(super) fn apply_override(shape: &mut Shape, path: &[String], o: &Override) -> usize {
    let Some((seg, rest)) = path.split_first() else {
        shape.over = Some(Box::new(o.clone()));
        return 1;
    };
    let node = if shape.is_array() && shape.fields.is_empty() {
        shape.items_mut()
    } else {
        shape
    };
    match seg.trim_end_matches("[]") {
        "**" => {
            let here = apply_override(node, rest, o);
            here + node
                .fields
                .iter_mut()
                .map(|(_, c)| apply_override(c, path, o))
                .sum::<usize>()
        }
        "*" => node
            .fields
            .iter_mut()
            .map(|(_, c)| apply_override(c, rest, o))
            .sum(),
        name => match node.fields.iter_mut().find(|(k, _)| k == name) {
            Some((_, c)) => apply_override(c, rest, o),
            None => 0,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Diagnostics, Source};
    use crate::extract;

    use crate::infer::{vendor, Hints, Page};

    use crate::ir::{self, Ty};

    #[test]
    fn overrides_correct_what_pages_say() {
        let text = "a.b\n\nstatus?string\n\nState.\n\nPossible values: [x, y]\n\n\
            {\"type\": \"a.b\", \"data\": {\"object\": {\"amount\": 1, \"meta\": {\"k\": \"v\"}, \
            \"when\": \"2024-01-01T00:00:00Z\", \"note\": \"n\"}}, \"status\": \"x\"}\n";
        let o = |path: &str| Override {
            path: path.split('.').map(str::to_owned).collect(),
            ..Override::default()
        };
        let hints = Hints {
            event_type_fields: Some(vec![vec!["type".to_owned()]]),
            event_type_fields_loc: None,
            event_type_header: None,
            event_type_url: None,
            overrides: vec![
                Override {
                    ty: Some(OverrideType::Number),
                    ..o("data.object.amount")
                },
                Override {
                    map: true,
                    ..o("**.meta")
                },
                Override {
                    no_format: true,
                    ..o("data.*.when")
                },
                Override {
                    name: Some("Thing".into()),
                    ..o("data.object")
                },
                Override {
                    required: Some(true),
                    nullable: Some(true),
                    ..o("data.object.note")
                },
                Override {
                    no_enum: true,
                    ..o("status")
                },
                o("nope.nothing"),
            ],
        };
        let mut diags = Diagnostics::default();
        let source = Source::new("p.md", text);
        let evidence = extract::page(&source, &mut diags);
        let v = vendor("v", &[Page { source, evidence }], &hints, &mut diags).vendor;
        let Some(ir::TypeDef::Struct(thing)) = v.types.iter().find(|t| t.name() == "Thing") else {
            panic!(
                "{:#?}",
                v.types.iter().map(|t| t.name()).collect::<Vec<_>>()
            );
        };
        let got: Vec<(&str, &Ty, bool, bool)> = thing
            .fields
            .iter()
            .map(|f| (f.name.as_str(), &f.ty, f.required, f.nullable))
            .collect();
        assert_eq!(
            got,
            [
                ("amount", &Ty::Number, true, false),
                (
                    "meta",
                    &Ty::Map {
                        values: Box::new(Ty::Any)
                    },
                    true,
                    false
                ),
                ("when", &Ty::String { format: None }, true, false),
                ("note", &Ty::String { format: None }, true, true),
            ]
        );
        let Some(ir::TypeDef::Struct(root)) = v.types.iter().find(|t| t.name() == "AB") else {
            panic!()
        };
        let status = root.fields.iter().find(|f| f.name == "status").unwrap();
        assert_eq!(status.ty, Ty::String { format: None }, "enum = false");
        let warnings: Vec<String> = diags
            .into_sorted()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("override `nope.nothing` matches no field")),
            "{warnings:?}"
        );
    }
}
