//! The data every sandbox starts with, and the ids tests can rely on.
//!
//! Content is identical on every start except for times, which are placed
//! relative to the UTC day the sandbox starts so that upcoming webinars stay
//! upcoming and the past webinar stays in the past.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Days, NaiveTime, TimeZone, Utc};
use serde_json::json;

use super::model::poll::{Poll, PollBody};
use super::model::recurrence::{End, Pattern, Recurrence};
use super::model::registrant::{Panelist, Registrant, RegistrantStatus};
use super::model::user::{User, UserType};
use super::model::webinar::{Webinar, WebinarPlan, WebinarType};
use super::oauth::TokenStore;
use super::paging::PageTokens;
use super::seed_features;
use super::seed_past;
use super::state::{RequestLog, SandboxState};
use super::times::local_to_utc;

/// The account id of the simulated account.
pub const ACCOUNT_ID: &str = "sbxAcct7Lq2Vn9Xr4Tz1Wm";

/// The account owner, whom `me` names: licensed, time zone Asia/Kolkata.
pub const OWNER_USER_ID: &str = "oW7nErQ3Tq2Zk8Yb1Lx4Va";
pub const OWNER_EMAIL: &str = "owner@sandbox.example.com";
/// A second licensed user, time zone America/Los_Angeles.
pub const HOST_USER_ID: &str = "hA5pRsT9Wm3Ck6Jd2Nq8Zb";
pub const HOST_EMAIL: &str = "host@sandbox.example.com";
/// A Basic (type 1) user without a webinar licence.
pub const BASIC_USER_ID: &str = "bZ2sIc7Lq4Xe9Gt1Mv5Rk0";
pub const BASIC_EMAIL: &str = "basic@sandbox.example.com";

/// The owner's single webinar (type 5): two panelists, one poll, no
/// registration. Starts three days after the sandbox's start day.
pub const SINGLE_WEBINAR_ID: u64 = 81100000001;
pub const SINGLE_WEBINAR_PANELIST_IDS: [&str; 2] =
    ["pnPriya4Kd8Wm2Qs6Xz1Lc", "pnPablo7Jr3Vb9Hn5Ty2Ge"];
pub const SINGLE_WEBINAR_PANELIST_EMAILS: [&str; 2] = [
    "priya.panelist@sandbox.example.com",
    "pablo.panelist@sandbox.example.com",
];
pub const SINGLE_WEBINAR_POLL_ID: &str = "plAudience3Fk7Rm1Zq9Wd";
/// The single webinar has session branding on, with this default name tag,
/// this default virtual background and no wallpaper.
pub const SINGLE_WEBINAR_NAME_TAG_ID: &str = "ntSpeaker6Hq2Xw9Lb4Rk1";
pub const SINGLE_WEBINAR_VIRTUAL_BACKGROUND_ID: &str = "vbStage3Mz8Kd1Wq5Tn7Yc";

/// The owner's weekly recurring webinar (type 9): six occurrences at 10:00
/// America/New_York, registration on with automatic approval, three
/// approved registrants.
pub const RECURRING_WEBINAR_ID: u64 = 81100000002;
pub const RECURRING_WEBINAR_OCCURRENCES: usize = 6;
/// The recurring webinar's tracking sources, "Newsletter" then "LinkedIn".
/// It also has a post-webinar survey and a live stream target.
pub const RECURRING_WEBINAR_TRACKING_SOURCE_IDS: [&str; 2] = ["7700000000001", "7700000000002"];

/// The owner's single webinar with manual approval (approval_type 1). Its
/// registration form has the `org` and `job_title` fields and one custom
/// question.
pub const MANUAL_APPROVAL_WEBINAR_ID: u64 = 81100000003;
pub const MANUAL_PENDING_REGISTRANT_IDS: [&str; 2] =
    ["rgPend01Hq5Lk9Xc3Vb7Ns", "rgPend02Mt8Wz2Jf6Qr4Dy"];
pub const MANUAL_APPROVED_REGISTRANT_IDS: [&str; 3] = [
    "rgAppr01Bx4Nc8Kp2Wq6Ls",
    "rgAppr02Gv7Tj1Yd5Rm9Fh",
    "rgAppr03Zs3Pe6Lk0Xu8Cq",
];
pub const MANUAL_DENIED_REGISTRANT_IDS: [&str; 1] = ["rgDeny01Wf9Qb2Hn7Tc4Mz"];

/// Harper Host's single webinar.
pub const HOST_WEBINAR_ID: u64 = 81100000004;

