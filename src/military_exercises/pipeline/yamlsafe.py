"""Strict YAML reading: UTF-8 only, size-capped, no aliases, no duplicate keys, dates kept as text.

Every value is returned with a map from its path (``("claims", 2, "low")``) to its line number so
that errors can point at the line a curator has to fix.
"""

from __future__ import annotations

import functools
import math
from typing import Any

import yaml

#: A source record is a few kilobytes; anything this large is a mistake or an attack.
MAX_FILE_BYTES = 256 * 1024
#: A record nests four levels deep (claims -> claim -> key); deeper is a mistake or an attack, and
#: would otherwise exhaust Python's recursion limit long before libyaml's own limit of 1000.
MAX_DEPTH = 20

Path = tuple[str | int, ...]

try:  # the C parser is much faster; fall back to pure Python where libyaml is missing
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class YamlError(ValueError):
    """The file is not acceptable YAML. ``line`` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.field = field


_SCALAR_TAGS_KEPT_AS_TEXT = {"tag:yaml.org,2002:timestamp"}


class _StrictLoader(_BaseLoader):  # type: ignore[misc]
    """Safe loader whose implicit resolvers leave dates as strings (we parse them ourselves)."""

    def resolve(self, kind: Any, value: Any, implicit: tuple[bool, bool]) -> Any:
        # The C parser calls this (pure Python) method for every node. A plain scalar's tag depends
        # on its text alone, and most texts recur across files: caching them speeds up large builds.
        if kind is yaml.ScalarNode and implicit[0]:
            return _plain_scalar_tag(value)
        return super().resolve(kind, value, implicit)


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _SCALAR_TAGS_KEPT_AS_TEXT]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@functools.lru_cache(maxsize=1 << 16)
def _plain_scalar_tag(value: str) -> str:
    """The tag PyYAML's resolver gives an unquoted scalar (same rule, without path resolvers)."""
    table = _StrictLoader.yaml_implicit_resolvers
    for tag, regexp in table.get(value[0] if value else "", []) + table.get(None, []):
        if regexp.match(value):
            return str(tag)
    return str(yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG)


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _scalar_value(node: yaml.ScalarNode, path: Path) -> Any:
    """The Python value of a scalar; ``path`` names the field in errors (computed only then)."""
    tag = node.tag
    if tag == "tag:yaml.org,2002:str":
        return node.value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return node.value.lower() in ("true", "yes", "on")
    if tag == "tag:yaml.org,2002:int":
        text = node.value.replace("_", "")
        try:
            return int(text, 0) if text.lower().startswith(("0x", "0o")) else int(text)
        except ValueError as exc:
            raise YamlError(f"cannot read integer {node.value!r}", _line(node), _field(path)) from exc
    if tag == "tag:yaml.org,2002:float":
        try:
            number = float(node.value)
        except ValueError:  # YAML's .inf / .nan spellings
            number = float("nan")
        if not math.isfinite(number):  # a coordinate or count is never infinite or NaN
            raise YamlError(f"{node.value!r} is not a finite number", _line(node), _field(path))
        return number
    raise YamlError(f"unsupported YAML tag {tag!r}", _line(node), _field(path))


def _field(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _to_python(node: yaml.Node, path: Path, lines: dict[Path, int], seen: set[int]) -> Any:
    if id(node) in seen:
        raise YamlError("YAML aliases (*name) are not allowed in source records", _line(node), _field(path))
    if len(path) > MAX_DEPTH:
        raise YamlError(f"nested more than {MAX_DEPTH} levels deep", _line(node), _field(path[:MAX_DEPTH]))
    seen.add(id(node))
    lines[path] = _line(node)
    if isinstance(node, yaml.ScalarNode):
        return _scalar_value(node, path)
    if node.tag not in ("tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"):  # !!set, !!omap, !!python/...
        raise YamlError(f"unsupported YAML tag {node.tag!r}", _line(node), _field(path))
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(child, (*path, i), lines, seen) for i, child in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError("mapping keys must be plain words", _line(key_node), _field(path))
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlError("YAML merge keys (<<) are not allowed", _line(key_node), _field(path))
            key = str(key_node.value)
            if key in out:
                raise YamlError(
                    f"duplicated key {key!r} (first given on line {lines[(*path, key)]})",
                    _line(key_node),
                    _field((*path, key)),
                )
            lines[(*path, key)] = _line(key_node)
            out[key] = _to_python(value_node, (*path, key), lines, seen)
        return out
    raise YamlError("unsupported YAML node", _line(node), _field(path))  # pragma: no cover


def load_yaml_bytes(data: bytes) -> tuple[Any, dict[Path, int]]:
    """Decode and parse one YAML document strictly. Returns the value and its line map."""
    if len(data) > MAX_FILE_BYTES:
        raise YamlError(f"file is {len(data):,} bytes; source records are limited to {MAX_FILE_BYTES:,}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise YamlError(f"not valid UTF-8 (byte {exc.start}); save the file as UTF-8", line) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise YamlError("file is empty")
    try:
        loader = _StrictLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as exc:  # a control character; it has a position, not a mark
        line = text[: exc.position].count("\n") + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlError(f"invalid YAML: control character U+{code:04X} is not allowed", line) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        mark_line = int(mark.line) + 1 if mark is not None else None
        raise YamlError(f"invalid YAML: {exc.problem or exc}", mark_line) from exc
    except yaml.YAMLError as exc:
        raise YamlError(f"invalid YAML: {exc}") from exc
    except RecursionError as exc:  # the pure-Python parser (no libyaml) on very deep nesting
        raise YamlError(f"invalid YAML: nested more than {MAX_DEPTH} levels deep") from exc
    if node is None:
        raise YamlError("file holds no YAML document")
    lines: dict[Path, int] = {}
    value = _to_python(node, (), lines, set())
    return value, lines
