"""The topic taxonomy: fixed codes, each with an Indonesian label and description (data/topics.json).

Apart from the classifier so readers of the taxonomy (the API's Open311 service list) do not load
scikit-learn: importing the classifier costs ~0.9 s and ~100 MB.
"""

from __future__ import annotations

import json
from pathlib import Path

TOPICS_PATH = Path(__file__).with_name("data") / "topics.json"

TOPIC_CODES: tuple[str, ...] = (
    "pertanahan", "infrastruktur", "kependudukan", "kesehatan", "pendidikan", "sosial", "energi",
    "air_bersih", "lingkungan", "perhubungan", "ketertiban", "kepolisian", "ketenagakerjaan",
    "perizinan", "pajak", "korupsi_pungli", "telekomunikasi", "lainnya",
)
FALLBACK_TOPIC = "lainnya"


def load_topics() -> dict[str, dict]:
    """code -> {label, description}, in taxonomy order."""
    entries = json.loads(TOPICS_PATH.read_text(encoding="utf-8"))
    return {entry["code"]: {"label": entry["label"], "description": entry["description"]} for entry in entries}
