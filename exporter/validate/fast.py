"""The chunk path of validation: a run of NDJSON lines judged at once, reporting exactly what
judging them record by record reports.

A Chunk (exporter.formats.ndjson) holds some tens of NDJSON lines or JSON array elements,
each parsed to one value. Here it
is judged whole: one call of jsonschema-rs on the list of values, each semantic check's
suspects found in one pass, and only the suspects checked one by one. When anything is not
certain (a value is no object, versions differ, a record is not valid, an "@" or an escape
is in the text), `problems` says so (None) and the caller takes the chunk record by record,
so every Problem, message, location and count is what the record path gives.

What lets a valid chunk skip the per-record tests:
- the schemas are closed (`closed_depth`): a valid record nests no deeper than the schema
  says (within limits.MAX_DEPTH: no `too-deep` to report), is an object, and holds numbers
  only where the schema types them, where the chunk's schema bounds them to 64 bits
  (`with_number_bounds`);
- so with no "@" in the text, nor a NUL or an "@" written as an escape (`\\u0000`,
  `\\u0040`: JSON has no other way to write either, and orjson refuses lone surrogates,
  NaN and infinities), every record is loadable (exporter.formats.unloadable gives None).
  Other escapes are harmless: files written by Python's json escape every non-ASCII
  character.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Collection
from typing import Any

import jsonschema_rs

from exporter import registry
from exporter.formats.limits import MAX_DEPTH
from exporter.formats.ndjson import Chunk
from exporter.problems import Problem, json_pointer
from exporter.validate.checks import CHECKS, SUSPECTS, Seen

LOADABLE = "loadable"  # settled for a whole chunk by its text and schema (see above)

# what `unloadable` allows a number to be: an integer within 64 bits (a float of 2**63 or
# more is allowed where the schema says number, not integer: such a chunk goes record by
# record)
NUMBER_BOUNDS = {"minimum": -(2**63) + 1, "maximum": 2**63 - 1}


def problems(
    chunk: Chunk, forced_version: str | None, skip: Collection[str], seen: Seen
) -> list[Problem] | None:
    """The Problems of every record of `chunk` (almost always none), or None when the chunk
    must be taken record by record."""
    values = chunk.values
    first = values[0]
    if type(first) is not dict:
        return None
    version = forced_version or first.get("schema_version")
    validator = chunk_validator(version) if type(version) is str else None
    if validator is None:
        return None
    text = chunk.text()
    # an "@" key, or a NUL or "@" written as an escape, makes a record unloadable
    # (one byte first: memchr; most texts have no backslash at all)
    if b"@" in text or (b"\\" in text and (b"\\u0000" in text or b"\\u0040" in text)):
        return None
    try:
        if not validator.is_valid(values):
            return None
    except (TypeError, ValueError):  # a value JSON has no type for: record by record
        return None
    return _check_problems(chunk, skip, seen)


def _check_problems(chunk: Chunk, skip: Collection[str], seen: Seen) -> list[Problem]:
    """The semantic checks' Problems of a chunk of valid event records (the event schema is
    closed: a deal record is not valid under it), all of them, as on the record path."""
    values = chunk.values
    lines = chunk.line_numbers()
    # what each record's place starts with: its file and a colon
    names = (
        [f"{chunk.file}:"] * len(values) if chunk.files is None else [f"{f}:" for f in chunk.files]
    )
    found: list[tuple[int, int, Problem]] = []
    for order, (check, function) in enumerate(CHECKS.items()):
        if check in skip or check == LOADABLE:
            continue
        suspects = SUSPECTS.get(check)
        indexes = range(len(values)) if suspects is None else suspects(values, seen, names, lines)
        for index in indexes:
            record = values[index]
            findings = function(record, seen, f"{names[index]}{lines[index]}")
            if not findings:
                continue
            loaded = chunk.loaded(index)
            for path, message in findings:
                line, column = loaded.position(path)
                problem = Problem(
                    loaded.file, line, column, json_pointer(path), check, message, loaded.record
                )
                found.append((index, order, problem))
    found.sort(key=lambda item: item[:2])  # record by record, each in the checks' order
    return [problem for _, _, problem in found]


@functools.cache
def chunk_validator(version: str) -> Any:
    """jsonschema-rs for a list of event records of `version`, numbers bounded to 64 bits;
    None for a version not known, or a schema not closed within MAX_DEPTH."""
    if version not in registry.versions():
        return None
    schema = registry.schema(version)
    depth = closed_depth(schema)
    if depth is None or depth > MAX_DEPTH:
        return None
    listed = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "array",
        "items": with_number_bounds(schema),
    }
    return jsonschema_rs.validator_for(listed, validate_formats=True)


# keywords whose value is a schema, a list of schemas, or a map of names to schemas
_ONE = ("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames")
_MANY = ("allOf", "anyOf", "oneOf", "prefixItems")
_NAMED = ("properties", "patternProperties", "$defs", "dependentSchemas")


def with_number_bounds(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy of `schema` where every place typed integer or number is also held within
    NUMBER_BOUNDS (added to its allOf, so nothing it said before changes)."""
    bounded = copy.deepcopy(schema)
    stack = [bounded]
    while stack:
        node = stack.pop()
        kinds = node.get("type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "integer" in kinds or "number" in kinds:
            node["allOf"] = [*node.get("allOf", ()), NUMBER_BOUNDS]
        stack.extend(_subschemas(node))
    return bounded


def _subschemas(node: dict[str, Any]) -> list[dict[str, Any]]:
    found = [node[key] for key in _ONE if isinstance(node.get(key), dict)]
    for key in _MANY:
        found += [item for item in node.get(key, ()) if isinstance(item, dict)]
    for key in _NAMED:
        found += [item for item in node.get(key, {}).values() if isinstance(item, dict)]
    return found


_SCALARS = {"string", "null", "boolean", "integer", "number"}


def closed_depth(schema: dict[str, Any]) -> int | None:
    """How deep (objects and arrays, the record itself counted) a value the schema accepts
    can nest, where the schema is closed: every object closed (additionalProperties false),
    every array's items given, every place typed, or a constant or enum of strings, null or
    booleans. None where that is not known (an open place: anything could be there).

    Conservative: a place is bounded by its own keywords, by every allOf branch and its
    $ref (it must meet them all: the least bound), and by anyOf or oneOf (the most of their
    branches); if, then and else only narrow what the rest allows, and are not read."""
    return _depth(schema, schema.get("$defs", {}), 0)


def _depth(node: Any, definitions: dict[str, Any], hops: int) -> int | None:
    if node is False:
        return 0
    if not isinstance(node, dict) or hops > 64:
        return None
    hops += 1
    bounds = [_own_depth(node, definitions, hops)]
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/") and ref[8:] in definitions:
        bounds.append(_depth(definitions[ref[8:]], definitions, hops))
    bounds += [_depth(branch, definitions, hops) for branch in node.get("allOf", ())]
    for key in ("anyOf", "oneOf"):
        branches = [_depth(branch, definitions, hops) for branch in node.get(key, ())]
        if branches and None not in branches:
            bounds.append(max(d for d in branches if d is not None))
    known = [d for d in bounds if d is not None]
    return min(known) if known else None


def _own_depth(node: dict[str, Any], definitions: dict[str, Any], hops: int) -> int | None:
    """The bound a place's own keywords (const, enum, type) set."""
    for key in ("const", "enum"):
        if key in node:
            values = node[key] if key == "enum" else [node[key]]
            plain = isinstance(values, list) and all(
                v is None or type(v) in (str, bool) for v in values
            )
            return 0 if plain else None
    kinds = node.get("type")
    deepest = 0
    for kind in kinds if isinstance(kinds, list) else [kinds]:
        if kind in _SCALARS:
            continue
        if kind == "object" and node.get("additionalProperties") is False:
            inner = [
                *node.get("properties", {}).values(),
                *node.get("patternProperties", {}).values(),
            ]
        elif kind == "array" and isinstance(node.get("items"), dict):
            inner = [node["items"], *node.get("prefixItems", ())]
        else:
            return None
        depths = [_depth(child, definitions, hops) for child in inner]
        if None in depths:
            return None
        deepest = max(deepest, 1 + max((d for d in depths if d is not None), default=0))
    return deepest
