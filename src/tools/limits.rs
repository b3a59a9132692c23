//! Argument checks shared by the survey, live stream, branding and advanced
//! tools: text lengths, URLs, hex colours and lists of Zoom ids. Each error
//! names the argument, the value and the fix.

use crate::server::output::ToolError;

/// Longest value shown back in an error message, in characters.
const SHOWN_CHARS: usize = 60;

/// Shorten a value for an error message.
pub fn truncate_for_message(value: &str) -> String {
    let mut text: String = value.chars().take(SHOWN_CHARS).collect();
    if value.chars().count() > SHOWN_CHARS {
        text.push('…');
    }
    text
}

/// Check a text argument: trimmed, 1 to `max_chars` characters, no control
/// characters. Returns the trimmed text.
pub fn check_text(field: &str, value: &str, max_chars: usize) -> Result<String, ToolError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ToolError::invalid(format!(
            "{field} is empty. Give 1 to {max_chars} characters."
        )));
    }
    let chars = value.chars().count();
    if chars > max_chars {
        return Err(ToolError::invalid(format!(
            "{field} is {chars} characters long; Zoom allows at most {max_chars}. Shorten it."
        )));
    }
    if value.chars().any(char::is_control) {
        return Err(ToolError::invalid(format!(
            "{field} {:?} contains control characters such as line breaks. Remove them.",
            truncate_for_message(value)
        )));
    }
    Ok(value.to_string())
}

/// Check a URL argument: at most `max_chars` characters, no spaces, one of
/// `schemes` followed by `://` and a host. Returns the trimmed URL.
pub fn check_url(
    field: &str,
    value: &str,
    max_chars: usize,
    schemes: &[&str],
) -> Result<String, ToolError> {
    let value = check_text(field, value, max_chars)?;
    let valid = value.split_once("://").is_some_and(|(scheme, rest)| {
        schemes
            .iter()
            .any(|allowed| scheme.eq_ignore_ascii_case(allowed))
            && !rest.is_empty()
            && !rest.starts_with('/')
    }) && !value.chars().any(char::is_whitespace);
    if !valid {
        return Err(ToolError::invalid(format!(
            "{field} {:?} is not a valid URL: write it as scheme://host/path without spaces, with scheme {}.",
            truncate_for_message(&value),
            schemes.join(" or ")
        )));
    }
    Ok(value)
}

/// Check a colour given as hex, with or without `#`, in 6 or 3 digits
/// ("#0E72ED", "0e72ed", "#fff"). Returns the 6 lowercase digits without
/// `#`, the form Zoom's OpenAPI spec shows.
pub fn check_hex_color(field: &str, value: &str) -> Result<String, ToolError> {
    let trimmed = value.trim();
    let digits = trimmed.strip_prefix('#').unwrap_or(trimmed);
    let all_hex = digits.chars().all(|c| c.is_ascii_hexdigit());
    let expanded = match digits.len() {
        6 if all_hex => digits.to_ascii_lowercase(),
        3 if all_hex => digits
            .chars()
            .flat_map(|c| [c, c])
            .collect::<String>()
            .to_ascii_lowercase(),
        _ => {
            return Err(ToolError::invalid(format!(
                "{field} {:?} is not a hex colour. Write it as 6 hex digits, such as \"#0E72ED\" or \"0e72ed\".",
                truncate_for_message(trimmed)
            )));
        }
    };
    Ok(expanded)
}

/// Check one Zoom id that goes into a query list or a path: 1 to 128
/// characters from the alphabet of Zoom's ids (letters, digits, `-`, `_`,
/// and `+`, `/`, `=` of base64), so no comma can split the list.
pub fn check_zoom_id(field: &str, value: &str) -> Result<String, ToolError> {
    let value = value.trim();
    let valid = !value.is_empty()
        && value.len() <= 128
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'+' | b'/' | b'='));
    if !valid {
        return Err(ToolError::invalid(format!(
            "{field} {:?} is not a Zoom id (1 to 128 letters, digits, -, _, +, / or =). Copy the id from the tool that listed it.",
            truncate_for_message(value)
        )));
    }
    Ok(value.to_string())
}

/// Check a list of ids for a comma-separated query value: 1 to `max` ids,
/// each valid, none repeated. Returns the comma-separated list.
pub fn check_id_list(field: &str, ids: &[String], max: usize) -> Result<String, ToolError> {
    if ids.is_empty() || ids.len() > max {
        return Err(ToolError::invalid(format!(
            "{field} has {} ids; give 1 to {max}.",
            ids.len()
        )));
    }
    let mut checked: Vec<String> = Vec::with_capacity(ids.len());
    for (index, id) in ids.iter().enumerate() {
        let id = check_zoom_id(&format!("{field}[{index}]"), id)?;
        if checked.contains(&id) {
            return Err(ToolError::invalid(format!(
                "{field} lists {id:?} twice. Give each id once."
            )));
        }
        checked.push(id);
    }
    Ok(checked.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_trimmed_and_limited() {
        assert_eq!(check_text("name", "  Tag  ", 50).unwrap(), "Tag");
        assert!(check_text("name", "", 50).is_err());
        assert!(check_text("name", &"x".repeat(51), 50).is_err());
        assert!(check_text("name", "a\nb", 50).is_err());
    }

    #[test]
    fn text_limit_counts_characters() {
        assert!(check_text("name", &"é".repeat(50), 50).is_ok());
    }

    #[test]
    fn url_schemes() {
        let https = ["https", "http"];
        assert!(check_url("page_url", "https://example.com/live", 1024, &https).is_ok());
        assert!(check_url("page_url", "ftp://example.com", 1024, &https).is_err());
        assert!(check_url("page_url", "https://", 1024, &https).is_err());
        assert!(check_url("page_url", "https:///path", 1024, &https).is_err());
        assert!(check_url("page_url", "example.com", 1024, &https).is_err());
        assert!(check_url("page_url", "https://a b", 1024, &https).is_err());
    }

    #[test]
    fn hex_colours() {
        assert_eq!(check_hex_color("c", "#0E72ED").unwrap(), "0e72ed");
        assert_eq!(check_hex_color("c", "0e72ed").unwrap(), "0e72ed");
        assert_eq!(check_hex_color("c", "#fA0").unwrap(), "ffaa00");
        assert!(check_hex_color("c", "blue").is_err());
        assert!(check_hex_color("c", "#12345").is_err());
        assert!(check_hex_color("c", "#12345g").is_err());
    }

    #[test]
    fn id_lists() {
        let ids = vec!["abc".to_string(), "d_e-F==".to_string()];
        assert_eq!(check_id_list("ids", &ids, 10).unwrap(), "abc,d_e-F==");
        assert!(check_id_list("ids", &[], 10).is_err());
        let comma = vec!["a,b".to_string()];
        assert!(check_id_list("ids", &comma, 10).is_err());
        let twice = vec!["a".to_string(), "a".to_string()];
        assert!(check_id_list("ids", &twice, 10).is_err());
        let many: Vec<String> = (0..11).map(|n| format!("id{n}")).collect();
        assert!(check_id_list("ids", &many, 10).is_err());
    }
}
