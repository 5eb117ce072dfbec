"""A real App on the dummy video driver, driven by posting real key and mouse events."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from game.cli import Context  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.scenes.title import TitleScene  # noqa: E402


class Driver:
    """Presses keys and clicks like a person, then lets the app run one frame."""

    def __init__(self, app: App) -> None:
        self.app = app

    def frame(self) -> None:
        self.app.step(pygame.event.get())
        self.app.transition_started = -1.0

    def key(self, key: int, mod: int = 0, times: int = 1) -> None:
        for _ in range(times):
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
            pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
            self.frame()

    def escape(self) -> None:
        """Esc after a pause (a single Esc is Back; two quick ones are the quick exit)."""
        self.app.input._last_escape = -10.0
        self.key(pygame.K_ESCAPE)

    def type(self, text: str) -> None:
        for ch in text:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
            self.frame()

    def click(self, pos: tuple[int, int]) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos, touch=False))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=pos, touch=False))
        self.frame()

    def click_button(self, key: str) -> None:
        """Scroll a button into view as a person would (wheel), then click its middle."""
        scene = self.app.scene
        button = next(b for b in scene.buttons if b.key == key)
        if not button.fixed:
            scene.reveal(button.rect)
            self.app.draw()
            pos = (button.rect.centerx, button.rect.centery - scene.scroll)
        else:
            pos = button.rect.center
        self.click(pos)

    def focus_on(self, key: str) -> None:
        """Tab until the button with ``key`` has focus (as a keyboard user would)."""
        for _ in range(200):
            focused = self.app.scene.focused()
            if focused is not None and focused.key == key:
                return
            self.key(pygame.K_TAB)
        raise AssertionError(f"no focusable {key!r} on {self.app.scene.name}: "
                             f"{[b.key for b in self.app.scene.buttons]}")

    def press(self, key: str) -> None:
        self.focus_on(key)
        self.key(pygame.K_RETURN)

    def sign_in(self, name: str = "Sam") -> None:
        """From the title: Play, type a nickname, Enter."""
        self.press("play")
        self.type(name)
        self.key(pygame.K_RETURN)

    def play_to_the_end(self, pack_id: str, last_choice: bool = False) -> None:
        """From the picker: open a pack and answer every step by its number key until the summary."""
        from game.engine import Phase

        self.press(f"pack-{pack_id}")
        assert self.app.scene.name == "play"
        for _ in range(400):
            scene = self.app.scene
            if scene.name == "summary":
                return
            if scene.showing_note() or scene.session.phase is not Phase.STEP:
                self.press("continue")
            else:
                self.key(pygame.K_1 + (len(scene.session.choices) - 1 if last_choice else 0))
        raise AssertionError(f"{pack_id} did not end")


@pytest.fixture
def make_app(context: Context, tmp_path: Path) -> Iterator:
    apps: list[App] = []

    def make(size: tuple[int, int] = (1280, 720), text_scale: float | None = None, language: str = "en",
             data: Path | None = None) -> tuple[App, Driver]:
        app = App(context, data or tmp_path / "data", size=size, language=language)
        app.settings.reduced_motion = True
        if text_scale is not None:
            app.settings.text_scale = text_scale
        app.configure()
        app.push(TitleScene(app))
        driver = Driver(app)
        driver.frame()
        apps.append(app)
        return app, driver

    yield make
    for app in apps:
        app.speaker.close()
    pygame.quit()
