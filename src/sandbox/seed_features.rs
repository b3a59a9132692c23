//! Seed data for the webinar features beyond the schedule: session branding
//! on the single webinar, tracking sources, a survey and a live stream on
//! the recurring webinar, registration questions on the manual-approval
//! webinar, and one webinar template for the owner.

use serde_json::{Value, json};

use super::model::branding::{ImageFile, NameTag, VirtualBackground};
use super::model::livestream::LiveStreamConfig;
use super::model::template::WebinarTemplate;
use super::model::tracking::TrackingSource;
use super::model::webinar::Webinar;
use super::seed::{
    OWNER_TEMPLATE_ID, OWNER_USER_ID, RECURRING_WEBINAR_TRACKING_SOURCE_IDS, SINGLE_WEBINAR_ID,
    SINGLE_WEBINAR_NAME_TAG_ID, SINGLE_WEBINAR_VIRTUAL_BACKGROUND_ID,
};

/// Turns session branding on for `webinar` and gives it one default name
/// tag and one default virtual background, and no wallpaper.
pub(crate) fn add_branding(webinar: &mut Webinar) {
    webinar
        .settings
        .insert("enable_session_branding".into(), json!(true));
    webinar.branding.name_tags.push(NameTag {
        id: SINGLE_WEBINAR_NAME_TAG_ID.to_owned(),
        name: "Launch speaker".to_owned(),
        text_color: "ffffff".to_owned(),
        accent_color: "0e72ed".to_owned(),
        background_color: "1f2937".to_owned(),
        is_default: true,
    });
    webinar
        .branding
        .virtual_backgrounds
        .push(VirtualBackground {
            file: ImageFile {
                id: SINGLE_WEBINAR_VIRTUAL_BACKGROUND_ID.to_owned(),
                name: "launch-stage.png".to_owned(),
                size: 524_288,
            },
            is_default: true,
        });
}

/// Gives the recurring webinar two tracking sources, a post-webinar survey
/// and a live stream target.
pub(crate) fn add_recurring_features(webinar: &mut Webinar) {
    let sources = [("Newsletter", 2, 14), ("LinkedIn", 1, 9)];
    for (id, (name, registrations, visitors)) in
        RECURRING_WEBINAR_TRACKING_SOURCE_IDS.iter().zip(sources)
    {
        webinar.tracking_sources.push(TrackingSource {
            id: (*id).to_owned(),
            source_name: name.to_owned(),
            registration_count: registrations,
            visitor_count: visitors,
        });
    }

    apply_or_panic(
        "survey",
        webinar.survey.apply(object(&json!({
            "custom_survey": {
                "title": "Office hours feedback",
                "questions": [
                    {
                        "name": "How useful was this session?",
                        "type": "rating_scale",
                        "rating_min_value": 1,
                        "rating_max_value": 5,
                        "rating_min_label": "Not useful",
                        "rating_max_label": "Very useful",
                        "answer_required": true,
                    },
                    {
                        "name": "Which topic should we cover next?",
                        "type": "single",
                        "answers": ["Scheduling", "Registration", "Reports"],
                    },
                ],
            },
            "show_in_the_browser": true,
            "show_in_the_follow_up_email": true,
        }))),
    );

    webinar.live_stream.config = Some(LiveStreamConfig {
        page_url: "https://stream.sandbox.example.com/office-hours".to_owned(),
        stream_key: "sbx-office-hours-key".to_owned(),
        stream_url: "rtmp://stream.sandbox.example.com/live".to_owned(),
        resolution: Some("720p".to_owned()),
    });
}

/// Gives the manual-approval webinar two standard fields and one custom
/// question on its registration form.
pub(crate) fn add_registration_questions(webinar: &mut Webinar) {
    apply_or_panic(
        "registration questions",
        webinar.registration_questions.apply(object(&json!({
            "questions": [
                {"field_name": "org", "required": true},
                {"field_name": "job_title", "required": false},
            ],
            "custom_questions": [
                {
                    "title": "Which partner tier are you in?",
                    "type": "single_dropdown",
                    "required": true,
                    "answers": ["Gold", "Silver", "Bronze"],
                },
            ],
        }))),
    );
}

/// Returns the owner's template, made from the single webinar.
pub(crate) fn owner_template() -> WebinarTemplate {
    WebinarTemplate {
        id: OWNER_TEMPLATE_ID.to_owned(),
        name: "Product launch template".to_owned(),
        owner_id: OWNER_USER_ID.to_owned(),
        webinar_id: SINGLE_WEBINAR_ID,
    }
}

fn object(value: &Value) -> &serde_json::Map<String, Value> {
    value.as_object().expect("seed bodies are JSON objects")
}

/// Panics when seed data fails the validation that API requests get, which
/// is a bug in this file.
fn apply_or_panic(what: &str, outcome: Result<(), super::reply::ZoomError>) {
    if let Err(error) = outcome {
        panic!("seed {what} failed validation: {}", error.body());
    }
}
