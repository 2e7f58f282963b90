import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, perSecond, ratio } from './measure';
import { formatTable } from './report-table';
import { topSelfTimes } from './summarize-profile';

describe('benchmark measurements', () => {
  it('takes nearest-rank percentiles of unsorted samples', () => {
    const samples = [9, 1, 5, 3, 7, 2, 8, 4, 6, 10];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });

  it('turns counts and milliseconds into rates and ratios', () => {
    expect(perSecond(500, 250)).toBe(2000);
    expect(ratio(1, 3)).toBe(0.333);
  });

  it('tabulates figures with their targets, and failed scenarios', () => {
    const table = formatTable([
      { id: 'B1', title: 't', quick: true, notes: [], machine: {}, figures: [{ name: 'rate', value: 10, unit: 'cmd/s', target: '>= 20', met: false, loadAverage: 1.5 }] },
      { id: 'B2', error: 'exited with 1' },
    ]);
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toMatch(/B1 +\| rate +\| 10 cmd\/s +\| >= 20 +\| NO +\| 1.5/);
    expect(table).toMatch(/B2 +\| FAILED: exited with 1/);
  });

  it('sums self time per function from a CPU profile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
    try {
      const frame = (functionName: string) => ({ functionName, url: 'file:///x.js', lineNumber: 0 });
      const file = join(dir, 'p.cpuprofile');
      writeFileSync(file, JSON.stringify({ nodes: [{ id: 1, callFrame: frame('hot') }, { id: 2, callFrame: frame('cold') }], samples: [1, 1, 2, 1], timeDeltas: [1000, 1000, 1000, 1000] }));
      expect(topSelfTimes(file).map(({ fn, ms, percent }) => [fn, ms, percent])).toEqual([
        ['hot', 3, 75],
        ['cold', 1, 25],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
