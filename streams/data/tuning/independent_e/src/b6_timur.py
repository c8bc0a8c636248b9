from common import C

RECORDS = [
# --- Kalimantan Barat
C("f01", "web", "Kelurahan Siantan Hulu, Pontianak Utara: jalan di gang-gang sekitar pasar Siantan tergenang air pasang setiap sore. Parit-parit tidak pernah dikeruk.", "lingkungan", "Kota Pontianak|Pontianak Utara|Siantan Hulu"),
C("f02", "sms", "bandara supadio kubu raya, ojek pangkalan larang grab jemput, penumpang diancam", "ketertiban", "Kabupaten Kubu Raya|Sungai Raya", lm=True, note="Supadio airport lies in Kec. Sungai Raya, Kubu Raya, not Kota Pontianak; intimidation by drivers (non-officials)"),
C("f03", "web", "Saya tinggal di Pontianak, tapi keluarga di Kabupaten Ketapang, Kalimantan Barat, mengeluh asap dari kebakaran lahan gambut yang sudah seminggu. Bukan Ketapang Banyuwangi ya.", "lingkungan", "Kabupaten Ketapang", trap="d30", note="Ketapang: kabupaten in Kalbar vs port in Banyuwangi"),
C("f04", "social", "Singkawang banjir rob sampe Jl. Diponegoro 🌊 PUPR mana nih @pemkotsingkawang #singkawang", "lingkungan", "Kota Singkawang"),
C("f05", "sms", "sambas, perbatasan aruk, harga gas 3 kg 45rb. pertamina tlg awasi", "energi", "Kabupaten Sambas", note="LPG 3kg price -> energi"),
# --- Kalimantan Tengah
C("f06", "web", "Sampit, Kecamatan Mentawa Baru Ketapang: pelayanan di RSUD dr. Murjani lambat, obat pasien BPJS disuruh beli di apotek luar.", "kesehatan", "Kabupaten Kotawaringin Timur|Mentawa Baru Ketapang", note="kecamatan name contains 'Ketapang' too; Sampit is the town"),
C("f07", "sms", "palangkaraya jekan raya, asap tebel, sekolah blm diliburkan, anak batuk2", "lingkungan", "Kota Palangka Raya|Jekan Raya"),
C("f08", "social", "Jalan trans Kalimantan Palangka Raya–Kuala Kurun rusak berlumpur, truk amblas 2 hari 😩 @pupr_bm_kalteng", "infrastruktur", None, note="route across Kota Palangka Raya and Gunung Mas with no section given (provincial road) -> null"),
C("f09", "web", "Pangkalan Bun: perusahaan sawit tidak membayar plasma 20% kepada warga desa sesuai perjanjian, sudah lima tahun.", "pertanahan", "Kabupaten Kotawaringin Barat|Arut Selatan", lm=True, note="plasma dispute: borderline perizinan/pertanahan; desk routes pertanahan; Pangkalan Bun = Kec. Arut Selatan"),
# --- Kalimantan Selatan
C("f10", "web", "Di Kelurahan Sungai Miai, Banjarmasin Utara, air PDAM Bandarmasih terasa asin karena intrusi air laut di musim kemarau. Kami terpaksa beli air galon.", "air_bersih", "Kota Banjarmasin|Banjarmasin Utara|Sungai Miai", cl="k_miai_asin"),
C("f11", "sms", "banyu pdam di sungai miai asin banar, kada kawa diminum. tulungi", "air_bersih", "Kota Banjarmasin|Banjarmasin Utara|Sungai Miai", cl="k_miai_asin", note="Banjar language"),
C("f12", "social", "Air PDAM Banjarmasin Utara asin pol 🧂 mandi aja perih. @PDAMBandarmasih #banjarmasin", "air_bersih", "Kota Banjarmasin|Banjarmasin Utara", cl="k_miai_asin"),
C("f13", "sms", "martapura kab banjar, pasar intan parkir liar bnyk, jln sempit", "ketertiban", "Kabupaten Banjar|Martapura", note="Martapura (Kab. Banjar) vs kecamatan Martapura (OKU Timur)"),
C("f14", "web", "Kecamatan Tanjung, Kabupaten Tabalong: debu batu bara dari jalan hauling masuk rumah warga, banyak anak terkena ISPA.", "lingkungan", "Kabupaten Tabalong|Tanjung", note="kecamatan Tanjung in Tabalong"),
C("f15", "sms", "bandara syamsudin noor, taksi gelap maksa penumpang, petugas diam", "perhubungan", "Kota Banjarbaru|Landasan Ulin", lm=True, note="Syamsudin Noor airport in Kec. Landasan Ulin, Banjarbaru"),
# --- Kalimantan Timur
C("f16", "web", "Samarinda, Kecamatan Sungai Kunjang: lubang bekas tambang batu bara tidak direklamasi dan sudah menelan korban anak tenggelam. Mohon ditindak.", "lingkungan", "Kota Samarinda|Sungai Kunjang"),
C("f17", "sms", "smd banjir lg di simpang sempaja, mobil mogok smua", "lingkungan", "Kota Samarinda", note="'smd' = Samarinda; Simpang Sempaja is an intersection between kecamatan"),
C("f18", "web", "Saya pekerja proyek di IKN, Sepaku. Upah lembur kami tidak dibayar subkontraktor dua bulan, mandor menghilang.", "ketenagakerjaan", "Kabupaten Penajam Paser Utara|Sepaku", cl="k_ikn_upah"),
C("f19", "social", "Kami buruh bangunan IKN Sepaku belum digaji 2 bulan 😭 mandor kabur @KemnakerRI @OIKN_RI #IKN", "ketenagakerjaan", "Kabupaten Penajam Paser Utara|Sepaku", cl="k_ikn_upah"),
C("f20", "sms", "ikn sepaku, subkon blm bayar upah 2 bln, kami tidur di bedeng", "ketenagakerjaan", "Kabupaten Penajam Paser Utara|Sepaku", cl="k_ikn_upah", resend=[None]),
C("f21", "web", "Balikpapan Selatan: lampu jalan di Jalan Jenderal Sudirman dekat pantai banyak yang mati, rawan kecelakaan malam.", "energi", "Kota Balikpapan|Balikpapan Selatan"),
C("f22", "sms", "tenggarong kukar, jembatan kayu ke desa lapuk, motor hampir jatuh", "infrastruktur", "Kabupaten Kutai Kartanegara|Tenggarong"),
C("f23", "web", "Sangatta, Kutai Timur: kuota penerimaan tenaga kerja lokal di perusahaan tambang tidak dipenuhi; warga lokal hanya jadi satpam.", "ketenagakerjaan", "Kabupaten Kutai Timur"),
# --- Kalimantan Utara
C("f24", "web", "Tarakan Barat: PLN sering padam bergilir tanpa jadwal. Usaha es batu kami rugi jutaan.", "energi", "Kota Tarakan|Tarakan Barat"),
C("f25", "sms", "tanjung selor bulungan, bantuan sembako banjir blm sampai ke desa kami", "sosial", "Kabupaten Bulungan|Tanjung Selor"),
C("f26", "sms", "nunukan, tki deportasi dr malaysia tidur di pelabuhan, ga ada penampungan", "ketenagakerjaan", "Kabupaten Nunukan", note="deported migrant workers; borderline sosial -> ketenagakerjaan (BP2MI)"),
# --- Sulawesi Utara
C("f27", "web", "Torang di Kelurahan Bahu, Malalayang, Manado. Aer PDAM so mati tiga hari, nyanda ada pemberitahuan. Tolong kase bae.", "air_bersih", "Kota Manado|Malalayang|Bahu", note="Manado Malay"),
C("f28", "sms", "manado wenang, sampah di pasar 45 banyak skali, bau", "lingkungan", "Kota Manado|Wenang", note="Pasar 45 is in Wenang"),
C("f29", "social", "Pelabuhan Bitung antri kapal ke Ternate, tiket dijual calo 2x harga 😤 @kemenhub151 #bitung", "perhubungan", "Kota Bitung"),
C("f30", "sms", "tondano minahasa, guru honor blm terima gaji 3 bln", "pendidikan", "Kabupaten Minahasa"),
# --- Gorontalo
C("f31", "web", "Limboto, Kabupaten Gorontalo: Danau Limboto makin dangkal dan penuh eceng gondok, nelayan kehilangan mata pencaharian.", "lingkungan", "Kabupaten Gorontalo|Limboto"),
C("f32", "sms", "kota gorontalo, kota selatan, jln rusak depan pasar sentral", "infrastruktur", "Kota Gorontalo|Kota Selatan", lm=False),
C("f33", "sms", "pohuwato, tambang emas ilegal di sungai, air keruh, ikan mati", "lingkungan", "Kabupaten Pohuwato"),
# --- Sulawesi Tengah
C("f34", "web", "Warga Kecamatan Mantikulore, Palu: hunian tetap korban gempa 2018 di Tondo belum juga diserahkan, sebagian rusak sebelum ditempati.", "sosial", "Kota Palu|Mantikulore|Tondo", note="post-disaster housing -> sosial"),
C("f35", "web", "Kawasan industri nikel di Bahodopi, Morowali: pekerja tidak diberi APD memadai dan jam kerja 12 jam tanpa lembur.", "ketenagakerjaan", "Kabupaten Morowali|Bahodopi", cl="k_bahodopi_k3"),
C("f36", "social", "Kerja di smelter Bahodopi kayak romusha, 12 jam, APD seadanya 😡 @KemnakerRI #morowali #k3", "ketenagakerjaan", "Kabupaten Morowali|Bahodopi", cl="k_bahodopi_k3", resend=["Kerja di smelter Bahodopi kayak romusha, 12 jam, APD seadanya 😡 @KemnakerRI #morowali #k3 #buruh"]),
C("f37", "sms", "bahodopi morowali debu smelter tebal, rumah warga hitam, batuk2", "lingkungan", "Kabupaten Morowali|Bahodopi", trap="f35", note="same place, different problem (pollution, not labour)"),
C("f38", "sms", "luwuk banggai, jalan ke bandara syukuran aminuddin amir berlubang", "infrastruktur", "Kabupaten Banggai", note="Luwuk is a town (and a kecamatan); airport road lies outside Kec. Luwuk -> kecamatan null"),
# --- Sulawesi Barat
C("f39", "web", "Kecamatan Mamuju, Kabupaten Mamuju: banjir bandang merusak rumah warga, bantuan darurat lambat datang.", "sosial", "Kabupaten Mamuju|Mamuju", note="disaster relief -> sosial"),
C("f40", "sms", "polewali mandar, puskesmas tdk ada dokter 1 bln, cuma bidan", "kesehatan", "Kabupaten Polewali Mandar"),
C("f41", "sms", "majene, sinyal indosat hilang 4 hari, atm jg ga bs", "telekomunikasi", "Kabupaten Majene"),
# --- Sulawesi Selatan
C("f42", "web", "Di Kelurahan Mannuruki, Tamalate, Makassar, banjir tiap hujan deras karena kanal tersumbat. Kodong, warga tiap tahun begini terus.", "lingkungan", "Kota Makassar|Tamalate|Mannuruki", cl="k_mannuruki", note="Makassar particle 'kodong'"),
C("f43", "sms", "mannuruki makassar banjir mi lagi, kanal tersumbat sampah. tolong ki pak wali", "lingkungan", "Kota Makassar|Tamalate|Mannuruki", cl="k_mannuruki", note="Makassar particles 'mi', 'ki'"),
C("f44", "social", "Tamalate tenggelam lagi 😩 kanal Mannuruki ndak pernah dikeruk @pemkotmakassar #makassarbanjir", "lingkungan", "Kota Makassar|Tamalate|Mannuruki", cl="k_mannuruki"),
C("f45", "web", "Kecamatan Wajo, Kota Makassar — bukan Kabupaten Wajo: pedagang di Pasar Butung menutup jalan, mobil pemadam kebakaran tidak bisa lewat.", "ketertiban", "Kota Makassar|Wajo", note="kecamatan Wajo in Kota Makassar vs Kab. Wajo"),
C("f46", "sms", "sengkang wajo, pengurusan sertifikat tanah di bpn diminta uang tambahan 3jt", "korupsi_pungli", "Kabupaten Wajo", trap="f45", note="Sengkang = seat of Kab. Wajo"),
C("f47", "web", "Bandara Sultan Hasanuddin: bagasi saya rusak dan maskapai menolak ganti rugi. Saya dari Kendari transit ke Jakarta.", "perhubungan", "Kabupaten Maros|Mandai", lm=True, note="airport lies in Kec. Mandai, Kab. Maros; Kendari and Jakarta are noise"),
C("f48", "sms", "sukamaju luwu utara, jln poros ke masamba longsor, truk ga bs lewat", "infrastruktur", "Kabupaten Luwu Utara|Sukamaju", note="kecamatan Sukamaju in Luwu Utara (also >100 villages)"),
C("f49", "web", "Rantepao, Toraja Utara: retribusi masuk objek wisata naik tapi jalan ke Ke'te Kesu' rusak dan toilet tidak ada.", "lainnya", "Kabupaten Toraja Utara", note="tourism complaint with road mention; desk gives lainnya (tourism service), borderline infrastruktur"),
C("f50", "sms", "gowa somba opu, pdam mati 2 hr, warga ambil air di sumur tetangga", "air_bersih", "Kabupaten Gowa|Somba Opu"),
C("f51", "sms", "bone, pkh ibu sy dipotong pendamping 200rb tiap cair", "korupsi_pungli", "Kabupaten Bone", note="PKH cut by facilitator -> korupsi_pungli"),
# --- Sulawesi Tenggara
C("f52", "web", "Kecamatan Kendari, Kota Kendari: jalan di kawasan Kota Lama rusak dan drainase tersumbat. Tolong Pemkot.", "infrastruktur", "Kota Kendari|Kendari", note="kecamatan Kendari inside Kota Kendari"),
C("f53", "sms", "kolaka, tambang nikel buang lumpur ke laut, rumput laut petani mati", "lingkungan", "Kabupaten Kolaka"),
C("f54", "web", "Saya pindah dari Kendari ke Konawe Selatan, tapi SKPWNI saya dari Disdukcapil Kota Kendari belum terbit sehingga tidak bisa membuat KK baru di Andoolo.", "kependudukan", "Kota Kendari", note="two offices; the blocked step is the Kendari office (SKPWNI)"),
C("f55", "sms", "baubau, kapal ke wakatobi batal krn ombak tp tiket ga dikembalikan", "perhubungan", "Kota Baubau"),
# --- Maluku
C("f56", "web", "Beta warga Negeri Tulehu, Salahutu, Maluku Tengah. Kapal cepat ke Masohi seng berangkat tiga hari tanpa penjelasan, barang dagangan busuk.", "perhubungan", "Kabupaten Maluku Tengah|Salahutu|Tulehu", note="Ambon Malay; Tulehu port is in Maluku Tengah, not Kota Ambon"),
C("f57", "sms", "ambon sirimau, lampu jalan mati di batu merah, rawan", "energi", "Kota Ambon|Sirimau|Batu Merah"),
C("f58", "social", "Ose bayangkan, Kota Ambon air PDAM mati satu minggu 😭 @pemkotambon tolong jua #ambonmanise", "air_bersih", "Kota Ambon", note="Ambon Malay"),
C("f59", "sms", "tual, harga bbm eceran 20rb/ltr, spbu kosong", "energi", "Kota Tual"),
# --- Maluku Utara
C("f60", "web", "Weda, Halmahera Tengah: limbah dari kawasan industri nikel mencemari sungai Sagea, air keruh kecoklatan dan warga tidak bisa mandi.", "lingkungan", "Kabupaten Halmahera Tengah", note="Sagea river lies in Kec. Weda Utara; 'Weda' here is the town/area -> kecamatan null"),
C("f61", "sms", "ternate selatan, kapal ke tidore penuh sesak, ga ada pelampung", "perhubungan", "Kota Ternate|Kota Ternate Selatan", lm=True, note="'ternate selatan' = kecamatan Kota Ternate Selatan"),
C("f62", "sms", "tobelo halut, rsud kekurangan darah, keluarga pasien disuruh cari sendiri", "kesehatan", "Kabupaten Halmahera Utara"),
# --- Papua (provinsi)
C("f63", "web", "Abepura, Kota Jayapura: kantor Samsat meminta biaya 'administrasi' di luar pajak untuk mutasi kendaraan tanpa kuitansi.", "korupsi_pungli", "Kota Jayapura|Abepura"),
C("f64", "sms", "sentani, bandara, ojek minta 100rb ke kota, mahal skali", "perhubungan", "Kabupaten Jayapura|Sentani"),
C("f65", "social", "Biak listrik padam setiap malam, katong pu anak sekolah belajar pake pelita 🕯️ @pln_123 #biak", "energi", "Kabupaten Biak Numfor", note="Papuan Malay"),
# --- Papua Barat
C("f66", "web", "Manokwari Barat: jalan di Kelurahan Sanggeng rusak berat dan sering banjir. Mohon Dinas PU Papua Barat turun tangan.", "infrastruktur", "Kabupaten Manokwari|Manokwari Barat|Sanggeng"),
C("f67", "sms", "fakfak, jaringan internet mati total 1 minggu, bank tutup", "telekomunikasi", "Kabupaten Fakfak"),
C("f68", "sms", "bintuni, warga adat protes tanah ulayat dipakai perusahaan tnp ganti rugi", "pertanahan", "Kabupaten Teluk Bintuni"),
# --- Papua Barat Daya: kec. Sorong in Kota Sorong and Kab. Sorong
C("f69", "web", "Distrik Sorong Timur, Kota Sorong: pengangkutan sampah berhenti dua minggu, sampah menumpuk di pinggir jalan protokol.", "lingkungan", "Kota Sorong|Sorong Timur"),
C("f70", "sms", "distrik sorong, air bersih susah, pdam jarang ngalir", "air_bersih", None, note="distrik Sorong exists in both Kota Sorong and Kab. Sorong -> null"),
C("f71", "social", "Raja Ampat indah tp sampah plastik di Waisai numpuk di pantai 😔 @pemkabrajaampat #rajaampat", "lingkungan", "Kabupaten Raja Ampat|Kota Waisai", lm=True, note="Waisai = distrik Kota Waisai"),
C("f72", "sms", "aimas kab sorong, jalan ke kantor bupati rusak, lubang dimana2", "infrastruktur", "Kabupaten Sorong|Aimas"),
# --- Papua Selatan
C("f73", "web", "Distrik Merauke, Kabupaten Merauke: pembangunan food estate menggusur dusun sagu masyarakat adat tanpa musyawarah.", "pertanahan", "Kabupaten Merauke|Merauke"),
C("f74", "sms", "tanah merah boven digoel, obat di puskesmas kosong, malaria bnyk", "kesehatan", "Kabupaten Boven Digoel|Mandobo", lm=True, note="Tanah Merah = seat of Boven Digoel in distrik Mandobo"),
C("f75", "sms", "agats asmat, guru sd tdk ada, anak2 main di kali", "pendidikan", "Kabupaten Asmat"),
# --- Papua Tengah
C("f76", "web", "Timika, Mimika Baru: pengurusan e-KTP di Disdukcapil Mimika harus bayar Rp100 ribu kepada oknum supaya cepat.", "korupsi_pungli", "Kabupaten Mimika|Mimika Baru"),
C("f77", "sms", "nabire, bbm langka, antrian spbu dr subuh", "energi", "Kabupaten Nabire"),
C("f78", "sms", "enarotali paniai, jln trans nabire putus longsor", "infrastruktur", "Kabupaten Paniai", note="route Nabire-Enarotali; Enarotali is the Paniai seat"),
# --- Papua Pegunungan
C("f79", "web", "Wamena, Jayawijaya: harga semen Rp800 ribu per sak karena pengiriman hanya lewat udara. Pembangunan rumah warga terhenti.", "lainnya", "Kabupaten Jayawijaya|Wamena", note="price/logistics complaint -> lainnya"),
C("f80", "sms", "dekai yahukimo, rsud kurang dokter, pasien dirujuk ke jayapura bayar sendiri", "kesehatan", "Kabupaten Yahukimo|Dekai"),
C("f81", "sms", "tiom lanny jaya, sinyal hp hanya di bukit, tower rusak", "telekomunikasi", "Kabupaten Lanny Jaya"),
]
