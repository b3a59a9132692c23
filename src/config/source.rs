//! Collection of raw variable values and where each came from.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::ConfigError;
use super::variables::VARIABLES;

/// Where a configuration value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "kind", content = "path")]
pub enum ValueSource {
    Environment,
    EnvFile(PathBuf),
    Default,
    /// Set at run time by the `configure_zoom` tool (memory only).
    ConfigureTool,
    /// Supplied by `--sandbox` mode.
    Sandbox,
}

/// The raw values of the server's variables with their sources.
#[derive(Debug, Clone, Default)]
pub struct EnvSnapshot {
    values: BTreeMap<String, (String, ValueSource)>,
    env_file: Option<PathBuf>,
}

impl EnvSnapshot {
    /// Read the process environment, then the env file for whatever the
    /// environment leaves unset. Without an explicit env file, `./.env` is
    /// read when it exists.
    pub fn collect(env_file: Option<&Path>) -> Result<EnvSnapshot, ConfigError> {
        let mut snapshot = EnvSnapshot::default();
        for variable in VARIABLES {
            if let Ok(value) = std::env::var(variable.name) {
                snapshot.insert(variable.name, value, ValueSource::Environment);
            }
        }

        let (file, explicit) = match env_file {
            Some(path) => (Some(path.to_path_buf()), true),
            None => {
                let fallback = PathBuf::from(".env");
                (fallback.is_file().then_some(fallback), false)
            }
        };
        if let Some(path) = file {
            match dotenvy::from_path_iter(&path) {
                Ok(entries) => {
                    for entry in entries {
                        let (name, value) = entry.map_err(|error| ConfigError::EnvFileSyntax {
                            path: path.clone(),
                            reason: error.to_string(),
                        })?;
                        if VARIABLES.iter().any(|variable| variable.name == name) {
                            snapshot.insert(&name, value, ValueSource::EnvFile(path.clone()));
                        }
                    }
                    snapshot.env_file = Some(path);
                }
                Err(error) if explicit => {
                    return Err(ConfigError::EnvFile {
                        path,
                        reason: error.to_string(),
                    });
                }
                Err(error) => {
                    tracing::warn!(path = %path.display(), %error, "ignoring unreadable ./.env");
                }
            }
        }
        Ok(snapshot)
    }

    /// Build a snapshot from explicit pairs, as tests and `configure_zoom` do.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        source: ValueSource,
    ) -> EnvSnapshot {
        let mut snapshot = EnvSnapshot::default();
        for (name, value) in pairs {
            snapshot.insert(name, value.to_string(), source.clone());
        }
        snapshot
    }

    /// Record a value unless a higher-precedence source already set it.
    /// Unusable values (empty, or an unexpanded `${...}`) are skipped.
    fn insert(&mut self, name: &str, value: String, source: ValueSource) {
        if is_placeholder(&value) || self.values.contains_key(name) {
            return;
        }
        self.values
            .insert(name.to_string(), (value.trim().to_string(), source));
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(|(value, _)| value.as_str())
    }

    pub fn source(&self, name: &str) -> ValueSource {
        self.values
            .get(name)
            .map(|(_, source)| source.clone())
            .unwrap_or(ValueSource::Default)
    }

    pub fn env_file(&self) -> Option<&Path> {
        self.env_file.as_deref()
    }
}

/// Whether a value is empty or a `${NAME}` placeholder a host did not expand.
pub fn is_placeholder(value: &str) -> bool {
    let trimmed = value.trim();
    trimmed.is_empty() || (trimmed.starts_with("${") && trimmed.ends_with('}'))
}
