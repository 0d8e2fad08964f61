import { z } from 'zod';

export const REGION_LEVELS = ['province', 'prefecture', 'county', 'township'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const regionsQuery = z.object({
  parent: z
    .string()
    .regex(/^\d{6}(\d{3})?$/)
    .optional()
    .describe('parent code; omitted = provinces'),
  codes: z.string().optional().describe('comma-separated codes to look up (for labels)'),
});

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
  hasChildren: z.boolean(),
});
export type Region = z.infer<typeof regionSchema>;

export const regionListReply = z.object({ items: z.array(regionSchema) });

/** The demo/deployment city and its districts, for district pickers. */
export const cityReply = z.object({ city: regionSchema, districts: z.array(regionSchema) });
