import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from streams.dedup import DedupState, Deduplicator
from streams.dedup.index import decode_entry
from streams.dedup.features import extract, extract_numbers, stem
from streams.dedup.verify import similarity
from streams.normalise import normalise_text

T0 = datetime(2025, 3, 3, 8, 0, tzinfo=timezone.utc)
LABELLED = Path(__file__).resolve().parents[2] / "streams" / "data" / "dedup_labelled.jsonl"


def check(dedup, cid, text, at=T0, reporter=None, region=None):
    return dedup.check(cid, reporter, normalise_text(text), at, region, original_text=text)


# --- exact duplicates


def test_same_provider_message_is_an_exact_duplicate():
    dedup = Deduplicator()
    first = check(dedup, "c1", "jalan rusak di desa sukamaju")
    again = check(dedup, "c1", "jalan rusak di desa sukamaju", T0 + timedelta(minutes=5))
    assert first.duplicate_of is None and first.is_new_cluster and first.cluster_id == "c1"
    assert again.duplicate_of == "c1" and again.reason == "same_provider_message"
    assert again.cluster_id == "c1" and not again.is_new_cluster


def test_same_reporter_same_normalised_text_within_window():
    dedup = Deduplicator()
    check(dedup, "c1", "jln rusak di ds sukamaju", reporter="r1")
    result = check(dedup, "c2", "JALAN RUSAK DI DESA SUKAMAJU!!", T0 + timedelta(days=6), reporter="r1")
    assert result.duplicate_of == "c1" and result.reason == "same_reporter_same_text"


def test_same_text_from_another_reporter_is_a_near_duplicate_not_exact():
    dedup = Deduplicator()
    check(dedup, "c1", "jalan rusak berlubang di desa sukamaju rt 03", reporter="r1")
    result = check(dedup, "c2", "jalan rusak berlubang di desa sukamaju rt 03", reporter="r2")
    assert result.duplicate_of is None and result.cluster_id == "c1" and not result.is_new_cluster
    assert result.similar_to == "c1"


def test_same_reporter_same_text_after_window_is_a_new_complaint_in_the_same_cluster():
    dedup = Deduplicator()
    check(dedup, "c1", "jalan rusak berlubang di desa sukamaju", reporter="r1")
    result = check(dedup, "c2", "jalan rusak berlubang di desa sukamaju", T0 + timedelta(days=8), reporter="r1")
    assert result.duplicate_of is None and result.cluster_id == "c1"


def test_exact_window_is_configurable():
    dedup = Deduplicator(exact_window=timedelta(hours=1))
    check(dedup, "c1", "lampu mati di gang mawar", reporter="r1")
    assert check(dedup, "c2", "lampu mati di gang mawar", T0 + timedelta(hours=2), reporter="r1").duplicate_of is None


# --- near duplicates and their traps


def test_cross_channel_paraphrase_joins_the_cluster():
    dedup = Deduplicator()
    check(dedup, "sms", "jln di ds sukamaju rt 03 rusak parah bgt, byk lubang, udh 2 bln gak diperbaiki")
    email = ("Dengan hormat, kami warga Desa Sukamaju RT 03/RW 02 Kecamatan Cibungbulang melaporkan kerusakan "
             "jalan desa yang berlubang dan belum diperbaiki selama dua bulan.")
    result = check(dedup, "email", email, T0 + timedelta(hours=3))
    assert result.cluster_id == "sms" and result.duplicate_of is None


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("jalan rusak parah di desa sukamaju", "jalan rusak parah di desa sukamulya"),
        ("got mampet di gang mawar rt 07 rw 03", "got mampet di gang mawar rt 05 rw 03"),
        ("pungli ktp rp 50rb di kecamatan ngaliyan", "pungli ktp rp 100rb di kecamatan ngaliyan"),
        ("atap SDN 2 karanganyar bocor", "atap SDN 3 karanganyar bocor"),
        ("jalan raya cileungsi km 12 berlubang besar", "jalan raya cileungsi km 27 berlubang besar"),
        ("banjir di Perumahan Griya Asri blok C", "banjir di Perumahan Griya Indah blok C"),
    ],
)
def test_same_template_different_place_or_number_stays_apart(first, second):
    dedup = Deduplicator()
    check(dedup, "a", first)
    result = check(dedup, "b", second, T0 + timedelta(hours=1))
    assert result.is_new_cluster and result.cluster_id == "b"


