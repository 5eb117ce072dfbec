"""The pure state machine of one play: no I/O, no Pygame."""

from game.engine.session import (
    ChoiceMade,
    Event,
    Feedback,
    PackCompleted,
    Phase,
    ScenarioCompleted,
    ScenarioStarted,
    Score,
    Session,
    SessionError,
    SnapshotError,
    step_available,
    total,
)

__all__ = [
    "ChoiceMade", "Event", "Feedback", "PackCompleted", "Phase", "ScenarioCompleted", "ScenarioStarted",
    "Score", "Session", "SessionError", "SnapshotError", "step_available", "total",
]
