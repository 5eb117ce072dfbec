"""The shipped languages are complete: every entry translated, none fuzzy; a whole pack plays in each."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
ENGLISH_UI = ("Type a number", "Where to get help", "Your scores for", "You chose", "End of scenario",
              "Playing as", "Who can help with this")


@pytest.mark.parametrize("lang", ["cy", "pl", "ur"])
def test_no_untranslated_or_fuzzy_entries(lang: str) -> None:
    with open(ROOT / "locales" / lang / "LC_MESSAGES" / "threecs.po", "rb") as handle:
        catalog = read_po(handle)
    missing, fuzzy = [], []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (tuple, list)) else [message.string]
        if not all(strings):
            missing.append(message.context or message.id)
        if message.fuzzy:
            fuzzy.append(message.context or message.id)
    assert not missing and not fuzzy, f"{len(missing)} untranslated, e.g. {missing[:5]}; {len(fuzzy)} fuzzy"


@pytest.mark.parametrize("lang", ["cy", "pl", "ur"])
def test_a_whole_pack_plays_in_the_language(lang: str, tmp_path: Path) -> None:
    answers = "\n".join(["1"] * 80) + "\n"
    result = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--lang", lang, "--pack", "content-7-11",
                             "--data-dir", str(tmp_path), "--name", "Sam"], input=answers, capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    english = [phrase for phrase in ENGLISH_UI if phrase in result.stdout]
    assert not english, f"English left in the {lang} play-through: {english}"
    assert "What you see online" not in result.stdout  # the pack's own title is translated too
