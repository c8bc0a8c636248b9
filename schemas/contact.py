"""Normalising citizen contacts so one person is recognised across channels."""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from typing import Callable

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


# -- finding contacts in free text ----------------------------------------------------------------------------

# An e-mail address, also written with an encoded or spelled-out "@" (%40, &#64;, (at), [at]).
_EMAIL = re.compile(r"[\w.+-]+(?:@|%40|&#0*64;|&commat;|\s?[\[(]at[\])]\s?)[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# A run of digits broken only by the separators people type inside numbers (space, dash, en/em dash,
# dot, slash, brackets), with an optional leading "+": phone numbers in any layout, NIK/KK with separators.
_DIGIT_RUN = re.compile(r"\+?\(?\d(?:[\s\-\u2010-\u2015./()]{0,3}\d)+\)?")
_ENCODED_AT = re.compile(r"(?:%40|&#0*64;|&commat;|\s?[\[(]at[\])]\s?)", re.IGNORECASE)
# What every match of _EMAIL holds (one of its "@" spellings): searched first, since _EMAIL.sub tries every word.
_AT_HINT = re.compile(r"@|%40|&#0*64;|&commat;|[\[(]at[\])]", re.IGNORECASE)
_DATE_LIKE = re.compile(r"^\d{4}[-./]\d{1,2}[-./]\d{1,2}(?!\d)")
MIN_CONTACT_DIGITS = 9  # 8 digits is a date (20260317); Indonesian mobile numbers have 10 to 13


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit() or ch == "+")


def _number(match: str) -> str | None:
    """The number a match spells (digits and a leading "+"), or None if it is too short or a date."""
    digits = _digits(match)
    if sum(ch.isdigit() for ch in digits) < MIN_CONTACT_DIGITS or _DATE_LIKE.match(match.strip("+( ")):
        return None
    return digits


def scrub(text: str, replace: Callable[[str], str] | None = None) -> str:
    """``text`` with every e-mail address, phone number and NIK/KK number replaced: by default by its
    masked form (``mask``), or by ``replace(contact)`` (e.g. a fixed placeholder for the public).

    The text is NFKC-normalised first, so full-width digits and look-alike "@" are found too.
    Phone numbers are found by ``phonenumbers.PhoneNumberMatcher`` (Indonesia as the default region,
    so ``0812…`` and landlines with area codes count) and, behind it, by a rule for any run of nine
    or more digits with separators, which also catches NIK/KK numbers and foreign formats the matcher
    does not know. This is the project's one scrubber: logs, search, exports and Open311 use it.
    """
    if not text:
        return text
    replace = replace or (lambda contact: mask(contact) or "")
    text = unicodedata.normalize("NFKC", text)
    if _AT_HINT.search(text):
        text = _EMAIL.sub(lambda m: replace(_ENCODED_AT.sub("@", m.group())), text)
    if sum(map(str.isdigit, text)) < MIN_CONTACT_DIGITS:
        # Both rules below replace only a match of MIN_CONTACT_DIGITS digits or more (``_number``), and a match
        # holds no more digits than the text: most complaints have fewer (1,253 of the seed corpus' 1,267). Over
        # that corpus the scrubber took ~45 us a text with both rules and _EMAIL run on every text, ~9.5 us now.
        return text
    return _numbers_replaced(text, replace)


def _numbers_replaced(text: str, replace: Callable[[str], str]) -> str:
    """Phone, NIK and KK numbers in (NFKC-normalised) ``text`` replaced: the matcher, then the digit-run rule."""
    pieces, last = [], 0
    for found in phonenumbers.PhoneNumberMatcher(text, "ID", leniency=phonenumbers.Leniency.POSSIBLE):
        number = _number(found.raw_string)
        if number is not None:
            pieces += [text[last:found.start], replace(number)]
            last = found.end
    text = "".join(pieces) + text[last:]
    return _DIGIT_RUN.sub(lambda m: replace(number) if (number := _number(m.group())) else m.group(), text)
