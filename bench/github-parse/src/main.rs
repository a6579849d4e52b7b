//! Parses GitHub's payloads with hookgen's crate, quicktype's (plain serde
//! derives: `Option<T>` where a field was ever missing or null, no
//! unknown-field map) and `serde_json::Value`, for counting instructions
//! under callgrind (bench/github-parse.sh).
//!
//! `github-parse accepts MANIFEST`: a line per payload (manifest: event TAB
//! file): whether each crate reads it, and quicktype's error.
//! `github-parse PARSER MANIFEST N`: parses every payload both crates read N
//! times with PARSER (hookgen, quicktype, value, none; quicktype_text and
//! value_text check the bytes as UTF-8, then read them as text, as
//! hookgen's crate does).

use std::hint::black_box;

/// `read(event, body)`, written by github-parse.sh from quicktype's types.
mod quicktype;

type Parse = fn(&str, &[u8]) -> bool;

fn hookgen(event: &str, body: &[u8]) -> bool {
    webhook_models::github::Event::from_json_with_type(event, body).is_ok_and(|e| !e.is_unknown())
}

fn value(_: &str, body: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(body).is_ok()
}

fn value_text(_: &str, body: &[u8]) -> bool {
    std::str::from_utf8(body).is_ok_and(|t| serde_json::from_str::<serde_json::Value>(t).is_ok())
}

fn quicktype_text(event: &str, body: &[u8]) -> bool {
    std::str::from_utf8(body).is_ok_and(|t| quicktype::read_text(event, t).is_ok())
}

fn none(_: &str, body: &[u8]) -> bool {
    !body.is_empty()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let manifest = std::fs::read_to_string(&args[1]).expect("manifest");
    let payloads: Vec<(String, String, Vec<u8>)> = manifest
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (event, path) = l.split_once('\t').expect("event TAB file");
            (
                event.to_owned(),
                path.to_owned(),
                std::fs::read(path).expect("payload"),
            )
        })
        .collect();
    if args[0] == "accepts" {
        for (event, path, body) in &payloads {
            let quicktype = quicktype::read(event, body);
            println!(
                "{path}\t{}\t{}\t{}",
                hookgen(event, body),
                quicktype.is_ok(),
                quicktype.err().unwrap_or_default()
            );
        }
        return;
    }
    let parse: Parse = match args[0].as_str() {
        "hookgen" => hookgen,
        "quicktype" => |e, b| quicktype::read(e, b).is_ok(),
        "quicktype_text" => quicktype_text,
        "value" => value,
        "value_text" => value_text,
        "none" => none,
        other => panic!("no parser {other}"),
    };
    let n: usize = args[2].parse().expect("N");
    let common: Vec<_> = payloads
        .iter()
        .filter(|(e, _, b)| hookgen(e, b) && quicktype::read(e, b).is_ok())
        .collect();
    for _ in 0..n {
        for (event, _, body) in &common {
            black_box(parse(black_box(event), black_box(body)));
        }
    }
}
