/**
 * `npm run bench -- <name> [options]`: benchmark scripts that print JSON figures. They measure;
 * they assert nothing (budgets are checked by reading the figures, see docs/benchmarks.md).
 */
import { benchEnterprises } from './enterprises.ts';
import { benchImport } from './import.ts';
import { benchMap } from './map.ts';
import { benchMatch } from './match.ts';
import { benchMatchApi } from './match-api.ts';

const BENCHMARKS: Record<string, (args: readonly string[]) => Promise<Record<string, unknown>>> = {
  enterprises: benchEnterprises,
  import: benchImport,
  map: benchMap,
  match: benchMatch,
  'match-api': benchMatchApi,
};

const [name, ...args] = process.argv.slice(2);
const bench = name ? BENCHMARKS[name] : undefined;
if (!bench) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join('|')}> [options]\n`);
  process.exit(2);
}
const result = await bench(args);
process.stdout.write(`${JSON.stringify({ benchmark: name, ...result }, null, 2)}\n`);
