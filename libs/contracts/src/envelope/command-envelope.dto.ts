import { IsBoolean, IsObject, IsOptional, Length, Matches } from 'class-validator';
import { COMMAND_TYPES, ISSUER_TYPES, type CommandType, type IssuerType } from '../vocabulary';
import type { PayloadOf } from '../payloads/payload-dto-by-type';
import { IsBoundedString, IsIsoInstant, IsOneOf } from '../validation/field-rules';

export class IssuedByDto {
  @IsOneOf(ISSUER_TYPES)
  type!: IssuerType;

  @IsBoundedString(1, 100)
  id!: string;
}

/**
 * The envelope of every command (domain.md "Commands"). `issuedBy` and `payload` are checked by
 * validateCommandEnvelope, which picks the payload DTO from `type`.
 */
export class CommandEnvelopeDto {
  @IsBoundedString(1, 200)
  commandId!: string;

  @IsOneOf(COMMAND_TYPES)
  type!: CommandType;

  @Length(1, 100)
  @Matches(/^[A-Za-z0-9_.:-]*$/, { message: 'accountId may contain only A-Z, a-z, 0-9 and _ . : -' })
  accountId!: string;

  @IsIsoInstant()
  issuedAt!: string;

  @IsObject()
  issuedBy!: IssuedByDto;

  @IsObject()
  payload!: object;

  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

/** A validated envelope whose payload type follows from its command type. */
export type CommandEnvelope = {
  [T in CommandType]: Omit<CommandEnvelopeDto, 'type' | 'payload'> & { readonly type: T; readonly payload: PayloadOf<T> };
}[CommandType];
