import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { auditDepsProvider } from './audit-deps.provider';
import { AuditController } from './audit.controller';
import { AUDIT_QUERY_HANDLERS } from './audit.query-handlers';

/** /audit/v1: auditors replay, trace and verify the history (Bearer JWT, role auditor). */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [AuditController],
  providers: [auditDepsProvider, ...AUDIT_QUERY_HANDLERS],
})
export class AuditModule {}
