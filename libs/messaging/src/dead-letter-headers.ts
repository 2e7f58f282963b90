/** Headers of a message on the dead-letter topic; its value is the original bytes unchanged. */
export const DEAD_LETTER_HEADERS = {
  originalTopic: 'original-topic',
  originalPartition: 'original-partition',
  originalOffset: 'original-offset',
  errorCode: 'error-code',
  errorMessage: 'error-message',
  failedAt: 'failed-at',
} as const;

/** Messages larger than this go to the dead-letter topic unread (messaging.md). */
export const MAX_COMMAND_MESSAGE_BYTES = 64 * 1024;
