/**
 * Serves the build (dist/) — `npm start` builds first, `npm run serve` serves what is built.
 *   npm run serve                         http://127.0.0.1:4173/ (this computer only: the safe default)
 *   npm run serve -- --lan                every network interface: colleagues open http://<this-pc>:4173/
 *   npm run serve -- --port 8080 --base /jyj/planning/
 * For a bureau's server use nginx or IIS (docs/DEPLOY.md): this is for trying it out and for a meeting room.
 * Plain HTTP on a LAN address is not a secure context: the app says so (no offline use, see DEPLOY.md).
 */
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { startServer } from './lib/staticServer';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const lan = process.argv.includes('--lan');
const host = arg('host') ?? (lan ? '0.0.0.0' : '127.0.0.1');
const port = Number(arg('port') ?? 4173);
const base = arg('base') ?? '/';
const dir = arg('dir') ?? 'dist';

if (!existsSync(`${dir}/index.html`)) {
  console.error(`${dir}/index.html not found: build first (npm run build), or use npm start.`);
  process.exit(1);
}
const { url } = await startServer({ dir, base, host, port });
console.log(`泉州学校建设规划地图 · serving ${dir}/ at ${url}`);
if (host === '0.0.0.0') {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? [])
      if (a.family === 'IPv4' && !a.internal) console.log(`  on the LAN: http://${a.address}:${port}${base}`);
  console.log('  (plain HTTP on the LAN: no offline use — serve over HTTPS for that, docs/DEPLOY.md)');
} else console.log('  this computer only; add --lan to let colleagues on the network open it');
