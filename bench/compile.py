"""Benchmark: `procex compile` on synthetic event records, one core, with its peak memory.

Generates NDJSON event records (schema 1.1.0, valid) for a number of deals: each deal has a
dozen events (negotiation to deployment, some planned, a denial now and then), each event
reported by several sources with dates of differing precision, so compile merges, reconciles
and states conflicts as it does on real input. Then runs, each in its own process pinned to
one core, `procex compile FILE -o OUT` (reading, validating, compiling, writing) and the
floor beside it: the same lines parsed with orjson alone. Prints records/s and peak RSS.

    python bench/compile.py                      # 100,000 and 1,000,000 records
    python bench/compile.py --records 100000     # one size

Memory is bounded by the spool (exporter/deals/spool.py): observations wait in buckets on
disk, one bucket is compiled at a time, so the peak does not grow with the number of events.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).parents[1]
SEED = ROOT / "fixtures" / "records" / "valid" / "seed-events.ndjson"
EVENTS_PER_DEAL = 12
SOURCES = 40

FLOOR = """
import sys, orjson
loads = orjson.loads
with open(sys.argv[1], "rb") as src:
    for line in src:
        loads(line)
"""

# (event type, status, months after the deal's start) of one deal's events
LIFE = [
    ("negotiation", "reported", 0),
    ("negotiation", "ongoing", 5),
    ("agreement", "reported", 9),
    ("payment", "reported", 10),
    ("production", "reported", 14),
    ("delivery", "reported", 20),
    ("delivery", "reported", 26),
    ("delivery", "planned", 32),
    ("deployment", "planned", 36),
    ("agreement", "negated", 0),
    ("production", "planned", 40),
    ("cancellation", "planned", 48),
]


def _date(year: int, month: int, precision: int) -> dict | None:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    if precision == 0:
        return {
            "value": f"{year}-{month:02d}-{1 + (year * 7 + month) % 28:02d}",
            "precision": "day",
            "text": "on Friday",
        }
    if precision == 1:
        return {"value": f"{year}-{month:02d}", "precision": "month", "text": "in May"}
    return {"value": f"{year}", "precision": "year", "text": "this year"}


def generate(path: Path, records: int) -> int:
    """`records` valid event records of records // 100 deals; returns how many deals."""
    template = orjson.loads(SEED.read_bytes().splitlines()[0])
    template["actors"] = []
    deals = max(records // 100, 1)
    with path.open("wb") as out:
        chunk = []
        for n in range(records):
            deal = (n * 7919) % deals  # the reports of a deal arrive spread over the file
            kind, status, months = LIFE[(n // deals) % EVENTS_PER_DEAL]
            source = (n * 31 + deal) % SOURCES
            year = 2000 + deal % 20
            date = None if status in ("negated",) else _date(year, 1 + months, source % 3)
            if status == "planned" and source % 4 == 0:
                date = None
            # one source in eleven gives the agreement a quantity that the others do not
            quantity = {"value": 12 if source % 11 else 14, "unit": "aircraft"}
            published = f"{year + 4}-{1 + source % 12:02d}-{1 + source % 28:02d}"
            record = {
                **template,
                "id": f"pe-{n:020x}",
                "deal_id": f"TUR-RUS-S-400-D{deal}",
                "event_type": kind,
                "status": status,
                "date": date,
                "quantity": quantity if kind == "agreement" and status == "reported" else None,
                "source": {
                    **template["source"],
                    "id": f"{source:016x}",
                    "publisher": f"Wire {source}",
                    "published": published,
                },
                "evidence": {
                    "text": f"Report {n} of an event of deal {deal}.",
                    "start": 0,
                    "end": 40,
                },
            }
            chunk.append(orjson.dumps(record))
            if len(chunk) == 10_000:
                out.write(b"\n".join(chunk) + b"\n")
                chunk = []
        if chunk:
            out.write(b"\n".join(chunk) + b"\n")
    return deals


def measure(argv: list[str]) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds (user + system: what a shared machine does not inflate),
    peak RSS in bytes and exit status of one run, pinned to one core."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        preexec_fn=lambda: os.sched_setaffinity(0, {0}),
    )
    _, status, usage = os.wait4(proc.pid, 0)
    cpu = usage.ru_utime + usage.ru_stime
    wall = time.perf_counter() - start
    return wall, cpu, usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, action="append", help="records (repeatable)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the best is kept")
    args = parser.parse_args()
    sizes = args.records or [100_000, 1_000_000]
    print(f"python {sys.version.split()[0]}, one core, best of {args.repeat}")
    head = f"{'records':>10}  {'deals':>7}  {'run':<22}{'wall s':>8}{'CPU s':>8}  {'records/s':>10}"
    print(f"{head}  {'peak RSS':>9}")
    with tempfile.TemporaryDirectory(prefix="procex-bench-compile-") as tmp:
        for size in sizes:
            events, deals_out = Path(tmp) / f"events-{size}.ndjson", Path(tmp) / "deals.ndjson"
            deals = generate(events, size)
            runs = [
                (
                    "procex compile",
                    [
                        sys.executable,
                        "-m",
                        "exporter",
                        "compile",
                        str(events),
                        "-o",
                        str(deals_out),
                    ],
                ),
                ("floor: orjson parse", [sys.executable, "-c", FLOOR, str(events)]),
            ]
            for name, argv in runs:
                wall, cpu, peak, code = min(measure(argv) for _ in range(args.repeat))
                note = "" if code == 0 else f"  (exit {code})"
                line = f"{size:>10,}  {deals:>7,}  {name:<22}{wall:>8.1f}{cpu:>8.1f}"
                line += f"  {size / cpu:>10,.0f}"
                print(f"{line}  {peak / 2**20:>7.1f}MB{note}", flush=True)
            if deals_out.exists():
                compiled = deals_out.read_bytes().count(b"\n")
                megabytes = deals_out.stat().st_size / 1e6
                print(f"{'':>21}{compiled:,} deal records, {megabytes:,.0f} MB", flush=True)
            events.unlink()


if __name__ == "__main__":
    main()
