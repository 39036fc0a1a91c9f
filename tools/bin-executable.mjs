// Marks the CLI that package.json's "bin" names as executable after a build. tsc writes a new file with the
// default mode (0644), and npx runs the bin itself: without this, `rm -rf dist && npm run build && npx jixiao`
// fails with "Permission denied".
import { chmodSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
for (const file of Object.values(pkg.bin ?? {})) chmodSync(new URL(`../${file}`, import.meta.url), 0o755);
