"""Observations parked by deal, so that memory holds one share of them at a time.

Each observation is a compact JSON line. While the lines are few they wait in memory, by
deal, and each deal is parsed and compiled in turn. Past a limit they go to disk, into one
of a fixed number of bucket files chosen by a hash of the deal id; compiling then takes one
bucket at a time (all the observations of a deal are in one bucket), writes that bucket's
deal records sorted by deal id, and merges the sorted buckets into one sorted stream.
"""

from __future__ import annotations

import heapq
import os
import tempfile
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import IO, Any

import orjson

from exporter.deals.observe import Observation

BUCKETS = 256
MEMORY_LIMIT = 32 * 1024 * 1024  # bytes of parked lines before they go to disk

Compiler = Callable[[str, list[Observation]], dict[str, Any]]


class Spool:
    def __init__(self, buckets: int = BUCKETS, memory_limit: int = MEMORY_LIMIT) -> None:
        self.buckets = buckets
        self.memory_limit = memory_limit
        # lines waiting in memory, by deal: while none has gone to disk, each deal is parsed
        # only when its turn comes, so memory holds lines (compact), not parsed records
        self.waiting: dict[str, list[bytes]] = defaultdict(list)
        self.held = 0
        self.folder: tempfile.TemporaryDirectory[str] | None = None

    def add(self, obs: Observation) -> None:
        line = orjson.dumps(tuple(obs)) + b"\n"
        self.waiting[obs.deal_id].append(line)
        self.held += len(line)
        if self.held > self.memory_limit:
            self._flush()

    def _path(self, bucket: int, kind: str = "in") -> str:
        assert self.folder is not None
        return os.path.join(self.folder.name, f"{kind}-{bucket}")

    def _flush(self) -> None:
        """Every waiting line appended to its deal's bucket file."""
        if self.folder is None:
            self.folder = tempfile.TemporaryDirectory(prefix="procex-compile-")
        by_bucket: dict[int, list[bytes]] = defaultdict(list)
        for deal_id, lines in self.waiting.items():
            by_bucket[zlib.crc32(deal_id.encode()) % self.buckets].extend(lines)
        for bucket, lines in by_bucket.items():
            with open(self._path(bucket), "ab") as stream:
                stream.writelines(lines)
        self.waiting.clear()
        self.held = 0

    def _bucket(self, bucket: int) -> dict[str, list[Observation]]:
        """The observations of one bucket file, by deal."""
        deals: dict[str, list[Observation]] = defaultdict(list)
        if not os.path.exists(self._path(bucket)):
            return deals
        with open(self._path(bucket), "rb") as stream:
            for line in stream:
                obs = Observation(*orjson.loads(line))
                deals[obs.deal_id].append(obs)
        return deals

    def compiled(self, compile_deal: Compiler) -> Iterator[dict[str, Any]]:
        """Every deal compiled, in deal-id order; the temporary files are gone at the end."""
        try:
            if self.folder is None:  # everything still in memory: no files
                for deal_id in sorted(self.waiting):
                    lines = self.waiting.pop(deal_id)
                    yield compile_deal(deal_id, [Observation(*orjson.loads(x)) for x in lines])
                return
            self._flush()
            # merged as lines, parsed one at a time: the merge holds one line per bucket
            for _, line in heapq.merge(
                *(self._compiled_bucket(b, compile_deal) for b in range(self.buckets))
            ):
                yield orjson.loads(line)
        finally:
            if self.folder is not None:
                self.folder.cleanup()
                self.folder = None

    def _compiled_bucket(
        self, bucket: int, compile_deal: Compiler
    ) -> Iterator[tuple[bytes, bytes]]:
        """One bucket's deals, compiled to a file first (so that only one bucket is ever held
        in memory), then read back one line at a time, each with its deal id to sort by."""
        deals = self._bucket(bucket)
        path = self._path(bucket, "out")
        with open(path, "wb") as out:
            for deal_id in sorted(deals):
                line = orjson.dumps(compile_deal(deal_id, deals.pop(deal_id)))
                out.write(deal_id.encode() + b"\t" + line + b"\n")
        del deals
        stream: IO[bytes]
        with open(path, "rb") as stream:
            for line in stream:
                key, _, deal = line.partition(b"\t")
                yield key, deal
