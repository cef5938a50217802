//! Driving sessions from outside: along given answers (`flowcheck render`, golden tests), or
//! down every way through a flow (`flowcheck paths`, the end-to-end walks). Both run the real
//! session, so a walk found here is one a person can take.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Serialize;

use super::error::limits;
use super::model::{Fields, Format, Node};
use super::session::{Answer, Screen, Session};
use super::validate::ValidFlow;

/// Answers by id: a question's id gives an option id, a field's id gives what is typed.
pub type Answers = BTreeMap<String, String>;

/// One action of a walk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Step {
    /// Choose an option of a question.
    Question {
        /// The question's id.
        node: String,
        /// The option's id.
        option: String,
        /// The option's position, from 0.
        index: usize,
    },
    /// Type into the fields of a fields node, by field id, in order.
    Fields {
        /// The node's id.
        node: String,
        /// Field id and value, in the node's order.
        values: Vec<(String, String)>,
    },
    /// Continue past an info node.
    Info {
        /// The node's id.
        node: String,
    },
    /// Confirm "Check your answers".
    Review,
}

/// A way from the start to an outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Walk {
    /// The actions, in order.
    pub steps: Vec<Step>,
    /// The outcome reached.
    pub outcome: String,
    /// The outcome's kind.
    pub kind: &'static str,
    /// The path code of the reference.
    pub code: String,
}

/// What [`explore`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exploration {
    /// Every walk found, up to the limit.
    pub walks: Vec<Walk>,
    /// Whether the limit cut the search short.
    pub truncated: bool,
    /// Outcomes no walk reached.
    pub unreached: Vec<String>,
}

/// Walks a session along the given answers until an outcome. Says which answer is missing or
/// not accepted, by id.
pub fn follow(flow: Rc<ValidFlow>, answers: &Answers) -> Result<Session, String> {
    let mut session = Session::new(flow);
    session.start();
    for _ in 0..=limits::MAX_DEPTH + 1 {
        let flow = session.flow_rc();
        match session.screen() {
            Screen::Outcome(_) => return Ok(session),
            Screen::Review(_) => {
                session.confirm();
            }
            Screen::Start => return Err("the walk went back to the start".into()),
            Screen::Node(node) => match flow.node(node) {
                Node::Question(q) => {
                    let Some(chosen) = answers.get(&q.id) else {
                        return Err(format!(
                            "no answer for the question `{}` ({})",
                            q.id, q.text
                        ));
                    };
                    let Some(index) = q.options.iter().position(|o| &o.id == chosen) else {
                        let ids: Vec<&str> = q.options.iter().map(|o| o.id.as_str()).collect();
                        return Err(format!(
                            "`{chosen}` is not an option of `{}`; its options are {}",
                            q.id,
                            ids.join(", ")
                        ));
                    };
                    answer(&mut session, Answer::Choice(index))?;
                }
                Node::Fields(f) => {
                    let values = f
                        .fields
                        .iter()
                        .map(|fd| answers.get(&fd.id).cloned().unwrap_or_default())
                        .collect();
                    answer(&mut session, Answer::Values(values))?;
                }
                Node::Info(_) => answer(&mut session, Answer::Seen)?,
                Node::Outcome(_) => return Ok(session),
            },
        }
    }
    Err("the walk did not reach an outcome".into())
}

fn answer(session: &mut Session, answer: Answer) -> Result<(), String> {
    let Screen::Node(node) = session.screen() else {
        return Ok(());
    };
    session
        .answer(answer)
        .map_err(|refusal| match (session.flow().node(node), refusal) {
            (Node::Fields(f), super::session::Refusal::Fields(problems)) => problems
                .iter()
                .map(|(k, p)| format!("the field `{}` was not accepted: {p}", f.fields[*k].id))
                .collect::<Vec<_>>()
                .join("; "),
            (node, refusal) => format!("`{}` refused the answer: {refusal:?}", node.id()),
        })
}