def test_same_place_different_issue_stays_apart():
    dedup = Deduplicator()
    check(dedup, "a", "jalan rusak berlubang di desa sukamaju")
    assert check(dedup, "b", "lampu penerangan mati gelap di desa sukamaju").is_new_cluster


def test_vague_complaint_does_not_join_a_specific_one():
    dedup = Deduplicator()
    check(dedup, "a", "jalan rusak parah di desa sukamaju, mohon diperbaiki")
    assert check(dedup, "b", "jalan rusak parah, mohon diperbaiki").is_new_cluster


def test_different_region_codes_stay_apart_and_levels_are_compatible():
    dedup = Deduplicator()
    check(dedup, "a", "banjir setinggi lutut drainase mampet warga mengungsi", region="3201")
    assert check(dedup, "b", "banjir setinggi lutut drainase mampet warga mengungsi", region="3301").is_new_cluster
    assert check(dedup, "c", "banjir setinggi lutut drainase mampet warga mengungsi", region="32").cluster_id == "a"


def test_region_of_callable_is_used():
    regions = {"cibinong": "320101", "depok": "3276"}
    dedup = Deduplicator(region_of=lambda text: next((c for n, c in regions.items() if n in text.lower()), None))
    check(dedup, "a", "sampah menumpuk tidak diangkut bau menyengat Cibinong")
    assert check(dedup, "b", "sampah menumpuk tidak diangkut bau menyengat Depok").is_new_cluster


def test_near_window_expires_by_event_time():
    dedup = Deduplicator(near_window=timedelta(days=30))
    check(dedup, "a", "jembatan gantung putus di dusun krajan desa sumberejo")
    later = check(dedup, "b", "jembatan gantung putus di dusun krajan desa sumberejo", T0 + timedelta(days=31))
    assert later.is_new_cluster


def test_empty_text_is_a_new_cluster():
    dedup = Deduplicator()
    assert check(dedup, "a", "!!!").is_new_cluster
    assert check(dedup, "b", "???").is_new_cluster


# --- state, eviction, snapshot


def test_state_is_json_serialisable_with_string_keys():
    dedup = Deduplicator()
    check(dedup, "a", "air pdam mati di kelurahan tegalsari rt 05", reporter="r1")
    check(dedup, "b", "air pdam tidak mengalir di kelurahan tegalsari rt 05", reporter="r2")
    snapshot = dedup.snapshot()
    assert json.loads(json.dumps(snapshot)) == snapshot
    for table in snapshot.values():
        assert all(isinstance(key, str) for key in table)


def test_restore_continues_where_the_snapshot_left_off():
    dedup = Deduplicator()
    check(dedup, "a", "air pdam mati di kelurahan tegalsari rt 05", reporter="r1")
    restored = Deduplicator.restore(json.loads(json.dumps(dedup.snapshot())))
    assert check(restored, "a", "air pdam mati").reason == "same_provider_message"
    assert check(restored, "b", "air pdam tidak mengalir di kelurahan tegalsari rt 05").cluster_id == "a"


class RecordingTable(dict):
    """Like a faust table: only assignments reach the changelog, in-place mutation would be lost."""

    def __init__(self):
        super().__init__()
        self.assigned = 0

    def __setitem__(self, key, value):
        self.assigned += 1
        # A copy, as a changelog round trip would make (the worker's store keeps encoded bytes as they are).
        super().__setitem__(key, value if isinstance(value, bytes) else json.loads(json.dumps(value)))


