"""Read aloud: with the speech extra, the screen's text is synthesised and played; it stops when the
screen changes. Without it, nothing fails (see test_fit_and_settings for the 'not available' label)."""

from __future__ import annotations

import time

import pytest

pytest.importorskip("pyttsx3")


def wait_for(condition, seconds: float = 30.0) -> bool:
    """Speech runs in a thread; give it time (a bound against hanging, not a speed check)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_the_current_screen_is_spoken_and_stops_on_change(make_app) -> None:
    app, driver = make_app()
    if not app.speaker.available:
        pytest.skip("pyttsx3 is installed but no voice could be found")
    app.settings.read_aloud = True
    driver.press("settings")
    driver.frame()
    assert "Settings" in app.speaker.last_text
    assert wait_for(lambda: app.speaker._channel is not None or not app.speaker.available), \
        "no speech was played"
    assert app.speaker.available, "the speech engine failed"
    driver.escape()
    assert app.speaker._channel is None  # stopped when the screen changed
    assert "Three Cs" in app.speaker.last_text
