"""The ids a validation run has seen, each with the place it was first seen, in bounded memory.

duplicate-id must remember every id of a run: ten million records are a normal repository,
and a dict of id strings to "file:line" strings costs about 200 bytes an id. Here an id of
the form the schemas allow (`pe-` or `pd-` and 20 lower-case hex digits) is kept as 11 bytes
that are the id itself, not a digest of it: a match is a duplicate, never a collision, so no
match needs confirming. Its place is a number (the file's index among the names seen, and the
line), and a 32-bit hash of it lets the table grow without hashing every id again. A table of
4-byte entry numbers (open addressing, load 0.25 to 0.5: a probe in Python costs more than
the bytes a lower load takes) finds them: about 31 to 39 bytes an id in all.

An id of another form (a caller of the check can pass one; the schemas refuse it) is kept
whole in a dict, and so is a place that is not a name followed by a line number.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from typing import Any

FORM = re.compile(r"p[ed]-[0-9a-f]{20}")  # the ids the schemas allow (events, deals)
FORM_LENGTH = 23
FORMS = re.compile(r"(?:p[ed]-[0-9a-f]{20})*")  # ids of that form, joined
WIDTH = 11  # bytes of a compact id: "0e" (pe-) or "0d" (pd-), then the 20 hex digits
EMPTY = 0xFFFFFFFF  # a free slot of the table (entries are numbered from 0)
LINE_BITS = 40  # a place is name index << 40 | line: a trillion lines, 16 million names
START = 1024  # slots of a new table


class FirstSeen:
    """Ids, each with where it was first seen: `first(id, place)` says where an id was seen
    before, or records it there."""

    def __init__(self) -> None:
        self._ids = bytearray()  # entry n's compact id at n * WIDTH
        self._hashes = array("I")  # entry n's hash, 32 bits: where it goes when slots grow
        self._places = array("Q")  # entry n's place: name index << LINE_BITS | line
        self._slots = array("I", [EMPTY]) * START  # entry numbers, by hash of the id
        self._limit = START // 2  # entries past which the slots double
        self._names: list[str] = []  # what precedes the line number in places
        self._name_index: dict[str, int] = {}
        self._odd_places: dict[int, str] = {}  # entry -> place that is not name + number
        self._odd_ids: dict[object, str] = {}  # id of another form -> place

    def __len__(self) -> int:
        return len(self._places) + len(self._odd_ids)

    def first(self, rid: object, place: str) -> str | None:
        """Where `rid` was first seen; None if it was not seen before (it is now, at `place`)."""
        if type(rid) is not str or FORM.fullmatch(rid) is None:
            return self._first_odd(rid, place)
        entry = len(self._hashes)
        number = self._number(place)
        found = self._add(bytes.fromhex(f"0{rid[1]}{rid[3:]}"), (0 if number is None else number,))
        if found:
            return self._place(found[0][1])
        if number is None:
            self._odd_places[entry] = place
        return None

    def first_many(self, rids: list[Any], names: Sequence[str], lines: Sequence[int]) -> list[int]:
        """`first` for each of `rids` in turn, the n-th at place f"{names[n]}{lines[n]}"
        (lines rising within a name): the indexes of those seen before (each first seen
        where `first` would say). Ids of the schemas' form are packed and placed in C, a few
        at a time in Python."""
        count = len(rids)
        if not count:
            return []
        try:
            joined = "".join(rids)
        except TypeError:  # an id that is no string
            joined = ""
        # most runs come from one file: one name for all (a set of one, made in C)
        indexes = {name: self._index_of(name) for name in set(names)}
        # (lines rise within a name: the first and last bound them)
        low, high = (lines[0], lines[-1]) if len(indexes) == 1 else (min(lines), max(lines))
        if (
            len(joined) != count * FORM_LENGTH
            or FORMS.fullmatch(joined) is None
            or -1 in indexes.values()
            or low < 1
            or high >= 10**12
        ):
            return [n for n, rid in enumerate(rids) if self.first(rid, f"{names[n]}{lines[n]}")]
        # "pe-" + 20 hex digits -> "0e" + 20 hex digits, as `first` packs one id
        keys = bytes.fromhex(joined.replace("p", "0").replace("-", ""))
        if len(indexes) > 1:  # one-record files judged together: a name each
            places = [
                indexes[name] << LINE_BITS | line for name, line in zip(names, lines, strict=True)
            ]
            return [n for n, _ in self._add(keys, places)]
        base = indexes[names[0]] << LINE_BITS
        if type(lines) is range:
            return [n for n, _ in self._add(keys, range(base + lines[0], base + lines[-1] + 1))]
        return [n for n, _ in self._add(keys, [base + line for line in lines])]

    def _add(self, keys: bytes, places_of: Sequence[int]) -> list[tuple[int, int]]:
        """Each compact id of `keys` (WIDTH bytes apiece) added at its place in `places_of`,
        unless seen before: those come back as (index, entry it matches)."""
        found: list[tuple[int, int]] = []
        slots, hashes, ids, places = self._slots, self._hashes, self._ids, self._places
        mask = len(slots) - 1
        for n, start in enumerate(range(0, len(keys), WIDTH)):
            key = keys[start : start + WIDTH]
            full = hash(key)
            short = full & 0xFFFFFFFF
            slot = full & mask
            while (entry := slots[slot]) != EMPTY:
                if hashes[entry] == short and ids[entry * WIDTH : entry * WIDTH + WIDTH] == key:
                    found.append((n, entry))
                    break
                slot = (slot + 1) & mask
            else:
                entry = len(hashes)
                slots[slot] = entry
                hashes.append(short)
                ids += key
                places.append(places_of[n])
                if entry > self._limit:
                    self._grow()
                    slots = self._slots
                    mask = len(slots) - 1
        return found

    def _first_odd(self, rid: object, place: str) -> str | None:
        seen = self._odd_ids.get(rid)
        if seen is None:
            self._odd_ids[rid] = place
        return seen

    def _number(self, place: str) -> int | None:
        """A place as a number (name index << LINE_BITS | line); None for a place that is
        not a name followed by a line number, kept aside whole."""
        name = place.rstrip("0123456789")
        digits = place[len(name) :]
        if digits and (digits[0] != "0" or digits == "0") and len(digits) < 13:
            index = self._index_of(name)
            if index >= 0:
                return index << LINE_BITS | int(digits)
        return None

    def _index_of(self, name: str) -> int:
        """The number of a name places start with; -1 when there are too many names."""
        index = self._name_index.get(name, -1)
        if index < 0 and len(self._names) < 1 << (64 - LINE_BITS):
            index = self._name_index[name] = len(self._names)
            self._names.append(name)
        return index

    def _place(self, entry: int) -> str:
        odd = self._odd_places.get(entry)
        if odd is not None:
            return odd
        packed = self._places[entry]
        return f"{self._names[packed >> LINE_BITS]}{packed & ((1 << LINE_BITS) - 1)}"

    def _grow(self) -> None:
        """Twice the slots, each entry put where its hash says (up to 2**32 slots)."""
        slots = array("I", [EMPTY]) * (2 * len(self._slots))
        mask = len(slots) - 1
        for entry, short in enumerate(self._hashes):
            slot = short & mask
            while slots[slot] != EMPTY:
                slot = (slot + 1) & mask
            slots[slot] = entry
        self._slots = slots
        self._limit = len(slots) // 2
