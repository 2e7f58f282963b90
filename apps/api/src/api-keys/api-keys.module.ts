import { Controller, Delete, HttpCode, Param, Post, Module } from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Length, Matches } from 'class-validator';
import { API_KEY_PATTERN } from '../auth/api-keys/api-key-format';
import type { IssuedApiKey } from '../auth/api-keys/api-key-directory.port';
import { Auth } from '../auth/auth.decorators';
import { IssueApiKey, RevokeApiKey, IssueApiKeyHandler, RevokeApiKeyHandler } from './api-keys.commands';

/** The same rule as a command envelope's accountId. */
export class AccountParam {
  @Length(1, 100)
  @Matches(/^[A-Za-z0-9_.:-]*$/, { message: 'accountId may contain only A-Z, a-z, 0-9 and _ . : -' })
  accountId!: string;
}

export class AccountApiKeyParam extends AccountParam {
  @Matches(API_KEY_PATTERN, { message: 'apiKey must be NCS + 13 upper-case letters or digits' })
  apiKey!: string;
}

@ApiTags('internal')
@Controller('internal/v1/accounts/:accountId/api-keys')
@Auth('jwt', 'admin')
export class ApiKeysController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Issue an API key for the account; the secret is shown in this answer only' })
  @ApiCreatedResponse({ description: '{ apiKey, apiSecret }' })
  issue(@Param() params: AccountParam): Promise<IssuedApiKey> {
    return this.commands.execute(new IssueApiKey(params.accountId));
  }

  @Delete(':apiKey')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key (idempotent)' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({ description: 'Unknown key, or a key of another account' })
  async revoke(@Param() params: AccountApiKeyParam): Promise<void> {
    await this.commands.execute(new RevokeApiKey(params.accountId, params.apiKey));
  }
}

/** POST and DELETE /internal/v1/accounts/:accountId/api-keys (admin), through API_KEY_DIRECTORY. */
@Module({ imports: [CqrsModule.forRoot()], controllers: [ApiKeysController], providers: [IssueApiKeyHandler, RevokeApiKeyHandler] })
export class ApiKeysModule {}
