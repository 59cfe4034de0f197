#!/usr/bin/env python3
"""Derives the demo's call parameters (Demo options, DemoCallMix) from the real call records in ../shared/data/ems_calls.

Run from the repository root: python3 tools/demo-call-mix.py [path to ems_calls]. It prints aggregates only; nothing
row-by-row is written anywhere, and the data stays outside the repository (see its SOURCE.md for origin and licence).
Populations (for calls per 100,000 people) are census figures, not in the data: San Francisco 2020 ~874,000,
Montgomery County PA 2016 ~822,000.
"""
import collections, csv, datetime, io, statistics, sys, zipfile

root = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/ems_calls'
SF_POP, MONTCO_POP = 874_000, 822_000

# San Francisco: one row per responding unit; keep one row per medical incident.
rows = list(csv.DictReader(open(f'{root}/sf_fire_calls/Fire_Department_Calls_for_Service.csv', newline='')))
fmt = '%m/%d/%Y %I:%M:%S %p'
incidents = {}
for r in rows:
    if r['Call Type'] == 'Medical Incident':
        incidents.setdefault(r['Incident Number'], r)
days = len({r['Call Date'] for r in incidents.values()})
per_day = len(incidents) / days
print(f'SF medical incidents: {len(incidents)} over {days} days = {per_day:.0f}/day, '
      f'{per_day / 24 / SF_POP * 1e5:.3f} per hour per 100k people')
crossed = collections.Counter((r['Original Priority'], r['Call Type Group']) for r in incidents.values())
print('SF original priority x call type group:', crossed.most_common())
dispo = collections.Counter(r['Call Final Disposition'] for r in incidents.values())
transported = sum(n for d, n in dispo.items() if 'Transport' in d and 'Declined' not in d)
print(f'SF dispositions: transported {transported / len(incidents):.2f}; top {dispo.most_common(8)}')

def minutes(r, a, b):
    if r[a] and r[b]:
        return (datetime.datetime.strptime(r[b], fmt) - datetime.datetime.strptime(r[a], fmt)).total_seconds() / 60
    return None

medic = [r for r in rows if r['Call Type'] == 'Medical Incident' and r['Unit Type'] == 'MEDIC']
for label, a, b in [('received->dispatch', 'Received DtTm', 'Dispatch DtTm'), ('on scene->transport', 'On Scene DtTm', 'Transport DtTm'),
                    ('hospital->available', 'Hospital DtTm', 'Available DtTm')]:
    values = [m for m in (minutes(r, a, b) for r in medic) if m is not None and 0 <= m < 240]
    print(f'SF MEDIC {label}: median {statistics.median(values):.1f} min (n={len(values)})')

# Montgomery County: EMS rows only; the time-of-day curve and the complaint mix.
with zipfile.ZipFile(f'{root}/montgomery_pa_911/911.zip') as z:
    text = io.TextIOWrapper(z.open('911.csv'), encoding='utf-8')
    ems = [r for r in csv.DictReader(text) if r['title'].startswith('EMS:')]
stamps = [datetime.datetime.strptime(r['timeStamp'], '%Y-%m-%d %H:%M:%S') for r in ems]
span_days = (max(stamps) - min(stamps)).total_seconds() / 86400
print(f'Montco EMS calls: {len(ems)} over {span_days:.0f} days = {len(ems) / span_days:.0f}/day, '
      f'{len(ems) / span_days / 24 / MONTCO_POP * 1e5:.3f} per hour per 100k people')
hours = collections.Counter(s.hour for s in stamps)
mean = len(stamps) / 24
print('Montco EMS hour-of-day factor (0..23):', ', '.join(f'{hours[h] / mean:.2f}' for h in range(24)))
titles = collections.Counter(r['title'][5:].strip() for r in ems)
top = titles.most_common(15)
print('Montco EMS top call types (share of EMS calls):')
for t, n in top:
    print(f'  {t}: {n / len(ems):.3f}')
