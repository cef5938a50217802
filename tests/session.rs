//! The session state machine on the example flow: answer, back, change, confirm, restart,
//! progress, flags, routes, path codes and withheld secrets.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use troubleshooter::flow::{Answer, Config, Handoff, Refusal, Screen, Session, ValidFlow};

const EXAMPLE: &str = include_str!("../flows/examples/printer-offline.json");

fn session() -> Session {
    let mut s = Session::new(Rc::new(ValidFlow::from_json(EXAMPLE).unwrap()));
    s.start();
    s
}

fn id(s: &Session) -> String {
    match s.screen() {
        Screen::Start => "start".into(),
        Screen::Node(n) | Screen::Outcome(n) => s.flow().node(n).id().into(),
        Screen::Review(n) => format!("review:{}", s.flow().node(n).id()),
    }
}

fn choose(s: &mut Session, option: usize) {
    s.answer(Answer::Choice(option)).unwrap();
}

fn fill(s: &mut Session, values: &[&str]) -> Result<(), Refusal> {
    s.answer(Answer::Values(
        values.iter().map(|v| v.to_string()).collect(),
    ))
}

#[test]
fn walks_to_a_contact_outcome_through_review() {
    let mut s = session();
    assert_eq!(id(&s), "where");
    choose(&mut s, 0);
    choose(&mut s, 2);
    assert_eq!(id(&s), "details");
    fill(&mut s, &["prn-042", "ada@contoso.com", ""]).unwrap();
    assert_eq!(id(&s), "review:report");
    assert!(s.confirm());
    assert_eq!(id(&s), "report");
    assert!(!s.confirm(), "confirm only works on review");
}

#[test]
fn refused_answers_keep_what_was_typed() {
    let mut s = session();
    choose(&mut s, 0);
    choose(&mut s, 0);
    let refusal = fill(&mut s, &["PRN-42", "not an email", "jammed"]).unwrap_err();
    let Refusal::Fields(problems) = refusal else {
        panic!("fields refusal expected")
    };
    assert_eq!(problems.iter().map(|(k, _)| *k).collect::<Vec<_>>(), [0, 1]);
    assert_eq!(id(&s), "details", "still on the form");
    let details = s.flow().index_of("details").unwrap();
    assert_eq!(
        s.answer_for(details),
        Some(&Answer::Values(vec![
            "PRN-42".into(),
            "not an email".into(),
            "jammed".into()
        ]))
    );
    assert_eq!(s.answer(Answer::Choice(9)), Err(Refusal::NotExpected));
}

#[test]
fn a_question_refuses_no_choice() {
    let mut s = session();
    assert_eq!(s.answer(Answer::Choice(usize::MAX)), Err(Refusal::NoChoice));
    assert_eq!(id(&s), "where");
}

#[test]
fn back_returns_to_the_previous_screen_with_the_answer_kept() {
    let mut s = session();
    choose(&mut s, 0);
    choose(&mut s, 1);
    assert_eq!(id(&s), "power");
    assert!(s.back());
    assert_eq!(id(&s), "lights");
    assert_eq!(
        s.answer_for(s.flow().index_of("lights").unwrap()),
        Some(&Answer::Choice(1))
    );
    assert!(s.back());
    assert!(s.back());
    assert_eq!(s.screen(), Screen::Start);
    assert!(!s.back(), "nothing before the start");
}

#[test]
fn back_from_a_confirmed_outcome_returns_to_review() {
    let mut s = session();
    choose(&mut s, 0);
    choose(&mut s, 0);
    fill(&mut s, &["042", "ada@contoso.com", ""]).unwrap();
    s.confirm();
    s.back();
    assert_eq!(id(&s), "review:report");
    s.back();
    assert_eq!(id(&s), "details");
}

#[test]
fn change_skips_forward_through_answers_that_still_apply() {
    let mut s = session();
    choose(&mut s, 0);
    choose(&mut s, 0);
    fill(&mut s, &["042", "ada@contoso.com", ""]).unwrap();
    let lights = s.flow().index_of("lights").unwrap();
    assert!(s.change(lights));
    assert_eq!(id(&s), "lights");
    choose(&mut s, 2); // "It shows an error": details still applies, so straight back to review.
    assert_eq!(id(&s), "review:report");
    assert!(s.flags().contains(&"error_shown"));
    assert_eq!(s.summary().len(), 5);
}

