// Starts the real backend for the SDK's tests and for `npm run generate`: Development, SQLite in a temp folder,
// the embedded WeChat simulator, on a free loopback port. Runs the Release build (building it when missing).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const project = join(repoRoot, 'src/Renovation.Community.Api');

function findDll() {
  const bin = join(project, 'bin/Release');
  if (!existsSync(bin)) return null;
  for (const tfm of readdirSync(bin)) {
    const dll = join(bin, tfm, 'Renovation.Community.Api.dll');
    if (existsSync(dll)) return dll;
  }
  return null;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Settings the tests need on top of Development's: fast sweeps, votes that may open at once, no login throttle. */
export const testSettings = [
  '--Jobs:SweepSeconds=1',
  '--Voting:MinimumNoticeDays=0',
  '--Voting:CloseGraceSeconds=0',
  '--Voting:ChainIntervalMilliseconds=200',
  '--Auth:LoginPermitsPerMinute=10000',
  '--Notifications:Templates:notice.published:TemplateId=tmpl-notice-published',
  '--Notifications:Templates:notice.published:Fields:thing1={title}',
];

/** Returns { url, simulatorUrl, stop(), log() }; throws with the backend's last output when it does not become ready. */
export async function startBackend(extraArgs = [], { timeoutMs = 120000 } = {}) {
  // scripts/test.sh says so when its dotnet build failed: better no backend than a stale one.
  if (process.env.RC_BACKEND_UNAVAILABLE) throw new Error(process.env.RC_BACKEND_UNAVAILABLE);
  let dll = findDll();
  if (!dll) {
    const build = spawnSync('dotnet', ['build', project, '-c', 'Release', '-nologo', '-clp:ErrorsOnly'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('dotnet build of the backend failed');
    dll = findDll();
    if (!dll) throw new Error('the backend build produced no Renovation.Community.Api.dll');
  }
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'rc-sdk-'));
  const url = `http://127.0.0.1:${port}`;
  const args = [dll, '--urls', url, `--ConnectionStrings:Sqlite=Data Source=${join(data, 'renovation.db')}`,
    `--Files:Root=${join(data, 'files')}`, `--WeChat:Simulator:StateDirectory=${join(data, 'wechat-simulator')}`,
    `--Fund:StatementLinkKeyFile=${join(data, 'statement-link.key')}`, ...extraArgs];
  const child = spawn('dotnet', args, {
    cwd: dirname(dll),
    env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Development', DOTNET_ENVIRONMENT: 'Development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => { output = (output + chunk.toString()).slice(-20000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exit = new Promise((r) => child.on('exit', (code) => { exited = code; r(code); }));

  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
      await exit;
      clearTimeout(timer);
    }
    rmSync(data, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(`backend exited with ${exited} before it was ready:\n${output.slice(-4000)}`);
    }
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`backend not ready after ${timeoutMs} ms:\n${output.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // Development embeds the WeChat simulator and logs where; tests pay orders there as the WeChat app would.
  const simulator = output.match(/WeChat simulator \(login, pay page\): (\S+)/);
  return { url, simulatorUrl: simulator ? simulator[1].replace(/\/$/, '') : '', stop, log: () => output };
}
