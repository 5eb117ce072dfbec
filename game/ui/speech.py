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
    """One worker thread synthesises the latest request only (pyttsx3 is one engine, not re-entrant);
    what finishes after the screen changed is dropped, never played late."""

    def __init__(self) -> None:
        self.available = speech_available()
        self._generation = 0
        self._lock = threading.Condition()
        self._pending: tuple[str, int] | None = None
        self._worker: threading.Thread | None = None
        self._channel: pygame.mixer.Channel | None = None
        self._folder = Path(tempfile.mkdtemp(prefix="threecs-speech-")) if self.available else None
        self.last_text = ""  # what was last asked for (tests read this)
        self.failure = ""
        self._closed = False

    def say(self, text: str) -> None:
        self.stop()
        self.last_text = text
        if not self.available or not text.strip():
            return
        if not pygame.mixer.get_init():
            try:
                pygame.mixer.init()
            except pygame.error:
                self.available = False
                return
        with self._lock:
            self._pending = (text, self._generation)
            self._lock.notify()
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, daemon=True)
                self._worker.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                while self._pending is None and not self._closed:
                    self._lock.wait()
                if self._closed or self._pending is None:
                    return
                text, generation = self._pending
                self._pending = None
            self._speak(text, generation)

    def _speak(self, text: str, generation: int) -> None:
        try:
            import pyttsx3

            assert self._folder is not None
            wav = self._folder / f"say-{generation}.wav"
            engine = pyttsx3.init()
            engine.save_to_file(text, str(wav))
            engine.runAndWait()
            with self._lock:
                if (self._closed or generation != self._generation or not wav.exists()
                        or not pygame.mixer.get_init()):
                    return
                self._channel = pygame.mixer.Sound(str(wav)).play()
            wav.unlink(missing_ok=True)
        except Exception as error:  # a voice that fails to speak must never stop the game
            self.available = False
            self.failure = str(error)

    def stop(self) -> None:
        with self._lock:
            self._generation += 1
            self._pending = None
            if self._channel is not None:
                self._channel.stop()
                self._channel = None

    def close(self) -> None:
        """Before pygame quits: stop, and let the worker finish so it never touches a closed mixer."""
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        self.stop()
        if self._worker is not None:
            self._worker.join(timeout=30)
