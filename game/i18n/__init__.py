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


def set_language(lang: str | None) -> str:
    """Switch every later lookup to ``lang``; returns the language in force."""
    global _translations, _language
    if not lang or lang.split("-")[0].split("_")[0] == "en":
        _translations, _language = _gettext.NullTranslations(), "en"
        return _language
    code = lang.replace("-", "_")
    _translations = _gettext.translation(
        DOMAIN, localedir=str(locales_dir()), languages=[code, code.split("_")[0]], fallback=True
    )
    _language = code.split("_")[0] if isinstance(_translations, _gettext.GNUTranslations) else "en"
    return _language


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
    return {"en": "en_GB", "cy": "cy_GB", "pl": "pl_PL", "ur": "ur_PK"}.get(_language, _language)


def format_percent(value: float) -> str:
    from babel.numbers import format_percent as babel_percent

    return babel_percent(value, locale=locale_name())
