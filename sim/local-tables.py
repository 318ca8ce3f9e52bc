#!/usr/bin/env python3
"""Writes the Zhanjiang table versions (docs/decisions.md#sim-case-payment) from LocalCosts' group means.

usage: sim/local-tables.py BASE MEANS.csv NEW  (run from the repository root), for example
  java -cp cli/target/yibao.jar -Dloader.main=org.openyibao.sim.batch.LocalCosts \
       org.springframework.boot.loader.launch.PropertiesLauncher policies illustrative-drg-1 200000 1 > drg.csv
  sim/local-tables.py illustrative-drg-1 drg.csv zhanjiang-drg-1

A group with at least MIN_CASES cases in the sample gets its mean cost; a rarer one keeps the base table's average
cost times the region's overall ratio (the sample's cost over the base averages of its grouped cases). DRG weight =
average cost / the pack's base rate (11,800 yuan, hospital.case_payment.drg.base_rate), DIP score = average cost /
100 yuan (the illustrative tables' convention), so that the pack's rules pay the region's own costs.
"""
import csv, sys, os

MIN_CASES = 30
BASE_RATE = 11800.00
POINT = 100.00

base, means_file, new = sys.argv[1:4]
root = 'policies/grouping'
means = {r['group']: (int(r['cases']), int(r['mean_fen']) / 100) for r in csv.DictReader(open(means_file))}
drg = base.find('drg') >= 0
files = ['drg.csv'] if drg else ['core.csv', 'comprehensive.csv']
code_col, value_col = ('drg', 'weight') if drg else ('group', 'score')

rows = {}
for f in files:
    rows[f] = list(csv.DictReader(open(os.path.join(root, base, f))))
# the region's overall ratio: sample cost over the base averages of the same cases
avg = {r[code_col]: float(r['average_cost']) for f in files for r in rows[f]}
num = sum(n * m for g, (n, m) in means.items())
den = sum(n * avg[g] for g, (n, m) in means.items())
ratio = num / den
local = {}
for g, a in avg.items():
    n, m = means.get(g, (0, 0))
    local[g] = m if n >= MIN_CASES else a * ratio

os.makedirs(os.path.join(root, new), exist_ok=True)
for f in files:
    fields = list(rows[f][0].keys())
    with open(os.path.join(root, new, f), 'w', newline='') as out:
        w = csv.DictWriter(out, fieldnames=fields, lineterminator='\n')
        w.writeheader()
        for r in rows[f]:
            c = local[r[code_col]]
            r['average_cost'] = '%.2f' % c
            r[value_col] = '%.4f' % (c / BASE_RATE) if drg else '%.2f' % (c / POINT)
            w.writerow(r)
# the conformance vectors: the base's cases and groups, with the new weights or scores; the DIP vectors whose group is
# chosen by the closest average cost (a tie between core combinations or comprehensive groups) are left out, since the
# local costs decide those differently (they stay in the base version's vectors)
TIE_BROKEN_BY_COST = {'P028', 'P029', 'P057'}
lines = open(os.path.join(root, base, 'vectors.csv')).read().splitlines()
with open(os.path.join(root, new, 'vectors.csv'), 'w', newline='') as out:
    out.write('# Conformance vectors of %s (docs/grouping.md#conformance-vectors): the cases and groups of %s (this version'
              ' changes weights, scores and average costs only), with this version\'s values%s.\n' % (new, base,
              '' if drg else '; the cases whose group a tie of average costs decides (P028, P029, P057) are the base'
              ' version\'s only'))
    body = [l for l in lines if not l.startswith('#')]
    reader = csv.DictReader(body)
    w = csv.DictWriter(out, fieldnames=reader.fieldnames, lineterminator='\n')
    w.writeheader()
    for r in reader:
        if not drg and r['case'] in TIE_BROKEN_BY_COST:
            continue
        if r['outcome'] == 'grouped':
            c = local[r['code']]
            r[value_col] = '%.4f' % (c / BASE_RATE) if drg else '%.2f' % (c / POINT)
        w.writerow(r)
print('%s: overall ratio %.4f, %d groups from the sample, %d scaled' % (new, ratio,
      sum(1 for g in avg if means.get(g, (0, 0))[0] >= MIN_CASES), sum(1 for g in avg if means.get(g, (0, 0))[0] < MIN_CASES)))
