//! One-time codes and passwords never leave the device (issue #14): a field can refuse what
//! looks like a code, and whatever a person types that looks like a secret is kept out of every
//! text handed over, whatever the field's format.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use serde_json::json;
use troubleshooter::authoring::walk::{follow, AnswersById};
use troubleshooter::authoring::{transcript, Page};
use troubleshooter::flow::fields::FieldProblem;
use troubleshooter::flow::handoff::MAILTO_BUDGET;
use troubleshooter::flow::session::Refusal;
use troubleshooter::flow::{Answer, Config, Handoff, Screen, Session, ValidFlow};

fn flow(refuse_codes: bool) -> Rc<ValidFlow> {
    let flow = json!({
        "format": 1, "id": "t", "version": "1", "title": "T", "summary": "S", "language": "en",
        "start": "details",
        "nodes": [
            {"type": "fields", "id": "details", "text": "Details", "fields": [
                {"id": "error_code", "label": "Error code", "format": "pattern",
                 "pattern": "(?i)^(?:AADSTS)?(?<value>\\d{5,7})$", "refuse_codes": refuse_codes},
                {"id": "employee_id", "label": "Employee ID", "format": "pattern",
                 "pattern": "^[A-Za-z0-9-]{1,20}$"},
                {"id": "request_id", "label": "Request ID", "format": "pattern",
                 "pattern": "(?i)^[0-9a-f-]{36}$"},
                {"id": "when", "label": "When", "format": "date_time"},
                {"id": "note", "label": "Note"}
            ], "next": "out"},
            {"type": "outcome", "id": "out", "kind": "contact_helpdesk", "title": "Ask IT",
             "email": {"subject": "Sign-in error {error_code}", "body": [
                "- Error code: {error_code}", "- Employee ID: {employee_id}",
                "- Request ID: {request_id}", "- When: {when}", "- Note: {note}"]},
             "phone": {"lines": ["My employee ID is {employee_id}.", "Note: {note}"]}}
        ]
    });
    Rc::new(ValidFlow::from_json(&flow.to_string()).unwrap())
}

