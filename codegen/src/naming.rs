//! The one funnel every generated name passes through.
//!
//! Wire names become Rust identifiers here and nowhere else, so that keyword,
//! digit, punctuation and collision handling is consistent and tested once.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words Rust reserves (strict and reserved keywords, 2021 edition).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keeps ASCII letters and digits; every other character separates words.
/// Non-ASCII letters are kept as `uXXXX` so distinct names stay distinct.
fn words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c.is_alphanumeric() {
            out.push_str(&format!("_u{:04x}_", c as u32));
        } else {
            out.push('_');
        }
    }
    out
}

/// A type or variant name: `customer.updated` → `CustomerUpdated`,
/// `3ds` → `V3ds`, `` → `Empty`.
pub fn pascal(s: &str) -> String {
    let name = words(s).to_upper_camel_case();
    match name.chars().next() {
        None => "Empty".to_owned(),
        Some(c) if c.is_ascii_digit() => format!("V{name}"),
        _ if KEYWORDS.contains(&name.as_str()) => format!("{name}Value"),
        _ => name,
    }
}

/// A field or module name: `phoneType` → `phone_type`, `type` → `type_`,
/// `3ds` → `_3ds`, `` → `empty`.
pub fn snake(s: &str) -> String {
    let name = words(s).to_snake_case();
    match name.chars().next() {
        None => "empty".to_owned(),
        Some(c) if c.is_ascii_digit() => format!("_{name}"),
        _ if KEYWORDS.contains(&name.as_str()) => format!("{name}_"),
        _ => name,
    }
}

/// Hands out unique names within one scope, in the order asked.
#[derive(Debug, Default)]
pub struct Scope {
    taken: std::collections::BTreeSet<String>,
}

impl Scope {
    /// A scope whose names must avoid `reserved`.
    pub fn with_reserved(reserved: &[&str]) -> Scope {
        Scope {
            taken: reserved.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    pub fn is_taken(&self, name: &str) -> bool {
        self.taken.contains(name)
    }

    /// `name` if free, else `name2`, `name3`… (after an `_` for snake names).
    pub fn claim(&mut self, name: &str) -> String {
        let sep = if name.contains(|c: char| c.is_ascii_uppercase()) || name.ends_with('_') {
            ""
        } else {
            "_"
        };
        let mut candidate = name.to_owned();
        let mut n = 2;
        while !self.taken.insert(candidate.clone()) {
            candidate = format!("{name}{sep}{n}");
            n += 1;
        }
        candidate
    }
}

/// English singular for naming array items: `integrations` → `integration`,
/// `entries` → `entry`, `addresses` → `address`; `status` stays.
/// Files and modules of the generated crate that no vendor module may take.
pub const CRATE_MODULES: &[&str] = &["lib", "main", "mod", "runtime", "any_event", "build"];

/// The module name of each vendor folder, in the order given: its snake
/// case, clear of the crate's own modules and of each other, in snake case
/// (the module, the feature) and in Pascal case (the `AnyEvent` variant)
/// alike: `acme-pay` and `acme_pay`, `a1` and `a_1`, `self` and `Self`
/// each get a name of their own.
pub fn vendor_modules(folders: &[&str]) -> Vec<String> {
    let mut snakes = Scope::with_reserved(CRATE_MODULES);
    let mut pascals = Scope::default();
    folders
        .iter()
        .map(|folder| {
            let base = snake(folder);
            let mut name = snakes.claim(&base);
            while pascals.is_taken(&pascal(&name)) {
                name = snakes.claim(&base);
            }
            pascals.claim(&pascal(&name));
            name
        })
        .collect()
}

pub fn singular(s: &str) -> String {
    let lower = s.to_ascii_lowercase();
    if let Some(stem) = lower.strip_suffix("ies") {
        if !stem.is_empty() {
            return format!("{}y", &s[..stem.len()]);
        }
    }
    for suffix in ["sses", "shes", "ches", "xes"] {
        if lower.ends_with(suffix) {
            return s[..s.len() - 2].to_owned();
        }
    }
    if lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && s.len() > 1
    {
        return s[..s.len() - 1].to_owned();
    }
    s.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vendor_modules_never_collide() {
        let folders = [
            "lib",
            "runtime",
            "any_event",
            "acme-pay",
            "acme_pay",
            "a1",
            "a_1",
            "self",
            "Self",
            "ok",
        ];
        let names = vendor_modules(&folders);
        assert_eq!(
            names,
            [
                "lib_2",
                "runtime_2",
                "any_event_2",
                "acme_pay",
                "acme_pay_2",
                "a1",
                "a_1_2",
                "self_",
                "self_2",
                "ok"
            ]
        );
        let pascals: std::collections::BTreeSet<String> = names.iter().map(|n| pascal(n)).collect();
        assert_eq!(pascals.len(), names.len(), "{pascals:?}");
    }

    #[test]
    fn awkward_names() {
        let trials = [
            ("type", "type_", "Type"),
            ("self", "self_", "SelfValue"),
            ("Self", "self_", "SelfValue"),
            ("crate", "crate_", "Crate"),
            ("async", "async_", "Async"),
            ("3ds", "_3ds", "V3ds"),
            ("foo-bar", "foo_bar", "FooBar"),
            ("fooBar", "foo_bar", "FooBar"),
            ("customer.updated", "customer_updated", "CustomerUpdated"),
            ("", "empty", "Empty"),
            ("a b\"c*/", "a_b_c", "ABC"),
            ("caf\u{e9}", "caf_u00e9", "CafU00e9"),
            ("UPPER_SNAKE", "upper_snake", "UpperSnake"),
            ("v3/orders.create", "v3_orders_create", "V3OrdersCreate"),
        ];
        for (wire, field, ty) in trials {
            assert_eq!(
                (snake(wire).as_str(), pascal(wire).as_str()),
                (field, ty),
                "{wire:?}"
            );
        }
    }

    #[test]
    fn collisions_get_numbered() {
        let mut scope = Scope::with_reserved(&["Event"]);
        assert_eq!(scope.claim("Event"), "Event2");
        assert_eq!(scope.claim("foo_bar"), "foo_bar");
        assert_eq!(scope.claim("foo_bar"), "foo_bar_2");
        assert_eq!(scope.claim("self_"), "self_");
        assert_eq!(scope.claim("self_"), "self_2");
    }

    #[test]
    fn singulars() {
        for (p, s) in [
            ("integrations", "integration"),
            ("entries", "entry"),
            ("addresses", "address"),
            ("status", "status"),
            ("lines", "line"),
            ("data", "data"),
        ] {
            assert_eq!(singular(p), s);
        }
    }
}
