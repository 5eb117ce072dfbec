"""Checking one pack file: the model, then what a model cannot say.

Every problem in a file is collected (never just the first), each pointing at
the node it is about. The checks that need the whole pack (ids, where `next`
leads, help ids, images) read the plain data defensively, so they still run
when some other field is wrong.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.i18n import _
from game.packs.errors import problems_from_validation, register_root
from game.packs.model import Pack
from game.packs.yamlsource import Path_, Problem, Source, read_yaml

register_root(Pack)

IMAGE_MAX_BYTES = 2 * 1024 * 1024
IMAGE_MAX_SIDE = 4096
PACK_FILE = "pack.yaml"


@dataclass
class LoadedPack:
    """A pack that passed every check, with where it came from."""

    pack: Pack
    path: Path
    folder: Path | None  # the pack's own folder, when it is a folder pack (images live there)
    id_at: tuple[int, int] = (1, 1)  # line and column of the pack's id, for cross-pack problems


@dataclass
class BrokenPack:
    path: Path
    problems: list[Problem]

    @property
    def first(self) -> Problem:
        return min(self.problems, key=lambda p: (p.line, p.col))


def _dicts(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _duplicates(source: Source, items: list[tuple[Path_, Any]], what: str) -> None:
    seen: dict[str, Path_] = {}
    for loc, value in items:
        if not isinstance(value, str):
            continue
        if value in seen:
            first_line = source.where(seen[value])[0]
            source.problem(loc, _("duplicate {what} id '{id}' (already used on line {line})").format(
                what=what, id=value, line=first_line))
        else:
            seen[value] = loc


def _check_steps(source: Source, scenario: dict[str, Any], at: Path_) -> None:
    steps = list(_dicts(scenario.get("steps")))
    _duplicates(source, [((*at, "steps", i, "id"), s.get("id")) for i, s in steps], _("step"))
    ids = {s.get("id"): i for i, s in steps if isinstance(s.get("id"), str)}
    edges: dict[int, list[tuple[int, Path_]]] = {i: [] for i, _s in steps}
    for i, step in steps:
        choices = list(_dicts(step.get("choices")))
        _duplicates(source, [((*at, "steps", i, "choices", c, "id"), ch.get("id")) for c, ch in choices],
                    _("choice"))
        if choices and not any(ch.get("outcome") == "safe" for _c, ch in choices):
            source.problem((*at, "steps", i, "choices"),
                           _("step '{step}' has no safe choice: every step needs at least one").format(
                               step=step.get("id")), key=True)
        for c, choice in choices:
            target = choice.get("next")
            if not isinstance(target, str):
                continue
            if target not in ids:
                known = ", ".join(str(k) for k in ids) or _("none")
                source.problem((*at, "steps", i, "choices", c, "next"),
                               _("'next: {target}' names no step in this scenario (steps: {known})").format(
                                   target=target, known=known))
            else:
                edges[i].append((ids[target], (*at, "steps", i, "choices", c, "next")))
    if not steps:
        return
    # Reachability from the first step, then loops (play must always end).
    reached, todo = {steps[0][0]}, [steps[0][0]]
    while todo:
        for nxt, _loc in edges[todo.pop()]:
            if nxt not in reached:
                reached.add(nxt)
                todo.append(nxt)
    for i, step in steps:
        if i not in reached:
            source.problem((*at, "steps", i),
                           _("step '{step}' cannot be reached: no choice's 'next' leads to it").format(
                               step=step.get("id")))
    state: dict[int, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: int, trail: list[int]) -> None:
        state[node] = 1
        for nxt, where in edges[node]:
            if state.get(nxt) == 1:
                loop = [steps_by_index[n] for n in trail[trail.index(nxt):]] + [steps_by_index[nxt]]
                source.problem(where,
                               _("these steps make a loop, so play would never end: {loop}").format(
                                   loop=" -> ".join(str(s) for s in loop)))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    steps_by_index = {i: s.get("id") for i, s in steps}
    for i, _s in steps:
        if i not in state:
            visit(i, [i])


def _help_ids(source: Source, data: dict[str, Any], known: set[str]) -> None:
    def check(loc: Path_, value: Any) -> None:
        if not isinstance(value, list):
            return
        for index, service in enumerate(value):
            if isinstance(service, str) and service not in known:
                import difflib

                close = difflib.get_close_matches(service, sorted(known), n=1, cutoff=0.6)
                hint = _(": did you mean '{known}'?").format(known=close[0]) if close else ""
                source.problem((*loc, index), _("help service '{id}' is not in the help directory or the "
                                                "school's file{hint}").format(id=service, hint=hint))

    for s, scenario in _dicts(data.get("scenarios")):
        check(("scenarios", s, "help"), scenario.get("help"))
        for i, step in _dicts(scenario.get("steps")):
            for c, choice in _dicts(step.get("choices")):
                check(("scenarios", s, "steps", i, "choices", c, "help"), choice.get("help"))


def image_size(data: bytes) -> tuple[str, int, int] | None:
    """(kind, width, height) from a PNG, JPEG or SVG header; None if it is none of those."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return "png", width, height
    if data[:2] == b"\xff\xd8":
        at = 2
        while at + 9 < len(data):
            if data[at] != 0xFF:
                return None
            marker = data[at + 1]
            length = struct.unpack(">H", data[at + 2:at + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
                height, width = struct.unpack(">HH", data[at + 5:at + 9])
                return "jpeg", width, height
            at += 2 + length
        return None
    head = data[:1024].lstrip().lower()
    if head.startswith(b"<?xml") or head.startswith(b"<svg"):
        return ("svg", 0, 0) if b"<svg" in data[:4096].lower() else None
    return None


def _images(source: Source, data: dict[str, Any], folder: Path | None) -> None:
    def check(loc: Path_, value: Any) -> None:
        if not isinstance(value, str):
            return
        if folder is None:
            source.problem(loc, _("images need a pack folder: put pack.yaml and '{image}' in one folder").format(
                image=value))
            return
        root = folder.resolve()
        target = (folder / value).resolve()
        if Path(value).is_absolute() or root not in target.parents:
            source.problem(loc, _("image '{image}' is outside the pack's folder").format(image=value))
            return
        if not target.is_file():
            source.problem(loc, _("image '{image}' does not exist in the pack's folder").format(image=value))
            return
        size = target.stat().st_size
        if size > IMAGE_MAX_BYTES:
            source.problem(loc, _("image '{image}' is {kb} KiB; at most {max} KiB").format(
                image=value, kb=-(-size // 1024), max=IMAGE_MAX_BYTES // 1024))
            return
        with target.open("rb") as handle:
            kind = image_size(handle.read(65536))
        if kind is None:
            source.problem(loc, _("image '{image}' is not a PNG, JPEG or SVG file").format(image=value))
        elif kind[1] > IMAGE_MAX_SIDE or kind[2] > IMAGE_MAX_SIDE:
            source.problem(loc, _("image '{image}' is {w}x{h} pixels; at most {max} on each side").format(
                image=value, w=kind[1], h=kind[2], max=IMAGE_MAX_SIDE))
        elif kind[0] != "svg" and (kind[1] == 0 or kind[2] == 0):
            source.problem(loc, _("image '{image}' has no pixels").format(image=value))

    def needs_alt(loc: Path_, holder: dict[str, Any]) -> None:
        if holder.get("image") and not holder.get("alt"):
            source.problem(loc, _("image '{image}' needs 'alt': say in words what it shows, for learners who "
                                  "cannot see it").format(image=holder.get("image")), key=True)

    for s, scenario in _dicts(data.get("scenarios")):
        for i, step in _dicts(scenario.get("steps")):
            screen = step.get("screen")
            if not isinstance(screen, dict):
                continue
            at = ("scenarios", s, "steps", i, "screen")
            check((*at, "image"), screen.get("image"))
            needs_alt((*at, "image"), screen)
            for m, message in _dicts(screen.get("messages")):
                check((*at, "messages", m, "image"), message.get("image"))
                needs_alt((*at, "messages", m, "image"), message)


def check_source(source: Source, known_help: set[str], folder: Path | None) -> Pack | None:
    """All checks on parsed data; returns the pack only when there is no problem at all."""
    data = source.data
    if source.problems or not isinstance(data, dict):
        return None
    pack: Pack | None = None
    try:
        pack = Pack.model_validate(data)
    except ValidationError as error:
        source.problems.extend(problems_from_validation(error, source))
    scenarios = list(_dicts(data.get("scenarios")))
    _duplicates(source, [(("scenarios", s, "id"), sc.get("id")) for s, sc in scenarios], _("scenario"))
    for s, scenario in scenarios:
        _check_steps(source, scenario, ("scenarios", s))
    _help_ids(source, data, known_help)
    _images(source, data, folder)
    return pack if not source.problems else None


def pack_file(path: Path) -> tuple[Path, Path | None]:
    """(the YAML file, the pack folder or None) for a pack given as a file or a folder."""
    if path.is_dir():
        return path / PACK_FILE, path
    if path.name == PACK_FILE:
        return path, path.parent
    return path, None


def load_pack(path: Path, known_help: set[str]) -> LoadedPack | BrokenPack:
    file, folder = pack_file(path)
    source = read_yaml(file)
    pack = check_source(source, known_help, folder)
    if pack is None:
        return BrokenPack(file, sorted(set(source.problems)))
    return LoadedPack(pack, file, folder, source.where(("id",)))
