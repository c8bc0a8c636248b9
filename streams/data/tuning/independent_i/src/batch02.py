# Batch 02 — duplicate clusters outside Java, regional Malay varieties. Hand-written 2026-12-02.
from items import I

# K13 air PDAM keruh, Banjarmasin Utara
I("K13", "sms", "air_bersih", "Kota Banjarmasin|Banjarmasin Utara",
  "banyu pdam di banjarmasin utara keruh banar, warnanya kaya teh susu. ulun kada wani mamakai gasan memasak. tulung lah dicek",
  note="Banjar SMS")
I("K13b", "email", "air_bersih", "Kota Banjarmasin|Banjarmasin Utara",
  "Kepada PDAM Bandarmasih. Sejak tiga hari terakhir air yang mengalir ke rumah kami di Kelurahan Sungai Miai, Banjarmasin Utara, berwarna cokelat keruh dan berbau lumpur. Mohon pemeriksaan kualitas air dan pemberitahuan kepada pelanggan.",
  subj="Air PDAM keruh di Sungai Miai", cl="K13")
I("K13c", "social", "air_bersih", "Kota Banjarmasin|Banjarmasin Utara",
  "Air ledeng di Sungai Miai keruh parah, warga beli galon terus. Kota Seribu Sungai tapi susah air bersih 🙃 @pdambandarmasih #Banjarmasin",
  cl="K13", note="nickname Kota Seribu Sungai")
I("T13", "sms", "air_bersih", "Kota Banjarmasin|Banjarmasin Selatan",
  "banyu pdam di kelayan kada mengalir sudah dua hari, bukan keruh tapi mati samasekali",
  trap="K13", note="trap: same city, Kelayan in Banjarmasin Selatan, outage not turbidity")

# K14 jalan rusak By Pass Padang
I("K14", "social", "infrastruktur", "Kota Padang",
  "Jalan By Pass Padang rusak baralah, banyak lubang gadang. Lah tigo urang jatuah dari honda minggu ko. @pemkopadang #Padang",
  note="Minang social; By Pass spans several kecamatan -> kecamatan null")
I("K14b", "web", "infrastruktur", "Kota Padang",
  "Ruas Jalan By Pass Kota Padang dari arah Lubuk Begalung menuju Bandara BIM berlubang di banyak titik dan sangat berbahaya pada malam hari. Mohon perbaikan.",
  cl="K14")
I("K14c", "sms", "infrastruktur", "Kota Padang",
  "jln bypass pdg bolong2 bgt, tiap ujan kyk kolam. tlg diperbaiki sblm ada korban",
  cl="K14", note="'pdg' abbreviation")

# K15 PLN padam Wanea Manado
I("K15", "sms", "energi", "Kota Manado|Wanea",
  "torang di wanea so tiga malam nda ada lampu, PLN kiapa bagini? anak-anak mo blajar nda bisa",
  note="Manado Malay; 'lampu' = electricity")
I("K15b", "social", "energi", "Kota Manado|Wanea",
  "Listrik padam lagi di Kec. Wanea Manado. Ini so kesekian kali minggu ini. @PLN_Suluttenggo #Manado #KotaTinutuan",
  cl="K15", note="nickname Kota Tinutuan")
I("K15c", "web", "energi", "Kota Manado|Wanea",
  "Pemadaman listrik berulang setiap malam di Kelurahan Teling Atas, Wanea. Tidak ada jadwal atau pemberitahuan dari PLN.",
  cl="K15")

# K16 sampah Pasar Mardika Ambon
I("K16", "sms", "lingkungan", "Kota Ambon|Sirimau",
  "sampah di pasar mardika su bamboe skali, su dua minggu seng diangkat. katong pedagang su seng tahan",
  note="Ambon Malay")
I("K16b", "social", "lingkungan", "Kota Ambon|Sirimau",
  "Pasar Mardika Ambon penuh sampah, bau busuk sampai ke terminal. @pemkotambon tolong angkut #AmbonManise",
  cl="K16")
I("K16c", "email", "lingkungan", "Kota Ambon|Sirimau",
  "Yth. Dinas Lingkungan Hidup dan Persampahan Kota Ambon. Tumpukan sampah di area belakang Pasar Mardika, Kecamatan Sirimau, tidak diangkut sekitar dua minggu dan mulai menutup saluran air. Kami mohon pengangkutan segera.",
  subj="Sampah menumpuk di Pasar Mardika", cl="K16")
I("T16", "sms", "lingkungan", "Kota Ambon|Sirimau",
  "sampah di pasar mardika su bamboe skali. tapi ini yang di pante, orang buang sampah ka laut trus",
  trap="K16", note="trap: same market, different problem (dumping into the sea at the shore)")

# K17 RSUD Dok II Jayapura
I("K17", "sms", "kesehatan", "Kota Jayapura|Jayapura Utara",
  "sa pu anak panas tinggi, sa bawa ke rsud dok 2 tapi dong bilang dokter anak tra ada. sa tunggu dari pagi sampe sore",
  note="Papua Malay; RSUD Dok II landmark")
