import { Inject, Injectable, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Projector } from '@ledger/projections';
import { PROJECTOR } from '@ledger/runtime';

/** Keeps the read models current from the event store while the worker runs. */
@Injectable()
export class ProjectorRole implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(PROJECTOR) private readonly projector: Projector) {}

  onApplicationBootstrap(): Promise<void> {
    return this.projector.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.projector.stop();
  }
}

@Module({ providers: [ProjectorRole] })
export class ProjectorRoleModule {}
