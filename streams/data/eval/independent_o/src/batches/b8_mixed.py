from common import C, R
SMD = 'Kabupaten Sumedang'
# ---- G1 Jatinangor water (Sundanese)
C('jt1n', 'social', '03-14 07:30', 'air_bersih', SMD + ' > kec:Jatinangor > desa:Hegarmanah',
  'Kosan di Hegarmanah teu aya cai tilu poe, mahasiswa Unpad kapaksa mandi di masjid 😭 @pemkabsumedang #Jatinangor',
  cl='G-jatinangor', lang='Sundanese', note='Sundanese; "cai" = water')
C('jt2n', 'web', '03-14 07:52', 'air_bersih', SMD + ' > kec:Jatinangor > desa:Hegarmanah',
  'Pasokan air bersih di Desa Hegarmanah, Kecamatan Jatinangor, terhenti sejak tiga hari. Ratusan tempat kos mahasiswa terdampak. Mohon bantuan tangki air dari PDAM Tirta Medal.',
  cl='G-jatinangor')
C('jt3n', 'sms', '03-16 06:20', 'air_bersih', SMD + ' > kec:Jatinangor',
  'cai d jatinangor dkt kampus unpad pareum keneh, geus 4 poe. tulung pa',
  cl='G-jatinangor', lang='Sundanese', note='Sundanese SMS')
C('jt4n', 'web', '03-17 20:00', 'lingkungan', SMD + ' > kec:Jatinangor > desa:Cikeruh',
  'Sampah di pinggir Jl. Raya Jatinangor, Desa Cikeruh, menumpuk di depan kampus IPDN, tidak diangkut seminggu.',
  trap='jt2n', note='trap: same kecamatan, different desa and different problem')
# ---- G2 Demak Sayung road
C('dm1', 'sms', '03-18 05:50', 'infrastruktur', 'Kabupaten Demak > kec:Sayung',
  'dalan pantura nang sayung ambles maneh, truk do nyungsep. ndang didandani pak',
  cl='G-sayung', lang='Javanese (ngoko)', note='Javanese ngoko')
C('dm2', 'email', '03-19 08:30', 'infrastruktur', 'Kabupaten Demak > kec:Sayung',
  'Yth. BBPJN Jawa Tengah-DIY,\n\nRuas jalan nasional Semarang-Demak di Kecamatan Sayung kembali amblas dan berlubang akibat rob, menyebabkan kemacetan hingga 5 km dan kecelakaan truk. Mohon penanganan permanen.\n\nHormat kami,\nForum Pengguna Jalan Pantura',
  subj='Jalan Semarang-Demak di Sayung amblas', cl='G-sayung')
C('dm3', 'social', '03-20 17:15', 'infrastruktur', 'Kabupaten Demak > kec:Sayung',
  'Lewat Sayung kaya off road, aspal ambles lubang dimana2 😵 @kemenpupr @ganjarpranowo #pantura #Demak',
  cl='G-sayung')
# ---- G3 Gresik dust
C('gr1', 'web', '03-09 11:00', 'lingkungan', 'Kabupaten Gresik > kec:Kebomas > desa:Sidomoro',
  'Debu dari aktivitas pabrik di sekitar Kelurahan Sidomoro, Kebomas, menempel di rumah warga setiap hari. Banyak anak batuk dan sesak.',
  cl='G-gresik')
C('gr2', 'social', '03-10 08:00', 'lingkungan', 'Kabupaten Gresik > kec:Kebomas',
  'Omah nang Kebomas saben dina keplok bledug pabrik, mbok yo disiram 😷 @pemkabgresik #Gresik',
  cl='G-gresik', lang='Javanese (Suroboyoan)', note='East-Java Javanese; "bledug" = dust')
C('gr3', 'sms', '03-12 14:00', 'lingkungan', 'Kabupaten Gresik > kec:Kebomas > desa:Sidomoro',
  'debu pabrik d sidomoro gresik makin parah, jemuran item smua. dlh tlg ukur udara',
  cl='G-gresik')
C('gr4', 'web', '03-13 10:00', 'lingkungan', 'Kabupaten Gresik > kec:Manyar',
  'Asap hitam dari cerobong smelter di Kecamatan Manyar keluar setiap malam, baunya menyengat.',
  trap='gr1', note='trap: same kabupaten and kind of problem (industrial air pollution), another kecamatan and source')
