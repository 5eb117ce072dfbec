"""Assignments: the file (with a teacher's own packs inside), the code, and playing one in the terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from recpacks import TINY_PACK, write_tiny

from game.help import HelpDirectory, load_directory
from game.packs import Library, bundled_paths, load_library
from game.records.assignment import Assignment, AssignmentError, load, open_assignment, save
from game.records.playing import arrange_library
from game.records.teacher import latest_report, make_assignment, make_report, publish, report_sources

ROOT = Path(__file__).resolve().parents[2]
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")


def threecs(*args: str, stdin: str = "", cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def folder_pack(where: Path) -> Path:
    folder = where / "photo-pack"
    folder.mkdir(parents=True)
    text = TINY_PACK.replace("id: tiny-pack", "id: photo-pack").replace(
        "screen: {app: narration, messages: [{from: system, text: Someone offers free coins.}]}",
        "screen: {app: narration, image: coin.png, alt: A pile of gold coins, "
        "messages: [{from: system, text: Someone offers free coins.}]}")
    (folder / "pack.yaml").write_text(text, encoding="utf-8")
    (folder / "coin.png").write_bytes(PNG)
    return folder


OwnLibrary = tuple[Library, HelpDirectory, Path, Path]


@pytest.fixture
def library_with_own(tmp_path: Path) -> OwnLibrary:
    own_file = write_tiny(tmp_path / "teacher")
    own_folder = folder_pack(tmp_path / "teacher")
    directory = load_directory()
    library = load_library([*bundled_paths(), own_file, own_folder], directory.known_ids())
    assert not library.broken, library.broken
    return library, directory, own_file, own_folder


def test_the_file_carries_the_teachers_own_packs_and_reads_back(tmp_path: Path, library_with_own: OwnLibrary) -> None:
    library, directory, own_file, own_folder = library_with_own
    assignment = make_assignment("7b", ["content-7-11"], library, own_pack_paths=[own_file, own_folder],
                                 results="class-7b", lang="cy", due=date(2025, 3, 14))
    path = tmp_path / "out" / "a.json"
    save(assignment, path)
    raw = json.loads(path.read_text())
    assert raw["version"] == 1 and raw["class"] == "7B" and raw["packs"] == ["tiny-pack", "photo-pack", "content-7-11"]
    back = load(path)
    assert back.packs == assignment.packs and back.due == date(2025, 3, 14) and back.lang == "cy"
    assert back.results_folder() == path.parent / "class-7b"  # relative to the file, wherever it travels
    assert back.code is not None and back.code.startswith("7B-") and not back.code_covers_all
    # On a learner's computer that has none of the teacher's files:
    home = tmp_path / "learner"
    fresh = load_library(bundled_paths(), directory.known_ids())
    assigned, notices = arrange_library(back, fresh, directory, home)
    assert [p.pack.id for p in assigned] == ["tiny-pack", "photo-pack", "content-7-11"] and notices == []
    assert [p.pack.id for p in fresh.packs[:3]] == ["tiny-pack", "photo-pack", "content-7-11"]
    photo = fresh.get("photo-pack")
    assert photo is not None and photo.folder is not None and (photo.folder / "coin.png").read_bytes() == PNG


def test_damaged_newer_and_missing_files_are_clear_messages(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(AssignmentError, match="not an assignment file"):
        load(path)
    path.write_text(json.dumps({"format": "threecs-assignment", "version": 99, "class": "7B", "packs": ["x"]}))
    with pytest.raises(AssignmentError, match="newer version"):
        load(path)
    path.write_text(json.dumps({"format": "threecs-assignment", "version": 1, "class": "7B", "packs": []}))
    with pytest.raises(AssignmentError, match="damaged"):
        load(path)
    path.write_text(json.dumps({"format": "threecs-assignment", "version": 1, "class": "7B", "packs": ["x"],
                                "own_packs": [{"id": "x", "files": {"../../evil": {"text": "boo"}}}]}))
    with pytest.raises(AssignmentError, match="damaged"):
        load(path)
    with pytest.raises(AssignmentError, match="not found"):
        open_assignment(str(tmp_path / "gone.json"))
    with pytest.raises(AssignmentError, match="mistake"):
        open_assignment("7B-M4CP-EY")
    assert open_assignment("7b-m4cp-ex") == Assignment("7B", ("content-7-11", "contact-7-11"))


def test_the_teacher_screen_functions_make_a_code_and_the_latest_report(tmp_path: Path,
                                                                        library_with_own: OwnLibrary) -> None:
    library = library_with_own[0]
    data = tmp_path / "teacher-data"
    shared = tmp_path / "share" / "7B"
    made = publish(make_assignment("7B", ["content-7-11", "contact-7-11"], library, results=str(shared)),
                   tmp_path / "7b.json", data)
    assert made.code == "7B-M4CP-EX" and not made.code_is_partial and shared.is_dir()
    assert report_sources(data) == [shared]  # the data folder has no results of its own yet
    assert latest_report(data) is None
    page = make_report(report_sources(data), data, library)
    assert latest_report(data) == page and page.with_suffix(".csv").exists()


def test_assign_then_play_by_code_in_the_terminal(tmp_path: Path) -> None:
    shared = tmp_path / "share"
    result = threecs("assign", "--class", "7B", "--pack", "content-7-11", "contact-7-11", "--results", str(shared),
                     "--due", "2025-03-14", "--out", str(tmp_path / "7b.json"), "--data-dir", str(tmp_path / "t"))
    assert result.returncode == 0, result.stderr
    code = result.stdout.strip()
    assert code == "7B-M4CP-EX" and (tmp_path / "7b.json").exists() and "7b.json" in result.stderr
    # With the file: results go to the class folder too. With the code (at home): only to the data folder.
    by_file = threecs("play", "--text", "--assignment", str(tmp_path / "7b.json"), "--name", "Sam",
                      "--data-dir", str(tmp_path / "sam"), stdin="1\n2\n")
    assert by_file.returncode == 0, by_file.stderr
    assert "Assignment for class 7B, due 14 March 2025." in by_file.stdout
    assert "1. What you see online" in by_file.stdout and "(assigned)" in by_file.stdout
    assert len(list(shared.glob("sam-*.jsonl"))) == 1
    by_code = threecs("play", "--text", "--assignment", code.lower(), "--name", "Ali",
                      "--data-dir", str(tmp_path / "ali"), stdin="2\n1\n")
    assert by_code.returncode == 0, by_code.stderr
    assert len(list((tmp_path / "ali" / "results").glob("ali-*.jsonl"))) == 1
    assert len(list(shared.glob("*.jsonl"))) == 1
    wrong = threecs("play", "--text", "--assignment", "7B-M4CP-EY", "--name", "Ali")
    assert wrong.returncode == 2 and "has a mistake in it" in wrong.stderr and "Traceback" not in wrong.stderr


def test_assign_mistakes_are_messages(tmp_path: Path) -> None:
    result = threecs("assign", "--class", "Year Nine Blue", "--pack", "content-7-11", "--out", str(tmp_path / "a.json"))
    assert result.returncode == 2 and "at most 8" in result.stderr and "Traceback" not in result.stderr
    result = threecs("assign", "--class", "7B", "--pack", "no-such-pack", "--out", str(tmp_path / "a.json"))
    assert result.returncode == 2 and "No pack with id 'no-such-pack'" in result.stderr
    result = threecs("assign", "--class", "7B", "--pack", "content-7-11", "--due", "14/3/25",
                     "--out", str(tmp_path / "a.json"))
    assert result.returncode == 2 and "year-month-day" in result.stderr


def test_a_learner_exports_results_to_hand_in(tmp_path: Path) -> None:
    threecs("play", "--text", "--pack", "content-7-11", "--name", "Sam", "--data-dir", str(tmp_path), stdin="1\n1\n")
    out = tmp_path / "hand-in.jsonl"
    result = threecs("results", "--export", str(out), "--name", "Sam", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "hand this file to your teacher" in result.stdout and len(out.read_text().splitlines()) >= 2
    result = threecs("results", "--send", "--data-dir", str(tmp_path))
    assert result.returncode == 2 and "does not name a learning record store" in result.stderr
