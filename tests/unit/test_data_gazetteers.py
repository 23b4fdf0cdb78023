"""Shape and consistency of exporter/data/systems/*.yaml and exporter/data/companies.yaml
(the weapon-system and company gazetteers the normalizer loads)."""

from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
import yaml

from exporter import registry

DATA = Path(__file__).parents[2] / "exporter" / "data"
SYSTEM_FILES = sorted((DATA / "systems").glob("*.yaml"))
COMPANIES = DATA / "companies.yaml"

CATEGORIES = set(registry.enum("system", "category"))
SYSTEM_KEYS = ["designation", "name", "aliases", "category", "origin", "maker"]
COMPANY_KEYS = ["name", "aliases", "country", "kind"]


def _load(path):
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def systems():
    return [entry for path in SYSTEM_FILES for entry in _load(path)]


@pytest.fixture(scope="module")
def companies():
    return _load(COMPANIES)


def _system_forms(entry):
    return {entry["designation"], entry["name"], *entry["aliases"]}


def _company_forms(entry):
    return {entry["name"], *entry["aliases"]}


def _valid_alpha3(code):
    return isinstance(code, str) and pycountry.countries.get(alpha_3=code) is not None


# --- systems/*.yaml -------------------------------------------------------------------------


def test_systems_is_a_list_of_enough_entries(systems):
    assert isinstance(systems, list)
    assert len(systems) >= 300


@pytest.mark.parametrize(("name", "floor"), [("air.yaml", 775), ("sea.yaml", 569)])
def test_aircraft_and_naval_files_keep_their_size(name, floor):
    # issue 9 grew these files; a floor catches a merge or edit that drops entries
    assert len(_load(DATA / "systems" / name)) >= floor


def test_land_and_missile_gazetteers_keep_their_size():
    # a floor for these two files, so that either shrinking is caught even while the others grow
    sizes = {path.stem: len(_load(path)) for path in SYSTEM_FILES}
    assert sizes["land"] + sizes["missiles"] >= 1650, sizes


def test_system_entries_have_the_keys_in_order(systems):
    for entry in systems:
        assert isinstance(entry, dict), entry
        keys = list(entry)
        assert keys[: len(SYSTEM_KEYS)] == SYSTEM_KEYS, entry
        assert set(keys) - set(SYSTEM_KEYS) <= {"needs_context", "partners"}, entry


def test_system_fields_have_the_right_types(systems):
    for entry in systems:
        for key in ("designation", "name", "maker"):
            assert isinstance(entry[key], str) and entry[key].strip() == entry[key] != "", entry
        assert isinstance(entry["aliases"], list), entry
        for alias in entry["aliases"]:
            assert isinstance(alias, str) and alias.strip() == alias != "", entry
        if "needs_context" in entry:
            # true for every form, or the list of the forms that are ordinary words
            wanting = entry["needs_context"]
            forms = {entry["designation"], entry["name"], *entry["aliases"]}
            assert wanting is True or (isinstance(wanting, list) and set(wanting) <= forms), entry


def test_system_categories_are_allowed(systems):
    bad = [(e["designation"], e["category"]) for e in systems if e["category"] not in CATEGORIES]
    assert not bad


def test_system_origins_are_alpha3(systems):
    bad = [(e["designation"], e["origin"]) for e in systems if not _valid_alpha3(e["origin"])]
    assert not bad


def test_programme_partners_are_other_states_than_the_host(systems):
    for entry in (e for e in systems if "partners" in e):
        partners = entry["partners"]
        assert partners and all(_valid_alpha3(code) for code in partners), entry
        assert entry["origin"] not in partners and len(set(partners)) == len(partners), entry


def test_designations_are_unique(systems):
    seen = defaultdict(int)
    for entry in systems:
        seen[entry["designation"]] += 1
    assert not [d for d, n in seen.items() if n > 1]


def test_aliases_do_not_repeat_the_designation(systems):
    bad = [e["designation"] for e in systems if e["designation"] in e["aliases"]]
    assert not bad
    bad = [e["designation"] for e in systems if len(set(e["aliases"])) != len(e["aliases"])]
    assert not bad


def test_every_system_form_names_one_system(systems):
    owners = defaultdict(set)
    for entry in systems:
        for form in _system_forms(entry):
            owners[form].add(entry["designation"])
    clashes = {form: sorted(who) for form, who in owners.items() if len(who) > 1}
    assert not clashes


# --- companies.yaml -------------------------------------------------------------------------


