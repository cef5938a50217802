//! Keeping a session across a reload (kiosks, `persist`): [`Session::snapshot`] writes where the
//! person is and what they answered, by node and option ids, and [`Session::restore`] answers
//! again from it rather than trusting it, so a restored session is always one the flow can
//! reach. Snapshots written by earlier builds are in browsers' storage, so the text's format
//! must not change.

use std::rc::Rc;

use super::{Answer, Screen, Session};
use crate::flow::json::{self, Json};
use crate::flow::model::Node;
use crate::flow::ValidFlow;

impl Session {
    /// The session as text (JSON), by node and option ids, to keep it across a reload:
    /// `{"flow":…,"version":…,"path":[node ids],"answers":[[node id,{"choice":option id} or
    /// {"values":[…]} or {"seen":true}],…],"confirmed":…}`.
    pub fn snapshot(&self) -> String {
        let flow = &self.flow;
        // Lists are pushed to rather than collected: the reader already pushes to these types,
        // and each `collect` would add its own code to the download.
        let mut answers = Vec::new();
        for (node, answer) in self.path_answers() {
            let (key, value) = match (flow.node(node), answer) {
                (Node::Question(q), Answer::Choice(c)) => (
                    "choice",
                    text(q.options.get(*c).map_or("", |o| o.id.as_str())),
                ),
                (_, Answer::Values(values)) => {
                    let mut texts = Vec::new();
                    for v in values {
                        texts.push(text(v));
                    }
                    ("values", Json::Array(texts))
                }
                _ => ("seen", Json::Bool(true)),
            };
            answers.push(Json::Array(vec![
                text(flow.node(node).id()),
                Json::Object(vec![(key.into(), value)]),
            ]));
        }
        let mut path = Vec::new();
        for &n in &self.path {
            path.push(text(flow.node(n).id()));
        }
        let snapshot = Json::Object(vec![
            ("flow".into(), text(&flow.flow().id)),
            ("version".into(), text(&flow.flow().version)),
            ("path".into(), Json::Array(path)),
            ("answers".into(), Json::Array(answers)),
            ("confirmed".into(), Json::Bool(self.confirmed)),
        ]);
        let mut out = String::new();
        snapshot.write(&mut out);
        out
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
            // More answers after an outcome: the person answered No to "Did this fix it?".
            if matches!(session.screen(), Screen::Outcome(_)) {
                session.not_fixed();
            }
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
        // A path longer than the answers lead went on from a self-fix outcome to IT.
        if session.path.len() < stored.len() {
            session.not_fixed();
        }
        let walked: Vec<&str> = session.path.iter().map(|&n| flow.node(n).id()).collect();
        if walked != stored {
            return None;
        }
        session.confirmed = matches!(get("confirmed"), Some(Json::Bool(true)));
        Some(session)
    }
}

/// A string value that borrows its text, so a snapshot copies nothing before it is written.
fn text(s: &str) -> Json<'_> {
    Json::String(s.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Snapshots as this format has always written them (from a start screen, a form with
    /// escaped values, an outcome confirmed after control characters were typed). Browsers keep
    /// such text across upgrades, so each must restore and be written again byte for byte.
    const KEPT: [&str; 3] = [
        r#"{"flow":"printer-offline","version":"1.0","path":[],"answers":[],"confirmed":false}"#,
        r#"{"flow":"printer-offline","version":"1.0","path":["where","lights","details"],"answers":[["where",{"choice":"office"}],["lights",{"choice":"on"}],["details",{"values":["","quote \" back \\ slash",""]}]],"confirmed":false}"#,
        "{\"flow\":\"printer-offline\",\"version\":\"1.0\",\"path\":[\"where\",\"lights\",\"details\",\"report\"],\"answers\":[[\"where\",{\"choice\":\"office\"}],[\"lights\",{\"choice\":\"error\"}],[\"details\",{\"values\":[\"PRN-042\",\"ada@example.com\",\"bell \\u0007 nul \\u0000 del \u{7f}\"]}]],\"confirmed\":true}",
    ];

    #[test]
    fn kept_snapshots_restore_and_are_written_the_same() {
        let flow = Rc::new(
            ValidFlow::from_json(include_str!("../../../flows/examples/printer-offline.json"))
                .unwrap(),
        );
        let screens: Vec<Screen> = KEPT
            .iter()
            .map(|kept| {
                let session = Session::restore(Rc::clone(&flow), kept).expect(kept);
                assert_eq!(session.snapshot(), *kept);
                session.screen()
            })
            .collect();
        let at = |id| flow.index_of(id).unwrap();
        assert_eq!(
            screens,
            [
                Screen::Start,
                Screen::Node(at("details")),
                Screen::Outcome(at("report"))
            ]
        );
    }
}
