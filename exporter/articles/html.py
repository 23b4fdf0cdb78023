"""Saved HTML pages: main text and metadata with trafilatura, never touching the network."""

from __future__ import annotations

import contextlib
import re

import trafilatura
from lxml import etree

from .meta import Meta, to_date
from .model import ArticleError

_NO_TEXT = "no article text found in the HTML page"


_BLOCKS = frozenset({"p", "head", "list", "quote", "item", "code"})


def _inline(element: etree._Element) -> str:
    """Text in one element of trafilatura's XML: <lb/> breaks the line, blocks are paragraphs."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in _BLOCKS:
            parts.append("\n\n" + _block_text(child) + "\n\n")
        else:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _block_text(element: etree._Element) -> str:
    """One paragraph (or list, one item a line) of trafilatura's XML, trimmed."""
    if element.tag == "list":
        return "\n".join(_inline(item).strip() for item in element if item.tag == "item")
    return re.sub(r"\n{3,}", "\n\n", _inline(element).strip())


def _main_text(html: str) -> str | None:
    """Main text with one blank line between paragraphs (trafilatura's txt output uses one \\n)."""
    xml = trafilatura.extract(
        html,
        output_format="xml",
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        with_metadata=False,
    )
    if not xml:
        return None
    main = etree.fromstring(xml.encode("utf-8")).find("main")
    if main is None:
        return None
    blocks = (_block_text(block) for block in main)
    return "\n\n".join(block for block in blocks if block) or None


def _metadata(html: str) -> Meta:
    """Title, site name (publisher), date and canonical URL from the page's own markup."""
    found = trafilatura.extract_metadata(html)
    if found is None:
        return {}
    values = {
        "title": found.title,
        "publisher": found.sitename,
        "url": found.url,
    }
    meta: Meta = {key: value.strip() for key, value in values.items() if value and value.strip()}
    if found.date:
        # a date guess we cannot use is no reason to drop the article
        with contextlib.suppress(ArticleError):
            meta["published"] = to_date(found.date, "html")
    return meta


def parse(html: str, name: str) -> tuple[str, Meta]:
    """(body, own metadata) of a saved HTML article page."""
    try:
        body = _main_text(html)
        meta = _metadata(html) if body else {}
    except (ValueError, etree.LxmlError) as err:
        raise ArticleError(name, f"cannot parse the HTML page: {err}") from None
    if not body:
        raise ArticleError(name, _NO_TEXT)
    return body, meta
