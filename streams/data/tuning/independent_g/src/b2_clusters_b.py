# Duplicate clusters, part B. Hand-written 2026-12-02.
from common import I
JB, DKI, JT, JI, DIY = 'Jawa Barat', 'DKI Jakarta', 'Jawa Tengah', 'Jawa Timur', 'DI Yogyakarta'
ITEMS = [
# --- cl25 sampah Pasar Minggu Bengkulu
I('cl25a', 'web', 'lingkungan', ('Bengkulu', 'Kota Bengkulu', None),
  "Sampah di sekitar Pasar Minggu Kota Bengkulu tidak diangkut hampir seminggu, menumpuk di pinggir jalan Suprapto.", cl='cl25', note='"Pasar Minggu" is also a Jakarta kecamatan'),
I('cl25b', 'sms', 'lingkungan', ('Bengkulu', 'Kota Bengkulu', None),
  "smpah psr minggu bkl numpuk dak diangkut2, bau nian", cl='cl25', note='bkl = Bengkulu; must not map to Pasar Minggu Jakarta'),

# --- cl26 banjir Kota Gorontalo
I('cl26a', 'web', 'infrastruktur', ('Gorontalo', 'Kota Gorontalo', 'Kota Selatan'),
  "Drainase di Kelurahan Biawao, Kecamatan Kota Selatan tersumbat sehingga setiap hujan air meluap ke rumah warga.", cl='cl26', kel='Biawao', note='kecamatan named "Kota Selatan" looks like a city name'),
I('cl26b', 'sms', 'infrastruktur', ('Gorontalo', 'Kota Gorontalo', 'Kota Selatan'),
  "got di biawao tasumba, tiap ujan aer maso rumah. tolong bersihkan", cl='cl26', kel='Biawao', note='Gorontalo Malay; no city named'),

# --- cl27 sinyal hilang Kab Sigi
I('cl27a', 'web', 'telekomunikasi', ('Sulawesi Tengah', 'Kabupaten Sigi', 'Kulawi'),
  "Sinyal seluler di Kecamatan Kulawi hilang sejak tower BTS rusak dua minggu lalu. Kami tidak bisa menghubungi keluarga dan anak-anak tidak bisa belajar daring.", cl='cl27'),
I('cl27b', 'social', 'telekomunikasi', ('Sulawesi Tengah', 'Kabupaten Sigi', 'Kulawi'),
  "Kulawi blank spot lagi. Tower rusak 2 minggu, gak ada yg perbaiki. Mau lapor pun harus turun ke Palu dulu baru dapat sinyal 😑 @kominfo", cl='cl27', note='Palu mentioned but complaint is about Kulawi (Sigi)'),
I('cl27c', 'sms', 'telekomunikasi', ('Sulawesi Tengah', 'Kabupaten Sigi', 'Kulawi'),
  "sy kirim sms ini dr kota palu krn di kulawi tdk ada sinyal sm skali. tower rusak. mhn bantu", cl='cl27', note='two places: sent from Palu, about Kulawi'),

# --- cl28 kabut asap Palangka Raya
I('cl28a', 'social', 'lingkungan', ('Kalimantan Tengah', 'Kota Palangkaraya', None),
  "Palangka Raya pagi ini kabut asap pekat, jarak pandang cuma 50 meter. Anak2 sesak napas. Kapan lahan gambut yang terbakar dipadamkan? #KarhutlaKalteng", cl='cl28', note='"Palangka Raya" two words vs gazetteer one word'),
I('cl28b', 'web', 'lingkungan', ('Kalimantan Tengah', 'Kota Palangkaraya', 'Sabangau'),
  "Kebakaran lahan gambut di wilayah Kalampangan, Kecamatan Sabangau, belum padam tiga hari dan asapnya menutupi Kota Palangkaraya.", cl='cl28', kel='Kalampangan'),
I('cl28c', 'email', 'lingkungan', ('Kalimantan Tengah', 'Kota Palangkaraya', 'Sabangau'),
  "Yth. BPBD Kota Palangka Raya,\nKami warga Kelurahan Kalampangan melaporkan api di lahan gambut sekitar jalan lintas Kalampangan masih menyala. Asap masuk rumah dan sekolah diliburkan. Mohon tambahan petugas pemadam.\nHormat kami.", cl='cl28', kel='Kalampangan', subj='Karhutla Kalampangan belum padam'),

# --- cl29 tambang timah ilegal Pangkalpinang
I('cl29a', 'web', 'lingkungan', ('Kepulauan Bangka Belitung', 'Kota Pangkal Pinang', None),
  "Ada aktivitas tambang timah inkonvensional (TI apung) di Sungai Rangkui, air sungai jadi keruh dan pinggiran sungai longsor.", cl='cl29', note='Rangkui is a river and a kecamatan; river crosses kecamatan -> null'),
I('cl29b', 'sms', 'lingkungan', ('Kepulauan Bangka Belitung', 'Kota Pangkal Pinang', None),
  "TI apung di sungai rangkui pkp makin banyak, air keroh, tebing longsor. sape yg bekingin?", cl='cl29', note='pkp = Pangkalpinang, one word vs gazetteer "Pangkal Pinang"'),

# --- cl30 jalan rusak Kendari
I('cl30a', 'web', 'infrastruktur', ('Sulawesi Tenggara', 'Kota Kendari', 'Poasia'),
  "Jalan menuju Kelurahan Anduonohu, Kecamatan Poasia, rusak berat dan becek. Angkot tidak mau masuk.", cl='cl30', kel='Andonohu', note='spelled Anduonohu; gazetteer has Andonohu'),
I('cl30b', 'social', 'infrastruktur', ('Sulawesi Tenggara', 'Kota Kendari', 'Poasia'),
  "Jalan ke Anduonohu dekat kantor gubernur Sultra macam kubangan kerbau. Ini ibukota provinsi loh @pemkotkendari", cl='cl30', note='spelled Anduonohu; gazetteer has Andonohu'),

I('cl30c', 'sms', 'infrastruktur', ('Sulawesi Tenggara', 'Kota Kendari', 'Poasia'),
  "jalan anduonohu rusak parah pak, motor sa jatuh kemarin", cl='cl30', kel='Andonohu', note='spelled Anduonohu; gazetteer has Andonohu'),

# --- cl31 listrik padam Ternate
I('cl31a', 'sms', 'energi', ('Maluku Utara', 'Kota Ternate', None),
  "PLN ternate mati lampu 6 jam, tra ada info. torang pe usaha es rugi", cl='cl31', note='North Maluku Malay (tra, torang)'),
I('cl31b', 'social', 'energi', ('Maluku Utara', 'Kota Ternate', None),
  "Ternate padam bergilir sampe 6 jam tiap hari. Mesin pembangkit rusak lagi? @plnmalut", cl='cl31'),

# --- cl32 kekurangan guru SD Manokwari
I('cl32a', 'web', 'pendidikan', ('Papua Barat', 'Kabupaten Manokwari', 'Warmare'),
  "SD Inpres di Distrik Warmare hanya punya dua guru untuk enam kelas. Anak-anak sering pulang karena tidak ada yang mengajar.", cl='cl32'),
I('cl32b', 'sms', 'pendidikan', ('Papua Barat', 'Kabupaten Manokwari', 'Warmare'),
  "sd inpres warmare guru cuma 2 orang, anak2 sa sering pulang cepat tra belajar", cl='cl32', note='Papuan Malay'),

# --- cl33 air PDAM Tarakan
I('cl33a', 'web', 'air_bersih', ('Kalimantan Utara', 'Kota Tarakan', 'Tarakan Barat'),
  "Air PDAM di Kelurahan Karang Anyar, Tarakan Barat, hanya mengalir tengah malam dan kecil sekali. Sudah sebulan seperti ini.", cl='cl33', kel='Karang Anyar', note='Karang Anyar is a very common kelurahan name'),
I('cl33b', 'social', 'air_bersih', ('Kalimantan Utara', 'Kota Tarakan', 'Tarakan Barat'),
  "Warga Karang Anyar Tarakan begadang nunggu air PDAM ngalir jam 2 pagi. Sebulan begini. @pdamtarakan", cl='cl33'),

# --- cl34 jalan trans Sulawesi rusak Polewali Mandar, note='both Karang Anyar kelurahan of Tarakan lie in Tarakan Barat'),

I('cl34a', 'web', 'infrastruktur', ('Sulawesi Barat', 'Kabupaten Polewali Mandar', 'Wonomulyo'),
  "Jalan poros Trans Sulawesi di Kecamatan Wonomulyo berlubang dalam di banyak titik, truk sering terperosok.", cl='cl34'),
I('cl34b', 'sms', 'infrastruktur', ('Sulawesi Barat', 'Kabupaten Polewali Mandar', None),
  "jln poros polman rusak parah dkt pasar wonomulyo, truk terbalik td", cl='cl34', note='Polman abbreviation; pasar landmark, kept null'),

# --- cl35 jalan rusak Cibinong Kab Bogor
I('cl35a', 'web', 'infrastruktur', (JB, 'Kabupaten Bogor', 'Cibinong'),
  "Jalan Raya Tegar Beriman menuju kantor Bupati di Cibinong banyak lubang, terutama di depan Stadion Pakansari.", cl='cl35'),
I('cl35b', 'social', 'infrastruktur', (JB, 'Kabupaten Bogor', 'Cibinong'),
  "Jalan dkt Stadion Pakansari Cibinong bolong2, tiap hujan motor pada ngesot. @pemkabbogor", cl='cl35'),
I('cl35c', 'sms', 'infrastruktur', (JB, 'Kabupaten Bogor', None),
  "jln tegar beriman kab bogor rusak bgt tlg diperbaiki", cl='cl35'),

# --- cl36 banjir Bekasi Jatiasih
I('cl36a', 'social', 'infrastruktur', (JB, 'Kota Bekasi', 'Jatiasih'),
  "Perumahan di Jatiasih kebanjiran lagi, air Kali Bekasi meluap. Tanggulnya jebol di dekat Pondok Gede Permai. @pemkotbekasi #BanjirBekasi", cl='cl36', note='Pondok Gede Permai is in Jatiasih, not kec. Pondokgede'),
I('cl36b', 'web', 'infrastruktur', (JB, 'Kota Bekasi', 'Jatiasih'),
  "Tanggul Kali Bekasi di Kelurahan Jatirasa, Kecamatan Jatiasih jebol sehingga perumahan terendam 1 meter. Mohon perbaikan tanggul permanen.", cl='cl36', kel='Jatirasa'),
I('cl36c', 'sms', 'infrastruktur', (JB, 'Kota Bekasi', 'Jatiasih'),
  "tanggul kali bks jebol lg, PGP kelelep. kpn dibenerin", cl='cl36', note='PGP = Pondok Gede Permai (Jatiasih), nickname; bks = Bekasi'),
I('cl36d', 'email', 'infrastruktur', (JB, 'Kota Bekasi', 'Jatiasih'),
  "Yth. BBWS Ciliwung-Cisadane dan Pemkot Bekasi,\nTanggul Kali Bekasi di sekitar Perumahan Pondok Gede Permai, Jatiasih kembali jebol. Ini kejadian ketiga tahun ini. Kami mohon perbaikan yang permanen.\nHormat kami, Pengurus RW 08", cl='cl36', subj='Tanggul Kali Bekasi jebol lagi'),

# --- cl37 PKL & parkir liar Jl. Slamet Riyadi Solo
I('cl37a', 'web', 'ketertiban', (JT, 'Kota Surakarta', None),
  "Trotoar Jalan Slamet Riyadi dipakai PKL dan parkir motor sehingga pejalan kaki turun ke jalan. Mohon Satpol PP menertibkan.", cl='cl37', note='Slamet Riyadi spans Laweyan/Banjarsari/Pasar Kliwon'),
I('cl37b', 'sms', 'ketertiban', (JT, 'Kota Surakarta', None),
  "trotoar slamet riyadi solo kebak pkl karo parkiran, wong mlaku ra iso lewat", cl='cl37', note='Solo = Kota Surakarta; Javanese'),

# --- cl38 jukir liar Malang (preman -> kepolisian)
I('cl38a', 'social', 'kepolisian', (JI, 'Kota Malang', None),
  "Jukir liar di depan minimarket Jl. Soekarno Hatta Malang narik 5rb per motor, kalau gak mau bayar diancam dan spion dirusak. @polrestamalangkota", cl='cl38', note='extortion by jukir -> kepolisian; Jl. Soekarno Hatta exists in many cities'),
I('cl38b', 'web', 'kepolisian', (JI, 'Kota Malang', 'Lowokwaru'),
  "Saya diancam juru parkir tidak resmi di Jalan Soekarno-Hatta, Lowokwaru, karena menolak membayar Rp5.000. Spion motor saya dipatahkan.", cl='cl38'),
I('cl38c', 'sms', 'kepolisian', (JI, 'Kota Malang', None),
  "jukir suhat mlg mlaku preman, minta 5rb ngancem. kawanku spione dirusak", cl='cl38', note='"Suhat" local nickname of Jl. Soekarno-Hatta Malang'),

# --- cl39 air bersih Kamal Muara (Jakut)
I('cl39a', 'web', 'air_bersih', (DKI, 'Kota Jakarta Utara', 'Penjaringan'),
  "Warga Kelurahan Kamal Muara, Penjaringan, belum mendapat sambungan air perpipaan. Kami membeli air jerigen Rp5.000 per pikul.", cl='cl39', kel='Kamal Muara'),
I('cl39b', 'social', 'air_bersih', (DKI, 'Kota Jakarta Utara', 'Penjaringan'),
  "Di Kamal Muara masih beli air pikulan, padahal ini Jakarta. Kapan pipa PAM Jaya masuk? @PAMJAYA #Jakut", cl='cl39', kel='Kamal Muara'),
I('cl39c', 'sms', 'air_bersih', (DKI, 'Kota Jakarta Utara', 'Penjaringan'),
  "bang ane di kamal muara, aer kagak ada pipanye, beli jerigen mulu. tulung dah", cl='cl39', kel='Kamal Muara', note='Betawi'),

# --- cl40 blanko e-KTP habis Disdukcapil Jaktim
I('cl40a', 'web', 'kependudukan', (DKI, 'Kota Jakarta Timur', None),
  "Sudah tiga bulan saya menunggu cetak e-KTP di Suku Dinas Dukcapil Jakarta Timur, selalu dijawab blanko habis.", cl='cl40'),
I('cl40b', 'sms', 'kependudukan', (DKI, 'Kota Jakarta Timur', None),
  "ektp sy blm jadi2 di sudin dukcapil jaktim, blangko kosong trs. gmn mau ngurus bpjs", cl='cl40', note='Jaktim abbreviation'),
I('cl40c', 'email', 'kependudukan', (DKI, 'Kota Jakarta Timur', None),
  "Yth. Dinas Dukcapil Provinsi DKI,\nKTP elektronik saya yang rusak belum bisa dicetak ulang di Sudin Dukcapil Jakarta Timur karena blanko kosong sejak Januari. Mohon kepastian.\nTerima kasih.", cl='cl40', subj='Cetak ulang e-KTP tertunda - blanko kosong'),

# --- cl41 banjir Dayeuhkolot Kab Bandung (Sundanese)
I('cl41a', 'sms', 'infrastruktur', (JB, 'Kabupaten Bandung', 'Dayeuhkolot'),
  "caah deui di dayeuhkolot, cai citarum asup ka imah sa cangkeng. pompa teu jalan", cl='cl41', note='Sundanese: caah=banjir, sa cangkeng=sepinggang'),
I('cl41b', 'web', 'infrastruktur', (JB, 'Kabupaten Bandung', 'Dayeuhkolot'),
  "Banjir luapan Citarum di Desa Citeureup, Kecamatan Dayeuhkolot, setinggi 1 meter. Pompa polder tidak berfungsi.", cl='cl41', kel='Citeureup', note='Citeureup is also a kecamatan in Kab Bogor'),
I('cl41c', 'social', 'infrastruktur', (JB, 'Kabupaten Bandung', 'Dayeuhkolot'),
  "Dayeuhkolot langganan banjir, pompa polder mati pas lagi dibutuhin. @pemkabbandung kumaha ieu? #Citarum", cl='cl41'),

# --- cl42 PKH tidak cair Desa Sukamulya Garut
I('cl42a', 'web', 'sosial', (JB, 'Kabupaten Garut', 'Cilawu'),
  "Bantuan PKH untuk 30 KPM di Kecamatan Cilawu tahap ini belum cair padahal di desa lain sudah. Pendamping tidak bisa dihubungi.", cl='cl42'),
I('cl42b', 'sms', 'sosial', (JB, 'Kabupaten Garut', 'Cilawu'),
  "pkh di cilawu can cair pa, batur mah geus. pendamping teu ngangkat telepon", cl='cl42', note='Sundanese'),

# --- cl43 macet Canggu Badung
I('cl43a', 'social', 'perhubungan', ('Bali', 'Kabupaten Badung', 'Kuta Utara'),
  "Canggu shortcut macet parah tiap sore, mobil ga bisa gerak 1 jam. Banyak parkir di bahu jalan. @dishubbadung #Canggu", cl='cl43', note='Canggu is a desa in Kuta Utara'),
I('cl43b', 'web', 'perhubungan', ('Bali', 'Kabupaten Badung', 'Kuta Utara'),
  "Kemacetan di jalur Desa Canggu, Kuta Utara, akibat parkir kendaraan di bahu jalan depan kafe. Mohon rekayasa lalu lintas.", cl='cl43', kel='Canggu'),
I('cl43c', 'email', 'perhubungan', ('Bali', 'Kabupaten Badung', 'Kuta Utara'),
  "Om Swastyastu,\nSaya warga Badung yang setiap hari melintas Canggu–Berawa. Kemacetan sudah tidak wajar, mohon ada petugas pengatur di simpang.\nSuksma.", cl='cl43', subj='Kemacetan Canggu-Berawa'),

# --- cl44 sinyal hilang Kab Tangerang Kronjo, note='Canggu and Berawa both in Kuta Utara; Balinese greeting'),

I('cl44a', 'web', 'telekomunikasi', ('Banten', 'Kabupaten Tangerang', 'Kronjo'),
  "Di Kecamatan Kronjo sinyal internet sering hilang, hanya 1 bar dan tidak bisa dipakai untuk aplikasi. Mohon operator menambah BTS.", cl='cl44'),
I('cl44b', 'sms', 'telekomunikasi', ('Banten', 'Kabupaten Tangerang', 'Kronjo'),
  "sinyal di kronjo ilang2an, anak ujian online gk bs masuk", cl='cl44'),

# --- cl45 puskesmas Cimanggis Depok pelayanan lama
I('cl45a', 'web', 'kesehatan', (JB, 'Kota Depok', 'Cimanggis'),
  "Antrean di Puskesmas Cimanggis sangat lama, datang jam 7 baru dilayani jam 12. Petugas pendaftaran hanya satu orang.", cl='cl45'),
I('cl45b', 'social', 'kesehatan', (JB, 'Kota Depok', 'Cimanggis'),
  "Puskesmas Cimanggis antri 5 jam bawa anak demam, petugasnya malah main hp. @pemkotdepok", cl='cl45'),
I('cl45c', 'sms', 'kesehatan', (JB, 'Kota Depok', 'Cimanggis'),
  "pkm cimanggis lama bgt pelayanannya, 5 jam nunggu. tlg ditambah petugas", cl='cl45', note='pkm = puskesmas'),

# --- cl46 PPDB zonasi Sleman
I('cl46a', 'email', 'pendidikan', (DIY, 'Kabupaten Sleman', 'Depok'),
  "Yth. Dinas Pendidikan Kabupaten Sleman,\nAnak kami yang tinggal 400 m dari SMP Negeri 4 Depok tidak diterima di jalur zonasi, sementara ada siswa dari luar zona yang diterima. Mohon transparansi data PPDB.\nHormat kami.", cl='cl46', subj='Kejanggalan PPDB zonasi SMPN 4 Depok Sleman', note='Depok here is a kecamatan in Sleman, not Kota Depok'),
I('cl46b', 'web', 'pendidikan', (DIY, 'Kabupaten Sleman', 'Depok'),
  "PPDB zonasi SMPN 4 Depok Sleman janggal, rumah dekat sekolah tidak diterima tapi yang jauh diterima.", cl='cl46', note='Depok Sleman vs Kota Depok'),
I('cl46c', 'social', 'pendidikan', (DIY, 'Kabupaten Sleman', 'Depok'),
  "PPDB SMPN 4 Depok (yg di Sleman ya, bukan Depok Jabar) zonasinya aneh. Tetangga sebelah sekolah malah gak lolos. @disdiksleman", cl='cl46'),

# --- cl47 angkot ngetem Kota Bogor
I('cl47a', 'social', 'perhubungan', (JB, 'Kota Bogor', 'Bogor Tengah'),
  "Angkot ngetem di depan Stasiun Bogor bikin macet sampe Jl. Kapten Muslihat. Kota sejuta angkot emang @pemkotbogor", cl='cl47', note='Stasiun Bogor (Bogor Tengah)'),

I('cl47b', 'sms', 'perhubungan', (JB, 'Kota Bogor', 'Bogor Tengah'),
  "angkot ngetem dpn stasiun bogor parah pak, macet tiap sore", cl='cl47', note='Stasiun Bogor, Kota Bogor not Kabupaten'),

# --- cl48 sertifikat PTSL tak terbit Lombok Timur
I('cl48a', 'web', 'pertanahan', ('Nusa Tenggara Barat', 'Kabupaten Lombok Timur', 'Sakra'),
  "Program PTSL di Kecamatan Sakra tahun lalu sudah ukur tanah kami tapi sampai sekarang sertifikat belum terbit. Puluhan warga menunggu.", cl='cl48'),
I('cl48b', 'sms', 'pertanahan', ('Nusa Tenggara Barat', 'Kabupaten Lombok Timur', 'Sakra'),
  "sertifikat ptsl warga sakra lotim blm kluar 1 thn, tanah udh diukur", cl='cl48', note='Lotim = Lombok Timur'),

# --- cl49 gaji buruh pabrik rokok Jember belum dibayar
I('cl49a', 'web', 'ketenagakerjaan', (JI, 'Kabupaten Jember', 'Kaliwates'),
  "Buruh pabrik rokok di Kecamatan Kaliwates belum menerima upah dua bulan. Pihak perusahaan beralasan produksi turun.", cl='cl49'),
I('cl49b', 'sms', 'ketenagakerjaan', (JI, 'Kabupaten Jember', None),
  "bayaran buruh pabrik rokok jember telat 2 wulan, arek2 gak iso tuku beras", cl='cl49', note='Javanese; "pabrik rokok" unnamed'),
I('cl49c', 'email', 'ketenagakerjaan', (JI, 'Kabupaten Jember', 'Kaliwates'),
  "Yth. Disnaker Kabupaten Jember,\nKami perwakilan 120 buruh linting di pabrik rokok wilayah Kaliwates melaporkan upah Januari dan Februari belum dibayar. Mohon mediasi.\nHormat kami.", cl='cl49', subj='Upah buruh linting belum dibayar 2 bulan'),

# --- cl50 banjir Samarinda Jl. Pemuda / Sempaja
I('cl50a', 'social', 'infrastruktur', ('Kalimantan Timur', 'Kota Samarinda', 'Samarinda Utara'),
  "Sempaja banjir lagi, air Sungai Karang Mumus meluap. Jalan ke Bandara APT Pranoto gak bisa dilalui motor kecil. @pemkotsamarinda", cl='cl50', note='Sempaja area (several kelurahan, all Samarinda Utara)'),
I('cl50b', 'web', 'infrastruktur', ('Kalimantan Timur', 'Kota Samarinda', 'Samarinda Utara'),
  "Genangan banjir di Kelurahan Sempaja Selatan, Samarinda Utara setinggi 60 cm. Drainase tidak mampu menampung.", cl='cl50', kel='Sempaja Selatan'),
I('cl50c', 'sms', 'infrastruktur', ('Kalimantan Timur', 'Kota Samarinda', 'Samarinda Utara'),
  "smd banjir lg di sempaja, motor mogok byk", cl='cl50', note='smd = Samarinda; all Sempaja kelurahan lie in Samarinda Utara'),

# --- cl51 PJU mati Jl. Dipanegara Tegalsari? (Sby) no: Jl. Gajah Mada Pontianak
I('cl51a', 'web', 'infrastruktur', ('Kalimantan Barat', 'Kota Pontianak', 'Pontianak Selatan'),
  "Lampu jalan di Jalan Gajah Mada Pontianak Selatan padam sepanjang 500 meter sejak seminggu.", cl='cl51'),
I('cl51b', 'social', 'infrastruktur', ('Kalimantan Barat', 'Kota Pontianak', None),
  "Gajah Mada Ptk gelap gulite, PJU mati semue. Tempat nongkrong ramai tapi jalan gelap @pemkotpontianak", cl='cl51', note='Ptk; Pontianak Malay'),

# --- cl52 pungli Samsat Makassar
I('cl52a', 'web', 'korupsi_pungli', ('Sulawesi Selatan', 'Kota Makassar', None),
  "Di Samsat Makassar saat cek fisik kendaraan, petugas meminta Rp100.000 agar proses cepat, padahal cek fisik gratis.", cl='cl52'),
I('cl52b', 'sms', 'korupsi_pungli', ('Sulawesi Selatan', 'Kota Makassar', None),
  "di samsat mks cek fisik dimintai 100rb sama petugas, katanya biar cepat ji. ini pungli kah?", cl='cl52'),
]
