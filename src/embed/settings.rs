//! The element's attributes, read into settings: what web teams configure, with a clear notice
//! for every value that cannot be used. Pure Rust, so it is tested natively.

use crate::flow::Config;
use std::rc::Rc;

use crate::i18n::{self, Strings};
// The parser fills the widget's own settings value, so that mounting carries it unchanged.
pub use crate::ui::settings::{FlowChoice, Mode, Settings};

/// The built-in flow used when the element names none.
pub const DEFAULT_FLOW: &str = "microsoft-authenticator";

/// The attributes the element reads; changing any of them updates the widget. Declared once, in
/// `src/embed/attributes.txt`, which build.rs turns into this list and scripts/entry.mjs into
/// the element's `observedAttributes`.
pub const ATTRIBUTES: &[&str] = &include!(concat!(env!("OUT_DIR"), "/attributes.rs"));

/// A value that could not be used, and what the widget did instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The attribute.
    pub attribute: &'static str,
    /// What is wrong, and what happens instead.
    pub message: String,
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.attribute, self.message)
    }
}

/// The language to use from the tags a page asks for, best first, and those `available`
/// (the flow's own language first): the first tag available as it is, or failing that by its
/// primary subtag (`de-AT` -> `de`). None of them: the flow's own language, with a notice.
pub fn choose_language(asked: &[String], available: &[&str]) -> (String, Option<Notice>) {
    let found = asked.iter().find_map(|tag| {
        available
            .iter()
            .find(|a| a.eq_ignore_ascii_case(tag))
            .or_else(|| {
                available
                    .iter()
                    .find(|a| i18n::primary(a) == i18n::primary(tag))
            })
    });
    match found {
        Some(lang) => ((*lang).to_owned(), None),
        None => {
            let fallback = available.first().copied().unwrap_or("en");
            let notice = (!asked.is_empty()).then(|| Notice {
                attribute: "lang",
                message: format!(
                    "`{}` is not available; showing `{fallback}`. This flow is in: {}",
                    asked.join(", "),
                    available.join(", ")
                ),
            });
            (fallback.to_owned(), notice)
        }
    }
}

/// Reads the attributes. Every unusable value gets a notice; the widget falls back to a
/// default and keeps working wherever it can.
pub fn read(attr: &dyn Fn(&str) -> Option<String>) -> (Settings, Vec<Notice>) {
    let mut notices = Vec::new();
    let flow = match (
        attr("flow-src").filter(|s| !s.trim().is_empty()),
        attr("flow"),
    ) {
        (Some(url), Some(_)) => {
            notices.push(Notice {
                attribute: "flow",
                message: "both `flow` and `flow-src` are set; using `flow-src`".into(),
            });
            FlowChoice::Url(url.trim().to_owned())
        }
        (Some(url), None) => FlowChoice::Url(url.trim().to_owned()),
        (None, id) => FlowChoice::BuiltIn(
            id.map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| DEFAULT_FLOW.to_owned()),
        ),
    };
    let (config, problems) = Config::new(
        attr("org-name"),
        attr("support-email"),
        attr("support-phone"),
        attr("support-hours"),
    );
    notices.extend(problems.into_iter().map(|p| Notice {
        attribute: p.attribute,
        message: p.message,
    }));

    // Tags as the page gives them (troubleshooter.js fills in an ancestor's `lang` or the
    // browser's list); mounting picks the first the flow has, once it is loaded.
    let languages: Vec<String> = attr("lang")
        .unwrap_or_default()
        .split([',', ' '])
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    let handoff_lang = attr("handoff-lang")
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty());

    let mode = match attr("mode").as_deref().map(str::trim) {
        None | Some("") | Some("inline") => Mode::Inline,
        Some("kiosk") => Mode::Kiosk,
        Some(other) => {
            notices.push(Notice {
                attribute: "mode",
                message: format!(
                    "`{other}` is not a mode; use `inline` or `kiosk`. Using `inline`"
                ),
            });
            Mode::Inline
        }
    };
    let history = match attr("history").as_deref().map(str::trim) {
        None | Some("false") => false,
        Some("") | Some("true") | Some("history") => true,
        Some(other) => {
            notices.push(Notice {
                attribute: "history",
                message: format!("`{other}` is not `true` or `false`; browser Back is not used"),
            });
            false
        }
    };
    let idle_seconds = match attr("idle-seconds").map(|s| s.trim().parse::<u32>()) {
        None => 120,
        Some(Ok(n)) if (5..=3600).contains(&n) => n,
        Some(_) => {
            notices.push(Notice {
                attribute: "idle-seconds",
                message: "must be a whole number from 5 to 3600; using 120".into(),
            });
            120
        }
    };
    let allow_navigation = switch(attr("allow-navigation"), "allow-navigation", &mut notices);
    let persist = match attr("persist").as_deref().map(str::trim) {
        None | Some("") | Some("none") => false,
        Some("session") if mode == Mode::Kiosk => {
            notices.push(Notice {
                attribute: "persist",
                message: "a kiosk never keeps answers; `persist` is ignored".into(),
            });
            false
        }
        Some("session") => true,
        Some(other) => {
            notices.push(Notice {
                attribute: "persist",
                message: format!("`{other}` is not `session`; nothing is kept"),
            });
            false
        }
    };
    let settings = Settings {
        flow,
        config,
        languages,
        handoff_lang,
        lang: "en".into(),
        strings: Rc::new(Strings::english()),
        handoff: None,
        mode,
        history,
        idle_seconds,
        allow_navigation,
        persist,
        qr: Default::default(),
        // Checked by the channels module, which mounting loads only when one is set.
        channel_attributes: (
            attr("support-teams").filter(|t| !t.trim().is_empty()),
            attr("ticket-url").filter(|t| !t.trim().is_empty()),
        ),
        channels: Default::default(),
    };
    (settings, notices)
}

