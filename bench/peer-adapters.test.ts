import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server as HocuspocusServer } from "@hocuspocus/server";
import { setupWSConnection } from "@y/websocket-server/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import type { Endpoint } from "./client-types";
import { EditTracker } from "./edit-tracker";
import { closeClients, connectClients, joinClients } from "./peer-client";
import { waitUntil } from "./stats";

// The Hocuspocus and y-websocket adapters against the real servers, in this process (our own
// adapter is exercised against our server by every bench run and by server/collab tests).
let hocuspocus: HocuspocusServer;
let yWebsocket: HttpServer;
const endpoints: Record<"hocuspocus" | "y-websocket", Endpoint> = {
  hocuspocus: { protocol: "hocuspocus", url: "" },
  "y-websocket": { protocol: "y-websocket", url: "" },
};

beforeAll(async () => {
  hocuspocus = new HocuspocusServer({ port: 0, address: "127.0.0.1", quiet: true, stopOnSignals: false });
  await hocuspocus.listen();
  endpoints.hocuspocus.url = `http://127.0.0.1:${hocuspocus.address.port}`;
  yWebsocket = createServer();
  const wss = new WebSocketServer({ server: yWebsocket });
  wss.on("connection", setupWSConnection);
  await new Promise<void>((resolve) => yWebsocket.listen(0, "127.0.0.1", resolve));
  endpoints["y-websocket"].url = `http://127.0.0.1:${(yWebsocket.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await hocuspocus.destroy();
  yWebsocket.closeAllConnections();
  await new Promise((resolve) => yWebsocket.close(resolve));
});

describe.each(["hocuspocus", "y-websocket"] as const)("the %s adapter", (name) => {
  it("delivers every edit and every presence state to the other clients", async () => {
    const target = { endpoint: endpoints[name], tokens: ["token"] };
    const connections = await connectClients(target, 3, () => `adapter-test-${name}`);
    try {
      const [writer, ...receivers] = await joinClients(connections, { presence: true });
      if (!writer) throw new Error("no writer");
      const tracker = new EditTracker();
      for (const receiver of receivers) tracker.observe(receiver.doc);
      for (const character of "hello") {
        tracker.markSent(writer.doc);
        writer.doc.getText("t").insert(writer.doc.getText("t").length, character);
      }
      await waitUntil(() => tracker.delivered === 10, 10_000, "every edit at every receiver");
      expect(receivers.map((receiver) => receiver.doc.getText("t").toString())).toEqual(["hello", "hello"]);
      await waitUntil(
        () => [writer, ...receivers].every((entry) => entry.awareness?.getStates().size === 3),
        10_000,
        "every presence state everywhere",
      );
      if (name === "hocuspocus") await waitUntil(() => writer.ackMs.every((ms) => ms >= 0), 10_000, "acks");
      expect(writer.refusals).toEqual([]);
    } finally {
      closeClients(connections);
    }
  });

  it("reports the initial state's arrival and holds messages until told", async () => {
    const target = { endpoint: endpoints[name], tokens: ["token"] };
    const [holder, joiner] = await connectClients(target, 2, () => `adapter-hold-${name}`);
    if (!holder || !joiner) throw new Error("no clients");
    try {
      const held = await holder.join({ presence: false });
      held.doc.getText("t").insert(0, "stored");
      await new Promise((resolve) => setTimeout(resolve, 100));
      let received = 0;
      let release = () => {};
      const joining = joiner.join({
        presence: false,
        onStateReceived: (at) => {
          received = at;
        },
        holdUntil: new Promise<void>((resolve) => {
          release = resolve;
        }),
      });
      await waitUntil(() => received > 0, 10_000, "the state arriving");
      release();
      const { doc } = await joining;
      expect(doc.getText("t").toString()).toBe("stored");
    } finally {
      closeClients([holder, joiner]);
    }
  });
});
