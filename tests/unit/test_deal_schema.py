"""The deal record's schema family: released files pinned by digest, found by the registry,
and a JSON-LD context under which every key of a compiled deal expands offline."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld
from rdflib import Graph
from rdflib.compare import isomorphic

from exporter import registry
from exporter.deals import compile_deals
from exporter.deals.write import write_deals
from exporter.schemadiff import diff, fields

FAMILY = Path(__file__).parents[2] / "schemas" / "procurement-deal"
SEED = Path(__file__).parents[2] / "fixtures" / "records" / "valid" / "seed-events.ndjson"
PE = "https://w3id.org/procex/vocab#"


def no_network(url: str, options: dict | None = None) -> dict:
    raise AssertionError(f"a JSON-LD processor tried to fetch {url}")


def test_every_released_file_matches_its_digest_and_every_folder_is_found() -> None:
    recorded = dict(
        reversed(line.split()) for line in (FAMILY / "SHA256SUMS").read_text("utf-8").splitlines()
    )
    released = [
        f"{v}/{n}"
        for v in registry.versions(registry.DEAL_FAMILY)
        for n in ("context.jsonld", "schema.json")
    ]
    assert sorted(recorded) == sorted(released)
    for name, digest in recorded.items():
        assert hashlib.sha256((FAMILY / name).read_bytes()).hexdigest() == digest, name
    assert registry.versions(registry.DEAL_FAMILY) == ("1.0.0", "1.1.0")
    for version in registry.versions(registry.DEAL_FAMILY):
        assert registry.schema(version, registry.DEAL_FAMILY)["$id"].endswith(
            f"/procurement-deal/{version}/schema.json"
        )


def test_1_1_0_differs_from_1_0_0_only_in_a_seller_that_may_be_null() -> None:
    old, new = (registry.schema(v, registry.DEAL_FAMILY) for v in ("1.0.0", "1.1.0"))
    assert list(diff(old, new)) == ["~ /seller"]
    assert new["properties"]["seller"]["anyOf"] == [{"type": "null"}, {"$ref": "#/$defs/party"}]
    assert "seller" in new["required"]  # null, not absent


@pytest.mark.parametrize("version", ["1.0.0", "1.1.0"])
def test_the_context_defines_every_schema_property(version: str) -> None:
    context = registry.context(version, registry.DEAL_FAMILY)["@context"]
    defined = set(context)
    stack = list(context.values())
    while stack:  # scoped contexts, nested
        scoped = stack.pop()
        if isinstance(scoped, dict) and isinstance(scoped.get("@context"), dict):
            defined |= set(scoped["@context"])
            stack.extend(scoped["@context"].values())
    names = {
        path.rsplit("/", 1)[-1] for path in fields(registry.schema(version, registry.DEAL_FAMILY))
    }
    assert names - {"*"} <= defined


def deals_document() -> dict[str, Any]:
    records = [json.loads(line) for line in SEED.read_text("utf-8").splitlines()]
    out = io.BytesIO()
    write_deals(compile_deals(records), out, "jsonld")
    return json.loads(out.getvalue())


def test_deals_expand_offline_with_every_merged_event_a_node() -> None:
    document = deals_document()
    [deal] = document["@graph"]
    nquads = jsonld.to_rdf(
        document, {"format": "application/n-quads", "documentLoader": no_network}
    )
    graph = Graph().parse(data=nquads, format="nquads")
    assert isomorphic(graph, Graph().parse(data=json.dumps(document), format="json-ld"))
    base = "https://w3id.org/procex/deal/"
    subjects = {str(s) for s in graph.subjects()}
    assert f"{base}{deal['id']}" in subjects
    assert {f"{base}{e['id']}" for e in deal["timeline"]} <= subjects
    rows = graph.query(f"""
        PREFIX pe: <{PE}>
        SELECT ?type WHERE {{ ?deal pe:stage/pe:event ?event . ?event pe:eventType ?type . }}""")
    assert [str(row[0]) for row in rows] == [deal["stage"]["event_type"]]
