"""procex report as a user runs it: one self-contained HTML page, the same from events as
from the deals they compile into. (Its behaviour in a browser: tests/consumers.)"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from tests.acceptance.conftest import ROOT, procex
from tests.acceptance.test_cli_compile import normalized


def test_one_page_the_same_from_events_and_from_deals_with_nothing_to_fetch(
    tmp_path: Path,
) -> None:
    events = normalized(tmp_path, ROOT / "fixtures" / "compile")
    deals = tmp_path / "deals.ndjson"
    assert procex("compile", str(events), "-o", str(deals)).returncode == 0
    from_events = procex("report", str(events), "-o", str(tmp_path / "a.html"))
    assert (from_events.returncode, from_events.stderr) == (0, b"reported 1 deal\n")
    page = (tmp_path / "a.html").read_text("utf-8")
    assert procex("report", str(deals)).stdout.decode() == page  # and byte for byte again
    # nothing loaded from elsewhere: no src, no stylesheet link; the only addresses are the
    # sources' links and the SVG namespace
    assert not re.search(r"\ssrc=|<link rel=\"stylesheet\"|@import|url\(", page)
    assert sorted(set(re.findall(r"https?://[^\"'<> ]+", page))) == [
        "http://www.w3.org/2000/svg",
        "https://example.org/asia-defence-digest/vietnam-k9",
        "https://example.org/land-systems-weekly/hanoi-artillery",
        "https://example.org/seoul-wire/vietnam-k9",
    ]
    assert page.count("<svg") == 1 and page.count('<li class="source">') == 3
    assert page.count('<g class="mark"') == 2  # one mark per merged event
    assert "<title>agreement reported, 2024-03-14, 2 source(s)</title>" in page
    assert escape("sources date the agreement differently: 2024-03-11") in page
    assert "<mark>March 14, 2024</mark>" in page  # the date's words marked in the sentence


def test_a_bad_record_is_named_and_the_rest_reported(tmp_path: Path) -> None:
    path = tmp_path / "events.ndjson"
    path.write_text(normalized(tmp_path, ROOT / "seeds").read_text("utf-8") + "[]\n", "utf-8")
    result = procex("report", str(path), "-o", str(tmp_path / "r.html"))
    lines = path.read_text("utf-8").count("\n")
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        f"error: {path}:{lines}:1: a record must be a JSON object, not an array",
        "reported 1 deal",
    ]
    assert "TUR-RUS-S-400" in (tmp_path / "r.html").read_text("utf-8")


def test_a_deal_without_a_seller_says_so_and_filters_by_the_buyer_alone(tmp_path: Path) -> None:
    seed = normalized(tmp_path, ROOT / "seeds").read_text("utf-8").splitlines()
    unnamed = [
        line.replace('"deal_id":"TUR-RUS-S-400"', '"deal_id":"TUR-XXX-S-400"').replace(
            '"seller":{"name":"Russia","country":"RUS","kind":"state"}', '"seller":null'
        )
        for line in seed
    ]
    assert all('"seller":null' in line for line in unnamed)
    events = tmp_path / "unnamed.ndjson"
    events.write_text("\n".join(unnamed) + "\n", "utf-8")
    result = procex("report", str(events), "-o", str(tmp_path / "u.html"))
    assert (result.returncode, result.stderr) == (0, b"reported 1 deal\n")
    page = (tmp_path / "u.html").read_text("utf-8")
    assert '<section class="deal" id="TUR-XXX-S-400" data-countries="TUR" ' in page
    assert '<p class="parties">Turkey (TUR) buys from a supplier not named; ' in page
