"""Benchmark: validate and upgrade stay linear in input size, with bounded memory.

Builds, in a temporary folder, the same N records (the seed's, ids distinct, schema 1.0.0 so
that upgrade has work to do) as NDJSON, as an indented JSON array, as JSON-LD in procex's
own layout and as indented JSON-LD (read as a stream of `@graph` elements), and as a JSON
array whose every record is invalid (each one located: the case that was quadratic). Each
command runs as a user runs it, one subprocess per figure (start-up included), and prints
seconds, microseconds per record, the ratio of time per record to the smallest size's
(about 1.0 everywhere when time is linear) and the peak RSS of the run.

    python bench/hostile.py [--sizes 1000,4000,16000] [--src DIR]

`--src DIR` runs the `exporter` package found in DIR instead (an older checkout, for a
before-and-after comparison; `git archive REV exporter schemas | tar -x -C DIR`).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).parents[1]
SEED = ROOT / "fixtures" / "records" / "valid" / "seed-events.ndjson"
# one child process per figure: its peak RSS is the one getrusage reports for children
MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)"
    ".returncode\n"
    "took = time.perf_counter() - start\n"
    "print(took, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n"
)


def make_records(count: int) -> list[dict[str, Any]]:
    seed = [orjson.loads(line) for line in SEED.read_bytes().splitlines() if line.strip()]
    for record in seed:  # as 1.0.0 had them: without the fields 1.1.0 added
        record["system"].pop("maker", None)
        record["source"].pop("published_inferred", None)
    return [
        dict(seed[i % len(seed)], id=f"pe-{i:020x}", schema_version="1.0.0") for i in range(count)
    ]


def jsonld(records: list[dict[str, Any]], pretty: bool) -> bytes:
    sys.path.insert(0, str(ROOT))
    from exporter.formats import write_records

    path = Path(tempfile.mktemp(suffix=".jsonld"))
    with path.open("wb") as out:
        write_records(records, out, "jsonld")
    data = path.read_bytes()
    path.unlink()
    if pretty:
        data = orjson.dumps(orjson.loads(data), option=orjson.OPT_INDENT_2)
    return data


def inputs(folder: Path, count: int) -> dict[str, Path]:
    records = make_records(count)
    # one record in ten without its buyer: each one located, the case that was quadratic
    mixed = [{k: v for k, v in r.items() if k != "buyer" or i % 10} for i, r in enumerate(records)]
    files = {
        "ndjson": ("r.ndjson", b"".join(orjson.dumps(r) + b"\n" for r in records)),
        "json array": ("r.json", orjson.dumps(records, option=orjson.OPT_INDENT_2)),
        "jsonld, own layout": ("r.jsonld", jsonld(records, pretty=False)),
        "jsonld, indented": ("p.jsonld", jsonld(records, pretty=True)),
        "json array, 10% invalid": ("bad.json", orjson.dumps(mixed, option=orjson.OPT_INDENT_2)),
    }
    paths = {}
    for label, (name, data) in files.items():
        path = folder / f"{count}-{name}"
        path.write_bytes(data)
        paths[label] = path
    return paths


def measure(args: list[str], src: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one run of procex."""
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, sys.executable, "-m", "exporter", *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=src,
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000,16000")
    parser.add_argument("--src", type=Path, default=ROOT)
    options = parser.parse_args()
    sizes = [int(n) for n in options.sizes.split(",")]
    print(f"python {sys.version.split()[0]}, procex from {options.src}, one run each")
    with tempfile.TemporaryDirectory() as tmp:
        made = {n: inputs(Path(tmp), n) for n in sizes}
        cases = [
            (command, label)
            for command in ("validate", "upgrade")
            for label in made[sizes[0]]
            if not (command == "upgrade" and label.endswith("invalid"))
        ]
        # "us/rec" is the whole run over its records (start-up included); "step" the time per
        # record added from the size before (start-up cancels out), and "ratio" that step over
        # the first one: about 1 when time is linear, growing with size when it is not
        print(
            f"{'command':9} {'input':24} {'records':>7} {'s':>7} {'us/rec':>7} {'step':>7} "
            f"{'ratio':>6} {'MiB':>5}"
        )
        for command, label in cases:
            first = None
            before = (0, 0.0)
            for n in sizes:
                path = made[n][label]
                args = [command, str(path)] + (["--to", "latest"] if command == "upgrade" else [])
                took, rss = measure(args, options.src)
                step = (took - before[1]) / (n - before[0]) * 1e6
                if before[0] == 0:
                    step_text, ratio_text = "", ""
                else:
                    first = first or step
                    step_text, ratio_text = f"{step:7.1f}", f"{step / first:6.2f}"
                before = (n, took)
                print(
                    f"{command:9} {label:24} {n:7} {took:7.2f} {took / n * 1e6:7.1f} "
                    f"{step_text:>7} {ratio_text:>6} {rss:5.0f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
