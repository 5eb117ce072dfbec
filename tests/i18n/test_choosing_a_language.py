"""The language comes from the computer on the first run, from --lang, or from settings; it is remembered,
and the terminal player speaks it too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from game.i18n import set_language, system_language

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str] | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "game", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, env=environment, timeout=120)


def test_the_system_language_is_used_when_we_ship_it(monkeypatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "pl_PL.UTF-8")
    assert system_language() == "pl"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert system_language() in ("en", "pl", "cy", "ur")  # German is not shipped: never chosen


def test_first_run_takes_the_computers_language_and_remembers_it(make_app_for_language, tmp_path: Path,
                                                                  monkeypatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "cy_GB.UTF-8")
    app = make_app_for_language(tmp_path)
    assert app.settings.language == "cy"
    assert json.loads((tmp_path / "settings.json").read_text())["language"] == "cy"


def test_the_terminal_player_speaks_the_chosen_language(tmp_path: Path) -> None:
    result = run("play", "--text", "--lang", "pl", "--pack", "commerce-11-19", "--data-dir", str(tmp_path),
                 "--name", "Ola", stdin="1\n")
    assert result.returncode == 0, result.stderr
    assert "Grasz jako Ola." in result.stdout and "Wpisz liczbę" in result.stdout


def test_the_terminal_player_uses_the_language_chosen_in_the_game(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({"version": 1, "language": "pl"}))
    result = run("play", "--text", "--pack", "commerce-11-19", "--data-dir", str(tmp_path), "--name", "Ola",
                 env={"LANG": "C.UTF-8"})
    assert "Grasz jako Ola." in result.stdout
    set_language("en")
