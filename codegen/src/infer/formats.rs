//! Formats and numbers: the scalar type of a place, from the page's type
//! word or the values seen (a date-time, a Unix time, a decimal string;
//! only a promise makes an integer).

use crate::extract::{DocType, EnumValues as DocValues, Format};
use crate::ir::Ty;

use super::shape::Shape;
use super::types::Builder;

impl<'d> Builder<'d> {
    /// The type of a scalar place: the table's word, checked against what the
    /// examples show; a clash gives `Any` and a warning.
    pub(super) fn scalar(&mut self, shape: &Shape, key: &str) -> Option<Ty> {
        let seen_string = shape.strings > 0;
        let seen_number = shape.ints + shape.floats > 0;
        let seen_bool = shape.bools > 0;
        let seen_compound = shape.objects + shape.arrays > 0;
        let kinds = [seen_string, seen_number, seen_bool, seen_compound]
            .iter()
            .filter(|k| **k)
            .count();
        let observed = if kinds > 1 {
            None
        } else if seen_string {
            Some(DocType::String)
        } else if shape.floats > 0 {
            Some(DocType::Number)
        } else if shape.ints > 0 {
            Some(DocType::Integer)
        } else if seen_bool {
            Some(DocType::Boolean)
        } else {
            Some(DocType::Any)
        };
        let documented = shape.doc_type().cloned();
        if documented.is_none() && observed.is_none() {
            return None;
        }
        let promised_integer = documented == Some(DocType::Integer);
        let chosen = match (documented, observed) {
            (Some(d), Some(DocType::Any)) => d,
            (Some(DocType::Number), Some(DocType::Integer)) => DocType::Number,
            (Some(d), Some(o)) if d == o => d,
            (None, Some(o)) => o,
            (d, o) => {
                if let Some(loc) = &shape.loc {
                    let said = d.map_or("nothing".to_owned(), |d| format!("{d:?}").to_lowercase());
                    let shown = o.map_or("several kinds of value".to_owned(), |o| {
                        format!("a {}", format!("{o:?}").to_lowercase())
                    });
                    self.diags.warn(loc.clone(), format!("`{key}`: the table says {said} but the examples show {shown}; typed as any JSON value"));
                }
                DocType::Any
            }
        };
        let doc_format = shape.doc.as_ref().and_then(|d| d.format);
        Some(match chosen {
            DocType::String => Ty::String {
                format: doc_format.or_else(|| string_format(&shape.str_values)),
            },
            DocType::Integer => {
                let format = doc_format.or_else(|| unix_time(key, &shape.int_values));
                // Only a promise makes an integer: an example's `199` says
                // nothing of the `89.99` a later payload may send.
                // The IR keeps what they show, an integer, and reads it as a
                // number (`Ty::read_as`).
                Ty::Integer {
                    format,
                    range: match shape.doc.as_ref().and_then(|d| d.values.as_ref()) {
                        Some(DocValues::Range(a, b)) => Some((*a, *b)),
                        _ => None,
                    },
                    from_samples: !promised_integer && format.is_none(),
                }
            }
            DocType::Number => Ty::Number,
            DocType::Boolean => Ty::Boolean,
            // A documented object no example shows: its keys are unknown.
            DocType::Object => Ty::Map {
                values: Box::new(Ty::Any),
            },
            DocType::Any | DocType::Array(_) => Ty::Any,
        })
    }
}

pub(super) fn doc_scalar(t: &DocType) -> Ty {
    match t {
        DocType::String => Ty::String { format: None },
        DocType::Integer => Ty::Integer {
            format: None,
            range: None,
            from_samples: false,
        },
        DocType::Number => Ty::Number,
        DocType::Boolean => Ty::Boolean,
        DocType::Object => Ty::Map {
            values: Box::new(Ty::Any),
        },
        DocType::Array(inner) => Ty::Array {
            items: Box::new(inner.as_deref().map_or(Ty::Any, doc_scalar)),
            only_empty: false,
        },
        DocType::Any => Ty::Any,
    }
}

/// A format every real value shows.
pub(super) fn string_format(values: &[std::sync::Arc<str>]) -> Option<Format> {
    let first = values.first()?;
    let format = [
        Format::DateTime,
        Format::Date,
        Format::Uuid,
        Format::Decimal,
    ]
    .into_iter()
    .find(|f| matches_format(*f, first))?;
    values
        .iter()
        .all(|v| matches_format(format, v))
        .then_some(format)
}

