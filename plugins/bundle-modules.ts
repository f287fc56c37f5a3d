// Which source modules ended up in which built JavaScript file. The byte budget check
// (tests/e2e/bytes.spec.ts) and the bench (scripts/bench/) read it to tell whether a page loaded
// MSW, openid-client, jose, mermaid or a widget's code, without guessing from minified text.
// Written after each client build to `.docusaurus/bundle-modules/<out dir>.json` (not into the
// build, so it is never published): `{ "assets/js/1234.abcd.js": ["node_modules/msw/…", …] }`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';

/** Where the manifest of the build in `outDir` lives. Shared with scripts/bench/lib.mjs. */
export function bundleModulesFile(siteDir: string, outDir: string): string {
  const key = path.relative(siteDir, outDir).replace(/[\\/]/g, '_') || 'build';
  return path.join(siteDir, '.docusaurus', 'bundle-modules', `${key}.json`);
}

type StatsModule = { name?: string; modules?: StatsModule[] };
type StatsChunk = { files?: string[]; modules?: StatsModule[] };
type Stats = { toJson(options: object): { chunks?: StatsChunk[] } };
type Compiler = {
  options: { output: { path?: string } };
  hooks: { done: { tap(name: string, fn: (stats: Stats) => void): void } };
};

/** Module names without the loader prefix, the "+ 12 modules" suffix or a query. */
function clean(name: string): string {
  return name
    .replace(/^.*!/, '')
    .replace(/ \+ \d+ modules?$/, '')
    .replace(/\?.*$/, '')
    .replace(/^\.\//, '');
}

function collect(modules: StatsModule[] | undefined, into: Set<string>) {
  for (const m of modules ?? []) {
    if (m.name) into.add(clean(m.name));
    collect(m.modules, into);
  }
}

export default function bundleModules(context: LoadContext): Plugin {
  return {
    name: 'bundle-modules',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      const plugin = {
        apply(compiler: Compiler) {
          compiler.hooks.done.tap('bundle-modules', (stats) => {
            const outDir = compiler.options.output.path;
            if (!outDir) return;
            const json = stats.toJson({
              all: false,
              chunks: true,
              chunkModules: true,
              chunkModulesSpace: Infinity,
              dependentModules: true,
              nestedModules: true,
              nestedModulesSpace: Infinity,
            });
            const files: Record<string, string[]> = {};
            for (const chunk of json.chunks ?? []) {
              const names = new Set<string>();
              collect(chunk.modules, names);
              for (const file of chunk.files ?? []) {
                if (file.endsWith('.js')) files[file] = [...names].sort();
              }
            }
            const target = bundleModulesFile(context.siteDir, outDir);
            mkdirSync(path.dirname(target), { recursive: true });
            writeFileSync(target, `${JSON.stringify(files, null, 1)}\n`);
          });
        },
      };
      return { plugins: [plugin] } as ReturnType<NonNullable<Plugin['configureWebpack']>>;
    },
  };
}
