# Batch 07 — 6-member cluster, more look-alike traps, landmark singles, resends. Hand-written 2026-12-02.
from items import I

# K51 penumpukan penumpang / eskalator mati, Stasiun Manggarai (Tebet, Jakarta Selatan)
I("K51", "social", "perhubungan", "Jakarta Selatan|Tebet|Manggarai",
  "Stasiun Manggarai pagi ini chaos, eskalator mati, penumpang transit numpuk di tangga. @CommuterLine @KAI121 #Manggarai", note="station landmark")
I("K51b", "sms", "perhubungan", "Jakarta Selatan|Tebet|Manggarai",
  "eskalator st manggarai mati lg, org desek2an di tangga, ada yg pingsan", cl="K51")
I("K51c", "email", "perhubungan", "Jakarta Selatan|Tebet|Manggarai",
  "Yth. PT KAI Commuter, fasilitas eskalator dan lift di peron transit Stasiun Manggarai tidak berfungsi pada jam sibuk sehingga terjadi penumpukan penumpang yang membahayakan. Mohon perbaikan dan pengaturan arus.",
  subj="Eskalator Stasiun Manggarai tidak berfungsi", cl="K51")
I("K51d", "web", "perhubungan", "Jakarta Selatan|Tebet|Manggarai",
  "Tangga jalan di stasiun transit terbesar di Tebet itu rusak lagi, penumpang lansia kesulitan naik ke peron jalur Bogor.", cl="K51", note="no station name; described")
I("K51e", "social", "perhubungan", "Jakarta Selatan|Tebet|Manggarai",
  "Kagak kuat aye transit di Manggarai, eskalatornye mogok, orang pade dempet-dempetan kayak ikan asin. #KRL", cl="K51", note="Betawi")
I("K51f", "sms", "perhubungan", "Jakarta Selatan|Tebet|Manggarai",
  "mas eskalator nang manggarai mati, wong numpuk neng undakan. mbok ndang dibenerke", cl="K51", note="Javanese SMS")
I("T51", "social", "kepolisian", "Jakarta Selatan|Tebet|Manggarai",
  "Copet beraksi di Stasiun Manggarai pas penumpang numpuk, HP temen saya raib. @CommuterLine #Manggarai", trap="K51", note="trap: same place, different problem (pickpocket)")
I("T52", "sms", "perhubungan", "Jakarta Pusat|Tanah Abang",
  "eskalator st tanah abang mati lg, org desek2an di tangga", trap="K51", note="trap: same problem/template, other station")

# more traps
I("T1b", "web", "infrastruktur", "Kota Bandung|Coblong|Dago",
  "Lampu penerangan di gang RW 07 Kelurahan Dago (dekat Dago Pojok) mati satu tiang. Mohon diganti.", trap="K1", note="trap: same kelurahan, different RW/gang, single pole")
I("T4b", "sms", "energi", "Kota Semarang|Tembalang",
  "listrik pln nang tembalang mati wis rong dino lur, ora iso ngecas hp", trap="K4", note="trap: same kecamatan, other utility (PLN, not PDAM)")
I("T7b", "sms", "energi", "Kota Medan|Medan Amplas",
  "PLN mati lg di medan amplas, udh 3x minggu ini. kek mana ini bang", trap="K7", note="trap: same template, neighbouring kecamatan")
I("T15", "sms", "air_bersih", "Kota Manado|Wanea",
  "torang di wanea so tiga hari nda ada aer PDAM, mo mandi nda bisa", trap="K15", note="trap: same place, water not electricity")
I("T17", "sms", "kesehatan", "Kota Jayapura|Abepura",
  "sa bawa anak ke rsud abepura tapi dokter anak tra ada, tunggu dari pagi", trap="K17", note="trap: other hospital (RSUD Abepura)")
I("T20", "web", "energi", "Kota Balikpapan",
  "SPBU Km 5 Soekarno-Hatta Balikpapan diduga mengurangi takaran, 20 liter di nozzle tapi tangki tidak penuh.", trap="K20", note="trap: same SPBU, different problem (short measure)")
I("T22", "web", "perhubungan", "Kabupaten Lombok Tengah|Pujut",
  "Tarif parkir inap di Bandara Internasional Lombok naik tanpa pengumuman, sehari Rp80.000.", trap="K22", note="trap: same airport, different problem")
I("T24", "email", "perizinan", "Kota Tanjung Pinang",
  "Permohonan PBG ruko kami di Tanjungpinang sudah lima bulan di SIMBG dengan status verifikasi. Mohon kejelasan.", subj="PBG tertahan di SIMBG", trap="K24", note="trap: same problem, other city in Kepri")
