import { z } from 'zod';
import { METRICS, type Metric } from '../../../core/analytics/metrics.ts';

// Response pieces the project and workspace reports share.

/** Every metric's count (core/analytics/metrics.ts says what each counts). */
export const Counts = z.object(
  Object.fromEntries(METRICS.map((m) => [m, z.number()])) as Record<Metric, z.ZodNumber>,
);

export const Quality = {
  rejectionRate: z.number().nullable().describe('Review decisions on the work that were rejections'),
  firstPassYield: z.number().nullable().describe('Reviewed tasks approved at their first review decision'),
};
