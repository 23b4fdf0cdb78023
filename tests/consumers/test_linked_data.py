"""Schema 1.3.0's JSON-LD as linked data, read by real processors with the network blocked:
pySHACL runs the released shapes, rdflib answers SPARQL over real dates, pyld and rdflib
agree, and the released vocabulary defines every concept, class and property the graph uses."""

from __future__ import annotations

import io
import json
import socket
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld
from pyshacl import validate as shacl_validate
from rdflib import RDF, RDFS, SH, SKOS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic

from exporter import registry
from exporter.formats import write_records
from exporter.formats.jsonld import DEFAULT_BASE_IRI, EVENT_CLASSES
from tests.consumers.conftest import ROOT, SEEDS, lines_of, procex

PE = Namespace("https://w3id.org/procex/vocab#")
SCHEMA = Namespace("https://schema.org/")
EU_COUNTRY = "http://publications.europa.eu/resource/authority/country/"
VOCAB = "https://w3id.org/procex/vocab/"
RELEASE = "1.3.0"
# scheme -> (the property whose objects are its concepts, the values the schema allows)
SCHEMES = {
    "event-type": (PE.eventType, registry.enum("event_type", version=RELEASE)),
    "status": (PE.status, registry.enum("status", version=RELEASE)),
    "category": (PE.category, registry.enum("system", "category", version=RELEASE)),
    "precision": (
        PE.datePrecision,
        tuple(registry.schema(RELEASE)["$defs"]["date"]["properties"]["precision"]["enum"]),
    ),
}


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test: the JSON-LD, the vocabulary and the
    shapes must all be processed offline."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def jsonld_of(records: list[dict[str, Any]], base_iri: str | None = None) -> bytes:
    out = io.BytesIO()
    write_records(records, out, "jsonld", base_iri=base_iri)
    return out.getvalue()


def graph_of(data: bytes) -> Graph:
    return Graph().parse(data=data, format="json-ld")


def release_graph(name: str) -> Graph:
    return Graph().parse(
        data=registry.release_file(RELEASE, name).read_text("utf-8"), format="turtle"
    )


@pytest.fixture(scope="module")
def corpus_records() -> list[dict[str, Any]]:
    """What `procex normalize` writes for the corpus and the seed."""
    result = procex("normalize", "--quiet", str(ROOT / "fixtures" / "articles"), str(SEEDS))
    assert result.returncode == 0, result.stderr.decode()
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) > 100 and {r["schema_version"] for r in records} == {RELEASE}
    return records


@pytest.fixture(scope="module")
def seed_records() -> list[dict[str, Any]]:
    result = procex("normalize", "--quiet", str(SEEDS))
    assert result.returncode == 0, result.stderr.decode()
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def corpus_graph(corpus_records: list[dict[str, Any]]) -> Graph:
    return graph_of(jsonld_of(corpus_records))


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return release_graph("shapes.ttl")


@pytest.fixture(scope="module")
def vocab() -> Graph:
    return release_graph("vocab.ttl")


def test_the_network_is_blocked_here() -> None:
    with pytest.raises(AssertionError, match="network access attempted"):
        urllib.request.urlopen(f"{EU_COUNTRY}TUR", timeout=1)


# -- SHACL -----------------------------------------------------------------------------------


def test_the_shapes_conform_on_the_seed(seed_records: list[dict[str, Any]], shapes: Graph) -> None:
    conforms, _, report = shacl_validate(graph_of(jsonld_of(seed_records)), shacl_graph=shapes)
    assert conforms, report


def test_the_shapes_conform_on_the_corpus(corpus_graph: Graph, shapes: Graph) -> None:
    conforms, _, report = shacl_validate(corpus_graph, shacl_graph=shapes)
    assert conforms, report


def test_the_shapes_conform_on_the_fixture_upgraded_to_the_release(shapes: Graph) -> None:
    upgraded = procex(
        "upgrade", str(ROOT / "fixtures/records/valid/seed-events.ndjson"), "--to", RELEASE
    )
    assert upgraded.returncode == 0, upgraded.stderr
    records = [json.loads(line) for line in upgraded.stdout.splitlines()]
    conforms, _, report = shacl_validate(graph_of(jsonld_of(records)), shacl_graph=shapes)
    assert conforms, report


