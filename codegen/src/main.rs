fn main() {
    let a = hookgen::analyze(std::path::Path::new("specs"), "specs").unwrap();
    for d in &a.diagnostics { eprintln!("{d}"); }
    println!("{}", serde_json::to_string_pretty(&a.schema).unwrap());
}
