"""Reading a YAML file into plain data while remembering where every node was.

Packs are data written by hand, so every problem must point at a line and a
column. libyaml (``CSafeLoader``) composes the node tree in C; we turn nodes
into plain values ourselves so that we can keep each node's position, refuse
duplicate keys, anchors, aliases and tags, and keep words like ``No`` or
``on`` as the text the author typed (no field in a pack is a yes/no value).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.i18n import _

MAX_FILE_BYTES = 1024 * 1024

Path_ = tuple[Any, ...]

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_PLAIN_TAGS = {_STR, _INT, _FLOAT, _NULL, _MAP, _SEQ, "tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"}
# A cheap look for the characters that start an anchor (&), alias (*) or tag (!)
# at a token boundary; only files that have one pay for the exact event scan.
_SUSPECT = re.compile(r"(?:^|[\s\[\]{},])[&*!]")
_ctor = yaml.constructor.SafeConstructor()


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a file, where a person can find it."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "column": self.col, "message": self.message}


@dataclass
class Source:
    """Plain data from one YAML file plus the (line, col) of each value and key, 1-based."""

    path: str
    data: Any = None
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    scanned: bool = False  # the exact event scan ran, so anchors and aliases are already reported

    def where(self, loc: Path_, key: bool = False) -> tuple[int, int]:
        """Best position for ``loc``: the node itself, else its nearest ancestor that exists."""
        loc = tuple(loc)
        table = self.keys if key else self.values
        if loc in table:
            return table[loc]
        if loc in self.values:
            return self.values[loc]
        while loc:
            loc = loc[:-1]
            if loc in self.values:
                return self.values[loc]
        return (1, 1)

    def problem(self, loc: Path_, message: str, key: bool = False) -> Problem:
        line, col = self.where(loc, key)
        found = Problem(self.path, line, col, message)
        self.problems.append(found)
        return found


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")


def _scalar(node: yaml.ScalarNode) -> Any:
    """A plain value: numbers only when written as plain numbers; everything else is the author's
    text exactly (YAML 1.1 would turn 16:42 into 1002, 007 into 7 and No into false)."""
    tag, value = node.tag, node.value
    if tag == _STR or node.style:  # quoted or block text is always text
        return value.strip() if node.style in ("|", ">") else value
    if tag == _INT and _PLAIN_INT.fullmatch(value):
        return int(value)
    if tag == _FLOAT and _PLAIN_FLOAT.fullmatch(value):
        return float(value)
    if tag == _NULL:
        return None
    return value


class _Builder:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, loc: Path_) -> Any:
        src = self.source
        if id(node) in self.seen:
            if not src.scanned:
                src.problem(loc, _("YAML aliases (*name) are not allowed in packs: write the text out"))
            return None
        self.seen.add(id(node))
        src.values[loc] = _mark(node)
        if node.tag not in _PLAIN_TAGS:
            src.problem(loc, _("YAML tags like {tag} are not allowed in packs").format(tag=node.tag))
            return None
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*loc, i)) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    src.values[loc + ("?",)] = _mark(key_node)
                    src.problem(loc + ("?",), _("a field name must be a single word, not a list or a mapping"))
                    continue
                key = str(key_node.value)
                if key in result:
                    line, col = _mark(key_node)
                    first = src.keys[loc + (key,)]
                    src.problems.append(
                        Problem(
                            src.path, line, col,
                            _("duplicate field '{key}' (it is already on line {line})").format(
                                key=key, line=first[0]
                            ),
                        )
                    )
                    continue
                src.keys[loc + (key,)] = _mark(key_node)
                result[key] = self.build(value_node, (*loc, key))
            return result
        return None  # pragma: no cover - libyaml composes only the three kinds


def _scan_events(text: str, source: Source) -> None:
    """Exact check for anchors and explicit tags, which the node tree forgets."""
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        anchor = getattr(event, "anchor", None)
        tag = getattr(event, "tag", None)
        mark = event.start_mark
        where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if isinstance(event, yaml.AliasEvent):
            source.problems.append(Problem(
                source.path, *where, _("YAML aliases (*{name}) are not allowed in packs: write the text out")
                .format(name=anchor)))
        elif anchor:
            source.problems.append(
                Problem(source.path, *where, _("YAML anchors (&{name}) are not allowed in packs").format(name=anchor))
            )
        if tag and tag != "!":
            source.problems.append(
                Problem(source.path, *where, _("YAML tags like {tag} are not allowed in packs").format(tag=tag))
            )


def read_yaml(path: Path, display: str | None = None) -> Source:
    """Parse ``path`` into a :class:`Source`; problems are collected, never raised."""
    source = Source(display or str(path))
    try:
        size = path.stat().st_size
    except OSError as error:
        source.problems.append(Problem(source.path, 1, 1, _("cannot read the file: {error}").format(error=error)))
        return source
    if size > MAX_FILE_BYTES:
        source.problems.append(
            Problem(source.path, 1, 1, _("the file is {size} KiB; a pack file may be at most 1024 KiB").format(
                size=size // 1024))
        )
        return source
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        source.problems.append(
            Problem(source.path, 1, 1, _("the file is not UTF-8 text: {error}").format(error=error))
        )
        return source
    return parse_yaml(text, source)


def _syntax_problem(error: yaml.MarkedYAMLError, path: str) -> Problem:
    """Point at the line a person must fix: for an unclosed quote or bracket that is where it
    opened (libyaml's context), otherwise where libyaml gave up (its problem)."""
    context = error.context or ""
    opened = context.startswith(("while scanning a quoted scalar", "while parsing a flow"))
    mark = (error.context_mark if opened else None) or error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    reason = error.problem or context or "syntax error"
    if opened:
        reason = _("{reason}, {context} that starts here").format(reason=reason, context=context.replace(
            "while scanning", "in the").replace("while parsing", "in the"))
    return Problem(path, line, col, _("not valid YAML: {reason}").format(reason=reason))


def _tabs(text: str, source: Source) -> None:
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            source.problems.append(Problem(source.path, number, indent.index("\t") + 1, _(
                "this line is indented with a tab: YAML needs spaces (use 2 spaces for each level)")))


def parse_yaml(text: str, source: Source) -> Source:
    if "\t" in text:
        _tabs(text, source)
        if source.problems:
            return source
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as error:
        problem = _syntax_problem(error, source.path)
        last = max(1, len(text.rstrip().splitlines()))
        if problem.line > last:  # libyaml gave up at the end of the file: point at its last line
            problem = Problem(problem.path, last, 1, problem.message)
        source.problems.append(problem)
        return source
    except yaml.YAMLError as error:
        source.problems.append(Problem(source.path, 1, 1, _("not valid YAML: {reason}").format(reason=error)))
        return source
    if node is None:
        source.problems.append(Problem(source.path, 1, 1, _("the file is empty")))
        return source
    if _SUSPECT.search(text):
        _scan_events(text, source)
        source.scanned = True
    source.data = _Builder(source).build(node, ())
    if not isinstance(source.data, dict) and not source.problems:
        source.problem((), _("the file must be a set of fields (like 'id: my-pack'), not a list or a single value"))
    return source