def violations(record: dict[str, Any], shapes: Graph) -> set[tuple[str, str]]:
    """(result path, constraint component) of every violation SHACL finds in one record, the
    details of a node that fails its shape included."""
    conforms, results, _ = shacl_validate(graph_of(jsonld_of([record])), shacl_graph=shapes)
    assert not conforms
    found = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(result, SH.resultPath)
        component = results.value(result, SH.sourceConstraintComponent)
        found.add((str(path).rsplit("#", 1)[-1], str(component).rsplit("#", 1)[-1]))
    return found


def test_a_buyer_without_a_country_does_not_conform(
    seed_records: list[dict[str, Any]], shapes: Graph
) -> None:
    record = seed_records[0]
    broken = record | {"buyer": {k: v for k, v in record["buyer"].items() if k != "country"}}
    assert violations(broken, shapes) == {
        ("buyer", "NodeConstraintComponent"),  # the buyer fails the Party shape, whose details:
        ("countryCode", "MinCountConstraintComponent"),
        ("country", "MinCountConstraintComponent"),
    }


def unnamed_seller(record: dict[str, Any]) -> dict[str, Any]:
    """A record as 1.3.0 writes an event whose text names no supplier."""
    deal = record["deal_id"].replace(f"-{record['seller']['country']}-", "-XXX-", 1)
    return record | {"seller": None, "deal_id": deal}


def test_a_record_without_seller_conforms_and_has_no_seller_in_the_graph(
    seed_records: list[dict[str, Any]], shapes: Graph
) -> None:
    records = [unnamed_seller(seed_records[0]), *seed_records[1:]]
    graph = graph_of(jsonld_of(records))
    conforms, _, report = shacl_validate(graph, shacl_graph=shapes)
    assert conforms, report
    event = URIRef(f"{DEFAULT_BASE_IRI}event/{records[0]['id']}")
    assert graph.value(event, PE.seller) is None and graph.value(event, PE.buyer) is not None
    deal = URIRef(f"{DEFAULT_BASE_IRI}deal/TUR-XXX-S-400")
    assert graph.value(event, PE.deal) == deal
    assert graph.value(deal, PE.dealId) == Literal("TUR-XXX-S-400")


def test_the_1_2_0_shapes_required_a_seller(seed_records: list[dict[str, Any]]) -> None:
    shapes_1_2_0 = Graph().parse(
        data=registry.release_file("1.2.0", "shapes.ttl").read_text("utf-8"), format="turtle"
    )
    record = unnamed_seller(seed_records[0])
    assert violations(record, shapes_1_2_0) == {("seller", "MinCountConstraintComponent")}


def test_a_status_outside_the_scheme_does_not_conform(
    seed_records: list[dict[str, Any]], shapes: Graph
) -> None:
    broken = seed_records[0] | {"status": "rumoured"}
    assert violations(broken, shapes) == {("status", "InConstraintComponent")}


# -- SPARQL over real dates ------------------------------------------------------------------


def test_sparql_finds_exactly_the_events_starting_on_or_after_2020(
    corpus_records: list[dict[str, Any]], corpus_graph: Graph
) -> None:
    rows = corpus_graph.query("""
        PREFIX pe: <https://w3id.org/procex/vocab#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        SELECT ?event WHERE {
          ?event a pe:ProcurementEvent ; pe:date/pe:startDate ?start .
          FILTER (?start >= "2020-01-01"^^xsd:date)
        }""")
    found = {str(row[0]) for row in rows}
    expected = {
        f"{DEFAULT_BASE_IRI}event/{r['id']}"
        for r in corpus_records
        if r["date"] and r["date"]["start"] >= "2020-01-01"
    }
    assert found == expected
    # the corpus has what made the old query wrong: years and months on both sides of the day
    dated = [r for r in corpus_records if r["date"]]
    for precision in ("year", "month"):
        assert any(
            r["date"]["precision"] == precision and r["date"]["start"] >= "2020" for r in dated
        )
        assert any(
            r["date"]["precision"] == precision and r["date"]["start"] < "2020" for r in dated
        )


# -- two processors, one graph ---------------------------------------------------------------


