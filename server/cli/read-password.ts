import { createInterface } from "node:readline";

/**
 * Reads a password from standard input: the whole of stdin when it is piped (trailing newline
 * removed), or a prompt without echo on a terminal. Never from argv, which `ps` shows to others.
 */
export async function readPassword(prompt = "Password: "): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString("utf8")
      .replace(/\r?\n$/, "");
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  process.stderr.write(prompt);
  // Suppress echo: readline writes each typed character through _writeToOutput.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stderr.write("\n");
  return answer;
}
