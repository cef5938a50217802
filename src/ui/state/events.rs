//! What the widget tells its host page, for the host's own analytics. Node ids and kinds only:
//! never an answer or anything a person typed. Each kind is an enum here and a fixed word on
//! the wire (`embed` puts [`ScreenKind::as_str`] and [`HandoffAction::as_str`] into the DOM
//! events' details), so host pages can rely on the words.

use crate::flow::{Node, OutcomeKind};

/// Something that happened in the widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WidgetEvent {
    /// A new screen is shown.
    Step {
        /// The node's id (empty on the start screen and the summary).
        node: String,
        /// What kind of screen it is.
        screen: ScreenKind,
        /// "Step N of at most M", where the screen has it.
        progress: Option<(usize, usize)>,
    },
    /// An outcome is shown.
    Outcome {
        /// The outcome's id.
        node: String,
        /// Its kind, such as `contact_helpdesk`.
        kind: OutcomeKind,
        /// The flow's id and version, to count outcomes per version of a flow.
        flow: FlowVersion,
    },
    /// The person answered "Did this fix it?" on a self-fix outcome.
    Resolved {
        /// The outcome's id.
        node: String,
        /// Yes (true) or No.
        fixed: bool,
        /// The flow's id and version.
        flow: FlowVersion,
    },
    /// The person used a handoff.
    Handoff {
        /// The outcome's id.
        node: String,
        /// What they did.
        action: HandoffAction,
    },
}

/// A flow's id and its version, as the flow file gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowVersion {
    /// The flow's id.
    pub id: String,
    /// Its version.
    pub version: String,
}

/// The kinds of screen a person sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenKind {
    /// What the flow is for, and Start.
    Start,
    /// A single-choice question.
    Question,
    /// A short form.
    Fields,
    /// An explanation with Continue.
    Info,
    /// "Check your answers", before a contact outcome.
    Review,
    /// The end of the flow.
    Outcome,
}

impl ScreenKind {
    /// The screen of a node.
    pub fn of_node(node: &Node) -> ScreenKind {
        match node {
            Node::Question(_) => ScreenKind::Question,
            Node::Fields(_) => ScreenKind::Fields,
            Node::Info(_) => ScreenKind::Info,
            Node::Outcome(_) => ScreenKind::Outcome,
        }
    }

    /// The word host pages receive (`troubleshooter:step`'s `screen`).
    pub fn as_str(self) -> &'static str {
        match self {
            ScreenKind::Start => "start",
            ScreenKind::Question => "question",
            ScreenKind::Fields => "fields",
            ScreenKind::Info => "info",
            ScreenKind::Review => "review",
            ScreenKind::Outcome => "outcome",
        }
    }
}

/// The ways a person can take an outcome's handoff with them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandoffAction {
    /// Opened the email in their mail app (the `mailto:` link).
    OpenEmail,
    /// Copied the email's text.
    CopyEmail,
    /// Downloaded the email as an `.eml` draft.
    DownloadEmail,
    /// Printed the outcome (a kiosk's ticket too).
    Print,
    /// Followed the `tel:` link.
    Call,
    /// Copied the phone script.
    CopyScript,
    /// Opened the chat with IT in Microsoft Teams.
    OpenTeams,
    /// Opened the helpdesk's ticket form.
    OpenTicket,
    /// Copied the subject and message for a ticket form.
    CopyTicket,
}

impl HandoffAction {
    /// The word host pages receive (`troubleshooter:handoff`'s `action`).
    pub fn as_str(self) -> &'static str {
        match self {
            HandoffAction::OpenEmail => "open-email",
            HandoffAction::CopyEmail => "copy-email",
            HandoffAction::DownloadEmail => "download-email",
            HandoffAction::Print => "print",
            HandoffAction::Call => "call",
            HandoffAction::CopyScript => "copy-script",
            HandoffAction::OpenTeams => "teams",
            HandoffAction::OpenTicket => "ticket",
            HandoffAction::CopyTicket => "copy-ticket",
        }
    }
}
