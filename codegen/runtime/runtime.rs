//! Support types shared by every vendor module.
//!
//! Copied verbatim by hookgen into each generated crate (it is not generated
//! from specs), so that the crate depends on nothing but serde and
//! serde_json.

use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// A field the documentation does not prove is always sent, or never null.
///
/// Keeps the three states a payload can have apart, so that a parsed
/// payload serializes back to exactly what was received: `Absent` fields are
/// skipped, `Null` ones are written as `null`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Maybe<T> {
    /// The key was not in the payload.
    #[default]
    Absent,
    /// The key was there with `null`.
    Null,
    /// The key was there with a value.
    Value(T),
}

impl<T> Maybe<T> {
    /// The value, if there is one.
    pub fn value(&self) -> Option<&T> {
        match self {
            Maybe::Value(v) => Some(v),
            Maybe::Absent | Maybe::Null => None,
        }
    }

    /// The value, if there is one.
    pub fn into_value(self) -> Option<T> {
        match self {
            Maybe::Value(v) => Some(v),
            Maybe::Absent | Maybe::Null => None,
        }
    }

    /// The key was not in the payload.
    pub fn is_absent(&self) -> bool {
        matches!(self, Maybe::Absent)
    }

    /// The key was there with `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Maybe::Null)
    }

    /// The key was there with a value.
    pub fn is_value(&self) -> bool {
        matches!(self, Maybe::Value(_))
    }

    /// A `Maybe` of a reference, for chaining without moving the payload.
    pub fn as_ref(&self) -> Maybe<&T> {
        match self {
            Maybe::Absent => Maybe::Absent,
            Maybe::Null => Maybe::Null,
            Maybe::Value(v) => Maybe::Value(v),
        }
    }

    /// A `Maybe` of the dereferenced value: `Maybe<String>` gives
    /// `Maybe<&str>`.
    pub fn as_deref(&self) -> Maybe<&T::Target>
    where
        T: std::ops::Deref,
    {
        self.as_ref().map(|v| &**v)
    }

    /// The value changed by `f`; absent and null stay as they are.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Maybe<U> {
        match self {
            Maybe::Absent => Maybe::Absent,
            Maybe::Null => Maybe::Null,
            Maybe::Value(v) => Maybe::Value(f(v)),
        }
    }

    /// Steps into a nested `Maybe`: with `as_ref`, a path through the
    /// payload in one expression,
    /// `p.data.as_ref().and_then(|d| d.customer.as_ref()).and_then(|c| c.email.as_deref())`.
    /// Absent or null anywhere on the way gives that state.
    pub fn and_then<U>(self, f: impl FnOnce(T) -> Maybe<U>) -> Maybe<U> {
        match self {
            Maybe::Absent => Maybe::Absent,
            Maybe::Null => Maybe::Null,
            Maybe::Value(v) => f(v),
        }
    }

    /// The value, or `default` when absent or null.
    pub fn unwrap_or(self, default: T) -> T {
        self.into_value().unwrap_or(default)
    }

    /// The value, or `T::default()` when absent or null.
    pub fn unwrap_or_default(self) -> T
    where
        T: Default,
    {
        self.into_value().unwrap_or_default()
    }

    /// The value, or `err` when absent or null.
    pub fn ok_or<E>(self, err: E) -> Result<T, E> {
        self.into_value().ok_or(err)
    }
}

impl<T> From<Maybe<T>> for Option<T> {
    /// `Some` for a value; `None` for absent and for null alike.
    fn from(v: Maybe<T>) -> Self {
        v.into_value()
    }
}

impl<T> From<Option<T>> for Maybe<T> {
    /// `None` becomes `Null`: the key is present.
    fn from(v: Option<T>) -> Self {
        v.map_or(Maybe::Null, Maybe::Value)
    }
}

impl<T: Serialize> Serialize for Maybe<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Maybe::Value(v) => v.serialize(s),
            Maybe::Absent | Maybe::Null => s.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Maybe<T> {
    /// Straight into the `Maybe`, not through an `Option` moved into one.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Read<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Read<T> {
            type Value = Maybe<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value or null")
            }
            fn visit_none<E: de::Error>(self) -> Result<Maybe<T>, E> {
                Ok(Maybe::Null)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Maybe<T>, E> {
                Ok(Maybe::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Maybe<T>, D::Error> {
                T::deserialize(d).map(Maybe::Value)
            }
        }
        d.deserialize_option(Read(std::marker::PhantomData))
    }
}

macro_rules! text_format {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// Holds the text exactly as received, so it serializes back unchanged
        /// and never fails to parse; check it when you read it.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                $name(s)
            }
        }
    };
}

