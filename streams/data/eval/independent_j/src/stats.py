"""Print Markdown count tables for README.md from ../complaints.jsonl."""
import collections, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lookup import WIL  # noqa: E402

recs = [json.loads(l) for l in open(os.path.join(HERE, "..", "complaints.jsonl"), encoding="utf-8")]


def table(title, counter, keyname):
    print("\n### %s\n\n| %s | n |\n|---|---|" % (title, keyname))
    for k, v in sorted(counter.items(), key=lambda x: (-x[1], str(x[0]))):
        print("| %s | %d |" % (k, v))


table("Per topic", collections.Counter(r["topic"] for r in recs), "topic")
table("Per channel", collections.Counter(r["channel"] for r in recs), "channel")
prov = collections.Counter(
    ("%s %s" % (r["region_code"][:2], WIL[r["region_code"][:2]])) if r["region_code"] else "(no place: region_code null)"
    for r in recs)
table("Per province (by region_code)", prov, "province")
members = collections.defaultdict(list)
for r in recs:
    if not r["duplicate_of"]:
        members[r["cluster"]].append(r)
multi = {k: v for k, v in members.items() if len(v) > 1}
print("\n### Duplicate clusters (%d)\n" % len(multi))
print("| cluster | size | channels | region | topic |\n|---|---|---|---|---|")
for k, v in multi.items():
    print("| %s | %d | %s | %s | %s |" % (k, len(v), ", ".join(sorted({m["channel"] for m in v})),
                                        v[0]["region_code"], v[0]["topic"]))
traps = [r for r in recs if r["trap_of"]]
print("\n### Look-alike traps (%d)\n\n| trap | resembles | note |\n|---|---|---|" % len(traps))
for r in traps:
    print("| %s | %s | %s |" % (r["id"], r["trap_of"], r["note"]))
res = [r for r in recs if r["duplicate_of"]]
print("\n### Exact resends (%d)\n\n%s" % (len(res), ", ".join("%s→%s" % (r["id"], r["duplicate_of"]) for r in res)))