fn answers(pairs: &[(&str, &str)]) -> AnswersById {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Everything that leaves the device for one walk: the transcript holds the email text, the
/// mailto URL and the phone script; the `.eml` draft is the download. (Copy, print and the QR
/// codes in the widget are made from these same texts.)
fn everything_sent(session: &Session) -> String {
    let config = Config::default();
    let handoff = Handoff::for_session(session, &config).unwrap();
    format!(
        "{}\n{}\n{}",
        transcript(session, &Page::from(config.clone()), "(shortened)"),
        handoff.email.as_ref().unwrap().eml(),
        handoff.email.as_ref().unwrap().mailto(MAILTO_BUDGET, "")
    )
}

#[test]
fn a_field_that_refuses_codes_refuses_six_to_eight_digits_alone() {
    let refusing = flow(true);
    for code in ["482913", "482 913", "4829-1357", "48291357"] {
        let mut session = Session::new(Rc::clone(&refusing));
        session.start();
        let refused = session.answer(Answer::Values(vec![code.to_owned()]));
        assert_eq!(
            refused,
            Err(Refusal::Fields(vec![(0, FieldProblem::LooksLikeCode)])),
            "{code}"
        );
    }
    // The code as the error page shows it, and a five-digit code, are what the field expects.
    for typed in ["AADSTS500121", "aadsts50076", "50076"] {
        let session = follow(Rc::clone(&refusing), &answers(&[("error_code", typed)])).unwrap();
        assert!(matches!(session.screen(), Screen::Outcome(_)), "{typed}");
    }
    // Without `refuse_codes`, a bare six-digit value is accepted but never sent.
    let session = follow(flow(false), &answers(&[("error_code", "482913")])).unwrap();
    assert_eq!(session.withheld(), ["error_code"]);
    assert!(!everything_sent(&session).contains("482913"));
}

#[test]
fn a_code_typed_into_any_field_never_reaches_a_text_that_is_handed_over() {
    let sent = withheld_and_never_sent(
        &[
            ("employee_id", "739201"),
            ("when", "482 913"),
            ("note", "Tr0ub4dor&3x"),
            ("request_id", "0b6c2e41-5d1a-4a34-9a6a-3f1f6e0c2b11"),
        ],
        &[
            "739201",
            "482 913",
            "482%20913",
            "Tr0ub4dor",
            "Tr0ub4dor%263x",
        ],
    );
    // An ID, a timestamp and an employee number with letters are what those fields are for.
    assert!(sent.contains("0b6c2e41-5d1a-4a34-9a6a-3f1f6e0c2b11"));
    let session = follow(
        flow(true),
        &answers(&[("employee_id", "E-10442"), ("when", "2026-05-03T09:15:02Z")]),
    )
    .unwrap();
    assert!(session.withheld().is_empty());
    let sent = everything_sent(&session);
    assert!(
        sent.contains("- Employee ID: E-10442") && sent.contains("- When: 2026-05-03T09:15:02Z")
    );
}

/// Percent-encoded UTF-8, as a `mailto:` URL would carry a text.
fn percent(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

/// Walks with `typed` in the employee ID, when and note fields (and any others given): those
/// three are withheld, and no `secret`, as typed or percent-encoded, is in anything handed
/// over. Returns everything handed over.
fn withheld_and_never_sent(typed: &[(&str, &str)], secrets: &[&str]) -> String {
    let session = follow(flow(true), &answers(typed)).unwrap();
    assert_eq!(session.withheld(), ["employee_id", "when", "note"]);
    let sent = everything_sent(&session);
    for secret in secrets {
        assert!(!sent.contains(secret), "{secret} was sent:\n{sent}");
        assert!(
            !sent.contains(&percent(secret)),
            "{secret} was sent encoded"
        );
    }
    sent
}

#[test]
fn a_code_typed_with_arabic_indic_digits_is_refused_and_withheld() {
    // Arabic-Indic (U+0660-0669), Extended Arabic-Indic (U+06F0-06F9, Persian and Urdu
    // keyboards) and Devanagari digits: six of them alone are a one-time code too.
    let codes = ["٤٨٢٩١٣", "٤٨٢ ٩١٣", "۴۸۲۹۱۳۵۷", "४८२९१३"];
    for code in codes {
        let mut session = Session::new(flow(true));
        session.start();
        let refused = session.answer(Answer::Values(vec![code.to_owned()]));
        assert_eq!(
            refused,
            Err(Refusal::Fields(vec![(0, FieldProblem::LooksLikeCode)])),
            "{code}"
        );
    }
    withheld_and_never_sent(
        &[
            ("employee_id", "٧٣٩٢٠١"),
            ("when", "٤٨٢ ٩١٣"),
            ("note", "۴۸۲۹۱۳"),
        ],
        &["٧٣٩٢٠١", "٤٨٢ ٩١٣", "۴۸۲۹۱۳", "739201", "482913"],
    );
}

#[test]
fn values_typed_with_other_digits_pass_the_checks_and_are_kept_as_typed() {
    // An error code with its digits in Arabic-Indic form: the pattern's `\d` reads them, and
    // the value group keeps what was typed. A timestamp in Arabic, too.
    let session = follow(
        flow(true),
        &answers(&[
            ("error_code", "AADSTS٥٠٠٧٦"),
            ("employee_id", "E-١٠٤٤٢"),
            ("when", "٣ مايو ٠٩:١٥"),
        ]),
    )
    .unwrap();
    assert!(session.withheld().is_empty());
    assert_eq!(session.field_value("error_code").as_deref(), Some("٥٠٠٧٦"));
    let sent = everything_sent(&session);
    assert!(sent.contains("- Error code: ٥٠٠٧٦"), "{sent}");
    assert!(sent.contains("- Employee ID: E-١٠٤٤٢"), "{sent}");
    assert!(sent.contains("- When: ٣ مايو ٠٩:١٥"), "{sent}");
    // Letters of another script are not digits: the ID pattern still refuses them.
    let mut session = Session::new(flow(true));
    session.start();
    let refused = session.answer(Answer::Values(vec!["".into(), "E-أبج".into()]));
    assert_eq!(
        refused,
        Err(Refusal::Fields(vec![(1, FieldProblem::NoMatch)]))
    );
}
