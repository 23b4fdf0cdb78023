"""procex: arms and defence procurement news articles in, procurement event records out.

The library is what the CLI runs (exporter/pipeline.py):

    from exporter import normalize, normalize_text, validate_record, validate_records
    from exporter import read_articles, read_records, write_records

Names are imported on first use, so `procex validate` never pays for the HTML extractor.
`exporter.normalize` is the function; its stages stay importable as the subpackage's
modules (`from exporter.normalize.dates import ...`, `from exporter.normalize import dates`),
though not as `import exporter.normalize.dates as dates`, which looks the module up as an
attribute of the function.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "read_articles": "exporter.articles",
    "normalize": "exporter.normalize",
    "normalize_text": "exporter.pipeline",
    "validate_record": "exporter.pipeline",
    "validate_records": "exporter.validate",
    "read_records": "exporter.pipeline",
    "write_records": "exporter.pipeline",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'exporter' has no attribute {name!r}")


class _Package(types.ModuleType):
    """The package, whose `normalize` attribute stays the function.

    Importing the subpackage exporter.normalize sets the package's attribute of that name
    to the subpackage (the import system does so for every submodule); this keeps the
    function there instead. The subpackage is still in sys.modules for every import form.
    """

    @property
    def normalize(self) -> Any:
        replaced = self.__dict__.get("_normalize")  # set by a caller, e.g. a test's monkeypatch
        return replaced or importlib.import_module("exporter.normalize").normalize

    @normalize.setter
    def normalize(self, value: Any) -> None:
        if not isinstance(value, types.ModuleType):  # the import system sets the subpackage
            self.__dict__["_normalize"] = value


sys.modules[__name__].__class__ = _Package
