"""Operators' corrections as training input: the files ``aduan corrections export`` writes, read by
``aduan train --corrections FILE``.

A topic correction is a labelled topic example (the operator's topic for the complaint's text). A merge
is a positive pair for the near-duplicate verifier (the complaint and the head of the cluster it was
merged into), a split a negative one (the complaint and the head it was split from).

- The latest correction of a complaint wins (its topic; for a pair, the latest word on that pair), and a
  complaint counts once however many files or lines carry it: each export is a snapshot of every
  correction so far, so the files of two runs overlap.
- Texts that are the same after feature normalisation count once too (a cluster's resends corrected one
  by one are one example), the latest correction's label standing; and a training example of the
  corpus with that text gives way to it (a person looked at this text and said otherwise).
- ``rahasia`` complaints never give a text: the export writes none, and a line that carries one anyway
  (an edited file) is used for nothing but the count. Texts are scrubbed again with the one contact
  scrubber, so a hand-edited file cannot bring a number into the model's vocabulary.
- Anything else wrong with a line is an error naming the file and the line: a training set is never
  silently smaller than the files it was given.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Sequence

from schemas.categories import CATEGORY_CODES
from schemas.contact import scrub
from streams.classify import normalise_for_features

KINDS = ("topic", "merge", "split")
PRIVACIES = ("publik", "anonim", "rahasia")
PLACEHOLDER = "[disembunyikan]"  # what the export's scrubber leaves (consumers.redaction)


class CorrectionsError(ValueError):
    """A line that cannot be read: ``FILE:LINE: what is wrong``."""


@dataclass
class Corrections:
    """What the files teach, with what the artifacts' metadata records of them."""

    files: dict[str, str] = field(default_factory=dict)  # path as given → sha256
    lines: int = 0
    topic_examples: list[dict] = field(default_factory=list)  # {"id", "text", "topic"}, one per text
    pairs: list[tuple[dict, dict, bool]] = field(default_factory=list)  # (complaint, other, same issue)
    withheld: int = 0  # lines of rahasia complaints: counted, never read
    without_text: int = 0  # complaints the index held no text of (a correction folded before the routing)

    def provenance(self) -> dict[str, Any]:
        return {"files": self.files, "lines": self.lines, "topic_examples": len(self.topic_examples),
                "pairs": len(self.pairs), "positive_pairs": sum(1 for *_, same in self.pairs if same),
                "withheld_rahasia": self.withheld, "without_text": self.without_text}


def text_key(text: str) -> str:
    """Two texts the classifier cannot tell apart (numbers folded, case and spacing ignored), contacts and the
    export's placeholder left out: a corpus text and its scrubbed export are one text."""
    return " ".join(normalise_for_features(_without_contacts(text)).split())


def _without_contacts(text: str) -> str:
    """Contacts gone, and the export's placeholder for them too: a word every scrubbed text shares would
    teach the model only which topics people leave their number in."""
    return scrub(text, replace=lambda _contact: " ").replace(PLACEHOLDER, " ")


def _clean(text: Any) -> str | None:
    """A trainable text (scrubbed again: a hand-edited file cannot bring a contact into the vocabulary), or None."""
    if not isinstance(text, str):
        return None
    return " ".join(_without_contacts(text).split()) or None


