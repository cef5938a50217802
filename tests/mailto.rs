//! mailto: links (RFC 6068) built from hostile input: nothing a person types can add a header,
//! a recipient or a fragment, and the text decodes back exactly.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::rc::Rc;

use common::{golden, parse_mailto};
use troubleshooter::flow::handoff::{encode, Email, MAILTO_BUDGET};
use troubleshooter::flow::{Answer, Config, Handoff, Session, ValidFlow};

const EXAMPLE: &str = include_str!("../flows/examples/printer-offline.json");
const NOTE: &str = "(The rest is in the troubleshooter.)";

const HOSTILE: [&str; 8] = [
    "&cc=x@evil.example",
    "?bcc=x@evil.example",
    "%0ABcc: x@evil.example",
    "# fragment",
    "100% & more = less + 1",
    "Grüße, 東京, café",
    "emoji 🔐🙂",
    "a\r\nBcc: x@evil.example",
];

fn email_with(message: &str) -> Email {
    let mut s = Session::new(Rc::new(ValidFlow::from_json(EXAMPLE).unwrap()));
    s.start();
    s.answer(Answer::Choice(0)).unwrap();
    s.answer(Answer::Choice(2)).unwrap();
    s.answer(Answer::Values(vec![
        "042".into(),
        "ada@contoso.com".into(),
        message.into(),
    ]))
    .unwrap();
    let config = Config {
        support_email: Some("helpdesk@contoso.com".into()),
        ..Config::default()
    };
    Handoff::for_session(&s, &config).unwrap().email.unwrap()
}

#[test]
fn hostile_input_cannot_add_headers_and_decodes_back() {
    let mut goldens = String::new();
    for input in HOSTILE {
        let email = email_with(input);
        let url = email.mailto(MAILTO_BUDGET, NOTE);
        goldens.push_str(&format!("{input:?}\n{url}\n\n"));
        assert_eq!(url.matches('?').count(), 1, "{url}");
        assert!(
            !url.contains('#') && !url.contains(' ') && !url.contains('\n'),
            "{url}"
        );
        let (to, fields) = parse_mailto(&url);
        assert_eq!(to, "helpdesk@contoso.com");
        let names: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            names,
            ["subject", "body"],
            "only subject and body, whatever was typed: {url}"
        );
        assert_eq!(fields[0].1, email.subject);
        assert_eq!(fields[1].1, email.body(), "the body decodes back exactly");
        assert!(
            !fields[1].1.contains("\r\nBcc:"),
            "a typed line break never starts a line"
        );
    }
    golden("mailto-hostile.txt", &goldens);
}

#[test]
fn encoding_follows_rfc_6068() {
    assert_eq!(encode("a b"), "a%20b", "spaces are %20, never +");
    assert_eq!(
        encode("1\n2\r\n3\r4"),
        "1%0D%0A2%0D%0A3%0D%0A4",
        "every line break is CRLF"
    );
    assert_eq!(encode("&?#%=+"), "%26%3F%23%25%3D%2B");
    assert_eq!(encode("é🔐"), "%C3%A9%F0%9F%94%90", "UTF-8 bytes");
    assert_eq!(encode("A-z_0.9~"), "A-z_0.9~", "unreserved characters stay");
}

#[test]
fn a_long_email_is_cut_at_a_line_with_a_note_and_the_full_text_stays() {
    let email = Email {
        to: Some("helpdesk@contoso.com".into()),
        subject: "Subject".into(),
        lines: (1..=200)
            .map(|i| format!("Line {i}: ünïcödé & more"))
            .collect(),
    };
    let url = email.mailto(MAILTO_BUDGET, NOTE);
    assert!(url.len() <= MAILTO_BUDGET);
    let (_, fields) = parse_mailto(&url);
    let body = &fields[1].1;
    assert!(body.ends_with(&format!("\r\n\r\n{NOTE}")), "{body}");
    let kept: Vec<&str> = body
        .trim_end_matches(NOTE)
        .trim_end()
        .split("\r\n")
        .collect();
    assert!(kept.len() > 10, "as many whole lines as fit");
    for (i, line) in kept.iter().enumerate() {
        assert_eq!(*line, email.lines[i], "whole lines, in order");
    }
    assert_eq!(
        email.body().lines().count(),
        200,
        "the full text is still there to copy"
    );
    assert!(email.eml().contains("Line 200"), "and to download");
}
