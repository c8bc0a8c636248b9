# Duplicate clusters, part A. Hand-written 2026-12-02.
from common import I
JB, DKI, JT, JI, DIY = 'Jawa Barat', 'DKI Jakarta', 'Jawa Tengah', 'Jawa Timur', 'DI Yogyakarta'
ITEMS = [
# --- cl01 PJU mati Jl. Ir. H. Juanda (Dago), Bandung
I('cl01a', 'email', 'infrastruktur', (JB, 'Kota Bandung', 'Coblong'),
  "Yth. Dinas Perhubungan Kota Bandung,\n\nSaya warga Kelurahan Dago, Kecamatan Coblong. Sudah hampir dua minggu lampu penerangan jalan umum di Jl. Ir. H. Juanda antara simpang Dago dan Jl. Sulanjana mati total. Malam hari sangat gelap dan sudah terjadi dua kali penjambretan. Mohon segera diperbaiki.\n\nHormat saya,\nWarga RW 03", cl='cl01', kel='Dago', subj='Lampu PJU mati di Jl. Ir. H. Juanda, Dago'),
I('cl01b', 'sms', 'infrastruktur', (JB, 'Kota Bandung', None),
  "pak tlg lampu jln di dago atas skrg gelap bgt udh 2 mgg gk nyala2, td mlm ada yg dijambret lg", cl='cl01', note='slang SMS, "Dago" as area name only (Dago also a kelurahan) -> kecamatan left null because "dago atas" spans several kelurahan'),
I('cl01c', 'social', 'infrastruktur', (JB, 'Kota Bandung', 'Coblong'),
  "@dishubkotabdg punten, PJU sapanjang Jalan Juanda deket Masjid Salman ITB pareum kabeh, poek pisan wengi. Bahaya keur nu leumpang #BandungGelap", cl='cl01', note='Sundanese; landmark Masjid Salman ITB (Coblong)'),
I('cl01d', 'web', 'infrastruktur', (JB, 'Kota Bandung', 'Coblong'),
  "Penerangan jalan di ruas Dago (Jl. Juanda) dekat Simpang Dago tidak berfungsi. Lokasi: Kel. Dago, Kec. Coblong. Mohon ditindaklanjuti.", cl='cl01', kel='Dago'),

# --- cl02 sampah menumpuk dekat Pasar Tebet Barat, Jaksel
I('cl02a', 'web', 'lingkungan', (DKI, 'Kota Jakarta Selatan', 'Tebet'),
  "Sampah di TPS samping Pasar Tebet Barat tidak diangkut sejak Jumat. Sudah meluber ke badan jalan Jl. Tebet Barat Raya dan baunya menyengat sampai ke rumah warga.", cl='cl02'),
I('cl02b', 'sms', 'lingkungan', (DKI, 'Kota Jakarta Selatan', 'Tebet'),
  "smph di deket psr tebet brt numpuk gk diangkut2 udh 4 hr, bau bgt bang tlg dong", cl='cl02', note='abbreviated landmark psr tebet brt = Pasar Tebet Barat (Tebet)'),
I('cl02c', 'social', 'lingkungan', (DKI, 'Kota Jakarta Selatan', 'Tebet'),
  "Ini Jaksel loh, bukan TPA. Tumpukan sampah di TPS Pasar Tebet Barat udah setinggi pinggang. @DinasLHDKI kapan diangkut? #Jaksel #Tebet", cl='cl02', note='Jaksel abbreviation'),

# --- cl03 air PDAM mati Pacar Keling, Surabaya
I('cl03a', 'email', 'air_bersih', (JI, 'Kota Surabaya', 'Tambaksari'),
  "Kepada PDAM Surya Sembada,\n\nSejak tiga hari lalu aliran air di wilayah Kelurahan Pacar Keling, Kecamatan Tambaksari, tidak mengalir sama sekali. Kami sudah menelepon call center tetapi belum ada jawaban kapan normal kembali. Mohon informasi dan penanganan.\n\nTerima kasih.", cl='cl03', kel='Pacar Keling', subj='Air PDAM tidak mengalir di Pacar Keling'),
I('cl03b', 'sms', 'air_bersih', (JI, 'Kota Surabaya', 'Tambaksari'),
  "rek banyu pdam ng omahku mati wis telung dino, nang pacar keling kabeh podo. piye iki", cl='cl03', kel='Pacar Keling', note='Suroboyoan Javanese, no city named; kelurahan Pacar Keling determines city and kecamatan'),
I('cl03c', 'social', 'air_bersih', (JI, 'Kota Surabaya', 'Tambaksari'),
  "Sby timur krisis air bersih. Daerah Pacar Keling deket Stadion Gelora 10 Nopember air gak ngalir 3 hari, warga beli air galonan. @pdamsby", cl='cl03', note='Sby abbreviation; Stadion Gelora 10 Nopember (Tambaksari)'),

# --- cl04 jalan berlubang Jl. Karya Wisata, Medan Johor
I('cl04a', 'web', 'infrastruktur', ('Sumatera Utara', 'Kota Medan', 'Medan Johor'),
  "Jalan Karya Wisata Kecamatan Medan Johor rusak parah, lubang besar di depan kompleks perumahan, sudah banyak pengendara sepeda motor jatuh terutama saat hujan.", cl='cl04'),
I('cl04b', 'social', 'infrastruktur', ('Sumatera Utara', 'Kota Medan', None),
  "Jalan Karya Wisata itu macam kolam ikan lah kalau hujan, lobangnya dalam kali. Udah berapa kali kawan awak jatuh. Medan mantap kali jalannya 🙃 @pemkomedan", cl='cl04', note='Medan dialect'),
I('cl04c', 'sms', 'infrastruktur', ('Sumatera Utara', 'Kota Medan', 'Medan Johor'),
  "lapor, jln karya wisata medan johor byk lobang, td pagi ada anak sekolah jatuh dr kereta. mohon ditimbun", cl='cl04', note='"kereta" = motorbike in Medan'),

# --- cl05 air keruh Antang, Makassar
I('cl05a', 'web', 'air_bersih', ('Sulawesi Selatan', 'Kota Makassar', 'Manggala'),
  "Air PDAM di Perumnas Antang, Kelurahan Bangkala, Kecamatan Manggala keruh kecoklatan dan berbau sejak seminggu. Tidak bisa dipakai masak.", cl='cl05', kel='Bangkala'),
I('cl05b', 'sms', 'air_bersih', ('Sulawesi Selatan', 'Kota Makassar', 'Manggala'),
  "pak airnya PDAM di antang keruh sekali mi, kayak air got ji. sudah seminggu ini. tolong diperiksa ki", cl='cl05', note='Makassar Indonesian particles mi/ji/ki; Antang (kelurahan and Perumnas area) lies in Manggala'),
I('cl05c', 'social', 'air_bersih', ('Sulawesi Selatan', 'Kota Makassar', 'Manggala'),
  "Mks ini air PDAM kayak teh susu di perumnas Antang. Bayar tiap bulan tapi airnya begini. @pdammakassar", cl='cl05', note='Mks abbreviation; Perumnas Antang in Manggala'),

# --- cl06 listrik padam berulang Sepinggan, Balikpapan
I('cl06a', 'email', 'energi', ('Kalimantan Timur', 'Kota Balikpapan', 'Balikpapan Selatan'),
  "Yth. PLN UP3 Balikpapan,\nListrik di Kelurahan Sepinggan Baru padam hampir setiap malam selama seminggu terakhir, 2-3 jam tiap kali. Kulkas dan pompa air kami rusak. Mohon penjelasan dan perbaikan jaringan.\nSalam.", cl='cl06', kel='Sepinggan Baru', subj='Pemadaman listrik berulang di Sepinggan Baru'),
I('cl06b', 'social', 'energi', ('Kalimantan Timur', 'Kota Balikpapan', 'Balikpapan Selatan'),
  "Bpp mati lampu lagi, ini udah malam ke-6 berturut2. Daerah sepinggan dekat bandara gelap gulita. @pln_123 kapan beresnya", cl='cl06', note='Bpp abbreviation; all Sepinggan kelurahan lie in Balikpapan Selatan'),
I('cl06c', 'sms', 'energi', ('Kalimantan Timur', 'Kota Balikpapan', 'Balikpapan Selatan'),
  "listrik sepinggan baru padam lg jam 8 mlm, tiap hr bgini. barang elektronik pd rusak", cl='cl06', kel='Sepinggan Baru', note='city not named; kelurahan name only'),

# --- cl07 jembatan rusak Siantan, Pontianak Utara
I('cl07a', 'web', 'infrastruktur', ('Kalimantan Barat', 'Kota Pontianak', 'Pontianak Utara'),
  "Jembatan kayu penghubung gang di Kelurahan Siantan Hulu, Pontianak Utara, papannya banyak yang lapuk dan bolong. Anak-anak sekolah lewat setiap hari. Mohon diperbaiki sebelum ada korban.", cl='cl07', kel='Siantan Hulu'),
I('cl07b', 'sms', 'infrastruktur', ('Kalimantan Barat', 'Kota Pontianak', 'Pontianak Utara'),
  "jembatan gg di siantan ptk udh bolong2 papannye, bahaye nak budak sekolah lalu", cl='cl07', note='Pontianak Malay, Ptk; all Siantan kelurahan lie in Pontianak Utara'),

# --- cl08 sampah depo Mandala Krida, Yogyakarta
I('cl08a', 'social', 'lingkungan', (DIY, 'Kota Yogyakarta', 'Gondokusuman'),
  "Depo sampah Mandala Krida udah overload, sampah sampai ke trotoar Jl. Kenari. Jogja istimewa sampahnya 😭 @pemkotjogja", cl='cl08', note='Jogja; depo Mandala Krida lies in Gondokusuman'),
I('cl08b', 'email', 'lingkungan', (DIY, 'Kota Yogyakarta', 'Gondokusuman'),
  "Dengan hormat,\nSaya warga Kelurahan Baciro, Kecamatan Gondokusuman. Depo sampah di dekat Stadion Mandala Krida tidak diangkut lebih dari sepekan sehingga sampah meluber ke jalan dan menimbulkan bau. Mohon DLH segera menangani.\nTerima kasih.", cl='cl08', kel='Baciro', subj='Depo sampah Mandala Krida meluber'),
I('cl08c', 'sms', 'lingkungan', (DIY, 'Kota Yogyakarta', 'Gondokusuman'),
  "pak, depo sampah cedhak mandala krida ambune ra karuan, sampahe nganti dalan. tulung diangkut", cl='cl08', note='Javanese ngoko; landmark Mandala Krida, city implied'),
I('cl08d', 'web', 'lingkungan', (DIY, 'Kota Yogyakarta', 'Gondokusuman'),
  "Tumpukan sampah di depo Jl. Kenari (timur Mandala Krida) sudah setinggi 2 meter dan menutup trotoar.", cl='cl08'),

# --- cl09 pompa rob rusak Tambak Lorok, Semarang
I('cl09a', 'web', 'infrastruktur', (JT, 'Kota Semarang', 'Semarang Utara'),
  "Pompa air di kampung Tambak Lorok, Kelurahan Tanjung Mas, rusak sejak minggu lalu sehingga air rob tidak surut dan menggenangi rumah warga setinggi lutut.", cl='cl09', kel='Tanjung Mas'),
I('cl09b', 'sms', 'infrastruktur', (JT, 'Kota Semarang', 'Semarang Utara'),
  "pompa rob tambak lorok mati, banyu ra surut2 wis 5 dino, omah kelep. tulung pak", cl='cl09', note='kampung name Tambak Lorok only (Tanjung Mas, Semarang Utara), Javanese, no city named'),
I('cl09c', 'social', 'infrastruktur', (JT, 'Kota Semarang', 'Semarang Utara'),
  "Smg utara tenggelam lagi. Pompa di Tambak Lorok gak jalan, rob masuk rumah. Warga udah 5 hari begini @pemkotsmg #robsemarang", cl='cl09', note='Smg; kampung Tambak Lorok'),

# --- cl10 sampah plastik pantai Sanur
I('cl10a', 'social', 'lingkungan', ('Bali', 'Kota Denpasar', 'Denpasar Selatan'),
  "Pantai Sanur pagi ini penuh sampah kiriman, plastik di mana-mana sepanjang pantai Sindhu. Tolong DLHK Denpasar turunkan petugas 🙏 #Sanur #Bali", cl='cl10', note='Pantai Sindhu/Sanur in Denpasar Selatan'),
I('cl10b', 'web', 'lingkungan', ('Bali', 'Kota Denpasar', 'Denpasar Selatan'),
  "Sampah menumpuk di pesisir Kelurahan Sanur, Denpasar Selatan, sejak tiga hari. Belum ada pembersihan.", cl='cl10', kel='Sanur'),
I('cl10c', 'email', 'lingkungan', ('Bali', 'Kota Denpasar', 'Denpasar Selatan'),
  "Dear Sir/Madam, saya pemilik homestay di daerah Sanur. Sampah kiriman di pantai sudah menumpuk berhari-hari dan tamu kami mengeluh. Mohon penanganan dari pemerintah kota.", cl='cl10', subj='Sampah di pantai Sanur', note='"daerah Sanur" (kel. Sanur, Sanur Kaja, Sanur Kauh all in Denpasar Selatan)'),

# --- cl11 pungutan sekolah SMPN 6 Mataram
I('cl11a', 'web', 'korupsi_pungli', ('Nusa Tenggara Barat', 'Kota Mataram', None),
  "SMP Negeri 6 Mataram memungut uang Rp750.000 per siswa untuk 'uang gedung' dan seragam saat daftar ulang, padahal sekolah negeri. Yang tidak bayar diancam tidak dapat kelas.", cl='cl11'),
I('cl11b', 'sms', 'korupsi_pungli', ('Nusa Tenggara Barat', 'Kota Mataram', None),
  "pak anak sy di smpn 6 mtr disuru bayar 750rb tp gk ada kwitansi. katanya wajib. apa boleh?", cl='cl11', note='mtr abbreviation'),
I('cl11c', 'email', 'korupsi_pungli', ('Nusa Tenggara Barat', 'Kota Mataram', None),
  "Yth. Ombudsman Perwakilan NTB,\nKami beberapa orang tua murid SMPN 6 Mataram melaporkan adanya pungutan daftar ulang Rp750 ribu tanpa dasar dan tanpa bukti pembayaran. Nama kami mohon dirahasiakan.\nHormat kami.", cl='cl11', subj='Laporan pungutan daftar ulang SMPN 6 Mataram'),

# --- cl12 krisis air Oebobo, Kupang
I('cl12a', 'web', 'air_bersih', ('Nusa Tenggara Timur', 'Kota Kupang', 'Oebobo'),
  "Sudah dua minggu air PDAM tidak mengalir di Kelurahan Oebobo. Warga terpaksa beli air tangki Rp150 ribu per tangki. Mohon dinas terkait segera bertindak.", cl='cl12', kel='Oebobo'),
I('cl12b', 'sms', 'air_bersih', ('Nusa Tenggara Timur', 'Kota Kupang', 'Oebobo'),
  "kk, air di oebobo son jalan su 2 minggu, katong beli tangki trus. tolong bantu", cl='cl12', kel='Oebobo', note='Kupang Malay (son=tidak, katong=kami); city not named'),
I('cl12c', 'social', 'air_bersih', ('Nusa Tenggara Timur', 'Kota Kupang', 'Oebobo'),
  "Kupang krisis air bersih lagi. Daerah Oebobo dekat kantor gubernur air sonde mengalir. @pdamkotakupang bagaimana ini", cl='cl12'),

# --- cl13 jalan rusak Lubuk Buaya, Padang (Minang)
I('cl13a', 'sms', 'infrastruktur', ('Sumatera Barat', 'Kota Padang', 'Koto Tangah'),
  "pak, jalan di lubuak buayo rusak bana, baluang gadang2, kalau hujan jadi kubangan. tolong diperbaiki lai", cl='cl13', note='Minangkabau; Lubuak Buayo = Lubuk Buaya (kel in Koto Tangah)', kel='Lubuk Buaya'),
I('cl13b', 'web', 'infrastruktur', ('Sumatera Barat', 'Kota Padang', 'Koto Tangah'),
  "Jalan lingkungan di Kelurahan Lubuk Buaya, Kec. Koto Tangah, berlubang besar dan tergenang setiap hujan. Sudah lama tidak diperbaiki.", cl='cl13', kel='Lubuk Buaya'),
I('cl13c', 'social', 'infrastruktur', ('Sumatera Barat', 'Kota Padang', 'Koto Tangah'),
  "Jalan dakek Pasa Lubuak Buayo tu lah macam sawah. Urang Padang baru tau kini? @pemkopadang", cl='cl13', note='Minang; Pasar Lubuk Buaya landmark (Koto Tangah)'),

# --- cl14 limbah pabrik sawit Kampar
I('cl14a', 'web', 'lingkungan', ('Riau', 'Kabupaten Kampar', 'Tapung'),
  "Limbah cair pabrik kelapa sawit di Kecamatan Tapung dibuang ke Sungai Tapung. Ikan mati dan air berbau busuk, warga tidak bisa mandi di sungai lagi.", cl='cl14'),
I('cl14b', 'sms', 'lingkungan', ('Riau', 'Kabupaten Kampar', 'Tapung'),
  "sungai tapung bau busuk ikan2 mati, limbah PKS dibuang ke sungai. kami warga tapung mohon ditindak", cl='cl14'),
I('cl14c', 'email', 'lingkungan', ('Riau', 'Kabupaten Kampar', None),
  "Yth. DLH Provinsi Riau,\nKami melaporkan pencemaran sungai akibat limbah pabrik kelapa sawit di wilayah Kabupaten Kampar. Ikan banyak mati dalam seminggu terakhir. Foto terlampir.\nHormat kami, Kelompok Nelayan Sungai", cl='cl14', subj='Pencemaran sungai oleh limbah PKS'),

# --- cl15 parkir liar & macet Jl. Sudirman Palembang depan PIM
I('cl15a', 'social', 'perhubungan', ('Sumatera Selatan', 'Kota Palembang', None),
  "Jl. Sudirman depan Palembang Indah Mall macet total tiap sore gara2 angkot ngetem sama parkir liar. @dishubplg tolong ditertibkan", cl='cl15'),
I('cl15b', 'web', 'perhubungan', ('Sumatera Selatan', 'Kota Palembang', None),
  "Kemacetan parah di Jalan Jenderal Sudirman Palembang sekitar PIM akibat angkutan kota berhenti sembarangan. Mohon Dishub menempatkan petugas.", cl='cl15'),
I('cl15c', 'sms', 'perhubungan', ('Sumatera Selatan', 'Kota Palembang', None),
  "macet nian di sudirman dkt PIM, angkot ngetem sembarangan. kapan dishub turun", cl='cl15', note='no city named: PIM could be Pondok Indah Mall (Jakarta), but Sudirman + Palembang "nian" point to Palembang Indah Mall'),

# --- cl16 jalan berlubang Jl. ZA Pagar Alam, Bandar Lampung
I('cl16a', 'web', 'infrastruktur', ('Lampung', 'Kota Bandar Lampung', 'Kedaton'),
  "Jalan ZA Pagar Alam Kedaton berlubang di beberapa titik dekat kampus Universitas Bandar Lampung. Sering terjadi kecelakaan motor.", cl='cl16'),
I('cl16b', 'sms', 'infrastruktur', ('Lampung', 'Kota Bandar Lampung', None),
  "jln pagar alam dkt UBL byk lobang, mlm gk keliatan. mhn diperbaiki pak", cl='cl16', note='no city named; "pagar alam" is also Kota Pagar Alam (Sumsel) but UBL campus and Jl. ZA Pagar Alam are in Bandar Lampung'),

# --- cl17 bau TPA Cipeucang
I('cl17a', 'email', 'lingkungan', ('Banten', 'Kota Tangerang Selatan', 'Serpong'),
  "Kepada DLH Kota Tangerang Selatan,\nBau dari TPA Cipeucang semakin parah dan tercium hingga perumahan di Kelurahan Serpong. Air lindi juga mengalir ke Sungai Cisadane. Mohon evaluasi pengelolaan TPA.\nTerima kasih.", cl='cl17', subj='Bau menyengat TPA Cipeucang', kel='Serpong'),
I('cl17b', 'social', 'lingkungan', ('Banten', 'Kota Tangerang Selatan', 'Serpong'),
  "Tangsel kapan bebas bau TPA Cipeucang? Tiap malam baunya masuk kamar. @pemkot_tangsel #Cipeucang", cl='cl17', note='Tangsel abbreviation; TPA Cipeucang in Serpong'),
I('cl17c', 'sms', 'lingkungan', ('Banten', 'Kota Tangerang Selatan', 'Serpong'),
  "bau tpa cipeucang nyampe rmh, anak sy batuk2 trs. tlg ditangani", cl='cl17'),

# --- cl18 air PDAM mati Banjarmasin Utara (Banjar)
I('cl18a', 'sms', 'air_bersih', ('Kalimantan Selatan', 'Kota Banjarmasin', 'Banjarmasin Utara'),
  "pian, banyu PDAM di kuin utara kada mengalir sudah tiga hari, ulun kada kawa mandi. tolong pang", cl='cl18', kel='Kuin Utara', note='Banjarese (banyu, kada, ulun, pang)'),
I('cl18b', 'web', 'air_bersih', ('Kalimantan Selatan', 'Kota Banjarmasin', 'Banjarmasin Utara'),
  "Air PDAM Bandarmasih tidak mengalir di Kelurahan Kuin Utara, Banjarmasin Utara, sudah tiga hari tanpa pemberitahuan.", cl='cl18', kel='Kuin Utara'),
I('cl18c', 'social', 'air_bersih', ('Kalimantan Selatan', 'Kota Banjarmasin', 'Banjarmasin Utara'),
  "Banyu ledeng mati lagi di Kuin, dekat Masjid Sultan Suriansyah. Urang Banjar bayar tiap bulan tapi banyu kada ada 😤 @pdambandarmasih", cl='cl18', note='Banjarese; "Kuin" alone is vague, but Masjid Sultan Suriansyah lies in Kuin Utara'),

# --- cl19 listrik padam Wenang, Manado (Manado Malay)
I('cl19a', 'social', 'energi', ('Sulawesi Utara', 'Kota Manado', 'Wenang'),
  "So tiga kali dalam satu hari lampu mati di Wenang. Kita pe kulkas so rusak. PLN kiapa bagini? #Manado", cl='cl19', note='Manado Malay'),
I('cl19b', 'sms', 'energi', ('Sulawesi Utara', 'Kota Manado', None),
  "pak, lampu mati trus di pusat kota manado dekat pasar 45, ngana pe petugas nda datang2", cl='cl19', note='Pasar 45 landmark, kept null'),
I('cl19c', 'web', 'energi', ('Sulawesi Utara', 'Kota Manado', 'Wenang'),
  "Pemadaman listrik berulang di Kecamatan Wenang, Kota Manado, tiga kali sehari selama empat hari. Tidak ada jadwal pemeliharaan diumumkan.", cl='cl19'),

# --- cl20 air mati Abepura, Jayapura
I('cl20a', 'web', 'air_bersih', ('Papua', 'Kota Jayapura', 'Abepura'),
  "Air PDAM Jayapura di Kelurahan Kota Baru, Distrik Abepura, tidak mengalir sejak hari Senin. Mohon penjelasan.", cl='cl20', kel='Kota Baru', note='"Kota Baru" kelurahan name looks like a city; Papua uses distrik'),
I('cl20b', 'sms', 'air_bersih', ('Papua', 'Kota Jayapura', 'Abepura'),
  "air di abe kotaraja son jalan su 4 hari, sa pu anak2 mo mandi susah", cl='cl20', note='"Abe" nickname for Abepura; Papuan Malay'),

# --- cl21 jalan longsor Ambon
I('cl21a', 'web', 'infrastruktur', ('Maluku', 'Kota Ambon', 'Sirimau'),
  "Jalan di kawasan Batu Merah, Kecamatan Sirimau, ambles akibat longsor setelah hujan deras. Kendaraan roda empat tidak bisa lewat.", cl='cl21', kel='Batu Merah'),
I('cl21b', 'social', 'infrastruktur', ('Maluku', 'Kota Ambon', 'Sirimau'),
  "Ambon manise tapi jalan di Batu Merah su putus karna longsor. Beta pung oto seng bisa lewat. @pemkotambon", cl='cl21', note='Ambon Malay (beta, seng)'),
I('cl21c', 'sms', 'infrastruktur', ('Maluku', 'Kota Ambon', 'Sirimau'),
  "jalan batu merah ambles, longsor semalam. tolong alat berat", cl='cl21', kel='Batu Merah'),

# --- cl22 PJU mati Syiah Kuala, Banda Aceh
I('cl22a', 'email', 'infrastruktur', ('Aceh', 'Kota Banda Aceh', 'Syiah Kuala'),
  "Yth. Dishub Kota Banda Aceh,\nLampu jalan di sepanjang Jl. Teuku Nyak Arief dari Simpang Mesra sampai depan kampus USK di Darussalam banyak yang padam. Mohon diperbaiki.\nWassalam.", cl='cl22', subj='Lampu jalan padam Jl. T. Nyak Arief', note='campus USK in Syiah Kuala'),
I('cl22b', 'sms', 'infrastruktur', ('Aceh', 'Kota Banda Aceh', None),
  "lampu jln simpang mesra ke darussalam mati smua, gelap bgt mlm", cl='cl22', note='Darussalam also name of a kecamatan in Aceh Besar! here means campus area in Banda Aceh'),

# --- cl23 air mati Batam Kota
I('cl23a', 'social', 'air_bersih', ('Kepulauan Riau', 'Kota Batam', 'Batam Kota'),
  "Batam Center gak ada air dari kemarin subuh. Warga perumahan di Belian antri air di masjid. @spambatam kapan normal? #BatamKrisisAir", cl='cl23', kel='Belian', note='kelurahan Belian in Batam Kota'),
I('cl23b', 'sms', 'air_bersih', ('Kepulauan Riau', 'Kota Batam', None),
  "air mati total di batam centre, udh 2 hr. tdk ada info jadwal gilir", cl='cl23', note='"Batam Centre" area name, not a kecamatan'),
I('cl23c', 'web', 'air_bersih', ('Kepulauan Riau', 'Kota Batam', 'Batam Kota'),
  "Distribusi air bersih terhenti di Kecamatan Batam Kota khususnya Kelurahan Belian sejak dua hari lalu tanpa jadwal giliran.", cl='cl23', kel='Belian'),
I('cl23d', 'email', 'air_bersih', ('Kepulauan Riau', 'Kota Batam', None),
  "Kepada pengelola SPAM Batam,\nKami pengurus RW di perumahan dekat Mega Mall Batam Centre menyampaikan bahwa air tidak mengalir sudah 48 jam. Lansia dan bayi kesulitan. Mohon dikirimkan mobil tangki.\nTerima kasih.", cl='cl23', subj='Air tidak mengalir 48 jam - mohon mobil tangki'),

# --- cl24 jalan rusak Jambi Telanaipura
I('cl24a', 'web', 'infrastruktur', ('Jambi', 'Kota Jambi', 'Telanaipura'),
  "Jalan Arif Rahman Hakim di Telanaipura rusak dan berlubang, genangan air setiap hujan. Mohon diperbaiki.", cl='cl24'),
I('cl24b', 'social', 'infrastruktur', ('Jambi', 'Kota Jambi', None),
  "Jalan Arif Rahman Hakim Jambi makin hancur, lobang di mano-mano. Kapan nak diaspal? @pemkotjambi", cl='cl24', note='Jambi Malay'),
]
