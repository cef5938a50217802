//! What a person types: format checks, and the values that must never be sent.

use std::borrow::Cow;

use super::error::limits;
use super::model::{Field, Format};
use super::pattern::Pattern;

/// Why a typed value was not accepted. The widget words these from its string table; a
/// `pattern` field's own `error` text replaces [`FieldProblem::NoMatch`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldProblem {
    /// A required field is empty.
    Missing,
    /// Longer than the field accepts.
    TooLong {
        /// The most characters accepted.
        max: usize,
    },
    /// Not an email address.
    Email,
    /// Not a telephone number.
    Phone,
    /// Not a date or time.
    DateTime,
    /// Does not match the field's pattern.
    NoMatch,
    /// Looks like a one-time code, in a field that refuses them (`refuse_codes`).
    LooksLikeCode,
}

impl std::fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FieldProblem::Missing => f.write_str("it is required but empty"),
            FieldProblem::TooLong { max } => write!(f, "it is longer than {max} characters"),
            FieldProblem::Email => f.write_str("it is not an email address"),
            FieldProblem::Phone => f.write_str("it is not a telephone number"),
            FieldProblem::DateTime => f.write_str("it is not a date or time"),
            FieldProblem::NoMatch => f.write_str("it does not match the field's pattern"),
            FieldProblem::LooksLikeCode => f.write_str("it looks like a one-time code"),
        }
    }
}

/// Checks one value against its field. `pattern` is the field's compiled pattern, if any.
/// Returns the value as it is used in routes and texts: trimmed, with line breaks and other
/// control characters turned into spaces (so no value can add a header to an email), and cut
/// to a pattern's `value` group.
pub fn check(field: &Field, pattern: Option<&Pattern>, raw: &str) -> Result<String, FieldProblem> {
    let value: String = raw
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let max = field.max_length.unwrap_or(limits::DEFAULT_FIELD_LENGTH);
    if value.is_empty() {
        return if field.required {
            Err(FieldProblem::Missing)
        } else {
            Ok(value)
        };
    }
    if value.chars().count() > max {
        return Err(FieldProblem::TooLong { max });
    }
    if field.refuse_codes && looks_like_code(&value) {
        return Err(FieldProblem::LooksLikeCode);
    }
    // The checks read digits as ASCII, so that a person whose keyboard types Arabic-Indic
    // (or other) digits is understood; the value kept is what they typed.
    let plain = ascii_digits(&value);
    match field.format {
        Format::Text => Ok(value),
        Format::Email if is_email(&value) => Ok(value),
        Format::Email => Err(FieldProblem::Email),
        Format::Phone if is_phone(&plain) => Ok(value),
        Format::Phone => Err(FieldProblem::Phone),
        Format::DateTime if plain.chars().any(|c| c.is_ascii_digit()) => Ok(value),
        Format::DateTime => Err(FieldProblem::DateTime),
        Format::Pattern => match pattern {
            None => Ok(value),
            Some(pattern) => pattern
                .matched(&plain)
                .map(|found| same_part(&value, &plain, found))
                .ok_or(FieldProblem::NoMatch),
        },
    }
}

/// A plain email address check: what a person types as their own address or a helpdesk's.
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.rsplit_once('@') else {
        return false;
    };
    let atom = |c: char| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c);
    !local.is_empty()
        && local.len() <= 64
        && value.len() <= 254
        && local.chars().all(atom)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// A telephone number as people write it: digits, spaces, `+ - . ( )`, and 5 to 20 digits.
pub fn is_phone(value: &str) -> bool {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    (5..=20).contains(&digits)
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || " +-.()".contains(c))
        && value.chars().skip(1).all(|c| c != '+')
}

/// The `tel:` form of a telephone number: `+` and ASCII digits only.
pub fn tel_uri(phone: &str) -> String {
    let digits: String = ascii_digits(phone)
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{digits}")
}

