/* queue_test.c — the werkvoorraad queries (db/queue.h) on a fresh database:
 * keyset pages are disjoint, complete and in order for every sort, both
 * ways; filters; tree counts equal COUNT(*) after changes; saved filters
 * are private; bulk changes with a stale version fail alone; another
 * organisatie's account sees an empty queue. */
#include "tests/db/harness.h"

#include "core/statuswissel.h"

#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "db/queue.h"

#define DBNAME "t_queue"

static struct db *su;

static int setup(void **state)
{
	su = harness_migrated_db(DBNAME);
	harness_fixture(su, "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA");
	harness_exec(su, "INSERT INTO schoolbestuur (organisatie_id, naam) SELECT id, 'Bestuur' FROM organisatie "
			 "WHERE code = 'PO1111'");
	harness_exec(su, "INSERT INTO school (organisatie_id, schoolbestuur_id, brin, naam) "
			 "SELECT b.organisatie_id, b.id, v.brin, v.naam FROM schoolbestuur b, "
			 "(VALUES ('14SS', 'De Kameleon'), ('22XY', 'Het Anker')) v(brin, naam)");
	harness_exec(su, "INSERT INTO dossier (organisatie_id, niveau, roepnaam, achternaam, sorteernaam) "
			 "SELECT o.id, 'leerling', 'Kind' || i, 'Achter' || (i % 17), "
			 "       'achter' || (i % 17) || ' kind' || i FROM organisatie o, generate_series(1, 100) i "
			 " WHERE o.code = 'PO1111'");
	harness_exec(su, "INSERT INTO hulpvraag (organisatie_id, dossier_id, aanvraagtype_id, titel, datum, status, "
			 "                       status_categorie, coordinator_id, school_id) "
			 "SELECT d.organisatie_id, d.id, a.id, 'Vraag', DATE '2026-01-01' + (d.id % 40)::int, "
			 "       CASE WHEN d.id % 3 = 0 THEN 'In behandeling' ELSE 'Nieuw' END, '', "
			 "       CASE WHEN d.id % 2 = 0 THEN (SELECT id FROM account WHERE username = 'coord_a') END, "
			 "       (SELECT id FROM school WHERE brin = CASE WHEN d.id % 4 = 0 THEN '14SS' ELSE '22XY' END) "
			 "  FROM dossier d JOIN aanvraagtype a ON a.organisatie_id = d.organisatie_id "
			 " WHERE d.roepnaam LIKE 'Kind%'");
	harness_exec(su, "INSERT INTO label (organisatie_id, naam) SELECT id, 'urgent' FROM organisatie WHERE code = 'PO1111'");
	harness_exec(su, "INSERT INTO hulpvraag_label (hulpvraag_id, label_id, organisatie_id) "
			 "SELECT h.id, l.id, h.organisatie_id FROM hulpvraag h JOIN label l ON l.organisatie_id = h.organisatie_id "
			 " WHERE h.id % 5 = 0");
	*state = su;
	return 0;
}

static int teardown(void **state)
{
	db_free(&su);
	return 0;
}

static long org(const char *code)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT id FROM organisatie WHERE code = '%s'", code);
	return harness_long(su, sql);
}

static struct db *app_as(const char *username)
{
	struct db *app = harness_app_db(DBNAME);
	db_set_account(app, harness_account(su, username));
	return app;
}

static void query_init(struct queue_query *q, const char *username, const char *code)
{
	memset(q, 0, sizeof *q);
	q->organisatie_id = org(code);
	q->account_id = harness_account(su, username);
	q->kind = QN_ALL;
	q->sort = QS_DATUM;
	q->today = datum_make(2026, 11, 23);
}

/* Pages through q forwards (limit rows a page); returns the ids in order
 * (malloc'ed) and their count. */
static long *all_pages(struct db *app, const struct queue_query *q, int limit, int *count)
{
	struct queue_row *rows = NULL, last;
	int n = 0, more = 1, total = 0;
	long *ids = NULL;
	struct err e;
	enum queue_dir dir = QUEUE_FIRST;

	while (more) {
		assert_int_equal(queue_fetch(app, q, dir, dir == QUEUE_FIRST ? NULL : &last, limit, &rows, &n, &more, &e), 0);
		ids = realloc(ids, (size_t)(total + n + 1) * sizeof *ids);
		for (int i = 0; i < n; i++)
			ids[total++] = rows[i].id;
		if (n)
			last = rows[n - 1];
		free(rows);
		dir = QUEUE_AFTER;
		if (n == 0)
			break;
	}
	*count = total;
	return ids;
}

