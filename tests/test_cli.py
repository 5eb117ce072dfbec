"""The command-line contract in DESIGN.md, run as a user runs it (a separate process)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from packdata import SMALL_PACK

ROOT = Path(__file__).resolve().parents[1]


def threecs(*args: str, stdin: str = "", cwd: Path | None = None, env: dict | None = None) \
        -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env, timeout=120)


def test_validate_passes_on_the_bundled_packs() -> None:
    result = threecs("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stderr


def test_validate_reports_path_line_col_and_exits_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(SMALL_PACK.replace("outcome: unsafe", "outcome: risky"), encoding="utf-8")
    result = threecs("validate", str(bad))
    assert result.returncode == 1
    assert f"{bad}:24:22: 'outcome' must be one of" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_json_for_tools(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [", encoding="utf-8")
    report = json.loads(threecs("validate", "--json", str(bad)).stdout)
    assert report["ok"] is False and report["packs"][0]["problems"][0]["line"] == 1


def test_validate_a_missing_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = threecs("validate", str(tmp_path / "nope.yaml"))
    assert result.returncode == 1 and "no such file" in result.stdout and "Traceback" not in result.stderr


def test_packs_json_lists_the_library() -> None:
    report = json.loads(threecs("packs", "--json").stdout)
    first = report["packs"][0]
    assert set(first) >= {"id", "title", "category", "ages", "audience", "scenarios", "languages"}
    assert report["broken"] == []


def test_play_text_a_teachers_pack_file_to_the_end(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(SMALL_PACK, encoding="utf-8")
    result = threecs("play", "--text", "--pack", str(pack), "--data-dir", str(tmp_path / "data"),
                     "--name", "Sam", stdin="2\n1\n")
    assert result.returncode == 0, result.stderr
    assert "You finished the pack: Test pack" in result.stdout
    assert (tmp_path / "data" / "learners").is_dir()


def test_play_text_end_of_input_exits_zero(tmp_path: Path) -> None:
    result = threecs("play", "--text", "--pack", "content-7-11", "--data-dir", str(tmp_path), "--name", "Sam")
    assert result.returncode == 0 and "progress is saved" in result.stdout


def test_play_a_broken_pack_names_file_and_line(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(SMALL_PACK.replace("title: Test pack", "titel: Test pack"), encoding="utf-8")
    result = threecs("play", "--text", "--pack", str(pack), "--data-dir", str(tmp_path), "--name", "Sam")
    assert result.returncode == 2
    assert f"{pack}:3:1: unknown field 'titel': did you mean 'title'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_pack_id_and_bad_school_file_are_messages(tmp_path: Path) -> None:
    result = threecs("play", "--text", "--pack", "no-such-pack", "--data-dir", str(tmp_path))
    assert result.returncode == 2 and "No pack with id" in result.stderr
    school = tmp_path / "school.yaml"
    school.write_text("school: X\nregion: gb\n", encoding="utf-8")
    result = threecs("packs", "--school", str(school))
    assert result.returncode == 2 and "missing required field 'safeguarding_lead'" in result.stderr


def test_packs_lists_the_languages_each_pack_plays_in(tmp_path: Path) -> None:
    report = json.loads(threecs("packs", "--json").stdout)
    first = report["packs"][0]
    assert first["languages"][0] == "en-GB" and {"cy", "pl", "ur"} <= set(first["languages"])
    mine = tmp_path / "mine.yaml"
    mine.write_text(SMALL_PACK, encoding="utf-8")
    report = json.loads(threecs("packs", "--json", "--pack", str(mine)).stdout)
    assert next(p for p in report["packs"] if p["id"] == "test-pack")["languages"] == ["en-GB"]


def test_no_screen_says_how_to_play_in_the_terminal(tmp_path: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    result = threecs("play", "--data-dir", str(tmp_path), env=env)
    if sys.platform.startswith("linux"):
        assert result.returncode == 2 and "threecs play --text" in result.stderr
