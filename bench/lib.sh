# Shared by the bench scripts: source it from the repository root.

# The cargo target folder, wherever CARGO_TARGET_DIR or a config puts it.
target_dir() {
  cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])'
}
