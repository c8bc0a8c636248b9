from pathlib import Path
GAZ = Path(__file__).resolve().parents[2] / "gazetteer"
OUT = Path(__file__).resolve().parents[1]
import gzip, csv, json
R = {r['code']: r['name'] for r in csv.DictReader(open(str(GAZ / 'regions.tsv')), delimiter='\t')}
D = [l.split('\t') for l in gzip.decompress(open(str(GAZ / 'desa.tsv.gz'), 'rb').read()).decode().splitlines()[1:]]

def desa(name, within):
    hits = [c for c, t, n in D if n.lower() == name.lower() and c.startswith(within)]
    assert len(hits) == 1, (name, within, hits)
    return hits[0]

def kec(name, within):
    hits = [c for c, n in R.items() if len(c) == 6 and n.lower() == name.lower() and c.startswith(within)]
    assert len(hits) == 1, (name, within, hits)
    return hits[0]

def kab(code):
    assert code in R, code
    return code

S = []


def add(channel, at, topic, place, text, cluster=None, subject=None, reporter=None, trap_of=None, note=None):
    """One line of a set: ``place`` is a gazetteer code (desa, kecamatan or kab/kota) or None."""
    S.append(dict(channel=channel, at=at, topic=topic, place=place, text=text, cluster=cluster, subject=subject,
                  reporter=reporter, trap_of=trap_of, note=note))


def write(path, rows):
    out = []
    for i, r in enumerate(rows):
        place = r.pop('place', None)
        rec = {"id": r.get("id") or f"{r['channel']}-{i:04d}", "channel": r['channel'], "subject": r.get('subject'),
               "text": r['text'], "reporter": r.get('reporter') or f"rep{i:04d}", "received_at": r['at'],
               "topic": r['topic'], "region_code": place[:4] if place else None,
               "kecamatan_code": place[:6] if place and len(place) >= 6 else None,
               "cluster": r.get('cluster') or f"single-{i:04d}", "duplicate_of": r.get('dup'),
               "trap_of": r.get('trap_of'), "note": r.get('note')}
        for prev in out:
            if prev["reporter"] == rec["reporter"] and prev["text"] == rec["text"]:
                rec["duplicate_of"] = prev["id"]
                break
        out.append(rec)
    with open(path, 'w') as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(path, len(out))
