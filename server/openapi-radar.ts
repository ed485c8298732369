/**
 * The CDN radar's part of the OpenAPI document. Its response schemas are generated from the valibot schemas the
 * service's output and the extension's input are checked against (src/core/radar/radar-wire.ts), so they cannot
 * drift from what is served.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import { CdnSummarySchema, RADAR_VENDORS, VendorDetailSchema } from '../src/core/radar/radar-wire.ts';

const envelope = (schema: GenericSchema) => ({
  type: 'object',
  required: ['ok', 'data'],
  properties: { ok: { const: true }, data: toJsonSchema(schema, { target: 'draft-2020-12' }) },
});
const ref = (name: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } });
const error = (description: string) => ({ description, content: ref('Error') });
const cached = {
  'Cache-Control': { schema: { type: 'string' }, description: '`public, max-age=30`' },
  ETag: { schema: { type: 'string' }, description: 'Strong tag of the body; send it back in `If-None-Match`' },
};
const notModified = { description: 'The body the client holds (`If-None-Match`) is still current', headers: cached };

export const RADAR_SCHEMAS = {
  CdnSummaryResult: envelope(CdnSummarySchema),
  VendorDetailResult: envelope(VendorDetailSchema),
};

export const RADAR_PATHS = {
  '/v1/cdn': {
    get: {
      operationId: 'getCdnRadar',
      summary: "Every CDN's radar state now: failing sites in the last 5, 15 and 60 minutes, and its failing colos",
      description:
        'Breadth, not volume: each site counts once however many people report it, and no reporting network adds ' +
        'more than 3 sites. A vendor with fewer than 5 failing sites from 3 networks in the hour reads as zero.',
      responses: {
        '200': { description: 'Every vendor', headers: cached, content: ref('CdnSummaryResult') },
        '304': notModified,
        '429': { $ref: '#/components/responses/RateLimited' },
        '503': error('Storage unavailable; retry later'),
      },
    },
  },
  '/v1/cdn/{vendor}': {
    get: {
      operationId: 'getCdnRadarVendor',
      summary: "One CDN's published colos and its last hour in 5-minute steps",
      description: 'A colo is listed only with at least 5 failing sites from 3 networks in the hour.',
      parameters: [
        { name: 'vendor', in: 'path', required: true, schema: { type: 'string', enum: [...RADAR_VENDORS] } },
      ],
      responses: {
        '200': { description: 'The vendor', headers: cached, content: ref('VendorDetailResult') },
        '304': notModified,
        '404': error('No such vendor'),
        '429': { $ref: '#/components/responses/RateLimited' },
        '503': error('Storage unavailable; retry later'),
      },
    },
  },
};
