//! Traits of real vendors' pages, each pinned on a small page written here
//! (the real pages stay out of the repository; `bench/pages.sh` measures
//! hookgen on them). Each page is saved under a neutral name, as a user's
//! would be.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use hookgen::ir;

/// Generates the IR and diagnostics for one vendor made of `pages`.
fn read(pages: &[(&str, &str)]) -> (ir::Vendor, Vec<String>) {
    let analysis = analyze_pages(pages);
    // As the command prints them: with the source line and the hint.
    let diags = analysis.diagnostics.iter().map(|d| d.render()).collect();
    let v = analysis
        .schema
        .vendors
        .into_iter()
        .next()
        .expect("one vendor");
    (v, diags)
}

/// The pages as one vendor's, analyzed.
fn analyze_pages(pages: &[(&str, &str)]) -> hookgen::Analysis {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir: PathBuf = std::env::temp_dir().join(format!(
        "hookgen-traits-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let vendor = dir.join("specs/acme");
    std::fs::create_dir_all(&vendor).unwrap();
    for (name, text) in pages {
        std::fs::write(vendor.join(name), text).unwrap();
    }
    let analysis = hookgen::analyze(&dir.join("specs"), "specs").unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    analysis
}

fn page(text: &str) -> (ir::Vendor, Vec<String>) {
    read(&[("webhooks.txt", text)])
}

/// Every field path reachable from the vendor's payload types, dotted,
/// arrays as `[]`.
fn paths(v: &ir::Vendor) -> Vec<String> {
    fn walk(v: &ir::Vendor, ty: &ir::Ty, prefix: &str, out: &mut Vec<String>, depth: usize) {
        if depth > 12 {
            return;
        }
        match ty {
            ir::Ty::Named { name } => {
                if let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == name) {
                    for f in &s.fields {
                        let p = if prefix.is_empty() {
                            f.name.clone()
                        } else {
                            format!("{prefix}.{}", f.name)
                        };
                        out.push(p.clone());
                        walk(v, &f.ty, &p, out, depth + 1);
                    }
                }
            }
            ir::Ty::Array { items, .. } => walk(v, items, &format!("{prefix}[]"), out, depth + 1),
            ir::Ty::Nullable { inner } => walk(v, inner, prefix, out, depth + 1),
            _ => {}
        }
    }
    let mut out = Vec::new();
    // Each event's payload type; with no events, every struct no other
    // type refers to.
    let mut roots: Vec<String> = v.events.iter().filter_map(|e| e.payload.clone()).collect();
    if roots.is_empty() {
        fn refs<'a>(ty: &'a ir::Ty, out: &mut Vec<&'a str>) {
            match ty {
                ir::Ty::Named { name } => out.push(name),
                ir::Ty::Array { items, .. } => refs(items, out),
                ir::Ty::Nullable { inner } => refs(inner, out),
                ir::Ty::Map { values } => refs(values, out),
                _ => {}
            }
        }
        let mut used = Vec::new();
        for t in &v.types {
            if let ir::TypeDef::Struct(s) = t {
                s.fields.iter().for_each(|f| refs(&f.ty, &mut used));
            }
        }
        roots = v
            .types
            .iter()
            .filter(|t| matches!(t, ir::TypeDef::Struct(_)) && !used.contains(&t.name()))
            .map(|t| t.name().to_owned())
            .collect();
    }
    roots.sort();
    roots.dedup();
    for root in roots {
        walk(v, &ir::Ty::Named { name: root }, "", &mut out, 0);
    }
    out.sort();
    out.dedup();
    out
}

fn has(diags: &[String], part: &str) -> bool {
    diags.iter().any(|d| d.contains(part))
}

#[test]
fn a_cut_off_example_keeps_its_fields_in_place_and_warns_at_the_cut() {
    let (v, diags) = page(
        "Order paid\n\nSent as `{\"type\": \"order.paid\"}` bodies.\n\n\
         {\"type\": \"order.paid\", \"id\": \"o_1\", \"data\": {\"object\": {\"id\": \"in_1\", \
         \"lines\": {\"data\": [{\"amount\": 199, \"currency\": \"usd\", \"pri",
    );
    let p = paths(&v);
    for want in [
        "data.object.lines.data[].amount",
        "data.object.lines.data[].currency",
        "id",
    ] {
        assert!(p.contains(&want.to_owned()), "{want} not in {p:?}");
    }
    // Never an inner object promoted to the root.
    assert!(!p.contains(&"amount".to_owned()), "{p:?}");
    assert!(
        has(
            &diags,
            "webhooks.txt:5:129: warning: the example is cut off here"
        ),
        "{diags:?}"
    );
}

#[test]
fn json_after_a_prefix_on_its_line_is_an_example() {
    let (v, _) = page(
        "Logged deliveries\n\nREQ: { \"id\": \"evt_1\", \"type\": \"invoice.paid\", \"created\": 1, \"data\": { \"object\": { \"id\": \"in_1\" } } }\n",
    );
    let p = paths(&v);
    assert!(p.contains(&"data.object.id".to_owned()), "{p:?}");
    // A small value inside a table row is not a payload.
    let (v, _) = page(
        "| Field | Type | Description |\n| --- | --- | --- |\n| meta | object | Extra, such as {\"some\": \"x\"} |\n",
    );
    assert_eq!(paths(&v), ["meta"], "{:?}", v.types);
}

/// The values of the vendor's first enum, as `Strings([...])`.
fn first_enum(v: &ir::Vendor) -> Option<String> {
    v.types.iter().find_map(|t| match t {
        ir::TypeDef::Enum(e) => Some(format!("{:?}", e.values)),
        _ => None,
    })
}

fn events(v: &ir::Vendor) -> Vec<&str> {
    v.events.iter().map(|e| e.name.as_str()).collect()
}

/// The top-level fields of an event's payload struct.
fn payload_fields<'v>(v: &'v ir::Vendor, event: &str) -> Vec<&'v str> {
    let e = v
        .events
        .iter()
        .find(|e| e.name == event)
        .expect("the event");
    let payload = e.payload.as_deref().expect("a payload");
    let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == payload) else {
        panic!("no struct {payload}");
    };
    s.fields.iter().map(|f| f.name.as_str()).collect()
}

fn carrier(v: &ir::Vendor) -> Vec<String> {
    v.discriminator
        .as_ref()
        .map(|d| d.fields.iter().map(|f| f.join(".")).collect())
        .unwrap_or_default()
}

#[test]
fn a_field_named_for_events_carries_them_without_a_list() {
    // One word values under `event`; the example after a heading of its own.
    let (v, _) = page(
        "# Webhook payloads\n\n## Accepted Event\n\n```json\n{\"event\": \"accepted\", \"id\": \"a1\", \"recipient\": \"x@y.z\"}\n```\n\n\
         ## Delivered Event\n\n```json\n{\"event\": \"delivered\", \"id\": \"a2\", \"recipient\": \"x@y.z\"}\n```\n",
    );
    assert_eq!(carrier(&v), ["event"]);
    assert_eq!(events(&v), ["accepted", "delivered"]);

    // `event.type` varies; the outer `type` is the same in every example.
    let (v, _) = page(
        "{\"type\": \"event_callback\", \"event\": {\"type\": \"app_installed\", \"app_id\": \"A1\"}, \"team_id\": \"T1\"}\n\n\
         {\"type\": \"event_callback\", \"event\": {\"type\": \"message\", \"text\": \"hi\"}, \"team_id\": \"T1\"}\n",
    );
    assert_eq!(carrier(&v), ["event.type"]);
    assert_eq!(events(&v), ["app_installed", "message"]);

    // Under `type` an ordinary word is no event: no carrier.
    let (v, _) = page("{\"type\": \"card\", \"id\": \"c1\", \"last4\": \"4242\"}\n");
    assert_eq!(carrier(&v), Vec::<String>::new());
    assert_eq!(events(&v), Vec::<&str>::new());

    // A cut example still names its event.
    let (v, _) = page("Logged: {\"id\": \"evt_1\", \"type\": \"invoice.paid\", \"data\": {\"object\": {\"id\": \"in_1\", \"amount_due\": 19");
    assert_eq!(events(&v), ["invoice.paid"]);
}

