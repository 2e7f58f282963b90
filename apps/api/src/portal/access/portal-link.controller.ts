import { Body, Controller, Get, HttpCode, Inject, Post, Query, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Auth, CurrentPrincipal } from '../../auth/auth.decorators';
import type { Principal } from '../../auth/principal';
import { PortalPageFilter } from '../pages/portal-page.filter';
import { sessionCookie } from './portal-cookie';
import { IssuePortalLinkCommand, OpenPortalSessionCommand } from './portal-link.handlers';
import { PORTAL_SETTINGS, type PortalSettings } from './portal-settings';

export class CreatePortalLinkDto {
  @ApiPropertyOptional({ description: 'Where "back" leads; its origin must be in LEDGER_PORTAL_ALLOWED_ORIGINS', example: 'https://yourapp.com/settings/billing' })
  @IsOptional() @IsString() @MaxLength(2048)
  returnUrl?: string;
}

export class PortalLinkDto {
  @ApiProperty({ description: 'Single-use portal link, valid for 5 minutes' })
  url!: string;
}

export class OpenPortalQuery {
  @IsString() @MaxLength(200)
  token!: string;
}

@ApiTags('portal')
@Controller()
export class PortalLinkController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(PORTAL_SETTINGS) private readonly settings: PortalSettings,
  ) {}

  @Post('crm-core/v1/subscriptions/portal')
  @HttpCode(200)
  @Auth('jwt', 'customer')
  @ApiOperation({ summary: 'Portal link for the customer web session (Bearer JWT)' })
  @ApiOkResponse({ type: PortalLinkDto })
  forWebSession(@CurrentPrincipal() principal: Principal, @Body() body: CreatePortalLinkDto): Promise<PortalLinkDto> {
    return this.commandBus.execute(new IssuePortalLinkCommand(principal, body.returnUrl));
  }

  @Post('crm-core/v1/subscriptions/portal/api')
  @HttpCode(200)
  @Auth('hmac', 'customer')
  @ApiOperation({ summary: 'Portal link for third-party integrations (HMAC API key)' })
  @ApiOkResponse({ type: PortalLinkDto })
  forApiKey(@CurrentPrincipal() principal: Principal, @Body() body: CreatePortalLinkDto): Promise<PortalLinkDto> {
    return this.commandBus.execute(new IssuePortalLinkCommand(principal, body.returnUrl));
  }

  @Get('portal/session')
  @UseFilters(PortalPageFilter)
  @ApiOperation({ summary: 'Opens a portal link: sets the session cookie and redirects to /portal' })
  async open(@Query() query: OpenPortalQuery, @Res() reply: FastifyReply): Promise<void> {
    const { sessionId } = await this.commandBus.execute(new OpenPortalSessionCommand(query.token));
    // The token must not linger in history or Referer headers: redirect to a clean URL at once.
    await reply.header('set-cookie', sessionCookie(sessionId, this.settings.secureCookies)).header('cache-control', 'no-store').redirect('/portal', 303);
  }
}
