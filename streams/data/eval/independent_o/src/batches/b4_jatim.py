from common import C, R
SBY = 'Kota Surabaya'
C('sb1', 'email', '03-09 07:05', 'kesehatan', SBY + ' > kec:Gubeng > desa:Airlangga',
  'Yth. Direktur RSUD Dr. Soetomo,\n\nAntrean pengambilan obat pasien BPJS di instalasi farmasi rawat jalan mencapai 5-6 jam. Pasien lansia dan pasien kemoterapi harus menunggu tanpa tempat duduk memadai. Mohon penambahan loket.\n\nHormat saya,\nHerlina',
  subj='Antrean obat pasien BPJS sangat lama', cl='D-soetomo', note='RSUD Dr. Soetomo lies in Kel. Airlangga, Kec. Gubeng')
C('sb2', 'social', '03-10 13:30', 'kesehatan', SBY + ' > kec:Gubeng',
  'Rek, antri obat nang Dr. Soetomo suwene pol, jam 7 teko jam 1 durung oleh obat 😤 @rsudrsoetomo @SapawargaSby #Suroboyo',
  cl='D-soetomo', lang='Javanese (Suroboyoan)', note='Surabaya Javanese')
C('sb3', 'sms', '03-12 12:10', 'kesehatan', SBY + ' > kec:Gubeng',
  'antri obat bpjs d rs soetomo 6 jam, bapak sy hbs kemo hrs nunggu berdiri. tlg ditambah loket',
  cl='D-soetomo')
C('sb4', 'web', '03-11 09:00', 'kesehatan', SBY + ' > kec:Wonokromo',
  'Antrean poli rawat jalan pasien BPJS di RS Islam Surabaya Jl. Ahmad Yani sangat panjang, nomor antrean online tidak berlaku.',
  trap='sb1', note='trap: same city and problem type (hospital queue), different hospital')
C('sb5', 'sms', '03-13 20:40', 'lingkungan', SBY + ' > kec:Sukolilo > desa:Keputih',
  'asap bakar sampah dkt tps keputih tiap mlm masuk rmh, ank sy asma. tlg dlh sby',)
C('sb6', 'web', '03-15 11:20', 'pajak', SBY,
  'Saya membeli mobil bekas, saat balik nama di Samsat Surabaya ternyata ada tunggakan pajak 3 tahun dari pemilik lama. Apakah bisa diajukan keringanan denda?',
  note='vehicle tax arrears question = pajak')
C('sb7', 'social', '03-18 07:50', 'perhubungan', 'Kabupaten Sidoarjo > kec:Waru > desa:Bungurasih',
  'Terminal Bungurasih jam segini bus ke Malang ngetem lama banget, sejam belum jalan 🙄 #Purabaya #Sidoarjo',
  note='Terminal Purabaya = Bungurasih, Kec. Waru, Sidoarjo (not Surabaya)')
C('sb8', 'email', '03-20 14:00', 'pertanahan', 'Kabupaten Sidoarjo > kec:Porong',
  'Yth. Kementerian ATR/BPN,\n\nKami warga korban lumpur di Kecamatan Porong masih memiliki sisa pembayaran ganti rugi tanah yang belum dilunasi sejak bertahun-tahun. Mohon kepastian.\n\nHormat kami,\nPaguyuban warga',
  subj='Sisa ganti rugi tanah korban lumpur Porong', cl='D-porong')
C('sb9', 'web', '03-23 10:10', 'pertanahan', 'Kabupaten Sidoarjo > kec:Porong',
  'Sisa pelunasan ganti rugi tanah dan bangunan keluarga kami yang terdampak lumpur di Porong belum dibayar. Berkas sudah lengkap sejak lama.',
  cl='D-porong')
C('sb10', 'sms', '03-21 06:45', 'perhubungan', 'Kabupaten Sidoarjo > kec:Sedati',
  'shuttle bandara juanda gk ada pgi, taksi online dilarang jemput. pnumpang trlantar',)
C('ml1', 'web', '03-08 23:50', 'ketertiban', 'Kota Malang > kec:Lowokwaru > desa:Ketawanggede',
  'Kafe dengan live music di Kelurahan Ketawanggede dekat kampus UB beroperasi sampai pukul 02.00 dengan suara sangat keras. Warga tidak bisa tidur.',
  cl='D-kafeub')
C('ml2', 'social', '03-09 01:15', 'ketertiban', 'Kota Malang > kec:Lowokwaru',
  'Wes jam 1 isuk musik kafe cedhak UB sek banter ae 😡 @pemkotmalang ayas gak iso turu #Malang',
  cl='D-kafeub', lang='Javanese (Malangan)', note='Malang Javanese with walikan "ayas" (saya)')
C('ml3', 'sms', '03-10 00:30', 'ketertiban', 'Kota Malang > kec:Lowokwaru > desa:Ketawanggede',
  'kafe d ketawanggede musik kenceng smp jm 2 lg, satpol pp tlg ditindak',
  cl='D-kafeub')
C('ml4', 'web', '03-12 22:30', 'ketertiban', 'Kota Malang > kec:Lowokwaru > desa:Dinoyo',
  'Karaoke di Jl. MT Haryono, Dinoyo, bising tiap malam sampai subuh.',
  trap='ml1', note='trap: same kecamatan, same noise problem, another kelurahan')
