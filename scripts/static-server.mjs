// A small static host for the production build, used by the e2e suite and the benchmarks.
// It behaves like a real static host (GitHub Pages, nginx, S3 + CDN), which `docusaurus serve` does not
// quite: it gzips text like a CDN would (`docusaurus serve` does not compress), serves `Old.html`
// as the file it is (no clean-URL redirect that drops the base URL), and answers `/x` from
// `x/index.html` or `x.html`. Every answer carries the security headers a production host should send
// (config/security-headers.mjs: CSP frame-ancestors, X-Content-Type-Options, Referrer-Policy).
//
//   node scripts/static-server.mjs --dir build --base /portal/ --port 3101
//
// --bench-dir DIR (scripts/bench/widget-latency.ts only): every portal page (not the round-trip pages)
// gets `<script src="<base>__bench/driver.js" defer>` before </body>; `<base>__bench/<file>` (.js,
// .json, .html) is served from DIR, and a POST to `<base>__bench/report` is written to DIR/report.json. That lets the bench time a
// widget from inside the page with no DevTools attached to the browser.
import { createReadStream, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { hostHeaders } from '../config/security-headers.mjs';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'build' },
    base: { type: 'string', default: '/' },
    port: { type: 'string', default: '3000' },
    host: { type: 'string', default: 'localhost' },
    'bench-dir': { type: 'string' },
  },
});
const benchDir = values['bench-dir'] ? path.resolve(values['bench-dir']) : undefined;
const root = path.resolve(values.dir);
const base = values.base.endsWith('/') ? values.base : `${values.base}/`;

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  // Markdown twins of the pages (plugins/markdown-twins.ts); llms.txt is .txt above.
  '.md': 'text/markdown; charset=utf-8',
};
const compressible = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

const isFile = (p) => existsSync(p) && statSync(p).isFile();

/** Maps a URL path to a file inside root, or undefined. Never leaves root. */
function resolve(urlPath) {
  if (!urlPath.startsWith(base) && `${urlPath}/` !== base) return undefined;
  const rel = decodeURIComponent(urlPath.slice(base.length));
  const target = path.resolve(root, `.${path.posix.sep}${rel}`);
  if (target !== root && !target.startsWith(root + path.sep)) return undefined;
  for (const candidate of [target, path.join(target, 'index.html'), `${target}.html`]) {
    if (isFile(candidate)) return candidate;
  }
  return undefined;
}

/** With --bench-dir: a portal page with the bench's driver script added (the round-trip pages stay as built). */
function withBenchDriver(file) {
  if (!benchDir || !file.endsWith('.html')) return undefined;
  const html = readFileSync(file, 'utf8');
  if (!/\bid="?__docusaurus\b/.test(html)) return undefined;
  return Buffer.from(
    html.replace('</body>', `<script src="${base}__bench/driver.js" defer></script></body>`),
  );
}

function send(req, res, file, status) {
  const type = types[path.extname(file)] ?? 'application/octet-stream';
  const headers = { ...hostHeaders, 'Content-Type': type, Vary: 'Accept-Encoding' };
  // Hashed assets are immutable; HTML must revalidate, as on a real host.
  headers['Cache-Control'] = /\/assets\//.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
  const gzip = compressible.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const body = withBenchDriver(file);
  if (gzip) headers['Content-Encoding'] = 'gzip';
  else headers['Content-Length'] = body ? body.length : statSync(file).size;
  res.writeHead(status, headers);
  if (req.method === 'HEAD') return res.end();
  if (body) return gzip ? createGzip({ level: 6 }).end(body).pipe(res) : res.end(body);
  const stream = createReadStream(file);
  (gzip ? stream.pipe(createGzip({ level: 6 })) : stream).pipe(res);
}

/** With --bench-dir: the bench's own files and its report (see the top of this file). */
function benchRoute(req, res, urlPath) {
  const name = urlPath.slice(`${base}__bench/`.length);
  if (name === 'report' && req.method === 'POST') {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      writeFileSync(path.join(benchDir, 'report.json.tmp'), body);
      renameSync(path.join(benchDir, 'report.json.tmp'), path.join(benchDir, 'report.json'));
      res.writeHead(204).end();
    });
    return;
  }
  const file = path.join(benchDir, path.basename(name));
  if (!/^[\w.-]+\.(js|json|html)$/.test(name) || !isFile(file)) return res.writeHead(404).end('Not found');
  res.writeHead(200, {
    ...hostHeaders,
    'Content-Type': types[path.extname(file)],
    'Cache-Control': 'no-store',
  });
  res.end(readFileSync(file));
}

const server = createServer((req, res) => {
  let urlPath;
  try {
    urlPath = new URL(req.url ?? '/', 'http://x').pathname;
  } catch {
    res.writeHead(400).end('Bad request');
    return;
  }
  if (benchDir && urlPath.startsWith(`${base}__bench/`)) return benchRoute(req, res, urlPath);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let file;
  try {
    file = resolve(urlPath);
  } catch {
    file = undefined; // malformed %-encoding
  }
  if (file) return send(req, res, file, 200);
  const notFound = path.join(root, '404.html');
  if (isFile(notFound)) return send(req, res, notFound, 404);
  res.writeHead(404).end('Not found');
});

server.listen(Number(values.port), values.host, () => {
  console.log(
    `Serving ${path.relative(process.cwd(), root) || '.'} at http://${values.host}:${values.port}${base}`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