/* The same, backwards from the end. */
static long *all_pages_back(struct db *app, const struct queue_query *q, int limit, int *count)
{
	struct queue_row *rows = NULL, first;
	int n = 0, more = 1, total = 0;
	long *ids = NULL;
	struct err e;
	enum queue_dir dir = QUEUE_LAST;

	while (more) {
		assert_int_equal(queue_fetch(app, q, dir, dir == QUEUE_LAST ? NULL : &first, limit, &rows, &n, &more, &e), 0);
		ids = realloc(ids, (size_t)(total + n + 1) * sizeof *ids);
		memmove(ids + n, ids, (size_t)total * sizeof *ids);
		for (int i = 0; i < n; i++)
			ids[i] = rows[i].id;
		total += n;
		if (n)
			first = rows[0];
		free(rows);
		dir = QUEUE_BEFORE;
		if (n == 0)
			break;
	}
	*count = total;
	return ids;
}

static void keyset_pages_disjoint_complete_in_order(void **state)
{
	struct db *app = app_as("sec_a");
	struct queue_query q;
	long expect = harness_long(su, "SELECT count(*) FROM hulpvraag h JOIN organisatie o ON o.id = h.organisatie_id "
				       "WHERE o.code = 'PO1111' AND NOT voorlopig");

	query_init(&q, "sec_a", "PO1111");
	assert_true(expect > 100);
	for (int s = 0; s < QS_COUNT; s++)
		for (int desc = 0; desc < 2; desc++) {
			int n1, n2, big;
			long *one, *paged, *back;

			q.sort = (enum queue_sort)s;
			q.desc = desc;
			one = all_pages(app, &q, 1000, &big);
			paged = all_pages(app, &q, 7, &n1);
			back = all_pages_back(app, &q, 6, &n2);
			assert_int_equal(big, expect);
			assert_int_equal(n1, expect);
			assert_int_equal(n2, expect);
			/* the same order in one page, in pages, and backwards */
			for (int i = 0; i < big; i++) {
				assert_int_equal(paged[i], one[i]);
				assert_int_equal(back[i], one[i]);
				for (int j = 0; j < i && s == QS_DATUM; j++)
					assert_int_not_equal(one[i], one[j]);
			}
			free(one);
			free(paged);
			free(back);
		}
	/* the order is the one asked for: datum ascending, ties by id */
	q.sort = QS_DATUM;
	q.desc = 0;
	struct queue_row *rows;
	int n, more;
	struct err e;
	assert_int_equal(queue_fetch(app, &q, QUEUE_FIRST, NULL, 200, &rows, &n, &more, &e), 0);
	for (int i = 1; i < n; i++) {
		struct datum a, b;
		assert_int_equal(datum_parse(rows[i - 1].datum, &a, &e), 0);
		assert_int_equal(datum_parse(rows[i].datum, &b, &e), 0);
		assert_true(datum_to_days(a) < datum_to_days(b) ||
			    (datum_to_days(a) == datum_to_days(b) && rows[i - 1].id < rows[i].id));
	}
	free(rows);
	db_free(&app);
}

static int fetch_count(struct db *app, const struct queue_query *q)
{
	struct queue_row *rows;
	int n, more;
	struct err e;
	assert_int_equal(queue_fetch(app, q, QUEUE_FIRST, NULL, 1000, &rows, &n, &more, &e), 0);
	free(rows);
	return n;
}

static int filtered(struct db *app, struct queue_query *q, const char *text)
{
	struct err e;
	assert_int_equal(filter_parse(text, &q->filter, &e), 0);
	int n = fetch_count(app, q);
	memset(&q->filter, 0, sizeof q->filter);
	return n;
}