/// The owner's ended weekly webinar with registration on and three ended
/// instances, see [`PAST_INSTANCE_UUIDS`].
pub const PAST_WEBINAR_ID: u64 = 81100000005;
/// Instance UUIDs, oldest first, covering the encoding cases. The first
/// starts with `/`, the second contains `//` and `+`, and the latest contains
/// a single `/` and a `+`. All end in `==`.
pub const PAST_INSTANCE_UUIDS: [&str; 3] = [
    "/ajXp112QmuoKj4854875==",
    "Kq4+Yz0PR//m1x9bDwtA3g==",
    "pT7/uWn2Qe+o0hZb9xLk1A==",
];
/// Approved registrants of the past webinar.
pub const PAST_REGISTRANT_COUNT: usize = 45;
/// Attendance records of each instance, oldest first; the latest has enough
/// to need two pages at `page_size=30`.
pub const PAST_PARTICIPANT_COUNTS: [usize; 3] = [23, 29, 40];
/// Registrants who missed each instance, oldest first.
pub const PAST_ABSENTEE_COUNTS: [usize; 3] = [25, 20, 9];
/// The poll that the recorded poll results of the past instances refer to.
pub const PAST_WEBINAR_POLL_ID: &str = "plFeedbk5Yh2Nc8Qw4Rv1T";

/// The owner's webinar template, made from the single webinar.
pub const OWNER_TEMPLATE_ID: &str = "tmLaunch5Gc8Vw2Qp4Zr9a";

/// The id the first webinar created through the API receives.
pub const FIRST_CREATED_WEBINAR_ID: u64 = 81100000101;

/// When the seeded users were created.
fn users_created_at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 1, 15, 9, 0, 0)
        .single()
        .unwrap_or_default()
}

pub(crate) fn seed_users() -> Vec<User> {
    let user = |id: &str,
                email: &str,
                first: &str,
                last: &str,
                kind,
                licence,
                role: &str,
                zone: &str,
                pmi| User {
        id: id.to_owned(),
        email: email.to_owned(),
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        user_type: kind,
        webinar_licence: licence,
        role_name: role.to_owned(),
        timezone: zone.to_owned(),
        pmi,
        dept: "Events".to_owned(),
        created_at: users_created_at(),
    };
    vec![
        user(
            OWNER_USER_ID,
            OWNER_EMAIL,
            "Olivia",
            "Owner",
            UserType::Licensed,
            true,
            "Owner",
            "Asia/Kolkata",
            5_550_000_001,
        ),
        user(
            HOST_USER_ID,
            HOST_EMAIL,
            "Harper",
            "Host",
            UserType::Licensed,
            true,
            "Member",
            "America/Los_Angeles",
            5_550_000_002,
        ),
        user(
            BASIC_USER_ID,
            BASIC_EMAIL,
            "Basil",
            "Basic",
            UserType::Basic,
            false,
            "Member",
            "Europe/London",
            5_550_000_003,
        ),
    ]
}

/// Returns a deterministic 64-character link secret for seeded objects.
pub(crate) fn seed_secret(label: &str) -> String {
    let hex: String = label.bytes().map(|byte| format!("{byte:02x}")).collect();
    let padded = format!("{hex:0>64}");
    padded[padded.len() - 64..].to_owned()
}

/// Builds a seeded webinar with a fixed UUID and link secret.
pub(crate) fn seed_webinar(plan: WebinarPlan, host: &User, uuid: &str) -> Webinar {
    let mut webinar = Webinar::new(plan, host);
    webinar.uuid = uuid.to_owned();
    webinar.link_secret = seed_secret(&webinar.id.to_string());
    webinar.password = format!("{:06}", webinar.id % 1_000_000);
    webinar
}

pub(crate) fn seed_registrant(
    id: &str,
    first: &str,
    last: &str,
    status: RegistrantStatus,
    created: DateTime<Utc>,
) -> Registrant {
    Registrant {
        id: id.to_owned(),
        email: format!(
            "{}.{}@attendee.example.com",
            first.to_lowercase(),
            last.to_lowercase()
        ),
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        status,
        create_time: created,
        profile: serde_json::Map::new(),
        custom_questions: Vec::new(),
        language: None,
        occurrence_ids: Vec::new(),
        join_secret: seed_secret(id),
    }
}

