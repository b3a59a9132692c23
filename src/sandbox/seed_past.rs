//! The seeded past webinar: a weekly webinar whose three sessions ended one,
//! two and three weeks before the sandbox's start day, with attendance,
//! Q&A, poll answers and survey answers per session.

use chrono::{DateTime, Datelike, Days, TimeDelta, Utc};
use serde_json::json;

use super::model::past::{
    Participant, PastInstance, PollAnswer, QaAnswer, QaQuestion, Survey, SurveyAnswer,
};
use super::model::poll::{Poll, PollBody};
use super::model::recurrence::{End, Pattern, Recurrence};
use super::model::registrant::{Panelist, RegistrantStatus};
use super::model::user::User;
use super::model::webinar::{Webinar, WebinarPlan, WebinarType};
use super::seed::{
    PAST_INSTANCE_UUIDS, PAST_PARTICIPANT_COUNTS, PAST_REGISTRANT_COUNT, PAST_WEBINAR_ID,
    PAST_WEBINAR_POLL_ID, seed_registrant, seed_secret, seed_webinar,
};

const FIRST_NAMES: [&str; 9] = [
    "Ava", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivan",
];
const LAST_NAMES: [&str; 5] = ["Archer", "Baker", "Carter", "Dalton", "Ellis"];
/// Registrants who attended each session, oldest first: the first N.
const ATTENDING_REGISTRANTS: [usize; 3] = [20, 25, 36];
const PANELISTS: [(&str, &str, &str); 2] = [
    (
        "pnPastA1Rw5Tk9Mc3Vq7Ls",
        "Priya Panelist",
        "priya.panelist@sandbox.example.com",
    ),
    (
        "pnPastB2Jy8Hd4Xn6Bf0Gw",
        "Pablo Panelist",
        "pablo.panelist@sandbox.example.com",
    ),
];

fn registrant_id(index: usize) -> String {
    format!("rgPast{:02}Qm7Xc2Vk9Lt4Bz", index + 1)
}

pub(crate) fn past_webinar(owner: &User, day0: DateTime<Utc>, created: DateTime<Utc>) -> Webinar {
    let first_start = day0 - Days::new(21) + TimeDelta::hours(15);
    let plan = WebinarPlan {
        id: PAST_WEBINAR_ID,
        topic: "Quarterly Customer Webinar".to_owned(),
        webinar_type: WebinarType::RecurringFixedTime,
        start_time: first_start,
        duration: 60,
        timezone: "UTC".to_owned(),
        created_at: created - Days::new(30),
    };
    let mut webinar = seed_webinar(plan, owner, "pAsTwEbInAr4rUuId005Ee==");
    webinar.settings.insert("approval_type".into(), json!(0));
    webinar.recurrence = Some(Recurrence {
        pattern: Pattern::Weekly {
            days: vec![first_start.weekday().num_days_from_sunday() + 1],
        },
        repeat_interval: 1,
        end: End::Times(3),
    });
    webinar.regenerate_occurrences();

    for index in 0..PAST_REGISTRANT_COUNT {
        let first = FIRST_NAMES[index % FIRST_NAMES.len()];
        let last = LAST_NAMES[index / FIRST_NAMES.len()];
        let registrant = seed_registrant(
            &registrant_id(index),
            first,
            last,
            RegistrantStatus::Approved,
            created - Days::new(20),
        );
        webinar.registrants.push(registrant);
    }
    for (id, name, email) in PANELISTS {
        webinar.panelists.push(Panelist {
            id: id.to_owned(),
            name: name.to_owned(),
            email: email.to_owned(),
            extras: serde_json::Map::new(),
            join_secret: seed_secret(id),
        });
    }
    webinar.polls.push(Poll {
        id: PAST_WEBINAR_POLL_ID.to_owned(),
        status: "ended".to_owned(),
        body: PollBody {
            title: "Session feedback".to_owned(),
            poll_type: 1,
            anonymous: false,
            questions: vec![json!({
                "name": "How useful was this session?",
                "type": "single",
                "answers": ["Very useful", "Somewhat useful", "Not useful"],
            })],
        },
    });

    let sessions: Vec<(String, DateTime<Utc>)> = webinar
        .occurrences
        .iter()
        .map(|occurrence| (occurrence.occurrence_id.clone(), occurrence.start_time))
        .collect();
    for (session, (occurrence_id, scheduled)) in sessions.into_iter().enumerate() {
        let instance = past_instance(&webinar, owner, session, occurrence_id, scheduled);
        webinar.instances.push(instance);
    }
    webinar
}

