'use strict';
// Test instrumentation, preloaded into the load test's child processes only
// (node --expose-gc --require this-file ts-runner.js <entry>): on SIGWINCH a full garbage collection,
// then the memory still in use on stderr. (SIGWINCH: Nest's shutdown hooks take SIGUSR2, Node SIGUSR1.) What survives a full collection is what the process retains.
process.on('SIGWINCH', () => {
  global.gc();
  const { heapUsed, external } = process.memoryUsage();
  process.stderr.write(`[heap-probe] ${JSON.stringify({ heapUsed, external })}\n`);
});
