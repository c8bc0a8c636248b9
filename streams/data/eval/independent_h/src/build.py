"""Build complaints.jsonl from the hand-written batches in src/batch_*.txt.

Batch format (one record per block):
  >> key | channel | reporter | topic | place | cluster-tag | duplicate-of-key | trap-of-key | note
  S: subject line (e-mail only)
  A: YYYY-MM-DDTHH:MM  earliest arrival (UTC) when the text mentions a date (optional)
  text lines ...
place = Province/Kab-or-Kota/Kecamatan/Desa (trailing parts may be omitted) or '-' (null).
'-' means empty for reporter/cluster/dup/trap/note.  A text of '=' copies the original's text (resends).
Timestamps are synthetic and seeded (SEED below)."""
import glob, json, os, random, sys
from datetime import datetime, timedelta, timezone
sys.path.insert(0, os.path.dirname(__file__))
from lookup import resolve

SEED = 20260406
START = datetime(2026, 4, 6, 0, 0, tzinfo=timezone.utc)
END = datetime(2026, 4, 25, 23, 59, tzinfo=timezone.utc)
HERE = os.path.dirname(os.path.abspath(__file__))

def parse():
    recs, cur = [], None
    for fn in sorted(glob.glob(os.path.join(HERE, "batch_*.txt"))):
        cur = None  # a '#' comment line is only allowed before the first record of a file
        for ln in open(fn, encoding="utf-8"):
            ln = ln.rstrip("\n")
            if ln.startswith(">>"):
                f = [x.strip() for x in ln[2:].split("|")]
                if len(f) != 9:
                    sys.exit(f"{fn}: bad header {ln!r}")
                cur = dict(zip("key ch rep topic place cl dup trap note".split(), [None if x in ("-", "") else x for x in f]))
                cur.update(subject=None, after=None, lines=[], file=os.path.basename(fn))
                recs.append(cur)
            elif ln.startswith("S: ") and cur and not cur["lines"]:
                cur["subject"] = ln[3:].strip()
            elif ln.startswith("A: ") and cur and not cur["lines"]:
                # earliest plausible arrival (the text mentions a date)
                cur["after"] = datetime.strptime(ln[3:].strip(), "%Y-%m-%dT%H:%M").replace(tzinfo=timezone.utc)
            elif ln.startswith("#") and cur is None:
                continue
            elif cur is not None:
                cur["lines"].append(ln)
    return recs

def main():
    recs = parse()
    by = {}
    for r in recs:
        if r["key"] in by:
            sys.exit(f"duplicate key {r['key']}")
        by[r["key"]] = r
        r["text"] = "\n".join(r.pop("lines")).strip()
    for r in recs:
        if r["text"] == "=":
            r["text"] = by[r["dup"]]["text"]
        if r["dup"]:
            o = by[r["dup"]]
            r["cl"] = o["cl"] or o["key"]
            if o["cl"] is None:
                o["cl"] = o["key"]
        if not r["text"]:
            sys.exit(f"empty text {r['key']}")
        if r["place"]:
            parts = r["place"].split("/") + [None] * 4
            r["region"], r["kec"], _ = resolve(*[p or None for p in parts[:4]])
        else:
            r["region"] = r["kec"] = None
    rng = random.Random(SEED)
    # group clusters (non-resend members) in file order
    groups = {}
    for r in recs:
        if not r["dup"]:
            groups.setdefault(r["cl"] or ("_" + r["key"]), []).append(r)
    window = (END - START).total_seconds()
    for tag in sorted(groups):
        g = groups[tag]
        for _ in range(10000):
            gaps = [rng.uniform(0.3, 70) * 3600 for _ in g[1:]]
            offs = [sum(gaps[:i]) for i in range(len(g))]
            lo = max([0] + [(r["after"] - START).total_seconds() - o for r, o in zip(g, offs) if r["after"]])
            hi = window - sum(gaps) - 3600
            if lo < hi:
                break
        else:
            sys.exit(f"cannot schedule cluster {tag}")
        t = rng.uniform(lo, hi)
        for r, gap in zip(g, [0] + gaps):
            t += gap
            r["t"] = START + timedelta(seconds=int(t))
    for r in recs:
        if r["dup"]:
            o = by[r["dup"]]
            prev = [x for x in recs if x["dup"] == o["key"] and "t" in x]
            lo = max([(x["t"] - o["t"]).total_seconds() / 60 for x in prev] + [2])
            r["t"] = o["t"] + timedelta(seconds=int(rng.uniform(lo + 0.5, min(lo + 20, 45)) * 60))
            r["resend_no"] = len(prev) + 1
    recs.sort(key=lambda r: (r["t"], r["key"]))
    n = 0
    for r in recs:
        if not r["dup"]:
            n += 1
            r["id"] = f"c-{n:04d}"
    for r in recs:
        if r["dup"]:
            r["id"] = by[r["dup"]]["id"] + ("-r" if r["resend_no"] == 1 else f"-r{r['resend_no']}")
    first = {}
    for r in recs:
        if r["cl"]:
            first.setdefault(r["cl"], r["id"])
    with open(os.path.join(HERE, "..", "complaints.jsonl"), "w", encoding="utf-8") as out:
        for r in recs:
            o = dict(id=r["id"], channel=r["ch"], subject=r["subject"], text=r["text"], reporter=r["rep"],
                     received_at=r["t"].strftime("%Y-%m-%dT%H:%M:%SZ"), topic=r["topic"],
                     region_code=r["region"], kecamatan_code=r["kec"],
                     cluster=first[r["cl"]] if r["cl"] else r["id"],
                     duplicate_of=by[r["dup"]]["id"] if r["dup"] else None,
                     trap_of=by[r["trap"]]["id"] if r["trap"] else None, note=r["note"])
            out.write(json.dumps(o, ensure_ascii=False) + "\n")
    for r in recs:
        if r["after"] and r["t"] < r["after"]:
            sys.exit(f"{r['key']} scheduled before its 'A:' date")
    print(f"wrote {len(recs)} records")

if __name__ == "__main__":
    main()