/// A page of names and prose gives the fields its text names as pairs; on a
/// page with a table, the table is the evidence and a pair in a cell (an
/// example of a string's content) is no field.
#[test]
fn pairs_in_prose_are_fields_only_on_a_page_of_prose() {
    let (v, _) = page(
        "Events: invitee.created, invitee.canceled\n\n\
         \"``event``\": \"``invitee.created``\"is triggered when booked\
         \"``event``\": \"``invitee.canceled``\"is triggered when canceled\n\
         \"``canceled``\": ``falseindicates it was not\n",
    );
    assert_eq!(carrier(&v), ["event"]);
    assert!(
        paths(&v).contains(&"canceled".to_owned()),
        "{:?}",
        paths(&v)
    );

    let (v, _) = page(
        "Key | Type | Description\n--- | --- | ---\n`custom_data` | `string` | JSON, such as {\"external_id\": 42}\n",
    );
    assert!(
        !paths(&v).iter().any(|p| p.contains("external_id")),
        "{:?}",
        paths(&v)
    );
}

/// A field with no telling name carries the event type at the top of the
/// body when it holds a listed event's dotted name, even in one example
/// (Spree's envelope: `"name": "order.completed"`); a listed one-word name
/// in such a field (`state: complete`) carries nothing.
#[test]
fn a_top_level_field_holding_a_dotted_event_name_carries_it() {
    let (v, _) = page(
        "Events: order.created, order.completed, order.canceled\n\n\
         {\"id\": \"e1\", \"name\": \"order.completed\", \"data\": {\"id\": \"or_1\"}}\n",
    );
    assert_eq!(carrier(&v), ["name"]);

    let (v, _) = page(
        "Events: complete, canceled\n\n{\"id\": \"e1\", \"state\": \"complete\", \"data\": {\"id\": \"or_1\"}}\n",
    );
    assert_eq!(carrier(&v), Vec::<String>::new());
}

#[test]
fn the_header_a_page_names_beats_a_field_that_only_shares_a_value() {
    // GitHub's way: the header sentence; `action` says what happened within
    // the event; `visibility: public` shares a word with the event `public`.
    let (v, _) = read(&[
        (
            "star.md",
            "# star\n\nThe event type is sent in the `X-GitHub-Event` HTTP header: `star`.\n\n\
             Activity types (the `action` field): `created`, `deleted`\n\n\
             ```json\n{\"action\": \"created\", \"repository\": {\"visibility\": \"public\", \"id\": 1}}\n```\n",
        ),
        (
            "public.md",
            "# public\n\nThe event type is sent in the `X-GitHub-Event` HTTP header: `public`.\n\n\
             ```json\n{\"repository\": {\"visibility\": \"public\", \"id\": 2}}\n```\n",
        ),
    ]);
    let d = v.discriminator.as_ref().expect("a discriminator");
    assert_eq!(d.header.as_deref(), Some("X-GitHub-Event"), "{d:?}");
    assert!(d.fields.is_empty(), "{d:?}");
    // Each page's event: the value its header sentence names.
    assert_eq!(events(&v), ["public", "star"]);
    // "Activity types (the `action` field): …" are the values of `action`.
    assert_eq!(
        first_enum(&v).as_deref(),
        Some("Strings([\"created\", \"deleted\"])")
    );
}

#[test]
fn one_listed_activity_type_is_the_values_of_its_field() {
    // `commit_comment` lists one action; the line says what `action` holds
    // as much as a longer list does.
    let (v, _) = page(
        "# commit_comment\n\nThe event type is sent in the `X-GitHub-Event` HTTP header: `commit_comment`.\n\n\
         Activity types (the `action` field): `created`.\n\n\
         ```json\n{\"action\": \"created\", \"comment\": {\"id\": 1}}\n```\n",
    );
    assert_eq!(first_enum(&v).as_deref(), Some("Strings([\"created\"])"));
}

#[test]
fn a_field_naming_other_events_than_its_page_carries_no_event_type() {
    // GitHub's `workflow_run.event`: the event that started a run, named on
    // the `workflow_run` page; the header sentence says where the type is.
    let run = |n: usize, by: &str| {
        format!("```json\n{{\"action\": \"completed\", \"workflow_run\": {{\"id\": {n}, \"event\": \"{by}\"}}}}\n```\n")
    };
    let (v, _) = read(&[
        (
            "a.md",
            &format!(
                "# workflow_run\n\nThe event type is sent in the `X-GitHub-Event` HTTP header: `workflow_run`.\n\n{}{}",
                run(1, "push"),
                run(2, "pull_request")
            ),
        ),
        (
            "b.md",
            "# push\n\nThe event type is sent in the `X-GitHub-Event` HTTP header: `push`.\n\n```json\n{\"ref\": \"refs/heads/main\"}\n```\n",
        ),
        (
            "c.md",
            "# pull_request\n\nThe event type is sent in the `X-GitHub-Event` HTTP header: `pull_request`.\n\n```json\n{\"number\": 1}\n```\n",
        ),
    ]);
    let d = v.discriminator.as_ref().expect("a discriminator");
    assert_eq!(d.header.as_deref(), Some("X-GitHub-Event"), "{d:?}");
    assert!(d.fields.is_empty(), "{d:?}");
    assert_eq!(events(&v), ["pull_request", "push", "workflow_run"]);
}

#[test]
fn a_git_ref_in_a_field_row_is_no_event() {
    let (v, _) = page(
        "# push\n\nThe event type is sent in the `X-Forge-Event` header.\n\n\
         Key | Type | Description\n--- | --- | ---\n\
         `ref` | `string` | The full git ref that was pushed. Example: `refs/heads/main` or `refs/tags/v3.14.1`.\n\n\
         {\"ref\": \"refs/heads/main\", \"after\": \"abc\"}\n",
    );
    assert_eq!(events(&v), ["push"]);
}

#[test]
fn a_one_word_title_names_the_event_where_a_header_carries_it() {
    let (v, _) = page(
        "# push\n\nThe event type is sent in the `X-Forge-Event` header.\n\n{\"ref\": \"refs/heads/main\", \"after\": \"abc\"}\n",
    );
    assert_eq!(events(&v), ["push"]);
}

