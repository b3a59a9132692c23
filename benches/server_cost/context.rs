//! Context cost: the size of the `tools/list` response a host puts in
//! front of the model, per tool selection.

use serde_json::{Value, json};

use crate::BenchResult;
use crate::procs::{self, Sandbox};
use crate::rpc::Session;

/// Tool selections measured, with their command-line flags.
const SELECTIONS: &[(&str, &[&str])] = &[
    ("default", &[]),
    ("all", &["--toolsets", "all"]),
    ("default_read_only", &["--read-only"]),
    ("all_read_only", &["--toolsets", "all", "--read-only"]),
    ("default_output_schemas", &["--output-schemas"]),
    (
        "all_output_schemas",
        &["--toolsets", "all", "--output-schemas"],
    ),
];

pub async fn run(sandbox: &Sandbox) -> BenchResult<Value> {
    let mut sizes = serde_json::Map::new();
    for (label, args) in SELECTIONS {
        let dir = tempfile::tempdir().map_err(|error| format!("temporary folder: {error}"))?;
        let mut session = Session::spawn(procs::server_command(sandbox, dir.path(), args))?;
        session.initialize().await?;
        let mut bytes = 0;
        let mut tools = 0;
        let mut parts = Parts::default();
        let mut cursor: Option<String> = None;
        loop {
            let params = match &cursor {
                Some(cursor) => json!({ "cursor": cursor }),
                None => json!({}),
            };
            let response = session.request("tools/list", params).await?;
            bytes += response.bytes;
            for tool in response.message["result"]["tools"]
                .as_array()
                .into_iter()
                .flatten()
            {
                tools += 1;
                parts.add(tool);
            }
            cursor = response.message["result"]["nextCursor"]
                .as_str()
                .map(str::to_string);
            if cursor.is_none() {
                break;
            }
        }
        session.close().await;
        sizes.insert(
            label.to_string(),
            json!({
                "flags": args,
                "tools": tools,
                "bytes": bytes,
                "bytes_by_field": parts.to_json(),
            }),
        );
    }
    Ok(Value::Object(sizes))
}

/// Bytes of each tool field as compact JSON, summed over the tools, to
/// show where the size of `tools/list` comes from.
#[derive(Default)]
struct Parts {
    output_schema: usize,
    input_schema: usize,
    description: usize,
    other: usize,
    largest: Vec<(usize, String)>,
}

impl Parts {
    fn add(&mut self, tool: &Value) {
        // An absent field costs nothing; `tool["outputSchema"]` is then null.
        let size = |value: &Value| match value {
            Value::Null => 0,
            value => serde_json::to_string(value).map_or(0, |text| text.len()),
        };
        let whole = size(tool);
        let output_schema = size(&tool["outputSchema"]);
        let input_schema = size(&tool["inputSchema"]);
        let description = size(&tool["description"]);
        self.output_schema += output_schema;
        self.input_schema += input_schema;
        self.description += description;
        self.other += whole.saturating_sub(output_schema + input_schema + description);
        let name = tool["name"].as_str().unwrap_or("").to_string();
        self.largest.push((whole, name));
    }

    fn to_json(&self) -> Value {
        let mut largest = self.largest.clone();
        largest.sort_by(|a, b| b.cmp(a));
        let largest: Vec<Value> = largest
            .iter()
            .take(5)
            .map(|(bytes, name)| json!({ "tool": name, "bytes": bytes }))
            .collect();
        json!({
            "output_schema": self.output_schema,
            "input_schema": self.input_schema,
            "description": self.description,
            "other": self.other,
            "largest_tools": largest,
        })
    }
}
