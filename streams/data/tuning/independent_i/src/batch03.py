# Batch 03 — more duplicate clusters across provinces. Hand-written 2026-12-02.
from items import I

I("K27", "web", "infrastruktur", "Kota Banda Aceh|Baiturrahman",
  "Lampu jalan di sekitar Masjid Raya Baiturrahman banyak yang padam, jamaah subuh harus berjalan dalam gelap.", note="mosque landmark")
I("K27b", "sms", "infrastruktur", "Kota Banda Aceh|Baiturrahman",
  "pju sekitar mesjid raya bna mati smua, gelap bgt wkt subuh. tlg", cl="K27", note="'bna' = Banda Aceh")

I("K28", "email", "lingkungan", "Kabupaten Merangin|Bangko",
  "Yth. DLH Provinsi Jambi, aktivitas penambangan emas tanpa izin (PETI) di hulu Sungai Merangin membuat air sungai keruh pekat dan tidak bisa dipakai warga Bangko untuk mandi dan mencuci. Mohon penertiban.",
  subj="PETI mencemari Sungai Merangin", note="town Bangko -> Kab. Merangin")
I("K28b", "social", "lingkungan", "Kabupaten Merangin|Bangko",
  "Sungai Merangin kayak kopi susu gara-gara dompeng PETI. Warga Bangko susah air. #Jambi #PETI", cl="K28")
I("K28c", "sms", "lingkungan", "Kabupaten Merangin",
  "sungai merangin keruh bgt krn tambang emas ilegal, ikan pd mati. tlg ditindak", cl="K28")

I("K29", "sms", "korupsi_pungli", "Kota Bengkulu|Ratu Samban",
  "mau nikah di kua ratu samban dimintai 800rb, pdhl kata org nikah di kantor gratis. itu utk apa?", note="KUA pungli")
I("K29b", "web", "korupsi_pungli", "Kota Bengkulu|Ratu Samban",
  "Petugas KUA Kecamatan Ratu Samban meminta biaya Rp800.000 untuk akad nikah di kantor pada jam kerja, yang seharusnya tidak dipungut biaya. Tidak diberi kuitansi.", cl="K29")

I("K30", "social", "kepolisian", "Kota Bandar Lampung",
  "Pedagang Pasar Tugu dipalak preman tiap hari 'uang keamanan' 10 ribu, kalau nolak lapak diobrak-abrik. @polrestabalam #Lampung", note="preman extortion -> kepolisian")
I("K30b", "sms", "kepolisian", "Kota Bandar Lampung",
  "preman di psr tugu balam malak pedagang tiap pagi, yg gk bayar diancam. tlg polisi", cl="K30", note="'balam' = Bandar Lampung")

I("K31", "web", "lingkungan", "Kabupaten Bangka|Sungai Liat",
  "Tambang timah inkonvensional di Pantai Matras, Sungailiat, merusak pantai dan terumbu karang. Air laut keruh dan nelayan kehilangan tangkapan.", note="spelling Sungailiat vs gazetteer 'Sungai Liat'")
I("K31b", "social", "lingkungan", "Kabupaten Bangka|Sungai Liat",
  "Pantai Matras dak cantik agik, penuh ponton TI. Nelayan Sungailiat pening. #Babel #Bangka", cl="K31", note="Bangka Malay")

I("K32", "email", "korupsi_pungli", "Kabupaten Serang|Kramatwatu|Pelamunan",
  "Dengan hormat, dalam program PTSL di Desa Pelamunan, Kecamatan Kramatwatu, panitia desa memungut Rp1.500.000 per bidang, jauh di atas ketentuan SKB tiga menteri sebesar Rp150.000 untuk wilayah Jawa-Bali. Kami mohon pemeriksaan.",
  subj="Pungutan PTSL melebihi ketentuan di Desa Pelamunan", note="PTSL pungli")
I("K32b", "sms", "korupsi_pungli", "Kabupaten Serang|Kramatwatu|Pelamunan",
  "ptsl di ds pelamunan kramatwatu dipatok 1,5jt per bidang. katanya resmi cm 150rb. tlg diperiksa", cl="K32")
I("K32c", "social", "korupsi_pungli", "Kabupaten Serang|Kramatwatu|Pelamunan",
  "Sertifikat gratis katanya, di Pelamunan malah ditarik sejuta setengah. @kementerianATR #PTSL #Serang", cl="K32")
I("T32", "sms", "korupsi_pungli", "Kabupaten Serang|Kramatwatu|Margasana",
  "ptsl di ds margasana kramatwatu dipatok 1,5jt per bidang. tlg diperiksa", trap="K32", note="trap: same template, neighbouring desa")

