"""Unreadable is never valid: a folder that cannot be listed, a dangling link, a named pipe or
a socket among the inputs makes validate exit 2 and name it; convert, upgrade and normalize
write the records of what they can read, name what they cannot, and exit 2.

The tests run as root, whom chmod 000 does not stop: the refusal is simulated where the
operating system gives it (os.scandir), and made real with links, pipes and sockets."""

from __future__ import annotations

import errno
import json
import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.conftest import SEED, SEED_EVENTS, Cli, procex

DENIED = "cannot read folder: Permission denied"


@pytest.fixture
def locked_subfolder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(a folder with one good record file, its subfolder that cannot be listed)."""
    root = tmp_path / "records"
    locked = root / "locked"
    locked.mkdir(parents=True)
    (locked / "hidden.ndjson").write_bytes(SEED_EVENTS.read_bytes())
    shutil.copy(SEED_EVENTS, root / "good.ndjson")
    scandir = os.scandir

    def refusing(path: Any = ".") -> Any:
        if os.fspath(path) == str(locked):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    return root, locked


def test_validate_names_a_subfolder_it_cannot_list(
    locked_subfolder: tuple[Path, Path], cli: Cli
) -> None:
    """Reproduction 2 of issue 8: this said 'ok: 3 records in 1 files are valid', exit 0."""
    root, locked = locked_subfolder
    ran = cli("validate", str(root))
    assert ran.code == 2
    assert ran.out.decode().splitlines() == [
        f"{locked}: {DENIED} [io]",
        "invalid: 1 problem in 1 of 2 files (3 records read)",
    ]


def test_validate_junit_makes_an_unreadable_folder_an_error(
    locked_subfolder: tuple[Path, Path], cli: Cli
) -> None:
    root, locked = locked_subfolder
    ran = cli("validate", "--format", "junit", str(root))
    assert ran.code == 2
    report = ran.out.decode()
    assert 'tests="2" failures="0" errors="1"' in report
    assert f'<error message="cannot be read">{locked}: {DENIED} [io]</error>' in report


@pytest.mark.parametrize(
    "command", [["convert", "--to", "ndjson"], ["upgrade", "--to", "latest"]], ids=lambda c: c[0]
)
def test_convert_and_upgrade_write_what_they_can_read(
    locked_subfolder: tuple[Path, Path], cli: Cli, command: list[str]
) -> None:
    root, locked = locked_subfolder
    ran = cli(command[0], str(root), *command[1:])
    assert ran.code == 2
    keyword = " [io]" if command[0] == "convert" else ""  # convert reports as validate does
    assert ran.errors == [f"error: {locked}: {DENIED}{keyword}"]
    assert ran.out == procex(command[0], str(SEED_EVENTS), *command[1:]).stdout


def test_normalize_writes_what_it_can_read(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "articles" / "locked"
    locked.mkdir(parents=True)
    shutil.copy(SEED, locked / "seed.txt")
    shutil.copy(SEED, tmp_path / "articles" / "seed.txt")
    scandir = os.scandir
    monkeypatch.setattr(
        os,
        "scandir",
        lambda path=".": _refuse(path) if os.fspath(path) == str(locked) else scandir(path),
    )
    ran = cli("normalize", "-q", str(tmp_path / "articles"))
    assert ran.code == 2
    assert ran.errors == [f"error: {locked}: {DENIED}"]
    alone = procex("normalize", "-q", str(tmp_path / "articles" / "seed.txt"))
    assert ran.out == alone.stdout and len(alone.stdout.splitlines()) == 7


def _refuse(path: Any) -> Iterator[os.DirEntry[str]]:
    raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))


@pytest.fixture
def odd_entries(tmp_path: Path) -> Iterator[Path]:
    """A folder with a good record file, a dangling link, a named pipe and a socket, each
    named as a record file would be."""
    shutil.copy(SEED_EVENTS, tmp_path / "a-good.ndjson")
    (tmp_path / "b-dangling.ndjson").symlink_to(tmp_path / "gone.ndjson")
    os.mkfifo(tmp_path / "c-pipe.ndjson")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "d-socket.ndjson"))
    try:
        yield tmp_path
    finally:
        server.close()


def test_validate_names_links_pipes_and_sockets_without_hanging(odd_entries: Path) -> None:
    ran = procex("validate", ".", cwd=odd_entries)
    assert ran.returncode == 2
    assert ran.stdout.decode().splitlines() == [
        "./b-dangling.ndjson: cannot read: No such file or directory [io]",
        "./c-pipe.ndjson: cannot read: not a regular file (a named pipe) [io]",
        "./d-socket.ndjson: cannot read: not a regular file (a socket) [io]",
        "invalid: 3 problems in 3 of 4 files (3 records read)",
    ]


@pytest.mark.parametrize("report", ["json", "github", "junit"])
def test_every_report_format_names_unreadable_entries_without_a_traceback(
    odd_entries: Path, report: str
) -> None:
    ran = procex("validate", "--format", report, ".", cwd=odd_entries)
    assert (ran.returncode, ran.stderr) == (2, b"")
    out = ran.stdout.decode()
    for name, reason in [
        ("b-dangling.ndjson", "No such file or directory"),
        ("c-pipe.ndjson", "not a regular file (a named pipe)"),
        ("d-socket.ndjson", "not a regular file (a socket)"),
    ]:
        assert name in out and reason in out


def test_the_json_report_of_unreadable_entries_is_plain_json(odd_entries: Path) -> None:
    ran = procex("validate", "--format", "json", ".", cwd=odd_entries)
    report = json.loads(ran.stdout)
    unreadable = {f["path"]: f["errors"] for f in report["files"] if not f["valid"]}
    assert unreadable["./c-pipe.ndjson"] == [
        {
            "line": None,
            "column": None,
            "pointer": "",
            "keyword": "io",
            "message": "cannot read: not a regular file (a named pipe)",
            "record": None,
        }
    ]


def test_normalize_names_links_pipes_and_sockets_without_hanging(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "a.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "c.txt")
    ran = procex("normalize", "-q", ".", cwd=tmp_path)
    assert ran.returncode == 2
    assert ran.stderr.decode().splitlines() == [
        "error: ./b.txt: cannot read: No such file or directory",
        "error: ./c.txt: cannot read: not a regular file (a named pipe)",
    ]
    assert len(ran.stdout.splitlines()) == 7


def test_a_dangling_link_named_directly(tmp_path: Path) -> None:
    (tmp_path / "gone.ndjson").symlink_to(tmp_path / "nothing")
    ran = procex("validate", "gone.ndjson", cwd=tmp_path)
    assert ran.returncode == 2
    assert ran.stdout.decode().splitlines()[0] == (
        "gone.ndjson: cannot read: No such file or directory [io]"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder whatever its mode")
def test_a_subfolder_without_permissions_for_real(tmp_path: Path) -> None:
    shutil.copy(SEED_EVENTS, tmp_path / "good.ndjson")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.ndjson").write_bytes(SEED_EVENTS.read_bytes())
    locked.chmod(0)
    try:
        ran = procex("validate", ".", cwd=tmp_path)
    finally:
        locked.chmod(0o755)
    assert ran.returncode == 2
    assert ran.stdout.decode().splitlines()[0] == f"./locked: {DENIED} [io]"
