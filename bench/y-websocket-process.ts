/**
 * The y-websocket server (`@y/websocket-server`) as a bench peer, in its own process: its
 * `setupWSConnection` on a plain `ws` server, the document name taken from the URL path, as its
 * own `server.js` does. No persistence (its only built-in one, y-leveldb, is not configured), no
 * authentication, no acknowledgements: documents live in memory for the life of the process.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";
import { servePeer } from "./peer-ipc";

servePeer(async () => {
  const http = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/plain" });
    response.end("okay");
  });
  const wss = new WebSocketServer({ noServer: true });
  wss.on("connection", setupWSConnection);
  http.on("upgrade", (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (connection) => wss.emit("connection", connection, request));
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return {
    port: (http.address() as AddressInfo).port,
    stop: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => wss.close(resolve));
      await new Promise((resolve) => http.close(resolve));
    },
  };
});
