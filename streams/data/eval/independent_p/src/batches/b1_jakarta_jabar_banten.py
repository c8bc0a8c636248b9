# Batch 1: DKI Jakarta, Jawa Barat, Banten.  Written by hand.
def c(k, ch, t, top, txt, **kw):
    return dict(k=k, ch=ch, t=t, top=top, txt=txt, **kw)

JT = "Jakarta Timur"
R = [
# --- cluster: Jl. Raya Bogor depan Pasar Induk Kramat Jati berlubang (4) ---
c("pikj1", "email", "03-02 08:14", "infrastruktur", """Yth. Bapak/Ibu Petugas Bina Marga Jakarta Timur,

Dengan hormat, saya ingin melaporkan kondisi Jl. Raya Bogor ruas depan Pasar Induk Kramat Jati (arah Cililitan) yang berlubang cukup dalam di lajur kiri, sekitar 3-4 lubang berdiameter hampir satu meter. Sudah dua pengendara motor terjatuh minggu ini, terutama malam hari karena lubang tergenang air.

Mohon segera ditindaklanjuti.

Hormat saya,
Rudy Hartono
Warga Kramat Jati""", kab=JT, kec="Kramat Jati", subj="Laporan Jalan Berlubang Jl. Raya Bogor depan Pasar Induk", rep="rudy.hartono@example.id", cl="pikj"),
c("pikj2", "sms", "03-02 09:02", "infrastruktur", "lapor min jln raya bogor dpn PIKJ bolong2 gede bgt, td pgi ada ojol jatoh. tlg ditambel cpt sblm ada korban lg", kab=JT, kec="Kramat Jati", cl="pikj", note="slang SMS; PIKJ = Pasar Induk Kramat Jati"),
c("pikj2r", "sms", "03-02 09:05", "infrastruktur", "lapor min jln raya bogor dpn PIKJ bolong2 gede bgt, td pgi ada ojol jatoh. tlg ditambel cpt sblm ada korban lg", dup="pikj2", note="exact resend"),
c("pikj3", "social", "03-04 18:40", "infrastruktur", "@DKIJakarta @BinaMargaDKI ini jalan di Kel. Tengah Kramat Jati kapan diaspal? Lubangnya udah kayak kolam lele 🐟🐟 tiap ujan motor pada nyungsep #JakartaBerlubang #RayaBogor", kab=JT, desa="Tengah", rep="@bang_oji_kj", cl="pikj", note="names kelurahan Tengah, not the market"),
c("pikj4", "web", "03-11 07:30", "infrastruktur", "Assalamualaikum. Aye mau nanyain lagi nih soal lobang di Raya Bogor deket pasar induk, udeh seminggu lebih aye lapor kok belom ditambel juge. Kemaren malem ade nyang jatoh lagi, bocah SMA. Tolong dong pak, jangan nunggu ade nyang mati dulu.", kab=JT, kec="Kramat Jati", rep="081399120044", cl="pikj", lang="betawi", note="Betawi follow-up 9 days later"),
c("cakung_jln", "sms", "03-05 06:50", "infrastruktur", "jl raya bekasi km 23 kel rawa terate cakung ancur aspalnya, truk kontainer lewat trs. mohon perbaikan", kab=JT, desa="Rawa Terate", trap="pikj1", note="trap: same city, road damage, different street/kecamatan"),
# --- cluster: TPST Bantargebang (4) ---
c("bgb1", "email", "03-03 10:20", "lingkungan", """Kepada Yth. Dinas Lingkungan Hidup Kota Bekasi

Perihal: Pencemaran air lindi dari TPST Bantargebang

Dengan hormat,
Kami warga RW 04 Kelurahan Ciketing Udik, Kecamatan Bantargebang, menyampaikan bahwa sejak awal bulan air lindi dari zona timbunan TPST meluap ke saluran warga dan Kali Asem. Sumur warga berubah warna kekuningan dan berbau. Beberapa anak mengalami gatal-gatal.

Kami mohon dilakukan uji kualitas air dan perbaikan kolam penampungan lindi.

Terima kasih.
Hj. Nur Aisyah
Ketua RW 04""", kab="Kota Bekasi", desa="Ciketing Udik", subj="Pencemaran air lindi TPST Bantargebang ke sumur warga", rep="nuraisyah.rw04@example.id", cl="bgb"),
c("bgb2", "social", "03-03 21:15", "lingkungan", "Bau sampah dari Bantargebang makin parah gaes 🤢 air sumur di rumah nenek udah kuning, bau amis. @pemkotbekasi tolong cek dong #bantargebang #lindi", kab="Kota Bekasi", kec="Bantargebang", rep="@dita_bksi", cl="bgb", note="landmark TPST named only by place name"),
c("bgb3", "sms", "03-06 14:02", "lingkungan", "sy warga jl pangkalan 5 ciketing, air limbah smph meluber ke got & sumur, anak2 pd gatel. kpn ditangani", kab="Kota Bekasi", desa="Ciketing Udik", cl="bgb", note="street + short kelurahan name"),
c("bgb4", "web", "03-16 09:45", "lingkungan", "Sudah hampir dua minggu sejak warga RW 04 melapor soal air lindi TPST Bantargebang yang masuk ke sumur, belum ada petugas DLH yang datang mengambil sampel. Kondisi makin buruk setelah hujan deras Sabtu kemarin. Mohon tindak lanjut.", kab="Kota Bekasi", kec="Bantargebang", rep="nuraisyah.rw04.alt@example.id", cl="bgb", note="follow-up 13 days later; TPST Bantargebang landmark"),
c("kranji_smph", "social", "03-07 07:12", "lingkungan", "Sampah di TPS samping Pasar Kranji udah 4 hari gak diangkut, meluber sampe jalan 😷 @pemkotbekasi #BekasiBersih", kab="Kota Bekasi", kec="Bekasi Barat", rep="@kranji_update", trap="bgb2", note="trap: same city, garbage, different place (Pasar Kranji, Bekasi Barat)"),
# --- cluster: PDAM Tirta Pakuan mati di Kedung Badak (3) ---
c("tp1", "web", "03-04 05:40", "air_bersih", "Air PDAM Tirta Pakuan di Perumahan Bogor Baru blok C, Kel. Kedung Badak, Tanah Sareal, mati total sejak Senin malam. Tidak ada pemberitahuan sama sekali. Mohon informasi kapan normal kembali.", kab="Kota Bogor", desa="Kedung Badak", rep="bimo.kedungbadak@example.id", cl="tp"),
c("tp2", "sms", "03-04 12:33", "air_bersih", "pdam kedungbadak mati dr senen blm ngalir2, udh beli air galon 3x. tlg dong", kab="Kota Bogor", desa="Kedung Badak", cl="tp"),
c("tp3", "social", "03-05 08:10", "air_bersih", "Punten @tirtapakuan, cai di Tanah Sareal tos 3 dinten teu ngocor 😭 abdi kedah ngangsu ka masjid unggal subuh. Iraha atuh normal deui? #BogorKering", kab="Kota Bogor", kec="Tanah Sareal", rep="@neng_sari_bgr", cl="tp", lang="sunda", note="Sundanese"),
c("tp_tagihan", "web", "03-09 10:00", "air_bersih", "Tagihan PDAM rumah saya di Kedung Badak bulan ini Rp 1,2 juta padahal biasanya Rp 120 ribu. Meteran tidak pernah dicek petugas, sepertinya ditembak. Mohon dikoreksi.", kab="Kota Bogor", desa="Kedung Badak", rep="081280441276", trap="tp1", note="trap: same kelurahan and utility, different problem (bill)"),
# --- cluster: pungli Samsat Cikokol (2) ---
c("ckk1", "email", "03-05 13:05", "korupsi_pungli", """Yth. Tim Saber Pungli Provinsi Banten,

Saya melaporkan adanya permintaan uang tambahan Rp 150.000 oleh petugas loket cek fisik di Samsat Kota Tangerang (Cikokol) saat saya mengurus mutasi kendaraan pada 4 Maret 2026. Petugas mengatakan tanpa "uang gesek" berkas saya tidak bisa diproses hari itu. Tidak ada kuitansi.

Mohon ditindak.

Salam,
Andreas Wijaya""", kab="Kota Tangerang", desa="Cikokol", subj="Pungutan liar di loket cek fisik Samsat Cikokol", rep="andreas.wijaya@example.id", cl="ckk"),
c("ckk2", "social", "03-12 16:22", "korupsi_pungli", "Masih aja ya di Samsat Cikokol cek fisik dimintain 100rb \"biar cepet\" 🙄 padahal udah bayar resmi. @saberpungli @bantenprov #pungli #samsat", kab="Kota Tangerang", desa="Cikokol", rep="@ferdi_tng", cl="ckk"),
c("ckk_tangsel", "social", "03-13 11:00", "korupsi_pungli", "Di Samsat Ciputat juga sama, perpanjang STNK 5 tahunan dimintain 100rb buat gesek nomor rangka 🙄 @saberpungli #pungli #samsat", kab="Tangerang Selatan", kec="Ciputat", rep="@nadia_ciputat", trap="ckk2", note="trap: same template, other office (Samsat Ciputat, Tangsel)"),
# --- cluster: banjir Dayeuhkolot (3) ---
c("dyk1", "sms", "03-06 04:55", "lingkungan", "bnjr dayeuhkolot lg, citarum luber, air smpe dada di kampung bojongasih. warga blm dpt perahu", kab="Kab. Bandung", kec="Dayeuhkolot", cl="dyk"),
c("dyk2", "social", "03-06 07:30", "lingkungan", "Dayeuhkolot caah deui 😢 cai tos dugi ka dada di Bojongasih, seueur sepuh nu teu acan dievakuasi. @BPBDKabBandung @jabarprov #banjirbandung", kab="Kab. Bandung", kec="Dayeuhkolot", rep="@kang_dedi_dyk", cl="dyk", lang="sunda"),
c("dyk3", "email", "03-08 09:10", "lingkungan", """Kepada Yth. BPBD Kabupaten Bandung

Dengan hormat, banjir luapan Sungai Citarum yang melanda Desa Citeureup dan sekitarnya sejak Jumat dini hari hingga kini belum surut. Bantuan logistik baru sampai di posko masjid, sementara warga RW 07 masih bertahan di lantai dua tanpa air bersih.

Mohon bantuan perahu karet dan distribusi logistik.

Wassalam,
Asep Saepudin""", kab="Kab. Bandung", desa="Citeureup", subj="Permohonan bantuan korban banjir Citarum", rep="asep.saepudin@example.id", cl="dyk", note="names desa Citeureup (Dayeuhkolot)"),
c("blndh", "sms", "03-20 05:30", "lingkungan", "bnjr di andir baleendah air selutut msk rmh, tlg dikirim bantuan", kab="Kab. Bandung", kec="Baleendah", trap="dyk1", note="trap: same kab, flood, neighbouring kecamatan two weeks later"),
# --- cluster: penumpukan penumpang Stasiun Manggarai (2) ---
c("mgr1", "social", "03-09 07:48", "perhubungan", "Manggarai pagi ini chaos banget 😫 transit ke arah Bekasi numpuk sampai tangga, KRL telat 25 menit tanpa info. @CommuterLine #KRL #Manggarai", kab="Jakarta Selatan", kec="Tebet", rep="@anakkrl_bks", cl="mgr", note="landmark: Stasiun Manggarai (Tebet)"),
c("mgr2", "web", "03-09 08:20", "perhubungan", "Mohon perhatian pengelola Stasiun Manggarai, pagi ini jalur 10-11 sangat padat, petugas pengatur arus tidak ada, penumpang berdesakan di peron dan hampir ada yang terdorong ke rel.", kab="Jakarta Selatan", kec="Tebet", rep="lina.pratiwi@example.id", cl="mgr"),
c("mgr_lift", "web", "03-14 12:00", "perhubungan", "Lift di Stasiun Manggarai sisi peron atas sudah seminggu mati, pengguna kursi roda dan lansia harus digotong naik tangga. Tolong diperbaiki.", kab="Jakarta Selatan", kec="Tebet", rep="081511230987", trap="mgr2", note="trap: same place, different problem"),
# --- cluster: PHK tanpa pesangon pabrik Cikarang Utara (3) ---
c("ckr1", "email", "03-10 11:00", "ketenagakerjaan", """Yth. Disnaker Kabupaten Bekasi,

Saya bersama sekitar 180 buruh PT Sinar Garmindo (nama samaran) di Desa Pasirgombong, Cikarang Utara, diberhentikan sepihak per 28 Februari 2026 tanpa pesangon dan tanpa surat PHK resmi. Upah Februari juga belum dibayar penuh.

Kami mohon mediasi dari Disnaker.

Hormat kami,
Suryani (perwakilan buruh)""", kab="Kab. Bekasi", desa="Pasirgombong", subj="PHK sepihak tanpa pesangon 180 buruh", rep="suryani.buruh@example.id", cl="ckr"),
c("ckr2", "sms", "03-10 19:40", "ketenagakerjaan", "kmi buruh pabrik garmen di cikarang utara di phk tnp pesangon, gaji feb blm lunas. tlg disnaker turun", kab="Kab. Bekasi", kec="Cikarang Utara", cl="ckr"),
c("ckr3", "social", "03-17 13:25", "ketenagakerjaan", "Udah seminggu lebih kami demo di depan pabrik Pasirgombong, Disnaker @pemkabbekasi belum juga manggil perusahaan. 180 orang nganggur tanpa pesangon ✊ #BuruhBekasi", kab="Kab. Bekasi", desa="Pasirgombong", rep="@serikat_ckr", cl="ckr"),
c("ckr_thr", "sms", "03-24 20:00", "ketenagakerjaan", "pt tmpt sy kerja di cikarang barat blm bayar thr pdhl udh h-7, katanya dicicil. ini bener?", kab="Kab. Bekasi", kec="Cikarang Barat", trap="ckr2", note="trap: same kab, labour issue, different company/kecamatan/problem"),
# --- cluster: sinyal hilang Pulau Pramuka (2) ---
c("prm1", "web", "03-11 15:00", "telekomunikasi", "Sudah 5 hari sinyal seluler di Pulau Pramuka hilang total, kami tidak bisa menghubungi puskesmas atau keluarga di darat. BTS di dekat dermaga sepertinya mati.", kab="Kepulauan Seribu", desa="Pulau Panggang", rep="081290017733", cl="prm", note="Pulau Pramuka lies in Kel. Pulau Panggang"),
c("prm2", "social", "03-13 09:05", "telekomunikasi", "Halo @Telkomsel, di Kepulauan Seribu Utara udah hampir seminggu no signal 📵 nelayan ga bisa lapor cuaca. #PulauPramuka", kab="Kepulauan Seribu", kec="Kepulauan Seribu Utara", rep="@ikan_pramuka", cl="prm"),
# --- cluster: atap SDN Pondok Cina ambruk (2) ---
c("pcn1", "email", "03-12 07:35", "pendidikan", """Yth. Kepala Dinas Pendidikan Kota Depok,

Atap dua ruang kelas SDN Pondok Cina 1 (Kec. Beji) ambruk sebagian pada Rabu pagi. Beruntung kejadian sebelum siswa masuk. Kini 60 siswa belajar bergantian di musala. Kami mohon rehabilitasi segera.

Salam hormat,
Komite Sekolah
Bambang Irawan""", kab="Kota Depok", desa="Pondok Cina", subj="Atap ruang kelas SDN Pondok Cina 1 ambruk", rep="komite.sdnpc1@example.id", cl="pcn"),
c("pcn2", "social", "03-19 17:00", "pendidikan", "Seminggu sejak atap kelas ambruk, anak saya masih belajar di musala. Sekolah deket kampus UI, bukan di pelosok lho @pemkotdepok 😤 #Depok #pendidikan", kab="Kota Depok", rep="@mama_rafa_dpk", cl="pcn", note="school only implied; 'dekat kampus UI' spans Beji/Pondok Cina area but not enough for kecamatan -> kab only"),
# --- singletons ---
c("tabang_pkl", "social", "03-02 11:30", "ketertiban", "Trotoar depan Blok G Pasar Tanah Abang abis dipake PKL, pejalan kaki turun ke jalan 🚶‍♀️🚗 @satpolpp_dki #TanahAbang", kab="Jakarta Pusat", kec="Tanah Abang", rep="@jalan_kaki_jkt"),
c("kldr_term", "sms", "03-03 22:10", "perhubungan", "terminal kalideres malem2 lampu mati, bus akap ngetem sembarangan, byk calo tiket", kab="Jakarta Barat", kec="Kalideres"),
c("mangke", "web", "03-05 09:00", "lingkungan", "Limbah oli dan sampah plastik menumpuk di kolam pelabuhan Muara Angke, bau menyengat sampai permukiman Kel. Pluit. Mohon dibersihkan.", kab="Jakarta Utara", desa="Pluit", rep=None),
c("kalibaru_listrik", "sms", "03-06 19:20", "energi", "listrik kalibaru cilincing padam dr jam 3 sore, udh 4 jam blm nyala. plnnya ditelpon ga diangkat", kab="Jakarta Utara", desa="Kalibaru"),
c("betawi_preman", "web", "03-07 20:10", "kepolisian", "Pak polisi, di Jl. Kramat Raya deket Senen tiap malem ade preman nyang malakin pedagang kaki lima, minta goceng ampe ceban tiap lapak. Kalo kaga dikasih gerobak ditendangin. Kite takut, tolong ditindak.", kab="Jakarta Pusat", kec="Senen", rep="081387654120", lang="betawi", note="extortion by preman -> kepolisian"),
c("cbn_blanko", "sms", "03-09 10:45", "kependudukan", "disdukcapil kab bogor di cibinong blanko ktp kosong lg, udh 3x bolak balik. kpn ada?", kab="Kab. Bogor", kec="Cibinong"),
c("cbn_calo", "email", "03-10 08:30", "korupsi_pungli", """Yth. Inspektorat Kabupaten Bogor,

Saya melaporkan praktik percaloan di Disdukcapil Kabupaten Bogor (Cibinong). Seorang oknum berseragam menawarkan KTP-el jadi dalam satu hari dengan membayar Rp 300.000, sementara antrean normal diberi tahu blanko habis.

Mohon diselidiki.

Hormat saya,
Dimas Pratama""", kab="Kab. Bogor", kec="Cibinong", subj="Oknum Disdukcapil Cibinong minta Rp 300 ribu untuk KTP-el", rep="dimas.pratama@example.id", trap="cbn_blanko", note="trap: same office, blanko shortage vs pungli"),
c("rsud_cbn", "web", "03-10 14:00", "kesehatan", "Ibu saya pasien BPJS ditolak IGD RSUD Cibinong dengan alasan kamar penuh, padahal kondisi sesak napas. Kami disuruh cari RS lain sendiri. Mohon evaluasi pelayanan.", kab="Kab. Bogor", kec="Cibinong", rep="ratna.dewi@example.id"),
c("skck_depok", "sms", "03-11 08:05", "korupsi_pungli", "bikin skck di polres depok dimintain 50rb sm petugas loket katanya biar jadi hr ini. resminya kan 30rb", kab="Kota Depok", note="police SKCK pungli; Polres Depok not reduced to a kecamatan"),
c("begal_juanda", "social", "03-12 23:40", "kepolisian", "Baru aja temen gue dibegal di Jl. Juanda Depok deket flyover, HP sama motor dibawa 😡 @polresdepok tolong patroli malem #begal #Depok", kab="Kota Depok", rep="@rio_depok99"),
c("gunput_pabrik", "email", "03-13 10:15", "lingkungan", """Yth. DLH Kabupaten Bogor,

Sebuah pabrik pengolahan plastik di Desa Wanaherang, Kecamatan Gunung Putri, membakar limbah setiap malam sekitar pukul 23.00. Asap hitam masuk ke rumah warga; banyak balita batuk.

Mohon dilakukan inspeksi.

Terima kasih,
Yusuf Maulana""", kab="Kab. Bogor", desa="Wanaherang", subj="Pembakaran limbah plastik pabrik di Wanaherang", rep="yusuf.maulana@example.id"),
c("sunda_jalan_garut", "sms", "03-14 06:30", "infrastruktur", "punten, jalan ka desa sukarame kec karangpawitan ruksak pisan, loba liang, barudak sakola sok labuh. mugi enggal dibenerkeun", kab="Kab. Garut", kec="Karangpawitan", lang="sunda", note="Sundanese SMS; kec named"),
c("kua_garut", "web", "03-15 09:20", "korupsi_pungli", "Waktu mendaftar nikah di KUA Kecamatan Tarogong Kidul kami diminta Rp 1.500.000 oleh petugas untuk nikah di rumah, tanpa kuitansi dan tanpa setor ke bank. Setahu saya biaya resmi Rp 600 ribu via bank.", kab="Kab. Garut", kec="Tarogong Kidul", rep="085722310045"),
c("tasik_pkh", "sms", "03-16 11:10", "sosial", "ema abdi lansia di cigalontang teu kenging pkh deui ti taun kamari, padahal leres-leres teu mampu. kumaha ieu?", kab="Kab. Tasikmalaya", kec="Cigalontang", lang="sunda"),
c("cianjur_rumah", "web", "03-17 10:00", "sosial", "Bantuan stimulan rumah rusak pascagempa di Kec. Cugenang belum diterima 12 KK di kampung kami, padahal sudah diverifikasi dua kali.", kab="Kab. Cianjur", kec="Cugenang", rep="081321556677"),
c("skbm_pantai", "social", "03-18 15:45", "lingkungan", "Pantai Palabuhanratu penuh sampah kiriman setelah hujan, turis pada balik kanan 😞 @pemkabsukabumi #Palabuhanratu", kab="Kab. Sukabumi", kec="Palabuhanratu", rep="@surf_pelabuhanratu"),
c("indramayu_irigasi", "sms", "03-19 07:15", "infrastruktur", "saluran irigasi di desa lohbener jebol, sawah kering kebanjiran sebelah. mohon pu turun", kab="Kab. Indramayu", desa="Lohbener"),
c("cirebon_pasar", "email", "03-20 08:40", "korupsi_pungli", """Yth. Walikota Cirebon,

Pedagang Pasar Kanoman dimintai "uang keamanan" Rp 10.000 per hari oleh oknum petugas UPT Pasar di luar retribusi resmi yang sudah dibayar. Yang menolak diancam dipindah lapaknya.

Hormat kami,
Paguyuban Pedagang Kanoman
H. Taufik""", kab="Kota Cirebon", subj="Pungutan di luar retribusi resmi Pasar Kanoman", kec="Lemahwungkuk", rep="paguyuban.kanoman@example.id", note="market official pungli; landmark Pasar Kanoman (Lemahwungkuk)"),
c("pwk_pbg", "web", "03-21 13:00", "perizinan", "Di Jl. Ipik Gandamanah Purwakarta sedang dibangun ruko 4 lantai yang katanya belum punya PBG, sudah menutup saluran air warga. Mohon dicek izinnya.", kab="Kab. Purwakarta", rep="hendra.s@example.id"),
c("krw_kiic", "sms", "03-22 17:50", "perhubungan", "macet parah tiap sore di pintu tol karawang barat arah kiic, lampu merah mati, ga ada petugas", kab="Kab. Karawang"),
c("bdg_antapani", "social", "03-23 19:00", "energi", "Gelap gulita di Antapani euy, PLN pareum ti jam 5 sonten 🕯️ @pln_jabar iraha hurung deui? #Bandung", kab="Kota Bandung", kec="Antapani", rep="@teh_rini_antapani", lang="sunda"),
c("bdg_dago", "web", "03-24 21:30", "ketertiban", "Setiap malam minggu di Jl. Ir. H. Juanda (Dago) atas ada balap liar sampai jam 3 pagi, suara knalpot brong sangat mengganggu warga Dago.", kab="Kota Bandung", desa="Dago", rep="081220998877"),
c("cimahi_smp", "email", "03-25 08:00", "korupsi_pungli", """Yth. Dinas Pendidikan Kota Cimahi,

Di SMPN di Kecamatan Cimahi Tengah, orang tua siswa baru diwajibkan membeli seragam dan LKS dari koperasi sekolah seharga Rp 1.350.000, disampaikan wali kelas sebagai syarat daftar ulang.

Mohon penertiban.

Salam,
Orang tua siswa (nama dirahasiakan)
Wulan""", kab="Kota Cimahi", kec="Cimahi Tengah", subj="Pungutan seragam dan LKS wajib di SMP negeri", rep="wulan.ortu@example.id"),
c("bogor_krl_noplace", "social", "03-26 07:05", "perhubungan", "Aplikasi Access by KAI error terus tiap mau beli tiket, udah 3 hari 😤 @KAI121 #KAI", rep="@traveler_bdg", note="no place"),
c("tng_cipondoh", "web", "03-27 10:10", "perizinan", "Tower BTS baru didirikan di tengah permukiman RT 03/RW 05 Kel. Poris Plawad Indah, Cipondoh, tanpa sosialisasi dan warga tidak pernah memberi persetujuan. Apakah sudah ada izinnya?", kab="Kota Tangerang", desa="Poris Plawad Indah", rep="irma.cipondoh@example.id", note="permit for tower -> perizinan, not telekomunikasi"),
c("soetta", "email", "03-28 06:20", "perhubungan", """Yth. Pengelola Bandara Soekarno-Hatta,

Skybridge menuju Terminal 3 tidak berfungsi sejak pukul 04.00 dan shuttle pengganti hanya satu unit. Penumpang penerbangan pagi banyak yang hampir tertinggal pesawat.

Terima kasih,
Yohanes Purba""", kab="Kota Tangerang", kec="Benda", subj="Skybridge Terminal 3 Soetta tidak berfungsi", rep="yohanes.purba@example.id", note="landmark: Bandara Soekarno-Hatta (Benda, Kota Tangerang)"),
c("merak", "sms", "03-29 23:55", "perhubungan", "antrian truk di plbhn merak udh 6 jam, kapal cuma 2 yg jalan. gmn ini asdp", kab="Kota Cilegon", kec="Pulomerak", note="landmark: Pelabuhan Merak"),
c("merak_pungli", "web", "03-30 02:10", "korupsi_pungli", "Sopir truk di Pelabuhan Merak dimintai Rp 50.000 oleh oknum petugas di pintu timbang agar bisa masuk kapal lebih dulu. Ini terjadi tiap malam.", kab="Kota Cilegon", kec="Pulomerak", rep="phone", trap="merak", note="trap: same place (Merak), different problem (pungli vs queue)"),
c("srg_kota", "social", "03-31 12:00", "ketertiban", "Alun-alun Kota Serang sekarang jadi parkiran liar, jukir minta 5rb padahal tarif 2rb 😒 @pemkotserang #Serang", kab="Kota Serang", rep="@urang_serang", note="jukir overcharging -> ketertiban"),
c("pdg_sd", "sms", "04-01 08:30", "pendidikan", "sd negeri di kec cikeusik guru honornya cm dtg 2x seminggu, murid dibiarin main. tlg diperhatiin", kab="Kab. Pandeglang", kec="Cikeusik"),
c("lebak_jembatan", "web", "04-02 09:00", "infrastruktur", "Jembatan gantung penghubung Desa Sindangwangi ke pasar di Kecamatan Muncang putus sejak banjir, anak sekolah menyeberang sungai pakai rakit.", kab="Kab. Lebak", kec="Muncang", rep="081911223344"),
c("balaraja_tanah", "email", "04-03 10:30", "pertanahan", """Yth. Kepala Kantor Pertanahan Kabupaten Tangerang,

Tanah warisan orang tua kami seluas 2.400 m2 di Desa Talagasari, Kecamatan Balaraja, tiba-tiba terbit sertifikat atas nama pihak lain yang tidak kami kenal. Kami memiliki girik dan SPPT PBB sejak 1985.

Mohon dilakukan pemeriksaan warkah.

Hormat kami,
Keluarga Alm. H. Sanusi""", kab="Kab. Tangerang", desa="Talagasari", kec="Balaraja", subj="Sertifikat ganda atas tanah warisan di Talagasari", rep="kel.sanusi@example.id"),
c("pamulang_pbb", "web", "04-04 11:20", "pajak", "PBB rumah saya di Pamulang Barat naik dari Rp 480 ribu jadi Rp 1,6 juta tanpa ada perubahan bangunan. Bagaimana cara mengajukan keberatan?", kab="Tangerang Selatan", desa="Pamulang Barat", rep="joko.p@example.id"),
c("bsd_listrik", "social", "04-05 20:15", "energi", "Listrik di Serpong padam lagi, ini ketiga kalinya minggu ini ⚡ @pln_123 @infotangsel #Serpong", kab="Tangerang Selatan", kec="Serpong", rep="@bsd_resident"),
c("jkt_pinjol", "web", "04-06 09:00", "kepolisian", "Saya diteror debt collector pinjol ilegal, foto KTP saya disebar ke semua kontak dengan kata-kata fitnah. Padahal saya tidak pernah meminjam di aplikasi tersebut.", rep="putri.an@example.id", note="no place"),
c("jkn_app", "social", "04-07 13:40", "kesehatan", "Aplikasi Mobile JKN gagal terus pas mau ambil antrean faskes, OTP ga pernah masuk 😩 @BPJSKesehatanRI #MobileJKN", rep="@sinta_ayuu", note="no place"),
c("kip_kuliah", "email", "04-08 10:00", "pendidikan", """Yth. Puslapdik Kemendikdasmen,

KIP Kuliah saya semester ini belum cair padahal status di SIM KIP sudah "ditetapkan" sejak Januari. Kampus meminta saya membayar UKT sendiri terlebih dahulu.

Mohon informasi.

Hormat saya,
Agung Setiawan""", subj="KIP Kuliah belum cair semester genap", rep="agung.setiawan@example.id", note="no place"),
c("coretax", "web", "04-09 08:15", "pajak", "Tidak bisa login Coretax sejak pagi, padahal batas lapor SPT tahunan sudah dekat. Error 'sesi tidak valid' terus.", rep=None, note="no place"),
c("bekasi_krl", "sms", "04-10 06:40", "perhubungan", "krl dr stasiun bekasi gangguan lg, penumpang numpuk smp luar peron. tiap senin bgni", kab="Kota Bekasi", note="landmark Stasiun Bekasi; kecamatan not coded (station sits on a kecamatan border, unsure)"),
c("sawangan_sampah", "web", "04-11 07:00", "lingkungan", "Lahan kosong di Jl. Raya Muchtar, Sawangan Baru dijadikan tempat buang sampah liar, sering dibakar malam hari.", kab="Kota Depok", desa="Sawangan Baru", rep="phone"),
c("parung_jalan", "social", "04-12 16:30", "infrastruktur", "Jalan Raya Parung - Bogor ruas Parung kayak habis dibom 💣 lobang semua. @pemkabbogor kapan dibenerin? #Parung", kab="Kab. Bogor", kec="Parung", rep="@ojolparung"),
]
