import {
  type CaseAction,
  type CaseActionListItem,
  type CaseDetail,
  type CaseJobOrder,
  type CaseListItem,
  findOccupation,
  type Locale,
  type Visit,
} from '@yonggong/shared';
import type { ServiceCaseRow } from '../../db/schema-cases.ts';
import type { RegionIndex } from '../regions/regions.service.ts';
import type {
  ActionAcrossCases,
  ActionWithOwner,
  CaseWithFigures,
  LinkedOrderRow,
  VisitWithNames,
} from './cases.repository.ts';

/** Rows → API shapes of the cases module (names for codes; never a row as it is). */
export function presentCaseListItem(row: CaseWithFigures, regions: RegionIndex): CaseListItem {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    districtCode: row.enterprise_district_code,
    districtName: regions.get(row.enterprise_district_code)?.name ?? row.enterprise_district_code,
    title: row.title,
    category: row.category,
    status: row.status,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    isAutoOpened: row.is_auto_opened,
    openedAt: row.opened_at.toISOString(),
    openedOn: row.opened_on,
    closedAt: row.closed_at ? row.closed_at.toISOString() : null,
    headcountResolved: row.headcount_resolved,
    linkedOrders: row.linked_orders,
    actionsTotal: row.actions_total,
    actionsDone: row.actions_done,
    actionsOverdue: row.actions_overdue,
    nextDueOn: row.next_due_on,
  };
}

export function presentCaseDetail(
  row: CaseWithFigures,
  parts: {
    readonly actions: readonly ActionWithOwner[];
    readonly orders: readonly LinkedOrderRow[];
    readonly visits: readonly VisitWithNames[];
    readonly can: CaseDetail['can'];
  },
  regions: RegionIndex,
  locale: Locale,
): CaseDetail {
  return {
    ...presentCaseListItem(row, regions),
    problem: row.problem,
    statusReason: row.status_reason,
    shortageReportId: row.shortage_report_id,
    actions: parts.actions.map(presentAction),
    jobOrders: parts.orders.map((order) => presentLinkedOrder(order, locale)),
    visits: parts.visits.map(presentVisit),
    version: row.version,
    can: parts.can,
  };
}

export function presentAction(row: ActionWithOwner): CaseAction {
  return {
    id: row.id,
    caseId: row.case_id,
    title: row.title,
    ownerUserId: row.owner_user_id,
    ownerText: row.owner_text,
    ownerName: row.owner_name ?? (row.owner_text === '' ? null : row.owner_text),
    dueOn: row.due_on,
    status: row.status,
    doneOn: row.done_on,
    note: row.note,
    isOverdue: row.is_overdue,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentActionAcross(row: ActionAcrossCases): CaseActionListItem {
  return {
    ...presentAction(row),
    caseTitle: row.case_title,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
  };
}

/** The occupation's name in the reader's language (the code when unknown). */
export function occupationNameOf(code: string, locale: Locale): string {
  const occupation = findOccupation(code);
  if (!occupation) return code;
  return locale === 'en' ? occupation.nameEn : occupation.nameZh;
}

function presentLinkedOrder(row: LinkedOrderRow, locale: Locale): CaseJobOrder {
  return {
    id: row.id,
    title: row.title,
    occupationCode: row.occupation_code,
    occupationName: occupationNameOf(row.occupation_code, locale),
    headcount: row.headcount,
    filled: row.filled,
    status: row.status,
    deadline: row.deadline,
    resolved: row.resolved,
  };
}

export function presentVisit(row: VisitWithNames): Visit {
  return {
    id: row.id,
    groupId: row.group_id,
    kind: row.kind,
    visitedOn: row.visited_on,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    districtCode: row.district_code,
    caseId: row.case_id,
    caseTitle: row.case_title,
    participants: row.participants,
    notes: row.notes,
    issues: row.issues,
    liaisonUserId: row.liaison_user_id,
    liaisonName: row.liaison_name,
    groupSize: row.group_size,
    createdAt: row.created_at.toISOString(),
  };
}

/** What the audit trail keeps of a case. */
export function snapshotCase(row: ServiceCaseRow): Record<string, unknown> {
  return {
    title: row.title,
    category: row.category,
    problem: row.problem,
    status: row.status,
    statusReason: row.status_reason,
    ownerUserId: row.owner_user_id,
  };
}
