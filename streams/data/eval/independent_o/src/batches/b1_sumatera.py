from common import C, R
# ---- Aceh
C('ac1', 'email', '03-02 08:12', 'korupsi_pungli', 'Kota Banda Aceh',
  'Yth. Ombudsman / Pemko Banda Aceh,\n\nSaya ingin melaporkan adanya permintaan uang Rp150.000 oleh seorang petugas loket Disdukcapil Banda Aceh untuk mempercepat pencetakan KTP-el anak saya. Tanpa uang itu kami diminta kembali "bulan depan". Tidak ada kuitansi. Mohon ditindaklanjuti.\n\nHormat saya,\nT. Rizal',
  subj='Permintaan uang pencetakan KTP-el di Disdukcapil', note='pungli at Dukcapil, not kependudukan')
C('ac2', 'web', '03-03 07:40', 'air_bersih', 'Kota Banda Aceh > kec:Baiturrahman > desa:Peuniti',
  'Sudah empat hari air PDAM Tirta Daroy tidak mengalir ke rumah kami di Gampong Peuniti, Kecamatan Baiturrahman. Tidak ada pemberitahuan sama sekali. Kami terpaksa beli air galon untuk mandi.',
  cl='A-peuniti')
C('ac3', 'social', '03-03 19:05', 'air_bersih', 'Kota Banda Aceh > desa:Peuniti',
  'Ka peut uroe ie PDAM hana jak u rumoh kamoe di Peuniti 😩 @pdamtirtadaroy pue na yang urus? #BandaAceh',
  cl='A-peuniti', lang='Acehnese', note='Acehnese; same outage as web report')
C('ac4', 'sms', '03-05 06:58', 'air_bersih', 'Kota Banda Aceh > desa:Peuniti',
  'pdam peuniti mati lg udh 5 hr, kpn nyala pak? wrga dkt mesjid raya udh gk ada air smua',
  cl='A-peuniti', note='slang SMS; landmark Masjid Raya nearby')
C('ac5', 'web', '03-09 10:21', 'infrastruktur', 'Kabupaten Aceh Utara > kec:Lhoksukon',
  'Jalan lintas di Lhoksukon, Aceh Utara, ada lubang besar sepanjang 200 meter dekat simpang pasar. Jalan nyoe ka reuloh that, sering na kecelakaan kereta (motor) malam-malam. Mohon segera diaspal.',
  lang='Acehnese (mixed)', note='Acehnese-Indonesian mix; "kereta" = motorbike in Aceh')
C('ac6', 'sms', '03-11 12:30', 'energi', 'Kota Lhokseumawe',
  'gas melon d lhokseumawe langka bgt, pangkalan blg hbs trs, di pengecer 35rb. tolong disidak',
  note='LPG 3kg = gas melon')
C('ac7', 'social', '03-14 15:42', 'perhubungan', 'Kabupaten Aceh Besar > kec:Blang Bintang',
  'Turun di Bandara SIM Blang Bintang jam 11 malam, bus DAMRI ke kota udah gak ada, taksi minta 250rb 🙃 @kemenhub151 tolong dong jadwal transportasi dari bandara',
  note='airport Sultan Iskandar Muda named by local shorthand')
# ---- Sumatera Utara
C('md1', 'social', '03-04 11:15', 'perhubungan', 'Kota Medan > kec:Medan Petisah',
  'Bah, parkir kereta di Pajak Petisah sekarang 10 ribu, lae! Jukirnya gak pake karcis pulak. @pemkomedan ini resmi atau apa? #Medan #parkirliar',
  cl='A-petisah', lang='Medan Malay', note='"pajak" = market and "kereta" = motorbike in Medan; not a tax complaint')
C('md2', 'email', '03-05 09:02', 'perhubungan', 'Kota Medan > kec:Medan Petisah > desa:Petisah Tengah',
  'Kepada Yth. Dinas Perhubungan Kota Medan,\n\nDi sekitar Pasar Petisah, Kelurahan Petisah Tengah, Kecamatan Medan Petisah, juru parkir memungut Rp10.000 untuk sepeda motor tanpa karcis retribusi resmi. Mohon penertiban juru parkir tidak resmi di lokasi tersebut.\n\nTerima kasih,\nRina Sembiring',
  subj='Tarif parkir tidak resmi di Pasar Petisah', cl='A-petisah')
C('md3', 'sms', '03-07 17:20', 'perhubungan', 'Kota Medan > kec:Medan Petisah',
  'jukir psr petisah mintak 10rb tnp karcis, kl gk mau dibentak. tlg dishub medan',
  cl='A-petisah')
