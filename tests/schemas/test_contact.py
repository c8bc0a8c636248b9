import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas.contact import contact_reporter_key, mask, normalise_email, normalise_phone, reporter_key


@pytest.mark.parametrize("raw", ["081234567890", "+62 812-3456-7890", "6281234567890", "0062 812 3456 7890",
                                 "(0812) 3456 7890"])
def test_indonesian_mobile_numbers_become_e164(raw):
    assert normalise_phone(raw) == "+6281234567890"


def test_leading_62_is_a_country_code_not_a_local_prefix():
    # Parsed naively with region ID this would become +62 62…
    assert normalise_phone("628111222333") == "+628111222333"


def test_landline_with_area_code():
    assert normalise_phone("022-7271234") == "+62227271234"


@pytest.mark.parametrize("raw", ["", "abc", "12"])
def test_not_a_phone(raw):
    with pytest.raises(ValueError):
        normalise_phone(raw)


def test_email_lower_cased_and_checked():
    assert normalise_email("  Budi.S@Example.ID ") == "budi.s@example.id"
    with pytest.raises(ValueError):
        normalise_email("budi")


def test_reporter_key_is_keyed_and_stable():
    assert reporter_key("+6281234567890", "s1") == reporter_key("+6281234567890", "s1")
    assert reporter_key("+6281234567890", "s1") != reporter_key("+6281234567890", "s2")
    assert "6281234567890" not in reporter_key("+6281234567890", "s1")


def test_mask_hides_the_middle():
    assert mask("+6281234567890") == "+62812*****890"
    assert mask("budi@example.id") == "b***@example.id"


@pytest.mark.parametrize(
    ("contact", "same_as"),
    [("0812-3456-7890", "+62 812 3456 7890"), ("6281234567890", "+6281234567890"),
     ("Budi@Contoh.ID", "budi@contoh.id"), ("@Budi_S", "budi_s")],
)
def test_reporter_key_from_contact_strings(contact, same_as):
    key = contact_reporter_key(contact, "salt", "social")
    assert key is not None and key == contact_reporter_key(same_as, "salt", "social")


def test_reporter_key_absent_or_unparseable():
    assert contact_reporter_key(None, "salt") is None
    assert contact_reporter_key("   ", "salt") is None
    assert contact_reporter_key("12", "salt") is None


# The scrubber skips its number rules on a text of fewer than MIN_CONTACT_DIGITS digits, and its e-mail rule on a
# text without any spelling of "@": whatever the text, it must give what running every rule gives.
_SCRUB_ALPHABET = st.sampled_from(list("0123456789０１２３４５６７８９+-. /()") + [
    "@", "%40", "&#64;", "&commat;", "(at)", "[AT]", " ", "a", "Rt", "wa ", "62", "08", "budi", ".id", "example"])


@settings(max_examples=600, deadline=None)
@given(st.lists(_SCRUB_ALPHABET, max_size=40).map("".join))
def test_the_scrubbers_shortcuts_give_what_every_rule_gives(text):
    import unicodedata

    from schemas.contact import _EMAIL, _ENCODED_AT, _numbers_replaced, scrub

    def every_rule(text: str, replace) -> str:
        text = _EMAIL.sub(lambda m: replace(_ENCODED_AT.sub("@", m.group())), unicodedata.normalize("NFKC", text))
        return _numbers_replaced(text, replace)

    removed = lambda contact: f"<{contact}>"  # noqa: E731 - shows which contact, so a difference says which
    assert scrub(text, removed) == every_rule(text, removed)


def test_the_shortcuts_leave_contacts_found():
    from schemas.contact import scrub

    assert "3456" not in scrub("hub 0812-3456-7890 ya") and "warga@" not in scrub("ke warga@example.id")
    assert "3456" not in scrub("wa ０８１２３４５６７８９０") and "budi" not in scrub("budi (at) example.id")
    assert scrub("RT 03 RW 05 no 12, 2026-03-17") == "RT 03 RW 05 no 12, 2026-03-17"
