// Prints one line per test runner and a last line `total: N passed, N failed, N skipped` from the
// JSON reports. Arguments name the steps that failed; a failed step counts as one more failure
// unless its report already shows failing tests (a runner that crashed leaves no report).
import { existsSync, readFileSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const unit = read('reports/unit.json');
const e2e = read('reports/e2e.json')?.stats;
const failedTests = { 'unit tests': unit?.numFailedTests ?? 0, e2e: e2e?.unexpected ?? 0 };
const failedSteps = process.argv.slice(2).filter((step) => !(failedTests[step] > 0));

const passed = (unit?.numPassedTests ?? 0) + (e2e ? e2e.expected + e2e.flaky : 0);
const failed = failedTests['unit tests'] + failedTests.e2e + failedSteps.length;
const skipped = (unit ? unit.numPendingTests + unit.numTodoTests : 0) + (e2e?.skipped ?? 0);

if (unit) console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
if (e2e) console.log(`e2e: ${e2e.expected + e2e.flaky} passed, ${e2e.unexpected} failed`);
if (failedSteps.length > 0) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
