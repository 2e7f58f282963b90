import { Controller, Get } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { UnavailableError } from '@ledger/errors';
import { ErrorBodyDto } from '../../errors/error-body.dto';
import { type ProbeResult, ReadinessService } from './readiness';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** The process answers; says nothing about its dependencies (restart only when this fails). */
  @Get('live')
  @RouteConfig({ rateLimit: false })
  @ApiOkResponse({ description: '{ "status": "ok" }' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @RouteConfig({ rateLimit: false })
  @ApiOkResponse({ description: '{ "status": "ready", "checks": [{ "name", "status": "up" }] }' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'details.checks lists the probes that are down' })
  async ready(): Promise<{ status: 'ready'; checks: ProbeResult[] }> {
    const checks = await this.readiness.run();
    if (checks.some((check) => check.status === 'down')) throw new UnavailableError('서비스가 아직 준비되지 않았습니다.', { checks });
    return { status: 'ready', checks };
  }
}
