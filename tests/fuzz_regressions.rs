//! Replays every input the fuzzers found (`fuzz/regressions/<target>/`, each minimised with
//! `cargo fuzz tmin`) and every seed (`fuzz/seeds/<target>/`) through the very property the fuzz
//! target checks (`src/authoring/fuzz.rs`), so a fixed bug stays fixed without a nightly toolchain.
#![cfg(not(target_arch = "wasm32"))]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use troubleshooter::authoring::fuzz;

include!("../fuzz/regex_reference.rs");

fn replay(target: &str) {
    let (_, property) = fuzz::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .expect("a fuzz target");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut failed = Vec::new();
    let mut count = 0;
    for dir in ["regressions", "seeds"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            let data = std::fs::read(&path).unwrap();
            count += 1;
            let run = || {
                if target == "pattern" {
                    fuzz::pattern_against(&data, &reference)
                } else {
                    property(&data)
                }
            };
            if catch_unwind(AssertUnwindSafe(run)).is_err() {
                failed.push(path.display().to_string());
            }
        }
    }
    assert!(count > 0, "no seeds for {target}");
    assert!(failed.is_empty(), "inputs that fail {target}: {failed:#?}");
}

#[test]
fn flow_json() {
    replay("flow_json");
}

#[test]
fn validate() {
    replay("validate");
}

#[test]
fn session() {
    replay("session");
}

#[test]
fn handoff() {
    replay("handoff");
}

#[test]
fn pattern() {
    replay("pattern");
}

#[test]
fn markup() {
    replay("markup");
}

#[test]
fn template() {
    replay("template");
}

#[test]
fn settings() {
    replay("settings");
}

#[test]
fn the_regex_lite_comparison_skips_only_what_it_reads_otherwise() {
    for pattern in [
        r"(?i)[0-a]",
        r"(?i)[A-a]",
        r"(?i)[\+-a]",
        r"[a-[b]]",
        r"\<a",
        r"[a&&b]",
    ] {
        assert!(!same_syntax(pattern), "{pattern}");
    }
    for pattern in [
        r"(?i)^[0-9a-f]{8}$",
        r"[0-a]",
        r"(?i)[A-Z_]",
        r"[]a-]",
        r"\d+\.\d",
    ] {
        assert!(same_syntax(pattern), "{pattern}");
    }
}
