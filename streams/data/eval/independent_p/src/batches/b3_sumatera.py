# Batch 3: Sumatera, Bangka Belitung, Kepulauan Riau.  Written by hand.
def c(k, ch, t, top, txt, **kw):
    return dict(k=k, ch=ch, t=t, top=top, txt=txt, **kw)

MDN = "Kota Medan"; PLG = "Kota Palembang"; PDG = "Kota Padang"; BNA = "Kota Banda Aceh"
R = [
# --- cluster: Tirtanadi mati Gedung Johor (4) ---
c("tdi1", "email", "03-02 07:20", "air_bersih", """Yth. Direksi Perumda Tirtanadi Sumatera Utara,

Dengan hormat, air di Kelurahan Gedung Johor, Kecamatan Medan Johor, tidak mengalir sejak Sabtu (28/2). Kami sudah tiga kali menghubungi call center tetapi hanya dijawab 'ada gangguan'. Ratusan rumah di Jl. Karya Jaya dan sekitarnya terdampak.

Mohon dikirimkan mobil tangki dan kepastian perbaikan.

Hormat saya,
Rosmawati Siregar""", kab=MDN, desa="Gedung Johor", subj="Air Tirtanadi tidak mengalir di Gedung Johor", rep="rosmawati.srg@example.id", cl="tdi"),
c("tdi2", "sms", "03-02 12:10", "air_bersih", "air tirtanadi di jl karya jaya mati 3 hari, mandi pun kami ga bisa lae. kapan hidup?", kab=MDN, cl="tdi", note="street only; by convention a street alone does not determine the kecamatan -> kab only"),
c("tdi3", "social", "03-03 08:00", "air_bersih", "Woi @Tirtanadi_Medan, udah 4 hari air mati di Medan Johor, kelen pikir kami mandi pakai apa? Pakai air hujan lah kami 😤 #Medan #Tirtanadi", kab=MDN, kec="Medan Johor", rep="@bang_togar", cl="tdi", lang="medan", note="Medan colloquial"),
c("tdi4", "web", "03-12 09:15", "air_bersih", "Sudah 12 hari sejak laporan pertama, air di Gedung Johor hanya mengalir tengah malam dan kecil sekali. Tolong Tirtanadi serius.", kab=MDN, desa="Gedung Johor", rep="081262334455", cl="tdi", note="follow-up 10 days later"),
c("amplas_air", "sms", "03-04 06:30", "air_bersih", "air pam di sitirejo II medan amplas jg mati dr kmrn, tlg", kab=MDN, desa="Sitirejo II", trap="tdi2", note="trap: same city & problem, other kecamatan"),
# --- cluster: sampah Pasar 16 Ilir (4) ---
c("p16_1", "social", "03-04 10:00", "lingkungan", "Sampah di Pasar 16 Ilir dak diangkut-angkut nian, baunyo sampai ke Ampera 🤢 @pemkotpalembang cak mano ini? #Palembang #Pasar16", kab=PLG, kec="Ilir Timur Satu", rep="@wongkito_plg", cl="p16", lang="palembang", note="Palembang Malay; landmark Pasar 16 Ilir"),
c("p16_2", "sms", "03-05 07:45", "lingkungan", "tumpukan smph di blkg pasar 16 udh 1 mgg, lalat dmn2, pedagang ikan terganggu", kab=PLG, kec="Ilir Timur Satu", cl="p16"),
c("p16_3", "web", "03-08 13:20", "lingkungan", "Tumpukan sampah di TPS Kelurahan 16 Ilir, tepi Sungai Musi, sudah menutup setengah jalan dan sebagian terbawa ke sungai. Mohon DLHK Palembang mengangkut.", kab=PLG, desa="Enam-belas Ilir", rep="phone", cl="p16", note="kelurahan written '16 Ilir' (data: Enam-belas Ilir)"),
c("p16_4", "email", "03-16 10:00", "lingkungan", """Yth. Kepala DLHK Kota Palembang,

Kami pedagang Pasar 16 Ilir kembali menyampaikan bahwa tumpukan sampah yang sudah kami laporkan sejak awal bulan belum juga diangkut. Kini sampah mulai longsor ke Sungai Musi dan mengundang tikus.

Hormat kami,
Ir. Hendra Wijaya
Himpunan Pedagang Pasar 16 Ilir""", kab=PLG, kec="Ilir Timur Satu", subj="Sampah menumpuk di Pasar 16 Ilir belum diangkut", rep="himpunan.p16@example.id", cl="p16", note="follow-up 12 days later"),
c("p16_parkir", "sms", "03-09 11:00", "ketertiban", "parkir liar di dpn pasar 16 ilir makan badan jalan, kendaraan dak pacak lewat", kab=PLG, kec="Ilir Timur Satu", trap="p16_2", lang="palembang", note="trap: same place, different problem"),
# --- cluster: pungli truk Teluk Bayur (3) ---
c("tbr1", "sms", "03-06 05:15", "korupsi_pungli", "sopir truk di plabuhan teluk bayua dimintak pitih 50 ribu dek oknum di pos, kalau indak agiah indak buliah masuak. tolong diusut", kab=PDG, desa="Teluk Bayur", cl="tbr", lang="minang", note="Minangkabau"),
c("tbr2", "email", "03-07 09:00", "korupsi_pungli", """Yth. Tim Saber Pungli Sumatera Barat,

Kami asosiasi sopir angkutan CPO melaporkan adanya pungutan Rp 50.000 per truk oleh oknum di pos masuk Pelabuhan Teluk Bayur tanpa karcis. Pungutan ini terjadi setiap hari sejak Januari.

Hormat kami,
Zulkifli
Ketua Paguyuban Sopir""", kab=PDG, desa="Teluk Bayur", subj="Pungli di pos masuk Pelabuhan Teluk Bayur", rep="zulkifli.sopir@example.id", cl="tbr"),
c("tbr3", "social", "03-09 06:40", "korupsi_pungli", "Masih ado pungli di Teluk Bayur, Padang Selatan. Sopir dipaso bayia 50rb 😡 @humaspolda_sumbar @SaberPungli #Padang", kab=PDG, kec="Padang Selatan", rep="@urang_awak_pdg", cl="tbr", lang="minang"),
c("tbr_bungus", "sms", "03-20 05:00", "korupsi_pungli", "sopir truk di plbhn bungus jg dimintak 30rb sm oknum di pos, ga ada karcis", kab=PDG, kec="Bungus Teluk Kabung", trap="tbr1", note="trap: same template, different port/kecamatan"),
# --- cluster: lampu jalan mati Lamgugob (3) ---
c("lgb1", "web", "03-07 20:30", "infrastruktur", "Lampu penerangan jalan di Jl. Lingkar Kampus, Gampong Lamgugob, Syiah Kuala sudah sebulan mati. Mahasiswi yang pulang malam sering diganggu.", kab=BNA, desa="Lamgugob", rep="cut.nadia@example.id", cl="lgb"),
c("lgb2", "sms", "03-08 21:10", "infrastruktur", "lampu jalan di lamgugob mate, gelap that. hana lampu sapeu. tulong peugot", kab=BNA, desa="Lamgugob", cl="lgb", lang="aceh", note="Acehnese"),
c("lgb3", "social", "03-10 22:00", "infrastruktur", "Jalan dekat kampus USK gelap total sebulan, lampu jalan mati 🌑 @pemkotbna mohon diperbaiki sebelum ada kejadian #BandaAceh", kab=BNA, kec="Syiah Kuala", rep="@mhs_usk", cl="lgb", note="landmark kampus USK (Kopelma Darussalam, Syiah Kuala)"),
c("peunayong_lampu", "sms", "03-11 20:00", "infrastruktur", "lampu jln di peunayong kuta alam jg mati 2 minggu", kab=BNA, desa="Peunayong", trap="lgb1", note="trap: same city/problem, other gampong & kecamatan"),
# --- cluster: karhutla Rumbai (2) ---
c("rmb1", "social", "03-12 14:00", "lingkungan", "Asap tebal di Rumbai, mata perih, budak-budak tak boleh main di luar 😷 ada lahan terbakar dekat perumahan @pemkotpekanbaru @BPBDRiau #karhutla", kab="Kota Pekanbaru", kec="Rumbai", rep="@melayu_rumbai", cl="rmb", lang="melayu_riau"),
c("rmb2", "email", "03-13 08:30", "lingkungan", """Kepada Yth. BPBD Provinsi Riau,

Sejak dua hari lahan gambut kosong di belakang perumahan kami di Kecamatan Rumbai terbakar dan belum dipadamkan. Asap masuk rumah; dua balita dibawa ke puskesmas karena ISPA.

Mohon segera dikirim tim pemadam.

Terima kasih,
Rahmat Hidayat""", kab="Kota Pekanbaru", kec="Rumbai", subj="Kebakaran lahan gambut di Rumbai belum padam", rep="rahmat.hidayat@example.id", cl="rmb"),
# --- cluster: air mati Tanjung Uncang (2) ---
c("btm1", "sms", "03-14 06:00", "air_bersih", "air di tanjung uncang batu aji mati 2 hr, ruli jg ga dpt tangki. tlg spam batam", kab="Kota Batam", desa="Tanjung Uncang", cl="btm"),
c("btm2", "social", "03-15 19:30", "air_bersih", "Batu Aji dah 3 hari air tak mengalir, kami nak mandi pun susah 😩 @bpbatam #Batam #airmati", kab="Kota Batam", kec="Batu Aji", rep="@anak_batuaji", cl="btm", lang="melayu_riau"),
c("sekupang_air", "web", "03-16 07:00", "air_bersih", "Air mati di Sekupang sejak semalam, mohon info jadwal gilir.", kab="Kota Batam", kec="Sekupang", rep="phone", trap="btm2", note="trap: same city/problem, another kecamatan"),
# --- cluster: drainase tersumbat Perumnas Way Halim (2) ---
c("wh1", "web", "03-17 09:00", "infrastruktur", "Saluran drainase di Perumnas Way Halim tersumbat sedimen, setiap hujan jalan Jl. Kijang tergenang 50 cm dan masuk rumah warga.", kab="Kota Bandar Lampung", desa="Perumnas Way Halim", rep="yanti.wh@example.id", cl="wh"),
c("wh2", "sms", "03-25 16:00", "infrastruktur", "got di way halim msh mampet, ujan td rmh kebanjiran lg. udh lapor minggu lalu", kab="Kota Bandar Lampung", kec="Way Halim", cl="wh"),
c("kedaton_got", "web", "03-26 10:00", "infrastruktur", "Saluran drainase di Jl. Teuku Umar Kedaton tersumbat, setiap hujan jalan tergenang.", kab="Kota Bandar Lampung", kec="Kedaton", rep="phone", trap="wh1", note="trap: same template, other kecamatan"),
# --- cluster: PETI Merangin (2) ---
c("peti1", "email", "03-18 11:00", "lingkungan", """Yth. Kapolda Jambi dan DLH Provinsi Jambi,

Aktivitas penambangan emas tanpa izin (PETI) dengan puluhan rakit dompeng di Sungai Tabir, Kecamatan Tabir, Kabupaten Merangin, membuat air sungai keruh pekat. Warga tidak bisa lagi memakai air sungai untuk mandi dan ikan mati.

Hormat kami,
Lembaga Adat Tabir""", kab="Kab. Merangin", kec="Tabir", subj="PETI di Sungai Tabir mencemari air", rep="lat.tabir@example.id", cl="peti", note="illegal mining pollution -> lingkungan"),
c("peti2", "sms", "03-22 08:00", "lingkungan", "sungai tabir masih keruh kayak susu coklat gara2 dompeng, ikan mati. kapan ditertibkan", kab="Kab. Merangin", cl="peti", note="river name only -> kab (river spans kecamatan)"),
# --- cluster: solar langka Bengkulu (2) ---
c("bkl1", "sms", "03-19 05:30", "energi", "solar di spbu kota bengkulu kosong trs, truk ngantri smp 2 km", kab="Kota Bengkulu", cl="bkl"),
c("bkl2", "social", "03-20 09:00", "energi", "Antrean solar di SPBU Kota Bengkulu udah kayak ular naga 🐍 nelayan ga bisa melaut @pertamina #Bengkulu #solar", kab="Kota Bengkulu", rep="@nelayan_bkl", cl="bkl"),
# --- singletons ---
c("sabang", "web", "03-02 15:00", "perhubungan", "Kapal cepat Banda Aceh - Sabang dari Pelabuhan Balohan sering batal tanpa info, wisatawan terlantar.", kab="Kota Sabang", desa="Balohan", rep="phone", note="port named after gampong Balohan (Sukajaya)"),
c("lhok_pln", "sms", "03-03 19:00", "energi", "listrek mate di lhokseumawe 6 jam, hana kabar dari pln. panee tanyoe peuget buka puasa", kab="Kota Lhokseumawe", lang="aceh"),
c("takengon", "social", "03-04 16:00", "lainnya", "Harga kopi gayo di tingkat petani Takengon anjlok, tengkulak seenaknya ☕ @pemkabacehtengah #kopigayo", kab="Kab. Aceh Tengah", rep="@petani_gayo", note="commodity price -> lainnya"),
c("acehbesar_bansos", "web", "03-05 10:00", "sosial", "Warga lansia dan disabilitas di Gampong kami, Kecamatan Darul Imarah, belum menerima BLT Dana Desa triwulan pertama tanpa penjelasan.", kab="Kab. Aceh Besar", kec="Darul Imarah", rep="phone"),
c("toba_danau", "email", "03-06 14:00", "lingkungan", """Yth. Dinas Lingkungan Hidup Kabupaten Toba,

Keramba jaring apung di perairan Balige semakin padat dan banyak ikan mati membusuk di tepi danau. Bau menyengat hingga ke permukiman dan objek wisata.

Horas,
Marudut Simanjuntak""", kab="Kab. Toba", kec="Balige", subj="Ikan mati dan keramba berlebih di Danau Toba Balige", rep="marudut.s@example.id"),
c("kno", "social", "03-07 11:10", "perhubungan", "Taksi gelap di Bandara Kualanamu makin agresif narik-narik penumpang 😒 @kualanamu_airport #Kualanamu", kab="Kab. Deli Serdang", kec="Beringin", rep="@frequent_flyer_mdn", note="landmark Kualanamu (Beringin)"),
c("siantar", "sms", "03-08 08:30", "korupsi_pungli", "sekolah anakku di siantar minta uang komite 300rb per bulan, wajib kata kepseknya. sd negeri loh bah", kab="Kota Pematangsiantar", lang="batak_medan", note="mandatory fee at state school -> korupsi_pungli"),
c("nias_jalan", "web", "03-09 12:00", "infrastruktur", "Jalan provinsi Gunungsitoli - Teluk Dalam di Nias Selatan putus karena longsor, kendaraan harus memutar sejauh 40 km.", kab="Kab. Nias Selatan", rep="phone"),
c("karo_sinabung", "sms", "03-10 07:00", "sosial", "pengungsi sinabung di kec simpang empat blm dpt jatah hunian tetap, masih di jambur", kab="Kab. Karo", kec="Simpang Empat"),
c("langkat_sawit", "email", "03-11 09:20", "ketenagakerjaan", """Yth. Disnaker Kabupaten Langkat,

Buruh harian lepas di perkebunan sawit di Kecamatan Besitang dibayar Rp 70.000 per hari tanpa BPJS, jauh di bawah UMK. Yang protes tidak dipanggil kerja lagi.

Hormat kami,
Serikat Buruh Perkebunan""", kab="Kab. Langkat", kec="Besitang", subj="Upah buruh sawit di bawah UMK", rep="sbp.langkat@example.id"),
c("bukittinggi", "social", "03-12 10:00", "ketertiban", "Jam Gadang malam minggu penuh PKL sampai ke badan jalan, kendaraan tak bisa lewat 😩 @pemkotbukittinggi #JamGadang", kab="Kota Bukittinggi", kec="Guguak Panjang", rep="@rang_bukik", note="landmark Jam Gadang (Benteng Pasar Atas, Guguk/Guguak Panjang)"),
c("agam_longsor", "web", "03-13 15:00", "infrastruktur", "Jalan Kelok 44 di Kecamatan Tanjung Raya tertimbun longsor sebagian, belum ada alat berat.", kab="Kab. Agam", kec="Tanjung Raya", rep="phone"),
c("pessel", "sms", "03-14 09:00", "pendidikan", "guru di sd kami di pessel sdh 3 bln gajinyo alun dibayia, anak2 sering pulang capek", kab="Kab. Pesisir Selatan", lang="minang", note="honorary teacher pay -> pendidikan (school staffing); could be ketenagakerjaan"),
c("mentawai", "web", "03-15 11:00", "telekomunikasi", "Di Siberut Selatan sinyal internet hanya ada di satu titik dekat kantor camat, layanan online desa tidak bisa berjalan.", kab="Kab. Kepulauan Mentawai", kec="Siberut Selatan", rep="phone"),
c("dumai", "email", "03-16 14:00", "lingkungan", """Yth. DLH Kota Dumai,

Tumpahan minyak kembali terlihat di pantai Kelurahan Pangkalan Sesai, nelayan tidak bisa melaut karena jaring rusak terkena minyak.

Salam,
Ahmad Fauzi""", kab="Kota Dumai", desa="Pangkalan Sesai", subj="Tumpahan minyak di pantai Pangkalan Sesai", rep="ahmad.fauzi@example.id"),
c("siak", "sms", "03-17 07:20", "kependudukan", "akte lahir anak sy di disdukcapil siak blm siap2, dah 2 bln. katenye sistem down", kab="Kab. Siak", lang="melayu_riau"),
c("bengkalis", "social", "03-18 20:00", "energi", "Listrik di Bengkalis padam bergilir tiap malam, tak ade jadwal 😤 @PLN_Riau #Bengkalis", kab="Kab. Bengkalis", rep="@budak_bengkalis", lang="melayu_riau"),
c("jambi_kota", "web", "03-19 10:00", "perizinan", "Tempat hiburan malam di Jl. Sultan Agung, Jambi beroperasi sampai subuh, katanya izinnya hanya untuk restoran. Mohon DPMPTSP memeriksa izin usahanya.", kab="Kota Jambi", rep="phone"),
c("muaraenim", "sms", "03-20 18:00", "lingkungan", "debu batubara dr truk angkutan di jln lintas muara enim bikin warga sesak napas", kab="Kab. Muara Enim"),
c("oki_lahan", "email", "03-21 09:00", "pertanahan", """Yth. Kantor Pertanahan Kabupaten Ogan Komering Ilir,

Lahan plasma milik 60 KK di Kecamatan Pedamaran diklaim masuk HGU perusahaan perkebunan. Kami memiliki SKT dari desa sejak 2004.

Hormat kami,
Kelompok Tani Pedamaran""", kab="Kab. Ogan Komering Ilir", kec="Pedamaran", subj="Sengketa lahan plasma dengan HGU perusahaan", rep="poktan.pedamaran@example.id"),
c("lubuklinggau", "social", "03-22 11:00", "kesehatan", "RS di Lubuklinggau suruh keluarga pasien beli obat sendiri padahal BPJS 🙄 @BPJSKesehatanRI #Lubuklinggau", kab="Kota Lubuklinggau", rep="@linggau_kito"),
c("rejanglebong", "sms", "03-23 08:00", "infrastruktur", "jalan ke desa kami di kec bermani ulu rusak, hasil kopi ga bs diangkut", kab="Kab. Rejang Lebong", kec="Bermani Ulu"),
c("bakauheni", "web", "03-24 22:00", "perhubungan", "Antrean kendaraan di Pelabuhan Bakauheni mengular sampai tol, tiket online sudah dibeli tapi jadwal kapal molor 5 jam.", kab="Kab. Lampung Selatan", desa="Bakauheni", rep="phone", note="landmark port; desa Bakauheni"),
c("metro", "sms", "03-25 09:30", "sosial", "bantuan beras 10 kg di kel kami di metro dibagi ke keluarga rt aja, warga miskin ga dpt", kab="Kota Metro"),
c("pkp", "social", "03-26 12:00", "air_bersih", "Air PDAM Pangkalpinang keruh macem teh susu 🧋 @pemkotpgk #Pangkalpinang", kab="Kota Pangkal Pinang", rep="@urang_bangka"),
c("belitung", "email", "03-27 10:00", "lingkungan", """Yth. DLH Kabupaten Belitung,

Tambang timah inkonvensional di pesisir Tanjung Pandan mencemari perairan dekat pantai wisata, air laut keruh dan terumbu karang tertutup lumpur.

Salam,
Yulianto""", kab="Kab. Belitung", kec="Tanjung Pandan", subj="Tambang timah ilegal di pesisir Tanjung Pandan", rep="yulianto.blt@example.id"),
c("bangka_tk", "sms", "03-28 14:00", "ketenagakerjaan", "buruh smelter di kab bangka blm dibayar 2 bln, perusahaan bilang tunggu harga timah naik", kab="Kab. Bangka"),
c("tpi", "web", "03-29 09:00", "pajak", "Pembayaran pajak kendaraan online lewat aplikasi Samsat Kepri di Tanjungpinang gagal terus padahal saldo terpotong.", kab="Kota Tanjung Pinang", rep="phone"),
c("karimun", "social", "03-30 16:00", "perhubungan", "Kapal ferry Tanjung Balai Karimun - Batam sering delay 2 jam tanpa pemberitahuan 🚢 @dishubkepri #Karimun", kab="Kab. Karimun", rep="@karimun_kite"),
c("natuna", "sms", "03-31 10:00", "energi", "lpg 3 kg di ranai natuna langka, harga eceran smp 60rb", kab="Kab. Natuna"),
c("anambas", "web", "04-01 08:00", "kesehatan", "Puskesmas di Kecamatan Siantan hanya ada satu dokter umum dan sering kosong, pasien gawat harus dibawa kapal ke Tanjungpinang.", kab="Kab. Kepulauan Anambas", kec="Siantan", rep="phone"),
c("medan_preman", "sms", "04-02 22:00", "kepolisian", "di simpang pos medan byk preman minta uang ke supir angkot, kalo ga kasih kaca dipecahkan. polisi tolong la", kab=MDN, lang="medan", note="preman extortion -> kepolisian"),
c("medan_samsat", "web", "04-03 10:00", "korupsi_pungli", "Di Samsat Medan Utara, petugas menawarkan jasa 'bantu cepat' Rp 200.000 untuk balik nama, kalau tidak disuruh kembali minggu depan.", kab=MDN, rep="phone", note="Samsat name, office location not coded to kecamatan"),
c("padang_dukcapil", "email", "04-04 09:00", "korupsi_pungli", """Yth. Ombudsman RI Perwakilan Sumatera Barat,

Saat mengurus KK di Disdukcapil Kota Padang, seorang petugas meminta Rp 100.000 agar KK bisa dicetak hari itu. Pelayanan adminduk semestinya gratis.

Hormat saya,
Nofri Yandi""", kab=PDG, subj="Petugas Disdukcapil Padang minta uang cetak KK", rep="nofri.yandi@example.id"),
c("plg_pelabuhan", "social", "04-05 07:00", "korupsi_pungli", "Di Pelabuhan Boom Baru Palembang penumpang kapal ke Bangka dimintain 'uang porter' paksa oleh oknum berseragam 😡 @pelindo #Palembang", kab=PLG, rep="@mudik_bangka", note="landmark Boom Baru port; kecamatan not verified -> null"),
c("aceh_jalan_lhoksukon", "web", "04-06 10:00", "infrastruktur", "Jalan di Gampong kami, Kecamatan Lhoksukon, berlumpur setiap hujan, ambulans tak bisa masuk. Jalan ini sudah diusulkan di musrenbang tiga tahun berturut-turut.", kab="Kab. Aceh Utara", kec="Lhoksukon", rep="phone"),
c("noplace_sumatera", "sms", "04-07 08:00", "telekomunikasi", "paket data sy hangus pdhl masa aktif msh 10 hr, cs cm jawab otomatis", note="no place"),
c("noplace_sim", "web", "04-08 11:30", "kepolisian", "Laporan kehilangan saya di aplikasi Polri Presisi tidak pernah diproses, status masih 'menunggu verifikasi' sejak dua minggu.", rep="phone", note="no place"),
]
