//! Registration tracking sources: the places a webinar's registration link
//! was shared, each with its own link and counters.

use serde_json::{Value, json};

use super::webinar::Webinar;

/// A tracking source. Zoom's API only lists them; they are made in the web
/// portal, so the sandbox's come from the seed.
#[derive(Debug, Clone)]
pub(crate) struct TrackingSource {
    pub id: String,
    pub source_name: String,
    pub registration_count: u64,
    pub visitor_count: u64,
}

impl TrackingSource {
    /// Renders an entry of `GET /webinars/{id}/tracking_sources`. The
    /// tracking URL puts the source id before the webinar's registration
    /// token, as the example in Zoom's spec does.
    pub(crate) fn to_json(&self, webinar: &Webinar, origin: &str) -> Value {
        json!({
            "id": self.id,
            "source_name": self.source_name,
            "tracking_url": format!(
                "{origin}/webinar/register/{}/WN_{}",
                self.id,
                &webinar.link_secret[..22]
            ),
            "registration_count": self.registration_count,
            "visitor_count": self.visitor_count,
        })
    }
}
