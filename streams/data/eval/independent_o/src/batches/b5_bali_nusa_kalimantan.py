from common import C, R
BD = 'Kabupaten Badung'
# ---- Bali
C('bl1', 'social', '03-04 08:30', 'lingkungan', BD + ' > kec:Kuta > desa:Kuta',
  'Pantai Kuta this morning full of plastic trash lagi 😢 turis pada foto sampah. @pemkabbadung @KLHK_RI #Bali #Kuta',
  cl='E-kutabali', note='English-Indonesian mix')
C('bl2', 'web', '03-04 14:15', 'lingkungan', BD + ' > kec:Kuta > desa:Kuta',
  'Sampah kiriman ring Pantai Kuta sampun tigang rahina nenten kaambil. Ambune nenten becik, turis akeh sane komplain. Nunas tulung DLHK Badung.',
  cl='E-kutabali', lang='Balinese', note='Balinese (alus-mixed)')
C('bl3', 'sms', '03-06 07:10', 'lingkungan', BD + ' > kec:Kuta',
  'smph kiriman d pntai kuta badung blm dibersihin 3 hr, truk dlhk gk dtg. tlg',
  cl='E-kutabali')
C('lt1', 'social', '03-07 09:26', 'lingkungan', 'Kabupaten Lombok Tengah > kec:Pujut > desa:Kuta',
  'Pantai Kuta Mandalika juga penuh sampah plastik abis hujan 😞 @pemkablomboktengah #Lombok #Kuta',
  trap='bl1', note='trap: same problem and beach name "Kuta" but in Lombok Tengah (Pujut), not Bali')
C('bl4', 'email', '03-08 10:40', 'perizinan', BD + ' > kec:Kuta Utara > desa:Canggu',
  'Yth. DPMPTSP Kabupaten Badung,\n\nDi Desa Canggu, Kuta Utara, berdiri belasan vila sewaan baru di atas lahan sawah tanpa papan PBG. Kami menduga tidak memiliki izin dan melanggar tata ruang. Mohon pemeriksaan.\n\nHormat kami,\nKelian Banjar',
  subj='Dugaan vila tanpa izin di Canggu', cl='E-canggu')
C('bl5', 'social', '03-10 17:00', 'perizinan', BD + ' > kec:Kuta Utara',
  'Sawah di Canggu tinggal kenangan, vila2 baru dibangun ga ada papan izinnya sama sekali 🙃 @pemprovbali cek dong #Canggu #savebali',
  cl='E-canggu')
C('bl6', 'web', '03-11 12:30', 'kependudukan', 'Kota Denpasar > kec:Denpasar Barat > desa:Dauh Puri',
  'Saya pendatang yang tinggal di Kel. Dauh Puri. Pengurusan surat keterangan domisili dan KIPEM dipersulit, diminta syarat yang tidak tercantum di aturan.',)
C('bl7', 'sms', '03-13 21:30', 'kepolisian', BD + ' > kec:Kuta Selatan',
  'hp sy dijambret d jln raya jimbaran, pelaku 2 org naik motor. udh lapor polsek blm ada kabar',)
C('bl8', 'web', '03-15 08:00', 'energi', 'Kabupaten Karangasem',
  'Listrik ring desa tiang ring Karangasem mati sampun kalih rahina. Nunas PLN gelis nyelesaiang.',
  lang='Balinese', note='Balinese')
C('bl9', 'email', '03-17 13:20', 'perhubungan', BD + ' > kec:Kuta > desa:Tuban',
  'Yth. Pengelola Bandara I Gusti Ngurah Rai,\n\nTitik penjemputan taksi online di area kedatangan internasional dipindah terlalu jauh tanpa rambu, penumpang berjalan 800 meter membawa koper di tengah hujan.\n\nSalam,\nKomang',
  subj='Titik penjemputan taksi online di Bandara Ngurah Rai', note='airport in Kel. Tuban, Kec. Kuta')
