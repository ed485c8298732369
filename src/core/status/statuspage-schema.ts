/**
 * valibot schemas for the Atlassian Statuspage v2 API (`/api/v2/summary.json`, `/api/v2/status.json`),
 * also served by incident.io pages for compatibility (ULID ids; same shape).
 * Loose objects: vendors add fields all the time and that must not break us. Strict on the fields we
 * read: a wrongly-typed `status` or `components` fails the whole parse rather than guessing.
 */
import * as v from 'valibot';

/** Caps on list lengths so a hostile or broken payload cannot make us build huge structures. */
const MAX_COMPONENTS = 5_000;
const MAX_INCIDENTS = 1_000;
const MAX_UPDATES = 500;
const MAX_AFFECTED = 2_000;

const TEXT = v.pipe(v.string(), v.maxLength(10_000));
const OPTIONAL_TIME = v.nullish(v.string());

const PAGE = v.looseObject({ id: v.optional(v.string()), name: v.string(), url: v.string() });

const STATUS = v.looseObject({ indicator: v.string(), description: v.optional(v.string()) });

const COMPONENT = v.looseObject({
  id: v.string(),
  name: TEXT,
  status: v.string(),
  group_id: v.nullish(v.string()),
  group: v.optional(v.boolean()),
  components: v.optional(v.pipe(v.array(v.string()), v.maxLength(MAX_COMPONENTS))),
});

const AFFECTED = v.looseObject({ code: v.optional(v.string()), name: TEXT });

const UPDATE = v.looseObject({
  status: v.optional(v.string()),
  affected_components: v.nullish(v.pipe(v.array(AFFECTED), v.maxLength(MAX_AFFECTED))),
});

const INCIDENT = v.looseObject({
  id: v.string(),
  name: TEXT,
  status: v.string(),
  impact: v.optional(v.string()),
  shortlink: v.nullish(v.string()),
  created_at: OPTIONAL_TIME,
  started_at: OPTIONAL_TIME,
  updated_at: OPTIONAL_TIME,
  scheduled_for: OPTIONAL_TIME,
  scheduled_until: OPTIONAL_TIME,
  components: v.nullish(v.pipe(v.array(v.looseObject({ id: v.string(), name: TEXT })), v.maxLength(MAX_COMPONENTS))),
  incident_updates: v.nullish(v.pipe(v.array(UPDATE), v.maxLength(MAX_UPDATES))),
});

/**
 * `incidents` / `scheduled_maintenances` may be absent (trimmed mirrors, some incident.io pages):
 * absence is read as "none listed", and `coverage` still says the component list is authoritative.
 */
export const SUMMARY_SCHEMA = v.looseObject({
  // Only used for display; some compatibility endpoints trim it, and status + components identify the shape.
  page: v.optional(v.looseObject({ name: v.optional(v.string()), url: v.optional(v.string()) })),
  status: STATUS,
  components: v.pipe(v.array(COMPONENT), v.maxLength(MAX_COMPONENTS)),
  incidents: v.optional(v.pipe(v.array(INCIDENT), v.maxLength(MAX_INCIDENTS))),
  scheduled_maintenances: v.optional(v.pipe(v.array(INCIDENT), v.maxLength(MAX_INCIDENTS))),
});

export const STATUS_ONLY_SCHEMA = v.looseObject({ page: PAGE, status: STATUS });

export type SummaryPayload = v.InferOutput<typeof SUMMARY_SCHEMA>;
export type IncidentPayload = v.InferOutput<typeof INCIDENT>;