#[test]
fn change_that_leads_elsewhere_asks_the_new_questions_and_drops_the_old_answers() {
    let mut s = session();
    choose(&mut s, 0);
    choose(&mut s, 0);
    fill(&mut s, &["042", "ada@contoso.com", ""]).unwrap();
    let lights = s.flow().index_of("lights").unwrap();
    s.change(lights);
    choose(&mut s, 1); // Now the printer is dark: the power screen is new.
    assert_eq!(id(&s), "power");
    s.answer(Answer::Seen).unwrap();
    assert_eq!(
        id(&s),
        "review:report",
        "details still applies after the new screen"
    );

    let place = s.flow().index_of("where").unwrap();
    s.change(place);
    choose(&mut s, 1); // At home: a different outcome, and the office answers no longer apply.
    assert_eq!(id(&s), "home-printer");
    assert_eq!(
        s.answer_for(lights),
        None,
        "answers off the path are dropped"
    );
    assert_eq!(s.field_value("printer"), None);
}

#[test]
fn back_during_a_change_returns_to_review_unchanged() {
    let mut s = session();
    choose(&mut s, 0);
    choose(&mut s, 0);
    fill(&mut s, &["042", "ada@contoso.com", ""]).unwrap();
    let before = s.path().to_vec();
    s.change(s.flow().index_of("where").unwrap());
    s.back();
    assert_eq!(id(&s), "review:report");
    assert_eq!(s.path(), before);
}

#[test]
fn change_only_works_for_earlier_nodes_on_the_path() {
    let mut s = session();
    choose(&mut s, 0);
    assert!(
        !s.change(s.flow().index_of("power").unwrap()),
        "not on the path"
    );
    assert!(
        !s.change(s.flow().index_of("lights").unwrap()),
        "the current node"
    );
}

#[test]
fn restart_forgets_everything() {
    let mut s = session();
    choose(&mut s, 0);
    s.restart();
    assert_eq!(s.screen(), Screen::Start);
    assert!(s.path().is_empty());
    s.start();
    assert_eq!(s.answer_for(0), None);
}

#[test]
fn progress_counts_up_against_the_longest_way_left() {
    let mut s = session();
    assert_eq!(s.progress(), Some((1, 4)), "where, lights, power, details");
    choose(&mut s, 0);
    assert_eq!(s.progress(), Some((2, 4)));
    choose(&mut s, 0);
    assert_eq!(s.progress(), Some((3, 3)), "power is no longer ahead");
}

#[test]
fn routes_flags_and_path_codes() {
    let mut s = session();
    choose(&mut s, 0);
    choose(&mut s, 2);
    fill(&mut s, &["PRN-999", "ada@contoso.com", ""]).unwrap();
    assert_eq!(id(&s), "test-printer", "the route on printer 999");
    assert_eq!(s.path_code(), "131");
    assert_eq!(s.reference(), "printer-offline v1.0 path 131");
    s.back();
    fill(&mut s, &["PRN-042", "ada@contoso.com", ""]).unwrap();
    assert_eq!(s.path_code(), "130", "no route taken");
}

#[test]
fn secrets_are_reported_and_never_handed_over() {
    let mut s = session();
    choose(&mut s, 0);
    choose(&mut s, 2);
    fill(&mut s, &["042", "ada@contoso.com", "123 456"]).unwrap();
    assert_eq!(s.withheld(), ["message"]);
    let config = Config::default();
    let handoff = Handoff::for_session(&s, &config).unwrap();
    assert_eq!(handoff.withheld, ["message"]);
    let email = handoff.email.unwrap();
    assert!(!email.body().contains("123"), "{}", email.body());
    assert!(
        !email.lines.iter().any(|l| l.starts_with("The screen says")),
        "the line is dropped, not blank"
    );
    let phone = handoff.phone.unwrap();
    assert!(phone.lines.iter().all(|l| !l.contains("123")));
}

#[test]
fn lines_with_only_empty_placeholders_are_dropped_and_conditions_apply() {
    let mut s = session();
    choose(&mut s, 0);
    choose(&mut s, 0);
    fill(&mut s, &["042", "ada@contoso.com", ""]).unwrap();
    let handoff = Handoff::for_session(&s, &Config::default()).unwrap();
    let email = handoff.email.unwrap();
    assert!(
        !email.lines.iter().any(|l| l.starts_with("Hello")),
        "its only placeholder, org_name, is empty"
    );
    assert!(email.lines.iter().any(|l| l == "Reply to: ada@contoso.com"));
    let with_org = Config {
        org_name: Some("Contoso".into()),
        ..Config::default()
    };
    let email = Handoff::for_session(&s, &with_org).unwrap().email.unwrap();
    assert_eq!(email.lines[0], "Hello Contoso IT,");
    assert!(!email.lines.iter().any(|l| l.starts_with("The screen says")));
    assert_eq!(
        handoff.phone.unwrap().lines.len(),
        2,
        "the error line needs the error_shown flag"
    );
}

