//! `flowcheck check`'s warnings and lint errors: placeholders that nothing on some way to an
//! outcome fills (issue #14), on the built-in flow as it was (v1.0) and on small flows.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use troubleshooter::authoring::lint::{lint, Finding, Severity};
use troubleshooter::flow::ValidFlow;

const V1_0: &str = include_str!("fixtures/microsoft-authenticator-v1.0.json");

fn findings(flow: &str) -> Vec<Finding> {
    lint(&std::rc::Rc::new(
        ValidFlow::from_json(flow).expect("a valid flow"),
    ))
}

/// A flow where `a=x` asks for a name in the form `f` and `a=y` does not; both reach `out`.
fn two_ways(email_body: Value, phone: Value) -> String {
    json!({
        "format": 1, "id": "t", "version": "1", "title": "T", "summary": "S", "language": "en",
        "start": "a",
        "nodes": [
            {"type": "question", "id": "a", "text": "A?", "options": [
                {"id": "x", "label": "X", "next": "f"},
                {"id": "y", "label": "Y", "next": "out", "set": ["skipped"]}
            ]},
            {"type": "fields", "id": "f", "text": "Who?", "fields": [
                {"id": "name", "label": "Name", "required": true}
            ], "next": "out"},
            {"type": "outcome", "id": "out", "kind": "contact_helpdesk", "title": "Ask IT",
             "email": {"subject": "Help for {name}", "body": email_body},
             "phone": {"lines": phone}}
        ]
    })
    .to_string()
}

#[test]
fn the_v1_0_flow_reports_h2_the_stolen_phone_report_without_a_sender() {
    let found = findings(V1_0);
    let subject = found
        .iter()
        .find(|f| f.at.ends_with("email.subject") && f.message.contains("`out-self-fix-report`"))
        .unwrap_or_else(|| panic!("H2 not reported among {found:#?}"));
    assert_eq!(subject.severity, Severity::Error);
    assert!(subject.message.contains("`{upn}`"), "{subject}");
    // The way it names is one a person can take: a lost or stolen phone, another way worked,
    // and never the details form.
    assert!(subject.message.contains("other-way=worked"), "{subject}");
    assert!(
        subject.message.contains("app=lost") || subject.message.contains("app=stolen"),
        "{subject}"
    );
    assert!(
        subject.message.contains("never visits `details`"),
        "{subject}"
    );
    // The greeting, the sign-off and the script's first line are empty on that way too.
    for at in ["email.body[4]", "email.body[12]", "phone.lines[0]"] {
        assert!(
            found.iter().any(|f| f.at.ends_with(at)
                && f.severity == Severity::Warning
                && f.message.contains("`out-self-fix-report`")),
            "no warning at {at} among {found:#?}"
        );
    }
}

