// The reference the app is measured against: Node's own HTTP server sending a
// fixed page of the same size, so the ratio shows what the app adds on top of
// "Node writing that many bytes" on this machine, in this run.
// Usage: node --import tsx bench/bare-server.ts <body-file>
// Prints {"port":N} on stdout once listening.
import fs from "node:fs";
import http from "node:http";

const bodyFile = process.argv[2];
if (!bodyFile) {
  console.error("usage: bare-server.ts <body-file>");
  process.exit(2);
}
const body = fs.readFileSync(bodyFile);

const server = http.createServer((req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
  res.end(req.method === "HEAD" ? undefined : body);
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") console.log(JSON.stringify({ port: address.port }));
});

process.on("SIGTERM", () => server.close(() => process.exit(0)));
