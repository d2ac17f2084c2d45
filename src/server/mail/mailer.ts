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
  const transport = nodemailer.createTransport(smtp.url);
  return {
    enabled: true,
    send: async (mail) => {
      await transport.sendMail({ from: smtp.from, ...mail });
    },
  };
}
