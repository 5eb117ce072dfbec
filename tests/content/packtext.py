"""What the content checks read: the bundled packs, every piece of their text with where it is, and the
help-and-report table in CONTENT.md.

Each piece of text carries a ``where`` (pack / scenario / step / choice and field) so a failing check
names the exact place an author has to change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from game.help import load_directory
from game.packs import Pack, Scenario, bundled_paths, load_library

ROOT = Path(__file__).resolve().parents[2]
SHARED_CONTENT = ROOT.parent / "shared" / "CONTENT.md"
TABLE_COPY = Path(__file__).with_name("CONTENT-table.md")
TABLE_HEADING = "## Help and report routes, UK"

LEARNER_BANDS = ("7-11", "11-14", "14-19")
SCHOOL_TECH_PACK = "school-tech-11-14"

# Who says a message on a mock screen: these two are the game's voice and the learner's own words;
# any other sender ("them" or a display name) is a character in the story.
OWN_VOICES = ("me", "system")


@dataclass(frozen=True)
class Piece:
    where: str
    kind: str  # which field: title, summary, content_note, discuss, prompt, choice, feedback, message, ...
    text: str
    sender: str | None = None  # for a message: who sends it
    outcome: str | None = None  # for a choice or its feedback: the choice's outcome

    @property
    def in_game_voice(self) -> bool:
        """Text the game (or the learner) says, as opposed to what a character in the story says."""
        return self.kind != "message" or self.sender in OWN_VOICES


def load_bundled_packs() -> tuple[list[Pack], list[str]]:
    """The bundled packs that load, and a line for each that does not."""
    library = load_library(bundled_paths(), load_directory().known_ids())
    broken = [f"{b.path.name}: {b.first}" for b in library.broken]
    return [loaded.pack for loaded in library.packs], broken


def scenario_pieces(pack: Pack, scenario: Scenario) -> Iterator[Piece]:
    base = f"{pack.id}/{scenario.id}"
    yield Piece(f"{base} title", "title", scenario.title)
    if scenario.content_note:
        yield Piece(f"{base} content_note", "content_note", scenario.content_note)
    for n, question in enumerate(scenario.discuss):
        yield Piece(f"{base} discuss[{n}]", "discuss", question)
    for step in scenario.steps:
        where = f"{base}/{step.id}"
        screen = step.screen
        for kind in ("title", "contact", "address", "subject", "query", "caption", "alt"):
            value = getattr(screen, kind)
            if value:
                yield Piece(f"{where} screen.{kind}", f"screen-{kind}", value)
        for n, label in enumerate(screen.buttons):
            yield Piece(f"{where} screen.buttons[{n}]", "button", label)
        for n, message in enumerate(screen.messages):
            yield Piece(f"{where} screen.messages[{n}]", "message", message.text, sender=message.from_)
            if message.alt:
                yield Piece(f"{where} screen.messages[{n}].alt", "alt", message.alt)
        yield Piece(f"{where} prompt", "prompt", step.prompt)
        for choice in step.choices:
            yield Piece(f"{where}/{choice.id} text", "choice", choice.text, outcome=choice.outcome)
            yield Piece(f"{where}/{choice.id} feedback", "feedback", choice.feedback, outcome=choice.outcome)


def pack_pieces(pack: Pack) -> Iterator[Piece]:
    yield Piece(f"{pack.id} title", "title", pack.title)
    yield Piece(f"{pack.id} summary", "summary", pack.summary)
    if pack.content_note:
        yield Piece(f"{pack.id} content_note", "content_note", pack.content_note)
    for scenario in pack.scenarios:
        yield from scenario_pieces(pack, scenario)


# --- reading level ------------------------------------------------------------------------
# The prose a learner reads. Screen labels (app titles, names, addresses, buttons) are left out:
# they are names, not sentences, and would only make the text look easier than it is.
PROSE_KINDS = {"title", "summary", "content_note", "discuss", "message", "screen-caption", "screen-alt", "alt",
               "prompt", "choice", "feedback"}
_ENDS_A_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")


def as_sentence(text: str) -> str:
    """One piece as a sentence: a choice like 'Tap Decline' is a sentence of its own, not the start of the next."""
    text = " ".join(text.split())
    return text if _ENDS_A_SENTENCE.search(text) else text + "."


def prose(pieces: Iterator[Piece] | list[Piece]) -> str:
    return " ".join(as_sentence(p.text) for p in pieces if p.kind in PROSE_KINDS and p.text.strip())


# --- the help table in CONTENT.md ----------------------------------------------------------
def help_section(markdown: str) -> str:
    """The 'Help and report routes, UK' section: from its heading to the next heading."""
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(TABLE_HEADING))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return "\n".join(lines[start:end]).strip() + "\n"


def help_table_source() -> str:
    """The section from ../shared/CONTENT.md when it is there, else the copy committed beside this file."""
    if SHARED_CONTENT.is_file():
        return help_section(SHARED_CONTENT.read_text("utf-8"))
    return help_section(TABLE_COPY.read_text("utf-8"))


@dataclass(frozen=True)
class TableRow:
    service: str
    purpose: str
    who: str
    how: str

    @property
    def text(self) -> str:
        return " | ".join((self.service, self.purpose, self.who, self.how))

    def names(self) -> set[str]:
        """The service cell as written, and without its bracketed aside: 'CEOP Safety Centre (NCA)' -> both."""
        plain = re.sub(r"\s*\([^)]*\)", "", self.service).strip()
        return {normal(self.service), normal(plain)}


def table_rows(section: str) -> list[TableRow]:
    rows: list[TableRow] = []
    for line in section.splitlines():
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or set(cells[0]) <= {"-", ":"} or cells[0] == "service":
            continue
        rows.append(TableRow(*cells))
    return rows


def other_lines(section: str) -> list[str]:
    """The prose under the table (other regions, Wales), one sentence-ish line each."""
    text = " ".join(line for line in section.splitlines()[1:] if not line.startswith("|"))
    return [part.strip() for part in re.split(r"(?<=\.)\s+(?=[A-Z])", text) if part.strip()]


def normal(text: str) -> str:
    """Compare facts as words: one case, one kind of dash and of apostrophe, single spaces."""
    text = text.replace("–", "-").replace("—", "-").replace("’", "'")
    return " ".join(text.lower().split())


_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an email address
                      r"|\b[\w-]+(?:\.[\w-]+)*\.(?:uk|com|org|ie|au|gov|net)\b(?:/[\w./-]*)?",  # a web address
                      re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?: \d+)*")


def addresses(text: str) -> set[str]:
    """Web and email addresses, as written (without a trailing full stop)."""
    return {m.group(0).rstrip("./").lower() for m in _ADDRESS.finditer(text)}


_MONTH_YEAR = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
                         r"december) \d{4}\b", re.IGNORECASE)


def dates(text: str) -> set[str]:
    """Month-and-year facts, like 'December 2025' (when a service changed)."""
    return {normal(m.group(0)) for m in _MONTH_YEAR.finditer(text)}


def numbers(text: str) -> set[str]:
    """Phone numbers, text numbers, ages, hours and years, spaces removed: '0800 1111' -> '08001111'."""
    without_addresses = _ADDRESS.sub(" ", text)
    return {m.group(0).replace(" ", "") for m in _NUMBER.finditer(without_addresses)}
