// `npm run start:cluster`: two API nodes behind nginx (Debian's), sharing one database and Redis —
// the production shape on one machine. WebSocket transport through nginx, no sticky sessions.
//
//   CLUSTER_PORT=8080   where nginx listens (the app is at http://localhost:8080)
//   MONGODB_URI=...     a database of yours; otherwise an embedded FerretDB in a temp dir
//
// Needs `nginx` and `redis-server` (apt-get install nginx redis-server) and a build (`npm run build`).
// Ctrl-C stops everything it started.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, onCleanup, ROOT, startApi, startDatabase, startRedis } from '../bench/lib';

/** nginx's top-level config for this run; the proxy settings are the repo's (deploy/nginx/proxy.conf, as in docker-compose). */
function nginxConf(port: number, upstreams: string[], dir: string): string {
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 12m;
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  upstream klasteris { ${upstreams.map((u) => `server ${u} max_fails=1 fail_timeout=5s;`).join(' ')} }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://klasteris;
      include ${join(ROOT, 'deploy', 'nginx', 'proxy.conf')};
    }
  }
}
`;
}

async function main(): Promise<void> {
  const port = Number(process.env['CLUSTER_PORT'] ?? 8080);
  const publicUrl = `http://localhost:${port}`;
  const web = join(ROOT, 'dist/apps/web/browser');
  if (!existsSync(join(ROOT, 'dist/apps/api/main.js'))) throw new Error('run `npm run build` first');
  const mongoUri = await startDatabase();
  const redisUrl = await startRedis();
  const env = {
    REDIS_URL: redisUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_URL: publicUrl,
    ALLOWED_ORIGINS: `${publicUrl},http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    PUBLIC_WRITE_RATE_PER_MINUTE: process.env['PUBLIC_WRITE_RATE_PER_MINUTE'] ?? '30',
    LOGIN_MAX_FAILURES: '5',
    // nginx on this machine is the only proxy: believe its X-Forwarded-For, nobody else's
    TRUST_PROXY: 'loopback',
    ...(existsSync(web) ? { WEB_DIST_DIR: web } : {}),
  };
  // One after the other: the first seeds the demo data, the second finds it.
  const node1 = await startApi(mongoUri, 'klasteris_cluster', env);
  const node2 = await startApi(mongoUri, 'klasteris_cluster', env);
  const dir = mkdtempSync(join(tmpdir(), 'klasteris-nginx-'));
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, d));
  writeFileSync(
    join(dir, 'nginx.conf'),
    nginxConf(
      port,
      [node1.url, node2.url].map((u) => u.replace('http://', '')),
      dir,
    ),
  );
  const nginx = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
  nginx.once('error', (e) => process.stderr.write(`nginx: ${e.message} (apt-get install nginx)\n`));
  onCleanup(() => void nginx.kill('SIGQUIT'));
  process.stdout.write(
    [
      '',
      `Klasteris cluster: ${publicUrl}  (nginx → ${node1.url}, ${node2.url}; Redis ${redisUrl})`,
      `  API docs: ${publicUrl}/api/docs   health of each node: ${node1.url}/api/health, ${node2.url}/api/health`,
      `  kill one node (pid ${node1.child.pid} or ${node2.child.pid}) and the other keeps serving; Ctrl-C stops all.`,
      '',
    ].join('\n'),
  );
  await new Promise<void>((ok) => {
    nginx.once('exit', () => ok());
    process.once('SIGTERM', () => ok());
  });
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`start:cluster failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(() => void cleanup().then(() => process.exit()));
