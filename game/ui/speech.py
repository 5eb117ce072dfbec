"""Read aloud: the current text spoken, stopped when the screen changes.

With the ``speech`` extra (pyttsx3) the text is synthesised to a WAV file in
a worker thread and played through the mixer, so stopping is immediate.
Without it the settings screen says read-aloud is unavailable; nothing fails.
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

import pygame


def speech_available() -> bool:
    """Is the speech extra installed? (Found without importing it: start-up stays quick.)"""
    import importlib.util

    return importlib.util.find_spec("pyttsx3") is not None


class Speaker:
    def __init__(self) -> None:
        self.available = speech_available()
        self._generation = 0
        self._lock = threading.Lock()
        self._channel: pygame.mixer.Channel | None = None
        self._folder = Path(tempfile.mkdtemp(prefix="threecs-speech-")) if self.available else None
        self.last_text = ""  # what was last asked for (tests read this)

    def say(self, text: str) -> None:
        self.stop()
        self.last_text = text
        if not self.available or not text.strip():
            return
        with self._lock:
            generation = self._generation
        threading.Thread(target=self._speak, args=(text, generation), daemon=True).start()

    def _speak(self, text: str, generation: int) -> None:
        try:
            import pyttsx3

            assert self._folder is not None
            wav = self._folder / f"say-{generation}.wav"
            engine = pyttsx3.init()
            engine.save_to_file(text, str(wav))
            engine.runAndWait()
            with self._lock:
                if generation != self._generation or not wav.exists() or not pygame.mixer.get_init():
                    return
                self._channel = pygame.mixer.Sound(str(wav)).play()
        except Exception:  # a voice that fails to speak must never stop the game
            self.available = False

    def stop(self) -> None:
        with self._lock:
            self._generation += 1
            if self._channel is not None:
                self._channel.stop()
                self._channel = None
