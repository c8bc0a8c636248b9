# helper for the author: list children of a code or search names.  usage: q.py 32.73  | q.py -s Dago 32.73
import sys, wil
if sys.argv[1] == '-s':
    n = wil.norm(sys.argv[2]); pre = sys.argv[3] if len(sys.argv) > 3 else ''
    for d in (wil.W, wil.D):
        for k, v in d.items():
            if k.startswith(pre) and n in wil.norm(v): print(k, v)
else:
    p = sys.argv[1]; dots = p.count('.') + 1
    for d in (wil.W, wil.D):
        for k, v in d.items():
            if k.startswith(p + '.') and k.count('.') == dots: print(k, v)
