//! Zoom REST API v2 client with Server-to-Server OAuth.

mod client;
pub mod endpoints;
pub mod error;
pub mod path;
pub mod token;

pub use client::{Query, UploadFile, ZoomClient, decode};
pub use endpoints::{CALLED_ENDPOINTS, ZoomEndpoint};
pub use error::{ApiFailure, FieldError, ZoomError};
pub use path::ApiPath;
pub use reqwest::Method;
