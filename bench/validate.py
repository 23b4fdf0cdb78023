"""Benchmark: `procex validate` beside its floor and the validators people would use instead.

In one run, on one core: builds the inputs in a temporary folder (N records as NDJSON, the
same records as 1,000 one-record JSON files and as one JSON array file), then times, best of
3 each, and prints side by side:

- the floor: parsing the NDJSON lines with orjson and nothing else;
- python-jsonschema: Draft202012Validator.is_valid per record (format "date" checked, as
  procex checks it), on the first records of the same set (it is slow);
- jsonschema-rs alone: is_valid per parsed record, then parse + is_valid streaming;
- `procex validate` as a user runs it (a subprocess, start-up included) on the NDJSON file,
  on the 1,000 files and on the array file, with its peak RSS;
- `check-jsonschema --schemafile schemas/procurement-event/1.1.0/schema.json` on the 1,000
  files and on the array file (through a schema that applies the record schema to every
  item), if it is installed; otherwise it says so and goes on.

First, issue 13's rows: procex validate and convert as whole processes beside the orjson
floor (parse alone; parse + dump) and jsonschema-rs streaming, ratios first.

    python bench/validate.py [--records 200000] [--array 10000] [--floor-only]
                             [--check-jsonschema PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import orjson
from processes import run_once

ROOT = Path(__file__).parents[1]
SCHEMA = ROOT / "schemas" / "procurement-event" / "1.1.0" / "schema.json"
SEED = ROOT / "fixtures" / "records" / "valid" / "seed-events.ndjson"
RUNS = 3


def make_records(count: int) -> list[dict[str, Any]]:
    """`count` records valid under 1.1.0: the seed's records over and over, ids distinct and
    made as the normalizer makes them (20 hex digits of a hash)."""
    seed = [orjson.loads(line) for line in SEED.read_bytes().splitlines() if line.strip()]
    return [
        dict(seed[i % len(seed)], id=f"pe-{_digest(i)}", schema_version="1.1.0")
        for i in range(count)
    ]


def _digest(number: int) -> str:
    return hashlib.blake2b(number.to_bytes(8, "little"), digest_size=10).hexdigest()


def build_inputs(folder: Path, records: list[dict[str, Any]], files: int, array: int) -> None:
    (folder / "big.ndjson").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    many = folder / "many"
    many.mkdir()
    for i, record in enumerate(records[:files]):
        (many / f"r{i:04d}.json").write_bytes(orjson.dumps(record, option=orjson.OPT_INDENT_2))
    (folder / "array.json").write_bytes(orjson.dumps(records[:array], option=orjson.OPT_INDENT_2))
    (folder / "array-records.ndjson").write_bytes(
        b"".join(orjson.dumps(r) + b"\n" for r in records[:array])
    )
    # check-jsonschema validates a file as one instance: an array of records needs a schema
    # that applies the record schema (embedded, with its own $id) to every item
    wrapper = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "array",
        "items": json.loads(SCHEMA.read_text("utf-8")),
    }
    (folder / "array-schema.json").write_text(json.dumps(wrapper), "utf-8")


def best_of(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def run_child(command: Sequence[str]) -> tuple[float, int]:
    """Wall seconds (best of 3) and peak RSS in KiB of a command that must exit 0."""
    runs = [run_once(list(command)) for _ in range(RUNS)]
    return min(t for t, _ in runs), max(rss for _, rss in runs) // 1024


def parse_stream(path: Path, is_valid: Callable[[Any], bool] | None) -> None:
    """Read NDJSON line by line and parse each record; check it too if `is_valid` is given."""
    with path.open("rb") as stream:
        for line in stream:
            record = orjson.loads(line)
            if is_valid is not None and not is_valid(record):
                raise AssertionError("a benchmark record is not valid")


def rate_on_parsed(path: Path, is_valid: Callable[[Any], bool], count: int) -> float:
    """Records/s of `is_valid` alone over the first `count` records, parsed beforehand."""
    with path.open("rb") as stream:
        records = [orjson.loads(line) for line, _ in zip(stream, range(count), strict=False)]
    return len(records) / best_of(lambda: all(is_valid(r) for r in records))


def procex_command() -> list[str]:
    found = shutil.which("procex")
    return [found] if found else [sys.executable, "-m", "exporter"]


def pin_to_one_core() -> str:
    """Run this process and its children on one core, as the target says ("one core")."""
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core} of {os.cpu_count()}"
    return f"not pinned ({os.cpu_count()} cores)"


# the floor and the peer, each as a whole process like procex: python -c SCRIPT FILE [SCHEMA]
PARSE_ALONE = """
import sys, orjson
for line in open(sys.argv[1], "rb"):
    orjson.loads(line)
