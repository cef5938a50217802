//! "Step N of at most M", with a bar.

use yew::prelude::*;

use super::common::use_state_handle;

/// The progress of the current question, from the engine: the bar never moves backwards
/// while a person goes forward.
#[function_component]
pub fn Progress() -> Html {
    let state = use_state_handle();
    let Some((step, most)) = state.session.progress() else {
        return html! {};
    };
    let label = (state.strings.step_of)(step, most);
    html! {
        <div class="gt-progress" part="progress">
            <span class="gt-progress-label" id={state.id("progress")}>{ label }</span>
            <progress class="gt-progress-bar" max={most.to_string()} value={step.to_string()}
                aria-labelledby={state.id("progress")}></progress>
        </div>
    }
}
