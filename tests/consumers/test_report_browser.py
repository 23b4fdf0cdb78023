"""The HTML report in a real browser: Debian's chromium, headless, driven by Selenium through
Debian's chromium-driver (both installed by .ci/run; a browser that a library downloads at
install time cannot be fetched here). The page loads from a file with no console message,
the filters hide exactly the deals they should, every report's evidence and source link is
on the page, and a screenshot is written (to $PROCEX_REPORT_SCREENSHOT as well, if set: that
is how docs/report.png is made).

Skips only where no chromium or chromium-driver is installed.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.consumers.conftest import ROOT, procex

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium (the test extra)")


def browser_paths() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    if browser and Path(driver).exists():
        return browser, driver
    return None


@pytest.fixture(scope="module")
def deals_and_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, Any]], Path]:
    folder = tmp_path_factory.mktemp("report")
    events, deals, page = folder / "events.ndjson", folder / "deals.ndjson", folder / "report.html"
    articles = [ROOT / "seeds", ROOT / "fixtures" / "articles", ROOT / "fixtures" / "compile"]
    for argv in (
        ("normalize", "--quiet", *map(str, articles), "-o", str(events)),
        ("compile", str(events), "-o", str(deals)),
        ("report", str(deals), "-o", str(page)),
    ):
        result = procex(*argv)
        assert result.returncode == 0, result.stderr.decode()
    return [json.loads(line) for line in deals.read_text("utf-8").splitlines()], page


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    paths = browser_paths()
    if paths is None:
        pytest.skip("no chromium and chromium-driver; .ci/run installs Debian's")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.add_argument("--window-size=1100,1500")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(paths[1]))
    try:
        yield driver
    finally:
        driver.quit()


def shown(browser: Any) -> list[str]:
    sections = browser.find_elements("css selector", "section.deal")
    return [s.get_attribute("id") for s in sections if s.is_displayed()]


def choose(browser: Any, name: str, value: str) -> None:
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", f"filter-{name}")).select_by_value(value)


def test_the_report_loads_filters_and_shows_every_report(
    browser: Any, deals_and_page, tmp_path: Path
) -> None:
    deals, page = deals_and_page
    browser.get(page.as_uri())
    assert browser.title == "procex: procurement deals"
    assert browser.get_log("browser") == []  # no error, warning or message of any kind
    every = [d["deal_id"] for d in deals]
    assert shown(browser) == every
    assert browser.find_element("id", "shown").text == f"{len(every)} of {len(every)} deals shown"

    reports = [s for d in deals for e in d["timeline"] for s in e["sources"]]
    quotes = browser.find_elements("css selector", "li.source blockquote")
    assert [q.text for q in quotes] == [r["evidence"]["text"] for r in reports]
    links = {a.get_attribute("href") for a in browser.find_elements("css selector", "cite a")}
    assert links == {r["source"]["url"] for r in reports if r["source"]["url"]}
    assert len(browser.find_elements("css selector", "svg.timeline")) == len(deals)

    choose(browser, "country", "VNM")
    assert (
        shown(browser)
        == [d["deal_id"] for d in deals if "VNM" in (d["buyer"]["country"], d["seller"]["country"])]
        == ["VNM-KOR-K9"]
    )
    choose(browser, "country", "")
    choose(browser, "category", "air-defence")
    assert shown(browser) == [
        d["deal_id"] for d in deals if d["system"]["category"] == "air-defence"
    ]
    choose(browser, "category", "")
    choose(browser, "type", "cancellation")
    cancelled = [
        d["deal_id"] for d in deals if any(e["event_type"] == "cancellation" for e in d["timeline"])
    ]
    assert cancelled and shown(browser) == cancelled
    visible = [e for e in browser.find_elements("css selector", "li.event") if e.is_displayed()]
    assert {e.get_attribute("data-event-type") for e in visible} == {"cancellation"}

    choose(browser, "type", "")
    choose(browser, "country", "TUR")
    choose(browser, "category", "air-defence")
    assert shown(browser)[0] == "TUR-RUS-S-400"  # the screenshot: the seed's deal first
    assert browser.get_log("browser") == []
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    if os.environ.get("PROCEX_REPORT_SCREENSHOT"):
        shutil.copyfile(shot, os.environ["PROCEX_REPORT_SCREENSHOT"])
