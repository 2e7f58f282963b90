import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { comparePositions, positionFromString } from '@ledger/event-store';
import { NotFoundError } from '@ledger/errors';
import type { CommandOutcome } from '@ledger/ledger';
import { type CommandOutcomeDocument, READ_MODELS } from '@ledger/projections';
import type { ReadStore } from '@ledger/read-store';
import { READ_STORE } from '@ledger/runtime';

export class GetCommandOutcome extends Query<CommandOutcome> {
  constructor(readonly commandId: string) {
    super();
  }
}

const toOutcome = (document: CommandOutcomeDocument): CommandOutcome => ({
  commandId: document.commandId,
  accountId: document.accountId,
  status: document.status,
  ...(document.errorCode === null ? {} : { errorCode: document.errorCode }),
  ...(document.errorMessage === null ? {} : { errorMessage: document.errorMessage }),
  billingLogIds: document.billingLogIds,
  position: document.position,
});

/**
 * The recorded outcome of a command, from the commandOutcomes read model. commandIds are unique per
 * account only; when several accounts used the same one, the most recently recorded (highest
 * position) wins. Validation failures and retryable rejections are never recorded: 404.
 */
@QueryHandler(GetCommandOutcome)
export class GetCommandOutcomeHandler implements IQueryHandler<GetCommandOutcome> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ commandId }: GetCommandOutcome): Promise<CommandOutcome> {
    const documents = await this.readStore.collection<CommandOutcomeDocument>(READ_MODELS.commandOutcomes).find({ commandId });
    const latest = documents.reduce<CommandOutcomeDocument | undefined>(
      (best, document) => (best === undefined || comparePositions(positionFromString(document.position), positionFromString(best.position)) > 0 ? document : best),
      undefined,
    );
    if (latest === undefined) throw new NotFoundError('명령 결과를 찾을 수 없습니다.');
    return toOutcome(latest);
  }
}