I("K33", "social", "lingkungan", "Kota Tangerang Selatan|Serpong",
  "Bau TPA Cipeucang kecium sampe perumahan, tiap sore kayak bangkai. @pemkottangsel kapan beres? #Tangsel", note="landfill landmark")
I("K33b", "sms", "lingkungan", "Kota Tangerang Selatan|Serpong",
  "bau sampah dr tpa cipeucang serpong parah bgt, anak2 mual", cl="K33")
I("K33c", "web", "lingkungan", "Kota Tangerang Selatan|Serpong",
  "Aye tinggal deket Kali Cisadane di Serpong, bau sampah dari tempat pembuangan kagak ilang-ilang, mane air lindinya ngalir ke kali. Tolong dong diurusin.", cl="K33", note="Betawi; landfill implied")

I("K34", "sms", "ketertiban", "Kota Surakarta|Pasar Kliwon",
  "pkl nang ngarep pasar klewer nutupi dalan, mobil ora iso liwat. mbok ditata", note="Javanese")
I("K34b", "social", "ketertiban", "Kota Surakarta|Pasar Kliwon",
  "Trotoar depan Pasar Klewer Solo penuh PKL, pejalan kaki turun ke jalan. @pemkotsolo #Solo", cl="K34", note="Solo = Kota Surakarta")
I("K34c", "email", "ketertiban", "Kota Surakarta|Pasar Kliwon",
  "Kepada Satpol PP Kota Surakarta, kami mohon penataan pedagang kaki lima di sisi timur Pasar Klewer yang menutup trotoar dan separuh badan jalan.",
  subj="Penataan PKL Pasar Klewer", cl="K34")

I("K35", "sms", "kesehatan", "Kabupaten Banyumas",
  "inyong antri bpjs nang rsud margono purwokerto kawit subuh, jam 2 durung dipanggil. kepriwe kiye", note="Banyumasan; Purwokerto town -> Kab. Banyumas")
I("K35b", "web", "kesehatan", "Kabupaten Banyumas",
  "Antrean pasien BPJS di poliklinik RSUD Prof. Margono Soekarjo sangat lama, lebih dari 8 jam. Mohon sistem antrean online diperbaiki.", cl="K35")

I("K36", "social", "infrastruktur", "Kota Malang|Lowokwaru",
  "Suhat banjir maneh lur, got buntu. Uklam ae gak iso. #Malang #KeraNgalam", note="Walikan slang; Suhat = Jl. Soekarno-Hatta")
I("K36b", "sms", "infrastruktur", "Kota Malang|Lowokwaru",
  "jl soekarno hatta mlg tiap ujan banjir selutut, saluran air mampet", cl="K36")
I("K36c", "web", "infrastruktur", "Kota Malang|Lowokwaru",
  "Drainase di depan kampus Polinema tersumbat sehingga setiap hujan deras jalan tergenang dan motor mogok.", cl="K36", note="campus landmark")
I("K36d", "email", "infrastruktur", "Kota Malang|Lowokwaru",
  "Yth. DPUPRPKP Kota Malang, saluran drainase Jalan Soekarno-Hatta, Kecamatan Lowokwaru, tidak mampu menampung air hujan. Genangan setinggi 40 cm terjadi tiap sore. Mohon normalisasi saluran.",
  subj="Genangan di Jalan Soekarno-Hatta Lowokwaru", cl="K36")
I("K36e", "social", "infrastruktur", "Kota Malang|Lowokwaru",
  "Jalan Suhat dekat Brawijaya jadi sungai tiap hujan. Kapan dikeruk gorongnya? @pemkotmalang", cl="K36")
I("T36", "sms", "infrastruktur", "Kota Malang|Klojen",
  "jl bandung mlg tiap ujan banjir, saluran air mampet", trap="K36", note="trap: Jl. Bandung in Malang (street named after another city), Klojen")

I("K37", "sms", "energi", "Kabupaten Sidoarjo|Waru",
  "elpiji 3kg nang waru langka, wis muter 5 pangkalan kosong kabeh", note="Javanese")
I("K37b", "social", "energi", "Kabupaten Sidoarjo|Waru",
  "Gas melon kosong di semua pangkalan Kecamatan Waru Sidoarjo. Warung pada tutup. #elpiji", cl="K37")
I("K37c", "web", "energi", "Kabupaten Sidoarjo|Waru",
  "Kelangkaan LPG 3 kg di daerah Waru sudah seminggu, kalaupun ada harganya Rp30.000.", cl="K37")

