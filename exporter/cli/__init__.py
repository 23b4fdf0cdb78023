"""The command line: one module per command, each parsing its options and calling the
library; nothing else lives here.

Data goes to stdout, messages to stderr. Exit 0 all good, 1 invalid data, 2 usage or
unreadable input, never a traceback for bad input.
"""

from __future__ import annotations

import sys

import typer

from exporter import registry
from exporter.cli import compile, convert, evaluate, normalize, report, schema, upgrade, validate
from exporter.cli.common import OK, UNREADABLE, say
from exporter.problems import InputError

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
app.command("compile")(compile.compile)
app.command()(report.report)


def main() -> None:
    """Entry point: usage and input errors become a message and exit 2, never a traceback."""
    try:
        # without standalone mode click returns a command's exit code instead of exiting
        code = app(standalone_mode=False)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except (InputError, registry.UnknownVersion) as error:
        say(f"error: {error}")
        sys.exit(UNREADABLE)
    except BrokenPipeError:
        sys.exit(OK)
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
    sys.exit(code if isinstance(code, int) else OK)