#[test]
fn event_tables_by_tabs_and_by_the_column_that_names_events() {
    // Bitbucket's tab-separated table, its `Event Key` column the names;
    // Twitch's pipe table, its names in backticks in the second column.
    let (v, _) = page(
        "Repository events\n\
         Event\tEvent Key\tDescription\n\
         Push\trepo:push\tA user pushes 1 or more commits to a repository.\n\
         Fork\trepo:fork\tA user forks a repository.\n\
         Pull request events\n\
         Created\tpullrequest:created\tA user creates a pull request.\n\n\
         | Subscription Type | Name | Version | Description |\n\
         | --- | --- | --- | --- |\n\
         | Channel Follow | `channel.follow` | 2 | A specified channel receives a follow. |\n\
         | Stream Online | `stream.online` | 1 | The specified broadcaster starts a stream. |\n",
    );
    let mut got = events(&v);
    got.sort_unstable();
    assert_eq!(
        got,
        [
            "channel.follow",
            "pullrequest:created",
            "repo:fork",
            "repo:push",
            "stream.online"
        ]
    );
    let fork = v.events.iter().find(|e| e.name == "repo:fork").unwrap();
    assert_eq!(
        fork.description.as_deref(),
        Some("A user forks a repository.")
    );
    // A field table's row whose name starts with "event" opens no event
    // table: its later rows are fields, not events.
    let (v, _) = page(
        "| Name | Type | Description |\n|---|---|---|\n\
         | eventType | EventTypeEnum | The type of event being delivered. |\n\
         | occurredAt | OffsetDateTime | When the event occurred. |\n",
    );
    assert!(events(&v).is_empty(), "{:?}", events(&v));
}

#[test]
fn a_table_of_topics_with_an_object_column_lists_events_not_fields() {
    // Intercom's topics table: its `Object` column holds class names,
    // which read as types if the table were taken for fields.
    let (v, _) = page(
        "# Webhook topics\n\n| Topic | Description | Object |\n|---|---|---|\n\
         | `conversation.user.created` | A user created a conversation | Conversation |\n\
         | `contact.user.created` | A user was created | Contact |\n\n\
         ```json\n{\"topic\": \"conversation.user.created\", \"id\": \"1\"}\n```\n",
    );
    let mut got = events(&v);
    got.sort_unstable();
    assert_eq!(got, ["contact.user.created", "conversation.user.created"]);
    assert_eq!(paths(&v), ["id", "topic"]);
    // A table whose first header starts "Event" but whose rows are fields
    // is a field table still.
    let (v, _) = page(
        "| Event attribute | Type | Description |\n|---|---|---|\n\
         | id | string | The event's id. |\n| created | integer | When it happened. |\n",
    );
    assert_eq!(paths(&v), ["created", "id"]);
}

#[test]
fn names_alone_on_following_lines_are_a_list() {
    // Jira's way: names one per line, no bullets, under lines about events;
    // the example's `webhookEvent` holds one of them.
    let (v, _) = page(
        "The following events are available:\n\n\
         Issue related events\n\
         jira:issue_created\n\
         jira:issue_updated\n\n\
         Comment related events\n\
         comment_created\n\
         comment_updated\n\n\
         Example callback\n\n\
         {\"webhookEvent\": \"jira:issue_updated\", \"issue\": {\"id\": \"10002\"}}\n",
    );
    let mut got = events(&v);
    got.sort_unstable();
    assert_eq!(
        got,
        [
            "comment_created",
            "comment_updated",
            "jira:issue_created",
            "jira:issue_updated"
        ]
    );
    assert_eq!(carrier(&v), ["webhookEvent"]);
}

#[test]
fn a_label_line_over_each_example_names_its_event() {
    // `Event key: repo:push` over each example; the type travels in the
    // `X-Event-Key` header the page lists.
    let (v, _) = page(
        "HTTP headers\n\
         X-Event-Key\tThe event that triggered the webhook.\n\n\
         Push\nEvent key: repo:push\n{\"push\": {\"changes\": []}, \"actor\": {\"uuid\": \"a\"}}\n\n\
         Fork\nEvent key: repo:fork\n{\"fork\": {\"name\": \"x\"}, \"actor\": {\"uuid\": \"b\"}}\n",
    );
    let d = v.discriminator.as_ref().expect("a discriminator");
    assert_eq!(d.header.as_deref(), Some("X-Event-Key"), "{d:?}");
    assert_eq!(events(&v), ["repo:fork", "repo:push"]);
    assert_eq!(payload_fields(&v, "repo:fork"), ["fork", "actor"]);
}

#[test]
fn header_lines_over_each_example_name_its_event() {
    // GitLab's way: a section per event, each with the request header line
    // `X-Gitlab-Event: Push Hook` over its example; the body's own
    // `object_kind` is not asked for.
    let section = |title: &str, value: &str, kind: &str, field: &str| {
        format!(
            "## {title}\n\nRequest header:\n\n```\nX-Gitlab-Event: {value}\n```\n\n\
             Payload example:\n\n```json\n{{\"object_kind\": \"{kind}\", \"{field}\": 1}}\n```\n\n"
        )
    };
    let text = format!(
        "# Webhook events\n\n{}{}{}",
        section("Push events", "Push Hook", "push", "total_commits_count"),
        section("Tag events", "Tag Push Hook", "tag_push", "tag_count"),
        section("Issue events", "Issue Hook", "issue", "issue_count"),
    );
    let (v, _) = page(&text);
    let d = v.discriminator.as_ref().expect("a discriminator");
    assert_eq!(d.header.as_deref(), Some("X-Gitlab-Event"), "{d:?}");
    assert_eq!(events(&v), ["Issue Hook", "Push Hook", "Tag Push Hook"]);
    // Each event's payload is its own section's example.
    assert_eq!(
        payload_fields(&v, "Push Hook"),
        ["object_kind", "total_commits_count"]
    );
    // A sentence about the header names no event.
    let (v, _) = page(
        "The event travels in a header.\n\nX-Shop-Topic: The topic of the webhook\n\n\
         ```json\n{\"id\": 1}\n```\n",
    );
    assert!(events(&v).is_empty(), "{:?}", events(&v));
}

#[test]
fn camel_case_names_set_apart_are_whole_and_glued_prose_is_cut() {
    // A list of `name — description` and a backticked name keep their
    // camelCase segments; a name with its description glued on does not.
    let (v, _) = page(
        "Subscription types\n\n\
         contact.propertyChange \u{2014} To get notified if a property is changed.\n\
         - contact.privacyDeletion - To get notified if a contact is deleted for privacy.\n\
         deal.creation \u{2014} To get notified if any deal is created.\n\n\
         Also `conversation.newMessage`, when a message arrives.\n\n\
         invoice.paidOccurs whenever an invoice payment attempt succeeds.\n",
    );
    let mut got = events(&v);
    got.sort_unstable();
    assert_eq!(
        got,
        [
            "contact.privacyDeletion",
            "contact.propertyChange",
            "conversation.newMessage",
            "deal.creation",
            "invoice.paid",
        ]
    );
}

#[test]
fn event_names_in_prose_tables_and_glued_cells_are_events() {
    let (v, _) = page(
        "Payments webhooks\n\n\
         Orders and payments go hand in hand: this is reflected in the order.paid and payment.captured webhook events.\n\n\
         | Concept | Webhook Event | Description |\n|---|---|---|\n\
         | Refunds ^^^ | refund.created | Triggered when a refund is created. |\n\
         | refund.failed | Triggered when a refund fails. | |\n\n\
         Event Name Description invoice.create.draftedInvoice created in draft status invoice.update.voidedInvoice voided\n\n\
         Listen for the order/created callback, and/or the charge/created webhook.\n\
         address/createdThis will trigger when you create an address\n\n\
         See llms.txt, api.acme.com and https://acme.com/docs/events for more; e.g. the SDK's Event.parse.\n",
    );
    let mut got = events(&v);
    got.sort_unstable();
    assert_eq!(
        got,
        [
            "address/created",
            "charge/created",
            "invoice.create.drafted",
            "invoice.update.voided",
            "order.paid",
            "order/created",
            "payment.captured",
            "refund.created",
            "refund.failed",
        ]
    );
    let drafted = v
        .events
        .iter()
        .find(|e| e.name == "invoice.create.drafted")
        .unwrap();
    assert_eq!(
        drafted.description.as_deref(),
        Some("Invoice created in draft status")
    );
}

