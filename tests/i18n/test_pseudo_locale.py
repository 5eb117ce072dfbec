"""The pseudo-locale finds any text on screen that was never marked for translation, and text that
would not fit once translated (accented and about 40% longer)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from uicheck import overflowing

from game.i18n import set_language
from game.ui.screenshots import make_app, screens, settle

PSEUDO_MARK = re.compile(r"[áçéîñöšüýÁÇÉÎÑÖŠÜÝ~\[\]]")


def names_that_stay(context) -> set[str]:
    """Words that are right to leave untranslated: names, addresses, the product's name."""
    keep = {"Three Cs", "StarFox"}
    for loaded in context.library.packs:
        for scenario in loaded.pack.scenarios:
            for step in scenario.steps:
                keep.update(filter(None, [step.screen.address]))
                keep.update(m.from_ for m in step.screen.messages)
    for service in context.directory.all_services():
        keep.add(service.name)
    return keep


@pytest.fixture
def pseudo_app(context, tmp_path: Path):
    app = make_app(context, tmp_path, language="qps", text_scale=2.0, size=(1280, 720))
    yield app
    set_language("en")


def test_every_string_on_every_screen_is_marked_for_translation(pseudo_app, context) -> None:
    keep = names_that_stay(context)
    unmarked: dict[str, str] = {}
    for name in screens(pseudo_app):
        pseudo_app.type.record = []
        settle(pseudo_app)
        for drawn in pseudo_app.type.record:
            text = drawn.text
            if PSEUDO_MARK.search(text) or not re.search(r"[A-Za-z]{3,}", text):
                continue
            if re.search(r"\S@\S|\w\.[a-z]{2,}", text):  # an email or web address, maybe wrapped
                continue
            if any(text in name or name in text for name in keep if name):
                continue
            unmarked.setdefault(text, name)
    assert not unmarked, f"text not marked for translation: {unmarked}"


def test_longer_pseudo_text_still_fits_its_boxes(pseudo_app) -> None:
    problems = {name: overflowing(pseudo_app)[:3] for name in screens(pseudo_app)}
    assert not {k: v for k, v in problems.items() if v}
