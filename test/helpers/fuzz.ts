import fc from 'fast-check';
import { expect } from 'vitest';
import { z } from 'zod';
import type { WorkspaceRole } from '../../src/core/roles.ts';
import type { RouteEntry } from '../../src/server/app.ts';
import { openSession } from '../../src/server/modules/auth/sessions.ts';
import type { Agent, Reply } from './agent.ts';
import type { TestEnv } from './env.ts';

// Building blocks for fuzzing the HTTP API: which routes to walk, values derived from each
// route's zod schemas (through their JSON Schema), a pool of real ids to put into paths and
// bodies, callers that stay signed in whatever the fuzzer does to them, and the checks every
// response must pass.

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Every API route in the app's catalogue except the docs and the web app's own routes. */
export function fuzzableRoutes(routes: readonly RouteEntry[]): RouteEntry[] {
  return routes.filter(
    (r) =>
      (r.url.startsWith('/api/v1') || r.url === '/api/health') &&
      !r.url.startsWith('/api/docs') &&
      r.url !== '/api/openapi.json',
  );
}

export const routeLabel = (r: RouteEntry) => `${r.method} ${r.url}`;

/** The names of a route's path parameters, in order (`/users/:id/role` → ['id']). */
export const pathParams = (url: string) => [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);

/** Puts already URL-encoded segments into a route's path. */
export function fillPath(url: string, segments: Record<string, string>) {
  return url
    .replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => segments[name] ?? '')
    .replace(/\*$/, segments['*'] ?? '');
}

// ---------------------------------------------------------------------------------------------
// Schemas

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

export const isZod = (s: unknown): s is z.ZodType => typeof s === 'object' && s !== null && '_zod' in s;

/** One part of a route's input: its zod schema and the JSON Schema of what it accepts. */
export interface InputPart {
  zod: z.ZodType;
  json: JsonSchema;
}

export function inputPart(schema: unknown): InputPart | null {
  if (!isZod(schema)) return null;
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return { zod: schema, json };
}

export interface RouteInputs {
  body: InputPart | null;
  querystring: InputPart | null;
  params: InputPart | null;
}

export function routeInputs(route: RouteEntry): RouteInputs {
  const s = (route.schema ?? {}) as Record<string, unknown>;
  return { body: inputPart(s.body), querystring: inputPart(s.querystring), params: inputPart(s.params) };
}

function deref(js: JsonSchema, root: JsonSchema): JsonSchema {
  let s = js;
  for (let i = 0; s.$ref && i < 10; i++) {
    const name = /^#\/\$defs\/(.+)$/.exec(s.$ref)?.[1];
    s = (name && root.$defs?.[name]) || {};
  }
  return s;
}

const typesOf = (js: JsonSchema): string[] =>
  js.type === undefined ? [] : Array.isArray(js.type) ? js.type : [js.type];

/** Top-level properties of an object schema (after following a $ref), or null if it is not one. */
export function objectShape(part: InputPart) {
  const js = deref(part.json, part.json);
  if (!typesOf(js).includes('object') && !js.properties) return null;
  return {
    properties: Object.fromEntries(
      Object.entries(js.properties ?? {}).map(([k, v]) => [k, deref(v, part.json)]),
    ),
    required: js.required ?? [],
  };
}

// ---------------------------------------------------------------------------------------------
// Ids

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Real ids to put into paths and id fields: the caller's own first, then whatever ids earlier
 * responses contained (users, invites, keys, and whatever later modules return). Protected ids,
 * such as the fixture admin's, are never handed out, so fuzzing cannot demote or deactivate it.
 */
export class IdPool {
  private seen: string[] = [];
  constructor(
    private readonly own: () => string[],
    private readonly protectedIds: ReadonlySet<string>,
  ) {}

  harvest(value: unknown, depth = 0) {
    if (depth > 6) return;
    if (typeof value === 'string') {
      if (UUID.test(value) && !this.protectedIds.has(value) && !this.seen.includes(value)) {
        this.seen.unshift(value);
        if (this.seen.length > 60) this.seen.pop();
      }
    } else if (Array.isArray(value)) {
      for (const v of value.slice(0, 50)) this.harvest(v, depth + 1);
    } else if (value && typeof value === 'object') {
      for (const v of Object.values(value)) this.harvest(v, depth + 1);
    }
  }

  all() {
    return [...this.own(), ...this.seen];
  }

