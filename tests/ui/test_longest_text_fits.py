"""The validator's length limits are the longest text that fits: a pack with every text at its limit
shows with nothing outside its box at 200% on the smallest window, in every app kind."""

from __future__ import annotations

from pathlib import Path

import pytest
from uicheck import overflowing

from game.engine import Session
from game.packs import LoadedPack
from game.packs.model import Limit, Pack
from game.ui.screenshots import make_app

APPS = ("chat", "sms", "feed", "browser", "search", "email", "game", "video", "popup", "narration")


def words(limit: int) -> str:
    text = ""
    while len(text) + 12 <= limit:
        text += "Wonderful   "[: 10 if len(text) % 3 else 11] + " "
    return (text + "W" * limit)[:limit].strip() or "W"


def longest_pack() -> Pack:
    message = {"from": words(Limit.NAME), "text": words(Limit.MESSAGE), "time": words(Limit.TIME)}
    screen_base = {"title": words(Limit.SCREEN_TITLE), "contact": words(Limit.NAME), "address": words(Limit.ADDRESS),
                   "subject": words(Limit.ADDRESS), "query": words(Limit.ADDRESS), "caption": words(Limit.CAPTION),
                   "buttons": [words(Limit.BUTTON)] * 6, "messages": [message] * 12}
    choices = [{"id": f"c{i}", "text": words(Limit.CHOICE), "outcome": "safe", "feedback": words(Limit.FEEDBACK)}
               for i in range(6)]
    steps = [{"id": f"s-{app}", "screen": {"app": app, **screen_base}, "prompt": words(Limit.PROMPT),
              "choices": choices} for app in APPS]
    return Pack.model_validate({
        "format": 1, "id": "longest", "title": words(Limit.PACK_TITLE), "summary": words(Limit.SUMMARY),
        "category": "contact", "ages": "11-14", "content_note": words(Limit.CONTENT_NOTE),
        "scenarios": [{"id": "all", "title": words(Limit.SCENARIO_TITLE), "content_note": words(Limit.CONTENT_NOTE),
                       "discuss": [words(Limit.DISCUSS)] * 3, "steps": steps}],
    })


@pytest.mark.parametrize("size", [(800, 600), (1280, 720)])
def test_every_longest_text_fits_at_200_percent(context, tmp_path: Path, size) -> None:
    from game.ui.scenes.play import PlayScene

    pack = longest_pack()
    loaded = LoadedPack(pack, tmp_path / "longest.yaml", None)
    app = make_app(context, tmp_path, size=size, text_scale=2.0)
    problems = {}
    for app_kind in APPS:
        session = Session(pack)
        session.step_id = f"s-{app_kind}"
        scene = PlayScene(app, loaded, session)
        scene.noted.add("all")
        app.push(scene)
        found = overflowing(app)
        session.choose("c0")
        scene.dirty_layout = True
        found += overflowing(app)
        if found:
            problems[app_kind] = found[:2]
        app.pop()
    assert not problems, problems