#[test]
fn a_snapshot_restores_the_same_place_and_answers() {
    let flow = Rc::new(ValidFlow::from_json(EXAMPLE).unwrap());
    let check = |s: &Session| {
        let restored = Session::restore(Rc::clone(&flow), &s.snapshot()).expect("restores");
        assert_eq!(restored.screen(), s.screen());
        assert_eq!(restored.path(), s.path());
        assert_eq!(restored.summary(), s.summary());
        for &node in s.path() {
            assert_eq!(restored.answer_for(node), s.answer_for(node), "node {node}");
        }
    };
    let mut s = Session::new(Rc::clone(&flow));
    check(&s);
    s.start();
    check(&s);
    choose(&mut s, 0);
    choose(&mut s, 2);
    check(&s);
    let refused = fill(&mut s, &["PRN-4", "ada \"q\" @x", "line\\two"]);
    assert!(refused.is_err());
    check(&s);
    fill(&mut s, &["042", "ada@contoso.com", "Jam ✓"]).unwrap();
    check(&s);
    s.back();
    s.back();
    check(&s);
    choose(&mut s, 2);
    fill(&mut s, &["042", "ada@contoso.com", ""]).unwrap();
    s.confirm();
    check(&s);
}

#[test]
fn a_snapshot_of_another_flow_version_or_a_changed_path_is_refused() {
    let flow = Rc::new(ValidFlow::from_json(EXAMPLE).unwrap());
    let mut s = Session::new(Rc::clone(&flow));
    s.start();
    choose(&mut s, 0);
    let snapshot = s.snapshot();
    assert!(Session::restore(Rc::clone(&flow), &snapshot.replace("\"1.0\"", "\"2.0\"")).is_none());
    assert!(Session::restore(
        Rc::clone(&flow),
        &snapshot.replace("\"lights\"", "\"power\"")
    )
    .is_none());
    assert!(Session::restore(
        Rc::clone(&flow),
        &snapshot.replace("\"office\"", "\"home\"")
    )
    .is_none());
    assert!(Session::restore(Rc::clone(&flow), "not json").is_none());
    let other = Rc::new(
        ValidFlow::from_json(include_str!("../flows/microsoft-authenticator.json")).unwrap(),
    );
    assert!(Session::restore(other, &snapshot).is_none());
}

/// F2 (found by the session fuzz target): values typed at a question or an info screen were
/// refused but kept as its answer, so the session's snapshot no longer restored.
#[test]
fn values_given_to_a_question_are_refused_and_not_kept() {
    let mut s = session();
    let question = s.path()[0];
    assert_eq!(
        s.answer(Answer::Values(vec!["x".into()])),
        Err(Refusal::NotExpected)
    );
    assert_eq!(s.answer_for(question), None);
    let restored = Session::restore(s.flow_rc(), &s.snapshot()).expect("it restores");
    assert_eq!(restored.path(), s.path());
    choose(&mut s, 0);
    choose(&mut s, 1);
    assert_eq!(id(&s), "power");
    let info = *s.path().last().unwrap();
    assert!(fill(&mut s, &["x"]).is_err());
    assert_eq!(s.answer_for(info), None);
    let restored = Session::restore(s.flow_rc(), &s.snapshot()).expect("it restores");
    assert_eq!(restored.snapshot(), s.snapshot());
}

/// F3 (found by the session fuzz target): after a Change, answering the changed question
/// differently and then going Back put back the whole path from before the change, with the
/// new answer: the path, its reference code and the email then told of a way not taken.
#[test]
fn back_after_answering_a_changed_question_steps_back_one_screen() {
    let mut s = session();
    choose(&mut s, 0);
    choose(&mut s, 0);
    fill(&mut s, &["042", "ada@contoso.com", ""]).unwrap();
    assert_eq!(id(&s), "review:report");
    let lights = s.path()[1];
    assert!(s.change(lights));
    choose(&mut s, 1);
    assert_eq!(id(&s), "power", "a new answer leads elsewhere");
    assert!(s.back());
    assert_eq!(id(&s), "lights", "one screen back, not to the old path");
    assert_eq!(s.path().len(), 2);
    assert_eq!(s.answer_for(lights), Some(&Answer::Choice(1)));
    let restored = Session::restore(s.flow_rc(), &s.snapshot()).expect("it restores");
    assert_eq!(restored.path(), s.path());
    // Back from the changed question before answering it still cancels the change.
    choose(&mut s, 0);
    assert_eq!(
        id(&s),
        "review:report",
        "answers that still apply are skipped"
    );
    assert!(s.change(lights));
    assert!(s.back());
    assert_eq!(id(&s), "review:report");
}