text_format!(
    /// A date and time: RFC 3339 (`2023-11-07T05:31:56Z`) or SQL style
    /// (`2021-06-24 10:21:26`), as the vendor sends it.
    DateTime
);
text_format!(
    /// A calendar date, `2024-04-01`.
    Date
);
text_format!(
    /// A UUID, `a7a26ff2-e851-45b6-9634-d595f45458b7`.
    Uuid
);
text_format!(
    /// A decimal number sent as a string (`"19.99"`), kept exact.
    Decimal
);

impl DateTime {
    /// Seconds since the Unix epoch. Text without an offset is read as UTC.
    /// `None` when the text is not a date and time in either style.
    pub fn unix_seconds(&self) -> Option<i64> {
        let b = self.0.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let s = self.0.get(r)?;
            s.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| s.parse().ok())?
        };
        if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (h, mi, s) = (num(11..13)?, num(14..16)?, num(17..19)?);
        if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || s > 60 {
            return None;
        }
        let mut rest = &self.0[19..];
        if let Some(frac) = rest.strip_prefix('.') {
            rest = frac.trim_start_matches(|c: char| c.is_ascii_digit());
        }
        let offset = match rest {
            "" | "Z" | "z" => 0,
            _ => {
                let sign = match rest.as_bytes()[0] {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return None,
                };
                let hm = rest[1..].replace(':', "");
                if hm.len() != 4 || !hm.bytes().all(|c| c.is_ascii_digit()) {
                    return None;
                }
                let (oh, om): (i64, i64) = (hm[..2].parse().ok()?, hm[2..].parse().ok()?);
                sign * (oh * 3600 + om * 60)
            }
        };
        // Days from the civil date (Howard Hinnant's algorithm).
        let y = if mo <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (mo + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        Some(days * 86_400 + h * 3600 + mi * 60 + s - offset)
    }
}

impl Decimal {
    /// The value as a float, when the text is a decimal number within
    /// `f64`'s range (`"NaN"`, `"inf"` and `"1e999"` are `None`).
    pub fn to_f64(&self) -> Option<f64> {
        let text = self.0.trim();
        let digits = text.bytes().any(|b| b.is_ascii_digit())
            && text
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
        digits
            .then(|| text.parse::<f64>().ok())
            .flatten()
            .filter(|f| f.is_finite())
    }
}

/// A JSON number kept exactly as sent: `199`, `89.99`, `1.50`, `1e3`,
/// `12345678901234567890123`. A number only the documentation's examples
/// show is one of these, since an example's `199` does not prove the next
/// payload sends no `89.99`; read it with `as_i64`, `as_u64` or `as_f64`.
/// It serializes back as the same text (`Display` writes it too).
#[derive(Clone)]
pub struct Number(NumberRepr);

#[derive(Clone)]
enum NumberRepr {
    /// An integer that fits an `i64`, whose text is how an `i64` prints.
    Int(i64),
    /// Any other number's text (one pointer wide, so that `Maybe<Number>`
    /// is no bigger than `Maybe<i64>`).
    Text(Box<Box<serde_json::value::RawValue>>),
}

impl Number {
    /// The value, when it is an integer that fits an `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match &self.0 {
            NumberRepr::Int(i) => Some(*i),
            NumberRepr::Text(t) => t.get().parse().ok(),
        }
    }

    /// The value, when it is an integer that fits a `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match &self.0 {
            NumberRepr::Int(i) => u64::try_from(*i).ok(),
            NumberRepr::Text(t) => t.get().parse().ok(),
        }
    }

    /// The value as the nearest float; `None` when it is beyond `f64`'s range.
    pub fn as_f64(&self) -> Option<f64> {
        match &self.0 {
            NumberRepr::Int(i) => Some(*i as f64),
            NumberRepr::Text(t) => t.get().parse::<f64>().ok().filter(|f| f.is_finite()),
        }
    }

    /// Whether it is written without a fraction or exponent.
    pub fn is_integer(&self) -> bool {
        match &self.0 {
            NumberRepr::Int(_) => true,
            NumberRepr::Text(t) => !t.get().contains(['.', 'e', 'E']),
        }
    }
}

impl From<i64> for Number {
    fn from(n: i64) -> Number {
        Number(NumberRepr::Int(n))
    }
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            NumberRepr::Int(i) => fmt::Display::fmt(i, f),
            NumberRepr::Text(t) => f.write_str(t.get()),
        }
    }
}

impl PartialEq for Number {
    /// The same text: `1.5` and `1.50` differ, as they do on the wire.
    fn eq(&self, other: &Number) -> bool {
        match (&self.0, &other.0) {
            (NumberRepr::Int(a), NumberRepr::Int(b)) => a == b,
            (NumberRepr::Text(a), NumberRepr::Text(b)) => a.get() == b.get(),
            _ => false,
        }
    }
}