/// Finds every way through a flow, up to `limit` walks, by running sessions: every option of
/// every question, and at each fields node values that take each of its routes (from the
/// routes' own values and the fields' examples) and its default.
pub fn explore(flow: Rc<ValidFlow>, limit: usize) -> Exploration {
    let mut walks = Vec::new();
    let mut truncated = false;
    let mut start = Session::new(Rc::clone(&flow));
    start.start();
    let mut stack = vec![(start, Vec::<Step>::new())];
    while let Some((session, steps)) = stack.pop() {
        if walks.len() >= limit {
            truncated = true;
            break;
        }
        let mut branches: Vec<(Session, Step)> = Vec::new();
        match session.screen() {
            Screen::Start => {}
            Screen::Outcome(node) => {
                let Node::Outcome(o) = flow.node(node) else {
                    continue;
                };
                walks.push(Walk {
                    steps,
                    outcome: o.id.clone(),
                    kind: o.kind.as_str(),
                    code: session.path_code(),
                });
                continue;
            }
            Screen::Review(_) => {
                let mut next = session.clone();
                next.confirm();
                branches.push((next, Step::Review));
            }
            Screen::Node(node) => match flow.node(node) {
                Node::Question(q) => {
                    for (index, option) in q.options.iter().enumerate() {
                        let mut next = session.clone();
                        if next.answer(Answer::Choice(index)).is_ok() {
                            let step = Step::Question {
                                node: q.id.clone(),
                                option: option.id.clone(),
                                index,
                            };
                            branches.push((next, step));
                        }
                    }
                }
                Node::Fields(f) => {
                    let mut reached = Vec::new();
                    for values in candidates(f) {
                        let mut next = session.clone();
                        let raw = values.iter().map(|(_, v)| v.clone()).collect();
                        if next.answer(Answer::Values(raw)).is_ok()
                            && !reached.contains(&next.screen())
                        {
                            reached.push(next.screen());
                            branches.push((
                                next,
                                Step::Fields {
                                    node: f.id.clone(),
                                    values,
                                },
                            ));
                        }
                    }
                }
                Node::Info(n) => {
                    let mut next = session.clone();
                    if next.answer(Answer::Seen).is_ok() {
                        branches.push((next, Step::Info { node: n.id.clone() }));
                    }
                }
                Node::Outcome(_) => {}
            },
        }
        // Reversed, so the first option is explored first and walks come out in file order.
        for (next, step) in branches.into_iter().rev() {
            let mut steps = steps.clone();
            steps.push(step);
            stack.push((next, steps));
        }
    }
    let unreached = flow
        .flow()
        .nodes
        .iter()
        .filter(|n| matches!(n, Node::Outcome(_)))
        .map(|n| n.id().to_owned())
        .filter(|id| !walks.iter().any(|w| &w.outcome == id))
        .collect();
    Exploration {
        walks,
        truncated,
        unreached,
    }
}

/// The shortest walk found to each outcome, in the flow's order of outcomes.
pub fn one_per_outcome(exploration: &Exploration) -> Vec<&Walk> {
    let mut best: Vec<&Walk> = Vec::new();
    for walk in &exploration.walks {
        match best.iter_mut().find(|w| w.outcome == walk.outcome) {
            Some(current) if walk.steps.len() < current.steps.len() => *current = walk,
            Some(_) => {}
            None => best.push(walk),
        }
    }
    best
}

/// Values that a fields node accepts: each field's example, a sample of its format when it is
/// required, or nothing.
pub fn sample_values(node: &Fields) -> Vec<(String, String)> {
    node.fields
        .iter()
        .map(|f| {
            let sample = match f.format {
                Format::Text => "Example text",
                Format::Email => "person@example.com",
                Format::Phone => "+1 555 0100",
                Format::DateTime => "3 May 2026 09:15",
                Format::Pattern => "",
            };
            let value = f.example.clone().unwrap_or_else(|| {
                if f.required {
                    sample.to_owned()
                } else {
                    String::new()
                }
            });
            (f.id.clone(), value)
        })
        .collect()
}

/// Values to try at a fields node: one set per route it has, then the samples alone.
fn candidates(node: &Fields) -> Vec<Vec<(String, String)>> {
    let base = sample_values(node);
    let mut out = Vec::new();
    for route in &node.routes {
        let Some(field) = &route.when.field else {
            continue;
        };
        let wanted = route
            .when
            .is
            .clone()
            .or_else(|| route.when.any_of.as_ref().and_then(|v| v.first().cloned()));
        let mut values = base.clone();
        if let Some(slot) = values.iter_mut().find(|(id, _)| id == field) {
            slot.1 = wanted.unwrap_or_else(|| {
                if slot.1.is_empty() {
                    "Example".into()
                } else {
                    slot.1.clone()
                }
            });
        }
        out.push(values);
    }
    out.push(base.clone());
    // Optional fields left empty, for routes that test whether a field was given.
    let required_only: Vec<(String, String)> = base
        .iter()
        .zip(&node.fields)
        .map(|((id, v), f)| {
            (
                id.clone(),
                if f.required { v.clone() } else { String::new() },
            )
        })
        .collect();
    out.push(required_only);
    out
}
