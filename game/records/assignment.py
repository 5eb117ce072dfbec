"""An assignment: what a teacher asks a class to play, as a file and as a short code.

The file is versioned JSON. A teacher's own packs are embedded in it (the
pack's YAML text, and for a folder pack every file in the folder), so the one
file can be emailed home or put on a shared drive and the packs travel with
it. The code (see codes.py) carries only the class label and bundled packs,
so it works offline at home with nothing but the game.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from game.i18n import _
from game.packs.validate import PACK_FILE
from game.records.atomic import write_json
from game.records.codes import CodeError, clean_label, decode, encode, pack_numbers

ASSIGNMENT_VERSION = 1
FORMAT = "threecs-assignment"
OWN_PACK_MAX_BYTES = 20 * 1024 * 1024


class AssignmentError(ValueError):
    """An assignment that cannot be made or read; the message says why and what to do."""


@dataclass(frozen=True)
class OwnPack:
    """A teacher's pack carried inside the assignment: file name -> bytes (pack.yaml, images)."""

    id: str
    files: dict[str, bytes]
    folder: bool  # a folder pack (pack.yaml and images) rather than a single YAML file

    def as_json(self) -> dict[str, Any]:
        files: dict[str, dict[str, str]] = {}
        for name, data in sorted(self.files.items()):
            try:
                files[name] = {"text": data.decode("utf-8")} if name.endswith((".yaml", ".yml")) else \
                    {"base64": base64.b64encode(data).decode("ascii")}
            except UnicodeDecodeError:
                files[name] = {"base64": base64.b64encode(data).decode("ascii")}
        return {"id": self.id, "folder": self.folder, "files": files}

    @classmethod
    def from_json(cls, raw: Any) -> OwnPack:
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not isinstance(raw.get("files"), dict):
            raise ValueError("own pack")
        files: dict[str, bytes] = {}
        for name, entry in raw["files"].items():
            if not _safe_name(name) or not isinstance(entry, dict):
                raise ValueError(name)
            if isinstance(entry.get("text"), str):
                files[name] = entry["text"].encode("utf-8")
            elif isinstance(entry.get("base64"), str):
                files[name] = base64.b64decode(entry["base64"], validate=True)
            else:
                raise ValueError(name)
        return cls(raw["id"], files, bool(raw.get("folder")))

    def digest(self) -> str:
        hasher = hashlib.sha256(self.id.encode())
        for name, data in sorted(self.files.items()):
            hasher.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
        return hasher.hexdigest()[:12]


def _safe_name(name: str) -> bool:
    """A relative path inside the pack folder: no absolute paths, no '..', no backslashes."""
    parts = name.split("/")
    return bool(name) and "\\" not in name and not name.startswith("/") and all(p not in ("", ".", "..")
                                                                                for p in parts)