C('md4', 'web', '03-06 13:44', 'perhubungan', 'Kota Medan > kec:Medan Sunggal > desa:Sei Sikambing B',
  'Parkir liar di depan minimarket Jl. Sunggal, Kel. Sei Sikambing B, Kec. Medan Sunggal. Padahal minimarket itu ada tulisan parkir gratis, tapi juru parkir tetap minta 5 ribu.',
  trap='md2', note='trap: same city and same kind of problem (unofficial parking) but another kecamatan')
C('md5', 'email', '03-10 08:30', 'korupsi_pungli', 'Kota Medan > kec:Medan Belawan',
  'Dengan hormat,\nKami sopir truk kontainer melaporkan adanya pungutan Rp50.000 per truk oleh oknum petugas di pintu gerbang Pelabuhan Belawan agar truk bisa masuk tanpa antre. Pungutan ini berlangsung setiap hari tanpa bukti pembayaran.\n\nSalam,\nPaguyuban Sopir Belawan',
  subj='Pungutan liar di gerbang Pelabuhan Belawan', note='pungli at a port')
C('md6', 'social', '03-12 21:10', 'energi', 'Kabupaten Samosir > kec:Pangururan',
  'Nunga tolu ari mate lampu di huta nami Pangururan 😤 Boasa ma @PLN_123 ? Dakdanak ndang boi marsiajar borngin. #Samosir',
  lang='Batak Toba', note='Batak Toba: "mate lampu" = power outage')
C('md7', 'web', '03-15 09:55', 'perhubungan', 'Kabupaten Deli Serdang > kec:Beringin',
  'Antrean taksi di Bandara Kualanamu tidak tertib, banyak calo menawarkan taksi gelap dengan harga dua kali lipat. Petugas bandara diam saja. Mohon ditertibkan.')
C('md8', 'sms', '03-16 07:12', 'kependudukan', 'Kota Pematang Siantar',
  'sy udh rekam ktp di disdukcapil siantar dr bln 11 thn lalu smp skrg blm jd, alesannya blanko abis. kpn jd nya?',
  note='"Siantar" shorthand for Pematang Siantar')
C('md9', 'social', '03-18 22:40', 'kepolisian', 'Kota Medan',
  'Hati-hati lewat ringroad Medan malam2, tadi kawanku dibegal, hp sama keretanya dibawa lari 😡 @poldasumut patroli lah bah #begal #medan',
  lang='Medan Malay', note='ringroad spans several kecamatan: kecamatan null')
C('md10', 'web', '03-19 10:03', 'pendidikan', 'Kota Gunungsitoli',
  'Atap ruang kelas SD negeri di Gunungsitoli, Nias, sudah ambruk sebagian sejak Januari. Anak-anak belajar di teras. Sudah dilaporkan ke dinas pendidikan tapi belum ada perbaikan.',
  note='school building damage labelled pendidikan')
C('md11', 'sms', '03-20 14:18', 'lingkungan', 'Kabupaten Toba > kec:Balige',
  'air danau toba di pinggir balige bau & byk ikan mati, diduga limbah keramba. tlg dinas LH cek',
  note='Kabupaten Toba (formerly Toba Samosir)')
# ---- Sumatera Barat
C('pd1', 'social', '03-06 08:20', 'lingkungan', 'Kota Padang > kec:Padang Barat',
  'Sampah di Pasa Raya alah manumpuak sampai ka tangah jalan, bauno indak tahan lai 🤢 @pemkopadang baa ko? #Padang #sampah',
  cl='A-pasaraya', lang='Minang', note='Minang; "Pasa Raya" = Pasar Raya Padang')
C('pd2', 'web', '03-07 10:05', 'lingkungan', 'Kota Padang > kec:Padang Barat > desa:Kampung Jawa',
  'Tumpukan sampah di sekitar Pasar Raya, Kelurahan Kampung Jao (Kampung Jawa), Kecamatan Padang Barat, sudah tiga hari tidak diangkut truk DLH. Sampah meluber ke badan jalan dan menimbulkan bau busuk.',
  cl='A-pasaraya')
C('pd3', 'sms', '03-08 06:45', 'lingkungan', 'Kota Padang > kec:Padang Barat',
  'smpah psr raya padang blm diangkut jg, udh smp ke jln, lalat byk bgt',
  cl='A-pasaraya')
