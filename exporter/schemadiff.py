"""A field-by-field difference between two schema versions, for `procex schema diff`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def fields(schema: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Every property path of a schema with its definition (following local $refs)."""
    defs = schema.get("$defs", {})
    out: dict[str, Any] = {}

    def walk(node: Any, path: str) -> None:
        if not isinstance(node, dict):
            return
        if "$ref" in node and node["$ref"].startswith("#/$defs/"):
            node = defs[node["$ref"].split("/")[-1]]
        for branch in node.get("anyOf", []) + node.get("oneOf", []):
            walk(branch, path)
        for name, sub in node.get("properties", {}).items():
            out[f"{path}/{name}"] = sub
            walk(sub, f"{path}/{name}")
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{path}/*")

    walk(schema, prefix)
    return out


def shape(node: Any) -> Any:
    """A field's own rule, without its members (reported on their own) or prose."""
    if isinstance(node, dict):
        return {k: v for k, v in node.items() if k not in ("properties", "description")}
    return node


def diff(old: dict[str, Any], new: dict[str, Any]) -> Iterator[str]:
    """ "+ path" added, "- path" removed, "~ path" changed, for every field path."""
    before, after = fields(old), fields(new)
    for path in sorted(set(before) | set(after)):
        if path not in after:
            yield f"- {path}"
        elif path not in before:
            yield f"+ {path}"
        elif shape(before[path]) != shape(after[path]) and path != "/schema_version":
            yield f"~ {path}"
