"""Validation: records (with their locations) in, Problems out.

The schema first (selected by each record's `schema_version`), then the named semantic checks
on the records the schema accepts.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from exporter.formats.loaded import Loaded
from exporter.problems import Problem, json_pointer
from exporter.validate.checks import CHECKS, Seen
from exporter.validate.report import Summary
from exporter.validate.schema import schema_problems


def validate_records(
    items: Iterable[Loaded | Problem],
    *,
    schema_version: str | None = None,
    skip: Collection[str] = (),
    seen: Seen | None = None,
) -> Iterator[Problem]:
    """Problems of every record in `items`; a Problem among the items (unreadable input) is
    passed through. `seen` carries cross-record state across several calls (files)."""
    unknown = set(skip) - set(CHECKS)
    if unknown:
        raise ValueError(f"unknown check {', '.join(sorted(unknown))}; known: {', '.join(CHECKS)}")
    checks = [(name, fn) for name, fn in CHECKS.items() if name not in skip]
    seen = seen if seen is not None else Seen()
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        problems = list(schema_problems(item, schema_version))
        yield from problems
        if problems:
            continue
        where = f"{item.file}:{item.line}"
        for name, function in checks:
            for path, message in function(item.data, seen, where):
                line, column = item.position(path)
                yield Problem(
                    item.file, line, column, json_pointer(path), name, message, item.record
                )


def validate_paths(
    paths: Iterable[str],
    *,
    schema_version: str | None = None,
    skip: Collection[str] = (),
) -> Summary:
    """Validate record files and folders ("-" is stdin) as `procex validate` does: every file
    checked whatever the others hold; duplicate ids are found across all of them."""
    from exporter.formats.files import STDIN, open_records, record_files

    summary, seen = Summary(), Seen()
    for path in record_files(paths):
        name = STDIN if path == "-" else path
        summary.files.append(name)

        def counted(
            items: Iterable[Loaded | Problem], name: str = name
        ) -> Iterator[Loaded | Problem]:
            for item in items:
                if isinstance(item, Loaded):
                    summary.records[name] += 1
                yield item

        before = len(summary.problems)
        summary.problems.extend(
            validate_records(
                counted(open_records(path)), schema_version=schema_version, skip=skip, seen=seen
            )
        )
        if summary.records[name] == 0 and len(summary.problems) == before:
            summary.problems.append(Problem(name, None, None, "", "empty", "no records in file"))
    return summary
