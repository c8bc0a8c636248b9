# Exact or near-exact resends: same reporter and channel, minutes later.
# t=None means an exact copy of the original text.
J = "b1_clusters_java#"; O = "b2_clusters_outer#"; M = "b3_clusters_more#"
P = "b5_singles_pungli#"; A = "b6_singles_admin#"; S = "b7_singles_services#"
ITEMS = [
dict(dup=J+"1", t=None, note="exact resend (SMS)"),
dict(dup=J+"5", t="PDAM ngadat lg di keputih 3 hr ga ngalir blas. kpn normal??", note="near-exact resend, extra '?'"),
dict(dup="pungli_samsat_smg1", t=None, note="exact web resend"),
dict(dup=J+"36", t=None, note="exact resend"),
dict(dup=O+"12", t="beta di batu merah air seng kaluar 1 minggu, tolong jua pak", note="near-exact; Ambonese"),
dict(dup=O+"29", t=None, note="exact resend; Kupang Malay"),
dict(dup="dukcapil_mks1", t=None, note="exact web resend"),
dict(dup=O+"46", t="lampu mati trus di timika kota, sa pu usaha rugi, pln tolong!!", note="near-exact; Papuan"),
dict(dup=M+"1", t=None, note="exact resend"),
dict(dup=M+"1", t="ptsl pakansari ditarik 2,5jt/bidang sama panitia, katanya utk patok & materai. tlg", note="second resend, near-exact"),
dict(dup=M+"22", t=None, note="exact resend"),
dict(dup=P+"0", t=None, note="exact resend of single (immigration pungli)"),
dict(dup=P+"3", t="ujian sim di satpas cikarang ga lulus2, ditawarin lulus asal 650rb. resmi cuma 100rb. tolong", note="near-exact resend"),
dict(dup=P+"26", t=None, note="exact resend; Makassar"),
dict(dup=A+"13", t=None, note="exact resend"),
dict(dup=A+"41", t="kartu kis sy nonaktif tiba2, sy org sonde mampu, dinsos kupang tlg bantu", note="near-exact"),
dict(dup=S+"23", t=None, note="exact resend"),
dict(dup=S+"52", t="thr blm dibyr pabrik sepatu di jatiuwung, udh lwt lebaran. mhn dibantu", note="near-exact"),
dict(dup=S+"2", t=None, note="exact social resend"),
dict(dup="phk_btm1", t=None, note="exact email resend"),
dict(dup=S+"61", t=None, note="exact resend of test message"),
]
