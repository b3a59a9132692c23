//! `export_webinar_registrants`: every registrant of a webinar, page by
//! page, into a CSV or JSON Lines file in the export folder.
//!
//! List tools stop at 500 rows because their results go into the model's
//! context. An export has no such cap: rows go to a local file and the
//! result carries only the path and counts. Rows are written as each page
//! arrives, so memory does not grow with the number of registrants. The
//! file is written under a temporary name in the same folder and renamed
//! at the end, so a failed or cancelled export leaves no partial file.
//!
//! Annotations: the tool writes a local file, so it is not read-only. It
//! is idempotent, because repeating a call with `overwrite` writes the same
//! file again, and without `overwrite` the repeat is rejected. It is marked
//! not destructive although `overwrite: true` replaces an earlier file,
//! because that file is one in the export folder that the caller named.

pub mod path;
pub mod writer;

use std::collections::BTreeMap;
use std::io::BufWriter;

use chrono::Utc;
use rmcp::RoleServer;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::service::RequestContext;
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::server::ZoomServer;
use crate::server::output::{Json, ToolError, ToolOutput};
use crate::tools::common::WebinarId;
use crate::tools::get::registrants::{
    REGISTRANTS_MAX_PAGE_SIZE, RegistrantStatusFilter, fetch_registrant_page,
};
use crate::tools::get::webinars::check_occurrence_id;
use crate::tools::paging::PAGE_TIME_MARGIN;
use crate::tools::progress::Progress;
use path::ExportTarget;
use writer::{ExportFormat, RowWriter, Written};

/// Prefix and suffix of the temporary file an export is written to.
const TEMPORARY_PREFIX: &str = ".export-";
const TEMPORARY_SUFFIX: &str = ".tmp";

#[derive(Debug, Deserialize, JsonSchema)]
pub struct ExportRegistrantsParams {
    /// Webinar id (a 64-bit number) from list_webinars.
    pub webinar_id: WebinarId,
    /// Which registrants: all (default), pending, approved or denied.
    #[serde(default)]
    pub status: RegistrantStatusFilter,
    /// Occurrence id, for webinars that register per occurrence.
    #[serde(
        default,
        deserialize_with = "crate::tools::common::optional_string_or_number"
    )]
    #[schemars(with = "String")]
    pub occurrence_id: Option<String>,
    /// File path inside the export folder (ZOOM_EXPORT_DIR). Default: webinar-<id>-registrants-<status>-<UTC yyyyMMdd-HHmmss>.<csv or jsonl>.
    #[serde(default)]
    #[schemars(with = "String")]
    pub path: Option<String>,
    /// csv (default) or jsonl (one JSON object per line).
    #[serde(default)]
    pub format: ExportFormat,
    /// Replace an existing file at path (default false).
    #[serde(default)]
    pub overwrite: bool,
}

