"""Turn the OpenAPI 3.0 schema objects of Zoom's specs into JSON Schema
(draft 7) that a validator can enforce.

Zoom writes its schemas inline (no `$ref`), combines shared parts with
`allOf`, and mixes validation keywords with documentation ones. The
functions here keep the validation keywords, merge every `allOf` into one
object schema, drop formats that JSON Schema does not define, and can close
response objects so that an undocumented field is reported. A free-text
format that names a fixed syntax becomes a pattern.
"""

# Keywords that constrain a value and are kept as they are.
KEPT_KEYWORDS = {
    "default",
    "enum",
    "maxItems",
    "maxLength",
    "maximum",
    "minItems",
    "minLength",
    "minimum",
    "pattern",
    "required",
    "type",
    "uniqueItems",
}

# Keywords that only document a value and are dropped.
DOCUMENTATION_KEYWORDS = {
    "deprecated",
    "description",
    "example",
    "examples",
    "title",
    "x-enum-description",
    "x-enum-descriptions",
}

# Formats that JSON Schema defines and the validator checks. Zoom also writes
# OpenAPI's `int64`, `int32`, `binary` and `password` and free text such as
# `string`; those say nothing a JSON Schema validator can enforce.
KEPT_FORMATS = {"date-time", "email", "uri"}

# Free-text formats that name a fixed syntax, translated to a pattern.
# Zoom writes `Hex color code` on the name tag colors, with examples of six
# hex digits such as `0e72ed`.
# NOTE: the pattern also accepts a leading `#`, as the sandbox's name tag
# handler does, but Zoom's spec does not say whether Zoom accepts it.
FORMAT_PATTERNS = {"Hex color code": r"^#?[0-9A-Fa-f]{6}$"}


class SchemaError(Exception):
    """A schema construct this generator does not translate."""


def normalize(schema, where):
    """Return `schema` as JSON Schema, with every `allOf` merged.

    `where` names the schema's place in the spec for error messages.
    """
    if not isinstance(schema, dict):
        raise SchemaError(f"{where}: expected a schema object, got {schema!r}")

    parts = [normalize(part, f"{where}/allOf[{index}]")
             for index, part in enumerate(schema.get("allOf", []))]

    own = {}
    for key, value in schema.items():
        if key == "allOf":
            continue
        if key == "properties":
            own["properties"] = {
                name: normalize(child, f"{where}/properties/{name}")
                for name, child in value.items()
            }
        elif key == "items":
            own["items"] = normalize(value, f"{where}/items")
        elif key == "format":
            if value in KEPT_FORMATS:
                own["format"] = value
            elif value in FORMAT_PATTERNS:
                if "pattern" in schema:
                    raise SchemaError(f"{where}: format {value!r} and a "
                                      f"pattern are both set")
                own["pattern"] = FORMAT_PATTERNS[value]
        elif key == "nullable":
            if value:
                own["nullable"] = True
        elif key in KEPT_KEYWORDS:
            own[key] = value
        elif key in DOCUMENTATION_KEYWORDS or key.startswith("x-"):
            continue
        else:
            raise SchemaError(f"{where}: keyword {key!r} is not translated")

    merged = own
    for part in parts:
        merged = merge(merged, part, where)
    if merged.pop("nullable", False) and "type" in merged:
        merged["type"] = [merged["type"], "null"]
    return merged


def merge(first, second, where):
    """Merge two normalized schemas the way `allOf` combines them."""
    merged = dict(first)
    for key, value in second.items():
        if key not in merged:
            merged[key] = value
        elif key == "properties":
            properties = dict(merged["properties"])
            for name, child in value.items():
                if name in properties:
                    properties[name] = merge(
                        properties[name], child, f"{where}/properties/{name}")
                else:
                    properties[name] = child
            merged["properties"] = properties
        elif key == "required":
            merged["required"] = merged["required"] + [
                name for name in value if name not in merged["required"]]
        elif key == "items":
            merged["items"] = merge(merged["items"], value, f"{where}/items")
        elif merged[key] != value:
            raise SchemaError(
                f"{where}: allOf parts disagree on {key!r}: "
                f"{merged[key]!r} and {value!r}")
    return merged


def close_objects(schema):
    """Set `additionalProperties: false` on every object schema that lists
    properties, so a response field the spec does not document is reported.
    """
    if "properties" in schema:
        for child in schema["properties"].values():
            close_objects(child)
        schema.setdefault("additionalProperties", False)
    if "items" in schema:
        close_objects(schema["items"])
    for part in schema.get("allOf", []):
        close_objects(part)


def find(schema, dotted, where):
    """Return the sub-schema at a dotted path of property names, where `[]`
    steps into array items, for example `questions.[].answers`.
    """
    node = schema
    for step in dotted.split("."):
        if step == "[]":
            node = node.get("items")
        else:
            node = node.get("properties", {}).get(step)
        if node is None:
            raise SchemaError(f"{where}: no field {dotted!r} in the schema")
    return node