# ---- G4 Sumenep ship to Kangean
C('su1', 'social', '03-21 09:40', 'perhubungan', 'Kabupaten Sumenep > kec:Kalianget',
  'Kapal dâri Kalianget ka Kangean ta\' bâdâ lastarè, oreng padâ ngantè è pelabuhan dua arè 😩 @kemenhub151 #Sumenep',
  cl='G-kangean', lang='Madurese', note='Madurese: no ship from Kalianget to Kangean')
C('su2', 'web', '03-22 07:30', 'perhubungan', 'Kabupaten Sumenep > kec:Kalianget',
  'Penumpang tujuan Pulau Kangean tertahan dua hari di Pelabuhan Kalianget karena kapal batal berangkat tanpa pemberitahuan. Banyak lansia dan anak tidur di lantai pelabuhan.',
  cl='G-kangean')
# ---- G5 Binjai Samsat pungli
C('bn1', 'email', '03-11 10:20', 'korupsi_pungli', 'Kota Binjai',
  'Yth. Inspektorat Provinsi Sumatera Utara,\n\nDi Samsat Binjai, petugas cek fisik meminta Rp100.000 di luar biaya resmi untuk perpanjangan STNK lima tahunan. Tanpa membayar, berkas "tidak bisa lanjut".\n\nHormat saya,\nAndreas',
  subj='Pungutan di Samsat Binjai', cl='G-samsatbinjai', note='pungli at Samsat')
C('bn2', 'sms', '03-13 09:15', 'korupsi_pungli', 'Kota Binjai',
  'cek fisik d samsat binjai dimintak 100rb lg, kata petugasnya biar cpt. pungli ni bah',
  cl='G-samsatbinjai', lang='Medan Malay', note='Medan/Binjai slang')
C('bn3', 'web', '03-15 13:40', 'korupsi_pungli', 'Kota Medan',
  'Di Samsat Medan Utara calo bekerja sama dengan petugas, meminta Rp300.000 untuk balik nama agar selesai sehari.',
  trap='bn1', note='trap: same problem (Samsat pungli), another city')
# ---- G6 Solok tanah ulayat (Minang)
C('sl1', 'email', '03-05 13:00', 'pertanahan', 'Kabupaten Solok > kec:Gunung Talang',
  'Yth. Kantor Pertanahan Kabupaten Solok,\n\nTanah ulayat kaum kami di Kecamatan Gunung Talang telah diterbitkan sertifikat atas nama perorangan tanpa persetujuan ninik mamak. Kami mohon peninjauan ulang penerbitan sertifikat tersebut.\n\nHormat kami,\nKerapatan Adat Nagari',
  subj='Sertifikat di atas tanah ulayat kaum', cl='G-solok')
C('sl2', 'social', '03-08 10:30', 'pertanahan', 'Kabupaten Solok > kec:Gunung Talang',
  'Tanah ulayat kaum kami di Gunung Talang disertifikatkan urang surang tanpa izin ninik mamak 😡 @atr_bpn baa caronyo ko? #Solok',
  cl='G-solok', lang='Minang', note='Minang')
# ---- G7 RSUD Koja
C('kj1', 'social', '03-16 22:10', 'korupsi_pungli', 'Kota Jakarta Utara > kec:Koja',
  'Di IGD RSUD Koja ada oknum petugas nawarin "kamar cepet" asal bayar 500rb 😡 pasien BPJS disuruh nunggu @DinkesDKI #pungli',
  cl='G-koja', note='pungli at a hospital')
C('kj2', 'web', '03-16 22:35', 'korupsi_pungli', 'Kota Jakarta Utara > kec:Koja > desa:Koja',
  'Keluarga pasien di RSUD Koja diminta Rp500.000 oleh oknum petugas agar pasien BPJS segera mendapat kamar rawat inap. Kejadian 16 Maret malam di IGD.',
  cl='G-koja')
C('kj3', 'sms', '03-18 12:30', 'korupsi_pungli', 'Kota Jakarta Utara > kec:Koja',
  'Bang, di rsud koja aye dimintain duit 500 rebu biar emak dapet kamar. Kagak ade kwitansi.',
  cl='G-koja', lang='Betawi', note='Betawi')
C('kj4', 'web', '03-19 16:20', 'kesehatan', 'Kota Jakarta Utara > kec:Koja',
  'AC di ruang rawat inap kelas 3 RSUD Koja mati sejak seminggu, pasien kepanasan.',
  trap='kj2', note='trap: same hospital, different problem (facility, kesehatan)')
