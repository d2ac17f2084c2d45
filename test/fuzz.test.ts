import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RouteEntry } from '../src/server/app.ts';
import { describeEachDialect, uniqueEmail } from './helpers/env.ts';
import {
  Caller,
  type CallerKind,
  describeRequest,
  expectWellFormed,
  type FuzzRequest,
  FuzzStats,
  fillPath,
  findValid,
  fuzzableRoutes,
  genContext,
  IdPool,
  type InputPart,
  type Method,
  nearValidArb,
  objectArb,
  objectShape,
  parsedQuery,
  pathParams,
  type RouteInputs,
  routeInputs,
  routeLabel,
  send,
  toQueryPairs,
  validArb,
  wrongTypeFor,
} from './helpers/fuzz.ts';

// Property-based tests over every API route in the app's catalogue (so routes added later are
// fuzzed without touching this file): random and near-valid paths, query strings and bodies,
// sent by an anonymous caller, a signed-in Admin and a signed-in Tasker (cookie + CSRF token).
// GLOSS_FUZZ_RUNS raises the number of requests per route and caller for a deeper local run;
// GLOSS_FUZZ_STATS=1 prints how each route answered. A failure lists, per route, the shrunk
// request that broke a property and the fast-check seed to replay it with.

const BODY_LIMIT = 4096;
const RUNS = Number(process.env.GLOSS_FUZZ_RUNS ?? 40);
const CALLERS: CallerKind[] = ['anonymous', 'admin', 'tasker'];

type Query = { pairs: [string, string][] } | { raw: string };
type Body = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };

interface Generated {
  segments: Record<string, string>;
  query: Query;
  body: Body;
  contentType: string | undefined;
}

// Malformed percent-encodings and a segment over Fastify's 100-character parameter limit included.
const ODD_SEGMENTS = [
  '',
  '.',
  '..',
  '%',
  '%zz',
  '%E0%A4%A',
  '%00',
  'null',
  '-1',
  '0',
  '%20',
  'x'.repeat(101),
];
const ODD_QUERY_CHARS = 'ab=&%[]+._~-09'.split('');

function requestArb(route: RouteEntry, inputs: RouteInputs, ids: IdPool): fc.Arbitrary<Generated> {
  // Path parameters: a real id half the time, anything else otherwise.
  const segment = fc.oneof(
    ids.arbitrary.map(encodeURIComponent),
    fc.oneof(
      fc.uuid().map(encodeURIComponent),
      fc.string().map(encodeURIComponent),
      fc.string({ unit: 'binary-ascii' }).map(encodeURIComponent),
      fc.string({ unit: 'grapheme', maxLength: 8 }).map(encodeURIComponent),
      fc.constantFrom(...ODD_SEGMENTS),
    ),
  );
  const names = pathParams(route.url);
  const segments = fc
    .tuple(...names.map(() => segment))
    .map((values) => Object.fromEntries(names.map((n, i) => [n, values[i]!])));

  const qs = inputs.querystring;
  const query: fc.Arbitrary<Query> = fc.oneof(
    {
      weight: 3,
      arbitrary: (qs
        ? objectArb(qs.json, genContext(qs, ids), 'near').map(toQueryPairs)
        : fc.constant([] as [string, string][])
      ).map((pairs) => ({ pairs })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ unit: 'binary-ascii', maxLength: 12 })), {
          maxLength: 4,
        })
        .map((pairs) => ({ pairs })),
    },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: fc.constantFrom(...ODD_QUERY_CHARS), maxLength: 20 })
        .map((raw) => ({ raw })),
    },
  );

  const b = inputs.body;
  const json = (arb: fc.Arbitrary<unknown>) => arb.map((value): Body => ({ kind: 'json', value }));
  const body: fc.Arbitrary<Body> = fc.oneof(
    ...(b
      ? [
          {
            weight: 8,
            arbitrary: json(
              objectShape(b)
                ? objectArb(b.json, genContext(b, ids), 'near')
                : nearValidArb(b.json, genContext(b, ids)),
            ),
          },
        ]
      : []),
    { weight: 1, arbitrary: json(fc.jsonValue()) },
    { weight: 1, arbitrary: json(fc.anything()) },
    { weight: 1, arbitrary: json(fc.object()) },
    { weight: 2, arbitrary: fc.constant<Body>({ kind: 'none' }) },
    { weight: 1, arbitrary: fc.string().map((text): Body => ({ kind: 'raw', text })) },
  );

  const contentType = fc.oneof(
    { weight: 10, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constant('application/json; charset=utf-8') },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
      ),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

  return fc.record({ segments, query, body, contentType });
}

