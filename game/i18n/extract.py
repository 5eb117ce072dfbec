"""A Babel extractor for packs and the help directory, registered as the ``threecs_packs``
entry point so that ``pybabel extract -F babel.cfg`` collects pack text beside the UI strings.

Each message carries its ids as the message context (see game/i18n/packs.py) and its
source line, so a translator sees where a text lives and the game finds it by its ids.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from game.i18n.packs import HELP_FIELDS, help_context, walk_pack
from game.packs.yamlsource import Source, parse_yaml

Extracted = tuple[int, str, tuple[str, str], list[str]]


def extract_packs(fileobj: Any, keywords: Any, comment_tags: Any, options: dict[str, Any]) -> Iterator[Extracted]:
    """Babel's extractor interface: yields (line, 'pgettext', (context, text), comments)."""
    text = fileobj.read().decode("utf-8-sig")
    source = parse_yaml(text, Source(getattr(fileobj, "name", "pack")))
    data = source.data
    if not isinstance(data, dict):
        return
    found: list[Extracted] = []
    if "services" in data and "region" in data:
        region = str(data.get("region"))
        for index, service in enumerate(data.get("services") or []):
            if not isinstance(service, dict):
                continue
            for field in HELP_FIELDS:
                value = service.get(field)
                if isinstance(value, str) and value:
                    line = source.where(("services", index, field))[0]
                    found.append((line, "pgettext", (help_context(region, str(service.get("id")), field), value),
                                  [f"Help service: {service.get('name')} ({field})"]))
        yield from found
        return

    def visit(context: str, value: str, loc: tuple[Any, ...]) -> None:
        line = source.where(loc)[0]
        found.append((line, "pgettext", (context, value), [f"Pack text: {loc[-1]}"]))
        return None

    walk_pack(data, visit)
    yield from found
