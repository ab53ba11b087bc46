#!/bin/sh
# 85_connection_test.sh — the terminal and the connection: the PostgreSQL
# server restarts while the coördinator types a reden; the banner says so,
# the typed text stays, and after the reconnect the save goes through (the
# statushistorie in the database has it).  `balie demo --mail` delivers the
# status mail into the demo folder, without the pupil's name in the Subject.
# A COMMIT cut off by a killed backend is never reported as saved: after the
# reconnect balie finds out and says "NIET bewaard".  A killed backend:
# banner, reconnect, counts reloaded.  Changes by another
# session show as unread in the status bar until the werkvoorraad is seen.
# r reconnects at once instead of after the back-off.  NO_COLOR=1 with
# TERM=vt100: login and home are usable, the cursor row in reverse video.
. "$(dirname "$0")/lib.sh"

ORG="(SELECT id FROM balie.organisatie WHERE code = 'PO3008')"
BANNER="Verbinding met de database verbroken"

# A PO3008 hulpvraag the coördinator may move on, whose aanvrager wants mail
# (from the end, away from 80_hulpvraag_test's): "nummer|first status of the menu".
pick=$(demo_psql "SELECT h.nummer || '|' || (SELECT t.naar FROM balie.flow_transitie t
	    JOIN balie.flow_status s ON s.aanvraagtype_id = t.aanvraagtype_id AND s.naam = t.naar
	   WHERE t.aanvraagtype_id = h.aanvraagtype_id AND t.van = h.status AND t.rol = 'coordinator'
	   ORDER BY s.volgorde, t.rol LIMIT 1)
	  FROM balie.hulpvraag h
	 WHERE h.organisatie_id = $ORG AND NOT h.voorlopig AND NOT h.geen_mail AND h.aanvrager_email IS NOT NULL
	   AND EXISTS (SELECT 1 FROM balie.flow_transitie t WHERE t.aanvraagtype_id = h.aanvraagtype_id
	                  AND t.van = h.status AND t.rol = 'coordinator')
	 ORDER BY h.nummer DESC LIMIT 1")
