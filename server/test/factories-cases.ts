import type { CaseActionRow, ServiceCaseRow } from '../src/db/schema-cases.ts';
import type { Deps } from '../src/deps.ts';
import { buildApplication, buildWorker } from './factories.ts';

/** Factories of the 一企一策 tables: cases, plan actions, linked orders, placements to count. */

/** A China date `days` from today (negative: in the past). */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

export async function buildCase(
  deps: Pick<Deps, 'db'>,
  enterpriseId: string,
  overrides: {
    title?: string;
    category?: ServiceCaseRow['category'];
    status?: ServiceCaseRow['status'];
    ownerUserId?: string | null;
    openedOn?: string;
    closedOn?: string | null;
    isAutoOpened?: boolean;
    jobOrderIds?: string[];
  } = {},
): Promise<ServiceCaseRow> {
  const status = overrides.status ?? 'open';
  const isClosed = status === 'resolved' || status === 'cancelled';
  const closedOn = overrides.closedOn ?? (isClosed ? dayFromToday(0) : null);
  const row = await deps.db
    .insertInto('service_cases')
    .values({
      enterprise_id: enterpriseId,
      title: overrides.title ?? '缺工帮扶',
      category: overrides.category ?? 'shortage',
      status,
      owner_user_id: overrides.ownerUserId ?? null,
      is_auto_opened: overrides.isAutoOpened ?? false,
      opened_on: overrides.openedOn ?? dayFromToday(0),
      opened_at: `${overrides.openedOn ?? dayFromToday(0)}T09:00:00+08:00`,
      closed_on: closedOn,
      closed_at: closedOn ? new Date(`${closedOn}T17:00:00+08:00`) : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (overrides.jobOrderIds && overrides.jobOrderIds.length > 0)
    await deps.db
      .insertInto('case_job_orders')
      .values(overrides.jobOrderIds.map((id) => ({ case_id: row.id, job_order_id: id, added_by: null })))
      .execute();
  return row;
}

export async function buildCaseAction(
  deps: Pick<Deps, 'db'>,
  caseId: string,
  overrides: {
    title?: string;
    dueOn?: string;
    status?: CaseActionRow['status'];
    ownerUserId?: string | null;
    ownerText?: string;
  } = {},
): Promise<CaseActionRow> {
  const status = overrides.status ?? 'todo';
  return deps.db
    .insertInto('case_actions')
    .values({
      case_id: caseId,
      title: overrides.title ?? '对接劳务基地专场招聘',
      owner_user_id: overrides.ownerUserId ?? null,
      owner_text: overrides.ownerText ?? '',
      due_on: overrides.dueOn ?? dayFromToday(7),
      status,
      done_on: status === 'done' ? dayFromToday(0) : null,
      created_by: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A hire on `order` on `hiredOn` (a fresh worker, a hired application, the placement row). */
export async function buildPlacement(
  deps: Pick<Deps, 'db' | 'pii'>,
  order: { id: string; enterprise_id: string },
  overrides: { hiredOn: string; endedOn?: string | null },
): Promise<string> {
  const worker = await buildWorker(deps);
  const application = await buildApplication(deps, worker, order, 'hired');
  const row = await deps.db
    .insertInto('placements')
    .values({
      application_id: application.id,
      worker_id: worker.id,
      job_order_id: order.id,
      enterprise_id: order.enterprise_id,
      channel: 'base',
      hired_on: overrides.hiredOn,
      ended_on: overrides.endedOn ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
