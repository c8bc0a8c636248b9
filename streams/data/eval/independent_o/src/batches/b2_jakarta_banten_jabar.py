from common import C, R
JS = 'Kota Jakarta Selatan'
# ---- DKI Jakarta
C('jk1', 'social', '03-02 07:48', 'perhubungan', JS + ' > kec:Tebet',
  'Manggarai pagi ini parah banget, penumpang numpuk sampe tangga peron 10, KRL Bogor telat 25 menit 😭 @CommuterLine #Manggarai',
  cl='B-manggarai', note='station Manggarai lies in Kel. Manggarai, Kec. Tebet')
C('jk2', 'email', '03-02 10:30', 'perhubungan', JS + ' > kec:Tebet > desa:Manggarai',
  'Yth. PT KAI Commuter,\n\nSetiap pagi pukul 07.00-08.30 terjadi penumpukan penumpang yang membahayakan di Stasiun Manggarai, Kelurahan Manggarai, Tebet, terutama di tangga transit menuju jalur Bogor. Mohon penambahan petugas dan pengaturan arus.\n\nHormat saya,\nAnita',
  subj='Penumpukan penumpang di Stasiun Manggarai', cl='B-manggarai')
C('jk3', 'sms', '03-04 08:05', 'perhubungan', JS + ' > kec:Tebet',
  'gila bang st manggarai kyk pasar, org desek2an di tangga, ada yg pingsan td. tlg kai atur',
  cl='B-manggarai', lang='Betawi/Jakarta slang', note='Jakarta slang')
C('jk4', 'web', '03-03 15:10', 'infrastruktur', JS + ' > kec:Pancoran > desa:Kalibata',
  'Penutup saluran air di trotoar Jl. Raya Kalibata depan TMP Kalibata hilang, lubangnya dalam sekali. Semalam ada pengendara motor terperosok. Mohon segera ditutup.',
  cl='B-kalibata')
C('jk5', 'social', '03-03 21:30', 'infrastruktur', JS + ' > kec:Pancoran',
  'Lubang got di depan Taman Makam Pahlawan Kalibata belom ditutup jg, td ada ojol jatoh 😡 @DinasBinaMargaDKI @pemprovDKI',
  cl='B-kalibata')
C('jk6', 'sms', '03-05 06:40', 'infrastruktur', JS + ' > kec:Pancoran > desa:Kalibata',
  'Pak, tuh got di Kalibata deket TMP kagak ada tutupnye, bahaya banget. Udeh ade yang jatoh. Kapan dibenerin?',
  cl='B-kalibata', lang='Betawi', note='Betawi')
C('jk7', 'web', '03-06 09:20', 'infrastruktur', JS + ' > kec:Pancoran > desa:Rawajati',
  'Saluran air di Jl. Rawajati Timur, Kel. Rawajati, tutupnya pecah dan sebagian berlubang. Mohon diganti sebelum ada korban.',
  trap='jk4', note='trap: same kecamatan and problem type, another kelurahan/street')
C('jk8', 'email', '03-09 13:00', 'kesehatan', 'Kota Jakarta Pusat > kec:Senen',
  'Yth. Direksi RSCM,\n\nIbu saya pasien BPJS dirujuk ke RSCM, namun sudah tiga kali jadwal operasi dibatalkan dengan alasan kamar penuh. Kami mohon kepastian jadwal.\n\nHormat kami,\nBudi',
  subj='Jadwal operasi pasien BPJS berulang kali dibatalkan', note='RSCM in Kec. Senen')
C('jk9', 'social', '03-10 16:45', 'ketertiban', 'Kota Jakarta Pusat > kec:Tanah Abang',
  'Trotoar depan Pasar Tanah Abang blok G penuh lapak lagi, jalan kaki aja susah 😤 @satpolpp_dki #TanahAbang')
C('jk10', 'web', '03-11 10:10', 'korupsi_pungli', 'Kota Jakarta Utara > kec:Penjaringan',
  'Nelayan di Pelabuhan Muara Angke dipungut Rp100.000 oleh oknum petugas syahbandar setiap mengurus surat izin berlayar, tanpa kuitansi.',
  note='pungli at port Muara Angke (Kel. Pluit, Penjaringan)')
C('jk11', 'sms', '03-12 23:10', 'kepolisian', 'Kota Jakarta Timur > kec:Jatinegara > desa:Kampung Melayu',
  'tawuran lg d kp melayu dkt jembatan, pk sajam. warga takut kluar. polisi tlg dtg',
  note='tawuran = kepolisian; "kp" = kampung')
C('jk12', 'web', '03-13 08:55', 'perhubungan', 'Kota Jakarta Timur > kec:Ciracas',
  'Bus AKAP di Terminal Kampung Rambutan ngetem di luar terminal dan menaikkan penumpang di bahu jalan, membuat macet Jl. Raya Bogor.')