#[test]
fn one_word_event_names_where_the_words_around_say_event() {
    let (v, _) = page(
        "When a subscription is cancelled, an event subscription_cancelled is recorded.\n\
         A subscription_created webhook is fired on sign-up. We send real-time events; the \
         billing_period field is no event.\n\n{\"id\": 1, \"billing_period\": 1}\n",
    );
    let mut got = events(&v);
    got.sort_unstable();
    assert_eq!(got, ["subscription_cancelled", "subscription_created"]);

    // In quotes; and the value a table row says the carrier always has.
    let (v, _) = page(
        "An event \"subscription_paused\" is recorded.\n\n\
         | Field | Type | Description |\n| --- | --- | --- |\n\
         | alert_name | string | The alert name. Default value: subscription_created |\n\
         | payment | object | The payment; payment.paid fires when it is paid. |\n\
         | payment.purchaseItems | array | Its items. |\n",
    );
    let mut got = events(&v);
    got.sort_unstable();
    assert_eq!(
        got,
        [
            "payment.paid",
            "subscription_created",
            "subscription_paused"
        ]
    );
}

#[test]
fn field_paths_in_prose_are_no_events() {
    let (v, _) = page(
        "The payment is in payload.payment.entity; data.objectobject is a glued table cell.\n\n\
         {\"event\": \"payment.captured\", \"payload\": {\"payment\": {\"entity\": {\"id\": \"p1\"}}}, \"data\": {\"object\": 1}}\n",
    );
    assert_eq!(events(&v), ["payment.captured"]);
}

#[test]
fn a_page_with_no_json_body_says_so_and_makes_no_payload() {
    let (v, diags) = page(
        "Incoming messages\n\nWe send a POST in the format application/x-www-form-urlencoded with these parameters:\n\n\
         | Parameter | Type | Description |\n| --- | --- | --- |\n| MessageSid | string | The message id |\n| Body | string | The text |\n",
    );
    assert!(v.types.is_empty(), "{:?}", v.types);
    assert!(
        has(&diags, "webhooks.txt:3:42: warning: this page says the body is application/x-www-form-urlencoded, not JSON"),
        "{diags:?}"
    );
    // With a JSON example, the mention of a form body elsewhere changes nothing.
    let (v, _) = page(
        "Also accepts multipart/form-data uploads.\n\n{\"type\": \"a.b\", \"id\": 1, \"n\": 2}\n",
    );
    assert!(!v.types.is_empty());
}

#[test]
fn a_vendor_with_no_event_is_told_what_to_add() {
    let (v, diags) = page("Payload:\n\n{\"kind\": \"Ping\", \"id\": 1, \"at\": \"2024-01-01\"}\n");
    assert!(v.events.is_empty());
    let d = diags
        .iter()
        .find(|d| d.contains("no event found for `acme`"))
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert!(d.contains("webhooks.txt:3:1: warning"), "{d}");
    assert!(
        d.contains("hint: the examples carry \"kind\": \"Ping\"; if that names the event, add [event_type] fields = [\"kind\"] to specs/acme/hookgen.toml"),
        "{d}"
    );
}

#[test]
fn a_misspelt_event_type_field_is_a_warning_with_the_nearest_path() {
    let (_, diags) = read(&[
        ("hookgen.toml", "[event_type]\nfields = [\"evnt_type\"]\n"),
        (
            "order.paid.txt",
            "{\"event_type\": \"order.paid\", \"id\": 1}\n",
        ),
    ]);
    let d = diags
        .iter()
        .find(|d| d.contains("`evnt_type` is in no example"))
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert!(d.contains("specs/acme/hookgen.toml:2:11: warning"), "{d}");
    assert!(d.contains("did you mean `event_type`?"), "{d}");
}

#[test]
fn tables_without_header_rows_and_values_as_bullets() {
    let (v, _) = page(
        "id | string | Yes | Unique identifier for the object |\n\
         status | string | Yes | Status. Possible values are incomplete, active, or unpaid. |\n\
         started_at | timestamp | Yes | Unix epoch time the subscription started |\n",
    );
    assert_eq!(paths(&v), ["id", "started_at", "status"]);
    let status = first_enum(&v);
    assert_eq!(
        status.as_deref(),
        Some("Strings([\"incomplete\", \"active\", \"unpaid\"])")
    );

    // One cell per line; the description cell reads like no sentence; the
    // values are bullets with their meaning.
    let (v, _) = page(
        "Field\n\nType\n\nDesc\n\nid\n\nstring\n\nThe identifier\n\nevent_status\n\nstring\n\nEvent delivery status\n\n\
         \u{2022} pending: Event is pending delivery\n\u{2022} success: Event delivered\n\u{2022} failed: Event delivery failed\n\n\
         url\n\nstring\n\nCallback URL\n",
    );
    assert_eq!(paths(&v), ["event_status", "id", "url"]);
    let values = first_enum(&v);
    assert_eq!(
        values.as_deref(),
        Some("Strings([\"pending\", \"success\", \"failed\"])")
    );
}

#[test]
fn a_batch_of_events_is_one_payload_per_item() {
    // Line numbers copied as a column of their own, alternating with the code.
    let (v, diags) = page(
        "Here is an event response:\n\n1\n[\n2\n{\"email\": \"a@b.c\", \"event\": \"processed\", \"timestamp\": 1},\n3\n\
         {\"email\": \"a@b.c\", \"event\": \"deferred\", \"attempt\": \"5\"},\n4\n{\"email\": \"a@b.c\", \"event\": \"open\", \"ip\": \"1.2.3.4\"}\n5\n]\n",
    );
    assert_eq!(events(&v), ["deferred", "open", "processed"]);
    let p = paths(&v);
    for want in ["email", "event", "attempt", "ip"] {
        assert!(p.contains(&want.to_owned()), "{want} not in {p:?}");
    }
    assert!(
        has(&diags, "this example is a JSON array of 3 objects"),
        "{diags:?}"
    );
}

#[test]
fn qualified_rows_glued_as_gitbook_pages_read() {
    let (v, _) = page(
        "Webhook\n\npost\n\nAuthorizations\nAuthorizationstringOptional\nBearer authentication header.\nBody\n\
         idstring \u{b7} uuidRead-onlyRequired\n\
         legacy_idstring \u{b7} nullableOptional\n\
         creditsinteger \u{b7} min: -2147483648 \u{b7} max: 2147483647Required\n\
         typestring \u{b7} enumOptional\n  \u{2022} sms - SMS\n  \u{2022} mms - MMS\n  \u{2022} push_notification - Push\nPossible values:\n\
         media_urlsany \u{b7} nullableOptional\nResponses\n200Success\n",
    );
    assert_eq!(
        paths(&v),
        ["credits", "id", "legacy_id", "media_urls", "type"]
    );
    assert!(
        v.events.is_empty(),
        "`type` is the message's type, not the event's: {:?}",
        v.events
    );
    let s = v.types.iter().find_map(|t| match t {
        ir::TypeDef::Struct(s) => Some(s),
        _ => None,
    });
    let field = |n: &str| s.unwrap().fields.iter().find(|f| f.name == n).unwrap();
    assert!(field("legacy_id").nullable);
    assert!(matches!(field("id").ty, ir::Ty::String { format: Some(_) }));
    let values = first_enum(&v);
    assert_eq!(
        values.as_deref(),
        Some("Strings([\"sms\", \"mms\", \"push_notification\"])")
    );
}