"""
PARSE_AND_DUMP = """
import sys, orjson
write = sys.stdout.buffer.write
for line in open(sys.argv[1], "rb"):
    write(orjson.dumps(orjson.loads(line), option=orjson.OPT_APPEND_NEWLINE))
"""
RS_STREAMING = """
import sys, json, orjson, jsonschema_rs
is_valid = jsonschema_rs.validator_for(json.load(open(sys.argv[2])), validate_formats=True).is_valid
for line in open(sys.argv[1], "rb"):
    if not is_valid(orjson.loads(line)):
        raise SystemExit(1)
"""


def versions() -> str:
    from importlib.metadata import version

    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    names = ("orjson", "jsonschema-rs", "jsonschema")
    return f"procex {commit or '?'}, " + ", ".join(f"{name} {version(name)}" for name in names)


def floor_rows(folder: Path, records: int, array: int) -> None:
    """Issue 13's rows: procex beside the orjson floor (and jsonschema-rs streaming, the
    peer) as whole processes in this run; ratios first (floor time / procex time, so 1.0
    would be procex at the floor's pace)."""
    procex, python = procex_command(), sys.executable
    ndjson, small = folder / "big.ndjson", folder / "array-records.ndjson"
    floor, _ = run_child([python, "-c", PARSE_ALONE, str(ndjson)])
    peer, peer_rss = run_child([python, "-c", RS_STREAMING, str(ndjson), str(SCHEMA)])
    ours, ours_rss = run_child([*procex, "validate", str(ndjson)])
    dump_floor, _ = run_child([python, "-c", PARSE_AND_DUMP, str(ndjson)])
    converted, convert_rss = run_child([*procex, "convert", str(ndjson), "--to", "ndjson"])
    as_array, array_rss = run_child([*procex, "validate", str(folder / "array.json")])
    as_lines, lines_rss = run_child([*procex, "validate", str(small)])
    print(f"\n{'ratio':>6s}  {'work':40s}{'procex':>30s}   floor / peer")
    rows = (
        (
            floor / ours,
            f"validate {records:,} NDJSON records",
            f"{ours:.2f} s, {records / ours / 1000:.0f}k rec/s, {ours_rss / 1024:.0f} MiB",
            f"orjson parse alone {floor:.2f} s; jsonschema-rs streaming {peer:.2f} s "
            f"({floor / peer:.2f} of floor), {peer_rss / 1024:.0f} MiB",
        ),
        (
            as_lines / as_array,
            f"validate one {array:,}-record JSON array",
            f"{as_array:.3f} s, {array / as_array / 1000:.1f}k rec/s, {array_rss / 1024:.0f} MiB",
            f"the same records as NDJSON: procex {as_lines:.3f} s, {lines_rss / 1024:.0f} MiB",
        ),
        (
            dump_floor / converted,
            f"convert {records:,} NDJSON -> NDJSON",
            f"{converted:.2f} s, {records / converted / 1000:.0f}k rec/s, "
            f"{convert_rss / 1024:.0f} MiB",
            f"orjson parse + dump {dump_floor:.2f} s",
        ),
    )
    for ratio, work, figures, against in rows:
        print(f"{ratio:6.2f}  {work:40s}{figures:>30s}   {against}")
    print("targets: validate >= 0.60, array >= 0.67 (within 1.5x), convert >= 0.60")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000, help="records in the NDJSON")
    parser.add_argument("--files", type=int, default=1_000, help="one-record JSON files")
    parser.add_argument("--array", type=int, default=10_000, help="records in the array file")
    parser.add_argument("--slow", type=int, default=3_000, help="records for python-jsonschema")
    parser.add_argument("--check-jsonschema", default=shutil.which("check-jsonschema"))
    parser.add_argument(
        "--floor-only", action="store_true", help="only the rows against the floor (issue 13)"
    )
    args = parser.parse_args()
    where = pin_to_one_core()
    print(f"python {sys.version.split()[0]}, {versions()}, {where}, best of {RUNS}")

    records = make_records(args.records)
    schema = json.loads(SCHEMA.read_text("utf-8"))
    fast = jsonschema_rs.validator_for(schema, validate_formats=True)
    slow = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.FormatChecker(formats=["date"])
    )
    with tempfile.TemporaryDirectory(prefix="procex-bench-") as tmp:
        folder = Path(tmp)
        build_inputs(folder, records, args.files, args.array)
        ndjson = folder / "big.ndjson"
        size = ndjson.stat().st_size / 1e6
        print(
            f"inputs: {args.records:,} records as NDJSON ({size:.0f} MB), {args.files:,} "
            f"one-record files, an array of {args.array:,} records"
        )
        del records
        floor_rows(folder, args.records, args.array)
        if args.floor_only:
            return

        n = args.records
        floor = n / best_of(lambda: parse_stream(ndjson, None))
        rs_stream = n / best_of(lambda: parse_stream(ndjson, fast.is_valid))
        rs_alone = rate_on_parsed(ndjson, fast.is_valid, n)
        py_rate = rate_on_parsed(ndjson, slow.is_valid, args.slow)

        procex = procex_command()
        big_s, big_rss = run_child([*procex, "validate", str(ndjson)])
        many_s, many_rss = run_child([*procex, "validate", str(folder / "many")])
        array_s, _ = run_child([*procex, "validate", str(folder / "array.json")])
        ours = n / big_s

        print(f"NDJSON, {n:,} records{'records/s':>31s}  {'x procex':>9s}")
        for label, value in (
            ("orjson parse alone (the floor)", floor),
            ("python-jsonschema is_valid, parsed records", py_rate),
            ("jsonschema-rs is_valid, parsed records", rs_alone),
            ("orjson + jsonschema-rs, streaming", rs_stream),
            ("procex validate (CLI, whole run)", ours),
        ):
            print(f"  {label:44s}{value:>12,.0f}  {value / ours:8.3f}x")
        print(f"  procex: {big_s:.2f} s, peak RSS {big_rss / 1024:.0f} MiB")

        rows = [
            (f"{args.files:,} one-record files", many_s, folder / "many", SCHEMA),
            (
                f"one array of {args.array:,} records",
                array_s,
                folder / "array.json",
                folder / "array-schema.json",
            ),
        ]
        cj = args.check_jsonschema
        installed = bool(cj) and Path(cj).exists()
        print(f"\n{'one run over':34s}{'procex':>10s}  {'check-jsonschema':>16s}  {'ratio':>6s}")
        for label, seconds, target, schema_file in rows:
            if not installed:
                print(f"  {label:32s}{seconds:8.3f} s  {'not installed':>16s}")
                continue
            paths = sorted(map(str, target.iterdir())) if target.is_dir() else [str(target)]
            theirs, _ = run_child([cj, "--schemafile", str(schema_file), *paths])
            print(f"  {label:32s}{seconds:8.3f} s  {theirs:14.3f} s  {theirs / seconds:5.1f}x")
            if not target.is_dir():
                print(
                    f"  {'  records/s':32s}{args.array / seconds:10,.0f}  "
                    f"{args.array / theirs:16,.0f}"
                )
        if not installed:
            print("check-jsonschema: not installed (pip install check-jsonschema); went on")
        print(
            f"\npeak RSS of procex: {big_rss / 1024:.0f} MiB (NDJSON), "
            f"{many_rss / 1024:.0f} MiB (files)"
        )


if __name__ == "__main__":
    main()
