from common import C, R
MKS = 'Kota Makassar'
# ---- Sulawesi Selatan
C('mk1', 'social', '03-03 17:20', 'kepolisian', MKS + ' > kec:Ujung Pandang > desa:Losari',
  'Di Pantai Losari banyak pak ogah sama juru parkir paksa minta doi, kalo nda dikasih na gores ki motorta 😤 @pemkotmakassar #Makassar',
  cl='F-losari', lang='Makassar Malay', note='Makassar Malay: "doi" = money, "-ki/-ta" clitics; pak ogah extorting with threats = extortion by non-officials -> kepolisian')
C('mk2', 'web', '03-04 10:00', 'kepolisian', MKS + ' > kec:Ujung Pandang > desa:Losari',
  'Sekelompok "pak ogah" di sekitar anjungan Pantai Losari, Kelurahan Losari, memaksa pengendara memberi uang dan mengancam merusak kendaraan. Mohon Satpol PP dan polisi menertibkan.',
  cl='F-losari')
C('mk3', 'sms', '03-06 19:10', 'kepolisian', MKS + ' > kec:Ujung Pandang',
  'pak ogah d losari makin brani, ank sy dimintai 10rb, kl gk ksh diancam. tlg ditertibkn',
  cl='F-losari')
C('mk4', 'web', '03-05 09:30', 'kepolisian', MKS + ' > kec:Ujung Pandang > desa:Losari',
  'Dompet dan HP saya dicopet saat makan pisang epe di Pantai Losari tadi malam. Sudah melapor ke SPKT tapi belum ada tindak lanjut.',
  trap='mk2', note='trap: same place, different problem (pickpocketing, kepolisian)')
C('mk5', 'email', '03-08 08:20', 'pendidikan', MKS + ' > kec:Tamalanrea',
  'Yth. Rektor Universitas Hasanuddin,\n\nPencairan beasiswa KIP Kuliah semester ini terlambat tiga bulan. Banyak mahasiswa di Tamalanrea tidak bisa membayar kos.\n\nHormat kami,\nBEM',
  subj='Keterlambatan pencairan KIP Kuliah', note='campus Unhas in Tamalanrea')
C('mk6', 'sms', '03-11 13:00', 'air_bersih', MKS + ' > kec:Panakkukang > desa:Tamamaung',
  'air pdam d tamamaung mati 4 hr, mau mandi susah skali. kapan mi nyala?',
  cl='F-tamamaung', lang='Makassar Malay', note='Makassar Malay "mi"')
C('mk7', 'social', '03-12 09:15', 'air_bersih', MKS + ' > kec:Panakkukang',
  'Panakkukang kering, air PDAM nda mengalir mi 5 hari 😩 @pdammakassar kodong #Makassar',
  cl='F-tamamaung', lang='Makassar Malay', note='"kodong" = pity')
C('mk8', 'web', '03-14 14:40', 'korupsi_pungli', 'Kabupaten Maros > kec:Mandai',
  'Oknum petugas avsec di Bandara Sultan Hasanuddin meminta uang Rp100.000 agar bagasi berlebih saya lolos tanpa biaya resmi.',
  note='airport lies in Kec. Mandai, Maros')
C('mk9', 'web', '03-16 11:50', 'pertanahan', 'Kabupaten Gowa > kec:Somba Opu',
  'Tanah kami di Somba Opu sudah bersertifikat tapi dikuasai pihak lain yang membawa surat rincik palsu. Mohon BPN Gowa melakukan mediasi.',)
C('mk10', 'sms', '03-19 08:40', 'korupsi_pungli', 'Kabupaten Bone',
  'bantuan beras 10 kg d desa kmi d bone dipotong jd 7 kg sm prangkat. kasian warga miskin',
  note='aid cut by village officials = korupsi_pungli (embezzlement), not sosial')
C('mk11', 'social', '03-22 20:00', 'telekomunikasi', 'Kabupaten Toraja Utara',
  'Signal di Toraja Utara hilang tiap hujan, padahal mau kirim tugas 😭 @Telkomsel #Toraja',)
# ---- Sulawesi Utara
C('mn1', 'social', '03-07 08:00', 'lingkungan', 'Kota Manado > kec:Wenang > desa:Calaca',
  'Sampah di Pasar Bersehati so bertumpuk sampe di jalan, bau skali 🤢 @pemkotmanado kapan mo angka? #Manado',
  cl='F-bersehati', lang='Manado Malay', note='Manado Malay: "so" = already, "mo angka" = will lift')
C('mn2', 'web', '03-08 10:30', 'lingkungan', 'Kota Manado > kec:Wenang > desa:Calaca',
  'Sampah pasar di kawasan Pasar Bersehati, Kelurahan Calaca, Kecamatan Wenang, tidak diangkut selama empat hari dan mulai menyumbat drainase.',
  cl='F-bersehati')
