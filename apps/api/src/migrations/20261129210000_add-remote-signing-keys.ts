import { sql, type Kysely } from 'kysely';

/** Signing keys held by a remote signing service or an HSM: the certificate names the key by the service's id. */
const statements = [
  `alter table signing_certificates add column remote_key_id text`,
  `alter table signing_certificates add constraint signing_certificates_key_check check ((key_provider = 'local' and encrypted_key is not null) or (key_provider = 'remote' and remote_key_id is not null))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
