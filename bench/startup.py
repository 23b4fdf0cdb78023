"""Benchmark: `procex validate`'s start-up, and duplicate-id's memory, beside the peers.

In one run, on one core, whole processes (start-up included), printing versions first:

- the floor of start-up: `python -c pass`, and python importing jsonschema-rs and orjson
  (which every validation needs) and nothing else;
- `procex validate` of one small file (target: <= 60 ms);
- one run over 1,000 one-record files: procex, sourcemeta's C++ `jsonschema validate -F`
  and check-jsonschema, each if installed (targets: within 1.2x of sourcemeta, >= 8x
  faster than check-jsonschema);
- duplicate-id's memory: peak RSS of `procex validate` over N records of NDJSON with the
  check on and with `--skip duplicate-id`; the difference over N is what an id costs
  (target: <= 40 bytes an id; 10 million records under 500 MiB peak: --huge).

    python bench/startup.py [--runs 20] [--ids 1000000] [--huge]
        [--check-jsonschema PATH] [--sourcemeta PATH] [--src DIR] [--against DIR]
        [--file-runs 3]

`--src DIR` runs the `exporter` package found in DIR (an older checkout) instead; `--against
DIR` runs DIR's over the files too, in the same rounds as this one's and the peers'. Python
writes no bytecode cache where PYTHONDONTWRITEBYTECODE is set: the package is compiled
first, as an installed wheel is, so that start-up is not compiling.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import orjson
from processes import run_once, run_timed
from validate import SCHEMA, make_records, pin_to_one_core

ROOT = Path(__file__).parents[1]
ONE = ROOT / "fixtures" / "records" / "valid" / "one-record.json"
MIB = 1024 * 1024


def timed(command: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """Best and median wall seconds over `runs` runs (first one run once, to warm caches)."""
    run_once(command, env, (0, 1))
    times = [run_once(command, env, (0, 1))[0] for _ in range(runs)]
    return min(times), statistics.median(times)


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def startup_rows(procex: list[str], env: dict[str, str], runs: int) -> float:
    """Prints the start-up rows; returns procex's best time on one small file."""
    python = [sys.executable]
    rows = [
        ("python -c pass", [*python, "-c", "pass"]),
        ("python: import jsonschema_rs, orjson", [*python, "-c", "import jsonschema_rs, orjson"]),
        ("procex validate one-record.json", [*procex, "validate", str(ONE)]),
    ]
    print(f"\nstart-up, whole process, {runs} runs{'best':>22s}{'median':>10s}")
    best = 0.0
    for label, command in rows:
        best, middle = timed(command, env, runs)
        print(f"  {label:48s}{best * 1e3:7.1f} ms{middle * 1e3:7.1f} ms")
    print(f"  target <= 60 ms: {'met' if best <= 0.060 else 'not met'} ({best * 1e3:.1f} ms)")
    return best


def files_rows(procex: list[str], env: dict[str, str], args: argparse.Namespace) -> None:
    """Prints the rows of one run over many one-record files: procex (and the checkout of
    `--against`) and the peers taken in turn, round by round, so that each round's load is
    the same for all; best wall and CPU seconds of `--file-runs` rounds, ratios of the bests."""
    with tempfile.TemporaryDirectory(prefix="procex-startup-") as tmp:
        folder = Path(tmp, "many")
        folder.mkdir()
        for i, record in enumerate(make_records(args.files)):
            (folder / f"r{i:04d}.json").write_bytes(
                orjson.dumps(record, option=orjson.OPT_INDENT_2)
            )
        paths = sorted(str(p) for p in folder.iterdir())
        rows = {"procex validate FOLDER": ([*procex, "validate", str(folder)], env)}
        if args.against:
            against = dict(env, PYTHONPATH=str(args.against))
            compileall.compile_dir(args.against / "exporter", quiet=1)
            rows[f"procex of {args.against}"] = ([*procex, "validate", str(folder)], against)
        peers = [
            ("sourcemeta jsonschema validate -F", args.sourcemeta, ["validate", "-F", str(SCHEMA)]),
            ("check-jsonschema --schemafile", args.check_jsonschema, ["--schemafile", str(SCHEMA)]),
        ]
        missing = []
        for label, program, options in peers:
            if program and Path(program).exists():
                rows[label] = ([program, *options, *paths], env)
            else:
                missing.append(label)
        best: dict[str, tuple[float, float]] = {}
        for round_ in range(args.file_runs + 1):  # the first round warms the caches
            for label, (command, its_env) in rows.items():
                wall, cpu, _ = run_timed(command, its_env, (0, 1))
                if round_:
                    was = best.get(label, (wall, cpu))
                    best[label] = (min(was[0], wall), min(was[1], cpu))
        print(f"\none run over {args.files:,} one-record files, best of {args.file_runs} rounds")
        print(f"  {'':48s}{'wall':>8s}{'CPU':>9s}   procex is ... as fast (wall, CPU)")
        ours = best["procex validate FOLDER"]
        for label, (wall, cpu) in best.items():
            ratio = (
                ""
                if label == "procex validate FOLDER"
                else (f"   {wall / ours[0]:5.2f}x, {cpu / ours[1]:5.2f}x")
            )
            print(f"  {label:48s}{wall:7.3f} s{cpu:7.3f} s{ratio}")
        for label in missing:
            print(f"  {label:48s}  not installed")


