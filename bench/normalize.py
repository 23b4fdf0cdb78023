"""Benchmark: how fast the normalizer reads articles, with the floor beside it.

Normalizes every article of the corpus (fixtures/articles and seeds/) many times over, in
one process on one core, and prints articles/s, records/s and peak memory; beside it, the
floor: the same articles only read and split into sentences (what any normalizer must do).

    python bench/normalize.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from exporter.articles import Article, read_articles
from exporter.normalize import normalize
from exporter.normalize.segment import segment

ROOT = Path(__file__).parents[1]


def corpus() -> list[Article]:
    paths = [str(ROOT / "seeds"), str(ROOT / "fixtures" / "articles")]
    return [a for a in read_articles(paths) if isinstance(a, Article)]


def best_of(runs: int, work) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="passes over the corpus per run")
    args = parser.parse_args()
    articles = corpus()
    normalize(articles[0])  # load gazetteers and compile patterns before timing
    records = sum(len(normalize(a)) for a in articles)
    total = len(articles) * args.rounds

    def floor() -> None:
        for _ in range(args.rounds):
            for article in articles:
                segment(article.text)

    def full() -> None:
        for _ in range(args.rounds):
            for article in articles:
                normalize(article)

    floor_s, full_s = best_of(3, floor), best_of(3, full)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    chars = sum(len(a.text) for a in articles)
    print(
        f"corpus: {len(articles)} articles, {chars / len(articles):.0f} characters each on "
        f"average, {records} records; {args.rounds} rounds, best of 3, one core"
    )
    print(f"{'stage':<28}{'articles/s':>12}{'records/s':>12}")
    print(f"{'floor: read + segment':<28}{total / floor_s:>12,.0f}{'':>12}")
    print(
        f"{'procex normalize':<28}{total / full_s:>12,.0f}{records * args.rounds / full_s:>12,.0f}"
    )
    print(f"normalize is {full_s / floor_s:.1f}x the floor's time; peak RSS {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
