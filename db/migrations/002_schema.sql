-- 002_schema: the tables of balie.
--
-- Conventions: every table users edit has `version integer` (optimistic
-- locking: UPDATE … WHERE id = $1 AND version = $2); money is integer cents
-- (CHECK >= 0); dates are `date`, moments `timestamptz`.  Every row that holds
-- pupil or hulpvraag data carries organisatie_id so row-level security
-- (003_rls.sql) can decide visibility without joins where possible.
SET LOCAL ROLE balie_owner;

CREATE TABLE organisatie (
	id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	code    text NOT NULL UNIQUE CHECK (code ~ '^(PO|VO)[0-9]{4}$'),
	naam    text NOT NULL CHECK (naam <> ''),
	profiel text NOT NULL,                -- folder in forms/: po3008, generiek, …
	version integer NOT NULL DEFAULT 1
);

CREATE TABLE account (
	id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	username        text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{2,64}$'),
	naam            text NOT NULL CHECK (naam <> ''),
	email           text CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
	wachtwoord_hash text NOT NULL CHECK (wachtwoord_hash LIKE '$argon2id$%'),
	totp_secret     text,                 -- base32, NULL = no 2FA
	totp_last_step  bigint,               -- last accepted time step: a code is never accepted twice
	failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
	blocked         boolean NOT NULL DEFAULT false,
	blocked_at      timestamptz,
	last_login      timestamptz,
	created_at      timestamptz NOT NULL DEFAULT now(),
	version         integer NOT NULL DEFAULT 1
);

-- Failed logins for usernames that do not exist, counted like real ones so
-- that "geblokkeerd" after five attempts tells nothing about which accounts
-- exist.  Keyed by a SHA-256 of the typed name: people type passwords into
-- the username field, and those must not be stored.
CREATE TABLE login_onbekend (
	naam_sha256 text PRIMARY KEY CHECK (naam_sha256 ~ '^[0-9a-f]{64}$'),
	mislukt     integer NOT NULL DEFAULT 0,
	laatste     timestamptz NOT NULL DEFAULT now()
);

-- Roles per organisatie.  Back office: secretariaat, financieel, coordinator,
-- admin.  Outside it: aanvrager (a school), ouder, extern.
CREATE TABLE account_rol (
	account_id     bigint NOT NULL REFERENCES account ON DELETE CASCADE,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	rol            text NOT NULL CHECK (rol IN ('secretariaat', 'financieel', 'coordinator',
	                                            'admin', 'aanvrager', 'ouder', 'extern')),
	PRIMARY KEY (account_id, organisatie_id, rol)
);
CREATE INDEX account_rol_org ON account_rol (organisatie_id, rol);

CREATE TABLE schoolbestuur (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	naam           text NOT NULL CHECK (naam <> ''),
	bevoegd_gezag  text CHECK (bevoegd_gezag ~ '^[0-9]{5}$'),
	email_financieel text,
	version        integer NOT NULL DEFAULT 1,
	UNIQUE (organisatie_id, naam)
);

-- A scholenkring groups municipalities; new hulpvragen of its schools go to
-- its coördinator (seed 004 §7.1).
CREATE TABLE scholenkring (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	naam           text NOT NULL CHECK (naam <> ''),
	gemeenten      text[] NOT NULL DEFAULT '{}',
	coordinator_id bigint REFERENCES account,
	version        integer NOT NULL DEFAULT 1,
	UNIQUE (organisatie_id, naam)
);

