"""Which language a complaint is written in: id, jv, su, en or ms. No model: shipped word lists.

Each word found in a language's list (data/language_words.json) scores for that language; a word
in several lists splits its point. Malay and Indonesian share most function words, so they are
scored together as one family first, then told apart by the words only one of them uses
(rosak/rusak, kerana/karena, tak/gak). When evidence is thin the answer is "id", the language
most complaints are written in.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

LANGUAGES = ("id", "jv", "su", "en", "ms")
DEFAULT = "id"
# Indonesian words a Malay writer would not use (the Malay word is in brackets where there is one).
_ID_NOT_MS = frozenset("""
tolong banget gak nggak enggak ga udah sih dong nih deh kok kelurahan kecamatan kabupaten bapak diperbaiki perbaikan
rusak kerusakan karena krn kantor listrik mobil mau dinas puskesmas petugas pelayanan cair yg tdk blm sdh jln sy
""".split())
_WORD_RE = re.compile(r"[^\W\d_]+")
_MIN_EVIDENCE = 1.0


def _load() -> dict[str, dict[str, float]]:
    raw = json.loads((Path(__file__).with_name("data") / "language_words.json").read_text(encoding="utf-8"))
    owners: dict[str, list[str]] = {}
    for language in LANGUAGES:
        for word in raw[language]:
            owners.setdefault(word, []).append(language)
    # word -> {language: weight}; a word shared by k lists gives each 1/k.
    return {word: {lang: 1.0 / len(langs) for lang in langs} for word, langs in owners.items()}


WEIGHTS = _load()


def scores(text: str) -> dict[str, float]:
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    totals = dict.fromkeys(LANGUAGES, 0.0)
    totals["id_not_ms"] = 0.0
    for word in _WORD_RE.findall(text.lower()):
        weights = WEIGHTS.get(word)
        if weights:
            for language, weight in weights.items():
                totals[language] += weight
        if word in _ID_NOT_MS:
            totals["id_not_ms"] += 1.0
    return totals


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; "id" when unsure."""
    score = scores(text)
    family = score["id"] + score["ms"]
    best, best_score = DEFAULT, family
    for language in ("jv", "su", "en"):
        if score[language] > best_score:
            best, best_score = language, score[language]
    if best_score < _MIN_EVIDENCE:
        return DEFAULT
    if best == DEFAULT and score["ms"] >= _MIN_EVIDENCE and score["ms"] > score["id_not_ms"]:
        return "ms"
    return best
