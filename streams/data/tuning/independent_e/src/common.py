"""Record constructor used by the hand-written batch files b*.py."""

TOPICS = ('pertanahan infrastruktur kependudukan kesehatan pendidikan sosial energi air_bersih lingkungan '
          'perhubungan ketertiban kepolisian ketenagakerjaan perizinan pajak korupsi_pungli telekomunikasi lainnya').split()


def C(key, ch, text, topic, place=None, kc=None, subj=None, cl=None, trap=None, note=None,
      rep=None, resend=(), lm=False):
    """key: unique source key; ch: web/sms/social/email; place: 'Kab/Kota|kecamatan|desa' or None;
    kc: code the kecamatan (default: True when a kecamatan is given); cl: cluster label shared by reports
    of the same real-world problem; trap: key of the record this one resembles but is not;
    rep: reporter label (same label -> same fake reporter); resend: list of resend texts (None = exact copy);
    lm: kecamatan determined by a landmark/street rather than by a name in the text."""
    assert topic in TOPICS, (key, topic)
    assert ch in ('web', 'sms', 'social', 'email'), (key, ch)
    assert (ch == 'email') == (subj is not None), (key, 'subject only and always for email')
    return dict(key=key, ch=ch, text=text, topic=topic, place=place, kc=kc, subj=subj, cl=cl, trap=trap,
                note=note, rep=rep, resend=list(resend), lm=lm)
