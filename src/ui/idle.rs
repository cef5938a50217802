//! Kiosk inactivity: "Are you still there?", a countdown, then a full reset, so that no one sees
//! the answers of the person before them.

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::common::use_state_handle;
use super::state::Action;
use crate::flow::Screen;

/// Props of [`IdleGuard`].
#[derive(Properties, PartialEq)]
pub struct IdleGuardProps {
    /// Seconds without input before the prompt.
    pub idle_seconds: u32,
}

/// Watches for input anywhere on the page; after `idle_seconds` without any, asks whether the
/// person is still there, and when the countdown runs out, starts again with nothing kept.
#[function_component]
pub fn IdleGuard(props: &IdleGuardProps) -> Html {
    let state = use_state_handle();
    let left = use_state(|| None::<u32>);
    let quiet = use_mut_ref(|| 0u32);
    let button = use_node_ref();
    let countdown = props.idle_seconds.min(30);
    {
        // Any input resets the quiet time; while the prompt shows, only its button dismisses it.
        let quiet = quiet.clone();
        use_effect_with((), move |_| {
            let document = web_sys::window().and_then(|w| w.document());
            let listeners: Vec<EventListener> = document
                .map(|d| {
                    ["pointerdown", "keydown", "input", "touchstart", "wheel"]
                        .into_iter()
                        .map(|kind| {
                            let quiet = quiet.clone();
                            EventListener::new(&d, kind, move |_| *quiet.borrow_mut() = 0)
                        })
                        .collect()
                })
                .unwrap_or_default();
            move || drop(listeners)
        });
    }
    {
        let (state, left, quiet) = (state.clone(), left.clone(), quiet.clone());
        let idle = props.idle_seconds;
        use_effect_with(
            (idle, *left, state.session.screen() == Screen::Start),
            move |(_, current, at_start)| {
                let (current, at_start) = (*current, *at_start);
                let ticker = Interval::new(1_000, move || {
                    if at_start && current.is_none() {
                        *quiet.borrow_mut() = 0;
                        return;
                    }
                    match current {
                        Some(0) | Some(1) => {
                            left.set(None);
                            *quiet.borrow_mut() = 0;
                            state.dispatch(Action::Restart);
                        }
                        Some(n) => left.set(Some(n - 1)),
                        None => {
                            let mut q = quiet.borrow_mut();
                            *q += 1;
                            if *q >= idle {
                                left.set(Some(countdown));
                            }
                        }
                    }
                });
                move || drop(ticker)
            },
        );
    }
    {
        let button = button.clone();
        use_effect_with(left.is_some(), move |shown| {
            if *shown {
                if let Some(button) = button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let Some(seconds) = *left else {
        return html! {};
    };
    let oncontinue = {
        let (left, quiet) = (left.clone(), quiet.clone());
        Callback::from(move |_| {
            *quiet.borrow_mut() = 0;
            left.set(None);
        })
    };
    let strings = state.strings;
    html! {
        <div class="gt-idle" role="alertdialog" aria-modal="true" aria-labelledby={state.id("idle-title")}
            aria-describedby={state.id("idle-text")}>
            <div class="gt-idle-box">
                <h2 class="gt-idle-title" id={state.id("idle-title")}>{ strings.idle_title }</h2>
                <p id={state.id("idle-text")} aria-live="polite">{ (strings.idle_text)(seconds) }</p>
                <button type="button" class="gt-button" part="button" ref={button} onclick={oncontinue}>{ strings.idle_continue }</button>
            </div>
        </div>
    }
}
