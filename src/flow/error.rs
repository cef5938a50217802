//! Errors a web team reads: where in the flow file, and what is wrong.

use std::fmt;

/// One problem in a flow file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowError {
    /// Where: a JSON path such as `nodes[4].options[1].next`, or `line 3, column 7` for a syntax
    /// error, or empty for the file as a whole.
    pub at: String,
    /// What is wrong, as a sentence.
    pub message: String,
}

impl FlowError {
    pub(crate) fn new(at: impl Into<String>, message: impl Into<String>) -> Self {
        FlowError {
            at: at.into(),
            message: message.into(),
        }
    }
}

impl FlowError {
    /// The error as `flowcheck` prints it for `file`: `file:path: what`, or `file: what` for the
    /// file as a whole. The widget lists a page's flow's errors the same way.
    pub fn in_file(&self, file: &str) -> String {
        if self.at.is_empty() {
            format!("{file}: {}", self.message)
        } else {
            format!("{file}:{self}")
        }
    }
}

impl fmt::Display for FlowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.at.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.at, self.message)
        }
    }
}

/// Limits that keep a flow small enough to load quickly on a slow phone and to walk safely.
pub mod limits {
    /// The largest flow file accepted, in bytes.
    pub const MAX_BYTES: usize = 4 * 1024 * 1024;
    /// The most nodes in one flow.
    pub const MAX_NODES: usize = 20_000;
    /// The most screens on any one path from start to an outcome.
    pub const MAX_DEPTH: usize = 1_000;
    /// The most options of a question, and routes of a node (each is one character of a
    /// reference code).
    pub const MAX_BRANCHES: usize = 35;
    /// The longest text a field accepts unless it says otherwise.
    pub const DEFAULT_FIELD_LENGTH: usize = 200;
    /// The most a field may be set to accept.
    pub const MAX_FIELD_LENGTH: usize = 2_000;
    /// The longest `pattern`, in characters. Patterns are for codes and ids; this keeps
    /// parsing them, and their character classes, small.
    pub const MAX_PATTERN_LENGTH: usize = 1_000;
    /// How deeply groups `(...)` may nest in a pattern. The parser recurses once per level, and
    /// the widget's stack is small.
    pub const MAX_PATTERN_NESTING: usize = 100;
    /// The most instructions one compiled pattern may have (a counted repetition copies its
    /// body). Matching takes at most this many steps per character typed.
    pub const MAX_PATTERN_PROGRAM: usize = 10_000;
    /// The most compile steps for all the patterns of a flow together: each instruction made
    /// counts, and so does each part of a pattern once per copy a repetition makes of it, even
    /// when it compiles to nothing (as in `(?:){1000}`). This bounds the time and memory of
    /// compiling a flow's patterns, and the instructions they hold, however many fields it has.
    pub const MAX_PATTERN_WORK: usize = 100_000;
    /// The most paths `flowcheck paths` lists.
    pub const MAX_PATHS: usize = 10_000;
    /// The most steps `flowcheck paths` takes to find them: each answer it tries, and each
    /// step of each path it lists. Past it the search stops and says so; outcomes not reached
    /// by then are reported as not reached before the limit, not as unreachable.
    pub const MAX_EXPLORE_STEPS: usize = 200_000;
}
