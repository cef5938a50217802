//! What a person (or the page) can do to the widget's state.

use std::rc::Rc;

use super::events::HandoffAction;
use crate::flow::ValidFlow;
use crate::ui::settings::Settings;

/// What a person can do, and what the page and the kiosk timer can do for them.
#[derive(Debug, Clone)]
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
    /// Answer "Did this fix it?" on a self-fix outcome. No goes on to IT where the flow says.
    Fixed(bool),
    /// Forget everything and go to the start screen.
    Restart,
    /// Kiosk mode: show "Are you still there?" with the seconds left, or (`None`) hide it.
    Idle(Option<u32>),
    /// A copy button finished: what it copied, and whether the clipboard took the text.
    Copied(HandoffAction, bool),
    /// The page changed its settings, or the language and with it the flow's translation:
    /// keep the person's place, use the new ones.
    Configure(Rc<Settings>, Rc<ValidFlow>),
    /// The browser's Back button, with history integration on.
    BrowserBack,
}
