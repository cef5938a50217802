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

/// An email to the helpdesk with these body lines, for the encoders' tests.
#[cfg(test)]
pub(super) fn sample(lines: &[&str]) -> Email {
    Email {
        to: Some("helpdesk@contoso.com".into()),
        subject: "MFA reset needed - ada@contoso.com".into(),
        lines: lines.iter().map(|l| l.to_string()).collect(),
    }
}
