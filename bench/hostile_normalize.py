"""normalize on run-on "sentences" (issue 8, reproduction 6): seconds per input size.

Each input is one article made of one unit repeated, with no sentence end the splitter
accepts: "Mr. " and "U.S. " (every stop follows an abbreviation), a comma-joined list, and
repeated negated contracts (a trigger every 67 characters). Time should grow in proportion
to the size; before the sentence windows of exporter/normalize/segment.py it grew with its
square (40 KB of "Mr. " took 7 s, 100 KB 39 s).

    python bench/hostile_normalize.py                 # 10 KB, 100 KB, 300 KB, 2 MB
    python bench/hostile_normalize.py --sizes 10 100  # in KB
"""

from __future__ import annotations

import argparse
import time

from exporter.articles import Article
from exporter.normalize import normalize

UNITS = {
    "Mr. ": "Mr. ",
    "U.S. ": "U.S. ",
    "comma list": "Turkey, Russia, S-400 systems, ",
    "negations": "Turkey did not sign a contract with Russia for S-400 systems and ",
}


def seconds(text: str) -> tuple[float, float, int]:
    """Wall and CPU seconds of one normalize call (one core), and how many records it gave;
    CPU time is the steadier figure on a machine shared with other work."""
    wall, cpu = time.perf_counter(), time.process_time()
    records = normalize(Article(text=text, name="bench", published="2020-01-01"))
    return time.perf_counter() - wall, time.process_time() - cpu, len(records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[10, 100, 300, 2000])
    parser.add_argument("--units", nargs="+", choices=list(UNITS), default=list(UNITS))
    args = parser.parse_args()
    seconds("Turkey signed a contract with Russia for S-400 systems.")  # loads the data once
    print(f"{'input':<12} {'KB':>6} {'wall s':>8} {'CPU s':>8} {'CPU s/100 KB':>13} {'records':>8}")
    for name in args.units:
        for size in args.sizes:
            unit = UNITS[name]
            wall, cpu, records = seconds(unit * (size * 1000 // len(unit)))
            print(
                f"{name:<12} {size:>6} {wall:>8.2f} {cpu:>8.2f} {100 * cpu / size:>13.2f} "
                f"{records:>8}",
                flush=True,
            )


if __name__ == "__main__":
    main()