I("K38", "web", "sosial", "Kota Mataram|Ampenan|Bintaro",
  "Bantuan PKH keluarga kami di Kelurahan Bintaro, Ampenan, tidak cair dua tahap padahal masih terdaftar di DTKS.", note="Bintaro is also a Jakarta area; here Mataram")
I("K38b", "sms", "sosial", "Kota Mataram|Ampenan|Bintaro",
  "pkh di bintaro ampenan gk cair2 udh 2 tahap, pendamping gk bs jawab", cl="K38")
I("K38c", "social", "sosial", "Kota Mataram|Ampenan|Bintaro",
  "Warga Bintaro Ampenan belum terima PKH dua tahap. @kemensos tolong cek #Mataram", cl="K38")
I("T38", "sms", "sosial", "Jakarta Selatan|Pesanggrahan|Bintaro",
  "pkh di bintaro jaksel gk cair2 udh 2 tahap", trap="K38", note="trap: Bintaro in Jakarta Selatan, same problem")

I("K39", "email", "ketenagakerjaan", "Kabupaten Kotawaringin Timur",
  "Kami buruh harian lepas di sebuah perkebunan sawit di wilayah Kotawaringin Timur belum menerima upah selama tiga bulan dan tidak didaftarkan BPJS Ketenagakerjaan. Mohon Disnakertrans turun tangan.",
  subj="Upah buruh sawit tidak dibayar 3 bulan")
I("K39b", "sms", "ketenagakerjaan", "Kabupaten Kotawaringin Timur",
  "buruh sawit dkt sampit blm digaji 3 bln, bpjs jg gk ada. tlg disnaker", cl="K39", note="town Sampit -> Kab. Kotawaringin Timur")

I("K40", "sms", "air_bersih", "Kota Tarakan|Tarakan Timur|Kampung Empat",
  "air pdam tarakan mati sdh 4 hari di kampung empat, beli air tandon 150rb", note="Kampung Empat kelurahan -> Tarakan Timur")
I("K40b", "social", "air_bersih", "Kota Tarakan|Tarakan Timur|Kampung Empat",
  "PDAM Tarakan mati total di wilayah Kampung Empat. Hari keempat. @pemkottarakan #Kaltara", cl="K40")

I("K41", "web", "sosial", "Kota Palu|Mantikulore",
  "Penyintas gempa di Huntap Tondo belum menerima sertifikat dan sebagian unit belum dialiri air, sudah bertahun-tahun.", note="huntap landmark")
I("K41b", "sms", "sosial", "Kota Palu|Mantikulore",
  "huntap tondo palu blm diserahkan smua, kami masih di huntara", cl="K41")
I("K41c", "social", "sosial", "Kota Palu|Mantikulore",
  "Sampai kapan penyintas di Tondo tinggal di huntara? Huntap sudah jadi tapi belum dibagi. #Palu #Sulteng", cl="K41")
I("K41d", "email", "sosial", "Kota Palu|Mantikulore",
  "Yth. BPBD Kota Palu, kami penyintas bencana 2018 di Kecamatan Mantikulore memohon kejelasan jadwal penyerahan hunian tetap Tondo tahap II.",
  subj="Kejelasan penyerahan Huntap Tondo", cl="K41")
I("K41e", "sms", "sosial", "Kota Palu|Mantikulore",
  "kami penyintas di huntara, huntap di tondo sdh jadi tp blm dibagi. tlg", cl="K41")

I("K42", "sms", "korupsi_pungli", "Kota Gorontalo",
  "bikin sim c di polres gorontalo kota disuru bayar 600rb lewat calo orang dalam, kalau ujian sendiri pasti gagal", note="police SIM pungli")
I("K42b", "web", "korupsi_pungli", "Kota Gorontalo",
  "Oknum petugas Satpas SIM Polresta Gorontalo Kota menawarkan 'paket lulus' SIM C seharga Rp600.000.", cl="K42")

I("K43", "social", "infrastruktur", "Kabupaten Mamuju",
  "Jembatan gantung penghubung dua desa di Mamuju putus diterjang banjir, anak sekolah seberang sungai pakai rakit. #Sulbar", note="no village named")
I("K43b", "sms", "infrastruktur", "Kabupaten Mamuju",
  "jembatan gantung di mamuju putus, anak sekolah nyebrang sungai pake rakit. bahaya", cl="K43")

