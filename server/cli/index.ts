import { parseArgs } from "node:util";
import { isAppError } from "@/lib/errors";
import { startDatabase, stopDatabase } from "../database";
import { EnvError } from "../env";
import { COMMANDS } from "./commands";
import { readPassword } from "./read-password";

const HELP = `Parallax operator CLI

Usage: npm run -s cli -- <command> [flags]

Commands:
${Object.values(COMMANDS)
  .map((command) => `  ${command.usage}`)
  .join("\n")}

The CLI opens the same database as the server (DATA_DIR or DATABASE_URL). With the embedded
database (PGlite) only one process may open the data directory: stop the server first.
`;

/** Runs one CLI command; exit code 0 on success, 1 on a refused command, 2 on a usage error. */
// A .env file in the working directory, when present, fills in unset variables; server/env.ts
// then validates the result. (Node's own loader; real environment variables win.)
try {
  process.loadEnvFile(".env");
} catch {
  // No .env file: configuration comes from the environment alone.
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: "boolean", short: "h" },
      email: { type: "string" },
      name: { type: "string" },
      owner: { type: "string" },
      workspace: { type: "string" },
      role: { type: "string" },
      "expires-in-days": { type: "string" },
      format: { type: "string" },
    },
  });
  // Two-word commands ("user create") first, then one-word commands whose positionals are arguments ("import FILE").
  const twoWords = positionals.slice(0, 2).join(" ");
  const name = COMMANDS[twoWords] ? twoWords : (positionals[0] ?? "");
  const command = COMMANDS[name];
  const args = positionals.slice(name.split(" ").length);
  if (values.help || !command) {
    process.stderr.write(command || positionals.length === 0 ? HELP : `Unknown command "${twoWords}".\n\n${HELP}`);
    return values.help ? 0 : 2;
  }
  const flags = Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, typeof value === "string" ? value : undefined]),
  );
  await startDatabase();
  try {
    process.stdout.write(`${await command.run(flags, { readPassword, args })}\n`);
    return 0;
  } finally {
    await stopDatabase();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (isAppError(error)) {
      const fields = Object.entries(error.fields ?? {}).map(
        ([field, messages]) => `  ${field || "input"}: ${messages.join(" ")}`,
      );
      process.stderr.write(`Error: ${error.message}\n${fields.join("\n")}${fields.length ? "\n" : ""}`);
    } else if (error instanceof EnvError || error instanceof Error) {
      process.stderr.write(`Error: ${error.message}\n`);
    } else {
      process.stderr.write(`Error: ${String(error)}\n`);
    }
    process.exit(1);
  },
);
