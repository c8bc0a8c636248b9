"""routing_c: more cross-channel clusters at the desa/kelurahan level and look-alike traps, for the pair verifier."""
from lib import *

p = desa('Cilandak Barat', '3174')
add('email', '2026-05-01T01:00:00Z', 'lingkungan', p, "Yth. Dinas Lingkungan Hidup, sampah di TPS Jalan Haji Nawi, Kelurahan Cilandak Barat, tidak diangkut sejak Senin sehingga meluber ke badan jalan dan menimbulkan bau.", 'tps-cilandak', subject='TPS penuh di Cilandak Barat', reporter='cilandak@contoh.id')
add('sms', '2026-05-01T02:30:00Z', 'lingkungan', p, "tps di cilandak barat udh luber smpe jalan, bau bgt, truk sampah ga dtg dr senin", 'tps-cilandak', reporter='081500000001')
add('social', '2026-05-01T05:00:00Z', 'lingkungan', p, "Sampah TPS Cilandak Barat numpuk ke jalan, baunya nyampe rumah. @dinaslhdki tolong diangkut", 'tps-cilandak', reporter='@jaksel24')
add('sms', '2026-05-01T06:00:00Z', 'lingkungan', desa('Kalibata', '3174'), "tps di kalibata luber, sampah ga diangkut 4 hari", 'tps-kalibata', reporter='081500000002', trap_of='tps-cilandak')

p = desa('Pedurungan Kidul', '3374')
add('sms', '2026-05-02T01:00:00Z', 'air_bersih', p, "air pdam ora mili neng pedurungan kidul wis 3 dino", 'pdam-pedurungan', reporter='081500000101', note='Javanese')
add('web', '2026-05-02T03:00:00Z', 'air_bersih', p, "Air PDAM Tirta Moedal di Kelurahan Pedurungan Kidul, Semarang tidak mengalir selama tiga hari.", 'pdam-pedurungan', reporter='smg@contoh.id')
add('social', '2026-05-02T05:00:00Z', 'air_bersih', p, "Udah 3 hari air PDAM mati di Pedurungan Kidul, warga beli air tangki. @pdamsemarang", 'pdam-pedurungan', reporter='@semarangkita')
add('sms', '2026-05-02T06:00:00Z', 'air_bersih', desa('Lamper Kidul', '3374'), "air pdam mati di lamper kidul dr kemarin", 'pdam-lamper', reporter='081500000102', trap_of='pdam-pedurungan')

p = desa('Wonokromo', '3578')
add('social', '2026-05-03T01:00:00Z', 'perhubungan', p, "Lampu lalu lintas perempatan Wonokromo mati, macet parah. @dishubsby", 'apill-wonokromo', reporter='@sby_traffic')
add('sms', '2026-05-03T01:40:00Z', 'perhubungan', p, "lampu merah di wonokromo mati dr pagi, semrawut", 'apill-wonokromo', reporter='081500000201')
add('email', '2026-05-03T04:00:00Z', 'perhubungan', p, "Kepada Dinas Perhubungan Kota Surabaya, alat pemberi isyarat lalu lintas di simpang Wonokromo padam sejak pagi sehingga terjadi kemacetan panjang.", 'apill-wonokromo', subject='APILL Wonokromo padam', reporter='pengendara@contoh.id')

p = desa('Kemayoran', '3171')
add('sms', '2026-05-04T01:00:00Z', 'energi', p, "listrik padam di kemayoran jakpus dari subuh, pln blm dateng", 'pln-kemayoran', reporter='081500000301')
add('social', '2026-05-04T02:00:00Z', 'energi', p, "Mati lampu dari subuh di Kemayoran, udah siang belum nyala. @pln_123", 'pln-kemayoran', reporter='@kemayoranid')
add('web', '2026-05-04T04:00:00Z', 'energi', p, "Pemadaman listrik di Kelurahan Kemayoran, Jakarta Pusat sejak pukul 05.00 tanpa pemberitahuan.", 'pln-kemayoran', reporter='kemayoran@contoh.id')

p = desa('Antapani Kidul', '3273')
add('sms', '2026-05-05T01:00:00Z', 'infrastruktur', p, "jalan di antapani kidul loba liang, ruksak parah", 'jalan-antapani', reporter='081500000401', note='Sundanese')
add('social', '2026-05-05T03:00:00Z', 'infrastruktur', p, "Jalan Antapani Kidul rusak berat, lubang di mana2. @pemkotbandung", 'jalan-antapani', reporter='@bandungjuara')
add('web', '2026-05-05T06:00:00Z', 'infrastruktur', p, "Jalan di Kelurahan Antapani Kidul, Kecamatan Antapani, Kota Bandung rusak dan berlubang banyak.", 'jalan-antapani', reporter='antapani@contoh.id')
add('sms', '2026-05-05T07:00:00Z', 'infrastruktur', desa('Kebon Pisang', '3273'), "jalan di kebon pisang sumur bandung rusak parah", 'jalan-kebonpisang', reporter='081500000402', trap_of='jalan-antapani')

p = desa('Ngampilan', '3471')
add('sms', '2026-05-06T01:00:00Z', 'kependudukan', p, "ngurus kk neng kelurahan ngampilan dipingpong, wis 3 minggu durung dadi", 'kk-ngampilan', reporter='081500000501', note='Javanese')
add('web', '2026-05-06T04:00:00Z', 'kependudukan', p, "Pengurusan Kartu Keluarga di Kelurahan Ngampilan, Kota Yogyakarta sudah tiga minggu belum selesai dan kami diminta bolak-balik.", 'kk-ngampilan', reporter='jogja@contoh.id')

