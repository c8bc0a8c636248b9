"""Tiny helpers used by the hand-written batch files."""

LANGS = ("Javanese", "Sundanese", "Minang", "Betawi", "Banjar", "Bugis", "Makassar", "Manado", "Ambon",
         "Kupang", "Papuan", "Acehnese", "Balinese", "Batak", "Medan", "Madurese", "Palembang", "Malay")


def C(ch, topic, place, text, subj=None, k=None, cl=None, trap=None, note=None):
    """One complaint. place: 'Kab/Kota[|Kecamatan[|Desa]]' or None. cl: cluster name shared by
    paraphrases of the same problem. trap: key (k) of the item this one looks like but is not."""
    assert ch in ("web", "sms", "social", "email"), ch
    assert (ch == "email") == (subj is not None), (ch, text[:40])
    return dict(kind="c", ch=ch, topic=topic, place=place, text=text, subj=subj, k=k, cl=cl, trap=trap, note=note)


def R(of, text=None, note="exact resend"):
    """An exact (or nearly exact) resend of item with key `of`, same reporter and channel, minutes later."""
    return dict(kind="r", of=of, text=text, note=note)