impl Eq for Number {}

impl std::hash::Hash for Number {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        match &self.0 {
            NumberRepr::Int(i) => i.hash(h),
            NumberRepr::Text(t) => t.get().hash(h),
        }
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            NumberRepr::Int(i) => s.serialize_i64(*i),
            NumberRepr::Text(t) => t.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Number {
    /// Reads from serde_json's deserializers (`from_slice`, `from_str`,
    /// `from_reader`), which hand over the number's text. An integer that
    /// fits an `i64` is read from the text in place, with no copy.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        with_text(d, "a number", |text| {
            let kind = match text.as_bytes().first() {
                Some(b'-' | b'0'..=b'9') => {
                    if let Some(i) = short_integer(text.as_bytes()) {
                        return Ok(Number(NumberRepr::Int(i)));
                    }
                    // JSON integers have no leading zeros or `+`: one that
                    // fits prints back the same, but for `-0`.
                    if !text.contains(['.', 'e', 'E']) && text != "-0" {
                        if let Ok(i) = text.parse() {
                            return Ok(Number(NumberRepr::Int(i)));
                        }
                    }
                    return serde_json::value::RawValue::from_string(text.to_owned())
                        .map(|raw| Number(NumberRepr::Text(Box::new(raw))))
                        .map_err(|_| de::Unexpected::Other("an invalid number"));
                }
                Some(b'"') => de::Unexpected::Other("a string"),
                Some(b't' | b'f') => de::Unexpected::Other("a boolean"),
                Some(b'n') => de::Unexpected::Unit,
                Some(b'[') => de::Unexpected::Seq,
                _ => de::Unexpected::Map,
            };
            Err(kind)
        })
    }
}

/// The value of an integer's text of at most 18 digits (which always fits
/// an `i64`), in one pass; `None` for any other text, `-0` included, which
/// then takes the general way.
fn short_integer(text: &[u8]) -> Option<i64> {
    let (negative, digits) = match text {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, text),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut value = 0i64;
    for &b in digits {
        let digit = b.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        value = value * 10 + i64::from(digit);
    }
    match (negative, value) {
        (true, 0) => None,
        (true, v) => Some(-v),
        (false, v) => Some(v),
    }
}

/// serde_json's name for a raw value: deserializing a newtype struct of
/// this name hands over the value's text (what `RawValue` does).
const RAW_VALUE: &str = "$serde_json::private::RawValue";

/// Gives `read` the text of the next value, borrowed from the input where
/// it can be (`from_slice`, `from_str`), where `Box<RawValue>` would copy
/// it first. A deserializer that does not know the name goes the way of
/// `Box<RawValue>`.
fn with_text<'de, D: Deserializer<'de>, T>(
    d: D,
    expected: &'static str,
    read: impl FnOnce(&str) -> Result<T, de::Unexpected<'static>>,
) -> Result<T, D::Error> {
    struct Raw<F>(&'static str, F);
    impl<'de, T, F: FnOnce(&str) -> Result<T, de::Unexpected<'static>>> Visitor<'de> for Raw<F> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
            if map.next_key::<IgnoredAny>()?.is_none() {
                return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
            }
            map.next_value_seed(self)
        }
        fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
            let raw = Box::<serde_json::value::RawValue>::deserialize(d)?;
            self.visit_str(raw.get())
        }
        fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
            let expected = self.0;
            (self.1)(text).map_err(|u| E::invalid_type(u, &expected))
        }
    }
    impl<'de, T, F: FnOnce(&str) -> Result<T, de::Unexpected<'static>>> DeserializeSeed<'de>
        for Raw<F>
    {
        type Value = T;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
            d.deserialize_str(self)
        }
    }
    d.deserialize_newtype_struct(RAW_VALUE, Raw(expected, read))
}

/// Any JSON value, kept as the text that was received, so that it
/// serializes back byte for byte: `1.50` stays `1.50`, and
/// `12345678901234567890123` keeps every digit. Free-form fields
/// (`metadata`), fields the documentation gives no type, the fields a struct
/// does not list (`extra`) and unknown events' bodies are these.
///
/// Read it with [`Json::to_value`] (a `serde_json::Value`, which rounds
/// numbers beyond `f64`), [`Json::parse`] (into any type), or
/// [`Json::text`]. Two values are equal when their texts are.
#[derive(Clone)]
pub struct Json(Box<serde_json::value::RawValue>);

impl Json {
    /// The JSON text, as received: `{"plan": "pro"}`, `1.50`, `null`.
    pub fn text(&self) -> &str {
        self.0.get()
    }

