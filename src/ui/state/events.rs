//! What the widget tells its host page, for the host's own analytics. Node ids and kinds only:
//! never an answer or anything a person typed.

use std::cell::RefCell;
use std::rc::Rc;

use yew::Callback;

use super::state::Action;

/// Something that happened in the widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WidgetEvent {
    /// A new screen is shown.
    Step {
        /// The node's id (empty on the start screen and the summary).
        node: String,
        /// `start`, `question`, `fields`, `info`, `review` or `outcome`.
        screen: &'static str,
        /// "Step N of at most M", where the screen has it.
        progress: Option<(usize, usize)>,
    },
    /// An outcome is shown.
    Outcome {
        /// The outcome's id.
        node: String,
        /// Its kind, such as `contact_helpdesk`.
        kind: &'static str,
    },
    /// The person used a handoff: `open-email`, `copy-email`, `download-email`, `print`, `call`
    /// or `copy-script`.
    Handoff {
        /// The outcome's id.
        node: String,
        /// What they did.
        action: &'static str,
    },
}

/// A way for the page to act on a mounted widget (Start again from outside, say).
#[derive(Clone, Default)]
pub struct Control(Rc<RefCell<Option<Callback<Action>>>>);

impl Control {
    /// Connects the widget's dispatcher.
    pub fn connect(&self, dispatch: Callback<Action>) {
        *self.0.borrow_mut() = Some(dispatch);
    }

    /// Sends an action, if a widget is connected.
    pub fn send(&self, action: Action) {
        let dispatch = self.0.borrow().clone();
        if let Some(dispatch) = dispatch {
            dispatch.emit(action);
        }
    }
}

impl PartialEq for Control {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Control {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Control")
    }
}
