"""Interleaved A/B of `procex validate FILE` as whole processes, by CPU time (user + sys of
the child: less moved by other sessions' load than the clock), this checkout against
another: each run takes every file under both, alternately.

    python bench/cpu_ab.py --against /work/main [--runs 5] A.ndjson B.json ...

Prints best and median per checkout and file, then each file's ratio to the first file
(first file's time / this file's time: for issue 13's "array within 1.5x of NDJSON", give
the NDJSON first).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def cpu_of(tree: Path, file: str) -> float:
    """CPU seconds of one `python -m exporter validate FILE` run from checkout `tree`."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-m", "exporter", "validate", file],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd="/",
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", required=True, type=Path, help="the other checkout")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    if not (args.against / "exporter" / "__init__.py").is_file():
        sys.exit(f"{args.against}: no procex checkout there")
    trees = {"this": HERE, "against": args.against.resolve()}
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.runs):
        for label, tree in trees.items():
            for file in args.files:
                times.setdefault((label, file), []).append(cpu_of(tree, file))
    for (label, file), found in times.items():
        found.sort()
        print(f"{label:8} {file:40} best {found[0]:.3f} s  median {found[len(found) // 2]:.3f} s")
    for label in trees:
        first = sorted(times[(label, args.files[0])])
        for file in args.files[1:]:
            other = sorted(times[(label, file)])
            best, middle = first[0] / other[0], first[len(first) // 2] / other[len(other) // 2]
            print(f"{label}: {args.files[0]} / {file}: best {best:.2f}, median {middle:.2f}")


if __name__ == "__main__":
    main()
