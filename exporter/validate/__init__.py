"""Validation: records (with their locations) in, Problems out.

The schema first (selected by each record's `schema_version`), then the named semantic checks
on the records the schema accepts.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from typing import Any, cast

from exporter.formats import loadable_as_read, loadable_text
from exporter.formats.loaded import Loaded
from exporter.problems import Problem, json_pointer
from exporter.validate.checks import CHECKS, DEAL_KIND, KINDS, Seen
from exporter.validate.report import Summary
from exporter.validate.schema import acceptor, schema_problems


def validate_records(
    items: Iterable[Loaded | Problem | dict[str, Any]],
    *,
    schema_version: str | None = None,
    skip: Collection[str] = (),
    seen: Seen | None = None,
) -> Iterator[Problem]:
    """Problems of every record in `items`: records as read (Loaded, located in their file)
    or plain dicts (located by their position in `items`: file "<records>", record N, no
    line); a Problem among the items (unreadable input) is passed through. `seen` carries
    cross-record state (duplicate ids) across several calls (files)."""
    found = _validate(_as_items(items), schema_version, skip, seen if seen is not None else Seen())
    return cast(Iterator[Problem], found)  # only Problems: `passing` is off


PLAIN = "<records>"  # the file name Problems of plain dict records carry


def _as_items(items: Iterable[Loaded | Problem | dict[str, Any]]) -> Iterator[Loaded | Problem]:
    """Plain dicts wrapped as Loaded records numbered in order; the rest as they are."""
    for number, item in enumerate(items, start=1):
        if isinstance(item, Loaded | Problem):
            yield item
        else:
            yield Loaded(item, PLAIN, number, 0, 0)


def unplaced(problem: Problem) -> Problem:
    """A Problem of a plain record: no file line or column to point at, only the pointer."""
    if problem.file != PLAIN:
        return problem
    return dataclasses.replace(problem, line=None, column=None)


LOADABLE = "loadable"  # the check a record's own text can settle (exporter.formats.loadable_text)


def _validate(
    items: Iterable[Loaded | Problem],
    schema_version: str | None,
    skip: Collection[str],
    seen: Seen,
    counts: Counter[str] | None = None,
    name: str = "",
    passing: bool = False,
) -> Iterator[Problem | Loaded]:
    """validate_records, adding the number of records read to `counts[name]` at the end;
    with `passing`, each record without a problem is yielded too (convert writes those).

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
    # the same, less `loadable`: for a record whose own text says it is loadable
    lean = {
        deal: [c for c in both if c[0] != LOADABLE]
        for deal, both in ((False, checks), (True, deal_checks))
    }
    by_text = any(check == LOADABLE for check, _ in checks)
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
                yield from map(unplaced, problems)
                continue
        where = f"{item.file}:{item.line}" if item.file != PLAIN else f"record {item.record}"
        found = False
        deal = "record_kind" in data
        raw = item.raw
        if by_text and (
            loadable_text(data, raw)
            if type(raw) is bytes
            else raw is not None and loadable_as_read(item)
        ):
            chosen = lean[deal]
        else:
            chosen = deal_checks if deal else checks
        for check, function in chosen:
            findings = function(data, seen, where)
            if findings:
                found = True
                for path, message in findings:
                    line, column = item.position(path)
                    yield unplaced(
                        Problem(
                            item.file, line, column, json_pointer(path), check, message, item.record
                        )
                    )
        if passing and not found:
            yield item
    if counts is not None and read:
        counts[name] += read


def validate_paths(
    paths: Iterable[str],
    *,
    schema_version: str | None = None,
    skip: Collection[str] = (),
    fmt: str | None = None,
) -> Summary:
    """Validate record files and folders ("-" is stdin) as `procex validate` does: every file
    checked whatever the others hold; duplicate ids are found across all of them. `fmt`
    reads every file as that format (`--from`), else each as its name or content says."""
    from exporter.formats.files import STDIN, open_records, record_files

    summary, seen = Summary(), Seen()
    for path in record_files(paths):
        name = STDIN if path == "-" else path
        summary.files.append(name)
        before = len(summary.problems)
        items = open_records(path, fmt)
        found = _validate(items, schema_version, skip, seen, summary.records, name)
        summary.problems.extend(cast(Iterator[Problem], found))
        if summary.records[name] == 0 and len(summary.problems) == before:
            summary.problems.append(Problem(name, None, None, "", "empty", "no records in file"))
    return summary
