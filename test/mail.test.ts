import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, expect, it } from 'vitest';
import { describeEachDialect, uniqueEmail } from './helpers/env.ts';

// A real SMTP server in the test process receives what Gloss sends.
const received: { to: string[]; data: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    let data = '';
    stream.on('data', (chunk: Buffer) => {
      data += chunk.toString('utf8');
    });
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpPort = (smtp.server.address() as { port: number }).port;
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describeEachDialect(
  'invite emails over SMTP',
  (env) => {
    it('emails the one-time link to the invitee when SMTP is configured', async () => {
      const email = uniqueEmail('mailed');
      const res = await env.admin.post('/api/v1/invites', { email, role: 'tasker' });
      expect(res.status).toBe(201);
      expect(res.body.emailed).toBe(true);
      const message = received.find((m) => m.to.includes(email));
      expect(message).toBeDefined();
      expect(message!.data).toContain('From: Gloss Test <gloss@example.test>');
      expect(message!.data.replace(/=\r\n/g, '')).toContain(res.body.inviteUrl);
    });
  },
  { GLOSS_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, GLOSS_SMTP_FROM: 'Gloss Test <gloss@example.test>' },
);

const downPort = await closedPort();

describeEachDialect(
  'invites when the mail server is down',
  (env) => {
    it('still creates the invite and says it was not emailed', async () => {
      const email = uniqueEmail('unmailed');
      const res = await env.admin.post('/api/v1/invites', { email, role: 'tasker' });
      expect(res.status).toBe(201);
      expect(res.body.emailed).toBe(false);
      expect((await env.agent().post('/api/v1/invites/lookup', { token: res.body.token })).status).toBe(200);
    });
  },
  { GLOSS_SMTP_URL: `smtp://127.0.0.1:${downPort}` },
);
