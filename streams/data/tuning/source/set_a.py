from lib import *

# 1. Air PDAM mati, Kel. Sukaluyu, Kota Bandung — four channels, Sundanese SMS
p = desa('Sukaluyu', '3273')
add('email', '2026-03-02T01:10:00Z', 'air_bersih', p, "Dengan hormat, kami warga RW 07 Kelurahan Sukaluyu, Kecamatan Cibeunying Kaler, Kota Bandung, melaporkan bahwa aliran air PDAM Tirtawening di lingkungan kami terhenti sejak hari Jumat. Mohon segera ditindaklanjuti.", 'air-sukaluyu', subject='Air PDAM tidak mengalir di Kel. Sukaluyu', reporter='rw07.sukaluyu@contoh.id')
add('sms', '2026-03-02T03:40:00Z', 'air_bersih', p, "cai pdam di sukaluyu teu ngocor ti jumaah, rw 7. kumaha ieu teh", 'air-sukaluyu', reporter='081311112201', note='Sundanese')
add('social', '2026-03-02T06:05:00Z', 'air_bersih', p, "@pdamkotabandung udah 3 hari air mati di kel sukaluyu cibeunying kaler, mandi pake air galon 😭", 'air-sukaluyu', reporter='@neng_sukaluyu')
add('web', '2026-03-03T02:00:00Z', 'air_bersih', p, "Air ledeng di Sukaluyu Bandung mati total sejak Jumat, warga RW 07 harus beli air.", 'air-sukaluyu', reporter='warga.sukaluyu@contoh.id')
# trap: same city, same problem, different kelurahan
add('sms', '2026-03-02T09:00:00Z', 'air_bersih', desa('Merdeka', '3273'), "air pdam mati di kel merdeka sumur bandung udah 2 hari", 'air-merdeka', reporter='081311112299', trap_of='air-sukaluyu')

# 2. Jalan berlubang Jl. Kaliurang, Caturtunggal, Sleman
p = desa('Caturtunggal', '3404')
add('web', '2026-03-03T01:00:00Z', 'infrastruktur', p, "Jalan Kaliurang km 5 depan kampus di Desa Caturtunggal, Depok, Sleman berlubang besar dan sudah menyebabkan dua pengendara jatuh. Mohon ditambal.", 'jakal-lubang', reporter='caturtunggal@contoh.id')
add('sms', '2026-03-03T02:30:00Z', 'infrastruktur', p, "jln kaliurang km 5 caturtunggal bolong gede, ws ono sing tibo 2 wong. tulung didandani", 'jakal-lubang', reporter='081322220001', note='Javanese')
add('social', '2026-03-03T05:10:00Z', 'infrastruktur', p, "Lubang di Jakal km 5 Caturtunggal makin parah, tiap ujan kaya kolam. @pemkabsleman tolong dong", 'jakal-lubang', reporter='@jogjaupdate')
# trap: same road type problem, same kabupaten, another desa
add('social', '2026-03-03T07:00:00Z', 'infrastruktur', desa('Condongcatur', '3404'), "Jalan Affandi (Gejayan) di Condongcatur berlubang parah, hati2 yg lewat malam", 'gejayan-lubang', reporter='@jogjaupdate2', trap_of='jakal-lubang')

# 3. Pungli pembuatan SIM di Polres (kepolisian vs korupsi_pungli: pungli -> korupsi_pungli)
add('email', '2026-03-04T02:00:00Z', 'korupsi_pungli', kab('3578'), "Yth. Saber Pungli, saat mengurus perpanjangan SIM di Satpas Polrestabes Surabaya saya diminta membayar Rp 350.000 oleh oknum petugas agar lulus ujian praktik tanpa antre. Saya lampirkan kronologinya.", 'pungli-sim-sby', subject='Pungli di Satpas SIM Polrestabes Surabaya', reporter='warga.sby@contoh.id')
add('sms', '2026-03-04T04:00:00Z', 'korupsi_pungli', kab('3578'), "bikin sim di polrestabes sby dipalak 350rb biar lulus praktek, kalo ga bayar disuruh ulang terus", 'pungli-sim-sby', reporter='081333330001')
add('social', '2026-03-04T08:00:00Z', 'korupsi_pungli', kab('3578'), "Masih aja ya calo & oknum nembak SIM di Satpas Polrestabes Surabaya, 350 ribu katanya 'uang pelicin'", 'pungli-sim-sby', reporter='@arek_sby')

