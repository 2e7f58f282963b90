import { Controller, Get, Headers, Param, Query, StreamableFile, Module } from '@nestjs/common';
import { QueryBus, CqrsModule } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { BillingLogIdParam } from '../billing-logs/billing-log.dto';
import { GetReceipt, type ReceiptView, GetReceiptHandler, RECEIPT_SUPPLIER } from './receipt.queries';
import { supplierFromEnv } from '@ledger/receipts';
import { BillingLogsModule } from '../billing-logs/billing-logs.module';
import { BillingSnapshotsModule } from '../billing-snapshots/billing-snapshots.module';

const FORMATS = ['json', 'pdf'] as const;

export class ReceiptFormatQuery {
  @ApiPropertyOptional({ enum: FORMATS, description: 'pdf: the same as Accept: application/pdf' })
  @IsOptional()
  @IsIn(FORMATS)
  format?: (typeof FORMATS)[number];
}

/** `?format` wins over the Accept header, so a link can force either one. */
const wantsPdf = (format: ReceiptFormatQuery['format'], accept: string | undefined): boolean =>
  format === undefined ? /\bapplication\/pdf\b/i.test(accept ?? '') : format === 'pdf';

@ApiTags('customer')
@Controller('crm-core/v1/plans/me/receipts')
export class ReceiptsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':logId')
  @Auth('any', 'customer')
  @ApiProduces('application/json', 'application/pdf')
  @ApiOperation({ summary: 'Receipt of one billing log: JSON, or a Korean PDF with Accept: application/pdf or ?format=pdf' })
  @ApiNotFoundResponse({ description: 'Same rules as the billing-log detail' })
  async receipt(
    @CurrentPrincipal() principal: Principal,
    @Param() params: BillingLogIdParam,
    @Query() query: ReceiptFormatQuery,
    @Headers('accept') accept?: string,
  ): Promise<ReceiptView | StreamableFile> {
    const document = await this.queries.execute(new GetReceipt(principal.accountId, params.logId, wantsPdf(query.format, accept) ? 'pdf' : 'json'));
    if (document.format === 'json') return document.receipt;
    return new StreamableFile(document.pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="receipt-${document.receiptNumber}.pdf"`,
      length: document.pdf.length,
    });
  }
}

/** GET /crm-core/v1/plans/me/receipts/:logId (JSON or PDF). Supplier from RECEIPT_SUPPLIER_* variables. */
@Module({
  imports: [CqrsModule.forRoot(), BillingLogsModule, BillingSnapshotsModule],
  controllers: [ReceiptsController],
  providers: [GetReceiptHandler, { provide: RECEIPT_SUPPLIER, useFactory: () => supplierFromEnv(process.env) }],
})
export class ReceiptsModule {}
