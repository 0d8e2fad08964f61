import type { Apprenticeship, Internship, TraineeshipSubsidyReasonCode } from '@yonggong/shared';
import type { Actor } from '../../http/context.ts';
import { canManageCooperation } from '../schools/schools.policy.ts';
import type { ApprenticeshipView, InternshipView } from './internships.repository.ts';

export function presentInternship(row: InternshipView, actor: Actor): Internship {
  return {
    id: row.id,
    kind: row.kind,
    workerId: row.worker_id,
    workerName: row.worker_name,
    workerIdNumberMasked: row.worker_id_number_masked,
    schoolId: row.school_id,
    schoolName: row.school_name,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    position: row.position,
    startDate: row.start_date,
    endDate: row.end_date,
    graduationDate: row.graduation_date,
    monthlyStipend: row.monthly_stipend,
    supervisorName: row.supervisor_name,
    supervisorPhoneMasked: row.supervisor_phone_masked,
    status: row.status,
    subsidyEligible: row.subsidy_eligible,
    subsidyReason: row.subsidy_reason as TraineeshipSubsidyReasonCode,
    notes: row.notes,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    can: {
      update: canManageCooperation(actor, {
        schoolId: row.school_id,
        enterpriseDistrictCode: row.enterprise_district_code,
      }),
    },
  };
}

export function presentApprenticeship(
  row: ApprenticeshipView,
  apprentices: readonly { worker_id: string; name: string; id_number_masked: string }[],
  actor: Actor,
): Apprenticeship {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    schoolId: row.school_id,
    schoolName: row.school_name,
    providerName: row.provider_name,
    occupationCode: row.occupation_code,
    title: row.title,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status,
    notes: row.notes,
    apprentices: apprentices.map((a) => ({
      workerId: a.worker_id,
      name: a.name,
      idNumberMasked: a.id_number_masked,
    })),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    can: {
      update: canManageCooperation(actor, {
        schoolId: row.school_id,
        enterpriseDistrictCode: row.enterprise_district_code,
      }),
    },
  };
}

export function snapshotInternship(row: {
  position: string;
  start_date: string;
  end_date: string;
  graduation_date: string | null;
  monthly_stipend: number;
  supervisor_name: string;
  supervisor_phone_masked: string | null;
  status: string;
  subsidy_eligible: boolean;
  notes: string;
}): Record<string, unknown> {
  return {
    position: row.position,
    startDate: row.start_date,
    endDate: row.end_date,
    graduationDate: row.graduation_date,
    monthlyStipend: row.monthly_stipend,
    supervisor: `${row.supervisor_name} ${row.supervisor_phone_masked ?? ''}`.trim(),
    status: row.status,
    subsidyEligible: row.subsidy_eligible,
    notes: row.notes,
  };
}