# 4. Pungli imigrasi paspor
add('web', '2026-03-05T01:00:00Z', 'korupsi_pungli', kab('3674'), "Di Kantor Imigrasi Tangerang Selatan ada calo yang menawarkan paspor jadi dalam 2 hari dengan biaya tambahan Rp 1,5 juta, dan petugas loket ikut mengarahkan ke calo itu.", 'pungli-imigrasi-tangsel', reporter='paspor@contoh.id')
add('sms', '2026-03-05T03:00:00Z', 'korupsi_pungli', kab('3674'), "kantor imigrasi tangsel ada calo paspor 1,5jt, petugas loketnya malah nyuruh lewat calo", 'pungli-imigrasi-tangsel', reporter='081344440001')

# 5. Listrik padam, Kel. Tegalsari, Surabaya (energi)
p = desa('Tegalsari', '3578')
add('social', '2026-03-05T12:00:00Z', 'energi', p, "Lampu mati lagi di Kel. Tegalsari Surabaya, ini ketiga kalinya minggu ini. @pln_123 kapan beres?", 'pln-tegalsari', reporter='@tegalsari_sby')
add('sms', '2026-03-05T12:40:00Z', 'energi', p, "listrik byarpet terus di tegalsari sby, kulkas rusak. pln tolong", 'pln-tegalsari', reporter='081355550001')
add('email', '2026-03-06T01:00:00Z', 'energi', p, "Kepada PLN UP3 Surabaya Selatan, pemadaman listrik berulang terjadi di Kelurahan Tegalsari, Kecamatan Tegalsari, tiga kali dalam seminggu tanpa pemberitahuan, mengakibatkan peralatan elektronik warga rusak.", 'pln-tegalsari', subject='Pemadaman berulang Kel. Tegalsari', reporter='rt03.tegalsari@contoh.id')
add('sms', '2026-03-05T12:41:00Z', 'energi', p, "listrik byarpet terus di tegalsari sby, kulkas rusak. pln tolong", 'pln-tegalsari', reporter='081355550001', note='resend')

# 6. Sampah menumpuk di Pasar Kramat Jati / landmark
add('web', '2026-03-06T02:00:00Z', 'lingkungan', kab('3175'), "Sampah di belakang Pasar Induk Kramat Jati sudah menggunung dan baunya sampai ke permukiman, truk sampah tidak datang seminggu.", 'sampah-pik', reporter='pik@contoh.id')
add('sms', '2026-03-06T05:00:00Z', 'lingkungan', kab('3175'), "smpah blkg psr induk kramat jati numpuk bgt bau bngt udh seminggu ga diangkut", 'sampah-pik', reporter='081366660001')
add('social', '2026-03-06T09:00:00Z', 'lingkungan', kab('3175'), "Gunungan sampah di Pasar Induk Kramatjati, warga sekitar sampe mual. Dinas LH Jaktim mana nih", 'sampah-pik', reporter='@jaktim_info')

# 7. KTP-el blanko kosong, Disdukcapil Kab. Bogor (kecamatan Cibinong)
p = kec('Cibinong', '3201')
add('sms', '2026-03-07T01:00:00Z', 'kependudukan', p, "ngurus ektp di kecamatan cibinong blanko abis trs udh 3 bln, cm dikasih suket", 'ktp-cibinong', reporter='081377770001')
add('web', '2026-03-07T03:00:00Z', 'kependudukan', p, "Sudah tiga bulan pencetakan KTP elektronik di Kantor Kecamatan Cibinong, Kabupaten Bogor, tertunda karena blangko habis. Kami hanya diberi surat keterangan.", 'ktp-cibinong', reporter='ktp@contoh.id')
add('social', '2026-03-07T06:00:00Z', 'kependudukan', p, "KTP-el gw di Cibinong kab bogor ga jadi2, katanya blangko kosong. Disdukcapil please", 'ktp-cibinong', reporter='@bogorkita')

