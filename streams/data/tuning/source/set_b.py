from lib import *

p = desa('Lenteng Agung', '3174')
add('email', '2026-04-01T01:00:00Z', 'infrastruktur', p, "Saluran air di Jalan Agung Raya, Kelurahan Lenteng Agung, Jagakarsa tersumbat sampah sehingga setiap hujan air meluap ke rumah warga RT 04 RW 02.", 'got-lentengagung', subject='Saluran tersumbat Lenteng Agung', reporter='rt04@contoh.id')
add('sms', '2026-04-01T03:00:00Z', 'infrastruktur', p, "got di jl agung raya lenteng agung mampet sampah, tiap ujan aer masuk rumah rt 4", 'got-lentengagung', reporter='081411110001')
add('social', '2026-04-01T05:00:00Z', 'infrastruktur', p, "Tiap hujan RT 04 Lenteng Agung kebanjiran gara2 got mampet. @DKIJakarta @sudasjaksel tolong dikeruk", 'got-lentengagung', reporter='@jagakarsa_id')
add('sms', '2026-04-01T06:00:00Z', 'infrastruktur', desa('Kalibata', '3174'), "got mampet di kalibata rt 9 tiap ujan banjir", 'got-kalibata', reporter='081411110009', trap_of='got-lentengagung')

p = desa('Pondok Cina', '3276')
add('sms', '2026-04-02T01:00:00Z', 'infrastruktur', p, "trotoar jl margonda dkt pondok cina ambles, bahaya buat pejalan kaki", 'trotoar-margonda', reporter='081411110101')
add('social', '2026-04-02T04:00:00Z', 'infrastruktur', p, "Trotoar Margonda area Pondok Cina Depok amblas, ada lubang gede. Pemkot Depok kapan dibenerin?", 'trotoar-margonda', reporter='@depokhits')
add('web', '2026-04-02T07:00:00Z', 'infrastruktur', p, "Trotoar di Jalan Margonda Raya, Kelurahan Pondok Cina, Beji, Depok ambles sepanjang 5 meter dan membahayakan mahasiswa yang berjalan kaki.", 'trotoar-margonda', reporter='mhs@contoh.id')

p = desa('Panjer', '5171')
add('sms', '2026-04-03T01:00:00Z', 'air_bersih', p, "air pdam mati di panjer denpasar selatan sejak kemarin", 'pdam-panjer', reporter='081411110201')
add('email', '2026-04-03T04:00:00Z', 'air_bersih', p, "Kami warga Kelurahan Panjer, Kecamatan Denpasar Selatan, tidak mendapat pasokan air dari Perumda Air Minum Tirta Sewakadarma sejak kemarin pagi.", 'pdam-panjer', subject='Air mati Kel. Panjer', reporter='panjer@contoh.id')
add('social', '2026-04-03T06:00:00Z', 'air_bersih', p, "Air PAM mati total di Panjer Denpasar, mau mandi aja susah", 'pdam-panjer', reporter='@balikini')

p = desa('Klandasan Ilir', '6471')
add('sms', '2026-04-04T01:00:00Z', 'energi', p, "pemadaman listrik bergilir di klandasan ilir balikpapan tiap hari 4 jam", 'pln-klandasan', reporter='081411110301')
add('social', '2026-04-04T05:00:00Z', 'energi', p, "Listrik di Klandasan Ilir Balikpapan padam tiap hari 4 jam, UMKM rugi. PLN UID Kaltimra?", 'pln-klandasan', reporter='@bppn_info')

add('sms', '2026-04-05T01:00:00Z', 'korupsi_pungli', kab('3174'), "bikin skck di polres jaksel disuruh bayar 100rb sama oknum, katanya biar cepat", 'pungli-skck-jaksel', reporter='081411110401')
add('email', '2026-04-05T03:00:00Z', 'korupsi_pungli', kab('3174'), "Saat mengurus SKCK di Polres Metro Jakarta Selatan saya diminta uang Rp 100.000 oleh petugas agar berkas diproses hari itu juga.", 'pungli-skck-jaksel', subject='Pungutan SKCK', reporter='skck@contoh.id')

add('sms', '2026-04-06T01:00:00Z', 'korupsi_pungli', kab('3578'), "di kantor imigrasi tanjung perak ada pungli 300rb buat paspor kilat", 'pungli-imigrasi-perak', reporter='081411110501')
add('social', '2026-04-06T06:00:00Z', 'korupsi_pungli', kab('3578'), "Kantor Imigrasi Tanjung Perak Surabaya masih ada pungutan liar 300 ribu buat percepatan paspor", 'pungli-imigrasi-perak', reporter='@surabayaterkini')

p = desa('Peunayong', '1171')
add('sms', '2026-04-07T01:00:00Z', 'lingkungan', p, "sampah di pasar peunayong banda aceh numpuk, bau busuk", 'sampah-peunayong', reporter='081411110601')
add('web', '2026-04-07T05:00:00Z', 'lingkungan', p, "Tumpukan sampah di kawasan Pasar Peunayong, Kuta Alam, Banda Aceh tidak diangkut selama lima hari dan menimbulkan bau.", 'sampah-peunayong', reporter='aceh@contoh.id')

