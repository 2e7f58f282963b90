import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ValidationError } from '@ledger/errors';
import { type IssuedBillingKey, InvalidCardNumberError, issueSandboxBillingKey } from '@ledger/payments';
import { PortalCsrfGuard, PortalSessionGuard } from '../access/portal-session.guard';
import { SandboxCardDto } from './portal-forms.dto';

const CARD_ERRORS: Readonly<Record<InvalidCardNumberError['reason'], string>> = {
  format: '카드 번호는 13~19자리 숫자입니다.',
  brand: 'VISA(4로 시작) 또는 MASTERCARD(5로 시작) 카드만 등록할 수 있습니다.',
  checksum: '카드 번호가 올바르지 않습니다.',
};

/**
 * Stands in for the payment gateway's hosted card form: takes the card number, answers only the
 * billing key, brand and last 4 digits. JSON errors (the platform's filter), for the page's script.
 */
@ApiExcludeController()
@Controller('portal')
export class SandboxCardFormController {
  @Post('sandbox-gateway/billing-keys')
  @HttpCode(200)
  @UseGuards(PortalSessionGuard, PortalCsrfGuard)
  issueBillingKey(@Body() body: SandboxCardDto): IssuedBillingKey {
    try {
      const { billingKey, brand, last4 } = issueSandboxBillingKey(body.cardNumber);
      return { billingKey, brand, last4 };
    } catch (error) {
      if (!(error instanceof InvalidCardNumberError)) throw error;
      throw new ValidationError(CARD_ERRORS[error.reason], [{ field: 'cardNumber', rule: error.reason, message: error.message }]);
    }
  }
}
