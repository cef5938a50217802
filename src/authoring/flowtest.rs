//! Tests a web team writes for its own flow, run by `flowcheck test FLOW TESTS`: cases (answers
//! in; the outcome and text fragments that must or must not appear out) and rules that must hold
//! on every way through the flow. The format is `schema/flow-tests.schema.json`, generated from
//! the types below. Native only: the widget never reads a test file.

use std::collections::BTreeMap;
use std::rc::Rc;

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;
use serde::Deserialize;

use super::transcript::Page;
use super::walk::{self, AnswersById, Step};
use crate::flow::handoff::channels::Channels;
use crate::flow::handoff::Handoff;
use crate::flow::markup;
use crate::flow::model::{Condition, Node};
use crate::flow::session::{Screen, Session};
use crate::flow::Config;
use crate::flow::ValidFlow;

/// A flow's test file.
#[derive(Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TestFile {
    /// Where editors find this schema; ignored.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// The id of the flow under test; `flowcheck test` refuses a file written for another flow.
    pub flow: String,
    /// Page settings, as the element's attributes give them: `org_name`, `support_email`,
    /// `support_phone`, `support_hours`.
    #[serde(default)]
    pub config: BTreeMap<String, String>,
    /// Walks with given answers and what they must produce.
    #[serde(default)]
    pub cases: Vec<Case>,
    /// What must hold on every way through the flow.
    #[serde(default)]
    pub rules: Vec<Rule>,
}

/// One walk through the flow with given answers.
#[derive(Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// What the case shows, such as "H1: an error code keeps the administrator route".
    pub name: String,
    /// A question's id gives an option id; a field's id gives what is typed.
    pub answers: AnswersById,
    /// The id of the outcome the answers must reach.
    #[serde(default)]
    pub outcome: Option<String>,
    /// What the outcome's texts must and must not contain.
    #[serde(default)]
    pub expect: Expect,
}

/// Something that must hold on every way through the flow that its conditions select.
#[derive(Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// What the rule guards, such as "H3: a stolen phone is never verified by calling it".
    pub name: String,
    /// Conditions, as in a flow's routes, that must all hold at the outcome for the rule to
    /// apply; none means every way.
    #[serde(rename = "if", default)]
    pub when: Vec<Condition>,
    /// Only ways that end at these outcomes; none means any outcome.
    #[serde(default)]
    pub outcomes: Vec<String>,
    /// What the outcome's texts must and must not contain on those ways.
    pub expect: Expect,
}

/// Expectations on each text an outcome produces. A text the outcome does not have (an email
/// on an outcome without one) contains nothing: `contains` fails on it, `excludes` holds.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The email's subject line.
    #[serde(default)]
    pub subject: Option<Fragments>,
    /// The email: subject and body.
    #[serde(default)]
    pub email: Option<Fragments>,
    /// The phone script: what to have ready and what to say.
    #[serde(default)]
    pub phone: Option<Fragments>,
    /// What the screen shows: the outcome's title, introduction and steps.
    #[serde(default)]
    pub steps: Option<Fragments>,
    /// All of the above.
    #[serde(default)]
    pub all: Option<Fragments>,
}

/// Text fragments, compared ignoring case.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fragments {
    /// Each must appear.
    #[serde(default)]
    pub contains: Vec<String>,
    /// None may appear.
    #[serde(default)]
    pub excludes: Vec<String>,
}

/// What a run found.
#[derive(Debug, Default)]
pub struct Report {
    /// One sentence per failure, starting with the case or rule's JSON path and name.
    pub failures: Vec<String>,
    /// How many cases ran.
    pub cases: usize,
    /// How many rules ran.
    pub rules: usize,
    /// How many ways through the flow the rules were checked on.
    pub paths: usize,
    /// Whether the flow has more ways than were checked.
    pub truncated: bool,
}

/// The JSON Schema of the test file format, as pretty JSON.
#[cfg(not(target_arch = "wasm32"))]
pub fn schema() -> String {
    serde_json::to_string_pretty(&schemars::schema_for!(TestFile)).unwrap_or_default()
}