p = desa('Cikole', '3217')
add('sms', '2026-04-08T01:00:00Z', 'infrastruktur', p, "jalan ka cikole lembang ruksak, loba liang, mobil sering mogok", 'jalan-cikole', reporter='081411110701', note='Sundanese')
add('social', '2026-04-08T04:00:00Z', 'infrastruktur', p, "Jalan menuju Desa Cikole Lembang rusak parah, berlubang di mana2. KBB tolong perbaiki", 'jalan-cikole', reporter='@lembang_info')
add('web', '2026-04-08T07:00:00Z', 'infrastruktur', p, "Ruas jalan desa di Cikole, Kecamatan Lembang, Kabupaten Bandung Barat rusak berat dan berlubang sehingga kendaraan wisata sering terperosok.", 'jalan-cikole', reporter='wisata@contoh.id')

p = desa('Dinoyo', '3573')
add('sms', '2026-04-09T01:00:00Z', 'ketertiban', p, "pkl di dinoyo malang makan badan jalan, macet tiap sore", 'pkl-dinoyo', reporter='081411110801')
add('social', '2026-04-09T06:00:00Z', 'ketertiban', p, "PKL Dinoyo Malang pakai separuh jalan, Satpol PP Kota Malang kemana?", 'pkl-dinoyo', reporter='@ngalamcity')

p = desa('Rawamangun', '3175')
add('sms', '2026-04-10T01:00:00Z', 'telekomunikasi', p, "internet indihome di rawamangun mati 3 hari", 'indihome-rawamangun', reporter='081411110901')
add('social', '2026-04-10T02:00:00Z', 'telekomunikasi', p, "Indihome gangguan massal di Rawamangun Pulogadung udah 3 hari, call center cuma janji", 'indihome-rawamangun', reporter='@jaktimnet')

p = desa('Kauman', '3372')
add('sms', '2026-04-11T01:00:00Z', 'sosial', p, "bansos beras kauman pasar kliwon solo ora dibagi rata, sing oleh malah sedulure pak rt", 'bansos-kauman', reporter='081411111001', note='Javanese')
add('web', '2026-04-11T04:00:00Z', 'sosial', p, "Pembagian bantuan beras di Kelurahan Kauman, Pasar Kliwon, Surakarta tidak merata dan diduga diberikan kepada kerabat ketua RT.", 'bansos-kauman', reporter='solo@contoh.id')

# singles
add('sms', '2026-04-12T01:00:00Z', 'perhubungan', kab('3171'), "krl di stasiun gambir eh juanda telat trs, penumpang numpuk")
add('sms', '2026-04-12T02:00:00Z', 'kepolisian', kab('3273'), "maling motor di parkiran stasiun bandung, polsek blm respon")
add('social', '2026-04-12T03:00:00Z', 'perhubungan', kab('3671'), "Antrian taksi di Bandara Soekarno-Hatta berantakan, sopir taksi gelap maksa penumpang")
add('sms', '2026-04-12T04:00:00Z', 'kesehatan', kab('3404'), "antri di rs sardjito 5 jam buat kontrol bpjs")
add('sms', '2026-04-12T05:00:00Z', 'perhubungan', kab('3471'), "parkir nuthuk di malioboro 20rb motor")
add('sms', '2026-04-12T06:00:00Z', 'energi', kab('3374'), "lampu mati di pedurungan kidul dari sore smpe skrg")
add('sms', '2026-04-12T07:00:00Z', 'air_bersih', kab('5371'), "air pdam di oebobo kupang sonde mengalir su satu minggu", note='Kupang Malay')
add('social', '2026-04-12T08:00:00Z', 'infrastruktur', kab('6472'), "Jalan di Lok Bahu Samarinda amblas, truk sering terjebak")
add('sms', '2026-04-12T09:00:00Z', 'korupsi_pungli', kab('3273'), "di kantor samsat bandung ada pungli cek fisik 50rb")
add('email', '2026-04-12T10:00:00Z', 'korupsi_pungli', kab('3275'), "Petugas Disdukcapil Kota Bekasi meminta uang Rp 300.000 untuk mempercepat pembuatan KK baru.", subject='Pungli KK')
add('sms', '2026-04-12T11:00:00Z', 'pendidikan', kab('3578'), "ppdb zonasi sby anak sy ga ketrima padahal rumah dkt sekolah")
add('sms', '2026-04-12T12:00:00Z', 'lingkungan', kab('5271'), "abrasi pantai di ampenan mataram makin parah rumah warga terancam")
add('sms', '2026-04-12T13:00:00Z', 'perizinan', kab('3273'), "izin usaha oss udh diajuin 2 bln ga ada kabar di dpmptsp bandung")
add('sms', '2026-04-12T14:00:00Z', 'ketenagakerjaan', kab('3216'), "di phk sepihak dr pabrik di cikarang, pesangon ga dibayar")
add('social', '2026-04-12T15:00:00Z', 'kependudukan', kab('6271'), "Urus KK di Disdukcapil Palangka Raya dilempar2 loket, 3x bolak balik")
add('sms', '2026-04-12T16:00:00Z', 'pajak', kab('3174'), "tagihan pbb rumah sy di jaksel salah luas tanah, mau revisi dimana")
add('sms', '2026-04-12T17:00:00Z', 'air_bersih', kab('3273'), "cai ledeng di braga teu ngocor ti kamari", note='Sundanese')
add('sms', '2026-04-12T18:00:00Z', 'energi', kab('7171'), "lampu padam trus di tuminting, so dua hari", note='Manado Malay')
add('sms', '2026-04-12T19:00:00Z', 'infrastruktur', kab('8171'), "jalan di benteng ambon rusak, lubang banyak")
add('sms', '2026-04-12T20:00:00Z', 'lainnya', None, "terima kasih atas pelayanannya kemarin, sangat membantu")
write(OUT / 'routing_b' / 'complaints.jsonl', S)
