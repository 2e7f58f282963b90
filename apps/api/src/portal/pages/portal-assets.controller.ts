import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { NotFoundError } from '@ledger/errors';
import { CARD_FORM_SCRIPT } from '../views/payment-method-view';

/** Served by the portal itself so Korean renders on machines without a Korean system font. */
const FONT_FILES: Readonly<Record<string, string>> = {
  'pretendard-400.woff2': 'Pretendard-Regular.woff2',
  'pretendard-700.woff2': 'Pretendard-Bold.woff2',
};

const fontCache = new Map<string, Buffer>();

const fontBytes = (name: string): Buffer => {
  const file = FONT_FILES[name];
  if (file === undefined) throw new NotFoundError();
  const cached = fontCache.get(name);
  if (cached !== undefined) return cached;
  const bytes = readFileSync(join(dirname(require.resolve('pretendard/package.json')), 'dist/web/static/woff2', file));
  fontCache.set(name, bytes);
  return bytes;
};

/** The portal's static assets (CSP: own scripts and fonts only); no session needed. */
@ApiExcludeController()
@Controller('portal/assets')
export class PortalAssetsController {
  @Get('card-form.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  cardFormScript(): string {
    return CARD_FORM_SCRIPT;
  }

  @Get('fonts/:name')
  @Header('content-type', 'font/woff2')
  @Header('cache-control', 'public, max-age=31536000, immutable')
  font(@Param('name') name: string): Buffer {
    return fontBytes(name);
  }
}
