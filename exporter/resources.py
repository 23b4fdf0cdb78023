"""Files shipped inside the package: data (gazetteers, word lists) and schemas.

Found through importlib.resources so an installed wheel works as well as a checkout.
"""

from __future__ import annotations

import functools
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # where Traversable lives: importlib.resources.abc from Python 3.11 on
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable


def package_file(*parts: str) -> Traversable:
    """A file inside the installed `exporter` package."""
    node = _package_root()
    for part in parts:
        node = node / part
    return node


@functools.cache
def _package_root() -> Traversable:
    """The package's folder, as importlib.resources gives it. A package on disk (a checkout,
    an installed wheel) is a plain folder, which needs no importlib.resources: importing it
    (with zipfile and tempfile) costs a tenth of `procex validate`'s start-up."""
    folder = os.path.dirname(os.path.abspath(__file__))
    if os.path.isfile(os.path.join(folder, "__init__.py")):
        from pathlib import Path

        return Path(folder)
    from importlib import resources  # a package inside a zip file

    return resources.files("exporter")


@functools.cache
def load_data(name: str) -> Any:
    """A YAML data file from exporter/data, parsed once per process."""
    import yaml  # only the normalizer needs data files: validating records never pays for it

    text = package_file("data", *name.split("/")).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def data_folder(name: str) -> list[str]:
    """The YAML files of a folder under exporter/data, as names for load_data, in name order."""
    folder = package_file("data", name)
    return sorted(f"{name}/{f.name}" for f in folder.iterdir() if f.name.endswith(".yaml"))
