//! What the studio page shows of a flow text while its author types: `flowcheck check`'s
//! problems placed by line and column, the nodes, the diagram, every way through with what it
//! hands over (`flowcheck paths` and `render`), and a test file's results (`flowcheck test`).
//! Each answer is JSON, as the page reads it; studio/ is the module that exports these.

use std::rc::Rc;

use serde_json::{json, Value};

use super::diagram::{self, Notation};
use super::locate::{Locator, Place};
use super::walk::{self, Step};
use super::{flowtest, lint, transcript, Page};
use crate::flow::error::{limits, FlowError};
use crate::flow::model::Node;
use crate::flow::session::{Answer, Session};
use crate::flow::{load, ValidFlow};
use crate::i18n::Strings;

/// The most ways the Paths tab lists, each with its transcript: enough for any flow a person
/// reads through (the built-in flow has a few hundred), and a bounded answer for the rest.
pub const MAX_LISTED_PATHS: usize = 1_000;

/// Every problem in `text`, and what the page needs beside them:
/// `{usable, id, version, start, nodes: [{id, kind, heading, line, column}], problems: [{severity,
/// blocking, at, line, column, message, text}]}`. `usable` is whether the widget can show the
/// flow: problems that are `blocking` stop the preview, the others (the rules `flowcheck check`
/// adds on top, and warnings) do not. `text` is the line `flowcheck check` prints for `name`.
pub fn check(text: &str, name: &str) -> Value {
    let locator = Locator::new(text);
    let place = |at: &str| -> Place {
        syntax_place(at)
            .or_else(|| locator.find(at))
            .unwrap_or(Place { line: 1, column: 1 })
    };
    let problem = |severity: &str, blocking: bool, at: &str, message: &str, line: String| {
        let Place { line: l, column } = place(at);
        json!({
            "severity": severity, "blocking": blocking, "at": at, "line": l, "column": column,
            "message": message, "text": line,
        })
    };
    let (flow, problems) = match ValidFlow::from_json(text) {
        Ok(flow) => {
            let flow = Rc::new(flow);
            let problems = lint::lint(&flow)
                .iter()
                .map(|f| {
                    let severity = match f.severity {
                        lint::Severity::Error => "error",
                        lint::Severity::Warning => "warning",
                    };
                    problem(severity, false, &f.at, &f.message, format!("{name}:{f}"))
                })
                .collect();
            (Some(flow), problems)
        }
        Err(errors) => (
            None,
            errors
                .iter()
                .map(|e| problem("error", true, &e.at, &e.message, e.in_file(name)))
                .collect::<Vec<_>>(),
        ),
    };
    // The nodes of a flow that reads but breaks a rule are listed too, so the author can still
    // find their way around it.
    let model = flow
        .as_ref()
        .map(|f| f.flow().clone())
        .or_else(|| load::parse(text).ok());
    let nodes: Vec<Value> = model
        .iter()
        .flat_map(|m| m.nodes.iter().enumerate())
        .map(|(i, node)| {
            // At its id, the line an author looks for.
            let Place { line, column } = place(&format!("nodes[{i}].id"));
            json!({
                "id": node.id(), "kind": kind(node), "heading": node.heading(),
                "line": line, "column": column,
            })
        })
        .collect();
    json!({
        "usable": flow.is_some(),
        "id": model.as_ref().map(|m| m.id.clone()),
        "version": model.as_ref().map(|m| m.version.clone()),
        "start": model.as_ref().map(|m| m.start.clone()),
        "nodes": nodes,
        "problems": problems,
    })
}

/// The place a syntax error names in its path (`line 3, column 7`).
fn syntax_place(at: &str) -> Option<Place> {
    let (line, column) = at.strip_prefix("line ")?.split_once(", column ")?;
    Some(Place {
        line: line.parse().ok()?,
        column: column.parse().ok()?,
    })
}

fn kind(node: &Node) -> &'static str {
    match node {
        Node::Question(_) => "question",
        Node::Fields(_) => "fields",
        Node::Info(_) => "info",
        Node::Outcome(o) => o.kind.as_str(),
    }
}

/// The flow as a Mermaid diagram, for any text that reads as a flow, even one that breaks the
/// rules: nodes no way reaches are drawn dashed, links to missing nodes are left out.
pub fn graph(text: &str) -> Option<String> {
    load::parse(text)
        .ok()
        .map(|flow| diagram::draw(&flow, Notation::Mermaid))
}

/// The page's settings (`org_name`, `support_email`, `support_phone`, `support_hours`,
/// `support_teams`, `ticket_url`, as in `flowcheck render`'s answers file and a test file's
/// `config`), or what is wrong with one.
/// Settings left empty are not given.
pub fn page(settings: &Value) -> Result<Page, String> {
    let given = settings
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
        .collect();
    flowtest::page(&given)
}

