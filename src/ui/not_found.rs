//! Shown for a link that leads nowhere, with a way home.

use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::ui::i18n::tr;
use crate::ui::layout::PageHeading;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="mc-page" aria-labelledby="mc-page-title">
            <PageHeading title=Key::NotFoundTitle intro=Key::NotFoundText />
            <p>
                <a class="mc-button" href=Route::Home.href()>{tr(Key::NotFoundHome)}</a>
            </p>
        </section>
    }
}
