"""Privacy, tried as an attacker would: every role × every reading surface × every free-text field.

Generated contact writings (hypothesis: phone numbers with brackets, en dashes, slashes, spaces around
separators, full-width digits, landlines, foreign numbers, NIK with dots or spaces, e-mail addresses
with ``%40`` or ``(at)``) are put into the text, subject, location, a status reason, an attachment's
file name and the reporter's name of a ``publik``, an ``anonim`` and a ``rahasia`` complaint. The
complaints travel as real records through the real broker, are folded by the real indexer code into
the real (emulated) Elasticsearch, and are read through the real app: detail by id and tracking number,
search with highlights and facets (for a marker word and for a piece of a number), CSV and JSONL
exports, stats, the live feed (a real uvicorn server), Open311 list and detail, the dashboard page
and the webhook payloads. Who may read a complaint's contacts: operators, and the unit it is routed to
unless it is ``anonim``. Everyone else must find no trace of them, in any layout, in any answer.

Also the overwrite attack: a second submission under an existing complaint's id, folded by the real
indexer, leaves the document's content unchanged.
"""

from __future__ import annotations

import html
import json
import re
import threading
import time
import unicodedata
import uuid
from dataclasses import dataclass, field

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, assume, given, settings, strategies as st
from pydantic import SecretStr

from aduan.api import create_app
from aduan.core.connections import Connections
from aduan.core.settings import Settings
from consumers.sinks.index import ensure_index
from consumers.sinks.indexer import IndexWriter
from consumers.sinks.webhooks.events import ComplaintDirectory, payload, to_event
from consumers.sinks.webhooks.subscriptions import Subscription
from schemas.events import Attachment, LocationHint, Reporter
from schemas.topics import ROUTED, STATUS
from tests import factories as make
from tests.consumers.test_live import LiveClient, publish, serving
from tests.servers import read_topic

pytestmark = [pytest.mark.integration, pytest.mark.hostile]

UNIT_A, UNIT_B = "DINKES.3273", "DPUPR.3204"
KEYS = {"op": {"role": "operator", "name": "meja"}, "an": {"role": "analyst", "name": "analis"},
        "ua": {"role": "unit", "unit": UNIT_A, "name": "dinkes"}, "ub": {"role": "unit", "unit": UNIT_B, "name": "pu"}}
ROLES = ("op", "an", "ua", "ub", "public")
PRIVACIES = ("publik", "anonim", "rahasia")
FIELDS = ("text", "subject", "location", "reason", "attachment", "reporter_name")


def may_read_clear(role: str, privacy: str) -> bool:
    """The promise, written independently of the code under test: operators, and the unit the
    complaint is routed to (always UNIT_A here) unless the reporter is anonymous."""
    return role == "op" or (role == "ua" and privacy != "anonim")


# -- generated contact writings ---------------------------------------------------------------------------

_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_SEPARATORS = st.sampled_from(["-", "\u2013", "\u2014", " ", ".", "/", " - ", " \u2013 ", " / ", "  ", "-\u00a0"])
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class Contact:
    writing: str  # as the citizen typed it
    needle: str  # what must never be readable: the last nine digits, or the e-mail's local part
    kind: str


def _digits(draw, count: int, first: str = "0123456789") -> str:
    head = draw(st.sampled_from(first))
    return head + "".join(draw(st.sampled_from("0123456789")) for _ in range(count - 1))


def _join(draw, groups: list[str]) -> str:
    separator = draw(_SEPARATORS)
    return separator.join(groups)