def memory_rows(procex: list[str], env: dict[str, str], sizes: list[int]) -> None:
    """Prints duplicate-id's peak memory at each size of input."""
    print("\nduplicate-id: peak RSS of procex validate over N distinct ids (NDJSON)")
    print(f"  {'records':>12s}{'check on':>12s}{'skipped':>12s}{'per id':>12s}{'s (on)':>9s}")
    seed = make_records(3)
    with tempfile.TemporaryDirectory(prefix="procex-ids-") as tmp:
        for size in sizes:
            path = Path(tmp, f"ids-{size}.ndjson")
            with path.open("wb") as out:
                for n in range(size):
                    record = dict(seed[n % 3], id=f"pe-{n * 2654435761 % (1 << 80):020x}")
                    out.write(orjson.dumps(record) + b"\n")
            took, on = run_once([*procex, "validate", str(path)], env, (0,))
            _, off = run_once([*procex, "validate", "--skip", "duplicate-id", str(path)], env, (0,))
            path.unlink()
            per_id = (on - off) / size
            print(f"  {size:12,d}{on / MIB:9.0f} MiB{off / MIB:9.0f} MiB{per_id:9.1f} B{took:9.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs of each start-up row")
    parser.add_argument("--files", type=int, default=1_000, help="one-record JSON files")
    parser.add_argument("--file-runs", type=int, default=3, help="rounds over the files")
    parser.add_argument(
        "--against", type=Path, help="another checkout, whose procex runs the files in turn"
    )
    parser.add_argument("--ids", type=int, default=1_000_000, help="records for duplicate-id")
    parser.add_argument("--huge", action="store_true", help="also 10,000,000 records")
    parser.add_argument("--check-jsonschema", default=shutil.which("check-jsonschema"))
    parser.add_argument("--sourcemeta", default=shutil.which("jsonschema"))
    parser.add_argument("--src", type=Path, default=ROOT, help="checkout whose exporter runs")
    args = parser.parse_args()
    where = pin_to_one_core()
    # the checkout's package, not an installed one; no bytecode compiled during a run
    env = dict(os.environ, PYTHONPATH=str(args.src), PYTHONSAFEPATH="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(args.src / "exporter", quiet=1)
    procex = [sys.executable, "-m", "exporter"]
    print(f"python {sys.version.split()[0]}, {where}, procex from {args.src}")
    print(
        "versions: jsonschema-rs "
        + version("jsonschema-rs")
        + ", orjson "
        + version("orjson")
        + ", typer "
        + version("typer")
        + f", sourcemeta {tool_version(args.sourcemeta)}"
        + f", check-jsonschema {tool_version(args.check_jsonschema)}"
    )
    started = time.perf_counter()
    startup_rows(procex, env, args.runs)
    files_rows(procex, env, args)
    memory_rows(procex, env, [args.ids, *([10_000_000] if args.huge else [])])
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s)")


def tool_version(program: str | None) -> str:
    if not program or not Path(program).exists():
        return "not installed"
    done = subprocess.run([program, "--version"], capture_output=True, text=True)
    return (done.stdout or done.stderr).strip().split()[-1]


if __name__ == "__main__":
    main()
