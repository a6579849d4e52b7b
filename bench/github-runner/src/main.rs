//! Reads each held-out payload (manifest: event TAB file) with the
//! generated crate, as a service would with the `X-GitHub-Event` header, and
//! prints one JSON line per payload: whether it parsed, the variant's event
//! type, and what serializing it gives back.
use std::io::Write;

fn main() {
    let manifest = std::env::args().nth(1).expect("usage: runner MANIFEST");
    let manifest = std::fs::read_to_string(manifest).expect("manifest");
    let mut out = std::io::stdout().lock();
    for line in manifest.lines().filter(|l| !l.is_empty()) {
        let (event, path) = line.split_once('\t').expect("event TAB file");
        let body = std::fs::read(path).expect("payload");
        let row = match webhook_models::github::Event::from_json_with_type(event, &body) {
            Ok(e) => serde_json::json!({
                "path": path,
                "ok": true,
                "unknown": e.is_unknown(),
                "event_type": e.event_type(),
                "out": serde_json::to_string(&e).expect("serialize"),
            }),
            Err(err) => serde_json::json!({ "path": path, "ok": false, "error": err.to_string() }),
        };
        writeln!(out, "{row}").expect("stdout");
    }
}
