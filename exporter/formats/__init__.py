"""Record formats: one module per format, each with `read` and `write`.

A format's reading and writing rules live side by side because they must agree: what one
writes the other reads back unchanged (a hypothesis test holds them to it).
"""

from __future__ import annotations

import functools
import importlib
import io
import math
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

import orjson

from exporter.formats.limits import admitted
from exporter.formats.loaded import Loaded
from exporter.problems import InputError, Problem, json_pointer

# format -> its module; a module is imported when its format is first used, so validating
# NDJSON never loads the YAML or JSON-LD code
MODULES = {
    "ndjson": "ndjson",
    "yaml": "yamldoc",
    "jsonld": "jsonld",
    "json": "jsonfile",
    "es-bulk": "esbulk",
}
FORMATS = ("ndjson", "yaml", "jsonld", "es-bulk")  # the ones records can be written in


def codec(fmt: str) -> Any:
    """The module that reads (and, for FORMATS, writes) one format."""
    return importlib.import_module(f"exporter.formats.{MODULES[fmt]}")


EXTENSIONS = {
    ".ndjson": "ndjson",
    ".jsonl": "ndjson",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".jsonld": "jsonld",
    ".json": "json",
    ".esbulk": "es-bulk",
}
SUFFIX = {"ndjson": ".ndjson", "yaml": ".yaml", "jsonld": ".jsonld", "es-bulk": ".esbulk"}


class UnwritableRecord(InputError):
    """A record no consumer could load as written (NaN, a NUL character, an `@` key)."""


Path_ = tuple[str | int, ...]
INT64 = range(-(2**63), 2**63)  # PostgreSQL bigint, DuckDB BIGINT: what an integer must fit
_SURROGATE = re.compile("[\ud800-\udfff]")  # in a str read from text, always a lone one