# ---- G8 Tangerang coastal land
C('tn1', 'web', '03-12 10:00', 'pertanahan', 'Kabupaten Tangerang > kec:Pakuhaji > desa:Kohod',
  'Di perairan Desa Kohod, Pakuhaji, terdapat patok bambu yang diklaim sebagai bidang bersertifikat HGB. Nelayan tidak bisa melintas. Mohon BPN menjelaskan dasar penerbitannya.',
  cl='G-kohod')
C('tn2', 'social', '03-13 18:30', 'pertanahan', 'Kabupaten Tangerang > kec:Pakuhaji',
  'Laut di Kohod kok bisa ada sertifikatnya?? nelayan jadi muter jauh 😤 @atr_bpn #pagarlaut',
  cl='G-kohod')
C('tn3', 'sms', '03-14 08:10', 'pertanahan', 'Kabupaten Tangerang > kec:Teluknaga > desa:Tanjung Pasir',
  'tanah garapan kmi d tanjung pasir teluknaga diurug pengembang, pdhl blm ada jual beli. tlg bpn',
  trap='tn1', note='trap: nearby coastal area, pertanahan but a different dispute and desa')
# ---- G9 Lapas Cipinang
C('lc1', 'email', '03-20 09:00', 'korupsi_pungli', 'Kota Jakarta Timur > kec:Jatinegara > desa:Cipinang Besar Utara',
  'Yth. Ditjen Pemasyarakatan,\n\nSetiap kali mengunjungi suami saya di Lapas Cipinang, Kel. Cipinang Besar Utara, petugas di pintu meminta Rp50.000 "uang titip barang" dan Rp100.000 untuk kunjungan lebih lama. Mohon ditertibkan.\n\nHormat saya,\nMaria',
  subj='Pungutan saat kunjungan Lapas Cipinang', cl='G-cipinang', note='pungli at prison')
C('lc2', 'sms', '03-22 14:15', 'korupsi_pungli', 'Kota Jakarta Timur > kec:Jatinegara',
  'bsk lapas cipinang nitip mknan aja dipalak 50rb sm sipir, kunjungan lama 100rb. gmn ni',
  cl='G-cipinang')
# ---- G10 Magelang PBB
C('mg1', 'web', '03-10 09:30', 'pajak', 'Kota Magelang > kec:Magelang Tengah',
  'Tagihan PBB warga di Kecamatan Magelang Tengah tahun ini naik 200-300% tanpa sosialisasi. Mohon Pemkot meninjau kembali NJOP.',
  cl='G-pbbmgl')
C('mg2', 'sms', '03-12 10:45', 'pajak', 'Kota Magelang > kec:Magelang Tengah',
  'Nyuwun sewu, PBB griya kula ing Magelang Tengah mundhak kaping tiga. Punapa leres? Kula mboten kuwawi mbayar.',
  cl='G-pbbmgl', lang='Javanese (krama)', note='Javanese krama')
C('mg3', 'social', '03-14 19:00', 'pajak', 'Kota Magelang',
  'PBB Kota Magelang naik gila2an, tetangga pada kaget 😱 @pemkotmagelang ada keringanan ga? #PBB',
  cl='G-pbbmgl')
# ---- G11 Cianjur quake aid
C('cj1', 'web', '03-06 10:00', 'sosial', 'Kabupaten Cianjur > kec:Cugenang',
  'Warga penyintas gempa di Kecamatan Cugenang masih ada yang belum menerima dana stimulan perbaikan rumah tahap akhir, padahal sudah diverifikasi.',
  cl='G-cugenang')
C('cj2', 'sms', '03-09 16:30', 'sosial', 'Kabupaten Cianjur > kec:Cugenang',
  'bantuan imah ruksak gempa d cugenang can cair keneh, geus 2 taun. kumaha ieu pa?',
  cl='G-cugenang', lang='Sundanese', note='Sundanese')
# ---- extra traps on earlier clusters
C('xt1', 'web', '03-04 13:30', 'perhubungan', 'Kota Jakarta Selatan > kec:Tebet > desa:Manggarai',
  'Eskalator menuju peron 10 Stasiun Manggarai rusak dan tidak ada pemberitahuan jalur alternatif bagi penyandang disabilitas.',
  trap='jk2', note='trap: same station, different problem (broken escalator)')
C('xt2', 'sms', '03-10 07:15', 'lingkungan', 'Kota Yogyakarta > kec:Kotagede > desa:Prenggan',
  'uwuh nang depo prenggan kotagede luber nganti dalan, ambune ra nguati',
  trap='yk2', lang='Javanese (ngoko)', note='trap: same rubbish crisis, but Kota Yogyakarta (Kotagede) not Sleman')
