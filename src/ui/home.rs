//! The home page: what MicroCare offers, and the way to each section.

use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::ui::i18n::use_i18n;
use crate::ui::layout::PageHeading;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let cards = [
        (Route::Faq, Key::HomeFaqTitle, Key::HomeFaqText),
        (Route::Check, Key::HomeCheckTitle, Key::HomeCheckText),
        (
            Route::Aftercare,
            Key::HomeAftercareTitle,
            Key::HomeAftercareText,
        ),
    ];
    view! {
        <section class="mc-page mc-home" aria-labelledby="mc-page-title">
            <PageHeading title=Key::HomeTitle intro=Key::HomeIntro />
            <p class="mc-private">{move || i18n.t(Key::HomePrivate)}</p>
            <ul class="mc-cards">
                {cards
                    .into_iter()
                    .map(|(route, title, text)| {
                        view! {
                            <li>
                                <a class="mc-card" href=route.href()>
                                    <span class="mc-card-title">{move || i18n.t(title)}</span>
                                    <span class="mc-card-text">{move || i18n.t(text)}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