I("T29", "sms", "korupsi_pungli", "Kota Bengkulu|Gading Cempaka",
  "mau nikah di kua gading cempaka dimintai 800rb, itu utk apa?", trap="K29", note="trap: same pungli, other KUA in the same city")
I("T33", "social", "lingkungan", "Kota Tangerang|Neglasari",
  "Bau TPA Rawa Kucing kecium sampe perumahan, tiap sore kayak bangkai. #Tangerang", trap="K33", note="trap: other landfill, Kota Tangerang")
I("T34", "sms", "ketertiban", "Kota Surakarta|Jebres|Sudiroprajan",
  "pkl nang ngarep pasar gede nutupi dalan, mbok ditata", trap="K34", note="trap: other market in Solo (Pasar Gede)")
I("T37", "sms", "energi", "Kabupaten Sidoarjo|Taman",
  "elpiji 3kg nang taman sidoarjo langka, kabeh pangkalan kosong", trap="K37", note="trap: neighbouring kecamatan")
I("T41", "web", "sosial", "Kabupaten Sigi|Sigi Biromaru",
  "Penyintas gempa di Huntap Pombewe belum menerima kunci unit, sudah bertahun-tahun.", trap="K41", note="trap: other huntap (Pombewe, Kab. Sigi)")
I("T45", "sms", "energi", "Kabupaten Boven Digoel",
  "bbm di tanah merah boven digoel langka, eceran 30rb seliter", trap="K45", note="trap: neighbouring kabupaten")
I("T12", "social", "perhubungan", "Jakarta Timur|Cakung",
  "Angkot ngetem sembarangan di depan Terminal Pulo Gebang, macet tiap sore. #Jaktim", trap="K12", note="trap: other terminal in Jakarta Timur")
I("T8", "sms", "kesehatan", "Kota Kupang|Kelapa Lima|Oesapa",
  "beta pi puskesmas oesapa, obat gula sonde ada. disuru beli sendiri", trap="K8", note="trap: other puskesmas in Kupang")
I("T21", "sms", "korupsi_pungli", "Kota Pontianak",
  "di kantor samsat pontianak dimintain 100rb buat cek fisik, gk ada karcis", trap="K21", note="trap: same city, pungli at Samsat not the port")

# landmark singles
I("G01", "web", "perhubungan", "Kota Tangerang|Benda", "Trolley di Terminal 3 Bandara Soekarno-Hatta kurang, penumpang antre lama.", note="Soekarno-Hatta airport lies in Kec. Benda, Kota Tangerang, not Jakarta")
I("G02", "sms", "perhubungan", "Kabupaten Kulon Progo|Temon", "kereta bandara yia sering telat, hampir ketinggalan pesawat", note="YIA airport in Temon, Kulon Progo")
I("G03", "social", "lingkungan", "Kota Surabaya|Sukolilo|Keputih", "Sampah di belakang kampus ITS dibakar tiap sore, asapnya masuk asrama. #Surabaya", note="campus landmark ITS -> Keputih, Sukolilo")
I("G04", "email", "ketertiban", "Kabupaten Sleman|Depok|Caturtunggal", "Kos-kosan di sekitar kampus UGM dipakai pesta miras tiap malam dan mengganggu warga.", subj="Gangguan ketertiban sekitar UGM", note="campus UGM in Caturtunggal, Depok (Sleman), not Kota Depok")
I("G05", "sms", "perhubungan", "Kabupaten Badung|Kuta|Tuban", "taksi gelap di bandara ngurah rai maksa turis, tarif 500rb ke kuta", note="airport in Tuban, Kuta")
I("G06", "web", "ketertiban", "Kota Bogor|Bogor Tengah", "PKL dan ojek pangkalan menutup pintu keluar Stasiun Bogor, penumpang susah lewat.", note="station landmark")
I("G07", "social", "perhubungan", "Kota Padang|Padang Selatan|Teluk Bayur", "Antrean truk di Pelabuhan Teluk Bayur sampai ke jalan raya, macet. #Padang", note="port Teluk Bayur = kelurahan name in Padang Selatan")
I("G08", "sms", "kesehatan", "Kota Bandung", "igd rs hasan sadikin bdg penuh, pasien dirawat di kursi", note="RSHS hospital landmark; kec not asserted")
I("G09", "web", "perhubungan", "Jakarta Pusat|Gambir", "Antrean taksi di Stasiun Gambir tidak tertib, calo menawarkan tarif tembak.", note="station")
I("G10", "email", "kesehatan", "Kota Baubau", "Pasien cuci darah di Baubau harus menyeberang ke Kendari karena mesin hemodialisis RSUD rusak.", subj="Mesin hemodialisis rusak", note="two places: Kendari is the referral destination; complaint about Baubau")
I("G11", "sms", "pendidikan", "Kota Bima", "sekolah di kota bima libur krn banjir, buku2 rusak blm ada bantuan")
I("G12", "social", "air_bersih", "Kabupaten Dompu", "Warga Dompu krisis air bersih, sumur kering. #NTB")
I("G13", "web", "kependudukan", "Kabupaten Kepulauan Talaud", "Warga pulau di Talaud harus naik kapal dua hari ke Melonguane untuk rekam KTP.", note="Melonguane capital; kab only")
I("G14", "sms", "infrastruktur", "Kabupaten Kaimana|Kaimana|Kaimana Kota", "jalan di kaimana kota rusak, got terbuka bahaya buat anak-anak", note="Papua Barat; 'kaimana kota' = kelurahan Kaimana Kota")
I("G15", "email", "lingkungan", "Kabupaten Pangkajene Dan Kepulauan", "Debu pabrik semen di Pangkep menutupi atap rumah warga dan sawah.", subj="Polusi debu pabrik semen", note="Pangkep abbreviation")
I("G16", "social", "kepolisian", "Kota Bandung", "Geng motor lagi di Bandung, warung dirusak jam 2 pagi. #ParisVanJava", note="nickname Paris van Java")
I("G17", "sms", "pajak", "Kota Makassar", "bayar pajak motor di samsat mks antri dari pagi, sistem offline trs", note="Samsat queue, no illegal payment -> pajak")
I("G18", "web", "pendidikan", "Kota Surabaya", "Sekolah swasta di Kota Pahlawan menahan rapor anak saya karena belum lunas uang gedung.", note="nickname")
I("G19", "sms", "ketenagakerjaan", "Kota Semarang", "kerja di pabrik garmen smg gaji telat 2 bln", note="")
I("G20", "social", "sosial", "Jakarta Pusat|Senen", "Gelandangan lansia tidur di kolong flyover Senen, tolong dinsos jemput. #Jakpus", note="Jakpus; Senen flyover")

