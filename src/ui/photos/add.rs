//! "Add a photo": the area, the day and the session it follows, then the
//! camera or a file from the phone.
//!
//! The fields keep their own signals: saving a photo, a new thumbnail or a
//! language switch leaves what was chosen as it is.

use super::camera::Camera;
use super::{Album, NewPhoto};
use crate::browser::camera;
use crate::browser::dates::{format_date, today, BrowserZone};
use crate::browser::photo_image::prepare;
use crate::core::aftercare::CareText;
use crate::core::area::Area;
use crate::core::i18n::Key;
use crate::core::photos::{photo_day, session_for_day, DayError};
use crate::core::plan::numbered_sessions;
use crate::core::time::LocalDateTime;
use crate::ui::data::use_data;
use crate::ui::i18n::use_i18n;
use crate::ui::widgets::{hint_id, set_area, AreaOptions, Field, Message, Tone};
use leptos::prelude::*;
use std::sync::Arc;
use web_sys::HtmlInputElement;

/// The form's choices, one signal each. Made once with the page (see
/// [`Choice::new`]): a language switch redraws the form's words and keeps
/// what was chosen, and an open camera.
#[derive(Clone, Copy)]
pub(super) struct Choice {
    area: RwSignal<Area>,
    /// The day as the date control writes it (`YYYY-MM-DD`).
    day: RwSignal<String>,
    /// The id of the session the photo follows; empty for none.
    session: RwSignal<String>,
    /// Why the day cannot be used.
    error: RwSignal<Option<Key>>,
    /// The camera is open.
    camera_open: RwSignal<bool>,
}

impl Choice {
    /// Today, the area of the latest session, and the session that area's
    /// photo of that day follows; the session follows the area and the day
    /// whenever either changes (the person may still choose another).
    pub(super) fn new() -> Self {
        let data = use_data();
        let latest = data.aftercare.with_untracked(|r| r.latest().cloned());
        let choice = Choice {
            area: RwSignal::new(
                latest
                    .as_ref()
                    .and_then(|s| s.area.area())
                    .unwrap_or(Area::ALL[0]),
            ),
            day: RwSignal::new(today().to_iso()),
            session: RwSignal::new(String::new()),
            error: RwSignal::new(None),
            camera_open: RwSignal::new(false),
        };
        Effect::new(move |_| {
            let day = choice.day.get();
            let area = choice.area.get();
            let Ok(day) = photo_day(&day, today()) else {
                return;
            };
            let id = data.aftercare.with_untracked(|r| {
                session_for_day(&r.sessions, area, day, &BrowserZone).map(|s| s.id.clone())
            });
            choice.session.set(id.unwrap_or_default());
        });
        choice
    }

    /// What was chosen, or shows why it cannot be used.
    fn read(self) -> Option<NewPhoto> {
        let day = match photo_day(&self.day.get_untracked(), today()) {
            Ok(day) => day,
            Err(error) => {
                self.error.set(Some(match error {
                    DayError::Invalid => Key::CarePhotosDayInvalid,
                    DayError::Future => Key::CarePhotosDayFuture,
                }));
                return None;
            }
        };
        self.error.set(None);
        let session = self.session.get_untracked();
        Some(NewPhoto {
            day,
            area: self.area.get_untracked(),
            session: (!session.is_empty()).then_some(session),
        })
    }
}

