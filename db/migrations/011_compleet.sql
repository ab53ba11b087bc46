-- 011_compleet: the completeness checklist of each aanvraagtype, published
-- from the `compleet` section of its .flow file (core/compleet.h,
-- balie-forms(5)) so the running program evaluates it without the files.
--
-- flow_status.controleren: an intake status; hulpvragen in it are on the
--   "te controleren" list of the secretariaat.
-- flow_status.aanvulling: the status "aanvulling vragen" moves to (at most
--   one per aanvraagtype; the flow loader checks it).
-- compleet_regel: one checklist item (omschrijving for the back office,
--   melding for the aanvrager), optionally only in some statuses.
-- compleet_voorwaarde: its alternatives (the item is met when one holds);
--   soort is the rule key of the flow file (core/compleet.c
--   compleet_kind_names), regel the line in the source file.
SET LOCAL ROLE balie_owner;

ALTER TABLE flow_status ADD COLUMN controleren boolean NOT NULL DEFAULT false;
ALTER TABLE flow_status ADD COLUMN aanvulling boolean NOT NULL DEFAULT false;

CREATE TABLE compleet_regel (
	aanvraagtype_id bigint NOT NULL REFERENCES aanvraagtype ON DELETE CASCADE,
	nr              integer NOT NULL CHECK (nr >= 1),
	omschrijving    text NOT NULL CHECK (omschrijving <> ''),
	melding         text NOT NULL CHECK (melding <> ''),
	alleen_in       text[] NOT NULL DEFAULT '{}',
	PRIMARY KEY (aanvraagtype_id, nr)
);

CREATE TABLE compleet_voorwaarde (
	aanvraagtype_id bigint NOT NULL,
	nr              integer NOT NULL,
	alt             integer NOT NULL CHECK (alt >= 1),
	soort           text NOT NULL CHECK (soort IN ('bijlage', 'formulier', 'veld', 'basisgegeven',
	                                               'schoolgegevens', 'actueel', 'max_bijlagen',
	                                               'bestandsnamen', 'titel_zonder_naam')),
	arg             text,
	veld            text,
	waarde          text,
	eerste          boolean NOT NULL DEFAULT false,
	getal           integer NOT NULL DEFAULT 0,
	regel           integer NOT NULL DEFAULT 0,
	PRIMARY KEY (aanvraagtype_id, nr, alt),
	FOREIGN KEY (aanvraagtype_id, nr) REFERENCES compleet_regel ON DELETE CASCADE
);

GRANT SELECT ON compleet_regel, compleet_voorwaarde TO balie_app, balie_report;
GRANT INSERT ON compleet_regel, compleet_voorwaarde TO balie_app;
