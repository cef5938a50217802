//! Pieces every screen uses: its heading, the Back link, the error summary.

use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::state::Action;
use super::StateHandle;

/// The state handle from the context. Only [`super::App`] renders screens, always inside its
/// provider, so it is always there.
#[hook]
pub fn use_state_handle() -> StateHandle {
    use_context::<StateHandle>().expect("screens are rendered inside App's context provider")
}

/// Props of [`Heading`].
#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// The heading's text.
    pub text: AttrValue,
    /// Element id, so a fieldset or region can point at it.
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// A screen's heading. When a screen replaces another, focus moves here, so that keyboard and
/// screen-reader users start reading at the top of the new screen. On the first screen it does
/// not take focus: that would pull the host page's focus into the widget on load.
#[function_component]
pub fn Heading(props: &HeadingProps) -> Html {
    let state = use_state_handle();
    let node = use_node_ref();
    let take_focus = state.screen_changes > 0;
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            if take_focus {
                if let Some(heading) = node.cast::<HtmlElement>() {
                    let _ = heading.focus();
                }
            }
        });
    }
    html! {
        <h2 class="gt-heading" part="heading" tabindex="-1" ref={node} id={props.id.clone()}>{ props.text.clone() }</h2>
    }
}

/// The Back link at the top of every screen after the start.
#[function_component]
pub fn BackLink() -> Html {
    let state = use_state_handle();
    let onback = {
        let state = state.clone();
        Callback::from(move |_| {
            match (
                &state.history,
                web_sys::window().and_then(|w| w.history().ok()),
            ) {
                // With history integration, Back goes through the browser so both stay in step.
                (Some(entries), Some(history)) if entries.has_entries() => drop(history.back()),
                _ => state.dispatch(Action::Back),
            }
        })
    };
    html! {
        <button type="button" class="gt-back" part="back" onclick={onback}>{ state.strings.back }</button>
    }
}

/// Props of [`ErrorSummary`].
#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    /// Each error's message and the id of the input it is about.
    pub errors: Vec<(String, String)>,
}

/// The GOV.UK error summary: a list of what is wrong, each linked to its input. It takes focus
/// when it appears, so the person hears what to fix.
#[function_component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let state = use_state_handle();
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(state.refusals, move |_| {
            if let Some(summary) = node.cast::<HtmlElement>() {
                let _ = summary.focus();
            }
        });
    }
    if props.errors.is_empty() {
        return html! {};
    }
    let title_id = state.id("error-title");
    html! {
        <div class="gt-error-summary" part="error-summary" role="alert" tabindex="-1" ref={node} aria-labelledby={title_id.clone()}>
            <h3 class="gt-error-summary-title" id={title_id}>{ state.strings.error_summary_title }</h3>
            <ul>
            { for props.errors.iter().map(|(message, target)| {
                let href = format!("#{target}");
                let target = target.clone();
                let onfocusfield = Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    focus_in_widget(&e, &target);
                });
                html! { <li><a {href} onclick={onfocusfield}>{ message.clone() }</a></li> }
            }) }
            </ul>
        </div>
    }
}

/// Focuses an element of the same widget by id. In-page `#id` links do not reach into a shadow
/// root, so the widget finds the element from the event's own root.
pub fn focus_in_widget(event: &MouseEvent, id: &str) {
    use wasm_bindgen::JsCast;
    let found = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest(".gt").ok().flatten())
        .and_then(|root| root.query_selector(&format!("#{id}")).ok().flatten())
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    if let Some(el) = found {
        let _ = el.focus();
    }
}

/// Props of [`ErrorMessage`].
#[derive(Properties, PartialEq)]
pub struct ErrorMessageProps {
    /// Element id, for `aria-describedby`.
    pub id: AttrValue,
    /// The message.
    pub message: AttrValue,
}

/// An inline error message above an input.
#[function_component]
pub fn ErrorMessage(props: &ErrorMessageProps) -> Html {
    let state = use_state_handle();
    html! {
        <p class="gt-error-message" id={props.id.clone()}>
            <span class="gt-visually-hidden">{ state.strings.error_prefix }{" "}</span>{ props.message.clone() }
        </p>
    }
}

/// A click handler that tells the host page a handoff was used (`open-email`, `print`, ...),
/// with the outcome's id and never its content.
pub fn handoff_used(state: &StateHandle, action: &'static str) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_: MouseEvent| {
        let session = &state.session;
        if let crate::flow::Screen::Outcome(node) = session.screen() {
            let node = session.flow().node(node).id().to_owned();
            state
                .onevent
                .emit(super::events::WidgetEvent::Handoff { node, action });
        }
    })
}