/// A boolean attribute: absent or `false` is false; present, empty or `true` is true.
fn switch(value: Option<String>, attribute: &'static str, notices: &mut Vec<Notice>) -> bool {
    match value.as_deref().map(str::trim) {
        None | Some("false") => false,
        Some("") | Some("true") => true,
        Some(other) => {
            notices.push(Notice {
                attribute,
                message: format!("`{other}` is not `true` or `false`; using false"),
            });
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read_map(pairs: &[(&str, &str)]) -> (Settings, Vec<Notice>) {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        read(&|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_when_nothing_is_set() {
        let (s, notices) = read_map(&[]);
        assert_eq!(s.flow, FlowChoice::BuiltIn(DEFAULT_FLOW.into()));
        assert_eq!(
            (s.mode, s.history, s.idle_seconds, &*s.strings.lang),
            (Mode::Inline, false, 120, "en")
        );
        assert!(notices.is_empty());
    }

    #[test]
    fn every_bad_value_gets_a_notice_and_a_fallback() {
        let (s, notices) = read_map(&[
            ("support-email", "not-an-address"),
            ("support-phone", "call us"),
            ("mode", "fullscreen"),
            ("history", "maybe"),
            ("idle-seconds", "2"),
        ]);
        let attributes: Vec<&str> = notices.iter().map(|n| n.attribute).collect();
        assert_eq!(
            attributes,
            [
                "support-email",
                "support-phone",
                "mode",
                "history",
                "idle-seconds"
            ]
        );
        assert_eq!(
            (s.config.support_email, s.config.support_phone),
            (None, None)
        );
        assert_eq!(
            (&*s.strings.lang, s.mode, s.history, s.idle_seconds),
            ("en", Mode::Inline, false, 120)
        );
        assert_eq!(
            notices[2].to_string(),
            "mode: `fullscreen` is not a mode; use `inline` or `kiosk`. Using `inline`"
        );
    }

    #[test]
    fn a_language_is_chosen_by_tag_then_by_primary_subtag_then_falls_back() {
        let have = ["en", "de", "es", "ar"];
        let tags = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            choose_language(&tags(&["de-AT"]), &have),
            ("de".into(), None)
        );
        assert_eq!(choose_language(&tags(&["fr", "ES"]), &have).0, "es");
        assert_eq!(choose_language(&[], &have), ("en".into(), None));
        let (lang, notice) = choose_language(&tags(&["fr-CA"]), &["de", "en"]);
        assert_eq!(lang, "de");
        assert_eq!(
            notice.unwrap().to_string(),
            "lang: `fr-CA` is not available; showing `de`. This flow is in: de, en"
        );
    }

    #[test]
    fn flow_src_wins_over_flow_and_says_so() {
        let (s, notices) = read_map(&[("flow", "x"), ("flow-src", " /flows/mine.json ")]);
        assert_eq!(s.flow, FlowChoice::Url("/flows/mine.json".into()));
        assert_eq!(notices.len(), 1);
        let (s, _) = read_map(&[
            ("history", ""),
            ("mode", "kiosk"),
            ("idle-seconds", "30"),
            ("lang", "en-GB"),
        ]);
        assert_eq!(
            (s.history, s.mode, s.idle_seconds, s.languages),
            (true, Mode::Kiosk, 30, vec!["en-GB".to_owned()])
        );
    }

    #[test]
    fn kiosk_and_persistence_switches() {
        let (s, notices) = read_map(&[
            ("mode", "kiosk"),
            ("allow-navigation", ""),
            ("persist", "session"),
        ]);
        assert!(s.allow_navigation && !s.persist, "a kiosk keeps nothing");
        assert_eq!(notices[0].attribute, "persist");
        let (s, notices) = read_map(&[("persist", "session")]);
        assert!(s.persist && notices.is_empty());
        let (s, notices) = read_map(&[("persist", "forever"), ("allow-navigation", "maybe")]);
        assert!(!s.persist && !s.allow_navigation);
        assert_eq!(notices.len(), 2);
    }

    /// The list troubleshooter.js observes and the names the parser reads are two texts (the
    /// parser names each attribute where it reads it), so they are checked against each other.
    #[test]
    fn the_parser_reads_exactly_the_declared_attributes() {
        let asked = std::cell::RefCell::new(Vec::new());
        let _ = read(&|name| {
            asked.borrow_mut().push(name.to_owned());
            None
        });
        let mut asked = asked.into_inner();
        asked.sort();
        let mut declared: Vec<String> = ATTRIBUTES.iter().map(|a| a.to_string()).collect();
        declared.sort();
        assert_eq!(asked, declared);
        declared.dedup();
        assert_eq!(
            declared.len(),
            ATTRIBUTES.len(),
            "an attribute declared twice"
        );
    }
}