C('pd4', 'web', '03-09 16:30', 'lingkungan', 'Kota Padang > kec:Kuranji',
  'Sampah di TPS dekat Pasar Bandar Buat, Kecamatan Kuranji, tidak diangkut seminggu. Mohon DLH Kota Padang menjadwalkan pengangkutan.',
  trap='pd2', note='trap: same city, same problem (uncollected market waste), different market/kecamatan')
C('pd5', 'social', '03-11 13:25', 'ketertiban', 'Kota Bukittinggi > kec:Guguak Panjang',
  'Di Jam Gadang kini banyak pedagang asongan nan mamaksa urang mambali, kalau indak mambali dimaki. Malu awak ka tamu dari lua 😔 @pemkobukittinggi',
  lang='Minang', note='Minang; landmark Jam Gadang')
C('pd6', 'email', '03-13 07:50', 'perhubungan', 'Kabupaten Padang Pariaman > kec:Batang Anai',
  'Yth. Pengelola Bandara Internasional Minangkabau,\n\nBus DAMRI dari BIM ke Kota Padang sering tidak berangkat sesuai jadwal yang tertera. Pada 12 Maret penumpang menunggu lebih dari 90 menit tanpa informasi.\n\nHormat kami,\nYulia',
  subj='Keterlambatan DAMRI Bandara Minangkabau')
C('pd7', 'sms', '03-14 09:10', 'korupsi_pungli', 'Kota Padang > kec:Padang Selatan > desa:Teluk Bayur',
  'di plbhn teluk bayur tiap truk ditarik 20rb sm oknum petugas pos, bilangnya uang keamanan. ini pungli kan?',
  note='pungli at port; Teluk Bayur is a kelurahan in Padang Selatan')
C('pd8', 'web', '03-17 11:35', 'infrastruktur', 'Kabupaten Agam > kec:Tanjung Raya',
  'Longsor di Kelok 44 arah Maninjau alah manutuik separuah jalan sajak kapatang. Oto gadang indak bisa lewat. Mohon alat berat dikirim.',
  lang='Minang (mixed)', note='Minang-Indonesian mix; Kelok 44 landmark')
# ---- Riau
C('pk1', 'social', '03-10 07:30', 'lingkungan', 'Kota Pekanbaru',
  'Asap lagi di Pekanbaru pagi ini, mata perih, anak batuk2 😷 siapa yg bakar lahan lagi?? @KLHK_RI @pemkopekanbaru #asap #Riau',
  note='city-wide haze, no kecamatan')
C('pk2', 'sms', '03-12 18:22', 'air_bersih', 'Kota Pekanbaru > kec:Senapelan',
  'air pdam d senapelan dkt psr bawah keruh kyk teh susu, udh sminggu. gmn ni',
  note='landmark Pasar Bawah')
C('pk3', 'email', '03-16 14:05', 'ketenagakerjaan', 'Kabupaten Siak',
  'Kepada Yth. Disnaker Kabupaten Siak,\n\nKami 40 buruh harian lepas di sebuah kebun sawit di Siak belum menerima upah selama dua bulan. Perusahaan beralasan harga TBS turun. Kami mohon mediasi.\n\nHormat kami,\nPerwakilan buruh',
  subj='Upah buruh kebun sawit belum dibayar dua bulan')
C('pk4', 'web', '03-21 20:15', 'telekomunikasi', 'Kabupaten Indragiri Hilir > kec:Kateman',
  'Sinyal internet di Kecamatan Kateman, Inhil, hilang total sejak tower BTS rusak diterjang angin. Anak sekolah tidak bisa ujian online.',
  note='"Inhil" shorthand')
# ---- Jambi
C('jb1', 'web', '03-08 09:40', 'korupsi_pungli', 'Kota Jambi',
  'Waktu mengurus SKCK di Polresta Jambi saya diminta Rp100.000 oleh oknum agar tidak perlu antre, padahal tarif resmi PNBP hanya Rp30.000.',
  note='police SKCK pungli is korupsi_pungli')
C('jb2', 'sms', '03-13 22:05', 'perhubungan', 'Kabupaten Batang Hari',
  'truk batubara mcet smp 10 km d jln lintas batanghari, udh 6 jam gk gerak. mn dishub??',
  note='coal trucks jamming road: traffic, labelled perhubungan')
C('jb3', 'social', '03-22 10:50', 'sosial', 'Kabupaten Muaro Jambi',
  'Nenek sayo di Muaro Jambi dak dapet BLT lagi padahal hidup sorang, dak ado anak. Yang dapet malah yang punyo mobil 😤 #bansos',
  lang='Jambi Malay', note='Jambi Malay')