/// Whether a value looks like a one-time code as Authenticator, text messages and hardware tokens
/// show them: six to eight digits alone, maybe split once by a space or a hyphen (`123 456`).
/// Any script's decimal digits count (`١٢٣٤٥٦` is a code too).
pub fn looks_like_code(value: &str) -> bool {
    let value = ascii_digits(value.trim());
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let separators = value.chars().filter(|c| matches!(c, ' ' | '-')).count();
    (6..=8).contains(&digits)
        && digits + separators == value.chars().count()
        && separators <= 1
        && !value.starts_with(['-', ' '])
        && !value.ends_with(['-', ' '])
}

/// Whether what a person typed into a field is kept out of every email, script, copy, download,
/// print and QR code. Free text is checked for passwords and codes; a pattern or date field only
/// for codes, since its shape (an ID, a timestamp) can look like a strong password; an email
/// address or a phone number is expected to be what it is.
pub fn is_secret(field: &Field, typed: &str) -> bool {
    match field.format {
        Format::Text => looks_secret(typed),
        Format::Pattern | Format::DateTime => looks_like_code(typed),
        Format::Email | Format::Phone => false,
    }
}

/// Whether a free-text value looks like a one-time code or a password, which must never be
/// put into an email or a script: six to eight digits alone (spaces allowed, as apps show
/// them), or one word of eight or more characters that mixes at least three of lower case,
/// upper case, digits and symbols.
pub fn looks_secret(value: &str) -> bool {
    if looks_like_code(value) {
        return true;
    }
    let value = &*ascii_digits(value);
    let compact: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    let one_word = !value.trim().contains(char::is_whitespace);
    if !one_word || compact.chars().count() < 8 || is_email(&compact) || compact.contains("://") {
        return false;
    }
    let classes = [
        compact.chars().any(|c| c.is_lowercase()),
        compact.chars().any(|c| c.is_uppercase()),
        compact.chars().any(|c| c.is_ascii_digit()),
        compact.chars().any(|c| !c.is_alphanumeric()),
    ];
    classes.iter().filter(|&&present| present).count() >= 3
}

/// The first code point of each run of ten Unicode decimal digits (general category Nd,
/// Unicode 15.0), in order: the digit's value is its distance from the zero before it.
const DIGIT_ZEROS: [u32; 68] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E950,
    0x1FBF0,
];

/// The value of a Unicode decimal digit of any script, such as `٣` (Arabic-Indic three).
pub fn decimal_digit(c: char) -> Option<u32> {
    let c = c as u32;
    let zero = DIGIT_ZEROS[..DIGIT_ZEROS.partition_point(|&z| z <= c)].last()?;
    (c - zero < 10).then(|| c - zero)
}

/// The text with every decimal digit written as its ASCII digit (`٠١٢` becomes `012`), and
/// nothing else changed: each character stays one character, so positions carry over.
pub fn ascii_digits(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match decimal_digit(c) {
            Some(d) => char::from(b'0' + d as u8),
            None => c,
        })
        .collect()
}

