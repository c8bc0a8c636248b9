# Batch 01 — duplicate clusters (Java, NTT, Sulawesi, Sumatra) and their traps. Hand-written 2026-12-02.
from items import I

# K1 PJU mati, Jl. Ir. H. Juanda / Dago, Coblong, Kota Bandung
I("K1", "email", "infrastruktur", "Kota Bandung|Coblong|Dago",
  "Dengan hormat, kami warga RW 03 Kelurahan Dago, Kecamatan Coblong, melaporkan bahwa lampu penerangan jalan umum di sepanjang Jl. Ir. H. Juanda mulai dari simpang Dayang Sumbi sampai Terminal Dago sudah padam kurang lebih dua minggu. Kondisi jalan gelap total setelah magrib dan sudah terjadi dua kali penjambretan. Mohon Dinas terkait segera memperbaiki. Terima kasih.",
  subj="Laporan PJU padam di Jl. Ir. H. Juanda Kel. Dago", note="formal e-mail; cluster lead")
I("K1b", "sms", "infrastruktur", "Kota Bandung|Coblong",
  "lampu jln di dago atas mati smua udh 2 mingguan, gelap bgt sampe terminal dago. tlg dibenerin min, kmrn ada yg dijambret",
  cl="K1", note="SMS slang; 'dago atas' and terminal as landmark")
I("K1c", "social", "infrastruktur", "Kota Bandung|Coblong",
  "@humasbdg punten, lampu PJU di Jalan Juanda (Dago) pareum kabeh ti saminggu kamari, poek pisan peuting. Sieun aya begal. Gera dibenerkeun nya #Bandung #KotaKembang #PJU",
  cl="K1", note="Sundanese social post; street name only, city by nickname hashtag")
I("K1d", "web", "infrastruktur", "Kota Bandung|Coblong",
  "Penerangan jalan tidak menyala dari Simpang Dago sampai terminal, sudah lama. Malam hari sangat rawan bagi mahasiswa yang pulang kuliah.",
  cl="K1", note="web form; Simpang Dago landmark")
# trap: same city, same problem, other kecamatan
I("T1", "web", "infrastruktur", "Kota Bandung|Antapani",
  "Lampu penerangan jalan di Jl. Terusan Jakarta, Kecamatan Antapani, padam sejak minggu lalu. Mohon segera diperbaiki karena gelap dan rawan.",
  trap="K1", note="trap: PJU padam in Bandung but Antapani, and the street is named after Jakarta")

# K2 jalan berlubang Jl. Raya Bogor, Cibinong
I("K2", "web", "infrastruktur", "Kabupaten Bogor|Cibinong",
  "Saya tinggal di Depok tapi tiap hari kerja lewat Jl. Raya Jakarta-Bogor di Cibinong. Di depan Pasar Cibinong ada lubang besar sekitar satu meter, dalamnya sejengkal, sudah banyak motor jatuh. Tolong ditambal sebelum ada korban jiwa.",
  note="two places: reporter from Depok, complaint about Cibinong (town = kecamatan in Kab. Bogor)")
I("K2b", "sms", "infrastruktur", "Kabupaten Bogor|Cibinong",
  "jln raya bogor dpn psr cibinong bolong gede bgt, td pagi ada emak2 jatoh dr motor. kpn dibenerin??",
  cl="K2", note="SMS slang")
I("K2c", "social", "infrastruktur", "Kabupaten Bogor|Cibinong",
  "Nih jalanan depan pasar Cibinong udeh kayak kubangan kebo, bolongnya gede banget, kagak ditambel-tambel. Aye nyaris nyungsep tadi subuh. @pemkabbogor #JalanRusak #Cibinong",
  cl="K2", note="Betawi social post")
I("K2d", "email", "infrastruktur", "Kabupaten Bogor|Cibinong",
  "Yth. Dinas PUPR Kabupaten Bogor, ruas Jalan Raya Bogor km 43 di sekitar Pasar Cibinong mengalami kerusakan berupa lubang dalam pada lajur kiri arah Bogor. Lubang tergenang air saat hujan sehingga tidak terlihat pengendara. Kami mohon penanganan segera.",
  subj="Kerusakan jalan Raya Bogor depan Pasar Cibinong", cl="K2", note="formal; km marker")
I("T2", "sms", "infrastruktur", "Kabupaten Bogor|Citeureup",
  "jln raya citeureup dkt pabrik semen bolong2 parah, truk lewat trs. tlg diperbaiki",
  trap="K2", note="trap: same kabupaten and problem, neighbouring kecamatan Citeureup")