/// Reads a test file, or says what is wrong with it.
pub fn parse(text: &str) -> Result<TestFile, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// Runs every case and rule of `tests` on `flow`, checking rules on at most `path_limit` ways.
pub fn run(flow: Rc<ValidFlow>, tests: &TestFile, path_limit: usize) -> Result<Report, String> {
    if tests.flow != flow.flow().id {
        return Err(format!(
            "flow: the tests are for `{}`, but the flow is `{}`",
            tests.flow,
            flow.flow().id
        ));
    }
    let page = page(&tests.config)?;
    let config = page.config;
    let mut report = Report {
        cases: tests.cases.len(),
        rules: tests.rules.len(),
        ..Report::default()
    };
    for (i, case) in tests.cases.iter().enumerate() {
        let at = format!("cases[{i}] \"{}\"", case.name);
        run_case(&flow, &config, case, &at, &mut report.failures);
    }
    if tests.rules.is_empty() {
        return Ok(report);
    }
    for (i, rule) in tests.rules.iter().enumerate() {
        for (c, cond) in rule.when.iter().enumerate() {
            for problem in flow.condition_problems(cond) {
                report
                    .failures
                    .push(format!("rules[{i}] \"{}\": if[{c}]: {problem}", rule.name));
            }
        }
        for id in &rule.outcomes {
            if !is_outcome(&flow, id) {
                report.failures.push(format!(
                    "rules[{i}] \"{}\": `{id}` is not an outcome of the flow",
                    rule.name
                ));
            }
        }
    }
    let mut sessions: Vec<(String, Session)> = Vec::new();
    let found = walk::explore_with(Rc::clone(&flow), path_limit, |w, session| {
        sessions.push((way(&w.steps), session.clone()))
    });
    report.paths = found.walks.len();
    report.truncated = found.truncated;
    for (i, rule) in tests.rules.iter().enumerate() {
        let at = format!("rules[{i}] \"{}\"", rule.name);
        let mut applied = 0;
        // Per broken expectation, the first way that breaks it and how many more do.
        let mut broken: Vec<(String, String, usize)> = Vec::new();
        for (way, session) in &sessions {
            let outcome = outcome_id(session);
            if !rule.outcomes.is_empty() && !rule.outcomes.iter().any(|o| o == outcome) {
                continue;
            }
            if !rule.when.iter().all(|c| session.holds(c)) {
                continue;
            }
            applied += 1;
            let mut problems = Vec::new();
            check(&texts(session, &config), &rule.expect, &mut problems);
            for problem in problems {
                match broken.iter_mut().find(|(p, _, _)| *p == problem) {
                    Some((_, _, more)) => *more += 1,
                    None => broken.push((problem, format!("{way} (`{outcome}`)"), 0)),
                }
            }
        }
        if applied == 0 {
            report.failures.push(format!(
                "{at}: applies to no way through the flow; check its `if` and `outcomes`"
            ));
        }
        for (problem, first, more) in broken {
            let more = match more {
                0 => String::new(),
                1 => " and 1 more way".to_owned(),
                n => format!(" and {n} more ways"),
            };
            report
                .failures
                .push(format!("{at}: {problem}, on {first}{more}"));
        }
    }
    Ok(report)
}

fn run_case(flow: &Rc<ValidFlow>, config: &Config, case: &Case, at: &str, out: &mut Vec<String>) {
    let session = match walk::follow(Rc::clone(flow), &case.answers) {
        Ok(session) => session,
        Err(e) => return out.push(format!("{at}: {e}")),
    };
    let reached = outcome_id(&session);
    if let Some(expected) = &case.outcome {
        if !is_outcome(flow, expected) {
            return out.push(format!("{at}: `{expected}` is not an outcome of the flow"));
        }
        if expected != reached {
            return out.push(format!(
                "{at}: the answers reach `{reached}`, not `{expected}`"
            ));
        }
    }
    let mut problems = Vec::new();
    check(&texts(&session, config), &case.expect, &mut problems);
    out.extend(problems.into_iter().map(|p| format!("{at}: {p}")));
}

/// The texts of the outcome a session reached, by the names `expect` uses.
struct Texts {
    subject: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    steps: String,
}

