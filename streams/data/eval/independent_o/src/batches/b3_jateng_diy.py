from common import C, R
SM = 'Kota Semarang'
# ---- Jawa Tengah
C('sm1', 'sms', '03-03 05:20', 'infrastruktur', SM + ' > kec:Semarang Utara > desa:Tanjung Mas',
  'rob mlebu omah maneh nang tanjung mas, pompane mati. banyune sak dengkul, tulung pak',
  cl='C-rob', lang='Javanese (ngoko)', note='Javanese ngoko; tidal flood because pump failed = infrastruktur')
C('sm2', 'email', '03-03 09:15', 'infrastruktur', SM + ' > kec:Semarang Utara > desa:Tanjung Mas',
  'Kepada Yth. Dinas Pekerjaan Umum Kota Semarang,\n\nRumah pompa di Kelurahan Tanjung Mas, Semarang Utara, tidak beroperasi sejak 2 Maret sehingga banjir rob setinggi lutut menggenangi permukiman warga dekat Pelabuhan Tanjung Emas. Mohon perbaikan pompa segera.\n\nHormat kami,\nLPMK Tanjung Mas',
  subj='Pompa rob Tanjung Mas tidak berfungsi', cl='C-rob')
C('sm3', 'social', '03-04 07:40', 'infrastruktur', SM + ' > kec:Semarang Utara',
  'Kampung deket Pelabuhan Tanjung Emas kerendem rob lagi, katanya pompanya rusak 😩 @pemkotsemarang @hendrarprihadi #rob #Semarang',
  cl='C-rob')
C('sm4', 'web', '03-06 08:30', 'infrastruktur', SM + ' > kec:Genuk',
  'Genangan rob di Jalan Kaligawe, Kecamatan Genuk, belum surut tiga hari dan mengganggu lalu lintas. Mohon pompa tambahan.',
  trap='sm2', note='trap: same city, same tidal-flood problem, different kecamatan')
C('sm5', 'web', '03-09 14:00', 'kepolisian', SM + ' > kec:Tembalang > desa:Tembalang',
  'Di kos-kosan mahasiswa sekitar Undip Tembalang sudah lima motor hilang bulan ini. Pelaku masuk dini hari. Mohon patroli polisi ditingkatkan.',
  cl='C-undip')
C('sm6', 'social', '03-10 13:10', 'kepolisian', SM + ' > kec:Tembalang',
  'Motor temenku ilang di kos deket kampus Undip, udah kasus ke-6 😭 @polrestabessmg tolong patroli #Tembalang',
  cl='C-undip')
C('sm7', 'sms', '03-12 10:30', 'kesehatan', SM,
  'rsud semarang antri bpjs dr jam 5 pgi smp jm 2 siang blm dipanggil. lansia pd pingsan',)
C('so1', 'web', '03-05 09:45', 'korupsi_pungli', 'Kota Surakarta > kec:Pasar Kliwon',
  'Nyuwun pirsa, wonten oknum pengelola Pasar Klewer ingkang nyuwun arta Rp50.000 saben wulan dhateng pedagang lesehan tanpa karcis resmi. Menawi mboten mbayar, lapakipun dipun usir.',
  cl='C-klewer', lang='Javanese (krama)', note='Javanese krama; market official demanding money')
C('so2', 'social', '03-07 16:25', 'korupsi_pungli', 'Kota Surakarta > kec:Pasar Kliwon > desa:Gajahan',
  'Pedagang Klewer ditarik 50rb/bulan sama oknum pengelola tanpa karcis, nek ra bayar diusir 😡 @pemkot_solo @gibran_tweet #Solo #pungli',
  cl='C-klewer')
C('so3', 'sms', '03-08 11:30', 'korupsi_pungli', 'Kota Surakarta > kec:Jebres > desa:Sudiroprajan',
  'pdgng psr gede solo dimintain uang 30rb tiap minggu sm oknum, ngakunya iuran kebersihan tp gk ada karcis',
  trap='so1', note='trap: same city, same kind of market pungli, different market (Pasar Gede, Jebres)')
C('so4', 'email', '03-14 08:10', 'perhubungan', 'Kota Surakarta > kec:Banjarsari',
  'Yth. Dishub Kota Surakarta,\n\nLampu lalu lintas di simpang dekat Stasiun Solo Balapan mati sejak dua hari lalu sehingga terjadi kemacetan dan hampir tabrakan. Mohon segera diperbaiki.\n\nSalam,\nWahyu',
  subj='Lampu lalu lintas mati dekat Solo Balapan', note='traffic light = perhubungan by convention')
