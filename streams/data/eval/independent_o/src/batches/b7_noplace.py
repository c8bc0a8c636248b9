from common import C, R
N = None
C('np1', 'sms', '03-02 09:41', 'lainnya', N, 'tes tes, ini nomor pengaduan yg bener kan? mau lapor',
  note='test message, no content or place')
C('np2', 'web', '03-02 13:15', 'pajak', N,
  'Saya tidak bisa login ke Coretax untuk lapor SPT Tahunan, selalu muncul "NIK belum terpadan dengan NPWP". Padahal sudah dipadankan tahun lalu.',
  note='national system, no place')
C('np3', 'email', '03-03 11:00', 'kependudukan', N,
  'Yth. Ditjen Dukcapil,\n\nAplikasi Identitas Kependudukan Digital (IKD) saya tidak bisa diaktivasi karena verifikasi wajah selalu gagal. Mohon solusi tanpa harus datang ke kantor.\n\nTerima kasih,\nRatna',
  subj='Aktivasi IKD gagal terus')
C('np4', 'social', '03-03 22:30', 'kepolisian', N,
  'Debt collector pinjol ilegal nyebar foto KTP saya ke semua kontak & ngancem 😭 @DivHumas_Polri @OJKindonesia tolong',
  note='illegal online loan threats = kepolisian')
C('np5', 'sms', '03-04 15:20', 'energi', N,
  'token listrik sy udh dibeli tp pas dimasukin "reject" trs. pln tlg, udh bunyi tit tit',
  note='prepaid meter token error; no place')
C('np6', 'web', '03-05 10:30', 'kesehatan', N,
  'Status kepesertaan BPJS Kesehatan saya mendadak nonaktif padahal saya peserta PBI. Saya baru tahu saat berobat. Bagaimana cara mengaktifkan kembali?',)
C('np7', 'email', '03-05 16:00', 'perizinan', N,
  'Yth. Kementerian Investasi/BKPM,\n\nSistem OSS RBA sejak tiga hari tidak bisa menerbitkan NIB, selalu error 500 saat submit. Usaha kami tertunda.\n\nHormat kami,\nCV Maju Bersama',
  subj='OSS error saat penerbitan NIB')
C('np8', 'social', '03-06 12:45', 'telekomunikasi', N,
  'Kuota 50GB baru beli 3 hari udah habis padahal ga dipake streaming 🤔 @Telkomsel kok bisa? #kuotahilang',)
C('np9', 'sms', '03-07 08:00', 'sosial', N,
  'cek bansos d web kemensos nama sy gk muncul lg, pdhl bln lalu msh trima. knp ya',)
C('np10', 'web', '03-07 14:10', 'pendidikan', N,
  'Situs pendaftaran PPDB provinsi tidak bisa diakses sejak pagi hari pertama pendaftaran. Orang tua panik karena sistem zonasi berdasarkan waktu.',
  note='province unnamed -> no place')
C('np11', 'social', '03-08 07:20', 'lainnya', N,
  'Admin kok laporan saya 2 minggu statusnya "diproses" terus ya? 🙄 @lapor_go_id',
  note='complaint about the complaint system')
C('np12', 'email', '03-08 19:30', 'ketenagakerjaan', N,
  'Yth. BPJS Ketenagakerjaan,\n\nPengajuan klaim JHT saya melalui aplikasi JMO ditolak dua kali dengan alasan "data tidak sesuai" tanpa penjelasan data mana. Mohon bantuan.\n\nSalam,\nIwan',
  subj='Klaim JHT ditolak tanpa penjelasan')
C('np13', 'sms', '03-09 11:45', 'telekomunikasi', N,
  'sy dpt sms penipuan "anda menang undian 100jt", nomernya 0813xxxx. tlg diblokir operator',
  note='scam SMS report')
C('np14', 'web', '03-10 08:40', 'pertanahan', N,
  'Bagaimana prosedur mengubah sertifikat tanah analog ke sertifikat elektronik? Apakah wajib dan apakah ada biaya?',
  note='question, no place')
