/** The importer on the command line (see scripts/lib/importCli.ts for the options and the output). */
import { runImport } from './lib/importCli';

const r = await runImport(process.argv.slice(2));
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
process.exitCode = r.code;
