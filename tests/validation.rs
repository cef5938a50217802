//! One bad flow per validation rule, each with the exact path of its error. Each starts from the
//! valid example flow and breaks one thing.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{errors_of, example, EXAMPLE};
use serde_json::{json, Value};
use troubleshooter::flow::error::limits;
use troubleshooter::flow::ValidFlow;

/// Breaks the example with `change` and asserts an error at `path` whose message contains
/// `words`.
fn refused(change: impl FnOnce(&mut Value), path: &str, words: &str) {
    let mut flow = example();
    change(&mut flow);
    let errors = errors_of(&flow);
    assert!(
        errors
            .iter()
            .any(|e| e.at == path && e.message.contains(words)),
        "expected `{path}: …{words}…` among {errors:#?}"
    );
}

#[test]
fn the_example_is_valid() {
    ValidFlow::from_json(EXAMPLE).unwrap();
}

#[test]
fn malformed_json_gives_line_and_column() {
    let errors = ValidFlow::from_json("{\n  \"id\": \"x\",\n  oops\n}").unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].at, "line 3, column 3");
    assert!(
        errors[0].message.contains("key must be a string"),
        "{errors:?}"
    );
}

#[test]
fn unknown_fields_are_named_with_their_path() {
    refused(
        |f| f["colour"] = json!("blue"),
        "colour",
        "unknown field `colour`",
    );
    refused(
        |f| f["nodes"][1]["options"][1]["nxt"] = json!("x"),
        "nodes[1].options[1].nxt",
        "unknown field `nxt`",
    );
    refused(
        |f| f["nodes"][3]["fields"][0]["lenght"] = json!(3),
        "nodes[3].fields[0].lenght",
        "unknown field `lenght`",
    );
}

#[test]
fn an_unknown_key_on_a_node_alone_is_refused() {
    // The only error, so it must be caught by the fast path that reads valid files directly.
    refused(
        |f| f["nodes"][0]["hnit"] = json!("typo"),
        "nodes[0].hnit",
        "unknown field `hnit`",
    );
    refused(
        |f| f["nodes"][6]["stpes"] = json!([]),
        "nodes[6].stpes",
        "unknown field `stpes`",
    );
}

#[test]
fn every_broken_node_is_reported_not_just_the_first() {
    let mut flow = example();
    flow["nodes"][0]["bogus"] = json!(1);
    flow["nodes"][2].as_object_mut().unwrap().remove("body");
    flow["nodes"][4]["type"] = json!("ending");
    let paths: Vec<String> = errors_of(&flow).into_iter().map(|e| e.at).collect();
    assert_eq!(paths, ["nodes[0].bogus", "nodes[2]", "nodes[4].type"]);
}

#[test]
fn missing_or_wrong_types() {
    refused(
        |f| {
            f["nodes"][2]
                .as_object_mut()
                .unwrap()
                .remove("body")
                .map(|_| ())
                .unwrap()
        },
        "nodes[2]",
        "missing field `body`",
    );
    refused(
        |f| {
            f["nodes"][0]
                .as_object_mut()
                .unwrap()
                .remove("type")
                .map(|_| ())
                .unwrap()
        },
        "nodes[0]",
        "has no `type`",
    );
    refused(
        |f| f["nodes"][0]["type"] = json!("choice"),
        "nodes[0].type",
        "unknown node type `choice`",
    );
    refused(
        |f| f["nodes"][5]["kind"] = json!("maybe"),
        "nodes[5].kind",
        "unknown variant `maybe`",
    );
    refused(
        |f| f["nodes"][6]["steps"][1] = json!({ "text": "x", "iff": {} }),
        "nodes[6].steps[1].iff",
        "unknown field `iff`",
    );
    refused(
        |f| f["format"] = json!(3),
        "format",
        "reads formats 1 to 2, not 3",
    );
}

#[test]
fn start_must_exist() {
    refused(
        |f| f["start"] = json!("nowhere"),
        "start",
        "no node has the id `nowhere`",
    );
}

