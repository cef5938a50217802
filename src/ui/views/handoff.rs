//! The handoff panels: the email (preview, open, copy, download, print) and the phone script.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRoot};
use yew::prelude::*;

use super::common::{handoff_used, in_widget, panel};
use super::qr::qr_code;
use super::state::Action;
use super::StateHandle;
use crate::flow::handoff::{encode, Email, PhoneScript, MAILTO_BUDGET};
use crate::flow::qr::MAX_QR_TEXT;

/// The prefilled email: a read-only preview and the ways to send it. `reference` is the
/// handoff's, kept when the email is shortened for a QR code.
pub fn email_panel(state: &StateHandle, email: &Email, reference: &str) -> Html {
    let strings = state.strings;
    let body_id = state.id("email-body");
    let onprint = {
        let used = handoff_used(state, "print");
        Callback::from(move |e: MouseEvent| {
            let widget = e.target().and_then(|t| t.dyn_into::<Element>().ok());
            used.emit(e);
            if let Some(widget) = widget {
                print_only(&widget);
            }
        })
    };
    let body = html! {
        <>
            if email.to.is_none() {
                <p class="gt-notice">{ strings.email_no_address }</p>
            }
            <dl class="gt-email-preview">
                if let Some(to) = &email.to {
                    <dt>{ strings.email_to }</dt><dd>{ to.clone() }</dd>
                }
                <dt>{ strings.email_subject }</dt><dd class="gt-email-subject">{ email.subject.clone() }</dd>
                <dt>{ strings.email_body }</dt>
                <dd><pre class="gt-email-body" tabindex="0" id={body_id.clone()}
                    aria-label={strings.email_body}>{ email.lines.join("\n") }</pre></dd>
            </dl>
            if state.kiosk.is_some() {
                { kiosk_email_actions(state, email, reference, onprint) }
            } else {
                { email_actions(state, email, &body_id, onprint) }
            }
        </>
    };
    panel(
        state,
        "gt-panel gt-email",
        "email-title",
        strings.email_title,
        body,
    )
}

/// On a shared kiosk the email leaves on the person's own phone: no mail app here, and nothing
/// copied or downloaded for the next person to find.
fn kiosk_email_actions(
    state: &StateHandle,
    email: &Email,
    reference: &str,
    onprint: Callback<MouseEvent>,
) -> Html {
    let strings = state.strings;
    // A QR code holds less than a link: a shorter email that carries the reference.
    let qr = email.to.as_ref().map(|_| {
        qr_code(
            state,
            &email.mailto(MAX_QR_TEXT, &(strings.qr_note)(reference)),
            strings.qr_email,
        )
    });
    html! {
        <>
            if let Some(qr) = qr {
                <figure class="gt-qr-figure">
                    { qr }
                    <figcaption>{ strings.qr_email }</figcaption>
                </figure>
            }
            <div class="gt-actions">
                <button type="button" class="gt-button" part="button" onclick={onprint}>{ strings.print_ticket }</button>
            </div>
        </>
    }
}

/// Open in the mail app, copy, download as a file, print.
fn email_actions(
    state: &StateHandle,
    email: &Email,
    body_id: &str,
    onprint: Callback<MouseEvent>,
) -> Html {
    let strings = state.strings;
    let mailto = email
        .to
        .as_ref()
        .map(|_| email.mailto(MAILTO_BUDGET, strings.mailto_note));
    // A data: link downloads without script and without a network request.
    let eml_href = format!("data:message/rfc822;charset=utf-8,{}", encode(&email.eml()));
    html! {
        <div class="gt-actions">
            if let Some(mailto) = mailto {
                <a class="gt-button" part="button" href={mailto} onclick={handoff_used(state, "open-email")}>{ strings.open_email }</a>
            }
            { copy_button(state, strings.copy_email, email.text(), body_id, "copy-email") }
            <a class="gt-button gt-button-secondary" part="button secondary" href={eml_href} download="helpdesk-email.eml" onclick={handoff_used(state, "download-email")}>{ strings.download_email }</a>
            <button type="button" class="gt-button gt-button-secondary" part="button secondary" onclick={onprint}>{ strings.print }</button>
        </div>
    }
}

