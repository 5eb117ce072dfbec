"""Short, calm sounds, synthesised when the game starts (no sound files to license).

Each is a soft sine tone with a gentle fade, under 250 ms: a click for a
choice, a rising pair for a safe answer, a level tone for a partly safe one,
a low soft tone for a risky one. Never harsh, never a buzzer.
"""

from __future__ import annotations

import math
from array import array

import pygame

RATE = 22050
TONES = {
    "click": ((880.0, 0.035),),
    "safe": ((523.25, 0.09), (783.99, 0.14)),
    "mixed": ((587.33, 0.16),),
    "unsafe": ((329.63, 0.2),),
}


def synthesise(notes: tuple[tuple[float, float], ...], volume: float = 0.35) -> bytes:
    samples = array("h")
    for frequency, seconds in notes:
        count = int(RATE * seconds)
        for i in range(count):
            fade = min(1.0, i / (RATE * 0.005), (count - i) / (RATE * 0.03))
            value = math.sin(2 * math.pi * frequency * i / RATE) * fade * volume
            samples.append(int(value * 32767))
    return samples.tobytes()


class Sounds:
    def __init__(self, volume: float) -> None:
        self.volume = volume
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self.available = False
        self.loaded = False

    def load(self) -> None:
        """Open the mixer and make the sounds (after the first frame: it takes a moment)."""
        if self.loaded:
            return
        self.loaded = True
        try:
            pygame.mixer.init(frequency=RATE, size=-16, channels=1)
            self._sounds = {name: pygame.mixer.Sound(buffer=synthesise(notes)) for name, notes in TONES.items()}
            self.available = True
        except pygame.error:
            self.available = False

    def play(self, name: str) -> None:
        self.load()
        sound = self._sounds.get(name)
        if sound is None or self.volume <= 0:
            return
        sound.set_volume(self.volume)
        sound.play()
