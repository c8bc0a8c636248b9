# Batch 4: Kalimantan, Bali, NTB, NTT.  Written by hand.
def c(k, ch, t, top, txt, **kw):
    return dict(k=k, ch=ch, t=t, top=top, txt=txt, **kw)

BJM = "Kota Banjarmasin"; DPS = "Kota Denpasar"; KPG = "Kota Kupang"
R = [
# --- cluster: air PDAM asin/keruh Alalak Utara (4) ---
c("alk1", "sms", "03-03 06:20", "air_bersih", "banyu pdam di alalak utara asin wan bahu, kada kawa diinum. sudah saminggu kaya ini", kab=BJM, desa="Alalak Utara", cl="alk", lang="banjar", note="Banjar"),
c("alk2", "email", "03-03 11:00", "air_bersih", """Yth. Direksi PT Air Minum Bandarmasih,

Sejak sepekan terakhir air PDAM yang mengalir ke rumah kami di Kelurahan Alalak Utara, Kecamatan Banjarmasin Utara, terasa asin dan berbau lumpur. Kami terpaksa membeli air galon untuk memasak.

Mohon penjelasan dan penanganan.

Hormat kami,
H. Muhammad Yusran""", kab=BJM, desa="Alalak Utara", subj="Air PDAM asin dan berbau di Alalak Utara", rep="m.yusran@example.id", cl="alk"),
c("alk3", "social", "03-05 17:00", "air_bersih", "Ulun di Banjarmasin Utara, banyu ledeng asin pang, kada kawa gasan masak 😩 @pambandarmasih #Banjarmasin #intrusi", kab=BJM, kec="Banjarmasin Utara", rep="@urang_banjar_utara", cl="alk", lang="banjar"),
c("alk4", "web", "03-13 10:00", "air_bersih", "Sudah hampir dua minggu air PDAM di daerah Alalak masih asin. Tolong Bandarmasih beri jadwal kapan air normal, jangan hanya imbauan beli air isi ulang.", kab=BJM, kec="Banjarmasin Utara", rep="phone", cl="alk", note="'daerah Alalak' = three kelurahan Alalak Utara/Tengah/Selatan, all Banjarmasin Utara; kecamatan determined"),
c("bjm_selatan", "web", "03-07 09:00", "air_bersih", "Air PDAM di Kelayan, Banjarmasin Selatan keruh kecoklatan sejak kemarin.", kab=BJM, kec="Banjarmasin Selatan", rep="sari.kelayan@example.id", trap="alk2", note="trap: same city and utility, other kecamatan and issue (murky, not salty)"),
# --- cluster: TPA Suwung (4) ---
c("swg1", "email", "03-04 08:00", "lingkungan", """Om Swastyastu,

Yth. Dinas Kehutanan dan Lingkungan Hidup Provinsi Bali,

Asap dari kebakaran timbunan sampah di TPA Suwung sejak semalam menyelimuti permukiman di Kelurahan Pedungan dan jalur By Pass Ngurah Rai. Warga mengeluh sesak napas dan mata perih.

Mohon pemadaman dan penanganan permanen.

Om Santih Santih Santih Om,
I Made Sudarsana""", kab=DPS, desa="Pedungan", subj="Kebakaran timbunan sampah TPA Suwung", rep="made.sudarsana@example.id", cl="swg"),
c("swg2", "social", "03-04 09:30", "lingkungan", "Asep TPA Suwung nyelepin ke umah tiang, panak-panake sesek 😷 @pemprovbali @pemkotdenpasar ngudiang nenten kapademin? #Bali #Suwung", kab=DPS, desa="Pedungan", rep="@luh_ayu_dps", cl="swg", lang="bali", note="Balinese; TPA Suwung is in Pedungan"),
c("swg3", "sms", "03-05 07:00", "lingkungan", "asap smph di pesanggaran msh tebel bgt, anak sy batuk2. kapan dipadamin", kab=DPS, cl="swg", note="Pesanggaran is a banjar/area, not a kelurahan in data -> kab only"),
c("swg4", "web", "03-12 15:00", "lingkungan", "Seminggu sejak kebakaran TPA Suwung, api memang sudah kecil tapi asap masih muncul tiap malam di Denpasar Selatan. Kapan TPA ini benar-benar ditutup seperti yang dijanjikan?", kab=DPS, kec="Denpasar Selatan", rep="wayan.k@example.id", cl="swg"),
c("badung_pasar_smph", "social", "03-10 08:00", "lingkungan", "Sampah di belakang Pasar Badung numpuk lagi, bau sampai ke Tukad Badung 🤢 @pemkotdenpasar #Denpasar", kab=DPS, rep="@denpasar_bersih", trap="swg2", note="trap: same city, garbage, different place (Pasar Badung)"),
# --- cluster: jalan rusak Sengkol, Pujut (3) ---
c("skl1", "web", "03-05 10:00", "infrastruktur", "Jalan desa dari Sengkol menuju Kawasan Mandalika berlubang dan berdebu, padahal jalur ini dipakai wisatawan dan truk proyek setiap hari.", kab="Kab. Lombok Tengah", desa="Sengkol", rep="phone", cl="skl"),
c("skl2", "sms", "03-06 13:00", "infrastruktur", "jalan lek sengkol rusak gati, ndek araq perbaikan. anak sekolah ndek bau liwat lamun ujan", kab="Kab. Lombok Tengah", desa="Sengkol", cl="skl", lang="sasak", note="Sasak"),
c("skl3", "social", "03-14 16:00", "infrastruktur", "Katanya kawasan wisata super prioritas, tapi jalan di Pujut ke arah Mandalika bolong-bolong kayak gini 🕳️ @pemkablomboktengah #Mandalika", kab="Kab. Lombok Tengah", kec="Pujut", rep="@lombok_explorer", cl="skl"),
c("skl_lampu", "web", "03-15 20:00", "energi", "Listrik di Desa Sengkol sering padam malam hari, homestay kami kehilangan tamu.", kab="Kab. Lombok Tengah", desa="Sengkol", rep="phone", trap="skl1", note="trap: same desa, different problem"),
# --- cluster: air mati Oesapa (3) ---
c("osp1", "sms", "03-06 07:30", "air_bersih", "air pdam di oesapa su mati satu minggu, katong beli air tangki 150rb. tolong beta pung rt", kab=KPG, desa="Oesapa", cl="osp", lang="kupang", note="Kupang Malay"),
c("osp2", "web", "03-07 09:15", "air_bersih", "Air PDAM di Kelurahan Oesapa, Kecamatan Kelapa Lima tidak mengalir sejak seminggu. Warga membeli air tangki Rp 150.000 per tangki.", kab=KPG, desa="Oesapa", rep="maria.oesapa@example.id", cl="osp"),
c("osp3", "social", "03-10 18:00", "air_bersih", "Kupang su panas, air PDAM lai sonde jalan di Kelapa Lima 😭 @pemkotkupang #Kupang #air", kab=KPG, kec="Kelapa Lima", rep="@nona_kupang", cl="osp", lang="kupang"),
c("osp_listrik", "sms", "03-11 19:00", "energi", "lampu di oesapa mati dari sore, pln sonde kasi tau", kab=KPG, desa="Oesapa", trap="osp1", lang="kupang", note="trap: same kelurahan, different utility"),
# --- cluster: listrik padam Siantan (2) ---
c("snt1", "sms", "03-08 20:00", "energi", "listrik di siantan hulu padam dari magrib, tak ade pemberitauan. barang dalam kulkas rusak semue", kab="Kota Pontianak", desa="Siantan Hulu", cl="snt", lang="melayu_pontianak"),
c("snt2", "social", "03-08 21:30", "energi", "Pontianak Utara gelap gulita lagi 🕯️ @PLN_Kalbar kamek nak tido panas nian #Pontianak", kab="Kota Pontianak", kec="Pontianak Utara", rep="@budak_siantan", cl="snt", lang="melayu_pontianak"),
# --- cluster: banjir Sempaja (2) ---
c("smj1", "web", "03-09 08:00", "lingkungan", "Banjir kembali merendam Simpang Sempaja dan Jl. DI Panjaitan setinggi 60 cm setelah hujan semalam. Kendaraan mogok, warga di Sempaja Selatan mengungsi.", kab="Kota Samarinda", desa="Sempaja Selatan", rep="phone", cl="smj"),
c("smj2", "social", "03-09 09:10", "lingkungan", "Samarinda Utara banjir lagi, Simpang Sempaja kada kawa dilewati 🌊 @pemkotsamarinda #banjirsamarinda", kab="Kota Samarinda", kec="Samarinda Utara", rep="@samarinda_info", cl="smj", lang="banjar"),
c("sgp_banjir", "sms", "03-18 06:00", "lingkungan", "banjir di sungai pinang dalam smpe pinggang, wrg blm dievakuasi", kab="Kota Samarinda", desa="Sungai Pinang Dalam", trap="smj1", note="trap: same city, flood, adjacent kecamatan, later date"),
# --- cluster: pungli porter Pelabuhan Semayang (2) ---
c("smy1", "email", "03-10 10:00", "korupsi_pungli", """Yth. KSOP Kelas I Balikpapan,

Saat turun dari KM Bukit Siguntang di Pelabuhan Semayang, kami dipaksa membayar Rp 100.000 oleh oknum berseragam pelabuhan untuk 'jasa angkut' barang meski kami membawa sendiri.

Hormat saya,
Daeng Rahman""", kab="Kota Balikpapan", subj="Pungutan paksa jasa angkut di Pelabuhan Semayang", rep="daeng.rahman@example.id", cl="smy"),
c("smy2", "social", "03-17 12:00", "korupsi_pungli", "Sudah seminggu viral soal porter paksa di Semayang, masih aja kejadian ke ibuku tadi, dipalak 100rb sama yang pakai seragam 😡 @KSOP_Balikpapan #Balikpapan", kab="Kota Balikpapan", rep="@anak_rantau_bpp", cl="smy"),
# --- cluster: karhutla Kalampangan (2) ---
c("klp1", "social", "03-11 13:00", "lingkungan", "Lahan gambut di Kalampangan terbakar lagi 🔥 asap masuk kota Palangka Raya @BPBD_Kalteng #karhutla", kab="Kota Palangka Raya", desa="Kalampangan", rep="@dayak_muda", cl="klp"),
c("klp2", "sms", "03-12 06:00", "lingkungan", "api di lahan sabangau blm padam, asap tebal smp jln trans kalimantan", kab="Kota Palangka Raya", kec="Sabangau", cl="klp"),
# --- cluster: tidak ada sinyal Krayan Selatan (2) ---
c("kry1", "web", "03-12 09:00", "telekomunikasi", "Di Kecamatan Krayan Selatan, Nunukan, sinyal seluler hilang sudah tiga minggu sejak BTS rusak. Warga perbatasan lebih mudah menangkap sinyal Malaysia.", kab="Kab. Nunukan", kec="Krayan Selatan", rep="phone", cl="kry"),
c("kry2", "email", "03-20 08:00", "telekomunikasi", """Yth. BAKTI Kominfo,

Kami kembali melaporkan BTS di Long Layu, Krayan Selatan, yang belum diperbaiki sejak akhir Februari. Puskesmas tidak bisa mengirim data pasien.

Salam,
Yohanes Lasung""", kab="Kab. Nunukan", kec="Krayan Selatan", subj="BTS Long Layu Krayan Selatan belum diperbaiki", rep="yohanes.lasung@example.id", cl="kry"),
c("sebatik_sinyal", "sms", "03-21 10:00", "telekomunikasi", "di sebatik tengah sinyal jelek, internet putus2", kab="Kab. Nunukan", kec="Sebatik Tengah", trap="kry1", note="trap: same kab & problem, other kecamatan"),
# --- singletons ---
c("singkawang", "social", "03-02 19:00", "ketertiban", "Petasan dan kembang api tiap malam di Singkawang sampai jam 2 pagi 🎆 bayi kaget terus @pemkotsingkawang", kab="Kota Singkawang", rep="@amoy_skw"),
c("sambas", "sms", "03-03 08:00", "pertanahan", "tanah kebun kami di sambas dicaplok perusahaan sawit, patok dipindah. mohon bpn ukur ulang", kab="Kab. Sambas"),
c("ketapang", "web", "03-04 12:00", "kesehatan", "RSUD Agoesdjam Ketapang kekurangan dokter spesialis anak, pasien dirujuk ke Pontianak 10 jam perjalanan.", kab="Kab. Ketapang", rep="phone"),
c("kapuashulu", "email", "03-05 09:00", "pendidikan", """Yth. Dinas Pendidikan Kabupaten Kapuas Hulu,

SD negeri di dusun kami di Kecamatan Putussibau Utara hanya memiliki satu guru PNS untuk enam kelas. Mohon penambahan guru.

Salam,
Markus Iban""", kab="Kab. Kapuas Hulu", kec="Putussibau Utara", subj="Kekurangan guru SD di Putussibau Utara", rep="markus.iban@example.id"),
c("sintang", "sms", "03-06 09:00", "sosial", "korban banjir di sintang blm dpt bantuan beras, sdh 10 hr", kab="Kab. Sintang"),
c("sampit", "social", "03-07 10:00", "energi", "Pertalite di SPBU Sampit kosong terus, yang ada di eceran 15rb/liter ⛽ @pertamina #Sampit", kab="Kab. Kotawaringin Timur", rep="@sampit_hari_ini"),
c("kapuas", "web", "03-08 14:00", "infrastruktur", "Jembatan kayu penghubung dua desa di Kecamatan Basarang lapuk dan sudah patah di bagian tengah.", kab="Kab. Kapuas", kec="Basarang", rep="phone"),
c("bjb_bandara", "sms", "03-09 05:00", "perhubungan", "taksi bandara syamsudin noor maksa tarif 250rb ke banjarmasin, argo ga dipake", kab="Kota Banjarbaru", kec="Landasan Ulin", note="landmark airport"),
c("kotabaru", "web", "03-10 10:00", "lingkungan", "Lumpur tambang batubara di Kecamatan Pulau Laut Utara masuk ke sungai dan tambak warga.", kab="Kab. Kotabaru", kec="Pulau Laut Utara", rep="phone"),
c("tanbu", "email", "03-11 11:00", "ketenagakerjaan", """Yth. Disnakertrans Provinsi Kalimantan Selatan,

Kami pekerja kontrak di perusahaan tambang di Kabupaten Tanah Bumbu diberhentikan tanpa sisa kontrak dibayar dan tanpa surat pengalaman kerja.

Hormat kami,
Perwakilan pekerja""", kab="Kab. Tanah Bumbu", subj="Pemutusan kontrak tanpa kompensasi", rep="pekerja.tanbu@example.id"),
c("hst", "sms", "03-12 07:00", "korupsi_pungli", "di kantor desa kami di barabai dimintai duit 200rb gasan surat tanah. kada ada kwitansi", kab="Kab. Hulu Sungai Tengah", kec="Barabai", lang="banjar", note="village office pungli; bare kecamatan name Barabai"),
c("tenggarong", "social", "03-13 18:00", "perizinan", "Tambang batubara di belakang SD di Tenggarong Seberang masih jalan, katanya izinnya udah dicabut? 🤔 @pemkabkukar #Kukar", kab="Kab. Kutai Kartanegara", kec="Tenggarong Seberang", rep="@kukar_watch", note="operating without permit -> perizinan"),
c("ikn", "web", "03-14 10:00", "pertanahan", "Tanah adat keluarga kami di Kecamatan Sepaku masuk delineasi IKN, nilai ganti rugi jauh di bawah harga pasar dan tidak ada musyawarah.", kab="Kab. Penajam Paser Utara", kec="Sepaku", rep="phone"),
c("berau", "sms", "03-15 08:00", "kesehatan", "puskesmas di talisayan berau obat habis, pasien disuruh ke tanjung redeb", kab="Kab. Berau", kec="Talisayan"),
c("bontang", "web", "03-16 13:00", "lingkungan", "Bau amonia menyengat di permukiman dekat kawasan industri Bontang Utara sejak semalam.", kab="Kota Bontang", kec="Bontang Utara", rep="phone"),
c("tjselor", "email", "03-17 09:00", "kependudukan", """Yth. Disdukcapil Kabupaten Bulungan,

Saya sudah mengajukan KTP-el di Tanjung Selor sejak Januari, hingga kini hanya diberi surat keterangan (Suket). Bank tidak menerima suket untuk pembukaan rekening.

Terima kasih,
Andi Baso""", kab="Kab. Bulungan", kec="Tanjung Selor", subj="KTP-el belum dicetak sejak Januari", rep="andi.baso@example.id"),
c("malinau", "social", "03-18 07:00", "perhubungan", "Penerbangan perintis Malinau - Long Ampung batal terus seminggu 🛩️ warga pedalaman tertahan @kemenhub151 #Malinau", kab="Kab. Malinau", rep="@dayak_lundayeh"),
c("kuta_bandara", "web", "03-19 11:00", "perhubungan", "Antrean imigrasi kedatangan internasional di Bandara I Gusti Ngurah Rai lebih dari 2 jam, autogate banyak yang mati.", kab="Kab. Badung", kec="Kuta", rep="phone", note="landmark airport (Tuban, Kuta)"),
c("kuta_pungli", "sms", "03-20 09:00", "korupsi_pungli", "di kantor imigrasi ngurah rai ada oknum nawarin urus paspor kilat 1,5jt, bilang kenal orang dalam", kab="Kab. Badung", trap="kuta_bandara", note="trap: related place, different problem; Kanim Ngurah Rai office location not coded to kecamatan"),
c("ubud", "social", "03-21 10:00", "ketertiban", "Parkir liar di Jl. Monkey Forest Ubud makin parah, turis jalan di tengah jalan 🛵 @pemkabgianyar #Ubud", kab="Kab. Gianyar", kec="Ubud", rep="@ubud_local"),
c("buleleng", "sms", "03-22 12:00", "air_bersih", "yeh pdam di singaraja sing ngalir uling dibi, tiang sing nyidang masak", kab="Kab. Buleleng", lang="bali", note="Balinese; Singaraja (town) -> kab only"),
c("karangasem", "web", "03-23 09:00", "sosial", "Lansia sebatang kara di Kecamatan Kubu belum tersentuh bantuan sosial apa pun, rumahnya hampir roboh.", kab="Kab. Karangasem", kec="Kubu", rep="phone"),
c("penida", "email", "03-24 10:00", "infrastruktur", """Yth. PUPR Kabupaten Klungkung,

Jalan menuju Pantai Kelingking di Nusa Penida rusak berat dan licin, dua kecelakaan motor wisatawan terjadi minggu ini.

Salam,
I Ketut Arsana""", kab="Kab. Klungkung", kec="Nusa Penida", subj="Jalan rusak menuju Pantai Kelingking", rep="ketut.arsana@example.id"),
c("mataram", "social", "03-25 08:30", "korupsi_pungli", "SMPN di Mataram minta sumbangan 'pembangunan pagar' wajib 500rb per siswa, yang tidak bayar rapornya ditahan 😒 @pemkotmataram #Mataram", kab="Kota Mataram", rep="@inaq_mataram", note="mandatory 'sumbangan' at state school -> korupsi_pungli"),
c("lobar", "sms", "03-26 16:00", "lingkungan", "sampah numpuk di pinggir jalan senggigi, ndek araq truk angkut", kab="Kab. Lombok Barat", lang="sasak"),
c("lotim_pmi", "web", "03-27 10:00", "ketenagakerjaan", "Suami saya berangkat ke Malaysia lewat tekong di Lombok Timur tanpa dokumen resmi, sekarang ditahan di sana. Mohon bantuan pemulangan.", kab="Kab. Lombok Timur", rep="phone"),
c("sumbawa", "sms", "03-28 07:00", "kependudukan", "blanko ktp di dukcapil sumbawa besar kosong, sdh sebulan", kab="Kab. Sumbawa"),
c("bima", "social", "03-29 14:00", "lingkungan", "Banjir bandang di Kota Bima lagi, lumpur masuk rumah warga Paruga 😢 @pemkotbima #Bima", kab="Kota Bima", desa="Paruga", rep="@mbojo_bersatu"),
c("dompu", "email", "03-30 09:00", "pertanahan", """Yth. Kantor Pertanahan Kabupaten Dompu,

Sertifikat tanah hasil PTSL 2024 kami belum dibagikan hingga kini, padahal sudah tercatat terbit di aplikasi Sentuh Tanahku.

Hormat saya,
Syarifuddin""", kab="Kab. Dompu", subj="Sertifikat PTSL 2024 belum dibagikan", rep="syarifuddin.dompu@example.id"),
c("labuanbajo", "web", "03-31 10:00", "lainnya", "Kapal wisata di Labuan Bajo menaikkan harga trip ke Pulau Padar dua kali lipat tanpa pemberitahuan, turis domestik dirugikan.", kab="Kab. Manggarai Barat", desa="Labuan Bajo", rep="phone", note="tourism pricing -> lainnya"),
c("maumere", "sms", "04-01 09:00", "kesehatan", "kasus dbd di maumere naik, fogging belum masuk kampung kami. su ada anak meninggal", kab="Kab. Sikka", lang="kupang"),
c("ende", "social", "04-02 11:00", "infrastruktur", "Jalan Trans Flores ruas Ende - Detusoko longsor, kendaraan harus antre berjam-jam 🚧 #Ende #Flores", kab="Kab. Ende", rep="@flores_traveler"),
c("sumbatimur", "web", "04-03 08:00", "air_bersih", "Desa kami di Kecamatan Pandawai, Sumba Timur, mengambil air dari sumber 3 km jauhnya. Sumur bor bantuan tahun lalu sudah rusak.", kab="Kab. Sumba Timur", kec="Pandawai", rep="phone"),
c("atambua", "sms", "04-04 10:00", "korupsi_pungli", "di pos lintas batas motaain petugas minta 50rb tiap lewat bawa barang, pdhl barang pribadi", kab="Kab. Belu", note="border post pungli"),
c("alor", "web", "04-05 09:00", "perhubungan", "Kapal feri Kupang - Kalabahi batal berangkat tiga kali minggu ini tanpa informasi resmi.", kab="Kab. Alor", rep="phone"),
c("tts", "email", "04-06 10:00", "kesehatan", """Yth. Dinas Kesehatan Kabupaten Timor Tengah Selatan,

Posyandu di desa kami sudah tiga bulan tidak mendapat PMT untuk balita stunting. Kader posyandu bekerja tanpa bahan.

Salam,
Yuliana Tefa""", kab="Kab. Timor Tengah Selatan", subj="PMT balita stunting tidak tersedia", rep="yuliana.tefa@example.id"),
c("bpp_pln", "sms", "04-07 19:00", "energi", "lstrk di balikpapan tengah padam 5 jam, katanya gangguan gardu", kab="Kota Balikpapan", kec="Balikpapan Tengah"),
c("tarakan", "web", "04-08 10:00", "pajak", "Saya ditagih pajak hotel dan restoran 10% untuk warung kecil di Tarakan yang omzetnya kurang dari batas wajib pajak.", kab="Kota Tarakan", rep="phone"),
c("noplace_bali", "social", "04-09 12:00", "lainnya", "Tiket pesawat domestik mahal banget jelang libur Lebaran, lebih murah ke luar negeri ✈️😤 @kemenhub151", rep="@mudik_mahal", note="no place; airfares -> lainnya"),
c("noplace_kal", "sms", "04-10 08:00", "kependudukan", "nik sy katanya terdaftar di org lain pas daftar bpjs, gmn cara benerinnya", note="no place"),
]
