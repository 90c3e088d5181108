import type { PeerId } from "./bench-options";
import type { BenchResults } from "./bench-results";
import { type Column, columnsOf, figure, kb, ratioCell, table } from "./render-table";

type Section = (results: BenchResults, columns: Column[]) => string[];

const fanOut: Section = (results, columns) => {
  const cells = results.fanOut ?? [];
  if (cells.length === 0) return [];
  const keys = [...new Set(cells.map((cell) => `${cell.clients}:${cell.presence}`))];
  const rows = keys.map((key) => {
    const [clients, presence] = key.split(":");
    const cell = (id: PeerId) =>
      cells.find((c) => c.peer === id && String(c.clients) === clients && String(c.presence) === presence);
    const target = presence === "true" && clients === "50" ? "p99 ≤ 0.8× best peer, ≤ 10 ms" : "p99 ≤ 0.8× best peer";
    return [
      clients ?? "",
      presence === "true" ? "on" : "off",
      target,
      ...columns.map((column) => {
        const m = cell(column.id)?.median;
        return m ? `${figure(m.p50, "", 2)} / ${figure(m.p95, "", 2)} / **${figure(m.p99, "", 2)}**` : "—";
      }),
      ratioCell(columns, (id) => cell(id)?.median.p99, "lower"),
    ];
  });
  const runs = Math.max(...cells.map((cell) => cell.runs.length));
  return [
    "## Fan-out latency",
    "",
    `One writer types 20 edits/s; each sample is one edit reaching one other client (writer's change → that client's Y.Doc applied it). p50 / p95 / **p99** in ms, median over ${runs} run(s). Ratio on p99.`,
    "",
    ...table(["N", "presence", "target", ...columns.map((c) => c.label), "ours ÷ best peer (p99)"], rows),
  ];
};

const throughput: Section = (results, columns) => {
  const cells = results.throughput ?? [];
  if (cells.length === 0 && (results.durability ?? []).length === 0) return [];
  const writers = [...new Set(cells.map((cell) => cell.writers))];
  const rate = (id: PeerId, count: number) =>
    cells.find((c) => c.peer === id && c.writers === count)?.result.sustainedRate;
  // 0 = even the first step failed.
  const lowest = [...cells, ...(results.durability ?? [])][0]?.result.steps[0]?.targetRate ?? 0;
  const shown = (value: number | undefined) => (value === 0 ? `< ${lowest} edits/s` : figure(value, " edits/s", 0));
  const rows = writers.map((count) => [
    String(count),
    "≥ 1.2× best peer",
    ...columns.map((column) => shown(rate(column.id, count))),
    ratioCell(columns, (id) => rate(id, count), "higher"),
  ]);
  const durability = (results.durability ?? []).map((cell) => [
    String(cell.writers),
    shown(rate("parallax-pglite", cell.writers)),
    shown(rate("parallax-postgres", cell.writers)),
    shown(cell.result.sustainedRate),
  ]);
  return [
    "## Throughput",
    "",
    "N clients type at once (each in its own paragraph, presence off); the total rate climbs a ladder, then the gap is bisected. Highest total rate whose p99 (edit → every other client) stays ≤ 100 ms with every edit delivered. Per-step figures, including server and client CPU, are in the JSON.",
    "",
    ...(rows.length > 0 ? table(["writers", "target", ...columns.map((c) => c.label), "ours ÷ best peer"], rows) : []),
    ...(durability.length > 0
      ? [
          "",
          "### Durability cost (ours: persistence before ack vs persistence off)",
          "",
          ...table(["writers", "PGlite, persisted", "PostgreSQL, persisted", "no persistence"], durability),
        ]
      : []),
  ];
};

