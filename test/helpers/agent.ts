import type { App } from '../../src/server/app.ts';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * A client that behaves like the web app: keeps the session cookie and sends the CSRF token
 * on writes. Requests go through Fastify's full HTTP pipeline via inject().
 */
export class Agent {
  cookie: string | null = null;
  csrfToken: string | null = null;
  bearer: string | null = null;
  user: { id: string; email: string; role: string; revision: number } | null = null;

  constructor(readonly app: App) {}

  async request<T = any>(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    if (this.csrfToken && method !== 'GET' && h['x-csrf-token'] === undefined)
      h['x-csrf-token'] = this.csrfToken;
    const res = await this.app.inject({
      method,
      url,
      headers: h,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const setCookie = res.headers['set-cookie'];
    for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = c.split(';');
      if (pair?.startsWith('gloss_session=')) this.cookie = pair.endsWith('=') ? null : pair;
    }
    let parsed: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').includes('application/json')) parsed = res.json();
    if (
      parsed &&
      typeof parsed === 'object' &&
      'csrfToken' in parsed &&
      typeof parsed.csrfToken === 'string'
    ) {
      this.csrfToken = parsed.csrfToken;
    }
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(url: string) => this.request<T>('GET', url);
  post = <T = any>(url: string, body?: unknown) => this.request<T>('POST', url, body ?? {});
  patch = <T = any>(url: string, body?: unknown) => this.request<T>('PATCH', url, body ?? {});
  delete = <T = any>(url: string) => this.request<T>('DELETE', url);

  async login(email: string, password: string) {
    const res = await this.post('/api/v1/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.user = res.body.user;
    return this;
  }
}
