"""Counts for README (reads ../complaints.jsonl and languages.json)."""
import json, collections, os
H = os.path.dirname(os.path.abspath(__file__))
L = [json.loads(x) for x in open(os.path.join(H, "..", "complaints.jsonl"), encoding="utf-8")]
lang = json.load(open(os.path.join(H, "languages.json")))
orig = [x for x in L if not x["duplicate_of"]]
cl = collections.Counter(x["cluster"] for x in orig)
multi = {k: v for k, v in cl.items() if v > 1}
print("lines", len(L), "originals", len(orig), "resends", len(L) - len(orig))
print("clusters(2-4)", len(multi), "size dist", sorted(collections.Counter(multi.values()).items()))
print("lines in clusters", sum(multi.values()))
print("traps", sum(1 for x in L if x["trap_of"]))
print("no place", sum(1 for x in L if x["region_code"] is None), "(originals", sum(1 for x in orig if x["region_code"] is None), ")")
print("with kecamatan", sum(1 for x in L if x["kecamatan_code"]))
print("provinces", len({x["region_code"][:2] for x in L if x["region_code"]}), "kab/kota", len({x["region_code"] for x in L if x["region_code"]}), "kecamatan", len({x["kecamatan_code"] for x in L if x["kecamatan_code"]}))
print("channels", dict(collections.Counter(x["channel"] for x in L)))
print("topics", dict(sorted(collections.Counter(x["topic"] for x in L).items(), key=lambda t: t[1])))
lc = collections.Counter(lang[x["id"]] for x in L)
print("languages", dict(lc), "non-id", sum(v for k, v in lc.items() if k != "id"), "non-id originals", sum(1 for x in orig if lang[x["id"]] != "id"))
print("originals with trap", sum(1 for x in L if x["trap_of"]), "kinds: see notes")
print("time range", L[0]["received_at"], L[-1]["received_at"])
# cluster channel/time diversity
import datetime as dt
def t(x): return dt.datetime.strptime(x["received_at"], "%Y-%m-%dT%H:%M:00Z")
g = collections.defaultdict(list)
for x in orig: g[x["cluster"]].append(x)
spans = [ (max(map(t, v)) - min(map(t, v))) for v in g.values() if len(v) > 1]
print("clusters spanning >=7 days", sum(1 for s in spans if s.days >= 7), "min span", min(spans), "max span", max(spans))
print("clusters with >=2 channels", sum(1 for v in g.values() if len(v) > 1 and len({x['channel'] for x in v}) > 1))
