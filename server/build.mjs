// Bundles the server (and the workspace packages it imports) into dist/; npm dependencies
// stay external and are loaded from node_modules at run time.
import { build } from 'esbuild';
import { cpSync, readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
/**
 * Bundled although they are dependencies: zod's entry imports every locale and the whole
 * API, while the bundle needs a fraction; bundled, esbuild keeps only what is used.
 */
const bundled = new Set(['zod']);
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@konvent/') && !bundled.has(name));
// The bundle resolves external imports from server/node_modules, so every runtime
// dependency of the workspace packages it inlines must be a dependency of the server too.
for (const dir of ['shared', 'db']) {
  const inner = JSON.parse(readFileSync(new URL(`../${dir}/package.json`, import.meta.url), 'utf8'));
  const missing = Object.keys(inner.dependencies ?? {}).filter((d) => !external.includes(d) && !bundled.has(d) && !d.startsWith('@konvent/'));
  if (missing.length) throw new Error(`server/package.json lacks ${missing.join(', ')} (used by ${dir}/)`);
}

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/main.ts', cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  // Separate chunks keep dynamic imports lazy (the demo seeder and its Tiptap schema are
  // loaded only when a demo is seeded); without splitting their imports would be hoisted.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: [...external, ...external.map((e) => `${e}/*`)],
  // ESM bundles have no require(); some dependencies need it.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});

// The migrations travel with the bundle (see defaultMigrationsFolder in db/).
cpSync('../db/migrations', 'dist/migrations', { recursive: true });
