import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';

/** Listens on a free loopback port; returns the port. */
export async function listen(server: FastifyInstance): Promise<number> {
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return address.port;
}

export interface RawResponse {
  /** 0 when the connection closed without an answer. */
  status: number;
  headers: Record<string, string>;
  body: string;
}

function parseResponse(text: string): RawResponse {
  const end = text.indexOf('\r\n\r\n');
  if (!text.startsWith('HTTP/') || end < 0) return { status: 0, headers: {}, body: text };
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: text.slice(end + 4) };
}

/** Opens a raw TCP connection to the server (bytes exactly as written: request lines no client library would send). */
export function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Reads everything the server sends until it closes the connection; a reset counts as a close. */
export function readUntilClose(socket: net.Socket): Promise<RawResponse> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => { text += chunk.toString('utf8'); });
    socket.on('error', () => {});
    socket.on('close', () => resolve(parseResponse(text)));
  });
}

/** Sends raw request bytes on a fresh connection and reads the answer (the request should say `Connection: close`). */
export async function rawHttp(port: number, request: string): Promise<RawResponse> {
  const socket = await connect(port);
  const response = readUntilClose(socket);
  socket.write(request);
  return response;
}

export type Upgrade = { status: 101; socket: WebSocket } | { status: number; body: string };

/** Tries a WebSocket upgrade; resolves with the open socket or with the refusal's status and body. */
export function upgrade(url: string, headers: Record<string, string> = {}): Promise<Upgrade> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve({ status: 101, socket }));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body });
        socket.terminate();
      });
    });
    // After a refusal the socket is terminated, which reports an error: by then the promise has settled.
    socket.on('error', reject);
  });
}

export interface ServerEvent {
  type: string;
  code?: string;
}

/** Sends one chat message over an open socket and resolves with the event that ends its answer (final or error). */
export function ask(socket: WebSocket, message: string): Promise<ServerEvent> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const event = JSON.parse(data.toString('utf8')) as ServerEvent;
      if (event.type === 'delta') return;
      socket.off('message', onMessage);
      resolve(event);
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ type: 'message', message }));
  });
}
