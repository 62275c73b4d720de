/**
 * Redirect targets a browser would read as another site (or as script, or cannot read): every way of writing
 * "leave for evil.example" the link rule (src/lib/safeUrl.ts) must see through. The unit test
 * checks the rule against each; the end-to-end tests send each to every redirect the site makes.
 */
export const HOSTILE_REDIRECT_TARGETS = [
  '//evil.example',
  '///evil.example',
  'https://evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  '/./evil.example/../..//evil.example',
  '/.//evil.example',
  '/%2e/%2fevil.example',
  '/%2E%2E/%2Fevil.example',
  '/a/..//evil.example',
  '/a/%2e%2e//evil.example',
  '/a/.%2e//evil.example',
  '/.%2f/evil.example',
  '/%2f%2fevil.example',
  '/%5cevil.example',
  '/%5Cevil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/%09/evil.example',
  '/ /evil.example',
  'javascript:alert(1)',
  'evil.example',
  '/..//evil.example',
  '/%0a/evil.example',
  '/\u0000/evil.example',
  '/%E0%A4%A',
]
