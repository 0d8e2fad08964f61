import crypto from 'node:crypto';
import { ROLES, type Role } from '@yonggong/shared';
import { Command, InvalidArgumentError, Option } from 'commander';
import { buildApp } from '../app.ts';
import { type AppConfig, loadConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { DEMO_BASE_LOGINS } from '../demo/demo-channels.ts';
import { DEMO_LOGINS } from '../demo/demo-city.ts';
import { DEMO_SCHOOL_LOGINS } from '../demo/demo-schools.ts';
import { isDatabaseEmpty, loadDemo } from '../demo/load-demo.ts';
import { AppError } from '../http/app-error.ts';
import { startScheduler } from '../jobs/scheduler.ts';
import { SYSTEM_AUDIT } from '../modules/audit/audit.service.ts';
import { latestRun, runMatchBatch, startMatchRun } from '../modules/recommendations/match-runs.service.ts';
import { createAccount, setDisabled, setPassword } from '../modules/users/users.service.ts';
import { importWorkersFile } from '../modules/workers/worker-import-jobs.ts';
import { backupEmbedded, backupPostgres, restoreEmbedded, restorePostgres } from '../ops/backup.ts';
import { openRuntime, type Runtime } from '../runtime.ts';

/**
 * `yonggong` — the command line: start, migrate, demo, import, user. Output for people goes to stderr
 * via `say`, so stdout stays clean for scripts.
 */
const program = new Command('yonggong').description('用工通 Yonggong — employment service system');

function say(line = ''): void {
  process.stderr.write(`${line}\n`);
}

function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('must be a positive whole number');
  return parsed;
}

async function withRuntime<T>(config: AppConfig, run: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(config);
  warnAboutKey(runtime);
  try {
    return await run(runtime);
  } finally {
    await runtime.handle.close();
  }
}

function warnAboutKey(runtime: Runtime): void {
  if (!runtime.createdKeyFile) return;
  say('');
  say('!!! ============================================================================ !!!');
  say(`!!! No YONGGONG_PII_KEY was set: a new encryption key was written to`);
  say(`!!!   ${runtime.createdKeyFile}`);
  say('!!! Personal data (phones, ID numbers) is encrypted with it. Back it up apart from');
  say('!!! the database: without it, that data cannot be read. See docs/security.md.');
  say('!!! ============================================================================ !!!');
  say('');
}

