//! The app mounted in a real browser (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use microcare::browser::locale_loader::ClinicFileCheck;
use microcare::browser::storage::Store;
use microcare::core::clinic::Clinic;
use microcare::core::files::LoadError;
use microcare::core::i18n::{Lang, Locale};
use microcare::core::route::Route;
use microcare::ui::app::{mount, Boot};
use microcare::ui::clinic::ClinicSetup;
use microcare::ui::data::AppData;
use microcare::ui::env::Env;
use microcare::ui::files::Files;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn test_root(id: &str) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    root.set_id(id);
    root.set_inner_html("<p>static shell</p>");
    document.body().unwrap().append_child(&root).unwrap();
    root.dyn_into().unwrap()
}

fn locale(lang: Lang) -> Locale {
    let json = match lang {
        Lang::En => include_str!("../public/locales/en.json"),
        Lang::PtBr => include_str!("../public/locales/pt-BR.json"),
        Lang::Es => include_str!("../public/locales/es.json"),
    };
    Locale::parse(lang, json).unwrap()
}

fn boot(lang: Lang) -> Boot {
    Boot {
        locale: locale(lang),
        data: AppData::new(Store::in_memory()),
        clinic: ClinicSetup::new(Clinic::default(), ClinicFileCheck::Missing),
        env: Env::default(),
        now: js_sys::Date::now() as i64,
        // The home page needs no section file.
        files: Files::new(|path: &str| {
            let missing = LoadError::Network(format!("{path} is not served here"));
            Box::pin(std::future::ready(Err(missing)))
        }),
        route: Route::Home,
    }
}

/// Lets effects scheduled by the mount run (parts of the page draw themselves
/// once they are in the document).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn mounts_and_renders_the_home_screen_in_place_of_the_static_shell() {
    let root = test_root("mount-en");
    mount(root.clone(), boot(Lang::En));
    settle().await;
    let html = root.inner_html();
    assert!(
        !html.contains("static shell"),
        "the static shell was not replaced"
    );
    let h1 = root.query_selector("h1").unwrap().expect("a heading");
    assert_eq!(
        h1.text_content().unwrap(),
        "Microneedling, explained calmly"
    );
    let nav_links = root.query_selector_all("nav a").unwrap();
    assert_eq!(nav_links.length(), 5, "every section is in the navigation");
    let lang = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap()
        .get_attribute("lang");
    assert_eq!(lang.as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn renders_in_the_language_it_was_given_and_sets_html_lang() {
    let root = test_root("mount-pt");
    mount(root.clone(), boot(Lang::PtBr));
    settle().await;
    let h1 = root.query_selector("h1").unwrap().expect("a heading");
    assert_eq!(
        h1.text_content().unwrap(),
        "Microagulhamento, explicado com calma"
    );
    let lang = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap()
        .get_attribute("lang");
    assert_eq!(lang.as_deref(), Some("pt-BR"));
}

#[wasm_bindgen_test]
async fn a_clinic_configuration_brands_the_app_and_shows_its_links() {
    let root = test_root("mount-clinic");
    let (clinic, problems) = Clinic::parse(
        r##"{"name": "<b>Bela</b>", "colors": {"primary": "#8a3b5c"},
            "contact": {"phone": "+55 11 4000-1234"}, "languages": ["en", "es"]}"##,
    );
    assert!(problems.is_empty(), "{problems:?}");
    mount(
        root.clone(),
        Boot {
            clinic: ClinicSetup::new(clinic, ClinicFileCheck::Checked(Vec::new())),
            ..boot(Lang::En)
        },
    );
    settle().await;
    let name = root.query_selector(".mc-brand-name").unwrap().unwrap();
    assert_eq!(name.text_content().unwrap(), "<b>Bela</b>");
    assert!(root.query_selector(".mc-brand-name b").unwrap().is_none());
    assert_eq!(
        root.style()
            .get_property_value("--mc-color-primary")
            .unwrap(),
        "#8a3b5c"
    );
    let call = root
        .query_selector("a[data-contact=call]")
        .unwrap()
        .unwrap();
    assert_eq!(
        call.get_attribute("href").as_deref(),
        Some("tel:+551140001234")
    );
    let options = root.query_selector_all("#mc-lang-select option").unwrap();
    assert_eq!(options.length(), 2, "only the languages the clinic offers");
}
