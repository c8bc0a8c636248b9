"""Build ../complaints.jsonl from the hand-written batches (src/batch*.py).
Codes resolved from place names by lookup.resolve (aborts on missing/ambiguous names).
Timestamps / fake reporters are seeded synthetic values."""
import glob, importlib, json, os, random, sys
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import items, lookup

TOPICS = ["pertanahan", "infrastruktur", "kependudukan", "kesehatan", "pendidikan", "sosial", "energi",
          "air_bersih", "lingkungan", "perhubungan", "ketertiban", "kepolisian", "ketenagakerjaan",
          "perizinan", "pajak", "korupsi_pungli", "telekomunikasi", "lainnya"]

for f in sorted(glob.glob(os.path.join(HERE, "batch*.py"))):
    importlib.import_module(os.path.basename(f)[:-3])
ITEMS = items.ITEMS
by = {}
for it in ITEMS:
    assert it["key"] not in by, f"duplicate key {it['key']}"
    assert it["topic"] in TOPICS, f"{it['key']}: bad topic {it['topic']}"
    by[it["key"]] = it
errors = []
for it in ITEMS:
    if it["dup"] and it["text"] == "=":   # exact resend: copy the original text verbatim
        it["text"] = by[it["dup"]]["text"]
for it in ITEMS:
    try:
        it["region_code"], it["kecamatan_code"] = lookup.resolve(it["place"])
    except LookupError as e:
        errors.append(f"{it['key']}: {e}")
    for ref in ("cl", "dup", "trap"):
        if it[ref] and it[ref] not in by:
            errors.append(f"{it['key']}: {ref} -> unknown key {it[ref]}")
if errors:
    print("\n".join(errors)); sys.exit(1)

rng = random.Random(20260402)
START = datetime(2026, 4, 1, 0, 0, tzinfo=timezone.utc)
END = datetime(2026, 4, 30, 23, 0, tzinfo=timezone.utc)
H = timedelta(hours=1)

# cluster membership (resends are attached to their original, not counted here)
members = {}
for it in ITEMS:
    if it["dup"]:
        continue
    lead = it["cl"] or it["key"]
    assert by[lead]["cl"] is None, f"{it['key']}: cluster lead {lead} is itself a member"
    members.setdefault(lead, []).append(it)
for lead, ms in members.items():
    ms.sort(key=lambda m: m["key"] != lead)  # lead first (stable for the rest)

times = {}
# leads that are not traps first, then traps (after their target), iterate until all placed
pending = list(members)
rng.shuffle(pending)
guard = 0
while pending:
    guard += 1; assert guard < 10000, "unresolvable trap ordering"
    lead = pending.pop(0)
    n = len(members[lead])
    gaps = [rng.uniform(0.3, 70) for _ in range(n - 1)]
    span = timedelta(hours=sum(gaps))
    trap = by[lead]["trap"]
    if trap:
        if trap not in times:
            pending.append(lead); continue
        lo = times[trap] + timedelta(hours=0.5)
        hi = min(times[trap] + timedelta(hours=96), END - span)
        if hi <= lo:
            hi = lo + timedelta(minutes=30)
        base = lo + (hi - lo) * rng.random()
    else:
        latest = END - span - 2 * H
        base = START + (latest - START) * rng.random()
    t = base
    for i, m in enumerate(members[lead]):
        if i:
            t = t + timedelta(hours=gaps[i - 1])
        times[m["key"]] = t
# traps that are cluster members (not leads): ensure they come after their target
for it in ITEMS:
    if it["trap"] and it["cl"] and times[it["key"]] <= times[it["trap"]]:
        errors.append(f"{it['key']}: trap member placed before its target; make it a lead or reorder")
# resends: 2-45 min after the original (a second resend later than the first, still within 45 min)
for key in [x["key"] for x in ITEMS if not x["dup"]]:
    rs = [x for x in ITEMS if x["dup"] == key]
    if rs:
        assert not by[key]["dup"]
        offs = sorted(rng.uniform(2, 44) for _ in rs)
        for x, o in zip(rs, offs):
            times[x["key"]] = times[key] + timedelta(minutes=o)
