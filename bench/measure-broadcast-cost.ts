import { fork } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect } from "socket.io-client";
import msgpackParser from "socket.io-msgpack-parser";
import { WebSocket, WebSocketServer } from "ws";

// What one broadcast to a room of 200 connections costs, per delivered message, on each side:
// the server's synchronous send (timed around the emit) and the receiving process's CPU. Two
// setups: plain `ws` (the floor: what the y-websocket server and its clients do) and Socket.io
// with the msgpack parser, as our server and clients use it. The receivers run in a child process.
//
//   node --import tsx bench/measure-broadcast-cost.ts [rounds]
//
// Not part of `npm run bench`: it isolates the transport from Yjs, the database and the clients.

const CONNECTIONS = 200;
const PAYLOAD = Buffer.alloc(64, 7);
type Setup = "ws" | "socket.io";

type FromReceivers = { kind: "ready" } | { kind: "cpu"; ms: number; received: number };

async function receivers(setup: Setup, url: string): Promise<void> {
  let ready = 0;
  let received = 0;
  const opened = () => {
    if (++ready === CONNECTIONS) process.send?.({ kind: "ready" } satisfies FromReceivers);
  };
  for (let index = 0; index < CONNECTIONS; index++) {
    if (setup === "ws") {
      const socket = new WebSocket(url);
      socket.on("open", opened);
      socket.on("message", () => received++);
    } else {
      const socket = connect(url, { transports: ["websocket"], parser: msgpackParser, forceNew: true });
      socket.on("connect", opened);
      socket.on("doc:sync", () => received++);
    }
  }
  setInterval(() => {
    const usage = process.cpuUsage();
    process.send?.({ kind: "cpu", ms: (usage.user + usage.system) / 1000, received } satisfies FromReceivers);
  }, 100);
}

async function measure(setup: Setup, rounds: number) {
  let broadcast: () => void;
  let url: string;
  let close: () => void;
  if (setup === "ws") {
    const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    await new Promise((resolve) => server.on("listening", resolve));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    broadcast = () => {
      for (const client of server.clients) client.send(PAYLOAD);
    };
    close = () => server.close();
  } else {
    const http = createServer();
    const io = new Server(http, { transports: ["websocket"], parser: msgpackParser });
    const namespace = io.of("/collab");
    namespace.on("connection", (socket) => socket.join("room"));
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/collab`;
    broadcast = () => namespace.local.to("room").emit("doc:sync", "document", PAYLOAD);
    close = () => io.close();
  }
  const child = fork(import.meta.filename, ["receivers", setup, url], { execArgv: ["--import", "tsx"] });
  let latest = { ms: 0, received: 0 };
  await new Promise<void>((resolve) =>
    child.on("message", (message: FromReceivers) => {
      if (message.kind === "ready") resolve();
      else latest = message;
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  const before = latest;
  let sendNs = 0n;
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    broadcast();
    sendNs += process.hrtime.bigint() - start;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const expected = before.received + rounds * CONNECTIONS;
  while (latest.received < expected) await new Promise((resolve) => setTimeout(resolve, 100));
  const messages = rounds * CONNECTIONS;
  child.kill();
  close();
  return {
    setup,
    serverSendUsPerMessage: Number(sendNs / 1000n) / messages,
    receiverCpuUsPerMessage: ((latest.ms - before.ms) * 1000) / messages,
  };
}

const print = (line: string) => process.stdout.write(`${line}\n`);

if (process.argv[2] === "receivers") {
  await receivers(process.argv[3] as Setup, process.argv[4] as string);
} else {
  const rounds = Number(process.argv[2] ?? 3000);
  print(`${CONNECTIONS} connections, ${rounds} broadcasts of ${PAYLOAD.byteLength} bytes, µs per delivered message`);
  print("setup | server send | receiver CPU");
  for (const setup of ["ws", "socket.io", "ws", "socket.io"] as const) {
    const result = await measure(setup, rounds);
    print(
      `${result.setup} | ${result.serverSendUsPerMessage.toFixed(2)} | ${result.receiverCpuUsPerMessage.toFixed(2)}`,
    );
  }
  process.exit(0);
}