fn matches_format(f: Format, v: &str) -> bool {
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let date = b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10);
    match f {
        Format::Date => date && b.len() == 10,
        Format::DateTime => {
            date && b.len() >= 16
                && matches!(b[10], b'T' | b' ')
                && digits(11..13)
                && b[13] == b':'
                && digits(14..16)
                && b[16..]
                    .iter()
                    .all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b'Z' | b'+' | b'-'))
        }
        Format::Uuid => {
            b.len() == 36
                && b.iter().enumerate().all(|(i, c)| {
                    if matches!(i, 8 | 13 | 18 | 23) {
                        *c == b'-'
                    } else {
                        c.is_ascii_hexdigit()
                    }
                })
        }
        Format::Decimal => {
            let t = v.strip_prefix('-').unwrap_or(v);
            t.split_once('.').is_some_and(|(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && a.bytes().all(|c| c.is_ascii_digit())
                    && b.bytes().all(|c| c.is_ascii_digit())
            })
        }
        Format::UnixTime => false,
    }
}

/// Seconds since the epoch: a time-like name (`created_at`, `createdAt`,
/// `eventTimestamp`) and values between 2000 and 2100.
fn unix_time(key: &str, values: &[i64]) -> Option<Format> {
    let k = crate::naming::snake(key);
    let timeish = k.ends_with("_at")
        || k.ends_with("_time")
        || k.ends_with("_date")
        || k.ends_with("timestamp")
        || matches!(
            k.as_str(),
            "created" | "updated" | "start" | "end" | "time" | "date"
        );
    let plausible = !values.is_empty()
        && values
            .iter()
            .all(|v| (946_684_800..=4_102_444_800).contains(v));
    (timeish && plausible).then_some(Format::UnixTime)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn strings(values: &[&str]) -> Vec<Arc<str>> {
        values.iter().map(|v| Arc::from(*v)).collect()
    }

    #[test]
    fn a_string_format_holds_for_every_value_or_none() {
        let f = |v: &[&str]| string_format(&strings(v));
        assert_eq!(
            f(&["2024-01-02T03:04:05Z", "2024-01-02 03:04:05.123+02:00"]),
            Some(Format::DateTime)
        );
        assert_eq!(f(&["2024-01-02"]), Some(Format::Date));
        assert_eq!(
            f(&["123e4567-e89b-12d3-a456-426614174000"]),
            Some(Format::Uuid)
        );
        assert_eq!(f(&["89.99", "-0.50"]), Some(Format::Decimal));
        // One value of another kind undoes it.
        assert_eq!(f(&["2024-01-02", "tomorrow"]), None);
        assert_eq!(f(&["89.99", "199"]), None);
        // Look-alikes are plain strings.
        assert_eq!(f(&["2024-01-02T03:04 in Paris"]), None);
        assert_eq!(f(&["1.2.3"]), None);
        assert_eq!(f(&[".5"]), None);
        assert_eq!(f(&["123e4567-e89b-12d3-a456-42661417400g"]), None);
        assert_eq!(f(&[]), None);
    }

    #[test]
    fn a_unix_time_takes_a_time_like_name_in_any_case_and_plausible_seconds() {
        for key in [
            "created_at",
            "createdAt",
            "CreatedAt",
            "eventTimestamp",
            "created",
            "expiry_time",
            "due_date",
        ] {
            assert_eq!(
                unix_time(key, &[1_700_000_000]),
                Some(Format::UnixTime),
                "{key}"
            );
        }
        // Not time-like names, however plausible the numbers.
        for key in ["amount", "attempts", "format", "data"] {
            assert_eq!(unix_time(key, &[1_700_000_000]), None, "{key}");
        }
        // Milliseconds, counts and years are not seconds since the epoch.
        assert_eq!(unix_time("created_at", &[1_700_000_000_000]), None);
        assert_eq!(unix_time("created_at", &[2024]), None);
        assert_eq!(unix_time("created_at", &[1_700_000_000, 5]), None);
        assert_eq!(unix_time("created_at", &[]), None);
    }

    #[test]
    fn a_documented_type_word_is_its_scalar() {
        assert_eq!(
            doc_scalar(&DocType::Integer),
            Ty::Integer {
                format: None,
                range: None,
                from_samples: false
            }
        );
        assert_eq!(
            doc_scalar(&DocType::Array(Some(Box::new(DocType::String)))),
            Ty::Array {
                items: Box::new(Ty::String { format: None }),
                only_empty: false
            }
        );
        assert_eq!(
            doc_scalar(&DocType::Array(None)),
            Ty::Array {
                items: Box::new(Ty::Any),
                only_empty: false
            }
        );
        assert_eq!(
            doc_scalar(&DocType::Object),
            Ty::Map {
                values: Box::new(Ty::Any)
            }
        );
    }
}
