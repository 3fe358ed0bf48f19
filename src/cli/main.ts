import { readFileSync } from 'node:fs';
import { runAnalyze } from './runAnalyze';

const result = runAnalyze(process.argv.slice(2), () => readFileSync(0, 'utf8'));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
