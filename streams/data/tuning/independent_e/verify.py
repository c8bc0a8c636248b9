"""Verify complaints.jsonl: structure, codes, cluster/resend/trap links; print counts.
Usage: .venv/bin/python verify.py [--names]"""
import collections, json, os, re, statistics, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, 'src'))
import wil  # noqa: E402

FIELDS = ['id', 'channel', 'subject', 'text', 'reporter', 'received_at', 'topic', 'region_code',
          'kecamatan_code', 'cluster', 'duplicate_of', 'trap_of', 'note']
TOPICS = set(('pertanahan infrastruktur kependudukan kesehatan pendidikan sosial energi air_bersih lingkungan '
              'perhubungan ketertiban kepolisian ketenagakerjaan perizinan pajak korupsi_pungli telekomunikasi '
              'lainnya').split())
errors = []


def err(i, msg):
    errors.append('line %d: %s' % (i, msg))


def dotted(code):
    return '.'.join([code[0:2], code[2:4]] + ([code[4:6]] if len(code) > 4 else []))


def main():
    rows = []
    with open(os.path.join(HERE, 'complaints.jsonl'), encoding='utf-8') as f:
        for i, line in enumerate(f, 1):
            d = json.loads(line)
            rows.append((i, d))
            if list(d) != FIELDS:
                err(i, 'fields/order %s' % list(d))
                continue
            if not re.fullmatch(r'e-\d{4}(-r\d*)?', d['id']):
                err(i, 'bad id %s' % d['id'])
            ch = d['channel']
            if ch not in ('web', 'sms', 'social', 'email'):
                err(i, 'channel %s' % ch)
            if (ch == 'email') != (d['subject'] is not None) or (d['subject'] is not None and not d['subject'].strip()):
                err(i, 'subject must be set exactly for email')
            if not isinstance(d['text'], str) or len(d['text'].split()) < 3:
                err(i, 'text')
            if ch == 'sms' and len(d['text']) >= 160:
                err(i, 'sms >= 160 chars')
            rep = d['reporter']
            phone = rep is not None and re.fullmatch(r'\+62858000\d{5}', rep)
            mail = rep is not None and re.fullmatch(r'[a-z0-9._]+@example\.id', rep)
            handle = rep is not None and re.fullmatch(r'@[A-Za-z0-9._]+', rep)
            ok = {'sms': phone, 'social': handle, 'email': mail, 'web': rep is None or phone or mail}[ch] if ch in ('web', 'sms', 'social', 'email') else False
            if not ok:
                err(i, 'reporter %r for %s' % (rep, ch))
            if not re.fullmatch(r'2026-\d\d-\d\dT\d\d:\d\d:00Z', d['received_at']):
                err(i, 'received_at')
            if d['topic'] not in TOPICS:
                err(i, 'topic %s' % d['topic'])
            rc, kc = d['region_code'], d['kecamatan_code']
            if rc is not None:
                if not re.fullmatch(r'\d{4}', rc) or len(wil.WIL.get(dotted(rc), '')) == 0:
                    err(i, 'region_code %s unknown' % rc)
            if kc is not None:
                if rc is None or not re.fullmatch(r'\d{6}', kc) or dotted(kc) not in wil.WIL or not kc.startswith(rc):
                    err(i, 'kecamatan_code %s not in region %s' % (kc, rc))
    ids = {d['id']: d for _, d in rows}
    if len(ids) != len(rows):
        err(0, 'duplicate ids')
    times = [d['received_at'] for _, d in rows]
    if times != sorted(times):
        err(0, 'not sorted by received_at')
    # clusters
    members = collections.defaultdict(list)
    for i, d in rows:
        members[d['cluster']].append(d)
        if d['cluster'] not in ids:
            err(i, 'cluster %s not an id' % d['cluster'])
    for cid, ms in members.items():
        first = min(ms, key=lambda d: (d['received_at'], d['id']))
        if first['id'] != cid:
            err(0, 'cluster %s: first report is %s' % (cid, first['id']))
    for i, d in rows:
        o = d['duplicate_of']
        if o is not None:
            src = ids.get(o)
            if src is None or not d['id'].startswith(o + '-r'):
                err(i, 'duplicate_of %s' % o)
            elif (src['channel'], src['reporter'], src['cluster']) != (d['channel'], d['reporter'], d['cluster']) \
                    or src['received_at'] > d['received_at'] or src['duplicate_of'] is not None:
                err(i, 'resend differs from original in channel/reporter/cluster/time')
            elif (src['topic'], src['region_code'], src['kecamatan_code']) != (d['topic'], d['region_code'], d['kecamatan_code']):
                err(i, 'resend labels differ')
        elif '-r' in d['id']:
            err(i, 'resend id without duplicate_of')
        t = d['trap_of']
        if t is not None:
            if t not in ids:
                err(i, 'trap_of %s unknown' % t)
            elif ids[t]['cluster'] == d['cluster']:
                err(i, 'trap_of %s is in the same cluster' % t)

    # counts
    print('== counts ==')
    print('lines:', len(rows))
    print('unique ids:', len(ids))
    print('per topic:', dict(sorted(collections.Counter(d['topic'] for _, d in rows).items())))
    print('per channel:', dict(sorted(collections.Counter(d['channel'] for _, d in rows).items())))
    prov = collections.Counter(wil.WIL[d['region_code'][:2]] for _, d in rows if d['region_code'])
    print('provinces covered: %d of 38' % len(prov))
    for p, n in prov.most_common():
        print('   %-32s %d' % (p, n))
    nreg = sum(1 for _, d in rows if d['region_code'])
    print('texts with a region_code: %d (%.1f%%)' % (nreg, 100.0 * nreg / len(rows)))
    print('texts with a kecamatan_code:', sum(1 for _, d in rows if d['kecamatan_code']))
    multi = {c: [d for d in ms if d['duplicate_of'] is None] for c, ms in members.items()}
    multi = {c: ms for c, ms in multi.items() if len(ms) >= 2}
    hist = dict(sorted(collections.Counter(len(ms) for ms in multi.values()).items()))
    print('clusters with >=2 distinct reports (excluding resends): %d ; complaints in them: %d ; size histogram: %s'
          % (len(multi), sum(len(m) for m in multi.values()), hist))
    print('multi-reporter clusters spanning >=2 channels:', sum(1 for ms in multi.values() if len({d['channel'] for d in ms}) >= 2))
    print('traps (trap_of set):', sum(1 for _, d in rows if d['trap_of']))
    print('exact/near resends (duplicate_of set):', sum(1 for _, d in rows if d['duplicate_of']))
    print('texts with a note:', sum(1 for _, d in rows if d['note']))
    wl = [len(d['text'].split()) for _, d in rows]
    print('text length words: min %d, median %d, max %d' % (min(wl), statistics.median(wl), max(wl)))
    print('sms length chars: max %d' % max(len(d['text']) for _, d in rows if d['channel'] == 'sms'))
    print('received_at range: %s .. %s' % (times[0], times[-1]))
    if '--names' in sys.argv:
        for _, d in rows:
            rc, kc = d['region_code'], d['kecamatan_code']
            nm = (wil.WIL[dotted(rc)] if rc else '-') + (' / ' + wil.WIL[dotted(kc)] if kc else '')
            print('\n%s [%s] %s -> %s | %s\n   %s' % (d['id'], d['channel'], d['topic'], nm, d['cluster'], d['text']))
    print()
    if errors:
        print('FAILED: %d errors' % len(errors))
        for e in errors[:50]:
            print('  ', e)
        sys.exit(1)
    print('OK: all region/kecamatan codes exist in wilayah data and kecamatan lie in their kabupaten/kota; links consistent')


if __name__ == '__main__':
    main()
