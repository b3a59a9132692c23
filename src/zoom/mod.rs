//! Zoom REST API v2 client with Server-to-Server OAuth.

mod attempt;
mod client;
pub mod deadline;
pub mod endpoints;
pub mod error;
pub mod failure;
pub mod http;
pub mod path;
pub mod rate_limit;
pub mod retry;
pub mod scopes;
pub mod token;

pub use client::{Query, UploadFile, ZoomClient, decode};
pub use endpoints::{CALLED_ENDPOINTS, ZoomEndpoint};
pub use error::{ApiFailure, FieldError, RateLimitHeaders, ZoomError};
pub use path::ApiPath;
pub use reqwest::Method;
