"""Running procex on hostile inputs and outputs: in-process (so that a failure of the file
system can be simulated with monkeypatch) and as a separate process (as a user runs it)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from exporter.cli import main

ROOT = Path(__file__).parents[2]
SEED = ROOT / "seeds" / "000_6bcff8eae5855749.txt"
SEED_EVENTS = ROOT / "fixtures" / "records" / "valid" / "seed-events.ndjson"


@dataclass
class Ran:
    code: int
    out: bytes
    err: str

    @property
    def errors(self) -> list[str]:
        """The stderr lines that report a problem."""
        return [line for line in self.err.splitlines() if line.startswith("error: ")]


Cli = Callable[..., Ran]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]) -> Cli:
    """procex in this process: `cli("convert", path, "--to", "yaml")`."""

    def run(*args: str) -> Ran:
        monkeypatch.setattr(sys, "argv", ["procex", *args])
        with pytest.raises(SystemExit) as done:
            main()
        captured = capsysbinary.readouterr()
        err = captured.err.decode("utf-8", "replace")
        assert "Traceback" not in err
        return Ran(int(done.value.code or 0), captured.out, err)

    return run


def procex(*args: str, **how: Any) -> subprocess.CompletedProcess[bytes]:
    """procex as a separate process; `how` goes to subprocess.run (stdin, stdout, ...)."""
    how.setdefault("capture_output", "stdout" not in how and "stderr" not in how)
    if "stdout" in how:
        how.setdefault("stderr", subprocess.PIPE)
    result = subprocess.run(
        [sys.executable, "-m", "exporter", *args], cwd=how.pop("cwd", ROOT), timeout=120, **how
    )
    assert b"Traceback" not in (result.stderr or b"")
    return result