I("K17b", "email", "kesehatan", "Kota Jayapura|Jayapura Utara",
  "Dengan hormat, kami menyampaikan keluhan atas tidak tersedianya dokter spesialis anak di IGD RSUD Jayapura (Dok II) selama beberapa hari terakhir. Pasien anak harus menunggu lebih dari delapan jam tanpa penanganan dokter.",
  subj="Dokter spesialis anak tidak ada di RSUD Dok II", cl="K17")
I("K17c", "social", "kesehatan", "Kota Jayapura|Jayapura Utara",
  "Kaka dorang, di RSUD Dokter Dua tra ada dokter anak lagi kah? Sa pu ponakan tunggu lama skali. @dinkespapua #Jayapura",
  cl="K17", note="'Dokter Dua' colloquial spelling of Dok II")

# K18 kabut asap Pekanbaru
I("K18", "social", "lingkungan", "Kota Pekanbaru",
  "Asap karhutla makin tebal di Pekanbaru, jarak pandang tinggal 200 meter, anak-anak batuk. Sekolah belum diliburkan. #Riau #KotaBertuah #asap",
  note="nickname Kota Bertuah")
I("K18b", "email", "lingkungan", "Kota Pekanbaru",
  "Kepada Pemerintah Kota Pekanbaru. Kualitas udara di kota kami masuk kategori berbahaya akibat kabut asap kebakaran lahan. Kami mohon pembagian masker dan peninjauan kegiatan belajar tatap muka.",
  subj="Kabut asap dan kualitas udara berbahaya", cl="K18")
I("K18c", "sms", "lingkungan", "Kota Pekanbaru",
  "asap di pku parah bgt, mata perih. tlg masker & sekolah diliburin",
  cl="K18", note="'pku' abbreviation")
I("T18", "social", "lingkungan", "Kabupaten Pelalawan|Pangkalan Kerinci",
  "Lahan gambut terbakar lagi di dekat Pangkalan Kerinci, api belum dipadamkan dari kemarin. #Riau #karhutla",
  trap="K18", note="trap: same province and season, but the fire source in Pelalawan (town Pangkalan Kerinci)")

# K19 macet Jembatan Ampera
I("K19", "web", "perhubungan", "Kota Palembang",
  "Kemacetan di Jembatan Ampera setiap jam pulang kerja semakin parah karena angkot dan becak berhenti di ujung jembatan. Mohon Dishub menempatkan petugas.",
  note="landmark bridge spans two kecamatan")
I("K19b", "sms", "perhubungan", "Kota Palembang",
  "ampera macet total tiap sore, angkot ngetem di kaki jembatan. dishub plg kmn",
  cl="K19")
I("K19c", "social", "perhubungan", "Kota Palembang",
  "Dari Seberang Ulu ke Pasar 16 Ilir cuma lewat Ampera tapi butuh satu jam. Macet parah, nyo! #Palembang #KotaPempek",
  cl="K19", note="Palembang Malay particle; nickname")

# K20 antre solar SPBU Balikpapan
I("K20", "sms", "energi", "Kota Balikpapan",
  "antrian solar di spbu km 5 bpn udh 2 km, sopir truk nginep di jln. tlg pertamina tambah kuota",
  note="'bpn' = Balikpapan (not BPN land agency)")
I("K20b", "social", "energi", "Kota Balikpapan",
  "Antrean truk solar di SPBU Jl. Soekarno-Hatta Km 5 Kota Minyak makin panjang, ironis. @pertamina #Balikpapan",
  cl="K20", note="nickname Kota Minyak")
I("K20c", "email", "energi", "Kota Balikpapan",
  "Yth. Pertamina Patra Niaga dan Pemkot Balikpapan, antrean kendaraan untuk membeli biosolar di SPBU kilometer 5 Jalan Soekarno-Hatta mencapai dua kilometer dan mengganggu lalu lintas. Mohon penambahan pasokan.",
  subj="Antrean biosolar SPBU Km 5", cl="K20")

# K21 pungli pelabuhan Dwikora Pontianak
I("K21", "email", "korupsi_pungli", "Kota Pontianak",
  "Saya sopir ekspedisi. Setiap keluar dari Pelabuhan Dwikora Pontianak, oknum petugas di pos pemeriksaan meminta uang Rp50.000 sampai Rp100.000 per truk tanpa tanda terima. Mohon Saber Pungli menindak.",
  subj="Pungutan liar di pos Pelabuhan Dwikora", note="port pungli by officials")
I("K21b", "sms", "korupsi_pungli", "Kota Pontianak",
  "pelabuhan dwikora ptk tiap truk keluar dimintain 50-100rb ama oknum petugas pos, gk ada karcis",
  cl="K21", note="'ptk' abbreviation")
I("K21c", "web", "korupsi_pungli", "Kota Pontianak",
  "Ada pungutan tidak resmi oleh petugas di gerbang Pelabuhan Dwikora terhadap truk barang. Besarnya tidak tentu tergantung muatan.",
  cl="K21")

