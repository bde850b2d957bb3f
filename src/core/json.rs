//! A small JSON reader and writer for MicroCare's own files and records.
//!
//! Why not serde_json: together with serde's derives, float formatting and
//! ordered maps it was about a fifth of the WASM a phone downloads. MicroCare
//! only needs objects, arrays, strings, booleans and whole numbers, so this
//! module keeps numbers as their text and reads whole numbers on request.
//! It never panics, whatever the input (see the property tests), and refuses
//! nesting deeper than [`MAX_DEPTH`].
//!
//! ```
//! use microcare::core::json::Json;
//! let json = Json::parse(r#"{"lang": "pt-BR", "rev": 3, "tags": ["a", "b"]}"#).unwrap();
//! assert_eq!(json.get("lang").and_then(Json::as_str), Some("pt-BR"));
//! assert_eq!(json.get("rev").and_then(Json::as_u64), Some(3));
//! assert_eq!(Json::parse(&json.to_string()).unwrap(), json);
//! ```

/// Deeper nesting than this is refused: nothing of ours nests so deep, and
/// a hostile file must not exhaust the stack.
pub const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number, kept as its JSON text.
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Members in file order; a repeated key keeps its last value on read.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// An empty object, to fill with [`Json::insert`].
    pub fn object() -> Json {
        Json::Object(Vec::new())
    }

    pub fn parse(text: &str) -> Result<Json, String> {
        let mut parser = Parser {
            bytes: text.as_bytes(),
            text,
            at: 0,
        };
        let value = parser.value(0)?;
        parser.skip_space();
        if parser.at != parser.bytes.len() {
            return Err(parser.error("unexpected text after the value"));
        }
        Ok(value)
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(value) => Some(*value),
            _ => None,
        }
    }

    /// A whole, non-negative number.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    /// Sets `key` of an object (replacing an earlier value); ignored on
    /// anything else.
    pub fn insert(&mut self, key: &str, value: impl Into<Json>) {
        if let Json::Object(members) = self {
            let value = value.into();
            match members.iter_mut().find(|(k, _)| k == key) {
                Some(member) => member.1 = value,
                None => members.push((key.to_string(), value)),
            }
        }
    }

    /// Writes compact JSON.
    pub fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(true) => out.push_str("true"),
            Json::Bool(false) => out.push_str("false"),
            Json::Number(text) => out.push_str(text),
            Json::String(text) => write_string(text, out),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

impl std::fmt::Display for Json {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut out = String::new();
        self.write(&mut out);
        f.write_str(&out)
    }
}

impl From<&str> for Json {
    fn from(text: &str) -> Json {
        Json::String(text.to_string())
    }
}

impl From<String> for Json {
    fn from(text: String) -> Json {
        Json::String(text)
    }
}

impl From<bool> for Json {
    fn from(value: bool) -> Json {
        Json::Bool(value)
    }
}

impl From<u64> for Json {
    fn from(value: u64) -> Json {
        Json::Number(value.to_string())
    }
}

impl From<u32> for Json {
    fn from(value: u32) -> Json {
        Json::Number(value.to_string())
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(value: Option<T>) -> Json {
        value.map_or(Json::Null, Into::into)
    }
}

fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

struct Parser<'a> {
    bytes: &'a [u8],
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> String {
        format!("{what} at byte {}", self.at)
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn eat(&mut self, literal: &str, value: Json) -> Result<Json, String> {
        if self.text.get(self.at..self.at + literal.len()) == Some(literal) {
            self.at += literal.len();
            Ok(value)
        } else {
            Err(self.error("unknown word"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.skip_space();
        match self.bytes.get(self.at) {
            None => Err(self.error("unexpected end")),
            Some(b'n') => self.eat("null", Json::Null),
            Some(b't') => self.eat("true", Json::Bool(true)),
            Some(b'f') => self.eat("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.skip_space();
                if self.bytes.get(self.at) == Some(&b']') {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.skip_space();
                    match self.bytes.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Json::Array(items));
                        }
                        _ => return Err(self.error("expected , or ]")),
                    }
                }
            }
            Some(b'{') => {
                self.at += 1;
                let mut members: Vec<(String, Json)> = Vec::new();
                self.skip_space();
                if self.bytes.get(self.at) == Some(&b'}') {
                    self.at += 1;
                    return Ok(Json::Object(members));
                }
                loop {
                    self.skip_space();
                    if self.bytes.get(self.at) != Some(&b'"') {
                        return Err(self.error("expected a key"));
                    }
                    let key = self.string()?;
                    self.skip_space();
                    if self.bytes.get(self.at) != Some(&b':') {
                        return Err(self.error("expected :"));
                    }
                    self.at += 1;
                    let value = self.value(depth + 1)?;
                    match members.iter_mut().find(|(k, _)| *k == key) {
                        Some(member) => member.1 = value,
                        None => members.push((key, value)),
                    }
                    self.skip_space();
                    match self.bytes.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Json::Object(members));
                        }
                        _ => return Err(self.error("expected , or }")),
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("unexpected character")),
        }
    }

