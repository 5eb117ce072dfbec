"""Every screen by keyboard alone, a whole pack by keyboard and by mouse, help from anywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pygame

from game.engine import Phase


def test_title_to_picker_by_keyboard(make_app) -> None:
    app, driver = make_app()
    assert app.scene.name == "title" and pygame.display.get_caption()[0].startswith("Three Cs")
    driver.sign_in()
    assert app.scene.name == "picker" and app.store is not None and app.store.nickname == "Sam"


def test_an_empty_nickname_is_refused_with_a_message(make_app) -> None:
    app, driver = make_app()
    driver.press("play")
    driver.key(pygame.K_RETURN)
    assert app.scene.name == "who" and "nickname" in app.scene.error


def test_a_whole_pack_by_keyboard_saves_progress(make_app, tmp_path: Path) -> None:
    app, driver = make_app()
    driver.sign_in()
    driver.play_to_the_end("content-7-11", last_choice=True)
    assert app.scene.name == "summary"
    saved = json.loads(app.store.path.read_text())
    assert saved["packs"]["content-7-11"]["finished"] is True
    driver.press("certificate")
    certificate = next((tmp_path / "data" / "certificates").glob("content-7-11-*.png"))
    assert pygame.image.load(str(certificate)).get_size() == (1600, 1130)
    driver.press("back")
    assert app.scene.name == "picker"
    assert "Finished" in next(b for b in app.scene.buttons if b.key == "pack-content-7-11").note


def test_a_whole_pack_by_mouse(make_app) -> None:
    app, driver = make_app()
    driver.click_button("play")
    driver.type("Mo")
    driver.click_button("continue")
    assert app.scene.name == "picker"
    driver.click_button("pack-contact-7-11")
    for _ in range(400):
        scene = app.scene
        if scene.name == "summary":
            break
        if scene.showing_note() or scene.session.phase is not Phase.STEP:
            driver.click_button("continue")
        else:
            driver.click_button(f"choice-{scene.session.choices[0].id}")
    assert app.scene.name == "summary"
    assert app.store.status("contact-7-11") == "finished"


def test_quitting_mid_pack_resumes_at_the_same_step(make_app, tmp_path: Path) -> None:
    app, driver = make_app()
    driver.sign_in()
    driver.press("pack-contact-11-14")
    if app.scene.showing_note():
        driver.press("continue")
    driver.key(pygame.K_2)
    driver.press("continue")
    where = (app.scene.session.scenario_id, app.scene.session.step_id, app.scene.session.phase)
    app2, driver2 = make_app(data=tmp_path / "data")
    driver2.sign_in()
    driver2.press("pack-contact-11-14")
    session = app2.scene.session
    assert (session.scenario_id, session.step_id, session.phase) == where


def test_help_from_every_screen_returns_to_the_same_place(make_app) -> None:
    app, driver = make_app()
    visited = []

    def check_help() -> None:
        before = (app.scene, app.scene.focus, app.scene.scroll)
        driver.key(pygame.K_F1)
        assert app.scene.name == "help"
        visited.append(before[0].name)
        driver.escape()
        assert (app.scene, app.scene.focus, app.scene.scroll) == before

    check_help()  # title
    driver.press("settings")
    check_help()
    driver.press("done")
    driver.press("play")
    check_help()  # who
    driver.type("Sam")
    driver.key(pygame.K_RETURN)
    check_help()  # picker
    driver.press("pack-commerce-7-11")
    check_help()  # a step
    driver.key(pygame.K_1)
    check_help()  # feedback
    assert app.scene.help_ids()  # the feedback's own services come first
    driver.press("continue")
    while app.scene.session.phase is Phase.STEP:
        driver.key(pygame.K_1)
        driver.press("continue")
    check_help()  # scenario end
    driver.click_button("get-help")  # by mouse, from the top bar
    assert app.scene.name == "help"
    driver.press("close")
    assert visited == ["title", "settings", "who", "picker", "play", "play", "play"]


def test_esc_twice_is_a_quick_exit_to_a_neutral_screen(make_app) -> None:
    app, driver = make_app()
    driver.sign_in()
    driver.press("pack-content-7-11")
    driver.key(pygame.K_ESCAPE, times=2)
    assert app.scene.name == "neutral"
    drawn = pygame.display.get_surface()
    assert drawn is not None
    driver.key(pygame.K_F1)
    assert app.scene.name == "neutral"  # help does not give the game away
    driver.press("back")
    assert app.scene.name == "play"


def test_every_screen_is_reachable_and_leavable_by_keyboard(make_app) -> None:
    app, driver = make_app()
    seen = {app.scene.name}
    driver.press("settings")
    seen.add(app.scene.name)
    driver.escape()
    driver.press("class-mode")
    seen.add(app.scene.name)
    driver.press("pack-content-7-11")
    seen.add("class-" + app.scene.name)
    assert app.scene.class_mode
    driver.escape()
    assert app.scene.name == "picker"
    driver.escape()
    assert app.scene.name == "title"
    driver.sign_in()
    seen.add(app.scene.name)
    driver.key(pygame.K_F1)
    seen.add(app.scene.name)
    driver.escape()
    driver.play_to_the_end("commerce-7-11", last_choice=True)
    seen.add(app.scene.name)
    driver.press("back")
    driver.press("back")
    assert app.scene.name == "title"
    assert seen >= {"title", "settings", "picker", "class-play", "help", "summary"}


def test_touch_and_gamepad_work_like_clicks_and_keys(make_app) -> None:
    app, driver = make_app()
    button = next(b for b in app.scene.buttons if b.key == "settings")
    w, h = app.screen.get_size()
    pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, x=button.rect.centerx / w, y=button.rect.centery / h,
                                         finger_id=0, touch_id=0, dx=0, dy=0, pressure=1))
    driver.frame()
    assert app.scene.name == "settings"
    pygame.event.post(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_B,
                                         instance_id=0))
    driver.frame()
    assert app.scene.name == "title"
    pygame.event.post(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_Y,
                                         instance_id=0))
    driver.frame()
    assert app.scene.name == "help"


def test_no_answer_looks_chosen_when_a_step_opens(make_app) -> None:
    app, driver = make_app()
    driver.sign_in()
    driver.press("pack-commerce-7-11")
    assert app.scene.session.phase is Phase.STEP and not app.show_focus
    driver.key(pygame.K_RETURN)  # the first Enter only shows where focus is
    assert app.scene.session.phase is Phase.STEP and app.show_focus
    driver.key(pygame.K_RETURN)
    assert app.scene.session.phase is Phase.FEEDBACK
