"""Validation: records (with their locations) in, Problems out.

The schema first (selected by each record's `schema_version`), then the named semantic checks
on the records the schema accepts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator

from exporter.formats.loaded import Loaded
from exporter.problems import Problem, json_pointer
from exporter.validate.checks import CHECKS, DEAL_KIND, KINDS, Seen
from exporter.validate.report import Summary
from exporter.validate.schema import acceptor, schema_problems


def validate_records(
    items: Iterable[Loaded | Problem],
    *,
    schema_version: str | None = None,
    skip: Collection[str] = (),
    seen: Seen | None = None,
) -> Iterator[Problem]:
    """Problems of every record in `items`; a Problem among the items (unreadable input) is
    passed through. `seen` carries cross-record state across several calls (files)."""
    return _validate(items, schema_version, skip, seen if seen is not None else Seen())


def _validate(
    items: Iterable[Loaded | Problem],
    schema_version: str | None,
    skip: Collection[str],
    seen: Seen,
    counts: Counter[str] | None = None,
    name: str = "",
) -> Iterator[Problem]:
    """validate_records, adding the number of records read to `counts[name]` at the end.

    The loop every record goes through, kept lean: a record that jsonschema-rs accepts goes
    straight to the semantic checks; only one it does not accept (or cannot judge) takes the
    detailed path of `schema_problems`, which gives the same verdict with located messages.
    """
    unknown = set(skip) - set(CHECKS)
    if unknown:
        raise ValueError(f"unknown check {', '.join(sorted(unknown))}; known: {', '.join(CHECKS)}")
    checks = [(check, fn) for check, fn in CHECKS.items() if check not in skip]
    # a deal record (it names its record_kind) gets the checks that apply to deals
    deal_checks = [(check, fn) for check, fn in checks if DEAL_KIND in KINDS[check]]
    accepts = acceptor(schema_version)
    read = 0
    for item in items:
        if type(item) is not Loaded and isinstance(item, Problem):
            yield item
            continue
        read += 1
        data = item.data
        if not accepts(data):
            problems = list(schema_problems(item, schema_version))
            if problems:
                yield from problems
                continue
        where = f"{item.file}:{item.line}"
        for check, function in deal_checks if "record_kind" in data else checks:
            findings = function(data, seen, where)
            if findings:
                for path, message in findings:
                    line, column = item.position(path)
                    yield Problem(
                        item.file, line, column, json_pointer(path), check, message, item.record
                    )
    if counts is not None and read:
        counts[name] += read


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
        before = len(summary.problems)
        summary.problems.extend(
            _validate(open_records(path), schema_version, skip, seen, summary.records, name)
        )
        if summary.records[name] == 0 and len(summary.problems) == before:
            summary.problems.append(Problem(name, None, None, "", "empty", "no records in file"))
    return summary
