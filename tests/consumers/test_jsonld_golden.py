"""JSON-LD: the canonical N-Quads of the valid fixture, upgraded to the newest schema version,
are pinned in a golden file, and money comes out as an exact xsd:decimal, the same in pyld and
rdflib."""

from __future__ import annotations

import io
import json
import os
from decimal import Decimal

import pytest
from pyld import jsonld
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from exporter import registry
from exporter.formats import read_records, write_records
from exporter.upgrade import upgrade_record
from tests.consumers.conftest import ROOT, SEED_EVENTS, lines_of, procex

GOLDEN = ROOT / "fixtures" / "records" / "seed-events.nq"
PE = "https://w3id.org/procex/vocab#"
SCHEMA_VALUE = "https://schema.org/value"
XSD = "http://www.w3.org/2001/XMLSchema#"


def no_network(url: str, options: dict | None = None) -> dict:
    raise AssertionError(f"a JSON-LD processor tried to fetch {url}")


def canonical(document: dict) -> str:
    """URDNA2015 canonical N-Quads: blank nodes labelled the same run after run."""
    return jsonld.normalize(
        document,
        {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": no_network},
    )


def test_canonical_nquads_of_the_fixture_match_the_golden_file() -> None:
    """A changed context or writer shows here as a diff of triples; after a deliberate
    change, PROCEX_UPDATE_GOLDEN=1 rewrites the file (review it before committing)."""
    upgraded = procex("upgrade", str(SEED_EVENTS), "--to", "latest")
    assert upgraded.returncode == 0, upgraded.stderr
    result = procex("convert", "-", "--to", "jsonld", stdin=upgraded.stdout)
    assert result.returncode == 0, result.stderr
    got = canonical(json.loads(result.stdout))
    if os.environ.get("PROCEX_UPDATE_GOLDEN"):
        GOLDEN.write_text(got, "utf-8")
    assert got == GOLDEN.read_text("utf-8")


def test_the_golden_file_is_what_rdflib_reads_from_our_jsonld() -> None:
    out = io.BytesIO()
    write_records(
        [upgrade_record(r, registry.latest()) for r in lines_of(SEED_EVENTS)], out, "jsonld"
    )
    from_rdflib = Graph().parse(data=out.getvalue(), format="json-ld")
    golden = Graph().parse(data=GOLDEN.read_text("utf-8"), format="nquads")
    assert len(golden) > 0 and isomorphic(from_rdflib, golden)


@pytest.mark.parametrize(
    ("amount", "lexical"),
    [(2_500_000_000, "2500000000"), (1.25, "1.25"), (1e13, "10000000000000.0"), (0.01, "0.01")],
)
def test_money_is_an_exact_decimal_in_both_processors(amount, lexical: str) -> None:
    record = {**lines_of(SEED_EVENTS)[0], "value": {"amount": amount, "currency": "USD"}}
    out = io.BytesIO()
    write_records([record], out, "jsonld")
    document = json.loads(out.getvalue())
    nquads = jsonld.to_rdf(
        document, {"format": "application/n-quads", "documentLoader": no_network}
    )
    assert f'<{SCHEMA_VALUE}> "{lexical}"^^<{XSD}decimal>' in nquads
    graph = Graph().parse(data=out.getvalue(), format="json-ld")
    money = [o for _, p, o in graph if str(p) == f"{PE}value"]
    amounts = [o for m in money for o in graph.objects(m, URIRef(SCHEMA_VALUE))]
    assert amounts == [Literal(lexical, datatype=f"{XSD}decimal")]
    assert Decimal(str(amounts[0])) == Decimal(repr(amount))
    # and it reads back as the number it was
    back = [i.data for i in read_records(io.BytesIO(out.getvalue()), "x.jsonld")]
    assert back == [record] and type(back[0]["value"]["amount"]) is type(amount)
