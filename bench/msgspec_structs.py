"""msgspec Structs generated from a closed record schema: one C pass that parses and validates.

The candidate fast path of issue 13, measured by bench/msgspec_probe.py (not used by procex:
see bench/RESULTS.md). A record line decoded by `decoder(version)` without an error is valid
under the schema, so its bytes would need no Python objects built and no second validator.

The generation understands a closed subset of JSON Schema (types, const, enum, required,
additionalProperties false, patterns, lengths, bounds, anyOf, $ref, format "date", and allOf
of if/then on an enum property, turned into a tagged union); a schema with any other keyword
gets no decoder, and its records would take the exact path. msgspec may refuse more than the
schema does (1.0 for an integer): a refusal means "not known", never "invalid". Checked
against jsonschema on generated event records (`msgspec_probe.py --exactness N`); not done
for a fast path: guards where msgspec and orjson read the same text differently (duplicate
keys, escapes, numbers past 64 bits), and the deal schema's verdicts.
"""

from __future__ import annotations

import functools
import keyword
import re
from typing import Annotated, Any, Literal, Union

import msgspec

from exporter import registry
from exporter.validate.schema import _ecma

# Keywords that say nothing about validity (or are handled where they stand)
_NOTES = frozenset({"$schema", "$id", "$defs", "title", "description", "$comment"})
_STRING = frozenset({"type", "pattern", "minLength", "maxLength", "format"})
_NUMBER = frozenset({"type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"})
_BOUNDS = {"minimum": "ge", "maximum": "le", "exclusiveMinimum": "gt", "exclusiveMaximum": "lt"}

# A calendar day YYYY-MM-DD (leap years included, year 0000 excluded: python-jsonschema's
# date.fromisoformat refuses it): what format "date" accepts, as one pattern for msgspec
_DAY = (
    r"(?!0000)[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    r"|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29"
)
_FORMATS = {"date": rf"(?a)^(?:{_DAY})\Z"}


class Unsupported(ValueError):
    """A schema keyword the generation does not turn into a Struct constraint."""


def ecma(pattern: str) -> str:
    """A JSON Schema (ECMA-262) pattern as a Python one, as procex's detailed validator reads
    it ("$" ends the string), with classes such as \\d held to ASCII as in ECMA-262."""
    return "(?a)" + _ecma(pattern).pattern


def _all_of(patterns: list[str]) -> str:
    """One search pattern that matches where every one of `patterns` does."""
    if len(patterns) == 1:
        return patterns[0]
    bare = [p.removeprefix("(?a)") for p in patterns]
    if all(p.startswith("^") for p in bare):  # all anchored: one attempt, at the start
        return r"(?a)\A" + "".join(f"(?:(?={p}))" for p in bare)
    return "(?a)" + "".join(rf"(?=[\s\S]*?(?:{p}))" for p in bare)


