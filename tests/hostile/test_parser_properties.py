"""Property tests for the channel parsers, beyond tests/producers/*: structured hostile input, not just
random bytes. Invariant everywhere: a parser returns a complaint or says why not (``Rejected`` with a
4xx, ``InvalidSms``/dead letter, an ignored/invalid reason); it never raises anything else.
No servers."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from producers.sms.common import InvalidSms, complaint_text, parse_form, sender_phone, sms_complaint
from producers.sms.gammu import gammu_complaint, gammu_fields
from producers.sms.kannel import decode_sms_text, kannel_message, kannel_meta, kannel_provider_id
from producers.sms.parts import concat_from_udh
from producers.sms.twilio import twilio_complaint
from producers.social.common import Batch, agency_ids, parse_json
from producers.social.meta import meta_batch
from producers.social.x import x_batch
from producers.email_parse import parse_email
from producers.intake import Rejected
from schemas.events import Complaint

pytestmark = pytest.mark.hostile

SAMPLES = Path(__file__).parents[1] / "producers" / "samples"
MAIL_SAMPLES = Path(__file__).parents[1] / "producers" / "mail_samples"
META_AGENCY = agency_ids("104857600000001,17841400000000001,102290129340398")
X_AGENCY = agency_ids("1191900000000000001")

FAST = dict(deadline=None, derandomize=True, database=None, phases=(Phase.explicit, Phase.generate),
            suppress_health_check=list(HealthCheck))

# Text a hostile sender would pick: controls, CR/LF, NUL, lone surrogates, RTL marks, huge code points.
hostile_text = st.text(st.characters(codec=None, blacklist_categories=()), max_size=60) | st.sampled_from([
    "\r\nBcc: x@example.com", "\x00", "\ud800", "\u202e", "=?utf-8?q?a=0D=0Ab?=", "' OR 1=1 --", "${jndi:x}",
    "A" * 5000, "+62 812-3456-7890", "whatsapp:+6281234567890", "0812345678901234567890",
])
json_leaf = st.none() | st.booleans() | st.integers() | st.floats() | hostile_text
json_values = st.recursive(json_leaf, lambda children: st.lists(children, max_size=4)
                           | st.dictionaries(hostile_text, children, max_size=4), max_leaves=25)


def report(name: str, seen: Counter) -> None:
    print(f"{name}: {sum(seen.values())} cases, outcomes {dict(seen)}")


def assert_publishable(complaint: Complaint) -> None:
    # What a parser returns goes straight to Kafka: it must serialise (no lone surrogates anywhere).
    Complaint.model_validate_json(complaint.model_dump_json())


def assert_clean_complaint(complaint: Complaint) -> None:
    assert_publishable(complaint)
    assert complaint.text.strip()
    for value in (complaint.subject, complaint.reporter.name, complaint.reporter.email, complaint.reporter.phone):
        assert value is None or "\r" not in value and "\n" not in value


# --- email -------------------------------------------------------------------------------------------

encoded_word = st.builds(
    lambda charset, enc, text: f"=?{charset}?{enc}?{text}?=",
    st.sampled_from(["utf-8", "UTF-8", "iso-8859-1", "x-unknown", "utf-16", ""]),
    st.sampled_from(["Q", "B", "q", "X"]),
    st.text(st.sampled_from("abc=0D0A_:@<>\r\n?" + "=0D=0A"), max_size=30),
)
header_value = st.lists(hostile_text | encoded_word, max_size=3).map(" ".join)
header_name = st.sampled_from(["From", "To", "Subject", "Message-ID", "In-Reply-To", "References", "Date",
                               "Content-Type", "Content-Transfer-Encoding", "Auto-Submitted", "Return-Path",
                               "Precedence", "Content-Disposition", "MIME-Version"])
content_type = st.sampled_from(["text/plain", "text/html", "multipart/mixed", "multipart/alternative",
                                "message/rfc822", "image/png", "multipart/report", "application/octet-stream"])


@st.composite
def mime_part(draw, depth: int = 0) -> str:
    kind = draw(content_type)
    charset = draw(st.sampled_from(["utf-8", "iso-8859-1", "us-ascii", "x-mac-nonsense", "base64", "utf-16"]))
    encoding = draw(st.sampled_from(["7bit", "8bit", "quoted-printable", "base64", "x-uuencode", "binary"]))
    params = draw(st.sampled_from(["", '; name="../../etc/passwd"', "; format=flowed; delsp=yes",
                                   '; filename*=utf-8\'\'%E2%80%AE.exe', "; boundary=", '; boundary="b"']))
    head = f"Content-Type: {kind}; charset={charset}{params}\r\nContent-Transfer-Encoding: {encoding}\r\n"
    if draw(st.booleans()):
        disposition = draw(st.sampled_from(["attachment", "inline", "attachment; filename=", "x"]))
        head += f"Content-Disposition: {disposition}\r\n"
    if kind.startswith("multipart") and depth < 3:
        boundary = "b" * (depth + 1)
        head = head.replace(f"{kind};", f'{kind}; boundary="{boundary}";', 1)
        children = draw(st.lists(mime_part(depth + 1), max_size=3))
        body = "".join(f"--{boundary}\r\n{child}\r\n" for child in children)
        if draw(st.booleans()):
            body += f"--{boundary}--\r\n"
        return head + "\r\n" + body
    return head + "\r\n" + draw(hostile_text)


@st.composite
def mime_message(draw) -> bytes:
    headers = draw(st.lists(st.tuples(header_name, header_value), max_size=8))
    lines = "".join(f"{name}: {value}\r\n" for name, value in headers)
    # surrogatepass: a lone surrogate becomes bytes that are not valid UTF-8, as a hostile sender would send
    return (lines + draw(mime_part())).encode("utf-8", "surrogatepass")


def test_structured_mime_never_raises():
    seen = Counter()

    @hypothesis_settings(max_examples=400, **FAST)
    @given(raw=mime_message())
    def run(raw):
        parsed = parse_email(raw)
        outcomes = [parsed.complaint is not None, parsed.ignored_reason is not None, parsed.invalid_reason is not None]
        assert sum(outcomes) == 1
        seen[("complaint", "ignored", "invalid")[outcomes.index(True)]] += 1
        if parsed.complaint is not None:
            assert_clean_complaint(parsed.complaint)
            assert len(parsed.complaint.provider_message_id) <= 300

    run()
    report("structured MIME", seen)
    assert seen["complaint"] and seen["invalid"]


def test_encoded_crlf_in_subject_and_from_never_reaches_fields():
    seen = Counter()

    @hypothesis_settings(max_examples=300, **FAST)
    @given(smuggled=st.text(st.sampled_from("abc:@ <>=0D0A_"), max_size=20),
           enc=st.sampled_from(["Q", "B"]), where=st.sampled_from(["name", "subject", "both"]))
    def run(smuggled, enc, where):
        import base64
        payload = f"Halo\r\nBcc: victim@example.com\r\n\r\n{smuggled}\n"
        word = (f"=?UTF-8?B?{base64.b64encode(payload.encode()).decode()}?=" if enc == "B"
                else "=?UTF-8?Q?" + "".join(f"={b:02X}" for b in payload.encode()) + "?=")
        name = word if where in ("name", "both") else "Warga"
        subject = word if where in ("subject", "both") else "Jalan rusak"
        raw = (f"From: {name} <warga@example.com>\r\nTo: aduan@example.go.id\r\nSubject: {subject}\r\n"
               f"Message-ID: <m@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nIsi aduan.\r\n").encode()
        complaint = parse_email(raw).complaint
        assert complaint is not None
        assert_clean_complaint(complaint)
        assert complaint.reporter.email == "warga@example.com"
        seen[where] += 1

    run()
    report("encoded CR/LF in headers", seen)


# --- SMS ---------------------------------------------------------------------------------------------

def sms_outcome(build) -> str:
    try:
        complaint = build()
    except Rejected as exc:
        assert 400 <= exc.status_code < 500
        return f"rejected {exc.status_code}"
    except InvalidSms:
        return "dead letter"
    assert_publishable(complaint)
    assert complaint.reporter.phone.startswith("+") and complaint.text.strip()
    assert "\x00" not in complaint.text and len(complaint.provider_message_id) <= 300
    return "complaint"


def test_twilio_form_bytes_never_crash():
    seen = Counter()
    names = st.sampled_from(["NumSegments", "NumMedia", "MediaUrl0", "MediaUrl9", "MediaContentType0", "To",
                             "SmsSid"]) | hostile_text
    values = hostile_text | st.sampled_from(["+6281234567890", "SM" + "0123abcd" * 4, "Jalan rusak di Jl. Merdeka", "2"])
    sids = st.just("SM" + "0123abcd" * 4) | values  # Twilio's sid shape, or anything
    required = st.tuples(sids, values, values).map(
        lambda v: [(name, quote(value, safe="", errors="surrogatepass"))
                   for name, value in zip(("MessageSid", "From", "Body"), v)])
    form = st.tuples(required, st.lists(st.tuples(names, values), max_size=6)).map(
        lambda pairs: "&".join(f"{k}={v}" for k, v in pairs[0] + pairs[1]).encode("utf-8", "surrogatepass"))

    @hypothesis_settings(max_examples=300, **FAST)
    @given(raw=form | st.binary(max_size=200))
    def run(raw):
        seen[sms_outcome(lambda: twilio_complaint(parse_form(raw)))] += 1

    run()
    report("twilio form", seen)
    assert seen["complaint"]


def test_kannel_callbacks_never_crash():
    seen = Counter()
    query = st.dictionaries(st.sampled_from(["from", "to", "text", "binary", "udh", "coding", "charset", "id",
                                             "time", "smsc", "secret", "x"]),
                          st.binary(max_size=40) | st.sampled_from([b"+6281234567890", b"Jalan rusak", b"0500"]),
                          max_size=8)
    headers = st.dictionaries(st.sampled_from(["X-Kannel-From", "X-Kannel-To", "X-Kannel-UDH", "X-Kannel-Coding",
                                               "X-Kannel-Message-Id", "x-kannel-time", "Other"]),
                              st.text(st.characters(max_codepoint=255), max_size=30), max_size=5)
    content_types = st.sampled_from(["", "text/plain", "text/plain; charset=UTF-16BE", "text/plain; charset=x-bogus",
                                     "application/x-www-form-urlencoded", "text/plain; charset=\"", "a/b; c"])

    usual = st.fixed_dictionaries({"from": st.sampled_from([b"+6281234567890", b"081234567890", b"+62\xff"]),
                                   "text": st.binary(max_size=40) | st.just(b"Jalan rusak")})

    @hypothesis_settings(max_examples=300, **FAST)
    @given(usual=usual, query=query, headers=headers, body=st.none() | st.binary(max_size=80),
           content_type=content_types)
    def run(usual, query, headers, body, content_type):
        query = {**usual, **query}

        def build():
            message = kannel_message(query, headers, body, content_type)
            phone = sender_phone(message.sender)
            text = decode_sms_text(message.text, message.charset, message.coding)
            concat = concat_from_udh(message.udh)
            assert concat is None or 1 <= concat.sequence <= concat.total
            return sms_complaint(kannel_provider_id(message, text), phone, complaint_text(text),
                                     kannel_meta(message))
        seen[sms_outcome(build)] += 1

    run()
    report("kannel callback", seen)
    assert seen["complaint"]


def test_gammu_bodies_never_crash():
    seen = Counter()
    fields = st.dictionaries(st.sampled_from(["SMS_1_NUMBER", "SMS_1_TEXT", "SMS_MESSAGES", "DECODED_PARTS",
                                              "DECODED_1_TEXT", "DECODED_2_TEXT", "ids", "PHONE_ID", "received_at"]),
                             json_values | st.sampled_from(["+6281234567890", "Jalan rusak", "1", "\ud800"]),
                             max_size=8)

    @hypothesis_settings(max_examples=300, **FAST)
    @given(body=fields.map(lambda f: json.dumps(f).encode()) | st.binary(max_size=100),
           content_type=st.sampled_from(["application/json", "application/x-www-form-urlencoded", "text/plain", ""]))
    def run(body, content_type):
        seen[sms_outcome(lambda: gammu_complaint(gammu_fields(body, content_type)))] += 1

    run()
    report("gammu body", seen)
    assert seen["complaint"] or seen["dead letter"]


# --- social webhooks ---------------------------------------------------------------------------------

SOCIAL_SAMPLES = {path.name: json.loads(path.read_text("utf-8")) for path in sorted(SAMPLES.glob("*.json"))
                  if path.name.startswith(("meta_", "x_"))}


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, (*prefix, index))


def replaced(node, path, value):
    if not path:
        return value
    copy = dict(node) if isinstance(node, dict) else list(node)
    copy[path[0]] = replaced(node[path[0]], path[1:], value)
    return copy


def check_batch(batch: Batch) -> None:
    for complaint in batch.complaints:
        assert_publishable(complaint)
        assert complaint.channel == "social" and complaint.text.strip() and "\x00" not in complaint.text
    for reason, replay in batch.invalid:
        assert reason and json.loads(replay) is not None  # a dead letter can be replayed on its own


def test_deeply_mutated_webhooks_never_crash():
    """Any node of any sample (not only top-level fields) replaced by any JSON value."""
    seen = Counter()

    @hypothesis_settings(max_examples=500, **FAST)
    @given(data=st.data(), name=st.sampled_from(sorted(SOCIAL_SAMPLES)), value=json_values)
    def run(data, name, value):
        payload = SOCIAL_SAMPLES[name]
        path = data.draw(st.sampled_from(list(paths(payload))))
        # as over HTTP: the signed body is decoded by parse_json
        mutated = parse_json(json.dumps(replaced(payload, path, value)).encode())
        parse = meta_batch if name.startswith("meta_") else x_batch
        batch = parse(mutated, META_AGENCY if name.startswith("meta_") else X_AGENCY)
        check_batch(batch)
        seen["payloads"] += 1
        for key, count in batch.summary().items():
            seen[key] += count

    run()
    report("mutated webhooks", seen)
    assert seen["accepted"] and seen["dead_lettered"] and seen["ignored"]


def test_webhook_bodies_are_json_or_rejected():
    seen = Counter()

    @hypothesis_settings(max_examples=300, **FAST)
    @given(raw=st.binary(max_size=200) | json_values.map(lambda v: json.dumps(v).encode()))
    def run(raw):
        try:
            payload = parse_json(raw)
        except Rejected as exc:
            assert exc.status_code == 400
            seen["rejected"] += 1
            return
        check_batch(meta_batch(payload, META_AGENCY))
        check_batch(x_batch(payload, X_AGENCY))
        seen["parsed"] += 1

    run()
    report("webhook bodies", seen)


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_json_is_rejected_not_crashed(depth):
    for raw in (b"[" * depth + b"]" * depth, b'{"a":' * depth + b"1" + b"}" * depth):
        try:
            payload = parse_json(raw)
        except Rejected as exc:
            assert exc.status_code == 400
            print(f"depth {depth}: rejected {exc.reason}")
            continue
        check_batch(meta_batch(payload, META_AGENCY))
        check_batch(x_batch(payload, X_AGENCY))
        print(f"depth {depth}: parsed and ignored")
