"""JSON Schema per event, for downstream subscribers that do not use Python."""

from __future__ import annotations

import json
from pathlib import Path

from schemas.topics import ALL_TOPICS


def event_schemas() -> dict[str, dict]:
    models = {spec.value_model.__name__: spec.value_model for spec in ALL_TOPICS}
    schemas = {}
    for name, model in sorted(models.items()):
        schema = model.model_json_schema(mode="serialization")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://aduan.invalid/schemas/{name}.json"
        schema["x-topics"] = [spec.name for spec in ALL_TOPICS if spec.value_model is model]
        schemas[name] = schema
    return schemas


def export(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in event_schemas().items():
        path = directory / f"{name}.schema.json"
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
        written.append(path)
    return written