@st.composite
def contacts(draw) -> Contact:
    kind = draw(st.sampled_from(["mobile", "mobile_bracket", "mobile_intl", "landline", "foreign", "nik", "email",
                                 "email_encoded"]))
    if kind.startswith("email"):
        local = "".join(draw(st.sampled_from(_LETTERS)) for _ in range(10))
        at = "@" if kind == "email" else draw(st.sampled_from(["%40", " (at) ", "(at)", " [at] ", "&#64;", "%40"]))
        return Contact(f"{local}{at}mail.example.id", local, kind)
    if kind.startswith("mobile"):
        rest = _digits(draw, 9, "123456789")
        groups = ["08" + rest[:2], rest[2:6], rest[6:]]
        if kind == "mobile_bracket":
            writing = f"({groups[0]}) " + _join(draw, groups[1:])
        elif kind == "mobile_intl":
            writing = "+62 " + _join(draw, ["8" + rest[:2], rest[2:6], rest[6:]])
        else:
            writing = _join(draw, groups)
        digits = "08" + rest
    elif kind == "landline":
        area, number = "0" + _digits(draw, 2, "23456789"), _digits(draw, 7, "23456789")
        writing = f"({area}) {number[:3]}-{number[3:]}" if draw(st.booleans()) else _join(draw, [area, number[:3], number[3:]])
        digits = area + number
    elif kind == "foreign":
        country = draw(st.sampled_from(["1", "44", "61", "65", "60", "81", "31"]))
        number = _digits(draw, 10, "23456789")
        writing = f"+{country} " + _join(draw, [number[:3], number[3:6], number[6:]])
        digits = country + number
    else:  # NIK: sixteen digits, in fours or 6-6-4, with dots or spaces
        digits = _digits(draw, 16, "123456789")
        sizes = draw(st.sampled_from([(4, 4, 4, 4), (6, 6, 4), (2, 2, 2, 6, 4)]))
        groups, at = [], 0
        for size in sizes:
            groups.append(digits[at:at + size])
            at += size
        writing = draw(st.sampled_from([".", " ", ". ", " . "])).join(groups)
    if draw(st.booleans()):
        writing = writing.translate(_FULLWIDTH)
    return Contact(writing, digits[-9:], kind)


_RUN = re.compile(r"\d(?:[^\w@]{0,4}\d)*")


def readable(text: str) -> str:
    """What a person or a program reading the answer can recover: entities decoded, NFKC, no <mark> tags."""
    text = unicodedata.normalize("NFKC", html.unescape(html.unescape(text)))
    return re.sub(r"</?mark>", "", text)


def leaks(answer: str, contact: Contact) -> bool:
    text = readable(answer)
    if contact.kind.startswith("email"):
        return contact.needle in text.lower()
    return any(contact.needle in re.sub(r"\D", "", run.group()) for run in _RUN.finditer(text))


# -- the stack --------------------------------------------------------------------------------------------

@dataclass
class Stack:
    http: TestClient
    es: Elasticsearch
    alias: str
    writer: IndexWriter
    kafka: str
    live: dict[str, LiveClient] = field(default_factory=dict)
    webhook_records: list = field(default_factory=list)  # the records of the last submit, as the dispatcher reads them

    def index(self, topic: str, keys: set[str]) -> list:
        """Fold every record of ``topic`` for these complaints with the real indexer code."""
        records = [r for r in read_topic(self.kafka, topic) if r.key and r.key.decode() in keys]
        assert records, f"nothing on {topic} for {keys}"
        result = self.writer.write(records, threading.Event())
        assert not result.letters, result.letters
        self.es.indices.refresh(index=self.alias)
        return records


@pytest.fixture(scope="module")
def stack(servers, tmp_path_factory):
    alias = f"privacy-{uuid.uuid4().hex[:8]}"
    settings = Settings(kafka_bootstrap=servers.kafka, elasticsearch_url=servers.elasticsearch, index_alias=alias,
                        data_dir=tmp_path_factory.mktemp("privacy"), api_keys=SecretStr(json.dumps(KEYS)),
                        intake_rate_per_minute=0)
    es = Elasticsearch(servers.elasticsearch)
    ensure_index(es, alias)
    connections = Connections(settings)
    publisher = connections.publisher("privacy-indexer")
    app = create_app(settings)
    with TestClient(app) as http, serving(create_app(settings)) as base:
        live = {key: LiveClient(base, key) for key in ("op", "an", "ua", "ub")}
        deadline = time.monotonic() + 30
        while not all(c.ready for c in live.values()) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert all(c.ready for c in live.values())
        yield Stack(http, es, alias, IndexWriter(es, alias, publisher, pseudonym_key="matrix-key"), servers.kafka, live)
    publisher.close()
    es.close()


