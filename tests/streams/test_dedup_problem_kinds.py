"""The problem-kind veto (session 16, streams/data/dedup_problem_kinds.tsv): one place, one topic, one utility, and
clearly different problems are two issues; texts that share a kind, or name none of one group, are left to the
verifier. The texts are the kinds of false merge read off tuning/independent_l and independent_e, reworded."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from streams.dedup import Deduplicator
from streams.dedup.features import extract, other_problems
from streams.dedup.verify import FEATURE_NAMES, PairVerifier, pair_features, vetoed
from streams.normalise import normalise_text

T0 = datetime(2026, 10, 2, 1, 0, tzinfo=timezone.utc)


def features(text: str, region: str | None = None):
    return extract(normalise_text(text), region, original=text)


def always_join() -> PairVerifier:
    """A verifier that would join anything: only the hard vetoes can keep a pair apart."""
    return PairVerifier(np.zeros(len(FEATURE_NAMES)), 50.0, 0.5)


@pytest.mark.parametrize(("first", "second"), [
    # the month's bill and an outage, one desa (PLN) and one kecamatan (PDAM)
    ("Tagihan listrik pascabayar rumah saya di Desa Bitung Jaya bulan ini Rp1,2 juta, minta meteran dicek",
     "listrik di desa bitung jaya mati nyala terus dari sore, PLN tolong dicek"),
    ("tagihan pdam saya di tambun selatan naik 3x lipat, meteran cuma ditaksir",
     "air pdam tambun selatan mati 4 hari, kapan nyala"),
    # a new pole put up and a blackout in one desa
    ("Tiang listrik baru dipasang PLN di pekarangan rumah saya di Desa Kemutug Lor tanpa izin",
     "Listrik di Desa Kemutug Lor padam tiga kali seminggu, PLN mohon perbaikan"),
    # a burst pipe and the supply stopped, one kecamatan
    ("pipa pdam besar bocor di simpang batu aji, air nyembur ke jalan",
     "air pdam di batu aji tidak mengalir dari subuh"),
    # the street lights and the potholes before one school
    ("Lampu PJU di Jl. Swadaya Raya depan SDN Pondok Kelapa 05 mati semua",
     "Jl. Swadaya Raya depan SDN Pondok Kelapa 05 berlubang besar, motor jatuh"),
    # a Polres' two services
    ("bikin SIM di polres sleman dimintai uang 500rb biar lulus", "SKCK di polres sleman sudah 2 minggu belum jadi, pungli"),
])
def test_disjoint_kinds_of_one_group_are_two_issues(first, second):
    a, b = features(first), features(second)
    assert other_problems(a, b) and other_problems(b, a)
    assert vetoed(a, b) and pair_features(a, b, 3600.0) is None


@pytest.mark.parametrize(("first", "second"), [
    # an outage that mentions the bill is still the outage ("tapi tagihan tetap jalan" names both kinds)
    ("air pdam tanjung unggat mati 3 hari, beli air tangki. tapi tagihan tetap jalan",
     "PDAM wilayah Tanjung Unggat tidak mengalir tiga hari tanpa pemberitahuan"),
    # one side names no kind of the group
    ("air pdam di kraton bangkalan kenapa ini", "Air PDAM di Kelurahan Kraton tidak mengalir sejak Kamis"),
    # "lampu jalan mati" is no outage: no kind of the utilities' group to compare with a bill
    ("lampu jalan mati di gang mawar", "tagihan listrik naik di gang mawar"),
    # two kinds of different groups are not compared
    ("jalan berlubang di desa sukamaju", "tagihan pdam naik di desa sukamaju"),
])
def test_shared_or_uncompared_kinds_are_left_to_the_verifier(first, second):
    assert not other_problems(features(first), features(second))


def test_the_kind_of_a_text_is_read_from_its_words_and_phrases():
    assert features("listrik padam lagi").problem_kinds == {"utilitas:padam"}
    assert features("air pdam mati 3 hari").problem_kinds == {"utilitas:padam"}  # "~air" and "mati": a "+" term
    assert features("tagihannya naik dua kali").problem_kinds == {"utilitas:tagihan"}  # stemmed
    assert features("lampu jalan mati").problem_kinds == {"jalan:penerangan"}
    assert not features("jalan macet parah").problem_kinds


def test_the_stream_keeps_the_bill_out_of_the_outage_cluster():
    """Through the deduplicator's own path (what the stream and the offline eval run), with a verifier that would
    join anything: the outage reports join, the bill of the same desa does not."""
    dedup = Deduplicator(verifier=always_join())

    def check(cid, text, hours):
        return dedup.check(cid, None, normalise_text(text), T0 + timedelta(hours=hours), "3603182005", original_text=text)

    outage = check("a", "listrik di desa bitung jaya mati nyala terus dari sore, PLN tolong dicek", 0)
    again = check("b", "Listrik Desa Bitung Jaya padam berulang sejak sore", 1)
    bill = check("c", "Tagihan listrik pascabayar rumah saya di Desa Bitung Jaya bulan ini Rp1,2 juta, minta meteran dicek", 2)
    assert again.cluster_id == outage.cluster_id
    assert bill.cluster_id != outage.cluster_id