C('mn3', 'sms', '03-10 06:30', 'lingkungan', 'Kota Manado > kec:Wenang',
  'sampah d bersehati blm diangkat, so pe bau. torang pedagang rugi',
  cl='F-bersehati', lang='Manado Malay', note='"torang" = we')
C('mn4', 'web', '03-12 15:30', 'perhubungan', 'Kota Manado > kec:Mapanget',
  'Tidak ada angkutan umum resmi dari Bandara Sam Ratulangi setelah pukul 21.00, penumpang dipaksa taksi gelap.',)
C('mn5', 'sms', '03-17 18:50', 'energi', 'Kota Bitung',
  'lampu mati trus d bitung, so 3 kali hr ni. ikan di freezer so busuk',
  lang='Manado Malay', note='Manado Malay')
C('mn6', 'email', '03-21 09:10', 'perizinan', 'Kabupaten Minahasa Utara > kec:Likupang Timur',
  'Yth. DPMPTSP Minahasa Utara,\n\nPermohonan izin usaha penginapan kami di kawasan Likupang belum diproses selama empat bulan karena menunggu rekomendasi dinas pariwisata. Mohon percepatan.\n\nHormat kami,\nPemilik homestay',
  subj='Permohonan izin penginapan belum diproses')
# ---- Sulawesi Tengah
C('pl1s', 'web', '03-09 07:30', 'sosial', 'Kota Palu > kec:Mantikulore > desa:Talise',
  'Penyintas gempa di huntara Talise masih menunggu huntap yang dijanjikan. Atap huntara bocor dan air bersih terbatas.',
  note='post-disaster housing = sosial')
C('pl2s', 'sms', '03-15 10:20', 'ketenagakerjaan', 'Kabupaten Morowali',
  'kerja d smelter morowali shift 12 jam, lembur gk dibyr, apd kurang. tlg disnaker',)
C('pl3s', 'social', '03-20 13:00', 'infrastruktur', 'Kabupaten Parigi Moutong',
  'Jembatan di Parigi Moutong putus diterjang banjir, anak sekolah nyebrang sungai pakai tali 😰 @kemenpupr',)
# ---- Sulawesi Tenggara
C('kd1s', 'web', '03-10 12:00', 'ketertiban', 'Kota Kendari > kec:Mandonga',
  'Pedagang di sekitar Pasar Mandonga berjualan di badan jalan sehingga jalan utama macet setiap sore.',
  cl='F-mandonga')
C('kd2s', 'social', '03-11 17:30', 'ketertiban', 'Kota Kendari > kec:Mandonga > desa:Mandonga',
  'Macet parah depan Pasar Mandonga, lapak sampe tengah jalan 😩 @pemkotkendari #Kendari',
  cl='F-mandonga')
C('kd3s', 'email', '03-18 08:00', 'lingkungan', 'Kabupaten Konawe Utara',
  'Yth. DLH Provinsi Sulawesi Tenggara,\n\nAktivitas tambang nikel di Konawe Utara membuat sungai dan pesisir berwarna merah kecoklatan. Rumput laut warga mati. Mohon penindakan.\n\nHormat kami,\nNelayan pesisir',
  subj='Pencemaran akibat tambang nikel')
C('kd4s', 'sms', '03-23 19:30', 'kesehatan', 'Kota Bau Bau',
  'rsud baubau kekurangan obat, kami disuruh beli sndri d apotek luar pdhl bpjs',)
# ---- Gorontalo
C('gt1', 'web', '03-13 09:40', 'energi', 'Kota Gorontalo',
  'Pemadaman bergilir di Kota Gorontalo terjadi hampir tiap hari selama dua minggu tanpa jadwal yang jelas.',)
C('gt2', 'sms', '03-19 11:10', 'korupsi_pungli', 'Kabupaten Gorontalo',
  'urus sertifikat prona d kntor desa kab gorontalo dimintai 1 jt, kl gk bayar gk diukur',
  note='PTSL/prona pungli at village office')
C('gt3', 'social', '03-24 16:00', 'pendidikan', 'Kabupaten Pohuwato',
  'SD di desa kami di Pohuwato cuma 2 guru untuk 6 kelas 😢 @Kemdikbud_RI #Gorontalo',)
# ---- Sulawesi Barat
C('sb1b', 'web', '03-12 08:10', 'infrastruktur', 'Kabupaten Mamuju > kec:Kalukku',
  'Jalan trans Sulawesi di Kalukku, Mamuju, amblas sebagian akibat longsor. Kendaraan harus bergantian satu jalur.',)
