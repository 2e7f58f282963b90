import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The body of every error response (http-api.md), for the OpenAPI document. */
export class ErrorBodyDto {
  @ApiProperty({ example: 'Unauthorized' })
  errorCode!: string;

  @ApiProperty({ example: '권한이 없습니다.' })
  errorMessage!: string;

  @ApiPropertyOptional({ description: 'For ValidationError: [{ field, rule, message }]' })
  details?: unknown;
}
