#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| hookgen_tests::fuzz::parse_hostile(data));
