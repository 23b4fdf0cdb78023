"""Reporters: render a validation run's Problems for people (text) or machines (json,
github annotations, JUnit XML). One small class per format, one interface."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import IO

from exporter.problems import Problem, plural


@dataclass
class Summary:
    files: list[str] = field(default_factory=list)
    records: Counter[str] = field(default_factory=Counter)  # file -> records read
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems


def where(problem: Problem) -> str:
    parts = [problem.file]
    if problem.line is not None:
        parts.append(str(problem.line))
        if problem.column is not None:
            parts.append(str(problem.column))
    return ":".join(parts)


class TextReporter:
    """file:line:column: pointer: message [keyword], then a one-line total."""

    def __init__(self, colour: bool = False) -> None:
        self.colour = colour

    def paint(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour else text

    def render(self, summary: Summary, out: IO[str]) -> None:
        for p in summary.problems:
            pointer = f" {p.pointer}:" if p.pointer else ""
            out.write(
                f"{self.paint(where(p), '1')}:{pointer} {p.message} "
                f"{self.paint('[' + p.keyword + ']', '2')}\n"
            )
        total = sum(summary.records.values())
        bad_files = len({p.file for p in summary.problems})
        records, files = plural(total, "record"), plural(len(summary.files), "file")
        if summary.valid:
            are = "is" if total == 1 else "are"
            out.write(self.paint(f"ok: {records} in {files} {are} valid", "32") + "\n")
        else:
            out.write(
                self.paint(
                    f"invalid: {plural(len(summary.problems), 'problem')} in {bad_files} of "
                    f"{files} ({records} read)",
                    "31",
                )
                + "\n"
            )


class JsonReporter:
    """A machine report in the manner of frictionless: totals, then per file, per error."""

    def render(self, summary: Summary, out: IO[str]) -> None:
        by_file: dict[str, list[Problem]] = {f: [] for f in summary.files}
        for p in summary.problems:
            by_file.setdefault(p.file, []).append(p)
        report = {
            "valid": summary.valid,
            "stats": {
                "files": len(summary.files),
                "records": sum(summary.records.values()),
                "errors": len(summary.problems),
                "invalid_files": sum(1 for ps in by_file.values() if ps),
            },
            "files": [
                {
                    "path": path,
                    "valid": not problems,
                    "records": summary.records[path],
                    "errors": [
                        {k: v for k, v in p.as_dict().items() if k != "file"} for p in problems
                    ],
                }
                for path, problems in by_file.items()
            ],
        }
        out.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    """GitHub Actions workflow commands: one ::error annotation per problem."""

    def render(self, summary: Summary, out: IO[str]) -> None:
        for p in summary.problems:
            props = [f"file={_escape_property(p.file)}"]
            if p.line is not None:
                props.append(f"line={p.line}")
            if p.column is not None:
                props.append(f"col={p.column}")
            props.append(f"title={_escape_property('procex ' + p.keyword)}")
            pointer = f"{p.pointer}: " if p.pointer else ""
            out.write(f"::error {','.join(props)}::{_escape_data(pointer + p.message)}\n")


# what XML 1.0 forbids in a document (C0 controls but tab and newlines, surrogates, U+FFFE/F);
# compiled by `re` when JUnit XML is first written (re's cache): 0.3 ms of start-up otherwise
_NOT_XML = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"


def _xml_text(text: str) -> str:
    """`text` with each character XML 1.0 cannot carry written as a visible escape (\\x01);
    a surrogate standing for an undecodable byte of a file name becomes that byte's escape."""

    def visible(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"

    return re.sub(_NOT_XML, visible, text)


class JunitReporter:  # imports xml only when asked: it pulls in urllib, 12 ms of start-up
    """JUnit XML: a test case per file, for CI systems that read it. A file with invalid
    records has a <failure>; a file that could not be read at all (keyword "io") has an
    <error>, as a test that could not run, so the report tells broken data from a broken
    run. Names and messages are XML 1.0 whatever bytes the file names hold."""

    def render(self, summary: Summary, out: IO[str]) -> None:
        from xml.sax.saxutils import escape, quoteattr

        by_file: dict[str, list[Problem]] = {f: [] for f in summary.files}
        for p in summary.problems:
            by_file.setdefault(p.file, []).append(p)
        unreadable = {f for f, ps in by_file.items() if any(p.keyword == "io" for p in ps)}
        failures = sum(1 for f, ps in by_file.items() if ps and f not in unreadable)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(
            f'<testsuite name="procex validate" tests="{len(by_file)}" '
            f'failures="{failures}" errors="{len(unreadable)}">\n'
        )
        for path, problems in by_file.items():
            name = quoteattr(_xml_text(path))
            out.write(f'  <testcase classname="procex.validate" name={name}>')
            if problems:
                text = "\n".join(
                    f"{where(p)}: {p.pointer + ' ' if p.pointer else ''}{p.message} [{p.keyword}]"
                    for p in problems
                )
                tag, message = (
                    ("error", "cannot be read")
                    if path in unreadable
                    else ("failure", plural(len(problems), "problem"))
                )
                out.write(
                    f"\n    <{tag} message={quoteattr(message)}>"
                    f"{escape(_xml_text(text))}</{tag}>\n  "
                )
            out.write("</testcase>\n")
        out.write("</testsuite>\n")


REPORTERS = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "junit": JunitReporter,
}