C('jk13', 'email', '03-16 09:40', 'kependudukan', 'Kota Jakarta Barat > kec:Cengkareng',
  'Yth. Sudin Dukcapil Jakarta Barat,\n\nSaya telah mengajukan pindah datang dari Kebumen ke Kel. Rawa Buaya, Cengkareng sejak Februari, tetapi KK baru belum terbit dan status di aplikasi masih "verifikasi". Mohon bantuan.\n\nTerima kasih,\nSiti',
  subj='KK pindah datang belum terbit', note='Rawa Buaya is in Cengkareng; origin Kebumen not the subject')
C('jk14', 'social', '03-18 12:20', 'lingkungan', 'Kabupaten Administrasi Kepulauan Seribu',
  'Sampah kiriman numpuk di pantai Pulau Pramuka 😢 wisatawan pada komplain. @KLHK_RI tolong #KepulauanSeribu')
C('jk15', 'web', '03-20 14:30', 'pajak', 'Kota Jakarta Selatan',
  'Saya sudah membayar pajak kendaraan bermotor lewat aplikasi, tetapi status di Samsat Jakarta Selatan masih menunggak dan kena denda. Bukti bayar ada. Mohon dikoreksi.',
  note='tax record error (no bribe) = pajak')
C('jk16', 'sms', '03-21 10:00', 'korupsi_pungli', 'Kota Jakarta Timur',
  'bkn SIM d satpas jaktim diminta 650rb sm oknum biar lulus tes praktik. ini resmi?',
  note='police SIM pungli')
C('jk17', 'social', '03-23 09:10', 'lainnya', None,
  'Makasih @lapor_go_id laporan saya soal lampu jalan udah ditindaklanjuti 🙏 cepet juga ternyata',
  note='thanks message, no place')
# ---- Banten
C('tg1', 'web', '03-04 06:30', 'air_bersih', 'Kota Tangerang Selatan > kec:Pamulang > desa:Pamulang Barat',
  'Air PDAM di Perumahan kami di Kelurahan Pamulang Barat mati total sejak Senin pagi. Tidak ada informasi dari pihak operator.',
  cl='B-pamulang')
C('tg2', 'social', '03-04 19:50', 'air_bersih', 'Kota Tangerang Selatan > kec:Pamulang',
  'Pamulang air ledeng mati 2 hari 🥲 mandi pake air galon. Ini kapan nyala sih #Tangsel #airmati',
  cl='B-pamulang', note='"air ledeng" = piped water')
C('tg3', 'sms', '03-06 05:55', 'air_bersih', 'Kota Tangerang Selatan > kec:Pamulang',
  'air pam d pamulang blm nyala jg udh 3 hr. tdk ada tangki bantuan. tlg',
  cl='B-pamulang')
C('tg4', 'web', '03-05 20:15', 'energi', 'Kota Tangerang Selatan > kec:Pamulang > desa:Pamulang Barat',
  'Listrik di Pamulang Barat padam sejak pukul 18.00 dan belum menyala. Mohon PLN segera memperbaiki.',
  trap='tg1', note='trap: same kelurahan, different problem (electricity vs water)')
C('tg5', 'email', '03-08 08:00', 'perhubungan', 'Kota Cilegon > kec:Pulomerak',
  'Yth. ASDP Merak,\n\nPada 7 Maret antrean kendaraan pribadi di Pelabuhan Merak mencapai 5 jam karena hanya dua dermaga beroperasi. Tidak ada informasi di lokasi. Mohon evaluasi.\n\nSalam,\nFaisal',
  subj='Antrean panjang di Pelabuhan Merak')
C('tg6', 'sms', '03-14 13:40', 'perizinan', 'Kota Tangerang > kec:Cipondoh',
  'urus PBG rumah d cipondoh udh 4 bln blm kluar, dinas blg msh antre verifikasi. lama bgt',
  note='building permit (PBG) delay')
C('tg7', 'web', '03-19 11:25', 'sosial', 'Kabupaten Lebak > kec:Leuwidamar',
  'Warga lansia di Kecamatan Leuwidamar belum pernah menerima bantuan sembako maupun BLT meski sudah terdata. Mohon pendataan ulang.')
C('tg8', 'social', '03-25 18:00', 'pendidikan', 'Kabupaten Pandeglang',
  'Guru honorer di Pandeglang gajinya 300rb sebulan & telat 3 bulan 😭 @Kemdikbud_RI #guruhonorer',
  note='honorary teacher pay = pendidikan (not ketenagakerjaan)')
C('tg9', 'sms', '03-22 20:20', 'kesehatan', 'Kota Serang',
  'rsud kota serang nolak pasien bpjs blg kamar pnuh, pdhl ada kmr kosong. ibu sy sesak nafas',)
