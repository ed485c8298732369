/**
 * The OpenAPI 3.1 description of API v1, written by hand from the wire constants so enums cannot drift.
 */
import {
  ERROR_CODES,
  OUTAGE_STATES,
  PREFIX_ENTRY_COUNT,
  PREFIX_RESPONSE_BYTES,
  REPORT_KINDS,
  REPORT_VENDORS,
} from '../src/core/peer/wire.ts';
import { RADAR_PATHS, RADAR_SCHEMAS } from './openapi-radar.ts';

const json = (schemaRef: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${schemaRef}` } } });
const errorResponse = (description: string) => ({ description, content: json('Error') });
const rateLimited = {
  description: 'Too many requests from this address',
  headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 }, description: 'Seconds to wait' } },
  content: json('Error'),
};

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Culprit peer reports',
    version: '1.0.0',
    description:
      'Anonymous crowd reports of failing sites, looked up by 4-hex hash prefix, and the CDN radar built from ' +
      'them (failing sites per CDN and data centre, never naming one). Every JSON response is ' +
      '`{ ok: true, data }` or `{ ok: false, error: { code, message } }`.',
  },
  servers: [{ url: 'http://127.0.0.1:8787' }],
  paths: {
    ...RADAR_PATHS,
    '/v1/reports': {
      post: {
        operationId: 'postReport',
        summary: 'Report that a site failed for me',
        requestBody: { required: true, content: json('Report') },
        responses: {
          '202': { description: 'Durably stored (or a duplicate within 10 minutes)', content: json('Accepted') },
          '400': errorResponse('Invalid JSON or fields'),
          '413': errorResponse('Body over 2048 bytes'),
          '429': { $ref: '#/components/responses/RateLimited' },
          '503': errorResponse('Storage unavailable; retry later'),
        },
      },
    },
    '/v1/prefix/{prefix}': {
      get: {
        operationId: 'getPrefix',
        summary: 'Report counts and outage state for every active host in a 4-hex bucket',
        description:
          `Always ${PREFIX_ENTRY_COUNT} entries (dummies fill the rest) ` +
          `and exactly ${PREFIX_RESPONSE_BYTES} bytes.`,
        parameters: [
          { name: 'prefix', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{4}$' } },
        ],
        responses: {
          '200': { description: 'The bucket', content: json('PrefixResult') },
          '400': errorResponse('Prefix is not 4 lowercase hex chars'),
          '429': { $ref: '#/components/responses/RateLimited' },
          '503': errorResponse('Storage unavailable; retry later'),
        },
      },
    },
    '/healthz': {
      get: {
        operationId: 'getHealth',
        responses: { '200': { description: 'Process is up', content: json('Status') } },
      },
    },
    '/readyz': {
      get: {
        operationId: 'getReady',
        responses: {
          '200': { description: 'Database reachable', content: json('Status') },
          '503': errorResponse('Database unreachable'),
        },
      },
    },
    '/metrics': {
      get: {
        operationId: 'getMetrics',
        description: 'Served only on the metrics listener (METRICS_HOST:METRICS_PORT, loopback by default), not here.',
        responses: {
          '200': { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } },
        },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        responses: {
          '200': { description: 'This document', content: { 'application/json': { schema: { type: 'object' } } } },
        },
      },
    },
    '/': {
      get: {
        operationId: 'getRadarPage',
        description: 'The public CDN radar page; it reads /v1/cdn and /v1/cdn/{vendor} as any client may.',
        responses: {
          '200': { description: 'The page', content: { 'text/html': { schema: { type: 'string' } } } },
          '503': { description: 'The page is not built', content: { 'text/plain': { schema: { type: 'string' } } } },
        },
      },
    },
    '/assets/{file}': {
      get: {
        operationId: 'getRadarPageAsset',
        description: "The page's scripts and styles, named by their content's hash, so cacheable for a year.",
        parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'The file' }, '404': errorResponse('No such file') },
      },
    },
  },
  components: {
    responses: { RateLimited: rateLimited },
    schemas: {
      ...RADAR_SCHEMAS,
      Report: {
        type: 'object',
        required: ['hostHash', 'kind', 'vendor', 'clientId'],
        properties: {
          hostHash: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'hex SHA-256 of the registrable domain' },
          kind: { type: 'string', enum: [...REPORT_KINDS] },
          vendor: { type: 'string', enum: [...REPORT_VENDORS] },
          colo: { type: 'string', pattern: '^[A-Z]{3}$', description: 'IATA code of the edge that answered' },
          code: { type: 'integer', minimum: 100, maximum: 9999 },
          clientId: {
            type: 'string',
            pattern: '^[A-Za-z0-9_-]{22,64}$',
            description: 'random per install, rotated daily',
          },
        },
      },
      Accepted: {
        type: 'object',
        required: ['ok', 'data'],
        properties: {
          ok: { const: true },
          data: { type: 'object', required: ['counted'], properties: { counted: { type: 'boolean' } } },
        },
      },
      PrefixEntry: {
        type: 'object',
        required: ['hostHash', 'count15', 'count60', 'baseline15', 'state'],
        properties: {
          hostHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
          count15: { type: 'integer', minimum: 0 },
          count60: { type: 'integer', minimum: 0 },
          baseline15: { type: 'number', minimum: 0 },
          state: { type: 'string', enum: [...OUTAGE_STATES] },
        },
      },
      PrefixResult: {
        type: 'object',
        required: ['ok', 'data'],
        properties: {
          ok: { const: true },
          data: {
            type: 'object',
            required: ['prefix', 'minute', 'entries', 'pad'],
            properties: {
              prefix: { type: 'string', pattern: '^[0-9a-f]{4}$' },
              minute: { type: 'integer', description: 'epoch minute the counts end at' },
              entries: {
                type: 'array',
                minItems: PREFIX_ENTRY_COUNT,
                maxItems: PREFIX_ENTRY_COUNT,
                items: { $ref: '#/components/schemas/PrefixEntry' },
              },
              pad: { type: 'string', description: 'filler; ignore' },
            },
          },
        },
      },
      Status: {
        type: 'object',
        required: ['ok', 'data'],
        properties: { ok: { const: true }, data: { type: 'object', properties: { status: { type: 'string' } } } },
      },
      Error: {
        type: 'object',
        required: ['ok', 'error'],
        properties: {
          ok: { const: false },
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string', enum: [...ERROR_CODES] }, message: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;
