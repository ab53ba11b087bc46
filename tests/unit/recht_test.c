/* recht_test.c — the rulebook: complete, consistent, and the rules the
 * review of issue 9 found broken stay fixed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "core/recht.h"
#include "core/statuswissel.h"

static void every_row_filled(void **state)
{
	(void)state;
	for (int i = 0; i < RECHT_COUNT; i++) {
		assert_non_null(recht_tabel[i].naam);
		assert_non_null(recht_tabel[i].label);
		assert_non_null(recht_tabel[i].bron);
		assert_true(recht_tabel[i].rollen != 0);
		/* automatisch is balie itself, never a person's right */
		assert_false(recht_tabel[i].rollen & FLOW_ROLE_BIT(FLOW_ROLE_AUTOMATISCH));
		assert_int_equal(recht_from_naam(recht_tabel[i].naam), i);
		for (int j = 0; j < i; j++)
			assert_string_not_equal(recht_tabel[i].naam, recht_tabel[j].naam);
	}
	assert_int_equal(recht_from_naam("bestaat-niet"), -1);
	assert_int_equal(recht_from_naam(NULL), -1);
}

static void school_may_not_do_back_office_work(void **state)
{
	unsigned school = statuswissel_rollen("aanvrager");
	(void)state;
	assert_false(recht_mag(school, RECHT_COORDINATOR_WIJZIGEN));
	assert_false(recht_mag(school, RECHT_OMSCHRIJVING_BEWERKEN));
	assert_false(recht_mag(school, RECHT_LABELS_ZIEN));
	assert_false(recht_mag(school, RECHT_LABEL_KOPPELEN));
	assert_false(recht_mag(school, RECHT_LABEL_AANMAKEN));
	assert_false(recht_mag(school, RECHT_AANVULLING_VRAGEN));
	assert_false(recht_mag(school, RECHT_BULK));
	assert_false(recht_mag(school, RECHT_TE_CONTROLEREN));
	assert_false(recht_mag(school, RECHT_INTAKE));
	assert_true(recht_mag(school, RECHT_STATUS_WIJZIGEN));
	assert_true(recht_mag(school, RECHT_BIJLAGE_TOEVOEGEN));
	assert_true(recht_mag(school, RECHT_FORMULIER_BEWERKEN));
}

static void financieel_neither_reassigns_nor_rewrites(void **state)
{
	unsigned fin = statuswissel_rollen("financieel");
	(void)state;
	assert_false(recht_mag(fin, RECHT_COORDINATOR_WIJZIGEN));
	assert_false(recht_mag(fin, RECHT_OMSCHRIJVING_BEWERKEN));
	assert_true(recht_mag(fin, RECHT_BULK));
	assert_true(recht_mag(fin, RECHT_AANVULLING_VRAGEN));
	/* a second role adds its rights */
	assert_true(recht_mag(statuswissel_rollen("financieel, secretariaat"), RECHT_COORDINATOR_WIJZIGEN));
}

static void nothing_without_roles(void **state)
{
	(void)state;
	for (int i = 0; i < RECHT_COUNT; i++)
		assert_false(recht_mag(0, (enum recht_actie)i));
	assert_false(recht_mag(~0u, RECHT_COUNT));
	assert_false(recht_mag(~0u, (enum recht_actie)-1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_row_filled),
		cmocka_unit_test(school_may_not_do_back_office_work),
		cmocka_unit_test(financieel_neither_reassigns_nor_rewrites),
		cmocka_unit_test(nothing_without_roles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