# ---- Jawa Barat
C('bd1', 'sms', '03-02 17:35', 'infrastruktur', 'Kota Bandung > kec:Kiaracondong > desa:Babakan Sari',
  'jln d babakan sari kiaracondong rusak parah, lubang2 gede, kmrn sy jatuh motor. kpn diaspal',
  cl='B-kircon')
C('bd2', 'social', '03-03 09:20', 'infrastruktur', 'Kota Bandung > kec:Kiaracondong',
  'Jalan di Kircon meni ruksak pisan, lolongkrang ageung di mana-mana 😩 @ridwankamil @PemkotBandung iraha dibenerkeun? #Bandung',
  cl='B-kircon', lang='Sundanese', note='Sundanese; "Kircon" = Kiaracondong')
C('bd3', 'email', '03-05 14:10', 'infrastruktur', 'Kota Bandung > kec:Kiaracondong > desa:Babakan Sari',
  'Yth. DSDABM Kota Bandung,\n\nRuas jalan lingkungan di Kelurahan Babakan Sari, Kecamatan Kiaracondong, mengalami kerusakan berat dengan lubang berdiameter lebih dari satu meter. Sudah terjadi beberapa kecelakaan. Mohon perbaikan.\n\nHormat saya,\nKetua RW 05',
  subj='Kerusakan jalan di Babakan Sari', cl='B-kircon')
C('bd4', 'web', '03-07 10:45', 'infrastruktur', 'Kota Bandung > kec:Batununggal > desa:Cibangkong',
  'Jalan di Kelurahan Cibangkong, Batununggal, berlubang dan tergenang setiap hujan. Mohon perbaikan.',
  trap='bd1', note='trap: same city, neighbouring kecamatan, same problem')
C('bd5', 'web', '03-09 08:00', 'perhubungan', 'Kota Bandung > kec:Bojongloa Kidul',
  'Angkot di Terminal Leuwipanjang ngetem sampai ke jalan raya, lalu lintas macet total jam pulang kerja.')
C('bd6', 'social', '03-12 19:30', 'lingkungan', 'Kota Bandung > kec:Coblong > desa:Dago',
  'Walungan di Dago bau pisan, aya nu miceun runtah ka susukan unggal peuting 😤 #Bandung #lingkungan',
  lang='Sundanese', note='Sundanese: river rubbish dumping')
C('bd7', 'email', '03-15 07:30', 'pendidikan', 'Kota Bandung > kec:Coblong',
  'Yth. Dinas Pendidikan Jawa Barat,\n\nDalam PPDB zonasi SMA negeri dekat ITB, anak kami yang tinggal 400 meter dari sekolah tidak diterima, sementara ada peserta dari luar kecamatan yang diterima. Mohon transparansi data.\n\nHormat kami,\nOrang tua calon siswa',
  subj='Kejanggalan PPDB zonasi', note='landmark ITB, Kec. Coblong')
C('bd8', 'sms', '03-17 16:00', 'korupsi_pungli', 'Kota Bandung',
  'sklh anak sy SMPN d bandung minta uang gedung 2jt, kl gk byr rapor ditahan. bkn nya gratis??',
  note='school fee extortion = korupsi_pungli')
C('bg1', 'web', '03-06 07:15', 'perhubungan', 'Kota Bogor > kec:Bogor Tengah',
  'Angkot ngetem sembarangan di depan Stasiun Bogor, Jl. Nyi Raja Permas, hingga menutup jalan. Penumpang KRL susah menyeberang.',
  cl='B-stbogor')
C('bg2', 'social', '03-07 18:10', 'perhubungan', 'Kota Bogor > kec:Bogor Tengah',
  'Depan stasiun Bogor macet ku angkot ngetem, teu aya nu ngatur 😑 @bimaaryasugiarto @dishubkotabogor #Bogor',
  cl='B-stbogor', lang='Sundanese (mixed)', note='Sundanese-Indonesian mix')
C('bg3', 'sms', '03-08 06:50', 'perhubungan', 'Kota Bogor > kec:Bogor Tengah > desa:Pabaton',
  'angkot2 ngetem d dpn st bogor/pabaton smp mcet, dishub gk ada. tlg',
  cl='B-stbogor')
C('bg4', 'web', '03-10 17:20', 'perhubungan', 'Kota Bogor > kec:Bogor Timur > desa:Baranangsiang',
  'Angkot ngetem di pintu keluar Terminal Baranangsiang sehingga antrean kendaraan sampai ke Jl. Pajajaran.',
  trap='bg1', note='trap: same city, same problem, another landmark (terminal, not station)')
C('bg5', 'sms', '03-13 11:00', 'kependudukan', 'Kabupaten Bogor > kec:Cibinong',
  'akta lahir ank sy dr disdukcapil kab bogor cibinong blm jd 2 bln. online jg gk bs',)