    /// The value as a `serde_json::Value`.
    /// `Null` for a value nested deeper than serde_json builds (128
    /// levels); [`Json::parse`] says so instead.
    pub fn to_value(&self) -> Value {
        self.parse().unwrap_or(Value::Null)
    }

    /// The value read as `T`.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.text())
    }

    /// The value is `null`.
    pub fn is_null(&self) -> bool {
        self.text() == "null"
    }

    /// The string, when the value is one.
    pub fn as_string(&self) -> Option<String> {
        self.parse().ok()
    }

    /// The JSON text of `value`.
    pub fn from_value(value: &Value) -> Json {
        Json(serde_json::value::to_raw_value(value).expect("a Value always serializes"))
    }
}

impl From<Value> for Json {
    fn from(value: Value) -> Json {
        Json::from_value(&value)
    }
}

impl From<Json> for Value {
    fn from(json: Json) -> Value {
        json.to_value()
    }
}

impl fmt::Debug for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}

impl PartialEq for Json {
    /// The same text: `1.5` and `1.50` differ, as they do on the wire.
    fn eq(&self, other: &Json) -> bool {
        self.text() == other.text()
    }
}

impl Eq for Json {}

impl std::hash::Hash for Json {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.text().hash(h)
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Json {
    /// Reads from serde_json's deserializers (`from_slice`, `from_str`,
    /// `from_reader`, a `Value`), which hand over the value's text.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Box::<serde_json::value::RawValue>::deserialize(d).map(Json)
    }
}

/// The fields of a struct the documentation does not list, by key, each
/// kept as received. Empty, it allocates nothing.
pub type Extra = std::collections::BTreeMap<String, Json>;

/// Seconds since the Unix epoch, sent as a JSON integer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnixTime(pub i64);

impl UnixTime {
    pub fn to_system_time(self) -> std::time::SystemTime {
        let d = std::time::Duration::from_secs(self.0.unsigned_abs());
        if self.0 >= 0 {
            std::time::UNIX_EPOCH + d
        } else {
            std::time::UNIX_EPOCH - d
        }
    }
}

/// An event whose type the documentation does not list: kept whole.
#[derive(Clone, Debug, PartialEq)]
pub struct UnknownEvent {
    pub event_type: String,
    pub body: Json,
}

impl Serialize for UnknownEvent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.body.serialize(s)
    }
}

/// Why a webhook body could not be read.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    path: String,
    message: String,
}

/// What kind of failure an [`Error`] is: a body that is not JSON, JSON that
/// does not fit the documented types (see [`Error::path`]), or no way to
/// tell the event. New kinds may come: match with a wildcard arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The body is not JSON.
    Syntax,
    /// The JSON does not fit the documented types.
    Data,
    /// The body does not say which event it is.
    MissingEventType,
    /// `AnyEvent` was asked for a vendor this crate does not have.
    UnknownVendor,
}

impl Error {
    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The JSON path of the failing value (`data.object.phone_type`); empty
    /// when the error is not about one value.
    pub fn path(&self) -> &str {
        &self.path
    }

    fn from_json(path: String, e: serde_json::Error) -> Error {
        let kind = match e.classify() {
            serde_json::error::Category::Data => ErrorKind::Data,
            _ => ErrorKind::Syntax,
        };
        Error {
            kind,
            path: if path == "." { String::new() } else { path },
            message: e.to_string(),
        }
    }

    #[doc(hidden)]
    pub fn missing_event_type(fields: &[&[&str]]) -> Error {
        // `data.events[].type`: a step into items is glued to its array.
        let names: Vec<String> = fields
            .iter()
            .map(|f| f.join(".").replace(".[]", "[]"))
            .collect();
        Error {
            kind: ErrorKind::MissingEventType,
            path: String::new(),
            message: format!(
                "no event type: `{}` missing or not a string",
                names.join("` + `")
            ),
        }
    }

    /// For a vendor whose documentation does not say where the event type
    /// travels.
    #[doc(hidden)]
    pub fn event_type_unknown(vendor: &str) -> Error {
        Error {
            kind: ErrorKind::MissingEventType,
            path: String::new(),
            message: format!(
                "`{vendor}`: the documentation does not say where the event type travels, so \
                 `from_json` cannot tell the event; use `from_json_with_type`, or name the field \
                 in specs/{vendor}/hookgen.toml ([event_type] fields = [\"...\"]) and regenerate"
            ),
        }
    }

    /// `place`: where the type travels instead, "the `X-Event` header".
    #[doc(hidden)]
    pub fn event_type_outside(place: &str) -> Error {
        Error {
            kind: ErrorKind::MissingEventType,
            path: String::new(),
            message: format!(
                "the event type travels in {place}, not the body: use `from_json_with_type`"
            ),
        }
    }

