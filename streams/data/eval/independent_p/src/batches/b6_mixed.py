# Batch 6: mixed regions, topics that needed more lines (perizinan, pajak, pertanahan, kepolisian,
# lainnya), city nicknames, and complaints naming no place.  Written by hand.
def c(k, ch, t, top, txt, **kw):
    return dict(k=k, ch=ch, t=t, top=top, txt=txt, **kw)

R = [
# --- cluster: minimarket tanpa izin Ciasem Hilir (4) ---
c("csm1", "email", "03-09 10:00", "perizinan", """Yth. DPMPTSP Kabupaten Subang,

Kami pedagang Pasar Ciasem melaporkan berdirinya minimarket waralaba baru di Desa Ciasem Hilir yang berjarak kurang dari 100 meter dari pasar tradisional. Menurut Perda, jarak minimal 500 meter. Kami ragu bangunan itu memiliki izin usaha dan PBG.

Mohon dilakukan pemeriksaan.

Hormat kami,
Paguyuban Pedagang Pasar Ciasem
Ujang Rohman""", kab="Kab. Subang", desa="Ciasem Hilir", subj="Minimarket baru diduga tanpa izin dekat Pasar Ciasem", rep="ujang.rohman@example.id", cl="csm"),
c("csm2", "sms", "03-09 10:10", "perizinan", "punten, minimarket anyar di ciasem hilir caket pisan ka pasar, izinna aya teu? padagang pasar rugi", kab="Kab. Subang", desa="Ciasem Hilir", cl="csm", lang="sunda", note="10 minutes after the e-mail, different reporter"),
c("csm3", "social", "03-11 19:00", "perizinan", "Di Ciasem ada minimarket nempel sama pasar, padahal aturan jarak 500m 🤔 @pemkabsubang izinnya siapa yg keluarin? #Subang", kab="Kab. Subang", kec="Ciasem", rep="@warga_ciasem", cl="csm"),
c("csm4", "web", "03-19 09:00", "perizinan", "Sudah 10 hari sejak kami laporkan minimarket di dekat Pasar Ciasem yang diduga tanpa izin, bangunannya malah sudah beroperasi. Tidak ada tindakan Satpol PP maupun DPMPTSP.", kab="Kab. Subang", kec="Ciasem", rep="phone", cl="csm"),
c("pmk_mini", "web", "03-20 10:00", "perizinan", "Minimarket baru di Desa Pamanukan Hilir dibangun persis di depan pasar, apakah izinnya sudah sesuai aturan jarak?", kab="Kab. Subang", desa="Pamanukan Hilir", rep="phone", trap="csm1", note="trap: same template/kab, another desa"),
# --- cluster: SPPT PBB belum dibagikan Situ Udik (3) ---
c("su1", "web", "03-16 08:00", "pajak", "SPPT PBB 2026 warga Desa Situ Udik, Kecamatan Cibungbulang, belum dibagikan oleh desa, padahal warga lain sudah menerima. Kami khawatir kena denda.", kab="Kab. Bogor", desa="Situ Udik", rep="dedi.situudik@example.id", cl="su"),
c("su2", "sms", "03-17 13:00", "pajak", "sppt pbb di situ udik blm dibagi2 sm desa, katanya nunggu setoran dulu. bener ga sih", kab="Kab. Bogor", desa="Situ Udik", cl="su"),
c("su3", "social", "03-27 16:00", "pajak", "Udah akhir Maret SPPT PBB di Cibungbulang belum nyampe ke warga 🙄 @bapendakabbogor #PBB", kab="Kab. Bogor", kec="Cibungbulang", rep="@anak_cibungbulang", cl="su"),
c("cemplang_pbb", "sms", "03-28 09:00", "pajak", "desa cemplang jg sppt pbb blm dibagi", kab="Kab. Bogor", desa="Cemplang", trap="su2", note="trap: same kecamatan/problem, other desa"),
# --- cluster: klitih Jl. Parangtritis Kota Yogyakarta (3) ---
c("klt1", "social", "03-21 01:30", "kepolisian", "Klitih maneh neng Jalan Parangtritis, kancaku dibacok pas mulih kerja jam 1 bengi 😡 @polresta_yogya @pemkotjogja #klitih #Jogja", kab="Kota Yogyakarta", rep="@wong_jogja_asli", cl="klt", lang="jawa", note="Jl. Parangtritis crosses kecamatan -> kab only"),
c("klt2", "sms", "03-21 07:00", "kepolisian", "tadi mlm ada klitih di jl prawirotaman-parangtritis, korban mahasiswa dibacok. tlg patroli malam", kab="Kota Yogyakarta", cl="klt"),
c("klt3", "web", "03-22 10:00", "kepolisian", "Mohon Polresta Yogyakarta menambah patroli malam di sekitar Jalan Parangtritis setelah penyerangan pelajar terhadap pekerja kafe dini hari kemarin.", kab="Kota Yogyakarta", rep="sekar.ayu@example.id", cl="klt"),
# --- cluster: PTSL belum terbit Desa Tegalwaru, Cilamaya Wetan (2) ---
c("tgw1", "email", "03-18 09:00", "pertanahan", """Yth. Kantor Pertanahan Kabupaten Karawang,

Warga Desa Tegalwaru, Kecamatan Cilamaya Wetan, yang telah diukur dalam program PTSL 2024 sampai kini belum menerima sertifikat. Sebagian bidang tertulis 'K4' tanpa penjelasan.

Hormat kami,
Kepala Dusun Krajan""", kab="Kab. Karawang", kec="Cilamaya Wetan", desa="Tegalwaru", subj="Sertifikat PTSL 2024 Desa Tegalwaru belum terbit", rep="kadus.krajan@example.id", cl="tgw"),
c("tgw2", "sms", "03-25 08:00", "pertanahan", "sertifikat ptsl di desa tegalwaru karawang blm jadi2 dr 2024, warga bingung", kab="Kab. Karawang", desa="Tegalwaru", cl="tgw", note="'Desa Tegalwaru' is a desa in Cilamaya Wetan; Tegalwaru is also a kecamatan name in Karawang - confusable"),
# --- cluster: anjing liar Pecatu (2) ---
c("pct1", "social", "03-23 08:00", "lainnya", "Cicing liar akeh pesan di Pecatu, pianak tiange kagigit ibi 😢 @pemkabbadung ngiring tanganin #Bali #rabies", kab="Kab. Badung", desa="Pecatu", rep="@ketut_pecatu", cl="pct", lang="bali", note="stray dogs -> lainnya"),
c("pct2", "web", "03-24 09:30", "lainnya", "Kawanan anjing liar di sekitar Desa Pecatu, Kuta Selatan menggigit dua anak minggu ini. Mohon Dinas Pertanian melakukan vaksinasi rabies dan penertiban.", kab="Kab. Badung", desa="Pecatu", rep="phone", cl="pct"),
c("pct_smph", "sms", "03-30 08:00", "lingkungan", "sampah plastik numpuk di jalan pecatu dekat pantai, ga diangkut", kab="Kab. Badung", desa="Pecatu", trap="pct2", note="trap: same desa, different problem"),
# --- cluster: traffic light mati Simpang Jombor (4) ---
c("jmb1", "sms", "03-26 07:10", "perhubungan", "bangjo simpang jombor mati, macet parah arah magelang. ora ono polisi", kab="Kab. Sleman", kec="Mlati", cl="jmb", lang="jawa", note="bangjo = traffic light; landmark Simpang Jombor (Sinduadi, Mlati)"),
c("jmb2", "social", "03-26 07:20", "perhubungan", "Traffic light Jombor mati total pagi ini 🚦❌ semrawut parah @dishub_sleman @tmcpoldadiy #Jombor", kab="Kab. Sleman", kec="Mlati", rep="@ringroad_watch", cl="jmb"),
c("jmb3", "web", "03-27 17:00", "perhubungan", "Lampu lalu lintas di perempatan Jombor, Sinduadi, sudah dua hari mati dan menyebabkan kemacetan di ring road utara.", kab="Kab. Sleman", desa="Sinduadi", rep="budi.mlati@example.id", cl="jmb"),
c("jmb4", "email", "04-03 08:00", "perhubungan", """Yth. Kepala Dinas Perhubungan Kabupaten Sleman,

Lampu lalu lintas di Simpang Jombor yang dilaporkan warga sejak 26 Maret hingga hari ini masih mati. Kecelakaan kecil terjadi hampir setiap hari.

Hormat saya,
Agustinus Wibowo""", kab="Kab. Sleman", kec="Mlati", subj="Lampu lalu lintas Simpang Jombor belum diperbaiki", rep="agustinus.w@example.id", cl="jmb", note="follow-up 8 days later"),
c("monjali", "sms", "03-28 17:00", "perhubungan", "bangjo perempatan monjali jg mati sore iki", kab="Kab. Sleman", kec="Ngaglik", trap="jmb1", lang="jawa", note="trap: same ring road and problem, different intersection (Monjali, Sariharjo, Ngaglik)"),
# --- singletons with places ---
c("kota_kembang", "social", "03-02 16:00", "lingkungan", "Kota Kembang tapi sampahnya di mana-mana 🥲 TPS Jl. Citarum penuh seminggu @pemkotbandung #Bandung", kab="Kota Bandung", rep="@bdg_bersih", note="nickname Kota Kembang; a street name alone is not taken to determine the kecamatan"),
c("kota_pahlawan", "sms", "03-03 14:00", "perizinan", "di kota pahlawan ada reklame raksasa baru di bundaran, katanya ga ada izinnya. bahaya klo roboh", kab="Kota Surabaya", note="nickname Kota Pahlawan = Surabaya"),
c("kota_hujan", "web", "03-05 16:00", "perizinan", "Di Kota Hujan ini, vila-vila baru tanpa izin terus tumbuh di kawasan resapan. Salah satunya di Kelurahan Mulyaharja, Bogor Selatan, sudah memotong bukit.", kab="Kota Bogor", desa="Mulyaharja", rep="phone"),
c("kota_daeng", "social", "03-06 11:00", "pajak", "Pajak parkir di mal Kota Daeng sudah naik, tapi tukang parkir liar di luar mal tetap tarik 5rb 😒 @bapendamakassar", kab="Kota Makassar", rep="@mks_info", note="nickname Kota Daeng = Makassar; mixed pajak/ketertiban, labelled pajak (tax rate question)"),
c("tangsel_oss", "web", "03-07 13:00", "perizinan", "Permohonan izin usaha klinik pratama di Tangsel sudah dua bulan menunggu rekomendasi Dinkes di OSS, padahal semua syarat sudah diunggah.", kab="Tangerang Selatan", rep="dr.farah@example.id"),
c("jogja_pbg", "sms", "03-08 15:00", "perizinan", "hotel baru di kec mergangsan jogja katanya blm ada pbg tp udh 8 lantai, sumur warga asat", kab="Kota Yogyakarta", kec="Mergangsan", lang="jawa"),
c("medan_izin", "email", "03-10 16:00", "perizinan", """Yth. Dinas PMPTSP Kota Medan,

Di Jl. Setia Budi, Kecamatan Medan Sunggal, berdiri tempat usaha hiburan malam yang bersebelahan dengan sekolah dan rumah ibadah. Kami mempertanyakan izin usahanya.

Hormat kami,
Forum Warga Setia Budi""", kab="Kota Medan", kec="Medan Sunggal", subj="Izin tempat hiburan dekat sekolah", rep="forum.setiabudi@example.id"),
c("sby_pbb", "web", "03-12 10:00", "pajak", "Saya sudah membayar PBB 2025 di Kelurahan Rungkut Kidul tapi di e-PBB Surabaya masih tercatat menunggak dan dikenai denda.", kab="Kota Surabaya", desa="Rungkut Kidul", rep="phone"),
c("pkb_progresif", "sms", "03-13 09:00", "pajak", "mobil sy udh dijual 2 thn lalu tp pajak progresif msh kena di samsat bandung. udh lapor jual ga diproses", kab="Kota Bandung"),
c("bphtb_bali", "email", "03-15 09:30", "pajak", """Yth. Bapenda Kabupaten Gianyar,

Validasi BPHTB atas transaksi jual beli tanah kami di Kecamatan Sukawati sudah tiga minggu tertunda, sehingga akta PPAT tidak bisa ditandatangani.

Hormat kami,
Ni Wayan Sari""", kab="Kab. Gianyar", kec="Sukawati", subj="Validasi BPHTB tertunda tiga minggu", rep="wayan.sari@example.id"),
c("makassar_tanah", "web", "03-17 11:00", "pertanahan", "Tanah kami di Kelurahan Tamalanrea Indah diklaim pihak lain yang membawa surat garapan palsu dan memasang pagar seng. Sertifikat kami terbit 1998.", kab="Kota Makassar", desa="Tamalanrea Indah", rep="phone"),
c("lampung_tanah", "sms", "03-19 08:00", "pertanahan", "lahan kami di tulang bawang dipakai perusahaan tebu, ganti rugi blm dibayar", kab="Kab. Tulang Bawang"),
c("semarang_curanmor", "social", "03-20 07:00", "kepolisian", "Motor tetangga digondol maling dini hari di Tembalang, CCTV jelas tapi laporan di polsek lambat 😤 @polrestabes_smg #curanmor", kab="Kota Semarang", kec="Tembalang", rep="@undip_watch"),
c("batam_penipuan", "web", "03-22 14:00", "kepolisian", "Toko online di Batam menipu puluhan pembeli HP dengan modus transfer dulu, alamat tokonya di Nagoya ternyata fiktif.", kab="Kota Batam", rep="phone"),
c("bdg_dc", "sms", "03-24 20:00", "kepolisian", "motor sy dirampas debt collector di jln soekarno hatta bandung, ngaku dr leasing tp ga ada surat", kab="Kota Bandung", note="forced seizure by debt collector -> kepolisian"),
c("sunda_kepolisian", "web", "03-29 21:00", "kepolisian", "Punten Pa Pulisi, di lembur abdi di Cikalong Wetan unggal wengi aya nu nginum bari ngagorowok, sok ngaganggu awewe nu ngaliwat. Mugi dipatroli.", kab="Kab. Bandung Barat", kec="Cikalong Wetan", rep="phone", lang="sunda"),
c("haji", "email", "03-31 08:00", "lainnya", """Yth. Kantor Kementerian Agama Kabupaten Lamongan,

Orang tua kami calon jemaah haji lansia belum mendapat kepastian pelunasan dan jadwal manasik, sementara KBIH meminta biaya tambahan yang tidak jelas peruntukannya.

Hormat kami,
Keluarga calon jemaah""", kab="Kab. Lamongan", subj="Kepastian pelunasan haji lansia", rep="keluarga.cjh@example.id", note="hajj -> lainnya"),
c("pos_paket", "web", "04-01 13:00", "lainnya", "Paket kiriman dari Medan ke Kantor Pos Sibolga hilang sejak 3 minggu, tidak ada ganti rugi.", kab="Kota Sibolga", rep="phone", note="postal service -> lainnya"),
c("aceh_lainnya", "sms", "04-02 09:00", "lainnya", "gajah liar masuk kebun warga di pidie, padi habeh. BKSDA hana troh", kab="Kab. Pidie", lang="aceh", note="wildlife conflict -> lainnya"),
c("betawi_sosial", "social", "04-03 15:00", "sosial", "Ncang aye di Kampung Pulo udeh lansia, kaga dapet KJLU lagi taun ini. Padahal kaga ade yang ngurusin 😢 @DKIJakarta #KJLU", kab="Jakarta Timur", kec="Jatinegara", rep="@betawi_kp_pulo", lang="betawi", note="Kampung Pulo taken as Jatinegara"),
c("betawi_air", "sms", "04-04 06:00", "air_bersih", "aer pam di rumah aye di kel duri kepa kaga ngocor dari kemaren, kudu beli aer pikulan", kab="Jakarta Barat", desa="Duri Kepa", lang="betawi"),
c("jawa_pendidikan", "web", "04-05 10:00", "pendidikan", "Anakku ora ketampa SMP negeri cedhak omah ing Kecamatan Wonosari amarga zonasi, malah sing omahe adoh ketampa. Sistem PPDB kok ngene.", kab="Kab. Gunungkidul", kec="Wonosari", rep="phone", lang="jawa"),
c("pendidikan_bengkulu", "sms", "04-06 07:30", "pendidikan", "sd di kec kaur selatan kekurangan meja kursi, murid duduk di lantai", kab="Kab. Kaur", kec="Kaur Selatan"),
c("kependudukan_jambi", "web", "04-07 09:00", "kependudukan", "Pindah domisili dari Kota Jambi ke Muaro Jambi sudah sebulan, KK baru belum terbit karena data lama belum dilepas.", kab="Kab. Muaro Jambi", rep="phone", note="about the destination office (Muaro Jambi); Kota Jambi also named"),
c("minang_kependudukan", "sms", "04-08 08:00", "kependudukan", "ambo alah tigo kali ka disdukcapil payakumbuh, KTP alun juo jadi. baa ko iko?", kab="Kota Payakumbuh", lang="minang"),
c("solok_tk", "web", "04-09 10:00", "ketenagakerjaan", "Karyawan toko swalayan di Kota Solok bekerja 10 jam sehari dengan upah Rp 1,5 juta, jauh di bawah UMP Sumbar.", kab="Kota Solok", rep="phone"),
c("serang_tk", "sms", "04-10 09:00", "ketenagakerjaan", "buruh pabrik kimia di kec kragilan serang kena iritasi kulit, apd ga dikasih", kab="Kab. Serang", kec="Kragilan"),
c("sosial_ntt", "sms", "04-11 08:00", "sosial", "beta pung mama lansia di soe sonde dapa bantuan lai, nama hilang dari data", kab="Kab. Timor Tengah Selatan", lang="kupang"),
c("pungli_puskesmas_garut", "web", "04-11 11:00", "korupsi_pungli", "Bidan di Puskesmas Kecamatan Cisurupan meminta Rp 350.000 untuk persalinan pasien BPJS dengan alasan 'jasa tambahan'.", kab="Kab. Garut", kec="Cisurupan", rep="phone"),
c("pungli_pasar_mdn", "sms", "04-12 07:00", "korupsi_pungli", "petugas dinas pasar di pasar petisah minta uang 20rb per hari di luar retribusi resmi, pedagang takut", kab="Kota Medan", kec="Medan Petisah", note="market official pungli; landmark Pasar Petisah"),
c("pungli_kua_mks", "social", "04-12 09:00", "korupsi_pungli", "Nikah di KUA ditarik 1 juta sama petugas katanya biaya penghulu luar kantor, tanpa bukti setor 😤 @kemenag_RI #KUA #Makassar", kab="Kota Makassar", rep="@calon_manten_mks"),
# --- no place ---
c("np_oss", "web", "03-02 09:00", "perizinan", "Sistem OSS RBA menolak permohonan NIB saya karena NIK 'tidak valid', padahal KTP asli dan sudah dicek Dukcapil.", rep="umkm.kripik@example.id", note="no place"),
c("np_halal", "email", "03-03 10:00", "perizinan", """Yth. BPJPH,

Pengajuan sertifikat halal self declare untuk usaha keripik saya sudah 4 bulan berstatus 'verifikasi pendamping'. Pendamping tidak bisa dihubungi.

Terima kasih,
Lilis Suryani""", subj="Sertifikat halal self declare tertahan", rep="lilis.suryani@example.id", note="no place"),
c("np_pirt", "sms", "03-04 15:00", "perizinan", "izin pirt online sy ditolak trs tanpa alasan, pdhl syarat udh lengkap. cara nanya kemana ya", note="no place"),
c("np_npwp", "web", "03-06 12:00", "pajak", "NIK saya tidak bisa dipadankan dengan NPWP di DJP Online, selalu 'data tidak ditemukan'.", rep="phone", note="no place"),
c("np_spt", "social", "03-08 20:00", "pajak", "Bukti potong 1721-A1 dari kantor ga muncul di Coretax, mau lapor SPT jadi kurang bayar 😵 @DitjenPajakRI #Coretax", rep="@karyawan_bingung", note="no place"),
c("np_ikd", "sms", "03-10 07:00", "kependudukan", "aplikasi ikd ktp digital sy gagal aktivasi trs, qr ga kebaca", note="no place"),
c("np_bpjs_nonaktif", "web", "03-11 16:00", "kesehatan", "Kartu BPJS PBI saya tiba-tiba nonaktif saat hendak berobat, padahal tidak ada pemberitahuan apa pun.", rep="phone", note="no place"),
c("np_pip", "social", "03-13 18:00", "pendidikan", "Dana PIP anak saya katanya sudah cair di SIPINTAR tapi bank bilang rekening belum aktif 😩 @kemendikdasmen #PIP", rep="@ibu_dua_anak", note="no place"),
c("np_cekbansos", "sms", "03-14 12:00", "sosial", "cek bansos tulisannya 'proses bank himbara' sdh 3 bln, kpn cair sih", note="no place"),
c("np_mypertamina", "social", "03-15 08:00", "energi", "QR MyPertamina ditolak terus di SPBU padahal kendaraan udah terdaftar ⛽😡 @pertamina #MyPertamina", rep="@sopir_pickup", note="no place"),
c("np_tarif", "email", "03-17 12:00", "energi", """Yth. PLN,

Tagihan listrik pascabayar saya bulan Februari naik 70% tanpa perubahan pemakaian. Saya minta rincian pembacaan meter.

Hormat saya,
Wiwik Handayani""", subj="Tagihan listrik naik tidak wajar", rep="wiwik.h@example.id", note="no place"),
c("np_spam", "web", "03-18 19:00", "telekomunikasi", "Setiap hari saya ditelepon nomor asing menawarkan pinjaman dan judi online, sudah diblokir tetap ganti nomor. Operator harus bertindak.", rep="phone", note="no place"),
c("np_wa", "sms", "03-19 21:00", "kepolisian", "akun wa sy dibajak, pelaku minta uang ke semua kontak atas nama sy. tlg diusut", note="no place"),
c("np_judol", "social", "03-20 22:00", "kepolisian", "Iklan judi online masuk terus lewat SMS dan komentar IG, kenapa gak diberantas? 😤 @komdigi @DivHumas_Polri #judol", rep="@anti_judol", note="no place"),
c("np_loker", "web", "03-23 11:00", "ketenagakerjaan", "Saya tertipu lowongan kerja kapal pesiar, sudah membayar Rp 7 juta untuk 'pelatihan' lalu agennya menghilang.", rep="phone", note="no place; job-scam labelled ketenagakerjaan (recruitment) not kepolisian - borderline"),
c("np_magang", "email", "03-25 10:00", "ketenagakerjaan", """Yth. Kemnaker,

Peserta program magang nasional di perusahaan tempat saya ditempatkan tidak menerima uang saku dua bulan dan disuruh bekerja lembur.

Terima kasih,
Rizky Ananda""", subj="Uang saku peserta magang tidak dibayar", rep="rizky.ananda@example.id", note="no place"),
c("np_beras", "social", "03-26 09:00", "lainnya", "Harga beras medium sudah 16rb/kg di warung, HET katanya 13.500. Siapa yang ngawasin? 😤 @Bapanas_RI", rep="@emak_hemat", note="no place; prices -> lainnya"),
c("np_haji", "web", "03-28 10:00", "lainnya", "Estimasi keberangkatan haji saya di aplikasi berubah dari 2031 menjadi 2044 tanpa penjelasan.", rep="phone", note="no place"),
c("np_tilang", "sms", "03-29 12:00", "perhubungan", "sy dpt surat etle tilang pdhl motor di foto bkn punya sy, plat nya dipalsukan org", note="no place; ETLE -> perhubungan (traffic admin) borderline kepolisian"),
c("np_sentuh", "social", "03-30 15:00", "pertanahan", "Aplikasi Sentuh Tanahku gak bisa cek sertifikat, error terus 🙄 @kementerian_atrbpn", rep="@cek_sertifikat", note="no place"),
c("np_cpns", "email", "04-01 10:00", "korupsi_pungli", """Yth. KemenPAN-RB dan BKN,

Ada oknum yang mengaku pegawai BKN meminta Rp 150 juta untuk menjamin kelulusan PPPK dan menunjukkan 'SK palsu'. Beberapa tetangga sudah membayar.

Hormat saya,
Pelapor (mohon dirahasiakan)""", subj="Calo PPPK minta Rp 150 juta", rep="pelapor.rahasia@example.id", note="no place; claims to be an official -> korupsi_pungli (borderline fraud/kepolisian)"),
c("np_ambulans", "sms", "04-02 20:00", "kesehatan", "ambulans gratis dr desa ternyata disuruh bayar bensin 500rb, ini aturannya gmn", note="no place; unclear payer -> kesehatan"),
c("np_indihome", "web", "04-04 14:00", "telekomunikasi", "Sudah 10 hari internet IndiHome saya mati, teknisi dijanjikan datang tapi tidak pernah muncul. Tagihan tetap jalan.", rep="phone", note="no place"),
c("np_kai", "social", "04-06 12:00", "perhubungan", "Refund tiket kereta yang dibatalkan KAI sudah 30 hari belum masuk rekening 😑 @KAI121", rep="@anak_kereta", note="no place"),
c("np_kjp", "sms", "04-08 13:00", "pendidikan", "beasiswa anak sy blm cair smp skrg, sekolah bilang tunggu dinas", note="no place"),
c("np_tanah", "web", "04-09 15:00", "pertanahan", "Bagaimana prosedur balik nama sertifikat warisan jika salah satu ahli waris tinggal di luar negeri? Petugas loket memberi jawaban berbeda-beda.", rep="phone", note="no place; enquiry"),
c("np_umroh", "email", "04-10 09:00", "lainnya", """Yth. Kementerian Agama RI,

Biro perjalanan umroh yang saya bayar lunas Rp 32 juta membatalkan keberangkatan dan tidak mengembalikan dana.

Hormat saya,
Hasanah""", subj="Biro umroh gagal berangkatkan jemaah", rep="hasanah.umroh@example.id", note="no place"),
c("np_lpg", "sms", "04-12 18:00", "energi", "gas melon di pangkalan skrg wajib pake ktp & cm boleh 1 tabung, pdhl warung sy butuh 3", note="no place"),
]
