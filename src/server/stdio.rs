//! The stdio transport with JSON-RPC framing checks in front of rmcp.
//!
//! rmcp ignores a line that is not JSON, so a client that sent one waits
//! for a response that never comes, and it drops a line over its 16 MiB
//! limit the same way. JSON-RPC 2.0 requires an error response with a null
//! `id` for both, so this layer sends one: each input line is checked for JSON
//! syntax and size before rmcp sees it. Lines that pass go to rmcp
//! unchanged. Everything written to stdout, rmcp's messages and these
//! errors alike, goes through one writer task, one whole line at a time,
//! so the two never interleave.

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// The longest input line passed to rmcp, in bytes: rmcp's own limit
/// (`DEFAULT_MAX_LINE_LENGTH` in rmcp 3.11).
pub const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// Buffer size of the in-process pipes to and from rmcp.
const PIPE_BYTES: usize = 64 * 1024;

/// JSON-RPC's "Parse error" code.
const PARSE_ERROR: i64 = -32700;
/// JSON-RPC's "Invalid Request" code.
const INVALID_REQUEST: i64 = -32600;

/// The pipes rmcp reads from and writes to, and the task that writes
/// stdout.
pub struct GuardedStdio {
    /// The checked input lines, which rmcp reads.
    pub input: DuplexStream,
    /// The pipe rmcp writes its messages to.
    pub output: DuplexStream,
    /// Ends once rmcp closed its output and every line was written.
    pub writer: JoinHandle<()>,
}

/// Wraps the process's stdin and stdout.
pub fn stdio() -> GuardedStdio {
    guard(tokio::io::stdin(), tokio::io::stdout())
}

enum Outgoing {
    Line(Vec<u8>),
    /// rmcp closed its output: write what is queued, then stop.
    Closed,
}

/// Wraps any reader and writer, as [`stdio`] does for stdin and stdout.
pub fn guard<R, W>(input: R, output: W) -> GuardedStdio
where
    R: AsyncRead + Unpin + Send + 'static,
    W: AsyncWrite + Unpin + Send + 'static,
{
    let (rmcp_input, feed) = tokio::io::duplex(PIPE_BYTES);
    let (rmcp_output, from_rmcp) = tokio::io::duplex(PIPE_BYTES);
    let (outgoing, queue) = mpsc::unbounded_channel();
    let writer = tokio::spawn(write_lines(queue, output));
    tokio::spawn(forward_rmcp_output(from_rmcp, outgoing.clone()));
    tokio::spawn(check_input(input, feed, outgoing));
    GuardedStdio {
        input: rmcp_input,
        output: rmcp_output,
        writer,
    }
}

async fn write_lines<W: AsyncWrite + Unpin>(
    mut queue: mpsc::UnboundedReceiver<Outgoing>,
    mut output: W,
) {
    while let Some(message) = queue.recv().await {
        let line = match message {
            Outgoing::Line(line) => line,
            Outgoing::Closed => break,
        };
        if output.write_all(&line).await.is_err() || output.flush().await.is_err() {
            tracing::warn!("stdout closed; dropping the remaining MCP messages");
            return;
        }
    }
    let _ = output.flush().await;
}

async fn forward_rmcp_output(from_rmcp: DuplexStream, outgoing: mpsc::UnboundedSender<Outgoing>) {
    let mut reader = BufReader::new(from_rmcp);
    loop {
        let mut line = Vec::new();
        match reader.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => break,
            Ok(_) => {
                if outgoing.send(Outgoing::Line(line)).is_err() {
                    return;
                }
            }
        }
    }
    let _ = outgoing.send(Outgoing::Closed);
}

async fn check_input<R: AsyncRead + Unpin>(
    input: R,
    mut feed: DuplexStream,
    outgoing: mpsc::UnboundedSender<Outgoing>,
) {
    let mut reader = BufReader::new(input);
    loop {
        let line = match read_line(&mut reader).await {
            Ok(Line::Complete(line)) => line,
            Ok(Line::Oversized(bytes)) => {
                tracing::warn!(
                    bytes,
                    max_bytes = MAX_LINE_BYTES,
                    "input line over the size limit; discarded"
                );
                let message = format!(
                    "Invalid Request: the message is {bytes} bytes long; the maximum is {MAX_LINE_BYTES} bytes (16 MiB)."
                );
                let _ = outgoing.send(Outgoing::Line(error_line(INVALID_REQUEST, &message)));
                continue;
            }
            Ok(Line::End) => break,
            Err(error) => {
                tracing::warn!(%error, "reading stdin failed; ending the session");
                break;
            }
        };
        if let Some(error) = json_syntax_error(&line) {
            tracing::warn!(%error, bytes = line.len(), "input line is not JSON; returned a parse error");
            let message = format!(
                "Parse error: the line is not valid JSON ({error}). Send one JSON-RPC message per line."
            );
            let _ = outgoing.send(Outgoing::Line(error_line(PARSE_ERROR, &message)));
            continue;
        }
        if feed.write_all(&line).await.is_err() {
            break;
        }
    }
    // Closing the pipe is rmcp's end of input, as EOF on stdin would be.
    let _ = feed.shutdown().await;
}

