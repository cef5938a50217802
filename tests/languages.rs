//! The built-in languages: every translation of the built-in flow is complete and checks clean,
//! every interface file loads with every key, and a translation that is not complete is
//! refused with the path of what it lacks.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use troubleshooter::authoring::translations;
use troubleshooter::flow::{Session, ValidFlow};
use troubleshooter::i18n::{Strings, KEYS, LANGUAGES};

const FLOW: &str = "flows/microsoft-authenticator.json";

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_built_in_flow_is_translated_into_every_interface_language() {
    let text = read(FLOW);
    let flow = ValidFlow::from_json(&text).unwrap();
    let mut declared = flow.flow().translations.clone();
    declared.insert(0, flow.flow().language.clone());
    assert_eq!(declared, LANGUAGES);
    let problems = translations::check(FLOW, &text, &flow);
    assert!(problems.is_empty(), "{problems:#?}");
    for lang in &LANGUAGES[1..] {
        let overlay = read(&format!("flows/microsoft-authenticator.{lang}.json"));
        let translated = ValidFlow::translated(&text, &overlay).unwrap();
        assert_eq!(translated.flow().language, *lang);
        assert_ne!(translated.flow().title, flow.flow().title, "{lang}");
        // The same nodes in the same order: a session's answers carry over.
        let ids = |f: &ValidFlow| {
            f.flow()
                .nodes
                .iter()
                .map(|n| n.id().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&translated), ids(&flow));
    }
}

#[test]
fn answers_carry_over_to_another_language() {
    let text = read(FLOW);
    let english = Rc::new(ValidFlow::from_json(&text).unwrap());
    let german = Rc::new(
        ValidFlow::translated(&text, &read("flows/microsoft-authenticator.de.json")).unwrap(),
    );
    let mut session = Session::new(Rc::clone(&english));
    session.start();
    session
        .answer(troubleshooter::flow::Answer::Choice(0))
        .unwrap();
    let moved = Session::restore(german, &session.snapshot()).expect("restores");
    assert_eq!(moved.path(), session.path());
    assert_eq!(moved.screen(), session.screen());
}

#[test]
fn every_interface_file_has_every_key() {
    for lang in &LANGUAGES[1..] {
        let path = format!("src/i18n/{lang}.json");
        let strings =
            Strings::from_json(lang, &read(&path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_ne!(strings.start(), Strings::english().start(), "{lang}");
        assert!(!strings.start_minutes(3).contains("{n}"), "{lang}");
        assert!(strings.step_of(2, 9).contains('9'), "{lang}");
        assert_ne!(
            strings.handoff_language("en"),
            strings.handoff_language("xx")
        );
    }
    assert_eq!(Strings::english().dir(), "ltr");
    assert_eq!(
        Strings::from_json("ar", &read("src/i18n/ar.json"))
            .unwrap()
            .dir(),
        "rtl"
    );
}

#[test]
fn an_interface_file_must_be_whole_and_keep_placeholders() {
    let good = read("src/i18n/de.json");
    let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
    value.as_object_mut().unwrap().remove(KEYS[0]);
    let err = Strings::from_json("de", &value.to_string()).unwrap_err();
    assert_eq!(err, format!("`{}` is missing", KEYS[0]));
    let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
    value["phone_call"] = "Anrufen: {nummer}".into();
    let err = Strings::from_json("de", &value.to_string()).unwrap_err();
    assert_eq!(
        err,
        "`phone_call`: its {placeholders} differ from the English text"
    );
    let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
    value["nonsense"] = "x".into();
    assert!(Strings::from_json("de", &value.to_string())
        .unwrap_err()
        .contains("`nonsense`"));
}

#[test]
fn an_incomplete_translation_is_refused_with_the_path_of_what_it_lacks() {
    let text = read(FLOW);
    let mut overlay: serde_json::Value =
        serde_json::from_str(&read("flows/microsoft-authenticator.es.json")).unwrap();
    overlay["nodes"]["account"]
        .as_object_mut()
        .unwrap()
        .remove("text");
    let errors = ValidFlow::translated(&text, &overlay.to_string())
        .err()
        .unwrap();
    assert_eq!(
        errors[0].to_string(),
        "nodes.account.text: this text has no translation"
    );
    // An id, a route or a pattern cannot be changed by a translation.
    let mut overlay: serde_json::Value =
        serde_json::from_str(&read("flows/microsoft-authenticator.es.json")).unwrap();
    overlay["start"] = "out-personal".into();
    overlay["nodes"]["account"]["next"] = "out-personal".into();
    let problems =
        translations::check_one(&text, &overlay.to_string(), "es", "microsoft-authenticator");
    let at: Vec<&str> = problems.iter().map(|(at, _)| at.as_str()).collect();
    assert_eq!(at, ["start", "nodes.account.next"]);
    let flow = ValidFlow::translated(&text, &overlay.to_string()).unwrap();
    assert_eq!(flow.flow().start, "account");
}