/// F4 (found by the session fuzz target): values refused on the form being changed replaced
/// its answer, and Back (which cancels the change) then put back the old path with them, so
/// the review followed a form that was never accepted.
#[test]
fn back_from_a_changed_form_puts_back_its_accepted_values() {
    let mut s = session();
    choose(&mut s, 0);
    choose(&mut s, 0);
    fill(&mut s, &["042", "ada@contoso.com", ""]).unwrap();
    let details = s.path()[2];
    assert!(s.change(details));
    assert!(
        fill(&mut s, &["", "", ""]).is_err(),
        "required values missing"
    );
    assert!(s.back());
    assert_eq!(id(&s), "review:report");
    assert_eq!(
        s.answer_for(details),
        Some(&Answer::Values(vec![
            "042".into(),
            "ada@contoso.com".into(),
            "".into()
        ]))
    );
    let restored = Session::restore(s.flow_rc(), &s.snapshot()).expect("it restores");
    assert_eq!(restored.snapshot(), s.snapshot());
}

#[test]
fn filled_values_are_runs_of_their_own_so_the_widget_can_isolate_them() {
    use troubleshooter::flow::markup::{Block, Inline};
    let s = session();
    let config = Config::new(
        Some("Contoso".into()),
        None,
        Some("+1 555 0100".into()),
        None,
    )
    .0;
    let text = |t: &str| Inline::Text(t.into());
    let value = |v: &str| Inline::Value(v.into());
    assert_eq!(
        s.rich(
            "Call {support_phone} at **{org_name}**, or [mail](mailto:{support_email}).",
            &config
        ),
        vec![Block::Paragraph(vec![
            text("Call "),
            value("+1 555 0100"),
            text(" at "),
            Inline::Bold("Contoso".into()),
            text(", or "),
            // The page gave no support-email, so the link is only its words.
            text("mail"),
            text("."),
        ])]
    );
    // As in emails: a text whose placeholders are all empty is left out, not half shown.
    assert_eq!(
        s.rich("Mail {support_email} now.\n\nThanks.", &config),
        vec![
            Block::Paragraph(vec![]),
            Block::Paragraph(vec![text("Thanks.")])
        ]
    );
}

#[test]
fn no_to_did_this_fix_it_goes_on_to_it_with_the_answers_kept() {
    let mut s = session();
    choose(&mut s, 0); // where: office
    choose(&mut s, 0); // lights: on
    fill(&mut s, &["000", "ada@example.com", ""]).unwrap();
    assert_eq!(id(&s), "test-printer");
    assert!(!s.confirm(), "a self-fix outcome has nothing to confirm");
    assert!(s.not_fixed());
    assert_eq!(
        id(&s),
        "review:report",
        "No leads to IT through Check your answers"
    );
    assert_eq!(s.summary().len(), 5, "every answer is still there");
    assert_eq!(s.path_code(), "111n");
    s.confirm();
    let email = Handoff::for_session(&s, &Config::default())
        .unwrap()
        .email
        .unwrap();
    assert!(email
        .lines
        .iter()
        .any(|l| l.contains("choosing another printer did not help")));
    assert!(!s.not_fixed(), "only a self-fix outcome asks");

    // Kept across a reload, and Back returns to where the person said No.
    let restored = Session::restore(s.flow_rc(), &s.snapshot()).unwrap();
    assert_eq!(id(&restored), "report");
    assert_eq!(restored.path_code(), "111n");
    s.back();
    assert_eq!(id(&s), "review:report");
    s.back();
    assert_eq!(id(&s), "test-printer");
    assert_eq!(s.path_code(), "111");
}

#[test]
fn no_through_a_form_restores_midway_and_routes_on_what_was_tried() {
    let flow = Rc::new(
        ValidFlow::from_json(include_str!("../flows/microsoft-authenticator.json")).unwrap(),
    );
    let mut s = Session::new(Rc::clone(&flow));
    s.start();
    let choose_id = |s: &mut Session, option: &str| {
        let Screen::Node(n) = s.screen() else {
            panic!("{:?}", s.screen())
        };
        let troubleshooter::flow::Node::Question(q) = s.flow().node(n) else {
            panic!()
        };
        let k = q.options.iter().position(|o| o.id == option).unwrap();
        s.answer(Answer::Choice(k)).unwrap();
    };
    choose_id(&mut s, "work");
    choose_id(&mut s, "locked");
    choose_id(&mut s, "yes");
    assert_eq!(id(&s), "out-lockout");
    assert!(s.not_fixed());
    assert_eq!(id(&s), "details", "the form that asks what IT needs");
    // A reload on the form after No lands on the form again.
    let midway = Session::restore(Rc::clone(&flow), &s.snapshot()).unwrap();
    assert_eq!(id(&midway), "details");
    fill(&mut s, &["Ada Lovelace", "ada@contoso.com", "", "", ""]).unwrap();
    assert_eq!(
        id(&s),
        "review:out-helpdesk-lockout",
        "the route on `out-lockout` = no"
    );
}
