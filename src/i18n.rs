//! Every word of the widget's own interface, one table per language, so that translating it
//! touches no component. Flow text comes from the flow file instead.

/// The interface words of one language.
#[derive(Debug)]
pub struct Strings {
    /// The language tag.
    pub lang: &'static str,
    /// The start button.
    pub start: &'static str,
    /// Under the flow's summary: about how long it takes.
    pub start_minutes: fn(u32) -> String,
    /// On the start screen: answers stay on the device.
    pub privacy_note: &'static str,
    /// The Back link.
    pub back: &'static str,
    /// The button that answers a screen.
    pub continue_: &'static str,
    /// The link back to the start screen.
    pub start_again: &'static str,
    /// The progress line: step N of at most M.
    pub step_of: fn(usize, usize) -> String,
    /// The heading of the list of problems on a screen.
    pub error_summary_title: &'static str,
    /// Before an error message, for screen readers.
    pub error_prefix: &'static str,
    /// A question answered with no option chosen.
    pub choose_one: &'static str,
    /// After the label of an optional field.
    pub optional: &'static str,
    /// A required field left empty.
    pub field_missing: &'static str,
    /// A field longer than its limit.
    pub field_too_long: fn(usize) -> String,
    /// A field that is not an email address.
    pub field_email: &'static str,
    /// A field that is not a phone number.
    pub field_phone: &'static str,
    /// A field that is not a date or time.
    pub field_date_time: &'static str,
    /// A field that does not match its pattern (and the flow gives no message of its own).
    pub field_no_match: &'static str,
    /// For a field that refuses one-time codes, when the value looks like one.
    pub field_code: &'static str,
    /// Under a field whose value looks like a password or a code.
    pub secret_warning: &'static str,
    /// The heading of "Check your answers".
    pub check_title: &'static str,
    /// Above "Check your answers" when the outcome has an email and a phone script.
    pub check_intro: &'static str,
    /// Above "Check your answers" when the outcome has a phone script but no email.
    pub check_intro_phone: &'static str,
    /// Above "Check your answers" when the outcome has an email but no phone script.
    pub check_intro_email: &'static str,
    /// Above "Check your answers" when the outcome hands nothing over.
    pub check_intro_none: &'static str,
    /// The link that changes an answer.
    pub change: &'static str,
    /// An optional field left empty, in "Check your answers".
    pub not_given: &'static str,
    /// The button that confirms "Check your answers".
    pub check_continue: &'static str,
    /// The heading of an outcome's steps.
    pub steps_title: &'static str,
    /// The heading of the helpdesk email.
    pub email_title: &'static str,
    /// The email's "To" label.
    pub email_to: &'static str,
    /// The email's "Subject" label.
    pub email_subject: &'static str,
    /// The email's message label.
    pub email_body: &'static str,
    /// When the page sets no helpdesk email address.
    pub email_no_address: &'static str,
    /// The link that opens the email in the email app.
    pub open_email: &'static str,
    /// The button that copies the email.
    pub copy_email: &'static str,
    /// The link that downloads the email as an .eml file.
    pub download_email: &'static str,
    /// The print button.
    pub print: &'static str,
    /// After a copy succeeded.
    pub copied: &'static str,
    /// When the clipboard cannot be used and the text is selected instead.
    pub copy_fallback: &'static str,
    /// The heading of a helpdesk phone script shown beside an email.
    pub phone_title: &'static str,
    /// The heading of a helpdesk phone script with no email beside it.
    pub phone_title_only: &'static str,
    /// The heading of a phone script for a vendor (such as Microsoft support), not the helpdesk.
    pub phone_title_vendor: &'static str,
    /// The link that calls a number.
    pub phone_call: fn(&str) -> String,
    /// When the page sets no helpdesk phone number.
    pub phone_no_number: &'static str,
    /// The heading of what to have ready for a call.
    pub phone_prepare: &'static str,
    /// The heading of the lines to say on a call.
    pub phone_say: &'static str,
    /// The button that copies the phone script.
    pub copy_script: &'static str,
    /// The label of the reference (flow, version and path code).
    pub reference: &'static str,
    /// When a value that looked like a password or code was left out of the handoff.
    pub withheld: &'static str,
    /// At the end of a mailto: link cut to fit.
    pub mailto_note: &'static str,
    /// The heading of a set-up problem shown instead of the flow.
    pub config_error_title: &'static str,
    /// While the flow loads.
    pub loading: &'static str,
    /// The heading of the kiosk's inactivity prompt.
    pub idle_title: &'static str,
    /// The kiosk's inactivity prompt: the screen clears in N seconds.
    pub idle_text: fn(u32) -> String,
    /// The button that keeps the kiosk session.
    pub idle_continue: &'static str,
    /// The kiosk's button that ends and clears the session.
    pub finish: &'static str,
    /// Beside the QR code that carries the email.
    pub qr_email: &'static str,
    /// At the end of an email cut to fit a QR code.
    pub qr_note: fn(&str) -> String,
    /// The heading of the kiosk's take-away links.
    pub links_title: &'static str,
    /// After a link's words, for screen readers: it opens beside the widget.
    pub new_tab: &'static str,
    /// The kiosk's print button.
    pub print_ticket: &'static str,
}