# resends (same reporter & channel, minutes later)
I("R_K1b", "sms", "infrastruktur", "Kota Bandung|Coblong", "=", dup="K1b", note="exact resend")
I("R_K6", "sms", "kependudukan", "Kota Makassar", "=", dup="K6", note="exact resend")
I("R_D01", "sms", "kependudukan", "Kabupaten Bekasi", "bikin akta lahir anak di dukcapil cikarang udh 2 bln blm jadi!! tlg", dup="D01", note="near-exact resend")
I("R_U01", "sms", "korupsi_pungli", "Kota Tangerang", "=", dup="U01", note="exact resend")
I("R_Q02", "sms", "kepolisian", "Kabupaten Bekasi", "=", dup="Q02", note="exact resend")
I("R_W01", "sms", "air_bersih", "Kota Bekasi|Bekasi Utara", "air pdam di bekasi utara bau kaporit bgt sama kuning. tolong", dup="W01", note="near-exact resend")
I("R_N05", "sms", "energi", "Kota Banjarbaru", "=", dup="N05", note="exact resend")
I("R_N05b", "sms", "energi", "Kota Banjarbaru", "=", dup="N05", note="second resend (-r2)")
I("R_K2c", "social", "infrastruktur", "Kabupaten Bogor|Cibinong", "=", dup="K2c", note="exact resend")
I("R_Q06", "social", "kepolisian", "Jakarta Barat", "Jukir liar di minimarket Jakbar minta 5 rebu, udah ada tulisan parkir gratis. Dipelototin kalo gak bayar!! #Jakarta", dup="Q06", note="near-exact resend")
I("R_M10", "social", "telekomunikasi", "Kabupaten Mimika", "=", dup="M10", note="exact resend")
I("R_K5", "email", "korupsi_pungli", "Kota Surabaya", "=", subj="Permintaan uang tidak resmi di Samsat", dup="K5", note="exact resend of e-mail")
I("R_J03", "email", "ketenagakerjaan", "Kabupaten Karawang", "=", subj="Penahanan ijazah karyawan", dup="J03", note="exact resend")
I("R_K20", "sms", "energi", "Kota Balikpapan", "=", dup="K20", note="exact resend")
I("R_K42", "sms", "korupsi_pungli", "Kota Gorontalo", "bikin sim c di polres gorontalo kota disuru bayar 600rb lewat calo orang dalam, kalau ujian sendiri pasti gagal.", dup="K42", note="near-exact resend")
I("R_U09", "sms", "korupsi_pungli", "Kota Medan", "=", dup="U09", note="exact resend")
I("R_K36", "social", "infrastruktur", "Kota Malang|Lowokwaru", "=", dup="K36", note="exact resend")
I("R_O01", "sms", "ketertiban", "Jakarta Pusat|Tanah Abang", "=", dup="O01", note="exact resend")
