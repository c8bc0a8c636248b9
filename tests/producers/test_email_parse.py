from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aduan.core.blobs import BlobStore
from producers.email_parse import (
    decode_bytes, html_to_text, normalise_message_id, parse_email, trim_quoted, unflow,
)
from schemas.ids import complaint_id

SAMPLES = Path(__file__).parent / "mail_samples"
NOW = datetime(2024, 2, 1, 12, 0, tzinfo=timezone.utc)


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def complaint_of(name: str, **kwargs):
    parsed = parse_email(sample(name), now=NOW, **kwargs)
    assert parsed.complaint is not None, (parsed.ignored_reason, parsed.invalid_reason)
    assert parsed.ignored_reason is None and parsed.invalid_reason is None
    return parsed.complaint


def build(body: str = "Lampu jalan mati.", **headers: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = headers.pop("From", "Warga <warga@example.id>")
    msg["To"] = "pengaduan@example.go.id"
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return msg.as_bytes(policy=SMTP)


def test_plain_quoted_printable_utf8():
    c = complaint_of("plain_utf8_qp.eml")
    assert c.channel == "email"
    assert c.subject == "Jalan berlubang di Jl. Merdeka"
    assert "sudah berlubang sejak dua minggu" in c.text  # soft line break joined
    assert "jatuh \u2014 mohon" in c.text
    assert c.reporter.email == "siti.rahayu@gmail.com" and c.reporter.name == "Siti Rahayu"
    assert c.received_at == datetime(2024, 1, 15, 2, 12, 31, tzinfo=timezone.utc)
    # Message-ID: <> stripped, domain lower-cased, local part kept as is
    assert c.provider_message_id == "CAKx9+qT8pL2mZ0vN3@mail.gmail.com"
    assert c.complaint_id == complaint_id("email", "CAKx9+qT8pL2mZ0vN3@mail.gmail.com")
    assert c.in_reply_to is None and c.attachments == []


def test_multipart_alternative_prefers_plain():
    c = complaint_of("alternative.eml")
    assert c.text == "Sampah di TPS Pasar Baru sudah tiga hari tidak diangkut dan baunya menyengat."
    assert c.channel_meta["text_source"] == "plain"
    assert c.channel_meta["to"] == ["pengaduan@example.go.id"]


def test_html_only_base64_becomes_text():
    c = complaint_of("html_only_base64.eml")
    assert c.channel_meta["text_source"] == "html"
    assert "do-not-show" not in c.text and "color" not in c.text and "Pengaduan" not in c.text
    assert c.text.splitlines()[:3] == ["Yth. Dinas PU,", "",
                                       "Lampu penerangan jalan di Jl. Diponegoro & Jl. Sudirman mati total."]
    assert "Warga takut keluar malam." in c.text.splitlines()  # <br> kept as a line break
    assert "- Tiang nomor 14\n- Tiang nomor 15" in c.text
    assert "Rina <warga RT 05> \u2013 caf\u00e9 owner" in c.text  # entities unescaped
    assert c.received_at.utcoffset() == timedelta(hours=8)


def test_iso_8859_1_quoted_printable_and_encoded_display_name():
    c = complaint_of("iso_8859_1_qp.eml")
    assert c.text == "Keluhan dari Jos\u00e9: suhu air PDAM 40\u00b0C, tagihan naik \u00bd kali lipat. Fa\u00e7ade kantor rusak."
    assert c.reporter.name == "Jos\u00e9 Ram\u00edrez"


def test_windows_1252_8bit():
    c = complaint_of("windows_1252_8bit.eml")
    assert c.text == "Petugas bilang \u201ctunggu saja\u201d \u2013 sudah bayar \u20ac20 pungli\u2026"


def test_rfc2047_subject_mixed_words():
    c = complaint_of("rfc2047_subject.eml")
    assert c.subject == "Banjir \u2013 kami mengungsi sudah 3 hari \U0001f622"
    assert c.reporter.name == "Dewi Kusumawati"


def test_mislabelled_charset_falls_back_to_replacement():
    c = complaint_of("mislabelled_charset.eml")
    assert c.text == "Biaya Rp 50.000 \ufffd harga, caf\ufffd."


def test_unknown_charset_label_decodes_as_utf8():
    assert complaint_of("unknown_charset.eml").text == "Jembatan retak di Desa Sukamaju."


def test_attachments_are_stored_with_metadata(tmp_path):
    blobs = BlobStore(tmp_path)
    c = complaint_of("attachment.eml", blobs=blobs)
    assert c.text == "Trotoar di depan Stasiun Kota ambles, foto terlampir."  # the HTML alternative is no attachment
    names = [(a.filename, a.content_type) for a in c.attachments]
    assert names == [("trotoar.jpg", "image/jpeg"),
                     ("surat keterangan RT\u201305.pdf", "application/pdf"),  # RFC 2231 filename*
                     ("passwd", "application/octet-stream")]  # path components dropped
    for attachment in c.attachments:
        data = blobs.get(attachment.sha256)
        assert len(data) == attachment.size_bytes and hashlib.sha256(data).hexdigest() == attachment.sha256
    assert blobs.get(c.attachments[1].sha256).startswith(b"%PDF-1.4")
    assert c.raw_ref == f"sha256:{hashlib.sha256(sample('attachment.eml')).hexdigest()}"
    assert blobs.get(c.raw_ref.removeprefix("sha256:")) == sample("attachment.eml")


def test_oversized_attachment_keeps_metadata_but_is_not_stored(tmp_path):
    blobs = BlobStore(tmp_path)
    c = complaint_of("attachment.eml", blobs=blobs, max_attachment_bytes=100)
    assert [a.filename for a in c.attachments] == ["surat keterangan RT\u201305.pdf", "passwd"]
    [skipped] = c.channel_meta["skipped_attachments"]
    assert skipped["filename"] == "trotoar.jpg" and skipped["reason"] == "too_large" and skipped["size_bytes"] > 100
    assert not blobs.path_for(skipped["sha256"]).exists()


def test_without_blob_store_metadata_only():
    c = complaint_of("attachment.eml")
    assert len(c.attachments) == 3 and c.raw_ref is None


def test_more_than_twenty_attachments_are_capped():
    msg = EmailMessage()
    msg["From"], msg["Subject"], msg["Message-ID"] = "a@example.id", "banyak foto", "<many@example.id>"
    msg.set_content("foto-foto terlampir")
    for i in range(23):
        msg.add_attachment(f"foto {i}".encode(), maintype="image", subtype="jpeg", filename=f"f{i}.jpg")
    c = parse_email(msg.as_bytes(policy=SMTP)).complaint
    assert len(c.attachments) == 20
    assert [s["reason"] for s in c.channel_meta["skipped_attachments"]] == ["too_many"] * 3


def test_forwarded_message_is_one_attachment():
    inner = EmailMessage()
    inner["From"], inner["Subject"] = "x@example.id", "asli"
    inner.set_content("isi pesan asli")
    outer = EmailMessage()
    outer["From"], outer["Subject"], outer["Message-ID"] = "a@example.id", "Fwd: asli", "<fwd@example.id>"
    outer.set_content("saya teruskan")
    outer.add_attachment(inner)
    c = parse_email(outer.as_bytes(policy=SMTP)).complaint
    assert c.text == "saya teruskan"
    [attachment] = c.attachments
    assert attachment.content_type == "message/rfc822" and attachment.filename.endswith(".eml")


def test_reply_links_to_thread_root_and_trims_quote():
    c = complaint_of("reply_in_reply_to.eml")
    # The root of References is the citizen's first mail; its Message-ID domain case differs, normalised away.
    original = complaint_of("plain_utf8_qp.eml")
    assert c.in_reply_to == original.complaint_id
    assert c.text == "Sampai hari ini lubangnya belum ditutup, malah makin besar."
    assert c.channel_meta["in_reply_to_message_id"] == "ack-7k3m@pengaduan.example.go.id"
    assert c.channel_meta["tracking_number_ref"] == "ADU-7K3M-Q9XD"


def test_reply_with_only_in_reply_to_and_english_attribution():
    c = complaint_of("reply_english_gmail.eml")
    assert c.in_reply_to == complaint_id("email", "noise-1@example.com")
    assert c.text == "The karaoke next door is still running until 3 am."


@pytest.mark.parametrize("name, reason", [
    ("auto_reply.eml", "auto-submitted: auto-replied"),
    ("vacation_precedence.eml", "precedence: bulk"),
    ("bounce.eml", "delivery or read report: delivery-status"),
])
def test_auto_replies_and_bounces_are_ignored(name, reason):
    parsed = parse_email(sample(name))
    assert parsed.complaint is None and parsed.invalid_reason is None
    assert parsed.ignored_reason == reason


@pytest.mark.parametrize("headers", [
    {"Auto_Submitted": "auto-generated"},
    {"X_Autorespond": "yes"},
    {"Precedence": "list"},
    {"Precedence": "auto_reply"},
    {"From": "MAILER-DAEMON@mx.example.id"},
    {"From": "postmaster@example.id"},
    {"Return_Path": "<>"},
])
def test_other_automatic_mail_is_ignored(headers):
    parsed = parse_email(build(Subject="x", **headers))
    assert parsed.complaint is None and parsed.ignored_reason


def test_auto_submitted_no_is_a_person():
    assert parse_email(build(Subject="x", Auto_Submitted="no")).complaint is not None


def test_missing_message_id_uses_hash_of_raw_bytes():
    raw = sample("no_message_id.eml")
    c = complaint_of("no_message_id.eml")
    assert c.provider_message_id == f"sha256:{hashlib.sha256(raw).hexdigest()}"
    assert parse_email(raw).complaint.complaint_id == c.complaint_id  # refetch -> same complaint


def test_header_injection_does_not_leak_into_fields():
    c = complaint_of("header_injection.eml")
    for value in (c.subject, c.reporter.name, c.reporter.email, c.provider_message_id):
        assert "\r" not in value and "\n" not in value
    assert c.subject == "Halo Bcc: all@example.com injected"
    assert c.reporter.email == "evil@example.com"  # not the address smuggled into the display name


def test_empty_body_and_subject_is_invalid():
    parsed = parse_email(sample("empty_body.eml"))
    assert parsed.complaint is None and parsed.ignored_reason is None
    assert parsed.invalid_reason == "empty message: no text body and no subject"
    assert parsed.provider_message_id == "empty@example.com"


def test_subject_is_the_text_when_only_a_photo_is_sent():
    c = complaint_of("subject_only_with_photo.eml")
    assert c.text == "Got mampet di Jl. Anggrek" and c.channel_meta["text_source"] == "subject"
    assert [a.filename for a in c.attachments] == ["got.png"]


def test_invalid_or_missing_date_uses_now():
    assert complaint_of("bad_date.eml").received_at == NOW
    assert parse_email(build(Subject="x"), now=NOW).complaint.received_at == NOW


def test_date_without_zone_is_utc_and_future_date_is_clamped():
    c = parse_email(build(Subject="x", Date="Mon, 15 Jan 2024 09:00:00 -0000"), now=NOW).complaint
    assert c.received_at == datetime(2024, 1, 15, 9, tzinfo=timezone.utc)
    future = parse_email(build(Subject="x", Date="Mon, 15 Jan 2035 09:00:00 +0700"), now=NOW).complaint
    assert future.received_at == NOW


def test_invalid_sender_address_keeps_the_complaint_without_contact():
    c = parse_email(build(Subject="x", From="Budi <not-an-address>")).complaint
    assert c.reporter.email is None and c.reporter.name == "Budi"


def test_long_text_is_truncated_not_rejected():
    c = parse_email(build("kata " * 10_000, Subject="panjang"), max_text_chars=1000).complaint
    assert len(c.text) == 1000 and c.channel_meta["text_truncated_from"] > 1000


def test_message_id_normalisation():
    assert normalise_message_id(" <Abc.Def@Example.COM> ") == "Abc.Def@example.com"
    assert normalise_message_id("<a\r\n b@X.id>") == "ab@x.id"
    assert normalise_message_id("bare@Host.ID") == "bare@host.id"
    assert normalise_message_id("  ") is None
    long_id = normalise_message_id("<" + "x" * 400 + "@example.id>")
    assert long_id.startswith("mid-sha256:") and len(long_id) < 300


def test_decode_bytes_fallbacks():
    assert decode_bytes("caf\u00e9".encode(), None) == "caf\u00e9"
    assert decode_bytes(b"caf\xe9", None) == "caf\u00e9"  # undeclared, not UTF-8: windows-1252
    assert decode_bytes(b"\x93ok\x94", "iso-8859-1") == "\u201cok\u201d"  # latin-1 label, cp1252 content
    assert decode_bytes(b"a\x81b", "us-ascii") == "a\x81b"  # byte cp1252 leaves undefined
    assert decode_bytes(b"caf\xe9", "utf-8") == "caf\ufffd"
    assert decode_bytes(b"abc", "base64") == "abc"  # non-text codec label is not obeyed


def test_html_to_text_blocks_and_skipped_elements():
    text = html_to_text("<html><head><title>t</title><style>a{}</style></head><body>"
                        "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
                        "<p>one</p><p>two<br>three</p><script>alert(1)</script><pre>x   y</pre></body>")
    assert [line.strip() for line in text.strip().splitlines() if line.strip()] == ["a b", "c", "one", "two", "three", "x   y"]


def test_format_flowed_lines_are_joined():
    raw = (b"From: a@example.id\r\nSubject: x\r\nMessage-ID: <flow@example.id>\r\n"
           b"Content-Type: text/plain; charset=utf-8; format=flowed\r\n\r\n"
           b"Saluran air di gang kami \r\ntersumbat sejak hujan.\r\n\r\nTerima kasih\r\n")
    assert parse_email(raw).complaint.text == "Saluran air di gang kami tersumbat sejak hujan.\n\nTerima kasih"
    assert unflow("kata\r\nlan \r\njut", delsp=True) == "kata\nlanjut"
    assert unflow(" >not a quote\n-- \nsig") == ">not a quote\n-- \nsig"


def test_trim_quoted_keeps_text_when_everything_is_quoted():
    assert trim_quoted("> only quote") == "> only quote"
    assert trim_quoted("jawaban\n\n-----Original Message-----\nFrom: x") == "jawaban"


SAMPLE_BYTES = [p.read_bytes() for p in sorted(SAMPLES.glob("*.eml"))]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_never_raise(raw):
    parsed = parse_email(raw)
    assert sum(x is not None for x in (parsed.complaint, parsed.ignored_reason, parsed.invalid_reason)) == 1


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SAMPLE_BYTES), st.integers(0, 10_000), st.binary(min_size=1, max_size=40))
def test_mangled_samples_never_raise(raw, position, junk):
    position %= len(raw)
    parsed = parse_email(raw[:position] + junk + raw[position + len(junk):])
    assert sum(x is not None for x in (parsed.complaint, parsed.ignored_reason, parsed.invalid_reason)) == 1


