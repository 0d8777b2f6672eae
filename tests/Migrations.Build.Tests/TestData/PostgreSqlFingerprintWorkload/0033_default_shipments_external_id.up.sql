ALTER TABLE shipments ALTER COLUMN external_id SET DEFAULT gen_random_uuid();

