//! Flow text with its small markup, rendered as elements and text nodes (never as HTML).

use yew::prelude::*;

use crate::flow::markup::{Block, Inline};
use crate::ui::state::State;

/// Renders paragraphs, lists, bold text and links in a `<div>` with the given classes (such as
/// `gt-rich gt-hint`) and id (for `aria-describedby`).
pub fn rich(state: &State, blocks: &[Block], class: &'static str, id: Option<String>) -> Html {
    html! {
        <div {class} {id}>
            { for blocks.iter().map(|b| block(state, b)) }
        </div>
    }
}

fn block(state: &State, block: &Block) -> Html {
    let item = |runs: &Vec<Inline>| html! { <li>{ inline(state, runs) }</li> };
    match block {
        Block::Paragraph(runs) => html! { <p>{ inline(state, runs) }</p> },
        Block::List {
            ordered: true,
            items,
        } => html! { <ol>{ for items.iter().map(item) }</ol> },
        Block::List {
            ordered: false,
            items,
        } => html! { <ul>{ for items.iter().map(item) }</ul> },
    }
}

/// Renders one line of inline markup. Where links must not open (a kiosk's visitors stay on
/// it), a link is its words and its address.
pub fn inline(state: &State, runs: &[Inline]) -> Html {
    let plain_links = state.settings.plain_links();
    runs.iter()
        .map(|run| match run {
            Inline::Text(text) => html! { { text.clone() } },
            Inline::Value(value) => html! { <bdi>{ value.clone() }</bdi> },
            Inline::Bold(text) => html! { <strong>{ text.clone() }</strong> },
            Inline::Link { text, href } if plain_links => html! {
                <span class="gt-plain-link">{ text.clone() }{" ("}<bdi class="gt-url">{ href.clone() }</bdi>{")"}</span>
            },
            // Help pages open beside the widget, so the person keeps their place in it.
            Inline::Link { text, href } if href.starts_with("https:") => html! {
                <a href={href.clone()} target="_blank" rel="noopener noreferrer">
                    { text.clone() }<span class="gt-visually-hidden" lang={state.settings.words_lang()}>{" "}{ state.settings.strings.new_tab() }</span>
                </a>
            },
            Inline::Link { text, href } => html! { <a href={href.clone()}>{ text.clone() }</a> },
        })
        .collect()
}
