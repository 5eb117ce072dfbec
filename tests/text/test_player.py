"""The terminal player: scripted play, re-asking, end of input, resuming, and golden transcripts."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
import yaml
from packdata import SMALL_PACK

from game.engine import Phase, Session
from game.help import HelpDirectory, load_directory, load_school
from game.packs import Library, LoadedPack, bundled_paths, load_library
from game.packs.model import Pack
from game.records.progress import ProgressStore
from game.text.player import TextPlayer

GOLDEN = Path(__file__).with_name("golden")
ROOT = Path(__file__).resolve().parents[2]


def small() -> LoadedPack:
    return LoadedPack(Pack.model_validate(yaml.safe_load(SMALL_PACK)), Path("test.yaml"), None)


def play(lines: list[str], data: Path, directory: HelpDirectory, packs: list[LoadedPack],
         chosen: bool = True) -> tuple[int, str]:
    out = io.StringIO()
    library = Library(packs=packs)
    player = TextPlayer(library, directory, ProgressStore(data, "Sam"), io.StringIO("".join(
        f"{line}\n" for line in lines)), out)
    return player.run(packs if chosen else []), out.getvalue()


def test_plays_a_pack_to_the_end_with_scores_and_help(tmp_path: Path, directory: HelpDirectory) -> None:
    code, out = play(["1", "1", "1"], tmp_path, directory, [small()])
    assert code == 0
    assert "Jay_14: gg! how old are you?" in out
    assert "Risky." in out and "Who can help with this:" in out and "CEOP" in out
    # tell-age 0 of 3 + block 3 of 3 (and conduct 1 of 1), then 'a' 3 of 3
    assert "Contact: 3 of 6 points (50%)" in out and "Contact: 6 of 9 points (67%)" in out
    assert "Conduct: 1 of 1 point (100%)" in out
    assert "You finished the pack: Test pack" in out
    assert out.index("In school") < out.index("Childline")


def test_reasks_on_invalid_input(tmp_path: Path, directory: HelpDirectory) -> None:
    code, out = play(["seven", "", "9", "0", "2"], tmp_path, directory, [small()])
    assert code == 0
    assert out.count("is not one of the numbers") == 4
    assert "You chose 2: Keep it to the game" in out


def test_end_of_input_saves_and_exits_cleanly_then_resumes(tmp_path: Path, directory: HelpDirectory) -> None:
    code, out = play(["1"], tmp_path, directory, [small()])
    assert code == 0 and out.rstrip().endswith("Your progress is saved. See you next time!")
    code, out = play(["2"], tmp_path, directory, [small()])
    assert "Carrying on from where you left off." in out
    assert "You chose 2: Ignore it" in out  # the follow-up step, not the first one again


def test_the_school_lead_comes_first(tmp_path: Path) -> None:
    school = load_school(ROOT / "docs" / "school.example.yaml")
    directory = load_directory(school=school)
    _code, out = play(["2", "1"], tmp_path, directory, [small()])
    first_help = out.index("Where to get help:")
    assert out.index(school.safeguarding_lead, first_help) < out.index("Childline", first_help)


def test_menu_lists_packs_and_quits_with_zero(tmp_path: Path, directory: HelpDirectory) -> None:
    code, out = play(["0"], tmp_path, directory, [small()], chosen=False)
    assert code == 0 and "1. Test pack: Contact, Ages 11-14" in out and "Goodbye!" in out


# --- golden transcripts: one per bundled pack -------------------------------------
def bundled() -> list[LoadedPack]:
    library = load_library(bundled_paths(), load_directory().known_ids())
    assert not library.broken, [str(b.first) for b in library.broken]
    return library.packs


def script_for(pack: Pack) -> list[str]:
    """A fixed route through the pack: the k-th decision takes choice k mod n, so every
    outcome and most follow-ups are visited, the same way each run."""
    session, answers, turn = Session(pack), [], 0
    while session.phase is not Phase.PACK_END:
        if session.phase is Phase.STEP:
            index = turn % len(session.choices)
            answers.append(str(index + 1))
            session.choose(session.choices[index].id)
            turn += 1
        else:
            session.proceed()
    return answers


@pytest.mark.parametrize("loaded", bundled(), ids=lambda p: p.pack.id)
def test_golden_transcript(loaded: LoadedPack, tmp_path: Path, directory: HelpDirectory) -> None:
    _code, out = play(script_for(loaded.pack), tmp_path, directory, [loaded])
    golden = GOLDEN / f"{loaded.pack.id}.txt"
    if os.environ.get("UPDATE_GOLDEN") or not golden.exists():
        golden.write_text(out, encoding="utf-8")
        if not os.environ.get("UPDATE_GOLDEN"):
            pytest.fail(f"wrote a new golden transcript {golden.name}; check it and commit it")
    assert out == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs: if the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff")


def test_every_bundled_pack_has_a_golden_transcript() -> None:
    ids = {p.pack.id for p in bundled()}
    files = {p.stem for p in GOLDEN.glob("*.txt")}
    assert files == ids


def test_h_shows_where_to_get_help_at_any_question(tmp_path: Path, directory: HelpDirectory) -> None:
    code, out = play(["h", "2"], tmp_path, directory, [small()])
    assert code == 0
    before_choice = out.split("You chose 2")[0]
    assert "Where to get help:" in before_choice and "Childline" in before_choice
    assert "On any app: take a screenshot, block, report" in before_choice
