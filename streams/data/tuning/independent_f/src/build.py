"""Build complaints.jsonl from hand-written batches src/b*_*.py.

Item keys in batches:
  k      local key (needed when referenced by trap/dup)
  ch     channel: web/sms/social/email
  subj   e-mail subject (email only)
  t      text (for a resend: None = exact copy of the original)
  topic  one of the 18 topics
  place  "kab/kota | kecamatan | desa" names, resolved through wil.py; None = no place
  cl     cluster key shared by reports of the same real-world problem
  dup    key of the original message (exact/near-exact resend)
  trap   key of the item this one resembles but is NOT the same problem
  rep    reporter key: items with the same rep share one fake reporter
  same_rep_as  key of an item whose reporter this item shares
  note   short English note
"""
import glob, importlib.util, json, os, random, sys
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import wil

TOPICS = {"pertanahan", "infrastruktur", "kependudukan", "kesehatan", "pendidikan", "sosial",
          "energi", "air_bersih", "lingkungan", "perhubungan", "ketertiban", "kepolisian",
          "ketenagakerjaan", "perizinan", "pajak", "korupsi_pungli", "telekomunikasi", "lainnya"}
WIB = timezone(timedelta(hours=7))
START = datetime(2026, 5, 4, 0, 0, tzinfo=WIB)
END = datetime(2026, 5, 24, 23, 59, tzinfo=WIB)
rng = random.Random(20261201)


def load():
    items = []
    for f in sorted(glob.glob(os.path.join(HERE, "b*_*.py")),
                    key=lambda p: int(os.path.basename(p)[1:].split("_")[0])):
        spec = importlib.util.spec_from_file_location(os.path.basename(f)[:-3], f)
        m = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(m)
        for i, it in enumerate(m.ITEMS):
            it = dict(it)
            it.setdefault("k", f"{os.path.basename(f)[:-3]}#{i}")
            items.append(it)
    keys = [it["k"] for it in items]
    dupk = {k for k in keys if keys.count(k) > 1}
    assert not dupk, f"duplicate keys {dupk}"
    return items


def rand_time(lo=START, hi=END):
    # citizens write mostly 05:00-23:30 WIB
    while True:
        t = lo + timedelta(seconds=rng.randint(0, int((hi - lo).total_seconds())))
        if 5 <= t.hour <= 23:
            return t.replace(second=0)


FIRST = ["budi", "sri", "agus", "dewi", "rahmat", "nur", "eko", "siti", "yohanes", "made", "ketut",
         "andi", "rina", "fajar", "putri", "hendra", "wayan", "asep", "ujang", "dian", "teguh", "maria",
         "rizky", "indah", "bambang", "fitri", "dodi", "lina", "hasan", "yuni", "arif", "novi"]
LAST = ["santoso", "wijaya", "lestari", "saputra", "hidayat", "siregar", "nasution", "pratama",
        "kusuma", "rahayu", "tanjung", "lubis", "manurung", "sitompul", "daeng", "pasaribu", "simanjuntak",
        "setiawan", "gunawan", "harahap", "ramadhan", "putra", "wulandari", "sinaga", "mandagi", "latuconsina"]
used = set()


def fake_reporter(ch):
    while True:
        if ch == "sms" or (ch == "web" and rng.random() < 0.4):
            r = "+6281300" + "".join(str(rng.randint(0, 9)) for _ in range(6))
        elif ch == "social":
            r = "@" + rng.choice(FIRST) + rng.choice(["_", "", "."]) + rng.choice(LAST)[:rng.randint(3, 8)] + str(rng.randint(1, 99))
        elif ch == "email" or (ch == "web" and rng.random() < 0.6):
            r = f"{rng.choice(FIRST)}.{rng.choice(LAST)}{rng.randint(1, 999)}@example.id"
        else:
            return None
        if r not in used:
            used.add(r)
            return r