static void filters(void **state)
{
	struct db *app = app_as("sec_a");
	struct queue_query q;

	query_init(&q, "sec_a", "PO1111");
	assert_int_equal(filtered(app, &q, "achter3"),
			 harness_long(su, "SELECT count(*) FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
					  "WHERE d.sorteernaam LIKE '%achter3%' AND NOT h.voorlopig"));
	assert_int_equal(filtered(app, &q, "school:14SS"), 25);
	assert_int_equal(filtered(app, &q, "kameleon"), 25);
	assert_int_equal(filtered(app, &q, "!school:kameleon"),
			 harness_long(su, "SELECT count(*) FROM hulpvraag h JOIN organisatie o ON o.id = h.organisatie_id "
					  "WHERE o.code = 'PO1111' AND NOT voorlopig") - 25);
	assert_int_equal(filtered(app, &q, "label:urg"),
			 harness_long(su, "SELECT count(*) FROM hulpvraag_label"));
	assert_int_equal(filtered(app, &q, "coördinator:ik"), 0); /* sec_a is no coördinator */
	q.account_id = harness_account(su, "coord_a");
	assert_int_equal(filtered(app, &q, "coördinator:ik"), 50);
	assert_int_equal(filtered(app, &q, "coord:alfa status:behandeling"),
			 harness_long(su, "SELECT count(*) FROM hulpvraag WHERE coordinator_id IS NOT NULL "
					  "AND status = 'In behandeling'"));
	assert_int_equal(filtered(app, &q, "nummer:4"), 1);
	assert_int_equal(filtered(app, &q, "achter3 school:14SS !label:urgent"),
			 harness_long(su, "SELECT count(*) FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
					  "JOIN school s ON s.id = h.school_id WHERE d.sorteernaam LIKE '%achter3%' "
					  "AND s.brin = '14SS' AND NOT EXISTS (SELECT 1 FROM hulpvraag_label l "
					  "WHERE l.hulpvraag_id = h.id)"));
	/* nodes */
	q.kind = QN_STATUS;
	snprintf(q.categorie, sizeof q.categorie, "Behandeling");
	snprintf(q.status, sizeof q.status, "In behandeling");
	assert_int_equal(fetch_count(app, &q), harness_long(su, "SELECT count(*) FROM hulpvraag WHERE status = 'In behandeling'"));
	q.kind = QN_MINE;
	assert_int_equal(fetch_count(app, &q), 50);
	db_free(&app);
}

static long tree_count(struct db *app, long o, const char *rollen, enum queue_node_kind kind, const char *status)
{
	struct queue_node *nodes;
	int n;
	long c = -2;
	struct err e;
	assert_int_equal(queue_tree(app, o, statuswissel_rollen(rollen), &nodes, &n, &e), 0);
	for (int i = 0; i < n; i++)
		if (nodes[i].kind == kind && (!status || !strcmp(nodes[i].status, status)))
			c = nodes[i].count;
	free(nodes);
	return c;
}

static void counts_follow_changes(void **state)
{
	struct db *sec = app_as("sec_a"), *coord = app_as("coord_a");
	long a = org("PO1111");
	const char *visible = "SELECT count(*) FROM hulpvraag WHERE organisatie_id = (SELECT id FROM organisatie "
			      "WHERE code = 'PO1111') AND NOT voorlopig";
	const char *mine = "SELECT count(*) FROM hulpvraag h JOIN flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id "
			   "AND s.naam = h.status WHERE coordinator_id = (SELECT id FROM account WHERE username = 'coord_a') "
			   "AND NOT s.eindstatus AND NOT h.voorlopig";

	assert_int_equal(tree_count(sec, a, "secretariaat", QN_ALL, NULL), harness_long(su, visible));
	assert_int_equal(tree_count(coord, a, "coordinator", QN_MINE, NULL), harness_long(su, mine));
	assert_int_equal(tree_count(sec, a, "secretariaat", QN_MINE, NULL), -2); /* not a coördinator */
	/* changes: a status, a coördinator, a new hulpvraag, one finished */
	/* the transition check wants an account with a role that may */
	{
		char tok[96], sql[200];
		assert_int_equal(harness_token(su, harness_account(su, "coord_a"), tok, sizeof tok), 0);
		snprintf(sql, sizeof sql, "SELECT set_config('balie.token', '%s', false)", tok);
		harness_exec(su, sql);
	}
	harness_exec(su, "UPDATE hulpvraag SET status = 'Afgerond' WHERE id IN (SELECT id FROM hulpvraag "
			 "WHERE status = 'In behandeling' AND coordinator_id IS NOT NULL ORDER BY id LIMIT 3)");
	harness_exec(su, "SELECT set_config('balie.token', '', false)");
	harness_exec(su, "UPDATE hulpvraag SET coordinator_id = (SELECT id FROM account WHERE username = 'coord_a') "
			 "WHERE id IN (SELECT id FROM hulpvraag WHERE coordinator_id IS NULL AND NOT voorlopig "
			 "AND organisatie_id = (SELECT id FROM organisatie WHERE code = 'PO1111') ORDER BY id LIMIT 4)");
	harness_exec(su, "INSERT INTO hulpvraag (organisatie_id, dossier_id, aanvraagtype_id, titel, datum, status, "
			 "status_categorie, coordinator_id) SELECT d.organisatie_id, d.id, a.id, 'Nieuw', current_date, "
			 "'Nieuw', '', (SELECT id FROM account WHERE username = 'coord_a') FROM dossier d JOIN aanvraagtype a "
			 "ON a.organisatie_id = d.organisatie_id WHERE d.roepnaam = 'Kind1'");
	assert_int_equal(tree_count(sec, a, "secretariaat", QN_ALL, NULL), harness_long(su, visible));
	assert_int_equal(tree_count(sec, a, "secretariaat", QN_STATUS, "Afgerond"),
			 harness_long(su, "SELECT count(*) FROM hulpvraag WHERE status = 'Afgerond' AND organisatie_id = "
					  "(SELECT id FROM organisatie WHERE code = 'PO1111')"));
	assert_int_equal(tree_count(coord, a, "coordinator", QN_MINE, NULL), harness_long(su, mine));
	/* a recount after a bulk load gives the same figures */
	harness_exec(su, "SELECT telling_herbereken()");
	assert_int_equal(tree_count(coord, a, "coordinator", QN_MINE, NULL), harness_long(su, mine));
	db_free(&sec);
	db_free(&coord);
}

