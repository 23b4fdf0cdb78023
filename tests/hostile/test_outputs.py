"""Outputs under attack: an output that is an input, a folder, a read-only or full file
system, a closed or broken stdout, a closed stdin. Each ends in one line on stderr, exit 2,
the inputs untouched and no file (not even a temporary one) left behind."""

from __future__ import annotations

import errno
import os
import resource
import subprocess
from pathlib import Path
from typing import IO, Any

import pytest

from exporter import streams
from tests.hostile.conftest import SEED, SEED_EVENTS, Cli, procex

ALSO_INPUT = "the output is also an input; write to another file, then move it"


def records_file(folder: Path, name: str = "e.ndjson", copies: int = 1) -> Path:
    path = folder / name
    path.write_bytes(SEED_EVENTS.read_bytes() * copies)
    return path


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# --- an output that is one of the inputs ----------------------------------------------------


def test_convert_onto_its_own_input_is_refused_as_a_user_runs_it(tmp_path: Path) -> None:
    """Reproduction 1 of issue 8: this used to empty e.ndjson and exit 0."""
    before = records_file(tmp_path).read_bytes()
    ran = procex("convert", "e.ndjson", "--to", "ndjson", "-o", "e.ndjson", cwd=tmp_path)
    assert ran.returncode == 2
    assert ran.stderr.decode() == f"error: e.ndjson: {ALSO_INPUT}\n"
    assert (tmp_path / "e.ndjson").read_bytes() == before
    assert listing(tmp_path) == ["e.ndjson"]


@pytest.mark.parametrize("how", ["same path", "symlink", "hard link", "inside input folder"])
@pytest.mark.parametrize(
    "command",
    [["convert", "--to", "yaml"], ["upgrade", "--to", "latest"], ["convert", "--to", "ndjson"]],
)
def test_an_output_that_is_an_input_is_refused(
    tmp_path: Path, cli: Cli, how: str, command: list[str]
) -> None:
    source = records_file(tmp_path)
    before = source.read_bytes()
    target, given = source, str(source)
    if how == "symlink":
        target = tmp_path / "link.ndjson"
        target.symlink_to(source)
    elif how == "hard link":
        target = tmp_path / "hard.ndjson"
        os.link(source, target)
    elif how == "inside input folder":
        given = str(tmp_path)
    ran = cli(command[0], given, *command[1:], "-o", str(target))
    assert (ran.code, ran.err) == (2, f"error: {target}: {ALSO_INPUT}\n")
    assert source.read_bytes() == before


def test_normalize_onto_its_own_input_is_refused(tmp_path: Path, cli: Cli) -> None:
    articles = tmp_path / "articles.ndjson"
    articles.write_text('{"text": "Turkey signed a contract with Russia for S-400 systems."}\n')
    before = articles.read_bytes()
    ran = cli("normalize", str(articles), "-o", str(articles))
    assert (ran.code, ran.err) == (2, f"error: {articles}: {ALSO_INPUT}\n")
    assert articles.read_bytes() == before


def test_normalize_into_the_folder_it_reads_refuses_an_earlier_output(
    tmp_path: Path, cli: Cli
) -> None:
    (tmp_path / "events.ndjson").write_bytes(SEED_EVENTS.read_bytes())
    ran = cli("normalize", str(tmp_path), "--to", "ndjson", "--to", "yaml", "-o", f"{tmp_path}/")
    assert ran.code == 2
    assert ran.errors == [f"error: {tmp_path}/events.ndjson: {ALSO_INPUT}"]
    assert (tmp_path / "events.ndjson").read_bytes() == SEED_EVENTS.read_bytes()
    assert listing(tmp_path) == ["events.ndjson"]


# --- where a file cannot be written ---------------------------------------------------------


