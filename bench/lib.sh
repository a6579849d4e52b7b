# Shared by the bench scripts: source it from the repository root.

# The cargo target folder, wherever CARGO_TARGET_DIR or a config puts it.
target_dir() {
  cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])'
}

# quicktype's Rust output ($2, the lib.rs github.sh leaves) as a crate in $1,
# with the dependencies its derives need.
quicktype_crate() {
  mkdir -p "$1/src"
  cp "$2" "$1/src/lib.rs"
  cat >"$1/Cargo.toml" <<'TOML'
[package]
name = "quicktype-models"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
serde = { version = "1", features = ["derive"] }
serde_json = "1"
TOML
}
