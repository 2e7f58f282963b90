import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ProjectFn, type ReadModelName, type RebuildReport, READ_MODEL_NAMES, rebuildReadModels } from '@ledger/audit';
import type { EventStore } from '@ledger/event-store';
import type { ReadStore } from '@ledger/read-store';
import { type CliIo, report } from '../io/cli-io';
import { EXIT, type ExitCode } from '../io/exit-codes';
import { describeDifference } from './verify.command';

/** The projector writes the four read models under one checkpoint, so they are rebuilt as one unit. */
export const ALL_READ_MODELS = 'read-models';

export interface RebuildCommandOptions {
  /** `read-models` (all) or one collection, which narrows the diff report. */
  readonly projection: string;
  readonly switchLive: boolean;
  readonly outDir: string;
  /** The projection to build with; tests inject a changed one. */
  readonly project?: ProjectFn;
  readonly now?: () => Date;
}

export function renderRebuild(result: RebuildReport): string {
  const lines = [
    `rebuild: version ${result.builtVersion} built beside live version ${result.liveVersion} from ${result.eventsReplayed} events`,
    ...Object.entries(result.documents).map(([name, counts]) => `  ${name}: ${counts.live} live, ${counts.rebuilt} rebuilt`),
    `  ${result.changes.length} documents would change, ${result.amountChanges.length} billing amounts among them`,
    ...result.amountChanges.map((change) => `  amount ${change.collection}/${change.id} ${change.field}: ${JSON.stringify(change.current)} → ${JSON.stringify(change.replayed)}`),
    ...result.changes.flatMap(describeDifference),
    ...result.replayFailures.map((failure) => `  replay failed: account ${failure.accountId} at revision ${failure.revision}: ${failure.message}`),
    result.switched ? `  switched: version ${result.builtVersion} is live; version ${result.liveVersion} is kept` : `  not switched: version ${result.liveVersion} stays live (run with --switch to flip)`,
  ];
  return lines.join('\n');
}

const collectionsOf = (projection: string): readonly ReadModelName[] | undefined =>
  projection === ALL_READ_MODELS ? READ_MODEL_NAMES : READ_MODEL_NAMES.filter((name) => name === projection);

/** `ledger rebuild <projection> [--switch]`: blue-green rebuild with a diff report (JSON and text) in outDir. */
export async function rebuildCommand(eventStore: EventStore, baseStore: ReadStore, options: RebuildCommandOptions, io: CliIo): Promise<ExitCode> {
  const collections = collectionsOf(options.projection);
  if (!collections || collections.length === 0) {
    io.err(`Unknown projection ${options.projection}; expected ${ALL_READ_MODELS} or one of ${READ_MODEL_NAMES.join(', ')}`);
    return EXIT.USAGE;
  }
  const progress = io.progress('rebuilding');
  const result = await rebuildReadModels(eventStore, baseStore, {
    project: options.project,
    collections,
    switchLive: options.switchLive,
    now: options.now,
    onProgress: ({ done, total }) => progress.update(done, total),
  });
  progress.stop();
  mkdirSync(options.outDir, { recursive: true });
  const name = `rebuild-v${result.builtVersion}`;
  writeFileSync(join(options.outDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(options.outDir, `${name}.txt`), `${renderRebuild(result)}\n`);
  report(io, result, () => `${renderRebuild(result)}\n  report: ${join(options.outDir, name)}.{json,txt}`);
  return result.replayFailures.length === 0 ? EXIT.OK : EXIT.FINDINGS;
}
