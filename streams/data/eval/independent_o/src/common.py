"""Helpers for hand-written batches."""
ITEMS = []
RESENDS = []

def C(key, ch, at, topic, place, text, subj=None, rep=None, cl=None, trap=None, note=None, lang=None):
    ITEMS.append(dict(key=key, ch=ch, at=at, topic=topic, place=place, text=text, subj=subj,
                      rep=rep, cl=cl, trap=trap, note=note, lang=lang))

def R(orig, minutes, text=None, note=None):
    """Exact resend of item `orig` by the same reporter/channel `minutes` later (text None = identical)."""
    RESENDS.append(dict(orig=orig, minutes=minutes, text=text, note=note))
