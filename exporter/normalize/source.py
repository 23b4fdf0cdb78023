"""The source of an article's records: its reference date (given, or inferred from the
dateline and the text, and marked so), its URL as a URI, the state its dateline speaks from."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from dataclasses import dataclass

from exporter.normalize import dates as dates_
from exporter.normalize.lexicon import dates_lexicon, layout_lexicon
from exporter.normalize.mentions import Mention, find_mentions
from exporter.normalize.segment import Dateline


@dataclass(frozen=True)
class Reference:
    date: dt.date | None
    inferred: bool  # the year (or the whole date) was inferred, not given


def ascii_uri(url: str | None) -> str | None:
    """A URL as the schema's URI: characters outside printable ASCII percent-encoded (an
    IRI such as https://example.org/haber/türkiye becomes .../t%C3%BCrkiye)."""
    if url is None:
        return None
    return urllib.parse.quote(url.strip(), safe="!#$%&'()*+,/:;=?@[]~-._")


def reference_date(published: str | None, dateline: Dateline | None, text: str) -> Reference:
    """The date relative words count from: the publication date given, else the dateline's,
    its missing year inferred (and marked so) from the text."""
    if published:
        return Reference(dt.date.fromisoformat(published), False)
    if dateline and dateline.date_text:
        found = dates_.find_dates(dateline.date_text, 0, len(dateline.date_text))
        if found and found[0].kind == "full":
            when = dates_.resolve(found[0], None, False)
            return Reference(dt.date.fromisoformat(when.value) if when else None, False)
        if found and found[0].kind == "monthday":
            lead = text[dateline.end : dateline.end + dates_lexicon().dateline_lead]
            inferred = dates_.infer_year(found[0].month, found[0].day, lead, text)  # type: ignore[arg-type]
            return Reference(inferred, True)
    return Reference(None, False)


def title_date(reference: Reference, lines: list[tuple[int, int]], text: str) -> Reference:
    """A list or release whose title line ends in its day ("Contracts awarded - April 28,
    2020"), posted in the days up to the publication date: its events are of that day, not of
    the day the page was published; with no publication date at all, that day stands for it."""
    layout = layout_lexicon()
    for start, end in lines[: layout.title_lines]:
        line = text[start:end].rstrip(" .")
        if len(line) > layout.title_max_chars:
            continue
        found = dates_.find_dates(text, start, start + len(line))
        if not found or found[-1].kind != "full" or found[-1].end != start + len(line):
            continue
        when = dates_.resolve(found[-1], reference.date, False)
        day = dt.date.fromisoformat(when.value) if when else None
        if day is None:
            continue
        if reference.date is None:
            # no other date: the title gives it whole, as a dateline may
            return Reference(day, False)
        if 0 < (reference.date - day).days <= dates_lexicon().same_news_days:
            return Reference(day, reference.inferred)
    return reference


def home_state(dateline: Dateline | None) -> Mention | None:
    """The state of a dateline's place, when the place is a capital ("ANKARA" -> TUR)."""
    if dateline is None:
        return None
    place = dateline.place.split(",")[0].strip().title()
    found = [m for m in find_mentions(place, 0, len(place)) if m.kind == "country"]
    return found[0] if found else None
