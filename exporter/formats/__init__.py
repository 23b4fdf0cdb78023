"""Record formats: one module per format, each with `read` and `write`.

A format's reading and writing rules live side by side because they must agree: what one
writes the other reads back unchanged (a hypothesis test holds them to it).
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

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


def unwritable(record: Any) -> str | None:
    """Why a record cannot be written, naming its id and the JSON pointer; None if it can.

    The rules every format shares: numbers finite (orjson would turn NaN into null, and JSON
    has no Infinity), no NUL character (PostgreSQL's jsonb and text refuse `\\u0000`), no key
    starting with `@` (a JSON-LD keyword: it would change what the record means as RDF).
    """
    if not _suspect(record):
        return None
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), record)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if "\x00" in value:
                return _refusal(record, path, "contains a NUL character (U+0000)")
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and (key.startswith("@") or "\x00" in key):
                    return _refusal(record, (*path, key), "is a key no consumer can take")
                stack.append(((*path, key), item))
        elif isinstance(value, list):
            stack.extend(((*path, i), item) for i, item in enumerate(value))
        elif isinstance(value, float) and not math.isfinite(value):
            return _refusal(record, path, f"is {value}: not a finite number")
    return None


_INFINITIES = (math.inf, -math.inf)


def _suspect(value: Any) -> bool:
    """The fast check (no paths kept): does anything in `value` break the rules?"""
    kind = type(value)
    if kind is str:
        return "\x00" in value
    if kind is dict:  # a loop, not any(): this runs for every value of every record
        for key, item in value.items():  # noqa: SIM110
            if key[:1] == "@" or "\x00" in key or _suspect(item):
                return True
        return False
    if kind is list:
        for item in value:  # noqa: SIM110
            if _suspect(item):
                return True
        return False
    if kind is float:
        return value != value or value in _INFINITIES
    return False


def _refusal(record: Any, path: tuple[str | int, ...], why: str) -> str:
    rid = record.get("id") if isinstance(record, dict) else None
    return f"record {rid or '(no id)'}: {json_pointer(path) or '/'} {why}; not written"


def checked(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The records, raising UnwritableRecord at the first one that cannot be written."""
    for record in records:
        why = unwritable(record)
        if why:
            raise UnwritableRecord(why)
        yield record


def format_of(name: str, data: bytes | None = None) -> str:
    """The record format of a file: from its extension, else by its first bytes. The one
    place formats are told apart; `--from` skips it. An es-bulk file is known by its first
    line, an action line, whatever its extension (NDJSON's .ndjson and .jsonl are common)."""
    fmt = EXTENSIONS.get(Path(name).suffix.lower())
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
    named = EXTENSIONS.get(Path(out).suffix.lower())
    if named is None or named == fmt or (named == "json" and fmt == "jsonld"):
        return
    raise InputError(
        f"{out}: the extension {Path(out).suffix} says {named}, but --to is {fmt}; "
        f"name the file {Path(out).stem}{SUFFIX[fmt]}"
    )


def read_records(data: IO[bytes], name: str, fmt: str | None = None) -> Iterator[Loaded | Problem]:
    """Records of one binary stream, each with its location, and a Problem for each part that
    is not readable; reading goes on after a bad part wherever the format allows. Without
    `fmt` the format comes from `name`'s extension (the stream is not sniffed here)."""
    yield from codec(fmt or format_of(name)).read(data, name)


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