CREATE TABLE school (
	id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id   bigint NOT NULL REFERENCES organisatie,
	schoolbestuur_id bigint NOT NULL REFERENCES schoolbestuur,
	scholenkring_id  bigint REFERENCES scholenkring,
	brin             text NOT NULL CHECK (brin ~ '^[0-9]{2}[A-Z]{2}$'),
	vestiging        text CHECK (vestiging ~ '^[0-9]{2}$'),
	naam             text NOT NULL CHECK (naam <> ''),
	soort            text NOT NULL DEFAULT 'bao' CHECK (soort IN ('bao', 'sbo', 'so', 'vo', 'vve')),
	plaats           text,
	gemeente         text,
	version          integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX school_brin ON school (organisatie_id, brin, coalesce(vestiging, ''));

-- Accounts of an aanvragende school are linked to that school.
CREATE TABLE account_school (
	account_id bigint NOT NULL REFERENCES account ON DELETE CASCADE,
	school_id  bigint NOT NULL REFERENCES school,
	PRIMARY KEY (account_id, school_id)
);

-- A dossier: niveau leerling, groep or school (seed 000, 001 §3).
CREATE TABLE dossier (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	niveau         text NOT NULL CHECK (niveau IN ('leerling', 'groep', 'school')),
	roepnaam       text,
	voornamen      text,
	tussenvoegsel  text,
	achternaam     text,
	geslacht       text CHECK (geslacht IN ('m', 'v', 'x')),
	geboortedatum  date CHECK (geboortedatum > DATE '1990-01-01'),
	email          text,
	telefoon       text,
	groepsnaam     text,                  -- niveau groep: "8D Kameleon"
	school_id      bigint REFERENCES school, -- niveau groep/school
	sorteernaam    text NOT NULL,         -- "berg jan van der": core/naam sort key
	created_at     timestamptz NOT NULL DEFAULT now(),
	version        integer NOT NULL DEFAULT 1,
	CHECK (niveau <> 'leerling' OR (roepnaam <> '' AND achternaam <> '')),
	CHECK (niveau <> 'groep' OR (groepsnaam <> '' AND school_id IS NOT NULL)),
	CHECK (niveau <> 'school' OR school_id IS NOT NULL)
);
CREATE INDEX dossier_org_naam ON dossier (organisatie_id, sorteernaam);

CREATE TABLE adres (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	dossier_id  bigint NOT NULL REFERENCES dossier ON DELETE CASCADE,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	soort       text NOT NULL CHECK (soort IN ('woonadres', 'postadres', 'beide')),
	straat      text NOT NULL,
	huisnummer  text NOT NULL,
	postcode    text NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'),
	plaats      text NOT NULL,
	vanaf       date NOT NULL,
	tot         date,
	version     integer NOT NULL DEFAULT 1,
	CHECK (tot IS NULL OR tot >= vanaf)
);
CREATE INDEX adres_dossier ON adres (dossier_id);

CREATE TABLE relatie (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	dossier_id  bigint NOT NULL REFERENCES dossier ON DELETE CASCADE,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	soort       text NOT NULL CHECK (soort IN ('ouder', 'verzorger', 'voogd')),
	naam        text NOT NULL,
	email       text,
	telefoon    text,
	gezag       boolean NOT NULL DEFAULT true,
	version     integer NOT NULL DEFAULT 1
);
CREATE INDEX relatie_dossier ON relatie (dossier_id);

-- Onderwijsloopbaan: which school, when, which leerjaar, who asked.
CREATE TABLE schoolgegevens (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	dossier_id     bigint NOT NULL REFERENCES dossier ON DELETE CASCADE,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	school_id      bigint NOT NULL REFERENCES school,
	vanaf          date NOT NULL,
	tot            date,
	leerjaar       text,
	aanvrager      text,
	contactpersoon text,
	email          text,
	telefoon       text,
	version        integer NOT NULL DEFAULT 1,
	CHECK (tot IS NULL OR tot >= vanaf)
);
CREATE INDEX schoolgegevens_dossier ON schoolgegevens (dossier_id, vanaf DESC);

-- Published flow definitions (forms/<profiel>/*.flow), one version per
-- `balie admin forms load`.  Hulpvragen point at the aanvraagtype row of the
-- version they were created under.
CREATE TABLE flow_version (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	versie         integer NOT NULL,
	geladen_op     timestamptz NOT NULL DEFAULT now(),
	geladen_door   text NOT NULL,
	bron_sha256    text NOT NULL,
	UNIQUE (organisatie_id, versie)
);

CREATE TABLE aanvraagtype (
	id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id  bigint NOT NULL REFERENCES organisatie,
	flow_version_id bigint NOT NULL REFERENCES flow_version,
	code            text NOT NULL,
	naam            text NOT NULL,
	categorie       text NOT NULL,
	eerste_status   text NOT NULL,
	UNIQUE (flow_version_id, code)
);

CREATE TABLE aanvraagtype_titel (
	aanvraagtype_id bigint NOT NULL REFERENCES aanvraagtype ON DELETE CASCADE,
	titel           text NOT NULL,
	PRIMARY KEY (aanvraagtype_id, titel)
);

CREATE TABLE flow_status (
	aanvraagtype_id bigint NOT NULL REFERENCES aanvraagtype ON DELETE CASCADE,
	naam            text NOT NULL,
	categorie       text NOT NULL,
	eindstatus      boolean NOT NULL DEFAULT false,
	verborgen       boolean NOT NULL DEFAULT false, -- not visible to the SWV (Voorlopige aanmelding)
	volgorde        integer NOT NULL,
	PRIMARY KEY (aanvraagtype_id, naam)
);

CREATE TABLE flow_transitie (
	aanvraagtype_id bigint NOT NULL,
	van             text NOT NULL,
	naar            text NOT NULL,
	rol             text NOT NULL,
	reden_verplicht boolean NOT NULL DEFAULT false,
	PRIMARY KEY (aanvraagtype_id, van, naar, rol),
	FOREIGN KEY (aanvraagtype_id, van) REFERENCES flow_status ON DELETE CASCADE,
	FOREIGN KEY (aanvraagtype_id, naar) REFERENCES flow_status ON DELETE CASCADE
);

CREATE TABLE hulpvraag (
	id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id  bigint NOT NULL REFERENCES organisatie,
	nummer          bigint NOT NULL,                 -- shown to people, per organisatie
	dossier_id      bigint NOT NULL REFERENCES dossier,
	aanvraagtype_id bigint NOT NULL REFERENCES aanvraagtype,
	titel           text NOT NULL CHECK (titel <> ''),
	omschrijving    text NOT NULL DEFAULT '',
	datum           date NOT NULL,                   -- received
	status          text NOT NULL,
	status_categorie text NOT NULL,
	status_sinds    timestamptz NOT NULL DEFAULT now(),
	voorlopig       boolean NOT NULL DEFAULT false,  -- Voorlopige aanmelding: hidden from the SWV
	coordinator_id  bigint REFERENCES account,
	aanvrager_id    bigint REFERENCES account,
	aanvrager_naam  text,
	aanvrager_email text,
	school_id       bigint REFERENCES school,
	geen_mail       boolean NOT NULL DEFAULT false,  -- aanvrager opted out of status mails (004 §7.2)
	eerste_reactie  timestamptz,                     -- for the 5-werkdagen norm (004 §7.5)
	created_at      timestamptz NOT NULL DEFAULT now(),
	updated_at      timestamptz NOT NULL DEFAULT now(),
	version         integer NOT NULL DEFAULT 1,
	UNIQUE (organisatie_id, nummer),
	FOREIGN KEY (aanvraagtype_id, status) REFERENCES flow_status (aanvraagtype_id, naam)
);
-- The queue queries: per status (category), per coördinator, newest/oldest
-- first, keyset-paginated on (datum, id).
CREATE INDEX hulpvraag_queue_status ON hulpvraag (organisatie_id, status_categorie, status, datum, id);
CREATE INDEX hulpvraag_queue_coord  ON hulpvraag (coordinator_id, status_categorie, datum, id);
CREATE INDEX hulpvraag_dossier      ON hulpvraag (dossier_id);
CREATE INDEX hulpvraag_aanvrager    ON hulpvraag (aanvrager_id) WHERE aanvrager_id IS NOT NULL;
CREATE INDEX hulpvraag_school       ON hulpvraag (school_id, datum);

-- Links that make a hulpvraag visible to an external account: an aanpak
-- (behandelaar), a vergadering, an overlegronde or extra toegang, each
-- possibly until an end date.  Later issues add the objects behind them.
CREATE TABLE hulpvraag_toegang (
	hulpvraag_id bigint NOT NULL REFERENCES hulpvraag ON DELETE CASCADE,
	account_id   bigint NOT NULL REFERENCES account,
	soort        text NOT NULL CHECK (soort IN ('aanpak', 'vergadering', 'overlegronde', 'extra_toegang')),
	tot          date,
	PRIMARY KEY (hulpvraag_id, account_id, soort)
);
CREATE INDEX hulpvraag_toegang_account ON hulpvraag_toegang (account_id);

CREATE TABLE statushistorie (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	hulpvraag_id   bigint NOT NULL REFERENCES hulpvraag,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	van            text,                 -- NULL for the first status
	naar           text NOT NULL,
	door           bigint REFERENCES account, -- NULL = automatisch
	op             timestamptz NOT NULL DEFAULT now(),
	reden          text NOT NULL DEFAULT ''
);
CREATE INDEX statushistorie_hulpvraag ON statushistorie (hulpvraag_id, op);

CREATE TABLE label (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	naam           text NOT NULL CHECK (naam <> '' AND length(naam) <= 40),
	version        integer NOT NULL DEFAULT 1,
	UNIQUE (organisatie_id, naam)
);

CREATE TABLE hulpvraag_label (
	hulpvraag_id   bigint NOT NULL REFERENCES hulpvraag ON DELETE CASCADE,
	label_id       bigint NOT NULL REFERENCES label ON DELETE CASCADE,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	PRIMARY KEY (hulpvraag_id, label_id)
);
CREATE INDEX hulpvraag_label_label ON hulpvraag_label (label_id);

-- Bijlagen: metadata here, the bytes in bijlage_inhoud so lists never drag
-- content along.  Never overwritten; removal is soft.
CREATE TABLE bijlage (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	hulpvraag_id   bigint NOT NULL REFERENCES hulpvraag,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	naam           text NOT NULL CHECK (naam <> '' AND naam !~ '[/\\]'),
	grootte        bigint NOT NULL CHECK (grootte >= 0 AND grootte <= 10 * 1024 * 1024),
	sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
	mime           text NOT NULL,
	categorie      text NOT NULL CHECK (categorie IN ('OPP', 'onderzoeksverslag', 'toetsgegevens', 'plan',
	                                                  'ondertekening', 'zienswijze', 'beschikking', 'overig')),
	geupload_door  bigint REFERENCES account,
	geupload_op    timestamptz NOT NULL DEFAULT now(),
	verwijderd_op  timestamptz,
	verwijderd_door bigint REFERENCES account,
	version        integer NOT NULL DEFAULT 1
);
CREATE INDEX bijlage_hulpvraag ON bijlage (hulpvraag_id);

CREATE TABLE bijlage_inhoud (
	bijlage_id     bigint PRIMARY KEY REFERENCES bijlage,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	inhoud         bytea NOT NULL CHECK (octet_length(inhoud) <= 10 * 1024 * 1024)
);

-- Private notes per user ("mijn notities", 004 §7.3).
CREATE TABLE notitie (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	hulpvraag_id   bigint NOT NULL REFERENCES hulpvraag ON DELETE CASCADE,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	account_id     bigint NOT NULL REFERENCES account,
	tekst          text NOT NULL,
	version        integer NOT NULL DEFAULT 1,
	UNIQUE (hulpvraag_id, account_id)
);

-- Mails waiting for `balie mail`.  No pupil name in onderwerp (checked).
CREATE TABLE outbox (
	id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id  bigint NOT NULL REFERENCES organisatie,
	hulpvraag_id    bigint REFERENCES hulpvraag,
	aan             text NOT NULL CHECK (aan ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
	onderwerp       text NOT NULL CHECK (onderwerp !~ '[\r\n]'),
	tekst           text NOT NULL,
	aangemaakt_op   timestamptz NOT NULL DEFAULT now(),
	volgende_poging timestamptz NOT NULL DEFAULT now(),
	pogingen        integer NOT NULL DEFAULT 0,
	laatste_fout    text,
	verzonden_op    timestamptz
);
CREATE INDEX outbox_pending ON outbox (volgende_poging) WHERE verzonden_op IS NULL;

-- Who did what, insert-only for the application.
CREATE TABLE audit_log (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	op             timestamptz NOT NULL DEFAULT now(),
	account_id     bigint REFERENCES account,
	organisatie_id bigint REFERENCES organisatie,
	actie          text NOT NULL,        -- "login", "login-mislukt", "user-add", "status", …
	object         text,                 -- "hulpvraag", "account", …
	object_id      bigint,
	detail         text NOT NULL DEFAULT '' -- ids and codes only, never a pupil name
);
CREATE INDEX audit_log_op ON audit_log (op);

-- Counts per organisatie and status, kept up to date by triggers so the home
-- screen and the status tree never COUNT(*) the big table.
CREATE TABLE hulpvraag_telling (
	organisatie_id   bigint NOT NULL REFERENCES organisatie,
	status_categorie text NOT NULL,
	status           text NOT NULL,
	voorlopig        boolean NOT NULL,
	aantal           bigint NOT NULL DEFAULT 0 CHECK (aantal >= 0),
	PRIMARY KEY (organisatie_id, status_categorie, status, voorlopig)
);

-- Hulpvraag numbers per organisatie (shown as "2026-00123" style by the UI).
CREATE TABLE hulpvraag_nummer (
	organisatie_id bigint PRIMARY KEY REFERENCES organisatie,
	laatste        bigint NOT NULL DEFAULT 0
);