C('jt1', 'web', '03-04 12:00', 'infrastruktur', 'Kabupaten Banyumas > kec:Purwokerto Utara',
  'Dalane nang Purwokerto Utara bolong-bolong kaya kolam, nek udan ora ketok. Inyong wis tiba sepisan. Ndang didandani lah!',
  lang='Javanese (Banyumasan)', note='Banyumasan (ngapak) Javanese')
C('jt2', 'sms', '03-06 19:00', 'energi', 'Kota Tegal',
  'lampune mati maning nang tegal, wis kaping telu minggu kiye. pln kepriwe sih',
  lang='Javanese (Tegal)', note='Tegal Javanese; household outage')
C('jt3', 'social', '03-11 08:45', 'korupsi_pungli', 'Kabupaten Magelang > kec:Borobudur',
  'Parkir bus di Borobudur ditarik 2x, satu resmi satu lagi sama oknum petugas berseragam 🙄 @kemenparekraf #Borobudur',
  note='uniformed official double-charging = pungli')
C('jt4', 'email', '03-13 10:50', 'sosial', 'Kabupaten Klaten',
  'Yth. Dinas Sosial Kabupaten Klaten,\n\nAyah saya penyandang disabilitas (lumpuh) di Klaten belum pernah mendapat bantuan kursi roda maupun ATENSI meski sudah mengajukan dua kali lewat desa.\n\nHormat saya,\nNurul',
  subj='Permohonan bantuan alat bantu disabilitas')
C('jt5', 'sms', '03-15 07:35', 'pendidikan', 'Kabupaten Brebes',
  'ank sy kls 5 SD d brebes blm trima KIP pdhl udh diusulkan thn lalu. sekolah blg tunggu aja',)
C('jt6', 'web', '03-16 13:20', 'kependudukan', 'Kabupaten Cilacap',
  'Nama ibu saya di KTP-el salah ketik (Sumirah jadi Sumira). Sudah dua kali ke Disdukcapil Cilacap tetapi disuruh kembali karena server offline.')
C('jt7', 'social', '03-17 06:20', 'lingkungan', 'Kabupaten Wonosobo > kec:Kejajar',
  'Di Dieng lahan kentang makin nggerus hutan, tiap hujan longsor & kali keruh 😢 #Dieng #Wonosobo',
  note='Dieng plateau in Kec. Kejajar, Wonosobo')
C('jt8', 'web', '03-19 09:10', 'pertanahan', 'Kabupaten Boyolali',
  'Tanah kami di Boyolali terkena proyek jalan tol namun nilai ganti rugi belum dibayar sementara bangunan sudah dibongkar.',
  note='land acquisition compensation = pertanahan')
C('jt9', 'sms', '03-21 21:15', 'telekomunikasi', 'Kabupaten Kebumen',
  'sinyal hp nang desa kula kebumen ilang sakwise hujan gede, ora iso telpon. tulung operator',
  lang='Javanese (Banyumasan)', note='Kebumen Javanese')
C('jt10', 'web', '03-23 15:00', 'perizinan', 'Kabupaten Kudus',
  'Pabrik rokok baru di dekat permukiman Kudus beroperasi tanpa izin lingkungan dan PBG. Warga tidak pernah diajak sosialisasi. Mohon izin dicek.',
  note='unlicensed factory: permit question = perizinan')
C('jt11', 'email', '03-25 08:00', 'pajak', 'Kabupaten Jepara',
  'Yth. Bapenda Kabupaten Jepara,\n\nSPPT PBB tahun ini mencantumkan luas tanah 800 m2, padahal sertifikat kami 350 m2. Mohon koreksi objek pajak.\n\nTerima kasih,\nSlamet',
  subj='Koreksi luas objek PBB')
# ---- DI Yogyakarta
C('yk1', 'social', '03-05 21:00', 'lingkungan', 'Kabupaten Sleman > kec:Depok > desa:Caturtunggal',
  'Sampah di pinggir jalan deket UGM numpuk seminggu, depo ditutup katanya 🤮 @pemkabsleman #jogjadaruratsampah',
  cl='C-sampahugm')
C('yk2', 'email', '03-06 09:30', 'lingkungan', 'Kabupaten Sleman > kec:Depok > desa:Caturtunggal',
  'Yth. DLH Kabupaten Sleman,\n\nSejak depo sampah di Kalurahan Caturtunggal ditutup, warga membuang sampah di pinggir Jl. Kaliurang km 5 sehingga menumpuk dan berbau. Mohon solusi pengangkutan.\n\nHormat kami,\nPengurus RT',
  subj='Penumpukan sampah di Caturtunggal', cl='C-sampahugm')
