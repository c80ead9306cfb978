import { SMTPServer } from "smtp-server";

export interface Received {
  messageId: string;
  raw: Buffer;
  /** When the server had the whole message (Date.now()). */
  at: number;
}

export interface SmtpOptions {
  /**
   * Wait this long between having a message and answering 250, as a slow mail server does: a sender that
   * dies in that window has delivered a message it never learns of.
   */
  ackDelayMs?: number;
}

/** A real SMTP server in the test process; `reject(messageId, attempt)` can refuse deliveries. */
export async function startSmtp(reject?: (messageId: string, attempt: number) => boolean, options: SmtpOptions = {}) {
  const received: Received[] = [];
  const attempts = new Map<string, number>();
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    size: 20 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw.toString("latin1"))?.[1] ?? "";
        const attempt = (attempts.get(messageId) ?? 0) + 1;
        attempts.set(messageId, attempt);
        if (reject?.(messageId, attempt)) {
          const error = new Error("Hộp thư tạm thời bận") as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        received.push({ messageId, raw, at: Date.now() });
        if (options.ackDelayMs) setTimeout(() => callback(), options.ackDelayMs);
        else callback();
      });
    },
  });
  // A client that dies mid-conversation (an app instance killed with SIGKILL while sending) resets its
  // connection: that is the client's failure, not the server's. Anything else is reported.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") console.error("smtp-server:", error);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    received,
    attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