#[test]
fn dotted_rows_one_cell_per_line_make_their_parents_objects() {
    let (v, _) = page(
        "payment.succeeded\n\nFired when a payment completes.\ndata.payment_id\nstring\nrequired\nUnique identifier\n\
         data.total_amount\nnumber\nrequired\nTotal amount\ndata.customer\nobject\nrequired\nCustomer information object\n\
         data.customer.email\nstring\nrequired\nCustomer email address\n",
    );
    assert_eq!(
        paths(&v),
        [
            "data",
            "data.customer",
            "data.customer.email",
            "data.payment_id",
            "data.total_amount"
        ]
    );
}

#[test]
fn bulleted_names_glued_to_their_types() {
    let (v, _) = page(
        "The Event object\n\nAttributes\n\n  \u{2022} idstring\n\n    Unique identifier for the object.\n\n\
         \u{20} \u{2022} api_versionnullable string\n\n    The API version.\n\n  \u{2022} dataobject\n\n    Object containing data.\n\n\
         \u{20}   \u{2022} data.objectobject\n\n      The resource.\n\n  \u{2022} accountnullable stringConnect only\n\n    The account.\n",
    );
    assert_eq!(
        paths(&v),
        ["account", "api_version", "data", "data.object", "id"]
    );
    assert!(v.events.is_empty(), "{:?}", v.events);
}

#[test]
fn a_name_line_then_presence_type_constraints_and_description() {
    let (v, _) = page(
        "Subscription attributes\n\nplan_quantity\ninteger, default=1, min=1 Represents the plan quantity.\n\
         setup_fee\noptional, in cents, min=0 Amount that overrides the setup fee.\n\
         billing_period_unit\noptional, enumerated string Defines billing frequency.\nPossible values are\n\
         dayCharge based on day(s).weekCharge based on week(s).\n\
         start_date\noptional, timestamp(UTC) in seconds When it starts.\n",
    );
    assert_eq!(
        paths(&v),
        [
            "billing_period_unit",
            "plan_quantity",
            "setup_fee",
            "start_date"
        ]
    );
    assert_eq!(
        first_enum(&v).as_deref(),
        Some("Strings([\"day\", \"week\"])")
    );
    let s = v.types.iter().find_map(|t| match t {
        ir::TypeDef::Struct(s) => Some(s),
        _ => None,
    });
    let ty = |n: &str| {
        format!(
            "{:?}",
            s.unwrap().fields.iter().find(|f| f.name == n).unwrap().ty
        )
    };
    assert!(
        ty("setup_fee").starts_with("Integer"),
        "{}",
        ty("setup_fee")
    );
    assert!(
        ty("start_date").contains("UnixTime"),
        "{}",
        ty("start_date")
    );
}

