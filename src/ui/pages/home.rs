//! The home page: what MicroCare offers, and the way to each section.

use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::ui::i18n::use_i18n;
use crate::ui::kit::layout::PageSection;
use leptos::prelude::*;

/// The sections a person can go to from the home page, with their card's
/// title and text.
const CARDS: [(Route, Key, Key); 3] = [
    (Route::Faq, Key::HomeFaqTitle, Key::HomeFaqText),
    (Route::Check, Key::HomeCheckTitle, Key::HomeCheckText),
    (
        Route::Aftercare,
        Key::HomeAftercareTitle,
        Key::HomeAftercareText,
    ),
];

/// The home page: the promise of privacy, and a card for each section.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let cards = CARDS
        .into_iter()
        .map(|(route, title, text)| {
            view! {
                <li>
                    <a class="mc-card" href=route.href()>
                        <span class="mc-card-title">{i18n.text(title)}</span>
                        <span class="mc-card-text">{i18n.text(text)}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageSection class="mc-page mc-home" title=Key::HomeTitle intro=Key::HomeIntro>
            <p class="mc-private">{i18n.text(Key::HomePrivate)}</p>
            <ul class="mc-cards">{cards}</ul>
        </PageSection>
    }
}
