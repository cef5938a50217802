//! The flows shipped in the repository, and the schema web teams' editors use.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use troubleshooter::authoring::walk::explore;
use troubleshooter::authoring::{flowtest, lint, schema};
use troubleshooter::flow::{ValidFlow, BUILT_IN};

#[test]
fn the_committed_schema_is_up_to_date() {
    let committed = include_str!("../schema/flow.schema.json");
    assert_eq!(
        committed.trim_end(),
        schema::json(),
        "schema/flow.schema.json is stale: run `cargo run --bin flowcheck -- schema > schema/flow.schema.json`"
    );
    assert_eq!(
        include_str!("../schema/flow-tests.schema.json").trim_end(),
        troubleshooter::authoring::flowtest::schema(),
        "schema/flow-tests.schema.json is stale: run `cargo run --bin flowcheck -- schema --tests > schema/flow-tests.schema.json`"
    );
}

/// Every flow shipped: valid, every outcome reachable, nothing for `flowcheck check` to warn
/// about, and its own test file (`NAME.tests.json` beside it) passing.
#[test]
fn every_flow_file_is_valid_clean_and_passes_its_tests() {
    let mut files: Vec<_> = std::fs::read_dir("flows/examples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().ends_with(".tests.json"))
        .collect();
    files.push("flows/microsoft-authenticator.json".into());
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let flow = Rc::new(
            ValidFlow::from_json(&text).unwrap_or_else(|e| panic!("{}: {e:#?}", file.display())),
        );
        let found = explore(Rc::clone(&flow), 10_000);
        assert!(
            found.unreached.is_empty(),
            "{}: unreached outcomes {:?}",
            file.display(),
            found.unreached
        );
        assert!(!found.truncated);
        let findings = lint::lint(&flow);
        assert!(findings.is_empty(), "{}: {findings:#?}", file.display());
        let tests_file = file.with_extension("tests.json");
        if let Ok(tests) = std::fs::read_to_string(&tests_file) {
            let tests = flowtest::parse(&tests).unwrap();
            let report = flowtest::run(Rc::clone(&flow), &tests, 10_000).unwrap();
            assert!(
                report.failures.is_empty(),
                "{}: {:#?}",
                tests_file.display(),
                report.failures
            );
            assert!(report.cases + report.rules > 0);
        }
    }
}

#[test]
fn built_in_flows_are_listed_under_their_own_id() {
    for (id, json) in BUILT_IN {
        assert_eq!(ValidFlow::from_json(json).unwrap().flow().id, id);
    }
}
