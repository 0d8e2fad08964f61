import { ageOn } from '@yonggong/engine';
import { type Enrolment, findOccupation, type Training } from '@yonggong/shared';
import type { TrainingEnrolmentRow, TrainingProgrammeRow } from '../../db/schema-channels.ts';
import type { Actor } from '../../http/context.ts';
import { canWriteTraining } from './trainings.policy.ts';

export interface LinkedOrder {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly headcount: number;
  readonly filled: number;
  readonly enterprise_name: string;
}

export function phaseOf(row: Pick<TrainingProgrammeRow, 'starts_on' | 'ends_on'>, today: string) {
  if (today < row.starts_on) return 'upcoming' as const;
  if (today > row.ends_on) return 'finished' as const;
  return 'running' as const;
}

export function presentProgramme(
  row: TrainingProgrammeRow,
  extras: {
    counts: { enrolled: number; completed: number; dropped: number } | undefined;
    order: LinkedOrder | undefined;
    today: string;
  },
  actor: Actor,
): Training {
  const counts = extras.counts ?? { enrolled: 0, completed: 0, dropped: 0 };
  const canWrite = canWriteTraining(actor, row.managing_district_code);
  return {
    id: row.id,
    name: row.name,
    occupationCode: row.occupation_code,
    occupationName: findOccupation(row.occupation_code)?.nameZh ?? row.occupation_code,
    skill: row.skill,
    provider: row.provider,
    seats: row.seats,
    taken: row.taken,
    counts,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    phase: phaseOf(row, extras.today),
    costPerTraineeFen: row.cost_per_trainee_fen,
    governmentCostFen: counts.completed * row.cost_per_trainee_fen,
    jobOrder: extras.order
      ? {
          id: extras.order.id,
          title: extras.order.title,
          enterpriseName: extras.order.enterprise_name,
          status: extras.order.status,
          headcount: extras.order.headcount,
          filled: extras.order.filled,
        }
      : null,
    managingDistrictCode: row.managing_district_code,
    notes: row.notes,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    can: { update: canWrite, enrol: canWrite },
  };
}

export function presentEnrolment(
  row: TrainingEnrolmentRow & { worker_name: string; worker_sex: string; worker_birth_date: string },
  now: Date,
): Enrolment {
  return {
    id: row.id,
    programmeId: row.programme_id,
    worker: {
      id: row.worker_id,
      name: row.worker_name,
      sex: row.worker_sex === 'female' ? 'female' : 'male',
      age: ageOn(row.worker_birth_date, now),
    },
    status: row.status,
    certificate: row.certificate,
    completedOn: row.completed_on,
    applicationId: row.application_id,
    enrolledAt: row.enrolled_at.toISOString(),
  };
}

export function snapshotProgramme(row: TrainingProgrammeRow): Record<string, unknown> {
  return {
    name: row.name,
    occupationCode: row.occupation_code,
    skill: row.skill,
    provider: row.provider,
    seats: row.seats,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    costPerTraineeFen: row.cost_per_trainee_fen,
    jobOrderId: row.job_order_id,
    managingDistrictCode: row.managing_district_code,
    notes: row.notes,
  };
}