function toRequest(route: RouteEntry, g: Generated): FuzzRequest {
  const path = fillPath(route.url, g.segments);
  const q = 'raw' in g.query ? g.query.raw : new URLSearchParams(g.query.pairs).toString();
  let payload: string | undefined;
  if (g.body.kind === 'raw') payload = g.body.text;
  if (g.body.kind === 'json') {
    try {
      payload = JSON.stringify(g.body.value);
    } catch {
      payload = undefined;
    }
  }
  return {
    method: route.method as Method,
    url: q ? `${path}?${q}` : path,
    ...(payload === undefined ? {} : { payload }),
    ...(payload === undefined && g.body.kind === 'none' ? {} : { contentType: g.contentType }),
  };
}

const accepts = (part: InputPart | null, value: unknown) => !part || part.zod.safeParse(value).success;

/** Whether every input passes the route's schemas, so the request reaches its handler. */
function isValidInput(inputs: RouteInputs, req: FuzzRequest, g: Generated): boolean {
  try {
    const params = Object.fromEntries(Object.entries(g.segments).map(([k, v]) => [k, decodeURIComponent(v)]));
    if (!accepts(inputs.params, params)) return false;
  } catch {
    return false;
  }
  if ('raw' in g.query || !accepts(inputs.querystring, parsedQuery(g.query.pairs))) return false;
  if (!inputs.body || req.method === 'GET') return true;
  if (req.payload === undefined) return accepts(inputs.body, undefined);
  if (req.contentType !== 'application/json' || g.body.kind !== 'json') return false;
  return accepts(inputs.body, JSON.parse(req.payload));
}

