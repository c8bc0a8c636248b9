"""The Indonesian messages to reporters (``data/templates.json``), rendered per channel.

SMS gets the short form, fitted into one segment: 160 characters when every character is in the GSM 03.38
default alphabet (its extension characters count twice), else 70 UCS-2 code units. The fixed part of each
template is GSM-7; what varies (a unit name, a unit's note) is transliterated to GSM-7 where it can be
(NFKD, accents dropped) and shortened with "..." until the message fits, so a note never costs the
citizen a second (or a UCS-2) segment.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TEMPLATES_FILE = Path(__file__).with_name("data") / "templates.json"

GSM7_BASIC = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
                 "¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM7_EXTENDED = set("^{}\\[~]|€\f")
SMS_GSM7_LIMIT = 160
SMS_UCS2_LIMIT = 70
ELLIPSIS = "..."
TEMPLATE_NAMES = ("ack", "verified", "rerouted", "dispatched", "followed_up", "closed", "reopened")


@dataclass(frozen=True)
class Rendered:
    template: str
    subject: str
    text: str


def sms_units(text: str) -> tuple[int, int]:
    """(characters counted, the segment limit) for one SMS segment of ``text``."""
    if all(ch in GSM7_BASIC or ch in GSM7_EXTENDED for ch in text):
        return sum(2 if ch in GSM7_EXTENDED else 1 for ch in text), SMS_GSM7_LIMIT
    return len(text.encode("utf-16-le")) // 2, SMS_UCS2_LIMIT


def fits_one_sms(text: str) -> bool:
    used, limit = sms_units(text)
    return used <= limit


def to_gsm7(text: str) -> str:
    """``text`` in the GSM-7 alphabet: accents dropped, typographic punctuation made plain, the rest removed."""
    plain = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    plain = plain.replace("\u2013", "-").replace("\u2014", "-").replace("\u2026", ELLIPSIS)
    out = []
    for ch in unicodedata.normalize("NFKC", plain):
        if ch in GSM7_BASIC or ch in GSM7_EXTENDED:
            out.append(ch)
            continue
        base = unicodedata.normalize("NFKD", ch)[0]
        if base in GSM7_BASIC:
            out.append(base)
        elif ch.isspace():
            out.append(" ")
    return " ".join("".join(out).split())


@lru_cache(maxsize=1)
def load() -> dict[str, dict[str, str]]:
    with open(TEMPLATES_FILE, encoding="utf-8") as f:
        data = json.load(f)
    missing = [name for name in TEMPLATE_NAMES if name not in data]
    if missing:
        raise ValueError(f"{TEMPLATES_FILE} lacks templates {missing}")
    return {name: data[name] for name in TEMPLATE_NAMES}


def render(template: str, *, sms: bool, tracking: str, link: str = "", unit: str = "", note: str = "",
           answer_link: str = "") -> Rendered:
    forms = load()[template]
    values = {"tracking": tracking, "link": link, "unit": unit or "unit yang berwenang",
              "note": note or "-", "answer_link": answer_link or link}
    subject = forms["subject"].format(**values)
    if not sms:
        return Rendered(template, subject, forms["text"].format(**values))
    return Rendered(template, subject, _fit_sms(forms["sms"], values))


def _fit_sms(form: str, values: dict[str, str]) -> str:
    """The SMS form with its variable parts made GSM-7 and shortened (longest first) until one segment."""
    values = {k: to_gsm7(v) for k, v in values.items()}
    text = form.format(**values)
    shrinkable = [name for name in ("note", "unit") if "{" + name + "}" in form]
    while not fits_one_sms(text) and shrinkable:
        name = max(shrinkable, key=lambda n: len(values[n]))
        current = values[name]
        over = sms_units(text)[0] - SMS_GSM7_LIMIT
        keep = max(0, len(current) - over - len(ELLIPSIS))
        values[name] = (current[:keep].rstrip() + ELLIPSIS) if keep else ""
        if not values[name] or keep == 0:
            shrinkable.remove(name)
        text = form.format(**values)
    if not fits_one_sms(text):  # only the fixed part is left: a template in the data file is too long
        raise ValueError(f"SMS template does not fit one segment: {form!r}")
    return text
