"""Plain-text articles: optional YAML front matter, else an optional `.meta.yaml` sidecar."""

from __future__ import annotations

from pathlib import Path

import yaml

from .meta import Meta, clean
from .model import ArticleError

SIDECAR = ".meta.yaml"
_FENCE = "---"
_CLOSERS = ("---", "...")


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates, numbers and yes/no as the strings written.

    So `published: 2019-02-30` is reported as not a date instead of crashing the loader,
    and `language: no` stays Norwegian.
    """


for _tag in ("bool", "int", "float", "timestamp"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _Loader.construct_scalar)  # type: ignore[type-var]


def sidecar_of(path: str) -> Path:
    """`dir/name.txt` -> `dir/name.meta.yaml`: where a text file's metadata may sit."""
    p = Path(path)
    return p.with_name(p.stem + SIDECAR)


def is_sidecar(path: str) -> bool:
    """Whether `path` is a sidecar (metadata for another file), never an article itself."""
    return path.lower().endswith(SIDECAR)


def _load_mapping(source: str, name: str, first_line: int, what: str) -> Meta:
    """YAML mapping in `source` (which starts at file line `first_line`) as clean metadata."""
    try:
        data = yaml.load(source, Loader=_Loader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = first_line + (mark.line if mark else 0)
        raise ArticleError(f"{name}:{line}", f"invalid YAML {what}: {err.problem}") from None
    except yaml.YAMLError as err:
        raise ArticleError(name, f"invalid YAML {what}: {err}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ArticleError(name, f"{what} must be a YAML mapping of keys to values")
    return clean(data, name)


def split_front_matter(text: str, name: str) -> tuple[str, Meta] | None:
    """(body, metadata) when `text` opens with a `---` front matter block, else None."""
    lines = text.split("\n")
    if lines[0].rstrip() != _FENCE:
        return None
    for i, line in enumerate(lines[1:], start=1):
        if line.rstrip() in _CLOSERS:
            meta = _load_mapping("\n".join(lines[1:i]), name, 2, "front matter")
            return "\n".join(lines[i + 1 :]), meta
    raise ArticleError(f"{name}:1", "front matter opened with --- is never closed by a --- line")


def read_sidecar(path: Path) -> Meta:
    """Metadata from a sidecar file; {} when there is none."""
    try:
        source = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return {}
    except OSError as err:
        raise ArticleError(str(path), f"cannot read: {err.strerror}") from None
    except UnicodeDecodeError:
        raise ArticleError(str(path), "not UTF-8") from None
    return _load_mapping(source, str(path), 1, "metadata")


def parse(text: str, name: str, sidecar: Path | None = None) -> tuple[str, Meta]:
    """(body, own metadata): front matter if present, else the sidecar's, else none."""
    split = split_front_matter(text, name)
    if split is not None:
        return split
    return text, read_sidecar(sidecar) if sidecar is not None else {}