static void saved_filters_are_private(void **state)
{
	struct db *sec = app_as("sec_a"), *coord = app_as("coord_a");
	long a = org("PO1111"), id = 0;
	struct err e;
	struct queue_node *nodes;
	int n, found = 0;

	assert_int_equal(queue_filter_save(sec, a, "Mijn urgente", "label:urgent", "-datum", &id, &e), 0);
	assert_true(id > 0);
	assert_int_equal(queue_tree(sec, a, statuswissel_rollen("secretariaat"), &nodes, &n, &e), 0);
	for (int i = 0; i < n; i++)
		if (nodes[i].kind == QN_SAVED && nodes[i].filter_id == id) {
			found = 1;
			assert_string_equal(nodes[i].filter, "label:urgent");
			assert_string_equal(nodes[i].sort, "-datum");
		}
	free(nodes);
	assert_true(found);
	/* defaults of the role are there too */
	assert_int_equal(tree_count(sec, a, "secretariaat", QN_SAVED, NULL), -1);
	/* another account does not see it, nor can delete it */
	assert_int_equal(queue_tree(coord, a, statuswissel_rollen("coordinator"), &nodes, &n, &e), 0);
	for (int i = 0; i < n; i++)
		assert_int_not_equal(nodes[i].filter_id, id);
	free(nodes);
	assert_int_equal(harness_long(coord, "SELECT count(*) FROM queue_filter"), 0);
	assert_int_equal(queue_filter_delete(coord, id, &e), 0);
	assert_int_equal(harness_long(sec, "SELECT count(*) FROM queue_filter"), 1);
	/* saving under the same name replaces; the owner can delete */
	assert_int_equal(queue_filter_save(sec, a, "Mijn urgente", "label:urgent school:14SS", "datum", NULL, &e), 0);
	assert_int_equal(harness_long(sec, "SELECT count(*) FROM queue_filter"), 1);
	assert_int_equal(queue_filter_delete(sec, id, &e), 0);
	assert_int_equal(harness_long(sec, "SELECT count(*) FROM queue_filter"), 0);
	db_free(&sec);
	db_free(&coord);
}