program
  .command('start')
  .description('start the server (migrates; on an empty database loads the demo city unless --no-demo)')
  .option('--no-demo', 'production start: create no demo data and no default passwords')
  .option('-p, --port <port>', 'port (default PORT or 3000)')
  .action(async (options: { demo: boolean; port?: string }) => {
    const config = loadConfig({ ...process.env, ...(options.port ? { PORT: options.port } : {}) });
    const runtime = await openRuntime(config);
    warnAboutKey(runtime);
    if (options.demo && (await isDatabaseEmpty(runtime.deps))) {
      say('空数据库：正在载入演示城市（苏州）… / Empty database: loading the demo city (Suzhou)…');
      const report = await loadDemo(runtime.deps, { password: config.demoPassword });
      say(
        `载入 ${report.accounts} 个账号、${report.enterprises} 家企业、${report.workers} 名劳动者、${report.jobOrders} 个岗位、${report.applications} 条招聘流程（${report.placements} 人到岗）。`,
      );
      printLogins(config);
    }
    let shuttingDown = false;
    const app = await buildApp({ deps: runtime.deps, config, isShuttingDown: () => shuttingDown });
    const shutdown = async (signal: string) => {
      if (shuttingDown) return;
      shuttingDown = true;
      app.log.info({ signal }, 'shutting down: finishing requests in flight');
      const timer = setTimeout(() => process.exit(1), 15_000);
      timer.unref();
      await app.close();
      await runtime.handle.close();
      process.exit(0);
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
    let scheduler: { stop(): Promise<void> } | null = null;
    app.addHook('onClose', async () => scheduler?.stop());
    await app.listen({ port: config.port, host: config.host });
    scheduler = startScheduler(runtime.deps, {
      intervalMs: 10 * 60_000,
      applicationExpiryDays: config.applicationExpiryDays,
      log: app.log,
    });
    say(`用工通 Yonggong is running on http://localhost:${config.port}  (${runtime.handle.description})`);
    say(`API document: http://localhost:${config.port}/api/docs`);
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    await withRuntime(loadConfig(), async (runtime) => {
      // openRuntime migrated already; report what it did and confirm nothing is pending.
      const again = await migrate(runtime.deps.db);
      say(
        `Applied ${runtime.migrationsApplied.length} migration(s)${runtime.migrationsApplied.length ? `: ${runtime.migrationsApplied.join(', ')}` : ''}; ${again.alreadyApplied} in place.`,
      );
    });
  });

program
  .command('demo')
  .description('load the demo city into an empty database')
  .option('--scale <n>', 'multiply the demo size (300 enterprises per unit)', positiveInt, 1)
  .option('--seed <n>', 'random seed', positiveInt, 20261122)
  .action(async (options: { scale: number; seed: number }) => {
    const config = loadConfig();
    await withRuntime(config, async (runtime) => {
      const started = Date.now();
      const report = await loadDemo(runtime.deps, {
        password: config.demoPassword,
        scale: options.scale,
        seed: options.seed,
      });
      say(
        `Loaded ${report.accounts} accounts, ${report.enterprises} enterprises, ${report.workers} workers, ${report.jobOrders} job orders, ${report.applications} applications (${report.placements} placements) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
      printLogins(config);
    });
  });

program
  .command('backup')
  .description('back up the database to a file (embedded: stop the server first; PostgreSQL: pg_dump)')
  .option(
    '--out <file>',
    'backup file',
    `yonggong-backup-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '')}`,
  )
  .action(async (options: { out: string }) => {
    const config = loadConfig();
    if (config.databaseUrl) {
      const file = options.out.endsWith('.dump') ? options.out : `${options.out}.dump`;
      await backupPostgres(config.databaseUrl, file);
      say(`Backed up ${file}.`);
    } else {
      const file = options.out.endsWith('.tar.gz') ? options.out : `${options.out}.tar.gz`;
      const { bytes } = await backupEmbedded(config.dataDir, file);
      say(`Backed up ${config.dataDir} to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB).`);
    }
    say('The PII key is not in the backup: keep it safe separately (docs/security.md).');
  });

program
  .command('restore <file>')
  .description('restore a backup (embedded: into an empty data folder; PostgreSQL: pg_restore --clean)')
  .action(async (file: string) => {
    const config = loadConfig();
    if (config.databaseUrl) await restorePostgres(config.databaseUrl, file);
    else await restoreEmbedded(file, config.dataDir);
    say(
      `Restored ${file}. Start the server with the same YONGGONG_PII_KEY (or key file) as when it was taken.`,
    );
  });

const matching = program.command('match').description('recommendations (推介)');
matching
  .command('run')
  .description(
    'recompute every stored recommendation list now (top 20 orders per worker, 20 workers per order)',
  )
  .action(async () => {
    await withRuntime(loadConfig(), async (runtime) => {
      const started = Date.now();
      const { runId } = await startMatchRun(runtime.deps, null);
      let lastReport = 0;
      const timer = setInterval(async () => {
        const run = await latestRun(runtime.deps);
        if (run && Date.now() - lastReport >= 1000) {
          lastReport = Date.now();
          say(`  … ${Math.round(run.progress * 100)} % (${run.workers} workers × ${run.orders} orders)`);
        }
      }, 1000);
      try {
        await runMatchBatch(runtime.deps, runId);
      } finally {
        clearInterval(timer);
      }
      const run = await latestRun(runtime.deps);
      process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
      say(
        `Stored ${run?.stored ?? 0} recommendations for ${run?.workers ?? 0} workers and ${run?.orders ?? 0} orders in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
    });
  });

const importing = program.command('import').description('import data from spreadsheets');
importing
  .command('workers <file>')
  .description(
    'import a worker list (.xlsx/.csv): every row validated, people already registered linked, not duplicated',
  )
  .addOption(
    new Option('--mode <mode>', 'all = import nothing when any row is bad; valid = import the good rows')
      .choices(['all', 'valid'])
      .default('all'),
  )
  .option('--district <code>', 'the district that serves the imported workers (default: the city-wide pool)')
  .option('--lang <locale>', 'language of the error report (zh-CN or en)', 'zh-CN')
  .action(async (file: string, options: { mode: 'all' | 'valid'; district?: string; lang: string }) => {
    await withRuntime(loadConfig(), async (runtime) => {
      const locale = options.lang === 'en' ? 'en' : 'zh-CN';
      let lastReport = 0;
      const status = await importWorkersFile(runtime.deps, {
        filePath: file,
        mode: options.mode,
        districtCode: options.district ?? null,
        locale,
        onProgress: ({ processedRows, progress }) => {
          if (Date.now() - lastReport < 1000) return;
          lastReport = Date.now();
          say(`  … ${processedRows} rows (${Math.round(progress * 100)} %)`);
        },
      });
      process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
      for (const error of status.errors.slice(0, 20))
        say(`  row ${error.row} ${error.column}: ${error.message}`);
      if (status.errorCount > 20) say(`  … ${status.errorCount - 20} more errors (see the JSON above)`);
      if (status.failure) say(`Failed: ${status.failure.message}`);
      say(
        `${status.committed ? 'Imported' : 'Nothing imported'}: ${status.totalRows ?? status.processedRows} rows, ` +
          `${status.created} new, ${status.linked} already registered (linked), ${status.failed} with errors.`,
      );
      if (!status.committed) process.exitCode = 1;
    });
  });

