//! Payloads for the benchmarks: the seed examples as hookgen reads them, and
//! larger ones grown from them.

use serde_json::Value;

/// The example body hookgen read for `vendor`'s `event`, from the pinned
/// seed pages that `seed-models` is generated from.
pub fn seed(vendor: &str, event: &str) -> Value {
    let specs =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/seeds/specs");
    let analysis = hookgen::analyze(&specs, "tests/fixtures/seeds/specs")
        .expect("the pinned seed pages are readable");
    analysis
        .examples
        .into_iter()
        .find(|e| e.vendor == vendor && e.event == event)
        .map(|e| e.body)
        .unwrap_or_else(|| panic!("no example for {vendor} {event}"))
}

/// `body` with the array at `path` grown to `n` copies of its first item,
/// each with its `id` changed so the items are not identical.
pub fn grown(mut body: Value, path: &[&str], n: usize) -> Value {
    let mut at = &mut body;
    for key in path {
        at = &mut at[*key];
    }
    let first = at[0].clone();
    let items: Vec<Value> = (0..n)
        .map(|i| {
            let mut item = first.clone();
            if item.get("id").is_some() {
                item["id"] = Value::from(i as i64 + 1);
            }
            item
        })
        .collect();
    *at = Value::Array(items);
    body
}

/// Plain serde structs for Next Commerce's `subscription.updated`, as one
/// would write them by hand: `Option` for nullable fields; `$extra` adds a
/// field to every struct.
macro_rules! next_commerce_structs {
    ($($extra:tt)*) => {
    #[derive(Deserialize)]
        pub struct Event {
            pub api_version: String,
            pub data: Data,
            pub event_id: String,
            pub event_type: String,
            pub object: String,
            pub webhook: Webhook,
            $($extra)*
        }

        #[derive(Deserialize)]
        pub struct Data {
            pub attribution: Attribution,
            pub billing_address: Address,
            pub cancel_reason: String,
            pub cancel_reason_other_message: Option<String>,
            pub currency: String,
            pub date_created: String,
            pub frequency: String,
            pub id: i64,
            pub interval: String,
            pub interval_count: i64,
            pub is_tax_known: bool,
            pub is_test: bool,
            pub lines: Vec<Line>,
            pub next_renewal_date: Option<String>,
            pub num_lines: i64,
            pub num_orders: i64,
            pub orders: Vec<Order>,
            pub payment_details: Value,
            pub payment_method: String,
            pub shipping_address: Address,
            pub shipping_code: String,
            pub shipping_price: String,
            pub status: String,
            pub total: String,
            pub user: User,
            $($extra)*
        }

        #[derive(Deserialize)]
        pub struct Attribution {
            pub affiliate: Option<String>,
            pub agent: Agent,
            pub funnel: Option<String>,
            pub gclid: Option<String>,
            pub metadata: Value,
            pub subaffiliate1: Option<String>,
            pub subaffiliate2: Option<String>,
            pub subaffiliate3: Option<String>,
            pub subaffiliate4: Option<String>,
            pub subaffiliate5: Option<String>,
            pub utm_campaign: Option<String>,
            pub utm_content: Option<String>,
            pub utm_medium: Option<String>,
            pub utm_source: Option<String>,
            pub utm_term: Option<String>,
            $($extra)*
        }

        #[derive(Deserialize)]
        pub struct Agent {
            pub email: Option<String>,
            pub first_name: String,
            pub id: i64,
            pub last_name: String,
            $($extra)*
        }

        #[derive(Deserialize)]
        pub struct Address {
            pub country: String,
            pub first_name: String,
            pub id: i64,
            pub last_name: String,
            pub line1: String,
            pub line2: String,
            pub line3: String,
            pub line4: String,
            pub notes: Option<String>,
            pub phone_number: String,
            pub postcode: String,
            pub state: String,
            $($extra)*
        }

        #[derive(Deserialize)]
        pub struct Line {
            pub id: i64,
            pub metadata: Value,
            pub price: String,
            pub product_id: i64,
            pub product_image: String,
            pub product_title: String,
            pub product_url: String,
            pub quantity: i64,
            pub sku: String,
            pub variant_id: i64,
            pub variant_title: String,
            $($extra)*
        }

        #[derive(Deserialize)]
        pub struct Order {
            pub billing_cycle: i64,
            pub order_number: String,
            $($extra)*
        }

        #[derive(Deserialize)]
        pub struct User {
            pub accepts_marketing: bool,
            pub email: Option<String>,
            pub first_name: String,
            pub id: i64,
            pub ip: Option<String>,
            pub language: Option<String>,
            pub last_name: String,
            pub phone_number: Option<String>,
            pub user_agent: Option<String>,
            $($extra)*
        }

        #[derive(Deserialize)]
        pub struct Webhook {
            pub events: Vec<String>,
            pub id: i64,
            pub store: String,
            pub target: String,
            $($extra)*
        }
    };
}

