"""Results files under stress: thirty writers at once, and a writer killed (SIGKILL) again and again."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from recpacks import play_through, tiny_pack

from game.engine import Session
from game.records.assignment import Assignment
from game.records.recorder import Recorder
from game.records.report import build
from game.records.results import ReadStats, append_line, read_statements

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 30
PLAYS = 4  # each play of the tiny pack is 6 statements


def _writer(data: str, name: str, folder: str, start: multiprocessing.synchronize.Event) -> None:
    recorder = Recorder.open(Path(data), name, Assignment("7B", ("tiny-pack",), results=folder))
    start.wait()
    for _play in range(PLAYS):
        session = Session(tiny_pack())
        recorder.attach(session)
        play_through(session, ["tell-age", "ignore", "give-password"])


def test_thirty_learners_writing_to_one_folder_at_once_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    context: Any = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    start = context.Event()
    # Pairs of writers share a device and a nickname, so they append to the very same file at once too.
    writers = [context.Process(target=_writer, args=(str(tmp_path / f"device-{n // 2}"), f"Learner {n // 2}",
                                                     str(folder), start)) for n in range(WRITERS)]
    for process in writers:
        process.start()
    start.set()
    for process in writers:
        process.join()
        assert process.exitcode == 0
    stats = ReadStats()
    statements = list(read_statements([folder], stats))
    assert len(list(folder.glob("*.jsonl"))) == WRITERS // 2
    assert stats.damaged == 0 and stats.duplicates == 0
    assert len(statements) == WRITERS * PLAYS * 6
    own = list(read_statements(sorted(tmp_path.glob("device-*"))))  # each device's own copy, and no more
    assert {s["id"] for s in own} == {s["id"] for s in statements}
    report = build([folder])
    assert len(report.classes[0].learners) == WRITERS // 2


CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from game.engine import Session
from game.records.assignment import Assignment
from game.records.recorder import Recorder
from game.records.xapi import StatementMaker
sys.path.insert(0, {tests!r})
from recpacks import tiny_pack

recorder = Recorder.open(Path({data!r}), "Sam", Assignment("7B", ("tiny-pack",), results={folder!r}))
record = recorder.record
def keep(statement):
    record(statement)
    sys.stdout.write(statement["id"] + "\\n")  # only once it is on disk (fsynced)
    sys.stdout.flush()
recorder.record = keep
while True:
    session = Session(tiny_pack())
    recorder.attach(session)
    for choice in ("tell-age", "ignore"):
        session.choose(choice)
        session.proceed()
    session.proceed()
    session.choose("give-password")
    session.proceed()
    session.proceed()
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")
def test_a_writer_killed_again_and_again_never_loses_a_line_nor_breaks_the_report(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    script = CHILD.format(root=str(ROOT), tests=str(Path(__file__).parent), data=str(tmp_path / "data"),
                          folder=str(folder))
    confirmed: list[str] = []
    for round_ in range(8):
        child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        for _line in range(3 + round_ * 5 % 11):  # kill it at a different moment each round
            line = child.stdout.readline()
            assert line, "the writer stopped by itself"
            confirmed.append(line.strip())
        os.kill(child.pid, signal.SIGKILL)
        confirmed.extend(line.strip() for line in child.stdout if line.strip())  # written before it died
        child.wait()
        assert child.returncode == -signal.SIGKILL
        for place in (folder, tmp_path / "data" / "results"):
            stats = ReadStats()
            found = {s["id"] for s in read_statements([place], stats)}
            assert set(confirmed) <= found  # nothing written earlier is ever lost
            assert stats.damaged <= round_ + 1  # at worst the line being written when killed
        report = build([folder])  # and the report always reads the folder
        assert report.classes[0].learners[0].nickname == "Sam"


def test_a_line_cut_short_never_swallows_the_next_one(tmp_path: Path) -> None:
    path = tmp_path / "sam.jsonl"
    append_line(path, b'{"id": "a"}\n')
    with path.open("ab") as handle:
        handle.write(b'{"id": "cut')  # a network drive dropped out mid-write
    append_line(path, b'{"id": "b"}\n')
    assert path.read_bytes().splitlines() == [b'{"id": "a"}', b'{"id": "cut', b'{"id": "b"}']
    assert [json.loads(x)["id"] for x in path.read_bytes().splitlines() if x.endswith(b"}")] == ["a", "b"]