C('bl10', 'social', '03-20 11:10', 'kesehatan', 'Kabupaten Gianyar > kec:Ubud',
  'Puskesmas Ubud cuma 1 dokter jaga, antre 4 jam 😓 @dinkesbali #Gianyar',)
# ---- NTB
C('mt1', 'web', '03-09 06:40', 'air_bersih', 'Kota Mataram > kec:Ampenan > desa:Ampenan Selatan',
  'Air PDAM di Kelurahan Ampenan Selatan tidak mengalir sejak tiga hari, warga harus membeli air jerigen. Mohon PDAM Giri Menang memberikan tangki.',
  cl='E-ampenan')
C('mt2', 'sms', '03-10 05:30', 'air_bersih', 'Kota Mataram > kec:Ampenan',
  'Aik PDAM ndek ngalir maraq pire jelo leq Ampenan. Side mbe tanggung jawab? tulung',
  cl='E-ampenan', lang='Sasak', note='Sasak: "aik" = water, "ndek" = not')
C('mt3', 'social', '03-11 18:45', 'air_bersih', 'Kota Mataram > kec:Ampenan',
  'Ampenan kering kerontang, air PDAM mati 4 hari 😤 @pdamgirimenang kapan normal? #Mataram',
  cl='E-ampenan')
C('mt4', 'web', '03-12 07:20', 'air_bersih', 'Kota Mataram > kec:Ampenan > desa:Ampenan Utara',
  'Air PDAM di Ampenan Utara keruh kecoklatan sejak perbaikan pipa, tidak layak untuk masak.',
  trap='mt1', note='trap: neighbouring kelurahan, water but different problem (turbidity vs no supply)')
C('nb1', 'sms', '03-14 10:00', 'pendidikan', 'Kabupaten Lombok Timur > kec:Selong',
  'guru d sd kmi d selong sering gk masuk, murid pulang jm 9. kpl sklh diam aj',)
C('nb2', 'email', '03-18 09:30', 'korupsi_pungli', 'Kabupaten Lombok Barat > kec:Lembar',
  'Yth. KSOP Lembar,\n\nSopir truk logistik di Pelabuhan Lembar dipungut Rp75.000 oleh oknum petugas agar mendapat prioritas naik kapal. Praktik ini terjadi setiap malam.\n\nHormat kami,\nAsosiasi sopir',
  subj='Pungutan prioritas kapal di Pelabuhan Lembar')
C('nb3', 'social', '03-21 15:00', 'sosial', 'Kabupaten Bima',
  'Warga korban banjir di Bima masih tinggal di tenda, bantuan dari Dinsos belum sampai 😢 #Bima #NTB',)
C('nb4', 'web', '03-23 16:40', 'pertanahan', 'Kabupaten Sumbawa',
  'Lahan ladang keluarga kami di Sumbawa dipasangi patok oleh perusahaan tambang tanpa ada pembebasan lahan. Mohon BPN memeriksa status tanah.',)
# ---- NTT
C('kp1', 'social', '03-05 19:20', 'energi', 'Kota Kupang > kec:Oebobo',
  'Kupang mati lampu lai 😩 Oebobo su dari sore sonde ada listrik. @PLN_NTT bosong urus bae-bae ko! #Kupang',
  cl='E-kupanglistrik', lang='Kupang Malay', note='Kupang Malay: "su" = already, "sonde" = not')
C('kp2', 'web', '03-06 08:10', 'energi', 'Kota Kupang > kec:Oebobo > desa:Fatululi',
  'Pemadaman listrik di Kelurahan Fatululi, Oebobo, terjadi sejak pukul 16.00 kemarin hingga pagi ini tanpa pemberitahuan.',
  cl='E-kupanglistrik')
