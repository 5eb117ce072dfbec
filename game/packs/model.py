"""Pack format 1 as a pydantic model: the public contract in PACK-FORMAT.md.

The limits on text length are the longest text that still fits its place on
screen at 200% text size (the UI tests check the same numbers), so a pack
that validates always displays.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, field_validator

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=64)]
Category = Literal["content", "contact", "conduct", "commerce"]
AgeBand = Literal["7-11", "11-14", "14-19", "adults"]
Audience = Literal["learners", "staff", "parents"]
Outcome = Literal["safe", "mixed", "unsafe"]
AppKind = Literal["chat", "sms", "feed", "browser", "search", "email", "game", "video", "popup", "narration"]
Strand = Literal[
    "self-image-and-identity",
    "online-relationships",
    "online-reputation",
    "online-bullying",
    "managing-online-information",
    "health-wellbeing-and-lifestyle",
    "privacy-and-security",
    "copyright-and-ownership",
]
ScenarioTag = Literal["report-practice"]

CATEGORIES: tuple[str, ...] = ("content", "contact", "conduct", "commerce")
AGE_BANDS: tuple[str, ...] = ("7-11", "11-14", "14-19", "adults")
OUTCOME_POINTS = {"safe": 3, "mixed": 1, "unsafe": 0}
MAX_POINTS = 3


class Limit(int, Enum):
    """Longest text, in characters, that fits its place at the largest text size."""

    PACK_TITLE = 60
    SUMMARY = 200
    CONTENT_NOTE = 300
    SCENARIO_TITLE = 60
    DISCUSS = 200
    SCREEN_TITLE = 40
    NAME = 40
    ADDRESS = 100
    CAPTION = 200
    BUTTON = 30
    MESSAGE = 300
    TIME = 20
    ALT = 200
    PROMPT = 160
    CHOICE = 120
    FEEDBACK = 500


def _text(limit: Limit) -> object:
    return Field(min_length=1, max_length=int(limit))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


class Message(_Strict):
    from_: str = Field("them", alias="from", min_length=1, max_length=int(Limit.NAME),
                       description="them | me | system | a display name")
    text: str = _text(Limit.MESSAGE)  # type: ignore[assignment]
    time: str | None = Field(None, max_length=int(Limit.TIME), description="for example 16:42 or Yesterday")
    image: str | None = Field(None, description="a PNG, JPEG or SVG file in the pack's folder")
    alt: str | None = Field(None, max_length=int(Limit.ALT), description="what the image shows, in words")

    model_config = ConfigDict(populate_by_name=True)


class Screen(_Strict):
    app: AppKind
    title: str | None = Field(None, max_length=int(Limit.SCREEN_TITLE))
    contact: str | None = Field(None, max_length=int(Limit.NAME))
    address: str | None = Field(None, max_length=int(Limit.ADDRESS), description="web or email address")
    subject: str | None = Field(None, max_length=int(Limit.ADDRESS), description="email subject")
    query: str | None = Field(None, max_length=int(Limit.ADDRESS), description="text typed in a search box")
    caption: str | None = Field(None, max_length=int(Limit.CAPTION), description="what a video shows")
    buttons: list[Annotated[str, Field(min_length=1, max_length=int(Limit.BUTTON))]] = Field(
        default_factory=list, max_length=6
    )
    image: str | None = Field(None, description="a PNG, JPEG or SVG file in the pack's folder")
    alt: str | None = Field(None, max_length=int(Limit.ALT))
    messages: list[Message] = Field(default_factory=list, max_length=12)


class Choice(_Strict):
    id: Id
    text: str = _text(Limit.CHOICE)  # type: ignore[assignment]
    outcome: Outcome
    points: dict[Category, Annotated[int, Field(ge=0, le=MAX_POINTS)]] | None = None
    feedback: str = _text(Limit.FEEDBACK)  # type: ignore[assignment]
    help: list[Id] = Field(default_factory=list)
    next: Id | None = None


class Step(_Strict):
    id: Id
    screen: Screen
    prompt: str = _text(Limit.PROMPT)  # type: ignore[assignment]
    choices: list[Choice] = Field(min_length=2, max_length=6)


class Scenario(_Strict):
    id: Id
    title: str = _text(Limit.SCENARIO_TITLE)  # type: ignore[assignment]
    content_note: str | None = Field(None, max_length=int(Limit.CONTENT_NOTE))
    discuss: list[Annotated[str, Field(min_length=1, max_length=int(Limit.DISCUSS))]] = Field(
        default_factory=list
    )
    tags: list[ScenarioTag] = Field(default_factory=list)
    steps: list[Step] = Field(min_length=1)
    help: list[Id] = Field(default_factory=list)

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)


class Pack(_Strict):
    format: Literal[1]
    id: Id
    title: str = _text(Limit.PACK_TITLE)  # type: ignore[assignment]
    summary: str = _text(Limit.SUMMARY)  # type: ignore[assignment]
    category: Category
    ages: Annotated[
        list[AgeBand],
        Field(min_length=1),
        WithJsonSchema({
            "description": "one age band, or a list of them",
            "anyOf": [
                {"enum": list(AGE_BANDS)},
                {"type": "array", "items": {"enum": list(AGE_BANDS)}, "minItems": 1},
            ],
        }),
    ]
    audience: Audience = "learners"
    strands: list[Strand] = Field(default_factory=list)
    language: str = Field("en-GB", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
    content_note: str | None = Field(None, max_length=int(Limit.CONTENT_NOTE))
    scenarios: list[Scenario] = Field(min_length=1)

    @field_validator("ages", mode="before")
    @classmethod
    def _one_band_is_a_list_of_one(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @property
    def age_bands(self) -> tuple[str, ...]:
        return tuple(self.ages)

    def scenario(self, scenario_id: str) -> Scenario:
        for scenario in self.scenarios:
            if scenario.id == scenario_id:
                return scenario
        raise KeyError(scenario_id)

    def help_ids(self) -> set[str]:
        """Every help service the pack points to, anywhere."""
        found: set[str] = set()
        for scenario in self.scenarios:
            found.update(scenario.help)
            for step in scenario.steps:
                for choice in step.choices:
                    found.update(choice.help)
        return found


def choice_points(choice: Choice, category: str) -> dict[str, int]:
    """What a choice scores, per PACK-FORMAT.md 'Meaning'."""
    if choice.points is not None:
        return {str(cat): value for cat, value in choice.points.items()}
    return {category: OUTCOME_POINTS[choice.outcome]}
