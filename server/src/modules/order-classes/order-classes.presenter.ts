import type { ApplicationStatus, ClassStudent, OrderClass, WorkerStatus } from '@yonggong/shared';
import type { Actor } from '../../http/context.ts';
import { canManageClass } from './order-classes.policy.ts';
import type { OrderClassView, RosterRow } from './order-classes.repository.ts';

/** Row → API shape: the derived stage, enrolment, abilities. */
export function presentOrderClass(row: OrderClassView, actor: Actor, today: string): OrderClass {
  const manage = canManageClass(actor, {
    schoolId: row.school_id,
    enterpriseDistrictCode: row.enterprise_district_code,
  });
  return {
    id: row.id,
    schoolId: row.school_id,
    schoolName: row.school_name,
    schoolType: row.school_type,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    agreementId: row.agreement_id,
    kind: row.kind,
    name: row.name,
    majorName: row.major_name,
    classSize: row.class_size,
    enrolled: Number(row.enrolled),
    startDate: row.start_date,
    graduationDate: row.graduation_date,
    stage: row.delivered_at ? 'delivered' : row.graduation_date <= today ? 'graduated' : 'studying',
    deliveredAt: row.delivered_at ? row.delivered_at.toISOString() : null,
    deliveredJobOrderId: row.delivered_job_order_id,
    deliveredJobOrderTitle: row.delivered_job_order_title,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    can: { update: manage, manageStudents: manage, deliver: manage },
  };
}

/** A roster line: ID number and phone masked as stored. */
export function presentStudent(row: RosterRow): ClassStudent {
  return {
    workerId: row.worker_id,
    name: row.name,
    sex: row.sex as 'male' | 'female',
    birthDate: row.birth_date,
    idNumberMasked: row.id_number_masked,
    phoneMasked: row.phone_masked,
    education: row.education,
    workerStatus: row.worker_status as WorkerStatus,
    status: row.status,
    addedAt: row.added_at.toISOString(),
    deliveredApplicationStatus: (row.delivered_status as ApplicationStatus | null) ?? null,
  };
}

export function snapshotOrderClass(row: {
  kind: string;
  name: string;
  major_name: string;
  class_size: number;
  start_date: string;
  graduation_date: string;
  agreement_id: string | null;
}): Record<string, unknown> {
  return {
    kind: row.kind,
    name: row.name,
    majorName: row.major_name,
    classSize: row.class_size,
    startDate: row.start_date,
    graduationDate: row.graduation_date,
    agreementId: row.agreement_id,
  };
}
