import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/health',
    {
      config: { action: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness and database reachability, for load balancers',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }),
          503: z.object({ status: z.literal('unavailable'), database: z.enum(['sqlite', 'postgres']) }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(deps.db);
        return { status: 'ok' as const, database: deps.dialect };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, database: deps.dialect });
      }
    },
  );
};
