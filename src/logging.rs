//! Logging to stderr and to `zoom_mcp_server.log`; never to stdout, which
//! carries JSON-RPC.

use std::path::Path;

use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer, fmt};

pub const LOG_FILE_NAME: &str = "zoom_mcp_server.log";

/// Caps rmcp's own logs at info, whatever `RUST_LOG` sets. At debug, rmcp
/// 3.11 logs every request with its arguments, which would put the client
/// secret given to `configure_zoom` into stderr and the log file.
fn quiet_rmcp() -> tracing_subscriber::filter::Directive {
    "rmcp=info".parse().expect("a valid directive")
}

/// Install the global subscriber: stderr always, the log file when
/// `log_dir` can be created. `filter` uses `RUST_LOG` syntax; an invalid
/// filter falls back to `info` with a warning.
pub fn init(filter: &str, log_dir: Option<&Path>) {
    let (env_filter, filter_error) = match EnvFilter::try_new(filter) {
        Ok(parsed) => (parsed, None),
        Err(error) => (EnvFilter::new("info"), Some(error.to_string())),
    };
    let env_filter = env_filter.add_directive(quiet_rmcp());

    let stderr_layer = fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_target(false);

    let mut file_error = None;
    // The file is written synchronously, not through a background thread,
    // so lines logged just before the host kills the process are kept.
    let file_layer = match log_dir {
        Some(dir) => match std::fs::create_dir_all(dir) {
            Ok(()) => {
                let appender = tracing_appender::rolling::never(dir, LOG_FILE_NAME);
                let layer = fmt::layer()
                    .with_writer(appender)
                    .with_ansi(false)
                    .with_target(false);
                Some(layer.boxed())
            }
            Err(error) => {
                file_error = Some(format!("{}: {error}", dir.display()));
                None
            }
        },
        None => None,
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
}

/// Append a line to the log file without echoing it on stderr, for a fatal
/// error that `main` prints to stderr itself. Failures to write are ignored:
/// the error still reaches stderr.
pub fn write_to_file_only(log_dir: Option<&Path>, message: &str) {
    use std::io::Write;
    let Some(dir) = log_dir else {
        return;
    };
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join(LOG_FILE_NAME))
    {
        let _ = writeln!(
            file,
            "{} ERROR stopped: {message}",
            chrono::Utc::now().to_rfc3339()
        );
    }
}
