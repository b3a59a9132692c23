//! A webinar's live stream to a custom streaming service: where it goes and
//! whether it is running.

use serde_json::{Map, Value, json};

use crate::sandbox::fields::{FieldErrors, Fields};

/// The maximum length of the page and stream URLs.
const MAX_URL_CHARS: usize = 1024;
/// The maximum length of the stream key.
const MAX_STREAM_KEY_CHARS: usize = 512;
/// The maximum length of the live stream's display name.
const MAX_DISPLAY_NAME_CHARS: usize = 50;
const RESOLUTIONS: &[&str] = &["720p", "1080p"];

/// The target of a live stream, as `PATCH /webinars/{id}/livestream` sets it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LiveStreamConfig {
    pub page_url: String,
    pub stream_key: String,
    pub stream_url: String,
    pub resolution: Option<String>,
}

impl LiveStreamConfig {
    /// Reads the PATCH body: `page_url`, `stream_key` and `stream_url` are
    /// required, `resolution` is `720p` or `1080p`.
    pub(crate) fn read(body: &Map<String, Value>, errors: &mut FieldErrors) -> Option<Self> {
        let fields = Fields::root(body);
        let page_url = fields.required_string("page_url", MAX_URL_CHARS, errors);
        if page_url.as_deref().is_some_and(|url| !is_http_url(url)) {
            errors.reject("page_url");
        }
        let stream_key = fields.required_string("stream_key", MAX_STREAM_KEY_CHARS, errors);
        let stream_url = fields.required_string("stream_url", MAX_URL_CHARS, errors);
        let resolution = fields.string_in("resolution", RESOLUTIONS, errors);
        Some(LiveStreamConfig {
            page_url: page_url?,
            stream_key: stream_key?,
            stream_url: stream_url?,
            resolution,
        })
    }
}

/// Reports whether `text` is an absolute `http` or `https` URL.
pub(crate) fn is_http_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|rest| !rest.is_empty() && !rest.chars().any(char::is_whitespace))
}

/// The settings `PATCH /webinars/{id}/livestream/status` may change while
/// the stream is stopped.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct LiveStreamSettings {
    pub active_speaker_name: Option<bool>,
    pub display_name: Option<String>,
}

impl LiveStreamSettings {
    /// Reads the `settings` object of a status change.
    pub(crate) fn read(map: &Map<String, Value>, errors: &mut FieldErrors) -> Self {
        let fields = Fields::nested(map, "settings");
        let display_name = fields.string("display_name", MAX_DISPLAY_NAME_CHARS, errors);
        if display_name.as_deref().is_some_and(str::is_empty) {
            errors.reject("settings.display_name");
        }
        LiveStreamSettings {
            active_speaker_name: fields.bool("active_speaker_name", errors),
            display_name,
        }
    }

    /// Applies the fields that `changes` sets.
    pub(crate) fn merge(&mut self, changes: LiveStreamSettings) {
        if changes.active_speaker_name.is_some() {
            self.active_speaker_name = changes.active_speaker_name;
        }
        if changes.display_name.is_some() {
            self.display_name = changes.display_name;
        }
    }
}

/// A webinar's live stream: its target, if configured, and its state.
#[derive(Debug, Clone, Default)]
pub(crate) struct LiveStream {
    pub config: Option<LiveStreamConfig>,
    pub streaming: bool,
    pub settings: LiveStreamSettings,
}

impl LiveStream {
    /// Renders `GET /webinars/{id}/livestream`. Zoom's spec lists no error
    /// for a webinar whose stream was never configured, so that webinar gets
    /// empty strings.
    pub(crate) fn to_json(&self) -> Value {
        let Some(config) = &self.config else {
            return json!({"page_url": "", "stream_key": "", "stream_url": ""});
        };
        let mut out = json!({
            "page_url": config.page_url,
            "stream_key": config.stream_key,
            "stream_url": config.stream_url,
        });
        if let Some(resolution) = &config.resolution {
            out["resolution"] = json!(resolution);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_needs_three_fields() {
        let body = json!({"stream_key": "key", "resolution": "4k"});
        let mut errors = FieldErrors::default();
        let config = LiveStreamConfig::read(body.as_object().unwrap(), &mut errors);
        assert_eq!(config, None);
        let error = errors.finish().unwrap_err();
        let fields: Vec<&str> = error.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["page_url", "stream_url", "resolution"]);
    }

    #[test]
    fn http_urls_only() {
        assert!(is_http_url("https://stream.example.com/live"));
        assert!(!is_http_url("ftp://stream.example.com"));
        assert!(!is_http_url("https://"));
        assert!(!is_http_url("https://a b"));
    }
}
