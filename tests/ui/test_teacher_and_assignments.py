"""Teachers in the game: hold T on the title, make an assignment code; learners type the code."""

from __future__ import annotations

import json
import time

import pygame


def hold_t(app, driver, seconds: float) -> None:
    """Key repeat sends KEYDOWN again and again while a key is held."""
    start = time.monotonic()
    scene = app.scene
    driver.key(pygame.K_t)
    scene.t_held_since = start - seconds  # as if the first press was that long ago
    driver.key(pygame.K_t)


def test_a_short_press_of_t_does_nothing(make_app) -> None:
    app, driver = make_app()
    driver.key(pygame.K_t)
    assert app.scene.name == "title"


def test_holding_t_opens_the_teacher_screen_and_makes_a_code(make_app, tmp_path) -> None:
    app, driver = make_app()
    hold_t(app, driver, 2.1)
    assert app.scene.name == "teacher"
    driver.focus_on("class")
    driver.type("7B")
    driver.press("assign-content-7-11")
    driver.press("assign-contact-7-11")
    driver.press("make")
    text = " ".join(line for line, *_rest in app.scene.message)
    assert "Assignment code: 7B-" in text
    saved = next((tmp_path / "data" / "assignments").glob("7B*"))
    assert json.loads(saved.read_text())["packs"] == ["content-7-11", "contact-7-11"]
    code = text.split("Assignment code: ")[1].split()[0]

    learner, learner_driver = make_app(data=tmp_path / "learner")
    learner_driver.press("play")
    learner_driver.type("Sam")
    learner_driver.focus_on("code")
    learner_driver.type(code)
    learner_driver.key(pygame.K_RETURN)
    assert learner.scene.name == "picker"
    packs = [b.key for b in learner.scene.buttons if b.key.startswith("pack-")]
    assert packs[:2] == ["pack-content-7-11", "pack-contact-7-11"]
    assert any("7B" in notice for notice in learner.notices)


def test_a_mistyped_code_is_caught_with_a_message(make_app) -> None:
    app, driver = make_app()
    driver.press("play")
    driver.type("Sam")
    driver.focus_on("code")
    driver.type("7B-K3PQ-9Y")
    driver.key(pygame.K_RETURN)
    assert app.scene.name == "who" and app.scene.error


def test_playing_writes_xapi_results(make_app, tmp_path) -> None:
    app, driver = make_app()
    driver.sign_in()
    driver.press("pack-commerce-7-11")
    driver.key(pygame.K_1)
    lines = [json.loads(line) for f in (tmp_path / "data" / "results").rglob("*.jsonl")
             for line in f.read_text().splitlines()]
    assert any(s["verb"]["id"].endswith("answered") for s in lines)
    assert all("mbox" not in s["actor"] for s in lines)


def test_assignment_given_on_the_command_line_puts_its_packs_first(context, tmp_path) -> None:
    from game.records.teacher import make_assignment, publish
    from game.ui.app import App
    from game.ui.scenes.picker import PickerScene

    made = publish(make_assignment("8C", ["conduct-11-14"], context.library), tmp_path / "8C.json", tmp_path)
    app = App(context, tmp_path / "data")
    problem = app.use_assignment(str(made.path))
    assert problem == "" and app.assigned_ids == ["conduct-11-14"]
    app.sign_in("Sam")
    app.push(PickerScene(app))
    app.draw()
    assert [b.key for b in app.scene.buttons if b.key.startswith("pack-")][0] == "pack-conduct-11-14"
    assert context.library is not app.library  # the game's shared library is left in its own order
    app.speaker.close()


def test_a_long_press_on_the_title_opens_the_teacher_screen(make_app) -> None:
    app, driver = make_app()
    empty = (5, app.screen.get_height() - 5)  # no button there
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=empty, touch=False))
    driver.frame()
    assert app.scene.name == "title"
    app.input._pressed_at -= 2.5  # as if held for two and a half seconds
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=empty, touch=False))
    driver.frame()
    assert app.scene.name == "teacher"


def test_a_short_click_on_the_title_does_not(make_app) -> None:
    app, driver = make_app()
    empty = (5, app.screen.get_height() - 5)
    driver.click(empty)
    assert app.scene.name == "title"


def test_a_learner_at_home_saves_a_results_file_to_hand_in(make_app, tmp_path) -> None:
    app, driver = make_app()
    driver.sign_in()
    driver.play_to_the_end("commerce-7-11")
    driver.press("hand-in")
    [handed] = (tmp_path / "data" / "hand-in").glob("*.jsonl")
    statements = [json.loads(line) for line in handed.read_text().splitlines()]
    assert statements and {s["actor"]["account"]["name"] for s in statements} == {"Sam"}
    assert "give this file to your teacher" in app.scene.handed_in
