"""Joining concatenated SMS that a gateway hands over one part at a time.

A long SMS travels as up to 255 parts, each carrying a User Data Header (3GPP TS 23.040
§9.2.3.24.1/.8: reference number, total, sequence). Kannel normally joins them itself
(``sms-combine-concatenated-mo``), but with that off, or after its combine timeout, the
parts reach us separately and must be joined before a complaint exists.

Why a file store: a part is acknowledged to the gateway (202) only after it is on disk
(write, fsync, rename), so an API restart between two parts loses nothing. Any worker
sharing the data directory can complete a group; if two complete it at once they both
publish the same provider message id, hence the same complaint id, which is idempotent.

A completed group keeps a ``done`` marker until it expires, so a late redelivery of a part
is acknowledged without starting a bogus new group. Groups whose parts never all arrive
are published, as received, once they expire (``sweep``), marked incomplete: a citizen's
partial text is still a complaint. A complete group whose publish failed (broker down)
is published by the sweep too, if the gateway never redelivers.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

DONE_MARKER = "done"
DEFAULT_TTL_S = 3600.0


@dataclass(frozen=True)
class Concat:
    reference: int
    total: int
    sequence: int


@dataclass
class Part:
    sequence: int
    text: str
    message_id: str | None = None
    meta: dict = field(default_factory=dict)


@dataclass
class Group:
    key: str
    total: int
    parts: list[Part]
    created_at: float

    @property
    def complete(self) -> bool:
        return {p.sequence for p in self.parts} >= set(range(1, self.total + 1))

    @property
    def missing(self) -> list[int]:
        have = {p.sequence for p in self.parts}
        return [seq for seq in range(1, self.total + 1) if seq not in have]

    def joined_text(self) -> str:
        # A missing part is shown, not silently closed up, so a reader knows text is lost.
        by_seq = {p.sequence: p.text for p in self.parts}
        text = ""
        for seq in range(1, self.total + 1):
            if seq in by_seq:
                text += by_seq[seq]
            else:
                text += ("" if not text or text[-1].isspace() else " ") + "[…] "
        return text.strip()


def concat_from_udh(udh: bytes) -> Concat | None:
    """Reference, total and sequence from a UDH (IEI 0x00: 8-bit reference, IEI 0x08: 16-bit)."""
    if not udh:
        return None
    elements = udh[1:1 + udh[0]]
    i = 0
    while i + 2 <= len(elements):
        iei, length = elements[i], elements[i + 1]
        data = elements[i + 2:i + 2 + length]
        if len(data) < length:
            return None
        if iei == 0x00 and length == 3:
            reference, total, sequence = data
        elif iei == 0x08 and length == 4:
            reference, total, sequence = (data[0] << 8) | data[1], data[2], data[3]
        else:
            i += 2 + length
            continue
        return Concat(reference, total, sequence) if 1 <= sequence <= total else None
    return None


def group_key(sender: str, recipient: str, smsc: str, concat: Concat) -> str:
    raw = f"{sender}|{recipient}|{smsc}|{concat.reference}|{concat.total}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


class PartStore:
    def __init__(self, root: Path, ttl_s: float = DEFAULT_TTL_S) -> None:
        self.root = Path(root)
        self.ttl_s = ttl_s

    def _dir(self, key: str) -> Path:
        return self.root / key

    def is_done(self, key: str) -> bool:
        return (self._dir(key) / DONE_MARKER).exists()

    def add(self, key: str, total: int, part: Part) -> Group:
        """Store one part durably and return its group as it now stands."""
        directory = self._dir(key)
        directory.mkdir(parents=True, exist_ok=True)
        self._write(directory / f"{part.sequence:03d}.json", {"total": total, **asdict(part)})
        return self.load(key)

    def load(self, key: str) -> Group:
        directory = self._dir(key)
        parts, total, created = [], 0, time.time()
        for path in sorted(directory.glob("[0-9][0-9][0-9].json")):
            try:
                data = json.loads(path.read_text("utf-8"))
                created = min(created, path.stat().st_mtime)
            except FileNotFoundError:  # another worker completed the group meanwhile
                continue
            total = max(total, int(data.pop("total")))
            parts.append(Part(**data))
        return Group(key=key, total=total, parts=parts, created_at=created)

    def mark_done(self, key: str) -> None:
        """Drop the parts, keep a marker until the group expires."""
        directory = self._dir(key)
        for path in directory.glob("[0-9][0-9][0-9].json"):
            path.unlink(missing_ok=True)
        directory.mkdir(parents=True, exist_ok=True)
        self._write(directory / DONE_MARKER, {"done_at": time.time()})

    def expired(self, now: float | None = None, limit: int = 20) -> list[str]:
        """Keys of groups older than the TTL, oldest first (at most ``limit``)."""
        if not self.root.is_dir():
            return []
        cutoff = (now if now is not None else time.time()) - self.ttl_s
        aged = []
        for directory in self.root.iterdir():
            try:
                if not directory.is_dir():
                    continue
                stamps = [p.stat().st_mtime for p in directory.iterdir()] or [directory.stat().st_mtime]
            except FileNotFoundError:  # removed by another worker while we looked
                continue
            if max(stamps) < cutoff:
                aged.append((min(stamps), directory.name))
        return [key for _, key in sorted(aged)[:limit]]

    def remove(self, key: str) -> None:
        shutil.rmtree(self._dir(key), ignore_errors=True)

    @staticmethod
    def _write(path: Path, data: dict) -> None:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
