//! Command-line behaviour: help, version and bad arguments.

use std::process::Command;

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zoom-webinar-mcp"))
        .args(args)
        .env_remove("ZOOM_ENV_FILE")
        .output()
        .expect("run zoom-webinar-mcp")
}

#[test]
fn help_lists_every_variable() {
    let output = run(&["--help"]);
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    for variable in zoom_webinar_mcp::config::variables::VARIABLES {
        assert!(
            help.contains(variable.name),
            "--help does not mention {}",
            variable.name
        );
    }
    assert!(help.contains("Asia/Kolkata"), "{help}");
    assert!(help.contains("--sandbox"), "{help}");
    assert!(help.contains("sandbox-api"), "{help}");
}

#[test]
fn version_prints_the_crate_version() {
    let output = run(&["--version"]);
    assert!(output.status.success());
    let version = String::from_utf8_lossy(&output.stdout);
    assert!(version.contains(env!("CARGO_PKG_VERSION")), "{version}");
}

#[test]
fn missing_env_file_fails_clearly() {
    let output = run(&["--env-file", "/nonexistent/zoom.env"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("/nonexistent/zoom.env"), "{stderr}");
    assert!(
        output.stdout.is_empty(),
        "stdout must stay empty: {:?}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn sandbox_api_rejects_non_loopback() {
    let output = run(&["sandbox-api", "--listen", "0.0.0.0:0"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("loopback"), "{stderr}");
}
