import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BenchResults } from "./bench-results";
import { renderChart } from "./render-chart";
import { renderMarkdown } from "./render-markdown";

/**
 * Writes bench/results/<date>.json (every raw figure), <date>.md (the comparison tables) and
 * <date>.svg (the chart). A full run also becomes latest.md / latest.svg, which the READMEs link;
 * a quick run is marked `-quick`, a run narrowed by `--only`/`--peers` `-partial` (with the time,
 * so several in a day are kept), and neither replaces them. Returns the paths written.
 */
export function writeResults(results: BenchResults): string[] {
  const directory = path.join(import.meta.dirname, "results");
  mkdirSync(directory, { recursive: true });
  const kind = results.quick ? "-quick" : "";
  const part = results.partial ? `-partial-${results.date.slice(11, 16).replace(":", "")}` : "";
  const day = `${results.date.slice(0, 10)}${kind}${part}`;
  // A second full run on one day keeps the first one's files: it is named with its start time.
  const name = existsSync(path.join(directory, `${day}.json`))
    ? `${day}-${results.date.slice(11, 16).replace(":", "")}`
    : day;
  const json = path.join(directory, `${name}.json`);
  const markdown = path.join(directory, `${name}.md`);
  const svg = path.join(directory, `${name}.svg`);
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(markdown, `${renderMarkdown(results, `${name}.json`)}\n![chart](${name}.svg)\n`);
  writeFileSync(svg, renderChart(results));
  const written = [json, markdown, svg];
  if (!results.quick && !results.partial) {
    const latestMarkdown = path.join(directory, "latest.md");
    writeFileSync(latestMarkdown, `${renderMarkdown(results, `${name}.json`)}\n![chart](latest.svg)\n`);
    copyFileSync(svg, path.join(directory, "latest.svg"));
    written.push(latestMarkdown, path.join(directory, "latest.svg"));
  }
  return written;
}
