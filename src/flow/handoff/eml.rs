//! The email as an `.eml` draft: RFC 5322 headers, encoded as RFC 2047 words when they are not
//! short plain ASCII.

use super::base64;
use super::email::Email;
use crate::flow::config::one_line;

impl Email {
    /// The email as an `.eml` draft that Outlook and Thunderbird open ready to send.
    pub fn eml(&self) -> String {
        let mut out = String::new();
        if let Some(to) = &self.to {
            out.push_str(&header("To", to));
        }
        out.push_str(&header("Subject", &self.subject));
        // Outlook opens a message with X-Unsent as a draft to send rather than a received mail.
        out.push_str("X-Unsent: 1\r\nMIME-Version: 1.0\r\n");
        out.push_str(
            "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
        );
        out.push_str(&self.body());
        out.push_str("\r\n");
        out
    }
}

/// The longest line RFC 5322 (section 2.1.1) allows in a message, without its CRLF.
const MAX_LINE: usize = 998;

/// The most UTF-8 bytes in one RFC 2047 encoded word: 45 bytes are 60 base64 characters, and
/// with `=?UTF-8?B?` and `?=` the word is 72 characters, within the 75 that section 2 allows.
const WORD_BYTES: usize = 45;

/// A header line `Name: value` and its CRLF, the value on one line (control characters become
/// spaces, whatever the flow and the page gave). Plain ASCII that fits on one line is written as
/// it is. Anything else is RFC 2047 encoded words of whole characters, one per folded line: a
/// reader joins adjacent encoded words without the white space between them (section 6.2), so
/// the text is unchanged however long it is. ASCII with `=?` in it is encoded too, or a reader
/// could take that part for an encoded word.
fn header(name: &str, value: &str) -> String {
    let value = one_line(value);
    if value.is_ascii() && !value.contains("=?") && name.len() + 2 + value.len() <= MAX_LINE {
        return format!("{name}: {value}\r\n");
    }
    let mut words = Vec::new();
    let mut start = 0;
    for (i, c) in value.char_indices() {
        if i + c.len_utf8() - start > WORD_BYTES {
            words.push(&value[start..i]);
            start = i;
        }
    }
    words.push(&value[start..]);
    let words: Vec<String> = words
        .iter()
        .map(|w| format!("=?UTF-8?B?{}?=", base64::encode(w.as_bytes())))
        .collect();
    format!("{name}: {}\r\n", words.join("\r\n "))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::flow::handoff::email::sample as email;

    #[test]
    fn eml_is_a_draft_with_encoded_subject() {
        let mut e = email(&["Hello", "Bye"]);
        e.subject = "Réinitialisation MFA 🔑".into();
        let eml = e.eml();
        assert!(eml.starts_with("To: helpdesk@contoso.com\r\nSubject: =?UTF-8?B?"));
        assert!(eml.contains("X-Unsent: 1\r\n"));
        assert!(eml.ends_with("\r\n\r\nHello\r\nBye\r\n"));
        assert_eq!(base64::encode(b"Man"), "TWFu");
        // F1: a long subject is folded into encoded words of at most 75 characters, each of
        // whole characters, and a header line never passes 998.
        e.subject = "é".repeat(1_000);
        let eml = e.eml();
        let head = eml.split("\r\n\r\n").next().unwrap();
        assert!(head.split("\r\n").all(|line| line.len() <= 998));
        let words: Vec<&str> = head
            .split("\r\n")
            .skip(1)
            .take_while(|l| !l.starts_with("X-Unsent"))
            .map(|l| l.trim_start_matches("Subject: ").trim())
            .collect();
        assert_eq!(
            words.len(),
            1_000usize.div_ceil(22),
            "22 two-byte characters a word"
        );
        assert!(words
            .iter()
            .all(|w| w.len() <= 75 && w.starts_with("=?UTF-8?B?")));
        e.subject = format!("{} =?UTF-8?B?QQ==?=", "a".repeat(2_000));
        assert!(
            !e.eml().contains(" =?UTF-8?B?QQ==?="),
            "ASCII that looks encoded is encoded"
        );
        assert_eq!(base64::encode(b"Ma"), "TWE=");
        assert_eq!(base64::encode(b"M"), "TQ==");
    }
}
