"""CLI manners: --version, shell completion, an example in every command's help, counts
with their plurals, and JUnit telling unreadable files (<error>) from invalid ones."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.acceptance.conftest import ROOT, procex

VALID = ROOT / "fixtures" / "records" / "valid"
INVALID = "fixtures/records/invalid"
COMMANDS = [
    ("normalize",),
    ("validate",),
    ("convert",),
    ("upgrade",),
    ("eval",),
    ("schema",),
    ("schema", "list"),
    ("schema", "show"),
    ("schema", "diff"),
    ("schema", "columns"),
    ("compile",),
    ("report",),
]


def test_version_is_the_package_version() -> None:
    found = re.search(r'^version = "(.+)"$', (ROOT / "pyproject.toml").read_text(), re.M)
    assert found is not None
    version = found.group(1)
    result = procex("--version")
    assert (result.returncode, result.stdout.decode(), result.stderr) == (
        0,
        f"procex {version}\n",
        b"",
    )


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_help_shows_an_example_of_itself(command: tuple[str, ...]) -> None:
    result = procex(*command, "--help")
    assert result.returncode == 0
    text = result.stdout.decode()
    assert "Examples:" in text
    assert f"$ procex {' '.join(command)}" in text


def procex_script() -> str:
    found = shutil.which("procex", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("procex is not installed as a script next to this Python")
    return found


def test_bash_completion_is_offered_and_completes_commands_and_choices() -> None:
    script = procex_script()
    shown = subprocess.run([script, "--show-completion", "bash"], capture_output=True, text=True)
    assert shown.returncode == 0 and "_PROCEX_COMPLETE=complete_bash" in shown.stdout

    def complete(words: str) -> list[str]:
        env = {
            **os.environ,
            "_PROCEX_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split(" ")) - 1),
        }
        done = subprocess.run([script], env=env, capture_output=True, text=True, timeout=60)
        return done.stdout.split()

    assert complete("procex val") == ["validate"]
    assert complete("procex convert x.ndjson --to ") == ["ndjson", "yaml", "jsonld", "es-bulk"]
    assert complete("procex schema columns --for ") == [
        "duckdb",
        "postgres",
        "sqlite",
        "elasticsearch",
        "pandas",
    ]


def test_install_completion_is_an_option() -> None:
    assert "--install-completion" in procex("--help").stdout.decode()


@pytest.mark.parametrize(
    ("files", "summary"),
    [
        (["seed-events.ndjson"], "ok: 3 records in 1 file are valid"),
        (["one-record.json"], "ok: 1 record in 1 file is valid"),
        (["one-record.json", "seed-events.yaml"], "ok: 3 records in 2 files are valid"),
    ],
)
def test_counts_have_their_plural(files: list[str], summary: str) -> None:
    result = procex("validate", "--skip", "duplicate-id", *(str(VALID / f) for f in files))
    assert result.stdout.decode().splitlines()[-1] == summary


def test_one_problem_is_one_problem() -> None:
    result = procex("validate", f"{INVALID}/february-30.ndjson")
    assert result.stdout.decode().splitlines()[-1] == (
        "invalid: 1 problem in 1 of 1 file (1 record read)"
    )


def test_junit_reports_an_unreadable_file_as_error_and_invalid_data_as_failure() -> None:
    result = procex(
        "validate",
        "--format",
        "junit",
        f"{INVALID}/february-30.ndjson",
        "no-such-file.ndjson",
        str(VALID / "seed-events.ndjson"),
    )
    assert result.returncode == 2
    suite = ET.fromstring(result.stdout)
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    cases = {case.get("name"): case for case in suite}
    failure = cases[f"{INVALID}/february-30.ndjson"].find("failure")
    assert failure is not None and failure.get("message") == "1 problem"
    error = cases["no-such-file.ndjson"].find("error")
    assert error is not None and error.get("message") == "cannot be read"
    assert "cannot read: No such file or directory [io]" in (error.text or "")
    assert cases["no-such-file.ndjson"].find("failure") is None
    assert list(cases[str(VALID / "seed-events.ndjson")]) == []
