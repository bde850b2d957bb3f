//! The storage module (gloo-storage behind a guard) against Chromium's real
//! localStorage.
#![cfg(target_arch = "wasm32")]

use microcare::browser::storage::{LoadNotice, SaveError, Store};
use microcare::core::backup::Backup;
use microcare::core::i18n::Lang;
use microcare::core::schema::{Record, ScreeningRecord, Settings};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn settings(code: &str) -> Settings {
    Settings {
        lang: Lang::from_code(code),
        ..Settings::default()
    }
}

/// Each test starts from an empty MicroCare namespace (other keys stay).
fn fresh_store() -> Store {
    let store = Store::open();
    store.delete_all();
    Store::open()
}

#[wasm_bindgen_test]
fn saves_and_loads_a_record_under_the_namespace() {
    let store = fresh_store();
    store.save(&settings("es")).unwrap();
    let reopened = Store::open();
    assert_eq!(reopened.load::<Settings>().value, settings("es"));
    assert!(local().get_item("microcare.settings").unwrap().is_some());
}

#[wasm_bindgen_test]
fn memory_store_works_without_storage_and_says_it_is_not_persistent() {
    let store = Store::in_memory();
    assert!(!store.is_persistent());
    store.save(&settings("pt-BR")).unwrap();
    assert_eq!(store.load::<Settings>().value, settings("pt-BR"));
}

#[wasm_bindgen_test]
fn blocked_storage_falls_back_to_memory_without_throwing() {
    // Make `window.localStorage` throw, as in a sandboxed frame, and put the
    // real one back afterwards for the other tests.
    js_sys::eval(
        "window.__mcSaved = Object.getOwnPropertyDescriptor(window, 'localStorage') \
           || Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage'); \
         Object.defineProperty(window, 'localStorage', { configurable: true, \
           get() { throw new DOMException('blocked', 'SecurityError'); } })",
    )
    .unwrap();
    let store = Store::open();
    let persistent = store.is_persistent();
    let saved = store.save(&settings("es"));
    let loaded = store.load::<Settings>().value;
    js_sys::eval("Object.defineProperty(window, 'localStorage', window.__mcSaved)").unwrap();
    assert!(!persistent, "a blocked storage must not be used");
    assert_eq!(saved, Ok(()));
    assert_eq!(loaded, settings("es"));
    assert!(Store::open().is_persistent(), "the real storage is back");
}

#[wasm_bindgen_test]
fn corrupt_values_fall_back_to_defaults_and_are_kept_aside_once() {
    for raw in [
        "",
        "{",
        "null",
        "[true]",
        "{\"schema\":2,\"rev\":1,\"data\":{\"lang\":5}}",
    ] {
        let store = fresh_store();
        local().set_item("microcare.settings", raw).unwrap();
        let loaded = store.load::<Settings>();
        assert_eq!(loaded.value, Settings::default(), "{raw:?}");
        assert_eq!(loaded.notice, Some(LoadNotice::Unreadable), "{raw:?}");
        assert_eq!(
            local()
                .get_item("microcare.unreadable.settings")
                .unwrap()
                .as_deref(),
            Some(raw),
            "the unreadable value is kept aside"
        );
        // Told once: the next load finds nothing wrong.
        let again = Store::open().load::<Settings>();
        assert_eq!(again.notice, None, "{raw:?}");
    }
}

#[wasm_bindgen_test]
fn unreadable_copies_are_included_in_the_export() {
    let store = fresh_store();
    local().set_item("microcare.settings", "{oops").unwrap();
    let _ = store.load::<Settings>();
    let backup = store.export("2026-11-23T00:00:00Z".into());
    assert_eq!(
        backup.unreadable,
        [("settings".to_string(), "{oops".to_string())].into()
    );
}

#[wasm_bindgen_test]
fn data_from_a_newer_version_is_read_but_never_overwritten() {
    let store = fresh_store();
    let newer = r#"{"schema":99,"rev":5,"data":{"lang":"es","future":1}}"#;
    local().set_item("microcare.settings", newer).unwrap();
    let loaded = store.load::<Settings>();
    assert_eq!(loaded.value, settings("es"));
    assert_eq!(loaded.notice, Some(LoadNotice::Newer { schema: 99 }));
    assert_eq!(store.read_only_schema(), Some(99));
    assert_eq!(
        store.save(&settings("en")),
        Err(SaveError::ReadOnly { schema: 99 })
    );
    assert_eq!(
        local().get_item("microcare.settings").unwrap().as_deref(),
        Some(newer)
    );
}

#[wasm_bindgen_test]
fn a_stale_tab_never_overwrites_newer_data() {
    let _ = fresh_store();
    let tab_a = Store::open();
    let tab_b = Store::open();
    tab_a.load::<Settings>();
    tab_b.load::<Settings>();
    tab_a.save(&settings("es")).unwrap();
    assert_eq!(tab_b.save(&settings("en")), Err(SaveError::Conflict));
    assert_eq!(tab_b.load::<Settings>().value, settings("es"));
    // Having read the newer data, tab B may write again.
    tab_b.save(&settings("en")).unwrap();
    assert_eq!(tab_a.load::<Settings>().value, settings("en"));
}

#[wasm_bindgen_test]
fn a_full_storage_refuses_the_write_and_keeps_the_last_good_value() {
    let store = fresh_store();
    let good = ScreeningRecord {
        step: 3,
        ..ScreeningRecord::default()
    };
    store.save(&good).unwrap();
    // Fill this origin's storage for real with a foreign key, in ever
    // smaller pieces so that almost nothing is left.
    let mut filler = 0;
    for size in [512 * 1024, 16 * 1024, 512] {
        let chunk = "x".repeat(size);
        while local()
            .set_item(&format!("filler.{filler}"), &chunk)
            .is_ok()
        {
            filler += 1;
            assert!(filler < 5000, "storage never filled up");
        }
    }
    let mut big = good.clone();
    big.set_answer("note".into(), "y".repeat(256 * 1024));
    let result = store.save(&big);
    for i in 0..=filler {
        local().remove_item(&format!("filler.{i}")).unwrap();
    }
    assert_eq!(result, Err(SaveError::QuotaExceeded));
    assert_eq!(Store::open().load::<ScreeningRecord>().value, good);
}

#[wasm_bindgen_test]
fn delete_all_removes_every_microcare_key_and_nothing_else() {
    let store = fresh_store();
    local().set_item("clinic.cart", "keep me").unwrap();
    store.save(&settings("es")).unwrap();
    local()
        .set_item("microcare.unreadable.settings", "{")
        .unwrap();
    store.delete_all();
    assert!(store.our_keys().is_empty());
    assert_eq!(
        local().get_item("clinic.cart").unwrap().as_deref(),
        Some("keep me")
    );
    local().remove_item("clinic.cart").unwrap();
}

#[wasm_bindgen_test]
fn export_then_import_round_trips_and_a_bad_import_changes_nothing() {
    let store = fresh_store();
    store.save(&settings("pt-BR")).unwrap();
    let text = store.export("2026-11-23T00:00:00Z".into()).to_json();
    store.delete_all();
    assert_eq!(store.load::<Settings>().value, Settings::default());
    store.import(&Backup::parse(&text).unwrap()).unwrap();
    assert_eq!(store.load::<Settings>().value, settings("pt-BR"));
    assert_eq!(store.export("2026-11-23T00:00:00Z".into()).to_json(), text);
    assert!(Backup::parse("{\"app\":\"other\"}").is_err());
    assert_eq!(store.load::<Settings>().value, settings("pt-BR"));
    assert_eq!(Settings::key(), "microcare.settings");
}
