import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { getDatabase } from "@/db/client";
import { documentToContent as deriveDocumentContent } from "@/lib/editor/document-content";
import { EDITOR_FIELD as EDITOR_FRAGMENT } from "@/lib/editor/editor-extensions";
import { readDocumentLog } from "../read-document-log";
import type { CollabTestClient } from "./collab-test-client";

/** The XmlText of the first paragraph, creating `<paragraph>` in the editor fragment if needed. */
export function firstParagraphText(doc: Y.Doc): Y.XmlText {
  const fragment = doc.getXmlFragment(EDITOR_FRAGMENT);
  if (fragment.length === 0) {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText()]);
    fragment.insert(0, [paragraph]);
  }
  const paragraph = fragment.get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

/** Plain text of a document as the editor would show it. */
export function documentText(doc: Y.Doc): string {
  return deriveDocumentContent(doc).text;
}

/** Appends a new paragraph holding `text`. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const fragment = doc.getXmlFragment(EDITOR_FRAGMENT);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
}

/** The document exactly as stored: snapshot plus remaining update rows. */
export async function storedDocument(documentId: string): Promise<Y.Doc> {
  const log = await readDocumentLog(getDatabase(), documentId);
  const doc = new Y.Doc();
  if (log.snapshot) Y.applyUpdate(doc, log.snapshot.state);
  for (const row of log.updates) Y.applyUpdate(doc, row.update);
  return doc;
}

/** A sync step 1 message for `doc`. */
export function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** An update message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * Waits until everything the server sent this client before now has arrived: a step 1 round
 * trip is answered after all earlier messages on the same connection.
 */
export async function roundTrip(client: CollabTestClient, documentId: string): Promise<void> {
  const entry = client.documents.get(documentId);
  if (!entry) throw new Error("not joined");
  const result = await client.sendSync(documentId, syncStep1(entry.doc));
  if (!result.ok) throw new Error(result.error.message);
}

/** A promise and the function that resolves it (Node 20 lacks Promise.withResolvers). */
export function deferred<T = void>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Resolves with the first event `name` whose arguments satisfy `match`, or rejects after `ms`. */
export function nextEvent<Args extends unknown[]>(
  client: CollabTestClient,
  name: string,
  match: (...args: Args) => boolean = () => true,
  ms = 5000,
): Promise<Args> {
  return new Promise((resolve, reject) => {
    const socket = client.socket as unknown as {
      on: (event: string, listener: (...args: Args) => void) => void;
      off: (event: string, listener: (...args: Args) => void) => void;
    };
    const timer = setTimeout(() => {
      socket.off(name, listener);
      reject(new Error(`no ${name} within ${ms} ms`));
    }, ms);
    const listener = (...args: Args) => {
      if (!match(...args)) return;
      clearTimeout(timer);
      socket.off(name, listener);
      resolve(args);
    };
    socket.on(name, listener);
  });
}
