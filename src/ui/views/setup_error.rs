//! What a web team sees when the widget cannot start: the problems, each with where.

use yew::prelude::*;

use crate::i18n::Strings;

/// Shown instead of the troubleshooter when its flow or settings cannot be used (each problem
/// as `where: what`), so that a mistake is never a blank space on the page. In English, as the
/// problems are, whatever the page's language.
pub fn setup_error(strings: &Strings, problems: &[String]) -> Html {
    html! {
        <div class="gt" lang="en" dir="ltr">
            <div class="gt-setup-error" role="alert">
                <h2 class="gt-heading">{ strings.config_error_title() }</h2>
                <ul>{ for problems.iter().map(|p| html! { <li><code>{ p.clone() }</code></li> }) }</ul>
            </div>
        </div>
    }
}
