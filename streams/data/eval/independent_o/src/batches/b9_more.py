from common import C, R
# ---- H1 Dayeuhkolot tanggul
C('dk1', 'web', '03-23 06:10', 'infrastruktur', 'Kabupaten Bandung > kec:Dayeuhkolot',
  'Tanggul Sungai Citarum di Kecamatan Dayeuhkolot jebol sepanjang 20 meter sehingga permukiman terendam hingga 1 meter. Mohon perbaikan tanggul darurat oleh BBWS.',
  cl='H-dayeuhkolot', note='flood because levee broke = infrastruktur by convention')
C('dk2', 'social', '03-23 11:45', 'infrastruktur', 'Kabupaten Bandung > kec:Dayeuhkolot',
  'Dayeuhkolot caah deui, tanggul Citarum bobol 😭 cai nepi ka cangkeng @bbwscitarum @pemkabbandung #banjir',
  cl='H-dayeuhkolot', lang='Sundanese', note='Sundanese: "caah" = flood, "cangkeng" = waist')
C('dk3', 'sms', '03-24 08:00', 'infrastruktur', 'Kabupaten Bandung > kec:Dayeuhkolot',
  'tanggul citarum d dayeuhkolot blm ditambal, air msh msk rmh. krg pasir aja dtg',
  cl='H-dayeuhkolot')
C('dk4', 'web', '03-24 13:30', 'infrastruktur', 'Kabupaten Bandung > kec:Baleendah',
  'Pintu air dan pompa di Kecamatan Baleendah tidak berfungsi sehingga genangan banjir tidak surut tiga hari.',
  trap='dk1', note='trap: neighbouring kecamatan, same flood event area but different failing structure')
# ---- H2 Lembang
C('lb1', 'social', '03-21 15:00', 'perhubungan', 'Kabupaten Bandung Barat > kec:Lembang',
  'Macet Lembang ti Setiabudi nepi ka Pasar Lembang 3 jam 🙄 teu aya petugas @dishubjabar #Lembang',
  cl='H-lembang', lang='Sundanese (mixed)', note='Sundanese mix; Setiabudi road starts in Kota Bandung but complaint is about Lembang')
C('lb2', 'email', '03-22 09:00', 'perhubungan', 'Kabupaten Bandung Barat > kec:Lembang',
  'Yth. Dishub Kabupaten Bandung Barat,\n\nSetiap akhir pekan ruas jalan utama Lembang macet total hingga tiga jam tanpa rekayasa lalu lintas. Mohon penempatan petugas dan pengaturan bus wisata.\n\nHormat saya,\nWarga Lembang',
  subj='Kemacetan akhir pekan di Lembang', cl='H-lembang')
C('lb3', 'sms', '03-22 16:40', 'perhubungan', 'Kabupaten Bandung Barat > kec:Lembang',
  'parkir liar d pinggir jln grand hotel lembang bikin sempit, jukir minta 10rb',
  trap='lb2', note='trap: same place and topic, different problem (parking, not congestion management)')
# ---- H3 Lumajang sand mining
C('lj1', 'web', '03-17 09:30', 'lingkungan', 'Kabupaten Lumajang > kec:Pronojiwo',
  'Penambangan pasir ilegal di aliran lahar Semeru di Kecamatan Pronojiwo merusak tebing sungai dan mengancam jembatan. Mohon penertiban.',
  cl='H-pasir')
C('lj2', 'sms', '03-19 11:10', 'lingkungan', 'Kabupaten Lumajang > kec:Pronojiwo',
  'tambang pasir liar d kali pronojiwo tmbh byk, tebing longsor. tlg dlh lumajang',
  cl='H-pasir')
# ---- H4 Parepare water (Bugis-influenced)
C('pp1s', 'sms', '03-25 07:20', 'air_bersih', 'Kota Parepare > kec:Soreang',
  'air pdam d soreang parepare mati mi 3 hari, de\' gaga wae. kapan nyala?',
  cl='H-parepare', lang='Bugis (mixed)', note='Bugis "de\' gaga wae" = there is no water')
