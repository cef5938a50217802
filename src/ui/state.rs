//! The widget's one state: the engine's session plus what the screen needs around it.

use std::rc::Rc;

use yew::{Callback, Reducible};

use super::events::WidgetEvent;

use crate::flow::{Answer, Config, Refusal, Session};
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
    /// Why the last answer was refused, shown on the current screen.
    pub refusal: Option<Refusal>,
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
    /// Answer the current screen.
    Answer(Answer),
    /// Go one screen back.
    Back,
    /// Change the answer of an earlier node (from "Check your answers").
    Change(usize),
    /// Confirm "Check your answers".
    Confirm,
    /// Forget everything and go to the start screen.
    Restart,
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
            session,
            config,
            strings,
            refusal: None,
            screen_changes: 0,
            refusals: 0,
            revision: 0,
            uid,
            onevent,
            history: history.then(BrowserHistory::default),
            via_browser: false,
            kiosk,
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
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision && Rc::ptr_eq(&self.uid, &other.uid)
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
        next.refusal = None;
        next.via_browser = matches!(action, Action::BrowserBack);
        match action {
            Action::Start => next.session.start(),
            Action::Answer(answer) => {
                next.refusal = next.session.answer(answer).err();
                next.refusals += u32::from(next.refusal.is_some());
            }
            Action::Back | Action::BrowserBack => {
                next.session.back();
            }
            Action::Change(node) => {
                next.session.change(node);
            }
            Action::Confirm => {
                next.session.confirm();
            }
            Action::Restart => next.session.restart(),
            Action::Configure(config, strings) => {
                next.config = config;
                next.strings = strings;
            }
        }
        if next.session.screen() != before {
            next.screen_changes += 1;
        }
        next.revision += 1;
        Rc::new(next)
    }
}
