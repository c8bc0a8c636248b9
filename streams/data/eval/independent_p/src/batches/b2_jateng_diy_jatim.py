# Batch 2: Jawa Tengah, DI Yogyakarta, Jawa Timur.  Written by hand.
def c(k, ch, t, top, txt, **kw):
    return dict(k=k, ch=ch, t=t, top=top, txt=txt, **kw)

SMG = "Kota Semarang"; SBY = "Kota Surabaya"; YK = "Kota Yogyakarta"
R = [
# --- cluster: rob Tambak Lorok, Tanjung Mas (4) ---
c("rob1", "email", "03-02 10:05", "lingkungan", """Kepada Yth. Bapak Wali Kota Semarang
c.q. Dinas Pekerjaan Umum / BPBD

Dengan hormat,
Kami warga RW 15 Kelurahan Tanjung Mas, Kecamatan Semarang Utara, melaporkan banjir rob yang sudah sepekan tidak surut. Ketinggian air di dalam rumah 30-40 cm setiap sore, pompa di rumah pompa kampung tidak berfungsi.

Kami mohon pompa diperbaiki dan tanggul sementara dipasang.

Hormat kami,
Sutrisno
Ketua RT 03/RW 15""", kab=SMG, desa="Tanjung Mas", subj="Banjir rob tidak surut di RW 15 Tanjung Mas", rep="sutrisno.rw15@example.id", cl="rob"),
c("rob2", "sms", "03-02 17:30", "lingkungan", "rob tambak lorok smp dengkul lg, pompa mati. warga ra iso turu, tlg dibantu", kab=SMG, desa="Tanjung Mas", cl="rob", note="Tambak Lorok is a kampung in Kel. Tanjung Mas"),
c("rob3", "social", "03-05 19:10", "lingkungan", "Rob neng Semarang Utara ra uwis-uwis 😭 omahku wis seminggu kelem banyu asin, kasur rusak kabeh. @pemkotsemarang @hendi_smg kapan pompane dibenake? #robsemarang", kab=SMG, kec="Semarang Utara", rep="@mbak_yuni_smg", cl="rob", lang="jawa", note="Javanese ngoko"),
c("rob4", "web", "03-15 08:00", "lingkungan", "Sudah dua minggu sejak kami lapor, pompa air di kampung nelayan Tambak Lorok belum juga diperbaiki. Tiap air laut pasang rumah tergenang. Tolong jangan cuma difoto-foto.", kab=SMG, desa="Tanjung Mas", rep="081325440981", cl="rob", note="follow-up 13 days later"),
c("rob_bdh", "sms", "03-06 18:00", "lingkungan", "bandarharjo jg kena rob pak, jalan kampung ke pelabuhan kelem, motor mogok semua", kab=SMG, desa="Bandarharjo", trap="rob2", note="trap: same kecamatan and problem type, different kelurahan"),
# --- cluster: PDAM Surya Sembada mati Medokan Ayu (4) ---
c("mdk1", "web", "03-03 06:15", "air_bersih", "Air PDAM di Perumahan Medokan Asri, Kelurahan Medokan Ayu, Rungkut tidak mengalir sejak Minggu. Call center hanya bilang ada perbaikan pipa tanpa kepastian.", kab=SBY, desa="Medokan Ayu", rep="hendro.medokan@example.id", cl="mdk"),
c("mdk2", "social", "03-03 12:40", "air_bersih", "Rek, banyu PDAM nang Rungkut mati maneh 😩 wis 2 dino gak iso adus. @pdamsby @SapawargaSby iki piye? #Suroboyo", kab=SBY, kec="Rungkut", rep="@arek_rungkut", cl="mdk", lang="jawa_suroboyoan", note="Suroboyoan Javanese"),
c("mdk3", "sms", "03-04 05:50", "air_bersih", "pdam medokan ayu msh mati smp skrg, tlg dikirim tangki air", kab=SBY, desa="Medokan Ayu", cl="mdk"),
c("mdk4", "email", "03-10 09:00", "air_bersih", """Yth. Direksi PDAM Surya Sembada Kota Surabaya,

Menindaklanjuti laporan warga sebelumnya, aliran air di wilayah Medokan Ayu baru kembali Kamis lalu tetapi hanya mengalir pukul 01.00-04.00 dini hari dan keruh. Kami mohon penjelasan jadwal perbaikan tuntas.

Salam,
Dra. Lilik Maryati
Ketua PKK Kel. Medokan Ayu""", kab=SBY, desa="Medokan Ayu", subj="Aliran air PDAM Medokan Ayu belum normal", rep="lilik.pkk@example.id", cl="mdk"),
c("tandes_air", "web", "03-05 10:30", "air_bersih", "Air PDAM di Manukan Kulon, Tandes mati sejak kemarin sore. Mohon informasi.", kab=SBY, desa="Manukan Kulon", rep="phone", trap="mdk1", note="trap: same city and problem, different kecamatan (Tandes)"),
# --- cluster: pungli PTSL Desa Jimbung (3) ---
c("jbg1", "sms", "03-04 20:20", "korupsi_pungli", "pak, ptsl neng desa jimbung kalikotes dijaluki 750 ewu per bidang karo perangkat desa, jarene kanggo patok lan materai. resmine kan 150rb", kab="Kab. Klaten", desa="Jimbung", cl="jbg", lang="jawa", note="Javanese SMS"),
c("jbg2", "email", "03-06 08:45", "korupsi_pungli", """Yth. Kepala Kantor Pertanahan Kabupaten Klaten dan Inspektorat,

Saya warga Desa Jimbung, Kecamatan Kalikotes, melaporkan bahwa panitia PTSL desa memungut Rp 750.000 per bidang, jauh di atas ketentuan SKB 3 Menteri (Rp 150.000 untuk wilayah Jawa-Bali). Warga yang belum membayar diancam tidak diikutkan pengukuran.

Mohon ditindaklanjuti.

Hormat saya,
Wahyu Nugroho""", kab="Kab. Klaten", desa="Jimbung", subj="Pungutan PTSL Rp 750.000 per bidang di Desa Jimbung", rep="wahyu.nugroho@example.id", cl="jbg"),
c("jbg3", "web", "03-13 14:00", "korupsi_pungli", "Menindaklanjuti soal biaya PTSL di Jimbung: sampai sekarang panitia masih menagih warga, yang belum bayar sertifikatnya ditahan di balai desa. Sudah seminggu lebih tidak ada tindakan dari kabupaten.", kab="Kab. Klaten", desa="Jimbung", rep="sri.jimbung@example.id", cl="jbg"),
c("ptsl_trap", "sms", "03-18 19:00", "korupsi_pungli", "ptsl neng desa belangwetan klaten utara ugo dijaluki 600rb per bidang, ra ono kwitansi", kab="Kab. Klaten", desa="Belangwetan", trap="jbg1", lang="jawa", note="trap: same template, another desa"),
# --- cluster: jukir nuthuk dekat Stasiun Tugu (3) ---
c("tugu1", "social", "03-07 21:00", "ketertiban", "Parkir motor di Pasar Kembang deket Stasiun Tugu ditarik 20rb 😳 katanya tarif event. Ini Jogja apa Jakarta? @pemkotjogja @dishubjogja #nuthuk #Jogja", kab=YK, kec="Gedongtengen", rep="@backpacker_rina", cl="tugu", note="landmark Stasiun Tugu / Pasar Kembang (Sosromenduran, Gedongtengen)"),
c("tugu2", "web", "03-08 09:30", "ketertiban", "Kemarin malam (Sabtu) juru parkir di Jl. Pasar Kembang, Sosromenduran meminta Rp 20.000 untuk satu motor tanpa karcis. Mohon Dishub menertibkan jukir tersebut.", kab=YK, desa="Sosromenduran", rep="bayu.k@example.id", cl="tugu"),
c("tugu3", "sms", "03-09 13:15", "ketertiban", "jukir ning sosrowijayan cedhak stasiun tugu isih nuthuk 15 ewu, ora nganggo karcis. tulung ditertibke", kab=YK, kec="Gedongtengen", cl="tugu", lang="jawa"),
c("alkid", "social", "03-14 20:45", "ketertiban", "Parkir mobil di Alun-alun Kidul 30rb 😤 @pemkotjogja katanya ada perda tarif parkir? #nuthuk", kab=YK, kec="Kraton", rep="@roadtrip_smg", trap="tugu1", note="trap: same city and problem, different place (Alkid, Kraton)"),
# --- cluster: obat kosong Puskesmas Genteng (2) ---
c("gtg1", "web", "03-09 10:10", "kesehatan", "Sudah dua minggu obat hipertensi dan insulin kosong di Puskesmas Genteng Kulon, pasien prolanis disuruh beli sendiri di apotek luar.", kab="Kab. Banyuwangi", desa="Genteng Kulon", rep="phone", cl="gtg"),
c("gtg2", "social", "03-12 11:20", "kesehatan", "Bapak saya pasien prolanis di puskesmas Genteng Banyuwangi, obat darah tinggi kosong lagi bulan ini 😔 @dinkesbwi #Banyuwangi", kab="Kab. Banyuwangi", kec="Genteng", rep="@novi_bwi", cl="gtg"),
c("gtg_pungli", "sms", "03-16 08:00", "korupsi_pungli", "puskesmas genteng kulon mnt 25rb utk surat ket sehat, ga ada karcis. bkn nya gratis?", kab="Kab. Banyuwangi", desa="Genteng Kulon", trap="gtg1", note="trap: same place, different problem (pungli)"),
# --- cluster: listrik padam Kalianget (2) ---
c("klg1", "sms", "03-10 21:00", "energi", "lestrek e kalianget mate dhari sore, bhadha 5 jam ta' nyala. pln tolong", kab="Kab. Sumenep", kec="Kalianget", cl="klg", lang="madura", note="Madurese"),
c("klg2", "web", "03-11 07:10", "energi", "Listrik di Kalianget Timur padam lebih dari 8 jam sejak kemarin sore, es nelayan di cold storage mencair. Mohon PLN ULP Sumenep memberi penjelasan.", kab="Kab. Sumenep", desa="Kalianget Timur", rep="081703445566", cl="klg"),
c("smnp_kota", "sms", "03-25 20:30", "energi", "lestrek e pandian kota sumenep mate maneh, tang TV rosak", kab="Kab. Sumenep", desa="Pandian", trap="klg1", lang="madura", note="trap: same kab and problem, other kecamatan two weeks later"),
# --- cluster: PPDB domisili fiktif SMAN Kota Malang (2) ---
c("mlg1", "email", "03-23 10:00", "pendidikan", """Yth. Cabang Dinas Pendidikan Wilayah Kota Malang,

Kami menemukan banyak pendaftar jalur zonasi ke SMA negeri di Kecamatan Klojen yang menggunakan KK numpang di alamat kos-kosan dekat sekolah, sementara anak kami yang tinggal 900 m dari sekolah tersingkir.

Mohon verifikasi faktual domisili.

Hormat kami,
Eko Prasetyo""", kab="Kota Malang", kec="Klojen", subj="Dugaan domisili fiktif PPDB zonasi SMA di Klojen", rep="eko.prasetyo@example.id", cl="mlg"),
c("mlg2", "social", "03-24 08:30", "pendidikan", "PPDB zonasi Malang ini lucu, rumah 900m dari sekolah kalah sama yang KK-nya numpang di kos Oro-oro Dowo 🙃 @pemkotmalang #PPDB2026", kab="Kota Malang", desa="Oro-oro Dowo", rep="@bunda_arka", cl="mlg"),
# --- cluster: bus Trans Jatim Purabaya (2) ---
c("prb1", "web", "03-26 07:00", "perhubungan", "Bus Trans Jatim koridor Purabaya-Mojokerto sering tidak berangkat sesuai jadwal dari Terminal Purabaya, penumpang menunggu lebih dari 1 jam.", kab="Kab. Sidoarjo", kec="Waru", rep="nina.w@example.id", cl="prb", note="landmark Terminal Purabaya/Bungurasih (Waru)"),
c("prb2", "social", "03-27 17:40", "perhubungan", "Wis sejam ngenteni Trans Jatim nang Bungurasih, gak teko-teko 🥲 @dishubjatim #TransJatim", kab="Kab. Sidoarjo", kec="Waru", rep="@mahasiswa_mojo", cl="prb", lang="jawa_suroboyoan"),
# --- singletons ---
c("klewer", "web", "03-02 13:00", "ketertiban", "PKL di sekitar Pasar Klewer kembali berjualan di badan jalan setelah penataan, arus kendaraan di Jl. Dr. Radjiman macet total.", kab="Kota Surakarta", kec="Pasar Kliwon", rep="phone"),
c("kedungpane", "email", "03-03 15:20", "korupsi_pungli", """Yth. Kepala Kanwil Ditjen Pemasyarakatan Jawa Tengah,

Saat membesuk keluarga di Lapas Kelas I Semarang (Kedungpane), kami diminta Rp 50.000 oleh petugas agar bisa dijadwalkan kunjungan hari itu, dan Rp 20.000 untuk menitipkan makanan.

Mohon ditertibkan.

Hormat kami,
Keluarga WBP""", kab=SMG, subj="Pungutan saat kunjungan di Lapas Kedungpane", rep="keluarga.wbp@example.id", note="prison pungli; the lapas is called Kedungpane but its address is given as Wates, Ngaliyan while Kedungpane kelurahan is in Mijen -> kecamatan left null"),
c("ungaran_pabrik", "sms", "03-04 09:00", "ketenagakerjaan", "gaji buruh pabrik sepatu di ungaran di bwh umk, lembur ga dibayar. kami takut dipecat kl lapor", kab="Kab. Semarang"),
c("kudus_rokok", "web", "03-05 08:20", "ketenagakerjaan", "Ratusan buruh linting rokok di Kudus dirumahkan tanpa kejelasan upah sejak Februari. BPJS Ketenagakerjaan juga ternyata menunggak.", kab="Kab. Kudus", rep="sumiati.k@example.id"),
c("jepara_abrasi", "social", "03-06 16:00", "lingkungan", "Abrasi di pantai Bandengan Jepara makin parah, warung-warung pinggir pantai sudah ambruk 🌊 @pemkabjepara #Jepara", kab="Kab. Jepara", rep="@pantai_jepara"),
c("pati_jalan", "sms", "03-07 07:00", "infrastruktur", "dalan pati-tayu neng margoyoso rusak parah, bolong kabeh, mbok yo didandani", kab="Kab. Pati", kec="Margoyoso", lang="jawa"),
c("tegal_kk", "web", "03-08 11:00", "kependudukan", "Perubahan KK setelah anak lahir di Disdukcapil Kota Tegal sudah sebulan belum jadi, padahal semua berkas lengkap. Saya butuh untuk BPJS bayi.", kab="Kota Tegal", rep="phone"),
c("brebes_pupuk", "sms", "03-09 06:00", "lainnya", "pupuk subsidi di kios tani brebes langka, petani bawang disuruh beli nonsubsidi 2x lipat harga", kab="Kab. Brebes", note="fertiliser shortage -> lainnya (agriculture)"),
c("pwt_rsud", "email", "03-10 13:30", "kesehatan", """Yth. Direktur RSUD Prof. Dr. Margono Soekarjo,

Antrean poli penyakit dalam di rumah sakit Bapak/Ibu sangat panjang; kami datang pukul 05.00 dan baru dilayani pukul 14.00. Sistem antrean online sering error.

Terima kasih,
Puji Lestari, Purwokerto""", kab="Kab. Banyumas", subj="Antrean poli RSUD Margono sangat lama", rep="puji.lestari@example.id"),
c("cilacap_pltu", "social", "03-11 09:45", "lingkungan", "Debu batubara dari PLTU masuk ke rumah warga Karangkandri, Kesugihan 😷 anak-anak batuk terus. @pemkabcilacap @KLHK #Cilacap", kab="Kab. Cilacap", desa="Karangkandri", rep="@warga_kesugihan"),
c("magelang_angkot", "sms", "03-12 15:00", "perhubungan", "angkot jurusan terminal tidar magelang skrg jarang lewat, anak sekolah telat trs", kab="Kota Magelang"),
c("sleman_imigrasi", "web", "03-13 10:40", "korupsi_pungli", "Di Kantor Imigrasi Yogyakarta di Maguwoharjo ada calo yang menawarkan paspor jadi 2 hari dengan Rp 1,5 juta dan mengaku bekerja sama dengan petugas di dalam. Antrean online selalu penuh.", kab="Kab. Sleman", desa="Maguwoharjo", rep="andi.s@example.id", note="immigration pungli via calo claiming inside collusion"),
c("ugm_kos", "social", "03-14 22:00", "ketertiban", "Kos di Caturtunggal belakang kampus UGM tiap malam ada pesta miras, berisik sampe subuh 😡 @polsekdepoksleman #Jogja", kab="Kab. Sleman", desa="Caturtunggal", rep="@maba_jogja"),
c("bantul_parangtritis", "web", "03-15 12:00", "lainnya", "Retribusi masuk Pantai Parangtritis sudah dibayar, tapi toilet umum tidak ada air dan sangat kotor. Mohon diperhatikan pengelola wisata.", kab="Kab. Bantul", desa="Parangtritis", rep=None, note="tourism facility -> lainnya"),
c("gk_kering", "sms", "03-16 10:00", "air_bersih", "dusun kami di kec tepus gunungkidul wis rong sasi ra ono banyu, dropping air mung seminggu pisan", kab="Kab. Gunungkidul", kec="Tepus", lang="jawa"),
c("yia", "email", "03-17 06:50", "perhubungan", """Yth. PT Angkasa Pura / Pengelola YIA,

Kereta bandara dari Stasiun Yogyakarta ke YIA dibatalkan mendadak pagi ini tanpa pengumuman, dan bus DAMRI pengganti penuh. Beberapa penumpang tertinggal pesawat.

Salam,
Maria Ulfa""", kab="Kab. Kulon Progo", kec="Temon", subj="Pembatalan KA Bandara ke YIA tanpa pemberitahuan", rep="maria.ulfa@example.id", note="landmark YIA airport (Temon)"),
c("krama_jalan_kp", "web", "03-18 09:00", "infrastruktur", "Nuwun sewu Bapak/Ibu, kula badhe matur bilih margi ing Desa Glagah, Kecamatan Temon, rusak sanget sasampunipun dipunlangkungi truk proyek. Mugi-mugi enggal dipundandosi. Matur nuwun.", kab="Kab. Kulon Progo", desa="Glagah", rep="phone", lang="jawa_krama", note="Javanese krama"),
c("kab_malang_pkh", "sms", "03-19 11:30", "korupsi_pungli", "bansos bpnt di desa kami kec dampit kab malang dipotong 50rb sm pendamping, katanya uang lelah", kab="Kab. Malang", kec="Dampit", note="bansos cut by an official/pendamping -> korupsi_pungli"),
c("kediri_pasar", "social", "03-20 10:15", "lainnya", "Harga cabe rawit di Pasar Setono Betek Kediri tembus 120rb/kg 🌶️😭 @pemkotkediri tolong operasi pasar #Kediri", kab="Kota Kediri", rep="@emak_kediri", note="prices -> lainnya"),
c("jember_desa", "web", "03-21 08:00", "korupsi_pungli", "Perangkat Desa Sumberjati, Kecamatan Silo, meminta Rp 100.000 untuk surat keterangan domisili dan Rp 250.000 untuk surat keterangan tanah. Tidak ada dasar perdesnya.", kab="Kab. Jember", kec="Silo", rep="phone", note="village office pungli"),
c("lumajang_pasir", "email", "03-22 09:30", "lingkungan", """Yth. Dinas Lingkungan Hidup Provinsi Jawa Timur,

Penambangan pasir di aliran lahar Semeru di wilayah Kecamatan Pronojiwo menggunakan alat berat di luar titik izin, tebing sungai longsor dan mengancam jalan desa.

Hormat kami,
Forum Warga Pronojiwo""", kab="Kab. Lumajang", kec="Pronojiwo", subj="Tambang pasir di luar titik izin, Pronojiwo", rep="forum.pronojiwo@example.id"),
c("bojonegoro_migas", "sms", "03-23 21:00", "lingkungan", "bau gas menyengat dr sumur minyak tua di kec kedewan, warga pusing2. tlg dicek", kab="Kab. Bojonegoro", kec="Kedewan"),
c("gresik_debu", "social", "03-25 14:10", "lingkungan", "Jalan Gresik-Lamongan penuh debu dari truk semen tanpa terpal 😷 @pemkabgresik #Gresik", kab="Kab. Gresik", rep="@gresik_kita"),
c("porong", "web", "03-26 10:00", "pertanahan", "Ganti rugi tanah terdampak lumpur di eks Desa Siring, Kecamatan Porong, untuk 14 berkas keluarga kami belum dibayar sampai sekarang.", kab="Kab. Sidoarjo", kec="Porong", rep="phone", note="Siring no longer a desa in the data; kecamatan named"),
c("madiun_sim", "sms", "03-27 08:40", "korupsi_pungli", "ujian praktik sim c di satpas polres madiun kota sy diarahkan ke 'biro' 650rb biar lulus, kl ga ya ga lulus2", kab="Kota Madiun", note="SIM pungli"),
c("ponorogo_jalan", "social", "03-28 09:00", "infrastruktur", "Dalan nang Sooko Ponorogo rusak parah, wis 3 taun ra didandani 🚧 @pemkabponorogo #Ponorogo", kab="Kab. Ponorogo", kec="Sooko", rep="@reog_lover", lang="jawa"),
c("tulungagung_pmi", "email", "03-29 11:00", "ketenagakerjaan", """Yth. BP3MI Jawa Timur,

Adik saya bekerja sebagai PMI di Taiwan melalui P3MI di Tulungagung. Sudah tiga bulan gajinya dipotong untuk biaya penempatan melebihi perjanjian dan paspornya ditahan majikan.

Mohon bantuan.

Hormat saya,
Siti Romlah""", kab="Kab. Tulungagung", subj="Pemotongan gaji dan penahanan paspor PMI", rep="siti.romlah@example.id"),
c("bangkalan_begal", "sms", "03-30 22:15", "kepolisian", "bannyak begal e jalan akses suramadu bangkalan malem, engkok takok lebat. polisi tolong patroli", kab="Kab. Bangkalan", lang="madura"),
c("pamekasan_garam", "web", "03-31 10:00", "lainnya", "Harga garam rakyat di Pamekasan anjlok sampai Rp 300/kg, tengkulak memainkan harga. Petambak garam minta pemerintah menyerap.", kab="Kab. Pamekasan", rep=None),
c("bromo", "social", "04-01 05:30", "korupsi_pungli", "Masuk Bromo lewat Cemorolawang (Sukapura) dimintain 'uang jalan' 50rb sama oknum berseragam di luar tiket resmi 🤨 @TNBTS #Bromo", kab="Kab. Probolinggo", kec="Sukapura", rep="@jelajah_bromo"),
c("pasuruan_pabrik", "sms", "04-02 16:20", "lingkungan", "kali di kec beji pasuruan item & bau, limbah pabrik dibuang malem2", kab="Kab. Pasuruan", kec="Beji"),
c("blitar_sinyal", "web", "04-03 13:00", "telekomunikasi", "Desa kami di Kecamatan Bakung, Blitar selatan, tidak ada sinyal 4G sama sekali. Anak sekolah harus naik bukit untuk ujian online.", kab="Kab. Blitar", kec="Bakung", rep="phone"),
c("mojokerto_ktp", "sms", "04-04 09:10", "kependudukan", "ktp el sy salah tgl lahir, ngurus di mpp mojokerto disuruh balik 3x. ribet", kab="Kab. Mojokerto"),
c("solo_pbb", "web", "04-05 08:00", "pajak", "SPPT PBB 2026 rumah saya di Kel. Kadipiro, Banjarsari belum dibagikan padahal jatuh tempo Agustus dan di aplikasi tertera tunggakan tahun lalu yang sudah saya bayar.", kab="Kota Surakarta", desa="Kadipiro", rep="bambang.solo@example.id"),
c("sby_galian", "social", "04-06 21:00", "infrastruktur", "Galian kabel di Jl. Raya Darmo ditinggal gitu aja, gak ditutup, gak ada rambu ⚠️ wis onok sing tibo @SapawargaSby #Surabaya", kab=SBY, rep="@darmo_cyclist", note="Jl. Raya Darmo spans kecamatan -> kab only"),
c("sby_preman", "web", "04-07 23:00", "kepolisian", "Di sekitar Terminal Joyoboyo ada sekelompok orang yang memalak sopir angkot Rp 20.000 setiap kali masuk, mengaku 'keamanan'. Mereka bukan petugas dishub.", kab=SBY, kec="Wonokromo", rep="phone", note="preman extortion -> kepolisian; landmark Terminal Joyoboyo (Wonokromo)"),
c("smg_pbg", "email", "04-08 10:30", "perizinan", """Yth. DPMPTSP Kota Semarang,

Saya sudah mengajukan PBG rumah tinggal melalui SIMBG sejak Januari, namun status masih "verifikasi" tanpa catatan. Saya tidak bisa mengajukan KPR renovasi.

Terima kasih,
Fajar Nugraha""", kab=SMG, subj="Permohonan PBG tertahan di tahap verifikasi", rep="fajar.nugraha@example.id"),
c("noplace_jawa", "sms", "04-09 19:00", "energi", "token listrik sy udh dibeli lwt m-banking tp kodenya ga muncul, saldo kepotong 200rb", note="no place"),
c("noplace_bpjstk", "web", "04-10 11:00", "ketenagakerjaan", "Klaim JHT saya di aplikasi JMO sudah 20 hari berstatus 'diproses' tanpa kejelasan. Saya sudah resign sejak Desember.", rep="rina.jht@example.id", note="no place"),
c("noplace_ibu", "social", "04-11 08:00", "sosial", "Kenapa bansos PKH ibu saya tiba-tiba 'tidak memenuhi syarat' di cekbansos padahal makin tua dan sakit-sakitan 😢 @KemensosRI #PKH", rep="@anak_berbakti88", note="no place"),
]