// One table per language, so the tag identifies it (function pointers cannot be compared).
impl PartialEq for Strings {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
    }
}

impl Eq for Strings {}

/// English.
pub const EN: Strings = Strings {
    lang: "en",
    start: "Start now",
    start_minutes: |m| if m == 1 { "It takes about 1 minute.".into() } else { format!("It takes about {m} minutes.") },
    privacy_note: "Your answers stay on this device. Nothing is sent unless you send it yourself.",
    back: "Back",
    continue_: "Continue",
    start_again: "Start again",
    step_of: |n, m| format!("Step {n} of at most {m}"),
    error_summary_title: "There is a problem",
    error_prefix: "Error:",
    choose_one: "Choose one option",
    optional: "(optional)",
    field_missing: "Enter this information",
    field_too_long: |max| format!("Use {max} characters or fewer"),
    field_email: "Enter an email address like name@example.com",
    field_phone: "Enter a phone number like +1 555 0100",
    field_date_time: "Enter a date or time, like 3 May 09:15",
    field_no_match: "Check what you typed",
    field_code: "This looks like a code from your phone or the Authenticator app. Never type or share those codes. Enter what this box asks for",
    secret_warning: "This looks like a password or a code. It will not be put in the email or the script. Never share passwords or codes.",
    check_title: "Check your answers",
    check_intro: "These answers go into your email and phone script.",
    check_intro_phone: "These answers go into your phone script.",
    check_intro_email: "These answers go into your email.",
    check_intro_none: "Check these answers before you go on.",
    change: "Change",
    not_given: "Not given",
    check_continue: "These are right, continue",
    steps_title: "What to do",
    email_title: "Email your helpdesk",
    email_to: "To",
    email_subject: "Subject",
    email_body: "Message",
    email_no_address: "No helpdesk email address is set up on this page. Copy or download the email and send it to your helpdesk.",
    open_email: "Open in email app",
    copy_email: "Copy email text",
    download_email: "Download email",
    print: "Print",
    copied: "Copied",
    copy_fallback: "Copying is not available here. The text is selected: press Ctrl+C (or Cmd+C) to copy it.",
    phone_title: "Or phone your helpdesk",
    phone_title_only: "Phone your helpdesk",
    phone_title_vendor: "Your phone script",
    phone_call: |n| format!("Call {n}"),
    phone_no_number: "No helpdesk phone number is set up on this page.",
    phone_prepare: "Have this ready",
    phone_say: "What to say",
    copy_script: "Copy script",
    reference: "Reference",
    withheld: "Something you typed looked like a password or a code, so it was left out.",
    mailto_note: "(The rest of this message did not fit in the link. The full text is in the troubleshooter: copy or download it from there.)",
    config_error_title: "This troubleshooter is not set up correctly",
    loading: "Loading the troubleshooter…",
    idle_title: "Are you still there?",
    idle_text: |n| format!("To keep your answers private, this screen clears in {n} seconds."),
    idle_continue: "I'm still here",
    finish: "Finish and clear",
    qr_email: "Scan with your phone's camera to open this email on your phone, then send it.",
    qr_note: |reference| format!("(Shortened to fit the QR code. Reference: {reference}. The full text is on the printed ticket.)"),
    links_title: "Take these links with you",
    new_tab: "(opens in a new tab)",
    print_ticket: "Print ticket",
};

impl Strings {
    /// The heading of a phone script: for the helpdesk beside an email ("Or phone…"), for the
    /// helpdesk alone, or for a vendor, which is never called the helpdesk.
    pub fn phone_heading(&self, helpdesk: bool, with_email: bool) -> &'static str {
        match (helpdesk, with_email) {
            (true, true) => self.phone_title,
            (true, false) => self.phone_title_only,
            (false, _) => self.phone_title_vendor,
        }
    }

    /// What "Check your answers" says the answers go into, by what the outcome hands over.
    pub fn check_intro_for(&self, email: bool, phone: bool) -> &'static str {
        match (email, phone) {
            (true, true) => self.check_intro,
            (false, true) => self.check_intro_phone,
            (true, false) => self.check_intro_email,
            (false, false) => self.check_intro_none,
        }
    }
}

/// The table for a language tag, falling back to English. The second value says whether the
/// language was found.
pub fn strings(lang: &str) -> (&'static Strings, bool) {
    let primary = lang.split('-').next().unwrap_or("").to_ascii_lowercase();
    match primary.as_str() {
        "en" => (&EN, true),
        _ => (&EN, false),
    }
}
