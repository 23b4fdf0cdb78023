"""The normalizer's quality on the evaluation corpus never silently drops.

fixtures/eval-baseline.yaml records the scores `procex eval` gave when they were last
raised; a change that lowers any of them fails here with the misses listed. Raise the
baseline (never lower it) in the commit that improves the normalizer.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from exporter.evaluate import evaluate

FIXTURES = Path(__file__).parents[2] / "fixtures"


def test_scores_stay_at_or_above_the_recorded_baseline() -> None:
    baseline = yaml.safe_load((FIXTURES / "eval-baseline.yaml").read_text("utf-8"))
    report = evaluate(FIXTURES / "articles", FIXTURES / "gold")
    figures = report.figures()
    assert report.articles == baseline["articles"]
    fallen = {k: (figures[k], v) for k, v in baseline["scores"].items() if figures[k] < v}
    assert not fallen, f"scores fell (now, baseline): {fallen}\n" + "\n".join(report.misses)


def test_negative_articles_yield_no_record() -> None:
    negatives = [
        p
        for p in sorted((FIXTURES / "gold").glob("*.yaml"))
        if not yaml.safe_load(p.read_text("utf-8"))["events"]
    ]
    assert len(negatives) >= 6
    report = evaluate(FIXTURES / "articles", FIXTURES / "gold", only=[p.stem for p in negatives])
    assert [m for m in report.misses if " extra " in m] == []
