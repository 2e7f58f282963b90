import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { HMAC_SECURITY_SCHEME, JWT_SECURITY_SCHEME } from '../../auth/auth.decorators';

export const OPENAPI_JSON_PATH = '/docs/openapi.json';

/** GET /docs (Swagger UI), /docs/openapi.json and /docs/openapi.yaml, generated from the controllers. */
export const setupOpenApi = (app: INestApplication, publicUrl: string): void => {
  const config = new DocumentBuilder()
    .setTitle('Billing ledger API')
    .setDescription('Customer, portal, internal, audit and operations endpoints. Errors: { errorCode, errorMessage, details? }.')
    .setVersion('1')
    .addServer(publicUrl)
    .addSecurity(HMAC_SECURITY_SCHEME, {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description: 'HMAC-SHA256 apiKey=<key>, date=<ISO-8601>, salt=<hex>, signature=hex(HMAC-SHA256(apiSecret, date + salt))',
    })
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, JWT_SECURITY_SCHEME)
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: OPENAPI_JSON_PATH.slice(1),
    yamlDocumentUrl: 'docs/openapi.yaml',
  });
};