#[test]
fn ids_must_be_unique_and_well_formed() {
    refused(
        |f| f["nodes"][2]["id"] = json!("where"),
        "nodes[2].id",
        "already used by nodes[0]",
    );
    refused(
        |f| f["nodes"][1]["options"][1]["id"] = json!("on"),
        "nodes[1].options[1].id",
        "used twice",
    );
    refused(
        |f| f["nodes"][3]["fields"][1]["id"] = json!("printer"),
        "nodes[3].fields[1].id",
        "already used",
    );
    refused(
        |f| f["nodes"][3]["fields"][1]["id"] = json!("lights"),
        "nodes[3].fields[1].id",
        "also the id of nodes[1]",
    );
    refused(
        |f| f["nodes"][2]["id"] = json!("Power Node"),
        "nodes[2].id",
        "is not a node id",
    );
    refused(
        |f| f["id"] = json!("Printer_Offline"),
        "id",
        "is not a flow id",
    );
    refused(
        |f| f["language"] = json!("english"),
        "language",
        "not a language tag",
    );
}

#[test]
fn references_must_resolve() {
    refused(
        |f| f["nodes"][1]["options"][1]["next"] = json!("gone"),
        "nodes[1].options[1].next",
        "no node has the id `gone`",
    );
    refused(
        |f| f["nodes"][3]["routes"][0]["to"] = json!("gone"),
        "nodes[3].routes[0].to",
        "no node has the id `gone`",
    );
    refused(
        |f| f["nodes"][2]["next"] = json!("gone"),
        "nodes[2].next",
        "no node has the id `gone`",
    );
}

#[test]
fn every_node_must_be_reachable() {
    refused(
        |f| f["nodes"][1]["options"][1]["next"] = json!("details"),
        "nodes[2]",
        "no path from the start reaches `power`",
    );
}

#[test]
fn loops_are_refused_with_the_loop_printed() {
    refused(
        |f| f["nodes"][2]["next"] = json!("lights"),
        "nodes[1]",
        "lights → power → lights",
    );
}

#[test]
fn every_node_must_lead_to_an_outcome() {
    // A question whose options only lead into each other can never end.
    let flow = json!({
        "format": 1, "id": "x", "version": "1", "title": "T", "summary": "S", "language": "en", "start": "a",
        "nodes": [
            { "type": "question", "id": "a", "text": "A?", "options": [
                { "id": "y", "label": "Y", "next": "b" }, { "id": "n", "label": "N", "next": "done" } ] },
            { "type": "info", "id": "b", "title": "B", "body": "b", "next": "c" },
            { "type": "info", "id": "c", "title": "C", "body": "c", "next": "b" },
            { "type": "outcome", "id": "done", "kind": "self_fix", "title": "Done" }
        ]
    });
    let errors = errors_of(&flow);
    assert!(errors.iter().any(|e| e.at == "nodes[1]" && e.message.contains("no outcome can be reached from `b`")), "{errors:#?}");
    assert!(
        errors.iter().any(|e| e.message.contains("b → c → b")),
        "{errors:#?}"
    );
}

#[test]
fn placeholders_must_have_a_source() {
    refused(
        |f| f["nodes"][6]["email"]["subject"] = json!("Printer {printr}"),
        "nodes[6].email.subject",
        "nothing can fill `{printr}`",
    );
    refused(
        |f| f["nodes"][6]["steps"][0] = json!("Call {power}"),
        "nodes[6].steps[0]",
        "nothing can fill `{power}`",
    );
    refused(
        |f| f["nodes"][6]["email"]["body"][0] = json!("Hello {org_name"),
        "nodes[6].email.body[0]",
        "never closed",
    );
}

#[test]
fn links_must_use_allowed_schemes() {
    refused(
        |f| f["nodes"][2]["body"] = json!("See [this](javascript:alert(1))"),
        "nodes[2].body",
        "must start with https:, mailto: or tel:",
    );
    refused(
        |f| f["nodes"][2]["body"] = json!("See [this](http://example.com)"),
        "nodes[2].body",
        "must start with https:",
    );
    refused(
        |f| f["nodes"][1]["hint"] = json!("Look **here"),
        "nodes[1].hint",
        "never closed",
    );
}

#[test]
fn texts_must_not_be_empty() {
    refused(|f| f["title"] = json!(" "), "title", "the text is empty");
    refused(
        |f| f["nodes"][1]["options"][0]["label"] = json!(""),
        "nodes[1].options[0].label",
        "the text is empty",
    );
    refused(
        |f| f["nodes"][6]["phone"]["lines"][0] = json!(""),
        "nodes[6].phone.lines[0]",
        "the text is empty",
    );
}

