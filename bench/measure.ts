/** Runs some work while sampling memory every few ms (benchmarks): time and peaks. */
export async function measure<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakRssMb: number; peakHeapMb: number }> {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = (): void => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  const sampler = setInterval(sample, 5);
  const started = performance.now();
  try {
    const result = await work();
    sample();
    return {
      result,
      seconds: (performance.now() - started) / 1000,
      peakRssMb: peakRss / 2 ** 20,
      peakHeapMb: peakHeap / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
  }
}
