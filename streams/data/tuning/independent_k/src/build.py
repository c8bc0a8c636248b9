"""Build ../complaints.jsonl from the hand-written batch files (deterministic)."""
import datetime as dt
import glob
import importlib
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lookup import resolve  # noqa: E402

FIELDS = ["id", "channel", "subject", "text", "reporter", "received_at", "topic", "region_code",
          "kecamatan_code", "cluster", "duplicate_of", "trap_of", "note"]
SYL = ["ka", "ri", "mo", "na", "de", "wi", "su", "to", "la", "ya", "bu", "ni", "ra", "gu", "se", "pi", "an", "el"]
FIRST = ["budi", "siti", "agus", "dewi", "rina", "joko", "maria", "yusuf", "nur", "hendra", "ayu", "made",
         "komang", "fitri", "andi", "rahmat", "lina", "teguh", "wayan", "yohanes", "ika", "taufik", "sari", "dimas"]
LAST = ["santoso", "lestari", "wijaya", "hasibuan", "pratama", "siregar", "nugroho", "rahayu", "putra",
        "manurung", "saputra", "kusuma", "tanjung", "harahap", "mahendra", "lubis", "sembiring", "daeng"]


def reporter(rng, ch):
    phone = "+628" + rng.choice("1235789") + "".join(rng.choice("0123456789") for _ in range(rng.choice([8, 9])))
    email = f"{rng.choice(FIRST)}.{rng.choice(LAST)}{rng.randint(1, 99)}@example.id"
    if ch == "sms":
        return phone
    if ch == "email":
        return email
    if ch == "social":
        return "@" + "".join(rng.choice(SYL) for _ in range(rng.randint(2, 4))) + rng.choice(["", "_", "88", "id", "_jkt", "07"])
    return rng.choice([None, phone, email])


def main():
    rng = random.Random(20260901)
    items = []
    for path in sorted(glob.glob(os.path.join(HERE, "batch_*.py"))):
        mod = importlib.import_module(os.path.basename(path)[:-3])
        items.extend(mod.ITEMS)
    start = dt.datetime(2026, 9, 1, tzinfo=dt.timezone.utc)
    keyed, recs, used = {}, [], set()
    for it in items:
        if it["kind"] != "c":
            continue
        while True:
            t = start + dt.timedelta(days=rng.randint(0, 28), hours=rng.choice(range(0, 24)), minutes=rng.randint(0, 59),
                                     seconds=rng.choice([0, 0, 0, 15, 30, 45]))
            if t not in used:
                break
        used.add(t)
        reg, kec = resolve(it["place"])
        r = dict(it, t=t, reporter=reporter(rng, it["ch"]), region=reg, kec=kec)
        if it["k"]:
            assert it["k"] not in keyed, it["k"]
            keyed[it["k"]] = r
        recs.append(r)
    for it in items:
        if it["kind"] != "r":
            continue
        o = keyed[it["of"]]
        o.setdefault("nres", 0)
        o["nres"] += 1
        t = o["t"] + dt.timedelta(minutes=rng.randint(1, 25) * o["nres"], seconds=rng.choice([0, 5, 12, 40]))
        recs.append(dict(o, kind="r", orig=o, t=t, text=it["text"] or o["text"], note=it["note"], k=None, nres_i=o["nres"]))
    recs.sort(key=lambda r: (r["t"], r["kind"]))
    n = 0
    for r in recs:
        if r["kind"] == "c":
            n += 1
            r["id"] = f"c-{n:04d}"
    for r in recs:
        if r["kind"] == "r":
            r["id"] = r["orig"]["id"] + ("-r" if r["nres_i"] == 1 else f"-r{r['nres_i']}")
    # clusters: first report (file order) of each named cluster
    first = {}
    for r in recs:
        if r["kind"] == "c" and r["cl"] and r["cl"] not in first:
            first[r["cl"]] = r["id"]
    out = []
    for r in recs:
        base = r["orig"] if r["kind"] == "r" else r
        cluster = first[base["cl"]] if base["cl"] else base["id"]
        trap = None
        if r["kind"] == "c" and r["trap"]:
            trap = keyed[r["trap"]]["id"]
        rec = {
            "id": r["id"], "channel": r["ch"], "subject": r["subj"], "text": r["text"], "reporter": r["reporter"],
            "received_at": r["t"].strftime("%Y-%m-%dT%H:%M:%SZ"), "topic": r["topic"], "region_code": r["region"],
            "kecamatan_code": r["kec"], "cluster": cluster,
            "duplicate_of": r["orig"]["id"] if r["kind"] == "r" else None, "trap_of": trap, "note": r["note"],
        }
        out.append({f: rec[f] for f in FIELDS})
    with open(os.path.join(HERE, "..", "complaints.jsonl"), "w", encoding="utf-8") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} records")


if __name__ == "__main__":
    main()
