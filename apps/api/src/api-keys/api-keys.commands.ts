import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { API_KEY_DIRECTORY, type ApiKeyDirectory, type IssuedApiKey } from '../auth/api-keys/api-key-directory.port';

export class IssueApiKey extends Command<IssuedApiKey> {
  constructor(readonly accountId: string) {
    super();
  }
}

export class RevokeApiKey extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly apiKey: string,
  ) {
    super();
  }
}

@CommandHandler(IssueApiKey)
export class IssueApiKeyHandler implements ICommandHandler<IssueApiKey> {
  constructor(@Inject(API_KEY_DIRECTORY) private readonly directory: ApiKeyDirectory) {}

  execute({ accountId }: IssueApiKey): Promise<IssuedApiKey> {
    return this.directory.issue(accountId);
  }
}

/** Another account's key answers 404, like an unknown one: the path names the account. */
@CommandHandler(RevokeApiKey)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKey> {
  constructor(@Inject(API_KEY_DIRECTORY) private readonly directory: ApiKeyDirectory) {}

  execute({ accountId, apiKey }: RevokeApiKey): Promise<void> {
    return this.directory.revoke(apiKey, accountId);
  }
}
