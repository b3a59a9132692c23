//! `multipart/form-data` uploads of branding images: parsing the form and
//! checking the image the way Zoom's spec describes (JPG/JPEG, GIF or PNG,
//! at most 15 MB), with Zoom's code 120 errors.
//!
//! The body is already in memory when a handler runs, and handlers run
//! synchronously under the state lock, so the form is parsed with `multer`
//! over a one-chunk stream and polled to completion in place.

use std::convert::Infallible;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use axum::body::Bytes;

use super::ApiCall;
use crate::sandbox::reply::ZoomError;

/// The largest image Zoom accepts, in bytes.
// NOTE: Zoom's spec says "15 megabytes" and "15M" without saying whether
// that is 15 * 10^6 or 15 * 2^20 bytes; the sandbox takes 15 MiB.
pub(crate) const MAX_IMAGE_BYTES: usize = 15 * 1024 * 1024;

/// Zoom's error code for a rejected upload.
const UPLOAD_ERROR_CODE: i64 = 120;

/// One part of a `multipart/form-data` body.
#[derive(Debug)]
struct Part {
    name: Option<String>,
    file_name: Option<String>,
    bytes: Bytes,
}

/// A parsed upload form: the `file` part and the text fields.
#[derive(Debug)]
pub(super) struct UploadForm {
    file: Option<Part>,
    text: Vec<(String, String)>,
}

/// An uploaded image that passed the type and size checks.
#[derive(Debug)]
pub(super) struct Image {
    /// The file name from the upload, or `image.{png,gif,jpg}` without one.
    pub name: String,
    pub size: usize,
    pub width: usize,
    pub height: usize,
}

/// Returns Zoom's 400 code 120 error with `message`.
pub(super) fn upload_error(message: &str) -> ZoomError {
    ZoomError::bad_request(UPLOAD_ERROR_CODE, message)
}

fn no_file() -> ZoomError {
    upload_error("No file uploaded. Verify that a file has been uploaded.")
}

impl UploadForm {
    /// Parses the request body as `multipart/form-data`. A request of
    /// another content type has no file, so it gets Zoom's "No file
    /// uploaded" error; a malformed form gets code 300. More than one
    /// `file` part is rejected, because each upload adds one file.
    pub(super) fn read(call: &ApiCall<'_>) -> Result<UploadForm, ZoomError> {
        let boundary = call
            .content_type
            .and_then(|content_type| multer::parse_boundary(content_type).ok())
            .ok_or_else(no_file)?;
        let parts = parse_parts(boundary, Bytes::copy_from_slice(call.body))?;

        let mut file = None;
        let mut text = Vec::new();
        for part in parts {
            let name = part.name.clone().unwrap_or_default();
            if name == "file" {
                if file.is_some() {
                    return Err(ZoomError::invalid_field("file"));
                }
                file = Some(part);
            } else {
                let value = String::from_utf8_lossy(&part.bytes).into_owned();
                text.push((name, value));
            }
        }
        Ok(UploadForm { file, text })
    }

    /// Parses optional boolean field `name` (`true` or `false`).
    pub(super) fn bool(&self, name: &str) -> Result<Option<bool>, ZoomError> {
        let value = self
            .text
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.trim());
        match value {
            None | Some("") => Ok(None),
            Some("true") => Ok(Some(true)),
            Some("false") => Ok(Some(false)),
            Some(_) => Err(ZoomError::invalid_field(name)),
        }
    }

    /// Checks the `file` part: present and non-empty, at most
    /// [`MAX_IMAGE_BYTES`], and a JPEG, GIF or PNG by its content (the
    /// declared content type and file name are not trusted).
    pub(super) fn image(&self) -> Result<Image, ZoomError> {
        let file = self
            .file
            .as_ref()
            .filter(|file| !file.bytes.is_empty())
            .ok_or_else(no_file)?;
        if file.bytes.len() > MAX_IMAGE_BYTES {
            return Err(upload_error("File size cannot exceed 15M."));
        }
        let not_an_image =
            || upload_error("You may only upload JPG/JPEG, GIF, or PNG image files.");
        let extension = image_extension(&file.bytes).ok_or_else(not_an_image)?;
        // A header too short to hold the dimensions is not a usable image.
        let dimensions = imagesize::blob_size(&file.bytes).map_err(|_| not_an_image())?;
        let name = file
            .file_name
            .clone()
            .filter(|name| !name.trim().is_empty())
            .unwrap_or_else(|| format!("image.{extension}"));
        Ok(Image {
            name,
            size: file.bytes.len(),
            width: dimensions.width,
            height: dimensions.height,
        })
    }
}