    #[doc(hidden)]
    pub fn unknown_vendor(vendor: &str) -> Error {
        Error {
            kind: ErrorKind::UnknownVendor,
            path: String::new(),
            message: format!("no vendor `{vendor}` in this crate (is its feature on?)"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for Error {}

/// Reads a value from bytes off the wire, as `serde_json::from_slice`
/// does. The bytes are checked as UTF-8 once, whole, and read as text:
/// from bytes, serde_json checks each string on its own, which costs more
/// than reading it. Bytes that are not UTF-8 are not JSON (RFC 8259
/// §8.1): they are read as bytes into a `Value`, for serde_json's error and
/// its position. Not into `T`: that would build every payload type's reader
/// twice, once per kind of input, and double the crate's compile time.
#[doc(hidden)]
pub fn read<T: DeserializeOwned>(body: &[u8]) -> Result<T, serde_json::Error> {
    match std::str::from_utf8(body) {
        Ok(text) => serde_json::from_str(text),
        Err(bad) => Err(match serde_json::from_slice::<Value>(body) {
            Err(e) => e,
            // serde_json checks every string it reads into a `Value`, so
            // this is not reached; the error still says what is wrong.
            Ok(_) => <serde_json::Error as de::Error>::custom(format_args!(
                "invalid UTF-8 at byte {}",
                bad.valid_up_to()
            )),
        }),
    }
}

/// Reads a payload from bytes off the wire, naming the JSON path of any
/// failure.
#[doc(hidden)]
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, Error> {
    read(body).map_err(|e| {
        // Cold path: the JSON path of the position serde_json reports.
        let path = match e.line() {
            0 => String::new(),
            line => {
                let mut at = byte_offset(body, line, e.column());
                // An error a field's own type raises once it has read
                // the value (a `Number` holding a string) is placed past
                // the object's closing bracket, yet is about the field
                // inside; a missing field is about the object.
                let closed = at > 0 && matches!(body[at - 1], b'}' | b']');
                if closed && e.is_data() && !e.to_string().starts_with("missing field") {
                    at -= 1;
                }
                path_at(body, at)
            }
        };
        Error::from_json(path, e)
    })
}

/// The byte offset of serde_json's (1-based line, column) position: just past
/// the last byte it read.
fn byte_offset(body: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match body[start..].iter().position(|b| *b == b'\n') {
            Some(i) => start += i + 1,
            None => return body.len(),
        }
    }
    (start + column).min(body.len())
}

/// The JSON path (`data.items[1].n`) of what is being read at byte `offset`,
/// found by scanning the bytes before it: the key or index each open
/// container is at.
fn path_at(body: &[u8], offset: usize) -> String {
    enum Frame {
        Object(Option<String>),
        Array(usize),
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut expect_key = false;
    let mut i = 0;
    while i < offset {
        match body[i] {
            b'{' => {
                stack.push(Frame::Object(None));
                expect_key = true;
            }
            b'[' => {
                stack.push(Frame::Array(0));
                expect_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expect_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(_)) => expect_key = true,
                None => {}
            },
            b'"' => {
                let Some(end) = string_end(body, i) else {
                    break;
                };
                if expect_key {
                    let key = serde_json::from_slice::<String>(&body[i..=end]).unwrap_or_default();
                    if let Some(Frame::Object(k)) = stack.last_mut() {
                        *k = Some(key);
                    }
                    expect_key = false;
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(k)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Array(n) => path.push_str(&format!("[{n}]")),
            Frame::Object(None) => {}
        }
    }
    path
}

/// Reads the event type from a body without building it: only the named
/// fields are read, everything else is skipped.
#[doc(hidden)]
pub fn event_type_in_json(
    body: &[u8],
    fields: &[&[&str]],
    separator: &str,
) -> Result<String, Error> {
    // Fast path: top-level fields, found by scanning bytes to the end of the
    // top-level object (a key may repeat, and then the last one counts, as
    // it does for the payload). Anything unusual (a nested path, an escape,
    // a duplicate, malformed text) falls back to reading with serde, which
    // also reports errors; the payload parse validates the rest.
    if fields.iter().all(|f| f.len() == 1) {
        let names: Vec<&str> = fields.iter().map(|f| f[0]).collect();
        if let Some(found) = scan_top_level(body, &names) {
            return join(found.into_iter().map(Some).collect(), fields, separator);
        }
    }
    let mut found = vec![None; fields.len()];
    let mut de = serde_json::Deserializer::from_slice(body);
    let seek = Seek {
        fields,
        depth: 0,
        active: (0..fields.len()).collect(),
        found: &mut found,
    };
    seek.deserialize(&mut de)
        .map_err(|e| Error::from_json(String::new(), e))?;
    join(found, fields, separator)
}

/// The string values of top-level `keys`, by a byte scan; `None` when the
/// scan is not sure (the caller then reads with serde).
fn scan_top_level(body: &[u8], keys: &[&str]) -> Option<Vec<String>> {
    let mut found: Vec<Option<String>> = vec![None; keys.len()];
    let mut depth = 0usize;
    let mut i = 0;
    // At depth 1, whether the next string is a key.
    let mut expect_key = false;
    while i < body.len() {
        match body[i] {
            b'{' => {
                depth += 1;
                expect_key = depth == 1;
                i += 1;
            }
            b'[' => {
                depth += 1;
                i += 1;
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                i += 1;
                if depth == 0 {
                    return found.into_iter().collect();
                }
            }
            b',' => {
                expect_key = depth == 1;
                i += 1;
            }
            b'"' => {
                let end = string_end(body, i)?;
                let text = &body[i + 1..end];
                i = end + 1;
                if depth == 1 && expect_key {
                    expect_key = false;
                    // An escaped key (`"event_typ\u0065"`) may be one of
                    // ours once decoded: serde decides.
                    if text.contains(&b'\\') {
                        return None;
                    }
                    let Some(k) = keys.iter().position(|k| k.as_bytes() == text) else {
                        continue;
                    };
                    while body
                        .get(i)
                        .is_some_and(|b| b.is_ascii_whitespace() || *b == b':')
                    {
                        i += 1;
                    }
                    if body.get(i) != Some(&b'"') {
                        return None;
                    }
                    let end = string_end(body, i)?;
                    let value = std::str::from_utf8(&body[i + 1..end]).ok()?;
                    if found[k].is_some() || value.contains('\\') {
                        return None;
                    }
                    found[k] = Some(value.to_owned());
                    i = end + 1;
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// The index of the quote closing the string that opens at `start`.
fn string_end(body: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < body.len() {
        match body[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

fn join(found: Vec<Option<String>>, fields: &[&[&str]], separator: &str) -> Result<String, Error> {
    let parts: Option<Vec<String>> = found.into_iter().collect();
    parts
        .map(|p| p.join(separator))
        .ok_or_else(|| Error::missing_event_type(fields))
}

struct Seek<'a> {
    fields: &'a [&'a [&'a str]],
    depth: usize,
    /// Indexes of the fields whose path matches so far.
    active: Vec<usize>,
    found: &'a mut [Option<String>],
}

impl<'de> DeserializeSeed<'de> for Seek<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seek<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key_seed(KeyMatch {
            fields: self.fields,
            depth: self.depth,
            active: &self.active,
        })? {
            if key.is_empty() {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            map.next_value_seed(Step {
                fields: self.fields,
                depth: self.depth,
                matching: key,
                found: &mut *self.found,
            })?;
        }
        Ok(())
    }

    /// A path's `[]` step: a batch's event type is its first item's.
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let items: Vec<usize> = (self.active.iter().copied())
            .filter(|&i| self.fields[i].get(self.depth) == Some(&"[]"))
            .collect();
        if !items.is_empty() {
            seq.next_element_seed(Step {
                fields: self.fields,
                depth: self.depth,
                matching: items,
                found: &mut *self.found,
            })?;
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

/// The value at a key or item that the paths in `matching` step through at
/// `depth`: the string of those that end there, else the paths go on in it.
struct Step<'a> {
    fields: &'a [&'a [&'a str]],
    depth: usize,
    matching: Vec<usize>,
    found: &'a mut [Option<String>],
}

impl<'de> DeserializeSeed<'de> for Step<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let Step {
            fields,
            depth,
            matching,
            found,
        } = self;
        let ends = |i: &usize| fields[*i].len() == depth + 1;
        let (leaves, deeper): (Vec<usize>, Vec<usize>) = matching.into_iter().partition(ends);
        if leaves.is_empty() {
            let active = deeper;
            let depth = depth + 1;
            return Seek {
                fields,
                depth,
                active,
                found,
            }
            .deserialize(d);
        }
        let v = MaybeString::deserialize(d)?;
        for i in leaves {
            found[i] = v.0.clone();
        }
        Ok(())
    }
}

/// Matches a key against the active paths without allocating; yields the
/// indexes of the paths it continues.
struct KeyMatch<'a> {
    fields: &'a [&'a [&'a str]],
    depth: usize,
    active: &'a [usize],
}

impl<'de> DeserializeSeed<'de> for KeyMatch<'_> {
    type Value = Vec<usize>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<usize>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyMatch<'_> {
    type Value = Vec<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Vec<usize>, E> {
        Ok(self
            .active
            .iter()
            .copied()
            .filter(|&i| self.fields[i][self.depth] == key)
            .collect())
    }
}

/// A string, or anything else read as "no string".
struct MaybeString(Option<String>);

impl<'de> Deserialize<'de> for MaybeString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(MaybeString(
            Value::deserialize(d)?.as_str().map(str::to_owned),
        ))
    }
}

/// An object key, borrowed from the input when it has no escapes.
#[doc(hidden)]
pub struct Key<'de>(pub std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }

            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(s)))
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(s.to_owned())))
            }

            fn visit_string<E: de::Error>(self, s: String) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(s)))
            }
        }

        d.deserialize_str(KeyVisitor)
    }
}

