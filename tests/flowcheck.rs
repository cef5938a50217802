//! The `flowcheck` command as a web team runs it: output and exit codes.
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output};

const EXAMPLE: &str = "flows/examples/printer-offline.json";

fn flowcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flowcheck"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn temp_file(name: &str, contents: &str) -> String {
    let dir = std::env::temp_dir().join(format!("flowcheck-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn check_passes_a_valid_flow() {
    let out = flowcheck(&["check", EXAMPLE]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("printer-offline.json: ok (7 nodes)"));
}

#[test]
fn check_prints_every_error_as_file_path_message_and_exits_1() {
    let broken = std::fs::read_to_string(EXAMPLE)
        .unwrap()
        .replace("\"next\": \"power\"", "\"next\": \"powr\"")
        .replace(
            "\"label\": \"Printer location\",",
            "\"label\": \"Printer location\", \"colour\": 1,",
        );
    let file = temp_file("broken.json", &broken);
    let out = flowcheck(&["check", &file]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("{file}:nodes[0].colour: unknown field `colour`")),
        "{err}"
    );
    let file2 = temp_file(
        "broken2.json",
        &std::fs::read_to_string(EXAMPLE)
            .unwrap()
            .replace("\"next\": \"power\"", "\"next\": \"powr\""),
    );
    let err = text(&flowcheck(&["check", &file2]).stderr);
    assert!(
        err.contains(&format!(
            "{file2}:nodes[1].options[1].next: no node has the id `powr`"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{file2}:nodes[2]: no path from the start reaches `power`"
        )),
        "{err}"
    );
}