C('yk3', 'sms', '03-09 06:15', 'lingkungan', 'Kabupaten Sleman',
  'uwuh nang jakal km 5 numpuk ra diangkut seminggu, ambune ra karuan. piye iki pemkab',
  cl='C-sampahugm', lang='Javanese (ngoko)', note='"jakal" = Jalan Kaliurang (road borders Depok and Mlati, so kecamatan null); "uwuh" = rubbish; Sleman implied by "pemkab" + Jakal')
C('yk4', 'web', '03-07 19:40', 'infrastruktur', 'Kota Yogyakarta > kec:Umbulharjo > desa:Giwangan',
  'Lampu penerangan jalan di Jl. Imogiri Timur sekitar Terminal Giwangan mati sepanjang 300 meter, rawan kejahatan malam hari.',
  cl='C-giwangan', note='street lights (PJU) = infrastruktur by convention')
C('yk5', 'sms', '03-08 22:30', 'infrastruktur', 'Kota Yogyakarta > kec:Umbulharjo',
  'lampu jln cdk terminal giwangan mati kabeh, peteng ndhedhet. wedi begal',
  cl='C-giwangan', lang='Javanese (ngoko)', note='Javanese; "cdk" = cedhak (near)')
C('yk6', 'social', '03-11 20:05', 'infrastruktur', 'Kota Yogyakarta > kec:Umbulharjo',
  'Masih gelap gulita jalan depan Terminal Giwangan, PJU mati udah 4 hari 😑 @pemkotjogja',
  cl='C-giwangan')
C('yk7', 'web', '03-12 18:20', 'infrastruktur', 'Kota Yogyakarta > kec:Umbulharjo > desa:Sorosutan',
  'PJU di Jl. Veteran, Kelurahan Sorosutan, mati dua tiang. Mohon diganti lampunya.',
  trap='yk4', note='trap: same kecamatan, same problem, different street/kelurahan')
C('yk8', 'email', '03-10 11:00', 'ketertiban', 'Kota Yogyakarta > kec:Gondomanan > desa:Ngupasan',
  'Yth. Satpol PP Kota Yogyakarta,\n\nPengamen dan juru foto di kawasan Titik Nol Kilometer, Kelurahan Ngupasan, memaksa wisatawan membayar setelah memotret tanpa izin. Mohon penertiban.\n\nSalam,\nLaras',
  subj='Pemaksaan oleh juru foto di Titik Nol')
C('yk9', 'sms', '03-14 12:40', 'air_bersih', 'Kabupaten Gunungkidul > kec:Girisubo',
  'dusun kmi d girisubo gk ada air, sumur asat, droping air blm dtg 2 mgg. beli tangki 150rb',
  cl='C-gkidul', note='drought; "asat" = dry')
C('yk10', 'web', '03-16 10:30', 'air_bersih', 'Kabupaten Gunungkidul > kec:Girisubo',
  'Warga Kapanewon Girisubo kesulitan air bersih karena kemarau, telaga kering dan dropping air dari BPBD belum sampai. Mohon bantuan tangki.',
  cl='C-gkidul', note='"kapanewon" = kecamatan in DIY')
C('yk11', 'social', '03-18 09:00', 'air_bersih', 'Kabupaten Gunungkidul > kec:Rongkop',
  'Rongkop juga kering kerontang, PDAM ga ngalir 3 minggu 😭 @pemkabgk #Gunungkidul',
  trap='yk10', note='trap: same kabupaten and problem, neighbouring kecamatan')
C('yk12', 'email', '03-19 16:15', 'perhubungan', 'Kabupaten Kulon Progo > kec:Temon',
  'Yth. PT Angkasa Pura,\n\nShuttle dari Bandara YIA ke Kota Yogyakarta terakhir berangkat pukul 20.00, sementara banyak pesawat mendarat pukul 21.00-22.00. Mohon penambahan jadwal.\n\nHormat saya,\nArif',
  subj='Jadwal shuttle bandara YIA')
C('yk13', 'web', '03-22 08:45', 'kesehatan', 'Kabupaten Bantul',
  'Kasus demam berdarah di dusun kami di Bantul sudah 6 orang bulan ini, tapi fogging belum juga dilakukan puskesmas.',
  note='dengue fogging = kesehatan')
C('yk14', 'sms', '03-24 13:30', 'ketenagakerjaan', 'Kota Yogyakarta',
  'sy kerja d toko d jogja dibayar 1,2 jt sbln, d bwh UMK. kl protes diancam dipecat. lapor kmn?',)
R('yk5', 5)
R('so2', 8, text='Pedagang Klewer ditarik 50rb/bulan sama oknum pengelola tanpa karcis, nek ra bayar diusir 😡😡 @pemkot_solo @gibran_tweet #Solo #pungli')