// A struct's visitor reads each field with one of these three: an arm is a
// call, and each is built once per field type and reader, shared by every
// field of that type, where a read written out in each arm (the value, its
// `?`, dropping the slot's old value) was built for every field: compile
// time that grows with the crate.

/// Reads a field's value into its slot (a `Maybe`).
#[doc(hidden)]
#[inline]
pub fn next_value<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut T,
) -> Result<(), A::Error> {
    *slot = map.next_value()?;
    Ok(())
}

/// Reads a required field's value into its slot, `None` until it is read.
#[doc(hidden)]
#[inline]
pub fn next_required<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
) -> Result<(), A::Error> {
    *slot = Some(map.next_value()?);
    Ok(())
}

/// Keeps a field the documentation does not list, as received.
#[doc(hidden)]
#[inline]
pub fn next_extra<'de, A: MapAccess<'de>>(
    map: &mut A,
    extra: &mut Extra,
    key: Key<'de>,
) -> Result<(), A::Error> {
    extra.insert(key.0.into_owned(), map.next_value()?);
    Ok(())
}

/// Deserializes a string and hands it, borrowed when possible, to `f`.
#[doc(hidden)]
pub fn deserialize_str<'de, D: Deserializer<'de>, T>(
    d: D,
    f: fn(&str) -> T,
) -> Result<T, D::Error> {
    struct StrVisitor<T>(fn(&str) -> T);

    impl<T> Visitor<'_> for StrVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
            Ok((self.0)(s))
        }
    }

    d.deserialize_str(StrVisitor(f))
}