C('np15', 'social', '03-10 20:50', 'lainnya', N,
  'Mantap pelayanan call center 110 tadi, cepat responnya 👍',
  note='praise; mentions police but not a police complaint')
C('np16', 'sms', '03-11 07:10', 'kependudukan', N,
  'Mas, KTP digital kula ra iso login, kode aktivasi ora tau teko. piye carane?',
  lang='Javanese (ngoko)', note='Javanese; IKD app')
C('np17', 'email', '03-11 15:30', 'pajak', N,
  'Yth. Ditjen Pajak,\n\nSaya dikenai sanksi denda telat lapor SPT padahal bukti penerimaan elektronik menunjukkan saya melapor sebelum 31 Maret tahun lalu. Mohon pembatalan STP.\n\nHormat saya,\nLina',
  subj='Keberatan atas STP denda telat lapor')
C('np18', 'web', '03-12 12:20', 'korupsi_pungli', N,
  'Saat ditilang di jalan, petugas menawarkan "damai" Rp200.000 tanpa surat tilang. Saya tidak tahu nama petugasnya. Apakah ini bisa dilaporkan?',
  note='no place given; roadside bribe = korupsi_pungli')
C('np19', 'social', '03-13 09:00', 'kesehatan', N,
  'Obat hipertensi di faskes BPJS sekarang cuma dikasih untuk 7 hari, harus bolak balik tiap minggu 😓 @BPJSKesehatanRI',)
C('np20', 'sms', '03-13 16:40', 'lainnya', N,
  'Wrong number? sy tdk pernah lapor apa2, knp dpt sms konfirmasi laporan?',
  note='confused recipient')
C('np21', 'web', '03-14 10:05', 'sosial', N,
  'Anak saya penyandang autis. Bagaimana cara mendapatkan Kartu Penyandang Disabilitas dan apakah bisa dapat bantuan terapi?',)
C('np22', 'email', '03-14 21:00', 'telekomunikasi', N,
  'Yth. Komdigi,\n\nNomor saya diblokir karena dianggap belum registrasi, padahal sudah registrasi dengan NIK sendiri sejak 2018. Gerai operator meminta saya membeli kartu baru.\n\nSalam,\nHendro',
  subj='Nomor diblokir padahal sudah registrasi')
C('np23', 'sms', '03-15 13:30', 'pajak', N,
  'mau tny pajak motor bs dbyr d samsat mana aja gk? sy ktp luar kota',
  note='question, "luar kota" is no place')
C('np24', 'social', '03-16 08:30', 'ketenagakerjaan', N,
  'Lowongan kerja ke luar negeri di grup FB minta transfer 5 juta buat "biaya visa", ternyata penipuan 😡 @BP2MI_RI hati2 semua',
  note='fraudulent overseas job offer; labelled ketenagakerjaan')
C('np25', 'web', '03-16 19:10', 'perizinan', N,
  'Saya ingin membuka usaha katering rumahan. Izin apa saja yang diperlukan selain NIB, apakah perlu sertifikat laik higiene?',
  note='question')
C('np26', 'sms', '03-17 09:20', 'kesehatan', N,
  'Kang, kartu BPJS abdi teu tiasa dianggo di klinik, saurna nunggak. Padahal tos dibayar unggal bulan.',
  lang='Sundanese', note='Sundanese; no place')
C('np27', 'email', '03-18 14:45', 'lainnya', N,
  'Yth. Bapak/Ibu,\n\nSaya ingin mengusulkan agar portal pengaduan menyediakan pilihan bahasa daerah dan fitur unggah video. Terima kasih.\n\nSalam,\nYudi',
  subj='Usulan fitur portal pengaduan', note='suggestion, not a complaint')
C('np28', 'social', '03-18 23:10', 'energi', N,
  'Tagihan listrik pascabayar bulan ini naik 2x lipat padahal pemakaian sama aja 😤 @pln_123 tolong cek meteran',)
