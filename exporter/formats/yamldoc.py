"""YAML: one document per record.

Written by hand rather than by a general dumper: every string is double-quoted with JSON
escapes (plus the characters YAML treats as line breaks or may not print raw), so YAML 1.1
(PyYAML) and YAML 1.2 (ruamel.yaml) loaders read back exactly the same values: no `NO`
turning into false, no date-like string turning into a date. Keys are our own plain
identifiers and stay unquoted; key order is the record's.
"""

from __future__ import annotations

import codecs
import math
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

import orjson
import yaml

from exporter.formats.loaded import Loaded
from exporter.problems import Problem

# YAML may not carry these raw (C0/C1 controls, DEL) or reads them as line breaks
# (NEL, LS, PS); orjson leaves C1 and LS/PS raw, so they are escaped here.
_UNPRINTABLE = re.compile("[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]")


def quote(text: str) -> str:
    quoted = orjson.dumps(text).decode("utf-8")
    if _UNPRINTABLE.search(quoted):
        quoted = _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
    return quoted


def scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value} cannot be written: not a finite number")
        text = repr(value)
        # YAML 1.1 needs a dot and a signed exponent to read a float ("1e16" is a string there)
        if "e" in text:
            mantissa, exponent = text.split("e")
            if "." not in mantissa:
                mantissa += ".0"
            if exponent[0] not in "+-":
                exponent = "+" + exponent
            text = f"{mantissa}e{exponent}"
        return text
    if isinstance(value, str):
        return quote(value)
    raise TypeError(f"cannot write a {type(value).__name__} as YAML")


def emit(value: Any, indent: str, lines: list[str], prefix: str) -> None:
    """Append `value` to lines; `prefix` is what stands before it on its first line."""
    if isinstance(value, dict) and value:
        first = True
        for key, item in value.items():
            head = prefix if first else indent
            first = False
            emit_member(f"{head}{key}:", item, indent, lines)
    elif isinstance(value, list) and value:
        for item in value:
            emit(item, indent + "  ", lines, f"{indent}- ")
            # a list item's first line was written with the dash prefix
    elif isinstance(value, dict):
        lines.append(f"{prefix}{{}}")
    elif isinstance(value, list):
        lines.append(f"{prefix}[]")
    elif isinstance(value, str):
        lines.extend(fold(prefix, scalar(value)))
    else:
        lines.append(f"{prefix}{scalar(value)}")


WIDTH = 80  # yamllint's default line-length: the YAML passes a linter run as it comes
_ESCAPE_LENGTH = {"u": 6, "U": 10, "x": 4}  # \\uXXXX, \\UXXXXXXXX, \\xXX; else \\n, \\"...


