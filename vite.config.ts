import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: { port: 3000 },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        // Off: with about a hundred routes the whole route manifest is one cached 4 KB (gzip) file, while
        // lazy discovery inlined a partial manifest into every page and matched every ancestor path of the
        // URL against all routes to build it, on each request (about 7 % of a public page's server CPU).
        v3_lazyRouteDiscovery: false,
      },
    }),
  ],
});
