//! `hookgen explain`: each field of a vendor's payloads with its type,
//! presence, nullability and enum, and the evidence behind each.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::drift::label;
use crate::ir::{self, Ty};

/// The explanation of `vendor`'s payload fields whose JSON path starts with
/// `prefix` (all of them when it is empty); an error naming the top-level
/// fields when a `prefix` matches none.
pub fn render(vendor: &ir::Vendor, prefix: &str) -> Result<String, String> {
    let mut out = String::new();
    let carried = match &vendor.discriminator {
        Some(d) if d.fields.is_empty() => {
            format!("is in {}", d.outside_body().unwrap_or_default())
        }
        Some(d) => format!(
            "is in {}",
            d.fields
                .iter()
                .map(|f| format!("`{}`", crate::ir::path_text(f)))
                .collect::<Vec<_>>()
                .join(" + ")
        ),
        None => "is not known: pass it to `from_json_with_type`".to_owned(),
    };
    let _ = writeln!(
        out,
        "{}: {} event types; the event type {carried}",
        vendor.name,
        vendor.events.len()
    );
    // Events sharing a payload type are explained once.
    let mut payloads: Vec<(&str, Vec<&str>)> = Vec::new();
    for e in &vendor.events {
        match &e.payload {
            Some(p) => match payloads.iter_mut().find(|(q, _)| q == p) {
                Some((_, events)) => events.push(&e.name),
                None => payloads.push((p, vec![&e.name])),
            },
            None if prefix.is_empty() => {
                let _ = writeln!(out, "\n{}: no payload documented (kept as JSON)", e.name);
            }
            None => {}
        }
    }
    let mut shown = 0;
    let mut top = BTreeSet::new();
    for (payload, events) in payloads {
        let _ = writeln!(out, "\n{} → {payload}", events.join(", "));
        let mut seen = BTreeSet::new();
        shown += walk(vendor, payload, "", prefix, &mut seen, &mut out);
        if let Some(ir::TypeDef::Struct(s)) = vendor.types.iter().find(|t| t.name() == payload) {
            top.extend(s.fields.iter().map(|f| f.name.as_str()));
        }
    }
    if shown == 0 && !prefix.is_empty() {
        let top: Vec<&str> = top.into_iter().take(20).collect();
        return Err(format!(
            "no field of `{}`'s payloads is at `{prefix}` (their fields start: {})",
            vendor.name,
            if top.is_empty() {
                "none".to_owned()
            } else {
                top.join(", ")
            }
        ));
    }
    Ok(out)
}

/// Whether `path` is `prefix` or below it, by whole segments.
fn within(path: &str, prefix: &str) -> bool {
    prefix.is_empty()
        || path == prefix
        || path
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('.'))
}

fn walk(
    v: &ir::Vendor,
    type_name: &str,
    path: &str,
    prefix: &str,
    seen: &mut BTreeSet<String>,
    out: &mut String,
) -> usize {
    let mut shown_fields = 0;
    if !seen.insert(type_name.to_owned()) {
        return 0;
    }
    let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == type_name) else {
        return 0;
    };
    for f in &s.fields {
        let p = if path.is_empty() {
            f.name.clone()
        } else {
            format!("{path}.{}", f.name)
        };
        // By whole segments: `data.total` is not under `data.tot`.
        let under = within(&p, prefix);
        let shown = under || within(prefix, &p);
        if under {
            shown_fields += 1;
            let presence = if f.required {
                "required"
            } else {
                "may be absent"
            };
            let null = if f.nullable { "nullable" } else { "not null" };
            let rust = match f.repr() {
                ir::Repr::Plain => label(&f.ty),
                ir::Repr::Option => format!("Option<{}>", label(&f.ty)),
                ir::Repr::Maybe => format!("Maybe<{}>", label(&f.ty)),
            };
            // Required by samples alone, the Rust type still takes it absent.
            let lenient = if f.required && f.repr() == ir::Repr::Maybe {
                ", which also accepts it absent or null"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "  {p}: {}, {presence}, {null}; in Rust `{rust}`{lenient}  ({})",
                label(&f.ty),
                f.source.file_line()
            );
            if let Some(values) = enum_values(v, &f.ty) {
                let _ = writeln!(out, "      enum (open): {values}");
            }
            for why in &f.why {
                let _ = writeln!(out, "      {why}");
            }
        }
        if shown {
            if let Some(inner) = struct_in(&f.ty) {
                shown_fields += walk(v, inner, &p, prefix, seen, out);
            }
        }
    }
    seen.remove(type_name);
    shown_fields
}

/// The struct a field's type holds, through arrays.
fn struct_in(t: &Ty) -> Option<&str> {
    match t {
        Ty::Named { name } => Some(name),
        Ty::Array { items, .. } => struct_in(items),
        Ty::Nullable { inner } => struct_in(inner),
        _ => None,
    }
}

fn enum_values(v: &ir::Vendor, t: &Ty) -> Option<String> {
    let Ty::Named { name } = t else { return None };
    let Some(ir::TypeDef::Enum(e)) = v.types.iter().find(|t| t.name() == name) else {
        return None;
    };
    let values: Vec<String> = match &e.values {
        ir::EnumValues::Strings(s) => s.iter().map(|s| format!("`{s}`")).collect(),
        ir::EnumValues::Integers(i) => i
            .iter()
            .map(|(n, l)| l.as_ref().map_or(n.to_string(), |l| format!("{n} ({l})")))
            .collect(),
    };
    Some(format!("{} ({})", values.join(", "), e.source.file_line()))
}
