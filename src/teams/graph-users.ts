// Reading every user of the tenant from Microsoft Graph, for the directory sync
// (domain/graph-directory-sync.ts). Application permission User.Read.All with admin consent.
//
//   GET {graph}/users?$select=id,displayName,userPrincipalName,department,jobTitle,businessPhones,
//                            mobilePhone,employeeId,accountEnabled&$expand=manager($select=id)&$top=999
//   200 { "@odata.context": …, "@odata.nextLink": "<absolute URL of the next page>",
//         "value": [ { "id": …, "displayName": …, …, "manager": { "@odata.type": "#microsoft.graph.user", "id": … } } ] }
//
// Documented behaviour relied on: properties not set come back as null (businessPhones as []);
// accountEnabled and employeeId only when selected; a user without a manager has no `manager`;
// the last page has no @odata.nextLink, which is followed verbatim (never built by hand). With
// $expand Graph pages at most 100 users whatever $top says (a known issue), so a big tenant is
// many pages. Errors are `{ "error": { "code", "message" } }`. Throttling (429, 503/504) and the
// token are GraphHttp's.
import { z } from 'zod';
import type { GraphDirectoryUser } from '../domain/graph-directory-sync';
import { GraphError, GraphHttp } from './graph-client';

export const USER_SELECT = [
  'id',
  'displayName',
  'userPrincipalName',
  'department',
  'jobTitle',
  'businessPhones',
  'mobilePhone',
  'employeeId',
  'accountEnabled',
] as const;

/** The first page; the rest come from @odata.nextLink. */
export const USERS_PATH = `/users?$select=${USER_SELECT.join(',')}&$expand=manager($select=id)&$top=999`;

/** Far above any tenant this organisation has; a peer that pages forever must not hang the sync. */
const MAX_PAGES = 10_000;

const text = z
  .string()
  .nullish()
  .transform((s) => s ?? '');

const UserSchema = z.object({
  id: z.string().min(1),
  displayName: text,
  userPrincipalName: text,
  department: text,
  jobTitle: text,
  businessPhones: z
    .array(z.string())
    .nullish()
    .transform((a) => a ?? []),
  mobilePhone: text,
  employeeId: text,
  accountEnabled: z
    .boolean()
    .nullish()
    .transform((b) => b ?? null),
  manager: z.object({ id: z.string().min(1) }).nullish(),
});

const PageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().min(1).optional(),
});

export class GraphUserReader extends GraphHttp {
  /** Every user of the tenant, all pages, in Graph's order. Throws GraphError on any failed page. */
  async listUsers(tenantId: string): Promise<GraphDirectoryUser[]> {
    const users: GraphDirectoryUser[] = [];
    const seen = new Set<string>();
    let next: string | undefined = USERS_PATH;
    for (let page = 1; next !== undefined; page++) {
      if (page > MAX_PAGES || seen.has(next))
        throw new GraphError('list users: the pages do not end', undefined, undefined, undefined);
      seen.add(next);
      const res = await this.call(tenantId, 'GET', next);
      if (res.status !== 200) {
        // Graph's own message says what is wrong (e.g. missing permission); it names no secret.
        const e = this.errorOf(res, `list users (page ${page})`);
        const said = (res.data as { error?: { message?: unknown } } | undefined)?.error?.message;
        throw new GraphError(
          typeof said === 'string' && said.trim() !== ''
            ? `${e.message}: ${said.trim().slice(0, 300)}`
            : e.message,
          e.status,
          e.code,
          e.retryAfterMs,
        );
      }
      const body = PageSchema.safeParse(res.data);
      if (!body.success)
        throw new GraphError(`list users (page ${page}): not a collection`, res.status, undefined, undefined);
      for (const [i, raw] of body.data.value.entries()) {
        const u = UserSchema.safeParse(raw);
        if (!u.success)
          throw new GraphError(
            `list users (page ${page}): user ${i + 1} is malformed`,
            res.status,
            undefined,
            undefined,
          );
        users.push({
          id: u.data.id.toLowerCase(),
          displayName: u.data.displayName,
          userPrincipalName: u.data.userPrincipalName,
          department: u.data.department,
          jobTitle: u.data.jobTitle,
          businessPhones: u.data.businessPhones,
          mobilePhone: u.data.mobilePhone,
          employeeId: u.data.employeeId,
          accountEnabled: u.data.accountEnabled,
          managerId: u.data.manager?.id.toLowerCase() ?? null,
        });
      }
      next = body.data['@odata.nextLink'];
    }
    return users;
  }
}