C('kp3', 'sms', '03-06 20:30', 'energi', 'Kota Kupang > kec:Alak',
  'lsitrik d alak mati dr sore, kmrn jg. pln kupang tlg',
  trap='kp2', note='trap: same city, same problem, another kecamatan; typo "lsitrik"')
C('kp4', 'web', '03-12 10:50', 'perhubungan', 'Kabupaten Manggarai Barat > kec:Komodo > desa:Labuan Bajo',
  'Tarif kapal wisata dari Labuan Bajo ke Pulau Komodo tidak seragam dan tidak ada loket resmi, wisatawan sering dikenai harga berbeda.',)
C('kp5', 'sms', '03-16 14:20', 'air_bersih', 'Kabupaten Timor Tengah Selatan',
  'katong di TTS su 1 bulan sonde ada air, sumur kering. mama2 jalan 3 km ambil air',
  lang='Kupang Malay', note='Kupang/Timor Malay')
C('kp6', 'email', '03-19 07:45', 'kesehatan', 'Kabupaten Sikka > kec:Alok',
  'Yth. Dinas Kesehatan Kabupaten Sikka,\n\nStok vaksin dasar untuk bayi di puskesmas di Maumere (Kec. Alok) kosong sejak Februari. Kami diminta kembali tanpa kepastian.\n\nHormat kami,\nIbu-ibu posyandu',
  subj='Stok vaksin bayi kosong')
C('kp7', 'web', '03-22 12:00', 'kependudukan', 'Kabupaten Belu',
  'Warga perbatasan di Belu belum memiliki akta kelahiran karena harus ke kota kabupaten dan biaya transport mahal. Mohon layanan jemput bola.',)
C('kp8', 'social', '03-25 09:45', 'telekomunikasi', 'Kabupaten Sumba Timur',
  'Di kampung kami di Sumba Timur sinyal cuma ada di atas bukit 😅 anak2 naik bukit buat kerja tugas. @kemkominfo #Sumba',)
# ---- Kalimantan Barat
C('pt1', 'sms', '03-08 06:20', 'air_bersih', 'Kota Pontianak > kec:Pontianak Utara > desa:Siantan Hulu',
  'aek pdam d siantan hulu asin, tak bise dipakai masak. dah seminggu. macam mane ni',
  cl='E-siantan', lang='Pontianak Malay', note='Pontianak Malay; saline intrusion')
C('pt2', 'web', '03-09 10:00', 'air_bersih', 'Kota Pontianak > kec:Pontianak Utara',
  'Air PDAM di Pontianak Utara terasa asin sejak seminggu karena intrusi air laut di musim kemarau. Mohon Perumda Air Minum menyediakan alternatif air bersih.',
  cl='E-siantan')
C('pt3', 'social', '03-13 12:30', 'lainnya', 'Kota Pontianak > kec:Pontianak Utara',
  'Tugu Khatulistiwa sekarang makin cantik, terima kasih pemkot 🙏 #Pontianak',
  trap='pt2', note='trap: same kecamatan, not a complaint (compliment) -> lainnya')
C('pt4', 'web', '03-15 15:10', 'ketenagakerjaan', 'Kabupaten Sambas',
  'Buruh sawit di Sambas bekerja tanpa kontrak dan upah di bawah UMK. Yang protes tidak dipanggil kerja lagi.',)
C('pt5', 'sms', '03-20 08:30', 'infrastruktur', 'Kabupaten Kubu Raya > kec:Sungai Raya',
  'jln kampung kmi d sungai raya kubu raya becek, ambulans gk bs msk. tlg disemenisasi',)
C('pt6', 'email', '03-24 11:00', 'pajak', 'Kota Singkawang',
  'Yth. Bapenda Kota Singkawang,\n\nUsaha warung kopi kecil saya ditagih pajak restoran 10% padahal omzet di bawah batas minimal. Mohon penjelasan.\n\nSalam,\nAhui',
  subj='Penagihan pajak restoran usaha kecil')