const traces: Section = (results, columns) => {
  const { keystrokes = [], concurrent = [] } = results.traces ?? {};
  if (keystrokes.length + concurrent.length === 0) return [];
  const key = (id: PeerId) => keystrokes.find((entry) => entry.peer === id)?.result;
  const conc = (id: PeerId) => concurrent.find((entry) => entry.peer === id)?.result;
  const sample = keystrokes[0]?.result;
  const agents = concurrent[0]?.result;
  return [
    "## Real editing traces",
    "",
    "Time from the first edit sent until every client's text equals the trace's final text (checked), ms; lower is better.",
    "",
    ...table(
      ["trace", ...columns.map((c) => c.label), "ours ÷ best peer"],
      [
        [
          `automerge-paper, ${sample?.keystrokes.toLocaleString("en") ?? "?"} keystrokes by 1 writer, ${sample?.readers ?? "?"} readers`,
          ...columns.map((c) => {
            const r = key(c.id);
            return r ? `${figure(r.convergeMs, " ms", 0)} (${figure(r.keystrokesPerSecond, "/s", 0)})` : "—";
          }),
          ratioCell(columns, (id) => key(id)?.convergeMs, "lower"),
        ],
        [
          `clownschool, ${agents?.transactions.toLocaleString("en") ?? "?"} transactions by ${agents?.agents ?? "?"} agents`,
          ...columns.map((c) => figure(conc(c.id)?.convergeMs, " ms", 0)),
          ratioCell(columns, (id) => conc(id)?.convergeMs, "lower"),
        ],
      ],
    ),
  ];
};

const documents: Section = (results, columns) => {
  const lines: string[] = [];
  const cold = results.coldOpen ?? [];
  if (cold.length > 0) {
    const rows = (["log", "snapshot"] as const).map((stored) => {
      const cell = (id: PeerId) => cold.find((c) => c.peer === id && c.stored === stored)?.result;
      return [
        stored === "log" ? "one row per keystroke transaction" : "compacted (one state)",
        "≤ 300 ms",
        ...columns.map((c) => {
          const r = cell(c.id);
          return r
            ? `**${figure(r.medianMs, " ms", 0)}** (received ${figure(r.medianReceivedMs, " ms", 0)}; CPU ${figure(r.medianServerCpuMs, " ms", 0)})`
            : "—";
        }),
        ratioCell(columns, (id) => cell(id)?.medianMs, "lower"),
      ];
    });
    lines.push(
      "## Cold open of automerge-paper",
      "",
      "Fresh server process per run; join → synced (state received and applied by the client), median; in brackets join → state received, and the server's CPU time. — = the peer cannot store the document that way.",
      "",
      ...table(["stored as", "target", ...columns.map((c) => c.label), "ours ÷ best peer"], rows),
      "",
    );
  }
  const storm = results.joinStorm ?? [];
  if (storm.length > 0) {
    const cell = (id: PeerId) => storm.find((c) => c.peer === id);
    const bytes = storm[0]?.runs[0]?.documentBytes ?? 0;
    const applyMs = storm[0]?.runs[0]?.applyOnceMs;
    lines.push(
      "## Join storm",
      "",
      `${storm[0]?.runs[0]?.clients ?? 50} connected clients join a ${(bytes / 1024 / 1024).toFixed(2)} MB document at once (presence on); p50 / **p95** of join → the whole state received, ms, median over runs. Each real client then spends about ${figure(applyMs, " ms", 0)} applying it (measured once in the bench process); the clients here apply theirs after all have received, as fifty applies in one process would otherwise be timed as server latency.`,
      "",
      ...table(
        ["target", ...columns.map((c) => c.label), "ours ÷ best peer (p95)"],
        [
          [
            "p95 ≤ 300 ms",
            ...columns.map((c) => {
              const m = cell(c.id)?.median;
              return m ? `${figure(m.p50, "", 0)} / **${figure(m.p95, "", 0)}**` : "—";
            }),
            ratioCell(columns, (id) => cell(id)?.median.p95, "lower"),
          ],
        ],
      ),
      "",
    );
  }
  const memory = results.memory ?? [];
  if (memory.length > 0) {
    const cell = (id: PeerId) => memory.find((c) => c.peer === id)?.median;
    const first = memory[0]?.runs[0];
    const runs = Math.max(...memory.map((c) => c.runs.length));
    lines.push(
      "## Memory",
      "",
      `${first?.connections ?? "?"} idle connections with presence over ${first?.documents ?? "?"} empty documents; server memory after GC, a fresh process per run. RSS / heap+external, median over ${runs} run(s).`,
      "",
      ...table(
        ["figure", "target", ...columns.map((c) => c.label), "ours ÷ best peer (RSS)"],
        [
          [
            "per idle connection",
            "≤ 30 KB RSS",
            ...columns.map((c) => {
              const r = cell(c.id);
              return r ? `**${kb(r.perConnectionBytes.rss)}** / ${kb(r.perConnectionBytes.heap)}` : "—";
            }),
            ratioCell(columns, (id) => cell(id)?.perConnectionBytes.rss, "lower"),
          ],
          [
            "per open document",
            "—",
            ...columns.map((c) => {
              const r = cell(c.id);
              return r ? `${kb(r.perDocumentBytes.rss)} / ${kb(r.perDocumentBytes.heap)}` : "—";
            }),
            ratioCell(columns, (id) => cell(id)?.perDocumentBytes.heap, "lower"),
          ],
        ],
      ),
      "",
    );
  }
  return lines;
};

