import { sql, type Kysely } from 'kysely';

/**
 * Digitally signed documents: signing certificates of officials and agency seals (private keys encrypted at rest),
 * the trust anchors verification accepts, the demo certificate authority of the demo city, and the documents issued
 * (the signed PDF, its hash, its status).
 */
const statements = [
  `create table signing_certificates (
    id uuid primary key default gen_random_uuid(),
    kind text not null check (kind in ('personal','seal')),
    user_id uuid references users(id),
    agency_id uuid references agencies(id),
    common_name text not null,
    serial_number text not null,
    issuer_common_name text not null,
    not_before timestamptz not null,
    not_after timestamptz not null,
    certificate_pem text not null,
    chain_pem text not null,
    key_provider text not null default 'local',
    encrypted_key bytea,
    image_png bytea,
    is_demo boolean not null default false,
    revoked_at timestamptz,
    revocation_reason text,
    created_at timestamptz not null default now(),
    check ((kind = 'personal') = (user_id is not null)),
    check ((kind = 'seal') = (agency_id is not null))
  )`,
  `create index signing_certificates_user_idx on signing_certificates (user_id) where user_id is not null`,
  `create index signing_certificates_agency_idx on signing_certificates (agency_id) where agency_id is not null`,
  `create table trust_anchors (
    id uuid primary key default gen_random_uuid(),
    name text not null,
    certificate_pem text not null,
    is_demo boolean not null default false,
    created_at timestamptz not null default now()
  )`,
  `create table demo_certificate_authority (
    id integer primary key check (id = 1),
    root_pem text not null,
    root_key bytea not null,
    issuing_pem text not null,
    issuing_key bytea not null,
    created_at timestamptz not null default now()
  )`,
  `create table documents (
    id uuid primary key default gen_random_uuid(),
    kind text not null check (kind in ('result','apology','copy','notice','receipt')),
    title_vi text not null,
    number_symbol text not null,
    agency_id uuid not null references agencies(id),
    owner_user_id uuid references users(id),
    dossier_code text,
    issued_by uuid references users(id),
    issued_at timestamptz not null,
    signer_name text,
    signature_count integer not null,
    sha256 text not null,
    byte_size integer not null,
    pdf bytea not null,
    status text not null default 'valid' check (status in ('valid','revoked','superseded')),
    status_reason text,
    status_changed_at timestamptz,
    status_changed_by uuid references users(id),
    superseded_by uuid references documents(id)
  )`,
  `create index documents_owner_idx on documents (owner_user_id, issued_at desc)`,
  `create index documents_agency_idx on documents (agency_id, issued_at desc)`,
  `create index documents_sha256_idx on documents (sha256)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
