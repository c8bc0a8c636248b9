"""Assemble src/batches/*.py into ../complaints.jsonl.  Aborts on any problem."""
import glob, hashlib, importlib.util, json, os, re, sys
from datetime import datetime, timedelta
import lookup

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "complaints.jsonl")
TOPICS = {"pertanahan", "infrastruktur", "kependudukan", "kesehatan", "pendidikan", "sosial", "energi",
          "air_bersih", "lingkungan", "perhubungan", "ketertiban", "kepolisian", "ketenagakerjaan",
          "perizinan", "pajak", "korupsi_pungli", "telekomunikasi", "lainnya"}
KEYS = {"k", "ch", "t", "top", "kab", "kec", "desa", "subj", "rep", "txt", "cl", "dup", "trap", "note", "lang"}


def die(msg):
    sys.exit("BUILD ABORT: " + msg)


def fake_phone(key):
    h = int(hashlib.sha256(key.encode()).hexdigest(), 16)
    return "08" + str(12 + h % 7) + str(h // 7 % 10**8).zfill(8)


recs = []
for f in sorted(glob.glob(os.path.join(HERE, "batches", "b*.py"))):
    spec = importlib.util.spec_from_file_location(os.path.basename(f)[:-3], f)
    m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    for r in m.R:
        r = dict(r); r["_batch"] = os.path.basename(f)
        bad = set(r) - KEYS - {"_batch"}
        if bad: die(f"{r.get('k')}: unknown keys {bad}")
        recs.append(r)

by = {}
for r in recs:
    if r["k"] in by: die("duplicate key " + r["k"])
    by[r["k"]] = r

# resends inherit channel/reporter/topic/place/cluster from the original
for r in recs:
    if r.get("dup"):
        o = by.get(r["dup"]) or die(f"{r['k']}: dup of unknown {r['dup']}")
        if o.get("dup"): die(f"{r['k']}: dup chain")
        for f in ("ch", "rep", "top", "kab", "kec", "desa", "subj", "lang", "txt"):
            r.setdefault(f, o.get(f))
        r["cl"] = o.get("cl") or o["k"]

ERRS = []
for r in recs:
    k = r["k"]
    if r.get("ch") not in ("web", "sms", "social", "email"): die(f"{k}: channel {r.get('ch')}")
    if r.get("top") not in TOPICS: die(f"{k}: topic {r.get('top')}")
    if not re.fullmatch(r"\d\d-\d\d \d\d:\d\d", r.get("t", "")): die(f"{k}: time {r.get('t')}")
    r["_dt"] = datetime.strptime("2026-" + r["t"], "%Y-%m-%d %H:%M")
    if not r.get("txt") or len(r["txt"].strip()) < 15: die(f"{k}: text too short")
    r["txt"] = r["txt"].strip("\n")
    # place
    kab = kec = None
    try:
        if r.get("kab"):
            kab = lookup.kab(r["kab"])
            if r.get("kec"):
                kec = lookup.kec(r["kec"], kab)
            if r.get("desa"):
                d = lookup.desa(r["desa"], kab, kec)
                if kec and d != kec: die(f"{k}: desa {r['desa']} not in kec {r['kec']}")
                kec = d
        elif r.get("kec") or r.get("desa"):
            die(f"{k}: kec/desa without kab")
    except lookup.LookupAbort as e:
        ERRS.append(f"{k}: {e}"); continue
    r["_kab"], r["_kec"] = kab, kec
    # reporter
    ch = r["ch"]
    rep = r.get("rep")
    if ch == "sms":
        if rep is None: rep = fake_phone(r.get("dup") or k)
        if not re.fullmatch(r"(\+62|0)8\d{8,11}", rep): die(f"{k}: sms reporter {rep}")
    elif ch == "social":
        if not (rep and re.fullmatch(r"@\w{3,30}", rep)): die(f"{k}: social reporter {rep}")
    elif ch == "email":
        if not (rep and rep.endswith("@example.id")): die(f"{k}: email reporter {rep}")
        if not r.get("subj"): die(f"{k}: email without subject")
    elif ch == "web":
        if rep == "phone": rep = fake_phone(r.get("dup") or k)
        if rep is not None and not (rep.endswith("@example.id") or re.fullmatch(r"(\+62|0)8\d{8,11}", rep)):
            die(f"{k}: web reporter {rep}")
    if ch != "email" and r.get("subj"): die(f"{k}: subject on non-email")
    r["rep"] = rep

if ERRS: die("place lookup failed:\n  " + "\n  ".join(ERRS))
recs.sort(key=lambda r: (r["_dt"], r["k"]))
n = 0
for r in recs:
    if not r.get("dup"):
        n += 1; r["_id"] = f"c-{n:04d}"
for r in recs:
    if r.get("dup"):
        o = by[r["dup"]]
        sib = sorted([x for x in recs if x.get("dup") == r["dup"]], key=lambda x: x["_dt"])
        i = sib.index(r)
        r["_id"] = o["_id"] + ("-r" if i == 0 else f"-r{i+1}")
        if r["rep"] != o["rep"] or r["ch"] != o["ch"]: die(f"{r['k']}: resend reporter/channel differ")
        dt = (r["_dt"] - o["_dt"]).total_seconds() / 60
        if not (0 < dt <= 90): die(f"{r['k']}: resend {dt} minutes after original")

# clusters
groups = {}
for r in recs:
    groups.setdefault(r.get("cl") or r["k"], []).append(r)
for lab, g in groups.items():
    if lab not in by and len(g) == 1 and not lab == g[0]["k"]:
        pass
    first = min(g, key=lambda x: (x["_dt"], x["k"]))
    cid = first["_id"]
    members = [x for x in g if not x.get("dup")]
    if len(members) > 4: die(f"cluster {lab}: {len(members)} members")
    if len(members) > 1:
        reps = [x["rep"] for x in members]
        if len(set(reps)) != len(reps) or None in reps and reps.count(None) > 1 and False:
            die(f"cluster {lab}: repeated reporter {reps}")
        kabs = {x["_kab"] for x in members}
        if len(kabs) != 1: die(f"cluster {lab}: members in different kab {kabs}")
        tops = {x["top"] for x in members}
        if len(tops) != 1: die(f"cluster {lab}: different topics {tops}")
        span = (max(x["_dt"] for x in members) - min(x["_dt"] for x in members))
        if span > timedelta(days=14, hours=1): die(f"cluster {lab}: span {span}")
    for x in g:
        x["_cl"] = cid
for r in recs:
    if r.get("trap"):
        o = by.get(r["trap"]) or die(f"{r['k']}: trap of unknown {r['trap']}")
        if o["_cl"] == r["_cl"]: die(f"{r['k']}: trap in same cluster as {o['k']}")
        if o.get("dup"): die(f"{r['k']}: trap points at a resend")
        r["_trap"] = o["_id"]

with open(OUT, "w", encoding="utf-8") as f:
    for r in recs:
        o = {"id": r["_id"], "channel": r["ch"], "subject": r.get("subj") if r["ch"] == "email" else None,
             "text": r["txt"], "reporter": r["rep"], "received_at": r["_dt"].strftime("%Y-%m-%dT%H:%M:00Z"),
             "topic": r["top"], "region_code": r["_kab"], "kecamatan_code": r["_kec"], "cluster": r["_cl"],
             "duplicate_of": by[r["dup"]]["_id"] if r.get("dup") else None,
             "trap_of": r.get("_trap"), "note": r.get("note")}
        f.write(json.dumps(o, ensure_ascii=False) + "\n")

# side file with per-line language tags for the README counts (not part of the format)
with open(os.path.join(HERE, "languages.json"), "w") as f:
    json.dump({r["_id"]: r.get("lang") or "id" for r in recs}, f, indent=0, sort_keys=True)
print(f"wrote {len(recs)} lines ({n} originals) to complaints.jsonl")