/// Deserializes an integer and hands it to `f`.
#[doc(hidden)]
pub fn deserialize_i64<'de, D: Deserializer<'de>, T>(d: D, f: fn(i64) -> T) -> Result<T, D::Error> {
    i64::deserialize(d).map(f)
}

#[cfg(test)]
mod tests {

    #[test]
    fn maybe_chains_like_option() {
        struct Customer {
            email: Maybe<String>,
        }
        struct Data {
            customer: Maybe<Customer>,
        }
        fn email(data: &Maybe<Data>) -> Maybe<&str> {
            data.as_ref()
                .and_then(|d| d.customer.as_ref())
                .and_then(|c| c.email.as_deref())
        }
        let full = Maybe::Value(Data {
            customer: Maybe::Value(Customer {
                email: Maybe::Value("a@b.c".to_owned()),
            }),
        });
        assert_eq!(email(&full), Maybe::Value("a@b.c"));
        let no_customer = Maybe::Value(Data {
            customer: Maybe::Null,
        });
        assert_eq!(email(&no_customer), Maybe::Null);
        assert_eq!(email(&Maybe::Absent), Maybe::Absent);
        assert_eq!(Option::from(email(&full)), Some("a@b.c"));
        assert_eq!(email(&no_customer).unwrap_or("none"), "none");
        assert_eq!(Maybe::<u8>::Absent.unwrap_or_default(), 0);
        assert_eq!(Maybe::Value(2).map(|v| v * 2).ok_or("missing"), Ok(4));
        assert_eq!(Maybe::<u8>::Null.ok_or("missing"), Err("missing"));
        assert!(Maybe::Value(1).is_value() && !Maybe::<u8>::Null.is_value());
    }
    use super::*;

    #[test]
    fn maybe_keeps_absent_null_and_value_apart() {
        #[derive(Serialize, Deserialize, PartialEq, Debug)]
        struct S {
            #[serde(default, skip_serializing_if = "Maybe::is_absent")]
            a: Maybe<i64>,
        }
        for body in [r#"{}"#, r#"{"a":null}"#, r#"{"a":1}"#] {
            let s: S = serde_json::from_str(body).unwrap();
            assert_eq!(serde_json::to_string(&s).unwrap(), body);
        }
    }