# K3 sampah menumpuk, Kel. Sukaluyu, Cibeunying Kaler, Kota Bandung
I("K3", "web", "lingkungan", "Kota Bandung|Cibeunying Kaler|Sukaluyu",
  "Sampah di TPS Kel. Sukaluyu sudah lima hari tidak diangkut, menumpuk sampai ke badan jalan dan bau busuk tercium sampai ke rumah warga. Mohon truk sampah segera dijadwalkan.",
  note="kelurahan written 'Kel. Sukaluyu'")
I("K3b", "email", "lingkungan", "Kota Bandung|Cibeunying Kaler|Sukaluyu",
  "Kepada DLH Kota Bandung. Di kelurahan sukaluyu kecamatan cibeunying kaler tumpukan sampah di tempat penampungan sementara belum diangkut hampir seminggu. Banyak lalat dan anak-anak mulai diare. Mohon perhatian.",
  subj="tumpukan sampah tps", cl="K3", note="lowercase place names")
I("K3c", "social", "lingkungan", "Kota Bandung|Cibeunying Kaler|Sukaluyu",
  "runtah di sukaluyu geus numpuk saminggu teu diangkut, bau pisan euy. @dlhkotabandung kumaha ieu? #sampah",
  cl="K3", note="Sundanese; bare kelurahan name")
I("T3", "web", "lingkungan", "Kota Bandung|Cibeunying Kidul|Sukamaju",
  "Sampah di TPS Kel. Sukamaju sudah lima hari tidak diangkut, menumpuk sampai ke badan jalan dan bau busuk tercium sampai ke rumah warga. Mohon truk sampah segera dijadwalkan.",
  trap="K3", note="trap: same template text, other kelurahan (Sukamaju, Cibeunying Kidul)")

# K4 air PDAM mati, Tembalang, Kota Semarang
I("K4", "email", "air_bersih", "Kota Semarang|Tembalang",
  "Dengan hormat, sejak hari Senin aliran air PDAM Tirta Moedal di perumahan kami di Kecamatan Tembalang, Kota Semarang, tidak mengalir sama sekali. Tidak ada pemberitahuan gangguan. Kami sudah menelepon call center namun belum ada kepastian. Mohon tindak lanjut.",
  subj="Air PDAM tidak mengalir di Tembalang", note="formal")
I("K4b", "sms", "air_bersih", "Kota Semarang|Tembalang",
  "banyu pdam nang tembalang mati wis telung dino lur, ora iso adus, ora iso masak. piye iki?",
  cl="K4", note="Javanese SMS; bare kecamatan name")
I("K4c", "social", "air_bersih", "Kota Semarang|Tembalang",
  "Kos2an deket Undip Tembalang airnya mampet total 3 hari. Mahasiswa pada numpang mandi di masjid 😭 @pdamsmg #KotaAtlas #Semarang",
  cl="K4", note="landmark campus Undip; nickname Kota Atlas")
I("K4d", "web", "air_bersih", "Kota Semarang|Tembalang",
  "Air ledeng di sekitar Bulusan dan Tembalang mati, warga sudah beli air jerigen tiga hari. Tolong ada mobil tangki.",
  cl="K4")
I("T4", "sms", "air_bersih", "Kota Semarang|Banyumanik",
  "air pdam di banyumanik kecil bgt ngalirnya, cm netes jam 2 pagi doang. udh seminggu",
  trap="K4", note="trap: same city, neighbouring kecamatan, different symptom (weak flow)")

# K5 pungli Samsat Surabaya
I("K5", "email", "korupsi_pungli", "Kota Surabaya",
  "Saya hendak membayar pajak tahunan dan mengurus mutasi kendaraan di kantor Samsat Surabaya Timur di Jalan Manyar. Petugas di loket cek fisik meminta uang Rp150.000 di luar biaya resmi tanpa kuitansi dengan alasan 'biar cepat'. Mohon ditindak.",
  subj="Permintaan uang tidak resmi di Samsat", note="pungli at Samsat -> korupsi_pungli, not pajak")
I("K5b", "sms", "korupsi_pungli", "Kota Surabaya",
  "samsat manyar sby cek fisik dimintai 150rb gk ada kwitansi. jare ben cepet. iku pungli rek",
  cl="K5", note="Suroboyoan slang SMS")
I("K5c", "social", "korupsi_pungli", "Kota Surabaya",
  "Mosok bayar pajak motor nang Samsat Manyar Kota Pahlawan kudu nyelipno 150 ewu nang petugas cek fisik? @saberpungli tolong dicek #pungli #Surabaya",
  cl="K5", note="Javanese; nickname Kota Pahlawan")

