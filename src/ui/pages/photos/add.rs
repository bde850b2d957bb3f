//! "Add a photo": the area, the day and the session it follows, then the
//! camera or a file from the phone.
//!
//! The fields keep their own signals: saving a photo, a new thumbnail or a
//! language switch leaves what was chosen as it is.

use super::camera::Camera;
use super::{use_album, NewPhoto};
use crate::browser::photo_image::prepare;
use crate::core::aftercare::CareText;
use crate::core::area::Area;
use crate::core::dates::DateStyle;
use crate::core::i18n::CareKey;
use crate::core::photos::{photo_day, session_for_day, DayError};
use crate::core::plan::numbered_sessions;
use crate::ui::content::use_words;
use crate::ui::data::use_data;
use crate::ui::env::{use_clock, use_env, Clock};
use crate::ui::i18n::use_i18n;
use crate::ui::kit::widgets::{
    hint_id, set_area, AreaOptions, DateField, DateKind, Field, Message, Tone,
};
use leptos::prelude::*;
use web_sys::HtmlInputElement;

/// The form's choices, one signal each. Made once with the page (see
/// [`Choice::new`]) and provided to the form: a language switch redraws the
/// form's words and keeps what was chosen, and an open camera.
#[derive(Clone, Copy)]
pub(super) struct Choice {
    clock: Clock,
    area: RwSignal<Area>,
    /// The day as the date control writes it (`YYYY-MM-DD`).
    day: RwSignal<String>,
    /// The session the person picked, with the area and day it was picked
    /// for: another area or day goes back to that day's own session.
    picked: RwSignal<Option<(Area, String, String)>>,
    /// The id of the session the photo follows; empty for none: the one
    /// picked, else the latest session of the area by that day.
    session: Memo<String>,
    /// Why the day cannot be used.
    error: RwSignal<Option<CareKey>>,
    /// The camera is open.
    camera_open: RwSignal<bool>,
}

impl Choice {
    /// Today, the area of the latest session, and the session that area's
    /// photo of that day follows.
    pub(super) fn new() -> Self {
        let data = use_data();
        let clock = use_clock();
        let latest = data.aftercare.with_untracked(|r| r.latest().cloned());
        let area = RwSignal::new(
            latest
                .as_ref()
                .and_then(|s| s.area.area())
                .unwrap_or(Area::ALL[0]),
        );
        let day = RwSignal::new(clock.today_untracked().to_iso());
        let picked = RwSignal::new(None::<(Area, String, String)>);
        let session = Memo::new(move |_| {
            let (area, day) = (area.get(), day.get());
            if let Some((for_area, for_day, id)) = picked.get() {
                if for_area == area && for_day == day {
                    return id;
                }
            }
            let Ok(day) = photo_day(&day, clock.today()) else {
                return String::new();
            };
            data.aftercare.with(|r| {
                session_for_day(&r.sessions, area, day, &clock.zone())
                    .map(|s| s.id.clone())
                    .unwrap_or_default()
            })
        });
        Choice {
            clock,
            area,
            day,
            picked,
            session,
            error: RwSignal::new(None),
            camera_open: RwSignal::new(false),
        }
    }

    /// The person picks the session `id` for the area and day chosen.
    fn pick_session(self, id: String) {
        let (area, day) = (self.area.get_untracked(), self.day.get_untracked());
        self.picked.set(Some((area, day, id)));
    }

    /// What was chosen, or shows why it cannot be used.
    fn read(self) -> Option<NewPhoto> {
        let today = self.clock.today_untracked();
        let day = match photo_day(&self.day.get_untracked(), today) {
            Ok(day) => day,
            Err(error) => {
                self.error.set(Some(match error {
                    DayError::Invalid => CareKey::PhotosDayInvalid,
                    DayError::Future => CareKey::PhotosDayFuture,
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
pub(super) fn AddPhoto() -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let words = use_words::<CareText>();
    let album = use_album();
    let choice = expect_context::<Choice>();
    let camera_open = choice.camera_open;
    let clock = choice.clock;

    let session_options = move || {
        data.aftercare.with(|r| {
            numbered_sessions(&r.sessions)
                .into_iter()
                .map(|(n, s)| {
                    let date = i18n.date(clock.local(s.end).date, DateStyle::Date);
                    let label = words.fill(
                        CareKey::PhotosSessionOption,
                        &[("n", &n.to_string()), ("date", &date)],
                    );
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
    let camera_button = use_env().camera.then(|| {
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
                        {words.t(CareKey::PhotosCamera)}
                    </button>
                </p>
            </Show>
        }
    });
    let day_error = move || {
        choice.error.get().map(
            |key| view! { <Message tone=Tone::Error text=words.t(key) id="mc-photo-day-error"/> },
        )
    };

    view! {
        <section class="mc-photos-add" aria-labelledby="mc-photos-add-title">
            <h2 id="mc-photos-add-title" tabindex="-1">{words.t(CareKey::PhotosAddTitle)}</h2>
            <div class="mc-field-row">
                <Field id="mc-photo-area" label=words.t(CareKey::LogArea)>
                    // The camera shows the last photo of the area it opened with.
                    <select
                        id="mc-photo-area"
                        prop:disabled=camera_open
                        on:change:target=move |ev| set_area(choice.area, &ev.target().value())
                    >
                        <AreaOptions selected=choice.area/>
                    </select>
                </Field>
                <DateField
                    id="mc-photo-day"
                    kind=DateKind::Date
                    label=words.t(CareKey::PhotosDate)
                    value=choice.day
                    max=Signal::derive(move || Some(clock.today().to_iso()))
                    disabled=camera_open
                    invalid=Signal::derive(move || choice.error.get().is_some())
                    described_by=Signal::derive(move || {
                        choice.error.get().map(|_| "mc-photo-day-error".to_string())
                    })
                >
                    {day_error}
                </DateField>
            </div>
            <Field id="mc-photo-session" label=words.t(CareKey::PhotosSession)>
                <select
                    id="mc-photo-session"
                    on:change:target=move |ev| choice.pick_session(ev.target().value())
                >
                    <option
                        value=""
                        prop:selected=Signal::derive(move || choice.session.with(String::is_empty))
                    >
                        {words.t(CareKey::PhotosSessionNone)}
                    </option>
                    {session_options}
                </select>
            </Field>
            <p class="mc-photos-tip">{words.t(CareKey::PhotosTip)}</p>
            {camera_button}
            <Show when=move || camera_open.get()>
                <Camera area=choice.area.get_untracked() on_take=take on_close=close/>
            </Show>
            <div class="mc-field">
                <label for="mc-photo-file">{words.t(CareKey::PhotosChoose)}</label>
                <p class="mc-hint" id=hint_id("mc-photo-file")>
                    {words.t(CareKey::PhotosChooseHint)}
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
