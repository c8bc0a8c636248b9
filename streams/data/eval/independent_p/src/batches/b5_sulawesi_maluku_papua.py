# Batch 5: Sulawesi, Gorontalo, Maluku, Maluku Utara, the six Papua provinces.  Written by hand.
def c(k, ch, t, top, txt, **kw):
    return dict(k=k, ch=ch, t=t, top=top, txt=txt, **kw)

MKS = "Kota Makassar"; MDO = "Kota Manado"; AMB = "Kota Ambon"; JPR = "Kota Jayapura"
R = [
# --- cluster: jalan berlubang Jl. Urip Sumoharjo depan kampus UMI (4) ---
c("umi1", "email", "03-02 09:30", "infrastruktur", """Kepada Yth. Kepala Dinas PU Kota Makassar,

Dengan hormat, kami sampaikan bahwa Jl. Urip Sumoharjo di depan Kampus UMI, Kelurahan Panaikang, berlubang di beberapa titik dan tergenang setiap hujan. Kondisi ini menyebabkan kemacetan panjang dan beberapa kecelakaan pengendara motor.

Mohon segera dilakukan penambalan.

Hormat kami,
Andi Muhammad Fadli
Mahasiswa UMI""", kab=MKS, desa="Panaikang", subj="Jalan berlubang di depan Kampus UMI", rep="andi.fadli@example.id", cl="umi"),
c("umi2", "sms", "03-02 17:45", "infrastruktur", "jalan urip depan umi bolong2 mi, banyak motor jatuh ji kalo hujan. tolong diperbaiki ki pak", kab=MKS, kec="Panakkukang", cl="umi", lang="makassar", note="Makassar Malay; landmark UMI campus (Panaikang, Panakkukang)"),
c("umi3", "social", "03-04 08:20", "infrastruktur", "Tawwa jalanan depan kampus UMI, kolam ikan mi 😂🐟 @pemkotmakassar kapan di aspal ki? #Makassar #UripSumoharjo", kab=MKS, kec="Panakkukang", rep="@daeng_ical", cl="umi", lang="makassar"),
c("umi4", "web", "03-14 10:00", "infrastruktur", "Sudah 12 hari sejak diberitakan, lubang di Jl. Urip Sumoharjo Panakkukang depan UMI belum juga ditambal, bahkan makin lebar.", kab=MKS, kec="Panakkukang", rep="phone", cl="umi", note="follow-up 12 days later"),
c("unhas_jln", "sms", "03-05 07:30", "infrastruktur", "jln perintis kemerdekaan dpn unhas tamalanrea jg bolong, hati2 ki", kab=MKS, kec="Tamalanrea", trap="umi2", lang="makassar", note="trap: same city/problem, other road and kecamatan (Unhas, Tamalanrea)"),
# --- cluster: RSUP Kandou pasien BPJS disuruh beli obat (4) ---
c("kdu1", "web", "03-03 11:00", "kesehatan", "Ayah saya dirawat di RSUP Prof. Kandou Malalayang dengan BPJS kelas 3, tapi keluarga disuruh membeli obat dan infus sendiri di apotek luar dengan alasan stok habis.", kab=MDO, kec="Malalayang", rep="grace.kandou@example.id", cl="kdu"),
c("kdu2", "social", "03-03 20:00", "kesehatan", "Kita pe mama di RS Kandou, so tiga hari disuru bli obat sandiri padahal BPJS 😤 @BPJSKesehatanRI @pemkotmanado #Manado", kab=MDO, kec="Malalayang", rep="@nyong_manado", cl="kdu", lang="manado", note="Manado Malay"),
c("kdu3", "sms", "03-06 09:00", "kesehatan", "rs kandou malalayang suru pasien bpjs bli obat di luar lg, so banyak korban. tolong dinkes", kab=MDO, kec="Malalayang", cl="kdu", lang="manado"),
c("kdu4", "email", "03-16 08:30", "kesehatan", """Yth. Kepala BPJS Kesehatan Cabang Manado,

Kami sudah melapor dua minggu lalu, namun praktik keluarga pasien JKN di RSUP Prof. Dr. R. D. Kandou diminta membeli obat sendiri masih terjadi. Kwitansi pembelian kami lampirkan (Rp 2.350.000).

Hormat kami,
Pdt. Yohanis Mamahit""", kab=MDO, kec="Malalayang", subj="Pasien JKN RSUP Kandou masih diminta beli obat sendiri", rep="y.mamahit@example.id", cl="kdu", note="landmark RSUP Kandou (Malalayang); follow-up 13 days later"),
c("kdu_parkir", "social", "03-10 13:00", "ketertiban", "Parkir di RS Kandou skarang 10rb sekali masuk, tukang parkir nyanda kase karcis 🙄 #Manado", kab=MDO, kec="Malalayang", rep="@manado_hari_ini", trap="kdu2", lang="manado", note="trap: same place, different problem"),
# --- cluster: sampah Pasar Mardika (3) ---
c("mrd1", "social", "03-05 10:00", "lingkungan", "Sampah di Pasar Mardika su sampe ke jalan, bau bukan maen 🤢 @pemkotambon beta minta tolong angka akang dolo #Ambon #Mardika", kab=AMB, kec="Sirimau", rep="@nona_ambon", cl="mrd", lang="ambon", note="Ambon Malay; landmark Pasar Mardika (Rijali, Sirimau)"),
c("mrd2", "web", "03-06 08:00", "lingkungan", "Tumpukan sampah di sisi Terminal dan Pasar Mardika, Kelurahan Rijali, sudah lebih dari seminggu tidak diangkut. Air lindi mengalir ke saluran menuju Teluk Ambon.", kab=AMB, desa="Rijali", rep="phone", cl="mrd"),
c("mrd3", "sms", "03-12 07:00", "lingkungan", "sampah mardika seng diangkut2, katong pedagang su tutup idung tiap hari", kab=AMB, kec="Sirimau", cl="mrd", lang="ambon"),
c("mrd_preman", "web", "03-13 21:00", "kepolisian", "Di Pasar Mardika ada kelompok pemuda yang memalak pedagang Rp 10.000 per lapak tiap malam, mengaku dari 'keamanan kampung'.", kab=AMB, kec="Sirimau", rep="phone", trap="mrd2", note="trap: same place, different problem; preman -> kepolisian"),
# --- cluster: internet putus Jayapura (3) ---
c("jpr1", "social", "03-07 09:00", "telekomunikasi", "Internet di Jayapura mati total dari kemarin 📵 sa mau kirim tugas kuliah tra bisa. @Telkomsel @IndiHome #Jayapura", kab=JPR, rep="@anak_abepura", cl="jpr", lang="papua", note="Papua Malay"),
c("jpr2", "email", "03-08 10:00", "telekomunikasi", """Yth. Telkom Regional Papua,

Gangguan internet di Kota Jayapura sejak 6 Maret menghentikan layanan perbankan dan pendaftaran online sekolah. Kami memohon informasi resmi estimasi perbaikan kabel laut.

Hormat kami,
Kamar Dagang Kota Jayapura""", kab=JPR, subj="Gangguan internet di Kota Jayapura", rep="kadin.jpr@example.id", cl="jpr"),
c("jpr3", "sms", "03-12 12:00", "telekomunikasi", "internet di jayapura masih putus, su satu minggu. atm juga offline. kapan bae?", kab=JPR, cl="jpr", lang="papua"),
# --- cluster: sistem Disdukcapil Kendari offline (2) ---
c("kdi1", "web", "03-09 09:00", "kependudukan", "Pelayanan di Disdukcapil Kota Kendari terhenti tiga hari karena sistem offline, ratusan warga antre sejak subuh.", kab="Kota Kendari", rep="phone", cl="kdi"),
c("kdi2", "sms", "03-10 08:00", "kependudukan", "dukcapil kendari msh offline, sdh 4 hr bolak balik ga bisa cetak kk", kab="Kota Kendari", cl="kdi"),
c("kdi_pungli", "sms", "03-11 10:00", "korupsi_pungli", "di dukcapil kendari ada petugas tawarin kk jd cepat bayar 150rb, katanya yg lain nunggu sistem", kab="Kota Kendari", trap="kdi2", note="trap: same office, pungli not outage"),
# --- cluster: huntap korban gempa Tondo (2) ---
c("tdo1", "email", "03-12 09:00", "sosial", """Yth. Wali Kota Palu,

Kami penyintas gempa 2018 yang ditempatkan di huntara Kelurahan Tondo, Mantikulore, hingga kini belum menerima kunci huntap meski nama kami telah ditetapkan dalam SK.

Hormat kami,
Forum Penyintas Tondo""", kab="Kota Palu", desa="Tondo", subj="Penyintas belum menerima huntap", rep="penyintas.tondo@example.id", cl="tdo"),
c("tdo2", "social", "03-20 15:00", "sosial", "Sudah 7 tahun lebih, kami masih di huntara Mantikulore. Huntap katanya selesai tapi kunci tra dikasih 😔 @pemkotpalu #Palu", kab="Kota Palu", kec="Mantikulore", rep="@penyintas_palu", cl="tdo"),
c("duyu_huntap", "web", "03-21 10:00", "sosial", "Huntap di Duyu, Tatanga retak-retak padahal baru setahun ditempati.", kab="Kota Palu", desa="Duyu", rep="phone", trap="tdo2", note="trap: same city and programme, other kelurahan & problem"),
# --- cluster: LPG langka Kota Gorontalo (2) ---
c("gtl1", "sms", "03-14 07:00", "energi", "elpiji 3 kg di kota gorontalo susah skali, dorang jual 45rb. tolong pertamina", kab="Kota Gorontalo", cl="gtl", lang="gorontalo_malay"),
c("gtl2", "social", "03-15 09:00", "energi", "Antri gas melon di pangkalan Kota Gorontalo dari subuh, so abis jam 7 🙄 @pertamina #Gorontalo", kab="Kota Gorontalo", rep="@ti_ona_gtlo", cl="gtl", lang="gorontalo_malay"),
# --- cluster: speedboat Ternate-Sofifi (2) ---
c("tte1", "web", "03-16 06:30", "perhubungan", "Speedboat rute Ternate - Sofifi dari Pelabuhan Kota Baru sering kelebihan penumpang dan tidak menyediakan pelampung. Mohon Dishub tertibkan.", kab="Kota Ternate", rep="phone", cl="tte"),
c("tte2", "sms", "03-17 07:00", "perhubungan", "speed ke sofifi dari ternate penuh skali, ngoni pe pelampung tara ada. bahaya", kab="Kota Ternate", cl="tte", lang="ternate_malay"),
# --- cluster: RSUD Mimika dokter spesialis (2) ---
c("mmk1", "web", "03-18 09:00", "kesehatan", "Di RSUD Mimika di Timika dokter spesialis kandungan tidak ada seminggu, ibu hamil dengan komplikasi dirujuk ke Jayapura.", kab="Kab. Mimika", rep="phone", cl="mmk"),
c("mmk2", "social", "03-19 12:00", "kesehatan", "Sa pu kaka hamil tua, di RSUD Timika dokter kandungan tra ada 😢 @pemkabmimika #Timika", kab="Kab. Mimika", rep="@mama_timika", cl="mmk", lang="papua"),
# --- cluster: listrik padam Sorong Timur (2) ---
c("srg1", "sms", "03-20 20:00", "energi", "lampu mati di sorong timur dari sore, sa pu frezer ikan rusak", kab="Kota Sorong", kec="Sorong Timur", cl="srg", lang="papua"),
c("srg2", "web", "03-21 08:00", "energi", "Listrik di Kecamatan Sorong Timur, Kota Sorong padam lebih dari 12 jam sejak kemarin sore. Usaha es dan ikan rugi besar.", kab="Kota Sorong", kec="Sorong Timur", rep="phone", cl="srg"),
c("srg_utara", "sms", "03-22 19:00", "energi", "listrik di sorong utara kota sorong juga padam lg mlm ini", kab="Kota Sorong", kec="Sorong Utara", trap="srg1", note="trap: same city/problem, other kecamatan"),
# --- singletons ---
c("bitung", "email", "03-02 14:00", "lingkungan", """Yth. DLH Kota Bitung,

Limbah cair pabrik pengolahan ikan di kawasan pelabuhan Bitung dibuang langsung ke laut, bau busuk sampai permukiman.

Salam,
Jefry Lumempouw""", kab="Kota Bitung", subj="Limbah cair pabrik ikan di pelabuhan Bitung", rep="jefry.l@example.id"),
c("tondano", "sms", "03-03 09:00", "lingkungan", "eceng gondok di danau tondano so tutup samua, nelayan nyanda bisa tangkap ikan", kab="Kab. Minahasa", lang="manado"),
c("kotamobagu", "web", "03-04 10:00", "pajak", "Kenaikan NJOP di Kotamobagu membuat PBB sawah warga naik tiga kali lipat. Banyak petani tidak sanggup bayar.", kab="Kota Kotamobagu", rep="phone"),
c("sangihe", "social", "03-05 13:00", "perhubungan", "Kapal Manado - Tahuna batal lagi karena cuaca, tapi tiket tra dikembalikan 😤 #Sangihe", kab="Kab. Kepulauan Sangihe", rep="@sangihe_muda"),
c("morowali", "email", "03-06 10:00", "ketenagakerjaan", """Yth. Disnakertrans Provinsi Sulawesi Tengah,

Pekerja smelter di kawasan industri di Kecamatan Bahodopi bekerja 12 jam tanpa alat pelindung diri memadai; dua rekan kami mengalami luka bakar minggu lalu tanpa penanganan K3 yang layak.

Hormat kami,
Serikat Pekerja Bahodopi""", kab="Kab. Morowali", kec="Bahodopi", subj="K3 pekerja smelter di Bahodopi", rep="sp.bahodopi@example.id"),
c("poso", "sms", "03-07 08:00", "pendidikan", "sd di desa kami di poso pesisir atapnya bocor smua, anak2 blajar pake payung", kab="Kab. Poso", kec="Poso Pesisir"),
c("luwuk", "web", "03-08 11:00", "air_bersih", "Air PDAM di Luwuk hanya mengalir dua hari sekali sejak Januari.", kab="Kab. Banggai", rep="phone", note="Luwuk town: kecamatan Luwuk, Luwuk Timur, Luwuk Utara, Luwuk Selatan exist -> kab only"),
c("gowa", "sms", "03-09 10:00", "korupsi_pungli", "di kantor desa kami di bontomarannu dimintai 300rb utk urus akta jual beli, katanya biaya kades", kab="Kab. Gowa", kec="Bontomarannu", note="village office pungli"),
c("maros_bandara", "social", "03-10 07:30", "perhubungan", "Antrean taksi di Bandara Sultan Hasanuddin kacau, ojol tra boleh masuk, taksi resmi tarif nembak 😤 @AP1_Hasanuddin #Makassar", kab="Kab. Maros", kec="Mandai", rep="@traveler_mks", note="airport is in Kab. Maros (Mandai), though named with Makassar"),
c("bone", "sms", "03-11 07:00", "pertanahan", "tabe pak, tana sawah ku di bone di sertifikatkan atas nama orang lain. iye, sy punya rincik lama", kab="Kab. Bone", lang="bugis", note="Bugis-flavoured Indonesian"),
c("parepare", "web", "03-12 13:00", "ketertiban", "Tempat karaoke di pusat Kota Parepare buka sampai jam 4 pagi, suara terdengar ke permukiman.", kab="Kota Parepare", rep="phone"),
c("palopo", "email", "03-13 09:00", "pendidikan", """Yth. Dinas Pendidikan Kota Palopo,

Tunjangan sertifikasi guru triwulan IV tahun lalu belum dibayarkan kepada guru SD di Palopo hingga Maret ini.

Hormat kami,
PGRI Cabang""", kab="Kota Palopo", subj="Tunjangan sertifikasi guru belum cair", rep="pgri.palopo@example.id", note="teacher allowance -> pendidikan (school staffing) by convention"),
c("rantepao", "social", "03-14 10:00", "infrastruktur", "Jalan Rantepao - Batutumonga longsor, wisatawan tra bisa lewat 🚧 @pemkabtorut #Toraja", kab="Kab. Toraja Utara", rep="@toraja_trip"),
c("bulukumba", "sms", "03-15 06:00", "lingkungan", "pasir pantai bira diambil truk tiap malam, abrasi makin parah", kab="Kab. Bulukumba"),
c("sorowako", "web", "03-16 14:00", "lingkungan", "Air Danau Matano di sekitar Sorowako mulai keruh kemerahan setelah hujan, diduga sedimen tambang.", kab="Kab. Luwu Timur", desa="Sorowako", rep="phone"),
c("baubau", "sms", "03-17 09:00", "kesehatan", "puskesmas di baubau tutup jam 11 siang, pasien disuruh balik bsk", kab="Kota Baubau"),
c("morosi", "social", "03-18 16:00", "lingkungan", "Debu dari kawasan smelter Morosi bikin atap rumah warga merah semua 😷 @pemkabkonawe #Konawe", kab="Kab. Konawe", kec="Morosi", rep="@konawe_bersuara"),
c("wakatobi", "web", "03-19 09:00", "energi", "Listrik di Wangi-Wangi Wakatobi hanya menyala 12 jam sehari, penginapan wisata rugi.", kab="Kab. Wakatobi", kec="Wangi-Wangi", rep="phone"),
c("limboto", "sms", "03-20 08:00", "sosial", "tanta sy janda lansia di limboto so nyanda dapa bantuan sembako dari thn lalu", kab="Kab. Gorontalo", kec="Limboto", lang="gorontalo_malay"),
c("pohuwato", "email", "03-21 10:00", "lingkungan", """Yth. Polda Gorontalo,

Tambang emas ilegal di wilayah Pohuwato merusak hutan lindung dan mencemari sungai dengan merkuri. Warga hilir khawatir.

Hormat kami,
Aliansi Peduli Pohuwato""", kab="Kab. Pohuwato", subj="Tambang emas ilegal dan merkuri di Pohuwato", rep="aliansi.pohuwato@example.id"),
c("mamuju", "web", "03-22 09:00", "infrastruktur", "Jembatan di poros Mamuju - Kalukku retak setelah gempa kecil minggu lalu, truk besar masih diizinkan lewat.", kab="Kab. Mamuju", rep="phone"),
c("polman", "sms", "03-23 10:00", "korupsi_pungli", "sekolah smp negeri di polewali minta uang perpisahan 400rb wajib, kalo tidak ijazah ditahan", kab="Kab. Polewali Mandar"),
c("majene", "social", "03-24 08:00", "telekomunikasi", "Di pegunungan Majene sinyal tra ada, anak-anak ujian online harus naik bukit 📶 #Majene", kab="Kab. Majene", rep="@majene_hebat"),
c("masohi", "web", "03-25 11:00", "kependudukan", "Dukcapil Maluku Tengah di Masohi meminta kami kembali ke kecamatan untuk urus KK, padahal kecamatan bilang harus ke Masohi.", kab="Kab. Maluku Tengah", kec="Kota Masohi", rep="phone", note="Masohi = kecamatan Kota Masohi"),
c("tual", "sms", "03-26 09:00", "perhubungan", "kapal pelni ke tual telat 3 hr, penumpang tidur di pelabuhan. seng ada info", kab="Kota Tual", lang="ambon"),
c("dobo", "email", "03-27 08:00", "kesehatan", """Yth. Dinas Kesehatan Kabupaten Kepulauan Aru,

Stok vaksin dasar di Puskesmas Dobo kosong sejak Februari; bayi di desa kami belum mendapat imunisasi campak.

Salam,
Bidan Desa""", kab="Kab. Kepulauan Aru", subj="Stok vaksin dasar kosong", rep="bidan.aru@example.id"),
c("buru", "social", "03-28 14:00", "lingkungan", "Gunung Botak Buru masih penuh penambang liar, air sungai tercemar sianida 😡 #Buru", kab="Kab. Buru", rep="@anak_buru"),
c("weda", "web", "03-29 10:00", "ketenagakerjaan", "Pekerja lokal di kawasan industri Weda digaji lebih rendah daripada pekerja asing untuk posisi yang sama, dan lembur tidak dibayar.", kab="Kab. Halmahera Tengah", kec="Weda", rep="phone", note="'kawasan industri Weda' taken as kecamatan Weda"),
c("halsel", "sms", "03-30 08:00", "infrastruktur", "jalan di bacan rusak parah, mobil tara bisa lewat klo hujan", kab="Kab. Halmahera Selatan", lang="ternate_malay", note="Bacan = island with several kecamatan (Bacan, Bacan Timur, ...) -> kab only"),
c("tidore", "social", "03-31 09:00", "air_bersih", "Air PDAM di Tidore Kepulauan keruh skali, tara bisa pake masak @pemkottidore", kab="Kota Tidore Kepulauan", rep="@tidore_bangkit"),
c("sentani", "web", "04-01 10:00", "perhubungan", "Bagasi penumpang di Bandara Sentani sering hilang dan tidak ada layanan komplain yang jelas.", kab="Kab. Jayapura", kec="Sentani", rep="phone", note="landmark Bandara Sentani"),
c("biak", "sms", "04-02 08:00", "kependudukan", "ktp sa hilang, urus di dukcapil biak katanya blanko habis. sa tra bisa ambil bantuan", kab="Kab. Biak Numfor", lang="papua"),
c("keerom", "email", "04-03 09:00", "pertanahan", """Yth. Kantor Pertanahan Kabupaten Keerom,

Tanah ulayat marga kami di Arso dipatok oleh perusahaan sawit tanpa pelepasan adat yang sah.

Hormat kami,
Dewan Adat Marga""", kab="Kab. Keerom", subj="Tanah ulayat dipatok perusahaan sawit", rep="dewan.adat.keerom@example.id", note="Arso: kecamatan Arso, Arso Timur and Arso Barat exist -> kab only"),
c("manokwari", "web", "04-04 10:00", "air_bersih", "Air PDAM di Manokwari mati berhari-hari, warga Sanggeng membeli air tangki.", kab="Kab. Manokwari", desa="Sanggeng", rep="phone"),
c("bintuni", "sms", "04-05 09:00", "ketenagakerjaan", "anak asli bintuni susah diterima kerja di proyek gas, yg diterima dari luar smua", kab="Kab. Teluk Bintuni", lang="papua"),
c("fakfak", "social", "04-06 11:00", "energi", "Minyak tanah di Fakfak langka, mama-mama tra bisa masak 😔 #Fakfak", kab="Kab. Fakfak", rep="@fakfak_kota_pala", lang="papua"),
c("merauke", "web", "04-07 08:00", "pertanahan", "Tanah adat suku Marind di wilayah Merauke dibuka untuk proyek pangan tanpa persetujuan masyarakat adat.", kab="Kab. Merauke", rep="phone"),
c("bovendigoel", "sms", "04-08 10:00", "pendidikan", "guru di distrik kami boven digoel tra datang 3 bulan, sekolah kosong", kab="Kab. Boven Digoel", lang="papua"),
c("nabire", "email", "04-09 09:00", "perhubungan", """Yth. UPBU Nabire,

Jadwal penerbangan perintis Nabire - pedalaman dibatalkan berulang tanpa pengembalian tiket.

Hormat saya,
Yosias Pigai""", kab="Kab. Nabire", subj="Pembatalan penerbangan perintis tanpa refund", rep="yosias.pigai@example.id"),
c("paniai", "sms", "04-10 08:00", "kesehatan", "di paniai puskesmas kosong petugas, mama hamil melahirkan di rumah", kab="Kab. Paniai", lang="papua"),
c("wamena", "web", "04-11 09:00", "lainnya", "Harga semen di Wamena Rp 800 ribu per sak karena angkutan udara, program BBM satu harga juga tidak berlaku di kios.", kab="Kab. Jayawijaya", kec="Wamena", rep="phone", note="prices -> lainnya"),
c("lannyjaya", "sms", "04-11 14:00", "infrastruktur", "jalan tiom ke wamena longsor, truk bama tra bisa lewat", kab="Kab. Lanny Jaya", lang="papua"),
c("yahukimo", "social", "04-12 10:00", "sosial", "Bantuan untuk korban kelaparan di Yahukimo belum sampai ke kampung-kampung 😢 @KemensosRI #Yahukimo", kab="Kab. Yahukimo", rep="@suara_yahukimo"),
c("rajaampat", "web", "04-12 12:00", "lingkungan", "Kapal pesiar membuang jangkar di terumbu karang dekat Waisai, Raja Ampat.", kab="Kab. Raja Ampat", rep="phone"),
c("sorsel", "sms", "04-13 08:00", "kependudukan", "di sorong selatan akta lahir anak sa su 3 bulan blum jadi", kab="Kab. Sorong Selatan", lang="papua"),
c("noplace_sul", "social", "04-13 10:00", "telekomunikasi", "Sinyal XL hilang sejak tadi pagi, tra bisa nelpon sama sekali 😡 @myXL", rep="@pengguna_xl", note="no place"),
]
