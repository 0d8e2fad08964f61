import { computeIdCheckDigit } from '@yonggong/engine';
import type { Role } from '@yonggong/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Test data for the workers module's tests: ID numbers unique within a test process (the shared
 * factories draw random sequences, which collide after a few dozen workers of one birth date).
 */
let counter = 0;

/** A valid 18-digit ID number, unique per call, born `birthDate` (default: a date in the 1990s). */
export function uniqueIdNumber(
  options: { region?: string; birthDate?: string; sex?: 'male' | 'female' } = {},
): string {
  counter += 1;
  const region = options.region ?? '530602';
  const birth =
    options.birthDate?.replaceAll('-', '') ??
    new Date(Date.UTC(1990, 0, 1) + (counter % 3000) * 86_400_000)
      .toISOString()
      .slice(0, 10)
      .replaceAll('-', '');
  const sequence = String(Math.floor(counter / 3000) * 10 + (counter % 10))
    .padStart(2, '0')
    .slice(-2);
  const sexDigit = (counter % 5) * 2 + ((options.sex ?? 'male') === 'male' ? 1 : 0);
  const first17 = `${region}${birth}${sequence}${sexDigit}`;
  return first17 + computeIdCheckDigit(first17);
}

/** A unique mainland mobile number. */
export function uniquePhone(): string {
  counter += 1;
  return `137${String(counter * 7919 + 10_000_000).slice(-8)}`;
}

/** The 15-digit form of an 18-digit ID number of someone born in the 1900s. */
export function toLegacy15(id18: string): string {
  return id18.slice(0, 6) + id18.slice(8, 17);
}

/** Binds a user account to a worker (the worker role's scope). */
export async function bindUserToWorker(
  db: Kysely<Database>,
  userId: string,
  workerId: string,
): Promise<void> {
  await db.updateTable('users').set({ worker_id: workerId }).where('id', '=', userId).execute();
}

/** A registration body with fresh identity numbers. */
export function registrationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '王建军',
    idNumber: uniqueIdNumber(),
    phone: uniquePhone(),
    originRegionCode: '530602',
    education: 'senior',
    skills: ['电焊', '叉车'],
    certificates: ['焊工证'],
    expectedWage: 6500,
    availableFrom: '2026-03-01',
    ...overrides,
  };
}

export type { Role };
