"""Words for ids that both front ends show: categories, outcomes, app kinds, age bands.

Kept in one place so the screen, the terminal player and the reports say the
same thing, and every word is marked for translation once.
"""

from __future__ import annotations

from game.i18n import N_, _

CATEGORY_NAMES = {
    "content": N_("Content"),
    "contact": N_("Contact"),
    "conduct": N_("Conduct"),
    "commerce": N_("Commerce"),
}
CATEGORY_ABOUT = {
    "content": N_("what you see and upload"),
    "contact": N_("who you talk to"),
    "conduct": N_("how you behave and keep information secure"),
    "commerce": N_("scams, gambling and spending"),
}
OUTCOME_NAMES = {
    "safe": N_("A safe choice"),
    "mixed": N_("Partly safe"),
    "unsafe": N_("Risky"),
}
APP_NAMES = {
    "chat": N_("Chat"),
    "sms": N_("Text messages"),
    "feed": N_("Social feed"),
    "browser": N_("Web browser"),
    "search": N_("Search"),
    "email": N_("Email"),
    "game": N_("Game chat"),
    "video": N_("Video"),
    "popup": N_("Pop-up"),
    "narration": N_("Story"),
}
AGE_NAMES = {
    "7-11": N_("Ages 7-11"),
    "11-14": N_("Ages 11-14"),
    "14-19": N_("Ages 14-19"),
    "adults": N_("Adults"),
}
AUDIENCE_NAMES = {
    "learners": N_("Learners"),
    "staff": N_("School staff"),
    "parents": N_("Parents and carers"),
}


def audience(kind: str) -> str:
    return _(AUDIENCE_NAMES[kind])


def category(cat: str) -> str:
    return _(CATEGORY_NAMES[cat])


def outcome(kind: str) -> str:
    return _(OUTCOME_NAMES[kind])


def app(kind: str) -> str:
    return _(APP_NAMES[kind])


def ages(bands: tuple[str, ...] | list[str]) -> str:
    return ", ".join(_(AGE_NAMES[b]) for b in bands)


def sender(name: str, contact: str | None) -> str:
    """Who a message is from, as shown: 'them' is the contact, 'me' is You."""
    if name == "me":
        return _("You")
    if name == "them":
        return contact or _("Them")
    if name == "system":
        return ""
    return name
