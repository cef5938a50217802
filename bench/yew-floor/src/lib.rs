//! The size floor of a Yew widget, for `make bench`: one function component over a reducer,
//! with an effect, classes, a text input and a button, mounted into a given element, and built
//! exactly as the real widget is (same allocator, `make dist` flags, wasm-opt passes). Whatever the
//! real widget weighs above this is its own screens, engine and texts.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

#[derive(Default, PartialEq)]
struct State {
    steps: u32,
    text: AttrValue,
}

enum Action {
    Continue,
    Type(String),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(match action {
            Action::Continue => State {
                steps: self.steps + 1,
                text: self.text.clone(),
            },
            Action::Type(text) => State {
                steps: self.steps,
                text: text.into(),
            },
        })
    }
}

/// One question screen: a heading, a text, an input and a Continue button.
#[function_component]
fn Floor() -> Html {
    let state = use_reducer(State::default);
    let oncontinue = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Continue))
    };
    let ontype = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            state.dispatch(Action::Type(input.value()))
        })
    };
    use_effect_with(state.steps, |_| ());
    html! {
        <div class={classes!("gt", (state.steps > 0).then_some("gt-started"))}>
            <h2 tabindex="-1">{ "Step " }{ state.steps }</h2>
            <p>{ state.text.clone() }</p>
            <input oninput={ontype} />
            <button type="button" onclick={oncontinue}>{ "Continue" }</button>
        </div>
    }
}

/// Renders the floor widget into `host`.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(host: web_sys::Element) {
    yew::Renderer::<Floor>::with_root(host).render();
}
