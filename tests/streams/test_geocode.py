"""Bare location pins → Kemendagri kab/kota (streams.geocode), measured on coordinates of known places.

The coordinates below are not from the shipped place file: they were written by hand from general
knowledge of where each city hall / alun-alun (CENTRES) and each airport, temple, campus or regency seat
away from its city centre (OFF_CENTRE) is, each with the kab/kota it lies in. Run with -s to see the figures."""

import pytest

from streams.geocode import PlaceIndex
from streams.locate import Gazetteer

CENTRES = [
    (-6.9175, 107.6191, "Kota Bandung"), (-7.2575, 112.7521, "Kota Surabaya"), (-6.9667, 110.4167, "Kota Semarang"),
    (-7.7956, 110.3695, "Kota Yogyakarta"), (3.5952, 98.6722, "Kota Medan"), (-5.1477, 119.4327, "Kota Makassar"),
    (-8.6500, 115.2167, "Kota Denpasar"), (-2.9761, 104.7754, "Kota Palembang"), (-7.9666, 112.6326, "Kota Malang"),
    (-7.5755, 110.8243, "Kota Surakarta"), (-6.5971, 106.8060, "Kota Bogor"), (-0.9471, 100.4172, "Kota Padang"),
    (0.5071, 101.4478, "Kota Pekanbaru"), (-3.3186, 114.5944, "Kota Banjarmasin"), (-0.0263, 109.3425, "Kota Pontianak"),
    (1.4748, 124.8421, "Kota Manado"), (-10.1772, 123.6070, "Kota Kupang"), (-8.5833, 116.1167, "Kota Mataram"),
    (-1.6101, 103.6131, "Kota Jambi"), (-3.7928, 102.2608, "Kota Bengkulu"), (-5.3971, 105.2668, "Kota Bandar Lampung"),
    (-0.5022, 117.1536, "Kota Samarinda"), (-1.2379, 116.8529, "Kota Balikpapan"), (-3.6954, 128.1814, "Kota Ambon"),
    (-2.5337, 140.7181, "Kota Jayapura"), (-3.9985, 122.5127, "Kota Kendari"), (-0.8917, 119.8707, "Kota Palu"),
    (0.5435, 123.0568, "Kota Gorontalo"), (5.5483, 95.3238, "Kota Banda Aceh"), (-6.7063, 108.5570, "Kota Cirebon"),
    (-7.3274, 108.2207, "Kota Tasikmalaya"), (-7.8480, 112.0178, "Kota Kediri"), (-7.6298, 111.5239, "Kota Madiun"),
    (-6.8694, 109.1402, "Kota Tegal"), (-6.8886, 109.6753, "Kota Pekalongan"), (-8.2191, 114.3691, "Kabupaten Banyuwangi"),
    (-8.1724, 113.7005, "Kabupaten Jember"), (-6.8575, 107.9200, "Kabupaten Sumedang"), (-7.2167, 107.9000, "Kabupaten Garut"),
    (-6.8200, 107.1400, "Kabupaten Cianjur"), (-8.5442, 115.3256, "Kabupaten Gianyar"), (-7.8881, 110.3289, "Kabupaten Bantul"),
    (-7.7058, 110.6063, "Kabupaten Klaten"), (-6.8048, 110.8405, "Kabupaten Kudus"), (1.1301, 104.0529, "Kota Batam"),
    (-2.1291, 106.1090, "Kota Pangkal Pinang"), (0.7906, 127.3842, "Kota Ternate"), (-0.8762, 131.2558, "Kota Sorong"),
    (-2.2089, 113.9213, "Kota Palangkaraya"), (-6.1754, 106.8272, "Kota Administrasi Jakarta Pusat"),
]
OFF_CENTRE = [
    (-7.3798, 112.7869, "Kabupaten Sidoarjo"), (-6.1256, 106.6559, "Kota Tangerang"), (-7.6079, 110.2038, "Kabupaten Magelang"),
    (-8.7482, 115.1672, "Kabupaten Badung"), (3.6422, 98.8853, "Kabupaten Deli Serdang"), (-5.0617, 119.5540, "Kabupaten Maros"),
    (-8.0250, 110.3290, "Kabupaten Bantul"), (-7.7882, 110.4317, "Kabupaten Sleman"), (-7.4245, 109.2302, "Kabupaten Banyumas"),
    (-6.9275, 107.7740, "Kabupaten Sumedang"), (-6.4817, 106.8540, "Kabupaten Bogor"), (-6.2383, 106.9756, "Kota Bekasi"),
    (-6.2615, 107.1530, "Kabupaten Bekasi"), (-6.4025, 106.7942, "Kota Depok"), (-6.3020, 106.6522, "Kota Tangerang Selatan"),
    (-6.8117, 107.6175, "Kabupaten Bandung Barat"), (-7.0252, 107.5196, "Kabupaten Bandung"), (-8.1301, 112.5722, "Kabupaten Malang"),
    (-7.8671, 112.5239, "Kota Batu"), (-7.1560, 112.6555, "Kabupaten Gresik"),
]


