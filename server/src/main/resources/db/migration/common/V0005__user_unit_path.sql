-- Users carry their unit's path so that scope filters on users never join the units table of
-- another feature; geo's UnitsRepathed event keeps it current when units move.
ALTER TABLE app_user ADD COLUMN unit_path VARCHAR(600);
UPDATE app_user SET unit_path = (SELECT a.path FROM admin_unit a WHERE a.id = app_user.unit_id);
ALTER TABLE app_user ALTER COLUMN unit_path SET NOT NULL;
CREATE INDEX ix_app_user_unit_path ON app_user (unit_path);
