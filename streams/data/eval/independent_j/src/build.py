"""Deterministically build ../complaints.jsonl from the hand-written batch files."""
import glob, importlib, json, os, random, sys
from datetime import datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lookup import resolve  # noqa: E402

rng = random.Random(20261101)
MONTH0 = datetime(2026, 11, 1)

FIRST = ["budi", "siti", "agus", "dewi", "rina", "andi", "yusuf", "nur", "eko", "wati", "hendra", "lina", "fajar",
         "putri", "rudi", "maya", "dedi", "sri", "bayu", "intan", "joko", "ayu", "ilham", "tika", "arif", "nina",
         "yohanes", "maria", "ketut", "made", "wayan", "komang", "daeng", "ucok", "butet", "asep", "euis", "cecep",
         "ujang", "neng", "teuku", "cut", "la", "wa", "fransiska", "frans", "ronal", "markus", "fitri", "rahmat"]
LAST = ["santoso", "wijaya", "pratama", "lestari", "hidayat", "saputra", "rahayu", "siregar", "nasution", "harahap",
        "simanjuntak", "sitompul", "kurniawan", "setiawan", "gunawan", "permana", "suryadi", "wibowo", "nugroho",
        "rumbiak", "wanggai", "tanamal", "latuconsina", "manoppo", "lumban", "pasaribu", "mahmud", "rasyid", "hasan",
        "syahputra", "anggraini", "susanti", "maharani", "halim", "tanjung", "daulay", "bangun", "tarigan", "sembiring"]
WORDS = ["warga", "kang", "mas", "bang", "uda", "beta", "kaka", "nyong", "urang", "arek", "cah", "pace", "mace",
         "info", "suara", "peduli", "jalan", "kampung", "kota", "anak", "ibu", "bapak", "ojol", "emak", "real"]
used = set()


def phone():
    while True:
        p = "+628" + rng.choice(["11", "12", "13", "21", "22", "51", "52", "53", "55", "56", "57", "77", "78", "81",
                                 "82", "83", "95", "96", "97", "98"]) + "".join(rng.choice("0123456789") for _ in range(rng.choice([7, 8])))
        if p not in used:
            used.add(p)
            return p


def handle():
    while True:
        a = rng.choice(WORDS + FIRST)
        b = rng.choice(FIRST + LAST + WORDS)
        h = "@" + a + rng.choice(["", "_", "."]) + b + rng.choice(["", str(rng.randint(1, 99)), str(rng.randint(1970, 2008))])
        h = h.replace("@.", "@").rstrip(".")
        if h not in used:
            used.add(h)
            return h


def email():
    while True:
        e = rng.choice(FIRST) + rng.choice([".", "_", ""]) + rng.choice(LAST) + rng.choice(["", str(rng.randint(1, 99))]) + "@example.id"
        if e not in used:
            used.add(e)
            return e


def reporter(ch):
    if ch == "sms":
        return phone()
    if ch == "social":
        return handle()
    if ch == "email":
        return email()
    return rng.choice([None, None, phone(), email()])


def main():
    items = []
    for path in sorted(glob.glob(os.path.join(HERE, "batch_*.py"))):
        mod = importlib.import_module(os.path.basename(path)[:-3])
        for it in mod.ITEMS:
            it = dict(it)
            it["batch"] = os.path.basename(path)
            items.append(it)
    bykey = {}
    for it in items:
        if it.get("k"):
            assert it["k"] not in bykey, ("dup key", it["k"])
            bykey[it["k"]] = it
    # timestamps: cluster members spread within a few days of the cluster's first-written report
    cl_base = {}
    for it in items:
        if it["rs"]:
            continue
        if it["cl"] and it["cl"] in cl_base:
            t = cl_base[it["cl"]] + timedelta(minutes=rng.randint(40, 60 * 24 * 4))
        else:
            t = MONTH0 + timedelta(minutes=rng.randint(6 * 60, 60 * 24 * 25))
            if it["cl"]:
                cl_base[it["cl"]] = t
        it["t"] = t.replace(second=0)
        it["reporter"] = reporter(it["channel"])
        if it["place"]:
            it["region_code"], it["kecamatan_code"] = resolve(it["place"])
        else:
            it["region_code"], it["kecamatan_code"] = None, None
    # a look-alike trap arrives after the complaint it resembles
    END = datetime(2026, 11, 30, 23, 0)
    for it in items:
        if it["rs"] or not it.get("tr"):
            continue
        target = bykey[it["tr"]]
        assert not target.get("tr"), "chained trap"
        if it["t"] <= target["t"]:
            it["t"] = min(END, target["t"] + timedelta(minutes=rng.randint(90, 60 * 24 * 3)))
            assert it["t"] > target["t"]
    resends = {}
    for it in items:
        if not it["rs"]:
            continue
        o = bykey[it["rs"]]
        n = resends.setdefault(it["rs"], 0) + 1
        resends[it["rs"]] = n
        for f in ("channel", "topic", "place", "subject", "reporter", "region_code", "kecamatan_code"):
            it[f] = o[f]
        it["text"] = it["text"] or o["text"]
        it["t"] = o["t"] + timedelta(minutes=rng.randint(1, 9) + 10 * (n - 1))
        it["orig"] = o
        it["n"] = n
    for it in items:
        assert (it["channel"] == "email") == bool(it["subject"]), ("subject rule", it["text"][:60])
    order = sorted(items, key=lambda x: (x["t"], 1 if x["rs"] else 0))
    n = 0
    for it in order:
        if not it["rs"]:
            n += 1
            it["id"] = "c-%04d" % n
    for it in order:
        if it["rs"]:
            it["id"] = it["orig"]["id"] + ("-r" if it["n"] == 1 else "-r%d" % it["n"])
    # clusters: id of the earliest (file-order) member
    first = {}
    for it in order:
        if it["rs"]:
            continue
        if it["cl"]:
            first.setdefault(it["cl"], it["id"])
    out = []
    for it in order:
        if it["rs"]:
            o = it["orig"]
            cluster = first[o["cl"]] if o["cl"] else o["id"]
        else:
            cluster = first[it["cl"]] if it["cl"] else it["id"]
        it["cluster"] = cluster
    for it in order:
        trap = None
        if it.get("tr"):
            trap = bykey[it["tr"]]["id"]
            assert bykey[it["tr"]]["cluster"] != it["cluster"], ("trap in same cluster", it["text"][:50])
        rec = {
            "id": it["id"], "channel": it["channel"], "subject": it["subject"], "text": it["text"],
            "reporter": it["reporter"], "received_at": it["t"].strftime("%Y-%m-%dT%H:%M:%SZ"), "topic": it["topic"],
            "region_code": it["region_code"], "kecamatan_code": it["kecamatan_code"], "cluster": it["cluster"],
            "duplicate_of": it["orig"]["id"] if it["rs"] else None, "trap_of": trap, "note": it["note"],
        }
        out.append(rec)
    with open(os.path.join(HERE, "..", "complaints.jsonl"), "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote", len(out))


if __name__ == "__main__":
    main()
