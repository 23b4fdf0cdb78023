"""Benchmark: how fast the normalizer reads articles, with the floor beside it.

Normalizes every article of the corpus (fixtures/articles and seeds/) and of the real-news
set (--realnews, by default /work/shared/realnews/articles where it exists; the articles stay
outside the project) many times over, in one process on one core, and prints articles/s,
records/s and peak memory; beside it, the floor: the same articles only read and split into
sentences (what any normalizer must do).

`--against CHECKOUT` measures another checkout of procex (an earlier commit, say) on the same
articles in the same minute: child processes, this one and that one alternately, each with
its own `exporter` on PYTHONPATH, and prints the ratio.

    python bench/normalize.py [--rounds 20] [--realnews DIR] [--against CHECKOUT]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from processes import figures_from_checkout  # bench/processes.py, beside this script

from exporter.articles import Article, read_articles
from exporter.normalize import normalize
from exporter.normalize.segment import segment

ROOT = Path(__file__).parents[1]
REALNEWS = ROOT.parent / "shared" / "realnews" / "articles"  # ../shared beside the checkout


def corpus(realnews: str) -> tuple[list[Article], int]:
    """The articles, and how many of them are real news."""
    paths = [str(ROOT / "seeds"), str(ROOT / "fixtures" / "articles")]
    own = [a for a in read_articles(paths) if isinstance(a, Article)]
    news: list[Article] = []
    if realnews and Path(realnews).is_dir():
        news = [a for a in read_articles([realnews]) if isinstance(a, Article)]
    return own + news, len(news)


def best_of(runs: int, work) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def measure(articles: list[Article], rounds: int) -> dict[str, float]:
    normalize(articles[0])  # load gazetteers and compile patterns before timing
    records = sum(len(normalize(a)) for a in articles)
    total = len(articles) * rounds

    def floor() -> None:
        for _ in range(rounds):
            for article in articles:
                segment(article.text)

    def full() -> None:
        for _ in range(rounds):
            for article in articles:
                normalize(article)

    floor_s, full_s = best_of(3, floor), best_of(3, full)
    return {
        "records": records,
        "floor_articles_s": total / floor_s,
        "articles_s": total / full_s,
        "records_s": records * rounds / full_s,
        "times_floor": full_s / floor_s,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def child(checkout: Path, args: argparse.Namespace) -> dict[str, float]:
    """One measurement in a fresh process, normalizing with the `exporter` of `checkout`
    (the articles are read from this checkout's corpus, the same for both)."""
    options = ["--rounds", str(args.rounds), "--realnews", args.realnews]
    return figures_from_checkout(__file__, checkout, options)


def compare(args: argparse.Namespace) -> None:
    ours, theirs = ROOT.resolve(), Path(args.against).resolve()
    print(f"this checkout {ours}, against {theirs}, {args.rounds} rounds, alternating")
    print(f"{'pair':<6}{'this art/s':>12}{'against art/s':>15}{'ratio':>8}")
    for pair in range(1, args.pairs + 1):
        mine, other = child(ours, args), child(theirs, args)
        print(
            f"{pair:<6}{mine['articles_s']:>12,.0f}{other['articles_s']:>15,.0f}"
            f"{mine['articles_s'] / other['articles_s']:>8.2f}"
        )


def article_options(parser: argparse.ArgumentParser, pairs: int) -> None:
    """The options both normalize benchmarks take: the real-news folder, another checkout to
    measure alternately and how often, and --json (a child's figures, for the parent)."""
    parser.add_argument(
        "--realnews", default=str(REALNEWS) if REALNEWS.is_dir() else "", help="real-news folder"
    )
    parser.add_argument("--against", help="another procex checkout to measure alternately")
    parser.add_argument("--pairs", type=int, default=pairs, help="alternations with --against")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="passes over the corpus per run")
    article_options(parser, pairs=3)
    args = parser.parse_args()
    if args.against:
        compare(args)
        return
    articles, news = corpus(args.realnews)
    figures = measure(articles, args.rounds)
    if args.json:
        print(json.dumps(figures))
        return
    chars = sum(len(a.text) for a in articles)
    print(
        f"corpus: {len(articles)} articles ({news} real news), {chars / len(articles):.0f} "
        f"characters each on average, {figures['records']:.0f} records; {args.rounds} rounds, "
        "best of 3, one core"
    )
    print(f"{'stage':<28}{'articles/s':>12}{'records/s':>12}")
    print(f"{'floor: read + segment':<28}{figures['floor_articles_s']:>12,.0f}{'':>12}")
    print(f"{'procex normalize':<28}{figures['articles_s']:>12,.0f}{figures['records_s']:>12,.0f}")
    print(
        f"normalize is {figures['times_floor']:.1f}x the floor's time; "
        f"peak RSS {figures['peak_mib']:.0f} MiB"
    )


if __name__ == "__main__":
    main()
