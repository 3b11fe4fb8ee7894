import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { ATTACHMENT_CONTENT_TYPES } from '@tdkt/domain';
import { DossierFileDto } from './attachments.dto';

const ERROR = { $ref: '#/components/schemas/ErrorBody' };

/**
 * An upload of a part's file, in the OpenAPI document: the file name and the version it replaces in the query, the
 * file itself as the body, 201 with the stored version; 409 (not editable now), 413 (too large), 415 (not an accepted
 * type). The query parameters are listed in the document's order (applyDecorators applies top-down).
 */
export const UploadEndpoint = () =>
  applyDecorators(
    ApiQuery({
      name: 'replaces',
      required: false,
      description: 'The id of the current version this file replaces (same part)',
    }),
    ApiQuery({ name: 'name', required: true, description: 'The file name, e.g. to-trinh.pdf' }),
    ApiConsumes('application/octet-stream', ...ATTACHMENT_CONTENT_TYPES),
    ApiBody({ schema: { type: 'string', format: 'binary' }, description: 'The file: PDF, JPEG, PNG, DOCX or XLSX' }),
    ApiCreatedResponse({ type: DossierFileDto }),
    ApiResponse({
      status: 409,
      description:
        'The dossier is no longer a draft, returned or asked to supplement; or the replaced version was already replaced',
      schema: ERROR,
    }),
    ApiResponse({
      status: 413,
      description: 'The file is larger than the limit (TDKT_ATTACHMENT_MAX_BYTES, default 20 MiB)',
      schema: ERROR,
    }),
    ApiResponse({
      status: 415,
      description: 'The content is not a PDF, JPEG, PNG, DOCX or XLSX (or the body was sent as JSON)',
      schema: ERROR,
    }),
  );