# ---- Kalimantan Tengah
C('pr1', 'social', '03-12 07:00', 'lingkungan', 'Kota Palangkaraya',
  'Palangka berasap lagi, gambut terbakar di pinggir Jl. Tjilik Riwut 😷 @BNPB_Indonesia @KLHK_RI #karhutla',
  cl='E-asappky', note='"Palangka" shorthand; road spans kecamatan')
C('pr2', 'sms', '03-12 18:00', 'lingkungan', 'Kota Palangkaraya',
  'asap kbakaran lhn gambut d tjilik riwut plngkaraya tebal, sklh libur. tlg damkar',
  cl='E-asappky')
C('pr3', 'web', '03-18 13:00', 'pendidikan', 'Kabupaten Kotawaringin Timur > kec:Mentawa Baru Ketapang',
  'Di Sampit (Kec. Mentawa Baru Ketapang), sekolah meminta orang tua membeli laptop untuk ujian berbasis komputer. Banyak keluarga tidak mampu.',
  note='Sampit lies in Mentawa Baru Ketapang')
C('pr4', 'sms', '03-22 09:15', 'energi', 'Kabupaten Kapuas',
  'solar d spbu kuala kapuas kosong trs, nelayan gk bs melaut. antri dr subuh',
  note='diesel shortage = energi')
# ---- Kalimantan Selatan
C('bj1', 'social', '03-06 16:30', 'infrastruktur', 'Kota Banjarmasin > kec:Banjarmasin Selatan > desa:Kelayan Dalam',
  'Titian di Kelayan Dalam sudah rapuh banar, kayunya patah, anak sakulah hampir tacabur ka sungai 😰 @pemkotbjm lakasi baiki lah #Banjarmasin',
  cl='E-kelayan', lang='Banjar', note='Banjar: "titian" = wooden walkway')
C('bj2', 'email', '03-07 09:20', 'infrastruktur', 'Kota Banjarmasin > kec:Banjarmasin Selatan > desa:Kelayan Dalam',
  'Yth. Dinas PUPR Kota Banjarmasin,\n\nJembatan titian kayu di Kelurahan Kelayan Dalam, Banjarmasin Selatan, mengalami kerusakan dengan beberapa papan patah. Jembatan ini dilalui anak sekolah setiap hari. Mohon segera diperbaiki.\n\nHormat kami,\nKetua RT 12',
  subj='Kerusakan jembatan titian di Kelayan Dalam', cl='E-kelayan')
C('bj3', 'sms', '03-09 07:00', 'infrastruktur', 'Kota Banjarmasin > kec:Banjarmasin Selatan > desa:Kelayan Selatan',
  'jembatan kayu d kelayan selatan jg rusak, tp yg dket masjid. tlg dicek jg',
  trap='bj2', note='trap: neighbouring kelurahan, same problem type, different bridge')
C('bj4', 'web', '03-11 06:00', 'lainnya', 'Kabupaten Banjar > kec:Sungai Tabuk > desa:Lok Baintan',
  'Ulun handak batakun, pasar terapung Lok Baintan buka jam barapa haja wayah bulan puasa? Kada ada informasi di internet.',
  lang='Banjar', note='Banjar; information request -> lainnya')
C('bj5', 'sms', '03-15 19:00', 'kepolisian', 'Kota Banjarbaru > kec:Landasan Ulin',
  'pencurian motor d prmhan dkt bandara syamsudin noor, 3 mtr hilang sminggu. polsek tlg patroli',)
C('bj6', 'web', '03-19 10:30', 'korupsi_pungli', 'Kabupaten Hulu Sungai Tengah',
  'Pihak puskesmas di Barabai meminta uang Rp200.000 untuk surat keterangan sehat padahal tarif retribusinya Rp25.000.',
  note='health office pungli; Barabai = capital of HST')