/// Builds the whole starting state. `origin` is `http://127.0.0.1:PORT`.
pub(crate) fn build_state(origin: String, tokens: TokenStore, now: DateTime<Utc>) -> SandboxState {
    let users = seed_users();
    let day0 = now.date_naive().and_time(NaiveTime::MIN).and_utc();
    let created = day0 - Days::new(10);
    let at =
        |days: u64, hour: u32| day0 + Days::new(days) + chrono::TimeDelta::hours(i64::from(hour));
    let plan = |id, topic: &str, webinar_type, start_time, duration, timezone: &str| WebinarPlan {
        id,
        topic: topic.to_owned(),
        webinar_type,
        start_time,
        duration,
        timezone: timezone.to_owned(),
        created_at: created,
    };
    let owner = &users[0];
    let mut webinars = BTreeMap::new();

    let mut single = seed_webinar(
        plan(
            SINGLE_WEBINAR_ID,
            "Sandbox Product Launch",
            WebinarType::Single,
            at(3, 14),
            60,
            "Asia/Kolkata",
        ),
        owner,
        "sNgL3wEbIn4rUuId0001Aa==",
    );
    single.agenda = "Launch walkthrough followed by live Q&A.".to_owned();
    for (index, (id, email)) in SINGLE_WEBINAR_PANELIST_IDS
        .iter()
        .zip(SINGLE_WEBINAR_PANELIST_EMAILS)
        .enumerate()
    {
        let name = if index == 0 {
            "Priya Panelist"
        } else {
            "Pablo Panelist"
        };
        single.panelists.push(Panelist {
            id: (*id).to_owned(),
            name: name.to_owned(),
            email: email.to_owned(),
            extras: serde_json::Map::new(),
            join_secret: seed_secret(id),
        });
    }
    single.polls.push(Poll {
        id: SINGLE_WEBINAR_POLL_ID.to_owned(),
        status: "notstart".to_owned(),
        body: PollBody {
            title: "Audience check".to_owned(),
            poll_type: 1,
            anonymous: false,
            questions: vec![json!({
                "name": "How did you hear about this launch?",
                "type": "single",
                "answers": ["Email", "Social media", "A colleague"],
                "answer_required": false,
            })],
        },
    });
    seed_features::add_branding(&mut single);
    webinars.insert(single.id, single);

    let new_york = chrono_tz::America::New_York;
    let first_date = (day0 + Days::new(2)).date_naive();
    let recurring_start = local_to_utc(
        first_date.and_hms_opt(10, 0, 0).unwrap_or_default(),
        new_york,
    );
    let mut recurring = seed_webinar(
        plan(
            RECURRING_WEBINAR_ID,
            "Weekly Office Hours",
            WebinarType::RecurringFixedTime,
            recurring_start,
            45,
            "America/New_York",
        ),
        owner,
        "rEcUrWeEkLy4rUuId002B+==",
    );
    recurring.settings.insert("approval_type".into(), json!(0));
    recurring.recurrence = Some(Recurrence {
        pattern: Pattern::Weekly {
            days: vec![first_date.weekday().num_days_from_sunday() + 1],
        },
        repeat_interval: 1,
        end: End::Times(RECURRING_WEBINAR_OCCURRENCES as u32),
    });
    recurring.regenerate_occurrences();
    for (id, first, last) in [
        ("rgWeek01Dn3Vx7Lp1Qk5Hs", "Ada", "Lovelace"),
        ("rgWeek02Fm6Bz0Tc4Wj8Rn", "Alan", "Turing"),
        ("rgWeek03Kq9Gs2Yh6Pe1Xv", "Grace", "Hopper"),
    ] {
        recurring.registrants.push(seed_registrant(
            id,
            first,
            last,
            RegistrantStatus::Approved,
            created,
        ));
    }
    seed_features::add_recurring_features(&mut recurring);
    webinars.insert(recurring.id, recurring);

    let mut manual = seed_webinar(
        plan(
            MANUAL_APPROVAL_WEBINAR_ID,
            "Partner Briefing (approval required)",
            WebinarType::Single,
            at(5, 16),
            90,
            "Europe/London",
        ),
        owner,
        "mAnUaLaPpRoVaLrUuId03C==",
    );
    manual.settings.insert("approval_type".into(), json!(1));
    let people = [
        (
            MANUAL_PENDING_REGISTRANT_IDS[0],
            "Pat",
            "Pending",
            RegistrantStatus::Pending,
        ),
        (
            MANUAL_PENDING_REGISTRANT_IDS[1],
            "Penny",
            "Waiting",
            RegistrantStatus::Pending,
        ),
        (
            MANUAL_APPROVED_REGISTRANT_IDS[0],
            "Amy",
            "Approved",
            RegistrantStatus::Approved,
        ),
        (
            MANUAL_APPROVED_REGISTRANT_IDS[1],
            "Abel",
            "Accepted",
            RegistrantStatus::Approved,
        ),
        (
            MANUAL_APPROVED_REGISTRANT_IDS[2],
            "Anya",
            "Admitted",
            RegistrantStatus::Approved,
        ),
        (
            MANUAL_DENIED_REGISTRANT_IDS[0],
            "Dan",
            "Denied",
            RegistrantStatus::Denied,
        ),
    ];
    for (id, first, last, status) in people {
        manual
            .registrants
            .push(seed_registrant(id, first, last, status, created));
    }
    seed_features::add_registration_questions(&mut manual);
    webinars.insert(manual.id, manual);

    let harper = &users[1];
    let hosted = seed_webinar(
        plan(
            HOST_WEBINAR_ID,
            "Harper's Community Roundtable",
            WebinarType::Single,
            at(4, 18),
            60,
            "America/Los_Angeles",
        ),
        harper,
        "hOsTwEbInAr4rUuId004Dd==",
    );
    webinars.insert(hosted.id, hosted);

    let past = seed_past::past_webinar(owner, day0, created);
    webinars.insert(past.id, past);

    SandboxState {
        origin,
        account_id: ACCOUNT_ID.to_owned(),
        users,
        webinars,
        next_webinar_id: FIRST_CREATED_WEBINAR_ID,
        templates: vec![seed_features::owner_template()],
        pages: PageTokens::default(),
        tokens,
        log: RequestLog::default(),
    }
}
