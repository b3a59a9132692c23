//! `next_page_token` pagination.
//!
//! A token is an opaque random string bound to one listing (endpoint and
//! filters) and to the offset of the next page. It expires 15 minutes after
//! it is issued, as Zoom's do; an unknown, expired or foreign token gives
//! 400 code 300 "The next page token is invalid or expired.".

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde_json::{Map, Value, json};

use super::ids;
use super::query::QueryParams;
use super::reply::ZoomError;

/// How long a page token stays valid.
pub(crate) const PAGE_TOKEN_TTL: Duration = Duration::from_secs(15 * 60);

/// The default `page_size` of every paginated endpoint.
pub(crate) const DEFAULT_PAGE_SIZE: u32 = 30;

#[derive(Debug)]
struct Cursor {
    listing: String,
    offset: usize,
    issued: Instant,
}

/// Page tokens issued by this process.
#[derive(Debug, Default)]
pub(crate) struct PageTokens {
    cursors: HashMap<String, Cursor>,
}

/// The position and size of the requested page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PageRequest {
    pub page_size: usize,
    pub offset: usize,
}

/// A page of items plus the pagination fields Zoom returns with it.
#[derive(Debug)]
pub(crate) struct Page<T> {
    pub items: Vec<T>,
    pub page_size: usize,
    pub page_number: usize,
    pub page_count: usize,
    pub total_records: usize,
    pub next_page_token: String,
}

impl<T> Page<T> {
    /// Returns the pagination fields; `page_number` only where the endpoint
    /// still documents it.
    pub(crate) fn fields(&self, with_page_number: bool) -> Map<String, Value> {
        let mut out = Map::new();
        out.insert("page_size".into(), json!(self.page_size));
        out.insert("page_count".into(), json!(self.page_count));
        if with_page_number {
            out.insert("page_number".into(), json!(self.page_number));
        }
        out.insert("total_records".into(), json!(self.total_records));
        out.insert("next_page_token".into(), json!(self.next_page_token));
        out
    }
}

impl PageTokens {
    /// Reads `page_size` (1 to `max_page_size`), `next_page_token` and, when
    /// `page_number_allowed`, the deprecated `page_number`. `listing`
    /// identifies the endpoint and filters the token must belong to.
    pub(crate) fn request(
        &mut self,
        listing: &str,
        query: &QueryParams,
        max_page_size: u32,
        page_number_allowed: bool,
    ) -> Result<PageRequest, ZoomError> {
        let page_size = query
            .int_in("page_size", 1, max_page_size)?
            .unwrap_or(DEFAULT_PAGE_SIZE) as usize;
        if let Some(token) = query.non_empty("next_page_token") {
            self.forget_expired();
            return match self.cursors.get(token) {
                Some(cursor) if cursor.listing == listing => Ok(PageRequest {
                    page_size,
                    offset: cursor.offset,
                }),
                _ => Err(ZoomError::invalid_page_token()),
            };
        }
        let page_number = if page_number_allowed {
            query.int_in("page_number", 1, u32::MAX)?.unwrap_or(1) as usize
        } else {
            1
        };
        Ok(PageRequest {
            page_size,
            offset: (page_number - 1) * page_size,
        })
    }

    /// Cuts the page out of `all` and issues the token for the next one.
    pub(crate) fn page<T>(&mut self, listing: &str, request: PageRequest, all: Vec<T>) -> Page<T> {
        let total_records = all.len();
        let end = (request.offset + request.page_size).min(total_records);
        let next_page_token = if end < total_records {
            self.issue(listing, end)
        } else {
            String::new()
        };
        let items: Vec<T> = all
            .into_iter()
            .skip(request.offset)
            .take(request.page_size)
            .collect();
        Page {
            items,
            page_size: request.page_size,
            page_number: request.offset / request.page_size + 1,
            page_count: total_records.div_ceil(request.page_size),
            total_records,
            next_page_token,
        }
    }

    fn issue(&mut self, listing: &str, offset: usize) -> String {
        self.forget_expired();
        let token = ids::secret()[..32].to_owned();
        self.cursors.insert(
            token.clone(),
            Cursor {
                listing: listing.to_owned(),
                offset,
                issued: Instant::now(),
            },
        );
        token
    }

    fn forget_expired(&mut self) {
        self.cursors
            .retain(|_, cursor| cursor.issued.elapsed() < PAGE_TOKEN_TTL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_chain_through_tokens() {
        let mut tokens = PageTokens::default();
        let first_query = QueryParams::parse("page_size=2");
        let request = tokens.request("list", &first_query, 300, true).unwrap();
        let first = tokens.page("list", request, vec![1, 2, 3, 4, 5]);
        assert_eq!(first.items, [1, 2]);
        assert_eq!(first.page_count, 3);

        let next_query = QueryParams::parse(&format!(
            "page_size=2&next_page_token={}",
            first.next_page_token
        ));
        let request = tokens.request("list", &next_query, 300, true).unwrap();
        let second = tokens.page("list", request, vec![1, 2, 3, 4, 5]);
        assert_eq!(second.items, [3, 4]);
        assert_eq!(second.page_number, 2);
    }

    #[test]
    fn token_of_another_listing_is_rejected() {
        let mut tokens = PageTokens::default();
        let request = tokens
            .request("a", &QueryParams::parse("page_size=1"), 300, true)
            .unwrap();
        let page = tokens.page("a", request, vec![1, 2]);
        let query = QueryParams::parse(&format!("next_page_token={}", page.next_page_token));
        let error = tokens.request("b", &query, 300, true).unwrap_err();
        assert_eq!(error.message, "The next page token is invalid or expired.");
    }

    #[test]
    fn last_page_has_empty_token() {
        let mut tokens = PageTokens::default();
        let request = tokens
            .request("a", &QueryParams::parse(""), 300, true)
            .unwrap();
        let page = tokens.page("a", request, vec![1, 2]);
        assert_eq!(page.next_page_token, "");
        assert_eq!(page.page_size, 30);
    }
}