C('bj7', 'email', '03-23 08:50', 'ketenagakerjaan', 'Kabupaten Tanah Bumbu',
  'Yth. Disnakertrans Kabupaten Tanah Bumbu,\n\nSaya pekerja tambang batubara yang mengalami kecelakaan kerja. Klaim JKK BPJS Ketenagakerjaan ditolak karena perusahaan tidak melaporkan kecelakaan.\n\nHormat saya,\nRahmat',
  subj='Klaim kecelakaan kerja ditolak')
# ---- Kalimantan Timur
C('bp1', 'sms', '03-10 05:45', 'energi', 'Kota Balikpapan > kec:Balikpapan Utara',
  'antri solar d spbu km 8 blkppn utara smp 2 km, truk nginep. kpn normal',
  cl='E-solarbpp')
C('bp2', 'social', '03-10 15:20', 'energi', 'Kota Balikpapan > kec:Balikpapan Utara',
  'Antrean solar di SPBU Km 8 Soekarno-Hatta Balikpapan bikin macet sampai ke tanjakan 😤 @pertamina #Balikpapan',
  cl='E-solarbpp')
C('bp3', 'web', '03-11 09:00', 'energi', 'Kota Balikpapan > kec:Balikpapan Selatan > desa:Sepinggan',
  'SPBU dekat Bandara Sepinggan sering kehabisan Pertalite sore hari.',
  trap='bp1', note='trap: same city, fuel shortage at another SPBU (different fuel/kecamatan)')
C('sr1', 'email', '03-14 10:10', 'perizinan', 'Kota Samarinda',
  'Yth. DPMPTSP Kota Samarinda,\n\nPengajuan izin keramaian untuk acara pernikahan kami ditolak dengan alasan kuota, padahal tetangga mendapatkan izin pada tanggal yang sama. Mohon penjelasan.\n\nHormat saya,\nNoor',
  subj='Izin keramaian ditolak', note='event permit (in practice police issue) labelled perizinan')
C('sr2', 'web', '03-17 18:40', 'lingkungan', 'Kota Samarinda > kec:Palaran',
  'Lubang bekas tambang batubara di Palaran tidak direklamasi dan dibiarkan terbuka, sudah ada anak tenggelam. Mohon ditutup.',)
C('sr3', 'social', '03-21 11:45', 'pertanahan', 'Kabupaten Penajam Paser Utara > kec:Sepaku',
  'Tanah adat kami di Sepaku masuk kawasan IKN tanpa kejelasan ganti rugi 😔 @OtoritaIKN #IKN',)
# ---- Kalimantan Utara
C('tk1', 'web', '03-13 14:30', 'air_bersih', 'Kota Tarakan > kec:Tarakan Barat',
  'Air PDAM di Tarakan Barat hanya mengalir malam hari jam 23.00-03.00, warga harus begadang menampung air.',)
C('tk2', 'sms', '03-20 12:40', 'telekomunikasi', 'Kabupaten Malinau',
  'internet d malinau lemot bgt 2 mgg, gk bs kirim laporan sklh. bts rusak?',)
C('tk3', 'email', '03-24 09:00', 'kependudukan', 'Kabupaten Bulungan > kec:Tanjung Selor',
  'Yth. Disdukcapil Bulungan,\n\nKartu Identitas Anak (KIA) yang saya ajukan di Tanjung Selor sejak Januari belum juga dicetak. Mohon informasi.\n\nTerima kasih,\nFitri',
  subj='KIA belum dicetak')
C('tk4', 'social', '03-26 16:20', 'kepolisian', 'Kabupaten Nunukan',
  'Peredaran sabu di Nunukan makin berani, anak muda pada kena 😢 @BNN_RI @poldakaltara tolong #Nunukan',
  note='drugs = kepolisian')
R('mt2', 7)
R('kp1', 3, text='Kupang mati lampu lai 😩 Oebobo su dari sore sonde ada listrik. @PLN_NTT bosong urus bae-bae ko!! #Kupang')