# 8. Banjir Kampung Melayu (Jakarta Timur)
p = desa('Kampung Melayu', '3175')
add('social', '2026-03-08T00:30:00Z', 'sosial', p, "Kampung Melayu kerendem lagi, air Ciliwung meluap sepinggang. Posko pengungsian belum ada logistik", 'banjir-kpmelayu', reporter='@warga_kpm')
add('sms', '2026-03-08T01:00:00Z', 'sosial', p, "banjir kp melayu jatinegara sepinggang, pengungsi blm dpt makan", 'banjir-kpmelayu', reporter='081388880001')
add('email', '2026-03-08T03:00:00Z', 'sosial', p, "Banjir akibat luapan Sungai Ciliwung merendam Kelurahan Kampung Melayu, Kecamatan Jatinegara, setinggi satu meter. Pengungsi di posko belum menerima bantuan makanan.", 'banjir-kpmelayu', subject='Banjir Kel. Kampung Melayu', reporter='posko.kpm@contoh.id')
# trap: banjir in Bukit Duri across the river (Jakarta Selatan)
add('social', '2026-03-08T02:00:00Z', 'infrastruktur', desa('Bukit Duri', '3174'), "Bukit Duri juga kebanjiran, air Ciliwung masuk rumah warga RW 12", 'banjir-bukitduri', reporter='@tebet_info', trap_of='banjir-kpmelayu')

# 9. Antrean BBM/ solar di SPBU — energi, Kota Pekanbaru
add('web', '2026-03-09T01:00:00Z', 'energi', kab('1471'), "Antrean solar di SPBU Jalan Soekarno-Hatta Pekanbaru mengular hingga 2 km setiap hari, truk menginap di bahu jalan.", 'solar-pku', reporter='sopir@contoh.id')
add('sms', '2026-03-09T02:00:00Z', 'energi', kab('1471'), "solar langka di pku, antri di spbu soekarno hatta 2km smp nginep", 'solar-pku', reporter='081399990001')

# 10. Pungli di kantor kelurahan untuk surat pindah (Medan)
p = desa('Petisah Tengah', '1271')
add('sms', '2026-03-10T01:00:00Z', 'korupsi_pungli', p, "urus surat pindah di kantor lurah petisah tengah dimintai 200rb, katanya uang adm", 'pungli-petisah', reporter='081200000101')
add('social', '2026-03-10T04:00:00Z', 'korupsi_pungli', p, "Kantor Lurah Petisah Tengah Medan minta 'uang administrasi' 200 ribu buat surat pindah. Bukannya gratis?", 'pungli-petisah', reporter='@medanbah')
add('email', '2026-03-10T06:00:00Z', 'korupsi_pungli', p, "Saya dimintai Rp 200.000 oleh staf Kelurahan Petisah Tengah, Kecamatan Medan Petisah, untuk penerbitan surat keterangan pindah, tanpa kuitansi.", 'pungli-petisah', subject='Pungutan surat pindah', reporter='pindah.medan@contoh.id')

# 11. Lampu PJU mati — infrastruktur? (PJU = penerangan jalan: infrastruktur in this project?) use energi? keep infrastruktur
p = desa('Tlogomas', '3573')
add('sms', '2026-03-11T12:00:00Z', 'infrastruktur', p, "pju jl tlogomas mati smua, gelap bgt rawan begal", 'pju-tlogomas', reporter='081200000201')
add('social', '2026-03-11T13:00:00Z', 'infrastruktur', p, "Lampu jalan sepanjang Tlogomas Malang padam seminggu, jalanan gelap gulita. Dishub/DPUPR Kota Malang cek dong", 'pju-tlogomas', reporter='@malangraya')

