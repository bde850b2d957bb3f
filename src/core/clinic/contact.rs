//! How a person reaches the clinic: its phone, WhatsApp, email, address and
//! booking page. Only links of the kinds the app makes (https, tel, mailto,
//! wa.me) come out of a clinic's file, whatever it says.

use crate::core::clinic::check::{given, path, Check, Shape};
use serde::Deserialize;
use serde_json::Value;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contact {
    /// As written, for showing.
    pub phone: Option<String>,
    /// Digits only, with the country code.
    pub whatsapp: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
}

/// A way to reach the clinic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Book,
    Call,
    WhatsApp,
    Email,
}

/// A `tel:` link: the digits, and the leading `+` if written.
pub(super) fn tel(phone: &str) -> String {
    let plus = if phone.starts_with('+') { "+" } else { "" };
    format!("tel:{plus}{}", digits(phone))
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

#[derive(Deserialize)]
pub(super) struct ContactFile {
    #[serde(default, deserialize_with = "given")]
    phone: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    whatsapp: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    email: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    address: Option<Value>,
}

impl Shape for ContactFile {
    const FIELDS: &'static [&'static str] = &["phone", "whatsapp", "email", "address"];
}

impl Check {
    pub(super) fn https(&mut self, field: &str, v: &Value) -> Option<String> {
        let url = v.as_str().unwrap_or_default();
        let host = url
            .strip_prefix("https://")
            .and_then(|rest| rest.split(['/', '?', '#']).next())
            .unwrap_or_default();
        let ok = url.len() <= 500
            && host.contains('.')
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-.:".contains(&b))
            && url
                .bytes()
                .all(|b| b.is_ascii_graphic() && !b"\"'<>\\^`{|}".contains(&b));
        if !ok {
            self.bad(field, "an https:// address", v);
        }
        ok.then(|| url.to_string())
    }

    pub(super) fn contact(&mut self, v: &Value) -> Contact {
        let mut contact = Contact::default();
        let Some(file) = self.shape::<ContactFile>("contact", v) else {
            return contact;
        };
        let written = [
            ("phone", file.phone),
            ("whatsapp", file.whatsapp),
            ("email", file.email),
            ("address", file.address),
        ];
        for (key, value) in written {
            let Some(value) = value else {
                continue;
            };
            let value = &value;
            let field = path("contact", key);
            let text = value.as_str().unwrap_or_default().trim();
            let phone_like = |prefix_ok: bool| {
                let body = text.strip_prefix('+').unwrap_or(text);
                let count = digits(body).len();
                (prefix_ok || !text.starts_with('+'))
                    && (8..=15).contains(&count)
                    && body
                        .chars()
                        .all(|c| c.is_ascii_digit() || " -().".contains(c))
            };
            match key {
                "phone" => {
                    contact.phone = phone_like(true).then(|| text.to_string());
                    if contact.phone.is_none() {
                        self.bad(
                            &field,
                            "a phone number of 8 to 15 digits, + and spaces allowed",
                            value,
                        );
                    }
                }
                "whatsapp" => {
                    let number = text.strip_prefix("https://wa.me/").unwrap_or(text);
                    let ok = {
                        let body = number.strip_prefix('+').unwrap_or(number);
                        let count = digits(body).len();
                        (8..=15).contains(&count)
                            && body
                                .chars()
                                .all(|c| c.is_ascii_digit() || " -()".contains(c))
                    };
                    contact.whatsapp = ok.then(|| digits(number));
                    if !ok {
                        self.bad(
                            &field,
                            "a WhatsApp number with country code (8 to 15 digits) or https://wa.me/<number>",
                            value,
                        );
                    }
                }
                "email" => {
                    let (local, domain) = text.split_once('@').unwrap_or_default();
                    let ok = text.len() <= 254
                        && !local.is_empty()
                        && local
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b"._+-".contains(&b))
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                        && domain
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b".-".contains(&b));
                    contact.email = ok.then(|| text.to_string());
                    if !ok {
                        self.bad(
                            &field,
                            "an email address such as hello@clinic.example",
                            value,
                        );
                    }
                }
                "address" => contact.address = self.text(&field, value, 200),
                _ => {}
            }
        }
        contact
    }
}

#[cfg(test)]
mod tests {
    use crate::core::clinic::file::tests::parse;

    #[test]
    fn links_allow_only_https_tel_mailto_and_whatsapp() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                r#"{"booking_url": "https://clinic.example/book?x=1"}"#,
                "booking_url",
                Some("https://clinic.example/book?x=1"),
            ),
            (
                r#"{"booking_url": "http://clinic.example/book"}"#,
                "booking_url",
                None,
            ),
            (
                r#"{"booking_url": "javascript:alert(1)"}"#,
                "booking_url",
                None,
            ),
            (
                r#"{"booking_url": "https://evil.example\"onclick=x"}"#,
                "booking_url",
                None,
            ),
            (
                r#"{"booking_url": "https://user@evil.example/"}"#,
                "booking_url",
                None,
            ),
            (r#"{"booking_url": "https:///path"}"#, "booking_url", None),
            (
                r#"{"booking_url": "data:text/html,hi"}"#,
                "booking_url",
                None,
            ),
            (
                r#"{"booking_url": "//clinic.example"}"#,
                "booking_url",
                None,
            ),
            (
                r#"{"contact": {"phone": "+55 (11) 4000-1234"}}"#,
                "contact.phone",
                Some("tel:+551140001234"),
            ),
            (
                r#"{"contact": {"phone": "javascript:alert(1)"}}"#,
                "contact.phone",
                None,
            ),
            (r#"{"contact": {"phone": "123"}}"#, "contact.phone", None),
            (
                r#"{"contact": {"phone": "+55 11 4000-1234?body=x"}}"#,
                "contact.phone",
                None,
            ),
            (
                r#"{"contact": {"whatsapp": "+55 11 94000-1234"}}"#,
                "contact.whatsapp",
                Some("https://wa.me/5511940001234"),
            ),
            (
                r#"{"contact": {"whatsapp": "https://wa.me/5511940001234"}}"#,
                "contact.whatsapp",
                Some("https://wa.me/5511940001234"),
            ),
            (
                r#"{"contact": {"whatsapp": "https://evil.example/5511940001234"}}"#,
                "contact.whatsapp",
                None,
            ),
            (
                r#"{"contact": {"email": "ola@belapele.example"}}"#,
                "contact.email",
                Some("mailto:ola@belapele.example"),
            ),
            (
                r#"{"contact": {"email": "ola@belapele.example?bcc=x@y.z"}}"#,
                "contact.email",
                None,
            ),
            (
                r#"{"contact": {"email": "no-at-sign.example"}}"#,
                "contact.email",
                None,
            ),
            (
                r#"{"contact": {"email": "a b@c.de"}}"#,
                "contact.email",
                None,
            ),
            (
                r#"{"contact": {"email": "a@localhost"}}"#,
                "contact.email",
                None,
            ),
        ];
        for (json, field, href) in cases {
            let (clinic, problems) = parse(json);
            let hrefs: Vec<String> = clinic.actions().into_iter().map(|(_, h)| h).collect();
            match href {
                Some(href) => {
                    assert_eq!(problems, vec![], "{json}");
                    assert_eq!(hrefs, vec![href.to_string()], "{json}");
                }
                None => {
                    assert_eq!(problems.len(), 1, "{json}");
                    assert_eq!(problems[0].field, *field, "{json}");
                    assert!(hrefs.is_empty(), "{json}");
                }
            }
        }
    }
}