C('sb2b', 'sms', '03-21 07:50', 'kependudukan', 'Kabupaten Polewali Mandar',
  'ktp el sy hilang, urus ulang d dukcapil polman disuruh bawa srt kehilangan dr polisi dl. kl udh ada brp lama?',)
C('sb3b', 'email', '03-25 10:30', 'kesehatan', 'Kabupaten Majene',
  'Yth. Dinas Kesehatan Kabupaten Majene,\n\nAmbulans desa di wilayah kami rusak sejak Desember sehingga ibu hamil harus dibawa dengan mobil bak terbuka ke puskesmas. Mohon perhatian.\n\nSalam,\nBidan desa',
  subj='Ambulans desa rusak')
# ---- Maluku
C('am1', 'social', '03-05 11:40', 'ketertiban', 'Kota Ambon > kec:Sirimau',
  'Pasar Mardika su macet parah, pedagang jualan di jalan, angkot seng bisa lewat 😤 @pemkotambon beta mau pi kantor terlambat trus #Ambon',
  cl='F-mardika', lang='Ambon Malay', note='Ambon Malay: "su" = already, "seng" = not, "beta" = I')
C('am2', 'web', '03-06 09:00', 'ketertiban', 'Kota Ambon > kec:Sirimau',
  'Kawasan Pasar Mardika di Kecamatan Sirimau macet setiap pagi karena pedagang berjualan di badan jalan dan angkot berhenti sembarangan.',
  cl='F-mardika')
C('am3', 'sms', '03-09 08:20', 'ketertiban', 'Kota Ambon > kec:Sirimau > desa:Honipopu',
  'jalan dekat pelabuhan yos sudarso di honipopu macet karena pedagang kaki lima. tlg tertibkan',
  trap='am2', note='trap: same kecamatan and problem type, different location (port road)')
C('am4', 'sms', '03-13 21:00', 'kepolisian', 'Kota Ambon',
  'ada ana2 muda mabuk bakalai di jalan tiap malam minggu, katong takut. polisi tolong patroli',
  lang='Ambon Malay', note='"bakalai" = fight; "katong" = we')
C('am5', 'web', '03-17 14:20', 'perhubungan', 'Kabupaten Maluku Tengah',
  'Kapal perintis ke pulau kami di Maluku Tengah sudah tiga minggu tidak datang, bahan makanan mulai habis.',)
C('am6', 'email', '03-22 10:00', 'pendidikan', 'Kota Tual',
  'Yth. Dinas Pendidikan Kota Tual,\n\nTunjangan guru honorer di sekolah kami belum dibayar sejak Januari. Mohon kejelasan jadwal pembayaran.\n\nHormat kami,\nGuru honorer',
  subj='Tunjangan guru honorer belum dibayar')
# ---- Maluku Utara
C('tr1', 'social', '03-08 14:00', 'air_bersih', 'Kota Ternate > kec:Kota Ternate Tengah > desa:Gamalama',
  'Air PDAM di Gamalama so 3 hari tra mengalir, torang beli air galon trus 😩 @pemkotternate #Ternate',
  cl='F-gamalama', lang='Ternate Malay', note='North Moluccan Malay: "tra" = not')
C('tr2', 'web', '03-09 16:00', 'air_bersih', 'Kota Ternate > kec:Kota Ternate Tengah > desa:Gamalama',
  'Pasokan air PDAM di Kelurahan Gamalama, Ternate Tengah, terhenti sejak tiga hari tanpa pengumuman.',
  cl='F-gamalama')
C('tr3', 'sms', '03-18 09:30', 'ketenagakerjaan', 'Kabupaten Halmahera Tengah',
  'sy buruh tambang nikel d weda, kontrak diputus sepihak tnp pesangon. tlg disnaker malut',)
C('tr4', 'web', '03-23 12:30', 'kependudukan', 'Kabupaten Halmahera Utara > kec:Tobelo',
  'Pencetakan KTP-el di Disdukcapil Halmahera Utara di Tobelo terhenti karena blangko habis sudah sebulan.',)
# ---- Papua
C('jp1', 'social', '03-10 10:00', 'ketertiban', 'Kota Jayapura > kec:Abepura > desa:Vim',
  'Di Pasar Youtefa mama-mama Papua jualan di lantai, tempat dorang dipake pedagang dari luar 😔 @pemkotjayapura tolong atur baik #Jayapura',
  cl='F-youtefa', lang='Papua Malay', note='Papua Malay: "dorang" = they')
C('jp2', 'web', '03-11 08:00', 'ketertiban', 'Kota Jayapura > kec:Abepura > desa:Vim',
  'Penataan lapak di Pasar Youtefa tidak adil: pedagang mama-mama Papua ditempatkan di lantai parkiran sementara los diisi pedagang lain. Mohon penataan ulang.',
  cl='F-youtefa', note='market stall allocation labelled ketertiban (market order)')
