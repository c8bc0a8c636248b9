# Extra cluster members (bigger clusters, more languages/nicknames), new clusters, traps and singles.
# Hand-written 2026-12-02.
from common import I
JB, DKI, JT, JI, DIY = 'Jawa Barat', 'DKI Jakarta', 'Jawa Tengah', 'Jawa Timur', 'DI Yogyakarta'
ITEMS = [
# more members for existing clusters
I('cl01e', 'social', 'infrastruktur', (JB, 'Kota Bandung', None),
  "Kota Kembang tapi Dago gelap gulita 🌚 lampu jalan mati dari 2 minggu lalu, rawan jambret. Tolong lah @ridwankamil eh salah, @pemkotbandung", cl='cl01', note='nickname "Kota Kembang" = Bandung; wrong mention'),
I('cl02d', 'sms', 'lingkungan', (DKI, 'Kota Jakarta Selatan', 'Tebet'),
  "bang aye mo ngelapor, sampah di pasar tebet kaga diangkut2 udeh numpuk ampe jalan, baunye kagak nahan", cl='cl02', note='Betawi; "pasar tebet" (Barat/Timur both in kec. Tebet)'),
I('cl02e', 'email', 'lingkungan', (DKI, 'Kota Jakarta Selatan', 'Tebet'),
  "Yth. Sudin LH Jakarta Selatan,\nSaya Ketua RT 009/RW 04 Kelurahan Tebet Barat. TPS pasar di wilayah kami belum diangkut sejak Jumat sehingga sampah menutup sebagian Jl. Tebet Barat Raya. Mohon armada tambahan.\nHormat kami.", kel='Tebet Barat', cl='cl02', subj='Sampah TPS Pasar Tebet Barat belum diangkut'),
I('cl03d', 'email', 'air_bersih', (JI, 'Kota Surabaya', 'Tambaksari'),
  "Kepada Yth. Wali Kota,\nDi Kota Pahlawan ini warga kami di sekitar Jalan Pacar Keling sudah tiga hari tanpa air PDAM. Mohon atensi.\nSalam.", cl='cl03', subj='Tiga hari tanpa air PDAM', note='nickname "Kota Pahlawan" = Surabaya; Jalan Pacar Keling (Tambaksari)'),
I('cl05d', 'sms', 'air_bersih', ('Sulawesi Selatan', 'Kota Makassar', 'Manggala'),
  "iye pak, je'ne' PDAM di Antang keruh sekali, tena' na kulle nipake. tabe' diperiksa ki", cl='cl05', note='Makassarese (je\'ne = air, tena\' = tidak, tabe\')'),
I('cl08e', 'web', 'lingkungan', (DIY, 'Kota Yogyakarta', 'Gondokusuman'),
  "Nyuwun sewu, depo sampah ing sacelakipun Mandala Krida sampun kebak lan ambetipun dumugi griya. Mugi enggal dipun angkut.", cl='cl08', note='Javanese krama; landmark Mandala Krida'),
I('cl12d', 'social', 'air_bersih', ('Nusa Tenggara Timur', 'Kota Kupang', None),
  "Kota Karang makin kering 😭 Oebobo air mati 2 minggu, tangki mahal. @pemkotkupang", cl='cl12', note='nickname "Kota Karang" = Kupang'),
I('cl23e', 'social', 'air_bersih', ('Kepulauan Riau', 'Kota Batam', None),
  "Day 2 no water in Batam Centre. Mandi pake air mineral. Kapan ini selesai @spambatam #BatamKrisisAir", cl='cl23', note='English-Indonesian mix'),
I('cl23f', 'web', 'air_bersih', ('Kepulauan Riau', 'Kota Batam', None),
  "Air tidak mengalir di perumahan sekitar Masjid Raya Batam Center sejak Selasa subuh. Mohon mobil tangki.", cl='cl23', note='landmark only; kecamatan left null'),
I('cl28d', 'sms', 'lingkungan', ('Kalimantan Tengah', 'Kota Palangkaraya', None),
  "asap di pky makin tebal, anak sy ispa. api di kalampangan blm padam jg", cl='cl28', note='pky = Palangka Raya'),
I('cl36e', 'social', 'infrastruktur', (JB, 'Kota Bekasi', 'Jatiasih'),
  "Yaelah PGP kelelep lagi, tanggul Kali Bekasi jebol. Udah kayak tradisi tahunan. #BanjirBekasi", cl='cl36', note='nickname PGP only (Jatiasih)'),

# --- cl53 genangan Jl. Perintis Kemerdekaan depan Unhas, Makassar
I('cl53a', 'web', 'infrastruktur', ('Sulawesi Selatan', 'Kota Makassar', 'Tamalanrea'),
  "Genangan air setinggi 40 cm di Jl. Perintis Kemerdekaan depan kampus Unhas Tamalanrea setiap hujan karena saluran tertutup bangunan ruko.", cl='cl53'),
I('cl53b', 'sms', 'infrastruktur', ('Sulawesi Selatan', 'Kota Makassar', 'Tamalanrea'),
  "depan unhas tergenang lagi mi, motor mogok semua. kapan itu got dibongkar", cl='cl53', note='campus landmark Unhas (Tamalanrea); city implied'),
I('cl53c', 'social', 'infrastruktur', ('Sulawesi Selatan', 'Kota Makassar', 'Tamalanrea'),
  "Perintis depan Unhas jadi sungai lagi. Mks tiap hujan begini terus @pemkotmakassar", cl='cl53', note='Mks; street nickname "Perintis" + Unhas'),

I('cl53d', 'email', 'infrastruktur', ('Sulawesi Selatan', 'Kota Makassar', 'Tamalanrea'),
  "Yth. Dinas PU Kota Makassar,\nKami warga Kelurahan Tamalanrea Indah mengeluhkan drainase di Jl. Perintis Kemerdekaan (depan Unhas) yang tertutup bangunan sehingga banjir tiap hujan.\nHormat kami.", kel='Tamalanrea Indah', cl='cl53', subj='Drainase Jl. Perintis Kemerdekaan'),
I('cl53e', 'sms', 'infrastruktur', ('Sulawesi Selatan', 'Kota Makassar', 'Tamalanrea'),
  "pak, aga na lebbi malomo banjir'e ri perintis? depan unhas, tiap bosi maloppo wae'e", cl='cl53', note='Bugis-flavoured SMS; Unhas landmark'),

# --- cl54 jalan rusak Kec. Kampung Melayu, Kota Bengkulu
I('cl54a', 'web', 'infrastruktur', ('Bengkulu', 'Kota Bengkulu', 'Kampung Melayu'),
  "Jalan menuju Pelabuhan Pulau Baai di Kecamatan Kampung Melayu rusak berat karena truk batu bara.", cl='cl54'),
I('cl54b', 'sms', 'infrastruktur', ('Bengkulu', 'Kota Bengkulu', 'Kampung Melayu'),
  "jln ke pulau baai bkl hancur nian, truk batubara lewat siang malam", cl='cl54', note='port landmark Pulau Baai (Kampung Melayu); bkl'),

# traps
I('t33', 'web', 'infrastruktur', (DKI, 'Kota Jakarta Timur', 'Jatinegara'),
  "Jalan di Kelurahan Kampung Melayu, Jatinegara, rusak berat dekat terminal, banyak lubang.", kel='Kampung Melayu', trap='cl54a', note='Kampung Melayu kelurahan (Jakarta) vs Kecamatan Kampung Melayu (Kota Bengkulu)'),
I('t34', 'social', 'infrastruktur', ('Banten', 'Kota Tangerang', None),
  "Jl. Perintis Kemerdekaan Tangerang tergenang tiap hujan, saluran ketutup trotoar baru. @pemkot_tangerang", trap='cl53c', note='same street name, other city'),
I('t35', 'web', 'pendidikan', ('Papua Barat', 'Kabupaten Manokwari', 'Prafi'),
  "SD Inpres di Distrik Prafi hanya punya tiga guru untuk enam kelas.", trap='cl32a', note='neighbouring distrik, same template'),
I('t36', 'sms', 'air_bersih', ('Kepulauan Riau', 'Kota Batam', 'Sekupang'),
  "air mati total di sekupang, udh 2 hr. tdk ada info jadwal gilir", trap='cl23b', note='same template, other kecamatan in Batam'),

# singles: common-word kelurahan, kampung/dusun, two places
I('s_x01', 'web', 'infrastruktur', (DKI, 'Kota Jakarta Pusat', 'Tanah Abang'),
  "Saluran air di Kelurahan Kebon Kacang mampet dan berbau, air hitam menggenang di gang.", kel='Kebon Kacang', note='kelurahan name is a common phrase (peanut garden)'),
I('s_x02', 'sms', 'ketertiban', (DKI, 'Kota Jakarta Pusat', 'Sawah Besar'),
  "parkir liar di kel pasar baru bikin jalan sempit, mobil pemadam gk bs masuk gang", kel='Pasar Baru', note='kelurahan Pasar Baru (= "new market")'),
I('s_x03', 'social', 'lingkungan', (JB, 'Kabupaten Tasikmalaya', 'Salawu'),
  "Wisatawan ke Kampung Naga buang sampah sembarangan di tangga dan Sungai Ciwulan. Tolong dipasang tempat sampah @pemkabtasik", note='kampung adat name; Kampung Naga lies in Salawu'),
I('s_x04', 'sms', 'energi', ('Jawa Timur', 'Kabupaten Lumajang', None),
  "dusun krajan lumajang listrik mati 2 hari, trafo meledak", note='"Dusun Krajan" exists in many desa -> kecamatan null'),
I('s_x05', 'web', 'infrastruktur', (JB, 'Kabupaten Cianjur', 'Cipanas'),
  "Saya warga Kota Bogor, kemarin lewat Cipanas dan jalan raya di depan Istana Cipanas longsor separuh. Mohon dipasang rambu.", note='two places: reporter from Kota Bogor, problem in Cipanas (Cianjur)'),
I('s_x06', 'email', 'infrastruktur', (DIY, 'Kota Yogyakarta', 'Gondomanan'),
  "Dengan hormat,\nSaya tinggal di Sleman, namun ingin melaporkan atap Pasar Beringharjo lantai 2 yang bocor sehingga dagangan pedagang basah.\nTerima kasih.", subj='Atap Pasar Beringharjo bocor', note='two places: reporter in Sleman, market in Gondomanan'),
I('s_x07', 'sms', 'kepolisian', ('Jawa Barat', 'Kabupaten Bogor', 'Cileungsi'),
  "sopir truk di cileungsi dipalak ormas 50rb tiap lewat, katanya uang keamanan", note='ormas extortion -> kepolisian'),
I('s_x08', 'social', 'korupsi_pungli', ('Kalimantan Barat', 'Kabupaten Sanggau', 'Entikong'),
  "Di PLBN Entikong oknum petugas minta 'uang kopi' ke TKI yang pulang dari Malaysia. #StopPungli", note='border post; two countries named'),
I('s_x09', 'web', 'korupsi_pungli', ('Jawa Timur', 'Kabupaten Jombang', None),
  "Guru di SMA negeri di Jombang menjual 'nilai' kepada siswa agar lolos SNBP, tarif Rp2 juta.", note='school official'),
I('s_x10', 'sms', 'kesehatan', ('Papua Tengah', 'Kabupaten Paniai', None),
  "di paniai obat malaria habis di puskesmas, anak2 sakit panas"),
]
