"""Messages that are not complaints: a citizen's structured answer or an opt-out.

* Buttons, list replies, template quick replies, Messenger quick replies and postbacks, Twilio
  ``ButtonPayload``, and a bare keyword (``YA``/``BELUM`` and their usual writings) are a
  ``CitizenAnswer`` on ``complaints.answers``: the notifier matches them to the question it asked.
* ``STOP``/``BERHENTI``/``UNSUBSCRIBE`` (and ``START``/``MULAI`` to opt back in), or Twilio's
  ``OptOutType``, are a ``ContactPreference`` on ``complaints.preferences``.

A keyword counts only when it is the whole message (as Twilio's own STOP filtering does): "stop
dulu, jalan di depan rumah rusak" is a complaint.
"""

from __future__ import annotations

import re
from datetime import datetime

from schemas.events import AnswerKind, Channel, CitizenAnswer, ContactPreference, Reporter
from schemas.ids import complaint_id as derive_id

OPT_OUT = frozenset({"STOP", "STOPALL", "BERHENTI", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "BATAL", "STOP AJA"})
OPT_IN = frozenset({"START", "UNSTOP", "MULAI", "SUBSCRIBE", "LANJUT"})
# Closure question answers ("Apakah masalah Anda sudah selesai? Balas YA atau BELUM").
ANSWERS = {"YA": "YA", "IYA": "YA", "IYAA": "YA", "Y": "YA", "YES": "YA", "SUDAH": "YA", "SDH": "YA", "OK": "YA",
           "BELUM": "BELUM", "BLM": "BELUM", "BLOM": "BELUM", "BELOM": "BELUM", "TIDAK": "BELUM", "TDK": "BELUM",
           "NO": "BELUM", "GAK": "BELUM", "ENGGAK": "BELUM"}
_NOISE = re.compile(r"[\s.!?,;:'\"()\-]+")


def _normalised(text: str) -> str:
    return _NOISE.sub(" ", text.upper()).strip()


def keyword(text: str | None) -> tuple[str, str] | None:
    """``("opt_out"|"opt_in"|"answer", KEYWORD)`` when the whole message is a keyword, else None."""
    if not text or len(text) > 40:
        return None
    word = _normalised(text)
    if word in OPT_OUT:
        return "opt_out", word
    if word in OPT_IN:
        return "opt_in", word
    if word in ANSWERS:
        return "answer", ANSWERS[word]
    return None


def contact_key(channel: Channel, reporter: Reporter) -> str | None:
    """``channel:kind:value`` of the reporter's primary contact (the answers/preferences topics' key,
    and ``channel_meta.sender_key`` of a complaint, so the stream stage can match one sender's
    messages, e.g. a photo and the text that follows it)."""
    for kind in ("phone", "bsuid", "handle", "email"):
        value = getattr(reporter, kind)
        if value:
            return f"{channel}:{kind}:{value}"
    return None


def answer(channel: Channel, provider_message_id: str, reporter: Reporter, kind: AnswerKind, payload: str,
           text: str | None, received_at: datetime, context_message_id: str | None = None) -> CitizenAnswer | str:
    key = contact_key(channel, reporter)
    if key is None:
        return "answer without a contact to key it on"
    return CitizenAnswer(answer_id=derive_id(channel, f"answer:{provider_message_id}"), contact_key=key,
                         channel=channel, provider_message_id=provider_message_id[:300], reporter=reporter, kind=kind,
                         payload=(payload or text or "")[:500], text=(text or None) and text[:2000],
                         context_message_id=(context_message_id or None) and context_message_id[:300],
                         received_at=received_at)


def preference(channel: Channel, reporter: Reporter, opted_out: bool, keyword_: str | None, source: str,
               provider_message_id: str | None, at: datetime) -> ContactPreference | str:
    key = contact_key(channel, reporter)
    if key is None:
        return "preference without a contact to key it on"
    return ContactPreference(contact_key=key, channel=channel, reporter=reporter, opted_out=opted_out,
                             keyword=(keyword_ or None) and keyword_[:50], source=source,
                             provider_message_id=provider_message_id and provider_message_id[:300], at=at)


def from_keyword(channel: Channel, provider_message_id: str, reporter: Reporter, text: str | None,
                 at: datetime, context_message_id: str | None = None) -> CitizenAnswer | ContactPreference | str | None:
    """The answer or preference a bare keyword message is; None when it is not one (a complaint)."""
    found = keyword(text)
    if found is None:
        return None
    what, word = found
    if what == "answer":
        return answer(channel, provider_message_id, reporter, "keyword", word, text, at, context_message_id)
    return preference(channel, reporter, what == "opt_out", word, "keyword", provider_message_id, at)
