"""procex schema list|show|diff: the released versions of the record schemas."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from exporter import registry
from exporter.cli.common import example

schema_app = typer.Typer(
    no_args_is_help=True,
    help="The released versions of the record schemas.",
    epilog=example("procex schema list", "procex schema columns --for duckdb"),
)


class Kind(str, Enum):
    event = registry.FAMILY
    deal = registry.DEAL_FAMILY


KindOption = Annotated[Kind, typer.Option("--kind", help="The record kind.")]


class Consumer(str, Enum):
    duckdb = "duckdb"
    postgres = "postgres"
    sqlite = "sqlite"
    elasticsearch = "elasticsearch"
    pandas = "pandas"


@schema_app.command("list", epilog=example("procex schema list"))
def schema_list() -> None:
    """The released versions of every record kind, oldest first: version, then $id."""
    for family in registry.FAMILIES:
        for version in registry.versions(family):
            print(f"{version}\t{registry.schema(version, family)['$id']}")


@schema_app.command("show", epilog=example("procex schema show 1.1.0 > schema.json"))
def schema_show(
    version: Annotated[str, typer.Argument(help="A version, or 'latest'.")] = "latest",
    kind: KindOption = Kind.event,
) -> None:
    """Print a version's JSON Schema."""
    family = kind.value
    version = registry.latest(family) if version == "latest" else version
    from exporter.streams import stdout

    stdout().write(registry.schema_bytes(version, family))


@schema_app.command("diff", epilog=example("procex schema diff 1.0.0 1.1.0"))
def schema_diff(old: str, new: str, kind: KindOption = Kind.event) -> None:
    """What changed between two versions, field by field."""
    from exporter.schemadiff import diff

    for line in diff(registry.schema(old, kind.value), registry.schema(new, kind.value)):
        print(line)


@schema_app.command(
    "columns",
    epilog=example(
        "procex schema columns --for duckdb",
        "procex schema columns 1.0.0 --for postgres --table events",
    ),
)
def schema_columns(
    consumer: Annotated[Consumer, typer.Option("--for", help="The system that loads the file.")],
    version: Annotated[str, typer.Argument(help="A version, or 'latest'.")] = "latest",
    table: Annotated[
        str, typer.Option(help="Table name, for postgres and sqlite.")
    ] = "procex_events",
) -> None:
    """Print the column types (or Elasticsearch mapping, pandas dtypes) of a version's
    records, for loading them as docs/loading.md shows."""
    from exporter.columns import spec

    version = registry.latest() if version == "latest" else version
    if version not in registry.versions():
        raise registry.UnknownVersion(version)
    print(spec(consumer.value, version, table))
