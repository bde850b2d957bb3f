//! What is stored, where and for how long; export, import and delete.

use crate::browser::dates::today;
use crate::browser::download::{download_text, now_iso, read_picked_file};
use crate::core::i18n::Key;
use crate::ui::data::{use_data, ImportFailure};
use crate::ui::focus::focus_after_render;
use crate::ui::i18n::tr;
use crate::ui::layout::PageHeading;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The outcome of the last action on this page, announced in a live region.
#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Exported,
    Imported,
    ImportFailed(ImportFailure),
    Deleted,
}

impl Outcome {
    fn text(self) -> Key {
        match self {
            Outcome::Exported => Key::PrivacyExported,
            Outcome::Imported => Key::PrivacyImported,
            Outcome::Deleted => Key::PrivacyDeleted,
            Outcome::ImportFailed(failure) => match failure {
                ImportFailure::NotOurs => Key::PrivacyImportNotOurs,
                ImportFailure::TooLarge => Key::PrivacyImportTooLarge,
                ImportFailure::Newer => Key::PrivacyImportNewer,
                ImportFailure::Damaged => Key::PrivacyImportDamaged,
                ImportFailure::StorageFull => Key::PrivacyImportFull,
                ImportFailure::ReadOnly => Key::PrivacyImportReadOnly,
            },
        }
    }

    fn is_error(self) -> bool {
        matches!(self, Outcome::ImportFailed(_))
    }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let data = use_data();
    let outcome = RwSignal::new(None::<Outcome>);
    let confirming = RwSignal::new(false);

    let export = move |_| {
        let json = data.export_json(now_iso());
        let name = format!("microcare-backup-{}.json", today().to_iso());
        match download_text(&name, "application/json", &json) {
            Ok(()) => outcome.set(Some(Outcome::Exported)),
            Err(why) => leptos::logging::warn!("MicroCare: {why}"),
        }
    };

    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = match read_picked_file(&input).await {
                None => return,
                Some(Err(_size)) => Err(ImportFailure::TooLarge),
                Some(Ok(text)) => data.import_json(&text),
            };
            input.set_value("");
            outcome.set(Some(match result {
                Ok(()) => Outcome::Imported,
                Err(failure) => Outcome::ImportFailed(failure),
            }));
        });
    };

    let delete = move |_| {
        data.delete_all();
        confirming.set(false);
        outcome.set(Some(Outcome::Deleted));
        focus_after_render("#mc-privacy-outcome");
    };

    let ask_to_delete = move |_| {
        confirming.set(true);
        focus_after_render("#mc-delete-confirm-title");
    };

    let cancel_delete = move |_| {
        confirming.set(false);
        focus_after_render("#mc-delete-start");
    };

    view! {
        <section class="mc-page mc-privacy" aria-labelledby="mc-page-title">
            <PageHeading title=Key::PrivacyTitle intro=Key::PrivacyIntro />
            <Show when=move || !data.is_persistent()>
                <p class="mc-notice">{tr(Key::PrivacyMemoryOnly)}</p>
            </Show>

            <h2>{tr(Key::PrivacyWhereTitle)}</h2>
            <p>{tr(Key::PrivacyWhereText)}</p>

            <h2>{tr(Key::PrivacyWhatTitle)}</h2>
            <ul class="mc-list">
                <li>{tr(Key::PrivacyWhatLanguage)}</li>
                <li>{tr(Key::PrivacyWhatGoal)}</li>
                <li>{tr(Key::PrivacyWhatCheck)}</li>
            </ul>

            <h2>{tr(Key::PrivacyHowLongTitle)}</h2>
            <p>{tr(Key::PrivacyHowLongText)}</p>

            <div id="mc-privacy-outcome" class="mc-live" role="status" tabindex="-1">
                {move || {
                    outcome
                        .get()
                        .map(|o| {
                            view! {
                                <p class=if o.is_error() { "mc-notice" } else { "mc-success" }>
                                    {tr(o.text())}
                                </p>
                            }
                        })
                }}
            </div>

            <h2>{tr(Key::PrivacyBackupTitle)}</h2>
            <p>{tr(Key::PrivacyBackupText)}</p>
            <p>
                <button type="button" class="mc-button" on:click=export>
                    {tr(Key::PrivacyExport)}
                </button>
            </p>
            <div class="mc-field">
                <label for="mc-import">{tr(Key::PrivacyImportLabel)}</label>
                <p id="mc-import-hint" class="mc-hint">{tr(Key::PrivacyImportHint)}</p>
                <input
                    id="mc-import"
                    type="file"
                    accept="application/json,.json"
                    aria-describedby="mc-import-hint"
                    on:change=import
                />
            </div>

            <h2>{tr(Key::PrivacyDeleteTitle)}</h2>
            <p>{tr(Key::PrivacyDeleteText)}</p>
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <p>
                            <button id="mc-delete-start" type="button" class="mc-button mc-button-danger" on:click=ask_to_delete>
                                {tr(Key::PrivacyDelete)}
                            </button>
                        </p>
                    }
                }
            >
                <div class="mc-confirm" role="group" aria-labelledby="mc-delete-confirm-title">
                    <h3 id="mc-delete-confirm-title" tabindex="-1">
                        {tr(Key::PrivacyDeleteConfirmTitle)}
                    </h3>
                    <p>{tr(Key::PrivacyDeleteConfirmText)}</p>
                    <div class="mc-actions">
                        <button type="button" class="mc-button mc-button-danger" on:click=delete>
                            {tr(Key::PrivacyDeleteConfirm)}
                        </button>
                        <button type="button" class="mc-button mc-button-secondary" on:click=cancel_delete>
                            {tr(Key::PrivacyDeleteCancel)}
                        </button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
