import type { FullResult, Reporter, TestCase, TestError, TestResult } from '@playwright/test/reporter';

/**
 * Ends the run with one plain line: "e2e: N passed, N failed, N skipped". An error outside any
 * test (a spec file that cannot be loaded, a global setup or a worker that failed) counts as
 * one failure each, and makes the run fail: otherwise a spec that throws at import would leave
 * the line at "0 failed" with its tests missing.
 */
export default class SummaryReporter implements Reporter {
  private readonly counts = { passed: 0, failed: 0, skipped: 0 };
  private errors = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    if (result.status === 'skipped') this.counts.skipped++;
    else if (result.status === test.expectedStatus) this.counts.passed++;
    else this.counts.failed++;
  }

  onError(_error: TestError): void {
    this.errors++;
  }

  // Playwright's signature: a status returned from onEnd replaces the run's.
  onEnd(result: FullResult): Promise<{ status: FullResult['status'] } | undefined> {
    const { passed, skipped } = this.counts;
    let failed = this.counts.failed + this.errors;
    // Interrupted or timed out as a whole, with no test or error to blame: still not a pass.
    if (failed === 0 && result.status !== 'passed') failed = 1;
    process.stdout.write(`e2e: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    return Promise.resolve(failed > 0 && result.status === 'passed' ? { status: 'failed' } : undefined);
  }

  printsToStdio(): boolean {
    return true;
  }
}
