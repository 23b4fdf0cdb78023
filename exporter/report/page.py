"""The page around the deals: styles, filters and the script that applies them, all inline."""

from __future__ import annotations

from html import escape

STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:1em;color:#222}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.5em 0}
h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.15em;margin:.2em 0}
label{margin-right:1em}select{margin-left:.3em}
.deal{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;margin:1em 0}
.deal[hidden],.event[hidden]{display:none}
.parties{margin:.2em 0;color:#444}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:0 1em;margin:.4em 0}
.facts dt{font-weight:600}.facts dd{margin:0}
.conflicts{background:#fff4e5;border-left:4px solid #f0a020;padding:.4em .4em .4em 1.6em}
.events{padding-left:1.2em}.event{margin:.4em 0}
.type{border-left:6px solid;padding-left:.3em;font-weight:600}
.status,.when{color:#555}.count{background:#eef;border-radius:3px;padding:0 .3em;font-size:.9em}
.sources{list-style:none;padding-left:1em}
blockquote{margin:.2em 0;padding-left:.6em;border-left:2px solid #ccc;font-style:italic}
mark{background:#fde68a}cite{font-size:.9em;color:#555}
.legend span{margin-right:1em}.legend i{display:inline-block;width:.8em;height:.8em;
border-radius:50%;margin-right:.3em;vertical-align:middle}
"""

SCRIPT = """
(function () {
  var selects = document.querySelectorAll('select[data-filter]');
  function apply() {
    var want = {};
    selects.forEach(function (s) { want[s.dataset.filter] = s.value; });
    var shown = 0, deals = document.querySelectorAll('section.deal');
    deals.forEach(function (deal) {
      var ok = (!want.country || deal.dataset.countries.split(' ').indexOf(want.country) >= 0)
        && (!want.category || deal.dataset.category === want.category)
        && (!want.type || deal.dataset.eventTypes.split(' ').indexOf(want.type) >= 0);
      deal.hidden = !ok;
      if (ok) { shown += 1; }
      deal.querySelectorAll('li.event').forEach(function (event) {
        event.hidden = !!want.type && event.dataset.eventType !== want.type;
      });
    });
    document.getElementById('shown').textContent = shown + ' of ' + deals.length + ' deals shown';
  }
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  apply();
})();
"""


def _select(name: str, label: str, values: list[str]) -> str:
    options = "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in values)
    return (
        f'<label>{label}<select id="filter-{name}" data-filter="{name}">'
        f'<option value="">all</option>{options}</select></label>'
    )


def page_start(
    countries: list[str],
    categories: list[str],
    event_types: list[str],
    deals: int,
    events: int,
    reports: int,
) -> str:
    from exporter.report.svg import COLOURS

    legend = "".join(
        f'<span><i style="background:{COLOURS[t]}"></i>{t}</span>' for t in event_types
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,"><title>procex: procurement deals</title>'
        f"<style>{STYLE}</style></head><body><header><h1>Procurement deals</h1>"
        f"<p>deals: {deals}, merged events: {events}, reports: {reports}. "
        '<span id="shown"></span></p><p class="filters">'
        + _select("country", "Country", countries)
        + _select("category", "System category", categories)
        + _select("type", "Event type", event_types)
        + f'</p><p class="legend">{legend} (filled: happened, hollow: planned, '
        "cross: denied)</p></header><main>\n"
    )


PAGE_END = f"</main><script>{SCRIPT}</script></body></html>\n"
