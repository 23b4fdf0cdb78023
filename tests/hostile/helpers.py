"""What the hostile-input tests share: good records, files that mix them with bad items in
each input format, the commands run in-process (or as a user runs them), and their outputs
parsed by independent parsers (json, PyYAML), never by procex's own readers."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import yaml
from typer.testing import CliRunner

from exporter import registry
from exporter.cli import app
from exporter.formats.yamldoc import encode as yaml_encode

ROOT = Path(__file__).parents[2]
SEED_RECORD = json.loads(
    (ROOT / "fixtures" / "records" / "valid" / "seed-events.ndjson")
    .read_text("utf-8")
    .splitlines()[0]
)
INPUTS = ("ndjson", "json", "jsonld", "yaml")  # the formats a bad item is put in
SUFFIX = {"ndjson": ".ndjson", "json": ".json", "jsonld": ".jsonld", "yaml": ".yaml"}
# every command that reads records, with what it writes: (arguments after the file, format)
COMMANDS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "validate": ((), None),
    "convert-ndjson": (("--to", "ndjson"), "ndjson"),
    "convert-yaml": (("--to", "yaml"), "yaml"),
    "convert-jsonld": (("--to", "jsonld"), "jsonld"),
    "convert-es-bulk": (("--to", "es-bulk"), "es-bulk"),
    "upgrade": (("--to", "latest"), "same"),
}


def record(n: int) -> dict[str, Any]:
    """A valid record, its id made from `n`."""
    return {**SEED_RECORD, "id": f"pe-{n:020x}"}


def rid(n: int) -> str:
    return f"pe-{n:020x}"


def build(fmt: str, items: list[dict[str, Any] | bytes]) -> bytes:
    """A file in `fmt` of records (dicts) and bad items (bytes, in that format's syntax: a
    line, an array element, a YAML document without its `---`)."""
    if fmt == "ndjson":
        return b"".join((orjson.dumps(i) if isinstance(i, dict) else i) + b"\n" for i in items)
    if fmt == "yaml":
        return b"".join(
            yaml_encode(i).encode() if isinstance(i, dict) else b"---\n" + i.rstrip(b"\n") + b"\n"
            for i in items
        )
    elements = b",\n".join(
        orjson.dumps(i, option=orjson.OPT_INDENT_2) if isinstance(i, dict) else i for i in items
    )
    if fmt == "json":
        return b"[\n" + elements + b"\n]\n"
    context = orjson.dumps(registry.context(registry.latest())["@context"])
    return b'{\n"@context": ' + context + b',\n"@graph": [\n' + elements + b"\n]\n}\n"


@dataclass
class Outcome:
    code: int
    out: bytes
    err: str


def run(*args: str, stdin: bytes | None = None) -> Outcome:
    """A command run in-process; it must end by its exit code, never by an exception."""
    result = CliRunner().invoke(app, list(args), input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{args}: {result.exception!r}") from result.exception
    err = result.stderr
    assert "Traceback" not in err and "Traceback" not in result.output
    return Outcome(result.exit_code, result.stdout_bytes, err)


def run_process(*args: str, stdin: bytes | None = None, timeout: float = 60) -> Outcome:
    """A command run as a user runs it: its own process."""
    done = subprocess.run(
        [sys.executable, "-m", "exporter", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=timeout,
    )
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return Outcome(done.returncode, done.stdout, err)


def ids_out(fmt: str, data: bytes) -> list[str]:
    """The ids of the records in an output, parsed strictly by json or PyYAML; it fails if
    the output does not parse (an unterminated JSON-LD, a half record)."""
    if fmt == "ndjson":
        return [json.loads(line)["id"] for line in data.decode("utf-8").splitlines()]
    if fmt == "es-bulk":
        lines = [json.loads(line) for line in data.decode("utf-8").splitlines()]
        actions, records = lines[0::2], lines[1::2]
        assert [a["index"]["_id"] for a in actions] == [r["id"] for r in records]
        return [r["id"] for r in records]
    if fmt == "yaml":
        return [doc["id"] for doc in yaml.safe_load_all(data.decode("utf-8"))]
    if fmt == "jsonld":
        return [node["id"] for node in json.loads(data)["@graph"]] if data else []
    if fmt == "json":
        value = json.loads(data) if data else []
        return [r["id"] for r in (value if isinstance(value, list) else [value])]
    raise ValueError(fmt)


def check_command(
    command: str,
    path: Path,
    fmt: str,
    good: list[str],
    code: int,
    process: bool = False,
    read: int | None = None,
) -> Outcome:
    """Run one command on a file: the exit code as expected, no traceback, every good record
    still out (in order) and the output parseable; validate must have read `read` records
    (by default the good ones)."""
    extra, out_fmt = COMMANDS[command]
    name = command.split("-")[0]
    runner = run_process if process else run
    if name == "validate":
        outcome = runner("validate", "--format", "json", str(path))
        assert outcome.code == code, outcome
        report = json.loads(outcome.out)
        assert report["stats"]["records"] == (len(good) if read is None else read), report
        return outcome
    outcome = runner(name, str(path), *extra)
    assert outcome.code == code, outcome.err
    assert ids_out(fmt if out_fmt == "same" else out_fmt, outcome.out) == good, outcome.err
    return outcome