I("K44", "sms", "perhubungan", "Kota Ternate|Kota Ternate Selatan",
  "speed ke sofifi dari pelabuhan bastiong naik sepihak jadi 80rb. dishub mana", note="two places: Sofifi destination; complaint at Bastiong port, Ternate")
I("K44b", "social", "perhubungan", "Kota Ternate|Kota Ternate Selatan",
  "Tarif speedboat di Pelabuhan Bastiong Ternate naik tanpa pengumuman. Torang pegawai yang pulang pergi Sofifi berat. #Malut", cl="K44")

I("K45", "sms", "energi", "Kabupaten Merauke",
  "bbm di merauke langka, premium di eceran 25rb seliter. spbu antri dari subuh", note="")
I("K45b", "social", "energi", "Kabupaten Merauke",
  "Di Merauke BBM susah skali, antre panjang di SPBU. @pertamina #PapuaSelatan", cl="K45")

I("K46", "web", "kependudukan", "Kabupaten Mimika",
  "Pengurusan Kartu Keluarga di Disdukcapil Mimika di Timika sudah satu bulan belum selesai, padahal untuk syarat sekolah anak.", note="Timika town -> Mimika")
I("K46b", "sms", "kependudukan", "Kabupaten Mimika",
  "kk sa di dukcapil timika su satu bulan blm jadi. anak mo daftar sekolah", cl="K46", note="Papua Malay")

I("K47", "social", "infrastruktur", "Kota Sorong",
  "Got di Jl. Basuki Rahmat Sorong tersumbat sampah, tiap hujan air naik ke jalan. #Sorong #PapuaBaratDaya")
I("K47b", "email", "infrastruktur", "Kota Sorong",
  "Kepada Dinas PUPR Kota Sorong, saluran drainase di sepanjang Jalan Basuki Rahmat tersumbat dan menyebabkan genangan setiap hujan. Mohon pengerukan.",
  subj="Drainase tersumbat Jalan Basuki Rahmat", cl="K47")
I("T47", "social", "infrastruktur", "Kabupaten Sorong|Aimas|Aimas",
  "Jalan di Aimas rusak parah, lubang di mana-mana. #Sorong", trap="K47", note="trap: Kab. Sorong (Aimas), not Kota Sorong; different issue")

I("K48", "sms", "pendidikan", "Kabupaten Manokwari",
  "guru di sd kami di manokwari jarang datang, anak-anak main saja dari pagi. sa pu anak kelas 4 blm lancar baca")
I("K48b", "web", "pendidikan", "Kabupaten Manokwari",
  "Guru di salah satu SD inpres di pinggiran Manokwari sering tidak hadir berminggu-minggu sehingga kegiatan belajar terhenti.", cl="K48")

I("K49", "sms", "pertanahan", "Kabupaten Bone|Tanete Riattang|Watampone",
  "sertifikat tanah ku di bpn bone sdh 2 tahun ndak selesai-selesai, bolak balik ka ke watampone", note="Bugis-Makassar Malay; BPN land agency; Watampone town")
I("K49b", "email", "pertanahan", "Kabupaten Bone",
  "Yth. Kepala Kantor Pertanahan Kabupaten Bone, permohonan sertifikat hak milik kami yang diajukan sejak 2024 belum terbit tanpa penjelasan. Mohon informasi status berkas.",
  subj="Berkas sertifikat tertunda 2 tahun", cl="K49")
I("K49c", "social", "pertanahan", "Kabupaten Bone",
  "Urus sertifikat di BPN Bone dua tahun mi belum jadi. Kenapa lama sekali di' ? #Bone #Sulsel", cl="K49")

I("K50", "email", "pajak", "Kota Cirebon",
  "Dengan hormat, SPPT PBB 2026 rumah tinggal kami di Kota Cirebon naik hampir 300 persen dibanding tahun lalu tanpa sosialisasi. Kami mohon peninjauan NJOP dan keringanan.",
  subj="Kenaikan PBB 2026 tidak wajar")
I("K50b", "social", "pajak", "Kota Cirebon",
  "PBB di Kota Udang naik gila-gilaan, ada yang naik 1000 persen! @pemkotcirebon #Cirebon #PBB", cl="K50", note="nickname Kota Udang")
I("K50c", "sms", "pajak", "Kota Cirebon",
  "pbb rmh sy di crb naik 3x lipat, gk ada sosialisasi. tlg dikaji ulang", cl="K50")
I("T50", "sms", "pajak", "Kabupaten Cirebon|Sumber",
  "pbb rmh sy di sumber kab cirebon naik 3x lipat. tlg dikaji ulang", trap="K50", note="trap: Kabupaten vs Kota Cirebon")
