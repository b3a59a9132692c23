//! The timeout and deadline settings on the command line and in the
//! environment: listed in --help, and rejected clearly when invalid.

use std::process::{Command, Output};

fn run(args: &[&str], envs: &[(&str, &str)]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_zoom-webinar-mcp"));
    command
        .args(args)
        .current_dir(dir.path())
        .env_remove("ZOOM_ENV_FILE")
        .env("ZOOM_LOG_DIR", dir.path().join("logs"))
        .stdin(std::process::Stdio::null());
    for name in [
        "ZOOM_CONNECT_TIMEOUT_SECS",
        "ZOOM_REQUEST_TIMEOUT_SECS",
        "ZOOM_TOOL_DEADLINE_SECS",
        "ZOOM_RETRY_MAX_ATTEMPTS",
        "ZOOM_RETRY_BASE_DELAY_MS",
    ] {
        command.env_remove(name);
    }
    for (name, value) in envs {
        command.env(name, value);
    }
    command.output().expect("run zoom-webinar-mcp")
}

#[test]
fn help_states_flag_defaults() {
    let output = run(&["--help"], &[]);
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    for (flag, default) in [
        (
            "--connect-timeout <SECONDS>",
            "[default: 10, or ZOOM_CONNECT_TIMEOUT_SECS]",
        ),
        (
            "--request-timeout <SECONDS>",
            "[default: 30, or ZOOM_REQUEST_TIMEOUT_SECS]",
        ),
        (
            "--tool-deadline <SECONDS>",
            "[default: 50, or ZOOM_TOOL_DEADLINE_SECS]",
        ),
    ] {
        assert!(help.contains(flag), "--help lacks {flag}: {help}");
        assert!(help.contains(default), "--help lacks {default}: {help}");
    }
    for variable in ["ZOOM_RETRY_MAX_ATTEMPTS", "ZOOM_RETRY_BASE_DELAY_MS"] {
        assert!(help.contains(variable), "--help lacks {variable}");
    }
}

#[test]
fn invalid_flag_fails_clearly() {
    let output = run(&["--request-timeout", "soon"], &[]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--request-timeout"), "{stderr}");
    assert!(stderr.contains("give seconds"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn invalid_variable_fails_clearly() {
    let output = run(&[], &[("ZOOM_TOOL_DEADLINE_SECS", "0")]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("ZOOM_TOOL_DEADLINE_SECS=\"0\" is invalid"),
        "{stderr}"
    );
    assert!(stderr.contains("give seconds from 0.1 to 3600"), "{stderr}");
    assert!(output.stdout.is_empty());
}