/// Every way through a usable flow (up to [`MAX_LISTED_PATHS`]), each with its answers, its
/// outcome and path code, the snapshot the widget resumes it from, and what `flowcheck
/// render` prints for it with `config`: `{ways: [{answers, outcome, kind, code, snapshot,
/// transcript}], truncated, unreached}`.
pub fn paths(flow: ValidFlow, page: &Page) -> Value {
    let note = Strings::english().mailto_note().to_owned();
    let mut ways = Vec::new();
    let found = walk::explore_with(Rc::new(flow), MAX_LISTED_PATHS, |way, session| {
        let answers: Vec<String> = way.steps.iter().filter_map(Step::answer).collect();
        ways.push(json!({
            "answers": answers, "outcome": way.outcome, "kind": way.kind, "code": way.code,
            "snapshot": session.snapshot(),
            "transcript": transcript(session, page, &note),
        }));
    });
    json!({ "ways": ways, "truncated": found.truncated, "unreached": found.unreached })
}

/// The snapshot the widget resumes from to stand on `node`: the answers of the first way the
/// search finds through it. `None` for a node no way reaches.
pub fn snapshot_at(flow: ValidFlow, node: &str) -> Option<String> {
    let flow = Rc::new(flow);
    let found = walk::explore(Rc::clone(&flow), limits::MAX_PATHS);
    let way = found
        .walks
        .iter()
        .find(|w| w.outcome == node || w.steps.iter().any(|s| step_node(s) == Some(node)))?;
    let mut session = Session::new(flow);
    session.start();
    for step in way.steps.iter().take_while(|s| step_node(s) != Some(node)) {
        let answer = match step {
            Step::Question { index, .. } => Answer::Choice(*index),
            Step::Fields { values, .. } => {
                Answer::Values(values.iter().map(|(_, v)| v.clone()).collect())
            }
            Step::Info { .. } => Answer::Seen,
            Step::Review => {
                session.confirm();
                continue;
            }
            Step::NotFixed { .. } => {
                session.not_fixed();
                continue;
            }
        };
        session.answer(answer).ok()?;
    }
    Some(session.snapshot())
}

fn step_node(step: &Step) -> Option<&str> {
    match step {
        Step::Question { node, .. } | Step::Fields { node, .. } | Step::Info { node } => Some(node),
        Step::Review | Step::NotFixed { .. } => None,
    }
}

/// Runs a test file on a usable flow: `{cases, rules, paths, truncated, failures}`, or why the
/// file cannot run (as `flowcheck test` prints it for `name`).
pub fn test(flow: ValidFlow, tests: &str, name: &str) -> Result<Value, String> {
    let report = flowtest::parse(tests)
        .and_then(|t| flowtest::run(Rc::new(flow), &t, limits::MAX_PATHS))
        .map_err(|e| format!("{name}: {e}"))?;
    Ok(json!({
        "cases": report.cases, "rules": report.rules, "paths": report.paths,
        "truncated": report.truncated, "failures": report.failures,
    }))
}