# ---- Sumatera Selatan
C('pl1', 'social', '03-09 19:30', 'energi', 'Kota Palembang > kec:Plaju',
  'Lampu mati galo di Plaju, la tigo kali hari ini 😫 wong kito kesel nian @pln_sumsel kapan nak normal? #Palembang',
  cl='A-plaju', lang='Palembang Malay', note='Palembang Malay')
C('pl2', 'web', '03-10 08:15', 'energi', 'Kota Palembang > kec:Plaju > desa:Plaju Ulu',
  'Listrik di Kelurahan Plaju Ulu padam berulang kali sejak kemarin sore, total tiga kali dalam sehari. Peralatan elektronik warga banyak yang rusak. Mohon PLN UP3 Palembang memberi penjelasan.',
  cl='A-plaju')
C('pl3', 'sms', '03-10 21:40', 'energi', 'Kota Palembang > kec:Plaju',
  'lstrk dkt kilang pertamina plaju mati lg, kulkas sy rusak. pln tlg tggjwb',
  cl='A-plaju', note='landmark: Pertamina refinery Plaju')
C('pl4', 'web', '03-12 16:20', 'ketertiban', 'Kota Palembang > kec:Ilir Timur Satu',
  'PKL di depan Pasar 16 Ilir menutup trotoar dan sebagian jalan, pejalan kaki terpaksa jalan di aspal. Mohon Satpol PP menertibkan.',
  note='PKL on sidewalk = ketertiban')
C('pl5', 'email', '03-18 10:00', 'pendidikan', 'Kabupaten Ogan Ilir > kec:Indralaya Utara',
  'Yth. Rektor Universitas Sriwijaya,\n\nSaya mahasiswa kampus Indralaya. Penetapan UKT saya naik ke golongan tertinggi padahal orang tua saya buruh tani. Pengajuan banding sudah dua kali tidak dijawab.\n\nHormat saya,\nMahasiswa FKIP',
  subj='Banding UKT tidak dijawab', note='university fees = pendidikan')
C('pl6', 'sms', '03-23 08:35', 'energi', 'Kota Prabumulih',
  'gas 3kg d prabumulih ilang dr pangkalan, kl ada 30rb. tlg pertamina cek',
  note='LPG 3kg scarcity')
# ---- Bengkulu
C('bk1', 'web', '03-11 14:10', 'korupsi_pungli', 'Kabupaten Bengkulu Tengah',
  'Perangkat desa kami di Bengkulu Tengah meminta Rp1.500.000 per bidang untuk program PTSL, padahal sosialisasinya gratis kecuali biaya patok dan materai. Warga yang tidak bayar tidak diukur.',
  note='PTSL pungli by village officials')
C('bk2', 'sms', '03-19 07:05', 'kesehatan', 'Kabupaten Rejang Lebong > kec:Curup',
  'puskesmas d curup tutup jam 11 siang, dokter gk ada, ank sy demam tinggi disuruh plg. tlg dinkes',
  note='puskesmas service failure')
C('bk3', 'social', '03-24 17:45', 'pertanahan', 'Kota Bengkulu',
  'Tanah warisan kami di Kota Bengkulu tiba-tiba ada sertifikat atas nama orang lain 😡 BPN kok bisa terbitkan? #mafiatanah @atr_bpn',
  note='land certificate dispute')
# ---- Lampung
C('lp1', 'email', '03-05 07:25', 'kepolisian', 'Kota Bandar Lampung > kec:Rajabasa',
  'Kepada Yth. Kapolresta Bandar Lampung,\n\nDi Terminal Rajabasa sekelompok preman memaksa penumpang naik bus tertentu dan meminta "uang jasa" Rp20.000. Penumpang yang menolak diancam. Kejadian menimpa istri saya pada 4 Maret pukul 16.00.\n\nHormat saya,\nHendra',
  subj='Pemalakan penumpang oleh preman di Terminal Rajabasa', cl='A-rajabasa', note='extortion by non-officials = kepolisian')
C('lp2', 'sms', '03-05 07:41', 'kepolisian', 'Kota Bandar Lampung > kec:Rajabasa',
  'preman trminal rajabasa malak pnumpang lg, adk sy dipaksa bayar 20rb. tlg polisi jaga',
  cl='A-rajabasa')
C('lp3', 'social', '03-08 12:00', 'kepolisian', 'Kota Bandar Lampung > kec:Rajabasa',
  'Baru sampe Rajabasa udah dikerubutin calo, ditarik-tarik tas, dimintain duit 😡 @polda_lampung tolong terminalnya diamankan #Lampung',
  cl='A-rajabasa')