# 12. Sinyal hilang (telekomunikasi), desa in Kab. Sukabumi
p = desa('Benda', '3202')
add('web', '2026-03-12T02:00:00Z', 'telekomunikasi', p, "Sinyal seluler di Desa Benda, Kecamatan Cicurug, Kabupaten Sukabumi hilang sejak menara BTS rusak tersambar petir dua minggu lalu.", 'bts-benda', reporter='benda@contoh.id')
add('sms', '2026-03-12T05:00:00Z', 'telekomunikasi', p, "sinyal ilang di ds benda cicurug sukabumi, tower bts kesamber petir 2 minggu blm dibenerin", 'bts-benda', reporter='081200000301')

# 13. Gaji di bawah UMK (ketenagakerjaan), Kab. Karawang
add('email', '2026-03-12T03:00:00Z', 'ketenagakerjaan', kab('3215'), "Kami buruh pabrik garmen di kawasan industri KIIC Karawang dibayar di bawah UMK dan lembur tidak dihitung. Mohon Disnaker melakukan pemeriksaan.", 'umk-karawang', subject='Upah di bawah UMK', reporter='buruh@contoh.id')
add('sms', '2026-03-12T09:00:00Z', 'ketenagakerjaan', kab('3215'), "gajian di bwh umk di pabrik garmen kiic karawang, lembur ga dibayar", 'umk-karawang', reporter='081200000401')

# 14. Bansos PKH tidak cair, Javanese
p = desa('Mojosongo', '3372')
add('sms', '2026-03-13T01:00:00Z', 'sosial', p, "pkh kulo mboten cair wis 3 wulan, kel mojosongo jebres solo", 'pkh-mojosongo', reporter='081200000501', note='Javanese')
add('web', '2026-03-13T04:00:00Z', 'sosial', p, "Bantuan PKH keluarga kami di Kelurahan Mojosongo, Jebres, Surakarta tidak cair selama tiga bulan, padahal nama masih terdaftar di DTKS.", 'pkh-mojosongo', reporter='pkh@contoh.id')

# 15. Puskesmas — kesehatan, BPJS ditolak
add('social', '2026-03-14T02:00:00Z', 'kesehatan', kab('3374'), "Pasien BPJS ditolak di IGD RSUD KRMT Wongsonegoro Semarang katanya kamar penuh, disuruh ke RS swasta bayar", 'rsud-smg', reporter='@semarangan')
add('email', '2026-03-14T05:00:00Z', 'kesehatan', kab('3374'), "Ayah saya peserta BPJS Kesehatan ditolak IGD RSUD K.R.M.T. Wongsonegoro Kota Semarang dengan alasan kamar penuh dan diarahkan ke rumah sakit swasta.", 'rsud-smg', subject='Penolakan pasien BPJS', reporter='anak.pasien@contoh.id')

# 16. Parkir liar depan Stasiun Bekasi — ketertiban (landmark)
add('sms', '2026-03-15T01:00:00Z', 'perhubungan', kab('3275'), "parkir liar depan stasiun bekasi mkn parah, jukirnya maksa 10rb", 'parkir-stbekasi', reporter='081200000601')
add('social', '2026-03-15T03:00:00Z', 'perhubungan', kab('3275'), "Jukir liar di depan Stasiun Bekasi narik 10 ribu, motor ditaruh di trotoar. Dishub Kota Bekasi?", 'parkir-stbekasi', reporter='@bekasiku')
add('web', '2026-03-15T06:00:00Z', 'perhubungan', kab('3275'), "Juru parkir liar di area Stasiun Bekasi memungut tarif Rp 10.000 dan menghalangi trotoar.", 'parkir-stbekasi', reporter='stasiun@contoh.id')

# 17. Angkot ngetem, perhubungan, Bogor landmark Terminal Baranangsiang
add('sms', '2026-03-16T02:00:00Z', 'perhubungan', kab('3271'), "angkot ngetem smbarangan di depan terminal baranangsiang bikin macet parah tiap sore", 'ngetem-baranangsiang', reporter='081200000701')
add('social', '2026-03-16T09:00:00Z', 'perhubungan', kab('3271'), "Macet total di Baranangsiang gara2 angkot ngetem depan terminal. Dishub Bogor turun dong", 'ngetem-baranangsiang', reporter='@bogorupdate')

