//! Writing registrants one at a time as CSV or JSON Lines, so memory stays
//! the same whatever the number of rows.

use std::collections::BTreeSet;
use std::io::{self, Write};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// File format of an export.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Comma-separated values with a header row (default).
    #[default]
    Csv,
    /// JSON Lines: one JSON object per line, as Zoom returned it.
    Jsonl,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Jsonl => "jsonl",
        }
    }
}

/// CSV columns: the fields of a registrant in Zoom's registrant list, in
/// the order of Zoom's OpenAPI spec with the identifying ones first. The
/// `language` field comes from the registrant create body.
/// `custom_questions` contains Zoom's list of `{"title", "value"}` objects as
/// JSON text.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "status",
    "email",
    "first_name",
    "last_name",
    "create_time",
    "join_url",
    "address",
    "city",
    "state",
    "zip",
    "country",
    "phone",
    "industry",
    "org",
    "job_title",
    "no_of_employees",
    "purchasing_time_frame",
    "role_in_purchase_process",
    "comments",
    "language",
    "custom_questions",
];

/// Columns written exactly as Zoom sent them, never neutralised: Zoom sets
/// or validates them, and an id may begin with `-`.
const EXACT_COLUMNS: &[&str] = &[
    "id",
    "status",
    "email",
    "create_time",
    "join_url",
    "language",
];

/// Writes registrant rows in one format.
pub struct RowWriter<W: Write> {
    sink: Sink<W>,
    rows: u64,
    /// CSV cells prefixed with `'` so spreadsheets show them as text.
    neutralized_cells: u64,
    /// Fields seen in JSON Lines rows, reported as the columns.
    fields: BTreeSet<String>,
}

enum Sink<W: Write> {
    /// Boxed because the CSV writer carries its own buffer.
    Csv(Box<csv::Writer<W>>),
    Jsonl(W),
}

/// Row count, neutralised cells and columns of a finished export.
#[derive(Debug)]
pub struct Written {
    pub rows: u64,
    pub neutralized_cells: u64,
    pub columns: Vec<String>,
}

impl<W: Write> RowWriter<W> {
    /// Starts writing to `out`; a CSV export writes its header row now.
    pub fn new(format: ExportFormat, out: W) -> io::Result<RowWriter<W>> {
        let sink = match format {
            ExportFormat::Csv => {
                let mut writer = csv::WriterBuilder::new()
                    .terminator(csv::Terminator::CRLF)
                    .from_writer(out);
                writer.write_record(CSV_COLUMNS)?;
                Sink::Csv(Box::new(writer))
            }
            ExportFormat::Jsonl => Sink::Jsonl(out),
        };
        Ok(RowWriter {
            sink,
            rows: 0,
            neutralized_cells: 0,
            fields: BTreeSet::new(),
        })
    }

    /// Writes one registrant. `status` is the status that was listed, used
    /// when Zoom's object has none.
    pub fn write(&mut self, registrant: &mut Map<String, Value>, status: &str) -> io::Result<()> {
        let has_status = registrant
            .get("status")
            .and_then(Value::as_str)
            .is_some_and(|value| !value.is_empty());
        if !has_status {
            registrant.insert("status".into(), Value::String(status.to_string()));
        }
        match &mut self.sink {
            Sink::Csv(writer) => {
                for column in CSV_COLUMNS {
                    let mut cell = cell_text(registrant.get(*column));
                    if !EXACT_COLUMNS.contains(column) && needs_neutralizing(&cell) {
                        cell.insert(0, '\'');
                        self.neutralized_cells += 1;
                    }
                    writer.write_field(cell)?;
                }
                writer.write_record(None::<&[u8]>)?;
            }
            Sink::Jsonl(out) => {
                for key in registrant.keys() {
                    if !self.fields.contains(key) {
                        self.fields.insert(key.clone());
                    }
                }
                serde_json::to_writer(&mut *out, registrant)?;
                out.write_all(b"\n")?;
            }
        }
        self.rows += 1;
        Ok(())
    }