describeEachDialect(
  'fuzzing every API route',
  (env) => {
    const routes = () => fuzzableRoutes(env.app.routeCatalogue);
    let active: Caller | null = null;
    let ids: IdPool;
    const stats = new FuzzStats();
    afterAll(() => {
      if (process.env.GLOSS_FUZZ_STATS) console.log(`${env.dialect}:\n${stats.summary()}`);
    });

    beforeAll(async () => {
      // The fixture admin invites everyone else: fuzzing may change any other account, never it.
      ids = new IdPool(() => (active?.user ? [active.user.id] : []), new Set([env.admin.user!.id]));
      // Something to aim at: another user and a pending invite.
      await env.user('tasker');
      await env.admin.post('/api/v1/invites', { email: uniqueEmail('pending'), role: 'member' });
      ids.harvest((await env.admin.get('/api/v1/users?limit=200')).body);
      ids.harvest((await env.admin.get('/api/v1/invites?limit=200')).body);
    });

    it('walks every API route in the catalogue', () => {
      const urls = routes().map(routeLabel);
      expect(urls).toContain('GET /api/health');
      expect(urls).toContain('POST /api/v1/auth/login');
      expect(urls.filter((u) => u.includes(' /api/v1/')).length).toBeGreaterThanOrEqual(20);
      // every route has schemas the fuzzer can read
      for (const route of routes()) expect(route.schema, routeLabel(route)).toBeTruthy();
    });

    for (const kind of CALLERS) {
      it(`answers every random request to every route without a 5xx and with a well-formed error, as ${kind}`, async () => {
        const caller = new Caller(env, kind);
        active = caller;
        const failures: string[] = [];
        const starved: string[] = [];
        for (const route of routes()) {
          const inputs = routeInputs(route);
          // The first request is one the route accepts, so every handler runs at least once.
          const valid = validInputs(route, inputs, ids);
          const example: Generated = {
            segments: valid.segments,
            query: { pairs: valid.pairs },
            body: valid.body === undefined ? { kind: 'none' } : { kind: 'json', value: valid.body },
            contentType: 'application/json',
          };
          let passed = 0;
          const property = fc.asyncProperty(requestArb(route, inputs, ids), async (g) => {
            const agent = await caller.agent();
            const req = toRequest(route, g);
            const res = await send(agent, req);
            caller.saw(req.method, res);
            ids.harvest(res.body);
            const validInput = isValidInput(inputs, req, g);
            stats.record(kind, route, validInput, res);
            if (validInput) passed++;
            expectWellFormed(res, describeRequest(kind, req));
          });
          // Every route is fuzzed even when an earlier one fails; the failures are listed together.
          const failure = await fcFailure(fc.check(property, { numRuns: RUNS, examples: [[example]] }));
          if (failure) failures.push(`${routeLabel(route)}: ${failure}`);
          else if (passed === 0) starved.push(routeLabel(route));
        }
        if (process.env.GLOSS_FUZZ_STATS) {
          console.log(
            `${env.dialect} ${kind}: sessions resumed ${caller.resumed}, callers replaced ${caller.replaced}`,
          );
        }
        expect(failures, 'requests answered with a 5xx or a malformed error').toEqual([]);
        // The near-valid generator must get past validation now and then, or handlers go untested.
        expect(starved, 'routes that never got a valid request').toEqual([]);
      }, 180_000);
    }

    for (const kind of CALLERS) {
      it(`refuses malformed input before anything else, naming the field at fault, as ${kind}`, async () => {
        const caller = new Caller(env, kind);
        active = caller;
        const agent = await caller.agent();
        const mismatches: string[] = [];
        let cases = 0;

        const expectRefusal = async (
          route: RouteEntry,
          what: string,
          req: FuzzRequest,
          expected: { status: number; code: string; field?: string },
        ) => {
          cases++;
          const res = await send(agent, req);
          expectWellFormed(res, describeRequest(kind, req));
          const got = { status: res.status, code: res.body?.error?.code, field: res.body?.error?.field };
          const want = { field: got.field, ...expected };
          if (got.status !== want.status || got.code !== want.code || got.field !== want.field) {
            mismatches.push(
              `${routeLabel(route)} ${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)} ` +
                `(${describeRequest(kind, req)})`,
            );
          }
        };

        for (const route of routes()) {
          const inputs = routeInputs(route);
          const valid = validInputs(route, inputs, ids);
          const base = (over: Partial<FuzzRequest> & { body?: unknown; pairs?: [string, string][] }) => {
            const pairs = over.pairs ?? valid.pairs;
            const q = new URLSearchParams(pairs).toString();
            const body = 'body' in over ? over.body : valid.body;
            const req: FuzzRequest = {
              method: route.method as Method,
              url: fillPath(over.url ?? route.url, over.url ? {} : valid.segments) + (q ? `?${q}` : ''),
            };
            if (over.payload !== undefined) req.payload = over.payload;
            else if (body !== undefined) req.payload = JSON.stringify(body);
            if (req.payload !== undefined) req.contentType = over.contentType ?? 'application/json';
            return req;
          };
          const invalidRequest = (field: string) => ({ status: 400, code: 'invalid_request', field });

          // Path parameters that are not what the route takes.
          for (const name of pathParams(route.url)) {
            const segments = { ...valid.segments, [name]: 'not-a-valid-value' };
            if (accepts(inputs.params, { ...decodeAll(valid.segments), [name]: 'not-a-valid-value' }))
              continue;
            await expectRefusal(route, `a malformed :${name}`, base({ url: fillPath(route.url, segments) }), {
              ...invalidRequest(name),
            });
          }

          // Query strings: an unknown parameter, and a value of the wrong kind for each known one.
          const qs = inputs.querystring && objectShape(inputs.querystring);
          if (inputs.querystring && qs) {
            await expectRefusal(
              route,
              'an unknown query parameter',
              base({ pairs: [...valid.pairs, ['unexpectedParam', '1']] }),
              invalidRequest('unexpectedParam'),
            );
            for (const key of Object.keys(qs.properties)) {
              const pairs = [
                ...valid.pairs.filter(([k]) => k !== key),
                [key, '{not valid}'] as [string, string],
              ];
              if (accepts(inputs.querystring, parsedQuery(pairs))) continue;
              await expectRefusal(route, `a malformed ?${key}`, base({ pairs }), invalidRequest(key));
            }
          }

          if (!inputs.body || route.method === 'GET') continue;
          const shape = objectShape(inputs.body);
          const baseline = (valid.body ?? {}) as Record<string, unknown>;

          if (shape) {
            for (const [key, prop] of Object.entries(shape.properties)) {
              const wrong = wrongTypeFor(prop);
              if (wrong === undefined) continue;
              const body = { ...baseline, [key]: wrong };
              expect(accepts(inputs.body, body), `${routeLabel(route)} takes ${JSON.stringify(body)}`).toBe(
                false,
              );
              await expectRefusal(
                route,
                `a ${Array.isArray(wrong) ? 'array' : typeof wrong} for ${key}`,
                base({ body }),
                invalidRequest(key),
              );
            }
            for (const key of shape.required) {
              const { [key]: _, ...body } = baseline;
              await expectRefusal(route, `no ${key}`, base({ body }), invalidRequest(key));
            }
            await expectRefusal(
              route,
              'an unknown field',
              base({ body: { ...baseline, unexpectedField: 'x' } }),
              invalidRequest('unexpectedField'),
            );
          }
          for (const body of [[], 'a string', 42, null]) {
            if (accepts(inputs.body, body)) continue;
            await expectRefusal(
              route,
              `a body of ${JSON.stringify(body)}`,
              base({ body }),
              invalidRequest('body'),
            );
          }
          await expectRefusal(route, 'a body that is not JSON', base({ payload: '{"oops": ' }), {
            status: 400,
            code: 'invalid_json',
            field: 'body',
          });
          await expectRefusal(
            route,
            'a body over the size limit',
            base({ body: { ...baseline, padding: 'x'.repeat(BODY_LIMIT) } }),
            { status: 413, code: 'body_too_large' },
          );
        }
        expect(cases).toBeGreaterThan(20);
        expect(mismatches).toEqual([]);
      }, 60_000);
    }

    it('stores or refuses a NUL character in every free-text field, and never fails on one', async () => {
      // PostgreSQL text cannot hold U+0000; SQLite can. Either way the API must answer 2xx or 4xx.
      const caller = new Caller(env, 'admin');
      active = caller;
      const failures: string[] = [];
      let cases = 0;
      for (const route of routes()) {
        const inputs = routeInputs(route);
        const valid = validInputs(route, inputs, ids);
        const path = fillPath(route.url, valid.segments);
        const isFreeText = (p: { type?: unknown; format?: string; pattern?: string; enum?: unknown }) =>
          p.type === 'string' && !p.format && !p.pattern && !p.enum;
        const variants: { what: string; req: FuzzRequest }[] = [];
        const query = (pairs: [string, string][]) => {
          const q = new URLSearchParams(pairs).toString();
          return q ? `${path}?${q}` : path;
        };
        const withBody = (body: unknown): Partial<FuzzRequest> =>
          body === undefined ? {} : { payload: JSON.stringify(body), contentType: 'application/json' };
        const qs = inputs.querystring && objectShape(inputs.querystring);
        for (const [key, prop] of Object.entries(qs ? qs.properties : {})) {
          const pairs = [
            ...valid.pairs.filter(([k]) => k !== key),
            [key, 'nul\u0000here'] as [string, string],
          ];
          if (!isFreeText(prop) || !accepts(inputs.querystring, parsedQuery(pairs))) continue;
          variants.push({
            what: `?${key}`,
            req: { method: route.method as Method, url: query(pairs), ...withBody(valid.body) },
          });
        }
        const shape = inputs.body && route.method !== 'GET' ? objectShape(inputs.body) : null;
        for (const [key, prop] of Object.entries(shape ? shape.properties : {})) {
          const body = { ...(valid.body as object), [key]: 'nul\u0000here' };
          if (!isFreeText(prop) || !accepts(inputs.body, body)) continue;
          variants.push({
            what: `body.${key}`,
            req: { method: route.method as Method, url: query(valid.pairs), ...withBody(body) },
          });
        }
        for (const { what, req } of variants) {
          cases++;
          const res = await send(await caller.agent(), req);
          caller.saw(req.method, res);
          try {
            expectWellFormed(res, describeRequest('admin', req));
          } catch {
            failures.push(
              `${what}: ${describeRequest('admin', req)} → ${res.status} ${JSON.stringify(res.body)}`,
            );
          }
        }
      }
      expect(cases).toBeGreaterThan(5);
      expect(failures).toEqual([]);
    }, 60_000);
  },
  { GLOSS_BODY_LIMIT_BYTES: String(BODY_LIMIT), GLOSS_LOGIN_MAX_FAILURES_PER_IP: '1000000' },
);

