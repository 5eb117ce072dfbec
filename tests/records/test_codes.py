"""Assignment codes: round-trip, mistakes caught with a clear message, and a table that only grows."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.packs import bundled_paths
from game.records.codes import ALPHABET, CodeError, clean_label, decode, encode, pack_numbers

IDS = sorted(pack_numbers())


@given(label=st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8),
       packs=st.lists(st.sampled_from(IDS), min_size=1, max_size=5, unique=True))
def test_a_code_reads_back_as_the_class_and_packs_in_order(label: str, packs: list[str]) -> None:
    decoded = decode(encode(label, packs))
    assert decoded.class_label == label and decoded.packs == tuple(packs)


def test_a_code_is_short_and_shaped_like_the_example() -> None:
    code = encode("7b", ["content-7-11", "contact-7-11"])
    label, packs, check = code.split("-")
    assert label == "7B" and len(packs) == 4 and len(check) == 2
    assert all(ch in ALPHABET for ch in packs + check)


def test_how_a_learner_types_it_does_not_matter() -> None:
    code = encode("9X2", ["conduct-11-14"])
    expected = decode(code)
    for typed in (code.lower(), code.replace("-", " "), code.replace("-", ""), f"  {code}  ",
                  code.split("-", 1)[0] + "-" + code.split("-", 1)[1].replace("0", "O").replace("1", "l")):
        assert decode(typed) == expected


def _mistakes(code: str) -> list[str]:
    """Every one-character change and every swap of neighbours, outside the hyphens."""
    found = []
    for i, ch in enumerate(code):
        if ch == "-":
            continue
        pool = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" if i < code.index("-") else ALPHABET
        found += [code[:i] + other + code[i + 1:] for other in pool if other != ch]
    for i, j in itertools.pairwise(range(len(code))):
        if "-" not in (code[i], code[j]) and code[i] != code[j]:
            found.append(code[:i] + code[j] + code[i] + code[j + 1:])
    return found


@pytest.mark.parametrize("label,packs", [("7B", ["content-7-11", "contact-7-11"]), ("10C2", ["staff-adults"])])
def test_every_mistyped_character_and_swap_is_caught(label: str, packs: list[str]) -> None:
    code = encode(label, packs)
    for wrong in _mistakes(code):
        with pytest.raises(CodeError, match="mistake|never use"):
            decode(wrong)


def test_a_mistyped_code_gives_a_clear_message() -> None:
    code = encode("7B", ["content-7-11"])
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    with pytest.raises(CodeError) as caught:
        decode(wrong)
    assert "has a mistake in it" in str(caught.value) and wrong in str(caught.value)
    with pytest.raises(CodeError, match="not an assignment code"):
        decode("7B/K3PQ?9X")
    with pytest.raises(CodeError, match="never use"):
        decode("7B-KUPQ-9X")


def test_class_labels_are_letters_and_digits() -> None:
    assert clean_label(" 7b ") == "7B" and clean_label("Year 9-x") == "YEAR9X" and clean_label("7Ŵ") == "7W"
    with pytest.raises(CodeError, match="at most 8"):
        clean_label("Year Nine Blue")
    with pytest.raises(CodeError, match="letters and digits"):
        clean_label("--")


def test_only_bundled_numbered_packs_go_in_a_code() -> None:
    with pytest.raises(CodeError, match="my-own-pack"):
        encode("7B", ["my-own-pack"])


def test_the_pack_table_is_stable_and_covers_the_bundled_packs() -> None:
    numbers = pack_numbers()
    assert len(set(numbers.values())) == len(numbers)
    # These numbers are printed on worksheets: they must never change (append-only table).
    assert numbers["commerce-11-19"] == 1 and numbers["content-7-11"] == 11 and numbers["staff-adults"] == 13
    assert encode("7B", ["content-7-11", "contact-7-11"]) == "7B-M4CP-EX"
    bundled = {p.stem for p in bundled_paths() if p.suffix == ".yaml"}
    assert {"content-7-11", "contact-7-11", "commerce-7-11"} <= bundled <= set(numbers) | bundled


def test_a_code_from_a_newer_game_says_to_update() -> None:
    from game.records import codes

    # Number 900 is not in the table: encode it by hand, as a newer version would.
    spread = (900 * codes._SPREAD + codes._SHIFT) % (codes.BASE ** 2)
    payload = ALPHABET[spread // codes.BASE] + ALPHABET[spread % codes.BASE]
    check = codes._check("7B", payload)
    code = f"7B-{payload}-{ALPHABET[check // codes.BASE]}{ALPHABET[check % codes.BASE]}"
    with pytest.raises(CodeError, match="update"):
        decode(code)
