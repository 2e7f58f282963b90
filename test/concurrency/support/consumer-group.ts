import { type Admin, AssignerProtocol, type Kafka } from 'kafkajs';
import { pollUntil } from '../../infra/poll';

/** A settled membership of the consumer group: each member's clientId and how many partitions it has. */
export interface Membership {
  /** Results published when the membership was seen settled. */
  readonly atResults: number;
  readonly partitions: Readonly<Record<string, number>>;
}

/** Watches a consumer group through the admin API, so a test waits for a rebalance to complete. */
export class ConsumerGroupWatch {
  readonly history: Membership[] = [];

  private constructor(
    private readonly admin: Admin,
    private readonly groupId: string,
  ) {}

  static async open(kafka: Kafka, groupId: string): Promise<ConsumerGroupWatch> {
    const admin = kafka.admin();
    await admin.connect();
    return new ConsumerGroupWatch(admin, groupId);
  }

  /** Waits until the group is Stable with exactly these clients (by clientId), each owning partitions. */
  async waitFor(clientIds: readonly string[], resultsSoFar: () => number, abortReason: () => string | undefined): Promise<Membership> {
    const expected = [...clientIds].sort();
    const membership = await pollUntil(
      async () => {
        const [group] = (await this.admin.describeGroups([this.groupId])).groups;
        const partitions: Record<string, number> = {};
        for (const member of group.members) {
          const assignment = AssignerProtocol.MemberAssignment.decode(member.memberAssignment)?.assignment ?? {};
          partitions[member.clientId] = (partitions[member.clientId] ?? 0) + Object.values(assignment).reduce((sum, owned) => sum + owned.length, 0);
        }
        const members = Object.keys(partitions).sort();
        const settled = group.state === 'Stable' && group.members.length === expected.length && members.join() === expected.join() && members.every((clientId) => partitions[clientId] > 0);
        if (!settled) throw new Error(`group ${group.state} with ${JSON.stringify(partitions)}`);
        return { atResults: resultsSoFar(), partitions };
      },
      { what: `the consumer group settling with ${expected.join(' and ')}`, timeoutMs: 90_000, intervalMs: 100, abortReason },
    );
    this.history.push(membership);
    return membership;
  }

  close(): Promise<void> {
    return this.admin.disconnect();
  }
}