def main():
    items = load()
    by_k = {it["k"]: it for it in items}
    for it in items:
        assert it.get("ch") in ("web", "sms", "social", "email") or it.get("dup"), it["k"]
        if it.get("dup"):
            o = by_k[it["dup"]]
            it["ch"] = o["ch"]
            for f in ("topic", "place", "subj"):
                it.setdefault(f, o.get(f))
            if it.get("t") is None:
                it["t"] = o["t"]
        assert it["topic"] in TOPICS, (it["k"], it["topic"])
        assert isinstance(it["t"], str) and it["t"].strip(), it["k"]
        if it.get("place"):
            it["region_code"], it["kecamatan_code"] = wil.resolve(it["place"])
        else:
            it["region_code"], it["kecamatan_code"] = None, None
    # timestamps: clusters hours-days apart, singles anywhere, resends minutes after original
    clusters = {}
    for it in items:
        if it.get("cl") and not it.get("dup"):
            clusters.setdefault(it["cl"], []).append(it)
    for cl, mem in clusters.items():
        t = rand_time(START, END - timedelta(days=5))
        for j, it in enumerate(mem):
            if j:
                t = t + timedelta(minutes=rng.randint(90, 60 * 60))
                if t > END:
                    t = END - timedelta(minutes=rng.randint(1, 300))
            it["_t"] = t.replace(second=0)
    for it in items:
        if "_t" not in it and not it.get("dup"):
            it["_t"] = rand_time()
    # a trap that is a single arrives after the complaint it resembles (hours to days later)
    for it in items:
        if it.get("trap") and not it.get("cl") and not it.get("dup"):
            tt = by_k[it["trap"]]["_t"]
            if it["_t"] <= tt:
                t = tt + timedelta(minutes=rng.randint(120, 72 * 60))
                it["_t"] = (t if t <= END else END - timedelta(minutes=rng.randint(1, 120))).replace(second=0)
    base = sorted([it for it in items if not it.get("dup")], key=lambda x: (x["_t"], x["k"]))
    for n, it in enumerate(base, 1):
        it["id"] = f"c-{n:04d}"
    # resends
    for it in items:
        if it.get("dup"):
            o = by_k[it["dup"]]
            prev = [x for x in items if x.get("dup") == it["dup"]]
            idx = prev.index(it) + 1
            it["id"] = o["id"] + ("-r" if idx == 1 else f"-r{idx}")
            it["_t"] = o["_t"] + timedelta(minutes=rng.randint(1, 25) * idx)
            it["rep"] = o.setdefault("rep", "auto:" + o["k"])
            it["cl"] = o.get("cl") or ("solo:" + o["k"])
            o["cl"] = it["cl"]
    # same reporter as another item (trap: same person, different problem)
    for it in items:
        if it.get("same_rep_as"):
            o = by_k[it["same_rep_as"]]
            it["rep"] = o.setdefault("rep", "auto:" + o["k"])
    # reporters
    reps = {}
    for it in sorted(items, key=lambda x: x["_t"]):
        rk = it.get("rep")
        if rk:
            if rk not in reps:
                reps[rk] = fake_reporter(it["ch"]) or fake_reporter("sms")
            it["reporter"] = reps[rk]
        else:
            it["reporter"] = fake_reporter(it["ch"])
    # cluster ids = id of earliest member
    cid = {}
    for it in sorted(items, key=lambda x: x["_t"]):
        c = it.get("cl")
        if c:
            cid.setdefault(c, it["id"])
    out = []
    for it in sorted(items, key=lambda x: (x["_t"], x["id"])):
        if it["ch"] == "email":
            assert it.get("subj"), it["k"]
        if it.get("trap"):
            tr = by_k[it["trap"]]
            a = cid.get(it.get("cl"), it["id"])
            b = cid.get(tr.get("cl"), tr["id"])
            assert a != b, ("trap in same cluster", it["k"])
        out.append({
            "id": it["id"],
            "channel": it["ch"],
            "subject": it.get("subj") if it["ch"] == "email" else None,
            "text": it["t"],
            "reporter": it["reporter"],
            "received_at": it["_t"].astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "topic": it["topic"],
            "region_code": it["region_code"],
            "kecamatan_code": it["kecamatan_code"],
            "cluster": cid.get(it.get("cl"), it["id"]),
            "duplicate_of": by_k[it["dup"]]["id"] if it.get("dup") else None,
            "trap_of": by_k[it["trap"]]["id"] if it.get("trap") else None,
            "note": it.get("note"),
        })
    with open(os.path.join(HERE, "..", "complaints.jsonl"), "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} complaints")


if __name__ == "__main__":
    main()