def bnode_components(graph: Graph) -> tuple[set, dict[tuple, list[Graph]]]:
    """The triples without blank nodes, and the rest split into the pieces blank nodes
    connect, keyed by the IRIs and literals each piece holds. Two graphs are isomorphic when
    the first parts are equal and the pieces pair up isomorphically: rdflib's isomorphic()
    on the whole corpus graph takes minutes, on its pieces a second."""
    parent: dict[BNode, BNode] = {}

    def root(node: BNode) -> BNode:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    ground, linked = set(), []
    for triple in graph:
        blanks = [term for term in triple if isinstance(term, BNode)]
        if not blanks:
            ground.add(triple)
            continue
        linked.append((triple, blanks[0]))
        for other in blanks[1:]:
            parent[root(other)] = root(blanks[0])
    pieces: dict[BNode, Graph] = {}
    for triple, blank in linked:
        pieces.setdefault(root(blank), Graph()).add(triple)
    keyed: dict[tuple, list[Graph]] = {}
    for piece in pieces.values():
        key = tuple(sorted(str(t) for triple in piece for t in triple if not isinstance(t, BNode)))
        keyed.setdefault(key, []).append(piece)
    return ground, keyed


def test_pyld_and_rdflib_give_isomorphic_graphs_of_the_corpus(
    corpus_records: list[dict[str, Any]], corpus_graph: Graph
) -> None:
    # pyld's own document loader: with sockets blocked, any fetch would fail the test
    nquads = jsonld.to_rdf(json.loads(jsonld_of(corpus_records)), {"format": "application/n-quads"})
    from_pyld = Graph().parse(data=nquads, format="nquads")
    assert len(from_pyld) == len(corpus_graph) > 5000
    ground_pyld, pieces_pyld = bnode_components(from_pyld)
    ground_rdflib, pieces_rdflib = bnode_components(corpus_graph)
    assert ground_pyld == ground_rdflib
    assert sorted((k, len(v)) for k, v in pieces_pyld.items()) == sorted(
        (k, len(v)) for k, v in pieces_rdflib.items()
    )
    for key, candidates in pieces_pyld.items():
        unmatched = list(pieces_rdflib[key])
        for piece in candidates:
            twin = next(other for other in unmatched if isomorphic(piece, other))
            unmatched.remove(twin)


# -- what the graph links to -----------------------------------------------------------------


def test_an_event_is_typed_linked_to_its_deal_and_its_countries(
    seed_records: list[dict[str, Any]],
) -> None:
    record = next(r for r in seed_records if r["event_type"] == "agreement")
    graph = graph_of(jsonld_of([record]))
    event = URIRef(f"{DEFAULT_BASE_IRI}event/{record['id']}")
    assert set(graph.objects(event, RDF.type)) == {PE.ProcurementEvent, PE.Agreement}
    deal = URIRef(f"{DEFAULT_BASE_IRI}deal/TUR-RUS-S-400")
    assert graph.value(event, PE.deal) == deal
    assert graph.value(deal, RDF.type) == PE.Deal
    buyer = graph.value(event, PE.buyer)
    assert graph.value(buyer, PE.country) == URIRef(f"{EU_COUNTRY}TUR")
    assert graph.value(buyer, PE.countryCode) == Literal("TUR")
    assert graph.value(graph.value(event, PE.system), PE.origin) == URIRef(f"{EU_COUNTRY}RUS")
    assert graph.value(event, PE.status) == URIRef(f"{VOCAB}status/reported")
    date = graph.value(event, PE.date)
    assert graph.value(date, PE.startDate).datatype == URIRef(
        "http://www.w3.org/2001/XMLSchema#date"
    )
    assert graph.value(date, PE.dateText) == Literal(record["date"]["text"])
    assert graph.value(graph.value(event, PE.evidence), PE.evidenceText) == Literal(
        record["evidence"]["text"]
    )
    source = graph.value(event, PE.source)
    assert source == URIRef(f"{DEFAULT_BASE_IRI}source/{record['source']['id']}")  # no URL
    assert graph.value(source, RDF.type) == SCHEMA.Article
    assert graph.value(graph.value(source, SCHEMA.publisher), RDF.type) == SCHEMA.Organization


