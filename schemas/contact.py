"""Normalising citizen contacts so one person is recognised across channels."""

from __future__ import annotations

import hashlib
import hmac

import phonenumbers


def normalise_phone(raw: str, default_region: str = "ID") -> str:
    """Return E.164 (``+62…``). Indonesian numbers arrive as ``0812…``, ``62812…`` or ``+62 812-…``.

    A bare ``62…`` without ``+`` is the usual pitfall: parsed with region ID it would become
    ``+62 62…``; gateways strip the plus, so a leading country code is taken as such.
    """
    digits = "".join(ch for ch in raw if ch.isdigit() or ch == "+")
    if not digits.strip("+"):
        raise ValueError(f"not a phone number: {raw!r}")
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("62") and not digits.startswith("+"):
        digits = "+" + digits
    try:
        number = phonenumbers.parse(digits, default_region)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(f"not a phone number: {raw!r}") from exc
    if not phonenumbers.is_possible_number(number):
        raise ValueError(f"not a possible phone number: {raw!r}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_email(raw: str) -> str:
    address = raw.strip().lower()
    local, sep, domain = address.rpartition("@")
    if not sep or not local or "." not in domain:
        raise ValueError(f"not an email address: {raw!r}")
    return address


def normalise_handle(raw: str, platform: str) -> str:
    handle = raw.strip().lstrip("@").lower()
    if not handle:
        raise ValueError("empty social handle")
    return f"{platform}:{handle}"


def reporter_key(contact: str, salt: str) -> str:
    """Keyed hash of a normalised contact: stable per citizen, useless without the salt."""
    return hmac.new(salt.encode(), contact.encode(), hashlib.sha256).hexdigest()[:32]


def contact_reporter_key(contact: str | None, salt: str, channel: str | None = None) -> str | None:
    """Reporter key from a plain contact string: phone, email or ``platform:handle`` (unparseable → None)."""
    if not contact or not contact.strip():
        return None
    contact = contact.strip()
    try:
        if "@" in contact and not contact.startswith("@"):
            normalised = normalise_email(contact)
        elif not any(ch.isalpha() for ch in contact):
            normalised = normalise_phone(contact)
        else:
            platform, sep, handle = contact.partition(":")
            normalised = normalise_handle(handle, platform) if sep else normalise_handle(contact, channel or "social")
    except ValueError:
        return None
    return reporter_key(normalised, salt)


def mask(contact: str | None) -> str | None:
    """``+6281234567890`` -> ``+62812*****890``; ``budi@example.id`` -> ``b***@example.id``."""
    if not contact:
        return contact
    if "@" in contact:
        local, _, domain = contact.partition("@")
        return f"{local[:1]}***@{domain}"
    keep_head, keep_tail = min(6, len(contact) // 2 - 1), min(3, len(contact) // 4)
    return contact[:keep_head] + "*" * (len(contact) - keep_head - keep_tail) + contact[len(contact) - keep_tail:]