def test_state_changes_are_assignments_so_tables_record_them():
    state = DedupState(RecordingTable(), RecordingTable(), RecordingTable(), RecordingTable())
    dedup = Deduplicator(state)
    check(dedup, "a", "lampu jalan mati di jalan merdeka depan masjid al ikhlas")
    check(dedup, "b", "lampu jalan mati di jalan merdeka depan masjid al ikhlas sudah seminggu")
    fresh = Deduplicator(DedupState.restore(state.snapshot()))
    assert check(fresh, "c", "lampu jalan di jalan merdeka depan masjid al ikhlas mati").cluster_id == "a"


def test_evict_drops_old_entries_and_keeps_recent_ones():
    dedup = Deduplicator(exact_window=timedelta(days=7), near_window=timedelta(days=30))
    check(dedup, "old", "jalan rusak berlubang di desa sukamaju", reporter="r1")
    check(dedup, "new", "lampu mati di gang mawar rt 02", T0 + timedelta(days=25), reporter="r2")
    assert dedup.evict(T0 + timedelta(days=10)) == 0
    assert "m:old" not in dedup.state.exact and "m:new" in dedup.state.exact
    assert dedup.evict(T0 + timedelta(days=31)) == 1
    assert "old" not in dedup.state.features and "new" in dedup.state.features
    assert all("old" not in bucket for bucket in dedup.state.buckets.values())
    dedup.evict(T0 + timedelta(days=90))
    assert not any(dedup.state.snapshot().values())


# --- the durable store (a faust GlobalTable in the worker)


def test_records_reach_the_store_once_per_flush_and_come_back_after_a_restart():
    store = RecordingTable()
    dedup = Deduplicator(store=store)
    check(dedup, "a", "lampu jalan mati di jalan merdeka depan masjid al ikhlas", reporter="r1")
    check(dedup, "b", "sampah menumpuk di pasar cibiru rt 03", reporter="r2")
    assert store.assigned == 0
    assert dedup.flush() == 2 and store.assigned == 1 and dedup.flush() == 0
    restarted = Deduplicator(store=store)
    assert restarted.reindex() == 2
    assert check(restarted, "a2", "lampu jalan mati di jalan merdeka depan masjid al ikhlas",
                 T0 + timedelta(hours=1), reporter="r1").duplicate_of == "a"
    assert check(restarted, "c", "lampu di jalan merdeka depan masjid al ikhlas mati").cluster_id == "a"


def test_a_worker_adopts_what_another_worker_stored():
    store = {}
    first, second = Deduplicator(store=store), Deduplicator(store=store)
    check(first, "a", "air pdam mati di kelurahan tegalsari rt 05", reporter="r1")
    first.flush()
    assert second.adopt_new() == 1 and second.adopt_new() == 0
    assert check(second, "b", "air pdam tidak mengalir di kelurahan tegalsari rt 05").cluster_id == "a"
    second.flush()
    assert first.adopt_new() == 1  # its own entry is not adopted twice


def test_the_store_keeps_no_bucket_keys_and_an_adopting_worker_derives_the_same_ones():
    store = {}
    first, second = Deduplicator(store=store), Deduplicator(store=store)
    check(first, "a", "Lampu PJU mati total di Jl. Merdeka depan Masjid Al Ikhlas, Kelurahan Tegalsari", reporter="r1")
    first.flush()
    (entry,) = map(decode_entry, store.values())
    assert "k" not in entry["a"] and entry["a"]["m"]  # the named words MinHash saw are kept instead
    assert "k" not in first.state.features["a"]  # nor does the memory: they are derived when needed
    second.adopt_new()
    assert first.state.buckets and {key: ids for key, ids in second.state.buckets.items()} == dict(first.state.buckets)
    # Forgetting derives them again: no bucket is left holding the forgotten complaint.
    second.evict(datetime.now(timezone.utc) + timedelta(days=31))
    assert not second.state.buckets and not second.state.features
    # An entry from before the store left them out still carries its keys, which are used as they are.
    legacy = {"a": {**first.state.features["a"], "k": ["b0:legacy"]}}
    old_store = {"entry": legacy}
    third = Deduplicator(store=old_store)
    third.adopt_new()
    assert third.state.buckets["b0:legacy"] == ["a"]


