"""Trial: does dateparser resolve the date spans procex finds better than its own resolver?

Runs `procex eval` on ../shared/realnews and on the corpus, and times the normalizer on the
corpus, twice in the same process: with exporter.normalize.dates.resolve as it is, and with
each found span handed to dateparser first (relative to the same reference date, towards the
future in a planned clause), procex's resolver taking over where dateparser finds nothing;
and the other way round, dateparser only for the spans procex's resolver leaves unresolved.
Prints date accuracy, event F1 and articles/s side by side. Needs `pip install dateparser`.

    python bench/dates_dateparser.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from exporter.articles import Article, read_articles
from exporter.evaluate import evaluate
from exporter.normalize import dates as dates_
from exporter.normalize import normalize

ROOT = Path(__file__).parents[1]
REALNEWS = ROOT.parent / "shared" / "realnews"
_OWN = dates_.resolve
_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year"}


def with_dateparser(first: bool = True) -> Callable[..., dates_.ResolvedDate | None]:
    from dateparser.date import DateDataParser  # type: ignore[import-untyped,unused-ignore]

    parsers = {
        ahead: DateDataParser(
            languages=["en"],
            settings={"PREFER_DATES_FROM": "future" if ahead else "past"},
        )
        for ahead in (False, True)
    }

    def resolve(
        mention: dates_.DateMention, reference: dt.date | None, forward: bool
    ) -> dates_.ResolvedDate | None:
        own = None if first else _OWN(mention, reference, forward)
        if own is not None or mention.kind in ("anaphora", "vague") or reference is None:
            return own or _OWN(mention, reference, forward)
        parser = parsers[forward]
        parser._settings.RELATIVE_BASE = dt.datetime.combine(reference, dt.time())
        found = parser.get_date_data(mention.text)
        if found.date_obj is None or found.period not in _PRECISION:
            return _OWN(mention, reference, forward)
        precision = _PRECISION[found.period]
        value = found.date_obj.date().isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]
        return dates_.ResolvedDate(value, precision, mention.text, mention.approximate)

    return resolve


def articles_per_second(articles: list[Article], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for article in articles:
            normalize(article)
    return len(articles) * rounds / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    paths = [str(ROOT / "seeds"), str(ROOT / "fixtures" / "articles")]
    articles = [a for a in read_articles(paths) if isinstance(a, Article)]
    print(f"{'resolver':<22}{'realnews date':>14}{'event F1':>10}{'corpus date':>13}{'art/s':>8}")
    resolvers = [
        ("procex", _OWN),
        ("dateparser first", with_dateparser()),
        ("dateparser fallback", with_dateparser(first=False)),
    ]
    for name, resolver in resolvers:
        dates_.resolve = resolver
        real = evaluate(REALNEWS / "articles", REALNEWS / "gold").figures()
        corpus = evaluate(ROOT / "fixtures" / "articles", ROOT / "fixtures" / "gold").figures()
        speed = articles_per_second(articles, rounds)
        print(
            f"{name:<22}{real['date_accuracy']:>14.3f}{real['event_f1']:>10.3f}"
            f"{corpus['date_accuracy']:>13.3f}{speed:>8.0f}"
        )
    dates_.resolve = _OWN


if __name__ == "__main__":
    main()
