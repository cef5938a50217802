//! The widget's one state: the engine's session plus what the screen needs around it, the
//! actions that change it (the reducer), and what it tells the host page. Views read it through
//! a [`StateHandle`] and dispatch [`Action`]s; nothing here knows a view.

mod action;
mod content;
mod events;
mod history;
mod remote;

use std::rc::Rc;

use yew::{Callback, Reducible, UseReducerHandle};

pub use action::Action;
pub use content::{
    EmailActions, EmailContent, HandoffContent, OutcomeContent, PhoneContent, QrImage,
    ScreenContent, TakeAway,
};
pub use events::{FlowVersion, HandoffAction, ScreenKind, WidgetEvent};
pub use history::BrowserHistory;
pub use remote::Remote;

use crate::flow::{Answer, Node, Refusal, Screen, Session};
use crate::ui::settings::Settings;

/// The reducer handle every view function is given.
pub type StateHandle = UseReducerHandle<State>;

/// Everything the widget shows, in one value that only [`Action`]s change.
#[derive(Clone, Debug)]
pub struct State {
    /// One person's walk through the flow.
    pub session: Session,
    /// How the page set the widget up.
    pub settings: Rc<Settings>,
    /// What the current screen shows beside the flow's own words, derived from the session
    /// and the settings whenever either changes.
    pub content: ScreenContent,
    /// The answer being put together on the current screen (the option chosen, the text
    /// typed), sent by Continue. Each new screen starts from the answer the session remembers.
    pub draft: Option<Answer>,
    /// Why the last answer was refused, shown on the current screen.
    pub refusal: Option<Refusal>,
    /// The last copy on this screen: what was copied, and whether the clipboard took the text
    /// (or the text was selected for the person to copy).
    pub copied: Option<(HandoffAction, bool)>,
    /// The answer to "Did this fix it?" on this screen, while it stays: Yes, or No where the
    /// flow has no way on to IT.
    pub fixed: Option<bool>,
    /// Kiosk mode: the seconds left on "Are you still there?", while it shows.
    pub idle_left: Option<u32>,
    /// Counts screen changes; focus moves to the new heading whenever it grows.
    pub screen_changes: u32,
    /// Counts refused answers; the error summary takes focus whenever it grows.
    pub refusals: u32,
    /// Counts every change, so comparing two states is cheap.
    revision: u32,
    /// Prefix for element ids, unique per widget on a page.
    pub uid: Rc<str>,
    /// Receives what the widget tells its host page.
    pub onevent: Callback<WidgetEvent>,
    /// Browser Back integration, when the page asked for it as the walk began.
    pub history: Option<BrowserHistory>,
    /// The last screen change came from the browser's Back button.
    pub via_browser: bool,
}

impl State {
    /// A state on the session's screen (the start screen, or where a restored session was).
    pub fn new(
        session: Session,
        settings: Rc<Settings>,
        uid: Rc<str>,
        onevent: Callback<WidgetEvent>,
    ) -> Self {
        State {
            draft: draft_for(&session),
            content: ScreenContent::derive(&session, &settings),
            history: settings.history.then(BrowserHistory::default),
            session,
            settings,
            refusal: None,
            copied: None,
            fixed: None,
            idle_left: None,
            screen_changes: 0,
            refusals: 0,
            revision: 0,
            uid,
            onevent,
            via_browser: false,
        }
    }