    /// Flushes everything written and returns the writer's output and what
    /// it wrote.
    pub fn finish(self) -> io::Result<(W, Written)> {
        let (out, columns) = match self.sink {
            Sink::Csv(writer) => {
                let out = writer.into_inner().map_err(|error| error.into_error())?;
                (out, CSV_COLUMNS.iter().map(|c| c.to_string()).collect())
            }
            Sink::Jsonl(mut out) => {
                out.flush()?;
                (out, self.fields.into_iter().collect())
            }
        };
        Ok((
            out,
            Written {
                rows: self.rows,
                neutralized_cells: self.neutralized_cells,
                columns,
            },
        ))
    }
}

/// Renders a JSON value as one CSV cell: strings as they are, nothing for
/// a missing or null field, and arrays or objects as JSON text.
fn cell_text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    }
}

/// Reports whether a spreadsheet would read `cell` as a formula: it starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return. Registrants type
/// their own names and answers, so such a cell could run a formula in the
/// reader's spreadsheet. Plain numbers and phone numbers such as
/// `+1 555 0100` or `-5` are left alone.
fn needs_neutralizing(cell: &str) -> bool {
    let Some(first) = cell.chars().next() else {
        return false;
    };
    if !matches!(first, '=' | '+' | '-' | '@' | '\t' | '\r') {
        return false;
    }
    let number_like = cell.chars().any(|c| c.is_ascii_digit())
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '(' | ')' | '.' | ' '));
    !number_like
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn registrant(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    fn write_all(format: ExportFormat, rows: Vec<Value>) -> (String, Written) {
        let mut writer = RowWriter::new(format, Vec::new()).unwrap();
        for row in rows {
            writer.write(&mut registrant(row), "approved").unwrap();
        }
        let (bytes, written) = writer.finish().unwrap();
        (String::from_utf8(bytes).unwrap(), written)
    }

    #[test]
    fn csv_quotes_commas_quotes_and_line_breaks() {
        let tricky = "Smith, \"Jr.\"\nsecond line";
        let (text, written) = write_all(
            ExportFormat::Csv,
            vec![json!({
                "id": "r1",
                "email": "a@example.com",
                "first_name": tricky,
                "custom_questions": [{"title": "Why, really?", "value": "Because \"yes\"\r\nok"}],
            })],
        );
        assert_eq!(written.rows, 1);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        assert_eq!(header, CSV_COLUMNS);
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), 1);
        let record = &records[0];
        assert_eq!(&record[3], tricky);
        assert_eq!(&record[1], "approved", "status filled in from the listing");
        let answers: Value = serde_json::from_str(&record[21]).unwrap();
        assert_eq!(answers[0]["value"], "Because \"yes\"\r\nok");
    }

    #[test]
    fn csv_neutralizes_formulas_but_not_phone_numbers() {
        let (text, written) = write_all(
            ExportFormat::Csv,
            vec![json!({
                "id": "-r1",
                "email": "-a@example.com",
                "first_name": "=HYPERLINK(\"http://x\")",
                "last_name": "@SUM(A1)",
                "phone": "+1 (555) 0100",
                "org": "-",
            })],
        );
        assert_eq!(written.neutralized_cells, 3);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(&record[0], "-r1", "ids stay exact");
        assert_eq!(&record[2], "-a@example.com", "emails stay exact");
        assert_eq!(&record[3], "'=HYPERLINK(\"http://x\")");
        assert_eq!(&record[4], "'@SUM(A1)");
        assert_eq!(&record[12], "+1 (555) 0100");
        assert_eq!(&record[14], "'-");
    }

    #[test]
    fn jsonl_keeps_zoom_objects() {
        let (text, written) = write_all(
            ExportFormat::Jsonl,
            vec![
                json!({"id": "r1", "email": "a@example.com", "status": "pending"}),
                json!({"id": "r2", "email": "b@example.com", "zip": "=1"}),
            ],
        );
        let lines: Vec<Value> = text
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["status"], "pending");
        assert_eq!(lines[1]["status"], "approved");
        assert_eq!(lines[1]["zip"], "=1", "JSON Lines values stay exact");
        assert_eq!(written.columns, ["email", "id", "status", "zip"]);
        assert_eq!(written.neutralized_cells, 0);
    }

    #[test]
    fn csv_without_rows_has_a_header() {
        let (text, written) = write_all(ExportFormat::Csv, Vec::new());
        assert_eq!(written.rows, 0);
        assert_eq!(text.trim_end(), CSV_COLUMNS.join(","));
    }
}
