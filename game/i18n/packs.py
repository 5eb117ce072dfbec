"""Pack and help text in the learner's language, looked up by ids.

Every translatable pack field has a message context made of its ids
(``pack/scenario/step/choice/field``), so a translation is tied to its place,
not to its position, and survives a reordering. The message id is the pack's
own text: when an author edits a line, its old translation no longer matches
and the pack's own text shows (a teacher's untranslated pack plays in any
language). The extractor (game/i18n/extract.py) walks packs the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.i18n import language, pgettext

# (field, how it appears in the context) for each level of a pack, in reading order.
PACK_FIELDS = ("title", "summary", "content_note")
SCENARIO_FIELDS = ("title", "content_note")
SCREEN_FIELDS = ("title", "contact", "subject", "query", "caption", "alt")
STEP_FIELDS = ("prompt",)
MESSAGE_FIELDS = ("text", "alt")
CHOICE_FIELDS = ("text", "feedback")
HELP_FIELDS = ("purpose", "who", "hours", "notes")

Loc = tuple[Any, ...]
Visit = Callable[[str, str, Loc], str | None]


def walk_pack(data: dict[str, Any], visit: Visit) -> None:
    """Call ``visit(context, text, loc)`` for every translatable text of a pack given as plain data
    (``loc`` is its path in the data, for line numbers); where it returns a string, that replaces
    the text (data is changed in place)."""

    def each(holder: dict[str, Any], fields: tuple[str, ...], prefix: str, loc: Loc) -> None:
        for name in fields:
            value = holder.get(name)
            if isinstance(value, str) and value:
                new = visit(f"{prefix}/{name}", value, (*loc, name))
                if new is not None:
                    holder[name] = new

    def items(values: list[Any], prefix: str, loc: Loc) -> None:
        for i, value in enumerate(values):
            if isinstance(value, str) and value:
                new = visit(f"{prefix}/{i + 1}", value, (*loc, i))
                if new is not None:
                    values[i] = new

    def dicts(value: Any) -> list[tuple[int, dict[str, Any]]]:
        return [(i, v) for i, v in enumerate(value or []) if isinstance(v, dict)]

    pack_id = data.get("id", "")
    each(data, PACK_FIELDS, str(pack_id), ())
    for s, scenario in dicts(data.get("scenarios")):
        at, s_loc = f"{pack_id}/{scenario.get('id')}", ("scenarios", s)
        each(scenario, SCENARIO_FIELDS, at, s_loc)
        items(scenario.get("discuss") or [], f"{at}/discuss", (*s_loc, "discuss"))
        for t, step in dicts(scenario.get("steps")):
            step_at, t_loc = f"{at}/{step.get('id')}", (*s_loc, "steps", t)
            raw_screen = step.get("screen")
            screen: dict[str, Any] = raw_screen if isinstance(raw_screen, dict) else {}
            each(screen, SCREEN_FIELDS, f"{step_at}/screen", (*t_loc, "screen"))
            items(screen.get("buttons") or [], f"{step_at}/screen/button", (*t_loc, "screen", "buttons"))
            for m, message in dicts(screen.get("messages")):
                m_at, m_loc = f"{step_at}/message/{m + 1}", (*t_loc, "screen", "messages", m)
                each(message, MESSAGE_FIELDS, m_at, m_loc)
                if any(ch.isalpha() for ch in str(message.get("time") or "")):  # "Yesterday", not "16:42"
                    each(message, ("time",), m_at, m_loc)
            each(step, STEP_FIELDS, step_at, t_loc)
            for c, choice in dicts(step.get("choices")):
                each(choice, CHOICE_FIELDS, f"{step_at}/{choice.get('id')}", (*t_loc, "choices", c))


_cache: dict[tuple[str, str, int], Any] = {}


def translate_pack(pack: Any) -> Any:
    """The pack with every text in the current language where a translation exists."""
    from game.packs.model import Pack

    lang = language()
    if lang == pack.language.split("-")[0]:
        return pack
    key = (pack.id, lang, id(pack))
    found = _cache.get(key)
    if found is None:
        data = pack.model_dump()
        walk_pack(data, lambda context, text, _loc: _lookup(context, text))
        found = _construct(Pack, data)  # translations may be longer than the source's limits: no re-check
        _cache[key] = found
    return found


def _construct(model: Any, data: Any) -> Any:
    """Rebuild validated models from their own dump without checking them again."""
    from pydantic import BaseModel

    values = {}
    for name, field in model.model_fields.items():
        value = data.get(name)
        inner = _model_in(field.annotation)
        if inner is not None and isinstance(value, list):
            value = [_construct(inner, item) for item in value]
        elif inner is not None and isinstance(value, dict):
            value = _construct(inner, value)
        values[name] = value
    assert issubclass(model, BaseModel)
    return model.model_construct(**values)


def _model_in(annotation: Any) -> Any:
    from pydantic import BaseModel

    candidates = [annotation, *getattr(annotation, "__args__", ())]
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _lookup(context: str, text: str) -> str | None:
    translated = pgettext(context, text)
    return translated if translated != text else None


def help_context(region: str, service_id: str, field: str) -> str:
    return f"help/{region}/{service_id}/{field}"


def translate_service(region: str, service: Any) -> Any:
    """A help service with its description in the current language; its name stays official."""
    if language() == "en":
        return service
    updates = {}
    for field in HELP_FIELDS:
        value = getattr(service, field)
        if value:
            translated = pgettext(help_context(region, service.id, field), value)
            if translated != value:
                updates[field] = translated
    return service.model_copy(update=updates) if updates else service


def languages_of(pack: Any) -> list[str]:
    """The pack's own language, then each shipped language whose catalogue translates its title."""
    import gettext

    from game.i18n import DOMAIN, SHIPPED
    from game.paths import locales_dir

    found = [pack.language]
    for lang in SHIPPED:
        if lang == pack.language.split("-")[0]:
            continue
        catalogue = gettext.translation(DOMAIN, localedir=str(locales_dir()), languages=[lang], fallback=True)
        if catalogue.pgettext(f"{pack.id}/title", pack.title) != pack.title:
            found.append(lang)
    return found
