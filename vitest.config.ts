import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // PDF tests parse a 110-page brochure; the machine is shared, so allow headroom (no timing is asserted).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
