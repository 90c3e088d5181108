import { defineConfig } from "drizzle-kit";

// Only used by `npm run db:generate`; migrations are applied by the server at start-up.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
