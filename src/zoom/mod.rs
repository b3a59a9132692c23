//! Zoom REST API v2 client with Server-to-Server OAuth.

mod client;
pub mod error;
pub mod path;
pub mod token;

pub use client::{Query, ZoomClient, decode};
pub use error::{ApiFailure, FieldError, ZoomError};
pub use path::ApiPath;
pub use reqwest::Method;
