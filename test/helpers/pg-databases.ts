import pg from "pg";

// Creating and dropping the PostgreSQL databases of a test run, on the server TEST_POSTGRES_URL names
// (any database there that the role may connect to; the role needs CREATEDB).

/** The URL of database `name` on the same server as `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withClient<T>(serverUrl: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates database `name` (a copy of `template` when given) and returns its URL. */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  await withClient(serverUrl, async (c) => {
    // Two test files cloning the same template at the same moment: PostgreSQL refuses the second while
    // the first copies ("source database is being accessed by other users"), so wait and try again.
    for (let attempt = 0; ; attempt++) {
      try {
        // A new database (the run's template) sorts text by code point, as SQLite does, whatever the
        // server's default locale: ORDER BY on names gives the same pages on both databases in every
        // test run. Clones inherit it.
        await c.query(
          `CREATE DATABASE ${quote(name)} ${template ? `TEMPLATE ${quote(template)}` : `TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C'`}`,
        );
        return;
      } catch (error) {
        const busy = /being accessed by other users/.test(String(error));
        if (!busy || attempt > 200) throw error;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  });
  return databaseUrl(serverUrl, name);
}

/** Drops every database whose name starts with `prefix` (the run's), closing their connections first. */
export async function dropDatabases(serverUrl: string, prefix: string): Promise<void> {
  await withClient(serverUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [prefix],
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${quote(datname)} WITH (FORCE)`);
  });
}