NUMMER=${pick%%|*}
NAAR=${pick#*|}
check "demodata heeft een hulpvraag die de coördinator kan doorzetten ($pick)" [ -n "$NUMMER" -a -n "$NAAR" ]
# a tag of this run: the reden is unique even in a demo database used before
RUN=$$
REDEN1="Gesprek met ouders"
REDEN2=" en de IB'er ($RUN)"

cluster() {
	(cd "$TUI_ROOT" && "$TUI_BALIE" admin cluster "$1" "$BALIE_DEMO_DIR") >"$TUI_SCRATCH/cluster-$1.log" 2>&1
}

# ---- (a) the server restarts while a reden is typed ---------------------------
tui_demo conn 80 24
tui_login coordinator demo
check "overzicht na aanmelden" wait_for "Totaal" 20
check "statusbalk: verbonden" screen_has "verbonden"
tui_keys o
wait_for "Nummer van de hulpvraag" 5
tui_type "$NUMMER"
tui_keys Enter
check "hulpvraag $NUMMER geopend" wait_for "Hulpvraag $NUMMER ·" 10
tui_keys s
check "statusmenu toont $NAAR" wait_for "$NAAR" 10
tui_keys Enter
check "reden-dialoog" wait_for "F2/Ctrl-D: bewaren" 5
tui_type "$REDEN1"
check "reden getypt" wait_for "$REDEN1" 5

check "server gestopt" cluster stop
check "banner verschijnt zonder toets" wait_for "$BANNER" 15
check "banner noemt het opnieuw verbinden" screen_has "opnieuw verbinden"
status_lost() { tui_screen | grep -qE 'verbinding verbroken|opnieuw verbinden…'; }
check "statusbalk: verbinding verbroken of opnieuw verbinden" status_lost
check "de getypte reden staat er nog" screen_has "$REDEN1"
tui_type "$REDEN2"
tui_keys F2
check "bewaren zonder verbinding: de dialoog zegt het" wait_for "Geen verbinding" 10
check "… en houdt de tekst" screen_has "$REDEN1$REDEN2"

check "server weer gestart" cluster start
check "banner verdwijnt na het opnieuw verbinden" wait_gone "$BANNER" 40
check "statusbalk: verbonden" wait_for "verbonden" 5
check "de reden staat er na het herstel nog" screen_has "$REDEN1$REDEN2"
tui_keys F2
check "na herstel bewaard" wait_for "Status gewijzigd" 15
check "nieuwe status in de kop" screen_has "Status: $NAAR"
hist=$(demo_psql "SELECT count(*) FROM balie.statushistorie s JOIN balie.hulpvraag h ON h.id = s.hulpvraag_id
	 WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER AND s.naar = '$NAAR'
	   AND s.reden = 'Gesprek met ouders en de IB''er ($RUN)'")
check "database: statushistorie heeft de wijziging met de hele reden ($hist)" [ "$hist" = 1 ]

# ---- (b) balie demo --mail delivers the status mail ---------------------------
out=$(cd "$TUI_ROOT" && "$TUI_BALIE" demo --mail 2>&1)
has() { printf '%s\n' "$1" | grep -qF -- "$2"; }
check "balie demo --mail levert af ($out)" has "$out" "afgeleverd in"
maildir=$BALIE_DEMO_DIR/mail
# Subject as text: folded lines joined, RFC 2047 base64 words decoded.
subject_of() {
	_s=$(sed -n '/^$/q; /^Subject:/,/^[^ 	]/p' "$1" | sed '1!{/^[^ 	]/d}' | tr -d '\n' | sed 's/^Subject: *//')
	case $_s in
	*'=?UTF-8?B?'*)
		printf '%s\n' "$_s" | sed 's/?= *=?UTF-8?B?/\n/g; s/=?UTF-8?B?//g; s/?=//g' |
			while IFS= read -r w || [ -n "$w" ]; do printf '%s' "$w" | base64 -d; done ;;
	*) printf '%s' "$_s" ;;
	esac
}
# Body as text: quoted-printable decoded (soft breaks joined, =XX bytes).
body_of() {
	sed '1,/^$/d' "$1" | sed -e ':a' -e '/=$/{N;s/=\n//;ba' -e '}' | LC_ALL=C awk '{
		out = ""
		while (match($0, /=[0-9A-F][0-9A-F]/)) {
			h = substr($0, RSTART + 1, 2)
			out = out substr($0, 1, RSTART - 1) sprintf("%c", index("0123456789ABCDEF", substr(h, 1, 1)) * 16 - 17 + index("0123456789ABCDEF", substr(h, 2, 1)))
			$0 = substr($0, RSTART + 3)
		}
		print out $0
	}'
}
mail=
for f in "$maildir"/*.eml; do
	[ -f "$f" ] || continue
	if subject_of "$f" | grep -qF -- "$NUMMER" && body_of "$f" | grep -qF -- "($RUN)"; then
		mail=$f
	fi
done
check "mailbestand voor hulpvraag $NUMMER in $maildir" [ -n "$mail" ]
if [ -n "$mail" ]; then
	check "de mail noemt de nieuwe status $NAAR" has "$(body_of "$mail")" "$NAAR"
	check "afzender is het demo-secretariaat" grep -q '^From:.*secretariaat@swv-demo.example' "$mail"
	names=$(demo_psql "SELECT d.roepnaam || '|' || d.achternaam FROM balie.hulpvraag h
		 JOIN balie.dossier d ON d.id = h.dossier_id WHERE h.organisatie_id = $ORG AND h.nummer = $NUMMER")
	subj=$(subject_of "$mail")
	no_name() { [ -n "$subj" ] && [ -n "$names" ] && ! has "$subj" "${names%%|*}" && ! has "$subj" "${names#*|}"; }
	check "Subject zonder roepnaam en achternaam ($subj; leerling: $names)" no_name
fi
again=$(cd "$TUI_ROOT" && "$TUI_BALIE" demo --mail 2>&1)
check "tweede keer: niets meer te verzenden ($again)" has "$again" "Demo-mail: 0 berichten"

# ---- (e) the connection breaks during COMMIT: never "bewaard" ------------------
# A deferred trigger makes COMMIT of a status change take 5 s; the backend is
# killed while it waits, so the client cannot know whether it got in.  (The
# change is one statement, status_wijzigen of migration 008, in its own
# implicit transaction: its COMMIT runs while that statement is active.)
pick2=$(demo_psql "SELECT h.nummer || '|' || (SELECT t.naar FROM balie.flow_transitie t
	    JOIN balie.flow_status s ON s.aanvraagtype_id = t.aanvraagtype_id AND s.naam = t.naar
	   WHERE t.aanvraagtype_id = h.aanvraagtype_id AND t.van = h.status AND t.rol = 'coordinator'
	   ORDER BY s.volgorde, t.rol LIMIT 1)
	  FROM balie.hulpvraag h
	 WHERE h.organisatie_id = $ORG AND NOT h.voorlopig AND h.nummer <> $NUMMER
	   AND EXISTS (SELECT 1 FROM balie.flow_transitie t WHERE t.aanvraagtype_id = h.aanvraagtype_id
	                  AND t.van = h.status AND t.rol = 'coordinator')
	 ORDER BY h.nummer DESC LIMIT 1")
N2=${pick2%%|*}
status2=$(demo_psql "SELECT status FROM balie.hulpvraag WHERE organisatie_id = $ORG AND nummer = $N2")
demo_psql "CREATE FUNCTION balie.test_slow_commit() RETURNS trigger LANGUAGE plpgsql AS
	     \$\$BEGIN PERFORM pg_sleep(5); RETURN NULL; END\$\$;
	   CREATE CONSTRAINT TRIGGER test_slow_commit AFTER INSERT ON balie.statushistorie
	     DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION balie.test_slow_commit()" >/dev/null
tui_keys Escape
wait_for "Totaal" 10
tui_keys o
wait_for "Nummer van de hulpvraag" 5
tui_type "$N2"
tui_keys Enter
check "hulpvraag $N2 geopend ($pick2)" wait_for "Hulpvraag $N2 ·" 10
tui_keys s
wait_for "Status wijzigen" 10
tui_keys Enter
wait_for "F2/Ctrl-D: bewaren" 5
tui_type "Afgebroken tijdens COMMIT ($RUN)"
tui_keys F2
killed=$(kill_active "query = 'COMMIT' OR query LIKE 'SELECT * FROM status_wijzigen(%'")
check "backend afgebroken tijdens COMMIT ($killed)" [ "$killed" = 1 ]
check "balie gaat het na en zegt: niet bewaard" wait_for "Statuswijziging niet bewaard" 20
check "en nergens 'Status gewijzigd'" screen_lacks "Status gewijzigd"
check "de dialoog blijft open met de reden" screen_has_all "Afgebroken tijdens COMMIT" "F2/Ctrl-D: bewaren"
demo_psql "DROP TRIGGER test_slow_commit ON balie.statushistorie; DROP FUNCTION balie.test_slow_commit()" >/dev/null
now2=$(demo_psql "SELECT status FROM balie.hulpvraag WHERE organisatie_id = $ORG AND nummer = $N2")
check "database: status ongewijzigd ($status2)" [ "$now2" = "$status2" ]
tui_keys F2
check "F2 bewaart de reden alsnog" wait_for "Status gewijzigd" 15
hist2=$(demo_psql "SELECT count(*) FROM balie.statushistorie s JOIN balie.hulpvraag h ON h.id = s.hulpvraag_id
	 WHERE h.organisatie_id = $ORG AND h.nummer = $N2 AND s.reden = 'Afgebroken tijdens COMMIT ($RUN)'")
check "database: precies één statushistorie-rij met die reden ($hist2)" [ "$hist2" = 1 ]

# ---- (d) a killed backend: banner, reconnect, counts reloaded ----------------
tui_keys Escape
check "terug in het overzicht" wait_for "Totaal" 10
when0=$(tui_screen | sed -n 's/.*bijgewerkt \([0-9:]*\).*/\1/p')
demo_psql "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
	    WHERE datname = 'balie_demo' AND usename = 'balie_app'" >/dev/null
