import { z } from 'zod';
import { ROLES } from '../roles.ts';

export const userDirectoryQuery = z.object({
  role: z.enum(ROLES).optional(),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const userDirectoryEntry = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  districtCodes: z.array(z.string()),
});
export type UserDirectoryEntry = z.infer<typeof userDirectoryEntry>;

export const userDirectoryReply = z.object({ items: z.array(userDirectoryEntry) });
