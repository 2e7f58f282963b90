import type { Kafka } from 'kafkajs';
import type { LedgerTopics } from '@ledger/messaging';

export interface TopicLayout {
  readonly partitions: number;
  readonly replicationFactor: number;
}

/** Creates the ledger's topics that do not exist yet (existing ones are left as they are). */
export async function ensureTopics(kafka: Kafka, topics: LedgerTopics, layout: TopicLayout): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(Object.values(topics))].filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: layout.partitions, replicationFactor: layout.replicationFactor })),
    });
  } finally {
    await admin.disconnect();
  }
}