check "verbroken backend: banner verschijnt" wait_for "$BANNER" 15
check "banner verdwijnt vanzelf" wait_gone "$BANNER" 20
check "statusbalk weer verbonden" wait_for "verbonden" 5
reloaded() { [ -n "$when0" ] && tui_screen | grep 'bijgewerkt' | grep -vqF -- "bijgewerkt $when0"; }
check "aantallen opnieuw geladen (bijgewerkt $when0 → …)" reloaded
# after the reconnect LISTEN works again: a change by someone else is unread
demo_psql "UPDATE balie.hulpvraag SET omschrijving = omschrijving || '.'
	    WHERE organisatie_id = $ORG AND nummer = $NUMMER" >/dev/null
check "wijziging door een ander: '1 gewijzigd' in de statusbalk" wait_for "1 gewijzigd" 10
tui_keys w
check "werkvoorraad geopend" wait_for "Werkvoorraad" 10
check "na het bekijken van de werkvoorraad: niets meer ongelezen" wait_gone "gewijzigd │" 10

# ---- (f) r = nu: the next attempt at once, not after the back-off ---------------
cluster stop
check "werkvoorraad: banner na stoppen" wait_for "$BANNER" 15
check "terugval loopt op tot 8 s" wait_for "opnieuw verbinden over 8 s (r = nu)" 20
cluster start
tui_keys r
check "r verbindt meteen opnieuw (ruim voor de 8 s)" wait_gone "$BANNER" 3
check "werkvoorraad staat er na het herstel" wait_for "Mijn werkvoorraad" 5
tui_keys F10
wait_exit 10 >/dev/null

