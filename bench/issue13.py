"""Every row of issue 13's table from one command: the benchmarks that measure them, one after
the other on the same machine, each printing its versions, ratios first.

- bench/validate.py --floor-only: validate NDJSON against the orjson parse floor, one JSON
  array against the same records as NDJSON, convert against parse + dump;
- bench/startup.py: start-up of one small file, 1,000 one-record files beside sourcemeta and
  check-jsonschema (where given or on PATH), duplicate-id's bytes an id;
- bench/normalize.py: normalize on one core, articles/s beside the read + segment floor;
- bench/parallel.py (with --parallel): `--jobs 2` and Dask's workers.

The first three run pinned to one core (as `taskset -c 0` would), parallel.py on them all.

The load average is printed before and after: figures taken on a busy machine move by tens
of percent, the ratios (each row's floor or peer measured in the same run) much less.

    python bench/issue13.py [--check-jsonschema PATH] [--sourcemeta PATH] [--parallel]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parent


def load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check-jsonschema", help="path of check-jsonschema")
    parser.add_argument("--sourcemeta", help="path of sourcemeta's jsonschema binary")
    parser.add_argument("--parallel", action="store_true", help="also bench/parallel.py")
    args = parser.parse_args()
    peers = []
    if args.check_jsonschema:
        peers += ["--check-jsonschema", args.check_jsonschema]
    if args.sourcemeta:
        peers += ["--sourcemeta", args.sourcemeta]
    one_core = {min(os.sched_getaffinity(0))}
    runs = [
        (["validate.py", "--floor-only"], one_core),
        (["startup.py", "--runs", "10", *peers], one_core),
        (["normalize.py", "--rounds", "5"], one_core),
    ]
    if args.parallel:
        runs.append((["parallel.py"], os.sched_getaffinity(0)))
    failed = 0
    for (script, *options), cores in runs:
        print(f"\n== bench/{script} {' '.join(options)} (load average {load()})", flush=True)
        done = subprocess.run(
            [sys.executable, str(BENCH / script), *options],
            check=False,
            preexec_fn=lambda cores=cores: os.sched_setaffinity(0, cores),
        )
        failed += done.returncode != 0
    print(f"\nload average at the end: {load()}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