C('dp1', 'social', '03-08 20:00', 'telekomunikasi', 'Kota Depok > kec:Beji > desa:Kukusan',
  'Internet fiber mati total di Kukusan sejak sore, WFH berantakan 😩 @IndiHome @TelkomIndonesia #Depok',
  cl='B-kukusan')
C('dp2', 'email', '03-09 08:45', 'telekomunikasi', 'Kota Depok > kec:Beji > desa:Kukusan',
  'Yth. Telkom Indonesia,\n\nLayanan internet di wilayah Kelurahan Kukusan, Kecamatan Beji, dekat Kampus UI terputus sejak 8 Maret sore. Tiket gangguan saya belum ditangani. Mohon perbaikan segera.\n\nSalam,\nRizky',
  subj='Gangguan internet di Kukusan, Beji', cl='B-kukusan')
C('dp3', 'web', '03-15 12:00', 'telekomunikasi', 'Kota Depok > kec:Beji',
  'Kabel fiber optik di Jl. Margonda dekat UI menjuntai rendah, bisa menjerat pengendara motor.',
  note='hanging fibre-optic cables labelled telekomunikasi by convention; Margonda spans kecamatan but UI area here is Beji')
C('bk1j', 'social', '03-11 07:00', 'lingkungan', 'Kota Bekasi > kec:Bantargebang',
  'Bau TPST Bantargebang nyampe ke rumah, pagi2 mual 🤢 @pemkotbekasi @DKI #Bantargebang',
  cl='B-bantargebang')
C('bk2j', 'web', '03-13 15:30', 'lingkungan', 'Kota Bekasi > kec:Bantargebang',
  'Warga Kecamatan Bantargebang mengeluhkan bau menyengat dan lindi yang meluber dari TPST ke saluran warga sejak hujan deras minggu ini.',
  cl='B-bantargebang')
C('bk3j', 'email', '03-16 10:20', 'ketenagakerjaan', 'Kabupaten Bekasi > kec:Cikarang Utara',
  'Yth. Disnaker Kabupaten Bekasi,\n\nKami karyawan sebuah pabrik komponen di Cikarang Utara di-PHK sepihak tanpa pesangon pada 14 Maret. Perusahaan hanya memberi satu bulan gaji. Mohon mediasi.\n\nHormat kami,\nSerikat pekerja',
  subj='PHK sepihak tanpa pesangon', cl='B-phkcikarang')
C('bk4j', 'sms', '03-17 19:45', 'ketenagakerjaan', 'Kabupaten Bekasi > kec:Cikarang Utara',
  'sy korban phk pabrik d cikarang utara, pesangon gk dibyr, cm 1 bln gaji. thr jg ilang. tlg disnaker',
  cl='B-phkcikarang')
C('jb1w', 'web', '03-12 09:00', 'korupsi_pungli', 'Kabupaten Garut',
  'Kepala desa di Garut meminta Rp2 juta per bidang untuk sertifikat PTSL. Yang tidak bayar berkasnya tidak diproses.',
  note='PTSL pungli')
C('jb2w', 'social', '03-14 06:10', 'energi', 'Kota Tasikmalaya',
  'Gas melon di Tasik langka deui, di warung 30 rebu 😤 @pertamina tulung #gasmelon',
  lang='Sundanese (mixed)', note='"Tasik" = Kota Tasikmalaya')
C('jb3w', 'sms', '03-18 07:20', 'pertanahan', 'Kabupaten Karawang',
  'sawah kmi d karawang diklaim perusahaan, pdhl ada girik. bpn tlg mediasi',)
C('jb4w', 'email', '03-20 13:15', 'perizinan', 'Kabupaten Sukabumi > kec:Palabuhanratu',
  'Yth. DPMPTSP Kabupaten Sukabumi,\n\nSaya mengajukan izin usaha homestay di Palabuhanratu lewat OSS sejak Januari, namun persetujuan kesesuaian tata ruang belum keluar. Mohon informasi.\n\nHormat saya,\nDeden',
  subj='Izin usaha homestay belum terbit')
C('jb5w', 'web', '03-24 16:40', 'telekomunikasi', 'Kota Cirebon > kec:Kejaksan',
  'Sinyal 4G di Kota Cirebon sekitar stasiun Kejaksan sering hilang sore hari, tidak bisa pesan ojek online.',
  note='landmark Stasiun Kejaksan lies in Kec. Kejaksan')
C('jb6w', 'sms', '03-26 22:00', 'ketertiban', 'Kota Cimahi > kec:Cimahi Tengah',
  'balap liar tiap mlm mnggu d jln cimahi tengah, knalpot brisik smp jam 3. tlg satpol',)
R('tg3', 4)
R('bk4j', 2, text='sy korban phk pabrik d cikarang utara, pesangon gk dibyr, cm 1 bln gaji. thr jg ilang. tlg disnaker.')
