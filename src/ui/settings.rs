//! How the page set the widget up, as one value. The attribute parser (`embed::settings::read`)
//! makes it and mounting hands it, unchanged and behind an `Rc`, through `Root` and
//! `App` to the reducer state, which every view reads. A new setting is a field here,
//! filled by the parser and read where it is used; nothing in between repacks it.
//!
//! Pure data with no browser APIs, so the parser that fills it is tested natively.

use std::rc::Rc;

use crate::flow::handoff::channels::{Channel, LinkIds};
use crate::flow::handoff::Email;
use crate::flow::{Config, ValidFlow};
use crate::i18n::Strings;

/// Everything the page's attributes say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Which flow to run. Mounting loads it; the widget itself is given the loaded flow.
    pub flow: FlowChoice,
    /// The page's organisation and helpdesk details, for the flow's placeholders.
    pub config: Config,
    /// The languages the page asks for, best first: the element's `lang` (a list), else its
    /// nearest ancestor's, or with `lang="auto"` the browser's (troubleshooter.js reads those).
    pub languages: Vec<String>,
    /// The helpdesk's language (`handoff-lang`), when the page sets one.
    pub handoff_lang: Option<String>,
    /// The language of the screens, chosen by mounting from `languages` and what the flow has.
    pub lang: String,
    /// The interface words, in the language actually used.
    pub strings: Rc<Strings>,
    /// The email and script in the helpdesk's language, when it differs from the screens'.
    pub handoff: Option<HandoffLanguage>,
    /// Inline or kiosk.
    pub mode: Mode,
    /// Whether the browser's Back button steps back through the widget. Read when a flow starts:
    /// the widget's entries in the browser's history belong to that walk.
    pub history: bool,
    /// Kiosk mode: seconds without input before "Are you still there?".
    pub idle_seconds: u32,
    /// Kiosk mode: links may open (otherwise they are shown as text and a QR code).
    pub allow_navigation: bool,
    /// Inline mode: answers survive a reload of the same tab.
    pub persist: bool,
    /// Kiosk mode: draws QR codes, once mounting has loaded the encoder (none before, or if it
    /// did not load: links are then text only).
    pub qr: QrCodes,
    /// `support-teams` and `ticket-url` as the page wrote them: mounting loads the channels
    /// module to check them and make their links.
    pub channel_attributes: (Option<String>, Option<String>),
    /// Links to the helpdesk's Teams chat and ticket form beside the email, once loaded.
    pub channels: ChannelLinks,
}

/// A function from a module of its own that only some widgets load (qr/, channels/): `None`
/// before mounting has loaded it, or when it did not load. Made once per mount, so the pointer
/// says whether it changed.
pub struct OnDemand<F: ?Sized>(pub Option<Rc<F>>);

impl<F: ?Sized> Clone for OnDemand<F> {
    fn clone(&self) -> Self {
        OnDemand(self.0.clone())
    }
}

impl<F: ?Sized> Default for OnDemand<F> {
    fn default() -> Self {
        OnDemand(None)
    }
}

impl<F: ?Sized> PartialEq for OnDemand<F> {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

impl<F: ?Sized> Eq for OnDemand<F> {}

impl<F: ?Sized> std::fmt::Debug for OnDemand<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() { "loaded" } else { "none" })
    }
}

/// The QR encoder (qr/), which mounting loads for a widget in kiosk mode: only kiosks draw
/// codes.
pub type QrCodes = OnDemand<QrEncoder>;

/// A text to its code's `viewBox` side and the SVG path of its dark modules, or `None` when the
/// text does not fit in one.
pub type QrEncoder = dyn Fn(&str) -> Option<(usize, String)>;

impl QrCodes {
    /// The code of `text`, when there is an encoder and the text fits in one.
    pub fn of(&self, text: &str) -> Option<(usize, String)> {
        self.0.as_ref().and_then(|encode| encode(text))
    }
}

/// The helpdesk's own channels (channels/), which mounting loads when the page sets
/// `support-teams` or `ticket-url`.
pub type ChannelLinks = OnDemand<LinkMaker>;

/// An email's link on each channel the page set, each within its limit and within `cap`
/// (shortened with `note`, keeping the reference).
pub type LinkMaker = dyn Fn(&Email, &LinkIds, &str, usize) -> Vec<(Channel, String)>;

impl ChannelLinks {
    /// The links of an email, none when the page set no channel or they did not load.
    pub fn of(
        &self,
        email: &Email,
        ids: &LinkIds,
        note: &str,
        cap: usize,
    ) -> Vec<(Channel, String)> {
        self.0
            .as_ref()
            .map_or_else(Vec::new, |make| make(email, ids, note, cap))
    }
}

/// The flow and the interface words in the helpdesk's language.
#[derive(Debug, Clone)]
pub struct HandoffLanguage {
    /// The flow translated into it (same nodes, so a session's answers carry over).
    pub flow: Rc<ValidFlow>,
    /// The interface words, for the notes an email may carry.
    pub strings: Rc<Strings>,
}

// Made once per language by mounting: the pointers say whether it changed.
impl PartialEq for HandoffLanguage {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.flow, &other.flow) && Rc::ptr_eq(&self.strings, &other.strings)
    }
}

impl Eq for HandoffLanguage {}

/// Where the flow comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlowChoice {
    /// A flow built into the widget, by id.
    BuiltIn(String),
    /// A flow file at a URL of the page's origin.
    Url(String),
}

/// How the widget behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Part of an ordinary page.
    Inline,
    /// A shared help kiosk.
    Kiosk,
}

impl Settings {
    /// Whether the page is a shared help kiosk: nothing is copied or downloaded for the next
    /// person to find, and the visit ends with a full reset.
    pub fn kiosk(&self) -> bool {
        self.mode == Mode::Kiosk
    }

    /// The seconds without input before "Are you still there?", on a kiosk; `None` elsewhere,
    /// where the widget never resets on its own.
    pub fn idle_limit(&self) -> Option<u32> {
        self.kiosk().then_some(self.idle_seconds)
    }

    /// Whether links are shown as text (and QR codes) instead of opening: a kiosk's visitors
    /// must not leave it.
    pub fn plain_links(&self) -> bool {
        self.kiosk() && !self.allow_navigation
    }

    /// `Some("en")` when the interface words are the built-in English ones on screens in
    /// another language (a flow in a language the widget does not speak, or its words did not
    /// load): the `lang` of each element that holds them, so that a screen reader speaks them
    /// as English (and the stylesheet sets them left to right in a right-to-left widget).
    // Asked by every view that shows interface words: one copy of it, not one each.
    #[inline(never)]
    pub fn words_lang(&self) -> Option<&'static str> {
        (self.strings.lang == "en" && crate::i18n::primary(&self.lang) != "en").then_some("en")
    }
}
