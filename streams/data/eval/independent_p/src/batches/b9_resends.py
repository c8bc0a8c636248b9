# Batch 9: exact or nearly exact resends (same reporter & channel minutes later).
# Channel, reporter, place, topic and (when txt is omitted) text are copied from the original by build.py.
R = [
dict(k="tp2r", dup="tp2", t="03-04 12:36", note="exact resend"),
dict(k="ckr2r", dup="ckr2", t="03-10 19:52", note="exact resend"),
dict(k="bgb2r", dup="bgb2", t="03-03 21:17", note="double post"),
dict(k="rob2r", dup="rob2", t="03-02 17:31", note="exact resend"),
dict(k="rob2r2", dup="rob2", t="03-02 17:40", txt="rob tambak lorok smp dengkul lg, pompa mati. warga ra iso turu, tlg dibantu!!", note="second resend, nearly same"),
dict(k="tugu2r", dup="tugu2", t="03-08 09:48", txt="Kemarin malam (Sabtu) juru parkir di Jl. Pasar Kembang, Sosromenduran meminta Rp 20.000 untuk satu motor tanpa karcis. Mohon Dishub menertibkan juru parkir tersebut. Terima kasih.", note="nearly same resend"),
dict(k="jbg1r", dup="jbg1", t="03-04 20:21", note="exact resend"),
dict(k="tdi2r", dup="tdi2", t="03-02 12:40", note="exact resend"),
dict(k="p16_2r", dup="p16_2", t="03-05 07:47", note="exact resend"),
dict(k="alk1r", dup="alk1", t="03-03 06:26", note="exact resend"),
dict(k="osp2r", dup="osp2", t="03-07 09:20", note="exact resend"),
dict(k="umi2r", dup="umi2", t="03-02 17:46", note="exact resend"),
dict(k="kdu2r", dup="kdu2", t="03-03 20:03", note="double post"),
dict(k="ckk1r", dup="ckk1", t="03-05 13:35", note="e-mail sent twice"),
dict(k="skck_depokr", dup="skck_depok", t="03-11 08:09", note="exact resend"),
dict(k="jkn_appr", dup="jkn_app", t="04-07 13:44", txt="Aplikasi Mobile JKN gagal terus pas mau ambil antrean faskes, OTP ga pernah masuk 😩😩 @BPJSKesehatanRI #MobileJKN", note="nearly same resend, no place"),
]
