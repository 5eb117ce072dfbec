"""Assignment codes: a class label and bundled packs in a few characters a learner can type.

A code looks like ``7B-K3PQ-9X``: the class label as the teacher wrote it
(letters and digits), then two characters per pack (its number in
``assignment-ids.yaml``, spread and written in base 31), then two check characters.

The pack characters and the check use a 31-letter alphabet without the
letters people misread (no I, L, O, U, Z); a typed O is read as 0 and I or L
as 1. The check is a weighted sum modulo the prime 953 over every character
and the label/pack boundary, written as two base-31 characters. Because the
modulus is prime and larger than any weight or character value, every
mistyped character and every swap of two characters is caught; a random
error slips through about once in a thousand.

The table of pack numbers only ever grows (see assignment-ids.yaml), so a
code printed on a worksheet years ago still means the same packs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from game.i18n import _

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXY"  # Crockford's base 32 less Z: 31 symbols, a prime count
BASE = len(ALPHABET)
MODULUS = 953  # a prime below 31 * 31, so the check fits in two characters
LABEL_MAX = 8
# Pack numbers are spread over the 961 two-character values (an invertible affine map), so codes
# do not all start 00, 01, ...: purely so that two codes are easier to tell apart by eye.
_SPREAD, _SHIFT = 397, 101
_UNSPREAD = pow(_SPREAD, -1, BASE * BASE)
SEPARATOR_VALUE = 36  # the label/pack boundary takes part in the check, so a misplaced hyphen is caught
MISREAD = {"O": "0", "I": "1", "L": "1"}
TABLE_FILE = Path(__file__).with_name("assignment-ids.yaml")
_LABEL_VALUES = {ch: i for i, ch in enumerate("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")}


class CodeError(ValueError):
    """A code that cannot be read: the message says what to do."""


@dataclass(frozen=True)
class DecodedCode:
    class_label: str
    packs: tuple[str, ...]


@lru_cache(maxsize=1)
def pack_numbers() -> dict[str, int]:
    """The stable table: pack id -> number (1..960). Numbers are never reused or changed."""
    raw = yaml.load(TABLE_FILE.read_text("utf-8"), Loader=yaml.CSafeLoader)
    table = raw.get("packs") if isinstance(raw, dict) else None
    if not isinstance(table, dict):
        raise RuntimeError(f"{TABLE_FILE}: expected a 'packs' mapping")
    numbers = {str(k): int(v) for k, v in table.items()}
    if len(set(numbers.values())) != len(numbers) or not all(1 <= n < BASE * BASE for n in numbers.values()):
        raise RuntimeError(f"{TABLE_FILE}: numbers must be unique and between 1 and {BASE * BASE - 1}")
    return numbers


def clean_label(raw: str) -> str:
    """A class label as it appears in codes and results: capitals and digits, 1..8 of them."""
    folded = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode().upper()
    label = re.sub(r"[^A-Z0-9]", "", folded)
    if not label:
        raise CodeError(_("Please give a class label made of letters and digits, for example 7B."))
    if len(label) > LABEL_MAX:
        raise CodeError(_("A class label can be at most {n} letters and digits (for example 7B or 10C2).")
                        .format(n=LABEL_MAX))
    return label


def _check(label: str, payload: str) -> int:
    values = [_LABEL_VALUES[ch] for ch in label] + [SEPARATOR_VALUE] + [ALPHABET.index(ch) for ch in payload]
    return sum(weight * value for weight, value in enumerate(values, 1)) % MODULUS


def _digits(number: int, width: int) -> str:
    out = ""
    for _i in range(width):
        number, digit = divmod(number, BASE)
        out = ALPHABET[digit] + out
    return out


def encode(class_label: str, pack_ids: list[str] | tuple[str, ...]) -> str:
    """The code for a class and bundled packs, in the order given."""
    label = clean_label(class_label)
    numbers = pack_numbers()
    if not pack_ids:
        raise CodeError(_("An assignment needs at least one pack."))
    missing = [p for p in pack_ids if p not in numbers]
    if missing:
        raise CodeError(_("These packs cannot go in a code (only bundled packs can): {ids}").format(
            ids=", ".join(missing)))
    payload = "".join(_digits((numbers[p] * _SPREAD + _SHIFT) % (BASE * BASE), 2) for p in pack_ids)
    groups = [payload[i:i + 4] for i in range(0, len(payload), 4)]
    return "-".join([label, *groups, _digits(_check(label, payload), 2)])


def _normal(part: str) -> str:
    return "".join(MISREAD.get(ch, ch) for ch in part)


def decode(code: str) -> DecodedCode:
    """Read a typed code. Spaces and case do not matter; O is read as 0 and I or L as 1 after the label."""
    text = unicodedata.normalize("NFKC", code).upper().strip()
    parts = [p for p in re.split(r"[\s\-_.]+", text) if p]
    if not parts or any(not p.isalnum() or not p.isascii() for p in parts):
        raise CodeError(_("'{code}' is not an assignment code: a code has letters and digits, like 7B-K3PQ-9X.")
                        .format(code=code.strip()))
    if len(parts) >= 3:
        candidates = [(parts[0], _normal("".join(parts[1:-1])), _normal(parts[-1]))]
    else:
        # Typed without (all) hyphens: try every split; the check says which one is right.
        joined = "".join(parts)
        candidates = [(joined[:n], _normal(joined[n:-2]), _normal(joined[-2:]))
                      for n in range(1, min(LABEL_MAX, len(joined) - 4) + 1)]
        if len(parts) == 2:  # the hyphen the learner did type most likely ends the label
            candidates.sort(key=lambda c: len(c[0]) != len(parts[0]))
    wrong_letter = False
    for label, payload, check in candidates:
        if not label or len(label) > LABEL_MAX or not payload or len(payload) % 2 or len(check) != 2:
            continue
        if any(ch not in ALPHABET for ch in payload + check):
            wrong_letter = True
            continue
        if ALPHABET.index(check[0]) * BASE + ALPHABET.index(check[1]) == _check(label, payload):
            return DecodedCode(label, _packs(payload))
    if wrong_letter and len(candidates) == 1:
        raise CodeError(_("The code '{code}' has a letter that codes never use (U or Z). Please check it "
                          "and type it again.").format(code=code.strip()))
    raise CodeError(_("The code '{code}' has a mistake in it. Please check it with your teacher's copy "
                      "and type it again.").format(code=code.strip()))


def _packs(payload: str) -> tuple[str, ...]:
    by_number = {n: pack_id for pack_id, n in pack_numbers().items()}
    ids: list[str] = []
    for i in range(0, len(payload), 2):
        spread = ALPHABET.index(payload[i]) * BASE + ALPHABET.index(payload[i + 1])
        number = (spread - _SHIFT) * _UNSPREAD % (BASE * BASE)
        if number not in by_number:
            raise CodeError(_("This code names a pack that this copy of Three Cs does not have yet. Please "
                              "update the game, or ask your teacher for the assignment file."))
        ids.append(by_number[number])
    return tuple(ids)
