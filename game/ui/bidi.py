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


def right_to_left(text: str) -> bool:
    """A paragraph's direction: that of its first strong letter (rule P2)."""
    for ch in text:
        kind = strong(ch)
        if kind:
            return kind == "R"
    return False


def has_arabic(text: str) -> bool:
    return any(arabic(ch) for ch in text)


def runs(text: str) -> list[Run]:
    """Logical-order runs, each of one direction and one font."""
    base = "R" if right_to_left(text) else "L"
    kinds = [strong(ch) for ch in text]
    resolved: list[str] = []
    for i, kind in enumerate(kinds):
        if kind:
            resolved.append(kind)
            continue
        before = next((k for k in reversed(kinds[:i]) if k), base)
        after = next((k for k in kinds[i + 1:] if k), base)
        resolved.append(before if before == after else base)
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
