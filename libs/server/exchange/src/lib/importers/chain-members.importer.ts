import { Injectable } from '@nestjs/common';
import { setMemberSchema } from '@lianzhang/contracts';
import { MEMBER_ROLE_ALIASES, MEMBER_ROLE_LABELS, type MemberRole } from '@lianzhang/domain';
import type { EntityManager } from 'typeorm';
import { FirstSeen, type ImportContext, type KnownOrganisation } from '../import-context';
import { IMPORT_MESSAGES } from '../import-errors';
import type { RowReader } from '../row-reader';
import {
  chainOf,
  chainsOf,
  creditCodesIn,
  textOf,
  type Importer,
  type PreparedImport,
} from './importer';

interface Member {
  readonly reader: RowReader;
  readonly chainId: string;
  readonly organisationId: string;
  readonly column: 'creditCode' | 'organisationName';
  readonly role: MemberRole;
}

/**
 * 链上企业: a registered organisation, named by credit code (or by its exact name when it
 * has none), joins a chain the user manages with a role (`setMemberSchema`). A pair
 * already on the chain is a duplicate, not a change of role.
 */
@Injectable()
export class ChainMembersImporter implements Importer {
  readonly kind = 'chain-members' as const;

  async prepare(rows: readonly RowReader[], context: ImportContext): Promise<PreparedImport> {
    const chains = await chainsOf(rows, context);
    const byCode = await context.organisationsByCreditCode(creditCodesIn(rows, 'creditCode'));
    const byName = await context.organisationsByName(
      rows.flatMap((r) =>
        r.source.cells.has('creditCode') ? [] : [r.source.cells.get('organisationName') ?? ''],
      ),
    );

    const members: Member[] = [];
    for (const reader of rows) {
      const chainId = chainOf(reader, chains);
      const organisation = this.organisationOf(reader, byCode, byName);
      const role = reader.choice('role', MEMBER_ROLE_LABELS, MEMBER_ROLE_ALIASES);
      const checked = reader.check(setMemberSchema, { role }, { role: 'role' });
      if (chainId && organisation && checked) {
        members.push({ reader, chainId, role: checked.role, ...organisation });
      }
    }

    const existing = new Set(
      (
        (await context.manager.query(
          `SELECT chain_id || ':' || organisation_id AS pair FROM chain_member
           WHERE chain_id = ANY($1::uuid[]) AND organisation_id = ANY($2::uuid[])`,
          [
            [...new Set(members.map((m) => m.chainId))],
            [...new Set(members.map((m) => m.organisationId))],
          ],
        )) as { pair: string }[]
      ).map((r) => r.pair),
    );
    const seen = new FirstSeen();
    for (const member of members) {
      const pair = `${member.chainId}:${member.organisationId}`;
      const first = seen.claim(pair, member.reader.row);
      if (first !== undefined)
        member.reader.fail(member.column, IMPORT_MESSAGES.duplicateInFile(first));
      else if (existing.has(pair)) member.reader.fail(member.column, IMPORT_MESSAGES.alreadyMember);
    }

    return {
      write: async (manager: EntityManager) => {
        await manager.query(
          `INSERT INTO chain_member (chain_id, organisation_id, role)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])`,
          [
            members.map((m) => m.chainId),
            members.map((m) => m.organisationId),
            members.map((m) => m.role),
          ],
        );
        return members.map((m) => `${m.chainId}/${m.organisationId}`);
      },
    };
  }

  private organisationOf(
    reader: RowReader,
    byCode: ReadonlyMap<string, KnownOrganisation>,
    byName: ReadonlyMap<string, readonly KnownOrganisation[]>,
  ): Pick<Member, 'organisationId' | 'column'> | undefined {
    if (reader.source.cells.has('creditCode')) {
      const code = reader.creditCode('creditCode');
      if (code === undefined) return undefined;
      const found = byCode.get(code);
      return found
        ? { organisationId: found.id, column: 'creditCode' }
        : reader.fail('creditCode', IMPORT_MESSAGES.unknownCreditCode(code));
    }
    const name = textOf(reader, 'organisationName');
    if (name === undefined) return reader.fail('creditCode', IMPORT_MESSAGES.organisationMissing);
    const found = byName.get(name) ?? [];
    if (found.length === 0)
      return reader.fail('organisationName', IMPORT_MESSAGES.unknownOrganisationName);
    if (found.length > 1)
      return reader.fail('organisationName', IMPORT_MESSAGES.ambiguousOrganisationName);
    return { organisationId: (found[0] as KnownOrganisation).id, column: 'organisationName' };
  }
}