C('np29', 'web', '03-19 08:15', 'pendidikan', N,
  'Nilai rapor anak saya di aplikasi e-rapor berbeda dengan rapor cetak. Sekolah bilang itu kesalahan sistem dinas.',)
C('np30', 'sms', '03-20 10:30', 'sosial', N,
  'sy korban kebakaran rmh, smua dokumen hbs. ada bantuan dr dinsos gk? hrs lapor kmn',)
C('np31', 'social', '03-20 18:20', 'lainnya', N,
  'Kenapa sih tiap lapor selalu dijawab "sudah diteruskan ke instansi terkait" 😒 udah itu doang',
  note='meta complaint')
C('np32', 'web', '03-21 09:50', 'kependudukan', N,
  'Saya menikah siri dan ingin menambahkan anak ke KK. Apakah bisa tanpa buku nikah? Dukcapil di tempat saya bilang tidak bisa.',
  note='"di tempat saya" names no place')
C('np33', 'email', '03-22 13:40', 'pertanahan', N,
  'Yth. Kementerian ATR/BPN,\n\nAplikasi Sentuh Tanahku tidak bisa menampilkan peta bidang tanah saya meskipun NIB tanah sudah terdaftar. Mohon bantuan teknis.\n\nHormat saya,\nFirman',
  subj='Aplikasi Sentuh Tanahku tidak menampilkan bidang')
C('np34', 'sms', '03-23 07:40', 'lainnya', N,
  'pak sy mau tny jadwal sidang isbat, wkt puasa kapan? makasih',
  note='off-topic question')
C('np35', 'social', '03-23 21:30', 'kepolisian', N,
  'Akun WA saya dibajak, penipu minta uang ke teman2 saya atas nama saya 😭 @CyberPolri tolong',
  note='cybercrime = kepolisian')
C('np36', 'web', '03-24 14:20', 'perhubungan', N,
  'Aplikasi tiket kereta jarak jauh menampilkan kursi tersedia, namun saat bayar muncul "kursi telah terjual" dan saldo sudah terpotong.',)
C('np37', 'sms', '03-25 12:00', 'pajak', N,
  'Npwp sy dipake org lain buat faktur pajak, sy dpt tagihan pdhl gk punya usaha. tlg djp',)
C('np38', 'email', '03-26 08:20', 'perizinan', N,
  'Yth. BPOM,\n\nPengajuan izin edar PIRT untuk produk keripik saya sudah 3 bulan tanpa kabar, padahal sudah lulus penyuluhan keamanan pangan.\n\nHormat saya,\nSusi',
  subj='Izin PIRT belum terbit', note='PIRT is issued by the regency; no place named')
C('np39', 'social', '03-26 19:40', 'lainnya', N,
  'Follow back dong min 🙏 @lapor_go_id',
  note='spam / not a complaint')
C('np40', 'web', '03-27 10:10', 'sosial', N,
  'Ayah saya ODGJ sering keluar rumah dan hilang berhari-hari. Apakah ada panti atau layanan rehabilitasi sosial gratis?',)
C('np41', 'sms', '03-27 16:30', 'ketertiban', N,
  'tetangga sy bikin hajatan tutup jln 3 hr pk sound horeg smp mlm. boleh gk sih?',
  note='no place; "sound horeg" = loud sound systems')
C('np42', 'web', '03-28 09:00', 'infrastruktur', N,
  'Jalan di depan rumah saya di Jl. Sudirman berlubang besar dan sudah lama tidak diperbaiki. Mohon segera ditangani.',
  note='Jl. Sudirman exists in many cities: no place determined')
C('np43', 'social', '03-28 12:15', 'air_bersih', N,
  'Air PDAM ngalir cuma jam 2 pagi, itupun kecil banget 😑 capek begadang nampung air',
  note='no place')
R('np4', 12)
R('np20', 5, text='Wrong number? sy tdk pernah lapor apa2, knp dpt sms konfirmasi laporan??')
