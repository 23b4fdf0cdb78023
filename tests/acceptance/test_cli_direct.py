"""`procex validate` run without the typer app (exporter/cli/direct.py): it takes only the
command lines typer parses the same way, and answers them exactly as the typer app does."""

from __future__ import annotations

import sys

import pytest

from exporter.cli import direct, main
from exporter.validate.checks import CHECKS
from tests.acceptance.conftest import ROOT

INVALID = "fixtures/records/invalid"
VALID = "fixtures/records/valid"


@pytest.mark.parametrize(
    ("args", "parsed"),
    [
        (["a.ndjson"], {"files": ["a.ndjson"], "skip": []}),
        (["-", "b"], {"files": ["-", "b"], "skip": []}),
        (
            ["--format", "json", "a", "--skip=loadable", "--skip", "duplicate-id", "b"],
            {"files": ["a", "b"], "report_format": "json", "skip": ["loadable", "duplicate-id"]},
        ),
        (
            ["--schema-version=1.0.0", "--from", "yaml", "a"],
            {"files": ["a"], "schema_version": "1.0.0", "fmt": "yaml", "skip": []},
        ),
        (["--schema-version=", "a"], {"files": ["a"], "schema_version": "", "skip": []}),
    ],
)
def test_plain_command_lines_are_parsed_as_typer_does(
    args: list[str], parsed: dict[str, object]
) -> None:
    assert direct.validate_arguments(args) == parsed


@pytest.mark.parametrize(
    "args",
    [
        [],  # typer says which argument is missing
        ["--help"],
        ["a", "--bogus"],
        ["--format", "xml", "a"],
        ["--from", "csv", "a"],
        ["a", "--format"],  # no value
        ["--format", "json", "--format", "text", "a"],  # given twice
        ["--skip", "-", "a"],  # a value that looks like an option
        ["--", "-a"],
        ["-x"],
    ],
)
def test_other_command_lines_are_left_to_typer(args: list[str]) -> None:
    assert direct.validate_arguments(args) is None
    assert direct.run(["validate", *args]) is None


def test_other_commands_and_shell_completion_are_left_to_typer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert direct.run(["convert", "a", "--to", "yaml"]) is None
    assert direct.run(["--version"]) is None
    monkeypatch.setenv("_PROCEX_COMPLETE", "bash_complete")
    assert direct.run(["validate", "a"]) is None


CASES = [
    ["validate", f"{VALID}/one-record.json"],
    ["validate", VALID, INVALID],
    ["validate", "--format", "json", INVALID],
    ["validate", "--format=github", "--skip", "duplicate-id", INVALID],
    ["validate", INVALID, "--format", "junit", "--skip=loadable"],
    ["validate", INVALID, "--schema-version", "1.0.0"],
    ["validate", f"{VALID}/seed-events.ndjson", "--from", "yaml"],
    ["validate", INVALID, "--skip", "no-such-check"],
    ["validate", INVALID, "--schema-version", "9.9.9"],
    ["validate", "no-such-file.ndjson"],
]


def _main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[object, str, str]:
    """Exit code, stdout and stderr of procex run in this process."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "argv", ["procex", *args])
        with pytest.raises(SystemExit) as done:
            main()
    return (done.value.code, *capsys.readouterr())


@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_direct_run_answers_as_the_typer_app(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    assert direct.validate_arguments(args[1:]) is not None  # run directly, first
    direct_run = _main(args, capsys)
    monkeypatch.setattr(direct, "run", lambda args: None)  # every command line to typer
    assert direct_run == _main(args, capsys)


def test_every_check_can_be_skipped_directly() -> None:
    parsed = direct.validate_arguments([f"--skip={name}" for name in CHECKS] + ["a"])
    assert parsed == {"files": ["a"], "skip": list(CHECKS)}
