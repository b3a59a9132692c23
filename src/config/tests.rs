use std::io::Write;

use super::*;

fn config_from(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
    Config::from_snapshot(&EnvSnapshot::from_pairs(
        pairs.iter().copied(),
        ValueSource::Environment,
    ))
}

#[test]
fn missing_credentials_are_named() {
    let config = config_from(&[(var::ACCOUNT_ID, "acc")]).unwrap();
    assert!(config.credentials.is_none());
    assert_eq!(
        config.missing_credentials,
        vec![var::CLIENT_ID, var::CLIENT_SECRET]
    );
}

#[test]
fn placeholders_count_as_missing() {
    let config = config_from(&[
        (var::ACCOUNT_ID, "${ZOOM_ACCOUNT_ID}"),
        (var::CLIENT_ID, "   "),
        (var::CLIENT_SECRET, "secret"),
    ])
    .unwrap();
    assert_eq!(
        config.missing_credentials,
        vec![var::ACCOUNT_ID, var::CLIENT_ID]
    );
}

#[test]
fn complete_credentials_are_kept() {
    let config = config_from(&[
        (var::ACCOUNT_ID, "acc"),
        (var::CLIENT_ID, "client"),
        (var::CLIENT_SECRET, "very-private-value"),
    ])
    .unwrap();
    let credentials = config.credentials.expect("credentials");
    assert_eq!(credentials.account_id, "acc");
    assert!(!format!("{credentials:?}").contains("very-private-value"));
}

#[test]
fn defaults_apply() {
    let config = config_from(&[]).unwrap();
    assert_eq!(config.token_url, var::DEFAULT_OAUTH_TOKEN_URL);
    assert_eq!(config.api_base_url, None);
    assert_eq!(config.default_time_zone, chrono_tz::Asia::Kolkata);
    assert_eq!(config.sources[var::DEFAULT_TIMEZONE], ValueSource::Default);
}

#[test]
fn bad_time_zone_is_rejected() {
    let error = config_from(&[(var::DEFAULT_TIMEZONE, "Mars/Olympus")]).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("Mars/Olympus"), "{message}");
    assert!(message.contains("America/New_York"), "{message}");
}

#[test]
fn plain_http_only_on_loopback() {
    assert!(config_from(&[(var::API_BASE_URL, "http://127.0.0.1:9/v2")]).is_ok());
    assert!(config_from(&[(var::API_BASE_URL, "http://[::1]:9/v2")]).is_ok());
    assert!(config_from(&[(var::API_BASE_URL, "http://localhost:9/v2")]).is_ok());
    let error = config_from(&[(var::API_BASE_URL, "http://zoom.example/v2")]).unwrap_err();
    assert!(error.to_string().contains("loopback"), "{error}");
    assert!(config_from(&[(var::API_BASE_URL, "ftp://api.zoom.us/v2")]).is_err());
}

#[test]
fn trailing_slash_is_trimmed() {
    let config = config_from(&[(var::API_BASE_URL, "https://api-eu.zoom.us/v2/")]).unwrap();
    assert_eq!(
        config.api_base_url.as_deref(),
        Some("https://api-eu.zoom.us/v2")
    );
}

#[test]
fn env_file_fills_unset_values() {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    writeln!(file, "ZOOM_DEFAULT_TIMEZONE=Europe/London").unwrap();
    writeln!(file, "UNRELATED_VARIABLE=1").unwrap();
    let snapshot = EnvSnapshot::collect(Some(file.path())).unwrap();
    // The test process may itself set ZOOM_DEFAULT_TIMEZONE; then it must win.
    match std::env::var(var::DEFAULT_TIMEZONE) {
        Ok(value) if !source::is_placeholder(&value) => {
            assert_eq!(
                snapshot.source(var::DEFAULT_TIMEZONE),
                ValueSource::Environment
            )
        }
        _ => {
            assert_eq!(snapshot.value(var::DEFAULT_TIMEZONE), Some("Europe/London"));
            assert_eq!(
                snapshot.source(var::DEFAULT_TIMEZONE),
                ValueSource::EnvFile(file.path().to_path_buf())
            );
        }
    }
    assert_eq!(snapshot.value("UNRELATED_VARIABLE"), None);
    assert_eq!(snapshot.env_file(), Some(file.path()));
}

#[test]
fn missing_explicit_env_file_fails() {
    let error = EnvSnapshot::collect(Some(Path::new("/nonexistent/zoom.env"))).unwrap_err();
    assert!(
        error.to_string().contains("/nonexistent/zoom.env"),
        "{error}"
    );
}

#[test]
fn mask_hides_the_middle() {
    assert_eq!(mask("abcdefgh"), "ab****gh");
    assert_eq!(mask("abc"), "***");
}
