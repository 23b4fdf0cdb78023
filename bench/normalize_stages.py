"""Benchmark: the normalizer's sentence scans one by one, on every sentence of the corpus
and the real-news set (as bench/normalize.py reads them).

Times find_mentions, find_triggers, find_dates, find_money and find_quantities over every
sentence, best of 5, one core; `--against CHECKOUT` measures another checkout's the same way
in child processes, alternately, and prints the ratios.

    python bench/normalize_stages.py [--against CHECKOUT] [--pairs 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from normalize import article_options, corpus  # bench/normalize.py
from processes import figures_from_checkout

from exporter.normalize.amounts import find_money, find_quantities
from exporter.normalize.dates import find_dates
from exporter.normalize.events import find_triggers
from exporter.normalize.mentions import find_mentions
from exporter.normalize.segment import segment, unwrap

STAGES = {
    "find_mentions": find_mentions,
    "find_triggers": find_triggers,
    "find_dates": find_dates,
    "find_money": find_money,
    "find_quantities": find_quantities,
}


def measure(realnews: str) -> dict[str, float]:
    articles, _ = corpus(realnews)
    spans = []
    for article in articles:
        text = unwrap(article.text)
        spans += [(text, s.start, s.end) for s in segment(text).sentences]
    figures = {"sentences": float(len(spans))}
    for name, stage in STAGES.items():
        for text, start, end in spans:  # compile and load before timing
            stage(text, start, end)
        best = float("inf")
        for _ in range(5):
            began = time.perf_counter()
            for text, start, end in spans:
                stage(text, start, end)
            best = min(best, time.perf_counter() - began)
        figures[name] = best * 1000
    return figures


def child(checkout: Path, realnews: str) -> dict[str, float]:
    return figures_from_checkout(__file__, checkout, ["--realnews", realnews])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    article_options(parser, pairs=2)
    args = parser.parse_args()
    if args.json:
        print(json.dumps(measure(args.realnews)))
        return
    ours = Path(__file__).parents[1].resolve()
    runs = []
    for _ in range(args.pairs if args.against else 1):
        mine = child(ours, args.realnews)
        other = child(Path(args.against).resolve(), args.realnews) if args.against else None
        runs.append((mine, other))
    print(f"{runs[0][0]['sentences']:.0f} sentences, best of 5, ms for all of them, one core")
    header = f"{'stage':<18}" + "".join(
        f"{'this':>8}{'against':>9}{'ratio':>7}" if args.against else f"{'this':>8}" for _ in runs
    )
    print(header)
    for name in STAGES:
        row = f"{name:<18}"
        for mine, other in runs:
            row += f"{mine[name]:>8.0f}"
            if other is not None:
                row += f"{other[name]:>9.0f}{other[name] / mine[name]:>6.1f}x"
        print(row)


if __name__ == "__main__":
    main()
