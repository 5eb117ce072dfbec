"""Results files: one JSON Lines file of xAPI statements per learner per device.

Many learners write into one shared class folder at the same time, and a
computer can be switched off mid-write, so each statement is one line added
with a single ``write()`` on a file opened with ``O_APPEND`` and then
fsynced: appenders never overwrite each other, and an earlier line is never
touched. Should a line ever be cut short (a network drive dropping out), the
next append starts on a fresh line so only the cut line is lost, and readers
skip and count it.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.i18n import _
from game.records.atomic import write_atomic
from game.records.progress import learner_key

RESULTS_DIR = "results"
DEVICE_FILE = "device-id"
SUFFIX = ".jsonl"


def _read_device(path: Path) -> str | None:
    try:
        found = path.read_text("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return found if found.isalnum() and 4 <= len(found) <= 32 else None


def device_id(data_dir: Path) -> str:
    """A random id for this device's data folder, made once (never derived from the machine or the user).

    Two copies of the game starting together must agree on it, so the file appears whole or not at all:
    written under a temporary name, then linked into place (which fails if the other copy was first)."""
    path = data_dir / DEVICE_FILE
    found = _read_device(path)
    if found:
        return found
    data_dir.mkdir(parents=True, exist_ok=True)
    made = secrets.token_hex(4)
    temp = data_dir / f".{DEVICE_FILE}.{os.getpid()}.{made}"
    write_atomic(temp, made.encode("ascii"))
    try:
        os.link(temp, path)
        return made
    except FileExistsError:
        return _read_device(path) or _replace_device(path, made)
    except OSError:  # a file system without hard links
        return _replace_device(path, made) if not path.exists() else (_read_device(path) or made)
    finally:
        temp.unlink(missing_ok=True)


def _replace_device(path: Path, made: str) -> str:
    write_atomic(path, made.encode("ascii"))  # the old one was damaged: a new id, a new results file
    return made


def results_file(folder: Path, nickname: str, device: str) -> Path:
    return folder / f"{learner_key(nickname)}-{device}{SUFFIX}"


def append_line(path: Path, line: bytes) -> None:
    """Add one line with one write() on an O_APPEND file, then fsync. ``line`` ends with a newline."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
    try:
        if os.fstat(fd).st_size:
            os.lseek(fd, -1, os.SEEK_END)
            if os.read(fd, 1) != b"\n":
                line = b"\n" + line  # the last write was cut short: never glue a good line onto it
        written = os.write(fd, line)
        while written < len(line):  # only on a full disk or a signal; finish what was started
            written += os.write(fd, line[written:])
        os.fsync(fd)
    finally:
        os.close(fd)


def encode_statement(statement: dict[str, Any]) -> bytes:
    return (json.dumps(statement, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


# --- reading ---------------------------------------------------------------------
@dataclass
class ReadStats:
    files: int = 0
    lines: int = 0
    damaged: int = 0  # lines that are not a statement we can use (cut short, not JSON, not ours)
    duplicates: int = 0  # the same statement in two files (a handed-in copy and the class folder)
    unreadable: list[str] = field(default_factory=list)  # files that could not be opened


def result_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every .jsonl file in the given files and folders (folders are searched all the way down)."""
    for path in paths:
        if path.is_dir():
            yield from sorted((p for p in path.rglob(f"*{SUFFIX}") if p.is_file()), key=str)
        else:
            yield path


def is_statement(value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    actor, verb, obj = value.get("actor"), value.get("verb"), value.get("object")
    return (isinstance(value.get("id"), str) and isinstance(actor, dict) and isinstance(actor.get("account"), dict)
            and isinstance(actor["account"].get("name"), str) and isinstance(verb, dict)
            and isinstance(verb.get("id"), str) and isinstance(obj, dict) and isinstance(obj.get("id"), str))


def read_values(paths: Iterable[Path], stats: ReadStats) -> Iterator[Any]:
    """Every line of every results file, parsed as JSON; lines that are not JSON are skipped and counted."""
    loads = json.loads
    for path in result_files(paths):
        try:
            data = path.read_bytes()
        except OSError as error:
            stats.unreadable.append(f"{path}: {error.strerror or error}")
            continue
        stats.files += 1
        lines = [raw for raw in data.splitlines() if raw and not raw.isspace()]
        stats.lines += len(lines)
        whole = _parse_whole(lines)
        if whole is not None:
            yield from whole
            continue
        for raw in lines:  # something is damaged: line by line, so only the damaged lines are lost
            try:
                yield loads(raw)
            except ValueError:  # includes a line of bytes that are not UTF-8
                stats.damaged += 1


def _parse_whole(lines: list[bytes]) -> list[Any] | None:
    """All of a file's lines in one json.loads call (one C call, not one per line), when every line is
    one whole object; None when any line is not, so the caller goes line by line."""
    if not all(raw.startswith(b"{") and raw.rstrip().endswith(b"}") for raw in lines):
        return None
    try:
        values = json.loads(b"[" + b",".join(lines) + b"]")
    except ValueError:
        return None
    return values if isinstance(values, list) and len(values) == len(lines) else None


def read_statements(paths: Iterable[Path], stats: ReadStats | None = None) -> Iterator[dict[str, Any]]:
    """Statements from results files, each once; damaged lines are skipped and counted, never fatal."""
    stats = stats if stats is not None else ReadStats()
    seen: set[str] = set()
    for value in read_values(paths, stats):
        if not is_statement(value):
            stats.damaged += 1
        elif value["id"] in seen:
            stats.duplicates += 1
        else:
            seen.add(value["id"])
            yield value


def export(sources: Iterable[Path], target: Path, nickname: str | None = None) -> int:
    """Gather a learner's statements into one file to hand in; returns how many were written."""
    wanted = nickname.casefold() if nickname is not None else None
    lines = [encode_statement(s) for s in read_statements(sources)
             if wanted is None or s["actor"]["account"]["name"].casefold() == wanted]
    if target.suffix != SUFFIX:
        raise ValueError(_("A results file to hand in must end in {suffix}.").format(suffix=SUFFIX))
    write_atomic(target, b"".join(lines))
    return len(lines)