C('ml5', 'email', '03-16 08:25', 'pendidikan', 'Kota Malang',
  'Yth. Dinas Pendidikan Kota Malang,\n\nSekolah anak kami mewajibkan pembelian seragam dan buku LKS dari koperasi sekolah seharga Rp1,8 juta. Apakah ini diperbolehkan di sekolah negeri?\n\nHormat kami,\nOrang tua siswa',
  subj='Kewajiban membeli seragam di koperasi sekolah', note='mandatory sale, not bribery: labelled pendidikan (boundary with korupsi_pungli)')
C('ml6', 'sms', '03-19 09:40', 'energi', 'Kota Batu > kec:Bumiaji',
  'listrik d bumiaji batu sering byar pet, mesin pendingin apel sy rusak',)
C('bw1', 'web', '03-07 04:50', 'perhubungan', 'Kabupaten Banyuwangi > kec:Kalipuro > desa:Ketapang',
  'Antrean truk di Pelabuhan Ketapang menuju Gilimanuk mengular sampai 4 km karena sebagian kapal docking. Sopir tertahan semalaman.',
  cl='D-ketapang')
C('bw2', 'sms', '03-07 07:30', 'perhubungan', 'Kabupaten Banyuwangi > kec:Kalipuro',
  'plbhn ketapang antri truk smp 4 km, sy udh 9 jam blm nyebrang. kpl cm sdikit',
  cl='D-ketapang')
C('bw3', 'social', '03-08 10:00', 'perhubungan', 'Kabupaten Banyuwangi > kec:Kalipuro',
  'Ketapang-Gilimanuk antre semalaman, kapal cuma 5 yang jalan 😩 @asdp_indonesia #Banyuwangi',
  cl='D-ketapang')
C('bw4', 'web', '03-14 17:10', 'sosial', 'Kabupaten Banyuwangi > kec:Muncar',
  'Keluarga nelayan di Muncar yang rumahnya rusak akibat angin kencang belum mendapat bantuan logistik dari Dinsos.',)
C('jm1', 'sms', '03-11 10:15', 'kependudukan', 'Kabupaten Jember > kec:Sumbersari > desa:Sumbersari',
  'urus kk baru d kec sumbersari jember blanko hbs, disuruh cetak sndri pk kertas hvs?',)
C('jm2', 'web', '03-22 13:50', 'ketenagakerjaan', 'Kabupaten Jember',
  'Pekerja perkebunan tembakau di Jember belum menerima THR tahun lalu dan tidak didaftarkan BPJS Ketenagakerjaan.',)
C('md1j', 'social', '03-13 16:30', 'infrastruktur', 'Kabupaten Bangkalan > kec:Labang',
  'Jhâlân è Labang tor-cetor lobâng, motor sèngko ghâgghâr 😭 tolong èpabâgus @pemkabbangkalan #Madura',
  cl='D-labang', lang='Madurese', note='Madurese: road full of holes')
C('md2j', 'web', '03-15 08:20', 'infrastruktur', 'Kabupaten Bangkalan > kec:Labang',
  'Jalan akses dari Jembatan Suramadu sisi Madura di Kecamatan Labang berlubang besar dan tidak ada lampu. Mohon perbaikan.',
  cl='D-labang', note='landmark Suramadu bridge (Madura side, Kec. Labang)')
C('pb1', 'email', '03-17 11:40', 'korupsi_pungli', 'Kabupaten Probolinggo > kec:Sukapura',
  'Yth. Balai Besar TN Bromo Tengger Semeru,\n\nDi pos masuk Bromo via Sukapura, oknum petugas meminta tambahan Rp50.000 per jip di luar tiket resmi online. Mohon ditindak.\n\nSalam,\nAnton',
  subj='Pungutan tambahan di pintu masuk Bromo')
C('kd1', 'web', '03-18 15:30', 'perizinan', 'Kota Kediri',
  'Pengajuan izin reklame toko saya di Kota Kediri ditolak tanpa alasan tertulis padahal semua syarat sudah lengkap.',)
C('tl1', 'sms', '03-20 19:20', 'ketenagakerjaan', 'Kabupaten Tulungagung',
  'istri sy PMI d hongkong blm dpt gaji 4 bln, agen d tulungagung gk bs dihub. tlg bp2mi',)
C('lm1', 'social', '03-24 06:00', 'lingkungan', 'Kabupaten Lamongan > kec:Paciran',
  'Pantai Paciran penuh limbah hitam berminyak 😢 ikan mati @KLHK_RI #Lamongan',)
C('sb11', 'web', '03-25 09:30', 'telekomunikasi', SBY + ' > kec:Rungkut > desa:Kalirungkut',
  'Jaringan internet kabel di Kalirungkut terputus sejak galian proyek saluran, sudah lima hari belum diperbaiki.',)
C('sb12', 'email', '03-26 10:45', 'lainnya', SBY,
  'Yth. Admin layanan pengaduan,\n\nSaya ingin bertanya bagaimana cara melacak status laporan yang sudah saya kirim dua minggu lalu. Nomor tiket tidak saya terima di e-mail.\n\nTerima kasih,\nDian',
  subj='Pertanyaan status laporan', note='question about the complaint system itself')
R('bw2', 6)
