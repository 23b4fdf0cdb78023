"""procex: arms and defence procurement news articles in, procurement event records out.

The library is usable without the CLI:

    from exporter import read_articles, normalize, validate_records, read_records, write_records

Names are imported on first use, so `procex validate` never pays for the HTML extractor.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "read_articles": "exporter.articles",
    "normalize": "exporter.normalize",
    "validate_records": "exporter.validate",
    "read_records": "exporter.formats",
    "write_records": "exporter.formats",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'exporter' has no attribute {name!r}")
