import http from "node:http";

/** A scan as the bare references read it from the request body, with its times as `timestamp(3)` text. */
export interface BareScan {
  body: Record<string, string>;
  scannedAt: string;
  receivedAt: string;
}

const ACCEPTED = JSON.stringify({ result: "accepted" });

function send(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * The plain node:http server of the check-in references: parses the scan's JSON body, awaits `write`
 * (the durable insert), answers {"result":"accepted"}; prints {"port":N} once listening and stops on
 * SIGTERM after `close`. The first failed write is printed, so a broken reference is not mistaken
 * for a slow one.
 */
export function serveBareScans(
  write: (scan: BareScan, answer: string) => Promise<unknown>,
  close: () => Promise<void>,
) {
  let failed = false;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let scan: BareScan;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, string>;
        const scannedAt = new Date(body.scannedAt ?? "").toISOString().slice(0, -1);
        scan = { body, scannedAt, receivedAt: new Date().toISOString().slice(0, -1) };
      } catch {
        send(res, 400, JSON.stringify({ error: "bad request" }));
        return;
      }
      write(scan, ACCEPTED).then(
        () => send(res, 200, ACCEPTED),
        (error: unknown) => {
          if (!failed) console.error(error);
          failed = true;
          send(res, 500, JSON.stringify({ error: "not saved" }));
        },
      );
    });
  });
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    if (address && typeof address === "object") console.log(JSON.stringify({ port: address.port }));
  });
  process.on("SIGTERM", () => server.close(() => void close().then(() => process.exit(0))));
}
