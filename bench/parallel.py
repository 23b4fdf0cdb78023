"""Benchmark: normalize on more than one core: `procex normalize --jobs N` and the Dask runner.

Copies the corpus (seeds/, fixtures/articles) and the real-news articles (--realnews; they
stay outside the project: the copies go to a temporary folder) --copies times over into one
folder, then normalizes it:

- `procex normalize FOLDER --jobs N -q` as a user runs it (a whole process, start-up
  included, output to /dev/null), for N = 1 and each count up to --jobs;
- `exporter.parallel.normalize_on_dask` on a local Dask cluster of N worker processes (one
  thread each), the cluster started before the clock (a cluster is long-lived), partitions
  of --per-partition articles written to a temporary folder.

Prints articles/s and each run's speed-up over one job/worker measured in the same run.
Near-linear scaling needs as many idle cores as jobs: the machine's load average is printed.

    python bench/parallel.py [--copies 8] [--jobs 2] [--per-partition 50] [--no-dask]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from normalize import REALNEWS  # bench/normalize.py, beside this script
from processes import run_once

ROOT = Path(__file__).parents[1]


def article_folder(target: Path, realnews: str, copies: int) -> int:
    """`copies` copies of every article file into `target`; how many files."""
    sources = [ROOT / "seeds", ROOT / "fixtures" / "articles"]
    if realnews and Path(realnews).is_dir():
        sources.append(Path(realnews))
    files = sorted(p for folder in sources for p in folder.iterdir() if p.suffix == ".txt")
    for copy in range(copies):
        for number, path in enumerate(files):
            shutil.copyfile(path, target / f"{copy:03d}-{number:04d}-{path.name}")
    return len(files) * copies


def best_of(runs: int, measure, *args: object) -> float:
    return min(measure(*args) for _ in range(runs))


def cli_seconds(folder: Path, jobs: int) -> float:
    command = ["procex", "normalize", str(folder), "--jobs", str(jobs), "-q"]
    return run_once(command, ok=(0, 1))[0]  # 1: a record somewhere failed validation


def dask_seconds(folder: Path, workers: int, per_partition: int) -> float:
    from distributed import Client, LocalCluster

    from exporter.parallel import normalize_on_dask

    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True) as cluster,
        Client(cluster) as client,
        tempfile.TemporaryDirectory() as out,
    ):
        # warm: each worker imports procex and loads its gazetteers once
        normalize_on_dask(str(folder), out, client=client, per_partition=per_partition)
        start = time.perf_counter()
        normalize_on_dask(str(folder), out, client=client, per_partition=per_partition)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=8, help="copies of every article")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="most jobs")
    parser.add_argument("--per-partition", type=int, default=50, help="articles a Dask task")
    parser.add_argument("--realnews", default=str(REALNEWS) if REALNEWS.is_dir() else "")
    parser.add_argument("--no-dask", action="store_true", help="only procex normalize --jobs")
    args = parser.parse_args()
    counts = list(range(1, args.jobs + 1))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        articles = article_folder(folder, args.realnews, args.copies)
        print(
            f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
            + ", ".join(f"{x:.1f}" for x in os.getloadavg())
        )
        print(f"{articles:,} article files; best of 3 each\n")
        print(f"{'run':<44}{'articles/s':>12}{'x one':>8}")
        rows = [
            (f"procex normalize --jobs {n} (whole process)", cli_seconds, (folder, n))
            for n in counts
        ]
        if not args.no_dask:
            rows += [
                (
                    f"Dask, {n} worker process(es), warm",
                    dask_seconds,
                    (folder, n, args.per_partition),
                )
                for n in counts
            ]
        base: dict[object, float] = {}
        for label, measure, options in rows:
            seconds = best_of(3, measure, *options)
            rate = articles / seconds
            base.setdefault(measure, rate)
            print(f"{label:<44}{rate:>12,.0f}{rate / base[measure]:>8.2f}")


if __name__ == "__main__":
    main()