# ---- (g) a server that accepts but never answers: the screen stays alive ------
# A listener on the server's socket that never says a word (a hung host):
# the reconnect attempt waits on it beside the keys, so help opens at once
# instead of after connect_timeout.  perl is in perl-base, on every Debian.
tui_demo hung 80 24
tui_login coordinator demo
wait_for "Totaal" 20
cluster stop
check "hangende server: banner na stoppen" wait_for "$BANNER" 15
SOCK="$BALIE_DEMO_DIR/.s.PGSQL.5432"
perl -MIO::Socket::UNIX -e 'my $s = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Local => $ARGV[0], Listen => 8)
	or die "listen: $!"; chmod 0777, $ARGV[0]; sleep 600' "$SOCK" &
HUNG=$!
check "stille luisteraar op de socket van de server" wait_file "$SOCK" 5
tui_keys r
check "poging loopt: opnieuw verbinden…" wait_for "opnieuw verbinden…" 5
sleep 1
check "poging hangt nog (de server zegt niets)" screen_has "opnieuw verbinden…"
tui_keys '?'
check "toetsen werken tijdens de hangende poging: help opent" wait_for "Help" 2
tui_keys Escape
check "en sluit weer" wait_for "Totaal" 2
kill "$HUNG" 2>/dev/null
wait "$HUNG" 2>/dev/null
rm -f "$SOCK"
check "server weer gestart na de hangende poging" cluster start
tui_keys r
check "daarna: verbonden" wait_gone "$BANNER" 15
check "statusbalk: verbonden" wait_for "verbonden" 5
tui_keys F10
wait_exit 10 >/dev/null

# ---- (c) NO_COLOR and a monochrome terminal ------------------------------------
tui_start mono 80 24 NO_COLOR=1 TERM=vt100 "$TUI_BALIE" demo
check "NO_COLOR, vt100: aanmeldscherm" wait_for "Gebruikersnaam" 20
check "NO_COLOR, vt100: wachtwoordveld" screen_has "Wachtwoord"
tui_login secretariaat demo
check "NO_COLOR, vt100: overzicht" wait_for "Totaal" 20
check "NO_COLOR, vt100: statusbalk en toetsenbalk" screen_has_all "verbonden" "Afsluiten"
# the cursor row (first category) is in reverse video, not colour
rev=$(tmux_ capture-pane -e -p -t mono | grep -c '\[7m')
check "NO_COLOR, vt100: cursorregel in omgekeerde weergave ($rev regels)" [ "$rev" -ge 1 ]
col=$(tmux_ capture-pane -e -p -t mono | grep -c '\[3[0-7]m\|\[4[0-7]m\|38;5;')
check "NO_COLOR: geen kleuren ($col regels)" [ "$col" = 0 ]
tui_keys F10
wait_exit 10 >/dev/null

tap_done
