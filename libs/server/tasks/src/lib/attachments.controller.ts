import { Controller, Get, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Authenticated,
  CurrentUser,
  type AuthenticatedUser,
  uuidParam,
} from '@lianzhang/server/core';
import type { Response } from 'express';
import {
  ATTACHMENT_MAX_BYTES,
  AttachmentsService,
  type AttachmentDto,
  type UploadedFile as File,
} from './attachments.service';

/** One file, held in memory up to the limit; multer answers 413 beyond it. */
const oneFile = () =>
  FileInterceptor('file', {
    limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 5 },
    // Browsers send UTF-8 file names without saying so; multer would read them as Latin-1.
    defParamCharset: 'utf8',
  } as Parameters<typeof FileInterceptor>[1]);

@ApiTags('attachments')
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Authenticated('task:read')
  @Post('tasks/:id/attachments')
  @UseInterceptors(oneFile())
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Attach a file (PDF, image, Office; 10 MB; type read from the content) to a task',
  })
  uploadToTask(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @UploadedFile() file: File | undefined,
  ): Promise<AttachmentDto> {
    return this.attachments.upload(user, 'task', id, file);
  }

  @Authenticated('task:read')
  @Get('tasks/:id/attachments')
  listOfTask(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<AttachmentDto[]> {
    return this.attachments.list(user, 'task', id);
  }

  @Authenticated('report:create')
  @Post('reports/:id/attachments')
  @UseInterceptors(oneFile())
  @ApiConsumes('multipart/form-data')
  uploadToReport(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @UploadedFile() file: File | undefined,
  ): Promise<AttachmentDto> {
    return this.attachments.upload(user, 'report', id, file);
  }

  @Authenticated('task:read')
  @Get('reports/:id/attachments')
  listOfReport(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<AttachmentDto[]> {
    return this.attachments.list(user, 'report', id);
  }

  @Authenticated('task:read')
  @Get('attachments/:id')
  @ApiOperation({ summary: 'Download an attachment of a task or report the caller may see' })
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.attachments.open(user, id);
    response.attachment(file.fileName);
    response.setHeader('Content-Type', file.mime);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-store');
    await new Promise<void>((resolve, reject) =>
      response.sendFile(file.path, { dotfiles: 'allow' }, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  }
}
