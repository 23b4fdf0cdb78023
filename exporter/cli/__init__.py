"""The command line: one module per command, each parsing its options and calling the
library; nothing else lives here.

Data goes to stdout, messages to stderr. Exit 0 all good, 1 invalid data, 2 usage or
unreadable input, never a traceback for bad input.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from exporter import __version__, registry
from exporter.cli import compile, convert, evaluate, normalize, report, schema, upgrade, validate
from exporter.cli.common import OK, UNREADABLE, say
from exporter.problems import InputError
from exporter.streams import STDOUT, silence_stdout

app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Procurement events out of arms and defence news articles.",
    epilog="Examples:\n\n  $ procex normalize seeds/ | procex validate -\n\n"
    "  $ procex --install-completion bash",
)
app.command(epilog=normalize.EXAMPLES)(normalize.normalize)
app.command(epilog=validate.EXAMPLES)(validate.validate)
app.command(epilog=convert.EXAMPLES)(convert.convert)
app.command("eval", epilog=evaluate.EXAMPLES)(evaluate.evaluate_command)
app.add_typer(schema.schema_app, name="schema")
app.command(epilog=upgrade.EXAMPLES)(upgrade.upgrade)
app.command("compile", epilog=compile.EXAMPLES)(compile.compile)
app.command(epilog=report.EXAMPLES)(report.report)


def _print_version(given: bool) -> None:
    if given:
        print(f"procex {__version__}")
        raise typer.Exit(OK)


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", is_eager=True, callback=_print_version
        ),
    ] = False,
) -> None:
    """Procurement events out of arms and defence news articles."""


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
