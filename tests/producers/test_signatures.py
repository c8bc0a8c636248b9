"""Provider signature schemes, checked against published or independently computed vectors."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import SecretStr

from producers.signatures import (
    _port_variants, constant_time_equal, meta_signature, secret_value, twilio_signature, verify_meta, verify_twilio,
    verify_x, x_signature,
)

# Vectors from twilio-python's tests/unit/test_request_validator.py (auth token "12345").
TWILIO_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
TWILIO_PARAMS = [("CallSid", "CA1234567890ABCDE"), ("Digits", "1234"), ("From", "+14158675309"),
                 ("To", "+18005551212"), ("Caller", "+14158675309")]
TWILIO_EXPECTED = "RSOYDt4T1cUTdK1PDd93/VVr8B8="

# X's CRC example secret and token; digest cross-checked with `openssl dgst -sha256 -hmac … -binary | base64`.
X_SECRET = "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu"
X_TOKEN = b"9b4507b3-9040-4669-9ca3-6b94edb50553"
X_EXPECTED = "sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8="

# Cross-checked with `printf '{"object":"page","entry":[]}' | openssl dgst -sha256 -hmac app-secret`.
META_BODY = b'{"object":"page","entry":[]}'
META_EXPECTED = "sha256=e6e9d7a842a48e17f43a34d6125d0d933e2aab92ee37f0993a4d493b50e3d438"


def test_twilio_signature_matches_sdk_vector():
    assert twilio_signature("12345", TWILIO_URL, TWILIO_PARAMS) == TWILIO_EXPECTED


def test_twilio_repeated_parameter_values_are_sorted():
    params = [("Sid", "CA123"), ("SidAccount", "AC123"), ("Digits", "5678"), ("Digits", "1234")]
    assert twilio_signature("12345", TWILIO_URL, params) == "IK+Dwps556ElfBT0I3Rgjkr1wJU="


def test_twilio_verification_accepts_port_variants_like_the_sdk():
    assert verify_twilio("12345", TWILIO_URL, TWILIO_PARAMS, TWILIO_EXPECTED)
    assert verify_twilio("12345", TWILIO_URL.replace(".com", ".com:1234"), TWILIO_PARAMS, TWILIO_EXPECTED)
    assert verify_twilio("12345", TWILIO_URL, TWILIO_PARAMS, "kvajT1Ptam85bY51eRf/AJRuM3w=")  # signed with :443
    assert verify_twilio("12345", TWILIO_URL.replace("https", "http"), TWILIO_PARAMS, "0ZXoZLH/DfblKGATFgpif+LLRf4=")


def test_twilio_verification_rejects_tampering_and_empty_token():
    tampered = [(k, v + "0" if k == "Digits" else v) for k, v in TWILIO_PARAMS]
    assert not verify_twilio("12345", TWILIO_URL, tampered, TWILIO_EXPECTED)
    assert not verify_twilio("12345", TWILIO_URL + "&x=1", TWILIO_PARAMS, TWILIO_EXPECTED)
    assert not verify_twilio("54321", TWILIO_URL, TWILIO_PARAMS, TWILIO_EXPECTED)
    assert not verify_twilio("", TWILIO_URL, TWILIO_PARAMS, twilio_signature("", TWILIO_URL, TWILIO_PARAMS))
    assert not verify_twilio("12345", TWILIO_URL, TWILIO_PARAMS, None)


def test_port_variants():
    assert _port_variants("https://a.id/x?y=1") == ["https://a.id/x?y=1", "https://a.id:443/x?y=1"]
    assert _port_variants("https://a.id:8443/x") == ["https://a.id:8443/x", "https://a.id/x"]
    assert _port_variants("http://[::1]/x") == ["http://[::1]/x", "http://[::1]:80/x"]
    assert _port_variants("ftp://a.id/x") == ["ftp://a.id/x"]


def test_meta_signature_vector_and_verification():
    assert meta_signature("app-secret", META_BODY) == META_EXPECTED
    assert verify_meta("app-secret", META_BODY, META_EXPECTED)
    assert verify_meta("app-secret", META_BODY, META_EXPECTED.upper().replace("SHA256", "sha256"))
    assert not verify_meta("app-secret", META_BODY + b" ", META_EXPECTED)
    assert not verify_meta("app-secret", META_BODY, META_EXPECTED.replace("sha256", "sha1"))
    assert not verify_meta("", META_BODY, meta_signature("", META_BODY))
    assert not verify_meta("app-secret", META_BODY, "")


def test_x_signature_vector_and_verification():
    assert x_signature(X_SECRET, X_TOKEN) == X_EXPECTED
    body = b'{"for_user_id":"1"}'
    assert verify_x(X_SECRET, body, x_signature(X_SECRET, body))
    assert not verify_x(X_SECRET, body + b"\n", x_signature(X_SECRET, body))
    assert not verify_x("", body, x_signature("", body))
    assert not verify_x(X_SECRET, body, None)


def test_constant_time_equal_never_matches_empty():
    assert constant_time_equal("a", "a")
    assert not constant_time_equal("", "")
    assert not constant_time_equal(None, "a")
    assert not constant_time_equal("a", "")
    assert constant_time_equal(b"k", "k")


def test_secret_value():
    assert secret_value(SecretStr("s")) == "s"
    assert secret_value(SecretStr("")) == ""
    assert secret_value(None) == ""


@settings(max_examples=200, deadline=None)
@given(body=st.binary(max_size=256), signature=st.text(max_size=80))
def test_random_signatures_never_verify(body, signature):
    assert not verify_meta("app-secret", body, signature) or signature.lower() == meta_signature("app-secret", body)
    assert not verify_x(X_SECRET, body, signature) or signature.strip() == x_signature(X_SECRET, body)