def test_a_large_batch_is_split_into_entries_kafka_accepts():
    store = RecordingTable()
    dedup = Deduplicator(store=store)
    def word(i):  # distinct letters-only words: "kataba", "katabb", ...
        return "kata" + "".join("abcdefghijklmnopqrstuvwxyz"[int(d)] for d in f"{i:04d}")

    long_text = " ".join(word(i) for i in range(3000))  # a long letter: ~3,000 distinct content words
    for i in range(200):
        check(dedup, f"c{i}", f"{long_text} {word(5000 + i)}", reporter=f"r{i}")
    dedup.flush()
    sizes = [len(json.dumps(decode_entry(value))) for value in store.values()]
    assert sum(len(decode_entry(value)) for value in store.values()) == 200 and len(sizes) > 1
    assert max(sizes) < 1_000_000  # even before compression


def test_evict_removes_old_entries_from_the_store():
    store = {}
    dedup = Deduplicator(store=store, near_window=timedelta(days=30))
    check(dedup, "old", "jalan rusak berlubang di desa sukamaju")
    dedup.flush()
    check(dedup, "new", "lampu mati di gang mawar rt 02", T0 + timedelta(days=25))
    dedup.flush()
    assert len(store) == 2
    dedup.evict(T0 + timedelta(days=31))
    assert [list(decode_entry(value)) for value in store.values()] == [["new"]]


def test_store_entries_are_compressed_bytes_and_entries_of_every_earlier_form_are_adopted():
    store = {}
    first = Deduplicator(store=store)
    check(first, "a", "Air PDAM tidak mengalir tiga hari di Kelurahan Tegalsari RT 05")
    first.flush()
    (value,) = store.values()
    record = json.dumps(decode_entry(value)).encode()
    assert isinstance(value, bytes) and len(value) < len(record)
    # As faust's JSON table values were read back once the table keeps bytes, and as a plain dict store holds them.
    for earlier in (record, json.loads(record)):
        adopting = Deduplicator(store={"earlier": earlier})
        assert adopting.adopt_new() == 1
        assert check(adopting, "b", "air pdam ga ngalir 3 hari di kel tegalsari rt 05").cluster_id == "a"


# --- features


def test_numbers_by_kind():
    numbers = extract_numbers(normalise_text("RT 03/RW 05, jl kenanga no.12, km 7, blok C2, pungli Rp 50.000 dan rp 1,5 jt"))
    assert numbers == {
        "rt": {"3"}, "rw": {"5"}, "no": {"12"}, "km": {"7"}, "blok": {"c2"}, "rp": {"50000", "1500000"},
    }
    assert extract_numbers("rp 50rb") == {"rp": frozenset({"50000"})}
    assert extract_numbers("sudah 2 bulan") == {}


def test_places_from_markers_schools_and_capitals():
    features = extract(normalise_text("Banjir di Cibubur dekat SMPN 4 dan desa sukamaju kec cibinong"),
                       original="Banjir di Cibubur dekat SMPN 4 dan desa sukamaju kec cibinong")
    assert features.places == {"f:cibubur", "f:smp 4", "f:sukamaju", "c:cibinong"}


def test_a_school_named_before_its_number_is_still_its_number():
    def places(text):
        return extract(normalise_text(text), original=text).places

    assert "f:sd 3" in places("Anak saya ditolak PPDB di SDN Mekarjaya 3, padahal dekat")
    assert "f:sd 3" in places("ppdb sdn 3 mekarjaya curang")
    assert "f:smp 2" in places("Atap SMP Negeri Sukamaju 2 bocor")
    assert not any(p.startswith("f:sd") for p in places("Anak saya kelas 3 SD dipungut biaya"))
    assert not any(p.startswith("f:sd") for p in places("SD kelas 3 dipungut biaya buku"))
    # two schools of one village, told in the same words, stay two issues
    a = extract(normalise_text("Anak saya ditolak PPDB zonasi di SDN Mekarjaya 3 padahal rumah dekat"))
    b = extract(normalise_text("Anak saya ditolak PPDB zonasi di SDN Mekarjaya 5 padahal rumah dekat"))
    assert similarity(a, b) == 0.0


