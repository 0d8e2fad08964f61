import { z } from 'zod';
import { LOCALES } from '../i18n/locale.ts';
import { ALL_PERMISSIONS } from '../permissions.ts';
import { ROLES } from '../roles.ts';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof loginBody>;

export const userScopeSchema = z.object({
  districtCodes: z.array(z.string()),
  enterpriseId: z.string().nullable(),
  agencyId: z.string().nullable(),
  schoolId: z.string().nullable(),
  baseId: z.string().nullable(),
  workerId: z.string().nullable(),
});

export const meSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.enum(ALL_PERMISSIONS as [string, ...string[]])),
  scope: userScopeSchema,
  locale: z.enum(LOCALES),
});
export type Me = z.infer<typeof meSchema>;

export const loginReply = z.object({ user: meSchema, csrfToken: z.string() });
export type LoginReply = z.infer<typeof loginReply>;

export const updateMeBody = z.object({ locale: z.enum(LOCALES) });

/** `GET /api/me`: who am I, plus the session's CSRF token so a reloaded page can keep writing. */
export const meReply = meSchema.extend({ csrfToken: z.string() });
export type MeReply = z.infer<typeof meReply>;
