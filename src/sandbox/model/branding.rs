//! Session branding of a webinar: name tags, virtual backgrounds and the
//! wallpaper. Uploaded images keep their metadata only, not their bytes, so
//! cloning a webinar stays cheap.

use serde_json::{Map, Value, json};

use super::registrant::Panelist;
use crate::sandbox::fields::{FieldErrors, Fields};

/// The maximum number of name tags per webinar, from Zoom's spec.
pub(crate) const MAX_NAME_TAGS: usize = 20;
/// The maximum number of virtual background files per webinar.
pub(crate) const MAX_VIRTUAL_BACKGROUNDS: usize = 10;
/// The maximum length of a name tag's name.
const MAX_NAME_TAG_CHARS: usize = 50;

/// The panelist field that names a panelist's name tag.
pub(crate) const PANELIST_NAME_TAG: &str = "name_tag_id";
/// The panelist field that names a panelist's virtual background.
pub(crate) const PANELIST_VIRTUAL_BACKGROUND: &str = "virtual_background_id";

/// A name tag that hosts and panelists wear.
#[derive(Debug, Clone)]
pub(crate) struct NameTag {
    pub id: String,
    pub name: String,
    pub text_color: String,
    pub accent_color: String,
    pub background_color: String,
    pub is_default: bool,
}

impl NameTag {
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.name,
            "text_color": self.text_color,
            "accent_color": self.accent_color,
            "background_color": self.background_color,
            "is_default": self.is_default,
        })
    }
}

/// The fields of a name tag request body, each `None` when absent or invalid.
#[derive(Debug, Default)]
pub(crate) struct NameTagInput {
    pub name: Option<String>,
    pub text_color: Option<String>,
    pub accent_color: Option<String>,
    pub background_color: Option<String>,
    pub is_default: Option<bool>,
    pub set_default_for_all_panelists: Option<bool>,
}

impl NameTagInput {
    /// Reads a name tag body. The POST needs the name and the three colors;
    /// the PATCH takes any subset. Colors are hex codes such as `0e72ed`.
    pub(crate) fn read(
        body: &Map<String, Value>,
        require_all: bool,
        errors: &mut FieldErrors,
    ) -> NameTagInput {
        let fields = Fields::root(body);
        let name = if require_all {
            fields.required_string("name", MAX_NAME_TAG_CHARS, errors)
        } else {
            let name = fields.string("name", MAX_NAME_TAG_CHARS, errors);
            if name.as_deref().is_some_and(|text| text.trim().is_empty()) {
                errors.reject("name");
            }
            name
        };
        let mut color = |key: &str| {
            if require_all && !fields.has(key) {
                errors.reject(key);
                return None;
            }
            let text = fields.string(key, 7, errors)?;
            if is_hex_color(&text) {
                Some(text)
            } else {
                errors.reject(key);
                None
            }
        };
        let text_color = color("text_color");
        let accent_color = color("accent_color");
        let background_color = color("background_color");
        NameTagInput {
            name,
            text_color,
            accent_color,
            background_color,
            is_default: fields.bool("is_default", errors),
            set_default_for_all_panelists: fields.bool("set_default_for_all_panelists", errors),
        }
    }
}

/// Reports whether `text` is a six-digit hex color code, with or without a
/// leading `#`.
fn is_hex_color(text: &str) -> bool {
    let digits = text.strip_prefix('#').unwrap_or(text);
    digits.len() == 6 && digits.chars().all(|c| c.is_ascii_hexdigit())
}

/// An uploaded image file.
#[derive(Debug, Clone)]
pub(crate) struct ImageFile {
    pub id: String,
    /// The file name the upload gave.
    pub name: String,
    /// Size in bytes.
    pub size: usize,
}

impl ImageFile {
    /// Renders the 201 body of an upload: `type` is always `image`.
    pub(crate) fn to_upload_json(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.name,
            "size": self.size,
            "type": "image",
        })
    }
}

/// A virtual background file.
#[derive(Debug, Clone)]
pub(crate) struct VirtualBackground {
    pub file: ImageFile,
    pub is_default: bool,
}

/// Everything a webinar's session branding holds.
#[derive(Debug, Clone, Default)]
pub(crate) struct Branding {
    pub name_tags: Vec<NameTag>,
    pub virtual_backgrounds: Vec<VirtualBackground>,
    pub wallpaper: Option<ImageFile>,
}

impl Branding {
    /// Renders `GET /webinars/{id}/branding`; `wallpaper` is left out when
    /// the webinar has none.
    pub(crate) fn to_json(&self) -> Value {
        let name_tags: Vec<Value> = self.name_tags.iter().map(NameTag::to_json).collect();
        let backgrounds: Vec<Value> = self
            .virtual_backgrounds
            .iter()
            .map(|background| {
                json!({
                    "id": background.file.id,
                    "name": background.file.name,
                    "is_default": background.is_default,
                })
            })
            .collect();
        let mut out = json!({
            "name_tags": name_tags,
            "virtual_backgrounds": backgrounds,
        });
        if let Some(wallpaper) = &self.wallpaper {
            out["wallpaper"] = json!({"id": wallpaper.id});
        }
        out
    }

    /// Makes name tag `id` the only default one.
    pub(crate) fn set_default_name_tag(&mut self, id: &str) {
        for tag in &mut self.name_tags {
            tag.is_default = tag.id == id;
        }
    }

    /// Makes virtual background `id` the only default one.
    pub(crate) fn set_default_virtual_background(&mut self, id: &str) {
        for background in &mut self.virtual_backgrounds {
            background.is_default = background.file.id == id;
        }
    }
}

/// Sets panelist field `key` (a name tag or virtual background id) to `id`
/// on every panelist.
pub(crate) fn assign_to_panelists(panelists: &mut [Panelist], key: &str, id: &str) {
    for panelist in panelists {
        panelist.extras.insert(key.to_owned(), json!(id));
    }
}

/// Removes panelist field `key` wherever it names one of `removed_ids`, so
/// no panelist points at a deleted name tag or background.
pub(crate) fn unassign_from_panelists(panelists: &mut [Panelist], key: &str, removed_ids: &[&str]) {
    for panelist in panelists {
        let points_at_removed = panelist
            .extras
            .get(key)
            .and_then(Value::as_str)
            .is_some_and(|current| removed_ids.contains(&current));
        if points_at_removed {
            panelist.extras.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colors_need_six_digits() {
        assert!(is_hex_color("0e72ed"));
        assert!(is_hex_color("#0E72ED"));
        assert!(!is_hex_color("0e72e"));
        assert!(!is_hex_color("blue"));
        assert!(!is_hex_color("##0e72ed"));
    }

    #[test]
    fn post_body_needs_name_and_colors() {
        let body = json!({"name": "Speaker", "text_color": "0e72ed"});
        let mut errors = FieldErrors::default();
        NameTagInput::read(body.as_object().unwrap(), true, &mut errors);
        let error = errors.finish().unwrap_err();
        let fields: Vec<&str> = error.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["accent_color", "background_color"]);
    }

    #[test]
    fn patch_body_takes_any_subset() {
        let body = json!({"accent_color": "#112233"});
        let mut errors = FieldErrors::default();
        let input = NameTagInput::read(body.as_object().unwrap(), false, &mut errors);
        assert!(errors.is_empty());
        assert_eq!(input.accent_color.as_deref(), Some("#112233"));
        assert_eq!(input.name, None);
    }
}
