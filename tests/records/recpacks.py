"""Small packs and plays for the records tests, written inline."""

from __future__ import annotations

import textwrap
from pathlib import Path

import yaml

from game.engine import Session
from game.packs import LoadedPack
from game.packs.model import Pack

TINY_PACK = """\
format: 1
id: tiny-pack
title: Tiny pack
summary: Two scenarios about a stranger in a game chat.
category: contact
ages: 11-14
scenarios:
  - id: stranger
    title: A friendly stranger
    steps:
      - id: start
        screen: {app: chat, contact: Jay_14, messages: [{from: them, text: "how old are you?"}]}
        prompt: What do you do?
        choices:
          - {id: tell-age, text: Tell them my age and my school, outcome: unsafe,
             feedback: Your school helps a stranger find you. Instead keep it to the game., next: photo}
          - {id: keep-private, text: Keep it to the game, outcome: safe, feedback: Good.}
      - id: photo
        screen: {app: chat, messages: [{from: them, text: "send a pic?"}]}
        prompt: What now?
        choices:
          - {id: block, text: Block and report then tell an adult, outcome: safe,
             points: {contact: 3, conduct: 1}, feedback: Right.}
          - {id: ignore, text: Ignore it, outcome: mixed, points: {contact: 1}, feedback: Also report it.}
  - id: gift
    title: A free gift
    steps:
      - id: only
        screen: {app: narration, messages: [{from: system, text: Someone offers free coins.}]}
        prompt: Choose.
        choices:
          - {id: refuse, text: Say no and tell an adult, outcome: safe, feedback: Why it is safe.}
          - {id: give-password, text: Give them my password, outcome: unsafe, feedback: Never. Instead say no.}
"""


def tiny_pack() -> Pack:
    return Pack.model_validate(yaml.safe_load(TINY_PACK))


def tiny_loaded(path: Path | None = None) -> LoadedPack:
    return LoadedPack(tiny_pack(), path or Path("tiny.yaml"), None)


def write_tiny(folder: Path, name: str = "tiny.yaml", text: str = TINY_PACK) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def play_through(session: Session, choices: list[str]) -> None:
    """Make these choices in order, moving on after each; finish the pack if the choices get there."""
    for choice in choices:
        session.choose(choice)
        session.proceed()
        while session.phase.value == "scenario_end":
            session.proceed()