/// A finished export.
#[derive(Debug, Serialize, JsonSchema)]
pub struct RegistrantExport {
    pub webinar_id: u64,
    pub status: RegistrantStatusFilter,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occurrence_id: Option<String>,
    pub format: ExportFormat,
    /// Absolute path of the written file.
    pub path: String,
    /// Registrants written.
    pub rows: u64,
    /// Registrants written per status.
    pub counts: BTreeMap<String, u64>,
    /// The CSV header, or for JSON Lines the fields found in the rows.
    pub columns: Vec<String>,
    /// File size in bytes.
    pub bytes: u64,
    /// Zoom list requests sent.
    pub pages: u32,
    /// Whether an existing file was replaced.
    pub replaced: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl ToolOutput for RegistrantExport {
    fn summary(&self) -> String {
        let counts: Vec<String> = self
            .counts
            .iter()
            .map(|(status, count)| format!("{count} {status}"))
            .collect();
        let mut text = format!(
            "Exported {} registrants of webinar {} ({}) to {} as {}, {} bytes, {} columns, from {} Zoom {}.",
            self.rows,
            self.webinar_id,
            counts.join(", "),
            self.path,
            self.format.extension().to_uppercase(),
            self.bytes,
            self.columns.len(),
            self.pages,
            if self.pages == 1 {
                "request"
            } else {
                "requests"
            }
        );
        for note in &self.notes {
            text.push_str(&format!("\n{note}"));
        }
        text
    }
}

/// One page of Zoom's registrant list, rows kept as Zoom sent them.
#[derive(Debug, Deserialize)]
struct RawRegistrantPage {
    #[serde(default)]
    registrants: Vec<Map<String, Value>>,
    #[serde(default)]
    next_page_token: Option<String>,
}

#[tool_router(router = export_router, vis = "pub(crate)")]
impl ZoomServer {
    /// Export every registrant of a webinar (all pages; all statuses or one) to a CSV or JSON Lines
    /// file in the export folder, returning the path and counts, not the rows. Use it when
    /// list_webinar_registrants would need more than 500 rows.
    #[tool(
        name = "export_webinar_registrants",
        title = "Export registrants to a file",
        annotations(
            title = "Export registrants to a file",
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = true
        )
    )]
    async fn export_webinar_registrants(
        &self,
        Parameters(params): Parameters<ExportRegistrantsParams>,
        context: RequestContext<RoleServer>,
    ) -> Result<Json<RegistrantExport>, ToolError> {
        let occurrence_id = check_occurrence_id(&params.occurrence_id)?;
        let requested = match params.path.as_deref() {
            Some(path) => path.to_string(),
            None => default_file_name(params.webinar_id.0, params.status),
        };
        let extension = params.format.extension();
        let export_dir = self.state.config().export_dir;
        let target = path::resolve(
            export_dir.as_deref(),
            &requested,
            extension,
            params.overwrite,
        )
        .map_err(|error| ToolError::invalid(error.to_string()))?;
        let temporary = tempfile::Builder::new()
            .prefix(TEMPORARY_PREFIX)
            .suffix(TEMPORARY_SUFFIX)
            .tempfile_in(&target.folder)
            .map_err(|error| {
                ToolError::invalid(format!(
                    "creating a temporary file in {} failed: {error}. Check that the export folder is writable.",
                    target.folder.display()
                ))
            })?;
        let mut progress = Progress::new(&context);

        let mut rows = RowWriter::new(params.format, BufWriter::new(temporary.as_file()))
            .map_err(|error| write_failed(&target, &error))?;
        let mut counts = BTreeMap::new();
        let mut pages: u32 = 0;
        for status in params.status.statuses() {
            let mut zoom_token: Option<String> = None;
            let mut written_for_status = 0u64;
            loop {
                if progress.is_cancelled() {
                    return Err(ToolError::invalid(
                        "The client cancelled the export; no file was written.",
                    ));
                }
                if pages > 0 && !crate::zoom::deadline::has_time_for(PAGE_TIME_MARGIN) {
                    return Err(ToolError::invalid(format!(
                        "The export stopped after {pages} pages to return before the tool deadline (ZOOM_TOOL_DEADLINE_SECS); no file was written. Export one status at a time, or raise ZOOM_TOOL_DEADLINE_SECS and the host's tool timeout."
                    )));
                }
                let page: RawRegistrantPage = fetch_registrant_page(
                    &self.state,
                    params.webinar_id.0,
                    status,
                    occurrence_id.as_deref(),
                    REGISTRANTS_MAX_PAGE_SIZE,
                    zoom_token.as_deref(),
                )
                .await?;
                pages += 1;
                for mut registrant in page.registrants {
                    rows.write(&mut registrant, status)
                        .map_err(|error| write_failed(&target, &error))?;
                    written_for_status += 1;
                }
                progress
                    .advance(
                        None,
                        format!("{written_for_status} {status} registrants written"),
                    )
                    .await;
                zoom_token = page.next_page_token.filter(|token| !token.is_empty());
                if zoom_token.is_none() {
                    break;
                }
            }
            counts.insert(status.to_string(), written_for_status);
        }

        let (buffer, written) = rows
            .finish()
            .map_err(|error| write_failed(&target, &error))?;
        drop(buffer);
        let bytes = finish_file(temporary, &target, params.overwrite)?;
        let replaced = target.exists;
        let ExportTarget { path, created, .. } = target;
        created.keep();
        tracing::info!(
            webinar_id = params.webinar_id.0,
            rows = written.rows,
            pages,
            path = %path.display(),
            "registrants exported"
        );
        Ok(Json(RegistrantExport {
            webinar_id: params.webinar_id.0,
            status: params.status,
            occurrence_id,
            format: params.format,
            path: path.display().to_string(),
            rows: written.rows,
            counts,
            notes: notes(params.format, &written),
            columns: written.columns,
            bytes,
            pages,
            replaced,
        }))
    }
}

/// Syncs the temporary file and renames it to the target, without
/// replacing a file that appeared meanwhile unless `overwrite` is set.
/// Returns the file size.
fn finish_file(
    temporary: tempfile::NamedTempFile,
    target: &ExportTarget,
    overwrite: bool,
) -> Result<u64, ToolError> {
    let file = temporary.as_file();
    file.sync_all()
        .map_err(|error| write_failed(target, &error))?;
    let bytes = file
        .metadata()
        .map_err(|error| write_failed(target, &error))?
        .len();
    let persisted = if overwrite {
        temporary.persist(&target.path)
    } else {
        temporary.persist_noclobber(&target.path)
    };
    persisted.map_err(|error| {
        if error.error.kind() == std::io::ErrorKind::AlreadyExists {
            ToolError::invalid(format!(
                "{} appeared while the export ran, so it was not replaced and no file was written; pass overwrite: true or choose another file name.",
                target.path.display()
            ))
        } else {
            write_failed(target, &error.error)
        }
    })?;
    Ok(bytes)
}

fn write_failed(target: &ExportTarget, error: &std::io::Error) -> ToolError {
    ToolError::invalid(format!(
        "writing the export to {} failed: {error}; no file was written. Check the free space and permissions of the export folder (ZOOM_EXPORT_DIR).",
        target.path.display()
    ))
}

fn notes(format: ExportFormat, written: &Written) -> Vec<String> {
    let mut notes = Vec::new();
    if format == ExportFormat::Csv {
        notes.push(
            "The custom_questions column holds Zoom's list of {\"title\", \"value\"} answers as JSON text.".to_string(),
        );
    }
    if written.neutralized_cells > 0 {
        notes.push(format!(
            "Cells of names, addresses and answers prefixed with ' because they began with =, +, -, @ or a tab, so that spreadsheets show them as text instead of running them as formulas: {}.",
            written.neutralized_cells
        ));
    }
    notes
}

/// Builds a file name such as `webinar-81100000001-registrants-all-20260315-101500`.
fn default_file_name(webinar_id: u64, status: RegistrantStatusFilter) -> String {
    let status = match status {
        RegistrantStatusFilter::All => "all",
        RegistrantStatusFilter::Pending => "pending",
        RegistrantStatusFilter::Approved => "approved",
        RegistrantStatusFilter::Denied => "denied",
    };
    format!(
        "webinar-{webinar_id}-registrants-{status}-{}",
        Utc::now().format("%Y%m%d-%H%M%S")
    )
}
