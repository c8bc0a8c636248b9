"""The shipped Kannel configuration (deploy/kannel/aduan-sms-service.conf): a UCS-2 SMS with an emoji and a
newline arrives intact through its post-url; %b is exact; %a is lossy (as documented); Indonesian replies."""

import re
from pathlib import Path

import pytest

from aduan.provider_client import KANNEL_POST_URL, ProviderClient, kannel_expand
from producers.sms.common import query_bytes
from producers.sms.kannel import decode_sms_text, kannel_message
from tests.channels import CREDENTIALS
from tests.producers.test_sms import client  # noqa: F401  (the fake-intake API, CREDENTIALS' gateway secret)
from tests.producers.test_channels_integration import http, provider  # noqa: F401  (the real app and broker)

CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "kannel" / "aduan-sms-service.conf"
TEXT = "Jalan ambles 😊\nDi depan SDN 3 Cibiru, mohon segera"


def groups(text: str) -> list[dict[str, str]]:
    """Kannel's config format: 'group = x' starts a group; 'name = value' lines, quotes optional."""
    out: list[dict[str, str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, value = (part.strip() for part in line.partition("="))
        value = value[1:-1] if value.startswith('"') and value.endswith('"') else value
        if name == "group":
            out.append({"group": value})
        else:
            out[-1][name] = value
    return out


def test_shipped_config_is_post_url_with_indonesian_replies():
    conf = groups(CONFIG.read_text())
    service = next(g for g in conf if g["group"] == "sms-service")
    smsbox = next(g for g in conf if g["group"] == "smsbox")
    assert service["post-url"] == KANNEL_POST_URL and service["send-sender"] == "true"
    assert "%a" not in service["post-url"]
    for reply in ("reply-couldnotfetch", "reply-emptymessage", "reply-requestfailed"):
        assert re.search(r"\b(Maaf|Pesan|kirim)\b", smsbox[reply]), reply


def test_ucs2_emoji_and_newline_arrive_intact_through_the_shipped_post_url(client, intake):  # noqa: F811
    sent = ProviderClient(client, "http://testserver", CREDENTIALS).kannel_smsbox("081234567890", TEXT, "kid-1")
    assert sent.status_code == 200 and "ADU-" in sent.body
    complaint, _raw = intake.accepted[-1]
    assert complaint.text == TEXT and complaint.provider_message_id == "kannel:kid-1"
    assert complaint.channel_meta["smsc"] == "telkomsel" and complaint.channel_meta["service"] == "default"


def test_get_url_with_b_is_exact_and_a_is_lossy():
    raw = TEXT.encode("utf-16-be")
    exact = kannel_expand("from=%p&text=%b&coding=%c&charset=%C",
                          {"p": b"081234567890", "b": raw, "c": b"2", "C": b"UTF16-BE"})
    message = kannel_message(query_bytes(exact), {}, None)
    assert decode_sms_text(message.text, message.charset, message.coding) == TEXT
    # %a: Kannel joins the words with '+': the newline becomes a space (documented as lossy)
    words = TEXT.split()
    lossy = "from=081234567890&text=" + "+".join(kannel_expand("%w", {"w": w.encode()}) for w in words)
    message = kannel_message(query_bytes(lossy), {}, None)
    assert decode_sms_text(message.text, message.charset, message.coding) == " ".join(words) != TEXT


@pytest.mark.parametrize("content_type,charset", [("text/plain; charset=UTF-16BE", "UTF-16BE"),
                                                  ("application/octet-stream", "binary")])
def test_post_url_charset_comes_from_content_type(content_type, charset):
    message = kannel_message({}, {"X-Kannel-From": "0812", "X-Kannel-Coding": "2"}, b"x", content_type)
    assert message.charset == charset


@pytest.mark.integration
def test_ucs2_sms_arrives_intact_on_the_raw_topic_through_the_real_broker(provider, servers):
    from tests.producers.test_channels_integration import raw_complaints

    sent = provider.kannel_smsbox("6285700000052", TEXT)
    assert sent.status_code == 200 and "ADU-" in sent.body
    got = raw_complaints(servers.kafka, "sms", {f"kannel:{sent.message_id}"})
    assert got[f"kannel:{sent.message_id}"].text == TEXT