C('xt3', 'social', '03-12 08:50', 'perhubungan', 'Kabupaten Badung > kec:Kuta Utara',
  'Macet Canggu makin gila, shortcut pun macet 🙃 @dishubbali #Canggu',
  trap='bl5', note='trap: same place, different problem (traffic)')
C('xt4', 'web', '03-05 08:15', 'air_bersih', 'Kota Batam > kec:Batu Aji',
  'Air dari ATB/PAM di perumahan kami di Batu Aji tidak mengalir sejak subuh.',
  trap='bt2', note='trap: same kecamatan, different utility (water vs electricity)')
C('xt5', 'web', '03-14 11:30', 'infrastruktur', 'Kota Palangkaraya > kec:Jekan Raya',
  'Drainase di Jl. G. Obos, Jekan Raya, tersumbat sehingga jalan tergenang setiap hujan.',
  trap='pr1', note='trap: same city, different problem')
C('xt6', 'sms', '03-08 20:30', 'kepolisian', 'Kabupaten Banyuwangi > kec:Kalipuro > desa:Ketapang',
  'hp sy dicopet d ruang tunggu plbhn ketapang, cctv ada tp satpam gk mau bantu',
  trap='bw1', note='trap: same port, different problem (theft)')
C('xt7', 'web', '03-10 12:15', 'air_bersih', 'Kota Ternate > kec:Pulau Ternate',
  'Air sumur warga di Pulau Ternate bagian barat mulai payau, mohon dibangun jaringan PDAM.',
  trap='tr2', note='trap: same city, water problem, different kecamatan and cause')
# ---- template-text traps (same template, other place)
C('tp1', 'sms', '03-15 19:20', 'infrastruktur', 'Kota Sukabumi',
  'Lampu PJU di Jl. Ahmad Yani Kota Sukabumi mati total sudah 2 minggu, jalan gelap rawan kecelakaan. Mohon segera diperbaiki.',
  note='template-style text; street spans kecamatan, only city determined')
C('tp2', 'sms', '03-16 19:45', 'infrastruktur', 'Kabupaten Indramayu',
  'Lampu PJU di Jl. Ahmad Yani Indramayu mati total sudah 2 minggu, jalan gelap rawan kecelakaan. Mohon segera diperbaiki.',
  trap='tp1', note='trap: same template text as another SMS, different city; "Indramayu" read as the kabupaten, not Kec. Indramayu')
C('tp3', 'web', '03-18 09:00', 'kependudukan', 'Kabupaten Kampar > kec:Bangkinang Kota',
  'Mohon informasi, pencetakan KTP-el di Disdukcapil Kampar di Bangkinang terhenti karena blangko habis. Kapan tersedia kembali?',
  trap='tr4', note='trap: same template problem (blank KTP stock) in another province')
# ---- more regional & varied singles
C('xr1', 'social', '03-19 07:10', 'energi', 'Kabupaten Karo > kec:Kabanjahe',
  'Mejuah-juah! Lampu mati terus di Kabanjahe, udah 3 malam gelap 😤 @PLN_123 kam kerina tolong lah #Karo',
  lang='Karo Batak (mixed)', note='Karo greeting/words in Indonesian text')
C('xr2', 'sms', '03-20 09:30', 'korupsi_pungli', 'Kabupaten Aceh Besar',
  'kamoe peugah bak kantor geuchik, urusan surat tanoh geupinta peng 500rb. nyoe pungli',
  lang='Acehnese', note='Acehnese: village office asks money for land letter')
C('xr3', 'web', '03-21 10:40', 'ketenagakerjaan', 'Kabupaten Indramayu > kec:Juntinyuat',
  'Anak kula dadi PMI ning Taiwan, agen ning Juntinyuat ora gelem balekaken paspor lan ijazahe. Tulung dibantu.',
  lang='Javanese (Indramayu)', note='Indramayu Javanese dialect in West Java')
C('xr4', 'social', '03-22 20:20', 'pendidikan', 'Kabupaten Tanah Datar > kec:Lima Kaum',
  'Sakola anak ambo di Lima Kaum mintak pitih study tour 3 juta, wajib katonyo 😩 @disdiksumbar #TanahDatar',
  lang='Minang', note='Minang; mandatory trip fee = pendidikan')
C('xr5', 'sms', '03-23 18:00', 'energi', 'Kota Banjarmasin > kec:Banjarmasin Utara > desa:Kuin Utara',
  'lampu di kuin utara pajah tarus, kulkas ulun rusak. pln lakasi pang',
  lang='Banjar', note='Banjar: "pajah" = off')
