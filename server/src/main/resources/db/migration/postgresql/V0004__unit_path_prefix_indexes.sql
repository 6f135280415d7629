-- LIKE 'prefix%' uses a b-tree only under the C collation; production databases are often
-- created with a language collation, so index the paths with text_pattern_ops as well.
CREATE INDEX ix_admin_unit_path_prefix ON admin_unit (path text_pattern_ops);
CREATE INDEX ix_audit_event_unit_path_prefix ON audit_event (unit_path text_pattern_ops);
