import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { LIMITS } from '@yonggong/shared';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { AppConfig } from './config.ts';
import type { Deps } from './deps.ts';
import { AppError } from './http/app-error.ts';
import { registerAuthGuard } from './http/auth-guard.ts';
import { handleError } from './http/error-handler.ts';
import { registerIdempotency } from './http/idempotency.ts';
import { zodValidatorCompiler } from './http/zod-validation.ts';
import { agencyRoutes } from './modules/agencies/agencies.routes.ts';
import { applicationRoutes } from './modules/applications/applications.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { baseRoutes } from './modules/bases/bases.routes.ts';
import { caseRoutes } from './modules/cases/cases.routes.ts';
import { enterpriseRoutes } from './modules/enterprises/enterprises.routes.ts';
import { internshipRoutes } from './modules/internships/internships.routes.ts';
import { jobOrderRoutes } from './modules/job-orders/job-orders.routes.ts';
import { kpiRoutes } from './modules/kpis/kpis.routes.ts';
import { marketplaceRoutes } from './modules/marketplace/marketplace.routes.ts';
import { monitoringRoutes } from './modules/monitoring/monitoring.routes.ts';
import { orderClassRoutes } from './modules/order-classes/order-classes.routes.ts';
import { recommendationRoutes } from './modules/recommendations/recommendations.routes.ts';
import { regionRoutes } from './modules/regions/regions.routes.ts';
import { schoolRoutes } from './modules/schools/schools.routes.ts';
import { shortageReportRoutes } from './modules/shortage-reports/shortage-reports.routes.ts';
import { surveyRoutes } from './modules/surveys/surveys.routes.ts';
import { trainingRoutes } from './modules/trainings/trainings.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { workerRoutes } from './modules/workers/workers.routes.ts';

export interface BuildAppOptions {
  readonly deps: Deps;
  readonly config: Pick<AppConfig, 'cityCode' | 'secureCookies' | 'webDistDir' | 'trustProxy' | 'logLevel'> &
    Partial<Pick<AppConfig, 'mapGeoJsonFile'>>;
  /** false silences request logs (tests). */
  readonly logger?: FastifyServerOptions['logger'];
  /** Set by the start command during graceful shutdown: readiness then fails. */
  readonly isShuttingDown?: () => boolean;
}

/**
 * Builds the HTTP application: plugins, the auth gate, the error handler, every module's routes,
 * the API document, and the built web app on the same port.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { deps, config } = options;
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      // Never log credentials or session material; bodies are not logged at all.
      redact: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
    },
    genReqId: () => crypto.randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: LIMITS.importMaxBytes, files: 1, fields: 5 } });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('rate_limited'),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '用工通 Yonggong API',
        version: '0.1.0',
        description:
          'REST API of Yonggong. Errors are application/problem+json (RFC 9457) with a stable `code`. ' +
          'Browser sessions use the `yg_session` cookie; state-changing requests send `X-CSRF-Token`.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'yg_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.addHook('onRoute', (route) => {
    // The interactive API page is public documentation.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: 'public' };
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerAuthGuard(app, deps.db, {
    idleMinutes: deps.config.sessionIdleMinutes,
    maxHours: deps.config.sessionMaxHours,
  });
  registerIdempotency(app, deps.db);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['ops'], summary: 'Liveness' } },
    async () => ({
      status: 'ok',
    }),
  );
  app.get(
    '/api/ready',
    { config: { access: 'public' }, schema: { tags: ['ops'], summary: 'Readiness (database reachable)' } },
    async () => {
      if (options.isShuttingDown?.()) throw new AppError('not_ready');
      try {
        await sql`SELECT 1`.execute(deps.db);
      } catch (error) {
        throw new AppError('not_ready', { cause: error });
      }
      return { status: 'ready' };
    },
  );

  await app.register(authRoutes(deps, { secureCookies: config.secureCookies }));
  await app.register(userRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(regionRoutes(deps.regions, config.cityCode));
  await app.register(enterpriseRoutes(deps));
  await app.register(workerRoutes(deps));
  await app.register(jobOrderRoutes(deps));
  await app.register(applicationRoutes(deps));
  await app.register(agencyRoutes(deps));
  await app.register(baseRoutes(deps));
  await app.register(surveyRoutes(deps));
  await app.register(trainingRoutes(deps));
  await app.register(marketplaceRoutes(deps));
  await app.register(schoolRoutes(deps));
  await app.register(orderClassRoutes(deps));
  await app.register(internshipRoutes(deps));
  await app.register(monitoringRoutes(deps, { mapGeoJsonFile: config.mapGeoJsonFile ?? null }));
  await app.register(kpiRoutes(deps));
  await app.register(caseRoutes(deps));
  await app.register(shortageReportRoutes(deps));
  await app.register(
    recommendationRoutes(deps, { onRunError: (error) => app.log.error({ err: error }, 'match run failed') }),
  );

  const hasWeb = fs.existsSync(path.join(config.webDistDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDistDir, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (!request.url.startsWith('/api') && request.method === 'GET' && hasWeb) {
      // Client-side routes of the single-page app.
      return reply.type('text/html').sendFile('index.html');
    }
    return handleError(new AppError('not_found'), request, reply);
  });
  return app;
}
