"""Just enough of the Unicode bidirectional algorithm for Urdu with English names and numbers in it.

A line is cut into runs of one direction and one font: Arabic-script text
(shaped right to left in the Nastaliq font), and Latin words and numbers
(left to right in a Latin font). Spaces and punctuation take the direction
of the text around them (rules W/N of UAX #9, simplified); a run of Latin
words with spaces or hyphens between them stays one left-to-right block, so
"0800 1111" and "Report Remove" read as they should inside Urdu. Then the
runs are put in visual order (rule L2): in a right-to-left line the blocks
go from right to left, each left-to-right block keeping its inner order.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

MIRRORED = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")
PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»", "‹": "›"}


class Run(NamedTuple):
    text: str
    rtl: bool  # direction of the run
    urdu: bool  # drawn with the Nastaliq font (else the Latin one)


def arabic(ch: str) -> bool:
    o = ord(ch)
    return 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF


def strong(ch: str) -> str:
    """'R' for Arabic script, 'L' for other letters and every digit, '' for neutrals."""
    if arabic(ch) and not ch.isdigit():
        return "R"
    if ch.isdigit() or ch.isalpha() or unicodedata.category(ch).startswith("M"):
        return "L"
    return ""


def right_to_left(text: str, ui_rtl: bool = False) -> bool:
    """A paragraph's direction: right to left for any Urdu text in a right-to-left interface (as a page
    with dir="rtl"), so "StarFox کے طور پر" reads from the right; otherwise that of its first strong
    letter (rule P2)."""
    if ui_rtl and has_arabic(text):
        return True
    for ch in text:
        kind = strong(ch)
        if kind:
            return kind == "R"
    return False


def has_arabic(text: str) -> bool:
    return any(arabic(ch) for ch in text)


def _part_of_number(text: str, i: int) -> bool:
    """Signs that belong to a number (rules W4 and W5): 50%, £4.99, 1,200, 16:42, #1."""
    ch = text[i]
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if ch in "%٪‰°" and before.isdigit():
        return True
    if ch in "£$€#+-" and after.isdigit():
        return True
    return ch in ".,:/" and before.isdigit() and after.isdigit()


def runs(text: str, ui_rtl: bool = False) -> list[Run]:
    """Logical-order runs, each of one direction and one font."""
    base = "R" if right_to_left(text, ui_rtl) else "L"
    kinds = [strong(ch) for ch in text]
    resolved: list[str] = []
    opened: list[tuple[str, str]] = []  # (closing bracket, direction given to its opening one)
    for i, kind in enumerate(kinds):
        ch = text[i]
        if kind:
            resolved.append(kind)
            continue
        if _part_of_number(text, i):
            resolved.append("L")
            continue
        if opened and ch == opened[-1][0]:  # a closing bracket goes the way its pair went (rule N0)
            resolved.append(opened.pop()[1])
            continue
        before = next((k for k in reversed(kinds[:i]) if k), base)
        after = next((k for k in kinds[i + 1:] if k), base)
        direction = before if before == after else base
        if ch in PAIRS:
            close = PAIRS[ch]
            inside = text[i + 1:text.find(close, i + 1)] if close in text[i + 1:] else ""
            inner = next((strong(c) for c in inside if strong(c)), "")
            direction = inner if inner and (inner == before or inner == base) else direction
            opened.append((close, direction))
        resolved.append(direction)
    result: list[Run] = []
    for ch, direction in zip(text, resolved, strict=True):
        rtl = direction == "R"
        # Arabic-script characters, and spaces inside Urdu text, use the Nastaliq font;
        # Latin punctuation (quotes, !) may be missing from it, so it uses the Latin font.
        urdu = arabic(ch) or (rtl and ch == " ")
        if result and result[-1].rtl == rtl and result[-1].urdu == urdu:
            result[-1] = Run(result[-1].text + ch, rtl, urdu)
        else:
            result.append(Run(ch, rtl, urdu))
    return result


def visual(parts: list[Run], rtl_line: bool) -> list[Run]:
    """Runs in the order they are drawn, left to right on screen."""
    blocks: list[list[Run]] = []
    for run in parts:  # group neighbouring runs of the same direction
        if blocks and blocks[-1][0].rtl == run.rtl:
            blocks[-1].append(run)
        else:
            blocks.append([run])
    ordered: list[Run] = []
    for block in (reversed(blocks) if rtl_line else blocks):
        if block[0].rtl:
            for run in reversed(block):
                # Nastaliq runs are shaped right to left by HarfBuzz; a Latin-font run of punctuation
                # inside Urdu is reversed and its brackets mirrored here.
                ordered.append(run if run.urdu else Run(run.text[::-1].translate(MIRRORED), True, False))
        else:
            ordered.extend(block)
    return ordered