C('lp4', 'web', '03-12 09:30', 'perhubungan', 'Kota Bandar Lampung > kec:Rajabasa',
  'Toilet dan ruang tunggu Terminal Rajabasa sangat kotor, lampu di jalur kedatangan banyak yang mati. Mohon Dishub memperbaiki fasilitas terminal.',
  trap='lp1', note='trap: same terminal, different problem (facilities)')
C('lp5', 'sms', '03-15 04:30', 'perhubungan', 'Kabupaten Lampung Selatan > kec:Bakauheni',
  'antrian kapal d bakauheni smp 8 jam, truk numpuk smp tol. asdp tmbh kapal dong',
  note='ferry port queue')
C('lp6', 'web', '03-20 10:40', 'sosial', 'Kabupaten Pringsewu',
  'Bantuan PKH ibu saya di Pringsewu tidak cair dua tahap, padahal namanya masih ada di DTKS. Pendamping PKH tidak bisa dihubungi.')
C('lp7', 'social', '03-25 23:15', 'kepolisian', 'Kabupaten Lampung Tengah',
  'Begal lagi di jalinsum Lampung Tengah, korban ditusuk 😢 kapan aman jalan ini @polda_lampung #begal',
  note='jalinsum = Jalan Lintas Sumatera')
# ---- Bangka Belitung
C('bb1', 'web', '03-14 13:20', 'lingkungan', 'Kabupaten Bangka',
  'Tambang timah inkonvensional di sekitar pantai di Kabupaten Bangka merusak terumbu dan membuat air laut keruh. Nelayan tidak bisa melaut. Mohon ditertibkan.',
  note='illegal tin mining = lingkungan')
C('bb2', 'sms', '03-21 06:30', 'air_bersih', 'Kabupaten Belitung > kec:Tanjung Pandan',
  'air pam d tj pandan gk ngalir dr subuh, udh 3 hr bgini. kpn bener',
  note='"tj pandan" shorthand')
C('bb3', 'email', '03-26 09:15', 'pajak', 'Kota Pangkal Pinang',
  'Yth. BPKAD Kota Pangkalpinang,\n\nTagihan PBB rumah saya tahun 2026 naik hampir tiga kali lipat dibanding 2025 tanpa ada perubahan bangunan. Mohon penjelasan dasar kenaikan NJOP dan prosedur keberatan.\n\nTerima kasih,\nAndi',
  subj='Kenaikan PBB tidak wajar')
# ---- Kepulauan Riau
C('bt1', 'social', '03-02 20:10', 'energi', 'Kota Batam > kec:Batu Aji',
  'Batu Aji mati lampu lagi 😤 dah 2 kali malam ni @brightplnbatam tolonglah, panas kali #Batam',
  cl='A-batuaji')
C('bt2', 'sms', '03-03 08:00', 'energi', 'Kota Batam > kec:Batu Aji',
  'listrik d batu aji pdm td mlm 3 jam, kmrn jg. sy jual es jd rugi',
  cl='A-batuaji')
C('bt3', 'email', '03-06 11:30', 'korupsi_pungli', 'Kota Batam',
  'Dengan hormat,\n\nSaat mengurus paspor di Kantor Imigrasi Batam, seorang oknum menawarkan jalur cepat dengan biaya Rp750.000 di luar PNBP. Ia mengaku bisa menyelesaikan dalam satu hari. Mohon diperiksa.\n\nSalam,\nDewi',
  subj='Tawaran jalur cepat paspor berbayar', note='pungli at immigration')
C('bt4', 'web', '03-17 07:15', 'perhubungan', 'Kota Tanjung Pinang > kec:Tanjungpinang Kota',
  'Jadwal kapal feri dari Pelabuhan Sri Bintan Pura ke Batam sering dibatalkan mendadak tanpa pengumuman dan tiket tidak dikembalikan.')
C('bt5', 'sms', '03-22 15:00', 'telekomunikasi', 'Kabupaten Natuna',
  'sinyal hp d natuna ilang 3 hr, gk bs tlp keluarga. operator tlg perbaiki',)
C('bt6', 'web', '03-24 12:45', 'ketenagakerjaan', 'Kabupaten Karimun',
  'Saudara saya berangkat jadi PMI lewat Karimun melalui agen tanpa izin. Sekarang di Malaysia paspornya ditahan majikan dan gaji tidak dibayar. Mohon bantuan BP2MI.',
  note='migrant worker = ketenagakerjaan')
R('md3', 3)
R('pl3', 6, text='lstrk dkt kilang pertamina plaju mati lg, kulkas sy rusak. pln tlg tggjwb!!')