def test_a_source_with_a_url_is_named_by_it_and_money_and_quantity_are_typed(
    corpus_records: list[dict[str, Any]],
) -> None:
    record = next(r for r in corpus_records if r["source"]["url"] and r["value"] and r["quantity"])
    graph = graph_of(jsonld_of([record]))
    event = URIRef(f"{DEFAULT_BASE_IRI}event/{record['id']}")
    assert graph.value(event, PE.source) == URIRef(record["source"]["url"])
    money = graph.value(event, PE.value)
    assert graph.value(money, RDF.type) == SCHEMA.MonetaryAmount
    assert graph.value(money, SCHEMA.currency) == Literal(record["value"]["currency"])
    assert graph.value(graph.value(event, PE.quantity), RDF.type) == SCHEMA.QuantitativeValue


def test_base_iri_names_events_deals_and_sources(seed_records: list[dict[str, Any]]) -> None:
    base = "https://example.org/arms/"
    graph = graph_of(jsonld_of(seed_records[:1], base_iri=base))
    record = seed_records[0]
    event = URIRef(f"{base}event/{record['id']}")
    assert graph.value(event, PE.deal) == URIRef(f"{base}deal/{record['deal_id']}")
    assert graph.value(event, PE.source) == URIRef(f"{base}source/{record['source']['id']}")
    assert not [s for s in graph.subjects() if str(s).startswith(DEFAULT_BASE_IRI)]


def test_base_iri_on_the_command_line(tmp_path: Path) -> None:
    result = procex(
        "convert", str(ROOT / "fixtures/records/valid/seed-events.ndjson"), "--to", "jsonld",
        "--base-iri", "urn:example:arms#",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    graph = graph_of(result.stdout)
    first = lines_of(ROOT / "fixtures/records/valid/seed-events.ndjson")[0]
    assert (URIRef(f"urn:example:arms#event/{first['id']}"), RDF.type, PE.ProcurementEvent) in graph


@pytest.mark.parametrize("command", ["normalize", "convert", "upgrade"])
def test_a_base_iri_that_cannot_start_an_iri_is_a_usage_error(command: str) -> None:
    inputs = {
        "normalize": [str(SEEDS)],
        "convert": [str(ROOT / "fixtures/records/valid/seed-events.ndjson"), "--to", "jsonld"],
        "upgrade": [str(ROOT / "fixtures/records/valid/seed-events.jsonld"), "--to", RELEASE],
    }[command]
    result = procex(command, *inputs, "--base-iri", "example.org/arms")
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == (
        "error: --base-iri 'example.org/arms': not an absolute IRI ending in / or # "
        "(e.g. https://w3id.org/procex/)\n"
    )


# -- the released vocabulary -----------------------------------------------------------------


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_each_scheme_has_one_defined_concept_per_schema_value(scheme: str, vocab: Graph) -> None:
    _, values = SCHEMES[scheme]
    concepts = set(vocab.subjects(SKOS.inScheme, URIRef(f"{VOCAB}{scheme}")))
    assert concepts == {URIRef(f"{VOCAB}{scheme}/{value}") for value in values}
    for concept in concepts:
        assert (concept, RDF.type, SKOS.Concept) in vocab
        assert vocab.value(concept, SKOS.prefLabel) and vocab.value(concept, SKOS.definition)
        assert str(vocab.value(concept, SKOS.notation)) == str(concept).rsplit("/", 1)[-1]


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_the_shapes_allow_exactly_the_concepts_of_each_scheme(scheme: str, shapes: Graph) -> None:
    prop, values = SCHEMES[scheme]
    (shape,) = shapes.subjects(SH.path, prop)
    allowed = set(Collection(shapes, shapes.value(shape, SH["in"])))
    assert allowed == {URIRef(f"{VOCAB}{scheme}/{value}") for value in values}


def test_every_event_type_has_its_subclass(vocab: Graph) -> None:
    assert set(EVENT_CLASSES) == set(SCHEMES["event-type"][1])
    for compact in EVENT_CLASSES.values():
        cls = PE[compact.removeprefix("pe:")]
        assert (cls, RDFS.subClassOf, PE.ProcurementEvent) in vocab


def test_the_vocabulary_declares_every_term_the_corpus_uses(
    corpus_graph: Graph, vocab: Graph
) -> None:
    used = {p for p in corpus_graph.predicates() if str(p).startswith(str(PE))}
    used |= {o for o in corpus_graph.objects(None, RDF.type) if str(o).startswith(str(PE))}
    used |= {o for p, _ in SCHEMES.values() for o in corpus_graph.objects(None, p)}  # the concepts
    undeclared = {term for term in used if (term, RDF.type, None) not in vocab}
    assert not undeclared
