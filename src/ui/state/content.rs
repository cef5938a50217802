//! What a screen shows that is worked out from the session and the settings rather than read
//! straight from the flow: an outcome's filled-in texts, its handoff (the email, its `mailto:`
//! and `.eml` links, the phone script and its `tel:` link), the links a kiosk hands over and
//! the QR codes of both. The state derives it when the screen or the settings change, never
//! while the screen is only drawn again: a kiosk's outcome is drawn every second while the idle
//! countdown runs, and encoding its QR codes was nearly all of that (about 10 ms for two codes,
//! against 0.5 ms for the rest of the screen). A new screen derives anew, so no code of an
//! earlier person's email outlives theirs.

use std::rc::Rc;

use yew::AttrValue;

use crate::flow::handoff::channels::{Channel, LinkIds};
use crate::flow::handoff::{encode, Email, PhoneScript, MAILTO_BUDGET};
use crate::flow::markup::{self, Block, Inline};
use crate::flow::model::Outcome;
use crate::flow::qr::MAX_QR_TEXT;
use crate::flow::{Handoff, Node, Screen, Session};
use crate::i18n::Strings;
use crate::ui::settings::Settings;

/// The derived content of the current screen.
#[derive(Debug, Clone, PartialEq)]
pub enum ScreenContent {
    /// A screen drawn straight from the flow and the session.
    Plain,
    /// "Check your answers": what its introduction says the answers go into, which follows
    /// what the outcome hands over (a vendor call has a script and no email).
    Review {
        /// The introduction.
        intro: String,
    },
    /// An outcome, everything it shows and hands over.
    Outcome(Rc<OutcomeContent>),
}

/// An outcome's filled-in texts and its handoff.
#[derive(Debug, PartialEq)]
pub struct OutcomeContent {
    /// Its explanation, with placeholders filled.
    pub body: Option<Vec<Block>>,
    /// The steps that apply to this person, filled in.
    pub steps: Vec<Vec<Inline>>,
    /// What a contact outcome hands over.
    pub handoff: Option<HandoffContent>,
    /// On a kiosk whose links do not open: the outcome's web links, each once, to take away
    /// by QR code.
    pub links: Vec<TakeAway>,
}

/// A contact outcome's handoff, ready to draw.
#[derive(Debug, PartialEq)]
pub struct HandoffContent {
    /// Flow id, version and path code.
    pub reference: String,
    /// Whether something typed was left out because it looked like a password or a code.
    pub withheld: bool,
    /// The prefilled email, when the outcome has one.
    pub email: Option<EmailContent>,
    /// The phone script, when the outcome has one.
    pub phone: Option<PhoneContent>,
    /// The language the email and the script are written in, when it is not the screens'
    /// (`handoff-lang`): their elements carry it, and its direction.
    pub lang: Option<AttrValue>,
    /// On a kiosk: the Teams chat and the ticket form the page set, shortened to fit a QR code,
    /// to take away like the outcome's links.
    pub take_away: Vec<TakeAway>,
}

/// The prefilled email and the ways to send it.
#[derive(Debug, PartialEq)]
pub struct EmailContent {
    /// The email (To, Subject, body lines).
    pub email: Email,
    /// The body as the read-only preview shows it.
    pub preview: String,
    /// What the person can do with it, which differs on a kiosk.
    pub actions: EmailActions,
}

/// The ways to send an email.
#[derive(Debug, PartialEq)]
pub enum EmailActions {
    /// On a shared kiosk the email leaves on the person's own phone: no mail app there, and
    /// nothing copied or downloaded for the next person to find. Only printing, and a QR code
    /// when the page set an address.
    Kiosk {
        /// A shorter email than a link holds, that carries the reference.
        qr: Option<QrImage>,
    },
    /// Open in the mail app, copy, download as a file, print.
    Page {
        /// The `mailto:` link, when the page set an address.
        mailto: Option<String>,
        /// To, Subject and body as one text, to copy.
        text: String,
        /// The `.eml` draft as a `data:` link, which downloads without script and without a
        /// network request.
        eml_href: String,
        /// The Teams chat and the ticket form the page set, prefilled with the same text.
        channels: Vec<(Channel, String)>,
        /// Subject and message as one text, for any ticket form.
        ticket_text: String,
    },
}

/// The phone script, ready to draw.
#[derive(Debug, PartialEq)]
pub struct PhoneContent {
    /// The script (the number, what to have ready, what to say).
    pub script: PhoneScript,
    /// Its heading, which follows whom it calls and whether an email is offered beside it.
    pub heading: String,
    /// The `tel:` link of the number, when there is one.
    pub tel: Option<String>,
    /// The script as numbered text, to copy; none on a kiosk, where nothing is copied.
    pub text: Option<String>,
}

/// A link to take away from a kiosk.
#[derive(Debug, PartialEq)]
pub struct TakeAway {
    /// The link's words.
    pub text: String,
    /// Its address.
    pub href: String,
    /// Its QR code, unless the address is too long for one.
    pub qr: Option<QrImage>,
}

/// A QR code as drawn: the side of its `viewBox` and its SVG path (cheap to clone into each
/// render).
#[derive(Debug, Clone, PartialEq)]
pub struct QrImage {
    /// The side of the `viewBox`, quiet zone included.
    pub view: usize,
    /// The dark modules.
    pub path: AttrValue,
}