def unloadable(record: Any, *, finite: bool = False) -> tuple[Path_, str] | None:
    """Where and why a record cannot be loaded by the consumers we write for; None if it can.

    The one notion of "loadable" (`procex validate`'s check of that name, and what convert,
    upgrade and normalize refuse to write): numbers finite (orjson would turn NaN into null,
    JSON has no Infinity); integers, and numbers where the schema says integer, within 64
    bits (PostgreSQL bigint, DuckDB BIGINT; orjson writes none beyond); no NUL character
    (PostgreSQL's jsonb and text refuse `\\u0000`); no lone surrogate (not UTF-8 at all); no
    key starting with `@` (a JSON-LD keyword: it would change what the record means as RDF).

    `finite`: the record was read by procex's readers, which refuse NaN and infinities, so
    its JSON text tells at C speed whether anything else may be wrong (validate's hot path).
    """
    if not (_suspect_text(record) if finite else _suspect(record)):
        return None
    integers = _integer_paths(record.get("schema_version") if isinstance(record, dict) else None)
    stack: list[tuple[Path_, Any]] = [((), record)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if why := _text_flaw(value):
                return path, why
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and (key.startswith("@") or _text_flaw(key)):
                    return (*path, key), "is a key no consumer can take"
                stack.append(((*path, key), item))
        elif isinstance(value, list):
            stack.extend(((*path, i), item) for i, item in enumerate(value))
        elif isinstance(value, float) and not math.isfinite(value):
            return path, f"is {value}: not a finite number"
        elif isinstance(value, int) and not isinstance(value, bool) and value not in INT64:
            return path, f"is {value}: an integer beyond 64 bits"
        elif isinstance(value, float) and abs(value) >= 2**63 and _untyped(path) in integers:
            return path, f"is {value:.17g}: the schema says integer, and it is beyond 64 bits"
    return None


def unwritable(record: Any) -> str | None:
    """Why a record cannot be written, naming its id and the JSON pointer; None if it can."""
    found = unloadable(record)
    return None if found is None else _refusal(record, *found)


def refusal(item: Loaded) -> Problem | None:
    """The Problem "unwritable" of a record as read that no consumer could load; None if it
    can be loaded (its own text says so, or the walk of `unwritable`)."""
    if item.raw is not None and loadable_as_read(item):
        return None
    why = unwritable(item.data)
    if why is None:
        return None
    return Problem(item.file, item.line, item.column, "", "unwritable", why, item.record)


def _text_flaw(text: str) -> str | None:
    if "\x00" in text:
        return "contains a NUL character (U+0000)"
    if not text.isascii() and (surrogate := _SURROGATE.search(text)):
        return f"contains a lone surrogate (U+{ord(surrogate.group()):04X}): not UTF-8"
    return None


def _untyped(path: Path_) -> tuple[str, ...]:
    """A path with array indexes as "*", as `_integer_paths` gives them."""
    return tuple("*" if isinstance(part, int) else part for part in path)


@functools.cache
def _integer_paths(version: Any) -> frozenset[tuple[str, ...]]:
    """The paths where the record's schema version (else the latest) says integer."""
    from exporter import registry

    known = registry.versions()
    schema = registry.schema(version if version in known else registry.latest())
    found: set[tuple[str, ...]] = set()
    stack: list[tuple[tuple[str, ...], Any, int]] = [((), schema, 0)]
    while stack:
        path, node, hops = stack.pop()
        if not isinstance(node, dict) or hops > 64:
            continue
        kinds = node.get("type")
        if kinds == "integer" or (isinstance(kinds, list) and "integer" in kinds):
            found.add(path)
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            stack.append((path, schema.get("$defs", {}).get(ref[8:]), hops + 1))
        for key in ("anyOf", "oneOf", "allOf"):
            stack.extend((path, branch, hops + 1) for branch in node.get(key, ()))
        for name, child in node.get("properties", {}).items():
            stack.append(((*path, name), child, hops + 1))
        if "items" in node:
            stack.append(((*path, "*"), node["items"], hops + 1))
    return frozenset(found)


def _suspect_text(record: Any) -> bool:
    """The fast check by the record's JSON text (orjson refuses lone surrogates, and, in
    strict mode, integers beyond 53 bits), and the few paths where the schema says integer."""
    try:
        text = orjson.dumps(record, option=orjson.OPT_STRICT_INTEGER)
    except orjson.JSONEncodeError:
        return True
    if b"\\u0000" in text or b'"@' in text:
        return True
    return _big_float_where_integer(record)


def _big_float_where_integer(record: Any) -> bool:
    """Is a float of 2**63 or more where the record's schema version says integer? True
    also where that is not known from two look-ups (a path through an array or deeper): the
    walk then decides."""
    version = record.get("schema_version") if type(record) is dict else None
    for key, names in _integer_lookups(version):
        value = record.get(key)  # plain look-ups: this runs for every record validated
        if type(value) is float:
            if abs(value) >= _TWO_63 and (names is _INSIDE or names is _DEEPER):
                return True
        elif names is _DEEPER:
            if type(value) in (list, dict) and value:
                return True
        elif names is not _INSIDE and type(value) is dict:
            for name in names:
                found = value.get(name)
                if type(found) is float and abs(found) >= _TWO_63:
                    return True
    return False


_INSIDE: tuple[str, ...] = ("",)  # the integer path is the key itself
_DEEPER: tuple[str, ...] = ("*",)  # the path goes through an array, or deeper than two keys


@functools.cache
def _integer_lookups(version: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The integer paths grouped by their first key: (key, _INSIDE) for the key itself,
    (key, names) for names in the object there, (key, _DEEPER) for anything else."""
    grouped: dict[str, tuple[str, ...]] = {}
    for path in sorted(_integer_paths(version)):
        key, rest = path[0], path[1:]
        before = grouped.get(key)
        if not rest and before is None:
            grouped[key] = _INSIDE
        elif len(rest) == 1 and rest[0] != "*" and before not in (_INSIDE, _DEEPER):
            grouped[key] = (*(before or ()), rest[0])
        else:
            grouped[key] = _DEEPER
    return tuple(grouped.items())


# a bytes.translate table that leaves of a JSON text the starts of numbers: every digit as
# "0", what a value follows (":", ",", "[") as ":", all else a space, and white space and "-"
# deleted; an integer beyond 64 bits (19 digits or more) then shows as ":" and 19 "0"s
_NUMBER_STARTS = bytes(
    48 if 48 <= byte <= 57 else 58 if byte in b":,[" else 32 for byte in range(256)
)
_NOT_IN_NUMBER_STARTS = b" \t\n\r-"
_LONG_INTEGER = b":" + b"0" * 19  # -2**63 - 1 has 19 digits


def loadable_text(record: Any, text: bytes) -> bool:
    """True if `record`, read by a strict JSON reader (no NaN, no Infinity) from `text`,
    is certainly loadable (`unloadable` gives None), judged from the text at C speed: no
    "@" (a key that is a JSON-LD keyword), no backslash (the only way to write a NUL or a
    lone surrogate in valid UTF-8 JSON, or an escaped "@"), no number that starts with 19
    digits (an integer beyond 64 bits, or a float written out that far), and no float of 2**63 or
    more where the schema says integer (written with an exponent: looked up). False means
    "not known": `unloadable` then decides. The readers of NDJSON, es-bulk and our JSON-LD
    layout keep each record's bytes; a JSON-LD record may lose keys, never gain a value."""
    if b"@" in text or b"\\" in text:
        return False
    if _LONG_INTEGER in text.translate(_NUMBER_STARTS, _NOT_IN_NUMBER_STARTS):
        return False
    return not _big_float_where_integer(record)


def loadable_as_read(item: Loaded) -> bool:
    """`loadable_text` of a record as a reader gave it, from the text it keeps (an NDJSON
    line, an array element); False where it keeps none."""
    raw = item.raw
    if type(raw) is str:
        try:
            raw = raw.encode()  # UTF-8: the bytes the text was decoded from
        except UnicodeEncodeError:  # a lone surrogate: not loadable, the walk says where
            return False
    return type(raw) is bytes and loadable_text(item.data, raw)


_TWO_63 = 2.0**63
_INFINITIES = (math.inf, -math.inf)
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


def _suspect(value: Any) -> bool:
    """The fast check (no paths kept): does anything in `value` break the rules?"""
    kind = type(value)
    if kind is str:
        return "\x00" in value or (not value.isascii() and _SURROGATE.search(value) is not None)
    if kind is dict:  # a loop, not any(): this runs for every value of every record
        for key, item in value.items():  # noqa: SIM110
            if key[:1] == "@" or _suspect(key) or _suspect(item):
                return True
        return False
    if kind is list:
        for item in value:  # noqa: SIM110
            if _suspect(item):
                return True
        return False
    if kind is int:
        return value < _INT64_MIN or value > _INT64_MAX
    if kind is float:
        return value != value or value in _INFINITIES or abs(value) >= 2**63
    return False


def _refusal(record: Any, path: Path_, why: str) -> str:
    rid = record.get("id") if isinstance(record, dict) else None
    return f"record {rid or '(no id)'}: {json_pointer(path) or '/'} {why}; not written"


def checked(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The records, raising UnwritableRecord at the first one that cannot be written."""
    for record in records:
        why = unwritable(record)
        if why:
            raise UnwritableRecord(why)
        yield record


BOM = b"\xef\xbb\xbf"  # a UTF-8 byte order mark: some editors start every file with one


def suffix(path: str) -> str:
    """A path's extension as pathlib gives it (PurePosixPath(path).suffix), without building
    a path object: format_of runs once for every file of a folder validated."""
    parts = [part for part in path.split("/") if part and part != "."]
    name = parts[-1] if parts else ""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def format_of(name: str, data: bytes | None = None) -> str:
    """The record format of a file: from its extension, else by its first bytes. The one
    place formats are told apart; `--from` skips it. An es-bulk file is known by its first
    line, an action line, whatever its extension (NDJSON's .ndjson and .jsonl are common)."""
    fmt = EXTENSIONS.get(suffix(name).lower())
    if data is not None:
        data = data.removeprefix(BOM)
    if data is not None and fmt in (None, "ndjson") and _is_bulk_action(data):
        return "es-bulk"
    if fmt:
        return fmt
    if data is not None:
        head = data.lstrip()[:200]
        if head.startswith(b"{") and b"@context" in head:
            return "jsonld"
        if head.startswith((b"{", b"[")):
            return "ndjson" if head.startswith(b"{") and b"\n{" in data[:65536] else "json"
        return "yaml"
    raise InputError(
        f"{name}: cannot tell the format from the extension; use one of "
        f"{', '.join(sorted(EXTENSIONS))}, or name it with --from"
    )


def _is_bulk_action(data: bytes) -> bool:
    """Is the first line an Elasticsearch bulk action ({"index":{...}} or "create")?"""
    first = data.lstrip()[:4096].split(b"\n", 1)[0]
    if not first.startswith(b'{"'):
        return False
    import orjson

    try:
        value = orjson.loads(first)
    except orjson.JSONDecodeError:
        return False
    return (
        isinstance(value, dict)
        and len(value) == 1
        and next(iter(value)) in BULK_ACTIONS
        and isinstance(next(iter(value.values())), dict)
    )


BULK_ACTIONS = ("index", "create")  # the actions that carry a document on the next line


def check_output(out: str | None, fmt: str, index: str | None = None) -> None:
    """Refuse, before a byte is written, an output file whose extension names another
    format than the one written (`--to es-bulk -o x.ndjson`: a consumer would read it as
    that format), and an `index` for a format other than es-bulk."""
    if index is not None and fmt != "es-bulk":
        raise InputError(f"--index names an Elasticsearch index: it goes with es-bulk, not {fmt}")
    if not out or out == "-" or out.endswith("/"):
        return
    from pathlib import Path  # (convert's: validate, which imports this module, needs none)

    named = EXTENSIONS.get(Path(out).suffix.lower())
    if named is None or named == fmt or (named == "json" and fmt == "jsonld"):
        return
    raise InputError(
        f"{out}: the extension {Path(out).suffix} says {named}, but --to is {fmt}; "
        f"name the file {Path(out).stem}{SUFFIX[fmt]}"
    )


def peekable(stream: IO[bytes]) -> IO[bytes]:
    """The stream, able to show its first bytes without consuming them (for sniffing the
    format and skipping a byte order mark)."""
    if hasattr(stream, "peek"):
        return stream
    return io.BufferedReader(stream)  # type: ignore[type-var]


def without_bom(stream: IO[bytes]) -> IO[bytes]:
    """The stream past a leading UTF-8 byte order mark, if it has one."""
    stream = peekable(stream)
    if stream.peek(3)[:3] == BOM:  # type: ignore[attr-defined]
        stream.read(3)
    return stream


def read_records(
    data: bytes | IO[bytes], name: str, fmt: str | None = None, *, chunked: bool = False
) -> Iterator[Loaded | Problem]:
    """Records of one file (bytes or a binary stream), each with its location, and a
    located Problem for each item that is not a readable record (see `limits`); reading goes
    on after a bad item wherever the format allows. `chunked`: NDJSON lines and a JSON
    array's elements come in Chunks where they can (exporter.formats.ndjson.chunks,
    exporter.formats.jsonfile.chunks), for a validator that takes them."""
    stream = without_bom(io.BytesIO(data) if isinstance(data, bytes | bytearray) else data)
    fmt = fmt or format_of(name, stream.peek(65536)[:65536])  # type: ignore[attr-defined]
    reader = codec(fmt)
    if chunked and fmt == "ndjson":
        yield from reader.chunks(stream, name)
        return
    if chunked and fmt == "json":
        for item in reader.chunks(stream, name):
            yield admitted(item) if type(item) is Loaded else item
        return
    if getattr(reader, "ADMITS", False):  # the hot path: no layer between reader and caller
        yield from reader.read(stream, name)
        return
    for item in reader.read(stream, name):
        yield admitted(item) if type(item) is Loaded else item


def write_records(
    records: Iterable[dict[str, Any]],
    out: IO[bytes],
    fmt: str,
    *,
    check: bool = True,
    index: str | None = None,
    base_iri: str | None = None,
) -> int:
    """Write records in a format to a binary stream, as a stream; returns how many were
    written. A record that cannot be written raises UnwritableRecord before a byte of it is
    written; callers that skip such records and go on check `unwritable` themselves first
    and pass check=False. `index` names the Elasticsearch index of es-bulk action lines;
    `base_iri` starts the IRIs of JSON-LD nodes (other formats have none); None is the
    documented default, exporter.formats.jsonld.DEFAULT_BASE_IRI."""
    if fmt not in FORMATS:
        raise InputError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    check_output(None, fmt, index)
    options: dict[str, str] = {"index": index} if index is not None else {}
    if base_iri is not None and fmt == "jsonld":
        options["base_iri"] = base_iri
    return int(codec(fmt).write(checked(records) if check else records, out, **options))
