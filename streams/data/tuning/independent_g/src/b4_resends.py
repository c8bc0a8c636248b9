# Exact / near-exact resends (duplicate_of). Same reporter+channel; text copied or lightly edited.
# Channel, reporter, place, topic and cluster are copied from the original by build.py.
ITEMS = [
dict(k='r01', dup='cl01b', note='exact resend'),
dict(k='r02', dup='cl03b', text="rek banyu pdam ng omahku mati wis telung dino, nang pacar keling kabeh podo. piye iki??", note='resend with extra ??'),
dict(k='r03', dup='cl05b', note='exact resend'),
dict(k='r04', dup='cl06b', text="Bpp mati lampu lagi, ini udah malam ke-6 berturut2. Daerah sepinggan dekat bandara gelap gulita. @pln_123 kapan beresnya ??? tolong jawab", note='near-exact resend'),
dict(k='r05', dup='cl11b', note='exact resend'),
dict(k='r06', dup='cl11b', text="pak anak sy di smpn 6 mtr disuru bayar 750rb tp gk ada kwitansi. katanya wajib. apa boleh? mohon dibalas", note='second resend'),
dict(k='r07', dup='cl13a', note='exact resend'),
dict(k='r08', dup='cl17a', note='email sent twice'),
dict(k='r09', dup='cl20b', note='exact resend'),
dict(k='r10', dup='cl23b', text="air mati total di batam centre, udh 2 hr. tdk ada info jadwal gilir.", note='near-exact (period)'),
dict(k='r11', dup='cl27c', note='exact resend'),
dict(k='r12', dup='cl36c', text="tanggul kali bks jebol lg, PGP kelelep. kpn dibenerin?? tlg", note='near-exact'),
dict(k='r13', dup='cl40b', note='exact resend'),
dict(k='r14', dup='cl42b', note='exact resend, Sundanese'),
dict(k='r15', dup='t29', note='resend of a trap item'),
dict(k='r16', dup='cl49b', note='exact resend'),
dict(k='r17', dup='t07', text="air bersih di kupang tengah kab kupang son ada, sumur kering semua. minta tangki air", note='near-exact'),
dict(k='r18', dup='cl30c', note='exact resend'),
]
