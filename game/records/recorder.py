"""The recorder: listens to a play and keeps its results as xAPI statements.

It is one more listener on the engine, like a front end: ``attach(session)``
and it writes a statement for every choice and every finished scenario and
pack. Each statement goes, in this order, to the learner's file in the data
folder, to the class's shared results folder when the assignment names one,
and to the school's LRS queue when the school file names an endpoint. A
shared folder or LRS that cannot be reached never stops the game: what could
not be delivered waits on this device and goes with the next statement.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.engine import ChoiceMade, Event, PackCompleted, ScenarioCompleted, ScenarioStarted, Session
from game.help import School
from game.i18n import _
from game.packs.model import Pack
from game.records.assignment import Assignment
from game.records.lrs import LrsError, LrsQueue, LrsSettings
from game.records.results import RESULTS_DIR, append_line, device_id, encode_statement, results_file
from game.records.xapi import StatementMaker

WAITING_DIR = "class-folder-queue"


@dataclass
class Recorder:
    data_dir: Path
    nickname: str
    maker: StatementMaker
    device: str
    class_folder: Path | None = None
    lrs: LrsQueue | None = None
    notices: list[str] = field(default_factory=list)
    _warned_folder: bool = field(default=False, repr=False)
    _warned_lrs: bool = field(default=False, repr=False)
    _warned_own: bool = field(default=False, repr=False)
    background: bool = False  # send to the LRS in a thread (the game window) or in line (the terminal)
    # when each scenario in play began (from its start, or its first answer after a resume), for durations
    _started: dict[tuple[str, str], float] = field(default_factory=dict, repr=False)
    _sender: threading.Thread | None = field(default=None, repr=False)
    _sending_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def open(cls, data_dir: Path, nickname: str, assignment: Assignment | None = None,
             school: School | None = None, background: bool = False) -> Recorder:
        """A recorder for one learner; sends anything left waiting from last time."""
        device = device_id(data_dir)
        code = None
        if assignment is not None:
            try:
                code = assignment.code
            except ValueError:
                code = None
        maker = StatementMaker(nickname, assignment.class_label if assignment else None,
                               assignment.home_page if assignment else None, device, code)
        lrs, problem = None, None
        if school is not None and school.xapi is not None:
            settings = LrsSettings(school.xapi.endpoint, school.xapi.username, school.xapi.password)
            try:
                lrs = LrsQueue(data_dir, settings) if settings.statements_url else None
            except LrsError as error:  # results stay in the files; 'threecs results --send' can send them later
                problem = str(error)
        recorder = cls(data_dir, nickname, maker, device,
                       assignment.results_folder() if assignment else None, lrs, background=background)
        if problem:
            recorder.notices.append(problem)
        recorder.catch_up(force=True)
        return recorder

    @property
    def own_file(self) -> Path:
        return results_file(self.data_dir / RESULTS_DIR, self.nickname, self.device)

    @property
    def class_file(self) -> Path | None:
        return results_file(self.class_folder, self.nickname, self.device) if self.class_folder else None

    # --- listening -----------------------------------------------------------
    def attach(self, session: Session) -> None:
        pack = session.pack

        def listen(event: Event) -> None:
            self.on_event(pack, event)

        session.subscribe(listen)

    def on_event(self, pack: Pack, event: Event) -> None:
        if isinstance(event, ScenarioStarted):
            self._started[(event.pack_id, event.scenario_id)] = time.monotonic()
        elif isinstance(event, ChoiceMade):
            self._started.setdefault((event.pack_id, event.scenario_id), time.monotonic())
            self.record(self.maker.answered(pack, event))
        elif isinstance(event, ScenarioCompleted):
            began = self._started.pop((event.pack_id, event.scenario_id), None)
            seconds = time.monotonic() - began if began is not None else None
            self.record(self.maker.scenario_completed(pack, event, seconds))
        elif isinstance(event, PackCompleted):
            self.record(self.maker.pack_completed(pack, event))

    # --- keeping ---------------------------------------------------------------
    def record(self, statement: dict[str, Any]) -> None:
        line = encode_statement(statement)
        try:
            append_line(self.own_file, line)
        except OSError as error:  # a full disk or a read-only data folder: say so, keep playing
            if not self._warned_own:
                self._warned_own = True
                self.notices.append(_("Your results could not be saved on this computer ({error}).").format(
                    error=error.strerror or error))
        if self.class_folder is not None:
            self._to_class_folder(line)
        if self.lrs is not None:
            try:
                self.lrs.add(statement)
            except OSError as error:  # the statement is still in the results file, so it can be sent later
                self.notices.append(_("Your results could not be saved on this computer ({error}).").format(
                    error=error.strerror or error))
            self._send()

    def catch_up(self, force: bool = False) -> None:
        """Deliver what waited: lines for the class folder, statements for the LRS."""
        if self.class_folder is not None and self._waiting_file.exists():
            self._to_class_folder(b"")
        if self.lrs is not None:
            self._send(force)

    @property
    def _waiting_file(self) -> Path:
        assert self.class_folder is not None
        key = hashlib.sha256(str(self.class_folder).encode("utf-8")).hexdigest()[:12]
        return self.data_dir / WAITING_DIR / key / self.own_file.name

    def _to_class_folder(self, line: bytes) -> None:
        waiting = self._waiting_file
        try:
            earlier = waiting.read_bytes()
        except FileNotFoundError:
            earlier = b""
        if earlier and not earlier.endswith(b"\n"):
            earlier += b"\n"
        if not earlier + line:
            return
        target = self.class_file
        assert target is not None
        try:
            if not self.class_folder or not self.class_folder.is_dir():
                raise FileNotFoundError(str(self.class_folder))
            append_line(target, earlier + line)
        except OSError:
            if line:
                append_line(waiting, line)
                (waiting.parent / "folder.txt").write_text(str(self.class_folder), "utf-8")
            if not self._warned_folder:
                self._warned_folder = True
                self.notices.append(_("The class results folder {folder} cannot be reached just now. Your "
                                      "results are kept on this computer and will be copied there later.")
                                    .format(folder=self.class_folder))
            return
        if earlier:
            # Everything waiting is now in the class folder. A stop between the two writes would copy
            # it twice at worst; the report counts each statement id once.
            waiting.unlink(missing_ok=True)

    def _send(self, force: bool = False) -> None:
        """Send the queue now, or (in the game window) in a background thread, one at a time, so a
        slow or unreachable learning record store never freezes the screen."""
        if not self.background:
            self._flush(force)
            return
        with self._sending_lock:
            if self._sender is not None and self._sender.is_alive():
                return  # the running send picks up what was queued; the next statement retries
            self._sender = threading.Thread(target=self._flush, args=(force,), daemon=True)
            self._sender.start()

    def wait_for_sending(self, seconds: float = 10.0) -> None:
        """Before the game closes: give a send in progress a moment to finish (the queue keeps the rest)."""
        sender = self._sender
        if sender is not None:
            sender.join(timeout=seconds)

    def _flush(self, force: bool = False) -> None:
        assert self.lrs is not None
        outcome = self.lrs.flush(force=force)
        if outcome.problem and outcome.waiting and not self._warned_lrs:
            self._warned_lrs = True
            self.notices.append(_("Results will be sent to the school's learning record store later "
                                  "({problem}); {n} waiting.").format(problem=outcome.problem, n=outcome.waiting))
