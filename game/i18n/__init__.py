"""Translation: every user-facing string goes through these functions.

Catalogues live in locales/<lang>/LC_MESSAGES/threecs.mo; until one exists for
the chosen language the source (English) text is returned.
"""

from __future__ import annotations

import gettext as _gettext

from game.paths import locales_dir

DOMAIN = "threecs"
_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"


PSEUDO = "qps"  # the pseudo-locale: accented and longer, to find unmarked and cramped text


class PseudoTranslations(_gettext.NullTranslations):
    """Every marked string comes back accented and about 40% longer; unmarked ones stay plain."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)


_ACCENTS = str.maketrans("aceinosuyACEINOSUY", "áçéîñöšüýÁÇÉÎÑÖŠÜÝ")


def pseudo(message: str) -> str:
    out, depth = [], 0
    for ch in message:  # {placeholders} stay as they are, or .format() would break
        depth += ch == "{"
        out.append(ch if depth else ch.translate(_ACCENTS))
        depth -= ch == "}" and depth > 0
    text = "".join(out)
    words = text.split(" ")
    padding = "~" * max(1, round(len(text) * 0.4) - 2)
    return f"[{text} {padding}]" if len(words) < 40 else f"[{text} {padding[:40]}]"


def set_language(lang: str | None) -> str:
    """Switch every later lookup to ``lang``; returns the language in force."""
    global _translations, _language
    if lang == PSEUDO:
        _translations, _language = PseudoTranslations(), PSEUDO
        return _language
    if not lang or lang.split("-")[0].split("_")[0] == "en":
        _translations, _language = _gettext.NullTranslations(), "en"
        return _language
    code = lang.replace("-", "_")
    _translations = _gettext.translation(
        DOMAIN, localedir=str(locales_dir()), languages=[code, code.split("_")[0]], fallback=True
    )
    _language = code.split("_")[0] if isinstance(_translations, _gettext.GNUTranslations) else "en"
    return _language


SHIPPED = ("en", "cy", "pl", "ur")


def system_language() -> str:
    """The computer's language, where it is one we ship; else English."""
    import locale
    import os

    for name in (os.environ.get("LANGUAGE", "").split(":")[0], os.environ.get("LC_ALL"),
                 os.environ.get("LC_MESSAGES"), os.environ.get("LANG"), locale.getlocale()[0]):
        if name:
            code = name.split("_")[0].split(".")[0].lower()
            if code in SHIPPED:
                return code
    return "en"


def language() -> str:
    return _language


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translations.pgettext(context, message)


def N_(message: str) -> str:
    """Marks a string for extraction where it is defined; translate it where it is shown."""
    return message


def locale_name() -> str:
    """The Babel locale for formatting numbers and dates."""
    return {"en": "en_GB", "cy": "cy_GB", "pl": "pl_PL", "ur": "ur_PK", PSEUDO: "en_GB"}.get(_language, "en_GB")


def format_percent(value: float) -> str:
    from babel.numbers import format_percent as babel_percent

    return babel_percent(value, locale=locale_name())