C('xr6', 'web', '03-24 15:10', 'sosial', 'Kabupaten Sidenreng Rappang',
  'Idi warga miskin di Sidrap de\' naengka bantuan PKH, na engka tau sugi maddapi. Tolong dicek datanya.',
  lang='Bugis (mixed)', note='Bugis-Indonesian mix; "Sidrap" = Sidenreng Rappang')
C('xr7', 'social', '03-25 13:30', 'kepolisian', 'Kota Manado > kec:Malalayang',
  'Ada orang mabo bawa piso di dekat kampus Unsrat Malalayang, torang takut ba jalan malam 😰 @polda_sulut',
  lang='Manado Malay', note='Manado Malay: "mabo" = drunk')
C('xr8', 'web', '03-26 11:00', 'perizinan', 'Kabupaten Lombok Utara',
  'Pengajuan izin usaha kafe kami di Gili Trawangan tidak diproses karena diminta rekomendasi dari pihak yang tidak jelas. Tiang jari bingung.',
  lang='Sasak (mixed)', note='Sasak "tiang" = I; Gili Trawangan in Lombok Utara')
C('xr9', 'sms', '03-26 20:10', 'perizinan', 'Kota Denpasar',
  'Tiang sampun ngurus izin usaha laundry di Denpasar, nanging nenten wenten kabar sampun kalih bulan. Nunas tulung.',
  lang='Balinese', note='Balinese')
C('xr10', 'web', '03-27 08:40', 'kesehatan', 'Kabupaten Minahasa',
  'Puskesmas di kampung kami di Minahasa so nda ada dokter, cuma perawat. Kalu ada yang sakit parah musti ke Tondano.',
  lang='Manado Malay', note='Manado Malay')
C('xr11', 'email', '03-27 14:00', 'lainnya', 'Kota Bandung',
  'Yth. Pemkot Bandung,\n\nSaya ingin mengapresiasi petugas kebersihan di Alun-alun Bandung yang bekerja sangat baik selama libur panjang. Semoga diberi penghargaan.\n\nSalam,\nGita',
  subj='Apresiasi petugas kebersihan', note='praise -> lainnya; Alun-alun Bandung lies on kecamatan boundary, left null')
C('xr12', 'sms', '03-28 07:50', 'pajak', 'Kabupaten Kediri',
  'sy mau byr pbb desa d kab kediri tp perangkat desa blm bagiin sppt, udh mau jatuh tempo',
  note='PBB notice not distributed = pajak')
C('xr13', 'social', '03-28 10:20', 'telekomunikasi', 'Kabupaten Aceh Tengah',
  'Di Takengon jaringan internet putus 2 hari, bank & ATM ikut mati 😩 @TelkomIndonesia #AcehTengah',)
C('xr14', 'web', '03-28 15:30', 'pendidikan', 'Kabupaten Pati',
  'Sekolah negeri di Pati menahan ijazah anak saya karena masih ada tunggakan uang komite Rp750.000.',
  note='withholding diploma for fees: labelled pendidikan')
C('xr15', 'email', '03-29 09:20', 'pajak', 'Kabupaten Bintan',
  'Yth. Bapenda Kabupaten Bintan,\n\nKami pemilik homestay kecil ditagih pajak hotel untuk tiga tahun ke belakang sekaligus dengan denda, padahal tidak pernah ada sosialisasi. Mohon keringanan.\n\nHormat kami,\nPemilik homestay Trikora',
  subj='Tagihan pajak hotel tiga tahun sekaligus')
C('xr16', 'sms', '03-29 12:30', 'kependudukan', 'Kota Lubuklinggau',
  'ngurus akta kematian bapak d dukcapil lubuklinggau disuruh bolak balik 4x, syarat beda2 tiap petugas',)
C('xr17', 'web', '03-29 17:00', 'ketenagakerjaan', 'Kabupaten Purwakarta',
  'Perusahaan garmen di Purwakarta memotong gaji karyawan yang sakit meski ada surat dokter. Kami juga tidak diberi slip gaji.',)
C('xr18', 'social', '03-30 08:10', 'lainnya', 'Kabupaten Banyuwangi',
  'Min, kalau mau usul festival budaya Osing di Banyuwangi ke mana ya? 🙏 #Banyuwangi',
  note='cultural proposal, not a complaint')
R('dm1', 3)
R('kj3', 11, text='Bang, di rsud koja aye dimintain duit 500 rebu biar emak dapet kamar. Kagak ade kwitansi!!')
