//! Filling a flow's texts for one session: placeholders take the page's settings, the
//! person's answers, the reference and the flow title; lines drop out when their condition does
//! not hold or all their placeholders are empty; rich text is parsed before it is filled, so
//! nothing a person typed can become markup. Also the reference, whose path code `code.rs` keeps.

use super::Session;
use crate::flow::config::Config;
use crate::flow::markup;
use crate::flow::model::{Line, Node};
use crate::flow::template;

impl Session {
    /// The value a placeholder stands for: a page setting, a field, a question's answer, the
    /// reference or the flow title. Withheld values are empty.
    pub fn placeholder(&self, name: &str, config: &Config) -> Option<String> {
        match name {
            "reference" => return Some(self.reference()),
            "flow_title" => return Some(self.flow.flow().title.clone()),
            _ => {}
        }
        if let Some(value) = config.get(name) {
            return Some(value.to_owned());
        }
        if let Some((node, k)) = self.flow.field_at(name) {
            let Node::Fields(f) = self.flow.node(node) else {
                return None;
            };
            if self.withholds(&f.fields[k]) {
                return None;
            }
            return self.field_value(name);
        }
        self.choice(name)
            .map(|o| o.phrase.clone().unwrap_or_else(|| o.label.clone()))
    }

    /// Fills a plain template (`None` when all its placeholders are empty).
    pub fn fill(&self, text: &str, config: &Config) -> Option<String> {
        template::fill(text, &|name| self.placeholder(name, config))
    }

    /// Fills lines of a list: those whose condition holds and that are not all empty.
    pub fn fill_lines(&self, lines: &[Line], config: &Config) -> Vec<String> {
        lines
            .iter()
            .filter(|l| self.shows(l))
            .filter_map(|l| self.fill(l.text(), config))
            .collect()
    }

    /// Parses rich text and fills its placeholders inside the text only: markup comes from the
    /// flow, never from what a person typed, and a link's address can use the page's settings
    /// but nothing typed.
    pub fn rich(&self, text: &str, config: &Config) -> Vec<markup::Block> {
        markup::parse(text)
            .into_iter()
            .map(|block| match block {
                markup::Block::Paragraph(runs) => {
                    markup::Block::Paragraph(self.fill_runs(runs, config))
                }
                markup::Block::List { ordered, items } => markup::Block::List {
                    ordered,
                    items: items
                        .into_iter()
                        .map(|runs| self.fill_runs(runs, config))
                        .collect(),
                },
            })
            .collect()
    }

    /// Lines with inline markup (outcome steps), filled like [`Session::rich`] and dropped like
    /// [`Session::fill_lines`].
    pub fn rich_lines(&self, lines: &[Line], config: &Config) -> Vec<Vec<markup::Inline>> {
        lines
            .iter()
            .filter(|l| self.shows(l) && self.fill(l.text(), config).is_some())
            .map(|l| self.fill_runs(markup::inline(l.text()), config))
            .collect()
    }

    /// Fills placeholders in runs. In plain text each value becomes a run of its own, which
    /// the widget isolates (as with [`template::fill`], a text whose placeholders are all empty
    /// is left out); in bold and link words it stays part of its run.
    fn fill_runs(&self, runs: Vec<markup::Inline>, config: &Config) -> Vec<markup::Inline> {
        use markup::Inline;
        let lookup = |n: &str| self.placeholder(n, config);
        let text = |t: &str| template::fill(t, &lookup).unwrap_or_default();
        let mut out = Vec::with_capacity(runs.len());
        for run in runs {
            match run {
                Inline::Text(t) => {
                    let kept = out.len();
                    let mut push = |piece: &str, value: bool| {
                        let piece = piece.to_owned();
                        out.push(if value {
                            Inline::Value(piece)
                        } else {
                            Inline::Text(piece)
                        });
                    };
                    if template::fill_into(&t, &lookup, &mut push).is_none() {
                        out.truncate(kept);
                    }
                }
                Inline::Bold(t) => out.push(Inline::Bold(text(&t))),
                // A link to a setting the page left out (`mailto:{support_email}`) is its words.
                Inline::Link { text: words, href } => {
                    let href = template::fill(&href, &|n| config.get(n).map(str::to_owned));
                    out.push(match href.unwrap_or_default() {
                        href if href.is_empty() => Inline::Text(text(&words)),
                        href => Inline::Link {
                            text: text(&words),
                            href,
                        },
                    });
                }
                value => out.push(value),
            }
        }
        out
    }
}

impl Session {
    /// The short code of the path: per question, the option's number (1-9, then a-z) and, if
    /// that option has routes, the route taken (0 for none); per node with routes, the route
    /// taken. With the flow id and version it tells a helpdesk exactly which way the person
    /// came.
    pub fn path_code(&self) -> String {
        self.codes.iter().flat_map(|code| code.chars()).collect()
    }

    /// The reference a helpdesk sees: flow id, version and path code.
    pub fn reference(&self) -> String {
        let flow = self.flow.flow();
        format!("{} v{} path {}", flow.id, flow.version, self.path_code())
    }
}
