//! The widget's entries in the browser's history, when the page turns on `history`.

use std::cell::Cell;
use std::rc::Rc;

use crate::ui::dom;

/// The widget's entries in the browser's history: one per screen it moved forward to, all with
/// the page's own URL. Shared by every copy of the state, since the browser's history is one.
#[derive(Clone, Debug, Default)]
pub struct BrowserHistory {
    entries: Rc<Cell<u32>>,
}

impl BrowserHistory {
    /// Adds an entry for a new screen.
    pub fn push(&self) {
        if dom::push_history_entry() {
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
