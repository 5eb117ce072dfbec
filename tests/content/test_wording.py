"""The rules for every scenario in CONTENT.md that words can be checked for.

- Never blame the victim: none of the phrasings below in the game's voice. A character in the story
  may say them (a bully does), and a choice may offer them only as a risky one, whose feedback then
  says why it is wrong. Negated forms ("not your fault", "never your fault") say the opposite and
  are welcome.
- Every risky (``unsafe``) choice's feedback says what to do instead.
- A scenario about sexual content, self-harm or extremism carries its own content note and sits in
  the 11-14 or 14-19 band.
- Every pack points to at least one help service from the directory (the school's own lead counts
  as well, but a pack needs more than that).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
from packtext import Piece, pack_pieces, scenario_pieces

from game.help import SCHOOL_ID, HelpDirectory
from game.packs import Pack

# --- never blame the victim ---------------------------------------------------------------------
_SELF = r"(?:your|him|her|them|my|our)sel(?:f|ves)"
_WHO = r"(?:you|she|he|they|i|we)"
# (pattern, may it be negated?) A negated phrase ("it's not your fault") is the opposite of blame.
BLAMING: list[tuple[str, bool]] = [
    (r"\byou should(?:'ve| have) known\b", False),
    (r"\b(?:your|his|her|their|my|[a-z]+'s) (?:own )?fault\b", True),
    (r"\bthe fault of (?:the )?(?:person|young person|victim|child|you|her|him|them)\b", True),
    (rf"\b{_WHO} (?:were |was )?ask(?:ed|ing) for it\b", False),
    (rf"\bbr(?:ought|ing|ings) (?:it|this|that) on {_SELF}\b", False),
    (rf"\bwhat did {_WHO} expect\b", False),
    (r"\bshould(?:'ve| have) been more careful\b", False),
    (rf"\b(?:has|have|had) (?:only )?{_SELF} to blame\b", False),
    (r"\b(?:you are|you're|she is|she's|he is|he's|they are|they're|i am|i'm) to blame\b", True),
    (rf"\bblame {_SELF}\b", True),
    (r"\bserves? (?:you|them|her|him|me) right\b", False),
    (rf"\b{_WHO} deserved? (?:it|this|that|what)\b", True),
    (rf"\b{_WHO} had it coming\b", False),
    (r"\bshould(?:n't| not|'ve never| have never) (?:have )?sent (?:it|that|them|the|a|any)\b", False),
    (rf"\bwhy (?:did|would) {_WHO} (?:send|share) (?:it|that|them|a|the)\b", False),
    (r"\bwhat were you thinking\b", False),
    (rf"\b{_WHO} let (?:it|this|that) happen\b", True),
    (r"\b(?:no one|nobody) (?:forced|made) (?:you|her|him|them)\b", False),
    (r"\byou (?:are|were|'re) (?:so )?(?:stupid|naive|silly|gullible) to\b", False),
    (r"\byou should be ashamed\b", False),
]
NEGATIONS = {"not", "never", "no", "none", "nothing", "neither", "nor", "cannot"}
NEGATION_WINDOW = 4  # words before the phrase


def _plain(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").lower().split())


def _negated(text: str, start: int) -> bool:
    clause = re.split(r"[.!?;:,]", text[:start])[-1]
    before = re.findall(r"[a-z']+", clause)[-NEGATION_WINDOW:]
    return any(word in NEGATIONS or word.endswith("n't") for word in before)


def blaming(text: str) -> list[str]:
    """The victim-blaming phrasings in ``text`` (negated ones are left out)."""
    plain = _plain(text)
    found: list[str] = []
    for pattern, negatable in BLAMING:
        for match in re.finditer(pattern, plain):
            if negatable and _negated(plain, match.start()):
                continue
            found.append(match.group(0))
    return found


@pytest.mark.parametrize("text", [
    "It's your fault for sending it.", "You should have known better.", "You asked for it.",
    "You brought it on yourself.", "What did you expect?", "You should have been more careful.",
    "Honestly, it is your own fault.", "It was Lily's fault.", "You only have yourself to blame.",
    "She shouldn't have sent it in the first place.", "You're to blame.", "Why did you send it?",
])
def test_blaming_phrasings_are_found(text: str) -> None:
    assert blaming(text), text


@pytest.mark.parametrize("text", [
    "It's not your fault.", "This is never your fault.", "It isn't your fault, and it is never too late to tell.",
    "It wasn't your fault.", "None of this is your fault.", "You are not to blame.", "Don't blame yourself.",
    "It is never the fault of the person asked.", "You didn't deserve it.", "You shouldn't have to put up with it.",
    "Being careful is good.", "It's your choice.",
])
def test_negated_and_harmless_phrasings_pass(text: str) -> None:
    assert not blaming(text), text


def _blaming_in(pieces: Iterable[Piece]) -> list[str]:
    problems: list[str] = []
    for piece in pieces:
        found = blaming(piece.text)
        if not found or not piece.in_game_voice:
            continue  # a character in the story may say it: the scenario teaches what to do about it
        if piece.kind == "choice" and piece.outcome == "unsafe":
            continue  # offered only as a risky choice; its feedback (checked too) says why it is wrong
        problems.append(f"{piece.where}: {found} in {piece.text!r}")
    return problems


def test_no_pack_blames_the_victim(packs: list[Pack]) -> None:
    problems = [p for pack in packs for p in _blaming_in(pack_pieces(pack))]
    assert not problems, "victim-blaming wording:\n" + "\n".join(problems)


def test_a_blaming_choice_is_never_scored_safe_or_partly_safe(packs: list[Pack]) -> None:
    problems = [f"{piece.where} ({piece.outcome}): {piece.text!r}" for pack in packs for piece in pack_pieces(pack)
                if piece.kind == "choice" and piece.outcome != "unsafe" and blaming(piece.text)]
    assert not problems, "a choice that blames the victim must be marked unsafe:\n" + "\n".join(problems)


# --- risky choices say what to do instead -------------------------------------------------------
INSTEAD = re.compile(
    r"\binstead\b|\b(?:it's |it is |it would be |much )?(?:better|safer) (?:to|is|choice|idea|way|move|plan|step)\b"
    r"|\bnext time\b|\bthe safe(?:st|r)? (?:thing|choice|move|way|step)\b|\bwhat to do\b",
    re.IGNORECASE)
MIN_ADVICE_WORDS = 2  # "Instead." alone says nothing; "Instead, pause." and "Block them instead." do


def _words(text: str) -> int:
    return len(re.findall(r"[\w']+", text))


def says_what_to_do_instead(feedback: str) -> bool:
    """A marker of advice ("instead", "it's safer to", "next time") and what to do, in its sentence or after it."""
    text = " ".join(feedback.split())
    for sentence in re.finditer(r"[^.!?]+[.!?]*", text):
        for match in INSTEAD.finditer(sentence.group(0)):
            start, end = sentence.start() + match.start(), sentence.start() + match.end()
            in_sentence = _words(text[sentence.start():start]) + _words(text[end:sentence.end()])
            if max(in_sentence, _words(text[end:])) >= MIN_ADVICE_WORDS:
                return True
    return False


def test_the_instead_check_itself() -> None:
    assert says_what_to_do_instead("That shares your address. Instead, block them and tell an adult.")
    assert says_what_to_do_instead("It is safer to decline and ask a grown-up.")
    assert not says_what_to_do_instead("That is risky. Your address is private.")
    assert says_what_to_do_instead("That is risky. Instead, pause. Check who posted it.")
    assert says_what_to_do_instead("That is risky. Block them instead.")
    assert not says_what_to_do_instead("Risky. Instead.")


def test_every_risky_choice_says_what_to_do_instead(packs: list[Pack]) -> None:
    missing = [f"{piece.where}: {piece.text!r}" for pack in packs for piece in pack_pieces(pack)
               if piece.kind == "feedback" and piece.outcome == "unsafe" and not says_what_to_do_instead(piece.text)]
    assert not missing, "feedback on a risky choice that does not say what to do instead:\n" + "\n".join(missing)


# --- content notes for sexual content, self-harm and extremism -----------------------------------
# Strong words mark the topic wherever they appear. Weak words ("sexual", "abuse") also appear where
# feedback says what a service is for ("CEOP is for online sexual abuse or grooming") and in a report
# menu's list of reasons ("Nudity or sexual content"), so they count only in the story itself: the
# messages, captions, prompts, titles and the choices that are not just a report menu's reason.
SENSITIVE = {
    "sexual content": (
        r"\bnudes?\b|\bnaked\b|\bsext(?:s|ing|ed)?\b|\bsextortion\b|\bporn(?:ography|ographic)?\b"
        r"|\b(?:explicit|intimate|sexy|topless) (?:image|photo|pic|picture|video|selfie|message|content|chat)s?\b"
        r"|\bunderwear\b|\bonlyfans\b",
        r"\bsexual(?:ly)?\b|\bsex\b|\bnudity\b|\bgroom(?:ing|ed|s)?\b"
        r"|\b(?:private|secret|special) (?:photo|pic|picture|selfie|video)s?\b",
    ),
    "self-harm": (
        r"\bself[- ]?harm(?:ing)?\b|\bsuicid(?:e|al)\b|\bkill(?:ing)? (?:my|your|him|her|them)sel(?:f|ves)\b"
        r"|\b(?:hurt|hurting|cut|cutting|harm|harming) (?:my|your|him|her|them)sel(?:f|ves)\b|\bpro-?ana\b"
        r"|\bend(?:ing)? (?:it all|my life|their life|your life)\b",
        r"\beating disorder\b|\bstarv(?:e|ing) (?:my|your|him|her|them)sel(?:f|ves)\b",
    ),
    "extremism": (
        r"\bextremis[mt]s?\b|\bradicali[sz](?:e|ed|ation|ing)\b|\bterroris[mt]s?\b|\bjihad\w*\b"
        r"|\bneo-?nazis?\b|\bwhite (?:supremac\w+|nationalis\w+)\b|\bfar[- ]right\b|\bhate group\b",
        r"\bnazis?\b|\bracist propaganda\b|\bgreat replacement\b",
    ),
}
STORY_KINDS = {"title", "discuss", "message", "screen-title", "screen-caption", "screen-alt", "alt", "prompt",
               "choice", "screen-subject", "screen-query", "screen-address", "screen-contact"}
BANDS_FOR_SENSITIVE = {"11-14", "14-19", "adults"}


def sensitive_topics(scenario_pieces_: Iterable[Piece]) -> dict[str, list[str]]:
    """The sensitive topics a scenario is about, with the words that show it."""
    pieces = list(scenario_pieces_)
    buttons = {_plain(p.text) for p in pieces if p.kind == "button"}
    found: dict[str, list[str]] = {}
    for topic, (strong, weak) in SENSITIVE.items():
        words: list[str] = []
        for piece in pieces:
            if piece.kind in ("content_note", "button"):
                continue
            text = _plain(piece.text)
            words += [m.group(0) for m in re.finditer(strong, text)]
            is_reason_label = piece.kind == "choice" and text in buttons
            if piece.kind in STORY_KINDS and not is_reason_label:
                words += [m.group(0) for m in re.finditer(weak, text)]
        if words:
            found[topic] = sorted(set(words))
    return found


def _piece(kind: str, text: str) -> Piece:
    return Piece("p/s", kind, text, sender="them" if kind == "message" else None)


def test_the_topic_detector_itself() -> None:
    assert "sexual content" in sensitive_topics([_piece("message", "send me a nude pic")])
    assert "sexual content" in sensitive_topics([_piece("feedback", "Sharing nudes of under-18s is a crime.")])
    assert "sexual content" in sensitive_topics([_piece("message", "he keeps sending sexual messages")])
    assert "self-harm" in sensitive_topics([_piece("message", "videos about self-harm keep coming up")])
    assert "extremism" in sensitive_topics([_piece("screen-caption", "A channel sharing extremist memes")])
    # A report menu's reasons, and feedback that says what a service is for, are not the topic.
    assert not sensitive_topics([_piece("button", "Nudity or sexual content"),
                                 _piece("choice", "Nudity or sexual content"),
                                 _piece("feedback", "CEOP is for online sexual abuse or grooming. This is bullying.")])
    assert not sensitive_topics([_piece("message", "ULTIMATE CUTTING STACK. 3 bottles"),
                                 _piece("feedback", "Cutting the watermark off hides who made it.")])


def test_scenarios_about_sexual_content_self_harm_or_extremism_have_a_note_and_an_older_band(
        packs: list[Pack]) -> None:
    problems: list[str] = []
    flagged = 0
    for pack in packs:
        for scenario in pack.scenarios:
            topics = sensitive_topics(scenario_pieces(pack, scenario))
            if not topics:
                continue
            flagged += 1
            about = "; ".join(f"{topic}: {', '.join(words)}" for topic, words in topics.items())
            if not scenario.content_note:
                problems.append(f"{pack.id}/{scenario.id}: no content_note on a scenario about {about}")
            young = [band for band in pack.age_bands if band not in BANDS_FOR_SENSITIVE]
            if young:
                problems.append(f"{pack.id}/{scenario.id}: about {about}, but the pack is for {', '.join(young)}")
    assert flagged, "the detector found no sensitive scenario at all: the word lists no longer fit the packs"
    assert not problems, "\n".join(problems)


# --- help ---------------------------------------------------------------------------------------
def test_every_pack_points_to_a_help_service(packs: list[Pack], directory: HelpDirectory) -> None:
    problems: list[str] = []
    for pack in packs:
        ids = pack.help_ids() - {SCHOOL_ID}
        if not ids:
            problems.append(f"{pack.id}: names no help service (only the school, or nothing)")
            continue
        unknown = sorted(i for i in ids if directory.resolve(i) is None)
        if unknown:
            problems.append(f"{pack.id}: help ids with no service in the UK directory: {unknown}")
    assert not problems, "\n".join(problems)