/// The phone script: the number to call, what to have ready, what to say. `with_email` says
/// whether an email is offered beside it, which the heading follows.
pub fn phone_panel(state: &StateHandle, phone: &PhoneScript, with_email: bool) -> Html {
    let strings = state.strings;
    let script_id = state.id("phone-script");
    let body = html! {
        <>
            if let (Some(number), Some(tel)) = (&phone.number, phone.tel()) {
                <p><a class="gt-tel" href={tel} onclick={handoff_used(state, "call")}>{ (strings.phone_call)(number) }</a></p>
            } else if phone.helpdesk {
                <p class="gt-notice">{ strings.phone_no_number }</p>
            }
            if !phone.prepare.is_empty() {
                <h4 class="gt-minor">{ strings.phone_prepare }</h4>
                <ul>{ for phone.prepare.iter().map(|l| html! { <li>{ l.clone() }</li> }) }</ul>
            }
            <h4 class="gt-minor">{ strings.phone_say }</h4>
            <ol class="gt-script" id={script_id.clone()} tabindex="-1">
                { for phone.lines.iter().map(|l| html! { <li>{ l.clone() }</li> }) }
            </ol>
            if state.kiosk.is_none() {
                <div class="gt-actions">
                    { copy_button(state, strings.copy_script, phone.text(), &script_id, "copy-script") }
                </div>
            }
        </>
    };
    panel(
        state,
        "gt-panel gt-phone",
        "phone-title",
        strings.phone_heading(phone.helpdesk, with_email),
        body,
    )
}

/// A copy button: copies `text` to the clipboard and says so. Where the clipboard is not
/// available (an insecure page, a refused permission), it selects the element with the id
/// `fallback` and says how to copy it. `action` is the handoff event it sends to the host page
/// and tells this button's status from the others'.
fn copy_button(
    state: &StateHandle,
    label: &'static str,
    text: String,
    fallback: &str,
    action: &'static str,
) -> Html {
    let oncopy = {
        let (state, fallback) = (state.clone(), fallback.to_owned());
        let used = handoff_used(&state, action);
        Callback::from(move |e: MouseEvent| {
            let fallback = in_widget(&e, &fallback);
            used.emit(e);
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
        Some((done, true)) if done == action => state.strings.copied,
        Some((done, false)) if done == action => state.strings.copy_fallback,
        _ => "",
    };
    html! {
        <>
            <button type="button" class="gt-button gt-button-secondary" part="button secondary" onclick={oncopy}>{ label }</button>
            <span class="gt-copy-status" role="status">{ status }</span>
        </>
    }
}

async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let available =
        js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !available {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

fn select_contents(element: &HtmlElement) {
    let _ = element.focus();
    let Some(document) = element.owner_document() else {
        return;
    };
    let (Ok(range), Some(selection)) = (
        document.create_range(),
        web_sys::window().and_then(|w| w.get_selection().ok().flatten()),
    ) else {
        return;
    };
    if range.select_node_contents(element.unchecked_ref()).is_ok() {
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
    }
}

/// Prints the outcome alone. The widget's own print styles hide the rest of the widget, but
/// from inside a shadow root they cannot reach the host page, so for the length of the print
/// every element beside the widget (at each level up to `<body>`) is hidden through CSSOM,
/// which a strict Content-Security-Policy allows, and restored afterwards.
fn print_only(inside: &Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let mut node = match inside.get_root_node().dyn_into::<ShadowRoot>() {
        Ok(shadow) => shadow.host(),
        Err(_) => inside
            .closest(".gt")
            .ok()
            .flatten()
            .unwrap_or_else(|| inside.clone()),
    };
    let mut hidden: Vec<(HtmlElement, String)> = Vec::new();
    while let Some(parent) = node.parent_element() {
        let siblings = parent.children();
        for i in 0..siblings.length() {
            let Some(sibling) = siblings.item(i) else {
                continue;
            };
            if sibling == node {
                continue;
            }
            if let Ok(element) = sibling.dyn_into::<HtmlElement>() {
                let style = element.style();
                let before = style.get_property_value("display").unwrap_or_default();
                let _ = style.set_property("display", "none");
                hidden.push((element, before));
            }
        }
        if parent.tag_name().eq_ignore_ascii_case("body") {
            break;
        }
        node = parent;
    }
    // print() returns once the print dialog has closed.
    let _ = window.print();
    for (element, before) in hidden {
        let style = element.style();
        let _ = if before.is_empty() {
            style.remove_property("display").map(drop)
        } else {
            style.set_property("display", &before)
        };
    }
}