# K22 calo taksi Bandara Lombok
I("K22", "social", "ketertiban", "Kabupaten Lombok Tengah|Pujut",
  "Baru landing di Bandara Internasional Lombok langsung dikerubuti calo taksi gelap, ditarik-tarik tasnya. Nggak nyaman banget. #Lombok #BIL",
  note="airport landmark in Pujut")
I("K22b", "web", "ketertiban", "Kabupaten Lombok Tengah|Pujut",
  "Di pintu kedatangan bandara Praya banyak calo angkutan yang memaksa penumpang, bahkan membentak turis asing. Mohon penertiban.",
  cl="K22", note="'bandara Praya' — named after nearby town; airport is in Pujut")
I("K22c", "email", "ketertiban", "Kabupaten Lombok Tengah|Pujut",
  "Kepada Pengelola Lombok International Airport dan Satpol PP Lombok Tengah, kami melaporkan maraknya calo transportasi yang agresif di area kedatangan domestik. Hal ini mencoreng citra pariwisata Mandalika.",
  subj="Calo transportasi agresif di Bandara Lombok", cl="K22")

# K23 pungli uang seragam SMPN Kendari
I("K23", "sms", "korupsi_pungli", "Kota Kendari",
  "anak sy baru masuk smpn 9 kendari disuruh bayar uang seragam 1,2jt + uang bangunan. kalau ndak bayar ndak dikasih seragam",
  note="school pungli -> korupsi_pungli")
I("K23b", "email", "korupsi_pungli", "Kota Kendari",
  "Yth. Inspektorat Kota Kendari, kami orang tua murid baru SMP Negeri 9 Kendari dibebani pungutan seragam dan sumbangan pembangunan sebesar Rp1.200.000 yang diwajibkan tanpa musyawarah komite. Mohon diperiksa.",
  subj="Pungutan wajib di SMPN 9 Kendari", cl="K23")
I("T23", "sms", "korupsi_pungli", "Kota Kendari",
  "anak sy baru masuk smpn 2 kendari disuruh bayar uang seragam 1jt. kalau ndak bayar ndak dikasih seragam",
  trap="K23", note="trap: same city and template, different school")

# K24 PBG lambat DPMPTSP Batam
I("K24", "email", "perizinan", "Kota Batam",
  "Permohonan Persetujuan Bangunan Gedung (PBG) ruko kami di Batam Centre sudah diajukan lima bulan melalui SIMBG dan statusnya tetap 'verifikasi'. Tidak ada penjelasan dari DPMPTSP. Mohon kejelasan.",
  subj="PBG tertahan 5 bulan di SIMBG")
I("K24b", "web", "perizinan", "Kota Batam",
  "Pengajuan PBG lewat SIMBG Kota Batam macet di tahap verifikasi teknis berbulan-bulan, padahal dokumen lengkap.",
  cl="K24")
I("K24c", "social", "perizinan", "Kota Batam",
  "Udah 5 bulan nunggu PBG di Batam, status masih verifikasi. Investasi mau masuk tapi izin lelet. @bpbatam @pemkobatam #Batam",
  cl="K24")

# K25 sampah pantai Kuta
I("K25", "social", "lingkungan", "Kabupaten Badung|Kuta",
  "Kuta beach is full of plastic trash this week, sampah kiriman numpuk sepanjang pantai. Turis pada foto sampah 😞 #Bali #Kuta",
  note="code-mixed English/Indonesian")
I("K25b", "web", "lingkungan", "Kabupaten Badung|Kuta",
  "Sampah kiriman menumpuk di Pantai Kuta dari depan Beachwalk sampai Pantai Legian. Petugas kebersihan kewalahan, mohon tambahan armada.",
  cl="K25")
I("K25c", "sms", "lingkungan", "Kabupaten Badung|Kuta",
  "pantai kuta penuh sampah plastik lg, bau. tlg dlh badung turunin alat berat",
  cl="K25")
I("T25", "social", "lingkungan", "Kota Denpasar|Denpasar Selatan",
  "Pantai Sanur juga penuh sampah plastik minggu ini, sampah kiriman numpuk. #Bali",
  trap="K25", note="trap: same island and problem, Sanur beach in Kota Denpasar")

# K26 internet mati Wamena
I("K26", "sms", "telekomunikasi", "Kabupaten Jayawijaya|Wamena",
  "di wamena internet mati lagi su satu minggu, sa tra bisa kirim tugas kuliah. telkomsel tolong",
  note="Papua Malay; Wamena = kecamatan name -> kecamatan set")
I("K26b", "social", "telekomunikasi", "Kabupaten Jayawijaya|Wamena",
  "Jaringan internet di Wamena putus total seminggu, ATM juga mati. @telkomsel @kominfo #Papua #Jayawijaya",
  cl="K26")
I("K26c", "email", "telekomunikasi", "Kabupaten Jayawijaya",
  "Kami pelaku usaha di Kabupaten Jayawijaya melaporkan gangguan layanan data seluler dan jaringan perbankan sejak tujuh hari lalu. Mohon informasi perbaikan.",
  subj="Gangguan internet di Jayawijaya", cl="K26")
