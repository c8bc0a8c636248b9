from common import C

RECORDS = [
# --- Aceh
C("e01", "web", "Jalan di Gampong Lamgugob, Kecamatan Syiah Kuala, Banda Aceh, tergenang setiap hujan karena drainase tersumbat. Anak-anak ke sekolah harus melewati genangan setinggi lutut.", "lingkungan", "Kota Banda Aceh|Syiah Kuala|Lamgugob"),
C("e02", "sms", "assalamualaikum, bantuan rumah duafa di aceh besar darul imarah tdk tepat sasaran, yg dapat keluarga keuchik", "sosial", "Kabupaten Aceh Besar|Darul Imarah", note="nepotism in aid distribution: borderline korupsi; no money demanded -> sosial"),
C("e03", "social", "Bandara SIM Blang Bintang, taksi bandara nembak harga 250rb ke Banda Aceh 😤 @kemenhub151 #aceh", "perhubungan", "Kabupaten Aceh Besar|Blang Bintang", note="Sultan Iskandar Muda airport lies in Aceh Besar (Kec. Blang Bintang), not Kota Banda Aceh"),
C("e04", "web", "Di Lhokseumawe, Kecamatan Banda Sakti, listrik padam hampir setiap malam 2–3 jam. Kami sudah lapor PLN ULP Lhokseumawe tapi tidak ada perbaikan.", "energi", "Kota Lhokseumawe|Banda Sakti"),
C("e05", "sms", "takengon, harga kopi petani dimainkan pengepul, pemda aceh tengah tlg atur", "lainnya", "Kabupaten Aceh Tengah", note="commodity price -> lainnya; Takengon = seat of Aceh Tengah"),
C("e06", "web", "Saya tinggal di Medan, tapi orang tua di Bireuen. Pengurusan akta kematian almarhum ayah di Disdukcapil Bireuen sudah 2 bulan belum selesai padahal syarat lengkap.", "kependudukan", "Kabupaten Bireuen", note="reporter in Medan, office in Bireuen"),
# --- Sumut: Medan & Deli Serdang Sukamaju/Sidomulyo
C("e07", "web", "Kelurahan Suka Maju, Kecamatan Medan Johor: jalan di depan kompleks perumahan rusak dan berlubang, sudah dilaporkan ke kepling berkali-kali.", "infrastruktur", "Kota Medan|Medan Johor|Suka Maju", cl="k_sukamaju_medan", note="Suka Maju in Medan Johor (also Sunggal, Deli Serdang)"),
C("e08", "sms", "bang, jln suka maju medan johor makin ancur, lobang dlm kali, kereta ku masuk lobang", "infrastruktur", "Kota Medan|Medan Johor|Suka Maju", cl="k_sukamaju_medan", note="Medan usage: 'kereta' = motorbike"),
C("e09", "social", "Woi @pemkomedan @bobbynst jalan Suka Maju Johor kayak kubangan kerbau 🐃 kapan diaspal? #medanrusak", "infrastruktur", "Kota Medan|Medan Johor|Suka Maju", cl="k_sukamaju_medan", resend=[None]),
C("e10", "web", "Desa Sukamaju, Kecamatan Sunggal, Deli Serdang: jalan desa juga rusak parah setelah dilintasi truk perkebunan. Jangan tertukar dengan Suka Maju yang di Medan Johor.", "infrastruktur", "Kabupaten Deli Serdang|Sunggal|Sukamaju", trap="e07", note="same village name, adjacent regencies"),
C("e11", "sms", "sidomulyo medan tuntungan, sampah ga diangkut 10 hari, lalat bnyk", "lingkungan", "Kota Medan|Medan Tuntungan|Sidomulyo"),
C("e12", "web", "Saya ditilang di Jalan Gatot Subroto Medan dan petugas menawarkan 'damai' Rp200 ribu tanpa surat tilang. Saya menolak dan SIM saya ditahan.", "korupsi_pungli", "Kota Medan", note="traffic-police bribe -> korupsi_pungli; street spans several kecamatan"),
C("e13", "social", "Begal lagi di Medan Helvetia semalem, kawan ku dibacok 😡 polisi kemana @poldasumut @polrestabesmedan #begalmedan", "kepolisian", "Kota Medan|Medan Helvetia"),
C("e14", "sms", "belawan, pungli truk kontainer di pelabuhan oleh oknum berseragam 100rb per truk", "korupsi_pungli", "Kota Medan|Medan Belawan", lm=True, note="Belawan port lies in Kec. Medan Belawan"),
C("e15", "web", "Bandara Kualanamu: bus DAMRI ke Medan jadwalnya tidak menentu dan kereta bandara sering penuh. Saya pendatang dari Aceh bingung.", "perhubungan", "Kabupaten Deli Serdang|Beringin", lm=True, note="Kualanamu lies in Kec. Beringin, Deli Serdang"),
C("e16", "sms", "percut sei tuan, sumur bor warga asin sjk ada tambak, air pdam blm masuk", "air_bersih", "Kabupaten Deli Serdang|Percut Sei Tuan"),
# --- Binjai / Langkat / Tebing Tinggi
C("e17", "web", "Kecamatan Binjai, Kabupaten Langkat — bukan Kota Binjai — irigasi sawah rusak sejak banjir Januari. Petani tidak bisa tanam.", "infrastruktur", "Kabupaten Langkat|Binjai", note="kecamatan Binjai in Langkat vs Kota Binjai"),
C("e18", "sms", "kota binjai, antrian bbm solar di spbu jl sudirman panjang bgt, truk tidur di jln", "energi", "Kota Binjai", trap="e17"),
C("e19", "sms", "tebing tinggi serdang bedagai, jln kabupaten rusak dr simpang ke desa", "infrastruktur", "Kabupaten Serdang Bedagai|Tebing Tinggi", note="kecamatan Tebing Tinggi in Serdang Bedagai vs Kota Tebing Tinggi"),
C("e20", "web", "Kota Tebing Tinggi: pelayanan RSUD Kumpulan Pane lambat, pasien BPJS menunggu rawat inap lebih dari 24 jam di IGD.", "kesehatan", "Kota Tebing Tinggi", trap="e19"),
C("e21", "social", "Danau Toba makin kotor, busa di pinggir Balige dekat keramba 😞 @KLHK @pemkabtoba #danautoba", "lingkungan", "Kabupaten Toba|Balige"),
C("e22", "sms", "horas, sinyal hilang di samosir pangururan sejak 3 hr, ga bs transfer uang", "telekomunikasi", "Kabupaten Samosir|Pangururan"),
C("e23", "web", "Pematangsiantar, Kelurahan Sukamaju, Siantar Marihat: pembagian KIP kuliah di kampus swasta tidak transparan; mahasiswa miskin tidak dapat.", "pendidikan", "Kota Pematangsiantar|Siantar Marihat|Sukamaju"),
C("e24", "sms", "gunungsitoli nias, kapal ke sibolga batal 3 hari, harga bbm naik", "perhubungan", "Kota Gunungsitoli"),
# --- Sumbar
C("e25", "web", "Ambo warga Koto Tangah, Padang. Jalan di Kelurahan Lubuk Buaya banyak balubang, kalau hujan jadi kolam. Tolong pemko Padang cepat diperbaiki.", "infrastruktur", "Kota Padang|Koto Tangah|Lubuk Buaya", note="Minang-Indonesian mix"),
C("e26", "sms", "padang, sampah di pasar raya indak diangkuik 5 hari, bau bana", "lingkungan", "Kota Padang|Padang Barat", lm=True, note="Minang; Pasar Raya Padang lies in Kec. Padang Barat"),
C("e27", "social", "Jam Gadang rami tapi parkir liar di Bukittinggi minta 20rb sekali parkir 😒 @pemkobukittinggi #bukittinggi", "ketertiban", "Kota Bukittinggi|Guguak Panjang", lm=True),
C("e28", "web", "Tambang emas ilegal di Solok Selatan merusak sungai Batang Hari hingga keruh dan beracun merkuri. Aparat seperti tutup mata.", "lingkungan", "Kabupaten Solok Selatan", note="illegal mining; enforcement angle but desk routes lingkungan"),
C("e29", "sms", "mentawai siberut, guru tdk dtg ke sd 2 mgg, murid libur sendiri", "pendidikan", "Kabupaten Kepulauan Mentawai", note="Siberut spans several kecamatan"),
# --- Riau
C("e30", "web", "Kelurahan Sukamaju, Kecamatan Sail, Pekanbaru: asap kebakaran lahan dari luar kota membuat ISPA anak-anak meningkat. Puskesmas kehabisan masker.", "lingkungan", "Kota Pekanbaru|Sail|Sukamaju", note="haze from elsewhere; harm located in Pekanbaru"),
C("e31", "sms", "karhutla di tapung hilir kampar, api dkt kebun warga desa suka maju, blm ada pemadam", "lingkungan", "Kabupaten Kampar|Tapung Hilir|Suka Maju", note="the fire's location determines the region"),
C("e32", "social", "Kepala pusing kabut asap di Pekanbaru 😷 sekolah diliburkan lagi. Sumber api di Pelalawan katanya @pemprovriau #riaumelawanasap", "lingkungan", "Kota Pekanbaru", note="two places: harm in Pekanbaru (the post's complaint), source in Pelalawan"),
C("e33", "web", "Kecamatan Sukajadi, Kota Pekanbaru (bukan Sukajadi Bandung): pengurusan izin usaha mikro di MPP Pekanbaru diminta rekomendasi RT/RW berlapis.", "perizinan", "Kota Pekanbaru|Sukajadi", note="kecamatan Sukajadi in Pekanbaru and Kota Bandung"),
C("e34", "sms", "dumai, pelabuhan roro ke rupat antrian 6 jam, kapal cuma 1", "perhubungan", "Kota Dumai"),
C("e35", "sms", "bengkalis, honor guru ngaji desa blm cair 6 bln", "sosial", "Kabupaten Bengkalis", note="village religious teacher honorarium: desk routes to sosial (kesra)"),
# --- Kepri
C("e36", "web", "Di Batam Kota, air ATB / SPAM Batam sering mati malam hari sejak pengelolaan berganti. Kami di perumahan Belian sudah 10 hari hanya dapat air jam 1 pagi.", "air_bersih", "Kota Batam|Batam Kota|Belian", cl="k_batam_air"),
C("e37", "sms", "air di belian batam mati 10 hr, cuma ngalir tgh mlm. tlg bp batam", "air_bersih", "Kota Batam|Batam Kota|Belian", cl="k_batam_air", resend=["air di belian batam mati 10 hr, cuma ngalir tgh mlm. tolong bp batam!!"]),
C("e38", "social", "Batam Kota air mati lagiii, udah mandi pake galon 1 minggu 😭 @BPBatam @moiratamabatam #airbatam", "air_bersih", "Kota Batam|Batam Kota", cl="k_batam_air"),
C("e39", "web", "Sekupang, Batam: pekerja galangan kapal tidak mendapat alat pelindung diri dan sudah dua kali terjadi kecelakaan kerja tanpa laporan ke BPJS Ketenagakerjaan.", "ketenagakerjaan", "Kota Batam|Sekupang", trap="e36"),
C("e40", "sms", "tanjungpinang, blangko ktp habis, disuruh bikin IKD aja tp hp sy ga bs", "kependudukan", "Kota Tanjung Pinang"),
C("e41", "web", "Kecamatan Lingga, Kabupaten Lingga: pasokan BBM ke pulau terlambat dua minggu, harga bensin eceran Rp25 ribu per liter.", "energi", "Kabupaten Lingga|Lingga"),
# --- Jambi
C("e42", "web", "Kecamatan Kota Baru, Kota Jambi: pedagang kaki lima di sekitar Simpang Kawat menutup trotoar hingga malam. Satpol PP hanya datang sesekali.", "ketertiban", "Kota Jambi|Kota Baru", note="kecamatan Kota Baru in Kota Jambi (also Karawang, Ende)"),
C("e43", "sms", "rimbo ulu tebo, desa sido mulyo, jln ke kebun sawit ancur, truk tbs ga bs lewat", "infrastruktur", "Kabupaten Tebo|Rimbo Ulu|Sido Mulyo"),
C("e44", "sms", "batubara truk lwt jln nasional jambi muaro bulian malem2, macet & rusak", "perhubungan", "Kabupaten Batang Hari", note="coal trucks on the Jambi-Muara Bulian road; Muara Bulian is the seat of Batang Hari"),
# --- Sumsel
C("e45", "web", "Kelurahan Sukamaju, Kecamatan Sako, Palembang: saluran air di Jalan Sukamaju meluap setiap hujan, warga minta normalisasi.", "lingkungan", "Kota Palembang|Sako|Sukamaju"),
C("e46", "social", "LRT Palembang telat terus pagi ini, penumpang numpuk di stasiun Jakabaring 😩 @lrtsumsel #palembang", "perhubungan", "Kota Palembang|Jakabaring", lm=True),
C("e47", "web", "Saya tinggal di Martapura, Kalimantan Selatan, tapi kampung halaman saya di Kecamatan Martapura, Kabupaten OKU Timur, Sumatera Selatan. Ayah saya di sana tidak pernah menerima BLT Dana Desa padahal lansia sendiri.", "sosial", "Kabupaten Ogan Komering Ulu Timur|Martapura", note="Martapura in Kab. Banjar (home) vs kecamatan Martapura OKU Timur (problem)"),
C("e48", "sms", "tebing tinggi empat lawang, kepala desa potong blt dd 100rb per org", "korupsi_pungli", "Kabupaten Empat Lawang|Tebing Tinggi", note="aid cut by village head -> korupsi_pungli; kecamatan Tebing Tinggi (Empat Lawang)"),
C("e49", "sms", "indralaya ogan ilir, kampus unsri jalan masuk gelap, lampu mati sebulan", "energi", "Kabupaten Ogan Ilir|Indralaya"),
# --- Bengkulu
C("e50", "web", "Kecamatan Kampung Melayu, Kota Bengkulu: banjir rob masuk permukiman nelayan di Sumber Jaya. Bukan Kampung Melayu Jakarta.", "lingkungan", "Kota Bengkulu|Kampung Melayu|Sumber Jaya", trap="a16", note="kecamatan Kampung Melayu (Bengkulu) vs kelurahan Kampung Melayu (Jatinegara)"),
C("e51", "sms", "curup rejang lebong, puskesmas tutup jam 11, pasien disuruh balik bsk", "kesehatan", "Kabupaten Rejang Lebong|Curup"),
C("e52", "web", "Bengkulu Utara: perusahaan sawit menyerobot lahan warga desa seluas 40 hektare, patok batas digeser malam-malam.", "pertanahan", "Kabupaten Bengkulu Utara"),
# --- Lampung
C("e53", "web", "Kecamatan Sukabumi, Kota Bandar Lampung — bukan Sukabumi Jawa Barat: jalan di Kelurahan Campang Raya rusak parah dan tergenang.", "infrastruktur", "Kota Bandar Lampung|Sukabumi|Campang Raya", note="kecamatan Sukabumi in Bandar Lampung"),
C("e54", "sms", "bdl telukbetung timur, kel sukamaju, air pdam way rilau ga ngalir seminggu", "air_bersih", "Kota Bandar Lampung|Telukbetung Timur|Sukamaju", note="'bdl' = Bandar Lampung"),
C("e55", "social", "Sidomulyo Lampung Selatan, jalan lintas ke Kalianda hancur lebur 🚧 @pemkablamsel @arinal_djunaidi #lampungrusak", "infrastruktur", "Kabupaten Lampung Selatan|Sidomulyo", note="kecamatan Sidomulyo in Lampung Selatan"),
C("e56", "sms", "pekalongan lampung timur, pupuk subsidi di kios dijual diatas het, petani rugi", "lainnya", "Kabupaten Lampung Timur|Pekalongan", note="kecamatan Pekalongan in Lampung Timur; fertiliser price -> lainnya"),
C("e57", "web", "Pelabuhan Bakauheni: calo tiket kapal berkeliaran di area parkir, harga tiket dinaikkan 2x lipat untuk penumpang yang tidak punya aplikasi.", "perhubungan", "Kabupaten Lampung Selatan|Bakauheni", lm=True, trap="b21", note="mirror port of Merak; touts are non-officials"),
C("e58", "sms", "metro, sekolah sd negeri minta uang perpisahan 500rb, wajib", "korupsi_pungli", "Kota Metro", note="mandatory school levy -> korupsi_pungli"),
C("e59", "web", "Di Pringsewu, gajah liar masuk kebun warga dan merusak tanaman. Kami minta BKSDA segera mengevakuasi.", "lingkungan", "Kabupaten Pringsewu", note="wildlife conflict -> lingkungan"),
# --- Babel
C("e60", "web", "Tambang timah ilegal di pantai Matras, Sungailiat, Bangka, merusak pantai dan terumbu karang. Nelayan kesulitan.", "lingkungan", "Kabupaten Bangka|Sungailiat", lm=True),
C("e61", "sms", "pangkalpinang gerunggang, tagihan pbb naik 3x lipat thn ini", "pajak", "Kota Pangkal Pinang|Gerunggang"),
C("e62", "sms", "tanjung pandan belitung, kapal ke jakarta dibatalkan, tiket ga direfund", "perhubungan", "Kabupaten Belitung|Tanjung Pandan"),
]