/// Returns the usual file extension of a JPEG, GIF or PNG file, identified
/// by its signature bytes, or `None` for anything else.
fn image_extension(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("gif")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("jpg")
    } else {
        None
    }
}

/// Splits a buffered `multipart/form-data` body into its parts.
fn parse_parts(boundary: String, body: Bytes) -> Result<Vec<Part>, ZoomError> {
    let stream = futures_util::stream::once(std::future::ready(Ok::<Bytes, Infallible>(body)));
    let multipart = multer::Multipart::new(stream, boundary);
    let parsed = poll_once(collect_parts(multipart)).ok_or_else(|| {
        tracing::error!("sandbox multipart parser did not finish on a buffered body");
        ZoomError::new(
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            500,
            "The sandbox failed to parse the multipart body.",
        )
    })?;
    parsed.map_err(|error| {
        ZoomError::bad_request(300, format!("Invalid multipart/form-data body: {error}."))
    })
}

async fn collect_parts(mut multipart: multer::Multipart<'_>) -> multer::Result<Vec<Part>> {
    let mut parts = Vec::new();
    while let Some(field) = multipart.next_field().await? {
        let name = field.name().map(str::to_owned);
        let file_name = field.file_name().map(str::to_owned);
        let bytes = field.bytes().await?;
        parts.push(Part {
            name,
            file_name,
            bytes,
        });
    }
    Ok(parts)
}

/// Polls `future` once and returns its output, or `None` if it is still
/// pending. multer 3 is pending only while its input stream is, and the
/// one-chunk stream here is always ready, so `None` means a bug.
fn poll_once<F: Future>(future: F) -> Option<F::Output> {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    match future.as_mut().poll(&mut context) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form_body(boundary: &str, parts: &[(&str, Option<&str>, &[u8])]) -> Vec<u8> {
        let mut body = Vec::new();
        for (name, file_name, bytes) in parts {
            body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            let disposition = match file_name {
                Some(file_name) => {
                    format!("form-data; name=\"{name}\"; filename=\"{file_name}\"")
                }
                None => format!("form-data; name=\"{name}\""),
            };
            body.extend_from_slice(
                format!("Content-Disposition: {disposition}\r\n\r\n").as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        body
    }

    #[test]
    fn parts_are_split_in_one_poll() {
        let body = form_body(
            "xyz",
            &[
                ("default", None, b"true"),
                ("file", Some("logo.png"), b"\x89PNG"),
            ],
        );
        let parts = parse_parts("xyz".to_owned(), Bytes::from(body)).unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name.as_deref(), Some("default"));
        assert_eq!(parts[1].file_name.as_deref(), Some("logo.png"));
        assert_eq!(&parts[1].bytes[..], b"\x89PNG");
    }

    #[test]
    fn signatures_decide_the_type() {
        assert_eq!(image_extension(b"\x89PNG\r\n\x1a\n...."), Some("png"));
        assert_eq!(image_extension(b"GIF89a...."), Some("gif"));
        assert_eq!(image_extension(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("jpg"));
        assert_eq!(image_extension(b"\x89PNG but not really"), None);
        assert_eq!(image_extension(b"BM bitmap"), None);
    }

    #[test]
    fn truncated_body_is_code_300() {
        let mut body = form_body("xyz", &[("file", Some("a.png"), b"data")]);
        body.truncate(body.len() - 12);
        let error = parse_parts("xyz".to_owned(), Bytes::from(body)).unwrap_err();
        assert_eq!(error.code, 300);
    }
}