static void bulk_with_stale_version_fails_alone(void **state)
{
	struct db *sec = app_as("sec_a");
	long a = org("PO1111");
	struct queue_query q;
	struct queue_row *rows;
	struct queue_item items[3];
	struct queue_result res[3];
	struct queue_choice *c;
	int n, more, nc;
	struct err e;
	char sql[256];

	query_init(&q, "sec_a", "PO1111");
	assert_int_equal(queue_fetch(sec, &q, QUEUE_FIRST, NULL, 3, &rows, &n, &more, &e), 0);
	assert_int_equal(n, 3);
	for (int i = 0; i < 3; i++) {
		items[i].id = rows[i].id;
		items[i].version = rows[i].version;
		items[i].nummer = rows[i].nummer;
	}
	free(rows);
	/* someone else changes the second one in between */
	snprintf(sql, sizeof sql, "UPDATE hulpvraag SET version = version + 1 WHERE id = %ld", items[1].id);
	harness_exec(su, sql);
	assert_int_equal(queue_coordinators(sec, a, &c, &nc, &e), 0);
	assert_int_equal(nc, 1);
	assert_string_equal(c[0].naam, "Coördinator Alfa");
	struct queue_bulk_args arg = { c[0].id, NULL, NULL, NULL };
	assert_int_equal(queue_bulk(sec, a, QUEUE_BULK_COORDINATOR, &arg, items, 3, res, &e), 2);
	assert_int_equal(res[0].o.kind, OUTCOME_SAVED);
	assert_int_equal(res[1].o.kind, OUTCOME_CONFLICT);
	assert_int_equal(res[2].o.kind, OUTCOME_SAVED);
	assert_non_null(strstr(res[1].o.err.msg, "intussen gewijzigd door"));
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag WHERE coordinator_id = %ld AND id IN (%ld, %ld, %ld)",
		 c[0].id, items[0].id, items[1].id, items[2].id);
	free(c);
	long before = harness_long(su, sql);
	assert_true(before >= 2);
	/* labels: the versions moved on; with the new ones it works */
	items[0].version = res[0].o.version;
	items[2].version = res[2].o.version;
	assert_int_equal(queue_labels(sec, a, &c, &nc, &e), 0);
	assert_int_equal(nc, 1);
	struct queue_bulk_args larg = { c[0].id, c[0].naam, NULL, NULL };
	assert_int_equal(queue_bulk(sec, a, QUEUE_BULK_LABEL_ADD, &larg, items, 3, res, &e), 2);
	assert_int_equal(res[1].o.kind, OUTCOME_CONFLICT);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag_label WHERE label_id = %ld AND hulpvraag_id IN (%ld, %ld)",
		 c[0].id, items[0].id, items[2].id);
	assert_int_equal(harness_long(su, sql), 2);
	items[0].version = res[0].o.version;
	assert_int_equal(queue_bulk(sec, a, QUEUE_BULK_LABEL_REMOVE, &larg, items, 1, res, &e), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM hulpvraag_label WHERE label_id = %ld AND hulpvraag_id = %ld",
		 c[0].id, items[0].id);
	assert_int_equal(harness_long(su, sql), 0);
	free(c);
	/* the audit log has the bulk changes, as the single path writes them */
	assert_true(harness_long(su, "SELECT count(*) FROM audit_log WHERE actie IN ('coordinator', 'label')") >= 5);
	/* status targets: the intersection of what the flow allows */
	assert_int_equal(queue_status_targets(sec, a, items, 1, &c, &nc, &e), 0);
	free(c);
	db_free(&sec);
}

/* Bulk asks the rulebook first and then each single-hulpvraag write: a
 * school (aanvrager) may not bulk, every row REFUSED and nothing written; a
 * status the flow does not allow is REFUSED per row with the flow's
 * reason, as on the single path. */
static void bulk_is_the_single_path(void **state)
{
	struct db *school = app_as("school_a"), *sec = app_as("sec_a");
	long a = org("PO1111");
	struct queue_item items[1];
	struct queue_result res[1];
	struct queue_bulk_args arg = { 0, "Afgerond", "", "." };
	struct err e;
	char sql[200];

	items[0].id = harness_long(su, "SELECT min(id) FROM hulpvraag WHERE organisatie_id = "
				       "(SELECT id FROM organisatie WHERE code = 'PO1111') AND NOT voorlopig");
	snprintf(sql, sizeof sql, "SELECT version FROM hulpvraag WHERE id = %ld", items[0].id);
	items[0].version = (int)harness_long(su, sql);
	items[0].nummer = 0;
	long audit0 = harness_long(su, "SELECT count(*) FROM audit_log");
	assert_int_equal(queue_bulk(school, a, QUEUE_BULK_COORDINATOR, &arg, items, 1, res, &e), 0);
	assert_int_equal(res[0].o.kind, OUTCOME_REFUSED);
	assert_non_null(strstr(res[0].o.err.msg, "niet in bulk"));
	assert_int_equal(queue_bulk(sec, a, QUEUE_BULK_STATUS, &arg, items, 1, res, &e), 0);
	assert_int_equal(res[0].o.kind, OUTCOME_REFUSED);
	assert_int_equal(harness_long(su, sql), items[0].version);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM audit_log"), audit0);
	db_free(&school);
	db_free(&sec);
}