const oursOnly: Section = (results) => {
  const lines: string[] = [];
  const scale = results.scaleOut;
  if (scale) {
    const [same, other] = scale.twoProcesses.latencyByTargetMs;
    const s = scale.singleProcess.latencyMs;
    lines.push(
      "## Scale-out (ours on PostgreSQL)",
      "",
      `${scale.singleProcess.clients} clients, presence on, 20 edits/s. Two processes share ${scale.redis}; the writer is on the first, receivers alternate. p50 / p95 / **p99**, ms. Hocuspocus (its Redis extension is not installed) and the y-websocket server (no scale-out) are not measured.`,
      "",
      ...table(
        ["setup", "latency"],
        [
          ["one process", `${s.p50} / ${s.p95} / **${s.p99}**`],
          [
            "two processes, receivers on the writer's process",
            same ? `${same.p50} / ${same.p95} / **${same.p99}**` : "—",
          ],
          [
            "two processes, receivers on the other process",
            other ? `${other.p50} / ${other.p95} / **${other.p99}**` : "—",
          ],
        ],
      ),
      "",
    );
  }
  if ((results.thousand ?? []).length > 0) lines.push("## 1,000 connections (ours)", "");
  for (const { peer, result } of results.thousand ?? []) {
    lines.push(
      `${peer}: ${result.joined}/${result.connections} connections joined one document, one edit reached ${result.reached}; last one applied it after ${figure(result.fullFanOutMs, " ms", 0)}.`,
      "",
    );
  }
  return lines;
};

/** The Markdown report: peers, then one comparison table per workload with ratios, then notes. */
export function renderMarkdown(results: BenchResults, jsonName: string): string {
  const columns = columnsOf(results);
  const { machine } = results;
  const peerRows = results.peers.map((peer) => [
    peer.label,
    String(peer.config.persistence ?? ""),
    String(peer.config.ack ?? ""),
    String(peer.config.authentication ?? ""),
  ]);
  const lines = [
    `# Collaboration servers side by side — ${results.date.slice(0, 10)}${results.quick ? " (quick run: not representative)" : ""}`,
    "",
    `${machine.cpuModel}, ${machine.cores} cores, ${Math.round(machine.memoryBytes / 1024 ** 3)} GiB · Node ${machine.node} · load average ${machine.loadAverage.start} at start, ${machine.loadAverage.end ?? "?"} at end (per workload in the JSON) · ${results.durationSeconds ?? "?"} s. Raw figures: [${jsonName}](${jsonName}). Method: [bench/README.md](../README.md).`,
    "",
    ...table(["peer", "persistence", "ack", "authentication"], peerRows),
    "",
    ...fanOut(results, columns),
    "",
    ...throughput(results, columns),
    "",
    ...traces(results, columns),
    "",
    ...documents(results, columns),
    ...oursOnly(results, columns),
    ...(results.notes.length > 0 ? ["## Notes", "", ...results.notes.map((note) => `- ${note}`), ""] : []),
    ...(results.errors.length > 0
      ? ["## Errors", "", ...results.errors.map((e) => `- ${e.workload} / ${e.peer}: ${e.message}`), ""]
      : []),
  ];
  // Sections that measured nothing leave blank lines behind.
  return lines.filter((line, index) => line !== "" || lines[index - 1] !== "").join("\n");
}