C('pp2s', 'web', '03-26 09:00', 'air_bersih', 'Kota Parepare > kec:Soreang',
  'Distribusi air PDAM di Kecamatan Soreang, Parepare, terhenti tiga hari tanpa pemberitahuan.',
  cl='H-parepare')
C('pp3s', 'web', '03-26 14:00', 'air_bersih', 'Kota Parepare > kec:Ujung',
  'Tagihan PDAM rumah saya di Kecamatan Ujung melonjak padahal air sering mati.',
  trap='pp2s', note='trap: same city, water topic, different kecamatan and issue (billing)')
# ---- singles spread across more kabupaten/kota
C('s1', 'email', '03-02 11:30', 'korupsi_pungli', 'Kota Madiun',
  'Yth. Propam Polda Jawa Timur,\n\nSaat membuat SIM C di Satpas Polres Madiun Kota, saya ditawari lulus tanpa ujian praktik dengan membayar Rp500.000. Mohon ditindak.\n\nHormat saya,\nBagus',
  subj='Tawaran SIM tanpa ujian', note='police SIM pungli')
C('s2', 'sms', '03-02 15:50', 'kesehatan', 'Kabupaten Ponorogo',
  'puskesmas d ponorogo nolak ibu hamil krn bpjs nunggak, pdhl mau lahiran. tlg dinkes',)
C('s3', 'web', '03-03 12:20', 'pendidikan', 'Kota Salatiga',
  'Bus sekolah gratis di Salatiga sudah tidak beroperasi sejak Januari, anak-anak harus naik ojek.',
  note='school bus = pendidikan (school service) rather than perhubungan')
C('s4', 'social', '03-04 10:40', 'lingkungan', 'Kabupaten Bengkalis',
  'Abrasi di pantai Bengkalis makin parah, rumah nelayan mulai roboh 😢 @KemenPU #Bengkalis',)
C('s5', 'sms', '03-05 17:30', 'energi', 'Kota Dumai',
  'pertalite d spbu dumai sering kosong sore, antri pnjg. kuota dikurangi?',)
C('s6', 'web', '03-06 14:50', 'pertanahan', 'Kabupaten Kerinci',
  'Kebun kayu manis warga di Kerinci masuk peta kawasan TNKS padahal sudah digarap turun-temurun. Mohon kejelasan tata batas.',
  note='forest-area boundary dispute = pertanahan')
C('s7', 'email', '03-07 08:40', 'ketenagakerjaan', 'Kabupaten Muara Enim',
  'Yth. Disnakertrans Muara Enim,\n\nKami operator alat berat di tambang batubara dipaksa lembur tanpa upah lembur dan kontrak diperpanjang terus tanpa pengangkatan. Mohon pemeriksaan.\n\nHormat kami,\nPekerja kontrak',
  subj='Lembur tanpa upah dan kontrak berulang')
C('s8', 'social', '03-08 16:10', 'lingkungan', 'Kabupaten Lampung Timur > kec:Labuhan Ratu',
  'Gajah liar dari Way Kambas masuk kebun lagi semalam, jagung abis 😩 @BKSDA_Lampung #WayKambas',
  note='human-wildlife conflict = lingkungan (BKSDA); Way Kambas in Kec. Labuhan Ratu')
C('s9', 'web', '03-09 09:20', 'kependudukan', 'Kota Metro',
  'Permohonan KK baru setelah menikah sudah saya ajukan online di Disdukcapil Metro sebulan lalu tapi belum diverifikasi.',)
C('s10', 'sms', '03-10 11:50', 'perhubungan', 'Kabupaten Majalengka > kec:Kertajati',
  'bandara kertajati sepi, damri ke bandung cm 2x sehari. kl pesawat delay trlantar',)
C('s11', 'web', '03-11 16:40', 'ketertiban', 'Kabupaten Serang > kec:Anyar',
  'Di Pantai Anyer pengunjung dipungut tiket masuk oleh warga yang mengaku pengelola tanpa karcis, tarifnya berubah-ubah.',
  note='informal gatekeepers (non-officials, no threats) = ketertiban')
