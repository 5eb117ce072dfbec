"""A learner's profile (a nickname, nothing else) and their progress through packs.

Progress is saved after every choice, atomically, so quitting or a crash at
any moment resumes where the learner was. A damaged or newer-version file is
moved aside with a message, never silently lost or overwritten.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from game.engine import Session, SnapshotError
from game.i18n import _
from game.packs.model import Pack
from game.records.atomic import move_aside, write_json

PROGRESS_VERSION = 1
NICKNAME_MAX = 24


class NicknameError(ValueError):
    pass


def clean_nickname(raw: str) -> str:
    """A nickname as shown: trimmed, no control characters, 1..24 characters."""
    name = " ".join(raw.split())
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    if not name:
        raise NicknameError(_("Please type a nickname."))
    if len(name) > NICKNAME_MAX:
        raise NicknameError(_("A nickname can be at most {n} characters.").format(n=NICKNAME_MAX))
    return name


def learner_key(nickname: str) -> str:
    """A folder name for a nickname: readable where it can be, unique by a short hash."""
    folded = clean_nickname(nickname).casefold()
    ascii_part = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", folded).encode("ascii", "ignore")
                        .decode()).strip("-")[:16]
    digest = hashlib.sha256(folded.encode("utf-8")).hexdigest()[:8]
    return f"{ascii_part}-{digest}" if ascii_part else digest


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class ProgressStore:
    """One learner's progress file in the data directory."""

    data_dir: Path
    nickname: str
    notices: list[str] = field(default_factory=list)
    _packs: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.nickname = clean_nickname(self.nickname)
        self.folder = self.data_dir / "learners" / learner_key(self.nickname)
        self.path = self.folder / "progress.json"
        self._load()

    def _set_aside(self, why: str, message: str) -> None:
        kept = move_aside(self.path, why)
        self.notices.append(message.format(path=kept))

    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            raw = json.loads(self.path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            self._set_aside("damaged", _("Your saved progress could not be read, so it was kept aside at "
                                         "{path} and you are starting afresh."))
            return
        version = raw.get("version") if isinstance(raw, dict) else None
        if not isinstance(version, int) or not isinstance(raw.get("packs"), dict):
            self._set_aside("damaged", _("Your saved progress was damaged, so it was kept aside at {path} "
                                         "and you are starting afresh."))
            return
        if version > PROGRESS_VERSION:
            self._set_aside("newer", _("Your saved progress was made by a newer version of Three Cs; it was "
                                       "kept aside at {path}. Update the game to use it."))
            return
        self._packs = {str(k): v for k, v in raw["packs"].items() if isinstance(v, dict)}

    def status(self, pack_id: str) -> str:
        """'new', 'in-progress' or 'finished'."""
        entry = self._packs.get(pack_id)
        if not entry:
            return "new"
        return "finished" if entry.get("finished") else "in-progress"

    def session_for(self, pack: Pack) -> Session:
        """The learner's saved session for ``pack``, or a new one."""
        from game.i18n.packs import translate_pack

        entry = self._packs.get(pack.id)
        pack = translate_pack(pack)
        if entry and not entry.get("finished") and isinstance(entry.get("snapshot"), dict):
            try:
                return Session.restore(pack, entry["snapshot"])
            except (SnapshotError, TypeError, ValueError, KeyError):
                backup = self.path.with_name(f"{self.path.name}.unreadable-{pack.id}")
                write_json(backup, entry)
                self.notices.append(_("Saved progress in '{pack}' could not be used; it was kept at {path}.")
                                    .format(pack=pack.title, path=backup))
        return Session(pack)

    def save(self, session: Session) -> None:
        scores = {cat: [s.earned, s.available] for cat, s in session.pack_scores().items()}
        before = self._packs.get(session.pack.id) or {}
        self._packs[session.pack.id] = {
            "snapshot": session.snapshot(),
            "finished": session.pack_finished,
            "ever_finished": bool(before.get("ever_finished")) or session.pack_finished,
            "scores": scores,
            "updated": _now(),
        }
        write_json(self.path, {"version": PROGRESS_VERSION, "nickname": self.nickname, "packs": self._packs})
