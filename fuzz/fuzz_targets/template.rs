#![no_main]
// The property lives in the library, so `cargo test` replays saved inputs through it.
libfuzzer_sys::fuzz_target!(|data: &[u8]| troubleshooter::authoring::fuzz::template(data));
