/**
 * The V8 flags the bot's process runs with: `npm start`, the Docker image's CMD and the tests and
 * benchmarks that start the bot as a process all pass these (a test checks the first two).
 *
 * `--max-semi-space-size=32`: a young generation of two 32 MB halves instead of V8's 16 MB. An
 * answer allocates about 175 KB on the bundled corpus, so with 16 MB a young-generation collection
 * fell inside one question in about 95 (12 of 1,140 timed asks, each such ask about 2 ms slower):
 * over 1% of the asks, enough to set the p99 when nothing else does. With 32 MB it is one in about
 * 190 (6 or 7 of 1,140). The flag has to be given on the command line: V8 sizes the heap when the process starts,
 * and `v8.setFlagsFromString` later changes nothing (measured). It costs at most 32 MB more memory.
 */
export const BOT_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32']
