"""``threecs screenshots OUTDIR``: every screen rendered to PNG, for docs and for checking.

Runs with any video driver (the dummy one on a server). Screens are reached
the way the game reaches them (scenes on the stack, sessions played through
the engine), so a picture shows what a learner would see.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.engine import Phase, Session
from game.i18n.packs import translate_pack

if TYPE_CHECKING:
    from game.cli import Context, LazyContext
    from game.ui.app import App

APP_KINDS = ("chat", "sms", "feed", "browser", "search", "email", "game", "video", "popup", "narration")


def make_app(context: Context, data_dir: Path, size: tuple[int, int] = (1280, 720), language: str = "en",
             text_scale: float = 1.0, high_contrast: bool = False) -> App:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.ui.app import App

    app = App(context, data_dir, size=size, language=language)
    app.settings.text_scale, app.settings.high_contrast = text_scale, high_contrast
    app.settings.reduced_motion = True
    app.configure()
    return app


def settle(app: App) -> None:
    """Lay out and draw the top scene completely (no transition in progress)."""
    app.transition_started = -1.0
    app.draw()


def steps_by_app(context: Context | LazyContext) -> dict[str, tuple[str, str, str]]:
    """For each app kind, the first (pack id, scenario id, step id) that shows it."""
    found: dict[str, tuple[str, str, str]] = {}
    for loaded in context.library.packs:
        for scenario in loaded.pack.scenarios:
            for step in scenario.steps:
                found.setdefault(step.screen.app, (loaded.pack.id, scenario.id, step.id))
    return found


def positioned(app: App, pack_id: str, scenario_id: str, step_id: str) -> Session:
    loaded = app.context.library.get(pack_id)
    assert loaded is not None
    session = Session(loaded.pack)
    session.start(scenario_id)
    session.step_id = step_id
    return session


def screens(app: App) -> Iterator[str]:
    """Puts each screen on top of the stack in turn and yields its name."""
    from game.ui.scenes.help import HelpScene
    from game.ui.scenes.neutral import NeutralScene
    from game.ui.scenes.picker import PickerScene
    from game.ui.scenes.play import PlayScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.summary import SummaryScene
    from game.ui.scenes.title import TitleScene
    from game.ui.scenes.who import WhoScene

    library = app.context.library
    app.stack.clear()
    app.push(TitleScene(app))
    yield "title"
    who = WhoScene(app)
    who.nickname = "StarFox"
    app.push(who)
    yield "who"
    app.pop()
    app.sign_in("StarFox")
    app.push(PickerScene(app))
    yield "picker"
    app.push(SettingsScene(app))
    yield "settings"
    app.pop()
    app.push(HelpScene(app, ["childline", "ceop"]))
    yield "help"
    app.pop()
    for kind, (pack_id, scenario_id, step_id) in sorted(steps_by_app(app.context).items()):
        loaded = library.get(pack_id)
        assert loaded is not None
        scene = PlayScene(app, loaded, positioned(app, pack_id, scenario_id, step_id))
        scene.noted.add(scenario_id)
        app.push(scene)
        yield f"app-{kind}"
        app.pop()
    noted = next(((p, s) for p in library.packs for s in p.pack.scenarios if s.content_note), None)
    if noted is not None:
        app.push(PlayScene(app, noted[0], positioned(app, noted[0].pack.id, noted[1].id, noted[1].steps[0].id)))
        yield "content-note"
        app.pop()
    loaded = library.packs[0]
    for outcome in ("safe", "mixed", "unsafe"):
        hit = next(((s, st, c) for s in loaded.pack.scenarios for st in s.steps for c in st.choices
                    if c.outcome == outcome), None)
        if hit is None:
            continue
        session = positioned(app, loaded.pack.id, hit[0].id, hit[1].id)
        session.choose(hit[2].id)
        app.push(PlayScene(app, loaded, session))
        yield f"feedback-{outcome}"
        app.pop()
    session = Session(translate_pack(loaded.pack))
    while session.phase is not Phase.PACK_END:
        if session.phase is Phase.STEP:
            session.choose(session.choices[0].id)
        elif session.phase is Phase.SCENARIO_END and session.next_scenario() is None:
            app.push(PlayScene(app, loaded, session))
            yield "scenario-end"
            app.pop()
            session.proceed()
        else:
            session.proceed()
    summary = SummaryScene(app, loaded, session)
    app.push(summary)
    yield "summary"
    app.pop()
    app.push(PickerScene(app, class_mode=True))
    yield "class-mode-picker"
    first = loaded.pack.scenarios[0]
    scene = PlayScene(app, loaded, Session(loaded.pack), class_mode=True)
    scene.noted.add(first.id)
    app.push(scene)
    yield "class-mode"
    app.pop()
    app.pop()
    app.push(NeutralScene(app))
    yield "quick-exit"
    app.pop()


def render_all(context: Context, out: Path, data_dir: Path, **options: object) -> list[Path]:
    from game.ui.scenes.summary import render_certificate

    out.mkdir(parents=True, exist_ok=True)
    app = make_app(context, data_dir, **options)  # type: ignore[arg-type]
    written = []
    for name in screens(app):
        settle(app)
        path = out / f"{name}.png"
        pygame.image.save(app.screen, str(path))
        written.append(path)
        if name == "summary":
            summary = app.scene
            cert = render_certificate(app.paint, "StarFox", summary.loaded, summary.session)  # type: ignore[attr-defined]
            pygame.image.save(cert, str(out / "certificate.png"))
            written.append(out / "certificate.png")
    pygame.quit()
    return written
