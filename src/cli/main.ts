import { readStandardInput } from './readInputs';
import { runAnalyze } from './runAnalyze';

const result = runAnalyze(process.argv.slice(2), readStandardInput);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
