"""Helper used by the hand-written batches. One call = one complaint.

I(key, channel, topic, place, text, subj=None, cl=None, dup=None, trap=None, note=None, rep=None)
  place : None | "Kab/Kota" | "Kab/Kota|Kecamatan" | "Kab/Kota|Kecamatan|Desa/Kelurahan"
          (names only; codes come from lookup.resolve; kecamatan level only when the TEXT determines it)
  cl    : key of the first report of the duplicate cluster this item belongs to
  dup   : key of the original message this item is an exact/near-exact resend of
  trap  : key of the complaint this look-alike resembles (different problem/place)
"""
ITEMS = []

def I(key, channel, topic, place, text, subj=None, cl=None, dup=None, trap=None, note=None, rep=None):
    assert channel in ("web", "sms", "social", "email"), key
    if channel == "email":
        assert subj, f"{key}: email needs subject"
    else:
        assert subj is None, f"{key}: subject only for email"
    ITEMS.append(dict(key=key, channel=channel, topic=topic, place=place, text=text.strip(),
                      subject=subj, cl=cl, dup=dup, trap=trap, note=note, rep=rep))