@dataclass
class Case:
    privacy: str
    complaint_id: str
    tracking_number: str
    contacts: dict[str, Contact]  # field → the contact written into it
    reporter: Reporter

    def needles(self) -> list[Contact]:
        extra = [Contact(self.reporter.phone, self.reporter.phone[-9:], "mobile"),
                 Contact(self.reporter.email, self.reporter.email.split("@")[0], "email")]
        return [*self.contacts.values(), *extra]


def submit(stack: Stack, marker: str, drawn: dict[str, dict[str, Contact]]) -> list[Case]:
    """Three complaints (one per privacy) through Kafka, the indexer and the status API, and their status events."""
    cases, routed = [], []
    for privacy in PRIVACIES:
        written = drawn[privacy]
        local = "".join(ch for ch in uuid.uuid4().hex if ch.isalpha())[:6] + marker[-6:]
        reporter = Reporter(name=f"Warga {written['reporter_name'].writing}",
                            phone="+62857" + str(uuid.uuid4().int)[:8], email=f"{local}@mail.example.id")
        complaint = make.routed(
            text=f"Laporan {marker} {privacy}: hubungi {written['text'].writing} segera", privacy=privacy,
            subject=f"Aduan {marker} kontak {written['subject'].writing}", reporter=reporter, unit_code=UNIT_A,
            topic="kesehatan", location=LocationHint(text=f"dekat rumah {written['location'].writing}"),
            attachments=[Attachment(filename=f"bukti {written['attachment'].writing}.jpg", content_type="image/jpeg",
                                    size_bytes=10, sha256="a" * 64)],
            cluster_id=marker, reporter_key="rk-" + marker)
        routed.append(complaint)
        cases.append(Case(privacy, complaint.complaint_id, complaint.tracking_number, written, reporter))
    publish(stack.kafka, *routed)
    keys = {case.complaint_id for case in cases}
    routed_records = stack.index(ROUTED.name, keys)
    for case in cases:
        reason = f"Sudah dihubungi lewat {case.contacts['reason'].writing} oleh petugas"
        answer = stack.http.post(f"/v1/complaints/{case.complaint_id}/status", headers={"X-API-Key": "op"},
                                 json={"status": "terverifikasi", "reason": reason})
        assert answer.status_code == 202, answer.text
    status_records = stack.index(STATUS.name, keys)
    deadline = time.monotonic() + 20
    while len(stack.live["op"].complaints(marker)) < len(cases) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)  # the filtered subscribers have had the same chance
    stack.webhook_records = routed_records + status_records
    return cases


