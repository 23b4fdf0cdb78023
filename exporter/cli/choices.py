"""The values the commands' format options take; plain enums, without typer, so that the
direct run of `procex validate` (exporter/cli/direct.py) accepts exactly what typer does."""

from __future__ import annotations

from enum import Enum


class OutFormat(str, Enum):
    ndjson = "ndjson"
    yaml = "yaml"
    jsonld = "jsonld"
    es_bulk = "es-bulk"  # Elasticsearch _bulk: an action line with the id before each record


class InFormat(str, Enum):
    """Record formats `--from` names: what reading a file as that format means is in
    exporter/formats; without --from the extension (else the first bytes) says."""

    ndjson = "ndjson"
    json = "json"
    yaml = "yaml"
    jsonld = "jsonld"
    es_bulk = "es-bulk"


class ReportFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"
