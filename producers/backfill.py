"""Backfill of archived mail: an mbox file or a directory of .eml files, through the same parser as IMAP.

Used by ``aduan ingest mbox FILE`` / ``aduan ingest eml DIR``. Re-running a backfill is safe: complaint
ids derive from the Message-ID (or the raw bytes' hash), so a message ingested twice is the same
complaint twice, which downstream deduplication recognises. If the broker stops acknowledging, the
run stops at that message (``Summary.aborted``); run it again from the start.
"""

from __future__ import annotations

import mailbox
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from aduan.core.blobs import BlobStore
from producers.email_parse import DEFAULT_MAX_ATTACHMENT_BYTES, parse_email
from aduan.core.connections import BrokerUnavailable
from schemas.events import Complaint

Accept = Callable[[Complaint, bytes], None]
DeadLetter = Callable[[bytes, str], None]
Progress = Callable[[int], None]


@dataclass
class Summary:
    total: int = 0
    accepted: int = 0
    ignored: int = 0
    invalid: int = 0
    with_attachments: int = 0
    ignored_reasons: Counter = field(default_factory=Counter)
    invalid_reasons: Counter = field(default_factory=Counter)
    aborted: str | None = None  # why the run stopped early (broker unavailable), None when complete

    def lines(self) -> list[str]:
        """Human summary for the CLI (reasons are categories, never contents or addresses)."""
        out = [f"messages: {self.total}", f"accepted: {self.accepted} ({self.with_attachments} with attachments)",
               f"ignored: {self.ignored}", f"invalid (dead-lettered): {self.invalid}"]
        out += [f"  ignored, {reason}: {n}" for reason, n in self.ignored_reasons.most_common(10)]
        out += [f"  invalid, {reason}: {n}" for reason, n in self.invalid_reasons.most_common(10)]
        if self.aborted:
            out.append(f"stopped early: {self.aborted}; re-run to continue (ingesting again is idempotent)")
        return out


def ingest_messages(messages: Iterable[bytes], accept: Accept, progress: Progress | None = None, *,
                    dead_letter: DeadLetter | None = None, blobs: BlobStore | None = None,
                    max_attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES) -> Summary:
    """Parse and accept each message in order. ``progress(1)`` is called once per message (e.g.
    ``functools.partial(rich_progress.advance, task_id)``). Invalid mail goes to ``dead_letter`` when
    given, and is counted either way."""
    summary = Summary()
    for raw in messages:
        parsed = parse_email(raw, blobs, max_attachment_bytes)
        try:
            if parsed.complaint is not None:
                accept(parsed.complaint, raw)
                summary.accepted += 1
                summary.with_attachments += bool(parsed.complaint.attachments)
            elif parsed.ignored_reason is not None:
                summary.ignored += 1
                summary.ignored_reasons[_category(parsed.ignored_reason)] += 1
            else:
                if dead_letter is not None:
                    dead_letter(raw, parsed.invalid_reason or "invalid")
                summary.invalid += 1
                summary.invalid_reasons[_category(parsed.invalid_reason or "invalid")] += 1
        except BrokerUnavailable as exc:
            summary.aborted = f"broker unavailable at message {summary.total + 1}: {exc}"
            return summary
        summary.total += 1
        if progress is not None:
            progress(1)
    return summary


def _category(reason: str) -> str:
    return reason.split(":", 1)[0]


def count_mbox(path: Path) -> int:
    return len(mailbox.mbox(str(path), create=False))


def iter_mbox(path: Path) -> Iterator[bytes]:
    """Raw bytes of each message, in file order (the "From " separator line is not part of them)."""
    box = mailbox.mbox(str(path), create=False)
    try:
        for key in box.iterkeys():
            yield box.get_bytes(key)
    finally:
        box.close()


def eml_files(directory: Path) -> list[Path]:
    """Every ``*.eml`` below ``directory``, sorted so runs are reproducible."""
    return sorted(p for p in Path(directory).rglob("*") if p.is_file() and p.suffix.lower() == ".eml")


def iter_eml(directory: Path) -> Iterator[bytes]:
    for path in eml_files(directory):
        yield path.read_bytes()
