"""The normalizer's knowledge, loaded once from exporter/data and compiled into look-ups.

Countries come from pycountry (names, ISO codes) and data/countries.yaml (short names,
demonyms, capitals); systems from data/systems/*.yaml (one file per group of categories);
companies from data/companies.yaml; the word lists (events, quantities, money, dates, roles)
are the typed lexicons of lexicon.py.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pycountry

from exporter.resources import data_folder, load_data


def alternation(forms: Iterable[str]) -> str:
    """A regex alternation of literal forms, longest first so the longest form wins."""
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


def literal_tree(forms: Iterable[str]) -> str:
    """`alternation(forms)` written as a tree of the forms' shared beginnings ("tank(?:s|)"):
    it matches what the alternation matches, in the same order (of the forms that stand at
    a place, the longest first), but sre tries a list's alternatives one by one, so hundreds
    of forms cost hundreds of tries at each place, and the tree only the branches its
    characters lead to. Where two branches could match one character ("A" and "a" under
    re.IGNORECASE; a character outside ASCII, which may fold to a letter) the order could
    differ, and the alternation is kept."""
    root: dict[str, Any] = {}
    for form in set(forms):
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}  # a form ends here
    tree = _branches(root)
    return alternation(forms) if tree is None else tree


def _branches(node: dict[str, Any]) -> str | None:
    """A tree node's regex: its children (longer forms) first, then the form ending here;
    None where two children could match one character."""
    chars = [char for char in node if char]
    if len(chars) > 1 and (
        not all(char.isascii() for char in chars)
        or len({char.lower() for char in chars}) < len(chars)
    ):
        return None
    parts = []
    for char in sorted(chars):
        rest = _branches(node[char])
        if rest is None:
            return None
        parts.append(re.escape(char) + rest)
    if "" in node:
        parts.append("")
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class Country:
    code: str
    name: str  # the short name news uses ("Russia", not "Russian Federation")


@dataclass(frozen=True)
class System:
    designation: str
    name: str
    category: str
    origin: str | None
    maker: str | None
    needs_context: bool = False
    generic: bool = False  # named by its kind only ("offshore patrol vessel")
    partners: tuple[str, ...] = ()  # a multinational programme's members beside its host


@dataclass(frozen=True)
class Company:
    name: str
    country: str | None
    kind: str


@dataclass
class Gazetteer:
    countries: dict[str, Country] = field(default_factory=dict)  # code -> Country
    country_forms: dict[str, tuple[str, str]] = field(default_factory=dict)  # form -> (code, how)
    ambiguous: set[str] = field(default_factory=set)
    systems: dict[str, System] = field(default_factory=dict)  # form -> System
    companies: dict[str, Company] = field(default_factory=dict)  # form -> Company
    starts: dict[str, int] | None = None  # first token of a form -> its most tokens
    reach: dict[str, tuple[int, bool]] | None = None  # a token -> (starts' value, has a digit)
    known: dict[str, tuple[str, ...]] | None = None  # a surface -> its forms listed above
    inert: set[str] = field(default_factory=set)  # tokens that begin no form and have no digit
    seconds: frozenset[tuple[str, str]] | None = None  # what may follow a form's first token
    makers: dict[tuple[str, str], list[System]] | None = None  # (maker, category) -> systems
    compact: dict[str, System] | None = None  # a designation without spaces or hyphens

    def country(self, code: str) -> Country:
        return self.countries[code]

    def made_by(self, maker: str, category: str = "") -> list[System]:
        """The systems of a category (of any, by default) that a company makes, in
        designation order."""
        if self.makers is None:
            makers: dict[tuple[str, str], set[System]] = {}
            for system in self.systems.values():
                if system.maker:
                    makers.setdefault((system.maker, system.category), set()).add(system)
                    makers.setdefault((system.maker, ""), set()).add(system)
            self.makers = {
                key: sorted(found, key=lambda s: s.designation) for key, found in makers.items()
            }
        return self.makers.get((maker, category), [])


def _short_name(country: Any, extra: dict[str, Any]) -> str:
    """The country's common English short name, the `name` records give a state party:
    pycountry's common_name ("Iran", "South Korea"), else its name ("India", "Saudi Arabia"),
    unless countries.yaml gives the `short_name` the news uses ("Russia", "Turkey")."""
    return extra.get("short_name") or getattr(country, "common_name", None) or country.name


def _load_countries(gaz: Gazetteer) -> None:
    extra_all: dict[str, Any] = load_data("countries.yaml") or {}
    for country in pycountry.countries:
        code = country.alpha_3
        extra = extra_all.get(code) or {}
        gaz.countries[code] = Country(code, _short_name(country, extra))
        official = [getattr(country, "official_name", None), getattr(country, "common_name", None)]
        for form in [country.name, *official, *(extra.get("names") or [])]:
            if form:
                gaz.country_forms.setdefault(form, (code, "name"))
        for form in extra.get("demonyms") or []:
            gaz.country_forms.setdefault(form, (code, "demonym"))
        for form in extra.get("capitals") or []:
            gaz.country_forms.setdefault(form, (code, "capital"))
        gaz.ambiguous.update(extra.get("ambiguous") or [])


def _load_systems(gaz: Gazetteer) -> None:
    entries = [e for name in data_folder("systems") for e in load_data(name) or []]
    for entry in entries:
        system = System(
            entry["designation"],
            entry.get("name") or entry["designation"],
            entry["category"],
            entry.get("origin"),
            entry.get("maker"),
            entry.get("needs_context") is True,
            partners=tuple(entry.get("partners") or ()),
        )
        # a list names the forms that are ordinary words ("Typhoon"), the others need nothing
        wanting = entry.get("needs_context") if isinstance(entry.get("needs_context"), list) else []
        for form in [entry["designation"], system.name, *(entry.get("aliases") or [])]:
            gaz.systems.setdefault(
                form, dataclasses.replace(system, needs_context=True) if form in wanting else system
            )


def _load_companies(gaz: Gazetteer) -> None:
    for entry in load_data("companies.yaml") or []:
        company = Company(entry["name"], entry.get("country"), entry.get("kind", "company"))
        for form in [entry["name"], *(entry.get("aliases") or [])]:
            gaz.companies.setdefault(form, company)


@functools.cache
def gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    _load_countries(gaz)
    _load_systems(gaz)
    _load_companies(gaz)
    return gaz
