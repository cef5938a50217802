//! What a web team sees when the widget cannot start: the problems, each with where.

use yew::prelude::*;

use crate::i18n::Strings;

/// Props of [`SetupError`].
#[derive(Properties, PartialEq)]
pub struct SetupErrorProps {
    /// The interface words.
    pub strings: &'static Strings,
    /// Each problem, as `where: what`.
    pub problems: Vec<String>,
}

/// Shown instead of the troubleshooter when its flow or settings cannot be used, so that a
/// mistake is never a blank space on the page.
#[function_component]
pub fn SetupError(props: &SetupErrorProps) -> Html {
    html! {
        <div class="gt">
            <div class="gt-setup-error" role="alert">
                <h2 class="gt-heading">{ props.strings.config_error_title }</h2>
                <ul>{ for props.problems.iter().map(|p| html! { <li><code>{ p.clone() }</code></li> }) }</ul>
            </div>
        </div>
    }
}
