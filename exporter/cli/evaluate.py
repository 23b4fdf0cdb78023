"""procex eval: the normalizer scored against analysts' gold events."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from exporter.cli.common import example
from exporter.problems import InputError

EXAMPLES = example(
    "procex eval",
    "procex eval --no-misses --format json",
)


def evaluate_command(
    articles: Annotated[Path, typer.Option(help="Folder of articles.")] = Path("fixtures/articles"),
    gold: Annotated[Path, typer.Option(help="Folder of gold event files.")] = Path("fixtures/gold"),
    misses: Annotated[bool, typer.Option(help="List every missed, extra or wrong event.")] = True,
    format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
) -> None:
    """Score the normalizer against analysts' gold events: precision, recall, F1, accuracy."""
    from exporter.evaluate import evaluate

    if not gold.is_dir():
        raise InputError(f"{gold}: no such folder of gold files")
    report = evaluate(articles, gold)
    figures = report.figures()
    certain = report.certain.figures()
    if format == "json":
        print(
            json.dumps(
                {
                    "articles": report.articles,
                    **figures,
                    "without_uncertain": certain,
                    "misses_by_class": dict(sorted(report.classes.items())),
                    "misses": report.misses,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    if misses:
        for line in report.misses:
            print(line)
        by_class = sorted(report.classes.items())
        print("misses by class: " + ", ".join(f"{k} {n}" for k, n in by_class))
    print(f"articles {report.articles}  " + "  ".join(f"{k} {v:.3f}" for k, v in figures.items()))
    print("without uncertain  " + "  ".join(f"{k} {v:.3f}" for k, v in certain.items()))