p = desa('Tuminting', '7171')
add('sms', '2026-05-07T01:00:00Z', 'lingkungan', p, "sampah di kali tuminting so banyak skali, bau", 'sampah-tuminting', reporter='081500000601', note='Manado Malay')
add('social', '2026-05-07T04:00:00Z', 'lingkungan', p, "Sampah menumpuk di kali Tuminting Manado, bau menyengat. DLH Manado?", 'sampah-tuminting', reporter='@manado_news')

p = desa('Oebobo', '5371')
add('sms', '2026-05-08T01:00:00Z', 'energi', p, "lampu mati di oebobo kupang su dua hari, pln sonde datang", 'pln-oebobo', reporter='081500000701', note='Kupang Malay')
add('social', '2026-05-08T03:00:00Z', 'energi', p, "Listrik padam 2 hari di Oebobo Kupang, PLN belum datang juga", 'pln-oebobo', reporter='@kupangkita')
add('web', '2026-05-08T05:00:00Z', 'energi', p, "Pemadaman listrik di Kelurahan Oebobo, Kota Kupang berlangsung dua hari tanpa penjelasan PLN.", 'pln-oebobo', reporter='kupang@contoh.id')

p = desa('Pahandut', '6271')
add('sms', '2026-05-09T01:00:00Z', 'lingkungan', p, "asap karhutla masuk rumah di pahandut palangkaraya, anak2 sesak", 'asap-pahandut', reporter='081500000801')
add('social', '2026-05-09T03:00:00Z', 'lingkungan', p, "Kabut asap pekat di Pahandut Palangka Raya, ISPA naik. Pemadaman karhutla mana?", 'asap-pahandut', reporter='@kalteng_info')

p = desa('Benteng', '8171')
add('sms', '2026-05-10T01:00:00Z', 'air_bersih', p, "air pdam di benteng ambon seng mengalir su 4 hari", 'pdam-benteng', reporter='081500000901', note='Ambon Malay')
add('social', '2026-05-10T04:00:00Z', 'air_bersih', p, "Air PDAM mati 4 hari di Benteng, Ambon. Warga beli air galon", 'pdam-benteng', reporter='@ambonmanise')

p = desa('Lok Bahu', '6472')
add('sms', '2026-05-11T01:00:00Z', 'infrastruktur', p, "jalan di lok bahu samarinda amblas lg, truk sering terjebak", 'amblas-lokbahu', reporter='081500001001')
add('web', '2026-05-11T03:00:00Z', 'infrastruktur', p, "Badan jalan di Kelurahan Lok Bahu, Sungai Kunjang, Samarinda amblas dan truk sering terperosok.", 'amblas-lokbahu', reporter='samarinda@contoh.id')

p = desa('Ketabang', '3578')
add('email', '2026-05-12T01:00:00Z', 'korupsi_pungli', p, "Petugas Kelurahan Ketabang meminta uang Rp 150.000 untuk surat keterangan usaha yang seharusnya gratis.", 'pungli-ketabang', subject='Pungutan SKU', reporter='usaha@contoh.id')
add('sms', '2026-05-12T03:00:00Z', 'korupsi_pungli', p, "ngurus sku di kelurahan ketabang dimintai 150rb, katanya biaya adm", 'pungli-ketabang', reporter='081500001101')
add('sms', '2026-05-12T04:00:00Z', 'korupsi_pungli', desa('Sawahan', '3578'), "ngurus sku di kelurahan sawahan dimintai 150rb", 'pungli-sawahan', reporter='081500001102', trap_of='pungli-ketabang')

p = desa('Ampenan Tengah', '5271')
add('sms', '2026-05-13T01:00:00Z', 'sosial', p, "bansos sembako di ampenan tengah ga sampe ke warga miskin, malah ke keluarga kaling", 'bansos-ampenan', reporter='081500001201')
add('web', '2026-05-13T05:00:00Z', 'sosial', p, "Penyaluran bantuan sembako di Kelurahan Ampenan Tengah, Mataram tidak tepat sasaran; warga miskin tidak menerima.", 'bansos-ampenan', reporter='mataram@contoh.id')

p = desa('Manggarai', '3174')
add('social', '2026-05-14T01:00:00Z', 'kepolisian', p, "Tawuran lagi di Manggarai semalam, warga takut keluar. Polisi tolong patroli", 'tawuran-manggarai', reporter='@tebetinfo')
add('sms', '2026-05-14T02:00:00Z', 'kepolisian', p, "tawuran di manggarai tebet tiap malem, pake sajam, tolong polisi", 'tawuran-manggarai', reporter='081500001301')
add('web', '2026-05-14T04:00:00Z', 'kepolisian', p, "Tawuran antarwarga di Kelurahan Manggarai, Tebet terjadi berulang setiap malam dengan senjata tajam.", 'tawuran-manggarai', reporter='tebet@contoh.id')

p = desa('Sukabumi Selatan', '3173')
add('sms', '2026-05-15T01:00:00Z', 'telekomunikasi', p, "kabel fiber optik menjuntai di jalan sukabumi selatan, nyangkut motor", 'kabel-sukabumiselatan', reporter='081500001401')
add('social', '2026-05-15T03:00:00Z', 'telekomunikasi', p, "Kabel FO semrawut & menjuntai di Sukabumi Selatan Kebon Jeruk, bahaya buat pemotor", 'kabel-sukabumiselatan', reporter='@jakbarinfo')
add('sms', '2026-05-15T04:00:00Z', 'energi', p, "kabel listrik pln menjuntai di sukabumi selatan kebon jeruk", 'kabel-pln-sukabumiselatan', reporter='081500001402', trap_of='kabel-sukabumiselatan', note='same place, another utility')

write(OUT / 'routing_c' / 'complaints.jsonl', S)
