import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts so unit tests do not load the crx plugin or touch dist/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
