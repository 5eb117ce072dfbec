"""Keys, mouse, touch and gamepad turned into the few actions every screen understands.

Screens never look at raw events (except typed text), so each one works by
keyboard alone, by mouse, by touch and by gamepad without extra code.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

import pygame

QUICK_EXIT_SECONDS = 0.8


class Act(str, Enum):
    NEXT = "next"  # Tab, Down, Right
    PREV = "prev"  # Shift+Tab, Up, Left
    LEFT = "left"
    RIGHT = "right"
    ACTIVATE = "activate"  # Enter, Space, gamepad A, a click or tap on the focused thing
    BACK = "back"  # Esc, gamepad B
    HELP = "help"  # F1, gamepad Y
    QUICK_EXIT = "quick-exit"  # Esc twice quickly
    FULLSCREEN = "fullscreen"  # F11
    NUMBER = "number"  # 1..9
    POINT = "point"  # a click or tap at pos
    HOVER = "hover"
    SCROLL = "scroll"  # wheel or page keys; amount > 0 is down
    TEXT = "text"  # typed characters (for the nickname box)
    ERASE = "erase"  # Backspace
    KEY = "key"  # any other key (screens that want a letter: the teacher entrance)
    HOLD = "hold"  # a press held down for a while, then let go (``amount`` is milliseconds)


class Action(NamedTuple):
    act: Act
    number: int = 0
    pos: tuple[int, int] = (0, 0)
    amount: int = 0
    text: str = ""
    key: int = 0


class InputMap:
    """Stateful only for what needs time: Esc twice, and long key holds."""

    def __init__(self) -> None:
        self._last_escape = -10.0
        self._touch_size = (1, 1)
        self._pressed_at: float | None = None

    def set_window(self, size: tuple[int, int]) -> None:
        self._touch_size = size

    def translate(self, event: pygame.event.Event, now: float) -> list[Action]:
        kind = event.type
        if kind == pygame.KEYDOWN:
            return self._key(event, now)
        if kind == pygame.TEXTINPUT:
            return [Action(Act.TEXT, text=event.text)]
        if kind == pygame.MOUSEBUTTONDOWN and event.button == 1 and not getattr(event, "touch", False):
            self._pressed_at = now
            return [Action(Act.POINT, pos=event.pos)]
        if kind in (pygame.MOUSEBUTTONUP, pygame.FINGERUP) and self._pressed_at is not None:
            held, self._pressed_at = now - self._pressed_at, None
            return [Action(Act.HOLD, amount=int(held * 1000))]
        if kind == pygame.MOUSEMOTION and not getattr(event, "touch", False):
            return [Action(Act.HOVER, pos=event.pos)]
        if kind == pygame.MOUSEWHEEL:
            return [Action(Act.SCROLL, amount=-int(event.y) * 3)]
        if kind == pygame.FINGERDOWN:
            self._pressed_at = now
            w, h = self._touch_size
            return [Action(Act.POINT, pos=(int(event.x * w), int(event.y * h)))]
        if kind == pygame.CONTROLLERBUTTONDOWN:
            return self._pad(event.button)
        return []

    def _key(self, event: pygame.event.Event, now: float) -> list[Action]:
        key, mods = event.key, event.mod
        if key == pygame.K_ESCAPE:
            if now - self._last_escape <= QUICK_EXIT_SECONDS:
                self._last_escape = -10.0
                return [Action(Act.QUICK_EXIT)]
            self._last_escape = now
            return [Action(Act.BACK)]
        if key == pygame.K_TAB:
            return [Action(Act.PREV if mods & pygame.KMOD_SHIFT else Act.NEXT)]
        if key in (pygame.K_DOWN,):
            return [Action(Act.NEXT)]
        if key in (pygame.K_UP,):
            return [Action(Act.PREV)]
        if key == pygame.K_LEFT:
            return [Action(Act.LEFT)]
        if key == pygame.K_RIGHT:
            return [Action(Act.RIGHT)]
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            return [Action(Act.ACTIVATE, key=key)]
        if key == pygame.K_F1:
            return [Action(Act.HELP)]
        if key == pygame.K_F11:
            return [Action(Act.FULLSCREEN)]
        if key == pygame.K_BACKSPACE:
            return [Action(Act.ERASE)]
        if key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            return [Action(Act.SCROLL, amount=12 if key == pygame.K_PAGEDOWN else -12)]
        if pygame.K_1 <= key <= pygame.K_9:
            return [Action(Act.NUMBER, number=key - pygame.K_0)]
        if pygame.K_KP1 <= key <= pygame.K_KP9:
            return [Action(Act.NUMBER, number=key - pygame.K_KP1 + 1)]
        return [Action(Act.KEY, key=key)]

    @staticmethod
    def _pad(button: int) -> list[Action]:
        table = {
            pygame.CONTROLLER_BUTTON_A: Act.ACTIVATE,
            pygame.CONTROLLER_BUTTON_B: Act.BACK,
            pygame.CONTROLLER_BUTTON_Y: Act.HELP,
            pygame.CONTROLLER_BUTTON_DPAD_DOWN: Act.NEXT,
            pygame.CONTROLLER_BUTTON_DPAD_UP: Act.PREV,
            pygame.CONTROLLER_BUTTON_DPAD_LEFT: Act.LEFT,
            pygame.CONTROLLER_BUTTON_DPAD_RIGHT: Act.RIGHT,
        }
        act = table.get(button)
        return [Action(act)] if act else []