#[test]
fn questions_need_two_options() {
    refused(
        |f| {
            f["nodes"][0]["options"].as_array_mut().unwrap().pop();
        },
        "nodes[0].options",
        "at least two options",
    );
}

#[test]
fn conditions_must_make_sense() {
    refused(
        |f| f["nodes"][3]["routes"][0]["if"] = json!({ "flag": "nope" }),
        "nodes[3].routes[0].if",
        "no option sets the flag `nope`",
    );
    refused(
        |f| f["nodes"][3]["routes"][0]["if"] = json!({ "answer": "lights", "is": "blue" }),
        "nodes[3].routes[0].if",
        "has no option `blue`",
    );
    refused(
        |f| f["nodes"][3]["routes"][0]["if"] = json!({ "answer": "power", "is": "x" }),
        "nodes[3].routes[0].if",
        "is not the id of a question",
    );
    refused(
        |f| f["nodes"][3]["routes"][0]["if"] = json!({ "field": "serial" }),
        "nodes[3].routes[0].if",
        "no field has the id `serial`",
    );
    refused(
        |f| f["nodes"][3]["routes"][0]["if"] = json!({ "flag": "error_shown", "field": "printer" }),
        "nodes[3].routes[0].if",
        "exactly one of",
    );
}

#[test]
fn fields_must_be_coherent() {
    refused(
        |f| f["nodes"][3]["fields"][0]["pattern"] = json!("(unclosed"),
        "nodes[3].fields[0].pattern",
        "does not compile",
    );
    refused(
        |f| f["nodes"][3]["fields"][1]["pattern"] = json!("x"),
        "nodes[3].fields[1].pattern",
        "only used with",
    );
    refused(
        |f| f["nodes"][3]["fields"][0]["example"] = json!("PRN-42"),
        "nodes[3].fields[0].example",
        "does not match",
    );
    refused(
        |f| f["nodes"][3]["fields"][1]["max_length"] = json!(0),
        "nodes[3].fields[1].max_length",
        "from 1 to",
    );
}

#[test]
fn contact_outcomes_need_their_handoff() {
    refused(
        |f| {
            f["nodes"][6].as_object_mut().unwrap().remove("email");
        },
        "nodes[6].email",
        "needs an `email`",
    );
    refused(
        |f| {
            f["nodes"][6].as_object_mut().unwrap().remove("phone");
        },
        "nodes[6].phone",
        "needs a `phone` script",
    );
}

#[test]
fn size_limits() {
    let huge = format!("{{\"pad\": \"{}\"}}", "x".repeat(limits::MAX_BYTES));
    assert!(ValidFlow::from_json(&huge).unwrap_err()[0]
        .message
        .contains("at most"));

    let mut flow = example();
    let filler = json!({ "type": "info", "id": "x", "title": "T", "body": "B", "next": "report" });
    flow["nodes"] = Value::Array(vec![filler; limits::MAX_NODES + 1]);
    let errors = errors_of(&flow);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].at, "nodes");
    assert!(errors[0].message.contains("at most 20000"), "{errors:?}");

    // A chain longer than the depth limit.
    let n = limits::MAX_DEPTH + 1;
    let mut nodes: Vec<Value> = (0..n)
        .map(|i| json!({ "type": "info", "id": format!("s{i}"), "title": "T", "body": "B", "next": format!("s{}", i + 1) }))
        .collect();
    nodes.push(
        json!({ "type": "outcome", "id": format!("s{n}"), "kind": "self_fix", "title": "Done" }),
    );
    let flow = json!({ "format": 1, "id": "deep", "version": "1", "title": "T", "summary": "S", "language": "en", "start": "s0", "nodes": nodes });
    refused_flow(&flow, "start", "the longest path has 1001 screens");
}