def test_a_settlement_is_a_place():
    text = "Penyintas gempa di Huntap Pombewe belum menerima kunci unit"
    assert "f:pombewe" in extract(normalise_text(text), original=text).places
    a = extract(normalise_text(text), original=text)
    other = "Penyintas gempa di Huntap Tondo belum menerima kunci unit"
    assert similarity(a, extract(normalise_text(other), original=other)) == 0.0


def test_regional_function_words_are_no_shared_content():
    # Ambonese "su", "katong", "beta" are Indonesian "sudah", "kami", "saya": two SMS about a land
    # grab and a market's rubbish share no content word
    a = extract(normalise_text("tanah dusun katong di ambon dikapling orang, su pasang pagar. beta mo lapor"))
    b = extract(normalise_text("sampah di pasar mardika su dua minggu seng diangkat. katong pedagang su seng tahan"))
    assert not {"su", "katong", "beta"} & (a.words | b.words)
    assert a.words.isdisjoint(b.words)


def test_stemmer_meets_paraphrases():
    assert stem("kerusakan") == stem("rusak") == "rusak"
    assert stem("diperbaiki") == stem("perbaikan") == stem("memperbaiki")


def test_similarity_is_symmetric_on_the_traps():
    a = extract(normalise_text("jalan rusak di desa sukamaju"))
    b = extract(normalise_text("jalan rusak di desa sukamulya"))
    assert similarity(a, b) == similarity(b, a) == 0.0


# --- offline mirror and the labelled set


def test_labelled_set_shape():
    records = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 150
    for record in records:
        assert {"id", "channel", "text", "reporter", "received_at", "cluster"} <= record.keys()
        datetime.fromisoformat(record["received_at"].replace("Z", "+00:00"))
    assert sum(r["duplicate_of"] is not None for r in records) >= 15


CLUSTERS_OF_A_DAY = """
import hashlib, random
from datetime import datetime, timezone
from aduan.simulate import ScenarioWriter
from streams.dedup import Deduplicator
from streams.normalise import normalise_text
writer, dedup, at = ScenarioWriter(random.Random(11)), Deduplicator(), datetime(2026, 11, 23, tzinfo=timezone.utc)
clusters = []
for i in range(3000):
    _style, text = writer.write(writer.facts())
    clusters.append(dedup.check(f"c{i}", None, normalise_text(text), at, original_text=text).cluster_id)
print(hashlib.sha256(" ".join(clusters).encode()).hexdigest())
"""


def test_clusters_do_not_depend_on_the_process_hash_seed():
    # `aduan dedup` on the same input must print the same clusters every run, and two workers must
    # agree: candidates that tie on LSH hits are ranked without iterating a set of strings.
    digests = {subprocess.run([sys.executable, "-c", CLUSTERS_OF_A_DAY], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3", "4")}
    assert len(digests) == 1, digests


def test_features_kept_ready_are_bounded_and_a_candidate_beyond_them_still_matches(monkeypatch):
    import streams.dedup.index as index
    monkeypatch.setattr(index, "FEATURES_CACHE", 3)
    dedup = Deduplicator()
    check(dedup, "a", "Air PDAM tidak mengalir tiga hari di Kelurahan Tegalsari RT 05")
    for n, text in enumerate(["Jalan berlubang besar di depan pasar Cibubur", "Sampah menumpuk di TPS Kampung Melayu",
                              "Lampu PJU mati di Jl. Merdeka", "Pungli di kantor kelurahan Sukajadi"]):
        check(dedup, f"other{n}", text)
    assert len(dedup._features) == 3 and "a" not in dedup._features
    assert check(dedup, "b", "air pdam ga ngalir udah 3 hari di kel tegalsari rt 05").cluster_id == "a"
