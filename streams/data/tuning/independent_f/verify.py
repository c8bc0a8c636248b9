"""Verify complaints.jsonl: structure, codes, links; print counts."""
import collections, json, os, re, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))
import wil

FIELDS = ["id", "channel", "subject", "text", "reporter", "received_at", "topic", "region_code",
          "kecamatan_code", "cluster", "duplicate_of", "trap_of", "note"]
TOPICS = ["pertanahan", "infrastruktur", "kependudukan", "kesehatan", "pendidikan", "sosial", "energi",
          "air_bersih", "lingkungan", "perhubungan", "ketertiban", "kepolisian", "ketenagakerjaan",
          "perizinan", "pajak", "korupsi_pungli", "telekomunikasi", "lainnya"]
KAB = {k.replace(".", "") for k in wil.WIL if len(k) == 5}
KEC = {k.replace(".", "") for k in wil.WIL if len(k) == 8}
errors = []


def err(msg):
    errors.append(msg)


path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "complaints.jsonl")
rows = []
with open(path, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        try:
            rows.append(json.loads(line))
        except Exception as e:
            err(f"line {n}: bad JSON {e}")
by_id = {}
for r in rows:
    if list(r.keys()) != FIELDS:
        err(f"{r.get('id')}: fields/order {list(r.keys())}")
    if r["id"] in by_id:
        err(f"duplicate id {r['id']}")
    by_id[r["id"]] = r
prev = ""
for r in rows:
    i = r["id"]
    if not re.fullmatch(r"c-\d{4}(-r\d*)?", i):
        err(f"{i}: bad id")
    if r["channel"] not in ("web", "sms", "social", "email"):
        err(f"{i}: channel")
    if r["channel"] == "email":
        if not (isinstance(r["subject"], str) and r["subject"].strip()):
            err(f"{i}: email without subject")
        if not (r["reporter"] or "").endswith("@example.id"):
            err(f"{i}: email reporter")
    elif r["subject"] is not None:
        err(f"{i}: subject on non-email")
    rep = r["reporter"]
    if r["channel"] == "sms" and not re.fullmatch(r"\+6281300\d{6}", rep or ""):
        err(f"{i}: sms reporter {rep}")
    if r["channel"] == "social" and not re.fullmatch(r"@\w[\w.]*", rep or ""):
        err(f"{i}: social reporter {rep}")
    if r["channel"] == "web" and rep is not None and not (re.fullmatch(r"\+6281300\d{6}", rep) or rep.endswith("@example.id")):
        err(f"{i}: web reporter {rep}")
    if r["channel"] == "sms" and len(r["text"]) >= 160:
        err(f"{i}: sms text {len(r['text'])} chars")
    if not isinstance(r["text"], str) or not r["text"].strip():
        err(f"{i}: empty text")
    if not re.fullmatch(r"2026-05-\d\dT\d\d:\d\d:\d\dZ", r["received_at"]):
        err(f"{i}: received_at {r['received_at']}")
    if r["received_at"] < prev:
        err(f"{i}: not sorted by received_at")
    prev = r["received_at"]
    if r["topic"] not in TOPICS:
        err(f"{i}: topic {r['topic']}")
    rc, kc = r["region_code"], r["kecamatan_code"]
    if rc is not None and rc not in KAB:
        err(f"{i}: region_code {rc} not in gazetteer")
    if kc is not None:
        if rc is None or kc not in KEC or not kc.startswith(rc):
            err(f"{i}: kecamatan_code {kc} inconsistent with {rc}")
    if r["note"] is not None and not isinstance(r["note"], str):
        err(f"{i}: note")
# non-resend ids are c-0001.. in arrival order
base = [r["id"] for r in rows if "-r" not in r["id"]]
if base != [f"c-{n:04d}" for n in range(1, len(base) + 1)]:
    err("base ids not consecutive in arrival order")
# links
members = collections.defaultdict(list)
for r in rows:
    members[r["cluster"]].append(r)
for c, mem in members.items():
    if c not in by_id:
        err(f"cluster {c} not an id")
        continue
    first = min(mem, key=lambda x: (x["received_at"], x["id"]))
    if first["id"] != c:
        err(f"cluster {c}: first member is {first['id']}")
    if by_id[c]["cluster"] != c:
        err(f"cluster {c}: head not in own cluster")
for r in rows:
    i = r["id"]
    if r["duplicate_of"]:
        o = by_id.get(r["duplicate_of"])
        if not o:
            err(f"{i}: duplicate_of missing")
            continue
        if not re.fullmatch(re.escape(o["id"]) + r"-r\d*", i):
            err(f"{i}: resend id does not derive from {o['id']}")
        if o["reporter"] != r["reporter"] or o["channel"] != r["channel"]:
            err(f"{i}: resend reporter/channel differ")
        if o["cluster"] != r["cluster"]:
            err(f"{i}: resend not in original's cluster")
        if not o["received_at"] < r["received_at"]:
            err(f"{i}: resend not after original")
        if o["topic"] != r["topic"] or o["region_code"] != r["region_code"] or o["kecamatan_code"] != r["kecamatan_code"]:
            err(f"{i}: resend labels differ")
        from datetime import datetime
        dt = (datetime.fromisoformat(r["received_at"][:-1]) - datetime.fromisoformat(o["received_at"][:-1])).total_seconds()
        if dt > 3600:
            err(f"{i}: resend more than an hour later")
    elif "-r" in i:
        err(f"{i}: -r id without duplicate_of")
    if r["trap_of"]:
        o = by_id.get(r["trap_of"])
        if not o:
            err(f"{i}: trap_of missing")
        elif o["cluster"] == r["cluster"]:
            err(f"{i}: trap in same cluster as {o['id']}")
# counts
topic = collections.Counter(r["topic"] for r in rows)
chan = collections.Counter(r["channel"] for r in rows)
provs = {r["region_code"][:2] for r in rows if r["region_code"]}
dup_clusters = {}
for c, mem in members.items():
    orig = [m for m in mem if not m["duplicate_of"]]
    if len(orig) >= 2:
        dup_clusters[c] = len(orig)
sizes = collections.Counter(dup_clusters.values())
bad_size = [c for c, n in dup_clusters.items() if not 2 <= n <= 6]
for c in bad_size:
    err(f"cluster {c} has {dup_clusters[c]} members (want 2-6)")
for c in dup_clusters:
    ch = {m["channel"] for m in members[c] if not m["duplicate_of"]}
    reps = [m["reporter"] for m in members[c] if not m["duplicate_of"]]
    if len(set(reps)) != len(reps):
        err(f"cluster {c}: members share a reporter")
    if len({m["region_code"] for m in members[c]}) != 1:
        err(f"cluster {c}: members in different kab/kota")
multi_ch = sum(1 for c in dup_clusters if len({m["channel"] for m in members[c] if not m["duplicate_of"]}) >= 2)
pungli_clusters = sum(1 for c in dup_clusters if by_id[c]["topic"] == "korupsi_pungli")
traps = sum(1 for r in rows if r["trap_of"])
resends = sum(1 for r in rows if r["duplicate_of"])
null_region = sum(1 for r in rows if r["region_code"] is None)
null_kec = sum(1 for r in rows if r["region_code"] and r["kecamatan_code"] is None)

print(f"complaints: {len(rows)}")
print("channels:", dict(sorted(chan.items())))
print("topics:", {t: topic[t] for t in TOPICS})
print(f"provinces: {len(provs)}  kab/kota: {len({r['region_code'] for r in rows if r['region_code']})}")
print(f"region_code null: {null_region}; kecamatan_code null with region set: {null_kec}")
print(f"duplicate clusters: {len(dup_clusters)} sizes {dict(sorted(sizes.items()))}; multi-channel {multi_ch}; pungli clusters {pungli_clusters}")
print(f"traps: {traps}  resends: {resends}")
req = [
    (len(rows) >= 420, "at least 420 complaints"),
    (all(topic[t] >= 12 for t in TOPICS), "every topic >= 12"),
    (len(provs) >= 25, "provinces >= 25"),
    (len(dup_clusters) >= 55, "duplicate clusters >= 55"),
    (traps >= 30, "traps >= 30"),
    (resends >= 20, "resends >= 20"),
    (pungli_clusters >= 2, "pungli clusters told by several citizens"),
]
for ok, what in req:
    if not ok:
        err(f"requirement failed: {what}")
if errors:
    print(f"FAIL: {len(errors)} problems")
    for e in errors[:60]:
        print("  ", e)
    sys.exit(1)
print("OK")