@pytest.mark.parametrize("command", [["convert", "--to", "yaml"], ["upgrade", "--to", "latest"]])
def test_a_folder_given_as_the_output_file(tmp_path: Path, cli: Cli, command: list[str]) -> None:
    source = records_file(tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    ran = cli(command[0], str(source), *command[1:], "-o", str(folder))
    assert (ran.code, ran.err) == (2, f"error: {folder}: is a folder; name a file to write\n")
    assert listing(folder) == []


def test_a_file_where_the_output_folder_should_be(tmp_path: Path) -> None:
    records_file(tmp_path)
    (tmp_path / "taken").write_text("a file\n")
    ran = procex("convert", "e.ndjson", "--to", "yaml", "-o", "taken/e.yaml", cwd=tmp_path)
    assert ran.returncode == 2
    assert (
        ran.stderr.decode() == "error: taken/e.yaml: cannot write: taken is a file, not a folder\n"
    )
    assert (tmp_path / "taken").read_text() == "a file\n"


def test_a_read_only_folder(tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root writes anywhere, so the refusal of the file system is simulated where it happens."""
    source = records_file(tmp_path)

    def refused(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(streams.tempfile, "mkstemp", refused)
    target = tmp_path / "out" / "e.yaml"
    ran = cli("convert", str(source), "--to", "yaml", "-o", str(target))
    assert (ran.code, ran.err) == (2, f"error: {target}: cannot write: Permission denied\n")
    assert not target.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_folder_for_real(tmp_path: Path) -> None:
    records_file(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    ran = procex("convert", "e.ndjson", "--to", "yaml", "-o", "locked/e.yaml", cwd=tmp_path)
    assert ran.returncode == 2
    assert ran.stderr.decode() == "error: locked/e.yaml: cannot write: Permission denied\n"
    assert listing(locked) == []


class _FillsUp:
    """A file on a disk that is full after `room` bytes."""

    def __init__(self, stream: IO[bytes], room: int) -> None:
        self.stream, self.room = stream, room

    def write(self, data: bytes) -> int:
        if len(data) > self.room:
            self.stream.write(data[: self.room])
            self.room = 0
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(data)
        return self.stream.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def full_after(monkeypatch: pytest.MonkeyPatch, room: int, spare: int = 0) -> None:
    """Output files opened from now on fill the disk after `room` bytes; the first `spare`
    of them have all the room they need."""
    opened = [0]
    fdopen = os.fdopen

    def open_full(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        opened[0] += 1
        stream = fdopen(fd, mode, *args, **kwargs)
        return stream if opened[0] <= spare else _FillsUp(stream, room)

    monkeypatch.setattr(streams.os, "fdopen", open_full)


@pytest.mark.parametrize("to", ["ndjson", "yaml", "jsonld", "es-bulk"])
def test_a_full_disk_leaves_the_old_output_as_it_was(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, to: str
) -> None:
    source = records_file(tmp_path, copies=50)
    target = tmp_path / f"out.{to}"
    target.write_bytes(b"the output of an earlier run\n")
    full_after(monkeypatch, room=3000)
    ran = cli("convert", str(source), "--to", to, "-o", str(target))
    assert (ran.code, ran.err) == (2, f"error: {target}: cannot write: No space left on device\n")
    assert target.read_bytes() == b"the output of an earlier run\n"
    assert listing(tmp_path) == ["e.ndjson", f"out.{to}"]


def test_a_full_disk_while_normalize_writes_several_formats_leaves_no_file(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    full_after(monkeypatch, room=100, spare=1)  # events.ndjson is written, events.yaml fails
    ran = cli("normalize", str(SEED), "-q", "--to", "ndjson", "--to", "yaml", "-o", f"{out}/")
    assert ran.code == 2
    assert ran.errors == [f"error: {out}/events.yaml: cannot write: No space left on device"]
    assert listing(out) == []


def test_a_file_size_limit_as_a_user_meets_it(tmp_path: Path) -> None:
    """A real write failure of the operating system, in a separate process: RLIMIT_FSIZE
    (Python ignores SIGXFSZ, so the write fails with EFBIG)."""
    records_file(tmp_path, copies=20)

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    ran = procex(
        "convert", "e.ndjson", "--to", "yaml", "-o", "e.yaml", cwd=tmp_path, preexec_fn=small_files
    )
    assert ran.returncode == 2
    assert ran.stderr.decode() == "error: e.yaml: cannot write: File too large\n"
    assert listing(tmp_path) == ["e.ndjson"]


def test_a_successful_write_gives_the_mode_open_would(tmp_path: Path, cli: Cli) -> None:
    source = records_file(tmp_path)
    umask = os.umask(0o022)
    try:
        assert cli("convert", str(source), "--to", "yaml", "-o", str(tmp_path / "a.yaml")).code == 0
        kept = tmp_path / "b.yaml"
        kept.write_text("old\n")
        kept.chmod(0o600)
        assert cli("convert", str(source), "--to", "yaml", "-o", str(kept)).code == 0
    finally:
        os.umask(umask)
    assert (tmp_path / "a.yaml").stat().st_mode & 0o777 == 0o644
    assert kept.stat().st_mode & 0o777 == 0o600
    assert kept.read_bytes() == (tmp_path / "a.yaml").read_bytes()
    assert listing(tmp_path) == ["a.yaml", "b.yaml", "e.ndjson"]


# --- standard streams -----------------------------------------------------------------------

STDOUT_COMMANDS = [
    ["validate", str(SEED_EVENTS)],
    ["validate", "--format", "junit", str(SEED_EVENTS)],
    ["convert", str(SEED_EVENTS), "--to", "jsonld"],
    ["upgrade", str(SEED_EVENTS), "--to", "latest"],
    ["normalize", "-q", str(SEED)],
    ["schema", "show"],
]


@pytest.mark.parametrize("args", STDOUT_COMMANDS, ids=lambda a: " ".join(a[:3])[:40])
def test_stdout_on_a_full_device(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        ran = procex(*args, stdout=full)
    assert ran.returncode == 2
    assert ran.stderr.decode() == "error: stdout: cannot write: No space left on device\n"


@pytest.mark.parametrize("args", STDOUT_COMMANDS, ids=lambda a: " ".join(a[:3])[:40])
def test_stdout_closed_by_its_reader(args: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        ran = procex(*args, stdout=write_end)
    finally:
        os.close(write_end)
    assert ran.returncode == 2
    assert ran.stderr.decode() in (
        "error: stdout: cannot write: Broken pipe\n",
        "error: stdout: cannot write: the reader closed the pipe\n",
    )


@pytest.mark.parametrize("args", STDOUT_COMMANDS, ids=lambda a: " ".join(a[:3])[:40])
def test_stdout_closed_from_the_start(args: list[str]) -> None:
    ran = procex(*args, stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    assert ran.returncode == 2
    assert ran.stderr.decode().startswith("error: stdout is closed")
    assert len(ran.stderr.splitlines()) == 1


def test_a_closed_stdout_does_not_stop_writing_to_a_file(tmp_path: Path) -> None:
    ran = procex(
        "convert",
        str(SEED_EVENTS),
        "--to",
        "ndjson",
        "-o",
        "e.ndjson",
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(1),
    )
    assert (ran.returncode, ran.stderr) == (0, b"")
    assert (tmp_path / "e.ndjson").read_bytes() == procex(
        "convert", str(SEED_EVENTS), "--to", "ndjson"
    ).stdout


@pytest.mark.parametrize(
    ("args", "stdout", "stderr"),
    [
        (["validate", "-"], "<stdin>: closed: there is nothing to read [io]", ""),
        (
            ["convert", "-", "--to", "yaml"],
            "",
            "error: <stdin>: closed: there is nothing to read [io]",
        ),
        (
            ["upgrade", "-", "--to", "latest"],
            "",
            "error: <stdin>: closed: there is nothing to read",
        ),
        (["normalize", "-q", "-"], "", "error: <stdin>: closed: there is nothing to read"),
    ],
)
def test_a_closed_stdin(args: list[str], stdout: str, stderr: str) -> None:
    ran = procex(*args, preexec_fn=lambda: os.close(0))
    assert ran.returncode == 2
    assert ran.stdout.decode().splitlines()[:1] == ([stdout] if stdout else [])
    assert ran.stderr.decode().splitlines() == ([stderr] if stderr else [])


# --- JUnit XML whatever the file names -------------------------------------------------------


@pytest.mark.parametrize(
    ("raw_name", "shown"),
    [
        (b"a\x01b.ndjson", "a\\u0001b.ndjson"),
        (b"tab\tand\x1bescape.ndjson", "tab\tand\\u001bescape.ndjson"),
        (b"latin1-\xff.ndjson", "latin1-\\xff.ndjson"),
    ],
)
def test_junit_stays_well_formed_with_odd_file_names(
    tmp_path: Path, raw_name: bytes, shown: str
) -> None:
    import xml.etree.ElementTree as ET

    (Path(os.fsdecode(bytes(tmp_path) + b"/" + raw_name))).write_bytes(b'{"id": 1}\n')
    ran = procex("validate", "--format", "junit", ".", cwd=tmp_path)
    assert ran.returncode == 1
    suite = ET.fromstring(ran.stdout)
    (case,) = suite.iter("testcase")
    assert case.get("name") == f"./{shown}"
    failure = case.find("failure")
    assert failure is not None and failure.text is not None
    assert failure.text.startswith(f"./{shown}:1:1: ")
    assert (suite.get("failures"), suite.get("errors")) == ("1", "0")


def test_a_file_in_an_input_folder_that_is_not_read_there_may_be_the_output(
    tmp_path: Path, cli: Cli
) -> None:
    source = records_file(tmp_path)
    notes = tmp_path / "notes.txt"  # not a record file: convert does not read it
    notes.write_text("old\n")
    ran = cli("convert", str(tmp_path), "--to", "ndjson", "-o", str(notes))
    assert (ran.code, ran.err) == (0, "")
    assert notes.read_bytes() == cli("convert", str(source), "--to", "ndjson").out
