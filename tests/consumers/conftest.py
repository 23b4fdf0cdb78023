"""Shared inputs for the consumer tests: procex's own output, produced as a user would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
VALID = ROOT / "fixtures" / "records" / "valid"
SEED_EVENTS = VALID / "seed-events.ndjson"
SEEDS = ROOT / "seeds"


def procex(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "exporter", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=300,
    )


@pytest.fixture(scope="session")
def fixture_ndjson(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The valid fixture as procex writes it: `procex convert --to ndjson`."""
    result = procex("convert", str(SEED_EVENTS), "--to", "ndjson")
    assert result.returncode == 0, result.stderr.decode()
    path = tmp_path_factory.mktemp("ndjson") / "fixture.ndjson"
    path.write_bytes(result.stdout)
    return path


@pytest.fixture(scope="session")
def seed_ndjson(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `procex normalize seeds/` writes."""
    result = procex("normalize", str(SEEDS), "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout, "normalize wrote no records for the seed"
    path = tmp_path_factory.mktemp("ndjson") / "seed.ndjson"
    path.write_bytes(result.stdout)
    return path


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]
