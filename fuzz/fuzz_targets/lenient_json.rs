#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| hookgen::fuzzing::lenient_json(data));
