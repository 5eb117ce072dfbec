"""Hypothesis strategies for valid packs (as plain data, as a pack file would hold)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from game.packs.model import CATEGORIES

OUTCOMES = ("safe", "mixed", "unsafe")
APPS = ("chat", "sms", "feed", "browser", "search", "email", "game", "video", "popup", "narration")
words = st.text(alphabet="abcdefghij klmnop", min_size=1, max_size=40).map(lambda s: s.strip() or "x")


@st.composite
def choices_for(draw: st.DrawFn, step_index: int, step_count: int) -> list[dict[str, Any]]:
    count = draw(st.integers(2, 6))
    safe_at = draw(st.integers(0, count - 1))
    result = []
    for i in range(count):
        outcome = "safe" if i == safe_at else draw(st.sampled_from(OUTCOMES))
        choice: dict[str, Any] = {"id": f"c{i}", "text": draw(words), "outcome": outcome,
                                  "feedback": draw(words)}
        if draw(st.booleans()):
            cats = draw(st.lists(st.sampled_from(CATEGORIES), min_size=1, max_size=3, unique=True))
            choice["points"] = {cat: draw(st.integers(0, 3)) for cat in cats}
        later = list(range(step_index + 1, step_count))
        if i == 0 and later:
            choice["next"] = f"s{step_index + 1}"  # a chain keeps every step reachable
        elif later and draw(st.booleans()):
            choice["next"] = f"s{draw(st.sampled_from(later))}"
        result.append(choice)
    return result


@st.composite
def packs(draw: st.DrawFn) -> dict[str, Any]:
    scenarios = []
    for s in range(draw(st.integers(1, 3))):
        step_count = draw(st.integers(1, 4))
        steps = [{"id": f"s{i}", "screen": {"app": draw(st.sampled_from(APPS)),
                                            "messages": [{"from": "them", "text": draw(words)}]},
                  "prompt": draw(words), "choices": draw(choices_for(i, step_count))}
                 for i in range(step_count)]
        scenarios.append({"id": f"scenario-{s}", "title": draw(words), "steps": steps})
    return {"format": 1, "id": "generated", "title": "Generated", "summary": "A generated pack.",
            "category": draw(st.sampled_from(CATEGORIES)), "ages": "11-14", "scenarios": scenarios}