def test_companies_is_a_list_of_enough_entries(companies):
    assert isinstance(companies, list)
    assert len(companies) >= 1390


def test_company_entries_have_the_keys_in_order(companies):
    for entry in companies:
        assert isinstance(entry, dict), entry
        assert list(entry) == COMPANY_KEYS, entry
        assert isinstance(entry["name"], str) and entry["name"].strip() == entry["name"] != ""
        assert isinstance(entry["aliases"], list), entry
        for alias in entry["aliases"]:
            assert isinstance(alias, str) and alias.strip() == alias != "", entry
        assert entry["kind"] in {"company", "organization"}, entry


def test_company_countries_are_alpha3(companies):
    bad = [(e["name"], e["country"]) for e in companies if not _valid_alpha3(e["country"])]
    assert not bad


def test_every_company_form_names_one_company(companies):
    owners = defaultdict(set)
    for entry in companies:
        for form in _company_forms(entry):
            owners[form].add(entry["name"])
        assert entry["name"] not in entry["aliases"], entry
    clashes = {form: sorted(who) for form, who in owners.items() if len(who) > 1}
    assert not clashes


def test_company_forms_do_not_shadow_system_forms(systems, companies):
    # the normalizer looks company forms up before system forms
    system_forms = set().union(*(_system_forms(e) for e in systems))
    company_forms = set().union(*(_company_forms(e) for e in companies))
    assert not sorted(system_forms & company_forms)


# --- facts ----------------------------------------------------------------------------------


def _system(systems, designation):
    matches = [e for e in systems if e["designation"] == designation]
    assert len(matches) == 1, designation
    return matches[0]


def _company(companies, name):
    matches = [e for e in companies if e["name"] == name]
    assert len(matches) == 1, name
    return matches[0]


@pytest.mark.parametrize(
    ("designation", "category", "origin", "maker"),
    [
        ("S-400", "air-defence", "RUS", "Almaz-Antey"),
        ("F-35", "aircraft", "USA", "Lockheed Martin"),
        ("Bayraktar TB2", "uav", "TUR", "Baykar"),
        ("K9", "artillery", "KOR", "Hanwha Aerospace"),
        ("Patriot", "air-defence", "USA", "Raytheon"),
        ("Leopard 2", "armoured-vehicle", "DEU", "KNDS Deutschland"),
        ("Rafale", "aircraft", "FRA", "Dassault Aviation"),
        ("Gripen", "aircraft", "SWE", "Saab"),
        ("BrahMos", "missile", "IND", "BrahMos Aerospace"),
        ("Scorpene", "submarine", "FRA", "Naval Group"),
        ("FREMM", "ship", "FRA", "Naval Group"),
        ("AN/TPY-2", "sensor", "USA", "Raytheon"),
        ("F135", "engine", "USA", "Pratt & Whitney"),
        ("NASAMS", "air-defence", "NOR", "Kongsberg"),
        ("Zuzana 2", "artillery", "SVK", "Konštrukta-Defence"),
    ],
)
def test_known_systems(systems, designation, category, origin, maker):
    entry = _system(systems, designation)
    assert (entry["category"], entry["origin"], entry["maker"]) == (category, origin, maker)


def test_s400_reporting_name_is_an_alias(systems):
    assert {"SA-21", "SA-21 Growler", "S-400 Triumph"} <= set(_system(systems, "S-400")["aliases"])


def test_common_word_names_need_context(systems):
    for designation in ("Patriot", "Javelin", "AH-64", "M1 Abrams", "Lancet", "CAESAR", "Boxer"):
        assert _system(systems, designation).get("needs_context") is True, designation


def test_makers_with_an_entry_use_its_name(systems, companies):
    # a maker named like a company alias would not be found by the company's name
    aliases = {a: e["name"] for e in companies for a in e["aliases"]}
    bad = {e["maker"]: aliases[e["maker"]] for e in systems if e["maker"] in aliases}
    assert not bad


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("Rosoboronexport", "RUS", "company"),
        ("Lockheed Martin", "USA", "company"),
        ("Baykar", "TUR", "company"),
        ("Defense Security Cooperation Agency", "USA", "organization"),
        ("NATO Support and Procurement Agency", "LUX", "organization"),
        ("Pentagon", "USA", "organization"),
    ],
)
def test_known_companies(companies, name, country, kind):
    entry = _company(companies, name)
    assert (entry["country"], entry["kind"]) == (country, kind)