if errors:
    print("\n".join(errors)); sys.exit(1)
for k in times:
    times[k] = times[k].replace(microsecond=0)

# fake reporters
used = set()
FIRST = ["andi", "budi", "sri", "dewi", "rahmat", "yusuf", "nining", "agus", "lina", "ketut", "made", "fitri",
         "hendra", "ucok", "daeng", "beta", "rina", "joko", "asep", "euis", "teguh", "wulan", "ikhsan", "nur",
         "yohanes", "maria", "frans", "siti", "imam", "ahmad", "putu", "bambang", "tini", "rizky", "ayu", "hasan"]
LAST = ["pratama", "saputra", "wijaya", "lestari", "hidayat", "siregar", "nasution", "tanjung", "sinaga", "manurung",
        "pattimura", "rumbiak", "wenda", "laoli", "rahman", "kusuma", "santoso", "maulana", "harahap", "lubis",
        "sembiring", "tambunan", "mokodompit", "lasut", "tahir", "syam", "ruslan", "basri", "utomo", "susanto"]
def fake(kind):
    while True:
        if kind == "phone":
            r = "+62813" + "".join(str(rng.randrange(10)) for _ in range(7))
        elif kind == "handle":
            r = "@" + rng.choice(FIRST) + rng.choice(["_", "", "."]) + rng.choice(LAST + ["warga", "kece", "id", "official"]) + str(rng.randrange(10, 999))
        else:
            r = rng.choice(FIRST) + "." + rng.choice(LAST) + str(rng.randrange(1, 99)) + "@example.id"
        if r not in used:
            used.add(r); return r

for it in ITEMS:
    if it["dup"]:
        continue
    if it["rep"] is not None:
        it["reporter"] = it["rep"]
    elif it["channel"] == "sms":
        it["reporter"] = fake("phone")
    elif it["channel"] == "social":
        it["reporter"] = fake("handle")
    elif it["channel"] == "email":
        it["reporter"] = fake("email")
    else:
        it["reporter"] = rng.choice([None, fake("phone"), fake("email")])
for it in ITEMS:
    if it["dup"]:
        o = by[it["dup"]]
        assert it["channel"] == o["channel"], f"{it['key']}: resend must use original channel"
        it["reporter"] = o["reporter"]

# ids in arrival order
order = sorted(ITEMS, key=lambda x: (times[x["key"]], x["key"]))
ids = {}
n = 0
for it in order:
    if it["dup"]:
        continue
    n += 1
    ids[it["key"]] = f"c-{n:04d}"
rcount = {}
for it in order:
    if it["dup"]:
        rcount[it["dup"]] = rcount.get(it["dup"], 0) + 1
        c = rcount[it["dup"]]
        ids[it["key"]] = ids[it["dup"]] + ("-r" if c == 1 else f"-r{c}")

def cluster_id(it):
    if it["dup"]:
        return cluster_id(by[it["dup"]])
    return ids[it["cl"] or it["key"]]

out = []
for it in order:
    out.append({
        "id": ids[it["key"]],
        "channel": it["channel"],
        "subject": it["subject"],
        "text": it["text"],
        "reporter": it["reporter"],
        "received_at": times[it["key"]].strftime("%Y-%m-%dT%H:%M:%SZ"),
        "topic": it["topic"],
        "region_code": it["region_code"],
        "kecamatan_code": it["kecamatan_code"],
        "cluster": cluster_id(it),
        "duplicate_of": ids[it["dup"]] if it["dup"] else None,
        "trap_of": ids[it["trap"]] if it["trap"] else None,
        "note": it["note"],
    })
with open(os.path.join(HERE, "..", "complaints.jsonl"), "w", encoding="utf-8") as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
print(f"wrote {len(out)} complaints")