  /** Picks from the pool as it is when the value is generated, so ids found later get used too. */
  readonly arbitrary: fc.Arbitrary<string> = fc.noShrink(fc.nat()).map((i) => {
    const ids = this.all();
    return ids[i % ids.length] ?? '00000000-0000-4000-8000-000000000000';
  });
}

// ---------------------------------------------------------------------------------------------
// Values

interface GenContext {
  root: JsonSchema;
  ids: IdPool;
  depth: number;
}

const clampLength = (n: number | undefined, fallback: number) => Math.min(n ?? fallback, 1000);

/** Strings that have tripped up servers and databases before. */
const TRICKY_STRINGS = [
  '\u0000',
  'nul\u0000inside',
  'lone \ud800 surrogate',
  '\u202eright-to-left',
  ' ',
  '%00',
  "'; drop table users; --",
  '\\',
  '💩'.repeat(40),
  'constructor',
  '__proto__',
];

function stringArb(js: JsonSchema, ctx: GenContext): fc.Arbitrary<string> {
  if (js.format === 'uuid') return fc.oneof(ctx.ids.arbitrary, fc.uuid({ version: 4 }));
  const options: fc.Arbitrary<string>[] = [];
  if (js.pattern) {
    try {
      options.push(fc.stringMatching(new RegExp(js.pattern)));
    } catch {
      // a pattern fast-check cannot generate from: fall back to the format or plain strings
    }
  }
  if (js.format === 'email' && options.length === 0) options.push(fc.emailAddress());
  if (js.format === 'date-time' && options.length === 0) {
    options.push(
      fc
        .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
    );
  }
  if (options.length > 0) return fc.oneof(...options);
  const min = js.minLength ?? 0;
  const max = Math.max(min, clampLength(js.maxLength, min + 30));
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, min + 30) }) },
    { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }) },
    // control characters, NUL among them
    {
      weight: 1,
      arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, min + 30), unit: 'binary-ascii' }),
    },
    { weight: 1, arbitrary: fc.constantFrom(...TRICKY_STRINGS) },
    { weight: 1, arbitrary: fc.string({ minLength: max, maxLength: max }) },
  );
}

function numberArb(js: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = js.minimum ?? (js.exclusiveMinimum !== undefined ? js.exclusiveMinimum + 1 : -1000);
  const hi = js.maximum ?? (js.exclusiveMaximum !== undefined ? js.exclusiveMaximum - 1 : 1_000_000);
  const min = Math.max(lo, Number.MIN_SAFE_INTEGER);
  const max = Math.max(min, Math.min(hi, Number.MAX_SAFE_INTEGER));
  if (!integer) return fc.double({ min, max, noNaN: true });
  // Small values near the minimum hit real revisions and limits; the rest explores the range.
  return fc.oneof(
    fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, min + 3)) }),
    fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
  );
}

/** Values the schema most likely accepts (the generator knows formats, patterns and bounds). */
export function validArb(js0: JsonSchema, ctx: GenContext): fc.Arbitrary<unknown> {
  const js = deref(js0, ctx.root);
  if (ctx.depth > 4) return fc.constant(null);
  const inner = { ...ctx, depth: ctx.depth + 1 };
  if (js.const !== undefined) return fc.constant(js.const);
  if (js.enum && js.enum.length > 0) return fc.constantFrom(...js.enum);
  const union = js.anyOf ?? js.oneOf;
  if (union && union.length > 0) return fc.oneof(...union.map((m) => validArb(m, inner)));
  if (js.allOf?.[0]) return validArb(js.allOf[0], inner);
  const types = typesOf(js);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return stringArb(js, ctx);
        case 'integer':
          return numberArb(js, true);
        case 'number':
          return numberArb(js, false);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array': {
          const minLength = js.minItems ?? 0;
          const maxLength = Math.max(minLength, Math.min(js.maxItems ?? minLength + 4, minLength + 4));
          return fc.array(js.items ? validArb(js.items, inner) : fc.jsonValue({ maxDepth: 1 }), {
            minLength,
            maxLength,
          });
        }
        case 'object':
          return objectArb(js, inner, 'valid');
        default:
          return fc.jsonValue({ maxDepth: 2 });
      }
    }),
  );
}

/** Mostly valid values, now and then a value of any type. */
export function nearValidArb(js: JsonSchema, ctx: GenContext): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 7, arbitrary: validArb(js, ctx) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  );
}

