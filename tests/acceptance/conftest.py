from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
SEED = ROOT / "seeds" / "000_6bcff8eae5855749.txt"


def procex(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the command as a user would: a separate process, stdout and stderr apart."""
    return subprocess.run(
        [sys.executable, "-m", "exporter", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        timeout=120,
    )


@pytest.fixture
def run():
    return procex
