"""Generated hostile inputs: files that mix good records with bad items of every class
(not an object, deep nesting, alias bombs, bad encodings, BOMs, surrogates, NUL, truncated
JSON, YAML types JSON has not), run through validate, convert (each --to) and upgrade.

Each run must end by its exit code with no traceback, every good record must come out (the
same ids, in order) and every output must parse."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile.helpers import COMMANDS, SUFFIX, build, check_command, record, rid

# bad items, in each format's syntax, whose end is known: the items after them are read
JSON_BAD = {
    "null": b"null",
    "string": b'"a string"',
    "number": b"12",
    "array": b"[1, 2]",
    "deep": b'{"a":' * 70 + b"{}" + b"}" * 70,
    "very deep": b"[" * 3000 + b"]" * 3000,
    "beyond a double": b'{"a": 1e999}',
}
NDJSON_BAD = {
    **JSON_BAD,
    "truncated": b'{"schema_version": "1.1.0", "id": ',
    "not UTF-8": b'{"a": "\xff\xfe"}',
    "NaN": b'{"a": NaN}',
    "two values": b"{} {}",
}
YAML_BAD = {
    "null": b"null",
    "sequence": b"[1, 2]",
    "deep": b"[" * 100 + b"]" * 100,
    "merge key": b"base: &b {x: 1}\nother:\n  <<: *b",
    "duplicate key": b"a: 1\na: 2",
    "unknown tag": b"a: !thing 1",
    "recursive alias": b"a: &x [1, *x]",
    "alias bomb": b"a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + b"".join(
        b"a%d: &a%d [" % (i, i) + b", ".join([b"*a%d" % (i - 1) if i > 1 else b"*a"] * 10) + b"]\n"
        for i in range(1, 8)
    ),
    "date": b"published: 2019-03-29",
    "no such day": b"published: 2019-02-30",
    "binary": b"a: !!binary aGVsbG8=",
    "set": b"a: !!set {x: null}",
    "nan": b"a: .nan",
    "complex key": b"? [a, b]\n: c",
    "integer key": b"1: one",
    "not UTF-8": b"a: \xff",
    "syntax": b"a: [1, 2\nb: c",
    "tab": b"a:\n\tb: 1",
}
BAD = {"ndjson": NDJSON_BAD, "json": JSON_BAD, "jsonld": JSON_BAD, "yaml": YAML_BAD}

# titles that exercise the writers and the loadable rule (a NUL is refused by convert)
titles = st.one_of(
    st.sampled_from(["NO", "2019-03-29", "a\u2028b", "\u0085", "Türkiye", "x" * 300]),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20),
)


@st.composite
def hostile_files(draw: st.DrawFn) -> tuple[str, bytes, list[str], list[str]]:
    """A format, a file in it, the ids that must come out, and the classes of bad items."""
    fmt = draw(st.sampled_from(sorted(BAD)))
    items: list[dict | bytes] = []
    good: list[str] = []
    bad: list[str] = []
    for n in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            title = draw(titles)
            items.append({**record(n), "source": {**record(n)["source"], "title": title}})
            if "\x00" not in title:
                good.append(rid(n))
            else:
                bad.append("NUL")
        else:
            kind = draw(st.sampled_from(sorted(BAD[fmt])))
            items.append(BAD[fmt][kind])
            bad.append(kind)
    data = build(fmt, items)
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    return fmt, data, good, bad


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=hostile_files())
def test_generated_hostile_files_through_every_command(tmp_path: Path, case: tuple) -> None:
    fmt, data, good, bad = case
    path = tmp_path / f"hostile{SUFFIX[fmt]}"
    path.write_bytes(data)
    code = 1 if bad else 0
    for command in COMMANDS:
        outcome = check_command(
            command,
            path,
            fmt,
            good,
            code=code,
            read=None if "NUL" not in bad else len(good) + bad.count("NUL"),
        )
        if command == "validate":
            report = json.loads(outcome.out)
            assert len(report["files"][0]["errors"]) >= len(bad)
        elif bad:
            assert outcome.err.count("error: ") >= len(bad), outcome.err


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=hostile_files(), command=st.sampled_from(sorted(COMMANDS)))
def test_generated_hostile_files_as_a_user_runs_them(
    tmp_path: Path, case: tuple, command: str
) -> None:
    fmt, data, good, bad = case
    path = tmp_path / f"hostile{SUFFIX[fmt]}"
    path.write_bytes(data)
    read = None if "NUL" not in bad else len(good) + bad.count("NUL")
    check_command(command, path, fmt, good, code=1 if bad else 0, process=True, read=read)
