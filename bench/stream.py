"""Benchmark: peak memory and speed of the record readers and writers, with the floor beside.

Generates NDJSON inputs of 10 MB, 100 MB and 1 GB (valid records, in a temporary folder that
is deleted afterwards) and, for each, runs in a separate process `procex convert --to
ndjson|yaml|jsonld|es-bulk` and `procex validate`, and the floor: the same lines parsed and
dumped with orjson alone. Prints records/s and peak RSS per run; streaming means the peak
RSS stays flat as the input grows.

    python bench/stream.py [--max-size 100]    # stop at 100 MB for a quick run

Peak RSS is the child's own (os.wait4 gives each child's rusage; RUSAGE_CHILDREN alone
would be the largest of all children so far).
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
SIZES_MB = (10, 100, 1000)

FLOOR = """
import sys, orjson
loads, dumps = orjson.loads, orjson.dumps
with open(sys.argv[1], "rb") as src, open(sys.argv[2], "wb") as out:
    for line in src:
        out.write(dumps(loads(line)) + b"\\n")
"""


def generate(path: Path, size_mb: int) -> int:
    """Valid records with distinct ids up to `size_mb` megabytes; returns how many."""
    base = [orjson.loads(line) for line in SEED.read_bytes().splitlines()]
    templates = []
    for record in base:
        line = orjson.dumps({**record, "id": "pe-@@@@@@@@@@@@@@@@@@@@"}) + b"\n"
        templates.append(line.split(b"@@@@@@@@@@@@@@@@@@@@"))
    target, written, count = size_mb * 1_000_000, 0, 0
    with path.open("wb") as out:
        while written < target:
            chunk = []
            for _ in range(1000):
                head, tail = templates[count % len(templates)]
                chunk.append(head + b"%020x" % count + tail)
                count += 1
            data = b"".join(chunk)
            out.write(data)
            written += len(data)
    return count


def measure(argv: list[str]) -> tuple[float, int, int]:
    """Seconds, peak RSS in bytes, and exit status of one run of `argv`."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.stderr is not None:
        proc.stderr.close()
    return seconds, usage.ru_maxrss * 1024, proc.returncode


def runs(path: Path) -> list[tuple[str, list[str]]]:
    procex = [sys.executable, "-m", "exporter"]
    out = [
        (f"convert --to {fmt}", [*procex, "convert", str(path), "--to", fmt])
        for fmt in ("ndjson", "yaml", "jsonld", "es-bulk")
    ]
    no_check = [*procex, "convert", str(path), "--to", "ndjson", "--no-validate"]
    out.append(("convert, --no-validate", no_check))
    out.append(("validate", [*procex, "validate", str(path)]))
    out.append(("floor: orjson only", [sys.executable, "-c", FLOOR, str(path), os.devnull]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-size", type=int, default=1000, help="largest input, in MB")
    args = parser.parse_args()
    sizes = [s for s in SIZES_MB if s <= args.max_size]
    print(
        f"{'input':>8}  {'records':>9}  {'run':<22}{'seconds':>8}  {'records/s':>10}  "
        f"{'peak RSS':>9}"
    )
    with tempfile.TemporaryDirectory(prefix="procex-bench-") as tmp:
        for size in sizes:
            path = Path(tmp) / f"records-{size}mb.ndjson"
            count = generate(path, size)
            for name, argv in runs(path):
                seconds, peak, code = measure(argv)
                note = "" if code == 0 else f"  (exit {code})"
                print(
                    f"{size:>6}MB  {count:>9}  {name:<22}{seconds:>8.2f}  "
                    f"{count / seconds:>10,.0f}  {peak / 2**20:>7.1f}MB{note}",
                    flush=True,
                )
            path.unlink()


if __name__ == "__main__":
    main()
