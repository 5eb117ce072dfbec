"""Every rule under "What `threecs validate` must reject", each at the right line.

Each case edits the small valid pack; the line marked `# HERE` is where the
problem must be reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from packdata import SMALL_PACK

from game.packs import BrokenPack, LoadedPack, load_pack

KNOWN_HELP = {"school", "childline", "ceop"}


def edit(*pairs: tuple[str, str]) -> str:
    text = SMALL_PACK
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def marked_line(text: str) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), 1) if "# HERE" in line]
    assert len(lines) == 1
    return lines[0]


CASES = {
    "not-yaml": (edit(("title: Test pack", "title: [unclosed  # HERE")), "not valid YAML"),
    "not-a-mapping": ("- just\n- a list  \n".replace("- just", "- just  # HERE"), "set of fields"),
    "anchor": (edit(("    title: A friendly gamer", "    title: &t A friendly gamer  # HERE")), "anchors"),
    "alias": (edit(("    title: Second scenario", "    title: *t  # HERE"),
                   ("    title: A friendly gamer", "    title: &t A friendly gamer")), "aliases"),
    "tag": (edit(("summary: A small pack for tests.", "summary: !!str A small pack  # HERE")), "tags"),
    "custom-tag": (edit(("category: contact", "category: !python/name:os.system contact  # HERE")), "tags"),
    "duplicate-key": (edit(("ages: 11-14", "ages: 11-14\nages: 7-11  # HERE")), "duplicate field 'ages'"),
    "missing-field": (edit(("          - id: keep-private\n            text: Keep it to the game\n"
                            "            outcome: safe\n            feedback: Good. Personal details stay private.\n",
                            "          - id: keep-private  # HERE\n            text: Keep it to the game\n"
                            "            outcome: safe\n")), "missing required field 'feedback'"),
    "missing-top-field": (edit(("summary: A small pack for tests.\n", "")).replace("format: 1", "format: 1  # HERE"),
                          "missing required field 'summary'"),
    "wrong-type": (edit(("        prompt: What do you do?", "        prompt: [What, do]  # HERE")),
                   "should be text"),
    "wrong-type-list": (edit(("    help: [childline]", "    help: childline  # HERE")), "should be a list"),
    "outside-set": (edit(("            outcome: unsafe", "            outcome: risky  # HERE")),
                    "'outcome' must be one of"),
    "bad-category": (edit(("category: contact", "category: contactt  # HERE")), "did you mean 'contact'"),
    "bad-age": (edit(("ages: 11-14", "ages: 9-12  # HERE")), "'ages' must be one of"),
    "bad-app": (edit(("          app: chat\n          title: SquadChat",
                      "          app: whatsapp  # HERE\n          title: SquadChat")), "'app' must be one of"),
    "points-range": (edit(("points: {contact: 3, conduct: 1}", "points: {contact: 5, conduct: 1}  # HERE")),
                     "from 0 to 3"),
    "points-category": (edit(("points: {contact: 3, conduct: 1}", "points: {contct: 3}  # HERE")),
                        "not a category"),
    "unknown-field": (edit(("    title: A friendly gamer", "    titel: A friendly gamer  # HERE")),
                      "did you mean 'title'"),
    "unknown-field-deep": (edit(("              text: gg! how old are you?",
                                 "              txt: gg! how old are you?  # HERE")), "did you mean 'text'"),
    "bad-id": (edit(("id: test-pack", "id: Test Pack  # HERE")), "not a valid id"),
    "duplicate-scenario": (edit(("  - id: second", "  - id: gamer-tag  # HERE")), "duplicate scenario id"),
    "duplicate-step": (edit(("      - id: asks-photo", "      - id: start  # HERE"),
                            ("            next: asks-photo", "            next: start")), "duplicate step id"),
    "duplicate-choice": (edit(("          - id: keep-private", "          - id: tell-age  # HERE")),
                         "duplicate choice id"),
    "next-nowhere": (edit(("            next: asks-photo", "            next: ask-photo  # HERE")),
                     "names no step"),
    "unreachable": (edit(("            next: asks-photo\n", "\n"),
                         ("      - id: asks-photo", "      - id: asks-photo  # HERE")), "cannot be reached"),
    "loop": (edit(("            outcome: mixed\n            points: {contact: 1}\n",
                   "            outcome: mixed\n            points: {contact: 1}\n            next: start  # HERE\n")),
             "loop"),
    "too-few-choices": (edit(("        choices:\n          - {id: a",
                              "        choices:  # HERE\n          - {id: a"),
                             ("          - {id: b, text: Risky one, outcome: unsafe, feedback: Why it is risky. "
                              "Instead do this.}\n", "")), "2 to 6 choices"),
    "too-many-choices": (edit(("        choices:\n          - {id: a", "        choices:  # HERE\n          - {id: a"),
                              ("          - {id: b,", "".join(
                                  f"          - {{id: x{i}, text: X, outcome: safe, feedback: F.}}\n"
                                  for i in range(6)) + "          - {id: b,")), "2 to 6 choices"),
    "no-safe-choice": (edit(("        choices:\n          - {id: a, text: Safe one, outcome: safe",
                             "        choices:  # HERE\n          - {id: a, text: Safe one, outcome: mixed")),
                       "no safe choice"),
    "unknown-help": (edit(("    help: [childline]", "    help: [chidline]  # HERE")), "did you mean 'childline'"),
    "text-too-long": (edit(("        prompt: What do you do?", "        prompt: " + "word " * 40 + " # HERE")),
                      "too long to fit on screen"),
    "empty-text": (edit(("        prompt: What do you do?", "        prompt: ''  # HERE")), "must not be empty"),
    "wrong-format": (edit(("format: 1", "format: 2  # HERE")), "'format' must be one of"),
    "tab-indent": (edit(("    title: A friendly gamer", "\ttitle: A friendly gamer  # HERE")), "tab"),
    "empty-value": (edit(("        prompt: What do you do?", "        prompt:  # HERE")), "must not be empty"),
    "multiple-documents": (SMALL_PACK + "---  # HERE\nid: second\n", "not valid YAML"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_rejected_at_the_offending_line(name: str, write_pack) -> None:
    text, fragment = CASES[name]
    result = load_pack(write_pack(text), KNOWN_HELP)
    assert isinstance(result, BrokenPack), f"{name} was accepted"
    line = marked_line(text)
    matching = [p for p in result.problems if fragment in p.message]
    assert matching, f"{name}: no problem says {fragment!r}: {[str(p) for p in result.problems]}"
    assert any(p.line == line for p in matching), (
        f"{name}: expected line {line}, got {[str(p) for p in matching]}")


def test_the_small_pack_is_valid(write_pack) -> None:
    result = load_pack(write_pack(SMALL_PACK), KNOWN_HELP)
    assert isinstance(result, LoadedPack), [str(p) for p in getattr(result, "problems", [])]


def test_all_errors_of_a_file_are_reported_at_once(write_pack) -> None:
    text = edit(("category: contact", "category: contactt"), ("    title: A friendly gamer", "    titel: A"),
                ("            next: asks-photo", "            next: nowhere"))
    result = load_pack(write_pack(text), KNOWN_HELP)
    assert isinstance(result, BrokenPack)
    messages = " | ".join(p.message for p in result.problems)
    assert "contactt" in messages and "titel" in messages and "nowhere" in messages


def test_problems_print_as_path_line_col_message(write_pack) -> None:
    path = write_pack(edit(("category: contact", "category: contactt")))
    result = load_pack(path, KNOWN_HELP)
    assert isinstance(result, BrokenPack)
    assert str(result.problems[0]).startswith(f"{path}:5:11: ")


def test_file_over_one_mebibyte_is_rejected(write_pack) -> None:
    text = SMALL_PACK + "#" + "x" * (1024 * 1024) + "\n"
    result = load_pack(write_pack(text), KNOWN_HELP)
    assert isinstance(result, BrokenPack)
    assert result.problems[0].line == 1 and "at most 1024 KiB" in result.problems[0].message


def test_not_utf8_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(SMALL_PACK.replace("Test pack", "Caf\u00e9").encode("latin-1"))
    result = load_pack(path, KNOWN_HELP)
    assert isinstance(result, BrokenPack) and "UTF-8" in result.problems[0].message


def test_empty_file_is_rejected(write_pack) -> None:
    result = load_pack(write_pack("# nothing here\n"), KNOWN_HELP)
    assert isinstance(result, BrokenPack) and "empty" in result.problems[0].message


def test_yes_and_no_stay_text(write_pack) -> None:
    """YAML 1.1 would read 'No' as false; a teacher means the word."""
    text = edit(("          - id: keep-private\n            text: Keep it to the game",
                 "          - id: keep-private\n            text: No"))
    result = load_pack(write_pack(text), KNOWN_HELP)
    assert isinstance(result, LoadedPack)
    assert result.pack.scenarios[0].steps[0].choices[1].text == "No"


def test_numbers_in_text_fields_are_text(write_pack) -> None:
    result = load_pack(write_pack(edit(("title: Test pack", "title: 2026"))), KNOWN_HELP)
    assert isinstance(result, LoadedPack) and result.pack.title == "2026"


def test_one_age_band_or_a_list(write_pack) -> None:
    result = load_pack(write_pack(edit(("ages: 11-14", "ages: [11-14, 14-19]"))), KNOWN_HELP)
    assert isinstance(result, LoadedPack) and result.pack.age_bands == ("11-14", "14-19")


def test_school_help_id_is_always_known(write_pack) -> None:
    result = load_pack(write_pack(edit(("    help: [childline]", "    help: [school, childline]"))), KNOWN_HELP)
    assert isinstance(result, LoadedPack)


def test_times_and_padded_numbers_stay_as_typed(write_pack) -> None:
    """YAML 1.1 reads 16:42 as 1002 and 007 as 7; a teacher means what they typed."""
    text = edit(("              text: gg! how old are you?", "              text: gg! how old are you?\n"
                 "              time: 16:42"), ("title: Test pack", "title: 007"))
    result = load_pack(write_pack(text), KNOWN_HELP)
    assert isinstance(result, LoadedPack), [str(p) for p in getattr(result, "problems", [])]
    assert result.pack.title == "007"
    assert result.pack.scenarios[0].steps[0].screen.messages[0].time == "16:42"


def test_folded_text_has_no_trailing_newline(write_pack) -> None:
    text = edit(("            feedback: Good. Personal details stay private.",
                 "            feedback: >\n              Good. Personal details\n              stay private."))
    result = load_pack(write_pack(text), KNOWN_HELP)
    assert isinstance(result, LoadedPack)
    assert result.pack.scenarios[0].steps[0].choices[1].feedback == "Good. Personal details stay private."


def test_a_quoted_number_is_explained(write_pack) -> None:
    result = load_pack(write_pack(SMALL_PACK.replace("format: 1", 'format: "1"')), KNOWN_HELP)
    assert isinstance(result, BrokenPack)
    assert any(p.line == 1 and "must be the number 1, without quotes" in p.message for p in result.problems)
