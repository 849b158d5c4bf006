// The referral network's writes: each takes the batch's rows as one JSON array ($1), so a batch
// of any size is a handful of statements. Arrays travel as JSON arrays and become text[].

const textArray = (column: string) => `ARRAY(SELECT jsonb_array_elements_text(r.${column}))`;

export const UPSERT_FACILITIES = `
INSERT INTO facilities (facility_id, name, kind, level, district_id, grid_id, latitude, longitude, capabilities, community_ids, registered_at)
SELECT r.facility_id, r.name, r.kind, r.level, r.district_id, r.grid_id, r.latitude, r.longitude, ${textArray('capabilities')}, ${textArray('community_ids')}, r.registered_at
FROM jsonb_to_recordset($1::jsonb) AS r(facility_id text, name text, kind text, level text, district_id text, grid_id text,
  latitude double precision, longitude double precision, capabilities jsonb, community_ids jsonb, registered_at timestamptz)
ON CONFLICT (facility_id) DO UPDATE SET
  name = EXCLUDED.name, kind = EXCLUDED.kind, level = EXCLUDED.level, district_id = EXCLUDED.district_id, grid_id = EXCLUDED.grid_id,
  latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, capabilities = EXCLUDED.capabilities, community_ids = EXCLUDED.community_ids,
  registered_at = EXCLUDED.registered_at`;

export const UPSERT_CAPACITY = `
INSERT INTO facility_capacity (facility_id, icu_beds_open, icu_beds_occupied, icu_beds_held, critical_care_doctors, critical_care_nurses,
  facility_revision, updated_at)
SELECT r.facility_id, r.icu_beds_open, r.icu_beds_occupied, r.icu_beds_held, r.critical_care_doctors, r.critical_care_nurses, r.facility_revision, r.updated_at
FROM jsonb_to_recordset($1::jsonb) AS r(facility_id text, icu_beds_open int, icu_beds_occupied int, icu_beds_held int, critical_care_doctors int,
  critical_care_nurses int, facility_revision int, updated_at timestamptz)
ON CONFLICT (facility_id) DO UPDATE SET
  icu_beds_open = EXCLUDED.icu_beds_open, icu_beds_occupied = EXCLUDED.icu_beds_occupied, icu_beds_held = EXCLUDED.icu_beds_held,
  critical_care_doctors = EXCLUDED.critical_care_doctors, critical_care_nurses = EXCLUDED.critical_care_nurses,
  facility_revision = EXCLUDED.facility_revision, updated_at = EXCLUDED.updated_at`;

export const UPSERT_GRIDS = `
INSERT INTO grids (grid_id, name, district_ids, lead_facility_id, facility_ids, community_ids, neighbour_grid_ids, defined_at)
SELECT r.grid_id, r.name, ${textArray('district_ids')}, r.lead_facility_id, ${textArray('facility_ids')}, ${textArray('community_ids')},
  ${textArray('neighbour_grid_ids')}, r.defined_at
FROM jsonb_to_recordset($1::jsonb) AS r(grid_id text, name text, district_ids jsonb, lead_facility_id text, facility_ids jsonb, community_ids jsonb,
  neighbour_grid_ids jsonb, defined_at timestamptz)
ON CONFLICT (grid_id) DO UPDATE SET
  name = EXCLUDED.name, district_ids = EXCLUDED.district_ids, lead_facility_id = EXCLUDED.lead_facility_id, facility_ids = EXCLUDED.facility_ids,
  community_ids = EXCLUDED.community_ids, neighbour_grid_ids = EXCLUDED.neighbour_grid_ids, defined_at = EXCLUDED.defined_at`;

/** Facilities registered before the grid that names them learn their grid here. */
export const SET_FACILITY_GRIDS = `
UPDATE facilities f SET grid_id = m.grid_id
FROM unnest($1::text[], $2::text[]) AS m(facility_id, grid_id)
WHERE f.facility_id = m.facility_id`;

export const UPSERT_GRID_COMMUNITIES = `
INSERT INTO grid_communities (community_id, grid_id)
SELECT * FROM unnest($1::text[], $2::text[])
ON CONFLICT (community_id) DO UPDATE SET grid_id = EXCLUDED.grid_id`;

export const INSERT_COMMUNITY_FACILITIES = `
INSERT INTO community_facilities (community_id, facility_id)
SELECT * FROM unnest($1::text[], $2::text[])
ON CONFLICT DO NOTHING`;

export const LOAD_CAPACITY = `SELECT * FROM facility_capacity WHERE facility_id = ANY($1::text[])`;

export const LOAD_GRID_OF_FACILITIES = `
SELECT g.grid_id, m.facility_id FROM grids g CROSS JOIN LATERAL unnest(g.facility_ids) AS m(facility_id)
WHERE m.facility_id = ANY($1::text[])`;
