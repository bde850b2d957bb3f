//! What is stored on this device, and how to export or delete it.

use crate::core::i18n::Key;
use crate::ui::layout::PageHeading;
use leptos::prelude::*;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <section class="mc-page" aria-labelledby="mc-page-title">
            <PageHeading title=Key::PrivacyTitle intro=Key::PrivacyIntro />
        </section>
    }
}
