//! Timeouts, the tool-call deadline and the retry policy: from environment
//! variables, then overridden by command-line flags.

use std::time::Duration;

use super::{ConfigError, EnvSnapshot, variables as var};

/// Default connect timeout, in seconds.
pub const DEFAULT_CONNECT_TIMEOUT_SECS: f64 = 10.0;
/// Default whole-request timeout, in seconds.
pub const DEFAULT_REQUEST_TIMEOUT_SECS: f64 = 30.0;
/// Default tool-call deadline, in seconds: below the 60 seconds most MCP
/// hosts wait for a tool result, so the server responds first.
pub const DEFAULT_TOOL_DEADLINE_SECS: f64 = 50.0;
/// Default number of attempts per Zoom request, the first one included.
pub const DEFAULT_RETRY_MAX_ATTEMPTS: u32 = 4;
/// Default first retry wait, in milliseconds; later waits double.
pub const DEFAULT_RETRY_BASE_DELAY_MS: u64 = 500;

/// Network settings of the Zoom client and the tool-call deadline.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkSettings {
    /// Time allowed to open a connection to Zoom or the token endpoint.
    pub connect_timeout: Duration,
    /// Time allowed for one whole request, connecting included.
    pub request_timeout: Duration,
    /// Time after which a tool call stops and returns an error result.
    pub tool_deadline: Duration,
    /// Attempts per Zoom request, the first one included.
    pub retry_max_attempts: u32,
    /// Wait before the first retry when Zoom gives no `Retry-After`.
    pub retry_base_delay: Duration,
}

impl Default for NetworkSettings {
    fn default() -> Self {
        NetworkSettings {
            connect_timeout: Duration::from_secs_f64(DEFAULT_CONNECT_TIMEOUT_SECS),
            request_timeout: Duration::from_secs_f64(DEFAULT_REQUEST_TIMEOUT_SECS),
            tool_deadline: Duration::from_secs_f64(DEFAULT_TOOL_DEADLINE_SECS),
            retry_max_attempts: DEFAULT_RETRY_MAX_ATTEMPTS,
            retry_base_delay: Duration::from_millis(DEFAULT_RETRY_BASE_DELAY_MS),
        }
    }
}

/// Values given on the command line, which win over the environment.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct NetworkOverrides {
    pub connect_timeout: Option<Duration>,
    pub request_timeout: Option<Duration>,
    pub tool_deadline: Option<Duration>,
}

/// Accepted range of each duration setting, in seconds.
const CONNECT_TIMEOUT_RANGE: (f64, f64) = (0.1, 300.0);
const REQUEST_TIMEOUT_RANGE: (f64, f64) = (0.1, 600.0);
const TOOL_DEADLINE_RANGE: (f64, f64) = (0.1, 3600.0);
const MAX_RETRY_ATTEMPTS: u32 = 10;
const MAX_RETRY_BASE_DELAY_MS: u64 = 60_000;

impl NetworkSettings {
    /// Reads the settings from a snapshot of the environment and env file.
    pub fn from_snapshot(snapshot: &EnvSnapshot) -> Result<NetworkSettings, ConfigError> {
        let defaults = NetworkSettings::default();
        let seconds = |variable: &'static str, range: (f64, f64), default: Duration| {
            snapshot
                .value(variable)
                .map(|value| {
                    parse_seconds(value, range).map_err(|reason| invalid(variable, value, reason))
                })
                .transpose()
                .map(|value| value.unwrap_or(default))
        };
        let integer = |variable: &'static str, min: u64, max: u64, default: u64| {
            snapshot
                .value(variable)
                .map(|value| {
                    parse_integer(value, min, max)
                        .map_err(|reason| invalid(variable, value, reason))
                })
                .transpose()
                .map(|value| value.unwrap_or(default))
        };
        Ok(NetworkSettings {
            connect_timeout: seconds(
                var::CONNECT_TIMEOUT_SECS,
                CONNECT_TIMEOUT_RANGE,
                defaults.connect_timeout,
            )?,
            request_timeout: seconds(
                var::REQUEST_TIMEOUT_SECS,
                REQUEST_TIMEOUT_RANGE,
                defaults.request_timeout,
            )?,
            tool_deadline: seconds(
                var::TOOL_DEADLINE_SECS,
                TOOL_DEADLINE_RANGE,
                defaults.tool_deadline,
            )?,
            retry_max_attempts: integer(
                var::RETRY_MAX_ATTEMPTS,
                1,
                u64::from(MAX_RETRY_ATTEMPTS),
                u64::from(DEFAULT_RETRY_MAX_ATTEMPTS),
            )? as u32,
            retry_base_delay: Duration::from_millis(integer(
                var::RETRY_BASE_DELAY_MS,
                1,
                MAX_RETRY_BASE_DELAY_MS,
                DEFAULT_RETRY_BASE_DELAY_MS,
            )?),
        })
    }

    /// Applies command-line values over the environment's.
    pub fn apply(&mut self, overrides: &NetworkOverrides) {
        if let Some(timeout) = overrides.connect_timeout {
            self.connect_timeout = timeout;
        }
        if let Some(timeout) = overrides.request_timeout {
            self.request_timeout = timeout;
        }
        if let Some(deadline) = overrides.tool_deadline {
            self.tool_deadline = deadline;
        }
    }
}