def _read_line(where: str, line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CorrectionsError(f"{where}: not JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise CorrectionsError(f"{where}: not a JSON object")
    if not isinstance(record.get("complaint_id"), str) or not record["complaint_id"]:
        raise CorrectionsError(f"{where}: no complaint_id")
    if record.get("kind") not in KINDS:
        raise CorrectionsError(f"{where}: kind must be one of {', '.join(KINDS)}, not {record.get('kind')!r}")
    if record.get("privacy") not in PRIVACIES:
        # An export from before rahasia complaints were withheld may carry their text: export again.
        raise CorrectionsError(f"{where}: privacy must be one of {', '.join(PRIVACIES)} "
                               f"(a file from an older `aduan corrections export`? export it again)")
    try:
        record["_at"] = datetime.fromisoformat(str(record.get("at")))
    except ValueError:
        raise CorrectionsError(f"{where}: at is not an ISO date-time: {record.get('at')!r}") from None
    if record["_at"].tzinfo is None:
        raise CorrectionsError(f"{where}: at has no time zone: {record.get('at')!r}")
    if record["kind"] == "topic" and record.get("label") not in CATEGORY_CODES:
        raise CorrectionsError(f"{where}: label {record.get('label')!r} is not a topic of the taxonomy")
    if record["kind"] == "merge" and not isinstance(record.get("label"), str):
        raise CorrectionsError(f"{where}: a merge's label is the cluster it joined")
    if not (record.get("text") is None or isinstance(record.get("text"), str)):
        raise CorrectionsError(f"{where}: text is not a string")
    pair = record.get("pair")
    if pair is not None and not (isinstance(pair, dict) and isinstance(pair.get("complaint_id"), str)
                                 and (pair.get("text") is None or isinstance(pair.get("text"), str))):
        raise CorrectionsError(f"{where}: pair is not {{complaint_id, text, ...}}")
    return record


def load_corrections(paths: Sequence[str | Path]) -> Corrections:
    """Read every line of every file (raising ``CorrectionsError`` at the first bad one), then keep the latest
    correction per complaint (topic) and per pair (merge, split)."""
    result = Corrections()
    topics: dict[str, dict] = {}
    pairs: dict[tuple[str, str], dict] = {}
    for path in map(Path, paths):
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise CorrectionsError(f"{path}: {exc.strerror}") from None
        result.files[str(path)] = hashlib.sha256(content).hexdigest()
        try:
            lines = content.decode("utf-8").splitlines()
        except UnicodeDecodeError:
            raise CorrectionsError(f"{path}: not UTF-8") from None
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            record = _read_line(f"{path}:{number}", line)
            result.lines += 1
            if record["kind"] == "topic":
                key = record["complaint_id"]
                if key not in topics or record["_at"] >= topics[key]["_at"]:
                    topics[key] = record
            elif record.get("pair"):
                key = tuple(sorted((record["complaint_id"], record["pair"]["complaint_id"])))
                if key not in pairs or record["_at"] >= pairs[key]["_at"]:
                    pairs[key] = record
    # rahasia: the complaint's own line, or the other side of a pair, gives no text whatever the file holds.
    by_text: dict[str, dict] = {}
    for record in topics.values():
        text = None if record["privacy"] == "rahasia" else _clean(record.get("text"))
        if record["privacy"] == "rahasia":
            result.withheld += 1
        elif text is None:
            result.without_text += 1
        else:
            key = text_key(text)
            if key not in by_text or record["_at"] >= by_text[key]["_at"]:
                by_text[key] = {**record, "text": text}
    result.topic_examples = [{"id": f"correction:{r['complaint_id']}", "text": r["text"], "topic": r["label"]}
                             for r in sorted(by_text.values(), key=lambda r: (r["_at"], r["complaint_id"]))]
    for record in sorted(pairs.values(), key=lambda r: (r["_at"], r["complaint_id"])):
        other = record["pair"]
        if "rahasia" in (record["privacy"], other.get("privacy")):
            result.withheld += 1
            continue
        texts = _clean(record.get("text")), _clean(other.get("text"))
        if None in texts:
            result.without_text += 1
            continue
        result.pairs.append(({"id": record["complaint_id"], "text": texts[0], "channel": record.get("channel"),
                              "received_at": record.get("received_at")},
                             {"id": other["complaint_id"], "text": texts[1], "channel": other.get("channel"),
                              "received_at": other.get("received_at")},
                             record["kind"] == "merge"))
    return result


def without_corrected(examples: Sequence[dict], corrections: Corrections, text_of=lambda e: e["text"]) -> list[dict]:
    """``examples`` without those whose text an operator labelled (the operator's label stands for it)."""
    corrected = {text_key(e["text"]) for e in corrections.topic_examples}
    return [e for e in examples if text_key(text_of(e)) not in corrected] if corrected else list(examples)
