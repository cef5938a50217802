//! Kiosk inactivity: after a quiet time, "Are you still there?" (`views::idle_prompt`) with a
//! countdown, then a full reset, so that no one sees the answers of the person before them.

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use yew::prelude::*;

use super::dom::focus;
use super::state::{Action, StateHandle};
use crate::flow::Screen;

/// On a kiosk (`idle_seconds` given), watches for input anywhere on the page; after
/// `idle_seconds` without any, shows the prompt (`State::idle_left`), counts it down, and when
/// it runs out starts again with nothing kept. The prompt's button takes focus when it shows.
#[hook]
pub fn use_idle_reset(state: &StateHandle, idle_seconds: Option<u32>, root: &NodeRef) {
    let quiet = use_mut_ref(|| 0u32);
    {
        // Any input resets the quiet time; while the prompt shows, only its button dismisses it.
        let quiet = quiet.clone();
        use_effect_with(idle_seconds.is_some(), move |&kiosk| {
            let document = web_sys::window()
                .and_then(|w| w.document())
                .filter(|_| kiosk);
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
        let (dispatcher, root) = (state.dispatcher(), root.clone());
        let at_start = state.session.screen() == Screen::Start;
        use_effect_with(
            (idle_seconds, state.idle_left, at_start),
            move |&(idle, left, at_start)| {
                let countdown = idle.map(|idle| idle.min(30));
                if left.is_some() && left == countdown {
                    // The prompt has just appeared.
                    focus(&root, ".gt-idle .gt-button");
                }
                let ticker = idle.zip(countdown).map(|(idle, countdown)| {
                    Interval::new(1_000, move || {
                        if at_start && left.is_none() {
                            *quiet.borrow_mut() = 0;
                            return;
                        }
                        match left {
                            Some(0) | Some(1) => {
                                *quiet.borrow_mut() = 0;
                                dispatcher.dispatch(Action::Restart);
                            }
                            Some(n) => dispatcher.dispatch(Action::Idle(Some(n - 1))),
                            None => {
                                let mut q = quiet.borrow_mut();
                                *q += 1;
                                if *q >= idle {
                                    dispatcher.dispatch(Action::Idle(Some(countdown)));
                                }
                            }
                        }
                    })
                });
                move || drop(ticker)
            },
        );
    }
}
