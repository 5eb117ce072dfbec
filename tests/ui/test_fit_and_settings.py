"""Text stays inside its box at every size; themes meet contrast; settings are remembered;
resizing keeps the state; broken packs show on screen; authors' preview reloads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest
from packdata import SMALL_PACK
from uicheck import overflowing

from game.i18n import set_language
from game.ui.screenshots import make_app as make_shot_app
from game.ui.screenshots import screens, settle
from game.ui.theme import TEXT_PAIRS, contrast, load_theme


@pytest.mark.parametrize("size, scale, language", [
    ((1280, 720), 2.0, "en"), ((800, 600), 2.0, "en"), ((1920, 1080), 1.0, "en"), ((800, 600), 2.0, "ur"),
    ((1280, 720), 2.0, "ur"), ((800, 600), 2.0, "cy"), ((800, 600), 2.0, "pl"), ((1280, 720), 1.0, "pl"),
])
def test_no_text_outside_its_box_on_every_screen(context, tmp_path: Path, size, scale, language, request) -> None:
    app = make_shot_app(context, tmp_path, size=size, text_scale=scale, language=language)
    request.addfinalizer(lambda: set_language("en"))
    problems = {}
    names = []
    for name in screens(app):
        names.append(name)
        found = overflowing(app)
        if found:
            problems[name] = found[:3]
    assert len(names) >= 20
    assert not problems, problems


@pytest.mark.parametrize("high, minimum", [(False, 4.5), (True, 7.0)])
def test_every_text_colour_meets_its_contrast_ratio(high: bool, minimum: float) -> None:
    theme = load_theme(high)
    weak = {f"{fg} on {bg}": round(contrast(theme[fg], theme[bg]), 2) for fg, bg in TEXT_PAIRS
            if contrast(theme[fg], theme[bg]) < minimum}
    assert not weak, weak


def test_contrast_is_computed_as_wcag_says() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


def test_settings_are_remembered_between_runs(make_app, tmp_path: Path) -> None:
    app, driver = make_app()
    driver.press("settings")
    driver.focus_on("setting-text_scale")
    driver.key(pygame.K_RIGHT, times=2)
    driver.press("setting-high_contrast")
    driver.press("setting-font")
    assert app.settings.text_scale == 1.5 and app.settings.high_contrast and app.settings.font == "dyslexia"
    assert app.paint.theme.name == "high-contrast" and app.type.family == "dyslexia"
    again, _driver = make_app(data=tmp_path / "data")
    assert (again.settings.text_scale, again.settings.high_contrast, again.settings.font) == (1.5, True, "dyslexia")


def test_language_changes_at_once_without_restarting(make_app) -> None:
    app, driver = make_app()
    driver.press("settings")
    driver.focus_on("setting-language")
    driver.key(pygame.K_RIGHT, times=3)
    assert app.settings.language == "ur" and app.type.rtl
    driver.escape()
    assert app.scene.name == "title"


def test_read_aloud_without_the_speech_extra_says_unavailable(make_app) -> None:
    app, driver = make_app()
    app.speaker.available = False
    driver.press("settings")
    button = next(b for b in app.scene.buttons if b.key == "setting-read_aloud")
    assert "Not available" in button.label and not button.enabled


def test_a_resize_mid_scenario_keeps_the_state(make_app) -> None:
    app, driver = make_app()
    driver.sign_in()
    driver.press("pack-commerce-7-11")
    driver.key(pygame.K_1)
    before = app.scene.session.snapshot()
    for size in ((800, 600), (1920, 1080), (1280, 720)):
        pygame.display.set_mode(size, pygame.RESIZABLE)
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
        driver.frame()
        assert app.screen.get_size() == size
        assert app.scene.session.snapshot() == before and app.scene.name == "play"
        assert not overflowing(app)


def test_a_broken_pack_is_listed_not_hidden_and_not_fatal(context, tmp_path: Path) -> None:
    import argparse

    from game.cli import load_context

    bad = tmp_path / "packs"
    bad.mkdir()
    (bad / "mine.yaml").write_text(SMALL_PACK.replace("title: Test pack", "titel: Test pack"), encoding="utf-8")
    ctx = load_context(argparse.Namespace(data_dir=None, school=None, pack=None, lang=None))
    from game.packs import load_library

    ctx.library = load_library([*[p.folder or p.path for p in ctx.library.packs], bad],
                               ctx.directory.known_ids())
    app = make_shot_app(ctx, tmp_path / "data")
    from game.ui.scenes.picker import PickerScene

    app.sign_in("Sam")
    app.push(PickerScene(app))
    settle(app)
    app.scene.scroll = 10**6  # the end of the list, where broken packs are shown
    app.scene.clamp_scroll()
    app.type.record = []
    settle(app)
    text = "".join(d.text for d in app.type.record).replace(" ", "")  # long paths wrap mid-word
    assert "leftout" in text and "mine.yaml:3:1:" in text and "unknownfield'titel'" in text


def test_the_preview_reloads_a_saved_pack_and_shows_errors_on_screen(context, tmp_path: Path) -> None:
    import os

    from game.packs import LoadedPack, load_pack
    from game.ui.scenes.play import start_pack

    path = tmp_path / "mine.yaml"
    path.write_text(SMALL_PACK, encoding="utf-8")
    loaded = load_pack(path, context.directory.known_ids())
    assert isinstance(loaded, LoadedPack)
    app = make_shot_app(context, tmp_path / "data")
    start_pack(app, loaded, watch=True)
    scene = app.scene
    assert scene.name == "play" and scene.watch
    path.write_text(SMALL_PACK.replace("What do you do?", "What would you do?").replace("outcome: mixed",
                                                                                        "outcome: maybe"))
    os.utime(path, (1, 1))
    scene.check_reload()
    assert scene.problems and scene.problems[0].line > 1
    app.type.record = []
    settle(app)
    assert any("maybe" in d.text for d in app.type.record)
    path.write_text(SMALL_PACK.replace("What do you do?", "What would you do?"))
    os.utime(path, (2, 2))
    scene.check_reload()
    assert not scene.problems and scene.session.step.prompt == "What would you do?"


def test_the_screenshots_command_writes_every_screen(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "shots"
    result = subprocess.run([sys.executable, "-m", "game", "screenshots", str(out)], capture_output=True,
                            text=True, timeout=300, cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr
    names = {p.stem for p in out.glob("*.png")}
    kinds = {"chat", "sms", "feed", "browser", "search", "email", "game", "video", "popup", "narration"}
    assert {f"app-{k}" for k in kinds} <= names
    assert {"title", "who", "picker", "help", "settings", "feedback-safe", "feedback-unsafe", "summary",
            "certificate", "class-mode", "quick-exit", "scenario-end"} <= names
    shutil.rmtree(out)


def test_class_mode_is_large_and_shows_no_scores(make_app) -> None:
    app, driver = make_app()
    normal = app.type.px("body")
    driver.press("class-mode")
    assert app.type.px("body") >= normal * 1.5
    driver.press("pack-commerce-7-11")
    scene = app.scene
    assert scene.class_mode
    while scene.session.phase.value == "step" or scene.session.phase.value == "feedback":
        if scene.session.phase.value == "step":
            driver.key(pygame.K_1)
        else:
            driver.press("continue")
    app.type.record = []
    settle(app)
    text = " ".join(d.text for d in app.type.record)
    assert "Talk about it" in text and "Your scores" not in text
    assert not app.store or app.store.status("commerce-7-11") == "new"  # nothing saved in class mode
    driver.escape()
    driver.escape()
    assert app.scene.name == "title" and app.type.px("body") == normal
