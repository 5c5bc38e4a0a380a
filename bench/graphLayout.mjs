// `npm run bench:layout`: bundles bench/graphLayout.ts with esbuild into bench/.work/ and runs it (see that file).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(repo, 'bench', '.work', 'graphLayout.cjs');
mkdirSync(dirname(out), { recursive: true });
await build({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', entryPoints: [join(repo, 'bench', 'graphLayout.ts')], outfile: out });
const result = spawnSync(process.execPath, [out], { stdio: 'inherit', env: { ...process.env, BENCH_REPO: repo } });
process.exit(result.status ?? 1);
