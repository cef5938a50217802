//! Driving sessions from outside: along given answers (`flowcheck render`, golden tests), or
//! down every way through a flow (`flowcheck paths`, the end-to-end walks). Both run the real
//! session, so a walk found here is one a person can take.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Serialize;

use crate::flow::error::limits;
use crate::flow::model::{Fields, Format, Node, NOT_FIXED};
use crate::flow::session::{Answer, Screen, Session};
use crate::flow::ValidFlow;

/// Answers by id, as `flowcheck render` and flow tests give them: a question's id gives an
/// option id, a field's id gives what is typed, and a self-fix outcome's id given `no` answers
/// "Did this fix it?" with No. (A session keeps its own answers by node index.)
pub type AnswersById = BTreeMap<String, String>;

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
    /// Answer "No" to "Did this fix it?" on a self-fix outcome.
    NotFixed {
        /// The outcome's id.
        node: String,
    },
}

impl Step {
    /// The step as the answer a person gives, such as `app=lost` or
    /// `details[name=Ada, upn=ada@contoso.com]` (fields left empty are not listed); `None` for
    /// a step that answers nothing (Continue, confirming the review).
    pub fn answer(&self) -> Option<String> {
        match self {
            Step::Question { node, option, .. } => Some(format!("{node}={option}")),
            Step::Fields { node, values } => {
                let given: Vec<String> = values
                    .iter()
                    .filter(|(_, v)| !v.is_empty())
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect();
                Some(format!("{node}[{}]", given.join(", ")))
            }
            Step::NotFixed { node } => Some(format!("{node}={NOT_FIXED}")),
            Step::Info { .. } | Step::Review => None,
        }
    }
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
    /// Whether a limit cut the search short: `limit` walks, or
    /// [`limits::MAX_EXPLORE_STEPS`] steps. Then an outcome missing from `walks` was only not
    /// reached before the search stopped.
    pub truncated: bool,
    /// The steps the search took: each answer tried, and each step of each walk kept.
    pub explored: usize,
    /// Outcomes no walk reached.
    pub unreached: Vec<String>,
}

/// Walks a session along the given answers until an outcome. Says which answer is missing or
/// not accepted, by id.
pub fn follow(flow: Rc<ValidFlow>, answers: &AnswersById) -> Result<Session, String> {
    let mut session = Session::new(flow);
    session.start();
    for _ in 0..=limits::MAX_DEPTH + 1 {
        let flow = session.flow_rc();
        match session.screen() {
            Screen::Outcome(node) => {
                let said_no =
                    answers.get(flow.node(node).id()).map(String::as_str) == Some(NOT_FIXED);
                if !(said_no && session.not_fixed()) {
                    return Ok(session);
                }
            }
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
            (Node::Fields(f), crate::flow::session::Refusal::Fields(problems)) => problems
                .iter()
                .map(|(k, p)| format!("the field `{}` was not accepted: {p}", f.fields[*k].id))
                .collect::<Vec<_>>()
                .join("; "),
            (node, refusal) => format!("`{}` refused the answer: {refusal:?}", node.id()),
        })
}

/// Finds every way through a flow, up to `limit` walks, by running a session: every option of
/// every question, and at each fields node values that take each of its routes (from the
/// routes' own values and the fields' examples) and its default.
///
/// One session goes forward and back (depth first), so the search holds one path, not a
/// session per pending branch. It stops after `limit` walks or [`limits::MAX_EXPLORE_STEPS`]
/// steps, whichever comes first, so a flow with more ways through than can be listed (or
/// with ways that never finish, such as a required field without an `example`) still ends
/// quickly; `truncated` says so.
pub fn explore(flow: Rc<ValidFlow>, limit: usize) -> Exploration {
    explore_with(flow, limit, |_, _| {})
}

