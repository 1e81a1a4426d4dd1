-- The audit log is append-only, enforced by the database and not only by the app's habits:
-- no row may be deleted or changed. The one change allowed is the one the foreign key makes
-- itself: forgetting the id of a deleted user (ON DELETE SET NULL on actor_id).
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_events is append-only: rows cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.actor_id IS NOT NULL AND NEW.actor_id IS NULL
     AND (NEW.id, NEW.occurred_at, NEW.actor_ip, NEW.action, NEW.entity_type, NEW.entity_id, NEW.city_id, NEW.case_id, NEW.data)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.occurred_at, OLD.actor_ip, OLD.action, OLD.entity_type, OLD.entity_id, OLD.city_id, OLD.case_id, OLD.data) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: rows cannot be changed' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
