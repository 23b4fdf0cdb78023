"""procex schema list|show|diff: the released versions of the record schema."""

from __future__ import annotations

from typing import Annotated

import typer

from exporter import registry

schema_app = typer.Typer(no_args_is_help=True, help="The released versions of the record schema.")


@schema_app.command("list")
def schema_list() -> None:
    """The released versions, oldest first."""
    for version in registry.versions():
        print(f"{version}\t{registry.schema(version)['$id']}")


@schema_app.command("show")
def schema_show(
    version: Annotated[str, typer.Argument(help="A version, or 'latest'.")] = "latest",
) -> None:
    """Print a version's JSON Schema."""
    version = registry.latest() if version == "latest" else version
    from exporter.streams import stdout

    stdout().write(registry.schema_bytes(version))


@schema_app.command("diff")
def schema_diff(old: str, new: str) -> None:
    """What changed between two versions, field by field."""
    from exporter.schemadiff import diff

    for line in diff(registry.schema(old), registry.schema(new)):
        print(line)
