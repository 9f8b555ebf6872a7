/**
 * The floor page's server for `npm run bench:ui`, run as its own process (as the browser
 * shell is): a plain Node HTTP server with one bare page and a WebSocket that sends that page
 * the first screen's rows as JSON as soon as it connects. The page paints them as plain
 * elements and marks the frame, as the app does; on each key it replaces the text of the
 * rows it shows (each row gets the next one's name), the least a search can do to the screen.
 *
 * Started by floor-page.ts with `fork`: the rows arrive as the first IPC message, the port
 * goes back as the answer, and the server ends with its parent.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

/** One row of the app's first screen, as the floor page paints it. */
export interface FloorRow {
  /** A workspace or client heading rather than a project or task. */
  header: boolean;
  name: string;
  color: string;
  detail: string;
}

// The app's list styles, cut down to a row's box and text.
const STYLE = `
  body { margin: 0; font: 13px system-ui, sans-serif; display: flex; flex-direction: column; height: 100vh; }
  input { margin: 0.5rem 0.75rem; font: inherit; }
  #list { flex: 1; overflow-y: auto; position: relative; }
  .row { position: absolute; left: 0; right: 0; height: 30px; display: flex; align-items: center; gap: 0.4rem;
    padding: 0 0.75rem; white-space: nowrap; overflow: hidden; }
  .header { font-size: 0.72rem; font-weight: 600; text-transform: uppercase; color: #666; }
  .dot { width: 8px; height: 8px; border-radius: 50%; flex: none; }
  .name { overflow: hidden; text-overflow: ellipsis; }
  .detail { margin-left: auto; color: #666; font-size: 0.8rem; }
`;

// Plain script, no template literals: this text is itself inside one.
const SCRIPT = `
  const list = document.getElementById('list');
  let rows = [];
  const shown = [];
  const socket = new WebSocket('ws://' + location.host + '/rows');
  socket.onmessage = (message) => {
    rows = JSON.parse(message.data);
    rows.forEach((row, at) => {
      const element = document.createElement('div');
      element.className = row.header ? 'row header' : 'row';
      element.style.top = at * 30 + 'px';
      const dot = document.createElement('span');
      dot.className = 'dot';
      dot.style.background = row.color;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = row.name;
      const detail = document.createElement('span');
      detail.className = 'detail';
      detail.textContent = row.detail;
      if (!row.header) element.append(dot);
      element.append(name, detail);
      list.append(element);
      shown.push({ name, detail });
    });
    requestAnimationFrame(() => {
      performance.mark('toggl-tray:first-rows');
      performance.mark('toggl-tray:list-loaded');
    });
  };
  document.querySelector('input').addEventListener('input', (event) => {
    const shift = event.target.value.length;
    shown.forEach((element, at) => {
      const row = rows[(at + shift) % rows.length];
      element.name.textContent = row.name;
      element.detail.textContent = row.detail;
    });
  });
`;

export const FLOOR_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Floor</title><style>${STYLE}</style></head>
<body><input type="search" aria-label="Search"><div id="list"></div><script>${SCRIPT}</script></body></html>`;

function serve(rows: FloorRow[]): void {
  const body = JSON.stringify(rows);
  const server = createServer((request, response) => {
    if (request.url !== '/') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(FLOOR_PAGE);
  });
  const sockets = new WebSocketServer({ server, path: '/rows' });
  sockets.on('connection', (socket) => socket.send(body));
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
}

if (process.send) {
  process.once('message', (rows: FloorRow[]) => serve(rows));
  process.once('disconnect', () => process.exit(0));
}
