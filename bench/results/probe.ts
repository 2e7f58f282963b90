import { runPhase } from '../harness/phases';
(async () => {
  process.env.BENCH_PROFILE_DIR = '/tmp/prof4';
  console.log(await runPhase(require.resolve('../scenarios/b3-rebuild.ts'), 'rebuild', { file: '/tmp/bench-data/history-2000x26.sqlite', events: 20000, readStore: 'memory' }, ['--expose-gc']));
})();
