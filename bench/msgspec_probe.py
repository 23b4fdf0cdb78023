"""Probe: would msgspec Structs generated from the schema bring `procex validate` near the floor?

Issue 13 asks validate at >= 0.6 of the orjson parse floor. The candidate: decode each NDJSON
line straight into msgspec Structs generated from the closed schema (bench/msgspec_structs.py),
which parses and validates in one call. This measures, in one process, on the same lines held
in memory (CPU time, runs interleaved, best of 5; ratio = floor time / row time):

- the floor: orjson.loads per line; msgspec's own untyped decode beside it;
- Structs with types, enums, required and closed objects only (no pattern, no format): a lower
  bound, not a validator;
- Structs with every constraint (patterns and format "date" as msgspec.Meta patterns): what
  the fast path would run per line, then the same with 1,000 lines decoded per call (no
  Python at all per line);
- orjson + jsonschema-rs is_valid: today's fast verdict;
- procex today: the NDJSON reader and validate_records (schema and every check), then the
  same with the schema verdict free (the acceptor says yes without looking), with no check
  either, with one check at a time, and the reader alone: what is left for procex once
  validation costs nothing.

    pip install msgspec && python bench/msgspec_probe.py [--records 50000] [--version 1.1.0]
                                                         [--exactness 400]
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from contextlib import nullcontext
from importlib.metadata import version as installed
from pathlib import Path
from unittest import mock

import orjson

try:
    import msgspec
except ImportError:
    raise SystemExit("msgspec is not installed (pip install msgspec): nothing to probe") from None

from msgspec_structs import record_type
from validate import make_records, pin_to_one_core

import exporter.validate as checked
from exporter.formats import ndjson
from exporter.validate import validate_records
from exporter.validate.checks import CHECKS
from exporter.validate.schema import fast_validator

ROOT = Path(__file__).parents[1]
RUNS, BATCH = 5, 1_000


def accept_all(record: object) -> bool:  # stands in for the acceptor
    return True


def rows(lines: list[bytes], version: str) -> dict[str, Callable[[], object]]:
    """Each candidate as a function over all `lines` (results dropped as they come: keeping
    them would time the garbage collector)."""
    untyped = msgspec.json.Decoder().decode
    unpatterned = msgspec.json.Decoder(record_type(version, patterns=False)).decode
    full = msgspec.json.Decoder(record_type(version)).decode
    batched = msgspec.json.Decoder(list[record_type(version)]).decode  # type: ignore[misc]
    batches = [b"[" + b",".join(lines[i : i + BATCH]) + b"]" for i in range(0, len(lines), BATCH)]
    is_valid, loads = fast_validator(version).is_valid, orjson.loads
    data = b"".join(lines)

    def each(function: Callable[[bytes], object], items: list[bytes]) -> Callable[[], object]:
        def run() -> None:
            for item in items:
                function(item)

        return run

    def procex(skip: tuple[str, ...] = (), free_schema: bool = False) -> Callable[[], object]:
        def run() -> None:
            with (
                mock.patch.object(checked, "acceptor", lambda _: accept_all)
                if free_schema
                else nullcontext()
            ):
                found = validate_records(ndjson.read(io.BytesIO(data), "probe.ndjson"), skip=skip)
                for problem in found:
                    raise AssertionError(f"a probe record is not valid: {problem}")

        return run

    def reader() -> None:
        for _ in ndjson.read(io.BytesIO(data), "probe.ndjson"):
            pass

    return {
        "orjson.loads (the floor)": each(loads, lines),
        "msgspec decode, untyped": each(untyped, lines),
        "Structs, no pattern/format (bound)": each(unpatterned, lines),
        "Structs, every constraint": each(full, lines),
        f"Structs, every constraint, {BATCH:,}/call": each(batched, batches),
        "orjson + jsonschema-rs is_valid": each(lambda line: is_valid(loads(line)), lines),
        "procex: ndjson.read + validate_records": procex(),
        "  the same, schema verdict free (no is_valid)": procex(free_schema=True),
        "  the same, no check either": procex(tuple(CHECKS), free_schema=True),
        **{
            f"    and only {name}": procex(tuple(set(CHECKS) - {name}), free_schema=True)
            for name in CHECKS
        },
        "  ndjson.read alone": reader,
    }


def exactness(examples: int) -> None:
    """The Structs' verdict beside jsonschema's on generated records (valid, and with one
    value spoiled or dropped: the strategies of the fast-path tests): a line the Structs
    accept must be valid; prints how often each case came up."""
    sys.path.insert(0, str(ROOT))
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from exporter import registry
    from exporter.validate.schema import detailed_validator
    from tests.strategies import records
    from tests.unit.test_validate_fast_path import mutated

    seen = {"valid, accepted": 0, "valid, refused": 0, "invalid, refused": 0}

    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def compare(data: st.DataObject) -> None:
        version = data.draw(st.sampled_from(registry.versions()))
        base = data.draw(records(version=version))
        record = data.draw(st.one_of(st.just(base), mutated(base)))
        valid = detailed_validator(version).is_valid(record)
        valid = valid and fast_validator(version).is_valid(record)
        try:
            msgspec.json.decode(orjson.dumps(record), type=record_type(version))
            accepted = True
        except msgspec.ValidationError:
            accepted = False
        assert valid or not accepted, f"accepted, yet invalid under {version}: {record}"
        seen[f"{'valid' if valid else 'invalid'}, {'accepted' if accepted else 'refused'}"] += 1

    compare()
    print("exactness:", ", ".join(f"{case} {count}" for case, count in seen.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--version", default="1.1.0", help="schema version of the records")
    parser.add_argument(
        "--exactness", type=int, default=0, help="first compare verdicts on N generated records"
    )
    args = parser.parse_args()
    if args.exactness:
        exactness(args.exactness)
    where = pin_to_one_core()
    names = ("msgspec", "orjson", "jsonschema-rs")
    print(
        f"python {sys.version.split()[0]}, "
        + ", ".join(f"{name} {installed(name)}" for name in names)
        + f", {where}, CPU time, best of {RUNS} interleaved"
    )
    records = [dict(r, schema_version=args.version) for r in make_records(args.records)]
    lines = [orjson.dumps(record) + b"\n" for record in records]
    full = msgspec.json.Decoder(record_type(args.version)).decode
    for line in lines:  # the figures mean something only if every line passes every row
        full(line)
    candidates = rows(lines, args.version)
    best = dict.fromkeys(candidates, float("inf"))
    for _ in range(RUNS):
        for name, run in candidates.items():
            start = time.process_time()
            run()
            best[name] = min(best[name], time.process_time() - start)
    floor = best["orjson.loads (the floor)"]
    print(f"{args.records:,} records of {args.version}, {len(b''.join(lines)) / 1e6:.0f} MB")
    print(f"{'ratio':>6s}  {'':46s}{'us/record':>10s}")
    for name, seconds in best.items():
        print(f"{floor / seconds:6.2f}  {name:46s}{seconds * 1e6 / args.records:10.2f}")


if __name__ == "__main__":
    main()
