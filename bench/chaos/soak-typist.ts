import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import type { BenchClient, BenchDocument } from "../bench-client";
import type { EditTracker } from "../edit-tracker";

/** Everything that went wrong on the clients' side, counted for the verdict. */
export interface SoakFaults {
  /** Connections the server closed (or that dropped) while the run was going on. */
  disconnects: number;
  /** `doc:error` events and refused acks, by code. */
  errors: Record<string, number>;
  /** The first few, word for word, for the report. */
  samples: string[];
}

export function emptyFaults(): SoakFaults {
  return { disconnects: 0, errors: {}, samples: [] };
}

function noteFault(faults: SoakFaults, code: string, detail: string): void {
  faults.errors[code] = (faults.errors[code] ?? 0) + 1;
  if (faults.samples.length < 20) faults.samples.push(detail);
}

export interface SoakTypistOptions {
  client: BenchClient;
  documentId: string;
  entry: BenchDocument;
  tracker: EditTracker;
  faults: SoakFaults;
  /** Shortest and longest pause between two keystrokes, ms (a human pace: 1–3 s). */
  pauseMs: [number, number];
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz     ";

/**
 * One person typing in one document: a paragraph of their own, a keystroke every 1–3 s (one in
 * ten a backspace), each followed by a caret move in their presence state, the way the editor
 * sends a selection change after every keystroke.
 */
export class SoakTypist {
  /** `performance.now()` of each edit and the index its ack takes in `entry.ackMs`. */
  readonly sends: { at: number; index: number }[] = [];
  keystrokes = 0;
  awarenessUpdates = 0;
  private text: Y.XmlText | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: SoakTypistOptions) {
    const { client, faults, documentId } = options;
    client.socket.on("disconnect", (reason) => {
      if (this.stopped) return;
      faults.disconnects += 1;
      if (faults.samples.length < 20) faults.samples.push(`disconnect (${documentId}): ${reason}`);
    });
    client.socket.on("doc:error", (id, error) => noteFault(faults, error.code, `doc:error ${id}: ${error.message}`));
  }

  start(): void {
    this.schedule();
  }

  /** Stops typing; disconnects after this are the run's own. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Edits still waiting for their ack. */
  unacknowledged(): number {
    return this.sends.filter(({ index }) => !Number.isFinite(this.options.entry.ackMs[index])).length;
  }

  /** Refusals the acks carried (counted once, at the end). */
  collectRefusals(): void {
    for (const code of this.options.entry.refusals) {
      noteFault(this.options.faults, code, `refused ack (${this.options.documentId}): ${code}`);
    }
  }

  /** Round trips (edit sent → committed ack) of the edits made in [from, to). */
  ackSamples(from: number, to: number): number[] {
    const { ackMs } = this.options.entry;
    return this.sends.filter(({ at }) => at >= from && at < to).map(({ index }) => ackMs[index] ?? Number.NaN);
  }

  private schedule(): void {
    const [shortest, longest] = this.options.pauseMs;
    this.timer = setTimeout(
      () => {
        if (this.stopped) return;
        this.keystroke();
        this.schedule();
      },
      shortest + Math.random() * (longest - shortest),
    );
  }

  private keystroke(): void {
    const { entry, tracker } = this.options;
    const { doc } = entry;
    const index = entry.ackMs.length;
    const at = performance.now();
    const text = this.text;
    if (text && text.length > 0 && Math.random() < 0.1) {
      text.delete(text.length - 1, 1);
    } else {
      const letter = LETTERS[Math.floor(Math.random() * LETTERS.length)] ?? "a";
      tracker.markSent(doc, at);
      if (text) text.insert(text.length, letter);
      else this.text = this.startParagraph(letter);
    }
    // Every local change is sent as one `doc:sync` at once, so it took the index noted above.
    if (entry.ackMs.length > index) this.sends.push({ at, index });
    this.keystrokes += 1;
    this.moveCaret();
  }

  private startParagraph(letter: string): Y.XmlText {
    const text = new Y.XmlText();
    this.options.entry.doc.transact(() => {
      const fragment = this.options.entry.doc.getXmlFragment(EDITOR_FIELD);
      const paragraph = new Y.XmlElement("paragraph");
      fragment.insert(fragment.length, [paragraph]);
      paragraph.insert(0, [text]);
      text.insert(0, letter);
    });
    return text;
  }

  private moveCaret(): void {
    const { awareness } = this.options.entry;
    if (!awareness || !this.text) return;
    const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(this.text, this.text.length));
    awareness.setLocalStateField("cursor", { anchor: caret, head: caret });
    this.awarenessUpdates += 1;
  }
}
