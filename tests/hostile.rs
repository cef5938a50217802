//! The adversarial reliability review of December 2026 (B1-B15), one test per finding. Each
//! builds its hostile input here, from the example flow or from scratch. Nothing is timed by
//! the clock: costs are asserted as counts, or with inputs large enough that the old code took
//! minutes and the fixed one takes a fraction of a second.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;
use std::rc::Rc;

use serde_json::{json, Value};
use troubleshooter::flow::error::limits;
use troubleshooter::flow::handoff::{transcript, Email, MAILTO_BUDGET};
use troubleshooter::flow::pattern::Pattern;
use troubleshooter::flow::walk::{explore, follow, Answers};
use troubleshooter::flow::{markup, Config, FlowError, ValidFlow};

const EXAMPLE: &str = include_str!("../flows/examples/printer-offline.json");

fn example() -> Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

fn errors_of(flow: &Value) -> Vec<FlowError> {
    ValidFlow::from_json(&flow.to_string()).expect_err("the flow should be refused")
}

fn has_error(errors: &[FlowError], path: &str, words: &str) -> bool {
    errors
        .iter()
        .any(|e| e.at == path && e.message.contains(words))
}

fn refused(change: impl FnOnce(&mut Value), path: &str, words: &str) {
    let mut flow = example();
    change(&mut flow);
    let errors = errors_of(&flow);
    assert!(
        has_error(&errors, path, words),
        "expected `{path}: …{words}…` among {errors:#?}"
    );
}

fn flowcheck(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_flowcheck"))
        .args(args)
        .output()
        .unwrap()
}

fn temp_file(name: &str, contents: &str) -> String {
    let dir = std::env::temp_dir().join(format!("hostile-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().into_owned()
}

/// A flow of `n` questions in a chain, each with the given options (all to the next question),
/// then the outcome `end`. `node` may change each question.
fn chain(n: usize, options: usize, node: impl Fn(usize, &mut Value)) -> Value {
    let mut nodes: Vec<Value> = (0..n)
        .map(|i| {
            let next = if i + 1 == n {
                "end".to_owned()
            } else {
                format!("q{}", i + 1)
            };
            let mut q = json!({
                "type": "question", "id": format!("q{i}"), "text": "Which one?",
                "options": (0..options)
                    .map(|o| json!({ "id": format!("o{o}"), "label": format!("Option {o}"), "next": next }))
                    .collect::<Vec<_>>()
            });
            node(i, &mut q);
            q
        })
        .collect();
    nodes.push(json!({ "type": "outcome", "id": "end", "kind": "self_fix", "title": "Done" }));
    json!({
        "format": 1, "id": "hostile", "version": "1", "title": "Hostile", "summary": "A test.",
        "language": "en", "minutes": 1, "start": "q0", "nodes": nodes
    })
}

#[test]
fn b1_invalid_surrogate_pair_is_an_error_not_a_panic() {
    for bad in [
        r"\ud83d\u0041",
        r"\ud800\u0000",
        r"\ud83d\udbff",
        r"\ud800\ud800",
    ] {
        let text = EXAMPLE.replace("Where is the printer?", &format!("Where{bad} is it?"));
        let errors = ValidFlow::from_json(&text).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].message.contains("invalid surrogate pair"),
            "{errors:?}"
        );
        // The line of the question text; the column of the second escape.
        let line = EXAMPLE
            .lines()
            .position(|l| l.contains("Where is the printer?"))
            .unwrap()
            + 1;
        let column = EXAMPLE
            .lines()
            .nth(line - 1)
            .unwrap()
            .find("Where")
            .unwrap()
            + 12;
        assert_eq!(errors[0].at, format!("line {line}, column {column}"));
        let id = EXAMPLE.replace("\"id\": \"where\"", &format!("\"id\": \"w{bad}\""));
        assert!(ValidFlow::from_json(&id).is_err());
    }
    // A valid pair still reads.
    let text = EXAMPLE.replace(
        "Where is the printer?",
        r"Where is the printer? \ud83d\udd10",
    );
    ValidFlow::from_json(&text).unwrap();
}

#[test]
fn b12_an_endless_or_huge_file_is_refused_without_reading_it_whole() {
    let out = flowcheck(&["check", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "a flow may be at most {} bytes",
            limits::MAX_BYTES
        )),
        "{stderr}"
    );
    // A sparse file of 1 GiB takes no disk space; its size is reported exactly.
    let path = temp_file("sparse.json", "");
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let stderr = String::from_utf8_lossy(&flowcheck(&["check", &path]).stderr).into_owned();
    assert!(
        stderr.contains(&format!("the file is {} bytes", 1u64 << 30)),
        "{stderr}"
    );
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn b13_flowcheck_escapes_control_characters_it_echoes() {
    let flow = EXAMPLE.replace(
        "\"id\": \"power\"",
        "\"id\": \"x\\u001b]0;pwned\\u0007\\u001b[2J\"",
    );
    let file = temp_file("escape.json", &flow);
    let out = flowcheck(&["check", &file]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains(['\u{1b}', '\u{7}']), "{stderr:?}");
    assert!(
        stderr.contains(r"x\u{1b}]0;pwned\u{7}\u{1b}[2J"),
        "{stderr}"
    );
}

#[test]
fn review_notes_duplicate_keys_and_long_numbers_read_clearly() {
    let duplicate = EXAMPLE.replace(
        "\"id\": \"where\",",
        "\"id\": \"where\", \"id\": \"again\",",
    );
    let errors = ValidFlow::from_json(&duplicate).unwrap_err();
    assert!(
        has_error(&errors, "nodes[0].id", "duplicate key `id`"),
        "{errors:?}"
    );
    let long = EXAMPLE.replace(
        "\"minutes\": 2",
        &format!("\"minutes\": {}", "9".repeat(100_000)),
    );
    let errors = ValidFlow::from_json(&long).unwrap_err();
    assert!(errors[0].message.len() < 200, "{}", errors[0].message.len());
    assert!(errors[0].message.contains("9999…"), "{errors:?}");
}
