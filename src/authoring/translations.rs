//! `flowcheck check` on a flow's translations: each language the flow declares must have its
//! overlay file beside the flow, translating every text, with the same placeholders and the
//! same markup (links, emphasis, list items, paragraphs) as the text it translates, and no
//! translation of a text the flow no longer has.

use std::path::Path;

use crate::flow::translation::{self, Applied};
use crate::flow::ValidFlow;
use crate::i18n::placeholders;

/// One problem: the file and JSON path it is at, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The translation file.
    pub file: String,
    /// Where in it (empty for the file as a whole).
    pub at: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.at.is_empty() {
            true => write!(f, "{}: {}", self.file, self.message),
            false => write!(f, "{}:{}: {}", self.file, self.at, self.message),
        }
    }
}

/// Checks every translation `flow` (read from `flow_file`, whose text is `text`) declares.
pub fn check(flow_file: &str, text: &str, flow: &ValidFlow) -> Vec<Problem> {
    let mut problems = Vec::new();
    for lang in &flow.flow().translations {
        let file = translation::file_name(flow_file, lang);
        let problem = |at: &str, message: String| Problem {
            file: file.clone(),
            at: at.to_owned(),
            message,
        };
        let overlay = match std::fs::read_to_string(Path::new(&file)) {
            Ok(overlay) => overlay,
            Err(e) => {
                problems.push(problem(
                    "",
                    format!("the flow declares `{lang}`, but this file cannot be read: {e}"),
                ));
                continue;
            }
        };
        problems.extend(
            check_one(text, &overlay, lang, &flow.flow().id)
                .into_iter()
                .map(|(at, m)| problem(&at, m)),
        );
    }
    problems
}

/// The problems of one overlay, as `(path, message)`.
pub fn check_one(text: &str, overlay: &str, lang: &str, flow_id: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(overlay) {
        if v.get("language").and_then(|l| l.as_str()) != Some(lang) {
            out.push((
                "language".into(),
                format!("must be `{lang}`, the language the flow declares for this file"),
            ));
        }
        if v.get("flow").and_then(|l| l.as_str()) != Some(flow_id) {
            out.push((
                "flow".into(),
                format!("must be `{flow_id}`, the id of the flow it translates"),
            ));
        }
    }
    match translation::translated(text, overlay) {
        Err(errors) => out.extend(errors.into_iter().map(|e| (e.at, e.message))),
        Ok((_, applied)) => report(&applied, &mut out),
    }
    out
}

fn report(applied: &Applied, out: &mut Vec<(String, String)>) {
    for at in applied.missing() {
        out.push((at.to_owned(), "this text has no translation".into()));
    }
    for at in &applied.stale {
        out.push((
            at.clone(),
            "translates a text the flow does not have".into(),
        ));
    }
    for text in &applied.texts {
        let (at, source) = (&text.at, &text.source);
        let Some(translated) = &text.translation else {
            continue;
        };
        let (a, b) = (placeholders(source), placeholders(translated));
        if a != b {
            out.push((
                at.clone(),
                format!(
                    "its placeholders {} differ from the flow's {}",
                    list(&b),
                    list(&a)
                ),
            ));
        }
        let (a, b) = (Markup::of(source), Markup::of(translated));
        if a != b {
            out.push((
                at.clone(),
                format!("its markup differs from the flow's: {}", a.difference(&b)),
            ));
        }
    }
}

fn list(names: &[&str]) -> String {
    match names.is_empty() {
        true => "(none)".into(),
        false => names
            .iter()
            .map(|n| format!("{{{n}}}"))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// What a text's markup is made of, which a translation keeps.
#[derive(Debug, PartialEq, Eq)]
struct Markup {
    links: Vec<String>,
    emphasis: usize,
    items: usize,
    paragraphs: usize,
}

impl Markup {
    fn of(text: &str) -> Markup {
        let links = text
            .split("](")
            .skip(1)
            .filter_map(|rest| rest.split_once(')').map(|(href, _)| href.to_owned()))
            .collect();
        Markup {
            links,
            emphasis: text.matches("**").count(),
            items: text
                .lines()
                .filter(|l| l.trim_start().starts_with("- "))
                .count(),
            paragraphs: text.split("\n\n").filter(|p| !p.trim().is_empty()).count(),
        }
    }

    fn difference(&self, other: &Markup) -> String {
        let mut parts = Vec::new();
        if self.links != other.links {
            parts.push(format!("links to {:?}, not {:?}", other.links, self.links));
        }
        if self.emphasis != other.emphasis {
            parts.push(format!("{} `**`, not {}", other.emphasis, self.emphasis));
        }
        if self.items != other.items {
            parts.push(format!("{} list items, not {}", other.items, self.items));
        }
        if self.paragraphs != other.paragraphs {
            parts.push(format!(
                "{} paragraphs, not {}",
                other.paragraphs, self.paragraphs
            ));
        }
        parts.join("; ")
    }
}