/** The shrunk counterexample of a failed property run, as the request sent and the response got. */
async function fcFailure(details: Promise<fc.RunDetails<[Generated]>>): Promise<string | null> {
  const run = await details;
  if (!run.failed) return null;
  const cause = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
  const [request, response] = cause.split('\n');
  return `${request}${response ? `\n    ${response.slice(0, 400)}` : ''}\n    (fast-check seed ${run.seed}, path "${run.counterexamplePath}")`;
}

function decodeAll(segments: Record<string, string>) {
  return Object.fromEntries(Object.entries(segments).map(([k, v]) => [k, decodeURIComponent(v)]));
}

/** Path, query and body a route accepts, found by sampling its schemas; the deterministic cases break one part. */
function validInputs(route: RouteEntry, inputs: RouteInputs, ids: IdPool) {
  const need = <T>(what: string, value: T | undefined): T => {
    if (value === undefined) throw new Error(`could not generate a valid ${what} for ${routeLabel(route)}`);
    return value;
  };
  const p = inputs.params;
  const segments = p
    ? need(
        'path',
        findValid(
          objectArb(p.json, genContext(p, ids), 'minimal').map((o) =>
            Object.fromEntries(Object.entries(o).map(([k, v]) => [k, encodeURIComponent(String(v))])),
          ),
          (s) => accepts(p, decodeAll(s)),
        ),
      )
    : Object.fromEntries(pathParams(route.url).map((n) => [n, 'x']));
  const q = inputs.querystring;
  const pairs = q
    ? need(
        'query string',
        findValid(objectArb(q.json, genContext(q, ids), 'minimal').map(toQueryPairs), (pq) =>
          accepts(q, parsedQuery(pq)),
        ),
      )
    : [];
  const b = inputs.body;
  const body = b
    ? need(
        'body',
        findValid(
          objectShape(b)
            ? objectArb(b.json, genContext(b, ids), 'minimal')
            : validArb(b.json, genContext(b, ids)),
          // The server refuses U+0000 in any input before validation, so a value holding it is no example.
          (v) => accepts(b, v) && !JSON.stringify(v).includes('\\u0000'),
        ),
      )
    : undefined;
  return { segments, pairs, body };
}
