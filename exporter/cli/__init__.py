"""The command line: one module per command, each parsing its options and calling the
library; nothing else lives here.

The typer app (typer_app.py) is built only when a command line needs it: `procex validate`
with plain arguments runs without it (direct.py), for start-up's sake.

Data goes to stdout, messages to stderr. Exit 0 all good, 1 invalid data, 2 usage or
unreadable input, never a traceback for bad input.
"""

from __future__ import annotations

import sys
from typing import Any

from exporter import registry
from exporter.problems import OK, UNREADABLE, InputError
from exporter.streams import STDOUT, silence_stdout


def __getattr__(name: str) -> Any:
    if name == "app":  # the typer app, built on first use (tests drive it with CliRunner)
        from exporter.cli.typer_app import app

        return app
    raise AttributeError(f"module 'exporter.cli' has no attribute {name!r}")


def say(message: str) -> None:
    print(message, file=sys.stderr)


def main() -> None:
    """Entry point: usage and input errors become a message and exit 2, never a traceback."""
    if sys.stdout is not None and hasattr(sys.stdout, "reconfigure"):
        # a file name that is not UTF-8 is printed as the bytes it is made of, as ls does,
        # not refused in the middle of a report
        sys.stdout.reconfigure(errors="surrogateescape")
    try:
        code = _command()
    except (InputError, registry.UnknownVersion) as error:
        say(f"error: {error}")
        silence_stdout()
        sys.exit(UNREADABLE)
    except BrokenPipeError:  # a write to stdout not made through exporter.streams
        say(f"error: {STDOUT}: cannot write: the reader closed the pipe")
        silence_stdout()
        sys.exit(UNREADABLE)
    except OSError as error:  # a failure no reader or writer turned into a message
        where = f"{error.filename}: " if error.filename else ""
        say(f"error: {where}{error.strerror or error}")
        silence_stdout()
        sys.exit(UNREADABLE)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:
        # click's usage errors: by their interface, since some typer releases carry a copy
        # of click whose exception classes are not click's own
        show = getattr(error, "show", None)
        if callable(show) and hasattr(error, "exit_code"):
            show()
            sys.exit(UNREADABLE)
        if type(error).__name__ == "Abort":
            sys.exit(130)
        raise
    try:  # what is still buffered: a failure to write it is reported here, not at exit
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as error:
        say(f"error: {STDOUT}: cannot write: {error.strerror or error}")
        silence_stdout()
        sys.exit(UNREADABLE)
    sys.exit(code if isinstance(code, int) else OK)


def _command() -> Any:
    """The exit code of the command line: validate's own when it is plain enough to run
    without the typer app (exporter/cli/direct.py), else the app's (None for 0)."""
    from exporter.cli import direct

    code = direct.run(sys.argv[1:])
    if code is not None:
        return code
    from exporter.cli.typer_app import run

    return run()