    /// A number as JSON's grammar allows it, kept as text.
    fn number(&mut self) -> Result<Json, String> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while p.bytes.get(p.at).is_some_and(u8::is_ascii_digit) {
                p.at += 1;
            }
            p.at > from
        };
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        if self.bytes.get(self.at) == Some(&b'0') {
            self.at += 1;
        } else if !digits(self) {
            return Err(self.error("bad number"));
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.error("bad number"));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.error("bad number"));
            }
        }
        Ok(Json::Number(self.text[start..self.at].to_string()))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let hex = self
            .text
            .get(self.at..self.at + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("bad \\u escape"))?;
        self.at += 4;
        u32::from_str_radix(hex, 16).map_err(|_| self.error("bad \\u escape"))
    }

    fn string(&mut self) -> Result<String, String> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            let run_start = self.at;
            while let Some(&b) = self.bytes.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a &str and we stopped on an ASCII byte, so this
            // slice is on character boundaries.
            out.push_str(&self.text[run_start..self.at]);
            match self.bytes.get(self.at) {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escape = self.bytes.get(self.at).copied();
                    self.at += 1;
                    match escape {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => {
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) {
                                if self.text.get(self.at..self.at + 2) != Some("\\u") {
                                    return Err(self.error("lone surrogate"));
                                }
                                self.at += 2;
                                let second = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&second) {
                                    return Err(self.error("lone surrogate"));
                                }
                                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                            } else {
                                first
                            };
                            out.push(
                                char::from_u32(code).ok_or_else(|| self.error("bad character"))?,
                            );
                        }
                        _ => return Err(self.error("bad escape")),
                    }
                }
                Some(_) => return Err(self.error("control character in string")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_value() {
        let json = Json::parse(
            r#" { "a": null, "b": true, "c": false, "d": -12.5e3, "e": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "f": [1, [], {}], "g": {"h": 0} } "#,
        )
        .unwrap();
        assert_eq!(json.get("a"), Some(&Json::Null));
        assert_eq!(json.get("b").and_then(Json::as_bool), Some(true));
        assert_eq!(json.get("c").and_then(Json::as_bool), Some(false));
        assert_eq!(json.get("d"), Some(&Json::Number("-12.5e3".into())));
        assert_eq!(json.get("d").and_then(Json::as_u64), None);
        assert_eq!(
            json.get("e").and_then(Json::as_str),
            Some("x\"\\/\u{8}\u{c}\n\r\té😀")
        );
        assert_eq!(
            json.get("f").and_then(Json::as_array).map(<[Json]>::len),
            Some(3)
        );
        assert_eq!(
            json.get("g")
                .and_then(|g| g.get("h"))
                .and_then(Json::as_u64),
            Some(0)
        );
    }

    #[test]
    fn writes_what_it_reads() {
        let cases = [
            r#"{"a":[1,2,{"b":"c"}],"d":null,"e":true}"#,
            r#""line\nbreak \"quoted\" back\\slash \u0001""#,
            "[]",
            "{}",
            "-0",
            r#"{"é":"ção 😀"}"#,
        ];
        for text in cases {
            let json = Json::parse(text).unwrap();
            assert_eq!(Json::parse(&json.to_string()).unwrap(), json, "{text}");
        }
        assert_eq!(
            Json::parse(r#""\u0001""#).unwrap().to_string(),
            r#""\u0001""#
        );
    }

    #[test]
    fn refuses_what_is_not_json() {
        let cases = [
            "",
            " ",
            "{",
            "}",
            "[1,]",
            "{\"a\"}",
            "{\"a\":}",
            "{a:1}",
            "nul",
            "tru",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "\"abc",
            "\"\\x\"",
            "\"\\ud83d\"",
            "\"\\ud83dx\"",
            "\"\\u12\"",
            "\"a\nb\"",
            "[1 2]",
            "{\"a\":1,}",
            "1 2",
            "NaN",
            "'a'",
            "\u{feff}{}",
        ];
        for text in cases {
            assert!(Json::parse(text).is_err(), "{text:?} should be refused");
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(Json::parse(&deep).is_err());
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(Json::parse(&ok).is_ok());
    }

    #[test]
    fn a_repeated_key_keeps_its_last_value() {
        let json = Json::parse(r#"{"a":1,"a":2}"#).unwrap();
        assert_eq!(json.get("a").and_then(Json::as_u64), Some(2));
        assert_eq!(json.as_object().map(<[_]>::len), Some(1));
    }

    #[test]
    fn insert_replaces_and_builds() {
        let mut json = Json::object();
        json.insert("a", 1u64);
        json.insert("b", "x");
        json.insert("a", true);
        json.insert("c", None::<String>);
        assert_eq!(json.to_string(), r#"{"a":true,"b":"x","c":null}"#);
    }

    #[test]
    fn huge_numbers_stay_text_and_are_not_whole_u64() {
        let json = Json::parse("123456789012345678901234567890").unwrap();
        assert_eq!(json.as_u64(), None);
        assert_eq!(json.to_string(), "123456789012345678901234567890");
    }

    use crate::core::testing::Rng;

    #[test]
    fn property_random_text_never_panics_and_valid_output_round_trips() {
        let alphabet: Vec<char> = "{}[]:,\"\\/ ntrufalse0123456789.-+eEabu\u{e9}\u{1F600}\n\t"
            .chars()
            .collect();
        let mut rng = Rng(7);
        for _ in 0..50_000 {
            let len = (rng.next_u64() % 40) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(rng.next_u64() % alphabet.len() as u64) as usize])
                .collect();
            if let Ok(json) = Json::parse(&text) {
                assert_eq!(
                    Json::parse(&json.to_string()).as_ref(),
                    Ok(&json),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn property_random_bytes_never_panic() {
        let mut rng = Rng(99);
        for _ in 0..50_000 {
            let len = (rng.next_u64() % 48) as usize;
            let bytes: Vec<u8> = (0..len).map(|_| (rng.next_u64() % 256) as u8).collect();
            let _ = Json::parse(&String::from_utf8_lossy(&bytes));
        }
    }
}