# K6 blanko KTP-el habis, Disdukcapil Kota Makassar
I("K6", "sms", "kependudukan", "Kota Makassar",
  "sdh 3 kali ka ke dukcapil makassar mau ambil ktp el, ndak ada blanko ji katanya. disuruh datang lg minggu dpn terus",
  note="Makassar Malay particles ka/ji")
I("K6b", "email", "kependudukan", "Kota Makassar",
  "Yth. Kepala Disdukcapil Kota Makassar. Perekaman KTP elektronik anak saya sudah dilakukan sejak Februari, tetapi pencetakan selalu ditunda karena blanko kosong. Kami membutuhkan KTP untuk mendaftar kerja. Mohon kepastian kapan blanko tersedia.",
  subj="Blanko KTP-el kosong berbulan-bulan", cl="K6")
I("K6c", "social", "kependudukan", "Kota Makassar",
  "Blanko KTP kosong mi lagi di Dukcapil Kota Daeng, antri dari subuh baru dibilang ndak ada. Kapan ini bisa? #Makassar @dukcapilmks",
  cl="K6", note="nickname Kota Daeng")
I("T6", "sms", "kependudukan", "Kabupaten Gowa|Somba Opu|Sungguminasa",
  "di dukcapil gowa sungguminasa juga ndak ada blanko ktp, sdh sebulan ka tunggu",
  trap="K6", note="trap: same problem, neighbouring kabupaten Gowa (Sungguminasa town)")

# K7 pemadaman listrik Medan Johor
I("K7", "sms", "energi", "Kota Medan|Medan Johor",
  "PLN mati lg di medan johor, udh 4x minggu ini. kulkas rusak, anak gk bs belajar. kek mana ini bang",
  note="Medan slang 'kek mana'")
I("K7b", "social", "energi", "Kota Medan|Medan Johor",
  "Listrik di Kecamatan Medan Johor padam lagi malam ini tanpa pemberitahuan. Sudah berkali-kali. @pln_123 mohon penjelasan #Medan #PLN",
  cl="K7")
I("K7c", "email", "energi", "Kota Medan|Medan Johor",
  "Kepada PLN UP3 Medan, kami warga Kelurahan Gedung Johor melaporkan pemadaman listrik berulang hampir setiap malam selama sepekan terakhir dengan durasi 2 sampai 4 jam. Beberapa peralatan elektronik warga rusak. Mohon penjelasan dan perbaikan jaringan.",
  subj="Pemadaman berulang di Gedung Johor", cl="K7")
I("T7", "web", "infrastruktur", "Kota Medan|Medan Johor",
  "Lampu jalan di Jl. Karya Wisata, Medan Johor, banyak yang mati. Malam gelap sekali.",
  trap="K7", note="trap: same kecamatan, street lighting (infrastruktur), not PLN household outage")

# K8 obat habis, Puskesmas Oebobo, Kota Kupang
I("K8", "sms", "kesehatan", "Kota Kupang|Oebobo",
  "beta pi puskesmas oebobo bawa beta pung mama, obat darah tinggi sonde ada. disuru beli di apotek sendiri. kotong orang susah mau beli pake apa",
  note="Kupang Malay")
I("K8b", "web", "kesehatan", "Kota Kupang|Oebobo",
  "Stok obat di Puskesmas Oebobo kosong sejak awal bulan, terutama obat hipertensi dan diabetes untuk pasien BPJS. Pasien lansia terpaksa membeli di apotek swasta.",
  cl="K8")
I("K8c", "social", "kesehatan", "Kota Kupang|Oebobo",
  "Puskesmas di Oebobo Kota Karang ni obat habis terus. Lansia pulang tangan kosong. @dinkeskotakupang tolong dong #Kupang #NTT",
  cl="K8", note="nickname Kota Karang")

# K9 sinyal hilang, Labuan Bajo
I("K9", "social", "telekomunikasi", "Kabupaten Manggarai Barat|Komodo",
  "Sinyal hp di Labuan Bajo hilang total dari kemarin sore, tidak bisa telepon apalagi internet. Tamu hotel komplain, pembayaran QRIS tidak jalan. @kominfo #LabuanBajo",
  note="town Labuan Bajo -> Kec. Komodo, Kab. Manggarai Barat")
