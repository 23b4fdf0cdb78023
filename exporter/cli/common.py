"""What the commands share: exit codes, output formats, messages on stderr, output files."""

from __future__ import annotations

import sys
from enum import Enum

from exporter.streams import output

__all__ = ["INVALID", "OK", "UNREADABLE", "OutFormat", "ReportFormat", "output", "say"]

OK, INVALID, UNREADABLE = 0, 1, 2


class OutFormat(str, Enum):
    ndjson = "ndjson"
    yaml = "yaml"
    jsonld = "jsonld"
    es_bulk = "es-bulk"  # Elasticsearch _bulk: an action line with the id before each record


class ReportFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"


def say(message: str) -> None:
    print(message, file=sys.stderr)
