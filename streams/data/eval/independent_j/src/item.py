"""Tiny record helpers used by the hand-written batch files."""


def C(ch, topic, place, text, subj=None, k=None, cl=None, tr=None, note=None):
    """One hand-written complaint.
    ch: web/sms/social/email; place: 'Kab/Kota[|Kec[|Desa]]' names or None;
    k: local key for references; cl: cluster label shared by reports of the same problem;
    tr: key of the complaint this one is a look-alike trap of."""
    return dict(channel=ch, topic=topic, place=place, text=text, subject=subj, k=k, cl=cl, tr=tr, note=note, rs=None)


def R(orig_key, text=None, note="exact resend minutes later"):
    """Exact (or nearly exact) resend of the item with key orig_key by the same reporter and channel."""
    return dict(rs=orig_key, text=text, note=note, k=None, cl=None, tr=None)
