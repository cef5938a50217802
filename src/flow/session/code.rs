//! The path code of the reference a helpdesk sees. Each node's part is recorded by
//! `Session::advance` as the node is left, from the routes it took then, so the code is never
//! worked out again by replaying the walk.

/// Up to three characters of the path code: the option chosen, the option's route and the
/// node's route (`0` for none), as ASCII; unused places are 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Code([u8; 3]);

impl Code {
    /// Adds a character in the first unused place (a fourth is dropped: none is ever made).
    pub(super) fn push(&mut self, c: char) {
        if let Some(slot) = self.0.iter_mut().find(|b| **b == 0) {
            *slot = c as u8;
        }
    }

    /// The characters used, in order.
    pub(super) fn chars(self) -> impl Iterator<Item = char> {
        self.0.into_iter().filter(|&b| b != 0).map(char::from)
    }
}
