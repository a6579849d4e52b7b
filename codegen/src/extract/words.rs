//! Glued words apart: `deliveredopenedclicked` → `delivered`, `opened`,
//! `clicked`, when the page says how many there are.
//!
//! A table cell `enum (3)` whose values lost their separators is common in
//! rendered OpenAPI references copied out of a browser. Letter case cannot
//! split lowercase values, so English word frequencies do: the split into
//! exactly that many known words with the least cost, a word's cost being
//! `ln(rank × ln(words))` (Zipf's law, as Word Ninja scores). A value with
//! `_` or `-` inside (`past_due`) is a run of known words joined so. No
//! split into known words means no values.

use std::sync::OnceLock;

use crate::hash::Map as HashMap;

/// Word → cost, built on first use.
fn costs() -> &'static HashMap<&'static str, f64> {
    static COSTS: OnceLock<HashMap<&'static str, f64>> = OnceLock::new();
    COSTS.get_or_init(|| {
        let words: Vec<&str> = include_str!("../../data/words.txt")
            .lines()
            .filter(|w| !w.is_empty())
            .collect();
        let n = (words.len() as f64).ln();
        words
            .iter()
            .enumerate()
            .map(|(rank, w)| (*w, ((rank + 1) as f64 * n).ln()))
            .collect()
    })
}

/// The longest value read: longer runs are not one value.
const MAX_VALUE: usize = 40;

/// What one value costs, if every word of it is known.
fn value_cost(value: &str) -> Option<f64> {
    if value.starts_with(['_', '-']) || value.ends_with(['_', '-']) {
        return None;
    }
    value
        .split(['_', '-'])
        .map(|w| {
            (w.len() >= 2 || w == "a")
                .then(|| costs().get(w).copied())
                .flatten()
        })
        .sum()
}

/// Splits `text` (lowercase letters, digits, `_` and `-`) into exactly `n`
/// values of known words; `None` if it cannot.
pub fn split_into(text: &str, n: usize) -> Option<Vec<String>> {
    let ok = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-');
    if n == 0 || text.is_empty() || !text.chars().all(ok) || n > text.len() {
        return None;
    }
    let len = text.len();
    // best[k][i]: the least cost of `text[..i]` as `k` values, and where the
    // last one starts.
    let mut best = vec![vec![None::<(f64, usize)>; len + 1]; n + 1];
    best[0][0] = Some((0.0, 0));
    for k in 1..=n {
        for i in 1..=len {
            for j in i.saturating_sub(MAX_VALUE)..i {
                let Some((before, _)) = best[k - 1][j] else {
                    continue;
                };
                let Some(cost) = value_cost(&text[j..i]) else {
                    continue;
                };
                let total = before + cost;
                if best[k][i].is_none_or(|(c, _)| total < c) {
                    best[k][i] = Some((total, j));
                }
            }
        }
    }
    best[n][len]?;
    let mut out = Vec::with_capacity(n);
    let mut i = len;
    for k in (1..=n).rev() {
        let (_, j) = best[k][i]?;
        out.push(text[j..i].to_owned());
        i = j;
    }
    out.reverse();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::split_into;

    #[test]
    fn glued_values_split_into_as_many_words_as_the_page_says() {
        assert_eq!(
            split_into("permanenttemporary", 2).unwrap(),
            ["permanent", "temporary"]
        );
        assert_eq!(
            split_into("activepast_duecanceledtrialing", 4).unwrap(),
            ["active", "past_due", "canceled", "trialing"]
        );
        assert_eq!(split_into("openclosed", 2).unwrap(), ["open", "closed"]);
        // The count decides between splits of the same letters.
        assert_eq!(split_into("openclosed", 1), None);
        // Unknown words, or more values than letters allow: no values.
        assert_eq!(split_into("xqzvbkw", 2), None);
        assert_eq!(split_into("ab", 3), None);
        assert_eq!(split_into("Open", 1), None);
    }
}
