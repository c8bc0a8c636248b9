"""Build complaints.jsonl from the hand-written batches src/b*_*.py."""
import importlib, json, os, random, sys, glob, datetime as dt
sys.path.insert(0, os.path.dirname(__file__))
import wil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'complaints.jsonl')
rng = random.Random(20261202)
START = dt.datetime(2026, 3, 2, 0, 0, 0)
SPAN_H = 21 * 24

FIRST = ['budi', 'siti', 'agus', 'dewi', 'rudi', 'yanti', 'hendra', 'nur', 'rina', 'fajar', 'wahyu', 'lestari', 'andi',
         'rahmat', 'eka', 'dian', 'joko', 'sri', 'bayu', 'putri', 'irwan', 'ratna', 'yusuf', 'mega', 'arif', 'indah',
         'teguh', 'fitri', 'ilham', 'nanda', 'ucok', 'butet', 'made', 'komang', 'daeng', 'ningsih', 'ahmad', 'maria']
LAST = ['santoso', 'lubis', 'siregar', 'wijaya', 'hasibuan', 'pratama', 'saputra', 'rahayu', 'kurniawan', 'nasution',
        'hidayat', 'sitompul', 'manurung', 'lumban', 'tanjung', 'harahap', 'pangaribuan', 'susanto', 'permana', 'sinaga',
        'mokodompit', 'latuconsina', 'wenda', 'pasaribu', 'syahputra', 'ramadhan', 'setiawan', 'maulana']
used = set()

def fake(ch):
    while True:
        if ch == 'sms':
            r = '+62813' + ''.join(rng.choice('0123456789') for _ in range(8))
        elif ch == 'social':
            r = '@' + rng.choice(FIRST) + rng.choice(['_', '', '.']) + rng.choice(LAST + [str(rng.randint(10, 99))]) + rng.choice(['', str(rng.randint(1, 999))])
        elif ch == 'email':
            r = f'{rng.choice(FIRST)}.{rng.choice(LAST)}{rng.choice(["", str(rng.randint(1, 99))])}@example.id'
        else:
            x = rng.random()
            if x < 0.35:
                return None
            return fake('sms' if x < 0.65 else 'email')
        if r not in used:
            used.add(r)
            return r

def load():
    items = []
    for f in sorted(glob.glob(os.path.join(HERE, 'b*_*.py'))):
        m = importlib.import_module(os.path.basename(f)[:-3])
        for it in m.ITEMS:
            it['_src'] = os.path.basename(f)
            items.append(it)
    keys = [i['k'] for i in items]
    dup = {k for k in keys if keys.count(k) > 1}
    assert not dup, f'duplicate keys {dup}'
    return items

def main():
    items = load()
    by = {i['k']: i for i in items}
    errors = []
    # resolve places
    for it in items:
        if 'dup' in it:
            continue
        try:
            it['_rc'], it['_kc'] = wil.resolve(it['p'], it.get('kel'))
        except wil.LookupError_ as e:
            errors.append(f"{it['k']} ({it['_src']}): {e}")
        if it.get('kc_null') and it.get('_kc') is not None:
            raise SystemExit('kc_null misuse')
    if errors:
        print('\n'.join(errors))
        raise SystemExit(f'ABORT: {len(errors)} lookup errors')
    # times
    clusters = {}
    for it in items:
        if 'dup' in it:
            continue
        clusters.setdefault(it.get('cl', it['k']), []).append(it)
    for ck, mem in clusters.items():
        base = rng.uniform(0, SPAN_H - 80)
        for j, it in enumerate(mem):
            if 'h' in it:
                off = it['h']
            elif j == 0:
                off = 0
            else:
                off = rng.uniform(0.3, 70)
            it['_t'] = START + dt.timedelta(hours=base + off, seconds=rng.randint(0, 59))
    for it in items:
        if 'dup' in it:
            o = by[it['dup']]
            assert 'dup' not in o
            n = sum(1 for x in items if x.get('dup') == it['dup'] and items.index(x) <= items.index(it))
            it['_t'] = o['_t'] + dt.timedelta(minutes=rng.uniform(2, 45) * n)
            for f in ('ch', 'subj', 'p', 'kel', 't', 'cl'):
                if f in o:
                    it.setdefault(f, o[f])
            it['_rc'], it['_kc'] = o['_rc'], o['_kc']
            it.setdefault('text', o['text'])
            it['_n'] = n
    # reporters
    for it in items:
        if 'rep' in it and it['rep'] is not None:
            used.add(it['rep'])
    for it in items:
        if 'dup' in it:
            continue
        if 'rep' in it:
            continue
        if 'rep_of' in it:
            continue
        it['rep'] = fake(it['ch'])
    for it in items:
        if 'rep_of' in it:
            it['rep'] = by[it['rep_of']]['rep']
    for it in items:
        if 'dup' in it:
            it['rep'] = by[it['dup']]['rep']
    # ids
    base_items = sorted([i for i in items if 'dup' not in i], key=lambda i: i['_t'])
    for n, it in enumerate(base_items, 1):
        it['_id'] = f'c-{n:04d}'
    for it in items:
        if 'dup' in it:
            oid = by[it['dup']]['_id']
            it['_id'] = oid + ('-r' if it['_n'] == 1 else f"-r{it['_n']}")
    # cluster ids = earliest member
    cid = {}
    for it in base_items:
        ck = it.get('cl', it['k'])
        cid.setdefault(ck, it['_id'])
    out = []
    for it in sorted(items, key=lambda i: i['_t']):
        ck = it.get('cl', it['k'])
        if 'dup' in it:
            ck = by[it['dup']].get('cl', it['dup'])
        tr = by[it['trap']]['_id'] if it.get('trap') else None
        ch = it['ch']
        assert ch in ('web', 'sms', 'social', 'email'), it['k']
        subj = it.get('subj')
        assert (subj is not None) == (ch == 'email'), f"subject/channel mismatch {it['k']}"
        out.append({
            'id': it['_id'], 'channel': ch, 'subject': subj, 'text': it['text'].strip(),
            'reporter': it['rep'], 'received_at': it['_t'].strftime('%Y-%m-%dT%H:%M:%SZ'),
            'topic': it['t'], 'region_code': it['_rc'], 'kecamatan_code': it['_kc'],
            'cluster': cid[ck], 'duplicate_of': by[it['dup']]['_id'] if 'dup' in it else None,
            'trap_of': tr, 'note': it.get('note'),
        })
    with open(OUT, 'w', encoding='utf-8') as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + '\n')
    print(f'wrote {len(out)} complaints to complaints.jsonl')

if __name__ == '__main__':
    main()
