"""Schema validation: a compiled validator for the fast path, python-jsonschema for messages.

Most records are valid, so each one is first checked by jsonschema-rs (compiled); only the
records it rejects are run through python-jsonschema, whose errors carry the path, keyword
and best-match relevance that make a message a person can act on. A hypothesis test holds
the two to the same verdict.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from exporter import registry
from exporter.formats.loaded import Loaded
from exporter.problems import Problem, json_pointer

if TYPE_CHECKING:
    import jsonschema
    from jsonschema.exceptions import ValidationError


@functools.cache
def fast_validator(version: str, family: str = registry.FAMILY) -> Any:
    return jsonschema_rs.validator_for(registry.schema(version, family), validate_formats=True)


@functools.cache
def _ecma(pattern: str) -> re.Pattern[str]:
    # JSON Schema patterns are ECMA-262, where "$" ends the string; in Python "$" also
    # matches before a final newline, so "TUR\n" would pass here and fail in jsonschema-rs
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern))


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not _ecma(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@functools.cache
def detailed_validator(
    version: str, family: str = registry.FAMILY
) -> jsonschema.Draft202012Validator:
    import jsonschema
    from jsonschema.validators import extend

    schema = registry.schema(version, family)
    checker = jsonschema.FormatChecker(formats=["date"])
    ecma = extend(jsonschema.Draft202012Validator, {"pattern": _ecma_pattern})
    return ecma(schema, format_checker=checker)


def is_valid(record: Any, version: str, family: str = registry.FAMILY) -> bool:
    """The verdict alone, as fast as it can be had."""
    try:
        return bool(fast_validator(version, family).is_valid(record))
    except (TypeError, ValueError):  # a value JSON has no type for (a YAML date object)
        return detailed_validator(version, family).is_valid(record)


def deepest(error: ValidationError) -> ValidationError:
    """For anyOf/oneOf, the branch error that explains most: branches whose type the value
    does not even have ("null" for an object) are passed over, then python-jsonschema's
    best_match picks among the rest."""
    from jsonschema.exceptions import best_match

    while error.context:
        branches = [
            e for e in error.context if not (e.validator == "type" and not e.relative_path)
        ] or error.context
        better = best_match(branches)
        if better is None:
            break
        error = better
    return error


def message_of(error: ValidationError) -> str:
    """python-jsonschema's message, except where a pattern stands for a rule that the
    schema's description says in words."""
    if (
        error.validator == "pattern"
        and isinstance(error.schema, dict)
        and error.schema.get("description")
    ):
        return f"{error.instance!r} is not {error.schema['description']}"
    if error.validator == "format" and error.validator_value == "date":
        if isinstance(error.instance, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", error.instance):
            return f"{error.instance!r} is not a day of the calendar"
        return f"{error.instance!r} is not a day YYYY-MM-DD"
    return error.message


def acceptor(forced_version: str | None = None) -> Callable[[Any], bool]:
    """The fast path for a run of records: a function that says True only for a record that
    is a plain object, names (or is forced to) a known version, and that jsonschema-rs
    accepts. False means "not known to be valid": `schema_problems` then gives the verdict
    and the messages, so nothing is decided here that the detailed path would not. A forced
    version applies to event records; a deal record (`record_kind`) keeps its own."""
    validators: dict[Any, Any] = {}
    known = registry.versions()

    def accepts(record: Any) -> bool:
        if type(record) is not dict:
            return False
        kind = record.get("record_kind")
        if kind is not None:
            return _accepts_kind(record, kind, validators)
        version = forced_version or record.get("schema_version")
        validator = validators.get(version) if type(version) is str else None
        if validator is None:
            if version not in known:
                return False
            validator = validators[version] = fast_validator(version)
        try:
            return validator.is_valid(record)
        except (TypeError, ValueError):  # a value JSON has no type for: the detailed path
            return False

    return accepts


def _accepts_kind(record: dict[str, Any], kind: Any, validators: dict[Any, Any]) -> bool:
    """The fast verdict on a record of a named kind (a deal record)."""
    version = record.get("schema_version")
    key = (kind, version)
    validator = validators.get(key) if type(kind) is str and type(version) is str else None
    if validator is None:
        if type(kind) is not str or version not in registry.versions(kind):
            return False
        validator = validators[key] = fast_validator(version, kind)
    try:
        return bool(validator.is_valid(record))
    except (TypeError, ValueError):
        return False


def record_version(record: Any, forced: str | None) -> str | Problem:
    """The schema version a record is checked against, or the Problem that says why none."""
    family = registry.family_of(record)
    if family != registry.FAMILY:
        return _kind_version(record, family)
    version = forced or (record.get("schema_version") if isinstance(record, dict) else None)
    if version is None:
        if not isinstance(record, dict):
            return Problem(
                "",
                None,
                None,
                "",
                "type",
                f"a record must be an object, not {type(record).__name__}",
            )
        return Problem("", None, None, "", "required", "'schema_version' is a required property")
    if version not in registry.versions():
        return Problem(
            "",
            None,
            None,
            "/schema_version",
            "schema_version",
            str(registry.UnknownVersion(version)),
        )
    return version


def _kind_version(record: dict[str, Any], family: str) -> str | Problem:
    """The version of a record of a named kind, or the Problem that says why none."""
    if family not in registry.FAMILIES:
        message = str(registry.UnknownVersion(None, family))
        return Problem("", None, None, "/record_kind", "record_kind", message)
    version = record.get("schema_version")
    if version is None:
        return Problem("", None, None, "", "required", "'schema_version' is a required property")
    if version not in registry.versions(family):
        message = str(registry.UnknownVersion(version, family))
        return Problem("", None, None, "/schema_version", "schema_version", message)
    return version


def schema_problems(loaded: Loaded, forced_version: str | None = None) -> Iterator[Problem]:
    """Every schema problem of one record, located in its file."""
    version = record_version(loaded.data, forced_version)
    family = registry.family_of(loaded.data)
    if isinstance(version, Problem):
        path = (version.pointer[1:],) if version.pointer else ()
        line, column = loaded.position(path)
        yield Problem(
            loaded.file,
            line,
            column,
            version.pointer,
            version.keyword,
            version.message,
            loaded.record,
        )
        return
    if is_valid(loaded.data, version, family):
        return
    errors = sorted(
        detailed_validator(version, family).iter_errors(loaded.data),
        key=lambda e: (list(map(str, e.absolute_path)), e.validator),
    )
    if not errors:
        # the compiled validator refused what the detailed one accepts: say so, located by
        # the compiled validator's own error, rather than pass the record in silence
        yield from _fast_problems(loaded, version, family)
        return
    for error in errors:
        error = deepest(error)
        path = tuple(error.absolute_path)
        line, column = loaded.position(path)
        message = message_of(error)
        if loaded.hint is not None and (hint := loaded.hint(path)):
            message = f"{message} ({hint})"
        yield Problem(
            loaded.file,
            line,
            column,
            json_pointer(path),
            str(error.validator),
            message,
            loaded.record,
        )


def _fast_problems(loaded: Loaded, version: str, family: str) -> Iterator[Problem]:
    for error in fast_validator(version, family).iter_errors(loaded.data):
        path = tuple(error.instance_path)
        line, column = loaded.position(path)
        yield Problem(
            loaded.file,
            line,
            column,
            json_pointer(path),
            type(error.kind).__name__.lower(),
            error.message,
            loaded.record,
        )
