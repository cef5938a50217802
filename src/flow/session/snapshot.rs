//! Keeping a session across a reload (kiosks, `persist`): [`Session::snapshot`] writes where the
//! person is and what they answered, by node and option ids, and [`Session::restore`] answers
//! again from it rather than trusting it, so a restored session is always one the flow can
//! reach. Snapshots written by earlier builds are in browsers' storage, so the text's format
//! must not change.

use std::rc::Rc;

use super::{Answer, Screen, Session};
use crate::flow::json::{self, quote, Json};
use crate::flow::model::Node;
use crate::flow::ValidFlow;

impl Session {
    /// The session as text (JSON), by node and option ids, to keep it across a reload.
    pub fn snapshot(&self) -> String {
        let flow = &self.flow;
        let answers: Vec<String> = self
            .path_answers()
            .map(|(node, answer)| {
                let value = match (flow.node(node), answer) {
                    (Node::Question(q), Answer::Choice(c)) => {
                        format!(
                            "{{\"choice\":{}}}",
                            quote(q.options.get(*c).map_or("", |o| o.id.as_str()))
                        )
                    }
                    (_, Answer::Values(values)) => {
                        let values: Vec<String> = values.iter().map(|v| quote(v)).collect();
                        format!("{{\"values\":[{}]}}", values.join(","))
                    }
                    _ => "{\"seen\":true}".to_owned(),
                };
                format!("[{},{value}]", quote(flow.node(node).id()))
            })
            .collect();
        let path: Vec<String> = self
            .path
            .iter()
            .map(|&n| quote(flow.node(n).id()))
            .collect();
        format!(
            "{{\"flow\":{},\"version\":{},\"path\":[{}],\"answers\":[{}],\"confirmed\":{}}}",
            quote(&flow.flow().id),
            quote(&flow.flow().version),
            path.join(","),
            answers.join(","),
            self.confirmed
        )
    }

    /// A session from [`Session::snapshot`] text, made by answering again, in order, so that it
    /// is one the flow can reach. `None` when the text is not for this flow and version, or
    /// the answers no longer lead along the same path.
    pub fn restore(flow: Rc<ValidFlow>, text: &str) -> Option<Session> {
        let Json::Object(entries) = json::parse(text).ok()? else {
            return None;
        };
        let get = |key: &str| entries.iter().find(|(k, _)| k == key).map(|(_, v)| v);
        let string = |v: Option<&Json>| match v {
            Some(Json::String(s)) => Some(s.to_string()),
            _ => None,
        };
        if string(get("flow"))? != flow.flow().id || string(get("version"))? != flow.flow().version
        {
            return None;
        }
        let Some(Json::Array(path)) = get("path") else {
            return None;
        };
        let Some(Json::Array(answers)) = get("answers") else {
            return None;
        };
        let stored: Vec<&str> = path
            .iter()
            .filter_map(|p| {
                if let Json::String(s) = p {
                    Some(&**s)
                } else {
                    None
                }
            })
            .collect();
        let mut session = Session::new(Rc::clone(&flow));
        if stored.is_empty() {
            return Some(session);
        }
        session.start();
        for item in answers {
            let Json::Array(pair) = item else { return None };
            let (Some(Json::String(id)), Some(Json::Object(answer))) = (pair.first(), pair.get(1))
            else {
                return None;
            };
            let Screen::Node(node) = session.screen() else {
                return None;
            };
            if flow.node(node).id() != id {
                return None;
            }
            let answer = match (flow.node(node), answer.first()) {
                (Node::Question(q), Some((k, Json::String(option)))) if k == "choice" => {
                    Answer::Choice(q.options.iter().position(|o| o.id == *option)?)
                }
                (Node::Fields(_), Some((k, Json::Array(values)))) if k == "values" => {
                    Answer::Values(
                        values
                            .iter()
                            .map(|v| {
                                if let Json::String(s) = v {
                                    s.to_string()
                                } else {
                                    String::new()
                                }
                            })
                            .collect(),
                    )
                }
                (Node::Info(_), _) => Answer::Seen,
                _ => return None,
            };
            // The screen the person was on keeps its answer (as typed, or chosen before going
            // Back) without moving on.
            if session.path.len() == stored.len() || session.answer(answer.clone()).is_err() {
                session.set_answer(node, answer);
            }
        }
        let walked: Vec<&str> = session.path.iter().map(|&n| flow.node(n).id()).collect();
        if walked != stored {
            return None;
        }
        session.confirmed = matches!(get("confirmed"), Some(Json::Bool(true)));
        Some(session)
    }
}
