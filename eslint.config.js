// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // The core makes its regular expressions once, at load: one holding \p{…} is made again on every
    // call wherever it is written in a function (esbuild writes it as `new RegExp`), as is any
    // `new RegExp` there (see src/letter-patterns.ts).
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: ':function Literal[regex.pattern=/\\\\[pP]\\{/]', message: 'Make a \\p{…} expression once, at module scope (src/letter-patterns.ts has the common ones): inside a function it is made per call.' },
        { selector: ':function NewExpression[callee.name="RegExp"]', message: 'Make the expression once, at module scope; if it holds a value only known at the call, say so in an eslint-disable comment.' },
      ],
    },
  },
)
