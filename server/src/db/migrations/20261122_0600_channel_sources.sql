-- Which channel record an arrival, an application and a placement belong to (issue 4). `channel`
-- says the kind (base, school, training, survey, agency …); `*_ref` / `source_ref` names the record
-- of that kind — the labour base, the school, the training programme, the survey campaign, the
-- agency — so that the bureau measures each base and school, not only the kind. No foreign key:
-- the reference is polymorphic over the channel tables; the channel modules write it.
ALTER TABLE workers ADD COLUMN source_ref uuid;
ALTER TABLE worker_channels ADD COLUMN source_ref uuid;
ALTER TABLE worker_imports ADD COLUMN source_ref uuid;
ALTER TABLE applications ADD COLUMN channel_ref uuid;
ALTER TABLE placements ADD COLUMN channel_ref uuid;

-- Base and school staff see the workers that arrived through their base or school (scoping).
CREATE INDEX worker_channels_source_idx ON worker_channels (source_ref, channel) WHERE source_ref IS NOT NULL;
-- Delivered counts and channel effectiveness group by (channel, record).
CREATE INDEX applications_channel_ref_idx ON applications (channel_ref, channel) WHERE channel_ref IS NOT NULL;
CREATE INDEX placements_channel_ref_idx ON placements (channel_ref, channel, hired_on) WHERE channel_ref IS NOT NULL;

-- Backfill: agency candidates already in the marketplace belong to the agency that submitted them.
UPDATE applications a SET channel_ref = s.agency_id
FROM marketplace_submissions s
WHERE s.application_id = a.id AND a.channel = 'agency' AND a.channel_ref IS NULL;
UPDATE placements p SET channel_ref = a.channel_ref
FROM applications a
WHERE a.id = p.application_id AND p.channel_ref IS NULL AND a.channel_ref IS NOT NULL;
UPDATE worker_channels wc SET source_ref = u.agency_id
FROM users u
WHERE u.id = wc.registered_by AND wc.channel = 'agency' AND u.agency_id IS NOT NULL AND wc.source_ref IS NULL;
UPDATE workers w SET source_ref = wc.source_ref
FROM worker_channels wc
WHERE wc.worker_id = w.id AND wc.channel = w.source_channel AND wc.source_ref IS NOT NULL AND w.source_ref IS NULL;
