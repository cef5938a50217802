//! The flows shipped in the repository, and the schema web teams' editors use.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use troubleshooter::flow::walk::explore;
use troubleshooter::flow::{schema, ValidFlow, BUILT_IN};

#[test]
fn the_committed_schema_is_up_to_date() {
    let committed = include_str!("../schema/flow.schema.json");
    assert_eq!(
        committed.trim_end(),
        schema::json(),
        "schema/flow.schema.json is stale: run `cargo run --bin flowcheck -- schema > schema/flow.schema.json`"
    );
}

#[test]
fn every_flow_file_is_valid_and_every_outcome_is_reachable() {
    let mut files: Vec<_> = std::fs::read_dir("flows/examples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.push("flows/microsoft-authenticator.json".into());
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let flow =
            ValidFlow::from_json(&text).unwrap_or_else(|e| panic!("{}: {e:#?}", file.display()));
        let found = explore(Rc::new(flow), 10_000);
        assert!(
            found.unreached.is_empty(),
            "{}: unreached outcomes {:?}",
            file.display(),
            found.unreached
        );
        assert!(!found.truncated);
    }
}

#[test]
fn built_in_flows_are_listed_under_their_own_id() {
    for (id, json) in BUILT_IN {
        assert_eq!(ValidFlow::from_json(json).unwrap().flow().id, id);
    }
}
