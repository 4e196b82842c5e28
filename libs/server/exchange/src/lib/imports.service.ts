import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  IMPORT_COLUMNS,
  IMPORT_KIND_LABELS,
  IMPORT_KIND_PERMISSION,
  IMPORT_LIMITS,
  IMPORT_TEMPLATE,
  type ImportKind,
  type ImportResultDto,
} from '@lianzhang/contracts';
import { hasPermission } from '@lianzhang/domain';
import { ChainScopeService } from '@lianzhang/server/chains';
import {
  AuditService,
  ConflictError,
  fieldError,
  ForbiddenError,
  inTransaction,
  ValidationFailedError,
  type AuthenticatedUser,
} from '@lianzhang/server/core';
import { readSheet } from '@lianzhang/server/excel';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ImportContext } from './import-context';
import { IMPORT_MESSAGES, RowErrors } from './import-errors';
import { importSheet } from './import-sheet';
import { ChainMembersImporter } from './importers/chain-members.importer';
import type { Importer } from './importers/importer';
import { MapNodesImporter } from './importers/map-nodes.importer';
import { OrganisationsImporter } from './importers/organisations.importer';
import { ProjectsImporter } from './importers/projects.importer';
import { ShortBoardsImporter } from './importers/short-boards.importer';
import { TasksImporter } from './importers/tasks.importer';
import { RowReader } from './row-reader';
import { importTemplate } from './templates';

/** An uploaded file as multer holds it in memory. */
export interface ImportFile {
  readonly originalname: string;
  readonly buffer: Buffer;
  readonly size: number;
}

export interface TemplateFile {
  readonly buffer: Buffer;
  readonly fileName: string;
  readonly asciiName: string;
}

/**
 * Excel import: the template of each kind, and uploads validated row by row and
 * committed whole. The file is read by `@lianzhang/server/excel` (size, zip and range
 * bombs, formulas as text); every row is then checked by its kind's importer against
 * the contracts and the database, inside the transaction that writes them, so what was
 * checked is what is committed. Any problem: one 400 listing them all, nothing written.
 */
@Injectable()
export class ImportsService {
  private readonly importers: ReadonlyMap<ImportKind, Importer>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ChainScopeService,
    private readonly audit: AuditService,
    organisations: OrganisationsImporter,
    members: ChainMembersImporter,
    nodes: MapNodesImporter,
    boards: ShortBoardsImporter,
    projects: ProjectsImporter,
    tasks: TasksImporter,
  ) {
    this.importers = new Map<ImportKind, Importer>(
      [organisations, members, nodes, boards, projects, tasks].map((i) => [i.kind, i]),
    );
  }

  async template(user: AuthenticatedUser, kind: ImportKind): Promise<TemplateFile> {
    this.requirePermission(user, kind);
    return {
      buffer: await importTemplate(kind),
      fileName: `${IMPORT_KIND_LABELS[kind].title['zh-CN']}导入模板.xlsx`,
      asciiName: `lianzhang-${kind}-template.xlsx`,
    };
  }

  /** Validates an upload and, unless `dryRun`, writes it all in one transaction. */
  async run(
    user: AuthenticatedUser,
    kind: ImportKind,
    file: ImportFile | undefined,
    dryRun: boolean,
  ): Promise<ImportResultDto> {
    this.requirePermission(user, kind);
    if (!file || file.size === 0) {
      throw new ValidationFailedError([fieldError('file', IMPORT_MESSAGES.missingFile)]);
    }
    const sheet = await readSheet(file.buffer, {
      sheetName: IMPORT_TEMPLATE.sheet,
      headerRow: IMPORT_TEMPLATE.headerRow,
      limits: { maxBytes: IMPORT_LIMITS.maxBytes, maxRows: IMPORT_LIMITS.maxRows },
    });
    const columns = IMPORT_COLUMNS[kind];
    const errors = new RowErrors(columns.map((c) => c.key));
    const { rows, exampleSkipped } = importSheet(sheet, columns, errors);
    const byKey = new Map(columns.map((c) => [c.key, c]));
    const readers = rows.map((row) => new RowReader(row, byKey, errors));
    const importer = this.importers.get(kind) as Importer;

    return inTransaction(
      this.dataSource,
      async (manager) => {
        // Two imports of one kind at once would each pass the other's duplicates.
        if (!dryRun)
          await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`import:${kind}`]);
        const context = await ImportContext.open(
          manager,
          user,
          await this.scope.managed(user, manager),
        );
        const prepared = await importer.prepare(readers, context);
        errors.throwIfAny();
        if (dryRun) {
          return { kind, dryRun, rows: readers.length, created: 0, exampleSkipped, importId: null };
        }
        const ids = await prepared.write(manager);
        const importId = randomUUID();
        await this.audit.record(
          {
            action: `import.${kind}`,
            subjectType: 'import',
            subjectId: importId,
            after: {
              kind,
              fileName: file.originalname,
              bytes: file.size,
              sha256: createHash('sha256').update(file.buffer).digest('hex'),
              rows: readers.length,
              created: ids.length,
              ids,
            },
          },
          manager,
        );
        return {
          kind,
          dryRun,
          rows: readers.length,
          created: ids.length,
          exampleSkipped,
          importId,
        };
      },
      // Checked rows that still collide were written by someone else meanwhile.
      (constraint) =>
        /^(uq|pk|fk)_/.test(constraint)
          ? new ConflictError([fieldError('file', IMPORT_MESSAGES.changedMeanwhile)])
          : undefined,
    );
  }

  /** Organisations need `organisation:manage` besides the route's `data:import`. */
  private requirePermission(user: AuthenticatedUser, kind: ImportKind): void {
    if (!hasPermission(user.role, IMPORT_KIND_PERMISSION[kind])) throw new ForbiddenError();
  }
}
