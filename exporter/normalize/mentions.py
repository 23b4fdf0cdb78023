"""Mention recognition: countries, weapon systems, companies, blocs and people in a sentence.

Gazetteer forms are found by looking token n-grams up in dictionaries (not by one regex of
thousands of alternatives), so the cost grows with the text, not with the gazetteer.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from exporter.normalize.gazetteer import Company, Gazetteer, System, alternation, gazetteer
from exporter.normalize.lexicon import (
    alternatives,
    categories_lexicon,
    cue_regex,
    events_lexicon,
    generic_lexicon,
    grammar_lexicon,
    list_gap,
    roles_lexicon,
)
from exporter.normalize.wordscan import (
    WORD_DEPTH,
    RareWords,
    TextMemo,
    WordAlternation,
    has_digit,
)

_TOKEN = re.compile(r"[\w&][\w&'’./+-]*")
_TRAILING = re.compile(r"(?:['’]s|['’]|[.,;:])$")
_ORIGIN_SUFFIX = re.compile(
    r"-(?:made|built|designed|produced|supplied|developed|manufactured|"
    r"led|backed|owned|based|era|vintage|origin)$"
)
_VARIANT = re.compile(r"^(.*\d)(?:[A-Z]{1,4}\d{0,2}|-\d{1,2}[A-Z]?)$")
_NAMED_VARIANT = re.compile(r"^([A-Z][a-z]{3,})-[A-Z]{1,2}$")  # "Rafale-M", "Gripen-E"
_MAX_TOKENS = 7


@dataclass(frozen=True)
class Mention:
    kind: str  # country | system | company | bloc | person | nonparty
    start: int  # offsets into the article body
    end: int
    text: str
    country: str | None = None  # ISO alpha-3 of the country, company's home, person's state
    how: str = ""  # countries: name | demonym | capital; "made" for "Chinese-made", "X-built"
    system: System | None = None
    company: Company | None = None
    role: str | None = None  # for people: their title
    extra: dict[str, str] = field(default_factory=dict, compare=False)


@functools.lru_cache(maxsize=1 << 16)
def _surface_variants(surface: str) -> tuple[str, ...]:
    """The forms to look up for a surface string: as written, without a possessive or
    trailing stop, singular, and without a variant suffix (F-16V -> F-16)."""
    forms = [surface]
    bare = _TRAILING.sub("", surface)
    if bare != surface:
        forms.append(bare)
    for form in list(forms):
        stem = _ORIGIN_SUFFIX.sub("", form)
        if stem != form:
            forms.append(stem)
    for form in list(forms):
        # "Rafales", and short designations' plurals too: "K2s", "K9s"
        if form.endswith("s") and (len(form) > 3 or form[-2:-1].isdigit()):
            forms.append(form[:-1])
        if form.endswith("es") and len(form) > 4:
            forms.append(form[:-2])
    for form in list(forms):
        variant = _VARIANT.match(form) or _NAMED_VARIANT.match(form)
        if variant:
            forms.append(variant.group(1))
    for form in list(forms):
        if form.isupper() and form.isalpha() and len(form) > 4:
            forms.append(form.capitalize())  # notices write names in capitals: "PATRIOT"
        elif form.istitle() and form.isalpha() and len(form) > 4:
            forms.append(form.upper())  # and papers write acronyms as words: "Himars"
    for form in list(forms):
        if form.endswith("-class") and len(form) > 7:
            forms.append(form[: -len("-class")])  # "MILGEM-class" is the MILGEM
    return tuple(forms)


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text, start, end)]


def _previous_word(text: str, start: int) -> str:
    match = re.search(r"([\w'’.-]+)\W*$", text[max(0, start - 40) : start])
    return match.group(1) if match else ""


def _accept_ambiguous(text: str, start: int, sentence_start: int) -> bool:
    """An ambiguous form (Jordan, Georgia, Chad) is taken for a state unless a capitalised
    word stands right before it (a person's or place's name)."""
    if start == sentence_start:
        return True
    previous = _previous_word(text, start)
    if previous.lower() in _generic_words().stop:
        return True  # "The American company": a sentence's first word, not a name
    return not (
        previous[:1].isupper() and not text[start - 2 : start].strip(" ").endswith((",", "."))
    )


def _form_starts(gaz: Gazetteer) -> dict[str, int]:
    """First token of every gazetteer form -> the most tokens a form starting with it has."""
    if gaz.starts is None:
        starts: dict[str, int] = {}
        for form in [*gaz.companies, *gaz.systems, *gaz.country_forms]:
            spans = _tokens(form, 0, len(form))
            if spans:
                head = form[spans[0][0] : spans[0][1]]
                starts[head] = max(starts.get(head, 0), len(spans))
        gaz.starts = starts
    return gaz.starts


def _second_words(gaz: Gazetteer) -> frozenset[tuple[str, str]]:
    """What may follow a form's first token: (first, second token) and (first, the second's
    first character) for each form of two tokens or more, (first, "") for one with text
    after its only token. A surface of two tokens or more can be a form only through one of
    these: its variants cut nothing but its last token's end, so a variant keeps the first
    token, all of the second when there is a third, else the second's beginning (or text
    after the first when the second is cut away: "F-16 s")."""
    if gaz.seconds is None:
        seconds: set[tuple[str, str]] = set()
        for form in [*gaz.companies, *gaz.systems, *gaz.country_forms]:
            spans = _tokens(form, 0, len(form))
            if len(spans) >= 2:
                first, second = form[slice(*spans[0])], form[slice(*spans[1])]
                seconds |= {(first, second), (first, second[:1])}
            elif spans and spans[0][1] < len(form):
                seconds.add((form[slice(*spans[0])], ""))
        gaz.seconds = frozenset(seconds)
    return gaz.seconds


def _token_reach(first: str, gaz: Gazetteer) -> tuple[int, bool]:
    """For a token: the most tokens a form beginning with it has (0: it begins none), and
    whether it has a digit (a designation written compactly may still be a system)."""
    if gaz.reach is None:
        gaz.reach = {}
    found = gaz.reach.get(first)
    if found is None:
        starts = _form_starts(gaz)
        longest = max((starts.get(f, 0) for f in _surface_variants(first)), default=0)
        found = gaz.reach[first] = (longest, any(ch.isdigit() for ch in first))
        if found == (0, False):
            gaz.inert.add(first)
    return found


def _known_forms(surface: str, gaz: Gazetteer) -> tuple[str, ...]:
    """The forms of a surface string (its _surface_variants) that the gazetteer knows, in
    their order: most surfaces are none, and are looked up once."""
    if gaz.known is None:
        gaz.known = {}
    found = gaz.known.get(surface)
    if found is None:
        found = gaz.known[surface] = tuple(
            form
            for form in _surface_variants(surface)
            if form in gaz.companies or form in gaz.systems or form in gaz.country_forms
        )
    return found


def gazetteer_mentions(text: str, start: int, end: int, gaz: Gazetteer) -> list[Mention]:
    """Countries, systems and companies in text[start:end], longest match first."""
    words = _TOKEN.findall(text, start, end)
    inert = gaz.inert
    # only tokens that can begin a form are tried, and only as far as its longest form
    live = [i for i, word in enumerate(words) if word not in inert]
    tokens: list[tuple[int, int]] = []  # the words' spans, found once one may begin a form
    found: list[Mention] = []
    free = 0  # the first token after the last mention
    reach = gaz.reach or {}
    for i in live:
        if i < free:
            continue
        first = words[i]
        longest, with_digit = reach.get(first) or _token_reach(first, gaz)
        if not longest and not with_digit:
            continue
        tokens = tokens or _spans(text, words, start)
        hit = _form_at(text, tokens, i, _most_tokens(words, i, longest, gaz), start, gaz)
        if hit is None and with_digit:
            hit = (
                _compact_system(first, tokens[i], gaz)
                or _split_variant(text, tokens, i, gaz)
                or _split_family(text, tokens, i, gaz)
            )
        if hit:
            found.append(hit)
            free = i
            while free < len(tokens) and tokens[free][0] < hit.end:
                free += 1
    return found


_VARIANT_WORD = re.compile(r"[A-Z]{1,3}\d{0,2}[A-Z]?")


def _split_variant(
    text: str, tokens: list[tuple[int, int]], i: int, gaz: Gazetteer
) -> Mention | None:
    """A family the gazetteer does not list alone, written apart from its variant ("TU-22
    M3I"): the variant's system, the two words its mention."""
    if i + 1 >= len(tokens) or not _VARIANT_WORD.fullmatch(text[slice(*tokens[i + 1])]):
        return None
    (s, e), (s2, e2) = tokens[i], tokens[i + 1]
    if text[e:s2] != " ":
        return None
    hit = _compact_system(text[s:e] + text[s2:e2], (s, e2), gaz)
    return dataclasses.replace(hit, end=e2, text=text[s:e2]) if hit else None


def _split_family(
    text: str, tokens: list[tuple[int, int]], i: int, gaz: Gazetteer
) -> Mention | None:
    """A maker's prefix written apart from its number ("MiG 29-K", "Su 30"): the system the
    two words name together."""
    if i == 0:
        return None
    (s0, e0), (s, e) = tokens[i - 1], tokens[i]
    prefix = text[s0:e0]
    if text[e0:s] != " " or not (prefix.isalpha() and prefix[:1].isupper() and len(prefix) <= 4):
        return None
    hit = _compact_system(prefix + text[s:e], (s0, e), gaz)
    # the mention's end: one character on for the space the joined form left out
    return dataclasses.replace(hit, end=hit.end + 1, text=text[s0 : hit.end + 1]) if hit else None


def _spans(text: str, words: list[str], start: int) -> list[tuple[int, int]]:
    """Where the words _TOKEN found from `start` on stand: each is the first place its text
    occurs after the word before, as no character between two tokens can begin one."""
    spans = []
    at = start
    for word in words:
        begin = text.find(word, at)
        at = begin + len(word)
        spans.append((begin, at))
    return spans


def _most_tokens(words: list[str], i: int, longest: int, gaz: Gazetteer) -> int:
    """How many tokens from word i on may be a form, of at most `longest`: a first word
    that begins longer forms is mostly followed by none of their second words ("the" in
    "the army"), and then only the word alone is looked up."""
    most = min(longest, len(words) - i)
    if most >= 2:
        seconds = gaz.seconds or _second_words(gaz)
        first, second = words[i], words[i + 1]
        if most >= 3 and (first, second) not in seconds:
            most = 2
        if most == 2 and (first, second[:1]) not in seconds and (first, "") not in seconds:
            most = 1
    return most


def _form_at(
    text: str, tokens: list[tuple[int, int]], i: int, longest: int, start: int, gaz: Gazetteer
) -> Mention | None:
    """The longest gazetteer form beginning at token i, of at most `longest` tokens."""
    s = tokens[i][0]
    known = gaz.known or {}
    for n in range(min(longest, len(tokens) - i), 0, -1):
        e = tokens[i + n - 1][1]
        surface = text[s:e]
        forms = known.get(surface)
        if forms is None:
            forms = _known_forms(surface, gaz)
        for form in forms:
            if form in gaz.companies:
                company = gaz.companies[form]
                how = "made" if _ORIGIN_SUFFIX.search(surface) else ""
                return Mention("company", s, e, surface, company.country, how, company=company)
            if form in gaz.systems:
                system = gaz.systems[form]
                return Mention("system", s, e, surface, system.origin, system=system)
            code, how = gaz.country_forms[form]  # a known form is one of the three
            if form in gaz.ambiguous and not _accept_ambiguous(text, s, start):
                continue
            if _ORIGIN_SUFFIX.search(surface):
                how = "made"  # "Chinese-made", "Dassault-built": where it comes from
            return Mention("country", s, e, surface, code, how)
    return None


_SPACES_AND_HYPHENS = re.compile(r"[\s-]+")


def _compact(form: str) -> str:
    return _SPACES_AND_HYPHENS.sub("", form)


def _compact_system(token: str, span: tuple[int, int], gaz: Gazetteer) -> Mention | None:
    """A designation written without its space or hyphen ("BayraktarTB2", "F16", "Su35"), or
    in other capitals ("TU-22M3", "MIG-29")."""
    if gaz.compact is None:
        gaz.compact = {}
        for form, entry in gaz.systems.items():
            if any(ch.isdigit() for ch in form) and len(_compact(form)) >= 3:
                gaz.compact.setdefault(_compact(form).upper(), entry)
    token = token.rstrip(".,;:")
    for form in _surface_variants(token):
        key = _compact(form).upper()
        found = gaz.compact.get(key) if any(ch.isdigit() for ch in form) else None
        if found is not None:
            end = span[0] + len(token)
            return Mention("system", span[0], end, token, found.origin, system=found)
    return None


@functools.cache
def _category_nouns() -> dict[str, str]:
    """Per category, one regex alternation of the nouns that name its weapons."""
    return {category: "|".join(nouns) for category, nouns in categories_lexicon().nouns.items()}


@functools.cache
def weapon_nouns() -> str:
    """One regex alternation of every category's weapon nouns."""
    return "|".join(_category_nouns().values())


@functools.cache
def _weapon_context_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    weapon = rf"(?:{weapon_nouns()}|systems?|batter(?:y|ies))\b"
    return re.compile(rf"\s*(?:[\w-]+\s+){{0,2}}{weapon}", re.I), re.compile(rf"\s{weapon}", re.I)


@functools.cache
def _kind_regex() -> tuple[WordAlternation, dict[str, str]]:
    """Every weapon noun, longest pattern first ("aircraft carriers" is a ship, not an
    aircraft), each in a group that names its category."""
    nouns = [
        (noun, category)
        for category, listed in categories_lexicon().nouns.items()
        for noun in listed
    ]
    nouns.sort(key=lambda pair: len(pair[0]), reverse=True)
    groups = {f"n{i}": category for i, (_, category) in enumerate(nouns)}
    parts: list[tuple[str | None, list[str]]] = [
        (f"n{i}", [noun]) for i, (noun, _) in enumerate(nouns)
    ]
    # "anti-ship" and "ship-borne" name no ship
    return WordAlternation(parts, r"(?<![\w-])", r"(?![\w-])", re.I, depth=WORD_DEPTH), groups


# a sentence's clauses, candidates and mentions ask for the same windows: each found once
_NOUNS_FOUND: TextMemo[tuple[tuple[re.Match[str], str], ...]] = TextMemo()
_KINDS_FOUND: TextMemo[frozenset[str]] = TextMemo()


def weapon_noun_matches(text: str, start: int, end: int) -> tuple[tuple[re.Match[str], str], ...]:
    """The weapon nouns in text[start:end], each with its category."""
    return _NOUNS_FOUND.get(text, (start, end), lambda: _weapon_noun_matches(text, start, end))


def _weapon_noun_matches(text: str, start: int, end: int) -> tuple[tuple[re.Match[str], str], ...]:
    scan, groups = _kind_regex()
    return tuple((m, groups[m.lastgroup or ""]) for m in scan.finditer(text, start, end))


def weapon_kinds(text: str, start: int, end: int) -> frozenset[str]:
    """The categories of the weapon nouns in text[start:end] ("the frigate" -> ship), not of
    one that only qualifies another noun ("the submarine programme")."""
    return _KINDS_FOUND.get(text, (start, end), lambda: _weapon_kinds(text, start, end))


def _weapon_kinds(text: str, start: int, end: int) -> frozenset[str]:
    return frozenset(
        category
        for match, category in weapon_noun_matches(text, start, end)
        if not _qualifies_a_noun(text, match.end(), end)
    )


_FOLLOWING_WORD = re.compile(r"[ -]+([A-Za-z]+)")


def _qualifies_a_noun(text: str, at: int, end: int) -> bool:
    """Whether the noun after `at` makes the weapon noun before it a qualifier ("aircraft
    maker", "Submarine Combat System")."""
    following = _FOLLOWING_WORD.match(text, at, min(end, at + 30))
    return bool(following and following.group(1).lower() in _generic_words().compounds)


@functools.cache
def _unknown_system_regex() -> re.Pattern[str]:
    parts = [f"(?P<c{i}>{nouns})" for i, nouns in enumerate(_category_nouns().values())]
    return re.compile(
        r"(?<![\w-])(?P<designation>[A-Z][A-Za-z]{0,6}-?\d{1,4}[A-Z]{0,3}(?:[- ][A-Z]\d?)?)"
        r"(?:s)?\s+(?:" + "|".join(parts) + r")\b"
    )


def unknown_systems(text: str, start: int, end: int, taken: list[Mention]) -> list[Mention]:
    """A designation written like one (letters, digits) before a weapon noun, not in the
    gazetteer: still a system, of the noun's category, origin unknown."""
    found: list[Mention] = []
    if not has_digit(text, start, end):
        return found  # a designation has digits: half the sentences have none
    regex = _unknown_system_regex()
    for match in regex.finditer(text, start, end):
        s, e = match.span("designation")
        if any(m.start < e and s < m.end for m in taken):
            continue
        designation = match["designation"]
        if re.fullmatch(r"(?:19|20)\d\d", designation) or designation.isdigit():
            continue
        category = next(c for i, c in enumerate(_category_nouns()) if match[f"c{i}"])
        system = System(designation, designation, category, None, None)
        found.append(Mention("system", s, e, designation, None, system=system))
    return found


@functools.cache
def _word_regexes() -> dict[str, RareWords]:
    words = events_lexicon()  # few sentences name a bloc or a non-party: each regex gated
    return {
        "bloc": RareWords(re.compile(rf"(?<![\w-])(?:{alternation(words.blocs)})(?![\w-])")),
        "nonparty": RareWords(re.compile(rf"\b(?:{alternation(words.non_parties)})\b", re.I)),
    }


@functools.cache
def _person_regex() -> WordAlternation:
    # the alternation of titles, longest first, each matched whatever its capitals
    listed = sorted(set(roles_lexicon().titles), key=len, reverse=True)
    titles = [f"(?i:{re.escape(title)})" for title in listed]
    name = r"[A-Z][\w'’-]+"
    return WordAlternation(
        [("title", titles)],
        r"(?<![\w-])",
        rf"\s+(?P<name>{name}(?:\s+(?:(?:bin|al|de|van|von|der|el|da)\s+)?{name}){{0,2}})",
        depth=WORD_DEPTH,
    )


def word_scans() -> list[WordAlternation]:
    """The scans of mentions that look for words at a word's start: weapon nouns, titles."""
    return [_kind_regex()[0], _person_regex()]


def people(text: str, start: int, end: int, taken: list[Mention]) -> list[Mention]:
    """People introduced by a title ("Defence Minister Hulusi Akar"); their state from a
    country word right before the title."""
    found = []
    for match in _person_regex().finditer(text, start, end):
        s, e = match.span("name")
        if any(m.start < e and s < m.end for m in taken):
            continue
        country = None
        before = [m for m in taken if m.kind == "country" and 0 <= match.start() - m.end <= 2]
        if before:
            country = before[-1].country
        found.append(Mention("person", s, e, match["name"], country, role=match["title"].strip()))
    return found


def find_mentions(text: str, start: int, end: int) -> list[Mention]:
    """Every mention in text[start:end], in text order, none overlapping."""
    gaz = gazetteer()
    mentions = [_of_its_kind(text, m, end, gaz) for m in gazetteer_mentions(text, start, end, gaz)]
    mentions += unknown_systems(text, start, end, mentions)
    for kind, regex in _word_regexes().items():
        for match in regex.finditer(text, start, end):
            if not any(m.start < match.end() and match.start() < m.end for m in mentions):
                mentions.append(Mention(kind, match.start(), match.end(), match.group()))
    mentions += people(text, start, end, mentions)
    mentions.sort(key=lambda m: m.start)
    return [
        m
        for m in mentions
        if not _wants_context(text, m, mentions, start, end) and not _in_number(text, m)
    ]


_NUMBER_GOES_ON = re.compile(r"[,.]\d")


def _in_number(text: str, mention: Mention) -> bool:
    """A system's designation that goes on as digits ("P15,744,571,584" pesos): an amount."""
    return mention.kind == "system" and bool(_NUMBER_GOES_ON.match(text, mention.end))


@functools.cache
def _coordination() -> re.Pattern[str]:
    """ "12 Typhoon and 8 Hawk": what joins two systems of a list."""
    words = alternatives(grammar_lexicon().list_conjunctions)
    return re.compile(rf"\s*(?:,|{words}|&|,\s*{words})\s*(?:\d+\s+)?")


def _wants_context(
    text: str, mention: Mention, mentions: list[Mention], start: int, end: int
) -> bool:
    """A system whose name is also a common word, named without what shows it is a weapon:
    no designation digit, no weapon noun or maker beside it, and no weapon it is listed with
    ("Javelin and AT-4 anti-tank systems")."""
    if not (
        mention.kind == "system"
        and mention.system
        and mention.system.needs_context
        and not any(ch.isdigit() for ch in mention.text)
        and not _has_weapon_context(text, mention, start, end)
    ):
        return False
    following = next((m for m in mentions if m.start >= mention.end), None)
    return not (
        following is not None
        and following.kind == "system"
        and _coordination().fullmatch(text[mention.end : following.start])
        and not _wants_context(text, following, mentions, start, end)
    )


_WORD_AFTER = re.compile(r"[\s-]+(?:[\w-]+\s+)?")  # the space or hyphen after a name, a word


def _of_its_kind(text: str, mention: Mention, end: int, gaz: Gazetteer) -> Mention:
    """A name two systems share, read by the weapon noun after it: "Mistral warships" are
    the Mistral class, not the Mistral missile."""
    system = mention.system
    if system is None:
        return mention
    classes = [gaz.systems.get(f"{mention.text}{joint}class") for joint in ("-", " ")]
    if classes == [None, None]:
        return mention  # no class of its name to be read as: the noun after it changes nothing
    noun = _WORD_AFTER.match(text, mention.end, min(end, mention.end + 40))
    after = weapon_noun_matches(
        text, noun.end() if noun else mention.end, min(end, mention.end + 40)
    )
    kinds = {category for match, category in after[:1] if match.start() - mention.end <= 20}
    if not kinds or system.category in kinds:
        return mention
    for other in classes:
        if other is not None and other.category in kinds:
            return dataclasses.replace(mention, system=other, country=other.origin)
    return mention


def _has_weapon_context(text: str, mention: Mention, start: int, end: int) -> bool:
    """A system whose name is also a common word ("Patriot", "Reaper") counts only beside a
    weapon noun (within two words after it) or with its maker named in the sentence; a form
    with a digit in it ("AH-64E") is a designation and needs nothing."""
    after_noun, own_noun = _weapon_context_regexes()
    after = text[mention.end : min(end, mention.end + 60)]
    if after_noun.match(after) or own_noun.search(mention.text):
        return True  # beside a weapon noun, or "Javelin missiles" names its noun itself
    maker = mention.system.maker if mention.system else None
    return bool(maker and maker in text[start:end]) or _counted_plural(text, mention, start)


def _counted_plural(text: str, mention: Mention, start: int) -> bool:
    """ "Ordered 24 Apaches", "ten more Black Hawks": a name counted in the plural is a
    weapon's, whatever else the word may mean."""
    # the count before a named system is the amounts step's (imported here: it reads mentions)
    from exporter.normalize.amounts import number_before

    return mention.text.rstrip(".,;:").endswith("s") and bool(
        number_before().search(text, max(start, mention.start - 40), mention.start)
    )


def actors(
    sentence_mentions: list[Mention], people: dict[str, Mention], sentence_text: str
) -> list[dict[str, Any]]:
    """People named in the sentence: by title and name, by surname, or by a title alone
    ("the foreign minister") when the article introduced one person with it."""
    found: dict[str, Mention] = {}
    for mention in sentence_mentions:
        if mention.kind == "person":
            found.setdefault(mention.text, mention)
    for person in people.values():
        surname = person.text.split()[-1]
        if (
            person.text not in found and re.search(rf"\b{re.escape(surname)}\b", sentence_text)
        ) or (
            person.role
            and person.text not in found
            and re.search(rf"\bthe\s+(?:\w+\s+)?{re.escape(person.role)}\b", sentence_text, re.I)
        ):
            found[person.text] = person
    return [{"name": p.text, "role": p.role, "country": p.country} for p in found.values()]


@dataclass(frozen=True)
class GenericWords:
    stop: frozenset[str]  # words that end the qualifying words
    vague: frozenset[str]  # nouns that need a qualifying word
    participles: frozenset[str]  # participles that qualify ("armed", "landing")
    compounds: frozenset[str]  # nouns after a weapon noun that make it a qualifier
    most: int  # the most qualifying words kept
    acronyms: dict[str, str]  # a kind written as its acronym, in full ("opv")


@functools.cache
def _generic_words() -> GenericWords:
    words = generic_lexicon()
    return GenericWords(
        frozenset(word.lower() for word in words.stop_modifiers),
        frozenset(word.lower() for word in words.vague_heads),
        frozenset(word.lower() for word in words.kind_participles),
        frozenset(word.lower() for word in words.compound_heads),
        words.max_modifiers,
        {acronym.lower(): full for acronym, full in words.acronyms.items()},
    )


def _qualifies(word: str, words: GenericWords) -> bool:
    """Whether a word before a weapon noun says what kind of weapon it is."""
    lower = word.lower()
    adverb = lower.endswith("ly") and not lower.endswith(("pply", "mbly", "amily"))
    if lower in words.stop or adverb:
        return False
    if lower.endswith(("ed", "ing")) and "-" not in lower:
        return lower in words.participles
    return True


# a word that names a type: letters and digits ("K10"), a class ("Pohang-class"), an acronym
# in capitals ("MILGEM")
_DESIGNATION_SHAPE = re.compile(
    r"(?=.*\d)(?=.*[A-Za-z])[A-Z][\w/-]*|[A-Z][\w-]*-class|[A-Z]{3,}(?:-[A-Z0-9]+)*"
)


_MODIFIER = re.compile(r"(?<![\w'’.-])([A-Za-z][\w-]*|\d+\s?mm)\s*$")


def modifier_before(text: str, start: int, begin: int) -> re.Match[str] | None:
    """`_MODIFIER.search(text, start, begin)`, the word right before `begin`, searched from
    the second space before the last word on, not from `start`: a match holds at most one
    whitespace character before the ones it ends with ("155 mm"), so none begins earlier."""
    last = begin
    while last > start and text[last - 1].isspace():
        last -= 1
    space = text.rfind(" ", start, last)
    space = text.rfind(" ", start, space) if space > start else -1
    return _MODIFIER.search(text, space + 1 if space >= start else start, begin)


def singular(noun_phrase: str) -> str:
    """The phrase with its last word in the singular ("patrol vessels" -> "patrol vessel")."""
    head, _, last = noun_phrase.rpartition(" ")
    lower = last.lower()
    if lower.endswith(("ies",)) and len(lower) > 4:
        last = last[:-3] + "y"
    elif lower.endswith(("ches", "shes", "sses", "xes", "oes")):
        last = last[:-2]
    elif lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3:
        last = last[:-1]
    return f"{head} {last}".strip()


_CALIBRE = re.compile(r"\d+\s?mm")


@functools.cache
def _calibres_before() -> re.Pattern[str]:
    """ "155 mm and 105 mm": a calibre listed before another."""
    return re.compile(rf"(\d+\s?mm)\s*{list_gap()}$")


@functools.cache
def _anaphoric_before() -> re.Pattern[str]:
    """ "the helicopters": a determiner right before a bare weapon noun."""
    return cue_regex(grammar_lexicon().anaphoric_determiners, after=r"\s+$")


def _other_calibres(text: str, start: int, kind: Mention, modifiers: list[str]) -> list[Mention]:
    """The same kind in the calibres listed before its own ("155 mm and 105 mm artillery
    ammunition" is also 155 mm artillery ammunition)."""
    system, begin = kind.system, kind.start
    if system is None or not modifiers or not _CALIBRE.fullmatch(modifiers[0]):
        return []
    if not system.generic:
        return []
    found: list[Mention] = []
    while (listed := _calibres_before().search(text, start, begin)) is not None:
        name = system.name.replace(modifiers[0], listed[1], 1)
        other = System(name, name, system.category, system.origin, None, generic=True)
        found.insert(
            0, Mention("system", listed.start(1), listed.end(1), listed[1], None, system=other)
        )
        begin = listed.start()
    return found


def origin_word_before(
    mentions: list[Mention], begin: int, hows: tuple[str, ...] = ("demonym", "made")
) -> Mention | None:
    """The demonym or "-made" word right before a weapon ("Russian helicopters", "six
    U.S.-made A-29s"): the state it says the weapon comes from."""
    return next(
        (m for m in mentions if m.kind == "country" and m.how in hows and 0 <= begin - m.end <= 1),
        None,
    )


_OPENING_BRACKET = re.compile(r"\s*\(")
# a ship's name after its noun, a prefix at most before it ("the submarine INS Vagsheer")
_VESSEL_NAME = re.compile(r"\s+(?:[A-Z]{2,5}\s+)?[A-Z][a-z]+\b")


def _named_in_brackets(text: str, at: int, end: int, taken: list[Mention]) -> bool:
    """Whether a named system follows in brackets right after `at`: the kind before it is
    that system written out ("Nag Missile System (NAMIS)")."""
    bracket = _OPENING_BRACKET.match(text, at, end)
    return bracket is not None and any(
        m.kind == "system" and m.start == bracket.end() for m in taken
    )


def generic_systems(text: str, start: int, end: int, taken: list[Mention]) -> list[Mention]:
    """Systems named by a weapon noun and the words that qualify it ("offshore patrol
    vessels", "attack helicopters"), without a designation: a generic system of the noun's
    category, origin unknown. A noun that follows a named system is that system's noun."""
    words = _generic_words()
    found: list[Mention] = []
    qualifiers: dict[int, list[str]] = {}  # each kind's qualifying words, by id
    for match, category in weapon_noun_matches(text, start, end):
        s, e = match.span()
        if any(m.start < e and s < m.end for m in taken):
            continue
        if _qualifies_a_noun(text, e, end):
            continue  # "aircraft maker": the weapon noun qualifies another noun
        if _named_in_brackets(text, e, end, taken):
            continue  # "Medium Range Surface to Air Missiles (MRSAM)": the name in brackets
        modifiers: list[str] = []
        begin = s
        designation = None
        while len(modifiers) < words.most:
            word = modifier_before(text, start, begin)
            gap = text[word.end() : begin] if word else ""
            if not word or not _qualifies(word.group(1), words) or "\n" in gap or len(gap) > 1:
                break
            if any(m.start < word.end() and word.start() < m.end for m in taken):
                break
            modifiers.insert(0, word.group(1))
            begin = word.start()
            if _DESIGNATION_SHAPE.fullmatch(word.group(1)) and not re.search(r"\dmm$", word[1]):
                designation = word.group(1)  # "K10 resupply vehicles": a designation
                break
        if any(m.kind == "system" and begin - 4 <= m.end <= begin for m in taken):
            continue  # "Rafale multi-role combat jets": the noun of a named system
        phrase = " ".join(" ".join([*modifiers, match.group()]).split())
        # "Russian helicopters", "French-built corvettes": where they come from
        said = origin_word_before(taken, begin)
        origin = said.country if said else None
        if (
            not modifiers
            and origin is None  # "Chinese missiles" are a kind: missiles from China
            and (
                match.group().lower() in words.vague
                or (
                    " " not in match.group()  # "the fighter jets" names a kind all the same
                    and _anaphoric_before().search(text, max(start, s - 8), s)
                    # "the frigate Kimon": a ship named after its noun is one of its own
                    and not _VESSEL_NAME.match(text, e, end)
                )
            )
        ):
            continue  # "the helicopters" speaks of systems named before
        # a name in capitals ("Littoral Mission Ship") keeps them; other words are lower case
        name = singular(phrase if phrase.istitle() and modifiers else phrase.lower())
        if designation:
            name = singular(phrase)
        else:  # "six OPVs" is written as the kind is named in full: offshore patrol vessels
            head, _, last = name.rpartition(" ")
            name = f"{head} {words.acronyms.get(last.lower(), last)}".strip()
        # a designation makes it a system of its own, only unknown to the gazetteer
        system = System(designation or name, name, category, origin, None, generic=not designation)
        found.append(Mention("system", begin, e, text[begin:e], None, system=system))
        qualifiers[id(found[-1])] = modifiers
    # "105 mm artillery ammunition": the whole phrase, not the weapon noun inside it
    whole = [
        g
        for g in found
        if not any(o is not g and o.start <= g.start and g.end <= o.end for o in found)
    ]
    return [
        kind for g in whole for kind in [*_other_calibres(text, start, g, qualifiers[id(g)]), g]
    ]
