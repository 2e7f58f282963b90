import type { Message } from 'kafkajs';
import { DEAD_LETTER_HEADERS } from '@ledger/messaging';
import type { InboundMessage } from '../kafka/inbound-batch';

export interface DeadLetterReason {
  readonly errorCode: string;
  readonly errorMessage: string;
}

/** Header values are bounded: a reason listing every field of a huge payload must not bloat the topic. */
const MAX_ERROR_MESSAGE_CHARS = 2000;

/**
 * The dead letter of a message: its key and value byte for byte (nothing is re-encoded), its own
 * headers, and the reason headers of messaging.md.
 */
export function deadLetterMessage(message: InboundMessage, reason: DeadLetterReason, failedAt: Date): Message {
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DEAD_LETTER_HEADERS.originalTopic]: message.topic,
      [DEAD_LETTER_HEADERS.originalPartition]: String(message.partition),
      [DEAD_LETTER_HEADERS.originalOffset]: message.offset,
      [DEAD_LETTER_HEADERS.errorCode]: reason.errorCode,
      [DEAD_LETTER_HEADERS.errorMessage]: reason.errorMessage.slice(0, MAX_ERROR_MESSAGE_CHARS),
      [DEAD_LETTER_HEADERS.failedAt]: failedAt.toISOString(),
    },
  };
}