    #[test]
    fn decimals_read_as_numbers_only_when_they_are_numbers() {
        let d = |s: &str| Decimal(s.to_owned()).to_f64();
        assert_eq!(d("19.99"), Some(19.99));
        assert_eq!(d(" -2.5e3 "), Some(-2500.0));
        for s in ["NaN", "inf", "-infinity", "1e999", "", "12abc", "."] {
            assert_eq!(d(s), None, "{s}");
        }
    }

    #[test]
    fn error_paths_match_what_serde_path_to_error_reports() {
        #[allow(dead_code)]
        #[derive(Deserialize, Debug)]
        struct Root {
            a: i64,
            data: Data,
            #[serde(flatten)]
            extra: serde_json::Map<String, Value>,
        }
        #[allow(dead_code)]
        #[derive(Deserialize, Debug)]
        struct Data {
            items: Vec<Item>,
            name: String,
            #[serde(flatten)]
            extra: serde_json::Map<String, Value>,
        }
        #[allow(dead_code)]
        #[derive(Deserialize, Debug)]
        struct Item {
            n: i64,
            s: Option<String>,
        }
        // The paths serde_path_to_error gives for the same inputs.
        let cases = [
            (r#"{"a": "x", "data": {"items": [], "name": "n"}}"#, "a"),
            (r#"{"a": 1, "data": {"items": [{"n": 1}, {"n": "two"}], "name": "n"}}"#, "data.items[1].n"),
            (r#"{"a": 1, "data": {"items": [{"n": 1}, {"s": "x"}], "name": "n"}}"#, "data.items[1]"),
            (r#"{"a": 1, "data": {"items": [], "name": 5}}"#, "data.name"),
            (r#"{"a": 1, "data": {"items": [], "name": "n", "z": 1}, "b": [1,2}"#, "b"),
            (r#"{"a": 1, "data": {"items": [{"n": 1.5}], "name": "n"}}"#, "data.items[0].n"),
            (r#"{"a": 1, "data": {"name": "n"}}"#, "data"),
            (r#"{"a": 1, "data": {"items": {"n": 1}, "name": "n"}}"#, "data.items"),
            ("{\"a\": 1,\n \"data\": {\"items\": [{\"n\": 1},\n {\"n\": true}], \"name\": \"n\"}}", "data.items[1].n"),
            (r#"{"a": 1, "d\"x": {}, "data": {"items": [{"n": "\"}"}], "name": "n"}}"#, "data.items[0].n"),
        ];
        for (body, path) in cases {
            let err = parse::<Root>(body.as_bytes()).unwrap_err();
            assert_eq!(err.path(), path, "{body}: {err}");
        }
    }

    #[test]
    fn date_times_in_both_styles() {
        let t = |s: &str| DateTime(s.to_owned()).unix_seconds();
        assert_eq!(t("2023-11-07T05:31:56Z"), Some(1_699_335_116));
        assert_eq!(t("2021-06-24 10:21:26"), Some(1_624_530_086));
        assert_eq!(t("2021-06-24T12:21:26+02:00"), Some(1_624_530_086));
        assert_eq!(t("1970-01-01T00:00:00.5Z"), Some(0));
        assert_eq!(t("yesterday"), None);
    }

    #[test]
    fn event_type_found_without_reading_the_rest() {
        let body = br#"{"data":{"x":[1,{"a":"b"}]},"meta":{"name":"a.b"},"type":"x","event":"up"}"#;
        let fields: &[&[&str]] = &[&["meta", "name"]];
        assert_eq!(event_type_in_json(body, fields, ".").unwrap(), "a.b");
        let pair: &[&[&str]] = &[&["type"], &["event"]];
        assert_eq!(event_type_in_json(body, pair, ".").unwrap(), "x.up");
        // The byte scan and serde agree, escapes and nesting included.
        let tricky =
            br#"{"data": {"type": "inner"}, "note": "a \"type\": \"x\"", "type": "outer"}"#;
        let top: &[&[&str]] = &[&["type"]];
        assert_eq!(event_type_in_json(tricky, top, ".").unwrap(), "outer");
        let escaped = br#"{"type": "a\u002eb"}"#;
        assert_eq!(event_type_in_json(escaped, top, ".").unwrap(), "a.b");
        // An escaped key is the same key, and the last one counts, as the
        // payload's own Deserialize reads it.
        let spelled = br#"{"type": "customer.created", "typ\u0065": "customer.deleted"}"#;
        assert_eq!(
            event_type_in_json(spelled, top, ".").unwrap(),
            "customer.deleted"
        );
        let parsed: Value = serde_json::from_slice(spelled).unwrap();
        assert_eq!(parsed["type"], "customer.deleted");
        let missing: &[&[&str]] = &[&["kind"]];
        assert_eq!(
            event_type_in_json(body, missing, ".").unwrap_err().kind(),
            ErrorKind::MissingEventType
        );
    }
}
