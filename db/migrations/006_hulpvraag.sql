-- 006_hulpvraag: what the hulpvraag screen and the intake need.
--
-- aanvraagtype.coordinator_scholenkring: the flow says "coordinator =
--   scholenkring" (core/flow.h FLOW_COORD_SCHOLENKRING): a new hulpvraag of
--   this type gets the coördinator of its school's scholenkring (004 §7.1).
-- hulpvraag.gewijzigd_door: the acting account of the last change, set by
--   the database itself, so a person whose save lost the version race can
--   be told who changed the hulpvraag in between ("Intussen gewijzigd door
--   …").  An account id, nothing personal.
-- An index for finding a dossier by geboortedatum at intake.
SET LOCAL ROLE balie_owner;

ALTER TABLE aanvraagtype ADD COLUMN coordinator_scholenkring boolean NOT NULL DEFAULT false;

ALTER TABLE hulpvraag ADD COLUMN gewijzigd_door bigint REFERENCES account;

CREATE FUNCTION hulpvraag_gewijzigd_door() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	NEW.gewijzigd_door := coalesce(balie.acting_account(), NEW.gewijzigd_door);
	RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION hulpvraag_gewijzigd_door() FROM PUBLIC;
CREATE TRIGGER hulpvraag_gewijzigd_door BEFORE INSERT OR UPDATE ON hulpvraag
	FOR EACH ROW EXECUTE FUNCTION hulpvraag_gewijzigd_door();

CREATE INDEX dossier_org_geboortedatum ON dossier (organisatie_id, geboortedatum);