def answers(stack: Stack, role: str, marker: str, cases: list[Case]) -> dict[str, str]:
    """Every surface's answer for this role, as text."""
    http = stack.http
    headers = {"X-API-Key": role} if role != "public" else {}
    found: dict[str, str] = {}
    for case in cases:
        for name, key in (("id", case.complaint_id), ("tracking", case.tracking_number)):
            found[f"detail-{name}-{case.privacy}"] = http.get(f"/v1/complaints/{key}", headers=headers).text
        found[f"open311-detail-{case.privacy}"] = http.get(f"/open311/v2/requests/{case.tracking_number}.json").text
        piece = re.sub(r"\D", "", unicodedata.normalize("NFKC", case.contacts["text"].writing))[-4:] or marker
        found[f"search-number-{case.privacy}"] = http.get("/v1/search", params={"q": piece, "size": 100},
                                                          headers=headers).text
    found["search"] = http.get("/v1/search", params={"q": marker, "size": 100}, headers=headers).text
    found["search-kontak"] = http.get("/v1/search", params={"q": f"{marker} kontak", "size": 100}, headers=headers).text
    found["csv"] = http.get("/v1/export.csv", params={"q": marker}, headers=headers).text
    found["jsonl"] = http.get("/v1/export.jsonl", params={"q": marker}, headers=headers).text
    found["stats"] = http.get("/v1/stats", headers=headers).text
    found["open311-list"] = http.get("/open311/v2/requests.json", params={
        "service_request_id": ",".join(case.tracking_number for case in cases)}).text
    found["dashboard"] = http.get("/dashboard").text
    if role in stack.live:
        found["live"] = json.dumps([e for e in stack.live[role].complaints(marker)], ensure_ascii=False)
    return found


SUBSCRIBERS = {"ua": Subscription(id="owner", unit_code=UNIT_A, url="https://a.example/h", secret_env="S", events=("*",)),
               "ub": Subscription(id="other", unit_code=UNIT_B, url="https://b.example/h", secret_env="S", events=("*",)),
               "op": Subscription(id="ops", unit_code="*", url="https://o.example/h", secret_env="S", events=("*",))}


def webhook_bodies(stack: Stack, role: str) -> str:
    directory = ComplaintDirectory()
    bodies = [payload(to_event(r.topic, r.value, directory), SUBSCRIBERS[role], "d").decode()
              for r in stack.webhook_records]
    return "\n".join(bodies)


def per_privacy() -> st.SearchStrategy[dict[str, dict[str, Contact]]]:
    one = st.fixed_dictionaries({name: contacts() for name in FIELDS})
    return st.fixed_dictionaries({privacy: one for privacy in PRIVACIES})


# Needles of every complaint submitted so far: the index is shared by the examples, so a number drawn
# twice would be one reader's own (clear) data and another's leak at once.
_USED: set[str] = set()


