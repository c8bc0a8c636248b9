def I(k, ch, t, p, text, **kw):
    """k key, ch channel, t topic, p place (prov, kab/kota, kecamatan|None) or None, text as written."""
    d = dict(k=k, ch=ch, t=t, p=p, text=text)
    d.update(kw)
    return d
