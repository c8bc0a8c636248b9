"""Two kinds of region error read off tuning/independent_n (session 17): a kota/kabupaten twin named bare in a text
that speaks only to the kabupaten's office (a bupati), and a police handle that says the kind again after the name
("@polrestamalangkota"), and two everyday short names ("sorsel", "smrg"). The texts are written for the tests, not copied from a tuning set."""

from __future__ import annotations

from tests.streams.test_locate import gaz  # noqa: F401 (gaz is the shared module fixture)
from tests.streams.test_locate_round11 import kabkota


def test_a_bare_twin_name_is_the_kabupaten_when_the_text_speaks_to_a_bupati(gaz):
    assert kabkota(gaz, "Karaoke di Bogor buka sampai subuh, melanggar surat edaran bupati.") == "3201"
    assert kabkota(gaz, "Pak Bupati, jalan di Cirebon rusak parah.") == "3209"
    # Without the office the twin stays the kota; with both offices, or after a cue, nothing moves.
    assert kabkota(gaz, "Karaoke di Bogor buka sampai subuh.") == "3271"
    assert kabkota(gaz, "Di Bogor bupati dan walikota sama saja, jalan tetap rusak.") == "3271"
    assert kabkota(gaz, "Kota Bogor macet terus, bupati sebelah juga diam.") == "3271"
    # A name no kabupaten shares is not moved.
    assert kabkota(gaz, "Banjir di Depok, bupati mana peduli.") == "3276"


def test_a_handle_may_say_its_kind_after_the_name(gaz):
    assert kabkota(gaz, "balapan liar tiap malam di jalan besar @polrestamalangkota") == "3573"
    assert kabkota(gaz, "balapan liar tiap malam @polresmalangkab") == "3507"
    assert kabkota(gaz, "balapan liar tiap malam @polrestamalang") == "3573"


def test_two_more_everyday_short_names(gaz):
    assert kabkota(gaz, "listrik sorsel padam 2 hari, pltd rusak") == "9602"
    assert kabkota(gaz, "banjir lagi di smrg, rumah kerendem") == "3374"
