//! Following Zoom's pages up to a requested number of rows, with a hard
//! cap that keeps one tool result small enough for a model's context.

use std::future::Future;

use schemars::JsonSchema;
use serde::Serialize;

use super::common::{PageSize, page_size};
use super::progress::Progress;
use crate::server::output::ToolError;
use crate::zoom::{Query, ZoomError};

/// Maximum rows in one result. A compact row is 200 to 400 bytes of JSON,
/// and the result carries it twice (structured content and its text copy).
/// So 500 rows come to roughly 300 KB, an estimate chosen to stay well
/// within what a model's context holds alongside a conversation.
pub const MAX_RESULTS_CAP: usize = 500;

/// How many rows to gather, and in which page size.
pub struct Limits {
    pub page_size: PageSize,
    pub max_results: usize,
    pub notes: Vec<String>,
}

/// Resolve `page_size` and `max_results` against Zoom's page maximum and
/// [`MAX_RESULTS_CAP`]. Without `max_results` one page is returned.
pub fn limits(
    requested_page_size: Option<u32>,
    max_results: Option<u32>,
    zoom_max_page_size: u32,
) -> Limits {
    let mut notes = Vec::new();
    let mut size = page_size(requested_page_size, zoom_max_page_size);
    if let Some(note) = size.note.take() {
        notes.push(note);
    }
    let wanted = match max_results {
        None if size.value as usize > MAX_RESULTS_CAP => {
            notes.push(format!(
                "page_size {} was lowered to {MAX_RESULTS_CAP}, the most one result carries; continue with next_page_token.",
                size.value
            ));
            MAX_RESULTS_CAP
        }
        None => size.value as usize,
        Some(0) => {
            notes.push("max_results 0 was raised to 1.".to_string());
            1
        }
        Some(value) if value as usize > MAX_RESULTS_CAP => {
            notes.push(format!(
                "max_results {value} was lowered to {MAX_RESULTS_CAP}, the most one result carries; continue with next_page_token."
            ));
            MAX_RESULTS_CAP
        }
        Some(value) => value as usize,
    };
    // Pages larger than the rows wanted would skip rows at the cursor.
    if (size.value as usize) > wanted {
        size.value = wanted as u32;
    }
    Limits {
        page_size: size,
        max_results: wanted,
        notes,
    }
}

/// One page as a list endpoint returns it.
pub struct Page<T> {
    pub rows: Vec<T>,
    pub next_page_token: Option<String>,
    pub total_records: Option<u64>,
}

/// Time a page request is given before the tool deadline: a walk that has
/// less left stops and returns what it gathered, because a request cut off
/// by the deadline would lose every row read so far.
// NOTE: a page usually takes well under a second; 10 s is a margin, not a measurement.
pub const PAGE_TIME_MARGIN: std::time::Duration = std::time::Duration::from_secs(10);

/// Rows gathered across pages.
pub struct Walked<T> {
    pub rows: Vec<T>,
    pub next_page_token: Option<String>,
    pub total_records: Option<u64>,
    pub cancelled: bool,
    /// Whether the walk stopped early because the tool deadline was near.
    pub out_of_time: bool,
}

/// Fetch pages from `start` until `limits.max_results` rows are gathered,
/// the list ends, or the client cancels. `fetch` gets the page size and the
/// token for each request; the last request fetches only the rows still
/// needed, so the returned token continues right after the last row.
pub async fn walk<T, F, Fut>(
    limits: &Limits,
    start: Option<String>,
    progress: &mut Progress,
    mut fetch: F,
) -> Result<Walked<T>, ToolError>
where
    F: FnMut(u32, Option<String>) -> Fut,
    Fut: Future<Output = Result<Page<T>, ZoomError>>,
{
    let mut rows = Vec::new();
    let mut token = start;
    let mut total_records = None;
    loop {
        if progress.is_cancelled() {
            return Ok(Walked {
                rows,
                next_page_token: token,
                total_records,
                cancelled: true,
                out_of_time: false,
            });
        }
        if !rows.is_empty() && !crate::zoom::deadline::has_time_for(PAGE_TIME_MARGIN) {
            return Ok(Walked {
                rows,
                next_page_token: token,
                total_records,
                cancelled: false,
                out_of_time: true,
            });
        }
        let wanted = (limits.max_results - rows.len()).min(limits.page_size.value as usize) as u32;
        let page = fetch(wanted, token.clone()).await?;
        total_records = page.total_records.or(total_records);
        rows.extend(page.rows);
        token = page.next_page_token.filter(|next| !next.is_empty());
        progress
            .advance(total_records, format!("{} rows read", rows.len()))
            .await;
        if token.is_none() || rows.len() >= limits.max_results {
            return Ok(Walked {
                rows,
                next_page_token: token,
                total_records,
                cancelled: false,
                out_of_time: false,
            });
        }
    }
}

