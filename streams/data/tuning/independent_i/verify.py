"""Independent checks for complaints.jsonl. Prints counts and OK (exit 1 on any failure)."""
import json, os, sys
from collections import Counter, defaultdict
from datetime import datetime
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))
import lookup

FIELDS = ["id", "channel", "subject", "text", "reporter", "received_at", "topic", "region_code",
          "kecamatan_code", "cluster", "duplicate_of", "trap_of", "note"]
TOPICS = ["pertanahan", "infrastruktur", "kependudukan", "kesehatan", "pendidikan", "sosial", "energi",
          "air_bersih", "lingkungan", "perhubungan", "ketertiban", "kepolisian", "ketenagakerjaan",
          "perizinan", "pajak", "korupsi_pungli", "telekomunikasi", "lainnya"]
errs = []
def err(m): errs.append(m)

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "complaints.jsonl")
rows = [json.loads(l) for l in open(path, encoding="utf-8")]
by = {}
for i, r in enumerate(rows):
    if list(r) != FIELDS: err(f"line {i+1}: field order {list(r)}")
    if r["id"] in by: err(f"duplicate id {r['id']}")
    by[r["id"]] = r
ts = lambda r: datetime.strptime(r["received_at"], "%Y-%m-%dT%H:%M:%SZ")
prev = None
n = 0
for r in rows:
    t = ts(r)
    if prev and t < prev: err(f"{r['id']}: not sorted by received_at")
    prev = t
    if not (datetime(2026, 4, 1) <= t < datetime(2026, 5, 1)): err(f"{r['id']}: outside 2026-04")
    if r["duplicate_of"] is None:
        n += 1
        if r["id"] != f"c-{n:04d}": err(f"{r['id']}: expected c-{n:04d}")
    ch = r["channel"]
    if ch not in ("web", "sms", "social", "email"): err(f"{r['id']}: channel")
    if (ch == "email") != bool(r["subject"]): err(f"{r['id']}: subject rule")
    rep = r["reporter"]
    if ch == "sms" and not (rep and rep.startswith("+62")): err(f"{r['id']}: sms reporter")
    if ch == "social" and not (rep and rep.startswith("@")): err(f"{r['id']}: social reporter")
    if ch == "email" and not (rep and rep.endswith("@example.id")): err(f"{r['id']}: email reporter")
    if ch == "web" and rep is not None and not (rep.startswith("+62") or rep.endswith("@example.id")): err(f"{r['id']}: web reporter")
    if r["topic"] not in TOPICS: err(f"{r['id']}: topic")
    rc, kc = r["region_code"], r["kecamatan_code"]
    if rc is not None and not lookup.is_kab(rc): err(f"{r['id']}: region_code {rc} not in gazetteer")
    if kc is not None:
        if rc is None or not kc.startswith(rc) or not lookup.is_kec(kc): err(f"{r['id']}: kecamatan_code {kc}")
    if not r["text"].strip(): err(f"{r['id']}: empty text")

# resends
for r in rows:
    d = r["duplicate_of"]
    if d is None:
        continue
    o = by.get(d)
    if not o: err(f"{r['id']}: duplicate_of unknown"); continue
    if o["duplicate_of"]: err(f"{r['id']}: resend of a resend")
    if not r["id"].startswith(d + "-r"): err(f"{r['id']}: resend id")
    if (o["channel"], o["reporter"]) != (r["channel"], r["reporter"]): err(f"{r['id']}: resend reporter/channel differ")
    if r["cluster"] != o["cluster"]: err(f"{r['id']}: resend cluster")
    if (r["topic"], r["region_code"], r["kecamatan_code"]) != (o["topic"], o["region_code"], o["kecamatan_code"]): err(f"{r['id']}: resend labels differ")
    gap = (ts(r) - ts(o)).total_seconds() / 60
    if not (2 <= gap <= 45): err(f"{r['id']}: resend gap {gap:.1f} min")

# clusters
cl = defaultdict(list)
for r in rows:
    cl[r["cluster"]].append(r)
for cid, ms in cl.items():
    if cid not in by: err(f"cluster {cid} unknown"); continue
    if by[cid]["cluster"] != cid: err(f"cluster lead {cid} not own cluster")
    if min(ts(m) for m in ms) != ts(by[cid]) or ms[0]["id"] != cid: err(f"cluster {cid}: lead is not first report")
    orig = [m for m in ms if not m["duplicate_of"]]
    if len({(m["topic"], m["region_code"]) for m in orig}) != 1: err(f"cluster {cid}: members disagree on topic/region")
    if len(orig) > 1:
        reps = [(m["channel"], m["reporter"]) for m in orig]
        if len(set(reps)) != len(reps): err(f"cluster {cid}: same reporter twice (not as resend)")
        if len(orig) > 6: err(f"cluster {cid}: {len(orig)} members > 6")
        s = sorted(ts(m) for m in orig)
        for a, b in zip(s, s[1:]):
            h = (b - a).total_seconds() / 3600
            if not (0.25 <= h <= 70.5): err(f"cluster {cid}: gap {h:.2f} h")
# traps
for r in rows:
    t = r["trap_of"]
    if t is None: continue
    if t not in by: err(f"{r['id']}: trap_of unknown"); continue
    if by[t]["cluster"] == r["cluster"]: err(f"{r['id']}: trap in the cluster it points to")
    if ts(r) <= ts(by[t]): err(f"{r['id']}: trap precedes its target")

orig_rows = [r for r in rows if not r["duplicate_of"]]
sizes = Counter(len([m for m in ms if not m["duplicate_of"]]) for ms in cl.values())
multi = [ms for ms in cl.values() if len([m for m in ms if not m["duplicate_of"]]) >= 2]
multich = sum(1 for ms in multi if len({m["channel"] for m in ms if not m["duplicate_of"]}) >= 2)
singles = Counter(ms[0]["topic"] for ms in cl.values() if len([m for m in ms if not m["duplicate_of"]]) == 1)
topics = Counter(r["topic"] for r in rows)
provs = {r["region_code"][:2] for r in rows if r["region_code"]}
print(f"complaints: {len(rows)} (originals {len(orig_rows)}, resends {len(rows)-len(orig_rows)})")
print("channels:", dict(Counter(r['channel'] for r in rows)))
print("topics:", dict(sorted(topics.items())))
print("singles per topic:", dict(sorted(singles.items())))
print(f"provinces: {len(provs)}/38  kab/kota: {len({r['region_code'] for r in rows if r['region_code']})}  kecamatan: {len({r['kecamatan_code'] for r in rows if r['kecamatan_code']})}")
print(f"region_code null: {sum(r['region_code'] is None for r in rows)}  kecamatan_code null: {sum(r['kecamatan_code'] is None for r in rows)}")
print("cluster sizes (originals):", dict(sorted(sizes.items())))
print(f"duplicate clusters (>=2): {len(multi)}  multi-channel: {multich}")
print(f"traps: {sum(1 for r in rows if r['trap_of'])}  resends: {len(rows)-len(orig_rows)}")
print(f"date range: {rows[0]['received_at']} .. {rows[-1]['received_at']}")
if errs:
    print("\n".join(errs[:50])); print(f"FAILED ({len(errs)} errors)"); sys.exit(1)
print("OK")