/// The field of the struct `ty` named `name`.
fn field<'a>(v: &'a ir::Vendor, ty: &str, name: &str) -> &'a ir::Field {
    v.types
        .iter()
        .find_map(|t| match t {
            ir::TypeDef::Struct(s) if s.name == ty => s.fields.iter().find(|f| f.name == name),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no {ty}.{name}"))
}

#[test]
fn null_and_empty_lists_are_typed_from_namesakes_and_prove_nothing_alone() {
    // `closed_at` is null on one page and a date-time on the other;
    // `assignees` is `[]` here, strings there; `user-variables` is only ever
    // `[]` (Mailgun sends an object when it has values); `owner` is an
    // object the table names and no example shows.
    let (v, _) = read(&[
        (
            "a.md",
            "# issue.opened\n\nKey | Type | Description\n--- | --- | ---\n`owner` | `object` | Who owns it.\n\n\
             ```json\n{\"event\": \"issue.opened\", \"closed_at\": null, \"assignees\": [], \"user-variables\": []}\n```\n",
        ),
        (
            "b.md",
            "# issue.closed\n\n```json\n{\"event\": \"issue.closed\", \"closed_at\": \"2024-01-01T00:00:00Z\", \"assignees\": [\"ana\"], \"user-variables\": []}\n```\n",
        ),
    ]);
    let closed = field(&v, "IssueOpened", "closed_at");
    assert_eq!(
        closed.ty,
        ir::Ty::String {
            format: Some(hookgen::extract::Format::DateTime)
        }
    );
    assert!(closed.nullable);
    assert!(
        closed
            .why
            .iter()
            .any(|w| w.contains("elsewhere in the vendor")),
        "{:?}",
        closed.why
    );
    assert_eq!(
        field(&v, "IssueOpened", "assignees").ty,
        ir::Ty::Array {
            items: Box::new(ir::Ty::String { format: None }),
            only_empty: false
        }
    );
    // Only ever `[]`: the IR says so, and the crate reads any JSON value.
    let variables = &field(&v, "IssueOpened", "user-variables").ty;
    assert_eq!(
        *variables,
        ir::Ty::Array {
            items: Box::new(ir::Ty::Any),
            only_empty: true
        }
    );
    assert_eq!(variables.read_as(), &ir::Ty::Any);
    assert!(matches!(
        field(&v, "IssueOpened", "owner").ty,
        ir::Ty::Map { .. }
    ));
}

#[test]
fn numbers_only_examples_show_are_numbers_and_a_table_integer_an_integer() {
    let (v, _) = page(
        "# order.paid\n\nKey | Type | Description\n--- | --- | ---\n`count` | `integer` | How many.\n\n\
         ```json\n{\"event\": \"order.paid\", \"count\": 2, \"total\": 199}\n```\n",
    );
    assert!(matches!(
        field(&v, "OrderPaid", "count").ty,
        ir::Ty::Integer {
            from_samples: false,
            ..
        }
    ));
    // The IR keeps what the example shows; the crate reads a number.
    let total = &field(&v, "OrderPaid", "total").ty;
    assert_eq!(
        *total,
        ir::Ty::Integer {
            format: None,
            range: None,
            from_samples: true
        }
    );
    assert_eq!(total.read_as(), &ir::Ty::Number);
}

#[test]
fn names_and_branches_are_no_enum_however_few_the_values() {
    let examples: String = (0..12)
        .map(|i| {
            let (name, branch, state) = [("Bob", "main", "open"), ("Steve", "master", "closed")][i % 2];
            format!("```json\n{{\"event\": \"repo.pushed\", \"first_name\": \"{name}\", \"default_branch\": \"{branch}\", \"state\": \"{state}\", \"n\": {i}}}\n```\n")
        })
        .collect();
    let (v, _) = page(&format!("# repo.pushed\n\n{examples}"));
    let enums: Vec<String> = v
        .types
        .iter()
        .filter_map(|t| match t {
            ir::TypeDef::Enum(e) => Some(format!("{}: {:?}", e.name, e.values)),
            _ => None,
        })
        .collect();
    assert_eq!(enums, ["State: Strings([\"open\", \"closed\"])"]);
}

#[test]
fn a_payload_copied_onto_several_pages_counts_once() {
    // Five examples, copied onto a second page: five samples, too few for
    // an enum of `status`; ten distinct ones make one.
    let examples = |from: usize| -> String {
        (from..from + 5)
            .map(|i| {
                let status = ["open", "closed"][i % 2];
                format!("```json\n{{\"event\": \"order.created\", \"id\": {i}, \"status\": \"{status}\"}}\n```\n")
            })
            .collect()
    };
    let enums = |v: &ir::Vendor| {
        v.types
            .iter()
            .filter(|t| matches!(t, ir::TypeDef::Enum(_)))
            .count()
    };
    let page = |body: String| format!("# order.created\n\n{body}");
    let (copied, _) = read(&[("a.md", &page(examples(0))), ("b.md", &page(examples(0)))]);
    assert_eq!(enums(&copied), 0);
    let (distinct, _) = read(&[("a.md", &page(examples(0))), ("b.md", &page(examples(5)))]);
    assert_eq!(enums(&distinct), 1);
}

/// A value that says what goes in its place (`name_of_event`) names no
/// event, and one event spelt twice on a page (an SDK constant beside the
/// wire's name) is one event, by the wire's spelling.
#[test]
fn stand_in_values_and_second_spellings_are_no_events() {
    let (v, diags) = page(
        "We wrap every event:\n\n{\"token\": \"T\", \"event\": {\"type\": \"name_of_event\", \"user\": \"U1\"}, \"type\": \"event_callback\"}\n",
    );
    assert_eq!(events(&v), Vec::<&str>::new());
    assert!(
        diags.iter().any(|d| d.contains("no event found")),
        "{diags:?}"
    );

    let (v, _) = page(
        "| Name | Type | Description | Notes |\n|---|---|---|---|\n\
         | eventType | EventTypeEnum | The type of event. | [optional] |\n\
         | id | UUID | The id. | [optional] |\n\
         | Name | Value |\n|---|---|\n| ORDER_PAID | \"order.paid\" |\n",
    );
    assert_eq!(events(&v), ["order.paid"]);
}

/// Examples in the notations of other languages, as jsonrepair reads them:
/// JavaScript's `undefined`, `NaN` and joined strings, Python's `True` and
/// `None`, a Ruby hash, and a JSONP call. Every field is kept, each repair
/// is said where it is made.
#[test]
fn examples_in_other_languages_notations_are_read() {
    let (v, diags) = page(
        "# order.paid\n\n\
         {\"event\": \"order.paid\", \"ok\": True, \"note\": None, \"gone\": undefined, \"ratio\": NaN,\n \"memo\": \"a\" +\n \"b\"}\n\n\
         { \"event\" => \"order.paid\", :tries => 2, \"left\" => nil }\n\n\
         handle({\"event\": \"order.paid\", \"via\": \"jsonp\"});\n",
    );
    let p = paths(&v);
    for f in [
        "ok", "note", "gone", "ratio", "memo", "tries", "left", "via",
    ] {
        assert!(p.contains(&f.to_owned()), "{f}: {p:?}");
    }
    for said in [
        "`undefined`",
        "`NaN`",
        "joined strings",
        "Ruby hash",
        "Ruby symbol",
    ] {
        assert!(diags.iter().any(|d| d.contains(said)), "{said}: {diags:?}");
    }
    assert!(
        !diags.iter().any(|d| d.contains("cannot read")),
        "{diags:?}"
    );
}

/// A JSON Schema on a page is what the payload's fields are, not a payload
/// with fields named `type` and `properties`.
#[test]
fn a_json_schema_on_a_page_types_the_payload() {
    let (v, _) = page(
        "# order.paid\n\nThe body's schema:\n\n```json\n\
         {\"type\": \"object\", \"required\": [\"event\", \"amount\"], \"properties\": {\n\
           \"event\": {\"type\": \"string\", \"enum\": [\"order.paid\"]},\n\
           \"amount\": {\"type\": \"integer\"},\n\
           \"note\": {\"type\": [\"string\", \"null\"]},\n\
           \"lines\": {\"type\": \"array\", \"items\": {\"type\": \"object\", \"properties\": {\"sku\": {\"type\": \"string\"}}}}\n\
         }}\n```\n",
    );
    assert_eq!(events(&v), ["order.paid"]);
    let p = paths(&v);
    assert_eq!(
        p,
        ["amount", "event", "lines", "lines[].sku", "note"],
        "{p:?}"
    );
    let Some(ir::TypeDef::Struct(s)) = v.types.iter().find(|t| t.name() == "OrderPaid") else {
        panic!("no OrderPaid: {:?}", v.types);
    };
    let amount = s.fields.iter().find(|f| f.name == "amount").unwrap();
    assert!(
        amount.required
            && matches!(
                amount.ty,
                ir::Ty::Integer {
                    from_samples: false,
                    ..
                }
            )
    );
    let note = s.fields.iter().find(|f| f.name == "note").unwrap();
    assert!(!note.required && note.nullable);
}

/// A page with a section per event, each with its own example, gives each
/// event the type of its own example, even where the bodies carry no event
/// type; an example wrapping one resource (`{"address": {…}}`) belongs to
/// the events of that resource.
#[test]
fn each_event_takes_the_example_of_its_section_or_resource() {
    let (v, diags) = page(
        "# Webhooks\n\n## invoice.paid\n\nSent when an invoice is paid.\n\n\
         ```json\n{\"id\": \"in_1\", \"amount_paid\": 100}\n```\n\n\
         ## customer.deleted\n\nSent when a customer is deleted.\n\n\
         ```json\n{\"id\": \"cus_1\", \"email\": \"a@b.c\", \"deleted\": true}\n```\n",
    );
    let payloads: Vec<(&str, Option<&str>)> = v
        .events
        .iter()
        .map(|e| (e.name.as_str(), e.payload.as_deref()))
        .collect();
    assert_eq!(
        payloads,
        [
            ("customer.deleted", Some("CustomerDeleted")),
            ("invoice.paid", Some("InvoicePaid"))
        ]
    );
    let names = |ty: &str| -> Vec<String> {
        match v.types.iter().find(|t| t.name() == ty) {
            Some(ir::TypeDef::Struct(s)) => s.fields.iter().map(|f| f.name.clone()).collect(),
            _ => panic!("no struct {ty}"),
        }
    };
    assert_eq!(names("InvoicePaid"), ["id", "amount_paid"]);
    assert_eq!(names("CustomerDeleted"), ["id", "email", "deleted"]);
    // No body field names the event: the hint says what to do instead.
    assert!(
        diags
            .iter()
            .any(|d| d.contains("from_json_with_type") && d.contains("header")),
        "{diags:?}"
    );

    let (v, _) = page(
        "Address\n\nwebhookdescription\naddress/createdWhen an address is created\naddress/updatedWhen an address is updated\n\
         {\"address\": {\"id\": 1, \"city\": \"x\"}}\n\n\
         Charges\n\nwebhookdescription\ncharge/createdWhen a charge is created\n",
    );
    let payloads: Vec<(&str, Option<&str>)> = v
        .events
        .iter()
        .map(|e| (e.name.as_str(), e.payload.as_deref()))
        .collect();
    assert_eq!(payloads.len(), 3, "{payloads:?}");
    assert!(
        payloads[0].1.is_some() && payloads[0].1 == payloads[1].1,
        "{payloads:?}"
    );
    assert_eq!(payloads[2], ("charge/created", None));
}

/// An envelope whose resource is elided (`"data": { ... }`) and, below it,
/// the resource alone, with no event in it: the resource is the content of
/// `data`, not more members of the envelope (Spree's page). An example
/// below an envelope that elides nothing stays apart.
#[test]
fn an_example_after_an_elided_member_fills_it() {
    let envelope = "Events: order.created, order.completed\n\n\
         {\"id\": \"e1\", \"name\": \"order.completed\", \"data\": { ... }}\n\n\
         Order payloads:\n\n\
         {\"id\": \"or_1\", \"number\": \"R1\", \"state\": \"complete\"}\n";
    let (v, diags) = page(envelope);
    let p = paths(&v);
    for want in ["data.id", "data.number", "data.state", "id", "name"] {
        assert!(p.contains(&want.to_owned()), "{want} in {p:?}");
    }
    assert!(!p.contains(&"number".to_owned()), "{p:?}");
    assert!(!has(&diags, "cannot tell which event"), "{diags:?}");

    let (v, diags) = page(&envelope.replace("{ ... }", "{\"id\": \"or_0\"}"));
    let p = paths(&v);
    assert!(!p.contains(&"data.number".to_owned()), "{p:?}");
    assert!(has(&diags, "cannot tell which event"), "{diags:?}");
}

/// A logged delivery whose request body is a JSON string, escaped twice:
/// the event it states is the vendor's too; its fields are the string's.
#[test]
fn an_event_in_a_json_string_of_an_example_counts() {
    let (v, _) = page(
        "{\"data\": {\"event_type\": \"payment.cleared\", \"id\": \"w1\",\n\
         \"request_body\": \"{\\\\\\\"data\\\\\\\":{\\\\\\\"event_type\\\\\\\":\\\\\\\"payid.failed\\\\\\\",\\\\\\\"uuid\\\\\\\":\\\\\\\"u1\\\\\\\"}}\"}}\n",
    );
    assert_eq!(events(&v), ["payid.failed", "payment.cleared"]);
    assert!(
        !paths(&v).iter().any(|p| p.contains("uuid")),
        "{:?}",
        paths(&v)
    );
}

#[test]
fn a_payload_sketched_with_type_names_types_its_fields() {
    // `amount: number`: a schema written as JSON. Its fields are typed,
    // and the sketch is no payload to round-trip.
    let analysis = analyze_pages(&[(
        "invoice.paid.txt",
        "invoice.paid\n\n{\n  type: string,  // the event\n  amount: number,\n  count: integer,\n  paid: boolean,\n  data: { id: string }\n}\n",
    )]);
    let v = &analysis.schema.vendors[0];
    let s = match v.types.iter().find(|t| t.name() == "InvoicePaid") {
        Some(ir::TypeDef::Struct(s)) => s,
        _ => panic!("no InvoicePaid"),
    };
    let kinds: Vec<(&str, String)> = s
        .fields
        .iter()
        .map(|f| (f.name.as_str(), format!("{:?}", f.ty)))
        .collect();
    assert_eq!(kinds[0], ("type", "String { format: None }".to_owned()));
    assert!(kinds[1].1.starts_with("Number"), "{kinds:?}");
    assert!(kinds[2].1.starts_with("Integer"), "{kinds:?}");
    assert_eq!(kinds[3], ("paid", "Boolean".to_owned()));
    assert!(analysis.examples.is_empty(), "a sketch is not sent back");
}

#[test]
fn a_typescript_type_of_the_payload_is_read() {
    // Its members, the events its carrier's union names, the union's
    // values as an enum, `?:` as may be absent and `| null` as nullable.
    let (v, _) = page(
        "# Webhook events\n\nEvents: `ticket.created`, `ticket.closed`, and `ticket.reopened`.\n\n\
         ```ts\ninterface WebhookEvent {\n  id: string;\n  type: \"ticket.created\" | \"ticket.closed\" | \"ticket.reopened\";\n\
         \x20 data: {\n    priority?: \"low\" | \"high\";\n    assignee: string | null;\n  };\n}\n```\n",
    );
    let mut got = events(&v);
    got.sort_unstable();
    assert_eq!(got, ["ticket.closed", "ticket.created", "ticket.reopened"]);
    assert!(
        v.events.iter().all(|e| e.payload.is_some()),
        "{:?}",
        v.events
    );
    let d = v.discriminator.as_ref().expect("a discriminator");
    assert_eq!(d.fields, [vec!["type".to_owned()]]);
    let Some(ir::TypeDef::Struct(data)) = v.types.iter().find(|t| t.name().ends_with("Data"))
    else {
        panic!(
            "no data struct in {:?}",
            v.types.iter().map(|t| t.name()).collect::<Vec<_>>()
        );
    };
    let field = |name: &str| data.fields.iter().find(|f| f.name == name).expect(name);
    assert!(!field("priority").required);
    assert!(field("assignee").nullable);
    let Some(ir::TypeDef::Enum(e)) = v.types.iter().find(|t| t.name() == "Priority") else {
        panic!("no Priority enum");
    };
    assert_eq!(
        e.values,
        ir::EnumValues::Strings(vec!["low".to_owned(), "high".to_owned()])
    );
}

#[test]
fn sections_of_field_lists_with_no_example_are_a_type_each() {
    // A heading per event, each over its own table, no example: each
    // event's payload is its section's fields, not every section's.
    let (v, _) = page(
        "# Webhook events\n\n## member.joined\n\nSent when a member joins.\n\n\
         | Field | Type | Description |\n|---|---|---|\n| id | string | The member |\n| space_id | string | The space |\n\n\
         ## member.left\n\n| Field | Type | Description |\n|---|---|---|\n| id | string | The member |\n\
         | reason | string | Why. One of `kicked`, `quit` |\n",
    );
    let mut got = events(&v);
    got.sort_unstable();
    assert_eq!(got, ["member.joined", "member.left"]);
    assert_eq!(payload_fields(&v, "member.joined"), ["id", "space_id"]);
    assert_eq!(payload_fields(&v, "member.left"), ["id", "reason"]);
    // A title's table over one event's example stays one event's page.
    let (v, _) = page(
        "invoice.paid\n\n| Field | Type | Description |\n|---|---|---|\n| id | string | The id |\n\n\
         POST/invoice.paid\n\n{\"id\": \"in_1\", \"type\": \"invoice.paid\"}\n",
    );
    assert_eq!(events(&v), ["invoice.paid"]);
}

#[test]
fn section_headings_take_the_sentence_under_them_and_carriers_any_case() {
    let (v, _) = page(
        "# Webhooks\n\n## order_created\n\nSent when an order is created.\n\n\
         ```json\n{\"EventType\": \"order_created\", \"order\": {\"id\": 1}}\n```\n\n\
         ## order_shipped\n\nSent when it ships.\n\n\
         ```json\n{\"EventType\": \"order_shipped\", \"order\": {\"id\": 1, \"tracking\": \"1Z\"}}\n```\n",
    );
    let got: Vec<(&str, &str)> = (v.events.iter())
        .map(|e| (e.name.as_str(), e.description.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        got,
        [
            ("order_created", "Sent when an order is created."),
            ("order_shipped", "Sent when it ships.")
        ]
    );
    let d = v.discriminator.as_ref().expect("a discriminator");
    assert_eq!(d.fields, [vec!["EventType".to_owned()]]);
    // One example naming one event: its field tells by its name alone,
    // cased as the vendor cases it.
    let (v, _) = page(
        "# Events\n\n| Event | Description |\n|---|---|\n| InvoiceCreated | Created |\n| InvoicePaid | Paid |\n\n\
         ```json\n{\"EventType\": \"InvoicePaid\", \"Invoice\": {\"Id\": 7}}\n```\n",
    );
    let d = v.discriminator.as_ref().expect("a discriminator");
    assert_eq!(d.fields, [vec!["EventType".to_owned()]]);
}

#[test]
fn the_response_an_endpoint_sends_back_is_no_payload() {
    let (v, diags) = page(
        "# invoice.paid\n\nRequest body:\n\n```json\n{\"type\": \"invoice.paid\", \"data\": {\"id\": \"in_1\"}}\n```\n\n\
         Your endpoint should respond with a 2xx status, for example:\n\n```json\n{\"received\": true}\n```\n",
    );
    assert_eq!(paths(&v), ["data", "data.id", "type"]);
    assert!(
        diags
            .iter()
            .any(|d| d.contains("what your endpoint sends back")),
        "{diags:?}"
    );
    // "An event response" is the vendor's word for the payload.
    let (v, _) = page(
        "Here is an event response with an example of each event:\n\n\
         [{\"event\": \"delivered\", \"email\": \"a@b.c\"}, {\"event\": \"open\", \"email\": \"a@b.c\"}]\n",
    );
    assert!(paths(&v).contains(&"email".to_owned()), "{:?}", paths(&v));
}

#[test]
fn a_table_goes_on_past_the_sites_controls() {
    // One cell per line, a parent's children behind "Show child
    // attributes": the rows after "Hide child attributes" are the table's.
    let (v, _) = page(
        "charge.refunded\n\nid\nstring\nThe id.\n\nbilling_details\nobject\nWho pays.\nShow child attributes\n\
         billing_details.email\nnullable string\nTheir e-mail.\nHide child attributes\n\nrefunded\nboolean\nWhether refunded.\n",
    );
    assert_eq!(
        paths(&v),
        ["billing_details", "billing_details.email", "id", "refunded"]
    );
}

#[test]
fn comment_members_are_notes_on_the_field_before_them() {
    let (v, diags) = page(
        "{ \"_comment\": \"An order being placed.\", \"type\": \"order.created\", \"_comment\": \"What happened.\", \
         \"id\": \"evt_1\", \"$comment\": \"Unique per event.\", \"data\": { \"_comment\": \"The order.\", \"total\": 9.5, \
         \"//\": \"In the currency's unit.\" } }\n",
    );
    let p = paths(&v);
    assert!(!p.iter().any(|p| p.contains("comment")), "{p:?}");
    for want in ["type", "id", "data", "data.total"] {
        assert!(p.contains(&want.to_owned()), "{want} not in {p:?}");
    }
    let root = v.events[0].payload.clone().expect("a payload type");
    let description = |ty: &str, name: &str| field(&v, ty, name).description.clone();
    assert_eq!(
        description(&root, "type").as_deref(),
        Some("What happened.")
    );
    assert_eq!(
        description(&root, "id").as_deref(),
        Some("Unique per event.")
    );
    assert_eq!(description(&root, "data").as_deref(), Some("The order."));
    let data = match &field(&v, &root, "data").ty {
        ir::Ty::Named { name } => name.clone(),
        other => panic!("data is {other:?}"),
    };
    assert_eq!(
        description(&data, "total").as_deref(),
        Some("In the currency's unit.")
    );
    // A repeated note is no fault of the example.
    assert!(!has(&diags, "duplicated key"), "{diags:?}");
}

#[test]
fn the_body_of_a_curl_command_is_an_example() {
    let (v, diags) = page(
        "# order.paid\n\nTry it:\n\ncurl -X POST https://your.app/hooks -H 'Content-Type: application/json' \
         -d '{\"type\": \"order.paid\", \"id\": \"o_1\"}'\n",
    );
    assert!(!has(&diags, "no example payload"), "{diags:?}");
    assert_eq!(payload_fields(&v, "order.paid"), ["type", "id"]);
}

#[test]
fn a_webhooks_settings_listing_its_events_is_no_payload() {
    let (v, diags) = page(
        "# Webhooks\n\nCreate a subscription:\n\n```json\n{\"url\": \"https://example.com/h\", \"events\": [\"invoice.created\", \"invoice.paid\"]}\n```\n\n\
         ## Events\n\n- `invoice.created`\n- `invoice.paid`\n\n\
         ```json\n{\"event\": \"invoice.paid\", \"data\": {\"id\": \"in_1\"}}\n```\n",
    );
    assert!(
        has(&diags, "events to subscribe to (`events`)"),
        "{diags:?}"
    );
    let p = paths(&v);
    assert!(
        !p.contains(&"url".to_owned()) && !p.contains(&"events".to_owned()),
        "{p:?}"
    );
    assert!(p.contains(&"data.id".to_owned()), "{p:?}");
}

#[test]
fn the_webhook_objects_table_is_its_settings_and_its_names_no_events() {
    let (v, _) = page(
        "# Webhooks\n\nManage webhook endpoints.\n\nWebhook Object\n\n| Attribute | Type | Description |\n| --- | --- | --- |\n\
         | id | integer | The webhook's id. |\n| url | string | Where events are sent. |\n\
         | all_events_enabled | boolean | Whether every event type is sent. |\n| created_at | timestamp | When created. |\n\n\
         Event Types\n\n| Event | Description |\n| --- | --- |\n| order.created | An order was placed. |\n| order.paid | An order was paid. |\n",
    );
    assert_eq!(events(&v), ["order.created", "order.paid"]);
    assert!(paths(&v).is_empty(), "{:?}", paths(&v));
}

#[test]
fn a_name_table_of_things_done_lists_events_not_fields() {
    let (v, _) = page(
        "# Notifications\n\n| Name | Description |\n| --- | --- |\n| ticket.opened | A ticket was opened. |\n\
         | ticket.closed | A ticket was closed. |\n\n```json\n{\"kind\": \"ticket.opened\", \"ticket\": {\"id\": 7}}\n```\n",
    );
    assert_eq!(events(&v), ["ticket.closed", "ticket.opened"]);
    let p = paths(&v);
    assert!(
        !p.iter()
            .any(|p| p.starts_with("ticket.o") || p.starts_with("ticket.c")),
        "{p:?}"
    );
    // A table of dotted field paths stays one.
    let (v, _) = page(
        "# order.paid\n\n| Name | Description |\n| --- | --- |\n| data.id | The id. |\n| data.total | The total. |\n\n\
         ```json\n{\"event\": \"order.paid\", \"data\": {\"id\": \"o\", \"total\": 1}}\n```\n",
    );
    assert_eq!(events(&v), ["order.paid"]);
}

#[test]
fn a_table_under_an_objects_heading_holds_that_objects_members() {
    let (v, _) = page(
        "# refund.created\n\n| Field | Type | Description |\n| --- | --- | --- |\n| id | string | The refund. |\n\
         | customer | object | See below. |\n\n### The `customer` object\n\n| Field | Type | Description |\n| --- | --- | --- |\n\
         | email | string | Their email. |\n| tier | string | One of `gold`, `silver`. |\n",
    );
    let p = paths(&v);
    for want in ["id", "customer", "customer.email", "customer.tier"] {
        assert!(p.contains(&want.to_owned()), "{want} not in {p:?}");
    }
    assert!(!p.contains(&"email".to_owned()), "{p:?}");
}

#[test]
fn title_case_headings_over_examples_that_hold_their_word_in_lower_case() {
    let (v, _) = page(
        "# Events\n\n## Message\n\n```json\n{\"type\": \"message\", \"text\": \"hi\"}\n```\n\n\
         ## Reaction added\n\n```json\n{\"type\": \"reaction\", \"emoji\": \"tada\"}\n```\n",
    );
    assert_eq!(events(&v), ["message", "reaction"]);
    assert_eq!(payload_fields(&v, "reaction"), ["type", "emoji"]);
    // One such heading is not enough: a word may be shared by chance.
    let (v, _) =
        page("# Events\n\n## Message\n\n```json\n{\"type\": \"message\", \"text\": \"hi\"}\n```\n");
    assert!(events(&v).is_empty(), "{:?}", events(&v));
}