# Each example is a few hundred requests through the whole stack: a few examples, no shrinking (the
# failing example is printed whole, with the surface and the answer).
@settings(max_examples=10, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
@given(drawn=per_privacy())
def test_no_contact_reaches_a_reader_who_may_not_read_it(stack, drawn):
    needles = [contact.needle for fields in drawn.values() for contact in fields.values()]
    assume(len(set(needles)) == len(needles) and not _USED.intersection(needles))
    _USED.update(needles)
    marker = make.marker("rahasia")
    cases = submit(stack, marker, drawn)
    for role in ROLES:
        found = answers(stack, role, marker, cases)
        for case in cases:
            clear = may_read_clear(role, case.privacy)
            for contact in case.needles():
                for surface, text in found.items():
                    if not clear:
                        assert not leaks(text, contact), (role, case.privacy, contact, surface, text[:3000])
            if clear and role != "op":
                # The owner unit reads its own complaint in clear: the contacts really were written in.
                detail = found[f"detail-id-{case.privacy}"]
                assert all(leaks(detail, c) for c in case.contacts.values()), (role, case.privacy, detail)
    # Webhooks: only the owner unit's endpoint gets contacts, and not for anonim; operators' endpoints never.
    for subscriber in SUBSCRIBERS:
        bodies = webhook_bodies(stack, subscriber)
        for case in cases:
            clear = subscriber == "ua" and case.privacy != "anonim"
            for contact in case.needles():
                if not clear:
                    assert not leaks(bodies, contact), (subscriber, case.privacy, contact, bodies[:3000])
            if clear:
                assert all(leaks(bodies, c) for c in case.contacts.values() if c is not case.contacts["reporter_name"])
    operator = answers(stack, "op", marker, cases)
    for case in cases:
        assert all(leaks(operator[f"detail-id-{case.privacy}"], c) for c in case.needles()), case
    # Non-operators never read what reaches or names the sender, nor the intake's own references.
    for role in ("an", "ua", "ub"):
        text = json.dumps(answers(stack, role, marker, cases), ensure_ascii=False)
        for internal in ("provider_message_id", "channel_meta", "raw_ref", "reporter_key", "rk-" + marker,
                         "content_digest"):
            assert internal not in text, (role, internal)


def test_the_dashboard_page_holds_no_data_and_cannot_be_framed(stack):
    page = stack.http.get("/dashboard")
    assert page.status_code == 200
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"


def test_a_conflicting_submission_leaves_the_document_unchanged(stack):
    marker = make.marker("timpa")
    original = make.routed(text=f"Pungli {marker} di kantor kelurahan", privacy="rahasia", unit_code=UNIT_A,
                           reporter=make.reporter(name="Pelapor Asli", phone="+6285711112222"),
                           provider_message_id=f"wa-{marker}")
    publish(stack.kafka, original)
    stack.index(ROUTED.name, {original.complaint_id})
    before = stack.es.get(index=stack.alias, id=original.complaint_id)["_source"]
    # The same provider id, anyone's words: public, another reporter, another unit, routed later.
    forged = make.routed(text=f"Isi palsu {marker}", privacy="publik", unit_code=UNIT_B, channel=original.channel,
                         reporter=make.reporter(name="Penyerang", phone="+6281299998888"),
                         provider_message_id=original.provider_message_id)
    assert forged.complaint_id == original.complaint_id and forged.content_digest() != original.content_digest()
    publish(stack.kafka, forged)
    stack.index(ROUTED.name, {original.complaint_id})
    after = stack.es.get(index=stack.alias, id=original.complaint_id)["_source"]
    unchanged = {k: v for k, v in after.items() if k not in ("content_conflicts", "indexed_at", "sla")}
    assert json.dumps(unchanged, sort_keys=True) == json.dumps(
        {k: v for k, v in before.items() if k not in ("indexed_at", "sla")}, sort_keys=True)
    assert after["content_conflicts"] == [forged.content_digest()]
    # And through the API: still confidential, still the first reporter's, still unit A's.
    assert stack.http.get(f"/v1/complaints/{original.complaint_id}", headers={"X-API-Key": "an"}).status_code == 404
    assert stack.http.get(f"/v1/complaints/{original.complaint_id}", headers={"X-API-Key": "ub"}).status_code == 404
    shown = stack.http.get(f"/v1/complaints/{original.complaint_id}", headers={"X-API-Key": "op"}).json()
    assert "Isi palsu" not in json.dumps(shown) and shown["reporter"]["name"] == "Pelapor Asli"


def test_a_number_finds_its_complaint_only_for_who_may_read_it(stack):
    """Searching a piece of a reporter's number must not find (nor highlight) the complaint for a reader
    who may not read that number: non-operators are searched on the redacted copies only."""
    marker = make.marker("nomor")
    serial = str(uuid.uuid4().int)[:4]
    fixed = {privacy: {name: Contact(f"0813-{serial}-{index}{position}{'0' * 2}", "", "mobile")
                       for position, name in enumerate(FIELDS)} for index, privacy in enumerate(PRIVACIES, 1)}
    cases = submit(stack, marker, fixed)
    found_by = {}
    for role in ("op", "an", "ua", "ub"):
        body = stack.http.get("/v1/search", params={"q": serial, "size": 100}, headers={"X-API-Key": role}).json()
        found_by[role] = {case.privacy for case in cases if any(h["complaint_id"] == case.complaint_id
                                                                for h in body["hits"])}
        for hit in body["hits"]:
            assert serial not in readable(json.dumps(hit.get("_highlight", {}))) or role in ("op", "ua"), (role, hit)
    assert found_by == {"op": {"publik", "anonim", "rahasia"}, "an": set(), "ua": {"publik", "rahasia"}, "ub": set()}