@dataclass(frozen=True)
class Assignment:
    class_label: str
    packs: tuple[str, ...]  # pack ids, in the order the teacher gave them
    results: str | None = None  # the class's shared results folder, as the teacher wrote it
    lang: str | None = None
    school: str | None = None  # the school file, as the teacher wrote it
    due: date | None = None
    own_packs: tuple[OwnPack, ...] = field(default_factory=tuple)
    home_page: str | None = None  # the school's web address, naming learners' accounts in statements
    source: Path | None = None  # the file it was read from, if any

    @property
    def code(self) -> str | None:
        """The short code, when every pack is a numbered bundled pack; else None (use the file)."""
        numbers = pack_numbers()
        bundled = [p for p in self.packs if p in numbers]
        if not bundled:
            return None
        return encode(self.class_label, bundled)

    @property
    def code_covers_all(self) -> bool:
        numbers = pack_numbers()
        return all(p in numbers for p in self.packs)

    def as_json(self) -> dict[str, Any]:
        value: dict[str, Any] = {
            "format": FORMAT,
            "version": ASSIGNMENT_VERSION,
            "class": self.class_label,
            "packs": list(self.packs),
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        for key, item in (("results", self.results), ("lang", self.lang), ("school", self.school),
                          ("due", self.due.isoformat() if self.due else None), ("code", self.code),
                          ("home_page", self.home_page)):
            if item:
                value[key] = item
        if self.own_packs:
            value["own_packs"] = [p.as_json() for p in self.own_packs]
        return value

    def results_folder(self) -> Path | None:
        if not self.results:
            return None
        folder = Path(self.results).expanduser()
        if not folder.is_absolute() and self.source is not None:
            folder = self.source.parent / folder
        return folder

    def school_file(self) -> Path | None:
        """The school file, when it can be found from here (at home it usually cannot, and that is fine)."""
        if not self.school:
            return None
        path = Path(self.school).expanduser()
        if not path.is_absolute() and self.source is not None:
            path = self.source.parent / path
        return path if path.is_file() else None


def parse_due(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise AssignmentError(_("'{text}' is not a date: write it as year-month-day, for example 2025-03-14.")
                              .format(text=text)) from None


def read_own_pack(path: Path, known_ids: dict[str, Path]) -> OwnPack:
    """Carry a teacher's pack (a YAML file or a pack folder) inside the assignment."""
    if path.is_dir():
        files = {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*"))
                 if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)}
        folder = True
    else:
        files = {PACK_FILE: path.read_bytes()}
        folder = False
    if sum(len(v) for v in files.values()) > OWN_PACK_MAX_BYTES:
        raise AssignmentError(_("The pack {path} is too big to carry in an assignment (at most {mb} MB).")
                              .format(path=path, mb=OWN_PACK_MAX_BYTES // (1024 * 1024)))
    pack_id = next((pid for pid, where in known_ids.items() if where.resolve() == path.resolve()), None)
    if pack_id is None:
        raise AssignmentError(_("The pack {path} could not be read.").format(path=path))
    return OwnPack(pack_id, files, folder)


def save(assignment: Assignment, path: Path) -> None:
    write_json(path, assignment.as_json())


def load(path: Path) -> Assignment:
    try:
        raw = json.loads(path.read_text("utf-8"))
    except OSError as error:
        raise AssignmentError(_("The assignment file {path} could not be read: {error}").format(
            path=path, error=error.strerror or error)) from None
    except (UnicodeDecodeError, ValueError):
        raise AssignmentError(_("{path} is not an assignment file (it is damaged or something else).")
                              .format(path=path)) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise AssignmentError(_("{path} is not an assignment file (it is damaged or something else).")
                              .format(path=path))
    version = raw.get("version")
    if not isinstance(version, int) or version < 1:
        raise AssignmentError(_("{path} is not an assignment file (it is damaged or something else).")
                              .format(path=path))
    if version > ASSIGNMENT_VERSION:
        raise AssignmentError(_("The assignment {path} was made by a newer version of Three Cs. Please update "
                                "the game.").format(path=path))
    try:
        packs = raw["packs"]
        if not isinstance(packs, list) or not packs or not all(isinstance(p, str) for p in packs):
            raise ValueError("packs")
        due = raw.get("due")
        return Assignment(
            class_label=clean_label(str(raw["class"])),
            packs=tuple(packs),
            results=_optional_text(raw.get("results")),
            lang=_optional_text(raw.get("lang")),
            school=_optional_text(raw.get("school")),
            due=date.fromisoformat(due) if isinstance(due, str) else None,
            own_packs=tuple(OwnPack.from_json(p) for p in raw.get("own_packs") or []),
            home_page=_optional_text(raw.get("home_page")),
            source=path,
        )
    except (KeyError, TypeError, ValueError):
        raise AssignmentError(_("The assignment file {path} is damaged; ask your teacher for a new copy.")
                              .format(path=path)) from None


def _optional_text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def from_code(code: str) -> Assignment:
    try:
        decoded = decode(code)
    except CodeError as error:
        raise AssignmentError(str(error)) from None
    return Assignment(decoded.class_label, decoded.packs)


def open_assignment(text: str) -> Assignment:
    """What a learner gave: the path of an assignment file, or a code."""
    path = Path(text).expanduser()
    if path.is_file():
        return load(path)
    if path.suffix.lower() == ".json" or "/" in text or "\\" in text:
        raise AssignmentError(_("The assignment file {path} was not found.").format(path=text))
    return from_code(text)


def unpack_own_packs(assignment: Assignment, data_dir: Path) -> list[Path]:
    """Write the carried packs where the library can load them; same content, same place."""
    paths: list[Path] = []
    for own in assignment.own_packs:
        home = data_dir / "assignment-packs" / f"{own.id}-{own.digest()}"
        target = home / own.id if own.folder else home / f"{own.id}.yaml"
        if own.folder:
            for name, data in own.files.items():
                file = target / name
                if not file.exists() or file.read_bytes() != data:
                    file.parent.mkdir(parents=True, exist_ok=True)
                    file.write_bytes(data)
        elif not target.exists() or target.read_bytes() != own.files.get(PACK_FILE, b""):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(own.files.get(PACK_FILE, b""))
        paths.append(target)
    return paths
