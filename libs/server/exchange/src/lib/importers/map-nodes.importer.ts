import { Injectable } from '@nestjs/common';
import { createNodeSchema, type CreateNodeRequest } from '@lianzhang/contracts';
import { CHAIN_STAGE_LABELS } from '@lianzhang/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { FirstSeen, type ImportContext } from '../import-context';
import { IMPORT_MESSAGES } from '../import-errors';
import type { RowReader } from '../row-reader';
import {
  chainOf,
  chainsOf,
  creditCodesIn,
  SOME_ID,
  textOf,
  type Importer,
  type PreparedImport,
} from './importer';

const FIELDS = {
  name: 'name',
  stage: 'stage',
  parentId: 'parentName',
  foreignDependence: 'foreignDependence',
  chokepoint: 'chokepoint',
  sortOrder: 'sortOrder',
};

interface Node {
  readonly reader: RowReader;
  readonly id: string;
  readonly chainId: string;
  readonly request: CreateNodeRequest;
  readonly parentName: string | undefined;
  readonly enterpriseIds: readonly string[];
  parentId: string | null;
}

/**
 * 产业链图谱: links of a chain (`createNodeSchema`), unique by name within their chain. A
 * parent is a link the chain has or another row of the file (loops are refused), so a
 * whole map can be imported at once; enterprises on a link are named by credit code.
 */
@Injectable()
export class MapNodesImporter implements Importer {
  readonly kind = 'map-nodes' as const;

  async prepare(rows: readonly RowReader[], context: ImportContext): Promise<PreparedImport> {
    const chains = await chainsOf(rows, context);
    const organisations = await context.organisationsByCreditCode(
      creditCodesIn(rows, 'enterpriseCreditCodes'),
    );

    const nodes: Node[] = [];
    for (const reader of rows) {
      const chainId = chainOf(reader, chains);
      const parentName = textOf(reader, 'parentName');
      const request = reader.check(
        createNodeSchema,
        {
          name: textOf(reader, 'name'),
          stage: reader.choice('stage', CHAIN_STAGE_LABELS),
          parentId: parentName === undefined ? null : SOME_ID,
          foreignDependence: reader.share('foreignDependence'),
          chokepoint: reader.yesNo('chokepoint'),
          sortOrder: reader.integer('sortOrder'),
        },
        FIELDS,
      );
      const enterpriseIds: string[] = [];
      for (const code of reader.creditCodes('enterpriseCreditCodes') ?? []) {
        const organisation = organisations.get(code);
        if (!organisation)
          reader.fail('enterpriseCreditCodes', IMPORT_MESSAGES.unknownCreditCode(code));
        else if (organisation.kind !== 'enterprise')
          reader.fail('enterpriseCreditCodes', IMPORT_MESSAGES.notEnterprise(code));
        else enterpriseIds.push(organisation.id);
      }
      if (chainId && request && !reader.failed('enterpriseCreditCodes')) {
        nodes.push({
          reader,
          id: randomUUID(),
          chainId,
          request,
          parentName,
          enterpriseIds,
          parentId: null,
        });
      }
    }

    const existing = new Map(
      (
        (await context.manager.query(
          `SELECT id, chain_id || ':' || name AS key FROM chain_node WHERE chain_id = ANY($1::uuid[])`,
          [[...new Set(nodes.map((n) => n.chainId))]],
        )) as { id: string; key: string }[]
      ).map((r) => [r.key, r.id]),
    );
    const inFile = new Map<string, Node>();
    const seen = new FirstSeen();
    for (const node of nodes) {
      const key = `${node.chainId}:${node.request.name}`;
      const first = seen.claim(key, node.reader.row);
      if (first !== undefined) node.reader.fail('name', IMPORT_MESSAGES.duplicateInFile(first));
      else if (existing.has(key)) node.reader.fail('name', IMPORT_MESSAGES.nodeTaken);
      else inFile.set(key, node);
    }
    for (const node of nodes) {
      if (node.parentName === undefined) continue;
      const key = `${node.chainId}:${node.parentName}`;
      node.parentId = existing.get(key) ?? inFile.get(key)?.id ?? null;
      if (node.parentId === null) node.reader.fail('parentName', IMPORT_MESSAGES.unknownParentNode);
    }
    const ordered = parentsFirst(nodes);

    return {
      write: async (manager: EntityManager) => {
        await manager.query(
          `INSERT INTO chain_node (id, chain_id, parent_id, stage, name, foreign_dependence, chokepoint, sort_order)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::numeric[], $7::boolean[], $8::int[])`,
          [
            ordered.map((n) => n.id),
            ordered.map((n) => n.chainId),
            ordered.map((n) => n.parentId),
            ordered.map((n) => n.request.stage),
            ordered.map((n) => n.request.name),
            ordered.map((n) => n.request.foreignDependence ?? null),
            ordered.map((n) => n.request.chokepoint ?? false),
            ordered.map((n) => n.request.sortOrder ?? 0),
          ],
        );
        const links = ordered.flatMap((n) => n.enterpriseIds.map((o) => [n.id, o] as const));
        await manager.query(
          `INSERT INTO chain_node_enterprise (node_id, organisation_id)
           SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
          [links.map((l) => l[0]), links.map((l) => l[1])],
        );
        return ordered.map((n) => n.id);
      },
    };
  }
}

/**
 * The nodes with every parent before its children, so the rows can be written in one
 * pass; a node on a loop of parents within the file is reported instead.
 */
function parentsFirst(nodes: readonly Node[]): Node[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const placed = new Set<string>();
  const ordered: Node[] = [];
  for (const start of nodes) {
    const path: Node[] = [];
    const onPath = new Set<string>();
    let node: Node | undefined = start;
    while (node && !placed.has(node.id)) {
      if (onPath.has(node.id)) {
        for (const looped of path.slice(path.indexOf(node)))
          looped.reader.fail('parentName', IMPORT_MESSAGES.parentCycle);
        break;
      }
      onPath.add(node.id);
      path.push(node);
      node = node.parentId ? byId.get(node.parentId) : undefined;
    }
    for (const item of path.reverse()) {
      if (!placed.has(item.id)) {
        placed.add(item.id);
        ordered.push(item);
      }
    }
  }
  return ordered;
}
