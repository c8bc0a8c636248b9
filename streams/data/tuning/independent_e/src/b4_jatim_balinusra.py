from common import C

RECORDS = [
# --- Surabaya
C("d01", "web", "Saluran di Jalan Kalibokor, Kelurahan Pucang Sewu, Gubeng, Surabaya, mampet total. Setiap hujan sebentar saja air masuk rumah warga.", "lingkungan", "Kota Surabaya|Gubeng|Pucang Sewu", cl="k_pucangsewu"),
C("d02", "sms", "rek, got kalibokor pucang sewu buntu, banjir maneh mlebu omah. dpubm sby tlg", "lingkungan", "Kota Surabaya|Gubeng|Pucang Sewu", cl="k_pucangsewu", note="Suroboyoan"),
C("d03", "social", "Cak @eri_cahyadi_ iki Kalibokor Gubeng banjir terus lho, gotnya kebek sampah 😤 #suroboyo #banjir", "lingkungan", "Kota Surabaya|Gubeng", lm=False, cl="k_pucangsewu", note="Suroboyoan; only kecamatan named"),
C("d04", "web", "Di Kelurahan Airlangga, Gubeng, Surabaya, lampu jalan sudah normal tapi trotoar dibongkar untuk proyek saluran dan dibiarkan terbuka berbulan-bulan.", "infrastruktur", "Kota Surabaya|Gubeng|Airlangga", trap="d01", note="same kecamatan, different kelurahan and problem"),
C("d05", "sms", "tpa benowo bau nyengat smp perumahan sambikerep, tiap malem", "lingkungan", "Kota Surabaya|Sambikerep", note="TPA Benowo (Kec. Benowo) mentioned; the affected area is Sambikerep"),
C("d06", "email", "Kepada Yth. Kepala Kantor Pelayanan Pajak Pratama Surabaya Rungkut,\nSaya telah melaporkan SPT Tahunan melalui Coretax pada bulan Maret, namun hingga kini bukti penerimaan elektronik tidak terbit dan status masih 'draft'. Saya khawatir terkena denda keterlambatan.\nHormat saya,\nWajib Pajak", "pajak", "Kota Surabaya|Rungkut", subj="SPT Tahunan di Coretax tidak terkirim", note="Coretax issue but about filing status -> pajak, not telekomunikasi"),
C("d07", "social", "Kapal ke Madura dari Tanjung Perak telat 3 jam, ga ada pengumuman 😑 @Pelindo @kemenhub151", "perhubungan", "Kota Surabaya", note="Tanjung Perak port; kecamatan (Pabean Cantian/Krembangan border area) left null"),
C("d08", "sms", "kenjeran, pungli di pantai kenjeran lama, parkir 15rb tarik org pake rompi dishub", "korupsi_pungli", "Kota Surabaya|Bulak", lm=True, note="Pantai Kenjeran Lama lies in Kec. Bulak although Kenjeran is also a kecamatan name; person in Dishub vest demanding extra fee -> treated as official pungli"),
# --- Sidoarjo / Gresik / Mojokerto / Pasuruan
C("d09", "web", "Saya tinggal di Surabaya, tapi rumah orang tua di Porong, Sidoarjo, retak-retak akibat penurunan tanah di sekitar tanggul lumpur. Ganti rugi belum jelas.", "pertanahan", "Kabupaten Sidoarjo|Porong", note="home Surabaya vs property in Porong; compensation for land -> pertanahan"),
C("d10", "sms", "waru sidoarjo, jln brigjen katamso berlubang, dkt bundaran waru", "infrastruktur", "Kabupaten Sidoarjo|Waru"),
C("d11", "social", "Kawasan industri Manyar Gresik asapnya item tiap subuh, bikin sesek @pemkabgresik @KLHK #polusigresik", "lingkungan", "Kabupaten Gresik|Manyar"),
C("d12", "web", "Kecamatan Rembang, Kabupaten Pasuruan (bukan Kabupaten Rembang Jateng): pabrik di kawasan PIER menyedot air tanah, sumur warga di sekitar kering.", "air_bersih", "Kabupaten Pasuruan|Rembang", note="kecamatan Rembang in Pasuruan; industrial estate named"),
C("d13", "sms", "pandaan pasuruan, lowongan kerja pabrik minta uang 5jt lewat calo ngaku orang hrd", "ketenagakerjaan", "Kabupaten Pasuruan|Pandaan", note="recruitment fee scam by a broker (not an official) -> ketenagakerjaan"),
C("d14", "web", "Di Kota Mojokerto, proses balik nama sertifikat di kantor pertanahan diminta 'uang pelicin' Rp2 juta oleh oknum loket.", "korupsi_pungli", "Kota Mojokerto"),
# --- Malang raya
C("d15", "web", "Kelurahan Kauman, Klojen, Kota Malang: pedagang di sekitar alun-alun mengeluh pungutan kebersihan harian oleh orang yang mengaku petugas pasar tapi tanpa karcis.", "korupsi_pungli", "Kota Malang|Klojen|Kauman", note="Kauman again (Semarang/Solo/Malang)"),
C("d16", "sms", "jl bandung malang macet prh, parkir mobil di 2 sisi jln dkt kampus", "perhubungan", "Kota Malang", note="Jl. Bandung is a street in Kota Malang (Lowokwaru); no kecamatan asserted"),
C("d17", "social", "Batu makin padet, macet Jl. Diponegoro tiap weekend 🚗🚗 @pemkotbatu ada solusi ga sih #kotabatu", "perhubungan", "Kota Batu", note="'Batu' is city + kecamatan name; street spans area, kecamatan null"),
C("d18", "web", "Jalan Raya Kepanjen–Gondanglegi, Kabupaten Malang, ruas di Desa Panggungrejo, Kepanjen, berlubang parah; truk tebu sering terguling di sana.", "infrastruktur", "Kabupaten Malang|Kepanjen|Panggungrejo", note="route; section placed by desa"),
C("d19", "sms", "singosari, sinyal xl hilang total sejak tower deket pasar dirobohkan", "telekomunikasi", "Kabupaten Malang|Singosari"),
# --- Kediri: Kota Kediri vs kec. Kediri Tabanan vs kec. Kediri Lombok Barat
C("d20", "web", "Di Kecamatan Kediri, Kabupaten Tabanan, Bali, sampah plastik menumpuk di pinggir jalan menuju Tanah Lot. Banyak turis mengeluh.", "lingkungan", "Kabupaten Tabanan|Kediri", cl="k_kediri_tabanan", note="Kediri: kecamatan in Tabanan (Bali) and Lombok Barat, not Kota/Kab. Kediri Jatim"),
C("d21", "social", "Jalan ke Tanah Lot lewat Kediri Tabanan penuh sampah 🙁 malu sama turis @pemkabtabanan #bali #sampah", "lingkungan", "Kabupaten Tabanan|Kediri", cl="k_kediri_tabanan"),
C("d22", "sms", "kediri lombok barat, air pdam keruh coklat 1 minggu", "air_bersih", "Kabupaten Lombok Barat|Kediri", trap="d20", note="kecamatan Kediri in Lombok Barat"),
C("d23", "web", "Kota Kediri, Kecamatan Mojoroto: Jalan Semeru rusak dan belum diaspal sejak galian pipa tahun lalu.", "infrastruktur", "Kota Kediri|Mojoroto", note="Jl. Semeru: street named after a mountain in Lumajang"),
C("d24", "sms", "pare kediri kampung inggris, kos2an buang sampah ke sungai", "lingkungan", "Kabupaten Kediri|Pare", note="Pare is a kecamatan of Kab. Kediri"),
# --- Lumajang: kec. Padang vs Kota Padang; Tulungagung kec. Bandung
C("d25", "web", "Kami warga Kecamatan Padang, Kabupaten Lumajang (bukan Kota Padang). Jalan desa rusak akibat truk pasir Semeru, debu tebal setiap hari.", "infrastruktur", "Kabupaten Lumajang|Padang", note="kecamatan Padang in Lumajang"),
C("d26", "sms", "pengungsi semeru di candipuro blm dpt huntap, msh di tenda", "sosial", "Kabupaten Lumajang|Candipuro"),
C("d27", "web", "Kecamatan Bandung, Kabupaten Tulungagung: bantuan sosial BPNT tidak cair tiga bulan di desa kami, sementara desa tetangga sudah.", "sosial", "Kabupaten Tulungagung|Bandung", note="kecamatan Bandung in Tulungagung"),
# --- Jember: kec. Jombang; Banyuwangi; Madura
C("d28", "sms", "kec jombang kab jember, jln desa longsor ke sungai, ga bs lewat mobil", "infrastruktur", "Kabupaten Jember|Jombang", note="kecamatan Jombang in Jember (also Kab. Jombang and kec. in Cilegon)"),
C("d29", "web", "Kabupaten Jombang, Kecamatan Jombang: antrean pelayanan KTP di MPP sampai 300 orang, nomor antrean habis jam 7 pagi.", "kependudukan", "Kabupaten Jombang|Jombang", trap="d28", note="same name, different region and problem"),
C("d30", "social", "Antrean mobil di Pelabuhan Ketapang Banyuwangi mau ke Gilimanuk 4 jam lebih 🥵 @asdp_indonesia #ketapang #mudik", "perhubungan", "Kabupaten Banyuwangi|Kalipuro", lm=True, cl="k_ketapang", note="Ketapang port (Kec. Kalipuro); Gilimanuk is the destination"),
C("d31", "sms", "ketapang bwi antri kapal 4jam, anak2 kepanasan ga ada tempat teduh", "perhubungan", "Kabupaten Banyuwangi|Kalipuro", lm=True, cl="k_ketapang", note="Ketapang also = Kab. Ketapang (Kalbar); 'bwi' = Banyuwangi"),
C("d32", "web", "Di Pelabuhan Gilimanuk, Jembrana, arah ke Jawa antrean lancar, tapi petugas pemeriksaan KTP meminta uang Rp20 ribu untuk pengendara motor tanpa alasan.", "korupsi_pungli", "Kabupaten Jembrana|Melaya", lm=True, trap="d30", note="mirror port Gilimanuk (Kec. Melaya); different problem"),
C("d33", "sms", "bangkalan, sapi warga dicuri lg 3 ekor, polsek lambat", "kepolisian", "Kabupaten Bangkalan"),
C("d34", "web", "Sampang, Madura: guru PPPK di kecamatan Camplong belum menerima tunjangan sertifikasi triwulan lalu.", "pendidikan", "Kabupaten Sampang|Camplong"),
C("d35", "sms", "sumenep, kapal ke kangean ga brgkt 5 hari, stok sembako di pulau nipis", "perhubungan", "Kabupaten Sumenep", note="island kecamatan (Arjasa/Kangayan) not determined by 'Kangean'"),
# --- western Jatim
C("d36", "web", "Kecamatan Karanganyar, Kabupaten Ngawi: irigasi rusak sehingga sawah kering di musim tanam kedua.", "infrastruktur", "Kabupaten Ngawi|Karanganyar", note="Karanganyar as kecamatan in Ngawi"),
C("d37", "sms", "bojonegoro, jln kanor-baureno rusak bgt, tambalan ilang smua", "infrastruktur", "Kabupaten Bojonegoro", note="route between two kecamatan"),
C("d38", "social", "Tuban panas, listrik di Kecamatan Tuban padam 6 jam siang tadi tanpa pemberitahuan 😡 @pln_123", "energi", "Kabupaten Tuban|Tuban"),
C("d39", "web", "Kelurahan Tuban, Kecamatan Kuta, Badung: listrik padam bergilir membuat usaha laundry kami rugi. Ini Tuban dekat bandara Ngurah Rai, bukan Kabupaten Tuban Jawa Timur.", "energi", "Kabupaten Badung|Kuta|Tuban", trap="d38", note="kelurahan Tuban in Kuta, Badung vs Kab./kec. Tuban Jatim"),
C("d40", "sms", "caruban madiun, sertifikat tanah sy ganda, org lain ngaku punya, bpn diem aja", "pertanahan", "Kabupaten Madiun", note="'madiun' alone could be Kota or Kab.; Caruban (seat of Kab. Madiun) decides"),
C("d41", "web", "Ponorogo: siswa SD di Kecamatan Sawoo harus berjalan 5 km karena tidak ada angkutan sekolah. Mohon disediakan bus sekolah.", "pendidikan", "Kabupaten Ponorogo|Sawoo", note="school transport; borderline perhubungan -> pendidikan"),
# --- Bali
C("d42", "social", "Macet parah Canggu, truk proyek villa parkir di jalan kecil 😤 villa-villa ini ada izinnya ga sih @pemkabbadung #canggu", "perizinan", "Kabupaten Badung|Kuta Utara|Canggu", note="traffic + villa permits; the question is permits -> perizinan"),
C("d43", "sms", "denpasar sesetan, anjing liar bnyk, anak sy digigit, vaksin rabies di puskesmas habis", "kesehatan", "Kota Denpasar|Denpasar Selatan|Sesetan"),
C("d44", "web", "Saya WNA yang tinggal di Ubud, Gianyar. Perpanjangan KITAS saya tertunda karena sistem imigrasi, dan petugas agen meminta biaya tambahan.", "lainnya", "Kabupaten Gianyar|Ubud", note="immigration is central government and fee by a private agent -> lainnya"),
C("d45", "sms", "nusa penida jln rusak parah, wisatawan jatuh dr motor tiap minggu", "infrastruktur", "Kabupaten Klungkung|Nusa Penida"),
C("d46", "web", "Om swastyastu. Di Desa Batur, Kintamani, Bangli, pembuangan limbah keramba ke Danau Batur membuat air danau berbau dan ikan mati massal.", "lingkungan", "Kabupaten Bangli|Kintamani", note="Batur is also a kecamatan in Banjarnegara; desa Batur names not checked -> only kecamatan Kintamani coded"),
# --- NTB
C("d47", "web", "Kami warga Kecamatan Tanjung, Lombok Utara. Air bersih dari PDAM hanya mengalir dua hari seminggu sejak gempa.", "air_bersih", "Kabupaten Lombok Utara|Tanjung", note="kecamatan Tanjung in Lombok Utara (also Brebes, Tabalong)"),
C("d48", "sms", "gili trawangan, sampah numpuk di blakang hotel, cidomo lewat bau", "lingkungan", "Kabupaten Lombok Utara|Pemenang", lm=True, note="Gili Trawangan lies in Desa Gili Indah, Kec. Pemenang"),
C("d49", "social", "Sirkuit Mandalika ada event tp jalan kampung di Pujut gelap gulita, ga ada PJU 😑 #mandalika", "energi", "Kabupaten Lombok Tengah|Pujut"),
C("d50", "sms", "mataram cakranegara, tiang listrik miring mau rubuh dkt sekolah", "energi", "Kota Mataram|Cakranegara"),
C("d51", "web", "Sumbawa Besar: pendaftaran BPJS Kesehatan bayi baru lahir ditolak karena KK belum diperbarui, padahal bayi butuh operasi.", "kesehatan", "Kabupaten Sumbawa", note="KK update mentioned; main issue BPJS enrolment -> kesehatan"),
C("d52", "sms", "kota bima banjir lg, rumah di kel paruga terendam", "lingkungan", "Kota Bima", note="kelurahan not verified; only kota coded"),
# --- NTT
C("d53", "web", "Beta tinggal di Kelurahan Oebobo, Kota Kupang. Air PDAM su dua minggu sonde mengalir, katong beli air tangki mahal.", "air_bersih", "Kota Kupang|Oebobo|Oebobo", cl="k_oebobo_air", note="Kupang Malay"),
C("d54", "sms", "oebobo kupang air mati 2 mgg, tangki 150rb 1x isi. pdam tolong", "air_bersih", "Kota Kupang|Oebobo|Oebobo", cl="k_oebobo_air", resend=[None, None]),
C("d55", "social", "Labuan Bajo makin mahal, tp jalan ke Golo Mori rusak & air bersih susah 😩 @pemkabmabar #labuanbajo", "infrastruktur", "Kabupaten Manggarai Barat|Komodo", lm=True, note="road and water mentioned; road is the main ask -> infrastruktur; Labuan Bajo in Kec. Komodo"),
C("d56", "sms", "maumere, solar langka di spbu alok, nelayan tdk bs melaut", "energi", "Kabupaten Sikka|Alok"),
C("d57", "web", "Kecamatan Kota Baru, Kabupaten Ende: anak-anak SD belajar di gedung darurat karena sekolah rusak berat sejak 2 tahun lalu.", "pendidikan", "Kabupaten Ende|Kota Baru", note="kecamatan Kota Baru in Ende (also Karawang, Kota Jambi)"),
C("d58", "sms", "atambua belu, pos lintas batas motako, petugas minta uang rokok ke warga yg nyebrang", "korupsi_pungli", "Kabupaten Belu", note="border post; kecamatan not asserted"),
]