# 18. Sertifikat tanah PTSL mandek - desa in Kab. Cianjur (kecamatan Sukaluyu!) — trap for place name reuse
p = desa('Sukaluyu', '320309')
add('web', '2026-03-17T02:00:00Z', 'pertanahan', p, "Sertifikat PTSL warga Desa Sukaluyu, Kecamatan Sukaluyu, Kabupaten Cianjur belum dibagikan sejak 2024.", 'ptsl-sukaluyu-cjr', reporter='ptsl@contoh.id', note='same name as a Bandung kelurahan')
add('sms', '2026-03-17T06:00:00Z', 'pertanahan', p, "sertipikat ptsl ds sukaluyu cianjur blm dibagi dr 2024, ditanya ke desa ngeles trs", 'ptsl-sukaluyu-cjr', reporter='081200000801')

# 19. Sekolah: pungli seragam SMPN — pendidikan vs pungli
add('email', '2026-03-18T01:00:00Z', 'pendidikan', kab('3671'), "Sekolah SMP Negeri 5 Kota Tangerang mewajibkan pembelian seragam dan buku LKS di koperasi sekolah seharga Rp 1.200.000.", 'seragam-smpn5-tng', subject='Kewajiban beli seragam', reporter='ortu@contoh.id')
add('sms', '2026-03-18T03:00:00Z', 'pendidikan', kab('3671'), "smpn 5 kota tangerang wajibin beli seragam + lks 1,2jt di koperasi", 'seragam-smpn5-tng', reporter='081200000901')
add('social', '2026-03-18T05:00:00Z', 'pendidikan', kab('3671'), "SMPN 3 Kota Tangerang juga wajib beli seragam di koperasi 1 juta lebih", 'seragam-smpn3-tng', reporter='@tangerangnews', trap_of='seragam-smpn5-tng')

# 20. Galian kabel tidak ditutup, Manado Kel. Bahu
p = desa('Bahu', '7171')
add('sms', '2026-03-19T01:00:00Z', 'infrastruktur', p, "galian kabel di kel bahu malalayang nda ditutup, so ada motor jatuh", 'galian-bahu', reporter='081200001001', note='Manado Malay')
add('social', '2026-03-19T04:00:00Z', 'infrastruktur', p, "Bekas galian kabel di Bahu Manado dibiarkan terbuka, sudah ada pengendara jatuh semalam", 'galian-bahu', reporter='@manadokota')

