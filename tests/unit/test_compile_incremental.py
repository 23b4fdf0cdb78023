"""Compile is a function of the set of records: any order, any split into an existing deals
file and new records (`--into`), the disk spool or memory, the same bytes."""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.articles import read_articles
from exporter.deals import compile_deals
from exporter.deals.spool import Spool
from exporter.deals.write import write_deals
from exporter.formats.ndjson import read as read_ndjson
from exporter.normalize import normalize

ROOT = Path(__file__).parents[2]


@functools.cache
def events() -> tuple[dict[str, Any], ...]:
    """The seed, the corpus and the signing articles, normalized once."""
    folders = [ROOT / "seeds", ROOT / "fixtures" / "articles", ROOT / "fixtures" / "compile"]
    return tuple(r for a in read_articles(map(str, folders)) for r in normalize(a))


def as_bytes(deals: Any) -> bytes:
    out = io.BytesIO()
    write_deals(deals, out, "ndjson")
    return out.getvalue()


def reread(data: bytes) -> list[dict[str, Any]]:
    """Deals as the next run reads them from the file the last one wrote."""
    return [item.data for item in read_ndjson(io.BytesIO(data), "deals.ndjson")]


@functools.cache
def all_at_once() -> bytes:
    return as_bytes(compile_deals(events()))


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_any_order_and_any_split_give_the_same_bytes(data: st.DataObject) -> None:
    order = data.draw(st.permutations(range(len(events()))))
    cuts = sorted(data.draw(st.lists(st.integers(0, len(order)), max_size=3)))
    deals: list[dict[str, Any]] = []
    for start, end in zip([0, *cuts], [*cuts, len(order)], strict=True):
        batch = [events()[i] for i in order[start:end]]
        deals = reread(as_bytes(compile_deals([*deals, *batch])))
    assert as_bytes(deals) == all_at_once()


@settings(max_examples=10, deadline=None)
@given(st.integers(1, 7), st.integers(500, 50_000))
def test_the_disk_spool_gives_the_same_bytes(buckets: int, memory_limit: int) -> None:
    spool = Spool(buckets=buckets, memory_limit=memory_limit)
    assert as_bytes(compile_deals(events(), spool=spool)) == all_at_once()


def test_compiling_deals_again_with_records_already_in_them_changes_nothing() -> None:
    deals = reread(all_at_once())
    assert as_bytes(compile_deals([*deals, *events()])) == all_at_once()
    assert as_bytes(compile_deals(deals)) == all_at_once()