/// The part of `typed` at the place of `found` in `plain` (its [`ascii_digits`] form), so a
/// pattern's `value` group keeps the digits the person typed.
fn same_part(typed: &str, plain: &str, found: &str) -> String {
    let start = found.as_ptr() as usize - plain.as_ptr() as usize;
    let skip = plain[..start].chars().count();
    typed
        .chars()
        .skip(skip)
        .take(found.chars().count())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(format: Format, required: bool) -> Field {
        Field {
            id: "f".into(),
            label: "F".into(),
            hint: None,
            required,
            format,
            pattern: None,
            error: None,
            max_length: None,
            example: None,
            refuse_codes: false,
        }
    }

    #[test]
    fn checks_each_format() {
        let email = field(Format::Email, true);
        assert_eq!(
            check(&email, None, "  ada@contoso.com "),
            Ok("ada@contoso.com".into())
        );
        assert_eq!(check(&email, None, ""), Err(FieldProblem::Missing));
        assert_eq!(
            check(&email, None, "ada at contoso"),
            Err(FieldProblem::Email)
        );
        assert_eq!(
            check(&field(Format::Email, false), None, " "),
            Ok(String::new())
        );
        assert_eq!(
            check(&field(Format::Phone, true), None, "+1 (555) 0100"),
            Ok("+1 (555) 0100".into())
        );
        assert_eq!(
            check(&field(Format::Phone, true), None, "call me"),
            Err(FieldProblem::Phone)
        );
        assert_eq!(
            check(&field(Format::DateTime, true), None, "yesterday"),
            Err(FieldProblem::DateTime)
        );
        assert_eq!(
            check(&field(Format::DateTime, true), None, "3 May 09:15"),
            Ok("3 May 09:15".into())
        );
        let long = "x".repeat(201);
        assert_eq!(
            check(&field(Format::Text, true), None, &long),
            Err(FieldProblem::TooLong { max: 200 })
        );
    }

    #[test]
    fn a_pattern_keeps_its_value_group() {
        let code = Pattern::new(r"(?i)^(?:AADSTS)?(?<value>\d{5,7})$").unwrap();
        let f = field(Format::Pattern, false);
        assert_eq!(check(&f, Some(&code), "AADSTS50076"), Ok("50076".into()));
        assert_eq!(check(&f, Some(&code), "aadsts500121"), Ok("500121".into()));
        assert_eq!(check(&f, Some(&code), "AADSTS"), Err(FieldProblem::NoMatch));
        let unanchored = Pattern::new(r"\d+").unwrap();
        assert_eq!(
            check(&f, Some(&unanchored), "12ab"),
            Err(FieldProblem::NoMatch),
            "the whole value must match"
        );
    }

    #[test]
    fn line_breaks_become_spaces() {
        let f = field(Format::Text, true);
        assert_eq!(
            check(&f, None, "a\r\nBcc: x@evil"),
            Ok("a  Bcc: x@evil".into())
        );
    }

    #[test]
    fn spots_codes_and_passwords_but_not_ordinary_answers() {
        for secret in [
            "123456",
            "123 456",
            "12345678",
            "Hunter2!x",
            "s3cret-Pass",
            "Tr0ub4dor&3",
            "Summer2024",
        ] {
            assert!(looks_secret(secret), "{secret} should look secret");
        }
        for plain in [
            "12345",
            "123456789",
            "ada@contoso.com",
            "I reinstalled the app",
            "Outlook",
            "iPhone 15",
            "AADSTS50076",
            "https://x.example/A1",
        ] {
            assert!(!looks_secret(plain), "{plain} should not look secret");
        }
    }

    #[test]
    fn tel_uri_keeps_plus_and_digits() {
        assert_eq!(tel_uri("+1 (555) 010-0"), "tel:+15550100");
        assert_eq!(tel_uri("+٤٩ ٣٠ ١٢٣"), "tel:+4930123");
    }

    #[test]
    fn digits_of_every_script_are_read_as_ascii() {
        // The table is in order and each run is ten numeric characters (a typo in a zero
        // would break one of these).
        assert!(DIGIT_ZEROS.windows(2).all(|w| w[0] + 10 <= w[1]));
        for zero in DIGIT_ZEROS {
            for d in 0..10 {
                let c = char::from_u32(zero + d).unwrap();
                assert!(c.is_numeric(), "U+{:04X}", zero + d);
                assert_eq!(decimal_digit(c), Some(d));
            }
        }
        assert_eq!(ascii_digits("٠١٢٣٤٥٦٧٨٩ ۰۹ ०९ ０９"), "0123456789 09 09 09");
        for not_a_digit in ['²', '½', 'Ⅻ', '①', 'a', '٪', '\u{65F}', '\u{66A}'] {
            assert_eq!(decimal_digit(not_a_digit), None, "{not_a_digit}");
        }
        assert!(is_phone(&ascii_digits("+٤٩ (٣٠) ١٢٣٤٥")));
        let phone = field(Format::Phone, true);
        assert_eq!(
            check(&phone, None, "+٤٩ ٣٠ ١٢٣٤٥"),
            Ok("+٤٩ ٣٠ ١٢٣٤٥".into())
        );
        let when = field(Format::DateTime, true);
        assert_eq!(check(&when, None, "٣ مايو"), Ok("٣ مايو".into()));
        assert_eq!(check(&when, None, "أمس"), Err(FieldProblem::DateTime));
        assert!(looks_like_code("٤٨٢٩١٣") && looks_secret("٤٨٢ ٩١٣"));
        assert!(!looks_like_code("٤٨٢٩١") && !looks_like_code("١٢٣٤٥٦٧٨٩"));
    }
}