def fold(prefix: str, quoted: str) -> list[str]:
    """A double-quoted scalar on lines of at most WIDTH characters (where `prefix` leaves
    room), each line but the last ending in an escaped line break: YAML 1.1 and 1.2 read a
    `\\` at the end of a line as nothing and drop the next line's indentation, so the value
    is unchanged. Lines break after a space where they can, else between characters
    (a URL), never inside an escape; a space that would begin a line is written `\\x20`,
    or it would be dropped."""
    if len(prefix) + len(quoted) <= WIDTH:
        return [prefix + quoted]
    indent = " " * (len(prefix) - len(prefix.lstrip(" -")) + 2)
    lines, head, rest = [], prefix, quoted
    while len(head) + len(rest) > WIDTH:
        room = max(WIDTH - len(head) - 1, 12)  # 1 for the backslash; 12 however deep
        space = rest.rfind(" ", room // 2, room)
        while space >= 0 and rest[space + 1] == " ":  # the next line would begin with it
            space = rest.rfind(" ", room // 2, space)
        cut = space + 1 if space >= 0 else _outside_escape(rest, room)
        lines.append(head + rest[:cut] + "\\")
        rest = rest[cut:]
        if rest.startswith(" "):
            rest = "\\x20" + rest[1:]
        head = indent
    lines.append(head + rest)
    return lines


def _outside_escape(quoted: str, cut: int) -> int:
    """`cut`, or where the escape sequence it falls in begins."""
    slash = quoted.rfind("\\", max(cut - 10, 0), cut)
    if slash < 0:
        return cut
    run = slash - len(quoted[:slash].rstrip("\\"))  # backslashes before this one
    if run % 2:  # this one is the second half of an escaped backslash, which ends here
        return cut
    length = _ESCAPE_LENGTH.get(quoted[slash + 1 : slash + 2], 2)
    return slash if slash + length > cut else cut


def emit_member(head: str, value: Any, indent: str, lines: list[str]) -> None:
    if isinstance(value, dict) and value:
        lines.append(head)
        emit(value, indent + "  ", lines, indent + "  ")
    elif isinstance(value, list) and value:
        lines.append(head)
        for item in value:
            emit(item, indent + "    ", lines, f"{indent}  - ")
    else:
        emit(value, indent, lines, head + " ")


def encode(record: dict[str, Any]) -> str:
    lines = ["---"]
    emit(record, "", lines, "")
    return "\n".join(lines) + "\n"


def write(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    count = 0
    for record in records:
        out.write(encode(record).encode("utf-8"))
        count += 1
    return count


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader that refuses duplicate keys instead of keeping the last one."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False):
    seen: dict[Any, yaml.Node] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key {key!r} (first at line {seen[key].start_mark.line + 1})",
                key_node.start_mark,
            )
        seen[key] = key_node
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

_IMPLICIT = {
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "null",
}


def node_at(node: yaml.Node, path: tuple[str | int, ...]) -> yaml.Node:
    """The deepest node along `path` (the parent where a member is missing)."""
    for part in path:
        if isinstance(node, yaml.MappingNode):
            match = [v for k, v in node.value if k.value == str(part)]
            if not match:
                break
            node = match[0]
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            node = node.value[part]
        else:
            break
    return node


def hint_for(node: yaml.Node) -> str | None:
    """Why a plain scalar is not a string: YAML resolved it to another type."""
    if isinstance(node, yaml.ScalarNode) and not node.style and node.tag in _IMPLICIT:
        return (
            f"the unquoted YAML value {node.value!r} was read as {_IMPLICIT[node.tag]}; "
            f"quote it to keep it a string"
        )
    return None


class _NotUtf8(Exception):
    def __init__(self, line: int, column: int, byte: int) -> None:
        super().__init__(line, column, byte)
        self.line, self.column, self.byte = line, column, byte


class Utf8Text:
    """A binary stream read as UTF-8 text, a chunk at a time, for the YAML loader to pull
    from: memory stays flat, and a byte that is not UTF-8 is reported at its line and column.
    """

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.line, self.column = 1, 1  # of the next character to decode

    def read(self, size: int = -1) -> str:
        chunk = self.stream.read(size if size and size > 0 else -1)
        final = not chunk
        try:
            text = self.decoder.decode(chunk, final)
        except UnicodeDecodeError as bad:
            self._advance(bad.object[: bad.start].decode("utf-8", "replace"))
            raise _NotUtf8(self.line, self.column, bad.object[bad.start]) from None
        self._advance(text)
        return text

    def _advance(self, text: str) -> None:
        breaks = text.count("\n")
        if breaks:
            self.line += breaks
            self.column = len(text) - text.rfind("\n")
        else:
            self.column += len(text)


def read(stream: IO[bytes], name: str) -> Iterator[Loaded | Problem]:
    """Records of a YAML stream, one per document, parsed as the stream is read."""
    loader = _Loader(Utf8Text(stream))
    record_no = 0
    try:
        while loader.check_node():
            record_no += 1
            node = loader.get_node()
            data = loader.construct_document(node)

            def locate(path, root=node):
                found = node_at(root, path)
                return found.start_mark.line + 1, found.start_mark.column + 1

            def hint(path, root=node):
                return hint_for(node_at(root, path))

            yield Loaded(
                data,
                name,
                record_no,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                locate,
                hint,
            )
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = error.problem or str(error)
        yield Problem(name, line, column, "", "parse", f"invalid YAML: {problem}", record_no or 1)
    except yaml.YAMLError as error:
        yield Problem(name, None, None, "", "parse", f"invalid YAML: {error}", record_no or 1)
    except _NotUtf8 as bad:
        yield Problem(
            name, bad.line, bad.column, "", "parse", f"invalid UTF-8 (byte 0x{bad.byte:02x})"
        )
    finally:
        loader.dispose()
