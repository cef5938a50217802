//! The handoff panels: the email (preview, open, copy, download, print, and the page's Teams chat
//! and ticket form) and the phone script.

use yew::prelude::*;

use super::common::{panel, report_on_click};
use super::qr::qr_code;
use crate::flow::handoff::channels::Channel;
use crate::i18n;
use crate::ui::dom::{event_element, in_widget, print_only, select_contents, write_clipboard};
use crate::ui::state::{
    Action, EmailActions, EmailContent, HandoffAction, PhoneContent, StateHandle,
};

/// The prefilled email: a read-only preview and the ways to send it. `lang` is the email's
/// language when it is not the screens'.
pub fn email_panel(state: &StateHandle, content: &EmailContent, lang: Option<&AttrValue>) -> Html {
    let dir = lang.map(|l| i18n::dir(l));
    let strings = &state.settings.strings;
    let words = state.settings.words_lang();
    let email = &content.email;
    let body_id = state.id("email-body");
    let onprint = {
        let state = state.clone();
        Callback::from(move |e: MouseEvent| {
            let widget = event_element(&e);
            state.report_handoff(HandoffAction::Print);
            if let Some(widget) = widget {
                print_only(&widget);
            }
        })
    };
    let actions = match &content.actions {
        // On a shared kiosk the email leaves on the person's own phone.
        EmailActions::Kiosk { qr } => html! {
            <>
                if let Some(code) = qr {
                    <figure class="gt-qr-figure">
                        { qr_code(code, strings.qr_email()) }
                        <figcaption lang={words}>{ strings.qr_email() }</figcaption>
                    </figure>
                }
                <div class="gt-actions" lang={words}>
                    <button type="button" class="gt-button" part="button" onclick={onprint}>{ strings.print_ticket() }</button>
                </div>
            </>
        },
        EmailActions::Page {
            mailto,
            text,
            eml_href,
            channels,
            ticket_text,
        } => html! {
            <div class="gt-actions" lang={words}>
                if let Some(mailto) = mailto {
                    <a class="gt-button" part="button" href={mailto.clone()} onclick={report_on_click(state, HandoffAction::OpenEmail)}>{ strings.open_email() }</a>
                }
                // The helpdesk's own channels open beside the widget, so the person keeps it.
                { for channels.iter().map(|(channel, href)| {
                    let (label, action, class) = match channel {
                        Channel::Teams => (strings.open_teams(), HandoffAction::OpenTeams, "gt-button gt-channel-teams"),
                        Channel::Ticket => (strings.open_ticket(), HandoffAction::OpenTicket, "gt-button gt-channel-ticket"),
                    };
                    html! {
                        <a {class} part="button" href={href.clone()} target="_blank" rel="noopener noreferrer" onclick={report_on_click(state, action)}>
                            { label }<span class="gt-visually-hidden">{" "}{ strings.new_tab() }</span>
                        </a>
                    }
                }) }
                { copy_button(state, strings.copy_email(), text, &body_id, HandoffAction::CopyEmail) }
                { copy_button(state, strings.copy_ticket(), ticket_text, &body_id, HandoffAction::CopyTicket) }
                <a class="gt-button gt-button-secondary" part="button secondary" href={eml_href.clone()} download="helpdesk-email.eml" onclick={report_on_click(state, HandoffAction::DownloadEmail)}>{ strings.download_email() }</a>
                <button type="button" class="gt-button gt-button-secondary" part="button secondary" onclick={onprint}>{ strings.print() }</button>
            </div>
        },
    };
    let body = html! {
        <>
            if email.to.is_none() {
                <p class="gt-notice" lang={words}>{ strings.email_no_address() }</p>
            }
            <dl class="gt-email-preview">
                if let Some(to) = &email.to {
                    <dt lang={words}>{ strings.email_to() }</dt><dd><bdi>{ to.clone() }</bdi></dd>
                }
                <dt lang={words}>{ strings.email_subject() }</dt><dd class="gt-email-subject" lang={lang.cloned()} {dir}>{ email.subject.clone() }</dd>
                <dt lang={words}>{ strings.email_body() }</dt>
                <dd><pre class="gt-email-body" tabindex="0" id={body_id.clone()} lang={lang.cloned()} {dir}
                    aria-label={strings.email_body().to_owned()}>{ content.preview.clone() }</pre></dd>
            </dl>
            { actions }
        </>
    };
    panel(
        state,
        "gt-panel gt-email",
        "email-title",
        strings.email_title(),
        body,
    )
}

