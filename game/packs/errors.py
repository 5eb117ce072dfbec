"""Turning pydantic's errors into messages a teacher can act on, at the right line."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from game.i18n import _
from game.packs.yamlsource import Path_, Problem, Source

_KINDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a set of fields",
    "model_type": "a set of fields",
    "model_attributes_type": "a set of fields",
}


def _readable(loc: Path_) -> str:
    """('scenarios', 0, 'steps', 1, 'prompt') -> 'scenarios[1].steps[2].prompt' (1-based for people)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out or _("the top level of the file")


def _model_at(model: type[BaseModel], loc: Path_) -> type[BaseModel] | None:
    """The model class that owns the mapping at ``loc`` (for field-name suggestions)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part) or next(
            (f for f in current.model_fields.values() if f.alias == part), None
        )
        if field is None:
            return None
        annotation = field.annotation
        current = annotation
        for arg in getattr(annotation, "__args__", ()) or ():
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                current = arg
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field_names(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def _message(error: dict[str, Any], loc: Path_, model: type[BaseModel] | None) -> tuple[str, bool]:
    """Returns (message, point at the key rather than the value)."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    name = next((str(part) for part in reversed(loc) if isinstance(part, str)), "")
    got = error.get("input")
    if kind == "missing":
        return _("missing required field '{name}' in {where}").format(name=name, where=_readable(loc[:-1])), False
    if kind == "extra_forbidden":
        known = _field_names(_model_at(model, loc[:-1]) if model else None)
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        if close:
            return _("unknown field '{name}': did you mean '{known}'?").format(name=name, known=close[0]), True
        return _("unknown field '{name}'; the fields allowed here are: {known}").format(
            name=name, known=", ".join(known)), True
    if kind in ("literal_error", "enum") and loc[-2:-1] == ("points",):
        return _("'{name}' is not a category: points are given to content, contact, conduct or "
                 "commerce").format(name=name), True
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace("'", "")
        options = [e.strip() for e in expected.replace(" or ", ",").split(",")]
        if isinstance(got, str) and got in options:  # format: "1" where the number 1 is meant
            return _("'{name}' must be the number {got}, without quotes").format(name=name, got=got), False
        close = difflib.get_close_matches(str(got), [e.strip() for e in expected.replace(" or ", ",").split(",")],
                                          n=1, cutoff=0.6)
        hint = _(" (did you mean '{known}'?)").format(known=close[0]) if close else ""
        return _("'{name}' must be one of: {expected}; found '{got}'{hint}").format(
            name=name, expected=expected, got=got, hint=hint), False
    if kind == "string_too_long":
        return _("'{name}' is too long to fit on screen at the largest text size: {count} characters, "
                 "at most {limit}").format(name=name, count=len(str(got)), limit=ctx.get("max_length")), False
    if kind == "string_too_short":
        return _("'{name}' must not be empty").format(name=name), False
    if kind == "string_pattern_mismatch":
        if name == "language":
            return _("'language' must be a language code like en-GB, cy or pl; found '{got}'").format(got=got), False
        return _("'{got}' is not a valid id: use lowercase letters, digits and '-' only "
                 "(like 'new-friends')").format(got=got), False
    if kind == "too_short":
        if name == "choices":
            return _("a step needs 2 to 6 choices; this one has {count}").format(count=ctx.get("actual_length")), True
        return _("'{name}' needs at least {min} item(s)").format(name=name, min=ctx.get("min_length")), False
    if kind == "too_long":
        if name == "choices":
            return _("a step needs 2 to 6 choices; this one has {count}").format(count=ctx.get("actual_length")), True
        return _("'{name}' may have at most {max} items; found {count}").format(
            name=name, max=ctx.get("max_length"), count=ctx.get("actual_length")), False
    if kind in ("greater_than_equal", "less_than_equal"):
        return _("points must be a whole number from 0 to 3; found {got}").format(got=got), False
    if kind == "string_type" and got is None:
        return _("'{name}' must not be empty").format(name=name), False
    if kind in _KINDS:
        return _("'{name}' should be {kind}").format(name=name, kind=_KINDS[kind]), False
    return f"'{name}': {error['msg']}", False


def problems_from_validation(error: ValidationError, source: Source) -> list[Problem]:
    model = error.title
    root = _ROOTS.get(model)
    problems = []
    for item in error.errors():
        loc = tuple(part for part in item["loc"] if part != "[key]")
        at_key = "[key]" in item["loc"]
        message, key = _message(dict(item), loc, root)
        line, col = source.where(loc, key=key or at_key)
        problems.append(Problem(source.path, line, col, message))
    return problems


_ROOTS: dict[str, type[BaseModel]] = {}


def register_root(model: type[BaseModel]) -> None:
    """Models whose errors we explain (so field suggestions know the fields)."""
    _ROOTS[model.__name__] = model