C('jp3', 'sms', '03-14 07:40', 'perhubungan', 'Kabupaten Jayapura > kec:Sentani',
  'taksi d bandara sentani tarif sembarang, ke abepura minta 400rb. sa tra mampu bayar',
  lang='Papua Malay', note='Papua Malay "sa" = I; named place Abepura is destination, airport in Sentani')
C('jp4', 'web', '03-16 09:20', 'energi', 'Kota Jayapura > kec:Jayapura Selatan > desa:Hamadi',
  'Listrik di Hamadi padam setiap malam pukul 19.00-22.00 sudah seminggu, padahal tidak ada jadwal pemadaman.',)
C('pp1', 'social', '03-12 19:30', 'kesehatan', 'Kabupaten Jayawijaya > kec:Wamena',
  'RSUD Wamena kehabisan obat malaria, pasien disuruh beli di apotek mahal 😢 @KemenkesRI #Wamena',)
C('pp2', 'sms', '03-18 13:10', 'energi', 'Kabupaten Jayawijaya > kec:Wamena',
  'bbm d wamena mahal skali, premium 50rb/liter, pertamina kosong trus. kam tolong kitorang',
  lang='Papua Malay', note='Papua Malay "kitorang"; fuel price')
C('mm1', 'web', '03-13 11:20', 'ketenagakerjaan', 'Kabupaten Mimika > kec:Mimika Baru > desa:Timika Jaya',
  'Karyawan kontraktor di Timika dirumahkan tanpa gaji sejak Februari dan tidak ada kepastian dipanggil kembali.',)
C('mm2', 'sms', '03-20 15:40', 'kepolisian', 'Kabupaten Mimika',
  'ada pemalakan di jln ke pelabuhan pomako, sopir dimintai 50rb sm kelompok pemuda. polisi tlg',
  note='extortion by non-officials = kepolisian')
C('nb1p', 'web', '03-17 10:10', 'pendidikan', 'Kabupaten Nabire',
  'Sekolah di kampung kami di Nabire kekurangan guru, kadang sebulan tidak ada kegiatan belajar.',)
C('mr1', 'email', '03-15 08:30', 'pertanahan', 'Kabupaten Merauke',
  'Yth. Pemerintah Kabupaten Merauke,\n\nTanah ulayat marga kami di Merauke masuk areal proyek perkebunan tanpa musyawarah adat dan tanpa pelepasan hak. Mohon penghentian sementara.\n\nHormat kami,\nPerwakilan marga',
  subj='Tanah ulayat masuk areal proyek')
C('mr2', 'sms', '03-22 14:30', 'telekomunikasi', 'Kabupaten Merauke',
  'sinyal di distrik kami di merauke tra ada, mo telpon harus ke kota. tolong bangun tower',
  lang='Papua Malay', note='Papua Malay "tra"; "distrik" = kecamatan, unnamed')
C('mw1', 'web', '03-19 12:00', 'air_bersih', 'Kabupaten Manokwari > kec:Manokwari Barat > desa:Sanggeng',
  'Air PDAM di Sanggeng keruh dan berbau sejak hujan deras, warga terpaksa menampung air hujan.',)
C('sg1', 'social', '03-09 13:50', 'perhubungan', 'Kota Sorong > kec:Sorong > desa:Remu Utara',
  'Jalan depan Bandara DEO Remu macet parah, angkot ngetem sembarang 😤 @pemkotsorong #Sorong',
  note='Bandara DEO in Kel. Remu Utara')
C('sg2', 'sms', '03-21 18:10', 'korupsi_pungli', 'Kabupaten Raja Ampat',
  'masuk kawasan raja ampat ditarik 2 kali, 1 resmi 1 lg sm oknum pegawai dinas tanpa karcis',
  note='double charge by official = pungli')
C('kr1', 'web', '03-26 13:30', 'infrastruktur', 'Kabupaten Keerom',
  'Jalan penghubung antar kampung di Keerom rusak berat dan berlumpur, hasil kebun warga tidak bisa diangkut ke pasar.',)
C('bi1', 'sms', '03-16 20:20', 'sosial', 'Kabupaten Biak Numfor',
  'mama sa di biak lansia sendiri, tra pernah dapat bantuan. tolong dinsos data ulang',
  lang='Papua Malay', note='Papua Malay')
R('mk3', 2)
R('tr1', 9, text='Air PDAM di Gamalama so 3 hari tra mengalir, torang beli air galon trus 😩😩 @pemkotternate #Ternate')
R('pp2', 4)
