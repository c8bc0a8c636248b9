"""Labeller's helper: print where each name occurs (kind, code, path). Usage: names.py 'A;B;C' [within-prefix]"""
import sys
sys.path.insert(0, __import__('os').path.dirname(__file__))
from lookup import find
within = sys.argv[2] if len(sys.argv) > 2 else ''
for q in sys.argv[1].split(';'):
    rows = [r for r in find(q.strip()) if r[1].startswith(within)]
    print(q.strip(), '|', '; '.join(f"{k} {c} {', '.join(p.split(', ')[1:-1])}" for k, c, p in rows) or 'NONE')
