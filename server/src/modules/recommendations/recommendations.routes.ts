import {
  explainQuery,
  explainReply,
  matchRunReply,
  Permission,
  recommendationQuery,
  recommendationReply,
} from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { contextOf } from '../../http/auth-guard.ts';
import { latestRun, runMatchBatch, startMatchRun } from './match-runs.service.ts';
import { explainPair, recommend } from './recommendations.service.ts';

/**
 * `/api/recommendations` — ranked matches with reasons (live, exact), why a pair does or does not
 * match, and the batch that recomputes every stored list.
 */
export function recommendationRoutes(
  deps: Deps,
  options: { onRunError: (error: unknown) => void },
): FastifyPluginAsyncZod {
  return async (app) => {
    /** Batches started here: stopped between chunks on shutdown, and awaited. */
    const inFlight = new Set<Promise<void>>();
    const closing = new AbortController();
    app.addHook('onClose', async () => {
      closing.abort();
      await Promise.allSettled([...inFlight]);
    });

    app.get(
      '/api/recommendations',
      {
        config: { access: Permission.MatchRead },
        schema: {
          tags: ['recommendations'],
          summary: 'Top-k orders for a worker (workerId) or workers for an order (jobOrderId), with reasons',
          querystring: recommendationQuery,
          response: { 200: recommendationReply },
        },
      },
      (request) => recommend(deps, contextOf(request), request.query),
    );
    app.get(
      '/api/recommendations/explain',
      {
        config: { access: Permission.MatchRead },
        schema: {
          tags: ['recommendations'],
          summary: 'Why a worker and an order match or not: failed filters and scoring terms',
          querystring: explainQuery,
          response: { 200: explainReply },
        },
      },
      (request) => explainPair(deps, contextOf(request), request.query.workerId, request.query.jobOrderId),
    );
    app.get(
      '/api/recommendations/runs/latest',
      {
        config: { access: Permission.MatchRead },
        schema: {
          tags: ['recommendations'],
          summary: 'The latest batch run, with its progress',
          response: { 200: matchRunReply },
        },
      },
      async () => ({ run: await latestRun(deps) }),
    );
    app.post(
      '/api/recommendations/runs',
      {
        config: { access: Permission.MatchRun },
        schema: {
          tags: ['recommendations'],
          summary: 'Start the batch that recomputes every stored recommendation list (409 while one runs)',
          response: { 202: matchRunReply },
        },
      },
      async (request, reply) => {
        const { runId } = await startMatchRun(deps, contextOf(request));
        const running = runMatchBatch(deps, runId, { signal: closing.signal }).catch(options.onRunError);
        inFlight.add(running);
        void running.finally(() => inFlight.delete(running));
        return reply.status(202).send({ run: await latestRun(deps) });
      },
    );
  };
}
