//! The filled-in email, which `mailto.rs` and `eml.rs` encode.

/// A filled-in email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    /// The helpdesk's address, when the page configured one.
    pub to: Option<String>,
    /// The subject line.
    pub subject: String,
    /// The body lines.
    pub lines: Vec<String>,
}
