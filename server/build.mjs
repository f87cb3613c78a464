// Bundles the server (the workspace packages it imports, and its ES-module dependencies) into
// dist/; the native addon and the CommonJS dependencies stay external and are loaded from
// node_modules at run time.
import { build } from 'esbuild';
import { cpSync, readFileSync, rmSync } from 'node:fs';

/** `node build.mjs [outdir]`: dist/ unless told otherwise (a test builds its own copy). */
const outdir = process.argv[2] ?? 'dist';
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
/**
 * External: better-sqlite3 (a native addon) and the CommonJS packages (express, helmet,
 * socket.io, ws). Bundling those would put the source of what they load only on demand
 * (iconv-lite's encodings, 480 KB) into the process for good.
 *
 * Everything else is bundled, shaken and minified: zod (its entry imports every locale and the
 * whole API; the server needs a fraction), drizzle-orm, Yjs with lib0 and y-protocols, and
 * Tiptap, ProseMirror and y-prosemirror for the demo seeder's lazy chunk. They go together:
 * y-prosemirror must see the same Yjs as the store and the same prosemirror-model as Tiptap.
 * Yjs's own file holds a few non-ASCII characters, which make V8 keep its 300 KB of source as a
 * two-byte string. Bundled, minified and ASCII-escaped, the heap after start went from 14.3 to
 * 11.4 MB (tests/bench/README.md, "Where plenary-40's memory goes").
 */
const external = ['better-sqlite3', 'express', 'helmet', 'socket.io', 'ws'];
// The bundle resolves external imports from server/node_modules, so each must be a dependency
// of the server, including those the inlined workspace packages use.
for (const dir of ['shared', 'db']) {
  const inner = JSON.parse(readFileSync(new URL(`../${dir}/package.json`, import.meta.url), 'utf8'));
  const missing = Object.keys(inner.dependencies ?? {}).filter((d) => external.includes(d) && !(d in pkg.dependencies));
  if (missing.length) throw new Error(`server/package.json lacks ${missing.join(', ')} (used by ${dir}/)`);
}
const unlisted = external.filter((d) => !(d in pkg.dependencies));
if (unlisted.length) throw new Error(`server/package.json lacks ${unlisted.join(', ')}`);

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/main.ts', cli: 'src/cli/main.ts' },
  outdir,
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
  // Without comments and with non-ASCII characters escaped, V8 keeps each chunk's source as a
  // one-byte string (one em dash in a comment doubles it). Names stay, for stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'ascii',
  logLevel: 'warning',
});

// esbuild escapes non-ASCII characters in strings but leaves regular-expression literals as
// they are; one such character would make V8 hold the whole chunk as a two-byte string. The
// check covers what the server loads at start: main.js and the chunks it imports statically
// (the demo seeder's chunk, loaded on demand, carries Tiptap's typographic input rules).
const atStart = new Set(['main.js']);
for (const file of atStart) {
  const code = readFileSync(`${outdir}/${file}`, 'utf8');
  const at = code.search(/[\u0080-\uffff]/);
  if (at >= 0) throw new Error(`${outdir}/${file} has a non-ASCII character at offset ${at}: write it as \\u escape in the source`);
  for (const [, chunk] of code.matchAll(/\bfrom\s*"\.\/(?:chunks\/)?([\w-]+\.js)"/g)) atStart.add(`chunks/${chunk}`);
}

// The migrations travel with the bundle (see defaultMigrationsFolder in db/).
cpSync('../db/migrations', `${outdir}/migrations`, { recursive: true });
