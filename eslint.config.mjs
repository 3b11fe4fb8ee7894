// ESLint with the TypeScript rules (flat config). `npm run lint`; it also runs before the tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', '.cache/**', 'dist/**', 'apps/web/dist/**', 'apps/web/src/api/schema.d.ts', 'infra/audit/verify-record.js', 'jest.config.js', 'eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The domain is pure: it imports only itself (relative paths), never NestJS, TypeORM, pg, Temporal, Node modules
    // or another workspace package. test/architecture/import-cycles.unit.spec.ts checks the same, and no cycles.
    files: ['libs/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^[^.]', message: 'libs/domain imports only its own modules (relative paths)' }] }],
    },
  },
  {
    // Workflow code is deterministic: no Node modules, clocks or randomness outside Temporal's APIs.
    files: ['workflows/src/**/*.ts'],
    ignores: ['workflows/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'crypto', 'typeorm', 'pg', '@nestjs/*', '@temporalio/client', '@temporalio/worker', '@temporalio/activity'] }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use Temporal uuid4()/random from @temporalio/workflow' }],
    },
  },
);
