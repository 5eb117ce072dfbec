"""Sending statements to the school's learning record store (LRS), if the school has one.

Nothing is sent unless the school file names an xAPI endpoint. Each
statement is first written to a queue folder on disk (one small file each),
then sent, oldest first, in batches (``POST .../statements`` with a list).
Every statement carries its own id and an LRS stores an id once, so a
statement sent twice (the game stopped after the LRS stored it but before
the file was removed) is still stored once. When a batch is refused (400,
409, 422) its statements go one at a time with ``PUT
.../statements?statementId=<id>``, so each gets its own answer. A file
leaves the queue only when the LRS answers 2xx, or 409 for its id (it
already has it); one it refuses as invalid (400, 422) is moved to
``rejected/`` beside the queue, kept but no longer blocking the others.
While the LRS cannot be reached the queue waits; it is tried again at the
next start and after each new statement. Standard library only.
"""

from __future__ import annotations

import base64
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.i18n import _
from game.records.atomic import move_aside, write_atomic

QUEUE_DIR = "lrs-queue"
REJECTED_DIR = "rejected"
XAPI_VERSION_HEADER = "1.0.3"
TIMEOUT_SECONDS = 5.0
BATCH = 1000  # statements in one POST (an LRS that finds a batch too big says 413: then one at a time)
PAUSE_AFTER_TIMEOUT = 30.0  # a school network that swallows packets should not slow every choice down


class LrsError(ValueError):
    """The school's LRS settings cannot be used."""


@dataclass(frozen=True)
class LrsSettings:
    endpoint: str
    username: str = ""
    password: str = ""

    @property
    def statements_url(self) -> str:
        parts = urllib.parse.urlsplit(self.endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise LrsError(_("The xAPI endpoint must be an http:// or https:// address, not '{endpoint}'.")
                           .format(endpoint=self.endpoint))
        base = self.endpoint.rstrip("/")
        return base if base.endswith("/statements") else base + "/statements"


@dataclass
class FlushResult:
    sent: int = 0
    rejected: int = 0
    waiting: int = 0
    problem: str | None = None  # why sending stopped, in words for the teacher


@dataclass
class LrsQueue:
    data_dir: Path
    settings: LrsSettings
    timeout: float = TIMEOUT_SECONDS
    _paused_until: float = field(default=0.0, repr=False)

    @property
    def folder(self) -> Path:
        return self.data_dir / QUEUE_DIR

    def add(self, statement: dict[str, Any]) -> Path:
        """Keep the statement on disk (fsynced) before anything is sent."""
        name = f"{time.time_ns():020d}-{statement['id']}.json"
        path = self.folder / name
        write_atomic(path, json.dumps(statement, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        return path

    def pending(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.glob("*.json") if p.is_file() and not p.name.startswith("."))

    def flush(self, force: bool = False) -> FlushResult:
        """Send what is queued, oldest first, a batch at a time; stop at the first failure, keep the rest."""
        result = FlushResult()
        if not force and time.monotonic() < self._paused_until:
            result.waiting = len(self.pending())
            result.problem = _("waiting before trying the LRS again")
            return result
        queue = self.pending()
        for start in range(0, len(queue), BATCH):
            batch = self._read(queue[start:start + BATCH], result)
            if not batch:
                continue
            status, problem = self._send(b"[" + b",".join(body for _p, _i, body in batch) + b"]")
            if status is not None and 200 <= status < 300:
                for path, _id, _body in batch:
                    path.unlink(missing_ok=True)
                result.sent += len(batch)
                continue
            if status in (400, 409, 413, 422):
                # Something in the batch is refused, or some id is already stored: one at a time, so each
                # statement gets its own answer (PUT with its id is the idempotent form).
                if self._one_by_one(batch, result):
                    continue
                problem = result.problem
            result.waiting = len(self.pending())
            result.problem = problem
            return result
        return result

    def _read(self, paths: list[Path], result: FlushResult) -> list[tuple[Path, str, bytes]]:
        batch: list[tuple[Path, str, bytes]] = []
        for path in paths:
            try:
                body = path.read_bytes()
                statement_id = json.loads(body)["id"]
                if not isinstance(statement_id, str):
                    raise TypeError(statement_id)
            except FileNotFoundError:
                continue  # another copy of the game sent it meanwhile
            except (OSError, ValueError, KeyError, TypeError):
                self._reject(path, "damaged")
                result.rejected += 1
                continue
            batch.append((path, statement_id, body))
        return batch

    def _one_by_one(self, batch: list[tuple[Path, str, bytes]], result: FlushResult) -> bool:
        for path, statement_id, body in batch:
            status, problem = self._send(body, statement_id)
            if status is not None and (200 <= status < 300 or status == 409):
                path.unlink(missing_ok=True)  # 409: the LRS already has this id, so it is not lost
                result.sent += 1
            elif status in (400, 422):
                self._reject(path, "rejected")
                result.rejected += 1
            else:
                result.problem = problem
                return False
        return True

    def _reject(self, path: Path, why: str) -> None:
        """A statement the LRS will never take: kept aside (not lost), so it does not block the others."""
        target = self.folder / REJECTED_DIR / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(path, target)
        except FileNotFoundError:
            return
        except OSError:
            move_aside(path, why)

    def _send(self, body: bytes, statement_id: str | None = None) -> tuple[int | None, str | None]:
        """POST a batch (a JSON list), or PUT one statement under its id; returns the HTTP status and a problem."""
        url = self.settings.statements_url
        if statement_id is not None:
            url += "?" + urllib.parse.urlencode({"statementId": statement_id})
        request = urllib.request.Request(url, data=body, method="PUT" if statement_id else "POST", headers={
            "Content-Type": "application/json",
            "X-Experience-API-Version": XAPI_VERSION_HEADER,
        })
        if self.settings.username or self.settings.password:
            token = base64.b64encode(f"{self.settings.username}:{self.settings.password}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return int(response.status), None
        except urllib.error.HTTPError as error:
            if error.code in (401, 403):
                return error.code, _("the LRS refused the user name or password (HTTP {code})").format(
                    code=error.code)
            return error.code, _("the LRS answered HTTP {code}").format(code=error.code)
        except (TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, TimeoutError) or isinstance(error, TimeoutError):
                self._paused_until = time.monotonic() + PAUSE_AFTER_TIMEOUT
            return None, _("the LRS could not be reached ({reason})").format(reason=reason)