static void other_organisatie_sees_nothing(void **state)
{
	struct db *b = app_as("sec_b");
	struct queue_query q;

	query_init(&q, "sec_b", "PO1111"); /* B's account asking for A's queue */
	assert_int_equal(fetch_count(b, &q), 0);
	q.sort = QS_LEERLING;
	assert_int_equal(fetch_count(b, &q), 0);
	assert_int_equal(filtered(b, &q, "achter3"), 0);
	assert_int_equal(tree_count(b, org("PO1111"), "secretariaat", QN_CATEGORY, NULL), -2);
	/* and without an acting account nothing at all */
	struct db *none = harness_app_db(DBNAME);
	query_init(&q, "sec_a", "PO1111");
	assert_int_equal(fetch_count(none, &q), 0);
	db_free(&none);
	/* its own queue does work */
	query_init(&q, "sec_b", "PO2222");
	assert_int_equal(fetch_count(b, &q), 2);
	db_free(&b);
}

/* Sort by leerling walks hulpvraag.sorteernaam (migration 008): it follows
 * the dossier, also after a rename; and queue_rijen, which joins the names
 * for a page, gives nothing for hulpvragen the caller may not see. */
static void leerling_sort_follows_dossier(void **state)
{
	struct db *app = app_as("sec_a");
	struct db *b = app_as("sec_b");
	struct queue_query q;
	struct queue_row *rows;
	int n, more;
	struct err e;
	char sql[300];

	assert_int_equal(harness_long(su, "SELECT count(*) FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
					  "WHERE h.sorteernaam IS DISTINCT FROM d.sorteernaam"),
			 0);
	long dos = harness_long(su, "SELECT max(id) FROM dossier WHERE roepnaam LIKE 'Kind%'");
	snprintf(sql, sizeof sql, "UPDATE dossier SET roepnaam = 'Aart', achternaam = 'Aa', sorteernaam = 'aa aart' "
				  "WHERE id = %ld",
		 dos);
	harness_exec(su, sql);
	query_init(&q, "sec_a", "PO1111");
	q.sort = QS_LEERLING;
	assert_int_equal(queue_fetch(app, &q, QUEUE_FIRST, NULL, 5, &rows, &n, &more, &e), 0);
	assert_true(n > 0);
	snprintf(sql, sizeof sql, "SELECT min(id) FROM hulpvraag WHERE dossier_id = %ld", dos);
	assert_int_equal(rows[0].id, harness_long(su, sql));
	assert_non_null(strstr(rows[0].leerling, "Aa"));
	assert_string_equal(rows[0].key, "aa aart");
	free(rows);
	/* the last row too is the dossiers' order */
	q.desc = 1;
	assert_int_equal(queue_fetch(app, &q, QUEUE_FIRST, NULL, 1, &rows, &n, &more, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, harness_long(su, "SELECT h.id FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
						      "JOIN organisatie o ON o.id = h.organisatie_id "
						      "WHERE o.code = 'PO1111' AND NOT h.voorlopig "
						      "ORDER BY d.sorteernaam DESC, h.id DESC LIMIT 1"));
	free(rows);
	assert_int_equal(harness_long(su, "SELECT count(*) FROM hulpvraag h JOIN dossier d ON d.id = h.dossier_id "
					  "WHERE h.sorteernaam IS DISTINCT FROM d.sorteernaam"),
			 0);
	/* queue_rijen asked for every id, by B's account: exactly the rows
	 * row-level security shows B (its own two), none of A's */
	PGresult *r;
	assert_int_equal(db_begin(b, &e), 0);
	r = db_exec(b, &e, NULL,
		    "SELECT count(*), (SELECT count(*) FROM hulpvraag), "
		    "       count(*) FILTER (WHERE r.id IN (SELECT id FROM hulpvraag)) "
		    "  FROM queue_rijen((SELECT array_agg(id) FROM generate_series(1, 100000) id), NULL) r",
		    0, NULL);
	assert_non_null(r);
	assert_string_equal(PQgetvalue(r, 0, 0), "2");
	assert_string_equal(PQgetvalue(r, 0, 1), "2");
	assert_string_equal(PQgetvalue(r, 0, 2), "2");
	PQclear(r);
	db_rollback(b);
	db_free(&b);
	db_free(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keyset_pages_disjoint_complete_in_order),
		cmocka_unit_test(filters),
		cmocka_unit_test(saved_filters_are_private),
		cmocka_unit_test(bulk_with_stale_version_fails_alone),
		cmocka_unit_test(bulk_is_the_single_path),
		cmocka_unit_test(other_organisatie_sees_nothing),
		cmocka_unit_test(counts_follow_changes),
		cmocka_unit_test(leerling_sort_follows_dossier),
	};
	return cmocka_run_group_tests_name("queue", tests, setup, teardown);
}
