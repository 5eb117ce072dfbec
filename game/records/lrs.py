"""Sending statements to the school's learning record store (LRS), if the school has one.

Nothing is sent unless the school file names an xAPI endpoint. Each
statement is first written to a queue folder on disk (one small file each),
then sent with ``PUT .../statements?statementId=<id>``: the LRS stores a
statement id once, so a statement sent twice (the game stopped after the LRS
stored it but before the file was removed) is still stored once. A file
leaves the queue only when the LRS answers 2xx, or 409 (it already has that
id); one it refuses as invalid (400, 422) is moved to ``rejected/`` beside
the queue, kept but no longer blocking the others. While the LRS cannot be reached the queue waits; it is tried again at
the next start and after each new statement. Standard library only.
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
        """Send what is queued, oldest first; stop at the first failure and keep the rest for later."""
        result = FlushResult()
        if not force and time.monotonic() < self._paused_until:
            result.waiting = len(self.pending())
            result.problem = _("waiting before trying the LRS again")
            return result
        queue = self.pending()
        for index, path in enumerate(queue):
            try:
                body = path.read_bytes()
                statement_id = json.loads(body)["id"]
            except FileNotFoundError:
                continue  # another copy of the game sent it meanwhile
            except (OSError, ValueError, KeyError, TypeError):
                self._reject(path, "damaged")
                result.rejected += 1
                continue
            status, problem = self._put(statement_id, body)
            if status is not None and (200 <= status < 300 or status == 409):
                path.unlink(missing_ok=True)
                result.sent += 1
            elif status in (400, 422):
                self._reject(path, "rejected")
                result.rejected += 1
            else:
                result.waiting = len(queue) - index
                result.problem = problem
                return result
        return result

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

    def _put(self, statement_id: str, body: bytes) -> tuple[int | None, str | None]:
        url = self.settings.statements_url + "?" + urllib.parse.urlencode({"statementId": statement_id})
        request = urllib.request.Request(url, data=body, method="PUT", headers={
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
