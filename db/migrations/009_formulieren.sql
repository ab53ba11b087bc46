-- 009_formulieren: form definitions as published data, and filled forms.
--
-- A form definition is a forms/<profiel>/<code>.form file (libconfig,
-- balie-forms(5)).  `balie admin forms load` stores its text as a new
-- version when it changed; a filled form points at the version it was filled
-- against, so it still renders after the definition changes.  Only the
-- newest version of a code is `actief` (offered for new forms).
--
-- Values are text in one canonical form per field type (core/form.h is the
-- authority; listed here so SQL readers and reports agree):
--   text, e-mail, phone, postcode, BRIN  as typed after normalisation
--   date      ISO 'YYYY-MM-DD'
--   yes/no    'ja' | 'nee'
--   choice    the choice's text; multiple choice: the chosen texts joined by
--             a newline, in the order of the definition
--   money     whole cents, e.g. '850000' for € 8.500,00
--   number    decimal integer
--   account   the account id
-- A field without a value has no row.
SET LOCAL ROLE balie_owner;

CREATE TABLE formulier_definitie (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	code           text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,63}$'), -- file name without .form
	naam           text NOT NULL CHECK (naam <> ''),
	versie         integer NOT NULL CHECK (versie >= 1),
	bron           text NOT NULL,          -- the file as loaded: old forms render from it
	bron_sha256    text NOT NULL CHECK (bron_sha256 ~ '^[0-9a-f]{64}$'),
	actief         boolean NOT NULL DEFAULT true,
	geladen_op     timestamptz NOT NULL DEFAULT now(),
	geladen_door   text NOT NULL,
	UNIQUE (organisatie_id, code, versie)
);
CREATE UNIQUE INDEX formulier_definitie_actief ON formulier_definitie (organisatie_id, code) WHERE actief;

-- A form attached to a hulpvraag.  `compleet` is what core/form decided at
-- the last save (every required field valid); a draft is simply not compleet.
CREATE TABLE formulier (
	id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	hulpvraag_id    bigint NOT NULL REFERENCES hulpvraag,
	organisatie_id  bigint NOT NULL REFERENCES organisatie,
	definitie_id    bigint NOT NULL REFERENCES formulier_definitie,
	compleet        boolean NOT NULL DEFAULT false,
	aangemaakt_door bigint REFERENCES account,
	aangemaakt_op   timestamptz NOT NULL DEFAULT now(),
	gewijzigd_door  bigint REFERENCES account,
	gewijzigd_op    timestamptz NOT NULL DEFAULT now(),
	verwijderd_op   timestamptz,           -- soft removal, audited
	verwijderd_door bigint REFERENCES account,
	version         integer NOT NULL DEFAULT 1
);
CREATE INDEX formulier_hulpvraag ON formulier (hulpvraag_id);

CREATE TABLE formulier_waarde (
	formulier_id   bigint NOT NULL REFERENCES formulier ON DELETE CASCADE,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	veld           text NOT NULL CHECK (veld ~ '^[a-z0-9_]{1,64}$'),
	waarde         text NOT NULL CHECK (length(waarde) <= 20000),
	PRIMARY KEY (formulier_id, veld)
);

ALTER TABLE formulier ENABLE ROW LEVEL SECURITY;
ALTER TABLE formulier FORCE ROW LEVEL SECURITY;
ALTER TABLE formulier_waarde ENABLE ROW LEVEL SECURITY;
ALTER TABLE formulier_waarde FORCE ROW LEVEL SECURITY;
CREATE POLICY eigenaar ON formulier TO balie_owner USING (true) WITH CHECK (true);
CREATE POLICY eigenaar ON formulier_waarde TO balie_owner USING (true) WITH CHECK (true);
CREATE POLICY zichtbaar ON formulier TO balie_app, balie_report
	USING (EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = formulier.hulpvraag_id));
CREATE POLICY zichtbaar ON formulier_waarde TO balie_app, balie_report
	USING (EXISTS (SELECT 1 FROM formulier f WHERE f.id = formulier_waarde.formulier_id));

GRANT SELECT ON formulier_definitie TO balie_app, balie_report;
GRANT INSERT, UPDATE ON formulier_definitie TO balie_app;
GRANT SELECT, INSERT, UPDATE ON formulier TO balie_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON formulier_waarde TO balie_app;
GRANT SELECT ON formulier, formulier_waarde TO balie_report;

-- A saved or added form is a change to its hulpvraag: announce it on
-- balie_changes like migration 004 does, ids only.
CREATE FUNCTION notify_formulier() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('balie_changes', format('hulpvraag %s %s', NEW.hulpvraag_id, NEW.organisatie_id));
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION notify_formulier() FROM PUBLIC;
CREATE TRIGGER notify_formulier AFTER INSERT OR UPDATE ON formulier
	FOR EACH ROW EXECUTE FUNCTION notify_formulier();
