//! "Step N of at most M", with a bar.

use yew::prelude::*;

use crate::ui::state::State;

/// The progress of the current question, from the engine: the bar never moves backwards
/// while a person goes forward. Nothing on screens without a step number.
pub fn progress(state: &State) -> Html {
    let Some((step, most)) = state.session.progress() else {
        return html! {};
    };
    let label_id = state.id("progress");
    html! {
        <div class="gt-progress" part="progress">
            <span class="gt-progress-label" id={label_id.clone()} lang={state.settings.words_lang()}>{ state.settings.strings.step_of(step, most) }</span>
            <progress class="gt-progress-bar" max={most.to_string()} value={step.to_string()}
                aria-labelledby={label_id}></progress>
        </div>
    }
}
