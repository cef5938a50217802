//! The widget's one state: the engine's session plus what the screen needs around it.

use std::rc::Rc;

use yew::{Callback, Reducible};

use super::events::WidgetEvent;
use super::qr::QrCodes;

use crate::flow::{Answer, Config, Node, Refusal, Screen, Session};
use crate::i18n::Strings;

/// Everything the widget shows, in one value that only [`Action`]s change.
#[derive(Clone, Debug)]
pub struct State {
    /// One person's walk through the flow.
    pub session: Session,
    /// The page's settings (organisation, helpdesk).
    pub config: Rc<Config>,
    /// The interface words.
    pub strings: &'static Strings,
    /// The answer being put together on the current screen (the option chosen, the text
    /// typed), sent by Continue. Each new screen starts from the answer the session remembers.
    pub draft: Option<Answer>,
    /// Why the last answer was refused, shown on the current screen.
    pub refusal: Option<Refusal>,
    /// The last copy on this screen: its handoff action, and whether the clipboard took the
    /// text (or the text was selected for the person to copy).
    pub copied: Option<(&'static str, bool)>,
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
    /// Browser Back integration, when the page asked for it.
    pub history: Option<BrowserHistory>,
    /// The last screen change came from the browser's Back button.
    pub via_browser: bool,
    /// Kiosk mode, when the page is a shared help kiosk.
    pub kiosk: Option<Kiosk>,
    /// The QR codes drawn on this screen.
    pub qr_codes: QrCodes,
}

/// How a shared help kiosk behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kiosk {
    /// Seconds without input before "Are you still there?".
    pub idle_seconds: u32,
    /// Links may open; otherwise they are shown as text and QR codes.
    pub allow_navigation: bool,
}

/// The widget's entries in the browser's history: one per screen it moved forward to, all with
/// the page's own URL.
#[derive(Clone, Debug, Default)]
pub struct BrowserHistory {
    entries: Rc<std::cell::Cell<u32>>,
}

impl BrowserHistory {
    /// Adds an entry for a new screen.
    pub fn push(&self) {
        let pushed = web_sys::window()
            .and_then(|w| w.history().ok())
            .is_some_and(|h| h.push_state(&wasm_bindgen::JsValue::NULL, "").is_ok());
        if pushed {
            self.entries.set(self.entries.get() + 1);
        }
    }

    /// Whether the browser's Back would land on one of the widget's entries; if so, counts it
    /// as used.
    pub fn take(&self) -> bool {
        let n = self.entries.get();
        self.entries.set(n.saturating_sub(1));
        n > 0
    }

    /// Whether the widget has entries to go back through.
    pub fn has_entries(&self) -> bool {
        self.entries.get() > 0
    }
}

/// What a person can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave the start screen.
    Start,
    /// Choose an option of the current question.
    Choose(usize),
    /// Type into a field of the current screen: its index and the whole value.
    Type(usize, String),
    /// Send the current screen's answer.
    Continue,
    /// Go one screen back.
    Back,
    /// Change the answer of an earlier node (from "Check your answers").
    Change(usize),
    /// Confirm "Check your answers".
    Confirm,
    /// Forget everything and go to the start screen.
    Restart,
    /// Kiosk mode: show "Are you still there?" with the seconds left, or (`None`) hide it.
    Idle(Option<u32>),
    /// A copy button finished: its handoff action, and whether the clipboard took the text.
    Copied(&'static str, bool),
    /// The page changed its settings: keep the person's place, use the new ones.
    Configure(Rc<Config>, &'static Strings),
    /// The browser's Back button, with history integration on.
    BrowserBack,
}

impl State {
    /// A state on the start screen.
    pub fn new(
        session: Session,
        config: Rc<Config>,
        strings: &'static Strings,
        uid: Rc<str>,
        onevent: Callback<WidgetEvent>,
        history: bool,
        kiosk: Option<Kiosk>,
    ) -> Self {
        State {
            draft: draft_for(&session),
            session,
            config,
            strings,
            refusal: None,
            copied: None,
            idle_left: None,
            screen_changes: 0,
            refusals: 0,
            revision: 0,
            uid,
            onevent,
            history: history.then(BrowserHistory::default),
            via_browser: false,
            kiosk,
            qr_codes: QrCodes::default(),
        }
    }

    /// Whether links are shown as text (and QR codes) instead of opening: a kiosk's visitors
    /// must not leave it.
    pub fn plain_links(&self) -> bool {
        self.kiosk.is_some_and(|k| !k.allow_navigation)
    }

    /// An element id unique to this widget.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.uid)
    }

    /// Every action but a draft edit, a copy's result or a countdown tick: each clears the last
    /// refusal.
    fn act(&mut self, action: Action) {
        self.refusal = None;
        self.via_browser = matches!(action, Action::BrowserBack);
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
            Action::Restart => {
                self.session.restart();
                self.idle_left = None;
            }
            Action::Configure(config, strings) => {
                self.config = config;
                self.strings = strings;
            }
            Action::Choose(_) | Action::Type(..) | Action::Copied(..) | Action::Idle(_) => {}
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
        if let Action::Configure(config, strings) = &action {
            if *config == self.config && *strings == self.strings {
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
            Action::Idle(left) => next.idle_left = left,
            action => next.act(action),
        }
        if next.session.screen() != before {
            next.screen_changes += 1;
            next.draft = draft_for(&next.session);
            next.copied = None;
            next.qr_codes = QrCodes::default();
        }
        next.revision += 1;
        Rc::new(next)
    }
}
