//! Hashing for the tool's own tables and digests: one fast hasher.
//!
//! std's SipHash was 7% of generation's instructions (tables of field
//! paths and keys, digests of example values). `foldhash` is the hasher
//! hashbrown ships by default: tables keep a random seed, so a page cannot
//! choose keys that collide; digests use a fixed one, so that they are the
//! same on every run. No hash reaches the output: they tell values apart.

use std::hash::{BuildHasher, Hash};

/// A hash table keyed by [`foldhash`], randomly seeded.
pub type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
/// A hash set keyed by [`foldhash`], randomly seeded.
pub type Set<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

/// A digest of `value`, the same for equal values and in every run.
pub fn stable<T: Hash + ?Sized>(value: &T) -> u64 {
    foldhash::fast::FixedState::default().hash_one(value)
}

#[cfg(test)]
mod tests {
    #[test]
    fn digests_tell_values_apart_and_repeat() {
        let a = serde_json::json!({"id": 1, "tags": ["a", "b"]});
        let b = serde_json::json!({"id": 1, "tags": ["b", "a"]});
        assert_eq!(super::stable(&a), super::stable(&a.clone()));
        assert_ne!(super::stable(&a), super::stable(&b));
        assert_ne!(super::stable("ab"), super::stable("ba"));
    }
}
