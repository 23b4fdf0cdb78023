"""Column and mapping specs for the systems that load procex files, derived from a schema
version, so a load never depends on what a consumer guesses from the data it sees first
(DuckDB's read_json_auto types `date.value` DATE in one file and VARCHAR in the next).

`procex schema columns --for duckdb|postgres|sqlite|elasticsearch|pandas` prints them;
docs/loading.md gives the one command per consumer that uses them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from exporter import registry

CONSUMERS = ("duckdb", "postgres", "sqlite", "elasticsearch", "pandas")
TABLE = "procex_events"


@dataclass(frozen=True)
class Field:
    """One field's shape: a scalar kind (string, date, integer, number, boolean), an object
    of fields, or an array of one shape; `free` for text without a pattern or list."""

    kind: str
    fields: dict[str, Field] = field(default_factory=dict)
    items: Field | None = None
    required: bool = True
    nullable: bool = False
    free: bool = False


def record_shape(version: str | None = None) -> Field:
    """The record of a schema version as a tree of Fields."""
    schema = registry.schema(version or registry.latest())
    return _shape(schema, schema)


def _shape(root: dict[str, Any], node: dict[str, Any]) -> Field:
    if "$ref" in node:
        name = node["$ref"].removeprefix("#/$defs/")
        return _shape(root, root["$defs"][name])
    branches = node.get("anyOf") or node.get("oneOf")
    if branches:
        solid = [b for b in branches if b.get("type") != "null"]
        inner = _shape(root, solid[0]) if len(solid) == 1 else Field("string")
        return Field(inner.kind, inner.fields, inner.items, nullable=len(solid) < len(branches))
    kind = node.get("type")
    if kind == "object":
        required = set(node.get("required", ()))
        fields = {
            name: _with(_shape(root, sub), required=name in required)
            for name, sub in node.get("properties", {}).items()
        }
        return Field("object", fields)
    if kind == "array":
        return Field("array", items=_shape(root, node.get("items", {})))
    if kind in ("integer", "number", "boolean"):
        return Field(kind)
    if node.get("format") == "date":
        return Field("date")
    listed = "enum" in node or "const" in node or "pattern" in node
    return Field("string", free=not listed)


def _with(shape: Field, *, required: bool) -> Field:
    return Field(shape.kind, shape.fields, shape.items, required, shape.nullable, shape.free)


# --- DuckDB ---------------------------------------------------------------------------

_DUCKDB = {
    "string": "VARCHAR",
    "date": "DATE",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "boolean": "BOOLEAN",
}


def _duckdb_type(shape: Field) -> str:
    if shape.kind == "object":
        inner = ", ".join(f'"{name}" {_duckdb_type(sub)}' for name, sub in shape.fields.items())
        return f"STRUCT({inner})"
    if shape.kind == "array":
        assert shape.items is not None
        return f"{_duckdb_type(shape.items)}[]"
    return _DUCKDB[shape.kind]


def duckdb_columns(version: str | None = None) -> str:
    """The `columns=` argument of DuckDB's read_json: a struct literal of column types."""
    shape = record_shape(version)
    return (
        "{" + ", ".join(f"'{name}': '{_duckdb_type(sub)}'" for name, sub in shape.fields.items())
    ) + "}"


# --- PostgreSQL and SQLite: a table, nested values as JSON ----------------------------

_POSTGRES = {
    "string": "text",
    "date": "date",
    "integer": "bigint",
    "number": "double precision",
    "boolean": "boolean",
    "object": "jsonb",
    "array": "jsonb",
}
_SQLITE = {
    "string": "TEXT",
    "date": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
    "object": "TEXT",
    "array": "TEXT",
}


def create_table(types: dict[str, str], version: str | None, table: str) -> str:
    """CREATE TABLE with a column per top-level field, `id` the primary key."""
    lines = []
    for name, sub in record_shape(version).fields.items():
        column = f'  "{name}" {types[sub.kind]}'
        if name == "id":
            column += " PRIMARY KEY"
        elif sub.required and not sub.nullable:
            column += " NOT NULL"
        lines.append(column)
    return f'CREATE TABLE IF NOT EXISTS "{table}" (\n' + ",\n".join(lines) + "\n);"


def postgres_table(version: str | None = None, table: str = TABLE) -> str:
    return create_table(_POSTGRES, version, table)


def sqlite_table(version: str | None = None, table: str = TABLE) -> str:
    return create_table(_SQLITE, version, table)


# --- Elasticsearch --------------------------------------------------------------------


def _es_mapping(shape: Field) -> dict[str, Any]:
    if shape.kind == "object":
        return {"properties": {name: _es_mapping(sub) for name, sub in shape.fields.items()}}
    if shape.kind == "array":
        assert shape.items is not None
        return _es_mapping(shape.items)  # an Elasticsearch field holds one value or many
    if shape.kind == "date":
        return {"type": "date", "format": "strict_date"}
    if shape.kind == "string" and shape.free:
        return {"type": "text", "fields": {"keyword": {"type": "keyword", "ignore_above": 256}}}
    return {
        "type": {"string": "keyword", "integer": "long", "number": "double"}.get(
            shape.kind, shape.kind
        )
    }


def elasticsearch_mapping(version: str | None = None) -> dict[str, Any]:
    """The body of `PUT /<index>`: strict, so a field the schema lacks is refused."""
    mapping = _es_mapping(record_shape(version))
    return {"mappings": {"dynamic": "strict", **mapping}}


# --- pandas ---------------------------------------------------------------------------

_PANDAS = {
    "string": "string",
    "date": "string",  # pd.to_datetime(..., format="ISO8601") where a datetime is wanted
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "array": "object",
}


def pandas_dtypes(version: str | None = None) -> dict[str, str]:
    """The dtypes of the columns pd.json_normalize makes of records ("date.value"), in
    record order; nullable dtypes, since most fields may be null."""
    found: dict[str, str] = {}

    def walk(shape: Field, prefix: str) -> None:
        for name, sub in shape.fields.items():
            if sub.kind == "object":
                walk(sub, f"{prefix}{name}.")
            else:
                found[prefix + name] = _PANDAS[sub.kind]

    walk(record_shape(version), "")
    return found


def spec(consumer: str, version: str | None = None, table: str = TABLE) -> str:
    """What `procex schema columns --for CONSUMER` prints."""
    if consumer == "duckdb":
        return duckdb_columns(version)
    if consumer == "postgres":
        return postgres_table(version, table)
    if consumer == "sqlite":
        return sqlite_table(version, table)
    if consumer == "elasticsearch":
        return json.dumps(elasticsearch_mapping(version), indent=2)
    if consumer == "pandas":
        return json.dumps(pandas_dtypes(version), indent=2)
    raise ValueError(f"unknown consumer {consumer!r}; choose one of {', '.join(CONSUMERS)}")
