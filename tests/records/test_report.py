"""The class report: per-C mastery, completion, what to teach next; safe HTML and CSV; junk never fatal."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from recpacks import TINY_PACK, play_through, tiny_loaded, tiny_pack, write_tiny

from game.engine import Session
from game.packs import Library
from game.records.assignment import Assignment
from game.records.recorder import Recorder
from game.records.report import build, initials
from game.records.report_output import render_csv, render_html, safe_cell

ROOT = Path(__file__).resolve().parents[2]


def class_play(folder: Path, data: Path, name: str, choices: list[str], label: str = "7B") -> None:
    recorder = Recorder.open(data / name.replace("/", "_")[:8], name, Assignment(label, ("tiny-pack",),
                                                                                  results=str(folder)))
    session = Session(tiny_pack())
    recorder.attach(session)
    play_through(session, choices)


@pytest.fixture
def class_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    class_play(folder, tmp_path / "devices", "Sam", ["tell-age", "ignore", "give-password"])
    class_play(folder, tmp_path / "devices", "Ali", ["tell-age", "block", "refuse"])
    class_play(folder, tmp_path / "devices", "Jo", ["keep-private", "refuse"])
    class_play(folder, tmp_path / "devices", "Kim", ["keep-private"])  # stopped after one scenario
    return folder


def test_mastery_completion_and_what_to_teach_next(class_folder: Path) -> None:
    report = build([class_folder], Library(packs=[tiny_loaded()]))
    [group] = report.classes
    assert group.label == "7B" and [learner.nickname for learner in group.learners] == ["Ali", "Jo", "Kim", "Sam"]
    sam = next(learner for learner in group.learners if learner.nickname == "Sam")
    mastery = sam.mastery()
    # Sam: stranger contact 1/6 + gift 0/3 -> 1/9 contact; conduct 0/1
    assert (mastery["contact"].earned, mastery["contact"].available) == (1, 9)
    assert (mastery["conduct"].earned, mastery["conduct"].available) == (0, 1)
    assert sam.completion(report.scenario_counts) == (2, 2)
    kim = next(learner for learner in group.learners if learner.nickname == "Kim")
    assert kim.completion(report.scenario_counts) == (1, 2) and not kim.packs_finished
    [pack] = group.packs
    assert (pack.title, pack.started, pack.finished, pack.scenarios) == ("Tiny pack", 4, 3, 2)
    top = group.risky[0]
    assert (top.choice, top.learners, top.text) == ("tell-age", 2, "Tell them my age and my school")
    assert top.prompt == "What do you do?" and top.safer == ["Keep it to the game"]
    assert [r.choice for r in group.risky] == ["tell-age", "give-password"]


def test_the_words_come_from_the_statements_when_the_pack_is_not_at_hand(class_folder: Path) -> None:
    report = build([class_folder])  # no library: a teacher's own pack on another computer
    assert report.classes[0].risky[0].text == "Tell them my age and my school"
    assert report.classes[0].packs[0].title == "Tiny pack"


def test_a_nickname_that_looks_like_html_shows_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    class_play(folder, tmp_path / "devices", "<script>x()</script>", ["tell-age", "ignore"])
    class_play(folder, tmp_path / "devices", "<img src=x onerror=f()>", ["keep-private"], label="7B")
    page = render_html(build([folder]))
    assert "<script>x" not in page and "&lt;script&gt;x()&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=f()&gt;" in page
    assert "<script" not in page.lower().replace("&lt;script", "")  # the page itself has no scripts at all
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing to fetch
    assert "@media print" in page and "<svg" in page


def test_the_csv_never_runs_a_formula(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    for name in ("=HYPERLINK(\"http://x\")", "+SUM(1)", "-2+3", "@cmd", "\tTab", "Plain"):
        class_play(folder, tmp_path / "devices", name, ["keep-private"])
    rows = list(csv.reader(io.StringIO(render_csv(build([folder])))))
    names = sorted(row[1] for row in rows[1:])
    assert names == sorted(["'=HYPERLINK(\"http://x\")", "'+SUM(1)", "'-2+3", "'@cmd", "'\tTab", "Plain"])
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)
    assert safe_cell("\rx") == "'\rx" and safe_cell(-3) == -3 and safe_cell("a=b") == "a=b"


def test_initials_only(class_folder: Path) -> None:
    page = render_html(build([class_folder]), show_initials=True)
    assert "Sam" not in page.split("<body>", 1)[1] and ">S.</th>" in page
    assert initials("sam jones") == "S.J." and initials("x_y") == "X.Y."
    assert "S." in render_csv(build([class_folder]), show_initials=True)


def test_an_empty_folder_is_a_report_that_says_so(tmp_path: Path) -> None:
    report = build([tmp_path])
    assert report.empty and report.stats.files == 0
    assert "No results were found" in render_html(report)
    assert render_csv(report).count("\r\n") == 1  # just the header


def test_a_folder_of_junk_is_skipped_and_counted_never_fatal(class_folder: Path) -> None:
    (class_folder / "binary.jsonl").write_bytes(b"\x00\xff\xfe garbage\n\x89PNG\r\n")
    (class_folder / "notes.jsonl").write_text("hello\n[1, 2]\n{\"id\": 3}\n{}\nnull\n\n", encoding="utf-8")
    (class_folder / "photo.png").write_bytes(b"\x89PNG")  # not a results file: not read at all
    (class_folder / "empty.jsonl").write_bytes(b"")
    [sam] = [p for p in class_folder.glob("sam-*.jsonl")]
    with sam.open("ab") as handle:
        handle.write(b'{"id": "cut-short", "actor": {"account": {"na')  # a write cut short by a power cut
    (class_folder / "sub").mkdir()
    (class_folder / "sub" / "copy.jsonl").write_bytes(sam.read_bytes())  # handed in twice
    report = build([class_folder], Library(packs=[tiny_loaded()]))
    assert report.stats.damaged == 2 + 5 + 2  # binary, notes, the cut line in Sam's file and in its copy
    assert report.stats.duplicates == 6
    assert [learner.nickname for learner in report.classes[0].learners] == ["Ali", "Jo", "Kim", "Sam"]
    page = render_html(report)
    assert "9 damaged or incomplete lines were skipped" in page


def test_report_command_writes_html_and_csv(class_folder: Path, tmp_path: Path) -> None:
    pack = write_tiny(tmp_path / "mine", text=TINY_PACK)
    (class_folder / "junk.jsonl").write_text("not json\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "game", "report", str(class_folder), "--pack", str(pack),
                             "--html", str(tmp_path / "r.html"), "--csv", str(tmp_path / "r.csv")],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Class 7B: 4 learners" in result.stdout and "1 damaged or incomplete line was skipped" in result.stdout
    page = (tmp_path / "r.html").read_text("utf-8")
    assert "Tell them my age and my school" in page and "Keep it to the game" in page
    rows = list(csv.reader((tmp_path / "r.csv").read_text("utf-8-sig").splitlines()))
    assert rows[0][:2] == ["Class", "Learner"] and len(rows) == 5
    empty = tmp_path / "nothing"
    empty.mkdir()
    result = subprocess.run([sys.executable, "-m", "game", "report", str(empty)], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0 and "No results were found" in result.stdout
    result = subprocess.run([sys.executable, "-m", "game", "report", str(tmp_path / "missing")],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2 and "not found" in result.stderr and "Traceback" not in result.stderr


def test_the_latest_attempt_at_a_scenario_counts(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    class_play(folder, tmp_path / "devices", "Sam", ["tell-age", "ignore", "give-password"])
    class_play(folder, tmp_path / "devices", "Sam", ["keep-private", "refuse"])  # played again, better
    [learner] = build([folder]).classes[0].learners
    assert learner.mastery()["contact"].scaled == 1.0 and learner.risky == 2
    lines = [json.loads(x) for p in folder.glob("*.jsonl") for x in p.read_text().splitlines()]
    assert len({s["id"] for s in lines}) == len(lines)


def test_completion_counts_every_assigned_pack_even_one_never_opened(class_folder: Path) -> None:
    from game.packs import bundled_paths, load_library

    bundled = load_library(bundled_paths(), {"school", "childline", "ceop", "report-harmful-content", "report-remove",
                                             "iwf", "report-fraud", "ncsc-phishing", "action-counters-terrorism",
                                             "police-emergency", "nspcc-helpline", "posh", "meic"})
    library = Library(packs=[tiny_loaded(), *bundled.packs])
    report = build([class_folder], library, ("tiny-pack", "content-7-11"))
    sam = next(learner for group in report.classes for learner in group.learners if learner.nickname == "Sam")
    extra = len(library.get("content-7-11").pack.scenarios)  # type: ignore[union-attr]
    assert sam.completion(report.scenario_counts, report.assigned) == (2, 2 + extra)
