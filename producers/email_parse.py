"""One RFC 5322 / MIME message (raw bytes) -> a canonical ``Complaint``, or the reason it is not one.

Pure apart from the optional ``BlobStore`` (attachment bytes are stored there). Never raises on any
input: whatever a mailbox holds, the caller gets a complaint, an "ignored" reason (auto-replies,
bounces: marked processed, nothing published) or an "invalid" reason (dead-lettered).

Decisions worth knowing:

* ``provider_message_id`` is the Message-ID (``<>`` stripped, domain part lower-cased, as RFC 5322
  makes only the domain case-insensitive); without one it is ``sha256:<hex of the raw bytes>``, so
  refetching the same stored message yields the same complaint id.
* ``in_reply_to`` is derived without any lookup: complaint ids are a function of ("email", Message-ID),
  so the referenced Message-ID maps straight to the parent's complaint id. The thread *root*
  (first ``References`` entry, else ``In-Reply-To``) is used, because a citizen usually answers our
  acknowledgement mail, whose own Message-ID is not a complaint; the root is their first mail. A root
  that is not a known complaint must be tolerated downstream (treated as a new case).
* Attachments over ``max_attachment_bytes`` (and beyond the schema's 20) are not stored and not listed
  in ``attachments`` (every listed sha256 resolves in the blob store); their metadata goes to
  ``channel_meta["skipped_attachments"]``. The raw message, kept via ``raw_ref``, still holds them.
* A message whose body is empty but whose subject is not uses the subject as text (a photo with
  "Jalan berlubang di Jl. Merdeka" as subject is a complaint); body and subject both empty is invalid.
* A declared charset that does not decode falls back to UTF-8, then to replacement characters; an
  undeclared one tries UTF-8 then windows-1252. Labels latin-1 / us-ascii decode as windows-1252,
  as browsers do, since that is what such mail really contains.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from pydantic import ValidationError

from aduan.core.blobs import BlobStore
from producers import answers
from schemas.contact import normalise_email
from schemas.events import MAX_TEXT_CHARS, Attachment, CitizenAnswer, Complaint, ContactPreference, Reporter
from schemas.ids import complaint_id

DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 20  # Complaint.attachments max_length
MAX_REFERENCES_KEPT = 20
# A Date more than this far in the future is a wrong clock or a forgery; it would sort first forever.
MAX_CLOCK_SKEW = timedelta(days=1)

_IGNORED_PRECEDENCE = {"bulk", "junk", "list", "auto_reply"}
_DAEMON_LOCAL_PARTS = {"mailer-daemon", "postmaster"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_HEADER_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_MSGID = re.compile(r"<([^<>]+)>")
_ANGLE_ADDRESS = re.compile(r"^([^<>,]*)<([^<>,\s]+)>\s*$")
_TRACKING_NUMBER = re.compile(r"\bADU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b")
_ATTRIBUTION = re.compile(r"^\s*(on|pada)\b.{0,400}\b(wrote|menulis)\s*:?\s*$", re.IGNORECASE)
_ORIGINAL_MESSAGE = re.compile(r"^\s*-{2,}\s*(original message|pesan asli|pesan awal)\s*-{2,}\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedMail:
    """Exactly one of ``complaint``, ``answer``, ``ignored_reason``, ``invalid_reason`` is set."""

    provider_message_id: str
    complaint: Complaint | None = None
    # A reply whose first line is YA/BELUM (the closure question's answer) or STOP: not a complaint.
    answer: CitizenAnswer | ContactPreference | None = None
    ignored_reason: str | None = None
    invalid_reason: str | None = None


def parse_email(raw: bytes, blobs: BlobStore | None = None,
                max_attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES,
                max_text_chars: int = MAX_TEXT_CHARS, now: datetime | None = None) -> ParsedMail:
    """Parse one message. With ``blobs`` the raw message and the attachments are stored; without it
    only their metadata is computed (dry runs, tests)."""
    fallback_id = f"sha256:{hashlib.sha256(raw).hexdigest()}"
    try:
        msg = BytesParser(policy=policy.default).parsebytes(raw)
    except Exception as exc:  # the parser is lenient; this is a last resort, not a code path we expect
        return ParsedMail(fallback_id, invalid_reason=f"unparseable message: {type(exc).__name__}")
    provider_id = normalise_message_id(header_text(msg, "message-id") or "") or fallback_id
    try:
        return _parse(msg, raw, provider_id, blobs, max_attachment_bytes, max_text_chars, now or datetime.now(timezone.utc))
    except Exception as exc:  # never let one odd message stop a mailbox; it is dead-lettered with the reason
        return ParsedMail(provider_id, invalid_reason=f"unparseable message: {type(exc).__name__}: {clean_header(str(exc))[:200]}")


def _parse(msg: EmailMessage, raw: bytes, provider_id: str, blobs: BlobStore | None,
           max_attachment_bytes: int, max_text_chars: int, now: datetime) -> ParsedMail:
    sender_name, sender_address = _first_address(msg, "from")
    ignored = ignored_reason(msg, sender_address)
    if ignored:
        return ParsedMail(provider_id, ignored_reason=ignored)

    subject = header_text(msg, "subject") or None
    references = [i for i in (normalise_message_id(m) for m in _MSGID.findall(header_text(msg, "references") or "")) if i]
    in_reply_to = [i for i in (normalise_message_id(m) for m in _MSGID.findall(header_text(msg, "in-reply-to") or "")) if i]
    is_reply = bool(references or in_reply_to)

    body_part, text_source = _body_part(msg)
    text = _clean_text(_part_text(body_part, text_source)) if body_part is not None else ""
    if text and is_reply:
        text = trim_quoted(text)
    if not text and subject:
        text, text_source = subject, "subject"
    if not text:
        return ParsedMail(provider_id, invalid_reason="empty message: no text body and no subject")

    if in_reply_to and (first_line := text.strip().splitlines()[0] if text.strip() else ""):
        reply = _reply_keyword(provider_id, sender_name, sender_address, first_line, text,
                               _received_at(msg, now), in_reply_to[0])
        if reply is not None:
            return ParsedMail(provider_id, answer=reply)

    meta: dict[str, Any] = {"message_id": provider_id, "text_source": text_source}
    max_text_chars = min(max_text_chars, MAX_TEXT_CHARS)
    if len(text) > max_text_chars:
        text, meta["text_truncated_from"] = text[:max_text_chars], len(text)

    attachments, skipped = _attachments(msg, body_part, blobs, max_attachment_bytes)
    if skipped:
        meta["skipped_attachments"] = skipped
    root = (references or in_reply_to or [None])[0]
    if root == provider_id:
        root = None
    if in_reply_to:
        meta["in_reply_to_message_id"] = in_reply_to[0]
    if references:
        meta["references"] = references[-MAX_REFERENCES_KEPT:]
    if subject and (tracking := _TRACKING_NUMBER.search(subject)):
        # Our acknowledgement mails carry the tracking number; resolving it needs the index, not us.
        meta["tracking_number_ref"] = tracking.group(0)
    recipients = [addr for _, addr in _addresses(msg, "to") if addr][:10]
    if recipients:
        meta["to"] = recipients  # which agency mailbox was written to helps routing

    try:
        complaint = Complaint.new(
            channel="email",
            provider_message_id=provider_id,
            received_at=_received_at(msg, now),
            reporter=Reporter(name=(sender_name or None) and sender_name[:200], email=sender_address),
            subject=subject[:500] if subject else None,
            text=text,
            attachments=attachments,
            in_reply_to=complaint_id("email", root) if root else None,
            channel_meta=meta,
            raw_ref=f"sha256:{blobs.put(raw)}" if blobs is not None else None,
        )
    except ValidationError as exc:
        fields = ", ".join(".".join(str(p) for p in e["loc"]) or "?" for e in exc.errors(include_input=False))
        return ParsedMail(provider_id, invalid_reason=f"invalid complaint fields: {fields}")
    return ParsedMail(provider_id, complaint=complaint)


def _reply_keyword(provider_id: str, sender_name: str | None, sender_address: str | None, first_line: str,
                   text: str, at: datetime, replied_to: str) -> CitizenAnswer | ContactPreference | None:
    """A reply that answers with a keyword on its first line ("YA", "Belum.", "STOP"): an answer to the
    message it replies to (the notifier matches ``context_message_id`` to the question it sent)."""
    found = answers.keyword(first_line)
    if found is None or not sender_address:
        return None
    reporter = Reporter(name=(sender_name or None) and sender_name[:200], email=sender_address)
    what, word = found
    if what == "answer":
        made = answers.answer("email", provider_id, reporter, "email_reply", word, text[:2000], at, replied_to)
    else:
        made = answers.preference("email", reporter, what == "opt_out", word, "keyword", provider_id, at)
    return made if not isinstance(made, str) else None


# --- headers -----------------------------------------------------------------------------------------

def clean_header(value: str) -> str:
    """Header values never carry CR/LF or other controls into fields (decoded RFC 2047 words can)."""
    return " ".join(_HEADER_CONTROL.sub(" ", value).split())


def header_text(msg: Message, name: str) -> str | None:
    """Decoded, control-free header value; a header the policy cannot parse is decoded by hand."""
    try:
        value = msg.get(name)
        if value is not None:
            return clean_header(str(value))
    except Exception:
        pass
    for key, raw_value in msg.raw_items():
        if key.lower() == name:
            return clean_header(_decode_words(str(raw_value)))
    return None


def _decode_words(value: str) -> str:
    try:
        return str(make_header(decode_header(value)))
    except Exception:
        return value


def normalise_message_id(value: str) -> str | None:
    value = clean_header(value)
    match = _MSGID.search(value)
    ident = "".join((match.group(1) if match else value.strip("<>")).split())
    if not ident:
        return None
    local, at, domain = ident.rpartition("@")
    if at and local:
        ident = f"{local}@{domain.lower()}"
    if len(ident) > 280:  # keeps provider_message_id under its 300 chars, deterministically
        ident = f"mid-sha256:{hashlib.sha256(ident.encode()).hexdigest()}"
    return ident


def _addresses(msg: Message, name: str) -> list[tuple[str, str | None]]:
    """(display name, normalised address or None) for each address of a header."""
    pairs: list[tuple[str, str]] = []
    try:
        header = msg.get(name)
        if header is not None:
            pairs = [(a.display_name, a.addr_spec) for a in header.addresses]
    except Exception:
        # Parse the raw value and decode display names afterwards: decoding first would let an encoded
        # "\r\nBcc: x@y" in a display name turn into an address.
        raw = _HEADER_CONTROL.sub(" ", next((str(v) for k, v in msg.raw_items() if k.lower() == name), ""))
        single = _ANGLE_ADDRESS.match(raw)
        found = [(single.group(1).strip().strip('"'), single.group(2))] if single else getaddresses([raw])
        pairs = [(_decode_words(display), spec) for display, spec in found]
    result = []
    for display, spec in pairs:
        address = None
        spec = spec or ""
        if spec and not _HEADER_CONTROL.search(spec) and " " not in spec.strip():
            try:
                address = normalise_email(spec)
            except ValueError:
                address = None
        if address and len(address) > 320:
            address = None
        result.append((clean_header(display or ""), address))
    return result


def _first_address(msg: Message, name: str) -> tuple[str, str | None]:
    found = _addresses(msg, name)
    return found[0] if found else ("", None)


def ignored_reason(msg: Message, sender_address: str | None) -> str | None:
    """RFC 3834 auto-responses, vacation replies, list traffic and bounces: never complaints."""
    auto_submitted = (header_text(msg, "auto-submitted") or "").lower()
    if auto_submitted and auto_submitted.split(";")[0].strip() != "no":
        return f"auto-submitted: {auto_submitted[:60]}"
    for name in ("x-autoreply", "x-autorespond", "x-autoresponder"):
        if header_text(msg, name) is not None:
            return f"auto-reply header: {name}"
    precedence = (header_text(msg, "precedence") or "").lower()
    if precedence in _IGNORED_PRECEDENCE:
        return f"precedence: {precedence}"
    if msg.get_content_type() == "multipart/report":
        report = (msg.get_param("report-type") or "")
        return f"delivery or read report: {clean_header(str(report))[:40] or 'unknown'}"
    if sender_address and sender_address.partition("@")[0] in _DAEMON_LOCAL_PARTS:
        return f"sent by {sender_address.partition('@')[0]}"
    if (header_text(msg, "return-path") or "").replace(" ", "") == "<>":
        return "null envelope sender (bounce or auto-response)"
    return None


def _received_at(msg: Message, now: datetime) -> datetime:
    value: datetime | None = None
    try:
        header = msg.get("date")
        value = header.datetime if header is not None else None
    except Exception:
        try:
            value = parsedate_to_datetime(header_text(msg, "date") or "")
        except Exception:
            value = None
    if value is None:
        return now
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)  # "-0000": UTC, local zone unknown (RFC 5322 3.3)
    return now if value > now + MAX_CLOCK_SKEW else value


# --- body --------------------------------------------------------------------------------------------

def _body_part(msg: EmailMessage) -> tuple[Message | None, str]:
    """text/plain preferred, HTML otherwise; an empty plain alternative falls through to the HTML one."""
    try:
        plain = msg.get_body(preferencelist=("plain",))
        if plain is not None and _clean_text(_part_text(plain, "plain")):
            return plain, "plain"
        html = msg.get_body(preferencelist=("html",))
        if html is not None:
            return html, "html"
        return plain, "plain"
    except Exception:
        return None, "none"


def _part_text(part: Message, source: str) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    text = decode_bytes(payload, part.get_content_charset())
    if source == "html":
        return html_to_text(text)
    if str(part.get_param("format") or "").lower() == "flowed":
        return unflow(text, delsp=str(part.get_param("delsp") or "").lower() == "yes")
    return text


def unflow(text: str, delsp: bool = False) -> str:
    """RFC 3676 format=flowed: a line ending in a space continues on the next one."""
    out: list[str] = []
    pending = ""
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith(" "):
            line = line[1:]  # space-stuffing
        if line.endswith(" ") and line != "-- ":
            pending += line[:-1] if delsp else line
        else:
            out.append(pending + line)
            pending = ""
    if pending:
        out.append(pending)
    return "\n".join(out)


_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
                   "ascii": "cp1252", "iso8859-1": "cp1252"}


def decode_bytes(data: bytes, charset: str | None) -> str:
    declared = (charset or "").strip().strip('"').lower()
    declared = _WHATWG_ALIASES.get(declared, declared)
    candidates = [declared, "utf-8"] if declared else ["utf-8", "cp1252"]
    usable = []
    for candidate in candidates:
        try:
            text = data.decode(candidate)
        except LookupError:
            continue  # unknown or non-text codec label ("x-unknown", "base64")
        except UnicodeDecodeError:
            usable.append(candidate)
            continue
        return text
    if declared == "cp1252":
        return data.decode("latin-1")  # the five bytes cp1252 leaves undefined
    return data.decode(usable[0] if usable else "utf-8", errors="replace")


class _HtmlText(HTMLParser):
    _SKIP = {"script", "style", "template", "title"}
    _PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "pre", "dl", "hr"}
    _LINE = {"br", "div", "li", "tr", "section", "article", "header", "footer", "address", "dd", "dt", "form",
             "fieldset", "figure", "figcaption", "main", "nav", "aside", "center"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []
        self._pre = 0

    def _break(self, newlines: int) -> None:
        """At least ``newlines`` line breaks here; nested blocks (<ul><li>) do not stack blank lines."""
        tail = "".join(self.parts[-8:]).rstrip(" ")
        have = len(tail) - len(tail.rstrip("\n")) if tail else newlines
        if have < newlines:
            self.parts.append("\n" * (newlines - have))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._SKIP:
            self._skipping.append(tag)
            return
        if tag == "pre":
            self._pre += 1
        if tag == "br":
            self.parts.append("\n")
        elif tag in self._PARAGRAPH:
            self._break(2)
        elif tag in self._LINE:
            self._break(1)
        if tag == "li":
            self.parts.append("- ")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag not in self._SKIP:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if self._skipping[-1] == tag:
                self._skipping.pop()
            return
        if tag == "pre" and self._pre:
            self._pre -= 1
        if tag in self._PARAGRAPH:
            self._break(2)
        elif tag in self._LINE and tag != "br":
            self._break(1)

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        data = data.replace("\xa0", " ")
        self.parts.append(data if self._pre else re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    parser = _HtmlText()
    try:
        parser.feed(html)
        parser.close()
    except Exception:
        pass  # keep whatever was extracted before the markup went bad
    return "".join(parser.parts)


def _clean_text(text: str) -> str:
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "\n".join(line.strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def trim_quoted(text: str) -> str:
    """Drop the quoted previous mail from a reply: lines from "On … wrote:" / "Pada … menulis:" /
    "--- Original Message ---" on, and "> " lines. Keeps the original if nothing would be left."""
    lines = text.split("\n")
    cut = len(lines)
    for i, line in enumerate(lines):
        wrapped = f"{line} {lines[i + 1]}" if i + 1 < len(lines) else line
        starts_attribution = line.lstrip().lower().startswith(("on ", "pada "))
        if _ORIGINAL_MESSAGE.match(line) or _ATTRIBUTION.match(line) or (starts_attribution and _ATTRIBUTION.match(wrapped)):
            cut = i
            break
    kept = [line for line in lines[:cut] if not line.lstrip().startswith(">")]
    trimmed = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return trimmed or text


# --- attachments -------------------------------------------------------------------------------------

def _attachments(msg: Message, body_part: Message | None, blobs: BlobStore | None,
                 max_bytes: int) -> tuple[list[Attachment], list[dict[str, Any]]]:
    kept: list[Attachment] = []
    skipped: list[dict[str, Any]] = []
    for part in _attachment_parts(msg, body_part):
        data = _attachment_bytes(part)
        content_type = clean_header(part.get_content_type())[:127] or "application/octet-stream"
        meta = {"filename": _filename(part, content_type, len(kept) + len(skipped) + 1),
                "content_type": content_type, "size_bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        if len(data) > max_bytes:
            skipped.append({**meta, "reason": "too_large"})
        elif len(kept) >= MAX_ATTACHMENTS:
            skipped.append({**meta, "reason": "too_many"})
        else:
            if blobs is not None:
                blobs.put(data)
            kept.append(Attachment(**meta))
    return kept, skipped


def _attachment_parts(part: Message, body_part: Message | None):
    """Leaf parts that are files: everything but the chosen body and the text alternatives of it.
    A forwarded message (message/rfc822) is one attachment, not descended into."""
    if part is body_part:
        return
    content_type = part.get_content_type()
    if content_type == "message/rfc822":
        yield part
        return
    if part.is_multipart():
        for child in part.get_payload():
            if isinstance(child, Message):
                yield from _attachment_parts(child, body_part)
        return
    is_attachment = (part.get_content_disposition() == "attachment") or bool(_safe_filename_param(part))
    if content_type in ("text/plain", "text/html") and not is_attachment:
        return  # alternative rendering of the body or extra inline text
    yield part


def _attachment_bytes(part: Message) -> bytes:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        inner = inner[0] if isinstance(inner, list) and inner else inner
        try:
            return inner.as_bytes() if isinstance(inner, Message) else b""
        except Exception:
            return str(inner).encode("utf-8", "replace")
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _safe_filename_param(part: Message) -> str | None:
    try:
        return part.get_filename()
    except Exception:
        return None


def _filename(part: Message, content_type: str, index: int) -> str:
    name = clean_header(_safe_filename_param(part) or "")
    # A file name is a label, never a path: "../../etc/passwd" and "C:\\x\\y.exe" keep only the last part.
    name = PureWindowsPath(PurePosixPath(name).name).name.strip().lstrip(".")
    if not name:
        extension = ".eml" if content_type == "message/rfc822" else (mimetypes.guess_extension(content_type) or ".bin")
        name = f"attachment-{index}{extension}"
    return name[-255:]
