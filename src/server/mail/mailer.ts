import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** True when an SMTP server is configured; without one, invite links are shown to the inviter. */
  readonly enabled: boolean;
  send(mail: Mail): Promise<void>;
}

export function createMailer(smtp: { url: string; from: string } | null): Mailer {
  if (!smtp) {
    return {
      enabled: false,
      send: async () => {},
    };
  }
  // Bounded timeouts: an invite waits for its email, and a hung mail server must not hang it.
  const transport = nodemailer.createTransport({
    url: smtp.url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    enabled: true,
    send: async (mail) => {
      await transport.sendMail({ from: smtp.from, ...mail });
    },
  };
}