#[test]
fn check_reports_syntax_errors_with_line_and_column() {
    let file = temp_file("syntax.json", "{\n  \"id\": \"x\",,\n}");
    let out = flowcheck(&["check", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(&format!("{file}:line 2, column 13: key must be a string")),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["check"],
        &["graph", EXAMPLE, "--format", "svg"],
        &["frobnicate"],
    ] {
        let out = flowcheck(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains("usage:"));
    }
}

#[test]
fn graph_draws_mermaid_and_dot() {
    let mermaid = text(&flowcheck(&["graph", EXAMPLE]).stdout);
    assert!(mermaid.starts_with("flowchart TD\n"));
    assert!(
        mermaid.contains("n6([\"report: Tell IT which printer is offline\"]):::contact_helpdesk"),
        "{mermaid}"
    );
    assert!(
        mermaid.contains("n3 -->|\"if printer = 000 or 999\"| n5"),
        "{mermaid}"
    );
    let dot = text(&flowcheck(&["graph", EXAMPLE, "--format", "dot"]).stdout);
    assert!(dot.starts_with("digraph \"printer-offline\" {"));
    assert!(dot.contains("n0 -> n1 [label=\"In the office\"];"), "{dot}");
    assert!(dot.contains("shape=doubleoctagon"));
}

#[test]
fn paths_lists_every_way_and_reports_unreachable_outcomes() {
    let out = flowcheck(&["paths", EXAMPLE]);
    assert_eq!(out.status.code(), Some(0));
    let listing = text(&out.stdout);
    assert!(
        listing.contains("where=home → home-printer (not_supported, path 2)"),
        "{listing}"
    );
    assert!(
        listing.contains("10 paths, 3 of 3 outcomes reached"),
        "{listing}"
    );
    assert!(
        listing.contains("test-printer=no › check answers → report (contact_helpdesk, path 111n)"),
        "\"Did this fix it?\" answered No is a way on to IT: {listing}"
    );

    // Without an example a required pattern field cannot be filled, so `report` is out of reach
    // (but for "No" at the test printer, which is taken out too).
    let no_example = std::fs::read_to_string(EXAMPLE)
        .unwrap()
        .replace(", \"example\": \"PRN-042\"", "")
        .replace(",\n      \"not_fixed\": \"report\"", "")
        .replace(
            "\"answer\": \"test-printer\", \"is\": \"no\"",
            "\"flag\": \"error_shown\"",
        );
    let file = temp_file("no-example.json", &no_example);
    let out = flowcheck(&["paths", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no way through the flow reaches the outcome `report`"));

    let json: serde_json::Value =
        serde_json::from_slice(&flowcheck(&["paths", EXAMPLE, "--json"]).stdout).unwrap();
    assert_eq!(json["walks"].as_array().unwrap().len(), 10);
    assert_eq!(
        json["walks"][0]["steps"][0],
        serde_json::json!({ "kind": "question", "node": "where", "option": "office", "index": 0 })
    );
}

#[test]
fn render_prints_the_email_and_script_of_given_answers() {
    let answers = temp_file(
        "answers.json",
        r#"{ "where": "office", "lights": "error", "printer": "PRN-042", "email": "ada@contoso.com",
             "message": "Jam", "config": { "org_name": "Contoso", "support_email": "helpdesk@contoso.com" } }"#,
    );
    let out = flowcheck(&["render", EXAMPLE, "--answers", &answers]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let rendered = text(&out.stdout);
    assert!(
        rendered.contains("Subject: Printer PRN-042 is offline - ada@contoso.com"),
        "{rendered}"
    );
    assert!(
        rendered.contains("mailto:helpdesk@contoso.com?subject=Printer%20PRN-042"),
        "{rendered}"
    );
    assert!(rendered.contains("2. It shows an error: Jam"), "{rendered}");

    // The page's Teams chat and ticket form, and "No" at the test printer.
    let answers = temp_file(
        "answers-channels.json",
        r#"{ "where": "office", "lights": "on", "printer": "000", "email": "ada@contoso.com",
             "test-printer": "no",
             "config": { "support_teams": "it@contoso.com",
                         "ticket_url": "https://help.contoso.com/new/{flow}?s={subject}&o={outcome}" } }"#,
    );
    let out = flowcheck(&["render", EXAMPLE, "--answers", &answers]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let rendered = text(&out.stdout);
    assert!(
        rendered.starts_with("outcome: report (contact_helpdesk)"),
        "{rendered}"
    );
    assert!(
        rendered.contains("reference: printer-offline v1.0 path 111n"),
        "{rendered}"
    );
    assert!(
        rendered.contains("\n== teams\nhttps://teams.microsoft.com/l/chat/0/0?users=it%40contoso.com&message=Printer%20PRN-000%20is%20offline"),
        "{rendered}"
    );
    assert!(
        rendered.contains("\n== ticket\nhttps://help.contoso.com/new/printer-offline?s=Printer%20PRN-000%20is%20offline%20-%20ada%40contoso.com&o=report\n"),
        "{rendered}"
    );

    let wrong = temp_file("wrong.json", r#"{ "where": "office", "lights": "purple" }"#);
    let out = flowcheck(&["render", EXAMPLE, "--answers", &wrong]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr)
        .contains("`purple` is not an option of `lights`; its options are on, off, error"));
}

#[test]
fn check_fails_the_v1_0_built_in_flow_for_its_unsigned_stolen_phone_report() {
    let fixture = "tests/fixtures/microsoft-authenticator-v1.0.json";
    let out = flowcheck(&["check", fixture]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("{fixture}:nodes[18].email.subject: error: `{{upn}}` is empty on some way to `out-self-fix-report`")),
        "{err}"
    );
    assert!(err.contains("warning: `{name}` is empty"), "{err}");
    // A format 1 flow predates "Did this fix it?": a warning for each of its ten self-fix outcomes.
    assert!(
        err.contains(&format!(
            "{fixture}:nodes[15]: warning: the self-fix outcome `out-notify` has no `not_fixed`"
        )),
        "{err}"
    );
    assert!(err.contains(": 1 error, 17 warnings"), "{err}");
}

#[test]
fn check_with_the_pages_settings_warns_of_links_over_their_limit_naming_the_way() {
    let long = format!(
        r#"{{ "support-teams": "it@contoso.com", "ticket-url": "https://help.contoso.com/new?form={}&d={{body}}" }}"#,
        "x".repeat(1_950)
    );
    let settings = temp_file("long-settings.json", &long);
    let out = flowcheck(&["check", "--config", &settings, EXAMPLE]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings only: {}",
        text(&out.stderr)
    );
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("{EXAMPLE}: warning: path 110 to `report` (where=office › lights=on › details[printer=PRN-042, email=person@example.com]): the ticket link is ")),
        "{err}"
    );
    assert!(
        err.contains("characters before shortening, over 2000"),
        "{err}"
    );
    assert!(
        !err.contains("the Teams link"),
        "the Teams link fits: {err}"
    );
    assert!(
        text(&out.stdout).contains("ok (7 nodes), 6 warnings"),
        "{}",
        text(&out.stdout)
    );

    // Short enough: nothing to say. A template that cannot be used: an error, by its name.
    let fine = temp_file("settings.json", r#"{ "support_teams": "it@contoso.com" }"#);
    let out = flowcheck(&["check", "--config", &fine, EXAMPLE]);
    assert_eq!(text(&out.stdout), format!("{EXAMPLE}: ok (7 nodes)\n"));
    let bad = temp_file(
        "bad-settings.json",
        r#"{ "ticket-url": "javascript:alert(1)" }"#,
    );
    let out = flowcheck(&["check", "--config", &bad, EXAMPLE]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(
            "bad-settings.json: config.ticket_url: `javascript:alert(1)` must start with https://"
        ),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn check_prints_warnings_and_still_passes() {
    // A third answer to `where` goes straight to the form, so `{lights}` is never asked there.
    let mut flow: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    flow["nodes"][0]["options"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"id": "other", "label": "Elsewhere", "next": "details"}));
    let file = temp_file("warned.json", &flow.to_string());
    let out = flowcheck(&["check", &file]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains(&format!(
            "{file}:nodes[6].email.body[2]: warning: `{{lights}}` is empty on some way to `report`, so it is left empty, or the line is left out: where=other › details (filled in) never visits `lights`, which asks for it"
        )),
        "{}",
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("ok (7 nodes), 1 warning"));
}

const EXAMPLE_TESTS: &str = "flows/examples/printer-offline.tests.json";

#[test]
fn test_runs_the_example_flows_cases_and_rules() {
    let out = flowcheck(&["test", EXAMPLE, EXAMPLE_TESTS]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!("{EXAMPLE_TESTS}: 3 cases and 2 rules on 10 ways through the flow: all passed\n")
    );
}

#[test]
fn test_names_each_failing_case_and_rule_with_a_way_through_the_flow() {
    let tests = std::fs::read_to_string(EXAMPLE_TESTS)
        .unwrap()
        .replace("\"outcome\": \"test-printer\"", "\"outcome\": \"report\"")
        .replace("\"Paper jam\"]", "\"Toner low\"]")
        .replace(
            "{ \"excludes\": [\"error\"] }",
            "{ \"excludes\": [\"PRN-\"] }",
        );
    let file = temp_file("failing.tests.json", &tests);
    let out = flowcheck(&["test", EXAMPLE, &file]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    for expected in [
        "cases[0] \"an office printer with an error is reported with its name and message\": `email` does not contain \"Toner low\"",
        "cases[1] \"the test printers have their own outcome\": the answers reach `test-printer`, not `report`",
        "rules[1] \"the phone script mentions an error only when the printer shows one\": `phone` contains \"PRN-\", on where=office › lights=on › details[printer=",
    ] {
        assert!(err.contains(&format!("{file}: {expected}")), "{expected}\nnot in\n{err}");
    }
    assert!(
        text(&out.stdout).contains("3 checks failed"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn test_refuses_rules_that_apply_nowhere_and_tests_of_another_flow() {
    let tests = std::fs::read_to_string(EXAMPLE_TESTS)
        .unwrap()
        .replace("\"is\": \"on\"", "\"is\": \"blinking\"");
    let file = temp_file("vacuous.tests.json", &tests);
    let err = text(&flowcheck(&["test", EXAMPLE, &file]).stderr);
    assert!(
        err.contains("rules[1] \"the phone script mentions an error only when the printer shows one\": if[0]: the question `lights` has no option `blinking`"),
        "{err}"
    );
    assert!(
        err.contains("rules[1] \"the phone script mentions an error only when the printer shows one\": applies to no way through the flow"),
        "{err}"
    );
    let other = temp_file(
        "other.tests.json",
        &std::fs::read_to_string(EXAMPLE_TESTS)
            .unwrap()
            .replace("\"flow\": \"printer-offline\"", "\"flow\": \"vpn\""),
    );
    let out = flowcheck(&["test", EXAMPLE, &other]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("the tests are for `vpn`, but the flow is `printer-offline`")
    );
}

const BUILT_IN: &str = "flows/microsoft-authenticator.json";
const BUILT_IN_TESTS: &str = "flows/microsoft-authenticator.tests.json";

#[test]
fn the_built_in_flow_is_clean_and_passes_its_own_tests() {
    let out = flowcheck(&["check", BUILT_IN]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "", "no warnings");
    let out = flowcheck(&["test", BUILT_IN, BUILT_IN_TESTS]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).ends_with(": all passed\n"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn test_fails_the_built_in_flow_with_h1_put_back_naming_the_rule_and_the_way() {
    // H1 of the December review: the route for "an error code was typed" was checked first, so
    // an administrator, or a person whose phone was stolen, got the plain error email.
    let mut flow: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(BUILT_IN).unwrap()).unwrap();
    let details = flow["nodes"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|n| n["id"] == "details")
        .unwrap();
    let routes = details["routes"].as_array_mut().unwrap();
    let error_route = routes.pop().unwrap();
    assert_eq!(error_route["if"]["field"], "error_code");
    routes.insert(0, error_route);
    // Its translations stay beside the original: this copy is about the routes.
    flow.as_object_mut().unwrap().remove("translations");
    let file = temp_file("h1-put-back.json", &flow.to_string());
    assert_eq!(
        flowcheck(&["check", &file]).status.code(),
        Some(0),
        "still a valid flow"
    );

    let out = flowcheck(&["test", &file, BUILT_IN_TESTS]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("rules[3] \"H1: an administrator with another administrator is never sent to ordinary helpdesk staff\":"),
        "{err}"
    );
    let admin_rule = err.lines().find(|l| l.contains("rules[3]")).unwrap();
    assert!(
        admin_rule.contains("on account=work › screen=error › error-details[error_code=")
            && admin_rule.contains("admin=yes-other")
            && admin_rule.contains("(`out-helpdesk-error`)"),
        "the rule names a way that breaks it: {admin_rule}"
    );
    assert!(
        err.contains("cases[0] \"H1: an error code keeps the administrator route\": the answers reach `out-helpdesk-error`, not `out-helpdesk-admin`"),
        "{err}"
    );
}

#[test]
fn export_and_import_round_trip_a_translation_through_a_translators_file() {
    let flow = temp_file(
        "exchange.json",
        &std::fs::read_to_string("flows/microsoft-authenticator.json").unwrap(),
    );
    let german = std::fs::read_to_string("flows/microsoft-authenticator.de.json").unwrap();
    let overlay = temp_file("exchange.de.json", &german);
    for format in ["po", "csv"] {
        let out = flowcheck(&["export", &flow, "--lang", "de", "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains(": 679 of 679 texts translated into `de`"),
            "{}",
            text(&out.stderr)
        );
        let sent = temp_file(&format!("de.{format}"), &text(&out.stdout));
        std::fs::remove_file(&overlay).unwrap();
        let out = flowcheck(&["import", &flow, &sent]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(text(&out.stdout).contains(&format!("{overlay}: 679 of 679 texts translated")));
        assert_eq!(
            std::fs::read_to_string(&overlay).unwrap(),
            german,
            "{format}: no edits, no change"
        );
    }
    // A new language: every text to translate, and a note on declaring it.
    let out = flowcheck(&["export", &flow, "--lang", "fr"]);
    let po = text(&out.stdout);
    assert!(po.contains("msgctxt \"nodes.account.text\"\nmsgid \"Which account are you trying to sign in to?\"\nmsgstr \"\"\n"), "{po}");
    let sent = temp_file(
        "fr.po",
        &po.replacen(
            "msgstr \"\"\n\nmsgctxt \"summary\"",
            "msgstr \"Récupérer l'accès\"\n\nmsgctxt \"summary\"",
            1,
        ),
    );
    let out = flowcheck(&["import", &flow, &sent]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("1 of 679 texts translated"),
        "{}",
        text(&out.stdout)
    );
    assert!(text(&out.stdout).contains("note: add \"fr\" to the flow's `translations`"));
    // A file the import cannot read, and entries it cannot use, by line.
    let out = flowcheck(&[
        "import",
        &flow,
        &temp_file(
            "bad.po",
            "msgid \"\"\nmsgstr \"Language: de\\n\"\nmsgctxt \"title\"\nmsgid \"a\\q\"\n",
        ),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("bad.po:line 4: `\\q` is not an escape PO files use"),
        "{}",
        text(&out.stderr)
    );
    let stale = temp_file(
        "stale.po",
        &po.replace(
            "msgctxt \"nodes.account.text\"",
            "msgctxt \"nodes.gone.text\"",
        ),
    );
    let out = flowcheck(&["import", &flow, &stale]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr)
            .contains("stale.po:line 23: `nodes.gone.text`: the flow has no such text"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        flowcheck(&["export", &flow, "--lang", "de", "--format", "xliff"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn render_in_a_language_uses_its_translation_and_the_widgets_words() {
    let answers = temp_file(
        "answers-de.json",
        r#"{ "account": "personal", "config": { "org_name": "Contoso", "support_email": "helpdesk@contoso.com" } }"#,
    );
    let flow = "flows/microsoft-authenticator.json";
    let out = flowcheck(&["render", flow, "--answers", &answers, "--lang", "de"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let german: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("flows/microsoft-authenticator.de.json").unwrap(),
    )
    .unwrap();
    let title = german["nodes"]["out-personal"]["title"].as_str().unwrap();
    assert!(
        text(&out.stdout).contains(&format!("title: {title}")),
        "{}",
        text(&out.stdout)
    );
    let out = flowcheck(&["render", flow, "--answers", &answers, "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("microsoft-authenticator.fr.json: cannot read the file"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn readability_uses_each_languages_own_formula_and_says_when_there_is_none() {
    let flow = "flows/microsoft-authenticator.json";
    for (lang, formula) in [
        (None, "Flesch-Kincaid grade"),
        (Some("de"), "Wiener Sachtextformel"),
        (Some("es"), "Fernández-Huerta reading ease"),
    ] {
        let mut args = vec!["readability", flow];
        args.extend(lang.iter().flat_map(|l| ["--lang", *l]));
        let out = flowcheck(&args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{lang:?}: {}",
            text(&out.stdout)
        );
        let said = text(&out.stdout);
        assert!(said.contains(formula), "{lang:?}: {said}");
        assert!(
            said.lines().any(|l| l.contains("out-helpdesk ")),
            "{lang:?}: a line per screen"
        );
    }
    let out = flowcheck(&["readability", flow, "--lang", "ar"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout)
        .contains("no readability formula is standard for `ar`; ask a native reader"));
}
