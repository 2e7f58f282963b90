/** The ledger's Kafka topics (messaging.md). Names are configurable; these are the defaults. */
export interface LedgerTopics {
  readonly commands: string;
  readonly usage: string;
  readonly results: string;
  readonly deadLetters: string;
  readonly events: string;
}

export const DEFAULT_TOPICS: LedgerTopics = {
  commands: 'billing.commands.v1',
  usage: 'billing.usage.v1',
  results: 'billing.command-results.v1',
  deadLetters: 'billing.commands.v1.dlq',
  events: 'billing.events.v1',
};

/** The environment variable that renames each topic. */
export const TOPIC_ENV_VARIABLES: Readonly<Record<keyof LedgerTopics, string>> = {
  commands: 'LEDGER_TOPIC_COMMANDS',
  usage: 'LEDGER_TOPIC_USAGE',
  results: 'LEDGER_TOPIC_RESULTS',
  deadLetters: 'LEDGER_TOPIC_DLQ',
  events: 'LEDGER_TOPIC_EVENTS',
};

export function topicsFromEnv(env: NodeJS.ProcessEnv = process.env): LedgerTopics {
  const named = (key: keyof LedgerTopics): string => env[TOPIC_ENV_VARIABLES[key]]?.trim() || DEFAULT_TOPICS[key];
  return {
    commands: named('commands'),
    usage: named('usage'),
    results: named('results'),
    deadLetters: named('deadLetters'),
    events: named('events'),
  };
}

/** Consumer group of the ingest (messaging.md "Delivery rules"). */
export const DEFAULT_CONSUMER_GROUP = 'billing-ledger';
