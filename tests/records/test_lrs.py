"""The school's learning record store, for real: a ralph LRS on loopback, down and then up.

ralph (ralph-malph[cli,lrs], in the test extra) runs with its file-system
backend (RALPH_RUNSERVER_BACKEND=fs) in a temporary folder, with a user made
by ``ralph auth`` as its docs say. Statements are read back from it over its
xAPI API.

One change to ralph, made only in the server process these tests start:
ralph 5's file-system backend creates its one statements file on the first
write and answers HTTP 500 to every later write ("already exists and
overwrite is not allowed"), so as shipped it can store one request's
statements and no more. The launcher below makes that backend append
instead, and serves ralph's own API app with uvicorn as ``ralph runserver``
does (without the file watcher that ``runserver`` adds for development).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from recpacks import TINY_PACK, play_through, tiny_pack

from game.engine import Session
from game.help.directory import School, XapiEndpoint
from game.records.assignment import Assignment
from game.records.lrs import LrsError, LrsQueue, LrsSettings
from game.records.recorder import Recorder

try:
    import ralph  # noqa: F401
except ImportError:  # pragma: no cover - the test extra installs it
    pytest.skip("ralph-malph is not installed, so there is no LRS to test against: pip install '.[test]'",
                allow_module_level=True)

USER, PASSWORD = "teacher", "a-long-test-secret"
LAUNCHER = """
import sys
import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND  # see the module docstring
from ralph.api import app
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Ralph:
    """A ralph LRS process on 127.0.0.1 that the tests start and stop."""

    def __init__(self, home: Path) -> None:
        self.home, self.port = home, free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.env = dict(os.environ, RALPH_APP_DIR=str(home / "app"), RALPH_AUTH_FILE=str(home / "app" / "auth.json"),
                        RALPH_RUNSERVER_BACKEND="fs",
                        RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=str(home / "store"))
        (home / "app").mkdir(parents=True)
        (home / "store").mkdir()
        self.ralph = str(Path(sys.executable).with_name("ralph"))
        subprocess.run([self.ralph, "auth", "-u", USER, "-p", PASSWORD, "-s", "all",
                        "-A", "threecs-test", "urn:threecs", "-w"], env=self.env, check=True,
                       capture_output=True, timeout=120)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI/"

    def start(self) -> None:
        if self.process is not None:
            return
        log = (self.home / "server.log").open("ab")
        self.process = subprocess.Popen([sys.executable, "-c", LAUNCHER, str(self.port)], env=self.env,
                                        cwd=self.home, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        for _try in range(600):  # it is ready when its heartbeat answers
            if self.process.poll() is not None:
                raise RuntimeError("ralph stopped: " + (self.home / "server.log").read_text(errors="replace")[-2000:])
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("ralph did not start")

    def stop(self) -> None:
        if self.process is None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)  # the server and its reloader, which this test started
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None

    def get(self, statement_id: str) -> dict | None:
        token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        request = urllib.request.Request(f"{self.endpoint}statements?statementId={statement_id}", headers={
            "Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"})
        try:
            with urllib.request.urlopen(request, timeout=10) as reply:
                found = json.loads(reply.read())
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            raise
        if "statements" in found:  # ralph answers a statementId query with a list of one (or none)
            return found["statements"][0] if found["statements"] else None
        return found

    def stored_ids(self) -> list[str]:
        """Every statement id in ralph's store, as many times as it is stored."""
        return [json.loads(line)["id"] for path in (self.home / "store").glob("*") if path.is_file()
                for line in path.read_text().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def lrs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ralph]:
    if shutil.which("ralph", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("the ralph command is not installed beside this Python")
    server = Ralph(tmp_path_factory.mktemp("ralph"))
    yield server
    server.stop()


def school(endpoint: str, password: str = PASSWORD) -> School:
    return School(school="Test School", region="gb", safeguarding_lead="Ms Lead", report_in_school="Tell a teacher.",
                  xapi=XapiEndpoint(endpoint=endpoint, username=USER, password=password))


def play(recorder: Recorder, choices: list[str]) -> None:
    session = Session(tiny_pack())
    recorder.attach(session)
    play_through(session, choices)


def test_while_the_lrs_is_down_statements_wait_then_all_go_once_it_is_up(lrs: Ralph, tmp_path: Path) -> None:
    lrs.stop()  # down: nothing listens on its port
    recorder = Recorder.open(tmp_path, "Sam", Assignment("7B", ("tiny-pack",)), school(lrs.endpoint))
    play(recorder, ["tell-age", "ignore", "give-password"])
    assert recorder.lrs is not None and len(recorder.lrs.pending()) == 6
    assert any("sent to the school's learning record store later" in n for n in recorder.notices)
    written = [json.loads(line) for line in recorder.own_file.read_text().splitlines()]
    assert len(written) == 6  # the game went on, and kept everything locally

    lrs.start()  # up again: the next start of the game sends what waited
    again = Recorder.open(tmp_path, "Sam", Assignment("7B", ("tiny-pack",)), school(lrs.endpoint))
    assert again.lrs is not None and again.lrs.pending() == []
    for statement in written:
        stored = lrs.get(statement["id"])
        assert stored is not None and stored["id"] == statement["id"]
        assert stored["actor"]["account"] == {"homePage": "urn:threecs", "name": "Sam"}
        assert stored["result"] == statement["result"] or stored["verb"]["id"].endswith("completed")
    assert sorted(lrs.stored_ids()).count(written[0]["id"]) == 1


def test_after_each_new_statement_the_queue_is_sent(lrs: Ralph, tmp_path: Path) -> None:
    lrs.start()
    recorder = Recorder.open(tmp_path, "Ali", None, school(lrs.endpoint))
    play(recorder, ["keep-private", "refuse"])
    assert recorder.lrs is not None and recorder.lrs.pending() == [] and recorder.notices == []
    ids = [json.loads(line)["id"] for line in recorder.own_file.read_text().splitlines()]
    assert all(lrs.get(i) is not None for i in ids)


def test_a_statement_sent_twice_is_stored_once(lrs: Ralph, tmp_path: Path) -> None:
    """The game may stop after the LRS stored a statement but before the queue file was removed."""
    lrs.start()
    queue = LrsQueue(tmp_path, LrsSettings(lrs.endpoint, USER, PASSWORD))
    recorder = Recorder.open(tmp_path / "play", "Kim", None, None)
    play(recorder, ["keep-private", "refuse"])
    statements = [json.loads(line) for line in recorder.own_file.read_text().splitlines()]
    for statement in statements:
        queue.add(statement)
    assert queue.flush().sent == len(statements)
    for statement in statements:  # the same files again, as if the removal never happened
        queue.add(statement)
    result = queue.flush()
    assert result.sent == len(statements) and queue.pending() == []
    stored = lrs.stored_ids()
    assert all(stored.count(s["id"]) == 1 for s in statements)


def test_wrong_password_keeps_the_queue_and_says_why(lrs: Ralph, tmp_path: Path) -> None:
    lrs.start()
    recorder = Recorder.open(tmp_path, "Jo", None, school(lrs.endpoint, password="wrong"))
    play(recorder, ["keep-private"])  # an answer and a finished scenario
    assert recorder.lrs is not None and len(recorder.lrs.pending()) == 2
    assert any("user name or password" in n for n in recorder.notices)


def test_a_statement_the_lrs_refuses_is_kept_aside_not_lost(lrs: Ralph, tmp_path: Path) -> None:
    lrs.start()
    queue = LrsQueue(tmp_path, LrsSettings(lrs.endpoint, USER, PASSWORD))
    recorder = Recorder.open(tmp_path / "play", "Lee", None, None)
    play(recorder, ["keep-private"])
    good = [json.loads(line) for line in recorder.own_file.read_text().splitlines()]
    queue.add(good[0])
    queue.add({"id": "00000000-0000-4000-8000-000000000001", "verb": {"id": "not an iri"}})
    queue.add(good[1])
    result = queue.flush()  # the batch is refused, so each goes alone: two stored, one kept aside
    assert (result.sent, result.rejected) == (2, 1) and queue.pending() == []
    assert len(list((queue.folder / "rejected").glob("*.json"))) == 1
    assert all(lrs.get(s["id"]) is not None for s in good)


def test_no_network_unless_the_school_names_an_endpoint(tmp_path: Path) -> None:
    no_lrs = School(school="S", region="gb", safeguarding_lead="L", report_in_school="R")
    recorder = Recorder.open(tmp_path, "Sam", None, no_lrs)
    assert recorder.lrs is None
    play(recorder, ["keep-private"])
    assert not (tmp_path / "lrs-queue").exists()
    with pytest.raises(LrsError, match="http"):
        _ = LrsSettings("file:///etc/passwd").statements_url
    odd = Recorder.open(tmp_path / "odd", "Sam", None, school("lrs.school.example/xapi"))  # no http://
    assert odd.lrs is None and "must be an http:// or https:// address" in odd.notices[0]
    play(odd, ["keep-private"])  # and the game goes on, keeping results in the file
    assert len(odd.own_file.read_text().splitlines()) == 2


def test_from_the_command_line_play_sends_and_a_class_folder_can_be_sent(lrs: Ralph, tmp_path: Path) -> None:
    lrs.start()
    school_file = tmp_path / "school.yaml"
    school_file.write_text(f"""\
school: Test School
safeguarding_lead: Ms Lead
report_in_school: Tell a teacher.
xapi: {{endpoint: "{lrs.endpoint}", username: {USER}, password: {PASSWORD}}}
""", encoding="utf-8")
    pack = tmp_path / "tiny.yaml"
    pack.write_text(TINY_PACK, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    played = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--pack", str(pack), "--name", "Ola",
                             "--school", str(school_file), "--data-dir", str(tmp_path / "ola")], input="2\n1\n",
                            capture_output=True, text=True, cwd=root, timeout=120)
    assert played.returncode == 0, played.stderr
    [results] = (tmp_path / "ola" / "results").glob("*.jsonl")
    ids = [json.loads(line)["id"] for line in results.read_text().splitlines()]
    assert len(ids) == 5 and all(lrs.get(i) is not None for i in ids)  # sent as they were made
    # A folder of results made without an LRS (say, handed in on a memory stick) can be sent later, and
    # sending what is already there stores nothing twice.
    handed_in = tmp_path / "handed-in"
    handed_in.mkdir()
    other = Recorder.open(tmp_path / "pia", "Pia", None, None)
    play(other, ["keep-private", "refuse"])
    (handed_in / "pia.jsonl").write_bytes(other.own_file.read_bytes())
    (handed_in / "ola.jsonl").write_bytes(results.read_bytes())
    sent = subprocess.run([sys.executable, "-m", "game", "results", "--send", str(handed_in), "--school",
                           str(school_file), "--data-dir", str(tmp_path / "teacher")],
                          capture_output=True, text=True, cwd=root, timeout=120)
    assert sent.returncode == 0, sent.stderr
    pia = [json.loads(line)["id"] for line in other.own_file.read_text().splitlines()]
    assert f"Sent: {len(ids) + len(pia)}. Still waiting: 0." in sent.stdout
    stored = lrs.stored_ids()
    assert all(stored.count(i) == 1 for i in ids + pia)


def test_in_the_game_window_sending_never_holds_up_play(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's recorder sends in a background thread: a stuck LRS does not stop the next choice."""
    import threading

    endpoint = "http://127.0.0.1:9/xapi/"  # nothing listens there
    recorder = Recorder.open(tmp_path, "Sam", None, school(endpoint), background=True)
    recorder.wait_for_sending()  # the catch-up send that opening starts
    assert recorder.lrs is not None
    release, threads = threading.Event(), []
    real_flush = recorder.lrs.flush

    def stuck_flush(force: bool = False):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        release.wait()
        return real_flush(force=force)

    monkeypatch.setattr(recorder.lrs, "flush", stuck_flush)
    play(recorder, ["keep-private"])  # returns although the send is still stuck
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert recorder.own_file.exists() and recorder.lrs.pending()  # kept on disk meanwhile
    release.set()
    recorder.wait_for_sending()