# 21. Singles for topic/region: slang names of utilities, landmarks, bare kecamatan
add('sms', '2026-03-20T01:00:00Z', 'air_bersih', kab('3273'), "ledeng mampet di antapani udah 2 hari")
add('sms', '2026-03-20T02:00:00Z', 'energi', None, "token listrik udh diisi tp meteran ga nambah, gmn ini pln")
add('social', '2026-03-20T03:00:00Z', 'telekomunikasi', kab('3471'), "Indihome di Ngampilan Jogja mati 4 hari, teknisi ga dateng2")
add('sms', '2026-03-20T04:00:00Z', 'kepolisian', kab('3172'), "motor sy dicuri di parkiran pelabuhan tanjung priok, lapor polsek blm ada kabar")
add('web', '2026-03-20T05:00:00Z', 'perhubungan', kab('3174'), "KRL dari Stasiun Manggarai ke Bogor sering terlambat 30 menit tanpa informasi.", note='Manggarai station is in Jakarta Selatan')
add('sms', '2026-03-20T06:00:00Z', 'korupsi_pungli', kab('3603'), "di kantor samsat balaraja dimintain uang rokok 50rb sama petugas biar cepet")
add('social', '2026-03-20T07:00:00Z', 'korupsi_pungli', kab('3276'), "Oknum di Kantor Pertanahan Depok minta 5 juta biar sertifikat cepet jadi. Saber pungli tolong")
add('sms', '2026-03-20T08:00:00Z', 'korupsi_pungli', kab('5103'), "di kantor imigrasi ngurah rai ada pungli pembuatan paspor 500rb")
add('web', '2026-03-20T09:00:00Z', 'lingkungan', kab('3216'), "Limbah pabrik di Cikarang Barat dibuang ke Kali Cilemahabang, airnya hitam pekat dan bau.")
add('sms', '2026-03-20T10:00:00Z', 'kesehatan', kab('3201'), "puskesmas ciawi bogor tutup jam 11, pasien disuruh pulang")
add('sms', '2026-03-20T11:00:00Z', 'perhubungan', kab('3578'), "bus trans semanggi jarang lewat di halte darmo, nunggu 1 jam")
add('social', '2026-03-20T12:00:00Z', 'infrastruktur', kab('3374'), "Jalan di Tembalang deket Undip rusak parah, lubangnya dalem banget")
add('sms', '2026-03-20T13:00:00Z', 'kependudukan', kab('3174'), "akta kelahiran anak sy di dukcapil jaksel blm jadi 2 bulan")
add('sms', '2026-03-20T14:00:00Z', 'air_bersih', kab('7371'), "air pam di mariso makassar keruh kaya kopi susu")
add('sms', '2026-03-20T15:00:00Z', 'energi', kab('6371'), "listrik padam tiap malam di sungai bilu banjarmasin")
add('social', '2026-03-20T16:00:00Z', 'lingkungan', kab('9171'), "Sampah plastik numpuk di pantai Hamadi Jayapura, bau")
add('sms', '2026-03-20T17:00:00Z', 'perhubungan', kab('3578'), "angkot lyn jmk ngetem depan pasar turi bikin macet")
add('web', '2026-03-20T18:00:00Z', 'kepolisian', kab('3273'), "Laporan penipuan online saya di Polrestabes Bandung tidak ditindaklanjuti sejak dua bulan.")
add('sms', '2026-03-20T19:00:00Z', 'pajak', kab('3671'), "pbb sy di kota tangerang tagihannya naik 3x lipat tanpa pemberitahuan")
add('sms', '2026-03-20T20:00:00Z', 'perizinan', kab('3578'), "ngurus pbg (imb) di surabaya udah 4 bulan ga kelar2")
add('sms', '2026-03-20T21:00:00Z', 'telekomunikasi', None, "sinyal telkomsel ilang2an terus seharian, internet lemot")
add('sms', '2026-03-20T22:00:00Z', 'lainnya', None, "mau tanya cara daftar jadi relawan pemilu dimana ya")
add('social', '2026-03-20T23:00:00Z', 'korupsi_pungli', kab('1371'), "BLT dana desa di Air Tawar Barat Padang dipotong 100 ribu sama perangkat")
add('sms', '2026-03-21T01:00:00Z', 'ketertiban', kab('5103'), "pengamen & pedagang asongan maksa2 turis di pantai kuta")
add('email', '2026-03-21T02:00:00Z', 'pendidikan', kab('5371'), "Guru honorer di SD Inpres Oebobo, Kota Kupang belum menerima honor selama lima bulan.", subject='Honor guru belum dibayar')
add('sms', '2026-03-21T03:00:00Z', 'air_bersih', kab('3471'), "banyune pdam ora metu wis 2 dino nang karangwaru tegalrejo", note='Javanese')
add('sms', '2026-03-21T04:00:00Z', 'infrastruktur', kab('3204'), "jalan ka pangalengan ruksak parah, loba lombang, ngabahayakeun", note='Sundanese')
add('sms', '2026-03-21T05:00:00Z', 'kepolisian', kab('3273'), "hp abdi dijambret di alun alun bandung, tos lapor ka polsek teu aya kabar", note='Sundanese')

# A resend (same reporter, same text) gets duplicate_of from write().
write(OUT / 'routing_a' / 'complaints.jsonl', S)