@pytest.fixture(scope="module")
def codes():
    return {region.name: code for code, region in Gazetteer.load().regions.items() if len(code) == 4}


def score(pins, codes):
    index = PlaceIndex.load()
    right = wrong = unresolved = province_only = 0
    for lat, lon, name in pins:
        match = index.resolve(lat, lon)
        expected = codes[name]
        if match is None:
            unresolved += 1
        elif len(match.code) == 2:
            province_only += match.code == expected[:2]
            wrong += match.code != expected[:2]
        elif match.code[:4] == expected:
            right += 1
        else:
            wrong += 1
    return right, wrong, unresolved, province_only


def test_kabkota_accuracy_on_known_pins(codes):
    assert len(CENTRES) >= 30
    centres, off = score(CENTRES, codes), score(OFF_CENTRE, codes)
    for label, (right, wrong, unresolved, province) in (("centres", centres), ("off-centre", off)):
        total = right + wrong + unresolved + province
        print(f"{label}: {right}/{total} kab/kota right ({right / total:.3f}), {wrong} wrong, "
              f"{province} province only, {unresolved} unresolved")
    assert centres[0] / len(CENTRES) >= 0.94 and centres[1] == 0
    assert off[0] / len(OFF_CENTRE) >= 0.6


def test_kecamatan_only_when_near_and_nothing_at_sea():
    index = PlaceIndex.load()
    assert index.resolve(-5.0, 110.0) is None  # the Java Sea
    near = index.resolve(-7.55611, 110.83167)  # GeoNames' own Surakarta point
    assert near.code == "3372" or near.code.startswith("3372")
    for lat, lon, _ in CENTRES:
        match = index.resolve(lat, lon)
        assert match is None or len(match.code) in (2, 4) or match.distance_km <= 3.0


def test_a_bare_pin_routes_to_its_kabkota():
    from schemas.events import Complaint, LocationHint, Reporter
    from streams.pipeline import Pipeline, Submission
    pipeline = Pipeline("test-salt")
    pin = Complaint.new(channel="social", provider_message_id="wamid.pin1", received_at="2026-03-03T08:00:00Z",
                        text="[Lokasi dibagikan]", reporter=Reporter(phone="+6281234500077"),
                        location=LocationHint(lat=-6.9175, lon=107.6191))
    worded = pin.model_copy(update={"provider_message_id": "x", "text": "Jalan rusak di Kota Surabaya"})
    results = pipeline.run([Submission.of(pin, "s"), Submission.of(worded, "s")], deduplicate=False)
    assert results[0].region_code == "3273" and results[0].unit.unit_code.endswith("3273")
    assert results[1].region_code == "3578", "the citizen's words win over the pin"