C('s12', 'social', '03-12 11:20', 'kesehatan', 'Kabupaten Karanganyar > kec:Tawangmangu',
  'Puskesmas Tawangmangu tutup pas libur, wisatawan yang kecelakaan dibawa jauh ke kota 😓 #Karanganyar',)
C('s13', 'sms', '03-13 08:30', 'telekomunikasi', 'Kabupaten Sorong > kec:Aimas',
  'jaringan indihome d aimas putus 1 mgg, toko sy gk bs terima pmbyrn qris',)
C('s14', 'web', '03-14 07:50', 'kesehatan', 'Kabupaten Asmat > kec:Agats',
  'Kasus gizi buruk anak di sekitar Agats meningkat, tenaga kesehatan dan makanan tambahan tidak cukup.',)
C('s15', 'email', '03-15 12:10', 'perhubungan', 'Kabupaten Flores Timur > kec:Larantuka',
  'Yth. KSOP Larantuka,\n\nKapal penyeberangan Larantuka-Adonara sering berlayar dengan penumpang melebihi kapasitas tanpa pelampung memadai. Mohon pengawasan.\n\nSalam,\nYosef',
  subj='Kapal melebihi kapasitas')
C('s16', 'sms', '03-16 10:00', 'sosial', 'Kabupaten Banggai > kec:Luwuk',
  'pengungsi banjir luwuk blm dpt mkn 2 hr, posko cm ada air. dinsos tlg',)
C('s17', 'web', '03-17 15:20', 'lingkungan', 'Kabupaten Kutai Kartanegara > kec:Tenggarong',
  'Air Sungai Mahakam di sekitar Tenggarong berwarna coklat pekat dan berbau setelah kolam limbah tambang jebol.',)
C('s18', 'social', '03-18 14:30', 'korupsi_pungli', 'Kota Bontang',
  'Masuk SMA negeri di Bontang dimintain "sumbangan" 5 juta sama panitia sekolah, katanya sukarela tapi kalau ga bayar ga diterima 😒 @disdikkaltim',
  note='compulsory "donation" as admission condition at a state school = korupsi_pungli (see README)')
C('s19', 'sms', '03-19 17:00', 'energi', 'Kabupaten Wakatobi',
  'listrik d wakatobi cm nyala 12 jam, mlm mati. nelayan gk bs simpan ikan',)
C('s20', 'web', '03-20 11:20', 'pertanahan', 'Kabupaten Boalemo',
  'Sertifikat hasil PTSL kami di Boalemo mencantumkan luas yang salah dan nama ayah saya tertulis keliru.',
  note='PTSL data error (no pungli) = pertanahan')
C('s21', 'email', '03-21 13:30', 'sosial', 'Kabupaten Pasangkayu',
  'Yth. Dinas Sosial Kabupaten Pasangkayu,\n\nKami keluarga tidak mampu belum terdaftar di DTSEN meski sudah mengajukan melalui desa sejak tahun lalu. Mohon verifikasi.\n\nTerima kasih,\nHasnah',
  subj='Permohonan masuk DTSEN')
C('s22', 'sms', '03-22 10:50', 'perhubungan', 'Kabupaten Kepulauan Aru',
  'kapal pelni ke dobo batal lg, sdh 2 minggu bahan pokok mahal. mohon jadwal pasti',)
C('s23', 'web', '03-23 09:40', 'kependudukan', 'Kota Tidore Kepulauan',
  'Data kependudukan saya di Tidore tercatat meninggal padahal saya masih hidup, sehingga BPJS dan bantuan terblokir.',)
C('s24', 'social', '03-24 12:00', 'air_bersih', 'Kabupaten Kepulauan Yapen',
  'Di Serui air PDAM tra jalan 1 minggu, mama-mama timba air di kali 😔 #Yapen #Papua',
  lang='Papua Malay', note='Papua Malay; Serui is the capital of Kepulauan Yapen')
C('s25', 'sms', '03-25 15:10', 'korupsi_pungli', 'Kabupaten Fak Fak',
  'urus izin usaha kios d kantor distrik fakfak diminta uang rokok 300rb sm pegawai. ini bgmn',
  note='pungli at district office for a permit')