/// No unknown fields kept.
pub mod hand {
    use serde::Deserialize;
    use serde_json::Value;

    next_commerce_structs!();
}

/// The same, keeping unknown fields as webhook-models does: the cost of
/// `#[serde(flatten)]` alone.
pub mod hand_flatten {
    use serde::Deserialize;
    use serde_json::Value;

    next_commerce_structs!(
        #[serde(flatten)]
        pub extra: serde_json::Map<String, Value>,
    );
}

/// The plain structs with borrowed strings (`Cow<str>`: borrowed from the
/// body unless a string has escapes), to measure what an opt-in borrowed
/// layout could save: read from text, as they must be to borrow.
pub mod hand_borrowed {
    use std::borrow::Cow;

    use serde::{de, Deserialize, Deserializer};
    use serde_json::Value;

    /// A string borrowed from the body unless it has escapes. (serde's own
    /// `Cow<str>` borrows only as a field of its own, not in an `Option`
    /// or a `Vec`.)
    pub struct Str<'a>(pub Cow<'a, str>);

    impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Read;
            impl<'de> de::Visitor<'de> for Read {
                type Value = Str<'de>;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a string")
                }
                fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Str<'de>, E> {
                    Ok(Str(Cow::Borrowed(v)))
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<Str<'de>, E> {
                    Ok(Str(Cow::Owned(v.to_owned())))
                }
            }
            d.deserialize_str(Read)
        }
    }

    #[derive(Deserialize)]
    pub struct Event<'a> {
        #[serde(borrow)]
        pub api_version: Str<'a>,
        #[serde(borrow)]
        pub data: Data<'a>,
        #[serde(borrow)]
        pub event_id: Str<'a>,
        #[serde(borrow)]
        pub event_type: Str<'a>,
        #[serde(borrow)]
        pub object: Str<'a>,
        #[serde(borrow)]
        pub webhook: Webhook<'a>,
    }

    #[derive(Deserialize)]
    pub struct Data<'a> {
        #[serde(borrow)]
        pub attribution: Attribution<'a>,
        #[serde(borrow)]
        pub billing_address: Address<'a>,
        #[serde(borrow)]
        pub cancel_reason: Str<'a>,
        #[serde(borrow)]
        pub cancel_reason_other_message: Option<Str<'a>>,
        #[serde(borrow)]
        pub currency: Str<'a>,
        #[serde(borrow)]
        pub date_created: Str<'a>,
        #[serde(borrow)]
        pub frequency: Str<'a>,
        pub id: i64,
        #[serde(borrow)]
        pub interval: Str<'a>,
        pub interval_count: i64,
        pub is_tax_known: bool,
        pub is_test: bool,
        #[serde(borrow)]
        pub lines: Vec<Line<'a>>,
        #[serde(borrow)]
        pub next_renewal_date: Option<Str<'a>>,
        pub num_lines: i64,
        pub num_orders: i64,
        #[serde(borrow)]
        pub orders: Vec<Order<'a>>,
        pub payment_details: Value,
        #[serde(borrow)]
        pub payment_method: Str<'a>,
        #[serde(borrow)]
        pub shipping_address: Address<'a>,
        #[serde(borrow)]
        pub shipping_code: Str<'a>,
        #[serde(borrow)]
        pub shipping_price: Str<'a>,
        #[serde(borrow)]
        pub status: Str<'a>,
        #[serde(borrow)]
        pub total: Str<'a>,
        #[serde(borrow)]
        pub user: User<'a>,
    }

    #[derive(Deserialize)]
    pub struct Attribution<'a> {
        #[serde(borrow)]
        pub affiliate: Option<Str<'a>>,
        #[serde(borrow)]
        pub agent: Agent<'a>,
        #[serde(borrow)]
        pub funnel: Option<Str<'a>>,
        #[serde(borrow)]
        pub gclid: Option<Str<'a>>,
        pub metadata: Value,
        #[serde(borrow)]
        pub subaffiliate1: Option<Str<'a>>,
        #[serde(borrow)]
        pub subaffiliate2: Option<Str<'a>>,
        #[serde(borrow)]
        pub subaffiliate3: Option<Str<'a>>,
        #[serde(borrow)]
        pub subaffiliate4: Option<Str<'a>>,
        #[serde(borrow)]
        pub subaffiliate5: Option<Str<'a>>,
        #[serde(borrow)]
        pub utm_campaign: Option<Str<'a>>,
        #[serde(borrow)]
        pub utm_content: Option<Str<'a>>,
        #[serde(borrow)]
        pub utm_medium: Option<Str<'a>>,
        #[serde(borrow)]
        pub utm_source: Option<Str<'a>>,
        #[serde(borrow)]
        pub utm_term: Option<Str<'a>>,
    }

    #[derive(Deserialize)]
    pub struct Agent<'a> {
        #[serde(borrow)]
        pub email: Option<Str<'a>>,
        #[serde(borrow)]
        pub first_name: Str<'a>,
        pub id: i64,
        #[serde(borrow)]
        pub last_name: Str<'a>,
    }

    #[derive(Deserialize)]
    pub struct Address<'a> {
        #[serde(borrow)]
        pub country: Str<'a>,
        #[serde(borrow)]
        pub first_name: Str<'a>,
        pub id: i64,
        #[serde(borrow)]
        pub last_name: Str<'a>,
        #[serde(borrow)]
        pub line1: Str<'a>,
        #[serde(borrow)]
        pub line2: Str<'a>,
        #[serde(borrow)]
        pub line3: Str<'a>,
        #[serde(borrow)]
        pub line4: Str<'a>,
        #[serde(borrow)]
        pub notes: Option<Str<'a>>,
        #[serde(borrow)]
        pub phone_number: Str<'a>,
        #[serde(borrow)]
        pub postcode: Str<'a>,
        #[serde(borrow)]
        pub state: Str<'a>,
    }

    #[derive(Deserialize)]
    pub struct Line<'a> {
        pub id: i64,
        pub metadata: Value,
        #[serde(borrow)]
        pub price: Str<'a>,
        pub product_id: i64,
        #[serde(borrow)]
        pub product_image: Str<'a>,
        #[serde(borrow)]
        pub product_title: Str<'a>,
        #[serde(borrow)]
        pub product_url: Str<'a>,
        pub quantity: i64,
        #[serde(borrow)]
        pub sku: Str<'a>,
        pub variant_id: i64,
        #[serde(borrow)]
        pub variant_title: Str<'a>,
    }

    #[derive(Deserialize)]
    pub struct Order<'a> {
        pub billing_cycle: i64,
        #[serde(borrow)]
        pub order_number: Str<'a>,
    }

    #[derive(Deserialize)]
    pub struct User<'a> {
        pub accepts_marketing: bool,
        #[serde(borrow)]
        pub email: Option<Str<'a>>,
        #[serde(borrow)]
        pub first_name: Str<'a>,
        pub id: i64,
        #[serde(borrow)]
        pub ip: Option<Str<'a>>,
        #[serde(borrow)]
        pub language: Option<Str<'a>>,
        #[serde(borrow)]
        pub last_name: Str<'a>,
        #[serde(borrow)]
        pub phone_number: Option<Str<'a>>,
        #[serde(borrow)]
        pub user_agent: Option<Str<'a>>,
    }

    #[derive(Deserialize)]
    pub struct Webhook<'a> {
        #[serde(borrow)]
        pub events: Vec<Str<'a>>,
        pub id: i64,
        #[serde(borrow)]
        pub store: Str<'a>,
        #[serde(borrow)]
        pub target: Str<'a>,
    }
}
