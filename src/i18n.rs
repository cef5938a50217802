//! Every word of the widget's own interface, so that translating it touches no component.
//! Flow text comes from the flow file and its translations instead.
//!
//! English is built in. Other languages are files a page downloads only when it uses them
//! (`src/i18n/<lang>.json`, copied to `lang/<lang>.json` beside troubleshooter.js): an object
//! of the keys below, each a text, or for counted texts an object of CLDR plural categories
//! (`one`, `other`; Arabic also `zero`, `two`, `few`, `many`), plus `language_names`.

use std::borrow::Cow;

#[cfg(not(target_arch = "wasm32"))]
use crate::flow::json::{self, Json};

/// One text of a table: plain, or one form per plural category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phrase {
    /// A text shown as it is.
    Text(Cow<'static, str>),
    /// `(category, text)` pairs, `other` among them.
    Counted(Cow<'static, [(Cow<'static, str>, Cow<'static, str>)]>),
}

impl Phrase {
    /// A plain text read from a language file.
    pub fn text(text: String) -> Phrase {
        Phrase::Text(Cow::Owned(text))
    }

    /// A counted text read from a language file: `(category, text)` pairs.
    pub fn counted(forms: Vec<(String, String)>) -> Phrase {
        Phrase::Counted(
            forms
                .into_iter()
                .map(|(c, t)| (Cow::Owned(c), Cow::Owned(t)))
                .collect(),
        )
    }
}

/// Declares the texts once: the keys of a language file (`KEYS`), the English table, and an
/// accessor for each. `plain` texts are shown as they are, `counted` ones take a number `{n}`
/// and a plural form, `template` ones are filled by the helpers below.
macro_rules! texts {
    (
        plain { $( $(#[doc = $pd:literal])* $plain:ident: $pen:literal, )* }
        counted { $( $(#[doc = $cd:literal])* $counted:ident: [$cone:literal, $cother:literal], )* }
        template { $( $(#[doc = $td:literal])* $template:ident: $ten:literal, )* }
    ) => {
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum Key { $($plain,)* $($counted,)* $($template,)* }

        /// The keys of a language file, in table order.
        pub const KEYS: &[&str] = &[$(stringify!($plain),)* $(stringify!($counted),)* $(stringify!($template),)*];

        /// The keys whose texts take a plural form.
        pub const COUNTED: &[&str] = &[$(stringify!($counted),)*];

        /// The English table, in the data of the module rather than built when a page loads.
        static ENGLISH: &[Phrase] = &[
            $(Phrase::Text(Cow::Borrowed($pen)),)*
            $(Phrase::Counted(Cow::Borrowed(&[
                (Cow::Borrowed("one"), Cow::Borrowed($cone)),
                (Cow::Borrowed("other"), Cow::Borrowed($cother)),
            ])),)*
            $(Phrase::Text(Cow::Borrowed($ten)),)*
        ];

        impl Strings {
            $( $(#[doc = $pd])* pub fn $plain(&self) -> &str { self.text(Key::$plain) } )*
            $( $(#[doc = $cd])* pub fn $counted(&self, n: u32) -> String { self.count(Key::$counted, n) } )*
        }
    };
}

texts! {
    plain {
        /// The start button.
        start: "Start now",
        /// On the start screen: answers stay on the device.
        privacy_note: "Your answers stay on this device. Nothing is sent unless you send it yourself.",
        /// The Back link.
        back: "Back",
        /// The button that answers a screen.
        proceed: "Continue",
        /// The link back to the start screen.
        start_again: "Start again",
        /// The heading of the list of problems on a screen.
        error_summary_title: "There is a problem",
        /// Before an error message, for screen readers.
        error_prefix: "Error:",
        /// A question answered with no option chosen.
        choose_one: "Choose one option",
        /// After the label of an optional field.
        optional: "(optional)",
        /// A required field left empty.
        field_missing: "Enter this information",
        /// A field that is not an email address.
        field_email: "Enter an email address like name@example.com",
        /// A field that is not a phone number.
        field_phone: "Enter a phone number like +1 555 0100",
        /// A field that is not a date or time.
        field_date_time: "Enter a date or time, like 3 May 09:15",
        /// A field that does not match its pattern (and the flow gives no message of its own).
        field_no_match: "Check what you typed",
        /// For a field that refuses one-time codes, when the value looks like one.
        field_code: "This looks like a code from your phone or the Authenticator app. Never type such codes here or share them. Enter what this box asks for",
        /// Under a field whose value looks like a password or a code.
        secret_warning: "This looks like a password or a code. It will not be put in the email or the script. Never share passwords or codes.",
        /// The heading of "Check your answers".
        check_title: "Check your answers",
        /// Above "Check your answers" when the outcome has an email and a phone script.
        check_intro: "These answers go into your email and phone script.",
        /// Above "Check your answers" when the outcome has a phone script but no email.
        check_intro_phone: "These answers go into your phone script.",
        /// Above "Check your answers" when the outcome has an email but no phone script.
        check_intro_email: "These answers go into your email.",
        /// Above "Check your answers" when the outcome hands nothing over.
        check_intro_none: "Check these answers before you go on.",
        /// The link that changes an answer.
        change: "Change",
        /// An optional field left empty, in "Check your answers".
        not_given: "Not given",
        /// The button that confirms "Check your answers".
        check_continue: "These are right, continue",
        /// The heading of an outcome's steps.
        steps_title: "What to do",
        /// The heading of the helpdesk email.
        email_title: "Email your helpdesk",
        /// The email's "To" label.
        email_to: "To",
        /// The email's "Subject" label.
        email_subject: "Subject",
        /// The email's message label.
        email_body: "Message",
        /// When the page sets no helpdesk email address.
        email_no_address: "No helpdesk email address is set up on this page. Copy or download the email and send it to your helpdesk.",
        /// The link that opens the email in the email app.
        open_email: "Open in email app",
        /// The button that copies the email.
        copy_email: "Copy email text",
        /// The link that downloads the email as an .eml file.
        download_email: "Download email",
        /// The print button.
        print: "Print",
        /// After a copy succeeded.
        copied: "Copied",
        /// When the clipboard cannot be used and the text is selected instead.
        copy_fallback: "Copying is not available here. The text is selected: press Ctrl+C (or Cmd+C) to copy it.",
        /// The heading of a helpdesk phone script shown beside an email.
        phone_title: "Or phone your helpdesk",
        /// The heading of a helpdesk phone script with no email beside it.
        phone_title_only: "Phone your helpdesk",
        /// The heading of a phone script for a vendor (such as Microsoft support), not the helpdesk.
        phone_title_vendor: "Your phone script",
        /// When the page sets no helpdesk phone number.
        phone_no_number: "No helpdesk phone number is set up on this page.",
        /// The heading of what to have ready for a call.
        phone_prepare: "Have this ready",
        /// The heading of the lines to say on a call.
        phone_say: "What to say",
        /// The button that copies the phone script.
        copy_script: "Copy script",
        /// The label of the reference (flow, version and path code).
        reference: "Reference",
        /// When a value that looked like a password or code was left out of the handoff.
        withheld: "Something you typed looked like a password or a code, so it was left out.",
        /// At the end of a mailto: link cut to fit.
        mailto_note: "(The rest of this message did not fit in the link. The full text is in the troubleshooter: copy or download it from there.)",
        /// The heading of a set-up problem shown instead of the flow.
        config_error_title: "This troubleshooter is not set up correctly",
        /// While the flow loads.
        loading: "Loading the troubleshooter…",
        /// The heading of the kiosk's inactivity prompt.
        idle_title: "Are you still there?",
        /// The button that keeps the kiosk session.
        idle_continue: "I'm still here",
        /// The kiosk's button that ends and clears the session.
        finish: "Finish and clear",
        /// Beside the QR code that carries the email.
        qr_email: "Scan with your phone's camera to open this email on your phone, then send it.",
        /// The heading of the kiosk's take-away links.
        links_title: "Take these links with you",
        /// After a link's words, for screen readers: it opens beside the widget.
        new_tab: "(opens in a new tab)",
        /// The kiosk's print button.
        print_ticket: "Print ticket",
        /// The question under a self-fix outcome's steps.
        fixed_question: "Did this fix it?",
        /// Its Yes button.
        fixed_yes: "Yes, it works now",
        /// Its No button.
        fixed_no: "No, it still does not work",
        /// After Yes.
        fixed_thanks: "Good. You do not need to do anything else.",
        /// After No, when the flow has no way on to IT.
        not_fixed_no_way: "Sorry this did not fix it. Ask your IT helpdesk for help.",
        /// The link that opens a chat with IT in Microsoft Teams, with the email as a draft.
        open_teams: "Chat with IT in Teams",
        /// The link that opens the helpdesk's ticket form, filled in.
        open_ticket: "Open a ticket",
        /// The button that copies the subject and the message, for any ticket form.
        copy_ticket: "Copy ticket text",
    }
    counted {
        /// Under the flow's summary: about how long it takes.
        start_minutes: ["It takes about {n} minute.", "It takes about {n} minutes."],
        /// A field longer than its limit.
        field_too_long: ["Use {n} character or fewer", "Use {n} characters or fewer"],
        /// The kiosk's inactivity prompt: the screen clears in N seconds.
        idle_text: ["To keep your answers private, this screen clears in {n} second.", "To keep your answers private, this screen clears in {n} seconds."],
    }
    template {
        /// The progress line: step N of at most M.
        step_of: "Step {n} of at most {m}",
        /// The link that calls a number.
        phone_call: "Call {number}",
        /// At the end of an email cut to fit a QR code.
        qr_note: "(Shortened to fit the QR code. Reference: {reference}. The full text is on the printed ticket.)",
        /// In the helpdesk's email and script: the language the person used (`{language}`, a name
        /// from `language_names`), so that the helpdesk can answer in it.
        handoff_language: "The person used the troubleshooter in {language}.",
    }
}

/// The interface words of one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strings {
    /// The language tag.
    pub lang: Cow<'static, str>,
    texts: Cow<'static, [Phrase]>,
    /// Names of languages in this one, by tag, for the handoff's language line.
    names: Cow<'static, [(Cow<'static, str>, Cow<'static, str>)]>,
}

/// The interface languages: English is built in, the others are downloaded when used.
pub const LANGUAGES: [&str; 4] = ["en", "de", "es", "ar"];

/// The primary language subtag of a BCP 47 tag, lower-cased: `de-AT` -> `de`.
pub fn primary(tag: &str) -> String {
    tag.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// `rtl` for a language written right to left, else `ltr`: the `dir` of an element in it.
pub fn dir(tag: &str) -> &'static str {
    match primary(tag).as_str() {
        "ar" | "he" | "fa" | "ur" | "ps" | "yi" | "dv" | "ckb" => "rtl",
        _ => "ltr",
    }
}

impl Strings {
    /// English, built in.
    pub fn english() -> Strings {
        static NAMES: &[(Cow<str>, Cow<str>)] = &[
            (Cow::Borrowed("en"), Cow::Borrowed("English")),
            (Cow::Borrowed("de"), Cow::Borrowed("German")),
            (Cow::Borrowed("es"), Cow::Borrowed("Spanish")),
            (Cow::Borrowed("ar"), Cow::Borrowed("Arabic")),
        ];
        Strings {
            lang: Cow::Borrowed("en"),
            texts: Cow::Borrowed(ENGLISH),
            names: Cow::Borrowed(NAMES),
        }
    }

    /// A language's words, `texts` in the order of [`KEYS`] (as the widget's lang.js reads
    /// them from a language file), and its names of languages as `(tag, name)`.
    pub fn new(lang: &str, texts: Vec<Phrase>, names: Vec<(String, String)>) -> Strings {
        Strings {
            lang: Cow::Owned(lang.to_owned()),
            texts: Cow::Owned(texts),
            names: names
                .into_iter()
                .map(|(t, n)| (Cow::Owned(t), Cow::Owned(n)))
                .collect(),
        }
    }

    /// Reads a language file. It must have every key, with the same `{placeholders}` as the
    /// English text, and the plural categories its language needs; a file that does not is
    /// refused whole (the widget then speaks English and says why), so that no screen mixes
    /// languages. (In the widget, lang.js reads the file; this is for flowcheck and the tests,
    /// which check every file this way.)
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(lang: &str, text: &str) -> Result<Strings, String> {
        let english = Strings::english();
        let Ok(Json::Object(entries)) = json::parse(text) else {
            return Err("not a JSON object".into());
        };
        let mut texts: Vec<Option<Phrase>> = vec![None; KEYS.len()];
        let mut names = Vec::new();
        for (key, value) in entries {
            if key == "language_names" {
                let Json::Object(list) = value else {
                    return Err("`language_names`: not an object".into());
                };
                for (tag, name) in list {
                    let Json::String(name) = name else {
                        return Err(format!("`language_names.{tag}`: not a text"));
                    };
                    names.push((tag.into_owned(), name.into_owned()));
                }
                continue;
            }
            let Some(i) = KEYS.iter().position(|k| *k == key) else {
                return Err(format!("`{key}` is not a key of the interface"));
            };
            let phrase = match value {
                Json::String(s) => Phrase::text(s.into_owned()),
                Json::Object(forms) => Phrase::counted(
                    forms
                        .into_iter()
                        .map(|(c, v)| match v {
                            Json::String(v) => Ok((c.into_owned(), v.into_owned())),
                            _ => Err(format!("`{key}.{c}`: not a text")),
                        })
                        .collect::<Result<_, _>>()?,
                ),
                _ => return Err(format!("`{key}`: not a text")),
            };
            if !same_placeholders(&phrase, &english.texts[i]) {
                return Err(format!(
                    "`{key}`: its {{placeholders}} differ from the English text"
                ));
            }
            texts[i] = Some(phrase);
        }
        let texts = texts
            .into_iter()
            .zip(KEYS)
            .map(|(t, key)| t.ok_or_else(|| format!("`{key}` is missing")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Strings::new(lang, texts, names))
    }

    fn text(&self, key: Key) -> &str {
        match &self.texts[key as usize] {
            Phrase::Text(t) => t,
            Phrase::Counted(forms) => &forms[0].1,
        }
    }

    /// A counted text in the plural form the browser picks for `n`, with `n` in its digits.
    fn count(&self, key: Key, n: u32) -> String {
        let Phrase::Counted(forms) = &self.texts[key as usize] else {
            return self.text(key).to_owned();
        };
        let category = plural_category(&self.lang, n);
        let form = forms
            .iter()
            .find(|(c, _)| *c == category)
            .or_else(|| forms.iter().find(|(c, _)| c == "other"))
            .map_or("", |(_, t)| t);
        form.replace("{n}", &self.number(n))
    }

    /// `n` in this language's digits.
    pub fn number(&self, n: u32) -> String {
        format_number(&self.lang, n)
    }

    /// The progress line: step N of at most M.
    pub fn step_of(&self, n: usize, most: usize) -> String {
        self.text(Key::step_of)
            .replace("{n}", &self.number(n as u32))
            .replace("{m}", &self.number(most as u32))
    }

    /// The link that calls a number: its words before and after the number, which the view
    /// isolates so that its digit groups keep their order in a right-to-left line.
    pub fn phone_call(&self) -> (&str, &str) {
        let text = self.text(Key::phone_call);
        text.split_once("{number}").unwrap_or((text, ""))
    }

    /// At the end of an email cut to fit a QR code.
    pub fn qr_note(&self, reference: &str) -> String {
        self.text(Key::qr_note).replace("{reference}", reference)
    }

    /// The handoff's line that says which language the person used (`lang`, named in this
    /// language where it has a name for it, else by its tag).
    pub fn handoff_language(&self, lang: &str) -> String {
        let primary = primary(lang);
        let name = self
            .names
            .iter()
            .find(|(tag, _)| *tag == primary)
            .map_or(lang, |(_, name)| name);
        self.text(Key::handoff_language).replace("{language}", name)
    }

    /// `rtl` or `ltr`, as this language is written.
    pub fn dir(&self) -> &'static str {
        dir(&self.lang)
    }

    /// The heading of a phone script: for the helpdesk beside an email ("Or phone…"), for the
    /// helpdesk alone, or for a vendor, which is never called the helpdesk.
    pub fn phone_heading(&self, helpdesk: bool, with_email: bool) -> &str {
        match (helpdesk, with_email) {
            (true, true) => self.phone_title(),
            (true, false) => self.phone_title_only(),
            (false, _) => self.phone_title_vendor(),
        }
    }

    /// What "Check your answers" says the answers go into, by what the outcome hands over.
    pub fn check_intro_for(&self, email: bool, phone: bool) -> &str {
        match (email, phone) {
            (true, true) => self.check_intro(),
            (false, true) => self.check_intro_phone(),
            (true, false) => self.check_intro_email(),
            (false, false) => self.check_intro_none(),
        }
    }
}

/// The `{placeholders}` of a text, sorted, repeats kept (interface words and flow texts alike).
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    out.sort_unstable();
    out
}

#[cfg(not(target_arch = "wasm32"))]
fn same_placeholders(a: &Phrase, b: &Phrase) -> bool {
    let forms = |p: &Phrase| -> Vec<Vec<String>> {
        let all: Vec<&str> = match p {
            Phrase::Text(t) => vec![t],
            Phrase::Counted(forms) => forms.iter().map(|(_, t)| &**t).collect(),
        };
        all.iter()
            .map(|t| placeholders(t).into_iter().map(str::to_owned).collect())
            .collect()
    };
    let theirs = forms(b);
    // A plural form may leave out `{n}` (Arabic says "one second" in words); nothing else.
    forms(a).iter().all(|mine| {
        theirs
            .iter()
            .any(|t| t == mine || (t.iter().filter(|p| *p != "n").eq(mine.iter())))
    })
}

/// The CLDR plural category of the whole number `n` in `lang`, one of the widget's own
/// languages ([`LANGUAGES`]: a [`Strings`] is always in one of them); other languages get
/// English's. The browser's `Intl.PluralRules` says the same (tests/browser.rs checks), but its
/// first use on a page loads the locale's data: in a CPU profile of the first load, the largest
/// single cost before the first question.
pub fn plural_category(lang: &str, n: u32) -> &'static str {
    match (primary(lang).as_str(), n % 100) {
        ("ar", _) if n == 0 => "zero",
        ("ar", _) if n == 1 => "one",
        ("ar", _) if n == 2 => "two",
        ("ar", 3..=10) => "few",
        ("ar", 11..=99) => "many",
        ("ar", _) => "other",
        ("es", _) if n != 0 && n % 1_000_000 == 0 => "many",
        (_, _) if n == 1 => "one",
        _ => "other",
    }
}

/// `n` with Western digits (Arabic too, as Microsoft's ar-SA pages write them: see
/// docs/translations/ar.md) and the language's digit groups: 1,000 (en, ar), 1.000 (de), and in
/// Spanish only from five digits on (1000, 10.000), as `Intl.NumberFormat` writes them.
pub fn format_number(lang: &str, n: u32) -> String {
    let digits = n.to_string();
    let (separator, from) = match primary(lang).as_str() {
        "de" => ('.', 4),
        "es" => ('.', 5),
        _ => (',', 4),
    };
    if digits.len() < from {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}