/// The form to add a photo.
#[component]
pub(super) fn AddPhoto(
    /// The page's state.
    album: Album,
    /// What is chosen in the form, kept by the page.
    choice: Choice,
    /// The aftercare words in the current language (the areas' names).
    text: Arc<CareText>,
) -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let camera_open = choice.camera_open;

    let session_options = move || {
        data.aftercare.with(|r| {
            numbered_sessions(&r.sessions)
                .into_iter()
                .map(|(n, s)| {
                    let date =
                        format_date(i18n.lang(), LocalDateTime::at(s.end, &BrowserZone).date);
                    let label = i18n
                        .t(Key::CarePhotosSessionOption)
                        .replace("{n}", &n.to_string())
                        .replace("{date}", &date);
                    let id = s.id.clone();
                    view! {
                        <option
                            value=id.clone()
                            prop:selected=Signal::derive(move || choice.session.with(|c| *c == id))
                        >
                            {label}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    let pick = move |input: HtmlInputElement| {
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let Some(new) = choice.read() else {
            input.set_value("");
            return;
        };
        album.start_saving();
        leptos::task::spawn_local(async move {
            let prepared = prepare(&file).await;
            album.add(prepared, new).await;
            // The same file can be picked again.
            input.set_value("");
        });
    };
    let take = Callback::new(move |video: web_sys::HtmlVideoElement| {
        let Some(new) = choice.read() else {
            camera_open.set(false);
            return;
        };
        album.start_saving();
        leptos::task::spawn_local(async move {
            let prepared = crate::browser::photo_image::prepare_frame(&video).await;
            camera_open.try_set(false);
            album.add(prepared, new).await;
        });
    });
    let close = Callback::new(move |()| camera_open.set(false));

    // Gone while the camera is open: the camera has its own buttons.
    let camera_button = camera::available().then(|| {
        view! {
            <Show when=move || !camera_open.get()>
                <p>
                    <button
                        type="button"
                        class="mc-button"
                        prop:disabled=album.busy
                        on:click=move |_| {
                            if choice.read().is_some() {
                                album.outcome.set(None);
                                camera_open.set(true);
                            }
                        }
                    >
                        {i18n.text(Key::CarePhotosCamera)}
                    </button>
                </p>
            </Show>
        }
    });
    let day_error = move || {
        choice
            .error
            .get()
            .map(|text| view! { <Message tone=Tone::Error text id="mc-photo-day-error"/> })
    };

    view! {
        <section class="mc-photos-add" aria-labelledby="mc-photos-add-title">
            <h2 id="mc-photos-add-title" tabindex="-1">{i18n.text(Key::CarePhotosAddTitle)}</h2>
            <div class="mc-field-row">
                <Field id="mc-photo-area" label=Key::CareLogArea>
                    // The camera shows the last photo of the area it opened with.
                    <select
                        id="mc-photo-area"
                        prop:disabled=camera_open
                        on:change:target=move |ev| set_area(choice.area, &ev.target().value())
                    >
                        <AreaOptions selected=choice.area words=text/>
                    </select>
                </Field>
                <Field id="mc-photo-day" label=Key::CarePhotosDate>
                    <input
                        id="mc-photo-day"
                        type="date"
                        max=today().to_iso()
                        prop:disabled=camera_open
                        aria-invalid=move || choice.error.get().is_some().then_some("true")
                        aria-describedby=move || choice.error.get().is_some().then_some("mc-photo-day-error")
                        prop:value=choice.day
                        on:change:target=move |ev| choice.day.set(ev.target().value())
                    />
                    {day_error}
                </Field>
            </div>
            <Field id="mc-photo-session" label=Key::CarePhotosSession>
                <select
                    id="mc-photo-session"
                    on:change:target=move |ev| choice.session.set(ev.target().value())
                >
                    <option
                        value=""
                        prop:selected=Signal::derive(move || choice.session.with(String::is_empty))
                    >
                        {i18n.text(Key::CarePhotosSessionNone)}
                    </option>
                    {session_options}
                </select>
            </Field>
            <p class="mc-photos-tip">{i18n.text(Key::CarePhotosTip)}</p>
            {camera_button}
            <Show when=move || camera_open.get()>
                <Camera album area=choice.area.get_untracked() on_take=take on_close=close/>
            </Show>
            <div class="mc-field">
                <label for="mc-photo-file">{i18n.text(Key::CarePhotosChoose)}</label>
                <p class="mc-hint" id=hint_id("mc-photo-file")>
                    {i18n.text(Key::CarePhotosChooseHint)}
                </p>
                <input
                    id="mc-photo-file"
                    type="file"
                    accept="image/*"
                    aria-describedby=hint_id("mc-photo-file")
                    prop:disabled=album.busy
                    on:change:target=move |ev| pick(ev.target())
                />
            </div>
        </section>
    }
}
