//! Logging to stderr and to `zoom_mcp_server.log`; never to stdout, which
//! carries JSON-RPC.

use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer, fmt};

pub const LOG_FILE_NAME: &str = "zoom_mcp_server.log";

/// Keeps the log file writer alive; drop it at exit to flush.
pub struct LogGuard {
    _file: Option<WorkerGuard>,
}

/// Install the global subscriber: stderr always, the log file when
/// `log_dir` can be created. `filter` uses `RUST_LOG` syntax; an invalid
/// filter falls back to `info` with a warning.
pub fn init(filter: &str, log_dir: Option<&Path>) -> LogGuard {
    let (env_filter, filter_error) = match EnvFilter::try_new(filter) {
        Ok(parsed) => (parsed, None),
        Err(error) => (EnvFilter::new("info"), Some(error.to_string())),
    };

    let stderr_layer = fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_target(false);

    let mut file_error = None;
    let (file_layer, guard) = match log_dir {
        Some(dir) => match std::fs::create_dir_all(dir) {
            Ok(()) => {
                let appender = tracing_appender::rolling::never(dir, LOG_FILE_NAME);
                let (writer, guard) = tracing_appender::non_blocking(appender);
                let layer = fmt::layer().with_writer(writer).with_ansi(false).with_target(false);
                (Some(layer.boxed()), Some(guard))
            }
            Err(error) => {
                file_error = Some(format!("{}: {error}", dir.display()));
                (None, None)
            }
        },
        None => (None, None),
    };

    let _ = tracing_subscriber::registry()
        .with(env_filter)
        .with(stderr_layer)
        .with(file_layer)
        .try_init();

    if let Some(error) = filter_error {
        tracing::warn!(filter, %error, "invalid RUST_LOG filter; logging at info");
    }
    if let Some(error) = file_error {
        tracing::warn!(%error, "log folder could not be created; logging to stderr only. Set ZOOM_LOG_DIR to a writable folder");
    }
    LogGuard { _file: guard }
}
