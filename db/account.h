/* account.h — account administration for `balie admin user` (create,
 * password, block, TOTP, list).  Every change writes an audit row in the
 * same transaction. */
#ifndef BALIE_DB_ACCOUNT_H
#define BALIE_DB_ACCOUNT_H

#include <stdio.h>

#include "core/err.h"
#include "db/conn.h"

struct account_new {
	const char *username, *naam, *email; /* email may be "" */
	const char *hash;                    /* argon2id string */
	const char *totp_secret;             /* base32, "" = no 2FA */
	const unsigned char *totp_key;       /* seals it (core/totpzegel.h); NULL without a secret */
	const char *organisatie;             /* code, e.g. "PO3008" */
	const char *rol;                     /* "secretariaat", … */
	int dienst;                          /* a dienstaccount (034): command-line sessions only,
	                                        hash of a random password nobody knows */
};

/* 1 when username exists, 0 when not, -1 on error. */
int account_exists(struct db *db, const char *username, struct err *e);

/* "Unblock" for a username that has no account: clears the failure
 * counter that makes it answer "geblokkeerd" like a blocked real account
 * (020_login.sql), with an audit row.  *cleared: 1 when there was one.
 * 0 / -1. */
int account_unblock_unknown(struct db *db, const char *username, const char *who, int *cleared, struct err *e);

/* The name of organisatie code into buf (the TOTP issuer).  -1 with
 * "organisatie 'X' bestaat niet". */
int account_org_naam(struct db *db, const char *code, char *buf, size_t len, struct err *e);

/* The name of the organisatie username works in (its first by code), the
 * issuer of a new TOTP secret.  -1 with "account 'x' bestaat niet". */
int account_eigen_org_naam(struct db *db, const char *username, char *buf, size_t len, struct err *e);

/* who: the operator (Unix user) recorded in the audit detail. */
int account_create(struct db *db, const struct account_new *a, const char *who, struct err *e);
int account_set_password(struct db *db, const char *username, const char *hash, const char *who,
			 struct err *e);
int account_set_blocked(struct db *db, const char *username, int blocked, const char *who, struct err *e);
/* A new TOTP secret (base32), sealed with key for the account's id before
 * it is stored; "" switches tweestapsverificatie off (key may be NULL). */
int account_set_totp(struct db *db, const char *username, const char *secret, const unsigned char *key,
		     const char *who, struct err *e);

/* Prints one line per account (of organisatie code, or all when NULL):
 * username, naam, rollen, geblokkeerd, laatste login (Dutch local time). */
int account_list(struct db *db, const char *organisatie, FILE *out, struct err *e);

#endif