fn past_instance(
    webinar: &Webinar,
    owner: &User,
    session: usize,
    occurrence_id: String,
    scheduled: DateTime<Utc>,
) -> PastInstance {
    let start = scheduled + TimeDelta::minutes(2);
    let end = start + TimeDelta::minutes(58);
    let mut participants = Vec::new();
    let mut record = |name: &str,
                      email: &str,
                      registrant_id: Option<String>,
                      join: i64,
                      leave: i64,
                      internal: bool| {
        let index = participants.len();
        participants.push(Participant {
            id: format!("pt{session}{index:03}Zq8Lm2Xv6Rb4Nw1k"),
            user_id: (16_778_240 + session * 1000 + index).to_string(),
            name: name.to_owned(),
            user_email: email.to_owned(),
            join_time: start + TimeDelta::minutes(join),
            leave_time: start + TimeDelta::minutes(leave),
            registrant_id,
            internal_user: internal,
        });
    };

    record(&owner.display_name(), &owner.email, None, 0, 58, true);
    for (_, name, email) in PANELISTS {
        record(name, email, None, 1, 57, false);
    }
    for (index, registrant) in webinar
        .registrants
        .iter()
        .take(ATTENDING_REGISTRANTS[session])
        .enumerate()
    {
        let name = format!("{} {}", registrant.first_name, registrant.last_name);
        let join = 2 + (index % 5) as i64;
        if index == 2 && session > 0 {
            // This attendee dropped out and rejoined, so has two records.
            record(
                &name,
                &registrant.email,
                Some(registrant.id.clone()),
                join,
                20,
                false,
            );
            record(
                &name,
                &registrant.email,
                Some(registrant.id.clone()),
                24,
                58,
                false,
            );
        } else {
            record(
                &name,
                &registrant.email,
                Some(registrant.id.clone()),
                join,
                55,
                false,
            );
        }
    }
    debug_assert_eq!(participants.len(), PAST_PARTICIPANT_COUNTS[session]);

    let asker = |index: usize| {
        let registrant = &webinar.registrants[index];
        (
            format!("{} {}", registrant.first_name, registrant.last_name),
            registrant.email.clone(),
        )
    };
    let questions = [
        (
            "Will the slides be shared afterwards?",
            Some("Yes, they go out with the follow-up email."),
        ),
        ("Is there a recording?", None),
        (
            "Does the new plan include SSO?",
            Some("SSO is included on the Business plan and above."),
        ),
        ("Can we get a demo for our team?", None),
    ]
    .into_iter()
    .enumerate()
    .map(|(index, (question, answer))| {
        let (name, email) = asker(index);
        QaQuestion {
            question_id: format!("qa{session}{index}Xk4Lm8Vn2Bq6Wz0Tr3P"),
            user_id: (16_778_240 + session * 1000 + 3 + index).to_string(),
            name,
            email,
            question: question.to_owned(),
            asked_at: start + TimeDelta::minutes(10 + index as i64 * 5),
            answer: answer.map(|content| QaAnswer {
                name: owner.display_name(),
                email: owner.email.clone(),
                content: content.to_owned(),
                answered_at: start + TimeDelta::minutes(12 + index as i64 * 5),
            }),
        }
    })
    .collect();

    let choices = [
        "Very useful",
        "Somewhat useful",
        "Very useful",
        "Not useful",
    ];
    let poll_answers = (0..10)
        .map(|index| {
            let (name, email) = asker(index);
            PollAnswer {
                name,
                email,
                poll_id: PAST_WEBINAR_POLL_ID.to_owned(),
                question: "How useful was this session?".to_owned(),
                answer: choices[index % choices.len()].to_owned(),
                answered_at: start + TimeDelta::minutes(40),
            }
        })
        .collect();

    let survey_answers = (0..3)
        .map(|index| {
            let (name, email) = asker(index);
            SurveyAnswer {
                name,
                email,
                question_id: "sq1Lp7Ve3Nm9Xc5Bk2Hd".to_owned(),
                question: "How likely are you to recommend this webinar?".to_owned(),
                answer: ["10", "8", "6"][index].to_owned(),
                answered_at: end + TimeDelta::minutes(1),
            }
        })
        .collect();

    PastInstance {
        uuid: PAST_INSTANCE_UUIDS[session].to_owned(),
        start_time: start,
        end_time: end,
        occurrence_id: Some(occurrence_id),
        participants,
        questions,
        poll_answers,
        survey: Some(Survey {
            survey_id: "svPost4Kb8Nq2Xm6Wr0Ty".to_owned(),
            survey_name: "Post-webinar survey".to_owned(),
            answers: survey_answers,
        }),
    }
}