impl QrImage {
    /// The code of a text, or none when the text is too long for one (or there is no encoder).
    fn of(settings: &Settings, text: &str) -> Option<QrImage> {
        settings.qr.of(text).map(|(view, path)| QrImage {
            view,
            path: path.into(),
        })
    }
}

impl ScreenContent {
    /// The content of the session's current screen under these settings.
    pub fn derive(session: &Session, settings: &Settings) -> ScreenContent {
        match session.screen() {
            // What the outcome hands over is in the node: no need to fill its texts to know.
            Screen::Review(node) => {
                let (email, phone) = match session.flow().node(node) {
                    Node::Outcome(o) => (o.email.is_some(), o.phone.is_some()),
                    _ => (false, false),
                };
                let intro = settings.strings.check_intro_for(email, phone).to_owned();
                ScreenContent::Review { intro }
            }
            Screen::Outcome(node) => match session.flow().node(node) {
                Node::Outcome(outcome) => ScreenContent::Outcome(Rc::new(OutcomeContent::derive(
                    session, settings, outcome,
                ))),
                _ => ScreenContent::Plain,
            },
            Screen::Start | Screen::Node(_) => ScreenContent::Plain,
        }
    }
}

impl OutcomeContent {
    fn derive(session: &Session, settings: &Settings, outcome: &Outcome) -> OutcomeContent {
        let config = &settings.config;
        let steps = session.rich_lines(&outcome.steps, config);
        let body = outcome.body.as_deref().map(|b| session.rich(b, config));
        let mut links: Vec<TakeAway> = Vec::new();
        if settings.plain_links() {
            let runs = body
                .iter()
                .flatten()
                .flat_map(markup::block_runs)
                .chain(steps.iter().flatten());
            for run in runs {
                if let Inline::Link { text, href } = run {
                    if href.starts_with("https:") && !links.iter().any(|l| l.href == *href) {
                        links.push(TakeAway {
                            text: text.clone(),
                            href: href.clone(),
                            qr: QrImage::of(settings, href),
                        });
                    }
                }
            }
        }
        let ids = (session.flow().flow().id.as_str(), outcome.id.as_str());
        let mut handoff = match &settings.handoff {
            // In the helpdesk's language: the same answers in the flow's translation into it,
            // and a line that says which language the person read.
            Some(other) => Session::restore(Rc::clone(&other.flow), &session.snapshot())
                .and_then(|s| Handoff::for_session(&s, config))
                .map(|mut h| {
                    if let Some(email) = &mut h.email {
                        email.lines.push(String::new());
                        email
                            .lines
                            .push(other.strings.handoff_language(&settings.lang));
                    }
                    let mut content = HandoffContent::derive(h, settings, &other.strings, ids);
                    content.lang = Some(other.flow.flow().language.clone().into());
                    content
                }),
            None => Handoff::for_session(session, config)
                .map(|h| HandoffContent::derive(h, settings, &settings.strings, ids)),
        };
        if let Some(handoff) = &mut handoff {
            links.append(&mut handoff.take_away);
        }
        OutcomeContent {
            body,
            steps,
            handoff,
            links,
        }
    }
}

impl HandoffContent {
    /// `strings` are in the handoff's language, which may not be the screens'; `(flow,
    /// outcome)` are the ids a ticket form may ask for.
    fn derive(
        handoff: Handoff,
        settings: &Settings,
        strings: &Strings,
        (flow, outcome): (&str, &str),
    ) -> HandoffContent {
        let with_email = handoff.email.is_some();
        let ids = LinkIds {
            reference: &handoff.reference,
            flow,
            outcome,
        };
        let note = strings.mailto_note();
        let mut take_away = Vec::new();
        let email = handoff.email.map(|email| {
            let actions = if settings.kiosk() {
                // A QR code holds less than a link: a shorter email that carries the reference.
                let qr = email.to.as_ref().and_then(|_| {
                    QrImage::of(
                        settings,
                        &email.mailto(MAX_QR_TEXT, &strings.qr_note(&handoff.reference)),
                    )
                });
                for (channel, href) in settings.channels.of(&email, &ids, note, MAX_QR_TEXT) {
                    take_away.push(TakeAway {
                        text: match channel {
                            Channel::Teams => settings.strings.open_teams(),
                            Channel::Ticket => settings.strings.open_ticket(),
                        }
                        .to_owned(),
                        qr: QrImage::of(settings, &href),
                        href,
                    });
                }
                EmailActions::Kiosk { qr }
            } else {
                EmailActions::Page {
                    mailto: email.to.as_ref().map(|_| email.mailto(MAILTO_BUDGET, note)),
                    text: email.text(),
                    eml_href: format!("data:message/rfc822;charset=utf-8,{}", encode(&email.eml())),
                    channels: settings.channels.of(&email, &ids, note, usize::MAX),
                    ticket_text: email.ticket_text(),
                }
            };
            EmailContent {
                preview: email.lines.join("\n"),
                email,
                actions,
            }
        });
        let phone = handoff.phone.map(|script| PhoneContent {
            // The person reads the heading; the script below it is for the call.
            heading: settings
                .strings
                .phone_heading(script.helpdesk, with_email)
                .to_owned(),
            tel: script.tel(),
            text: (!settings.kiosk()).then(|| script.text()),
            script,
        });
        HandoffContent {
            withheld: !handoff.withheld.is_empty(),
            reference: handoff.reference,
            email,
            phone,
            lang: None,
            take_away,
        }
    }
}
