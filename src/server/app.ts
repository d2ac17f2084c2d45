import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type RouteOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.ts';
import { refuseNulCharacters, renderError, renderRoutingError } from './http/error-handler.ts';
import { analyticsRoutes } from './modules/analytics/routes.ts';
import { apiKeyRoutes } from './modules/api-keys/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { registerAuthentication } from './modules/auth/authenticate.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { benchmarkRoutes } from './modules/benchmarks/routes.ts';
import { consensusRoutes } from './modules/consensus/routes.ts';
import { datasetRoutes } from './modules/datasets/routes.ts';
import { exportRoutes } from './modules/exports/routes.ts';
import { groupRoutes } from './modules/groups/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { issueRoutes } from './modules/issues/routes.ts';
import { labelRoutes } from './modules/labels/routes.ts';
import { mediaRoutes } from './modules/media/routes.ts';
import { ontologyRoutes } from './modules/ontologies/routes.ts';
import { projectWorkflowRoutes } from './modules/project-workflow/routes.ts';
import { projectRoutes } from './modules/projects/routes.ts';
import { queueListRoutes } from './modules/queue/list-routes.ts';
import { queueManageRoutes } from './modules/queue/manage-routes.ts';
import { queueWorkRoutes } from './modules/queue/routes.ts';
import { reviewRoutes } from './modules/reviews/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { workflowTemplateRoutes } from './modules/workflow-templates/routes.ts';
import { workspaceRoutes } from './modules/workspace/routes.ts';

export type App = FastifyInstance;

/** Every route the app serves, with its policy action and schemas: tests walk this list. */
export interface RouteEntry {
  method: string;
  url: string;
  action: string | undefined;
  schema: RouteOptions['schema'];
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalogue: RouteEntry[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface BuildOptions {
  /** Pino logger options, or false for none (tests). */
  logger?: boolean | object;
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}) {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.logLevel },
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    // Honour a well-formed id from a proxy so one id follows the request through every log.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    frameworkErrors: renderRoutingError,
  }).withTypeProvider<ZodTypeProvider>();

  const catalogue: RouteEntry[] = [];
  app.decorate('routeCatalogue', catalogue);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      catalogue.push({ method, url: route.url, action: route.config?.action, schema: route.schema });
    }
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  renderError(app);
  app.addHook('preValidation', refuseNulCharacters);

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    if (req.url.startsWith('/api/v1')) reply.header('cache-control', 'no-store');
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gloss API',
        version: '1',
        description:
          'Every route the web app uses. Authenticate with the session cookie (writes also need the ' +
          '`x-csrf-token` header) or with `Authorization: Bearer <API key>`. Errors are ' +
          '`{error: {code, message, field?}}`; lists are cursor-paginated (`cursor`, `limit`, `nextCursor`).',
      },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key created under Settings → API keys',
          },
          session: { type: 'apiKey', in: 'cookie', name: 'gloss_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { action: 'public' } }, async () =>
    app.swagger(),
  );

  registerAuthentication(app, deps);
  for (const routes of [
    healthRoutes,
    authRoutes,
    apiKeyRoutes,
    workspaceRoutes,
    userRoutes,
    groupRoutes,
    ontologyRoutes,
    projectRoutes,
    auditRoutes,
    mediaRoutes,
    datasetRoutes,
    workflowTemplateRoutes,
    queueManageRoutes,
    queueListRoutes,
    projectWorkflowRoutes,
    queueWorkRoutes,
    labelRoutes,
    issueRoutes,
    reviewRoutes,
    consensusRoutes,
    benchmarkRoutes,
    analyticsRoutes,
    exportRoutes,
  ]) {
    await app.register(routes, { deps });
  }

  await serveWebApp(app, deps.config.webRoot);
  return app;
}

/**
 * The SPA: hashed assets are cached for good; every other GET outside /api gets index.html so
 * client-side routes deep-link. Files are looked up per request, so a rebuild (npm run dev)
 * needs no restart.
 */
async function serveWebApp(app: FastifyInstance, root: string) {
  const index = join(root, 'index.html');
  if (!existsSync(index)) app.log.warn(`web app not built (${index} missing); run npm run build`);
  await app.register(fastifyStatic, {
    root,
    index: false,
    setHeaders: (reply, path) => {
      if (path.includes(`${sep}assets${sep}`))
        reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const sendApp = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  // The static handler refuses directory paths such as `/` itself, so the root is routed here.
  app.get('/', { schema: { hide: true }, config: { action: 'public' } }, (_req, reply) => sendApp(reply));
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/') && existsSync(index)) return sendApp(reply);
    return reply
      .status(404)
      .send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}.` } });
  });
}
