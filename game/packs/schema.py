"""The JSON Schema for pack files, generated from the model so the two never disagree.

Editors (VS Code with the YAML extension, for example) use it to complete and
check fields while a teacher types. Regenerate with ``python -m game.packs.schema``.
"""

from __future__ import annotations

import json
from pathlib import Path

from game.packs.model import Pack

SCHEMA_PATH = Path(__file__).with_name("pack.schema.json")


def generate() -> str:
    schema = Pack.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Three Cs scenario pack, format 1"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(generate(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
