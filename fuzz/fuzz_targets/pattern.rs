#![no_main]
// The property lives in the library, so `cargo test` replays saved inputs through it; regex-lite
// is passed in because the library does not depend on it (tests/fuzz_regressions.rs does the
// same).
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    troubleshooter::authoring::fuzz::pattern_against(data, &reference)
});

include!("../regex_reference.rs");