/// Query parameters of one page request.
pub fn paged_query(page_size: u32, next_page_token: Option<String>) -> Query {
    let mut query: Query = vec![("page_size", page_size.to_string())];
    if let Some(token) = next_page_token {
        query.push(("next_page_token", token));
    }
    query
}

/// Paging fields of a gathered list.
#[derive(Debug, Default, Serialize, JsonSchema)]
pub struct ListPaging {
    /// Rows in this result.
    pub returned: usize,
    /// Rows asked of Zoom per page.
    pub page_size: u32,
    /// Total rows Zoom reports for the whole list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_records: Option<u64>,
    /// Whether more rows exist after these.
    pub has_more: bool,
    /// Pass as next_page_token to continue after the last row; absent at the end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
    /// Notes such as a lowered page size or max_results, or a cancelled walk.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl ListPaging {
    pub fn new<T>(limits: Limits, walked: &Walked<T>) -> ListPaging {
        let mut notes = limits.notes;
        if walked.cancelled {
            notes.push(
                "The client cancelled the call; these are the rows read before that.".to_string(),
            );
        }
        if walked.out_of_time {
            notes.push(
                "Stopped early to return before the tool deadline; continue with next_page_token."
                    .to_string(),
            );
        }
        ListPaging {
            returned: walked.rows.len(),
            page_size: limits.page_size.value,
            total_records: walked.total_records,
            has_more: walked.next_page_token.is_some(),
            next_page_token: walked.next_page_token.clone(),
            notes,
        }
    }

    /// Sentences for the text summary: what was cut and how to get the rest.
    pub fn summary_suffix(&self) -> String {
        let mut text = String::new();
        for note in &self.notes {
            text.push_str(&format!("\n{note}"));
        }
        if self.has_more {
            let rest = self
                .total_records
                .map(|total| format!(" ({} of {total} shown)", self.returned))
                .unwrap_or_default();
            text.push_str(&format!(
                "\nMore rows exist{rest}: call again with next_page_token, and max_results (up to {MAX_RESULTS_CAP}) for more per call."
            ));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_one_page() {
        let limits = limits(None, None, 300);
        assert_eq!(limits.page_size.value, 30);
        assert_eq!(limits.max_results, 30);
        assert!(limits.notes.is_empty());
    }

    #[test]
    fn max_results_spans_pages() {
        let limits = limits(Some(100), Some(450), 300);
        assert_eq!(limits.page_size.value, 100);
        assert_eq!(limits.max_results, 450);
    }

    #[test]
    fn max_results_is_capped() {
        let limits = limits(Some(300), Some(5000), 300);
        assert_eq!(limits.max_results, MAX_RESULTS_CAP);
        assert!(limits.notes[0].contains("5000"));
    }

    #[test]
    fn large_page_is_capped() {
        let limits = limits(Some(2000), None, 2000);
        assert_eq!(limits.max_results, MAX_RESULTS_CAP);
        assert_eq!(limits.page_size.value, MAX_RESULTS_CAP as u32);
        assert!(limits.notes.iter().any(|note| note.contains("2000")));
    }

    /// Serve `total` numbered rows from a cursor, as a list endpoint would.
    async fn numbers(total: u32, size: u32, token: Option<String>) -> Result<Page<u32>, ZoomError> {
        let start: u32 = token.map(|token| token.parse().unwrap()).unwrap_or(0);
        let end = (start + size).min(total);
        Ok(Page {
            rows: (start..end).collect(),
            next_page_token: (end < total).then(|| end.to_string()),
            total_records: Some(total as u64),
        })
    }

    #[tokio::test]
    async fn walk_gathers_across_pages() {
        let limits = limits(Some(10), Some(25), 300);
        let walked = walk(&limits, None, &mut Progress::detached(), |size, token| {
            numbers(100, size, token)
        })
        .await
        .unwrap();
        assert_eq!(walked.rows, (0..25).collect::<Vec<u32>>());
        assert_eq!(walked.next_page_token.as_deref(), Some("25"));
        assert!(!walked.out_of_time);
    }

    #[tokio::test]
    async fn walk_stops_before_the_deadline() {
        let limits = limits(Some(10), Some(50), 300);
        let deadline = tokio::time::Instant::now() + PAGE_TIME_MARGIN / 2;
        let walked = crate::zoom::deadline::scope(
            deadline,
            walk(&limits, None, &mut Progress::detached(), |size, token| {
                numbers(100, size, token)
            }),
        )
        .await
        .unwrap();
        assert_eq!(walked.rows.len(), 10, "one page, then the deadline margin");
        assert!(walked.out_of_time);
        assert_eq!(walked.next_page_token.as_deref(), Some("10"));
        let paging = ListPaging::new(limits, &walked);
        assert!(paging.has_more);
        assert!(
            paging
                .notes
                .iter()
                .any(|note| note.contains("tool deadline"))
        );
    }

    #[test]
    fn page_never_exceeds_rows_wanted() {
        let limits = limits(Some(300), Some(10), 300);
        assert_eq!(limits.page_size.value, 10);
    }
}
