"""procex schema list|show|diff: the released versions of the record schemas."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from exporter import registry

schema_app = typer.Typer(no_args_is_help=True, help="The released versions of the record schemas.")


class Kind(str, Enum):
    event = registry.FAMILY
    deal = registry.DEAL_FAMILY


KindOption = Annotated[Kind, typer.Option("--kind", help="The record kind.")]


@schema_app.command("list")
def schema_list() -> None:
    """The released versions of every record kind, oldest first: version, then $id."""
    for family in registry.FAMILIES:
        for version in registry.versions(family):
            print(f"{version}\t{registry.schema(version, family)['$id']}")


@schema_app.command("show")
def schema_show(
    version: Annotated[str, typer.Argument(help="A version, or 'latest'.")] = "latest",
    kind: KindOption = Kind.event,
) -> None:
    """Print a version's JSON Schema."""
    family = kind.value
    version = registry.latest(family) if version == "latest" else version
    sys.stdout.buffer.write(registry.schema_bytes(version, family))


@schema_app.command("diff")
def schema_diff(old: str, new: str, kind: KindOption = Kind.event) -> None:
    """What changed between two versions, field by field."""
    from exporter.schemadiff import diff

    for line in diff(registry.schema(old, kind.value), registry.schema(new, kind.value)):
        print(line)