/**
 * Objects with the schema's keys. `valid`: required keys present, valid-looking values, optional
 * keys now and then. `minimal`: the required keys only. `near`: like valid, but now and then a
 * required key is missing, a value has the wrong type or an unknown key comes along.
 */
export function objectArb(
  js0: JsonSchema,
  ctx: GenContext,
  mode: 'valid' | 'minimal' | 'near',
): fc.Arbitrary<object> {
  const js = deref(js0, ctx.root);
  const near = mode === 'near';
  const required = new Set(js.required ?? []);
  const entries = Object.entries(js.properties ?? {})
    .filter(([key]) => mode !== 'minimal' || required.has(key))
    .map(
      ([key, prop]) =>
        [
          key,
          fc.option(near ? nearValidArb(prop, ctx) : validArb(prop, ctx), {
            nil: undefined,
            // fast-check picks the nil value (the key is left out) once in `freq` draws
            freq: required.has(key) ? (near ? 12 : Number.MAX_SAFE_INTEGER) : 2,
          }),
        ] as const,
    );
  const extras = near
    ? fc.oneof(
        { weight: 7, arbitrary: fc.constant({}) },
        {
          weight: 1,
          arbitrary: fc.dictionary(
            fc.string({ minLength: 1, maxLength: 10 }),
            fc.jsonValue({ maxDepth: 1 }),
            {
              minKeys: 1,
              maxKeys: 2,
            },
          ),
        },
      )
    : fc.constant({});
  return fc.tuple(fc.tuple(...entries.map(([, arb]) => arb)), extras).map(([values, extra]) => {
    const out: Record<string, unknown> = { ...extra };
    entries.forEach(([key], i) => {
      if (values[i] !== undefined) out[key] = values[i];
      else delete out[key];
    });
    return out;
  });
}

export const genContext = (part: InputPart, ids: IdPool): GenContext => ({ root: part.json, ids, depth: 0 });

/** A value of a JSON type the property does not accept: a number for a string, an object for an array… */
export function wrongTypeFor(prop: JsonSchema): unknown {
  const accepted = new Set<string>();
  const collect = (s: JsonSchema) => {
    for (const t of typesOf(s)) accepted.add(t);
    if (s.enum) for (const v of s.enum) accepted.add(v === null ? 'null' : typeof v);
    if (s.const !== undefined) accepted.add(s.const === null ? 'null' : typeof s.const);
    for (const m of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) collect(m);
  };
  collect(prop);
  if (accepted.has('integer')) accepted.add('number');
  const candidates: [string, unknown][] = [
    ['number', 12345],
    ['string', 'not the right type'],
    ['array', ['x']],
    ['object', { unexpected: true }],
    ['boolean', true],
  ];
  // An array where an object belongs and an object where an array belongs, as the brief's examples go.
  if (accepted.has('object')) candidates.unshift(['array', []]);
  if (accepted.has('array')) candidates.unshift(['object', {}]);
  return candidates.find(([t]) => !accepted.has(t))?.[1];
}

/** Query-string pairs for an object of values (arrays repeat the key). */
export function toQueryPairs(value: unknown): [string, string][] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const pairs: [string, string][] = [];
  for (const [k, v] of Object.entries(value)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      pairs.push([k, typeof item === 'string' ? item : (JSON.stringify(item) ?? '')]);
    }
  }
  return pairs;
}

/** What a query string looks like to the route's validator: one string per key, repeats as arrays. */
export function parsedQuery(pairs: [string, string][]) {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of pairs) {
    const prev = out[k];
    out[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
  }
  return out;
}

/** A deterministic sample of strictly generated values that the zod schema accepts. */
export function findValid<T>(arb: fc.Arbitrary<T>, accepts: (v: T) => boolean, tries = 500): T | undefined {
  return fc.sample(arb, { seed: 4242, numRuns: tries }).find(accepts);
}

// ---------------------------------------------------------------------------------------------
// Callers

export type CallerKind = 'anonymous' | WorkspaceRole;

/**
 * A caller that is what it says at the start of every request: an anonymous caller is a fresh
 * agent each time; a signed-in one is checked, and if an earlier fuzzed request logged it out it
 * gets a new session (opened by the session service: no password hashing), and if one demoted,
 * deactivated or replaced it, a new user of the role takes its place.
 */
export class Caller {
  private current: Agent | null = null;
  /** Whether the last response may have changed who the caller is (a write went through, or a 401). */
  private dirty = true;
  replaced = 0;
  resumed = 0;

