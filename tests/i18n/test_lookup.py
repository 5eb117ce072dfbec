"""Pack text by its ids in the learner's language, falling back to the pack's own text; Babel formats."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from packdata import SMALL_PACK

import game.i18n as i18n
from game.i18n import format_percent, pseudo, set_language
from game.i18n.packs import translate_pack
from game.packs.model import Pack


@pytest.fixture
def welsh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    catalog = Catalog(locale="cy")
    catalog.add("Test pack", "Pecyn prawf", context="test-pack/title")
    catalog.add("Keep it to the game", "Cadw fe yn y gêm", context="test-pack/gamer-tag/start/keep-private/text")
    catalog.add("An old prompt", "Hen gwestiwn", context="test-pack/gamer-tag/start/prompt")
    folder = tmp_path / "cy" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with open(folder / "threecs.mo", "wb") as handle:
        write_mo(handle, catalog)
    monkeypatch.setattr(i18n, "locales_dir", lambda: tmp_path)
    set_language("cy")
    yield
    set_language("en")


def pack() -> Pack:
    return Pack.model_validate(yaml.safe_load(SMALL_PACK))


def test_pack_text_is_looked_up_by_ids(welsh) -> None:
    translated = translate_pack(pack())
    assert translated.title == "Pecyn prawf"
    assert translated.scenarios[0].steps[0].choices[1].text == "Cadw fe yn y gêm"


def test_untranslated_and_edited_text_falls_back_to_the_pack(welsh) -> None:
    translated = translate_pack(pack())
    assert translated.summary == "A small pack for tests."  # never translated
    assert translated.scenarios[0].steps[0].prompt == "What do you do?"  # source edited since translation


def test_ids_and_scores_survive_translation(welsh) -> None:
    from game.engine import Session

    session = Session(translate_pack(pack()))
    session.choose("keep-private")
    assert session.last_feedback is not None and session.snapshot()["pack"] == "test-pack"


def test_pseudo_locale_is_accented_longer_and_keeps_placeholders() -> None:
    text = pseudo("Scenario {n} of {count}")
    assert "{n}" in text and "{count}" in text and "Šçéñárîö" in text
    assert len(text) >= len("Scenario {n} of {count}") * 1.3


@pytest.mark.parametrize("lang, expected", [("en", "50%"), ("pl", "50%"), ("cy", "50%")])
def test_percentages_follow_the_locale(lang: str, expected: str) -> None:
    i18n._language = lang
    try:
        assert format_percent(0.5).replace("\xa0", "") == expected
    finally:
        i18n._language = "en"


def test_dates_follow_the_locale() -> None:
    from babel.dates import format_date

    i18n._language = "cy"
    try:
        assert "Tachwedd" in format_date(date(2026, 11, 29), format="long", locale=i18n.locale_name())
    finally:
        i18n._language = "en"
