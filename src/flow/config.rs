//! What the embedding page says about itself: organisation and helpdesk details.

use super::fields::{is_email, is_phone};

/// The embedding page's settings that flow text can use as placeholders.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// `{org_name}`: the organisation, such as "Contoso".
    pub org_name: Option<String>,
    /// `{support_email}`: the helpdesk's address; also the email's To.
    pub support_email: Option<String>,
    /// `{support_phone}`: the helpdesk's number.
    pub support_phone: Option<String>,
    /// `{support_hours}`: when the helpdesk answers, such as "Mon-Fri 8:00-18:00".
    pub support_hours: Option<String>,
}

/// Placeholder names that always have a meaning, besides field and question ids.
pub const PLACEHOLDERS: [&str; 6] = [
    "org_name",
    "support_email",
    "support_phone",
    "support_hours",
    "reference",
    "flow_title",
];

/// A setting that was given but is not usable, for the web team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    /// The attribute's name, such as `support-email`.
    pub attribute: &'static str,
    /// What is wrong.
    pub message: String,
}

impl Config {
    /// Builds a configuration, dropping (and reporting) values that cannot be used: an
    /// address that is not an email address, a number that is not a phone number.
    pub fn new(
        org_name: Option<String>,
        support_email: Option<String>,
        support_phone: Option<String>,
        support_hours: Option<String>,
    ) -> (Config, Vec<ConfigProblem>) {
        // Settings go into email headers and texts: a line break (or any control character)
        // in an attribute must not start a new header, so each becomes a space, as in what
        // people type (`fields::check`).
        let clean = |v: Option<String>| {
            v.map(|v| one_line(&v).trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let mut problems = Vec::new();
        let support_email = clean(support_email).filter(|email| {
            let ok = is_email(email) && email.is_ascii();
            if !ok {
                problems.push(ConfigProblem {
                    attribute: "support-email",
                    message: format!(
                        "`{email}` is not an email address such as helpdesk@example.com"
                    ),
                });
            }
            ok
        });
        let support_phone = clean(support_phone).filter(|phone| {
            let ok = is_phone(phone);
            if !ok {
                problems.push(ConfigProblem {
                    attribute: "support-phone",
                    message: format!("`{phone}` is not a telephone number such as +1 555 0100"),
                });
            }
            ok
        });
        let config = Config {
            org_name: clean(org_name),
            support_email,
            support_phone,
            support_hours: clean(support_hours),
        };
        (config, problems)
    }

    /// The value of a configuration placeholder, if set.
    pub fn get(&self, name: &str) -> Option<&str> {
        match name {
            "org_name" => self.org_name.as_deref(),
            "support_email" => self.support_email.as_deref(),
            "support_phone" => self.support_phone.as_deref(),
            "support_hours" => self.support_hours.as_deref(),
            _ => None,
        }
    }
}

/// Whether a character is one nobody sees that can still break a line, a header or a terminal:
/// a control character (C0, DEL, C1 such as NEL) or a Unicode line or paragraph separator.
pub fn is_unseen_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// The text with control characters and Unicode line and paragraph separators turned into
/// spaces.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if is_unseen_control(c) { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_good_values_and_reports_bad_ones() {
        let (config, problems) = Config::new(
            Some(" Contoso ".into()),
            Some("helpdesk@contoso.com?cc=x".into()),
            Some("+1 555 0100".into()),
            Some("".into()),
        );
        assert_eq!(config.org_name.as_deref(), Some("Contoso"));
        assert_eq!(config.support_email, None);
        assert_eq!(config.support_phone.as_deref(), Some("+1 555 0100"));
        assert_eq!(config.support_hours, None);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].attribute, "support-email");
    }
}
