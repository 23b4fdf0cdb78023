"""Scoring the normalizer against gold events written by analysts (fixtures/gold).

Deals are matched as (buyer, seller, system); events as (deal, event type), one to one,
pairing first the events that also agree on status and date. Reported: precision, recall
and F1 for deals and events, status and date accuracy over the matched events, and every
miss, so a change that helps one article and hurts another shows where.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from exporter.articles import ArticleError, read_articles
from exporter.normalize import normalize
from exporter.normalize.assemble import designation_key
from exporter.normalize.gazetteer import gazetteer
from exporter.normalize.mentions import gazetteer_mentions

Event = dict[str, Any]


def system_key(name: str) -> str:
    """A system named in gold or output, as the normalizer would read it in a text: its
    gazetteer designation where it has one ("F-16 Block 70" -> F-16), else as written."""
    found = [
        m
        for m in gazetteer_mentions(name, 0, len(name), gazetteer())
        if m.kind == "system" and m.system
    ]
    system = found[0].system if found else None
    return designation_key(system.designation if system else name)


def gold_event(event: dict[str, Any]) -> Event:
    deal = event["deal"]
    date = event.get("date")
    return {
        "deal": (deal["buyer"], deal["seller"], system_key(str(deal["system"]))),
        "event_type": event["event_type"],
        "status": event["status"],
        "date": (str(date["value"]), date["precision"]) if date else None,
        "sentence": event.get("sentence", ""),
    }


def record_event(record: dict[str, Any]) -> Event:
    date = record["date"]
    return {
        "deal": (
            record["buyer"]["country"],
            record["seller"]["country"],
            system_key(record["system"]["designation"]),
        ),
        "event_type": record["event_type"],
        "status": record["status"],
        "date": (date["value"], date["precision"]) if date else None,
        "sentence": record["evidence"]["text"],
    }


@dataclass
class Score:
    true: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.true / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    deals: Score = field(default_factory=Score)
    events: Score = field(default_factory=Score)
    matched: int = 0
    status_right: int = 0
    date_right: int = 0
    articles: int = 0
    misses: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        return {
            "deal_precision": round(self.deals.precision, 3),
            "deal_recall": round(self.deals.recall, 3),
            "deal_f1": round(self.deals.f1, 3),
            "event_precision": round(self.events.precision, 3),
            "event_recall": round(self.events.recall, 3),
            "event_f1": round(self.events.f1, 3),
            "status_accuracy": round(self.status_right / self.matched, 3) if self.matched else 1.0,
            "date_accuracy": round(self.date_right / self.matched, 3) if self.matched else 1.0,
        }


def match_events(gold: list[Event], got: list[Event]) -> list[tuple[Event, Event]]:
    """One-to-one pairs of the same deal and type, closest agreement first."""

    def agreement(g: Event, p: Event) -> int:
        return (g["status"] == p["status"]) + 2 * (g["date"] == p["date"])

    options = sorted(
        (
            (agreement(g, p), i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(got)
            if g["deal"] == p["deal"] and g["event_type"] == p["event_type"]
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in options:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], got[j]))
    return pairs


def describe(event: Event) -> str:
    date = event["date"][0] if event["date"] else "no date"
    return (
        f"{'-'.join(event['deal'])} {event['event_type']} {event['status']} {date} "
        f"«{event['sentence'][:70]}»"
    )


def score_article(report: Report, name: str, gold: list[Event], got: list[Event]) -> None:
    report.articles += 1
    gold_deals, got_deals = {e["deal"] for e in gold}, {e["deal"] for e in got}
    report.deals.true += len(gold_deals & got_deals)
    report.deals.predicted += len(got_deals)
    report.deals.expected += len(gold_deals)
    pairs = match_events(gold, got)
    report.events.true += len(pairs)
    report.events.predicted += len(got)
    report.events.expected += len(gold)
    report.matched += len(pairs)
    for g, p in pairs:
        report.status_right += g["status"] == p["status"]
        report.date_right += g["date"] == p["date"]
        if g["status"] != p["status"] or g["date"] != p["date"]:
            report.misses.append(
                f"{name}: wrong   {describe(p)}  (gold: {g['status']} "
                f"{g['date'][0] if g['date'] else 'no date'})"
            )
    matched_g = [id(g) for g, _ in pairs]
    matched_p = [id(p) for _, p in pairs]
    report.misses += [f"{name}: missed  {describe(g)}" for g in gold if id(g) not in matched_g]
    report.misses += [f"{name}: extra   {describe(p)}" for p in got if id(p) not in matched_p]


def evaluate(articles: Path, gold_dir: Path, only: Iterable[str] = ()) -> Report:
    """Score every article under `articles` that has a gold file in `gold_dir`."""
    report = Report()
    wanted = set(only)
    for gold_path in sorted(gold_dir.glob("*.yaml")):
        gold = yaml.safe_load(gold_path.read_text("utf-8"))
        name = gold["article"]
        if wanted and name not in wanted and gold_path.stem not in wanted:
            continue
        path = articles / name
        items = list(read_articles([str(path)]))
        got: list[Event] = []
        for item in items:
            if isinstance(item, ArticleError):
                report.misses.append(f"{name}: unreadable: {item}")
                continue
            got += [record_event(r) for r in normalize(item)]
        score_article(report, name, [gold_event(e) for e in gold.get("events") or []], got)
    return report
