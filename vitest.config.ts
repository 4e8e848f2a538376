import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Installs or demands redis-server, which the shared-state tests start (test/helpers/redis-server.ts).
    globalSetup: ['test/helpers/redis-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