#[test]
fn did_this_fix_it_leads_on_to_it_and_only_from_a_self_fix_outcome() {
    // nodes[4] home-printer (not_supported), [5] test-printer (self_fix, not_fixed: report),
    // [6] report (contact_helpdesk), whose email has a line for "No" at test-printer.
    refused(
        |f| f["nodes"][4]["not_fixed"] = json!("report"),
        "nodes[4].not_fixed",
        "only a `self_fix` outcome asks \"Did this fix it?\"",
    );
    refused(
        |f| f["nodes"][5]["not_fixed"] = json!("home-printer"),
        "nodes[5].not_fixed",
        "`home-printer` is a `not_supported` outcome; \"No\" must lead on to IT",
    );
    refused(
        |f| f["nodes"][5]["not_fixed"] = json!("nowhere"),
        "nodes[5].not_fixed",
        "no node has the id `nowhere`",
    );
    refused(
        |f| f["nodes"][5]["not_fixed"] = json!("test-printer"),
        "nodes[5]",
        "loop",
    );
    refused(
        |f| f["nodes"][6]["email"]["body"][4]["if"]["is"] = json!("yes"),
        "nodes[6].email.body[4].if",
        "`test-printer` is an outcome: the condition holds when the person answered No",
    );
    refused(
        |f| {
            f["nodes"][5].as_object_mut().unwrap().remove("not_fixed");
        },
        "nodes[6].email.body[4].if",
        "or of a self-fix outcome with `not_fixed`",
    );
}

fn refused_flow(flow: &Value, path: &str, words: &str) {
    let errors = errors_of(flow);
    assert!(
        errors
            .iter()
            .any(|e| e.at == path && e.message.contains(words)),
        "expected {path}: {words} in {errors:#?}"
    );
}

// The widget's own read (`from_checked_json`): for texts the checker module passed, so it runs
// none of the rules above, but still refuses what the session could not walk.

#[test]
fn a_checked_read_indexes_a_valid_flow_as_validation_does() {
    let texts = [
        EXAMPLE,
        include_str!("../flows/microsoft-authenticator.json"),
        include_str!("fixtures/microsoft-authenticator-v1.0.json"),
    ];
    for text in texts {
        let validated = ValidFlow::from_json(text).unwrap();
        let checked = ValidFlow::from_checked_json(text).unwrap();
        // The index, field slots, compiled patterns and longest paths, all of it.
        assert_eq!(checked, validated);
    }
}

#[test]
fn a_checked_read_refuses_what_cannot_be_walked() {
    let cannot = "cannot be read; `flowcheck check` says why";
    type Break = (&'static str, fn(&mut Value));
    let breaks: [Break; 7] = [
        ("an unknown key", |f| f["colour"] = json!("blue")),
        ("a text that is a number", |f| {
            f["nodes"][0]["text"] = json!(7)
        }),
        ("a loop", |f| f["nodes"][2]["next"] = json!("where")),
        ("a missing target", |f| {
            f["nodes"][1]["options"][0]["next"] = json!("nowhere")
        }),
        ("no start", |f| f["start"] = json!("nowhere")),
        ("a pattern that does not compile", |f| {
            f["nodes"][3]["fields"][0]["pattern"] = json!("(unclosed")
        }),
        ("a pattern field without a pattern", |f| {
            f["nodes"][3]["fields"][0]
                .as_object_mut()
                .unwrap()
                .remove("pattern");
        }),
    ];
    for (what, change) in breaks {
        let mut flow = example();
        change(&mut flow);
        let errors = ValidFlow::from_checked_json(&flow.to_string()).expect_err(what);
        assert_eq!(errors.len(), 1, "{what}: {errors:?}");
        assert_eq!(
            (errors[0].at.as_str(), errors[0].message.as_str()),
            ("", cannot),
            "{what}"
        );
    }
}

#[test]
fn a_checked_read_shows_what_only_the_rules_refuse() {
    // Rules with nothing for the session to trip on: the checked read takes the text as it is
    // (the checker keeps such a text from a page, and markup shows such a link as text anyway).
    let mut flow = example();
    flow["nodes"][0]["text"] = json!("See [this](javascript:alert(1)) and **that");
    flow["nodes"][0]["options"][0]["id"] = json!("Not An Id");
    assert!(ValidFlow::from_json(&flow.to_string()).is_err());
    ValidFlow::from_checked_json(&flow.to_string()).unwrap();
}

#[test]
fn a_checked_read_of_broken_json_says_where() {
    let errors = ValidFlow::from_checked_json("{\n  \"id\": \"x\",\n  oops\n}").unwrap_err();
    assert_eq!(errors[0].at, "line 3, column 3");
}