C('s26', 'web', '03-26 08:00', 'kesehatan', 'Kabupaten Yahukimo',
  'Puskesmas di distrik kami di Yahukimo sudah tiga bulan tanpa tenaga medis dan obat.',)
C('s27', 'sms', '03-27 11:40', 'pendidikan', 'Kabupaten Paniai',
  'guru2 d sd kampung kami d paniai su lama tra datang, anak2 tra sekolah. tolong dinas',
  lang='Papua Malay', note='Papua Malay')
C('s28', 'web', '03-27 13:20', 'infrastruktur', 'Kabupaten Ende',
  'Jalan trans Flores di wilayah Ende tertutup longsor di dua titik, kendaraan harus menunggu berjam-jam.',)
C('s29', 'email', '03-28 11:10', 'perizinan', 'Kabupaten Ketapang',
  'Yth. DPMPTSP Kabupaten Ketapang,\n\nKami menanyakan apakah perusahaan sawit di desa kami sudah memiliki HGU dan izin lingkungan, karena mereka mulai membuka lahan di dekat sungai.\n\nHormat kami,\nKepala dusun',
  subj='Pertanyaan izin perusahaan sawit', note='permit legality question = perizinan')
C('s30', 'sms', '03-28 18:30', 'telekomunikasi', 'Kabupaten Barito Utara',
  'sinyal d muara teweh ilang2an, tlp putus trs. operator tlg cek bts',
  note='Muara Teweh = capital of Barito Utara')
C('s31', 'web', '03-29 10:20', 'lingkungan', 'Kabupaten Buleleng > kec:Buleleng',
  'Limbah cair dari usaha di pesisir Singaraja dibuang langsung ke laut, air di Pantai Penimbangan berbau.',
  note='Singaraja = Kec. Buleleng')
C('s32', 'social', '03-29 14:40', 'kepolisian', 'Kabupaten Aceh Tamiang',
  'Pencurian sawit di kebun warga Aceh Tamiang tiap malam, pelaku bawa senjata tajam 😰 @poldaaceh',)
C('s33', 'sms', '03-30 07:30', 'infrastruktur', 'Kota Sibolga',
  'drainase d sibolga tersumbat, tiap hujan jln jd sungai. tlg dinas pu',)
C('s34', 'web', '03-30 12:00', 'ketenagakerjaan', 'Kabupaten Seluma',
  'Pekerja honorer kantor desa di Seluma tidak menerima honor enam bulan, kepala desa beralasan dana desa belum cair.',
  note='village contract workers unpaid = ketenagakerjaan')
C('s35', 'email', '03-30 16:20', 'kependudukan', 'Kabupaten Tuban',
  'Yth. Disdukcapil Kabupaten Tuban,\n\nSaya ingin menanyakan status permohonan perubahan elemen data (status perkawinan) di KTP-el yang saya ajukan di kecamatan tiga minggu lalu.\n\nTerima kasih,\nAnik',
  subj='Status perubahan data KTP-el', note='"di kecamatan" unnamed -> kecamatan null')
C('s36', 'sms', '03-31 08:10', 'pertanahan', 'Kabupaten Grobogan',
  'batas sawah sy d grobogan digeser tetangga, sdh lapor desa tp gk ada tindak lanjut. bpn bs ukur ulang?',)
C('s37', 'web', '03-31 11:30', 'korupsi_pungli', 'Kabupaten Pesisir Selatan',
  'Pendaftaran nikah di KUA di Pesisir Selatan dipungut Rp1 juta padahal nikah di kantor KUA gratis.',
  note='pungli at KUA (religious affairs office)')
C('s38', 'social', '03-31 17:10', 'lainnya', 'Kabupaten Jembrana > kec:Melaya',
  'Antrean di Gilimanuk tadi lancar, petugasnya ramah 👍 semoga dipertahankan #Bali',
  note='praise of port service; Gilimanuk in Kec. Melaya')
R('dk2', 6)