#[test]
fn the_example_flow_has_no_findings() {
    let found = findings(include_str!("../flows/examples/printer-offline.json"));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn an_unfilled_subject_is_an_error_and_an_unfilled_line_a_warning() {
    let found = findings(&two_ways(json!(["Hello"]), json!(["I am {name}."])));
    let at: Vec<(&str, Severity)> = found.iter().map(|f| (f.at.as_str(), f.severity)).collect();
    assert_eq!(
        at,
        [
            ("nodes[2].email.subject", Severity::Error),
            ("nodes[2].phone.lines[0]", Severity::Warning)
        ],
        "{found:#?}"
    );
    assert!(
        found[0].message.contains("a=y never visits `f`"),
        "{}",
        found[0]
    );
}

#[test]
fn a_line_shown_only_when_its_placeholder_can_be_filled_is_fine() {
    let guarded = [
        json!({"text": "Name: {name}", "if": {"field": "name"}}),
        json!({"text": "Name: {name}", "if": {"answer": "a", "is": "x"}}),
        json!({"text": "Name: {name}", "unless": {"flag": "skipped"}}),
    ];
    for line in guarded {
        let flow = two_ways(json!(["Hello", line]), json!(["Hello"]));
        let found = findings(&flow);
        assert!(
            found.iter().all(|f| !f.at.contains("email.body")),
            "{line} flagged: {found:#?}"
        );
    }
    let unguarded = json!({"text": "Name: {name}", "if": {"answer": "a", "is": "y"}});
    let found = findings(&two_ways(json!(["Hello", unguarded]), json!(["Hi"])));
    assert!(
        found
            .iter()
            .any(|f| f.at == "nodes[2].email.body[1].text" && f.severity == Severity::Warning),
        "{found:#?}"
    );
}

#[test]
fn a_route_that_needs_the_form_counts_as_not_taken_without_it() {
    // `a=y` reaches `check`, whose route to `out` needs the form's field; without it the person
    // goes to `done`, which uses no placeholder. So `{name}` is always filled at `out`.
    let flow = json!({
        "format": 1, "id": "t", "version": "1", "title": "T", "summary": "S", "language": "en",
        "start": "a",
        "nodes": [
            {"type": "question", "id": "a", "text": "A?", "options": [
                {"id": "x", "label": "X", "next": "f"},
                {"id": "y", "label": "Y", "next": "check"}
            ]},
            {"type": "fields", "id": "f", "text": "Who?", "fields": [
                {"id": "name", "label": "Name", "required": true}
            ], "next": "check"},
            {"type": "info", "id": "check", "title": "Next", "body": "On.",
             "routes": [{"if": {"field": "name"}, "to": "out"}], "next": "done"},
            {"type": "outcome", "id": "out", "kind": "contact_helpdesk", "title": "Ask IT",
             "email": {"subject": "Help for {name}", "body": ["Hi"]},
             "phone": {"lines": ["I am {name}."]}},
            {"type": "outcome", "id": "done", "kind": "self_fix", "title": "Done"}
        ]
    });
    let found = findings(&flow.to_string());
    // (Format 1: `done` predates "Did this fix it?", which is only a warning about `done`.)
    assert!(
        found
            .iter()
            .all(|f| f.at == "nodes[4]" && f.severity == Severity::Warning),
        "{found:#?}"
    );
}

/// A format 2 flow where `fix` is a self-fix outcome; `not_fixed` is spliced in.
fn did_it_fix(not_fixed: Value) -> String {
    let mut fix =
        json!({"type": "outcome", "id": "fix", "kind": "self_fix", "title": "Restart it"});
    if !not_fixed.is_null() {
        fix["not_fixed"] = not_fixed;
    }
    json!({
        "format": 2, "id": "t", "version": "1", "title": "T", "summary": "S", "language": "en",
        "start": "a",
        "nodes": [
            {"type": "question", "id": "a", "text": "A?", "options": [
                {"id": "x", "label": "X", "next": "fix"},
                {"id": "y", "label": "Y", "next": "f"}
            ]},
            fix,
            {"type": "fields", "id": "f", "text": "Who?", "fields": [
                {"id": "name", "label": "Name", "required": true}
            ], "routes": [{"if": {"answer": "a", "is": "y"}, "to": "other"}], "next": "out"},
            {"type": "outcome", "id": "other", "kind": "self_fix", "title": "Other", "not_fixed": "out"},
            {"type": "outcome", "id": "out", "kind": "contact_helpdesk", "title": "Ask IT",
             "email": {"subject": "Help for {name}", "body": [
                 "Hi",
                 {"text": "I restarted it, and it did not help.", "if": {"answer": "fix", "is": "no"}}
             ]},
             "phone": {"lines": ["I am {name}."]}}
        ]
    })
    .to_string()
}

#[test]
fn a_format_2_self_fix_outcome_must_say_where_no_leads() {
    let flow = did_it_fix(Value::Null).replace(
        r#",{"if":{"answer":"fix","is":"no"},"text":"I restarted it, and it did not help."}"#,
        "",
    );
    let found = findings(&flow);
    let missing: Vec<&Finding> = found.iter().filter(|f| f.at == "nodes[1]").collect();
    assert_eq!(missing.len(), 1, "{found:#?}");
    assert_eq!(missing[0].severity, Severity::Error);
    assert!(
        missing[0].message.contains("`fix` has no `not_fixed`"),
        "{found:#?}"
    );
}

#[test]
fn no_that_ends_at_another_self_fix_outcome_is_an_error_naming_the_way() {
    // From `fix`, No goes through the form, whose route (a=x is not y) falls through to `out`:
    // fine. Pointing it at `other` directly is refused by validation, so the way here is the
    // form with a route that sends a=x people on to `other`.
    let flow =
        did_it_fix(json!("f")).replace(r#""is":"y"},"to":"other""#, r#""is":"x"},"to":"other""#);
    let found = findings(&flow);
    let stuck: Vec<&Finding> = found
        .iter()
        .filter(|f| f.at == "nodes[1].not_fixed")
        .collect();
    assert_eq!(stuck.len(), 1, "{found:#?}");
    assert!(
        stuck[0]
            .message
            .contains("answering No at `fix` can end at `other`, a `self_fix` outcome")
            && stuck[0].message.contains("a=x › fix=no › f["),
        "{}",
        stuck[0].message
    );
    // And where the form's route keeps to IT, No is fine and the placeholders are filled.
    let found = findings(&did_it_fix(json!("f")));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn no_straight_to_a_contact_outcome_leaves_its_form_unvisited() {
    // No at `fix` goes straight to `out`, skipping the form that asks for `{name}`.
    let found = findings(&did_it_fix(json!("out")));
    assert!(
        found.iter().any(|f| f.at == "nodes[4].email.subject"
            && f.severity == Severity::Error
            && f.message.contains("a=x › fix=no")),
        "{found:#?}"
    );
}

#[test]
fn a_huge_flow_is_checked_within_a_budget_and_says_when_it_stopped() {
    // 20,000 nodes; each of the 500 outcomes names a different question, so the check would
    // search the whole flow once per question: it stops at its budget and says so.
    let mut flow = troubleshooter::authoring::generate::layered(20_000, 50);
    let nodes = flow["nodes"].as_array_mut().unwrap();
    let questions: Vec<String> = nodes
        .iter()
        .filter(|n| n["type"] == "question")
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect();
    for (k, node) in nodes
        .iter_mut()
        .filter(|n| n["type"] == "outcome")
        .enumerate()
    {
        let q = &questions[questions.len() - 1 - k];
        node["email"]["body"] = json!([format!("You answered {{{q}}}.")]);
    }
    let found = findings(&flow.to_string());
    assert!(
        found
            .iter()
            .any(|f| f.severity == Severity::Warning && f.message.contains("stopped after")),
        "{:#?}",
        &found[..found.len().min(5)]
    );
}
