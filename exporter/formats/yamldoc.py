"""YAML: one document per record.

Written by hand rather than by a general dumper: every string is double-quoted with JSON
escapes (plus the characters YAML treats as line breaks or may not print raw), so YAML 1.1
(PyYAML) and YAML 1.2 (ruamel.yaml) loaders read back exactly the same values: no `NO`
turning into false, no date-like string turning into a date. Keys are our own plain
identifiers and stay unquoted; key order is the record's.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import IO, Any

import orjson
import yaml

from exporter.formats.limits import (
    MAX_DEPTH,
    MAX_RECORD_BYTES,
    MAX_YAML_VALUES,
    too_deep_message,
    too_large_message,
)
from exporter.formats.loaded import Loaded
from exporter.formats.ndjson import lines
from exporter.problems import Problem, json_pointer

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
    """Safe loader that reads plain JSON values only: a YAML type JSON has not (a date, a
    set, bytes, NaN, a key that is not a string) is refused where it stands, by name, rather
    than read and refused later (or crashing a writer) in one command and not another."""


class Refused(yaml.constructor.ConstructorError):
    """A value read as a YAML type that a JSON record cannot hold; `keyword` for the Problem."""

    def __init__(
        self,
        mark: Any,  # yaml.Mark, or the C loader's Mark (the same fields)
        message: str,
        keyword: str = "yaml-type",
        node: yaml.Node | None = None,
    ) -> None:
        super().__init__(None, None, message, mark)
        self.keyword, self.node = keyword, node


def path_to(root: yaml.Node, target: yaml.Node) -> tuple[str | int, ...]:
    """The path of `target` in a document (of its mapping, for a key); () if not found."""
    stack: list[tuple[tuple[str | int, ...], yaml.Node]] = [((), root)]
    seen: set[int] = set()
    while stack:
        path, node = stack.pop()
        if node is target:
            return path
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(((*path, i), child) for i, child in enumerate(node.value))
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key is target:
                    return path
                stack.append(((*path, str(key.value)), value))
    return ()


_TYPE_NAMES = {
    "tag:yaml.org,2002:bool": "boolean",
    "tag:yaml.org,2002:int": "integer",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "date",
    "tag:yaml.org,2002:binary": "binary value (!!binary)",
    "tag:yaml.org,2002:set": "set (!!set)",
    "tag:yaml.org,2002:omap": "ordered map (!!omap)",
    "tag:yaml.org,2002:pairs": "list of pairs (!!pairs)",
}
_DAY = re.compile(r"\d{4}-\d\d?-\d\d?")


def _type_name(node: yaml.Node) -> str:
    """The YAML type a node was read as, in words, with its text: "a YAML date 2019-03-29"."""
    name = _TYPE_NAMES.get(node.tag)
    if node.tag == "tag:yaml.org,2002:timestamp" and not _DAY.fullmatch(node.value):
        name = "timestamp"
    if not isinstance(node, yaml.ScalarNode):
        fallback = "sequence" if isinstance(node, yaml.SequenceNode) else "mapping"
        return f"a YAML {name or fallback}"
    if name is None:
        return f"a YAML value tagged {node.tag}"
    return f"a YAML {name} {node.value}"


def _refuse_type(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    advice = "quote it to keep it a string" if isinstance(node, yaml.ScalarNode) else None
    kind = _type_name(node)
    if node.tag in ("tag:yaml.org,2002:set", "tag:yaml.org,2002:omap", "tag:yaml.org,2002:pairs"):
        advice = "JSON has no such type: write a plain mapping or list"
    elif node.tag == "tag:yaml.org,2002:binary":
        kind, advice = "a YAML binary value (!!binary)", "JSON has no bytes: write a string"
    raise Refused(node.start_mark, f"{kind}; {advice}", node=node)


def _refuse_unknown_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    raise Refused(
        node.start_mark, f"an unknown YAML tag {node.tag}; only plain values are read", node=node
    )


def _finite_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    value = yaml.SafeLoader.construct_yaml_float(loader, node)
    if not math.isfinite(value):
        raise Refused(
            node.start_mark, f"a YAML float {node.value}; JSON has no NaN or infinity", node=node
        )
    return value


_MERGE = "tag:yaml.org,2002:merge"
_STR = "tag:yaml.org,2002:str"


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False):
    seen: dict[Any, yaml.Node] = {}
    for key_node, _ in node.value:
        if key_node.tag == _MERGE:
            # Refused, not merged as PyYAML's safe loader would: merge keys are YAML 1.1 only,
            # so a YAML 1.2 loader (ruamel.yaml, most others) reads `<<` as a plain key and the
            # same file would mean different records to different consumers.
            raise Refused(
                key_node.start_mark,
                "a YAML merge key (<<); YAML 1.2 has none, so loaders disagree on what it "
                "means: write the keys out",
                node=key_node,
            )
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
            raise Refused(
                key_node.start_mark,
                f"{_type_name(key_node)} as a mapping key; JSON keys are strings"
                + (": quote it" if isinstance(key_node, yaml.ScalarNode) else ""),
                node=key_node,
            )
        key = key_node.value
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key {key!r} (first at line "
                f"{seen[key].start_mark.line + getattr(loader, 'first_line', 1)})",
                key_node.start_mark,
            )
        seen[key] = key_node
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:float", _finite_float)
for _tag in ("timestamp", "binary", "set", "omap", "pairs"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_type)
_Loader.add_constructor(None, _refuse_unknown_tag)

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


def compose(loader: yaml.SafeLoader) -> yaml.Node | None:
    """The one document of a loader's text as a node graph, None if it has none.

    PyYAML's own composer recurses once per level and follows aliases without counting, so
    a deep or alias-laden document ends in RecursionError or in gigabytes once written out;
    this one keeps its own stack, refuses more than MAX_DEPTH levels, and counts every value
    as it will be once aliases are expanded (a node's count is known when it closes: an alias
    to a node still open is one that contains itself).
    """
    loader.get_event()  # the stream's start
    if loader.check_event(yaml.StreamEndEvent):
        return None
    start = loader.get_event()  # the document's start
    anchors: dict[str, yaml.Node] = {}
    values: dict[int, int] = {}  # id(node) -> how many values it is, aliases expanded
    open_nodes: list[yaml.Node] = []
    keys: list[yaml.Node | None] = []  # per open mapping, a key waiting for its value
    root: yaml.Node | None = None
    while not isinstance(event := loader.get_event(), yaml.DocumentEndEvent):
        if isinstance(event, yaml.AliasEvent):
            node = _aliased(event, anchors, values)
        elif isinstance(event, yaml.ScalarEvent):
            node = _scalar(loader, event)
            values[id(node)] = 1
            if event.anchor is not None:
                anchors[event.anchor] = node
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            if len(open_nodes) >= MAX_DEPTH:
                raise Refused(event.start_mark, too_deep_message(), "too-deep")
            node = _collection(loader, event)
            if event.anchor is not None:
                anchors[event.anchor] = node
            open_nodes.append(node)
            keys.append(None)
            continue
        else:  # the end of a sequence or mapping
            node = open_nodes.pop()
            keys.pop()
            node.end_mark = event.end_mark
            _count(node, values)
        if not open_nodes:
            root = node
        elif isinstance(open_nodes[-1], yaml.SequenceNode):
            open_nodes[-1].value.append(node)
        elif keys[-1] is None:
            keys[-1] = node
        else:
            open_nodes[-1].value.append((keys[-1], node))
            keys[-1] = None
    if not loader.check_event(yaml.StreamEndEvent):
        raise Refused(loader.peek_event().start_mark, "more than one YAML document", "parse")
    if isinstance(root, yaml.ScalarNode) and root.value == "" and not root.style:
        root.start_mark = start.start_mark  # an empty document is where its `---` is
    return root


def _aliased(event: yaml.AliasEvent, anchors: dict[str, yaml.Node], values: dict[int, int]) -> Any:
    """The node an alias names; refused if none is anchored so, or if it is still open (a
    value that contains itself)."""
    node = anchors.get(event.anchor)  # type: ignore[arg-type]
    if node is None:
        raise Refused(event.start_mark, f"an undefined YAML alias *{event.anchor}", "parse")
    if id(node) not in values:
        raise Refused(
            event.start_mark,
            f"a recursive YAML alias *{event.anchor}: a value that contains itself",
            "yaml-alias",
        )
    return node


def _scalar(loader: yaml.SafeLoader, event: yaml.ScalarEvent) -> yaml.ScalarNode:
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    return yaml.ScalarNode(
        tag,
        event.value,
        event.start_mark,  # type: ignore[arg-type] # the C loader's Mark is alike
        event.end_mark,  # type: ignore[arg-type]
        style=event.style,
    )


def _collection(
    loader: yaml.SafeLoader, event: yaml.SequenceStartEvent | yaml.MappingStartEvent
) -> yaml.Node:
    """A new, still empty, sequence or mapping node."""
    kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(kind, None, event.implicit)
    start_mark: Any = event.start_mark  # yaml.Mark, or the C loader's, alike
    return kind(tag, [], start_mark, None, flow_style=event.flow_style)


def _count(node: yaml.Node, values: dict[int, int]) -> None:
    """How many values a node just closed is, aliases expanded; refused past the limit."""
    children = (
        [part for pair in node.value for part in pair]
        if isinstance(node, yaml.MappingNode)
        else node.value
    )
    count = values[id(node)] = 1 + sum(values[id(child)] for child in children)
    if count > MAX_YAML_VALUES:
        raise Refused(
            node.start_mark,
            f"more than {MAX_YAML_VALUES:,} values once YAML aliases are expanded",
            "yaml-alias",
        )


_MARKER = re.compile(rb"(---|\.\.\.)(?:[ \t\r\n]|$)")


def documents(stream: IO[bytes], name: str) -> Iterator[tuple[int, str] | Problem]:
    """The documents of a YAML stream, each as (its first line, its text), or a Problem.

    Split at the document markers `---` and `...` at the start of a line, which YAML lets
    nothing else be (not even inside a quoted or block scalar), so that one bad document
    costs only itself. Comments and directives before a `---` go with its document.
    """
    chunk: list[bytes] = []
    first, size, content = 1, 0, False
    broken: Problem | None = None
    number = 0

    def finish() -> Iterator[tuple[int, str] | Problem]:
        nonlocal number
        if broken is not None:
            number += 1
            yield replace(broken, record=number)
        elif content:
            number += 1
            raw = b"".join(chunk)
            try:
                yield first, raw.decode("utf-8")
            except UnicodeDecodeError as bad:
                head = raw[: bad.start]
                line = first + head.count(b"\n")
                column = len(head) - head.rfind(b"\n")
                yield Problem(
                    name,
                    line,
                    column,
                    "",
                    "parse",
                    f"invalid UTF-8 (byte 0x{raw[bad.start]:02x})",
                    number,
                )

    for numbered in lines(stream, name):
        if isinstance(numbered, Problem):  # a line too long
            broken, content = broken or numbered, True
            continue
        line_no, raw = numbered
        marker = _MARKER.match(raw)
        if marker and raw.startswith(b"---") and content:
            yield from finish()
            chunk, first, size, content, broken = [], line_no, 0, False, None
        size += len(raw)
        if broken is None and size > MAX_RECORD_BYTES:
            broken = Problem(name, first, 1, "", "too-large", too_large_message("a document"))
        if broken is None:
            chunk.append(raw)
        else:
            chunk = []
        if not content and (stripped := raw.strip()) and not stripped.startswith((b"#", b"%")):
            content = True
        if marker and raw.startswith(b"..."):
            yield from finish()
            chunk, first, size, content, broken = [], line_no + 1, 0, False, None
    yield from finish()


def _problem(
    name: str, error: yaml.YAMLError, first: int, number: int, root: yaml.Node | None
) -> Problem:
    keyword = getattr(error, "keyword", "parse")
    found = getattr(error, "node", None)
    pointer = json_pointer(path_to(root, found)) if root is not None and found else ""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line, column = (first + mark.line, mark.column + 1) if mark else (first, None)
        message = error.problem or str(error)
    else:
        line, column, message = first, None, str(error)
    if keyword == "parse":
        message = f"invalid YAML: {message}"
    return Problem(name, line, column, pointer, keyword, message, number)


def read(stream: IO[bytes], name: str) -> Iterator[Loaded | Problem]:
    """Records of a YAML stream, one per document, each document read on its own."""
    number = 0
    for document in documents(stream, name):
        number += 1
        if isinstance(document, Problem):
            yield document
            continue
        first, text = document
        loader = _Loader(text)
        loader.first_line = first  # for messages that name a line
        node = None
        try:
            node = compose(loader)
            if node is None:
                number -= 1
                continue
            data = loader.construct_document(node)
        except yaml.YAMLError as error:
            yield _problem(name, error, first, number, node)
            continue
        except RecursionError:  # a key nested past the limit: constructed recursively
            yield Problem(name, first, None, "", "too-deep", too_deep_message(), number)
            continue
        finally:
            loader.dispose()
        shift = first - 1

        def locate(path, root=node, shift=shift):
            found = node_at(root, path)
            return found.start_mark.line + 1 + shift, found.start_mark.column + 1

        def hint(path, root=node):
            return hint_for(node_at(root, path))

        line, column = node.start_mark.line + 1 + shift, node.start_mark.column + 1
        yield Loaded(data, name, number, line, column, locate, hint)
