//! The responses a fault sends in place of the sandbox's own.

use axum::body::Body;
use axum::http::header;
use axum::response::Response;

use super::spec::CannedResponse;

pub(super) fn canned(canned: CannedResponse) -> Response {
    let mut response = match canned.body {
        Some((bytes, content_type)) => {
            let mut response = Response::new(Body::from(bytes));
            response
                .headers_mut()
                .insert(header::CONTENT_TYPE, content_type);
            response
        }
        None => Response::new(Body::empty()),
    };
    *response.status_mut() = canned.status;
    for (name, value) in canned.headers {
        response.headers_mut().insert(name, value);
    }
    response
}

/// Builds a response whose body fails on the first read. hyper then aborts
/// the connection, so the client sees it close without a complete response.
pub(super) fn dropped_connection() -> Response {
    Response::new(Body::from_stream(tokio_util::io::ReaderStream::new(
        FailingReader,
    )))
}

/// A reader that fails at once.
struct FailingReader;

impl tokio::io::AsyncRead for FailingReader {
    fn poll_read(
        self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
        _buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Err(std::io::Error::other(
            "sandbox fault: connection dropped",
        )))
    }
}