/// The phone script: the number to call, what to have ready, what to say. `lang` is the
/// script's language when it is not the screens'.
pub fn phone_panel(state: &StateHandle, content: &PhoneContent, lang: Option<&AttrValue>) -> Html {
    let dir = lang.map(|l| i18n::dir(l));
    let strings = &state.settings.strings;
    let words = state.settings.words_lang();
    let phone = &content.script;
    let script_id = state.id("phone-script");
    let body = html! {
        <>
            if let (Some(number), Some(tel)) = (&phone.number, &content.tel) {
                <p lang={words}><a class="gt-tel" href={tel.clone()} onclick={report_on_click(state, HandoffAction::Call)}>
                    { strings.phone_call().0 }<bdi>{ number.clone() }</bdi>{ strings.phone_call().1 }
                </a></p>
            } else if phone.helpdesk {
                <p class="gt-notice" lang={words}>{ strings.phone_no_number() }</p>
            }
            if !phone.prepare.is_empty() {
                <h4 class="gt-minor" lang={words}>{ strings.phone_prepare() }</h4>
                <ul lang={lang.cloned()} {dir}>{ for phone.prepare.iter().map(|l| html! { <li>{ l.clone() }</li> }) }</ul>
            }
            <h4 class="gt-minor" lang={words}>{ strings.phone_say() }</h4>
            <ol class="gt-script" id={script_id.clone()} tabindex="-1" lang={lang.cloned()} {dir}>
                { for phone.lines.iter().map(|l| html! { <li>{ l.clone() }</li> }) }
            </ol>
            if let Some(text) = &content.text {
                <div class="gt-actions" lang={words}>
                    { copy_button(state, strings.copy_script(), text, &script_id, HandoffAction::CopyScript) }
                </div>
            }
        </>
    };
    panel(
        state,
        "gt-panel gt-phone",
        "phone-title",
        &content.heading,
        body,
    )
}

/// A copy button: copies `text` to the clipboard and says so. Where the clipboard is not
/// available (an insecure page, a refused permission), it selects the element with the id
/// `fallback` and says how to copy it. `action` is the handoff event it sends to the host page
/// and tells this button's status from the others'.
fn copy_button(
    state: &StateHandle,
    label: &str,
    text: &str,
    fallback: &str,
    action: HandoffAction,
) -> Html {
    let oncopy = {
        let (state, text, fallback) = (state.clone(), text.to_owned(), fallback.to_owned());
        Callback::from(move |e: MouseEvent| {
            let fallback = in_widget(&e, &fallback);
            state.report_handoff(action);
            let (state, text) = (state.clone(), text.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let copied = write_clipboard(&text).await;
                if !copied {
                    if let Some(fallback) = fallback {
                        select_contents(&fallback);
                    }
                }
                state.dispatch(Action::Copied(action, copied));
            });
        })
    };
    let status = match state.copied {
        Some((done, true)) if done == action => state.settings.strings.copied(),
        Some((done, false)) if done == action => state.settings.strings.copy_fallback(),
        _ => "",
    };
    html! {
        <>
            <button type="button" class="gt-button gt-button-secondary" part="button secondary" onclick={oncopy}>{ label }</button>
            <span class="gt-copy-status" role="status">{ status }</span>
        </>
    }
}