# --- replies that answer the closure question ----------------------------------------------------------

QUESTION_ID = "0c1f2e3d-4b5a-5c6d-8e7f-9a0b1c2d3e4f@pengaduan.example.go.id"


@pytest.mark.parametrize("body, payload", [
    ("YA\n\nPada 1 Des, Desk menulis:\n> Apakah masalah Anda sudah selesai?", "YA"),
    ("Belum.\nJalannya masih berlubang, belum ada yang datang.", "BELUM"),
    ("sudah\n-- \nBudi", "YA"),
])
def test_a_reply_whose_first_line_is_ya_or_belum_is_an_answer_to_the_mail_it_replies_to(body, payload):
    parsed = parse_email(build(body, Message_ID="<reply-1@mail.example.id>", In_Reply_To=f"<{QUESTION_ID}>",
                               Subject="Re: [ADU-7K3M-Q9XD] Apakah sudah selesai?"), now=NOW)
    assert parsed.complaint is None and parsed.answer is not None
    answer = parsed.answer
    assert (answer.kind, answer.payload, answer.channel) == ("email_reply", payload, "email")
    assert answer.context_message_id == QUESTION_ID and answer.contact_key == "email:email:warga@example.id"
    assert answer.text.startswith(body.splitlines()[0])


def test_a_reply_that_says_more_than_a_keyword_and_a_keyword_mail_that_replies_to_nothing_stay_complaints():
    told = parse_email(build("Ya ampun, sampahnya makin banyak!", Message_ID="<reply-2@mail.example.id>",
                             In_Reply_To=f"<{QUESTION_ID}>"), now=NOW)
    assert told.complaint is not None and told.answer is None
    alone = parse_email(build("YA", Message_ID="<alone@mail.example.id>", Subject="Lampu mati"), now=NOW)
    assert alone.complaint is not None and alone.answer is None


def test_a_reply_saying_stop_is_an_opt_out():
    parsed = parse_email(build("STOP", Message_ID="<reply-3@mail.example.id>", In_Reply_To=f"<{QUESTION_ID}>"), now=NOW)
    assert parsed.answer is not None and parsed.answer.opted_out and parsed.answer.contact_key.startswith("email:")
