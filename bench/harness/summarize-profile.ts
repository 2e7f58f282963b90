import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SelfTime {
  readonly fn: string;
  readonly where: string;
  readonly ms: number;
  readonly percent: number;
}

const locationOf = (node: ProfileNode): string => {
  const { url, lineNumber } = node.callFrame;
  if (!url) return '(native)';
  const path = url.replace(/^file:\/\//, '');
  return `${path.startsWith('/') ? relative(process.cwd(), path) : path}:${lineNumber + 1}`;
};

/** Top self-time functions of a `node --cpu-prof` profile (time spent in the function itself). */
export function topSelfTimes(file: string, limit = 15): SelfTime[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, { fn: string; where: string; micros: number }>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    if (!node) return;
    total += delta;
    const where = locationOf(node);
    const fn = node.callFrame.functionName || '(anonymous)';
    const key = `${fn}@${where}`;
    const entry = byFunction.get(key) ?? { fn, where, micros: 0 };
    entry.micros += delta;
    byFunction.set(key, entry);
  });
  return [...byFunction.values()]
    .sort((a, b) => b.micros - a.micros)
    .slice(0, limit)
    .map(({ fn, where, micros }) => ({ fn, where, ms: Math.round(micros / 1000), percent: Math.round((micros / total) * 1000) / 10 }));
}

if (require.main === module) {
  const [file, limit] = process.argv.slice(2);
  topSelfTimes(file, limit ? Number(limit) : 15).forEach(({ fn, where, ms, percent }) =>
    process.stdout.write(`${String(percent).padStart(5)}% ${String(ms).padStart(7)} ms  ${fn}  ${where}\n`),
  );
}
