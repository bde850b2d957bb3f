//! The home page: what MicroCare offers, and the way to each section.

use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::ui::i18n::tr;
use crate::ui::layout::PageHeading;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
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
            <p class="mc-private">{tr(Key::HomePrivate)}</p>
            <ul class="mc-cards">
                {cards
                    .into_iter()
                    .map(|(route, title, text)| {
                        view! {
                            <li>
                                <a class="mc-card" href=route.href()>
                                    <span class="mc-card-title">{tr(title)}</span>
                                    <span class="mc-card-text">{tr(text)}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
