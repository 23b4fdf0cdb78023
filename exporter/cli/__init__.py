"""The command line: one module per command, each parsing its options and calling the
library; nothing else lives here.

Data goes to stdout, messages to stderr. Exit 0 all good, 1 invalid data, 2 usage or
unreadable input, never a traceback for bad input.
"""

from __future__ import annotations

import sys

import typer

from exporter import registry
from exporter.cli import convert, evaluate, normalize, schema, upgrade, validate
from exporter.cli.common import OK, UNREADABLE, say
from exporter.problems import InputError
from exporter.streams import STDOUT, silence_stdout

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Procurement events out of arms and defence news articles.",
)
app.command()(normalize.normalize)
app.command()(validate.validate)
app.command()(convert.convert)
app.command("eval")(evaluate.evaluate_command)
app.add_typer(schema.schema_app, name="schema")
app.command()(upgrade.upgrade)


def main() -> None:
    """Entry point: usage and input errors become a message and exit 2, never a traceback."""
    if sys.stdout is not None and hasattr(sys.stdout, "reconfigure"):
        # a file name that is not UTF-8 is printed as the bytes it is made of, as ls does,
        # not refused in the middle of a report
        sys.stdout.reconfigure(errors="surrogateescape")
    try:
        # without standalone mode click returns a command's exit code instead of exiting
        code = app(standalone_mode=False)
    except typer.Exit as done:
        code = done.exit_code
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
        if callable(getattr(error, "show", None)) and hasattr(error, "exit_code"):
            error.show()
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
