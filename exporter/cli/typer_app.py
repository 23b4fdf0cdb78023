"""The typer app: every command and its options, help and usage messages.

Built only when a command line needs it: `procex validate` with plain arguments runs
without it (exporter/cli/direct.py).
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from exporter import __version__
from exporter.cli import compile, convert, evaluate, normalize, report, schema, upgrade, validate
from exporter.cli.common import OK

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


def run() -> Any:
    """The exit code of the command line (sys.argv) run through the app: an int, or None
    when the command returned none (exit 0)."""
    try:
        # without standalone mode click returns a command's exit code instead of exiting
        return app(standalone_mode=False)
    except typer.Exit as done:
        return done.exit_code
