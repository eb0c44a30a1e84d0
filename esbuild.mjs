// Bundles the extension client, the language server, the CLI and (with --tests) the test files.
// --release: minified, no sourcemaps. Default: sourcemaps for development. --watch: rebuild on change.
import * as esbuild from 'esbuild';
import { cpSync, readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const release = process.argv.includes('--release');
const withTests = process.argv.includes('--tests');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: release,
  sourcemap: !release,
  logLevel: 'warning',
  // jsonc-parser's main entry is a UMD module whose dynamic requires a bundle cannot follow: its ES module build instead.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

const bundle = {
  ...common,
  entryPoints: {
    client: 'client/src/extension.ts',
    server: 'server/src/server.ts',
    cli: 'server/src/cli.ts',
    bench: 'bench/bench.ts',
  },
  outdir: 'dist',
  external: ['vscode'],
};

// --watch: rebuild dist/ on every change (the "Run Extension" launch configuration starts it as its task).
if (process.argv.includes('--watch')) {
  const context = await esbuild.context({ ...bundle, logLevel: 'info' });
  await context.watch();
} else {
  await esbuild.build(bundle);
}

// pdfjs-dist (the PDF reader) is an ES module loaded at run time: its files go beside the bundle, so that the
// extension and the CLI carry what they need without node_modules.
for (const part of ['legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs', 'cmaps', 'standard_fonts']) {
  cpSync(join('node_modules', 'pdfjs-dist', part), join('dist', 'pdfjs-dist', part), { recursive: true });
}

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

// NIANBAO_TEST_OUT: a second folder (beside `out`) so that two builds of the tests can run side by side.
const testOut = process.env.NIANBAO_TEST_OUT ?? 'out';

if (withTests) {
  rmSync(testOut, { recursive: true, force: true });
  await esbuild.build({
    ...common,
    entryPoints: testFiles('test'),
    outdir: `${testOut}/test`,
    outbase: 'test',
    external: ['vscode', 'playwright-core', '@vscode/test-electron'],
  });
}
