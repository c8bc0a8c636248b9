"""The complaint categories (called "topic" in the events and the index): fixed codes, each with an Indonesian label and description (data/categories.json).

Apart from the classifier so readers of the taxonomy (the API's Open311 service list) do not load
scikit-learn: importing the classifier costs ~0.9 s and ~100 MB.
"""

from __future__ import annotations

import json
from pathlib import Path

CATEGORIES_PATH = Path(__file__).with_name("data") / "categories.json"

CATEGORY_CODES: tuple[str, ...] = (
    "pertanahan", "infrastruktur", "kependudukan", "kesehatan", "pendidikan", "sosial", "energi",
    "air_bersih", "lingkungan", "perhubungan", "ketertiban", "kepolisian", "ketenagakerjaan",
    "perizinan", "pajak", "korupsi_pungli", "telekomunikasi", "lainnya",
)
FALLBACK_CATEGORY = "lainnya"


def load_categories() -> dict[str, dict]:
    """code -> {label, description}, in taxonomy order."""
    entries = json.loads(CATEGORIES_PATH.read_text(encoding="utf-8"))
    return {entry["code"]: {"label": entry["label"], "description": entry["description"]} for entry in entries}
