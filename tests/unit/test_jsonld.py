"""Our JSON-LD, read by independent processors (pyld, rdflib), offline."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pyld import jsonld
from rdflib import Graph

from exporter import registry
from exporter.formats import write_records
from exporter.formats.jsonld import DATE_TYPES

RECORDS = Path(__file__).parents[2] / "fixtures" / "records" / "valid"
PE = "https://w3id.org/procex/vocab#"
XSD = "http://www.w3.org/2001/XMLSchema#"


def no_network(url: str, options: dict | None = None) -> dict:
    raise AssertionError(f"a JSON-LD processor tried to fetch {url}")


@pytest.fixture
def document() -> dict:
    records = [
        json.loads(line) for line in (RECORDS / "seed-events.ndjson").read_text().splitlines()
    ]
    out = io.BytesIO()
    write_records(records, out, "jsonld")
    return json.loads(out.getvalue())


def test_pyld_expands_every_key_of_every_record(document: dict) -> None:
    expanded = jsonld.expand(document, {"documentLoader": no_network})
    assert len(expanded) == len(document["@graph"])
    for record, node in zip(document["@graph"], expanded, strict=True):
        present = {k for k, v in record.items() if v is not None and not k.startswith("@")}
        # every non-null key became a property of our vocabulary (the writer's pe:deal among
        # them): none silently dropped
        assert len(
            [k for k in node if k.startswith(PE) or k.startswith("https://schema.org/")]
        ) == len(present)
        assert node["@id"] == f"https://w3id.org/procex/event/{record['id']}"
        assert f"{PE}ProcurementEvent" in node["@type"]


def test_dates_are_typed_by_precision(document: dict) -> None:
    nquads = jsonld.to_rdf(
        document, {"format": "application/n-quads", "documentLoader": no_network}
    )
    assert f'"2017-09-12"^^<{XSD}date>' in nquads
    assert f'"2019-05"^^<{XSD}gYearMonth>' in nquads
    assert DATE_TYPES == {"year": "xsd:gYear", "month": "xsd:gYearMonth", "day": "xsd:date"}


def test_rdflib_reads_the_same_triples_as_pyld(document: dict) -> None:
    nquads = jsonld.to_rdf(
        document, {"format": "application/n-quads", "documentLoader": no_network}
    )
    from_pyld = Graph().parse(data=nquads, format="nquads")
    from_rdflib = Graph().parse(data=json.dumps(document), format="json-ld")
    from rdflib.compare import isomorphic

    assert len(from_rdflib) == len(from_pyld) > 0
    assert isomorphic(from_rdflib, from_pyld)


def test_sparql_finds_what_turkey_bought_from_russia(document: dict) -> None:
    graph = Graph().parse(data=json.dumps(document), format="json-ld")
    rows = graph.query(f"""
        PREFIX pe: <{PE}>
        PREFIX country: <http://publications.europa.eu/resource/authority/country/>
        SELECT DISTINCT ?designation WHERE {{
          ?event pe:buyer/pe:country country:TUR ; pe:seller/pe:countryCode "RUS" ;
                 pe:system/pe:designation ?designation .
        }}""")
    assert sorted(str(row[0]) for row in rows) == ["S-400"]


def test_a_null_seller_is_absent_from_the_graph_and_null_again_when_read() -> None:
    from exporter.formats import read_records

    [record] = [
        json.loads(line) for line in (RECORDS / "seed-events.ndjson").read_text().splitlines()
    ][:1]
    record = record | {"schema_version": "1.3.0", "seller": None, "deal_id": "TUR-XXX-S-400"}
    out = io.BytesIO()
    write_records([record], out, "jsonld")
    [node] = jsonld.expand(json.loads(out.getvalue()), {"documentLoader": no_network})
    assert f"{PE}seller" not in node and f"{PE}buyer" in node
    assert node[f"{PE}deal"][0]["@id"] == "https://w3id.org/procex/deal/TUR-XXX-S-400"
    [back] = read_records(io.BytesIO(out.getvalue()), "x.jsonld", "jsonld")
    assert back.data == record


@pytest.mark.parametrize("version", registry.versions())
def test_each_context_defines_every_schema_property(version: str) -> None:
    from exporter.schemadiff import fields

    context = registry.context(version)["@context"]
    defined = set(context)
    for scoped in context.values():
        if isinstance(scoped, dict) and isinstance(scoped.get("@context"), dict):
            defined |= set(scoped["@context"])
    names = {path.rsplit("/", 1)[-1] for path in fields(registry.schema(version))}
    assert names - {"*"} <= defined


def test_reading_drops_exactly_what_the_writer_added(document: dict) -> None:
    from exporter.formats.jsonld import from_node

    records = [
        json.loads(line) for line in (RECORDS / "seed-events.ndjson").read_text().splitlines()
    ]
    assert [from_node(node) for node in document["@graph"]] == records
    source = document["@graph"][0]["source"]
    assert source["publisher"] == {
        "@id": "https://w3id.org/procex/publisher/TASS",
        "@type": "schema:Organization",
        "name": "TASS",
    }


@pytest.mark.parametrize(
    "base_iri", ["https://w3id.org/procex", "w3id.org/procex/", "https://x.org/a b/", ""]
)
def test_a_base_iri_that_cannot_start_iris_is_refused(base_iri: str) -> None:
    from exporter.problems import InputError

    with pytest.raises(InputError, match="not an absolute IRI ending in / or #"):
        write_records([], io.BytesIO(), "jsonld", base_iri=base_iri)
