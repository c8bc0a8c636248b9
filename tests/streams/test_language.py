"""Sentences written for aduan, complaint-like, in each language the scorer supports."""

import pytest

from streams.language import detect_language

INDONESIAN = [
    "Jalan di desa kami rusak parah dan belum diperbaiki sejak tahun lalu.",
    "jln di ds sukamaju udh rusak bgt, tlg diperbaiki pak",
    "Lampu penerangan jalan mati sudah seminggu, mohon segera ditindaklanjuti.",
    "Sampah di pasar menumpuk dan tidak diangkut petugas selama lima hari.",
    "Air PDAM tidak mengalir ke rumah warga sejak kemarin pagi.",
    "Pelayanan di puskesmas sangat lama, dokter tidak ada di tempat.",
    "Bantuan BLT untuk warga kami belum cair sampai sekarang.",
    "Kenapa pembuatan KTP di kecamatan dimintai uang padahal gratis?",
    "Banjir setinggi lutut masuk ke rumah karena saluran tersumbat.",
    "Mohon bapak bupati memperhatikan jembatan yang hampir putus ini.",
    "Listrik sering padam, alat elektronik warga banyak yang rusak.",
    "Gaji guru honorer belum dibayar tiga bulan, bagaimana ini?",
    "Parkir liar di depan pasar bikin macet setiap sore.",
    "Pohon tumbang menutup jalan, pengendara motor susah lewat.",
    "sinyal di desa kami gak ada, anak sekolah susah belajar daring",
    "Tolong diperbaiki jalannya, sudah banyak yang jatuh dari motor.",
    "Kami warga RT 03 mengeluhkan bau dari tempat pembuangan sampah.",
    "Atap sekolah bocor dan hampir roboh, murid belajar di teras.",
    "Truk tambang lewat setiap malam dan merusak jalan desa.",
    "Pengurusan akta kelahiran sudah sebulan tapi belum selesai juga.",
    "Kabel listrik menjuntai di depan rumah, sangat membahayakan anak-anak.",
    "Kantor kelurahan tutup pada jam kerja, warga tidak bisa mengurus surat.",
    "Saluran irigasi jebol sehingga sawah petani kering.",
    "Tolong ya pak, jalannya gelap banget kalau malam.",
    "Beras bansos yang dibagikan berkutu dan bau, tidak layak.",
]

JAVANESE = [
    "Dalan neng desa kula rusak parah, sampun tigang wulan mboten didandani.",
    "dalane bolong kabeh, wis suwe ora ono sing ndandani",
    "Lampune mati wis seminggu, dalane peteng yen bengi.",
    "Nyuwun tulung, banyu PDAM ora mili wis telung dino.",
    "Sampah neng pasar akeh banget, ora diangkut karo petugas.",
    "Kulo nyuwun pangapunten, dalan wonten ngajeng griya kula bolong.",
    "Piye iki, listrike mati terus saben dino.",
    "Jembatan ning kali kae wis rusak, wong ora iso liwat.",
    "Matur nuwun sakderengipun, mugi dalan niki saget dipun dandani.",
    "Bocah-bocah ora iso sekolah mergo dalane banjir.",
    "Wis tak laporke ping pindo nanging durung ono tanggapan.",
    "Kok suwe men to pelayanane neng puskesmas, dokter e ora ono.",
    "Dalan menyang pasar rusak, kudu diperbaiki sak cepete.",
    "Wong-wong kene wis ngenteni bantuan, nanging durung teko.",
    "Opo ora iso dibenerke lampu dalan iki?",
    "Banyu ne butek lan mambu, ora iso dinggo masak.",
    "Kula badhe lapor, wonten wit tumbang ing dalan.",
    "Aku wis kesel, dalan iki ora tau didandani.",
    "Griya kula kebanjiran malih, mergo got e buntu.",
    "Sing tanggung jawab sopo, dalane ajur ngene iki.",
    "Pak lurahe mboten nate rawuh ningali dalan niki.",
    "Saben udan mesti banjir, ora ono saluran banyu.",
    "Niki dalan kabupaten nanging dereng dipun aspal.",
    "Kowe ngerti ora, truk tambang kae ngrusak dalan.",
    "Wis telung sasi bantuan ora cair, piye iki pak?",
]

SUNDANESE = [
    "Jalan di lembur abdi ruksak pisan, teu acan dibenerkeun.",
    "Punten, lampu jalan tos pareum saminggu, poek pisan upami wengi.",
    "Cai PDAM teu ngocor tilu poe, warga hese meunang cai.",
    "Runtah di pasar numpuk, teu diangkut ku petugas.",
    "Kumaha ieu, listrik pareum wae unggal poe.",
    "Abdi bade ngalaporkeun jalan nu ruksak di payuneun sakola.",
    "Hatur nuhun sateuacanna, mugia jalan ieu enggal dibenerkeun.",
    "Jambatan na tos ruksak, urang teu tiasa ngaliwat.",
    "Barudak teu bisa sakola sabab jalanna banjir.",
    "Geus dua kali dilaporkeun tapi can aya tanggapan euy.",
    "Naha lami pisan pelayanan di puskesmas, dokterna teu aya.",
    "Bantuan teh can cair, padahal desa sejen mah geus.",
    "Imah abdi kabanjiran deui, solokan na mampet.",
    "Atuh kumaha ieu jalan teh bolong-bolong kabeh.",
    "Caina kiruh jeung bau, teu tiasa dianggo masak.",
    "Aya tangkal rubuh di jalan, punten gancang dipiceun.",
    "Kang, lampu jalan di gang abdi pareum ti kamari.",
    "Saha nu tanggung jawab, jalan ieu ruksak kieu.",
    "Unggal hujan pasti banjir, teu aya solokan.",
    "Parantos tilu sasih bantuan teu acan cair.",
    "Abdi mah ngan hoyong jalan nu sae, henteu seueur menta.",
    "Dupi iraha jalan ieu dibenerkeun teh?",
    "Pelayanan di kantor desa teu jelas, urang dipingpong wae.",
    "Loba pisan lubang di jalan nu ka pasar.",
    "Ieu mah geus kacida parahna, mangga ditingali.",
]