enum Line {
    Complete(Vec<u8>),
    /// A line over the limit, discarded; carries its length in bytes.
    Oversized(usize),
    End,
}

/// Reads one `\n`-terminated line, never holding more than
/// [`MAX_LINE_BYTES`] of it in memory.
async fn read_line<R: AsyncRead + Unpin>(reader: &mut BufReader<R>) -> std::io::Result<Line> {
    let mut line = Vec::new();
    let mut length = 0usize;
    let mut oversized = false;
    loop {
        let available = reader.fill_buf().await?;
        if available.is_empty() {
            // EOF: a last line without a newline is still a message.
            return Ok(match (length, oversized) {
                (0, _) => Line::End,
                (_, true) => Line::Oversized(length),
                (_, false) => Line::Complete(line),
            });
        }
        let newline = available.iter().position(|byte| *byte == b'\n');
        let take = newline.map_or(available.len(), |index| index + 1);
        length += take;
        if length > MAX_LINE_BYTES {
            oversized = true;
            line = Vec::new();
        } else {
            line.extend_from_slice(&available[..take]);
        }
        reader.consume(take);
        if newline.is_some() {
            return Ok(if oversized {
                Line::Oversized(length)
            } else {
                Line::Complete(line)
            });
        }
    }
}

/// Returns why `line` is not JSON, or `None` when it is JSON or blank
/// (rmcp skips blank lines). A UTF-8 byte order mark is allowed, as rmcp
/// allows it.
fn json_syntax_error(line: &[u8]) -> Option<serde_json::Error> {
    let text = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    if text.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    serde_json::from_slice::<serde::de::IgnoredAny>(text).err()
}

fn error_line(code: i64, message: &str) -> Vec<u8> {
    let response = serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": { "code": code, "message": message },
    });
    let mut line = response.to_string().into_bytes();
    line.push(b'\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncReadExt;

    /// Feeds `input` through the guard with an echoing stand-in for rmcp,
    /// and returns what reached stdout.
    async fn run(input: &[u8]) -> String {
        let (mut client, server_stdin) = tokio::io::duplex(1024 * 1024);
        let (server_stdout, mut client_reader) = tokio::io::duplex(1024 * 1024);
        let guarded = guard(server_stdin, server_stdout);
        let GuardedStdio {
            input: mut rmcp_input,
            output: mut rmcp_output,
            writer,
        } = guarded;
        let echo = tokio::spawn(async move {
            let mut received = Vec::new();
            rmcp_input.read_to_end(&mut received).await.unwrap();
            rmcp_output.write_all(&received).await.unwrap();
            rmcp_output.shutdown().await.unwrap();
        });
        client.write_all(input).await.unwrap();
        drop(client);
        echo.await.unwrap();
        writer.await.unwrap();
        let mut output = String::new();
        client_reader.read_to_string(&mut output).await.unwrap();
        output
    }

    #[tokio::test]
    async fn json_lines_pass_unchanged() {
        let input = b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n\n{\"a\":[1,2]}\n";
        assert_eq!(run(input).await.as_bytes(), input);
    }

    #[tokio::test]
    async fn non_json_line_gets_parse_error() {
        let output = run(b"{not json\n{\"ok\":true}\n").await;
        let lines: Vec<&str> = output.lines().collect();
        assert_eq!(lines.len(), 2, "{output}");
        let error: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(error["error"]["code"], PARSE_ERROR);
        assert_eq!(error["id"], serde_json::Value::Null);
        assert_eq!(lines[1], "{\"ok\":true}");
    }

    #[tokio::test]
    async fn last_line_without_newline_is_checked() {
        let output = run(b"{\"ok\":true}\n[1,").await;
        // The stand-in for rmcp echoes only at EOF, so the order may vary.
        let lines: Vec<&str> = output.lines().collect();
        assert_eq!(lines.len(), 2, "{output}");
        assert!(lines.contains(&"{\"ok\":true}"), "{output}");
        assert!(output.contains("-32700"), "{output}");
    }

    #[tokio::test]
    async fn byte_order_mark_is_allowed() {
        let input = b"\xEF\xBB\xBF{\"ok\":true}\n";
        assert_eq!(run(input).await.as_bytes(), input);
    }

    #[tokio::test]
    async fn oversized_line_gets_invalid_request() {
        let mut input = vec![b' '; MAX_LINE_BYTES + 10];
        input.push(b'\n');
        input.extend_from_slice(b"{\"ok\":true}\n");
        let output = run(&input).await;
        let lines: Vec<&str> = output.lines().collect();
        assert_eq!(lines.len(), 2, "{}", &output[..output.len().min(300)]);
        assert!(lines[0].contains("-32600"), "{}", lines[0]);
        assert!(lines[0].contains("16 MiB"), "{}", lines[0]);
        assert_eq!(lines[1], "{\"ok\":true}");
    }
}