fn texts(session: &Session, config: &Config) -> Texts {
    let handoff = Handoff::for_session(session, config);
    let email = handoff.as_ref().and_then(|h| h.email.as_ref());
    let phone = handoff.as_ref().and_then(|h| h.phone.as_ref());
    let mut steps = String::new();
    if let Screen::Outcome(node) | Screen::Review(node) = session.screen() {
        if let Node::Outcome(o) = session.flow().node(node) {
            steps.push_str(&o.title);
            for block in o.body.iter().flat_map(|b| session.rich(b, config)) {
                steps.push('\n');
                steps.push_str(&markup::block_text(&block));
            }
            for runs in session.rich_lines(&o.steps, config) {
                steps.push('\n');
                steps.push_str(&markup::plain_text(&runs));
            }
        }
    }
    Texts {
        subject: email.map(|e| e.subject.clone()),
        email: email.map(|e| format!("{}\n{}", e.subject, e.lines.join("\n"))),
        phone: phone.map(|p| {
            let mut lines = p.prepare.clone();
            lines.extend(p.lines.iter().cloned());
            lines.join("\n")
        }),
        steps,
    }
}

fn check(texts: &Texts, expect: &Expect, problems: &mut Vec<String>) {
    let all = [
        texts.email.as_deref(),
        texts.phone.as_deref(),
        Some(texts.steps.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("\n");
    let targets = [
        ("subject", &expect.subject, texts.subject.as_deref()),
        ("email", &expect.email, texts.email.as_deref()),
        ("phone", &expect.phone, texts.phone.as_deref()),
        ("steps", &expect.steps, Some(texts.steps.as_str())),
        ("all", &expect.all, Some(all.as_str())),
    ];
    for (what, fragments, text) in targets {
        let Some(fragments) = fragments else { continue };
        let text = text.map(str::to_lowercase);
        for wanted in &fragments.contains {
            match &text {
                None => problems.push(format!("there is no `{what}`, so no \"{wanted}\" in it")),
                Some(t) if !t.contains(&wanted.to_lowercase()) => {
                    problems.push(format!("`{what}` does not contain \"{wanted}\""))
                }
                Some(_) => {}
            }
        }
        for unwanted in &fragments.excludes {
            if text
                .as_ref()
                .is_some_and(|t| t.contains(&unwanted.to_lowercase()))
            {
                problems.push(format!("`{what}` contains \"{unwanted}\""));
            }
        }
    }
}

/// The page settings a test file, `flowcheck render`'s answers, `flowcheck check --config`
/// or the studio give; an unknown name or an unusable value is an error.
pub fn page(settings: &BTreeMap<String, String>) -> Result<Page, String> {
    const KNOWN: [&str; 6] = [
        "org_name",
        "support_email",
        "support_phone",
        "support_hours",
        "support_teams",
        "ticket_url",
    ];
    // The attributes' own names (`support-email`) are read too: `flowcheck check --config`
    // takes the attributes as JSON.
    let settings: BTreeMap<String, &String> = settings
        .iter()
        .map(|(k, v)| (k.replace('-', "_"), v))
        .collect();
    if let Some(unknown) = settings.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(format!(
            "config.{unknown}: not a page setting; the settings are {}",
            KNOWN.join(", ")
        ));
    }
    let setting = |name: &str| settings.get(name).map(|v| v.to_string());
    let (config, mut problems) = Config::new(
        setting("org_name"),
        setting("support_email"),
        setting("support_phone"),
        setting("support_hours"),
    );
    let (channels, more) = Channels::new(setting("support_teams"), setting("ticket_url"));
    problems.extend(more);
    match problems.first() {
        Some(p) => Err(format!(
            "config.{}: {}",
            p.attribute.replace('-', "_"),
            p.message
        )),
        None => Ok(Page { config, channels }),
    }
}

fn is_outcome(flow: &ValidFlow, id: &str) -> bool {
    matches!(
        flow.index_of(id).map(|i| flow.node(i)),
        Some(Node::Outcome(_))
    )
}

fn outcome_id(session: &Session) -> &str {
    match session.screen() {
        Screen::Outcome(node) | Screen::Review(node) => session.flow().node(node).id(),
        _ => "",
    }
}

/// A walk as a person gives it: `account=work › screen=error › error-details[error_code=…]`.
fn way(steps: &[Step]) -> String {
    let answers: Vec<String> = steps.iter().filter_map(Step::answer).collect();
    answers.join(" › ")
}