/// Parses `--connect-timeout`.
pub fn parse_connect_timeout_flag(value: &str) -> Result<Duration, String> {
    parse_seconds(value, CONNECT_TIMEOUT_RANGE)
}

/// Parses `--request-timeout`.
pub fn parse_request_timeout_flag(value: &str) -> Result<Duration, String> {
    parse_seconds(value, REQUEST_TIMEOUT_RANGE)
}

/// Parses `--tool-deadline`.
pub fn parse_deadline_flag(value: &str) -> Result<Duration, String> {
    parse_seconds(value, TOOL_DEADLINE_RANGE)
}

fn invalid(variable: &'static str, value: &str, reason: String) -> ConfigError {
    ConfigError::Setting {
        variable,
        value: value.to_string(),
        reason,
    }
}

/// Parses seconds, decimals allowed, within `range`.
fn parse_seconds(value: &str, (min, max): (f64, f64)) -> Result<Duration, String> {
    let seconds: f64 = value
        .trim()
        .parse()
        .map_err(|_| format!("give seconds as a number from {min} to {max}, such as 30 or 0.5"))?;
    if !seconds.is_finite() || seconds < min || seconds > max {
        return Err(format!("give seconds from {min} to {max}"));
    }
    Ok(Duration::from_secs_f64(seconds))
}

fn parse_integer(value: &str, min: u64, max: u64) -> Result<u64, String> {
    let number: u64 = value
        .trim()
        .parse()
        .map_err(|_| format!("give a whole number from {min} to {max}"))?;
    if number < min || number > max {
        return Err(format!("give a whole number from {min} to {max}"));
    }
    Ok(number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ValueSource;

    fn settings(pairs: &[(&str, &str)]) -> Result<NetworkSettings, ConfigError> {
        NetworkSettings::from_snapshot(&EnvSnapshot::from_pairs(
            pairs.iter().copied(),
            ValueSource::Environment,
        ))
    }

    #[test]
    fn defaults_without_variables() {
        assert_eq!(settings(&[]).unwrap(), NetworkSettings::default());
        let defaults = NetworkSettings::default();
        assert_eq!(defaults.connect_timeout, Duration::from_secs(10));
        assert_eq!(defaults.request_timeout, Duration::from_secs(30));
        assert_eq!(defaults.tool_deadline, Duration::from_secs(50));
    }

    #[test]
    fn variables_set_every_value() {
        let parsed = settings(&[
            (var::CONNECT_TIMEOUT_SECS, "2.5"),
            (var::REQUEST_TIMEOUT_SECS, "0.5"),
            (var::TOOL_DEADLINE_SECS, "5"),
            (var::RETRY_MAX_ATTEMPTS, "2"),
            (var::RETRY_BASE_DELAY_MS, "10"),
        ])
        .unwrap();
        assert_eq!(parsed.connect_timeout, Duration::from_millis(2500));
        assert_eq!(parsed.request_timeout, Duration::from_millis(500));
        assert_eq!(parsed.tool_deadline, Duration::from_secs(5));
        assert_eq!(parsed.retry_max_attempts, 2);
        assert_eq!(parsed.retry_base_delay, Duration::from_millis(10));
    }

    #[test]
    fn invalid_values_name_the_variable() {
        let cases = [
            (var::REQUEST_TIMEOUT_SECS, "abc"),
            (var::REQUEST_TIMEOUT_SECS, "0"),
            (var::CONNECT_TIMEOUT_SECS, "NaN"),
            (var::TOOL_DEADLINE_SECS, "-1"),
            (var::RETRY_MAX_ATTEMPTS, "0"),
            (var::RETRY_MAX_ATTEMPTS, "11"),
            (var::RETRY_BASE_DELAY_MS, "1.5"),
        ];
        for (variable, value) in cases {
            let error = settings(&[(variable, value)]).unwrap_err().to_string();
            assert!(error.contains(variable), "{variable}={value}: {error}");
            assert!(error.contains("give"), "{variable}={value}: {error}");
        }
    }

    #[test]
    fn flags_override_variables() {
        let mut parsed = settings(&[(var::REQUEST_TIMEOUT_SECS, "20")]).unwrap();
        parsed.apply(&NetworkOverrides {
            request_timeout: Some(Duration::from_secs(3)),
            ..NetworkOverrides::default()
        });
        assert_eq!(parsed.request_timeout, Duration::from_secs(3));
        assert_eq!(parsed.connect_timeout, Duration::from_secs(10));
    }

    #[test]
    fn flag_parsers_check_ranges() {
        assert_eq!(
            parse_request_timeout_flag("1.5"),
            Ok(Duration::from_millis(1500))
        );
        assert!(parse_request_timeout_flag("0").is_err());
        assert!(parse_connect_timeout_flag("400").is_err());
        assert!(parse_deadline_flag("4000").is_err());
    }
}