ENGLISH = [
    "The road in our village is badly damaged and has not been repaired.",
    "Street lights on Jalan Merdeka have been broken for two weeks.",
    "There is no water supply in our area since Monday.",
    "Garbage has not been collected for five days and it smells terrible.",
    "Please fix the potholes near the school, children are at risk.",
    "Why is the power outage happening every night in our neighbourhood?",
    "I would like to report illegal fees at the district office.",
    "The bridge to the market collapsed after the flood.",
    "Dear Sir, the drainage is blocked and our houses were flooded.",
    "We have been waiting for the social assistance for three months.",
    "The health centre was closed during working hours today.",
    "A fallen tree is blocking the main road near the mosque.",
    "Thank you for your attention, we hope the road will be fixed soon.",
    "My ID card application has not been processed for a month.",
    "There are many holes on this street and motorcyclists fall every day.",
    "Hello, the electricity in our village keeps going off.",
    "The water from the tap is dirty and cannot be used for cooking.",
    "Illegal parking in front of the market causes traffic jams.",
    "The school roof is leaking and students study outside.",
    "Who is responsible for repairing this broken road?",
    "Please send someone to check the broken water pipe.",
    "Our complaint was reported last week but nothing has changed.",
    "The traffic light at the junction has not worked since morning.",
    "Flooding happens every time it rains because there is no drain.",
    "The rice from the aid programme was spoiled and smelled bad.",
]

MALAY = [
    "Jalan di kawasan kami rosak teruk dan tidak dibaiki sejak bulan lepas.",
    "Lampu jalan tak berfungsi sudah seminggu, kawasan ini gelap.",
    "Bekalan air terputus sejak tiga hari, penduduk susah.",
    "Sampah tidak dikutip oleh pihak majlis perbandaran.",
    "Sila baiki paip yang bocor di hadapan rumah saya.",
    "Kenapa bekalan elektrik sering terputus di taman kami?",
    "Saya mahu membuat aduan tentang jalan berlubang di lorong ini.",
    "Pejabat tutup pada waktu kerja, kami tak dapat berurusan.",
    "Longkang tersumbat kerana sampah, air melimpah ke jalan.",
    "Tandas awam di pasar sangat kotor dan tiada air.",
    "Kerajaan tempatan perlu membaiki jambatan ini segera.",
    "Kenderaan berat merosakkan jalan kampung kami.",
    "Encik, lampu isyarat di simpang itu rosak sejak pagi.",
    "Kami sudah buat aduan tapi tiada tindakan diambil.",
    "Banjir kilat berlaku setiap kali hujan lebat kerana longkang tersumbat.",
    "Pokok tumbang menghalang jalan, sila alihkan segera.",
    "Bas sekolah tak datang sahaja hari ini, anak-anak terlepas kelas.",
    "Air paip berwarna keruh dan berbau, tak boleh diminum.",
    "Saya nak lapor jalan rosak di hadapan sekolah.",
    "Pihak berkuasa tempatan tidak mengambil tindakan terhadap aduan kami.",
    "Kawasan perumahan kami tiada lampu jalan, bahaya pada waktu malam.",
    "Jalan raya ini teruk sangat, banyak lubang.",
    "Boleh tak pihak jabatan baiki longkang ini?",
    "Sudah dua minggu sampah tak dikutip di taman kami.",
    "Penduduk kampung mahu bekalan elektrik yang stabil.",
]


@pytest.mark.parametrize(
    ("language", "sentences"),
    [("id", INDONESIAN), ("jv", JAVANESE), ("su", SUNDANESE), ("en", ENGLISH), ("ms", MALAY)],
)
def test_accuracy_per_language(language, sentences):
    wrong = [s for s in sentences if detect_language(s) != language]
    # A short sentence can be all shared words; allow at most 2 misses in 25.
    assert len(wrong) <= 2, wrong


def test_unsure_defaults_to_indonesian():
    assert detect_language("") == "id"
    assert detect_language("12345 !!!") == "id"
    assert detect_language("Sukamaju RT 03") == "id"


def test_slang_sms_is_indonesian_not_malay():
    # "tak" alone is Malay, but gak/udh/tlg/bgt mark Indonesian SMS.
    assert detect_language("jln rusak bgt, udh lama tak diperbaiki, tlg pak") == "id"


def test_code_mixed_javanese_wins_with_enough_javanese_words():
    assert detect_language("dalan neng desa ngemplak rusak parah, wis 3 sasi ora didandani") == "jv"


def test_fullwidth_text_is_normalised():
    assert detect_language("ｔｈｅ road is broken and the water is not running") == "en"