  constructor(
    readonly env: TestEnv,
    readonly kind: CallerKind,
  ) {}

  get user() {
    return this.current?.user ?? null;
  }

  async agent(): Promise<Agent> {
    const { env, kind } = this;
    if (kind === 'anonymous') return env.agent();
    const agent = this.current;
    if (agent?.user && !this.dirty) return agent;
    this.dirty = false;
    if (agent?.user) {
      const me = await agent.get('/api/v1/auth/session');
      if (me.status === 200 && me.body.user.role === kind && me.body.via === 'session' && agent.csrfToken)
        return agent;
      // Logged out (or its cookie was dropped)? Resume if the account itself is unchanged.
      const row = await env.admin.get(`/api/v1/users/${agent.user.id}`);
      if (me.status === 401 && row.status === 200 && row.body.role === kind && row.body.status === 'active') {
        const session = await openSession(
          env.deps.db,
          agent.user.id,
          { ip: null, requestId: null, userAgent: null },
          env.clock.now,
          env.deps.config.sessionTtlMs,
        );
        agent.cookie = `gloss_session=${session.token}`;
        agent.csrfToken = session.csrfToken;
        agent.bearer = null;
        this.resumed++;
        return agent;
      }
      this.replaced++;
    }
    this.current = await env.user(kind);
    return this.current;
  }

  /** Call with every response the caller got: only successful writes can change who it is (401s and CSRF failures show it changed). */
  saw(method: string, res: Reply) {
    const code = res.body?.error?.code;
    if ((method !== 'GET' && res.status < 300) || res.status === 401 || code === 'csrf_failed')
      this.dirty = true;
  }
}

// ---------------------------------------------------------------------------------------------
// Requests and checks

export interface FuzzRequest {
  method: Method;
  url: string;
  /** Sent as is; undefined sends no body. */
  payload?: string;
  contentType?: string;
}

const truncate = (s: string, n = 400) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

export function describeRequest(caller: CallerKind, req: FuzzRequest) {
  return (
    `${caller}: ${req.method} ${req.url}` +
    (req.contentType !== undefined ? ` content-type=${JSON.stringify(req.contentType)}` : '') +
    (req.payload !== undefined ? ` payload=${truncate(JSON.stringify(req.payload))}` : '')
  );
}

export async function send(agent: Agent, req: FuzzRequest): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (req.contentType !== undefined) headers['content-type'] = req.contentType;
  return agent.request(req.method, req.url, req.payload, headers);
}

/** The properties every response must have, whatever was sent. */
export function expectWellFormed(res: Reply, label: string) {
  const where = `${label}\n  → ${res.status} ${truncate(typeof res.body === 'string' ? res.body : JSON.stringify(res.body))}`;
  // (a) the server never fails
  expect(res.status, where).toBeLessThan(500);
  if (res.status < 400) return;
  // (b) every refusal is {error: {code, message}} with a machine code
  expect(String(res.headers['content-type']), where).toContain('application/json');
  expect(res.body, where).toMatchObject({
    error: { code: expect.any(String), message: expect.any(String) },
  });
  expect(res.body.error.code, where).toMatch(/^[a-z][a-z0-9_]*$/);
  expect(res.body.error.message, where).not.toBe('');
  // (c) a validation failure says which input is at fault
  if (res.status === 400 && res.body.error.code === 'invalid_request') {
    expect(res.body.error.field, where).toEqual(expect.any(String));
    expect(res.body.error.field, where).not.toBe('');
  }
}

/** How the fuzzed requests went, per caller and route: printed with GLOSS_FUZZ_STATS=1. */
export class FuzzStats {
  private rows = new Map<string, { requests: number; valid: number; statuses: Record<number, number> }>();

  record(caller: CallerKind, route: RouteEntry, valid: boolean, res: Reply) {
    const key = `${caller.padEnd(9)} ${routeLabel(route)}`;
    const row = this.rows.get(key) ?? { requests: 0, valid: 0, statuses: {} };
    row.requests++;
    if (valid) row.valid++;
    row.statuses[res.status] = (row.statuses[res.status] ?? 0) + 1;
    this.rows.set(key, row);
  }

  summary() {
    return [...this.rows]
      .map(([key, r]) => {
        const statuses = Object.entries(r.statuses)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ');
        return `${key.padEnd(60)} ${String(r.requests).padStart(4)} requests, ${String(r.valid).padStart(3)} valid: ${statuses}`;
      })
      .join('\n');
  }
}