    /// An element id unique to this widget.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.uid)
    }

    /// Tells the host page which screen is shown (and which outcome), with ids and kinds only.
    pub fn announce_screen(&self) {
        let session = &self.session;
        let flow = session.flow();
        let (node, screen) = match session.screen() {
            Screen::Start => (String::new(), ScreenKind::Start),
            Screen::Node(n) => (
                flow.node(n).id().to_owned(),
                ScreenKind::of_node(flow.node(n)),
            ),
            Screen::Review(_) => (String::new(), ScreenKind::Review),
            Screen::Outcome(n) => (flow.node(n).id().to_owned(), ScreenKind::Outcome),
        };
        self.onevent.emit(WidgetEvent::Step {
            node: node.clone(),
            screen,
            progress: session.progress(),
        });
        if let Screen::Outcome(n) = session.screen() {
            if let Node::Outcome(o) = flow.node(n) {
                self.onevent.emit(WidgetEvent::Outcome {
                    node,
                    kind: o.kind,
                    flow: self.flow_version(),
                });
            }
        }
    }

    fn flow_version(&self) -> FlowVersion {
        let flow = self.session.flow().flow();
        FlowVersion {
            id: flow.id.clone(),
            version: flow.version.clone(),
        }
    }

    /// Tells the host page how "Did this fix it?" was answered on the outcome shown.
    pub fn report_fixed(&self, fixed: bool) {
        if let Screen::Outcome(node) = self.session.screen() {
            let node = self.session.flow().node(node).id().to_owned();
            let flow = self.flow_version();
            self.onevent
                .emit(WidgetEvent::Resolved { node, fixed, flow });
        }
    }

    /// Tells the host page a handoff was used, with the outcome's id and never its content.
    pub fn report_handoff(&self, action: HandoffAction) {
        if let Screen::Outcome(node) = self.session.screen() {
            let node = self.session.flow().node(node).id().to_owned();
            self.onevent.emit(WidgetEvent::Handoff { node, action });
        }
    }

    /// An action that steps through the flow (Start, Continue, Back, Change, Confirm,
    /// Restart, the browser's Back).
    fn take_step(&mut self, action: Action) {
        match action {
            Action::Start => self.session.start(),
            Action::Continue => {
                let answer = match self.session.screen() {
                    Screen::Node(node)
                        if matches!(self.session.flow().node(node), Node::Info(_)) =>
                    {
                        Answer::Seen
                    }
                    // Nothing chosen is still sent, so the engine refuses it and the error shows.
                    _ => self.draft.clone().unwrap_or(Answer::Choice(usize::MAX)),
                };
                self.refusal = self.session.answer(answer).err();
                self.refusals += u32::from(self.refusal.is_some());
            }
            Action::Back | Action::BrowserBack => {
                self.session.back();
            }
            Action::Change(node) => {
                self.session.change(node);
            }
            Action::Confirm => {
                self.session.confirm();
            }
            Action::Fixed(fixed) => {
                if fixed || !self.session.not_fixed() {
                    self.fixed = Some(fixed);
                }
            }
            Action::Restart => {
                self.session.restart();
                self.idle_left = None;
            }
            Action::Choose(_)
            | Action::Type(..)
            | Action::Copied(..)
            | Action::Idle(_)
            | Action::Configure(..) => {}
        }
    }
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision && Rc::ptr_eq(&self.uid, &other.uid)
    }
}

/// The draft a screen starts with: the answer the session remembers for it, or empty fields.
fn draft_for(session: &Session) -> Option<Answer> {
    let Screen::Node(node) = session.screen() else {
        return None;
    };
    match (session.flow().node(node), session.answer_for(node)) {
        (_, Some(answer)) => Some(answer.clone()),
        (Node::Fields(f), None) => Some(Answer::Values(vec![String::new(); f.fields.len()])),
        _ => None,
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if let Action::Configure(settings, flow) = &action {
            if *settings == self.settings && Rc::ptr_eq(flow, &self.session.flow_rc()) {
                return self;
            }
        }
        let mut next = Rc::unwrap_or_clone(self);
        let before = next.session.screen();
        match action {
            // Choosing and typing change only the draft: an error shown stays until Continue.
            Action::Choose(option) => next.draft = Some(Answer::Choice(option)),
            Action::Type(field, value) => {
                if let Some(Answer::Values(values)) = &mut next.draft {
                    if let Some(slot) = values.get_mut(field) {
                        *slot = value;
                    }
                }
            }
            Action::Copied(action, copied) => next.copied = Some((action, copied)),
            // A countdown tick draws the screen again from the content it has.
            Action::Idle(left) => next.idle_left = left,
            // Everything else may change the session or the settings, and clears the last
            // refusal.
            action => {
                next.refusal = None;
                next.via_browser = matches!(action, Action::BrowserBack);
                if let Action::Configure(settings, flow) = action {
                    next.settings = settings;
                    if !Rc::ptr_eq(&flow, &next.session.flow_rc()) {
                        // The same flow in another language: its nodes are the same, so the
                        // person's answers and place carry over.
                        let snapshot = next.session.snapshot();
                        next.session = Session::restore(Rc::clone(&flow), &snapshot)
                            .unwrap_or_else(|| Session::new(flow));
                    }
                } else {
                    next.take_step(action);
                }
                next.content = ScreenContent::derive(&next.session, &next.settings);
            }
        }
        if next.session.screen() != before {
            next.screen_changes += 1;
            next.draft = draft_for(&next.session);
            next.copied = None;
            next.fixed = None;
        }
        next.revision += 1;
        Rc::new(next)
    }
}