const user = program.command('user').description('manage accounts');
user
  .command('add <username>')
  .description('create an account (prints a generated password unless --password is given)')
  .requiredOption('--name <displayName>', 'display name')
  .addOption(new Option('--role <role...>', 'one or more roles').choices([...ROLES]).makeOptionMandatory())
  .option('--district <code...>', 'district codes (district officers, liaisons)')
  .option('--enterprise <id>', 'the enterprise an HR account acts for (role enterprise)')
  .option('--agency <id>', 'the HR agency a staff account acts for (role agency)')
  .option('--base <id>', 'the labour base a staff account acts for (role base)')
  .option('--school <id>', 'the school a staff account acts for (role school)')
  .option('--password <password>', 'initial password (at least 10 characters)')
  .action(
    async (
      username: string,
      options: {
        name: string;
        role: Role[];
        district?: string[];
        enterprise?: string;
        agency?: string;
        base?: string;
        school?: string;
        password?: string;
      },
    ) => {
      await withRuntime(loadConfig(), async (runtime) => {
        const password = options.password ?? crypto.randomBytes(12).toString('base64url');
        await createAccount(
          runtime.deps.db,
          {
            username,
            displayName: options.name,
            roles: options.role,
            districtCodes: options.district ?? [],
            enterpriseId: options.enterprise ?? null,
            agencyId: options.agency ?? null,
            baseId: options.base ?? null,
            schoolId: options.school ?? null,
            password,
          },
          SYSTEM_AUDIT,
        );
        say(`Created ${username} (${options.role.join(', ')}).`);
        if (!options.password) say(`Initial password: ${password}`);
      });
    },
  );
user
  .command('passwd <username>')
  .description(
    'set a new password (prints a generated one unless --password is given); ends the account’s sessions',
  )
  .option('--password <password>', 'new password (at least 10 characters)')
  .action(async (username: string, options: { password?: string }) => {
    await withRuntime(loadConfig(), async (runtime) => {
      const password = options.password ?? crypto.randomBytes(12).toString('base64url');
      await setPassword(runtime.deps.db, username, password, SYSTEM_AUDIT);
      say(`Password of ${username} changed.`);
      if (!options.password) say(`New password: ${password}`);
    });
  });
user
  .command('disable <username>')
  .description('disable an account and end its sessions')
  .action(async (username: string) => {
    await withRuntime(loadConfig(), async (runtime) => {
      await setDisabled(runtime.deps.db, username, true, SYSTEM_AUDIT);
      say(`Disabled ${username}.`);
    });
  });
user
  .command('enable <username>')
  .description('enable a disabled account')
  .action(async (username: string) => {
    await withRuntime(loadConfig(), async (runtime) => {
      await setDisabled(runtime.deps.db, username, false, SYSTEM_AUDIT);
      say(`Enabled ${username}.`);
    });
  });

function printLogins(config: AppConfig): void {
  say('');
  say(
    '演示账号 / Demo logins (password: ' +
      (process.env.YONGGONG_DEMO_PASSWORD ? '$YONGGONG_DEMO_PASSWORD' : config.demoPassword) +
      ')',
  );
  for (const login of [...DEMO_LOGINS, ...DEMO_BASE_LOGINS, ...DEMO_SCHOOL_LOGINS])
    say(`  ${login.username.padEnd(20)} ${login.what}`);
  say('');
}

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof AppError) {
    const fields = error.options.fields?.map((field) => `${field.path}: ${field.key}`).join('; ');
    say(`Error: ${error.code}${fields ? ` (${fields})` : ''}`);
  } else {
    say(`Error: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
