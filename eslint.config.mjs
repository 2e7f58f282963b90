// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'test-artifacts/**', 'bench/results/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='Math'][property.name=/^(random)$/]", message: 'Non-deterministic; inject a source of randomness.' },
      ],
    },
  },
  {
    // The domain is pure: no framework, no I/O, no clock.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'fs', 'node:fs', 'node:net', 'node:http', 'better-sqlite3', 'kafkajs', 'mongodb', '@kurrent/*', '@ledger/*'], message: 'libs/domain must stay free of frameworks and I/O.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The domain never reads a clock: time comes in the command.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain never reads a clock: time comes in the command.' },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'The domain is deterministic.' },
      ],
    },
  },
);