I("K9b", "email", "telekomunikasi", "Kabupaten Manggarai Barat|Komodo",
  "Dengan hormat, jaringan seluler dan data di wilayah Kecamatan Komodo, Manggarai Barat, terputus sejak 24 jam lalu. Aktivitas usaha pariwisata terganggu. Mohon operator dan dinas kominfo memberi penjelasan.",
  subj="Gangguan jaringan seluler Kecamatan Komodo", cl="K9")
I("K9c", "sms", "telekomunikasi", "Kabupaten Manggarai Barat|Komodo",
  "sinyal di bajo mati trs dr kmrn. gk bs wa gk bs tlp. tlg",
  cl="K9", note="colloquial 'Bajo'")

# K10 PPDB zonasi SDN Depok
I("K10", "web", "pendidikan", "Kota Depok|Sukmajaya",
  "Anak saya ditolak PPDB jalur zonasi di SDN Mekarjaya 5, padahal rumah kami hanya 300 meter dari sekolah, sementara ada siswa yang rumahnya jauh diterima. Mohon transparansi perhitungan jarak.",
  note="school named; Mekarjaya is in Sukmajaya")
I("K10b", "sms", "pendidikan", "Kota Depok|Sukmajaya",
  "ppdb sdn mekarjaya 5 depok aneh, yg deket ditolak yg jauh diterima. tlg dicek dinas",
  cl="K10")
I("K10c", "email", "pendidikan", "Kota Depok|Sukmajaya",
  "Bersama ini kami sejumlah orang tua calon siswa di Kelurahan Mekarjaya, Sukmajaya, menyampaikan keberatan atas hasil seleksi zonasi di SD Negeri Mekarjaya 5. Titik koordinat beberapa pendaftar diduga dimanipulasi. Kami mohon verifikasi ulang.",
  subj="Keberatan hasil zonasi SDN Mekarjaya 5", cl="K10")
I("T10", "web", "pendidikan", "Kota Depok|Sukmajaya",
  "Anak saya ditolak PPDB jalur zonasi di SDN Mekarjaya 3, padahal rumah kami dekat. Mohon dicek.",
  trap="K10", note="trap: same kelurahan, different school (SDN Mekarjaya 3)")

# K11 jukir Malioboro / Beringharjo
I("K11", "social", "kepolisian", "Kota Yogyakarta|Gondomanan",
  "Parkir motor nang cedhak Pasar Beringharjo dijaluk 20 ewu, jukire mekso lan ngancam yen ora mbayar. Iki wis ora wajar. @polrestajogja #Jogja #parkirnuthuk",
  note="Javanese; jukir extortion -> kepolisian; Beringharjo lies in Gondomanan")
I("K11b", "sms", "kepolisian", "Kota Yogyakarta|Gondomanan",
  "parkir dkt psr beringharjo dipalak 20rb, jukirnya ngancem. tlg ditertibkan",
  cl="K11")
I("K11c", "web", "kepolisian", "Kota Yogyakarta|Gondomanan",
  "Kami rombongan wisatawan dari Bekasi dipaksa membayar parkir bus Rp150.000 oleh juru parkir tak resmi di belakang Pasar Beringharjo, disertai ancaman. Mohon aparat menindak.",
  cl="K11", note="reporter's hometown Bekasi named; place is Yogyakarta")
I("T11", "social", "kepolisian", "Kota Yogyakarta|Gedongtengen",
  "Parkir nang Stasiun Tugu sisih kidul dijaluk 20 ewu barang. Jukire galak. #Jogja",
  trap="K11", note="trap: same city, same jukir issue, other landmark (Tugu station, Gedongtengen)")

# K12 angkot ngetem Terminal Kampung Rambutan
I("K12", "social", "perhubungan", "Jakarta Timur|Ciracas",
  "Angkot ngetem sembarangan di pintu keluar Terminal Kampung Rambutan, bikin macet parah tiap sore. Dishub mane nih? #Jaktim",
  note="terminal landmark; Betawi-ish")
I("K12b", "email", "perhubungan", "Jakarta Timur|Ciracas",
  "Yth. Dinas Perhubungan DKI Jakarta, di sekitar Terminal Kampung Rambutan, Kecamatan Ciracas, banyak angkutan umum berhenti menunggu penumpang di badan jalan TB Simatupang sehingga menimbulkan kemacetan panjang. Mohon penertiban rutin.",
  subj="Angkutan umum ngetem di Terminal Kp. Rambutan", cl="K12")
I("K12c", "sms", "perhubungan", "Jakarta Timur|Ciracas",
  "tiap sore angkot ngetem dpn terminal kp rambutan, macet smp tol. tlg dishub jaga",
  cl="K12")
