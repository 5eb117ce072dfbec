"""Urdu with English names and numbers: runs, fonts and visual order."""

from __future__ import annotations

from game.ui.bidi import right_to_left, runs, visual


def drawn(text: str) -> list[str]:
    return [run.text for run in visual(runs(text), right_to_left(text))]


def test_latin_and_digits_in_urdu_stay_one_left_to_right_block() -> None:
    text = "چائلڈ لائن 0800 1111 پر فون کریں"
    order = drawn(text)
    assert "0800 1111" in "".join(order)
    assert order[0].strip().startswith("پر")  # the last Urdu words are drawn leftmost
    assert order[-1].startswith("چائلڈ")  # the first Urdu words are drawn rightmost


def test_f1_is_not_reversed_inside_urdu() -> None:
    assert any("F1" in part for part in drawn("مدد حاصل کریں (F1)"))


def test_brackets_and_punctuation_use_the_latin_font_and_are_mirrored() -> None:
    parts = runs("مدد (F1)")
    assert all(run.urdu == any("\u0600" <= ch <= "\u06ff" for ch in run.text) or run.text == " " for run in parts)
    order = visual(parts, True)
    assert order[0].text == "(" and order[-1].text.startswith("مدد")  # ")" at the start of an RTL line shows as "("


def test_arabic_question_mark_goes_with_urdu() -> None:
    parts = runs("کون سا C؟")
    assert parts[-1].text == "؟" and parts[-1].urdu


def test_english_text_is_left_to_right() -> None:
    assert not right_to_left("Report Remove")
    assert drawn("Report Remove") == ["Report Remove"]


def test_percent_and_currency_stay_with_their_numbers() -> None:
    assert any("0 (0%)" in part or "(0%)" in part for part in drawn("لین دین: 6 میں سے 0 (0%)"))
    assert any("£4.99" in part for part in drawn("صرف £4.99 میں"))


def test_urdu_lines_starting_with_a_name_or_number_read_from_the_right() -> None:
    text = "StarFox کے طور پر کھیل رہے ہیں۔"
    order = [run.text for run in visual(runs(text, True), right_to_left(text, True))]
    assert order[-1].startswith("StarFox")  # the first words are drawn rightmost
    text = "24 میں سے 7 حروف"
    order = [run.text for run in visual(runs(text, True), right_to_left(text, True))]
    assert order[-1].strip() == "24" and "7" in order[1]
