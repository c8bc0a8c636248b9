"""Deterministic build: src/batches/*.txt -> complaints.jsonl.

Batch file format (see README.md): a record starts with a header line
    @ KEY | CHANNEL | MM-DD HH:MM | TOPIC | LOCSPEC
followed by optional attribute lines  cl: / who: / subj: / note: / trap: / dup:
and then the text (everything up to the next header; trailing blank lines dropped).
For a resend (dup: KEY) TOPIC and LOCSPEC are '=', who: may be omitted (copied), text '=' = identical.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from lookup import resolve  # noqa: E402

ROOT = HERE.parent
TOPICS = ('pertanahan infrastruktur kependudukan kesehatan pendidikan sosial energi air_bersih lingkungan '
          'perhubungan ketertiban kepolisian ketenagakerjaan perizinan pajak korupsi_pungli telekomunikasi '
          'lainnya').split()
CHANNELS = ('web', 'sms', 'social', 'email')
ATTRS = ('cl', 'who', 'subj', 'note', 'trap', 'dup')
HEADER = re.compile(r'^@ (\S+) \| (\w+) \| (\d\d)-(\d\d) (\d\d):(\d\d) \| (\S+) \| (.*)$')
PREFIXES = ['0812', '0813', '0821', '0822', '0823', '0852', '0853', '0811', '0857', '0856', '0815', '0817',
            '0818', '0819', '0859', '0877', '0878', '0895', '0896', '0897', '0898', '0881', '0882', '0838', '0831']


def h(s: str) -> int:
    return int(hashlib.sha256(s.encode()).hexdigest(), 16)


def phone_for(key: str) -> str:
    n = h('phone:' + key)
    pre = PREFIXES[n % len(PREFIXES)]
    length = 8 if n % 3 else 7
    digits = str(n // 97)[-length:]
    return pre + digits


def parse(path: Path) -> list[dict]:
    recs, cur, in_text = [], None, False
    for lineno, line in enumerate(path.read_text(encoding='utf-8').splitlines(), 1):
        m = HEADER.match(line)
        if line.startswith('@ '):
            if not m:
                raise SystemExit(f'{path.name}:{lineno}: bad header {line!r}')
            key, ch, mo, dd, hh, mi, topic, loc = m.groups()
            cur = dict(key=key, channel=ch, month=int(mo), day=int(dd), hour=int(hh), minute=int(mi),
                       topic=topic, loc=loc.strip(), lines=[], src=f'{path.name}:{lineno}')
            recs.append(cur)
            in_text = False
            continue
        if cur is None:
            if line.strip() and not line.startswith('#'):
                raise SystemExit(f'{path.name}:{lineno}: text before first header')
            continue
        if not in_text:
            am = re.match(r'^(\w+): ?(.*)$', line)
            if am and am.group(1) in ATTRS:
                if am.group(1) in cur:
                    raise SystemExit(f'{path.name}:{lineno}: repeated attribute')
                cur[am.group(1)] = am.group(2).strip()
                continue
            in_text = True
        cur['lines'].append(line)
    for r in recs:
        while r['lines'] and not r['lines'][-1].strip():
            r['lines'].pop()
        while r['lines'] and not r['lines'][0].strip():
            r['lines'].pop(0)
        r['text'] = '\n'.join(r['lines'])
        del r['lines']
    return recs


def main() -> None:
    recs = []
    for p in sorted((HERE / 'batches').glob('*.txt')):
        recs.extend(parse(p))
    by_key = {}
    for r in recs:
        if r['key'] in by_key:
            raise SystemExit(f"duplicate key {r['key']} ({r['src']})")
        by_key[r['key']] = r
    errors = []
    for r in recs:
        w = r['src'] + ' ' + r['key']
        if r['channel'] not in CHANNELS:
            errors.append(f'{w}: channel {r["channel"]}')
        if not (r['month'] == 10 and 1 <= r['day'] <= 31 and r['hour'] < 24 and r['minute'] < 60):
            errors.append(f'{w}: timestamp outside October 2026')
        sec = h('sec:' + r['key']) % 60
        r['received_at'] = f"2026-{r['month']:02d}-{r['day']:02d}T{r['hour']:02d}:{r['minute']:02d}:{sec:02d}Z"
        if 'dup' in r:
            o = by_key.get(r['dup'])
            if o is None or 'dup' in o:
                errors.append(f'{w}: dup target {r["dup"]} missing or itself a resend')
                continue
            if r['channel'] != o['channel']:
                errors.append(f'{w}: resend channel differs')
            if 'who' in r:
                errors.append(f'{w}: resend must not set who: (it is copied from the original)')
            if 'subj' not in r and 'subj' in o:
                r['subj'] = o['subj']
            if r['text'] == '=':
                r['text'] = o['text']
            if r['topic'] != '=' or r['loc'] != '=':
                errors.append(f'{w}: resend must use = for topic and loc')
            if 'cl' in r or 'trap' in r:
                errors.append(f'{w}: resend must not carry cl/trap')
    if errors:
        raise SystemExit('\n'.join(errors))
    for r in recs:
        w = r['src'] + ' ' + r['key']
        if 'dup' in r:
            o = by_key[r['dup']]
            r['topic'], r['loc'], r['region_code'], r['kecamatan_code'] = o['topic'], o['loc'], None, None
            continue
        if r['topic'] not in TOPICS:
            errors.append(f'{w}: topic {r["topic"]}')
        try:
            r['region_code'], r['kecamatan_code'] = resolve(r['loc'])
        except LookupError as e:
            errors.append(f'{w}: {e}')
        if r['channel'] == 'email' and not r.get('subj'):
            errors.append(f'{w}: email without subject')
        if r['channel'] != 'email' and r.get('subj'):
            errors.append(f'{w}: subject on non-email')
        if not r['text'] or r['text'] == '=':
            errors.append(f'{w}: empty text')
        if r['channel'] in ('social', 'email') and not r.get('who'):
            errors.append(f'{w}: social/email needs who:')
    if errors:
        raise SystemExit('\n'.join(errors))
    for r in recs:
        if 'dup' in r:
            continue
        if 'who' not in r:
            r['who'] = phone_for(r['key']) if r['channel'] == 'sms' else None
        elif r['who'] in ('-', 'null'):
            r['who'] = None
    for r in recs:
        if 'dup' in r:
            r['who'] = by_key[r['dup']]['who']   # a resend comes from the same reporter
    recs.sort(key=lambda r: (r['received_at'], r['key']))
    n = 0
    for r in recs:
        if 'dup' not in r:
            n += 1
            r['id'] = f'c-{n:04d}'
    resend_count: dict[str, int] = {}
    for r in recs:
        if 'dup' in r:
            o = by_key[r['dup']]
            if r['received_at'] <= o['received_at']:
                raise SystemExit(f"{r['key']}: resend not after original")
            k = resend_count[o['key']] = resend_count.get(o['key'], 0) + 1
            r['id'] = o['id'] + ('-r' if k == 1 else f'-r{k}')
    clusters: dict[str, list[dict]] = {}
    for r in recs:
        if 'dup' not in r and r.get('cl'):
            clusters.setdefault(r['cl'], []).append(r)
    for tag, members in clusters.items():
        if not 2 <= len(members) <= 4:
            raise SystemExit(f'cluster {tag} has {len(members)} members')
        head = min(members, key=lambda r: (r['received_at'], r['key']))
        for m in members:
            m['cluster'] = head['id']
    for r in recs:
        if 'dup' in r:
            r['cluster'] = by_key[r['dup']].get('cluster') or by_key[r['dup']]['id']
        elif 'cluster' not in r:
            r['cluster'] = r['id']
    out = []
    for r in recs:
        t = by_key[r['trap']] if r.get('trap') else None
        if r.get('trap') and t is None:
            raise SystemExit(f"{r['key']}: trap target {r['trap']} unknown")
        out.append({
            'id': r['id'],
            'channel': r['channel'],
            'subject': r.get('subj') or None,
            'text': r['text'],
            'reporter': r['who'],
            'received_at': r['received_at'],
            'topic': r['topic'],
            'region_code': r['region_code'] if 'dup' not in r else by_key[r['dup']]['region_code'],
            'kecamatan_code': r['kecamatan_code'] if 'dup' not in r else by_key[r['dup']]['kecamatan_code'],
            'cluster': r['cluster'],
            'duplicate_of': by_key[r['dup']]['id'] if 'dup' in r else None,
            'trap_of': t['id'] if t else None,
            'note': r.get('note') or None,
        })
    for o, r in zip(out, recs):
        if o['trap_of'] and by_key[r['trap']].get('cluster', by_key[r['trap']]['id']) == o['cluster']:
            raise SystemExit(f"{r['key']}: trap in same cluster as its target")
    with open(ROOT / 'complaints.jsonl', 'w', encoding='utf-8', newline='\n') as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + '\n')
    if '-q' not in sys.argv:
        print(f'wrote {len(out)} records')
        keymap = ROOT / 'src' / 'keymap.tsv'
        with open(keymap, 'w', encoding='utf-8') as f:
            for o, r in zip(out, recs):
                f.write(f"{o['id']}\t{r['key']}\t{r['src']}\n")


if __name__ == '__main__':
    main()
