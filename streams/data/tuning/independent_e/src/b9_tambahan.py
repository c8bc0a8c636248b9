from common import C

RECORDS = [
# --- Sukadamai: Kota Bogor vs Kab. Bogor (ambiguous), Luwu Utara
C("i01", "sms", "sukadamai bogor, jalan rusak parah abis galian pipa ga ditutup", "infrastruktur", None, note="Sukadamai exists in Kota Bogor (Tanah Sareal) and twice in Kab. Bogor (Dramaga, Sukamakmur); 'bogor' does not decide -> null; possibly the same dig as i02 but undeterminable, so not clustered"),
C("i02", "web", "Kelurahan Sukadamai, Tanah Sareal, Kota Bogor: galian pipa PDAM di jalan lingkungan dibiarkan terbuka dua minggu, sudah ada anak jatuh.", "infrastruktur", "Kota Bogor|Tanah Sareal|Sukadamai", note="same wording family but determinable; not linked as cluster because i01 cannot be placed"),
C("i03", "sms", "desa sukadamai kec sukamaju luwu utara, sekolah smp kekurangan guru mapel, 1 guru ngajar 4 mapel", "pendidikan", "Kabupaten Luwu Utara|Sukamaju|Sukadamai", note="two ambiguous names that together fix the place"),
# --- extra members for existing clusters (bigger clusters)
C("i04", "web", "Saya penumpang bus AKAP Jakarta–Palembang. Di Merak kami tertahan sejak sore sampai subuh karena antrean truk, bus tidak diprioritaskan. Toilet dan air di area tunggu tidak ada.", "perhubungan", "Kota Cilegon|Pulomerak", lm=True, cl="k_merak_antre"),
C("i05", "social", "Merak hari ke-3 masih macet horor 🚛🚛🚛 dari gerbang tol Cilegon Barat sampe pelabuhan. Kapal kurang? @asdp_indonesia @kemenhub151 #merak", "perhubungan", "Kota Cilegon|Pulomerak", lm=True, cl="k_merak_antre", note="toll gate named, but the queue is the port's"),
C("i06", "email", "Yth. Direktur Jenderal Pajak,\nSaya pengusaha kecil yang wajib membuat faktur pajak. Sejak awal pekan Coretax tidak dapat diakses (gagal login). Akibatnya penagihan kepada pelanggan tertunda dan arus kas usaha kami terganggu. Mohon perpanjangan batas waktu.\nHormat saya,\nPengusaha kena pajak", "pajak", None, subj="Mohon perpanjangan waktu karena Coretax tidak dapat diakses", cl="k_coretax"),
C("i07", "sms", "karangasih cikarang utr, jln amblas skrg makin lebar, td mobil box nyangkut", "infrastruktur", "Kabupaten Bekasi|Cikarang Utara|Karangasih", cl="k_karangasih"),
C("i08", "social", "Jembatan Sukamaju Jonggol kapan dibangun pak @bupatibogor?? anak SD tiap hari naik rakit 😢 #jonggol", "infrastruktur", "Kabupaten Bogor|Jonggol|Sukamaju", cl="k_sukamaju_jonggol"),
# --- infrastruktur boost
C("i09", "web", "Jalan provinsi ruas Ciawi–Sukabumi di Kecamatan Caringin, Kabupaten Bogor, bergelombang dan berlubang. Truk sering terguling di tanjakan.", "infrastruktur", "Kabupaten Bogor|Caringin", note="Caringin is also a kecamatan in Garut and Pandeglang"),
C("i10", "sms", "jembatan desa di kec cibeber cianjur retak, pondasi kegerus sungai", "infrastruktur", "Kabupaten Cianjur|Cibeber", note="Cibeber also in Lebak and Kota Cilegon"),
C("i11", "sms", "cibeber cilegon, trotoar rusak dan drainase terbuka depan sd", "infrastruktur", "Kota Cilegon|Cibeber", trap="i10"),
C("i12", "web", "Jalan lintas Sumatera di Kabupaten Musi Banyuasin, antara Sungai Lilin dan Bayung Lencir, berlubang besar. Saya sopir dari Jambi ke Palembang.", "infrastruktur", "Kabupaten Musi Banyuasin", note="route through two kecamatan of Muba; origin and destination are other cities"),
C("i13", "social", "Jalan ke Pantai Pangumbahan Ujunggenteng ancur, wisatawan pada balik 😩 @pemkabsukabumi", "infrastruktur", "Kabupaten Sukabumi", note="beach area spans Ciracap; kecamatan not stated"),
C("i14", "sms", "trotoar jl pemuda semarang dipake parkir motor, pejalan kaki turun ke jln", "ketertiban", "Kota Semarang"),
# --- perizinan / pertanahan / pajak / telekomunikasi
C("i15", "web", "Minimarket waralaba dibangun tepat di depan pasar tradisional Kecamatan Kalasan, Sleman, padahal aturan daerah melarang jarak sedekat itu. Apakah izinnya sah?", "perizinan", "Kabupaten Sleman|Kalasan"),
C("i16", "sms", "izin keramaian hajatan di polsek diminta 500rb, kata mereka resmi", "korupsi_pungli", None, note="event permit fee at police post without receipt -> korupsi_pungli"),
C("i17", "web", "Permohonan izin usaha sarang burung walet kami di Kabupaten Kotawaringin Barat ditolak tanpa penjelasan tertulis, padahal semua syarat sudah dipenuhi.", "perizinan", "Kabupaten Kotawaringin Barat"),
C("i18", "sms", "pbg rumah ibadah kami di kota bekasi ditolak, alasannya blm ada rekomendasi fkub. sdh 1 thn", "perizinan", "Kota Bekasi", note="sensitive: place-of-worship permit -> perizinan"),
C("i19", "web", "Ganti rugi pembebasan lahan untuk jalan tol di Kabupaten Kendal belum kami terima, sementara rumah sudah dibongkar. Nilai appraisal juga jauh di bawah harga pasar.", "pertanahan", "Kabupaten Kendal"),
C("i20", "sms", "tanah wakaf masjid di kampung kami diklaim ahli waris, bpn kab bantul blm mediasi", "pertanahan", "Kabupaten Bantul"),
C("i21", "web", "Perusahaan perkebunan di Kabupaten Kampar memperpanjang HGU yang mencakup kebun warga di Desa Suka Maju, Tapung Hilir, tanpa pemberitahuan.", "pertanahan", "Kabupaten Kampar|Tapung Hilir|Suka Maju", trap="e31", note="same desa as the fire report, different problem"),
C("i22", "sms", "pajak restoran 10% ditarik warteg kecil di kota tangerang, katanya aturan baru", "pajak", "Kota Tangerang"),
C("i23", "web", "Opsen PKB yang baru membuat pajak motor saya di Kabupaten Bandung naik, padahal motornya sudah 12 tahun. Tidak ada sosialisasi.", "pajak", "Kabupaten Bandung"),
C("i24", "sms", "internet desa dr bakti kominfo di kec kejajar mati 2 bln, anak2 ga bs ujian online", "telekomunikasi", "Kabupaten Wonosobo|Kejajar", trap="c37", note="same kecamatan, different problem (telecom vs power)"),
C("i25", "social", "Kabel fiber optik putus ketabrak truk di Jl. Raya Bogor Cimanggis, internet 1 RW mati 3 hari @IndiHome 🙃", "telekomunikasi", "Kota Depok|Cimanggis"),
C("i26", "sms", "sinyal di pulau sebatik nunukan lbh kuat operator malaysia, kena roaming", "telekomunikasi", "Kabupaten Nunukan", note="Sebatik island has several kecamatan"),
# --- kependudukan / kesehatan / sosial / kepolisian placed
C("i27", "web", "Pengurusan surat pindah (SKPWNI) dari Kabupaten Klaten ke Kota Surabaya ditolak di Disdukcapil Klaten karena alamat tujuan harus 'dicek dulu'. Sudah tiga kali bolak-balik.", "kependudukan", "Kabupaten Klaten", note="two places; the refusing office is Klaten"),
C("i28", "sms", "perekaman ktp lansia di rumah blm dilayani disdukcapil kota palembang, ibu sy stroke", "kependudukan", "Kota Palembang"),
C("i29", "web", "Di RSUD Karawang, pasien BPJS rawat inap diminta membeli obat sendiri di apotek luar sebesar Rp1,2 juta karena 'obat tidak ditanggung'.", "kesehatan", "Kabupaten Karawang"),
C("i30", "sms", "ambulans desa dipakai pak kades buat acara keluarga, pas ada yg melahirkan ga ada", "korupsi_pungli", None, note="misuse of village asset by village head -> korupsi_pungli; no place"),
C("i31", "web", "Panti sosial lansia di Kota Bandar Lampung kekurangan pengasuh dan makanan; penghuni tampak kurus dan kamar kotor.", "sosial", "Kota Bandar Lampung"),
C("i32", "sms", "anak jalanan di perempatan pasar bawah bukittinggi makin banyak, ada yg dipekerjakan", "sosial", "Kota Bukittinggi", note="child exploitation: borderline kepolisian; desk sends to sosial"),
C("i33", "web", "Laporan KDRT kakak saya di Polres Sidoarjo tidak diproses dan malah disarankan damai. Ia masih tinggal bersama pelaku.", "kepolisian", "Kabupaten Sidoarjo"),
C("i34", "sms", "pencurian kabel listrik jln di kel bahu malalayang, lampu mati 1 km", "kepolisian", "Kota Manado|Malalayang|Bahu", trap="f27", note="theft of PJU cable: borderline energi; report is about theft -> kepolisian"),
C("i35", "social", "Warga Pontianak Barat resah, peredaran narkoba di gang dekat sekolah terang2an 😡 @polrestapontianak #narkoba", "kepolisian", "Kota Pontianak|Pontianak Barat"),
C("i36", "web", "Anjing milik tetangga di Kabupaten Gianyar sudah menggigit tiga anak. Pemilik menolak mengikat anjingnya. Kami minta Satpol PP dan dinas peternakan bertindak.", "ketertiban", "Kabupaten Gianyar", note="dog bite nuisance: borderline kesehatan (rabies); asks enforcement -> ketertiban"),
C("i37", "sms", "mobil dinas pemda dipake buat mudik keluarga, plat merah diganti hitam", "korupsi_pungli", None, note="misuse of official car; no place"),
C("i38", "web", "Saya dan keluarga tinggal di Surabaya, tapi mertua di Kabupaten Magetan tidak bisa mengambil BLT karena namanya dicoret perangkat desa dan diganti kerabat perangkat.", "korupsi_pungli", "Kabupaten Magetan", note="beneficiary swapped by village officials -> korupsi_pungli; home vs relative's place"),
]
