"""Shape and consistency of exporter/data/countries.yaml (how English news names each state)."""

from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
import yaml

PATH = Path(__file__).parents[2] / "exporter" / "data" / "countries.yaml"
LISTS = ("names", "demonyms", "capitals")
ALLOWED_KEYS = set(LISTS) | {"ambiguous", "short_name"}


@pytest.fixture(scope="module")
def data():
    with PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _forms(entry):
    return {form for key in LISTS for form in entry[key]}


def _pycountry_forms(country):
    return {
        value
        for attr in ("name", "common_name", "official_name")
        if (value := getattr(country, attr, None))
    }


def test_keys_are_valid_alpha3_and_cover_all_countries(data):
    assert isinstance(data, dict)
    expected = {c.alpha_3 for c in pycountry.countries}
    assert len(expected) == 249
    unknown = set(data) - expected
    missing = expected - set(data)
    assert not unknown, f"not ISO 3166-1 alpha-3: {sorted(unknown)}"
    assert not missing, f"countries without an entry: {sorted(missing)}"
    for key in data:
        assert pycountry.countries.get(alpha_3=key) is not None, key


def test_keys_sorted_in_file():
    keys = [
        line.split(":", 1)[0]
        for line in PATH.read_text(encoding="utf-8").splitlines()
        if line[:1].isalpha()
    ]
    assert keys == sorted(keys)


def test_entry_shape(data):
    for code, entry in data.items():
        assert isinstance(entry, dict), code
        assert set(entry) >= set(LISTS), f"{code}: missing {set(LISTS) - set(entry)}"
        assert set(entry) <= ALLOWED_KEYS, f"{code}: unexpected {set(entry) - ALLOWED_KEYS}"
        if "short_name" in entry:
            assert isinstance(entry["short_name"], str) and entry["short_name"], code
        for key in (ALLOWED_KEYS - {"short_name"}) & set(entry):
            forms = entry[key]
            assert isinstance(forms, list), f"{code}.{key}"
            for form in forms:
                assert isinstance(form, str), f"{code}.{key}: {form!r}"
                assert form and form == form.strip(), f"{code}.{key}: {form!r}"
            assert len(forms) == len(set(forms)), f"{code}.{key} has duplicates"


def test_ambiguous_is_subset_of_entry_forms(data):
    for code, entry in data.items():
        extra = set(entry.get("ambiguous", [])) - _forms(entry)
        assert not extra, f"{code}: ambiguous forms not listed in names/demonyms/capitals: {extra}"


def test_no_form_names_two_states(data):
    owners = defaultdict(set)
    for country in pycountry.countries:
        for form in _pycountry_forms(country):
            owners[form].add(country.alpha_3)
    for code, entry in data.items():
        for form in _forms(entry):
            owners[form].add(code)
    clashes = {form: sorted(codes) for form, codes in owners.items() if len(codes) > 1}
    assert not clashes, clashes


def test_shared_forms_left_out(data):
    all_forms = set().union(*(_forms(e) for e in data.values()))
    for shared in ("Korean", "Congolese", "Guinean", "Sudanese"):
        assert shared not in all_forms


def _owner(data, form):
    owners = {code for code, entry in data.items() if form in _forms(entry)}
    assert len(owners) == 1, (form, owners)
    return owners.pop()


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("Emirati", "ARE"),
        ("UAE", "ARE"),
        ("Ankara", "TUR"),
        ("Turkish", "TUR"),
        ("Washington", "USA"),
        ("U.S.", "USA"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Kremlin", "RUS"),
        ("Russia", "RUS"),
        ("Britain", "GBR"),
        ("Dutch", "NLD"),
        ("Ivory Coast", "CIV"),
        ("DRC", "COD"),
        ("Burma", "MMR"),
        ("Filipino", "PHL"),
        ("Saudi", "SAU"),
        ("Iran", "IRN"),
        ("Taiwan", "TWN"),
    ],
)
def test_known_facts(data, form, code):
    assert _owner(data, form) == code


def test_pentagon_is_not_a_capital(data):
    assert all("Pentagon" not in entry["capitals"] for entry in data.values())


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("Jordan", "JOR"),
        ("Chad", "TCD"),
        ("Georgia", "GEO"),
        ("Niger", "NER"),
        ("Guinea", "GIN"),
        ("Victoria", "SYC"),
        ("Kingston", "JAM"),
        ("US", "USA"),
    ],
)
def test_ambiguous_examples(data, form, code):
    assert form in data[code].get("ambiguous", [])


def test_reads_the_same_as_yaml_1_2(data):
    ruamel = pytest.importorskip("ruamel.yaml")
    loaded = ruamel.YAML(typ="safe", pure=True).load(PATH.read_text(encoding="utf-8"))
    assert loaded == data


# The names a record gives a state party where pycountry's common_name (or name) is not the
# one English news uses: formal or inverted ISO forms ("Russian Federation", "Congo, The
# Democratic Republic of the"), and the few states news names otherwise ("Turkey").
SHORT_NAME_OVERRIDES = {
    "BES": "Caribbean Netherlands",
    "BRN": "Brunei",
    "CCK": "Cocos Islands",
    "CIV": "Ivory Coast",
    "COD": "Democratic Republic of the Congo",
    "FLK": "Falkland Islands",
    "FSM": "Micronesia",
    "MAF": "Saint Martin",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SHN": "Saint Helena",
    "SXM": "Sint Maarten",
    "TUR": "Turkey",
    "VAT": "Vatican City",
    "VGB": "British Virgin Islands",
    "VIR": "U.S. Virgin Islands",
}


def test_short_name_overrides_are_the_listed_ones(data):
    found = {code: entry["short_name"] for code, entry in data.items() if "short_name" in entry}
    assert found == SHORT_NAME_OVERRIDES


def test_every_state_party_has_its_common_short_name():
    from exporter.normalize.gazetteer import gazetteer

    countries = gazetteer().countries
    assert len(countries) == len(pycountry.countries)
    for country in pycountry.countries:
        name = countries[country.alpha_3].name
        common = getattr(country, "common_name", None) or country.name
        assert name == SHORT_NAME_OVERRIDES.get(country.alpha_3, common), country.alpha_3
        # a label to group by: never an inverted ISO form or a qualifier in brackets
        assert "," not in name and "(" not in name and not name.isupper(), name


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("IND", "India"),
        ("ARE", "United Arab Emirates"),
        ("SAU", "Saudi Arabia"),
        ("AUS", "Australia"),
        ("GBR", "United Kingdom"),
        ("USA", "United States"),
        ("CHN", "China"),
        ("KOR", "South Korea"),
        ("IRN", "Iran"),
        ("RUS", "Russia"),
        ("TUR", "Turkey"),
    ],
)
def test_the_names_grouping_by_name_gives(code, name):
    from exporter.normalize.gazetteer import gazetteer

    assert gazetteer().country(code).name == name


def test_the_party_has_the_common_name_and_the_evidence_the_words():
    from exporter.articles import Article
    from exporter.normalize import normalize

    text = "Bharat signed a contract with the Emirates for 12 Su-30MKI fighters in 2019."
    (record,) = normalize(Article(text, "case", published="2024-03-15"))
    assert (record["buyer"]["name"], record["seller"]["name"]) == (
        "India",
        "United Arab Emirates",
    )
    assert record["evidence"]["text"] == text
