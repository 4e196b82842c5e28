import {
  Controller,
  Get,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
  type PipeTransform,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  IMPORT_LIMITS,
  importQuerySchema,
  isImportKind,
  type ImportKind,
  type ImportQuery,
  type ImportResultDto,
} from '@lianzhang/contracts';
import {
  Authenticated,
  CurrentUser,
  NotFoundError,
  ZodValidationPipe,
  type AuthenticatedUser,
} from '@lianzhang/server/core';
import { attachmentDisposition, XLSX_MIME } from '@lianzhang/server/excel';
import type { Response } from 'express';
import { ImportsService, type ImportFile } from './imports.service';

/** `:kind` names one of the templates; anything else names nothing (404). */
class ImportKindPipe implements PipeTransform<string, ImportKind> {
  transform(value: string): ImportKind {
    if (!isImportKind(value)) throw new NotFoundError('import kind');
    return value;
  }
}

/** One file in memory up to the import limit; multer answers 413 beyond it. */
const oneFile = () =>
  FileInterceptor('file', {
    limits: { fileSize: IMPORT_LIMITS.maxBytes, files: 1, fields: 5 },
    defParamCharset: 'utf8',
  } as Parameters<typeof FileInterceptor>[1]);

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Authenticated('data:import')
  @Get(':kind/template')
  @ApiOperation({ summary: 'The Excel template of one kind of import' })
  async template(
    @CurrentUser() user: AuthenticatedUser,
    @Param('kind', new ImportKindPipe()) kind: ImportKind,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.imports.template(user, kind);
    response.setHeader('Content-Type', XLSX_MIME);
    response.setHeader('Content-Disposition', attachmentDisposition(file.fileName, file.asciiName));
    response.setHeader('Cache-Control', 'private, no-store');
    response.send(file.buffer);
  }

  @Authenticated('data:import')
  @Post(':kind')
  @UseInterceptors(oneFile())
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'Upload a filled template (10 MB, 50,000 rows): every row valid → all written in one transaction (201); ' +
      '?dryRun=true only validates (200); any problem → 400 listing rows.<row>.<column>, nothing written',
  })
  async upload(
    @CurrentUser() user: AuthenticatedUser,
    @Param('kind', new ImportKindPipe()) kind: ImportKind,
    @Query(new ZodValidationPipe(importQuerySchema)) query: ImportQuery,
    @UploadedFile() file: ImportFile | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportResultDto> {
    const result = await this.imports.run(user, kind, file, query.dryRun === 'true');
    response.status(result.dryRun ? 200 : 201);
    return result;
  }
}
