//! Property tests: any sequence of actions on a session never panics, Back undoes an answer,
//! and progress never falls while answering forward.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use proptest::prelude::*;
use troubleshooter::flow::{Answer, Screen, Session, ValidFlow};

const FLOWS: [&str; 2] = [
    include_str!("../flows/examples/printer-offline.json"),
    include_str!("../flows/microsoft-authenticator.json"),
];

#[derive(Debug, Clone)]
enum Act {
    Start,
    Choose(usize),
    Fill(Vec<String>),
    Seen,
    Back,
    Change(usize),
    Confirm,
    Restart,
}

fn act() -> impl Strategy<Value = Act> {
    let value = prop_oneof![
        Just(String::new()),
        Just("PRN-042".to_owned()),
        Just("ada@contoso.com".to_owned()),
        Just("AADSTS50076".to_owned()),
        Just("123456".to_owned()),
        "\\PC{0,30}",
    ];
    prop_oneof![
        Just(Act::Start),
        (0usize..6).prop_map(Act::Choose),
        prop::collection::vec(value, 0..6).prop_map(Act::Fill),
        Just(Act::Seen),
        Just(Act::Back),
        (0usize..40).prop_map(Act::Change),
        Just(Act::Confirm),
        Just(Act::Restart),
    ]
}

fn apply(s: &mut Session, a: &Act) {
    match a {
        Act::Start => s.start(),
        Act::Choose(i) => drop(s.answer(Answer::Choice(*i))),
        Act::Fill(v) => drop(s.answer(Answer::Values(v.clone()))),
        Act::Seen => drop(s.answer(Answer::Seen)),
        Act::Back => drop(s.back()),
        Act::Change(n) => drop(s.change(*n)),
        Act::Confirm => drop(s.confirm()),
        Act::Restart => s.restart(),
    }
}

/// The answer that moves a session forward from where it is, if any.
fn forward(s: &Session, pick: usize) -> Option<Answer> {
    match s.screen() {
        Screen::Node(n) => match s.flow().node(n) {
            troubleshooter::flow::Node::Question(q) => Some(Answer::Choice(pick % q.options.len())),
            troubleshooter::flow::Node::Fields(f) => Some(Answer::Values(
                f.fields
                    .iter()
                    .map(|fd| {
                        fd.example
                            .clone()
                            .unwrap_or_else(|| "person@example.com".into())
                    })
                    .collect(),
            )),
            _ => Some(Answer::Seen),
        },
        _ => None,
    }
}

proptest! {
    #[test]
    fn no_sequence_of_actions_panics(flow in 0usize..2, acts in prop::collection::vec(act(), 0..60)) {
        let mut s = Session::new(Rc::new(ValidFlow::from_json(FLOWS[flow]).unwrap()));
        for a in &acts {
            apply(&mut s, a);
            // Whatever happened, every view of the session still answers.
            let _ = (s.screen(), s.progress(), s.summary(), s.reference(), s.withheld(), s.flags());
        }
    }

    #[test]
    fn back_after_an_answer_restores_the_screen_and_path(flow in 0usize..2, picks in prop::collection::vec(0usize..6, 1..20)) {
        let mut s = Session::new(Rc::new(ValidFlow::from_json(FLOWS[flow]).unwrap()));
        s.start();
        for pick in picks {
            let Some(answer) = forward(&s, pick) else { break };
            let (screen, path) = (s.screen(), s.path().to_vec());
            if s.answer(answer).is_err() { break }
            s.back();
            if matches!(s.screen(), Screen::Review(_)) { s.back(); }
            prop_assert_eq!(s.screen(), screen);
            prop_assert_eq!(s.path(), &path[..]);
            let answer = forward(&s, pick).unwrap();
            s.answer(answer).unwrap();
        }
    }

    #[test]
    fn progress_never_falls_going_forward(flow in 0usize..2, picks in prop::collection::vec(0usize..6, 1..40)) {
        let mut s = Session::new(Rc::new(ValidFlow::from_json(FLOWS[flow]).unwrap()));
        s.start();
        let mut last = 0.0f64;
        let mut most = usize::MAX;
        for pick in picks {
            let Some((n, m)) = s.progress() else { break };
            prop_assert!(n <= m);
            prop_assert!(m <= most, "the most steps never grows going forward");
            let fraction = n as f64 / m as f64;
            prop_assert!(fraction >= last, "{} then {}", last, fraction);
            (last, most) = (fraction, m);
            let Some(answer) = forward(&s, pick) else { break };
            if s.answer(answer).is_err() { break }
        }
    }
}
