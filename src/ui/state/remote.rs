//! The page's remote control of a mounted widget: how `restart()` in the page's JavaScript
//! reaches the reducer, which lives inside a Yew component the page cannot see.

use std::cell::RefCell;
use std::rc::Rc;

use yew::Callback;

use super::action::Action;

/// A way for the page to act on a mounted widget (Start again from outside, say). Mounting
/// makes one per element; the widget connects its dispatcher to it once it runs.
#[derive(Clone, Default)]
pub struct Remote(Rc<RefCell<Option<Callback<Action>>>>);

impl Remote {
    /// Connects the widget's dispatcher.
    pub fn connect(&self, dispatch: Callback<Action>) {
        *self.0.borrow_mut() = Some(dispatch);
    }

    /// Sends an action, if a widget is connected.
    pub fn send(&self, action: Action) {
        // The dispatcher is cloned out first: dispatching may render, and rendering may connect.
        let dispatch = self.0.borrow().clone();
        if let Some(dispatch) = dispatch {
            dispatch.emit(action);
        }
    }
}

impl PartialEq for Remote {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Remote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Remote")
    }
}
