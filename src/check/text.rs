//! The report as text for a terminal.

use std::fmt::Write as _;

use super::report::{CheckReport, MissingReport, ToolStatus, VariableReport};
use crate::config::ValueSource;

/// Renders the report for a person; ends with a newline.
pub fn render_text(report: &CheckReport) -> String {
    let mut out = String::new();
    let mode = match report.mode {
        "sandbox" => "the built-in sandbox",
        _ => "a Zoom account",
    };
    let _ = writeln!(out, "zoom-webinar-mcp check: {mode}");

    if let Some(error) = &report.config_error {
        let _ = writeln!(out, "\nConfiguration\n  INVALID: {error}");
    } else {
        render_variables(&mut out, report);
    }
    render_token(&mut out, report);
    render_tools(&mut out, report);
    render_result(&mut out, report);
    out
}

fn render_variables(out: &mut String, report: &CheckReport) {
    let env_file = report.env_file.as_deref().unwrap_or("none");
    let _ = writeln!(out, "\nConfiguration (env file: {env_file})");
    for variable in &report.variables {
        let _ = writeln!(
            out,
            "  {:<27} {:<40} {}",
            variable.name,
            shown_value(variable),
            source_name(&variable.source)
        );
    }
}

fn shown_value(variable: &VariableReport) -> String {
    match (&variable.value, variable.set, variable.secret) {
        (_, true, true) => "set (hidden)".to_owned(),
        (Some(value), true, false) => value.clone(),
        (None, true, false) => "set".to_owned(),
        (_, false, _) => match variable.default {
            Some(default) => format!("(default: {default})"),
            None => "NOT SET".to_owned(),
        },
    }
}

fn source_name(source: &ValueSource) -> String {
    match source {
        ValueSource::Environment => "environment".to_owned(),
        ValueSource::EnvFile(path) => format!("env file {}", path.display()),
        ValueSource::Default => "default".to_owned(),
        ValueSource::ConfigureTool => "configure_zoom".to_owned(),
        ValueSource::Sandbox => "sandbox".to_owned(),
    }
}

fn render_token(out: &mut String, report: &CheckReport) {
    let Some(token) = &report.token else {
        return;
    };
    let _ = writeln!(out, "\nAccess token ({})", token.token_url);
    match &token.problem {
        None => {
            let _ = writeln!(
                out,
                "  OK: token issued, valid for {} minutes, {} scopes granted",
                token.expires_in_minutes.unwrap_or_default(),
                token.scopes.len()
            );
            if let Some(base) = &token.api_base_url {
                let _ = writeln!(out, "  API base URL: {base}");
            }
            if token.scopes.is_empty() {
                let _ = writeln!(out, "  Scopes: none");
            } else {
                let _ = writeln!(out, "  Scopes:");
                for line in wrap(&token.scopes, SCOPE_LINE_WIDTH) {
                    let _ = writeln!(out, "    {line}");
                }
            }
        }
        Some(problem) => {
            let _ = writeln!(out, "  FAILED: {}", problem.message);
            let _ = writeln!(out, "  Fix: {}", problem.fix);
        }
    }
}

/// Width of the scope lines, in characters, without the indent.
const SCOPE_LINE_WIDTH: usize = 84;

/// Joins `words` with spaces into lines of at most `width` characters; a
/// longer word gets a line of its own.
fn wrap(words: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in words {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn render_tools(out: &mut String, report: &CheckReport) {
    let selection = &report.selection;
    if report.toolsets.is_empty()
        && selection.toolsets.is_empty()
        && selection.extra_tools.is_empty()
    {
        let _ = writeln!(
            out,
            "\nTools: not assessed, because the configuration above is invalid"
        );
        return;
    }
    let mut heading = format!("toolsets {}", selection.toolsets.join(", "));
    if !selection.extra_tools.is_empty() {
        let _ = write!(
            heading,
            "; extra tools {}",
            selection.extra_tools.join(", ")
        );
    }
    if selection.read_only {
        heading.push_str("; read-only mode");
    }
    let _ = writeln!(out, "\nTools ({heading})");
    for set in &report.toolsets {
        let works = set
            .tools
            .iter()
            .filter(|tool| tool.status == ToolStatus::Works)
            .count();
        let _ = writeln!(
            out,
            "  {:<14} {works} of {} work",
            set.name,
            set.tools.len()
        );
        for tool in &set.tools {
            let label = match tool.status {
                ToolStatus::Works => continue,
                ToolStatus::Unknown => {
                    let _ = writeln!(out, "    ? {}: unknown until a token is issued", tool.name);
                    continue;
                }
                ToolStatus::Limited => "works, but some uses fail; these calls lack a scope",
                ToolStatus::CannotWork => "cannot work; these calls lack a scope",
            };
            let marker = if tool.status == ToolStatus::Limited {
                '~'
            } else {
                'x'
            };
            let _ = writeln!(out, "    {marker} {} {label}:", tool.name);
            for missing in &tool.missing {
                let _ = writeln!(out, "        {}", describe_missing(missing));
            }
        }
    }
}

fn describe_missing(missing: &MissingReport) -> String {
    let when = missing
        .when
        .map(|when| format!(" (called when {when})"))
        .unwrap_or_default();
    format!(
        "{}{when}: one of {} (classic) or {} (granular)",
        missing.endpoint,
        missing.classic.join(", "),
        missing.granular.join(", ")
    )
}

fn render_result(out: &mut String, report: &CheckReport) {
    let summary = &report.summary;
    if summary.tools == 0 && report.toolsets.is_empty() {
        let _ = writeln!(
            out,
            "\nResult: no tools assessed (exit status {})",
            report.exit_code
        );
    } else {
        render_counts(out, report);
    }
    // The token section above already prints its fix in full.
    let token_fix = report
        .token
        .as_ref()
        .and_then(|token| token.problem.as_ref())
        .map(|problem| problem.fix.as_str());
    for step in &report.next_steps {
        if Some(step.as_str()) == token_fix {
            let _ = writeln!(out, "  - Apply the fix under \"Access token\" above.");
        } else {
            let _ = writeln!(out, "  - {step}");
        }
    }
}

fn render_counts(out: &mut String, report: &CheckReport) {
    let summary = &report.summary;
    let _ = writeln!(
        out,
        "\nResult: {} of {} enabled tools work, {} limited, {} cannot work, {} unknown (exit status {})",
        summary.works,
        summary.tools,
        summary.limited,
        summary.cannot_work,
        summary.unknown,
        report.exit_code
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_lines_short() {
        let words: Vec<String> = ["aaaa", "bbbb", "cccc", "dd"].map(String::from).to_vec();
        assert_eq!(wrap(&words, 9), ["aaaa bbbb", "cccc dd"]);
        assert_eq!(wrap(&words, 3), ["aaaa", "bbbb", "cccc", "dd"]);
        assert!(wrap(&[], 9).is_empty());
    }
}
