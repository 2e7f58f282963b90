import { UnavailableError } from '@ledger/errors';
import type { GlobalPosition } from '@ledger/event-store';
import type { SchedulerPorts } from './scheduler-ports';

/**
 * Waits until the read models show `position`, with a deadline: a stopped projector must surface as
 * an outage (the caller retries), not as a scheduler that hangs forever.
 */
export async function untilVisible(projector: SchedulerPorts['projector'], position: GlobalPosition, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnavailableError(`읽기 모델이 ${timeoutMs}ms 안에 따라오지 않았습니다.`)), timeoutMs);
  });
  try {
    await Promise.race([projector.whenVisible(position), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
