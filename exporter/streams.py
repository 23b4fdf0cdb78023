"""Where commands read and write: stdin, stdout and output files, with failures as one line.

An output file is written whole or not at all: records go to a hidden temporary file in the
target's folder, renamed over the target only when every byte is written, so a full disk,
a crash or a bad input never leaves a file cut mid-record, and a reader of the old file never
sees a half-written one. Every write failure (a full disk, a read-only folder, a closed
stdout) becomes an OutputError naming the output: the CLI prints it and exits 2.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

from exporter.problems import InputError

if TYPE_CHECKING:  # pathlib and tempfile are imported where files are written: validate
    from pathlib import Path  # reads only, and its start-up should not pay for them

STDOUT = "stdout"
STDIN_CLOSED = "closed: there is nothing to read"


def __getattr__(name: str) -> Any:
    # `streams.tempfile`, the module output files are made with, imported on first use
    # (tests patch its mkstemp through this name)
    if name == "tempfile":
        import tempfile

        return tempfile
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class OutputError(InputError):
    """An output that cannot be written: exit code 2, like unreadable input."""


def why(error: OSError) -> str:
    """An OSError's reason in words, without the errno and path Python adds."""
    return error.strerror or type(error).__name__


class GuardedWriter:
    """A binary stream whose write failures are OutputErrors naming the output."""

    def __init__(self, stream: IO[bytes], name: str) -> None:
        self.stream, self.name = stream, name

    def write(self, data: bytes) -> int:
        try:
            return self.stream.write(data)
        except OSError as error:
            raise OutputError(f"{self.name}: cannot write: {why(error)}") from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as error:
            raise OutputError(f"{self.name}: cannot write: {why(error)}") from None

    def __getattr__(self, attribute: str) -> Any:  # seek, tell, fileno: as the stream's
        return getattr(self.stream, attribute)


def stdin() -> IO[bytes]:
    """Standard input as bytes; InputError when the process was started with it closed."""
    if sys.stdin is None:
        raise InputError(f"<stdin>: {STDIN_CLOSED}")
    return sys.stdin.buffer


def stdout() -> IO[bytes]:
    """Standard output as a guarded binary stream; OutputError when it is closed."""
    if sys.stdout is None:
        raise OutputError(f"{STDOUT} is closed: give -o FILE to write to a file")
    return GuardedWriter(sys.stdout.buffer, STDOUT)  # type: ignore[return-value]


@contextmanager
def writing_stdout() -> Iterator[None]:
    """Text written to sys.stdout inside the block (reports) is flushed at its end, and a
    failure to write it is an OutputError."""
    if sys.stdout is None:
        raise OutputError(f"{STDOUT} is closed")
    try:
        yield
        sys.stdout.flush()
    except OSError as error:
        raise OutputError(f"{STDOUT}: cannot write: {why(error)}") from None


def silence_stdout() -> None:
    """Point fd 1 at /dev/null after stdout failed, so that Python's own flush at exit does
    not print a second error (a traceback-like 'Exception ignored') after ours."""
    if sys.stdout is None:
        return
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def same_file(a: str, b: str) -> bool:
    """Whether two paths name one file (hard and symbolic links included)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def refuse_inputs(
    target: str, inputs: Iterable[str], read_in_folder: Callable[[str], bool] = bool
) -> None:
    """OutputError if the output `target` is one of the `inputs`: a file named, or a file
    inside a folder named that the command reads there (`read_in_folder` of its name)."""
    if not os.path.lexists(target):
        return
    real = os.path.realpath(target)
    for path in inputs:
        if path == "-" or not os.path.lexists(path):
            continue
        inside = (
            os.path.isdir(path)
            and real.startswith(os.path.realpath(path) + os.sep)
            and read_in_folder(os.path.basename(real))
        )
        if inside or same_file(path, target):
            raise OutputError(
                f"{target}: the output is also an input; write to another file, then move it"
            )


def _mode_for(target: Path) -> int:
    """The mode a file written with open() would get: the old file's, else 0666 less umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def make_folder(folder: Path, name: str) -> None:
    """`folder` (with its parents) made for the output `name`; OutputError if it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as error:  # a file stands where a folder must be
        raise OutputError(
            f"{name}: cannot write: {error.filename} is a file, not a folder"
        ) from None
    except OSError as error:
        raise OutputError(f"{name}: cannot write: {why(error)}") from None


def _temporary(target: Path, name: str) -> tuple[IO[bytes], str]:
    """A new hidden temporary file beside `target`, and its path."""
    if target.is_dir():
        raise OutputError(f"{name}: is a folder; name a file to write")
    import tempfile

    make_folder(target.parent, name)
    try:
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as error:
        raise OutputError(f"{name}: cannot write: {why(error)}") from None
    return os.fdopen(fd, "wb"), temp


@contextmanager
def output_files(paths: list[str]) -> Iterator[list[IO[bytes]]]:
    """Binary streams for `paths`, all put in place together when the block ends without an
    error; on any error every temporary file is removed and no target is touched."""
    from pathlib import Path

    opened: list[tuple[IO[bytes], str, Path]] = []
    try:
        for name in paths:
            target = Path(name)
            stream, temp = _temporary(target, name)
            opened.append((stream, temp, target))
        yield [GuardedWriter(s, str(t)) for s, _, t in opened]  # type: ignore[misc]
        for stream, temp, target in opened:
            try:
                stream.close()  # the last bytes are written here: a full disk shows now
                os.chmod(temp, _mode_for(target))
            except OSError as error:
                raise OutputError(f"{target}: cannot write: {why(error)}") from None
        for _, temp, target in opened:
            try:
                os.replace(temp, target)
            except OSError as error:
                raise OutputError(f"{target}: cannot write: {why(error)}") from None
    finally:
        for stream, temp, _ in opened:
            with contextlib.suppress(OSError):
                stream.close()
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)


@contextmanager
def output(path: str | None) -> Iterator[IO[bytes]]:
    """One output: stdout for None or "-", else a file written whole or not at all."""
    if path is None or path == "-":
        stream = stdout()
        yield stream
        stream.flush()
        return
    with output_files([path]) as (stream,):
        yield stream