/// A usable flow from `text`, or its first problem, for the calls that need one.
pub fn usable(text: &str) -> Result<ValidFlow, String> {
    ValidFlow::from_json(text).map_err(|errors| {
        errors
            .first()
            .map_or_else(|| "cannot be read".to_owned(), FlowError::to_string)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in flow as its file is written (the widget embeds it minified).
    fn built_in() -> &'static str {
        include_str!("../../flows/microsoft-authenticator.json")
    }

    fn problems(text: &str) -> Vec<Value> {
        check(text, "flow.json")["problems"]
            .as_array()
            .unwrap()
            .clone()
    }

    #[test]
    fn the_built_in_flow_is_usable_and_lists_its_nodes_at_their_lines() {
        let checked = check(built_in(), "flow.json");
        assert_eq!(checked["usable"], true);
        assert_eq!(checked["problems"], json!([]));
        let nodes = checked["nodes"].as_array().unwrap();
        assert!(nodes.len() > 30);
        for node in nodes {
            let line = built_in()
                .lines()
                .nth(node["line"].as_u64().unwrap() as usize - 1)
                .unwrap();
            assert!(
                line.contains(&format!("\"id\": {}", node["id"])),
                "{node}: {line}"
            );
        }
    }

    #[test]
    fn a_trailing_comma_is_placed_where_the_reader_stopped() {
        let text = "{\n  \"format\": 1,\n}";
        let found = problems(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0]["line"].clone(), found[0]["column"].clone()),
            (json!(3), json!(1))
        );
        assert_eq!(found[0]["blocking"], true);
        assert!(found[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("flow.json:line 3, column 1: "));
    }

    #[test]
    fn an_unknown_key_is_placed_at_the_key_and_stops_the_preview() {
        let text = built_in().replacen("\"title\":", "\"colour\": \"red\", \"title\":", 1);
        let found = problems(&text);
        let unknown = found
            .iter()
            .find(|p| p["message"].as_str().unwrap().contains("colour"))
            .unwrap_or_else(|| panic!("{found:?}"));
        let line = text
            .lines()
            .nth(unknown["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        let column = unknown["column"].as_u64().unwrap() as usize;
        assert!(line
            .chars()
            .skip(column - 1)
            .collect::<String>()
            .starts_with("\"colour\""));
        assert_eq!(check(&text, "f")["usable"], false);
    }

    #[test]
    fn a_missing_next_is_placed_at_its_option() {
        let text = built_in().replacen(",\n          \"next\": \"screen\"", "", 1);
        let checked = check(&text, "f");
        assert_eq!(checked["usable"], false);
        let found = checked["problems"].as_array().unwrap();
        let missing = found
            .iter()
            .find(|p| p["message"].as_str().unwrap().contains("next"))
            .unwrap();
        let line = text
            .lines()
            .nth(missing["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        assert!(
            line.trim_start().starts_with('{'),
            "the option's own line: {line}"
        );
    }

    #[test]
    fn a_flow_that_reads_but_breaks_a_rule_still_lists_its_nodes() {
        let text = built_in().replacen("\"next\": \"screen\"", "\"next\": \"nowhere\"", 1);
        let checked = check(&text, "f");
        assert_eq!(checked["usable"], false);
        assert!(checked["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("nowhere"));
        assert_eq!(
            checked["nodes"].as_array().unwrap().len(),
            usable(built_in()).unwrap().flow().nodes.len()
        );
    }

    #[test]
    fn warnings_do_not_stop_the_preview() {
        let v10 = include_str!("../../tests/fixtures/microsoft-authenticator-v1.0.json");
        let checked = check(v10, "f");
        assert_eq!(checked["usable"], true);
        let found = checked["problems"].as_array().unwrap();
        assert!(!found.is_empty());
        assert!(found.iter().all(|p| p["blocking"] == false));
        assert!(found
            .iter()
            .any(|p| p["text"].as_str().unwrap().contains("`{upn}` is empty")));
    }

    #[test]
    fn every_way_has_the_transcript_flowcheck_renders_and_a_snapshot_the_widget_resumes() {
        let flow = usable(built_in()).unwrap();
        let page =
            page(&json!({"support_email": "help@contoso.com", "support_teams": "it@contoso.com"}))
                .unwrap();
        let listed = paths(flow, &page);
        let ways = listed["ways"].as_array().unwrap();
        assert!(ways.len() > 100);
        assert_eq!(listed["truncated"], false);
        let flow = Rc::new(usable(built_in()).unwrap());
        for way in ways.iter().step_by(37) {
            let resumed =
                Session::restore(Rc::clone(&flow), way["snapshot"].as_str().unwrap()).unwrap();
            let note = Strings::english().mailto_note().to_owned();
            assert_eq!(
                transcript(&resumed, &page, &note),
                way["transcript"].as_str().unwrap()
            );
        }
    }

    #[test]
    fn the_page_settings_are_read_as_a_test_file_reads_them() {
        let page = page(&json!({"org_name": "Contoso", "support_hours": null, "ticket-url": "https://help.contoso.com/new?d={body}"})).unwrap();
        assert_eq!(page.config.org_name.as_deref(), Some("Contoso"));
        assert!(
            page.channels.ticket.is_some(),
            "an attribute's own name is read too"
        );
        let bad = super::page(&json!({"support_email": "not an address"})).unwrap_err();
        assert!(bad.starts_with("config.support_email: "), "{bad}");
        let bad = super::page(&json!({"ticket_url": "javascript:alert(1)"})).unwrap_err();
        assert!(bad.starts_with("config.ticket_url: "), "{bad}");
        assert!(super::page(&json!({"colour": "red"})).is_err());
    }

    #[test]
    fn a_snapshot_stands_on_the_node_asked_for() {
        let text = built_in();
        let flow = Rc::new(usable(text).unwrap());
        for node in &flow.flow().nodes {
            let snapshot = snapshot_at(usable(text).unwrap(), node.id()).unwrap();
            let session = Session::restore(Rc::clone(&flow), &snapshot).unwrap();
            let on = match session.screen() {
                crate::flow::Screen::Node(i) | crate::flow::Screen::Outcome(i) => flow.node(i).id(),
                other => panic!("{other:?} for {}", node.id()),
            };
            assert_eq!(on, node.id());
        }
    }

    #[test]
    fn a_test_file_runs_and_a_broken_one_says_why() {
        let tests = include_str!("../../flows/microsoft-authenticator.tests.json");
        let report = test(usable(built_in()).unwrap(), tests, "t.json").unwrap();
        assert_eq!(report["failures"], json!([]));
        assert!(report["cases"].as_u64().unwrap() > 10);
        let broken = test(usable(built_in()).unwrap(), "{", "t.json").unwrap_err();
        assert!(broken.starts_with("t.json: "), "{broken}");
    }

    #[test]
    fn the_graph_marks_what_no_way_reaches() {
        let drawn = graph(built_in()).unwrap();
        assert!(drawn.starts_with("flowchart TD") && !drawn.contains(diagram::UNREACHED));
        // `account` is the start: with `screen` as the start instead, no way reaches it.
        let text = built_in().replacen("\"start\": \"account\"", "\"start\": \"screen\"", 1);
        assert!(check(&text, "f")["usable"] == false);
        let drawn = graph(&text).unwrap();
        let line = drawn.lines().find(|l| l.contains("account: ")).unwrap();
        assert!(line.contains(diagram::UNREACHED), "{line}");
        assert!(drawn.contains("class n0") && drawn.contains(" unreached"));
        assert!(graph("{").is_none());
    }
}