class _Builder:
    """Types for the nodes of one schema; one Struct per object node (named by its path)."""

    def __init__(self, schema: dict[str, Any], name: str, patterns: bool = True) -> None:
        self.schema = schema
        self.name = name
        self.patterns = patterns  # False: strings checked for type and length only (a probe)

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        ref = node.get("$ref")
        if ref is None:
            return node
        if not isinstance(ref, str) or not ref.startswith("#/$defs/") or len(node) != 1:
            raise Unsupported(f"$ref {ref!r}")
        return self.resolve(self.schema["$defs"][ref.removeprefix("#/$defs/")])

    def type_of(self, nodes: list[dict[str, Any]], where: str) -> Any:
        """The type of a value that must satisfy every node of `nodes` (an allOf)."""
        nodes = [self.resolve(n) for n in nodes]
        if any(not isinstance(n.get("type", ""), str) for n in nodes):
            raise Unsupported(f"a list of types at {where}")
        kinds = {n["type"] for n in nodes if "type" in n}
        head = nodes[0]
        if len(nodes) == 1 and "anyOf" in head:
            if set(head) - _NOTES - {"anyOf"}:
                raise Unsupported(f"anyOf beside other keywords at {where}")
            branches = tuple(self.type_of([b], f"{where}|{i}") for i, b in enumerate(head["anyOf"]))
            return Union[branches]  # noqa: UP007 (built at run time)
        if len(nodes) == 1 and ("const" in head or "enum" in head):
            values = [head["const"]] if "const" in head else head["enum"]
            if set(head) - _NOTES - {"const", "enum"} or not all(type(v) is str for v in values):
                raise Unsupported(f"const or enum at {where}")
            return Literal[tuple(values)]
        if len(kinds) != 1:
            raise Unsupported(f"no single type at {where}")
        kind = kinds.pop()
        if kind == "object":
            return self.struct(nodes, where)
        if kind == "array":
            return self.array(nodes, where)
        if kind == "string":
            return self.string(nodes, where)
        if kind in ("integer", "number"):
            return self.number(nodes, int if kind == "integer" else float, where)
        simple = {"boolean": bool, "null": type(None)}
        if kind not in simple or any(set(n) - _NOTES - {"type"} for n in nodes):
            raise Unsupported(f"type {kind!r} at {where}")
        return simple[kind]

    def string(self, nodes: list[dict[str, Any]], where: str) -> Any:
        patterns: list[str] = []
        meta: dict[str, Any] = {}
        for node in nodes:
            if set(node) - _NOTES - _STRING:
                raise Unsupported(f"string keywords {sorted(set(node) - _STRING)} at {where}")
            if "pattern" in node:
                patterns.append(ecma(node["pattern"]))
            if "format" in node:
                if node["format"] not in _FORMATS:
                    raise Unsupported(f"format {node['format']!r} at {where}")
                patterns.append(_FORMATS[node["format"]])
            for key, name in (("minLength", "min_length"), ("maxLength", "max_length")):
                if key in node:
                    meta[name] = max(meta.get(name, node[key]), node[key])
        if patterns and self.patterns:
            meta["pattern"] = _all_of(patterns)
        return Annotated[str, msgspec.Meta(**meta)] if meta else str

    def number(self, nodes: list[dict[str, Any]], kind: type, where: str) -> Any:
        meta: dict[str, Any] = {}
        for node in nodes:
            if set(node) - _NOTES - _NUMBER:
                raise Unsupported(f"number keywords at {where}")
            for key in set(node) & set(_BOUNDS):
                if meta.setdefault(_BOUNDS[key], node[key]) != node[key]:
                    raise Unsupported(f"two {key} at {where}")  # the stricter one: not done
        return Annotated[kind, msgspec.Meta(**meta)] if meta else kind

    def array(self, nodes: list[dict[str, Any]], where: str) -> Any:
        if len(nodes) != 1 or set(nodes[0]) - _NOTES - {"type", "items", "minItems"}:
            raise Unsupported(f"array keywords at {where}")
        node = nodes[0]
        items = self.type_of([node["items"]], f"{where}[]") if "items" in node else Any
        if "minItems" in node:
            return Annotated[list[items], msgspec.Meta(min_length=node["minItems"])]  # type: ignore[valid-type]
        return list[items]  # type: ignore[valid-type]

    def struct(self, nodes: list[dict[str, Any]], where: str) -> Any:
        """A Struct for an object node: its properties typed, required ones without default,
        unknown keys refused; an allOf of if/then on one enum property becomes a union of
        Structs tagged by that property's value."""
        if len(nodes) != 1:
            raise Unsupported(f"object in allOf at {where}")
        node = nodes[0]
        known = {"type", "properties", "required", "additionalProperties", "allOf"}
        if set(node) - _NOTES - known or node.get("additionalProperties") is not False:
            raise Unsupported(f"object keywords at {where} (only closed objects)")
        properties: dict[str, list[dict[str, Any]]] = {
            key: [value] for key, value in node.get("properties", {}).items()
        }
        required = node.get("required", [])
        if "allOf" not in node:
            return self.define(where, properties, required, {})
        tag, variants = self.conditions(node["allOf"], properties, where)
        if tag not in required:
            raise Unsupported(f"tag {tag!r} not required at {where}")
        others = {key: found for key, found in properties.items() if key != tag}
        structs = []
        for value, extra in variants.items():
            merged = {key: found + extra.get(key, []) for key, found in others.items()}
            config = {"tag_field": tag, "tag": value}
            structs.append(self.define(f"{where}~{value}", merged, required, config))
        return Union[tuple(structs)]  # noqa: UP007

    def conditions(
        self,
        all_of: list[dict[str, Any]],
        properties: dict[str, list[dict[str, Any]]],
        where: str,
    ) -> tuple[str, dict[str, dict[str, list[dict[str, Any]]]]]:
        """The property an allOf of `if {properties: {K: {const: V}}} then {properties}`
        switches on (K, an enum of strings), and for each of K's values the extra nodes its
        `then` adds to each property."""
        tags: set[str] = set()
        found: list[tuple[str, Any, dict[str, Any]]] = []
        for item in all_of:
            condition = item.get("if", {}).get("properties", {})
            then = item.get("then", {})
            if set(item) != {"if", "then"} or set(item["if"]) != {"properties"}:
                raise Unsupported(f"allOf item at {where}")
            if len(condition) != 1 or set(then) != {"properties"}:
                raise Unsupported(f"if/then at {where}")
            ((key, test),) = condition.items()
            if set(test) != {"const"}:
                raise Unsupported(f"if test at {where}")
            tags.add(key)
            found.append((key, test["const"], then["properties"]))
        if len(tags) != 1:
            raise Unsupported(f"if/then on several properties at {where}")
        tag = tags.pop()
        switch = [self.resolve(n) for n in properties.get(tag, [])]
        if len(switch) != 1 or set(switch[0]) - _NOTES != {"enum"}:
            raise Unsupported(f"tag {tag!r} is not an enum at {where}")
        values = switch[0]["enum"]
        if not all(type(v) is str for v in values):
            raise Unsupported(f"tag {tag!r} values at {where}")
        variants: dict[str, dict[str, list[dict[str, Any]]]] = {v: {} for v in values}
        for _, const, then in found:
            if const in variants:  # a const outside the enum: its `then` never applies
                for key, extra in then.items():
                    if key == tag or key not in properties:
                        raise Unsupported(f"then on {key!r} at {where}")
                    variants[const].setdefault(key, []).append(extra)
        return tag, variants

    def define(
        self,
        where: str,
        properties: dict[str, list[dict[str, Any]]],
        required: list[str],
        config: dict[str, Any],
    ) -> Any:
        fields: list[tuple[str, Any] | tuple[str, Any, Any]] = []
        for key, nodes in properties.items():
            if not key.isidentifier() or keyword.iskeyword(key) or key.startswith("_"):
                raise Unsupported(f"property name {key!r} at {where}")
            kind = self.type_of(nodes, f"{where}/{key}")
            if key in required:
                fields.append((key, kind))
            else:  # absent is not null: UNSET stands for absent
                fields.append((key, Union[kind, msgspec.UnsetType], msgspec.UNSET))  # noqa: UP007
        if set(required) - set(properties) - {config.get("tag_field")}:
            raise Unsupported(f"a required key without a property at {where}")
        fields.sort(key=lambda f: len(f) == 3)  # fields with a default after those without
        name = re.sub(r"\W", "_", f"{self.name}{where}")
        return msgspec.defstruct(name, fields, forbid_unknown_fields=True, **config)


@functools.cache
def record_type(version: str, family: str = registry.FAMILY, patterns: bool = True) -> Any:
    """The Struct (or tagged union) of a record of `version`; with `patterns` False, strings
    are checked for type and length only (the probe's lower bound, not a validator)."""
    schema = registry.schema(version, family)
    name = f"{family}_{version}" + ("" if patterns else "_unpatterned")
    return _Builder(schema, name, patterns).type_of([schema], "")


@functools.cache
def decoder(version: str, family: str = registry.FAMILY) -> msgspec.json.Decoder[Any] | None:
    """A JSON decoder that accepts only lines valid under the schema of `version` (None if
    the schema uses a keyword the generation does not know)."""
    try:
        return msgspec.json.Decoder(record_type(version, family))
    except (Unsupported, TypeError, KeyError):
        return None