/// [`explore`], also handing each walk found to `visit` with the session at its outcome, so a
/// caller that needs the outcome's texts (`flowcheck test`) need not walk it again.
pub fn explore_with(
    flow: Rc<ValidFlow>,
    limit: usize,
    mut visit: impl FnMut(&Walk, &Session),
) -> Exploration {
    let mut walks = Vec::new();
    let mut explored = 0;
    let mut truncated = false;
    let mut session = Session::new(Rc::clone(&flow));
    session.start();
    let mut steps: Vec<Step> = Vec::new();
    let mut stack = vec![Branches::of(&session)];
    while let Some(top) = stack.last_mut() {
        if walks.len() >= limit || explored >= limits::MAX_EXPLORE_STEPS {
            truncated = true;
            break;
        }
        let Some((action, step)) = top.next() else {
            // Every branch of this screen is done: back to the screen before it.
            stack.pop();
            if !stack.is_empty() {
                session.back();
                steps.pop();
            }
            continue;
        };
        explored += 1;
        let moved = match action {
            Action::Confirm => session.confirm(),
            Action::NotFixed => session.not_fixed(),
            Action::Answer(answer) => session.answer(answer).is_ok(),
        };
        if !moved {
            continue;
        }
        // Values that lead to a screen already explored from here add nothing.
        if matches!(step, Step::Fields { .. }) {
            if top.reached.contains(&session.screen()) {
                session.back();
                continue;
            }
            top.reached.push(session.screen());
        }
        steps.push(step);
        if let Screen::Outcome(node) = session.screen() {
            if let Node::Outcome(o) = flow.node(node) {
                explored += steps.len();
                let walk = Walk {
                    steps: steps.clone(),
                    outcome: o.id.clone(),
                    kind: o.kind.as_str(),
                    code: session.path_code(),
                };
                visit(&walk, &session);
                walks.push(walk);
                // "No" to "Did this fix it?" goes on to IT: one more way from here.
                if o.not_fixed.is_some() {
                    stack.push(Branches::of(&session));
                    continue;
                }
            }
            session.back();
            steps.pop();
            continue;
        }
        stack.push(Branches::of(&session));
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
        explored,
        unreached,
    }
}

/// What the search can do on a screen.
enum Action {
    Answer(Answer),
    Confirm,
    NotFixed,
}

/// The branches of one screen of the search, taken in order, and the screens its fields'
/// values led to.
struct Branches {
    todo: std::vec::IntoIter<(Action, Step)>,
    reached: Vec<Screen>,
}

impl Branches {
    fn of(session: &Session) -> Branches {
        let flow = session.flow();
        let todo: Vec<(Action, Step)> = match session.screen() {
            Screen::Start => Vec::new(),
            Screen::Outcome(node) => match flow.node(node) {
                Node::Outcome(o) if o.not_fixed.is_some() => {
                    vec![(Action::NotFixed, Step::NotFixed { node: o.id.clone() })]
                }
                _ => Vec::new(),
            },
            Screen::Review(_) => vec![(Action::Confirm, Step::Review)],
            Screen::Node(node) => match flow.node(node) {
                Node::Question(q) => q
                    .options
                    .iter()
                    .enumerate()
                    .map(|(index, option)| {
                        let step = Step::Question {
                            node: q.id.clone(),
                            option: option.id.clone(),
                            index,
                        };
                        (Action::Answer(Answer::Choice(index)), step)
                    })
                    .collect(),
                Node::Fields(f) => candidates(f)
                    .into_iter()
                    .map(|values| {
                        let raw = values.iter().map(|(_, v)| v.clone()).collect();
                        let step = Step::Fields {
                            node: f.id.clone(),
                            values,
                        };
                        (Action::Answer(Answer::Values(raw)), step)
                    })
                    .collect(),
                Node::Info(n) => vec![(
                    Action::Answer(Answer::Seen),
                    Step::Info { node: n.id.clone() },
                )],
                Node::Outcome(_) => Vec::new(),
            },
        };
        Branches {
            todo: todo.into_iter(),
            reached: Vec::new(),
        }
    }

    fn next(&mut self) -> Option<(Action, Step)> {
        self.todo.next()
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
