// The harness's HTTP server on 127.0.0.1 (port 0). It serves the page like a Jupyter server
// serves JupyterLab: a per-case `_xsrf` cookie (SameSite=Strict, path=/) and a page-config
// token, and it records every request that carries a case's cookie. A request counts as script
// execution when it is a credentialed same-origin API call made by script: the case's cookie,
// `Sec-Fetch-Site: same-origin`, and fetch/XHR/beacon (`Sec-Fetch-Dest: empty`), a WebSocket
// upgrade or a non-GET method. An <img src="/api/kernels"> load (Dest: image) does not count.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.otf': 'font/otf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json'
};

function cookieToken(req) {
  const header = req.headers.cookie || '';
  const match = /(?:^|;\s*)_xsrf=([0-9a-f]{32})(?:;|$)/.exec(header);
  return match ? match[1] : null;
}

/** Classifies one request that carried a case cookie: a counted signal or only an observation. */
export function classify(req, isUpgrade, origin) {
  // Chromium sends no Sec-Fetch-* headers on a WebSocket handshake; its Origin header says who
  // opened it (an opaque-origin sandbox sends "null").
  const site = isUpgrade
    ? req.headers.origin === origin ? 'same-origin' : 'origin:' + String(req.headers.origin || '')
    : req.headers['sec-fetch-site'] || '';
  const dest = req.headers['sec-fetch-dest'] || '';
  const method = req.method || 'GET';
  const entry = { method, url: (req.url || '').slice(0, 300), site, dest, upgrade: isUpgrade };
  const scripted = dest === 'empty' || isUpgrade || method !== 'GET';
  return { ...entry, counts: site === 'same-origin' && scripted };
}

/** Every file under dir, read once: the page stays whole even if dist/ is rebuilt meanwhile. */
async function readTree(dir) {
  const files = new Map();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = path.resolve(entry.parentPath ?? entry.path, entry.name);
      files.set(full, await readFile(full));
    }
  }
  return files;
}

export async function startServer(distDir) {
  const indexHtml = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const files = await readTree(distDir);
  const cases = new Map(); // token -> {requests: [], beacons: []}
  let origin = '';

  async function serveStatic(req, res, rel) {
    const full = path.resolve(distDir, '.' + rel);
    if (!full.startsWith(path.resolve(distDir) + path.sep)) {
      res.writeHead(404).end();
      return;
    }
    const body = files.get(full);
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(full)] || 'application/octet-stream',
      'Cache-Control': 'public, max-age=86400, immutable'
    });
    res.end(body);
  }

  function record(req, isUpgrade) {
    const token = cookieToken(req);
    if (token && cases.has(token)) {
      cases.get(token).requests.push(classify(req, isUpgrade, origin));
    }
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://127.0.0.1');
    const caseMatch = /^\/case\/([0-9a-f]{32})$/.exec(url.pathname);
    if (req.method === 'GET' && caseMatch && cases.has(caseMatch[1])) {
      const pageToken = randomBytes(24).toString('hex');
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Set-Cookie': `_xsrf=${caseMatch[1]}; Path=/; SameSite=Strict`
      });
      res.end(indexHtml.replace('__NBG_TOKEN__', pageToken));
      return;
    }
    if (req.method === 'GET' && url.pathname.startsWith('/dist/')) {
      serveStatic(req, res, url.pathname.slice('/dist'.length)).catch(() => res.destroy());
      return;
    }
    if (url.pathname === '/__nbg/signal') {
      const token = cookieToken(req);
      const c = classify(req, false, origin);
      if (token && cases.has(token) && c.site === 'same-origin') {
        cases.get(token).beacons.push({
          kind: url.searchParams.get('kind') || '',
          id: (url.searchParams.get('id') || '').slice(0, 200)
        });
      }
      req.resume();
      res.writeHead(204).end();
      return;
    }
    record(req, false);
    req.resume();
    if (url.pathname.startsWith('/api/')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{}');
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  server.on('upgrade', (req, socket) => {
    record(req, true);
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });
  server.keepAliveTimeout = 5000;
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;

  return {
    origin,
    /** Registers a case: returns its cookie token and page URL. */
    newCase() {
      const token = randomBytes(16).toString('hex');
      cases.set(token, { requests: [], beacons: [] });
      return { token, url: `${origin}/case/${token}` };
    },
    /** What has been recorded for a case so far. */
    peek(token) {
      return cases.get(token) || { requests: [], beacons: [] };
    },
    /** Everything recorded for a case; forgets it. */
    take(token) {
      const c = cases.get(token) || { requests: [], beacons: [] };
      cases.delete(token);
      return c;
    },
    close() {
      server.closeAllConnections();
      return new Promise(resolve => server.close(resolve));
    }
  };
}
