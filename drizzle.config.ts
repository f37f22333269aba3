import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes a migration for each change of the schema; the server applies
// them on start (lib/server/store/open.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/server/store/schema.ts",
  out: "./lib/server/store/migrations",
});
