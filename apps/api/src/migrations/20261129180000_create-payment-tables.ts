import { sql, type Kysely } from 'kysely';

/**
 * Cashless payment of fees: one payment intent per amount owed (a dossier's fees), the attempts made with a provider,
 * the events providers reported (each confirmation unique per provider transaction), the bank credits the bank feed
 * delivered (unique per bank reference; unmatched ones form the reconciliation queue), refunds, stored answers of
 * idempotent requests, discrepancies found by the daily reconciliation, the account that issues receipts, and the
 * sandbox's own ledger of what it "paid" (so reconciliation has a provider statement to compare with).
 * Amounts are integer đồng (bigint: a dossier may carry fees above 2^31 đồng).
 */
const statements = [
  `create table payment_intents (
    id uuid primary key default gen_random_uuid(),
    reference text not null unique check (reference ~ '^[A-Z0-9]{1,19}$'),
    dossier_code text not null,
    procedure_code text not null,
    owner_user_id uuid references users(id),
    agency_id uuid not null references agencies(id),
    desk_agency_id uuid not null references agencies(id),
    amount bigint not null check (amount > 0),
    currency text not null default 'VND' check (currency = 'VND'),
    items jsonb not null,
    description text not null,
    status text not null check (status in ('requires_payment','processing','succeeded','failed','cancelled','expired','refunded','partially_refunded')),
    amount_received bigint not null default 0 check (amount_received >= 0),
    amount_refunded bigint not null default 0 check (amount_refunded >= 0 and amount_refunded <= amount_received),
    provider text,
    provider_transaction_id text,
    expires_at timestamptz not null,
    succeeded_at timestamptz,
    closed_at timestamptz,
    close_reason text,
    receipt_document_id uuid,
    created_by uuid references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  // One open intent per dossier: creating again returns the open one (idempotent per dossier).
  `create unique index payment_intents_open_dossier_idx on payment_intents (dossier_code) where status in ('requires_payment','processing')`,
  `create index payment_intents_dossier_idx on payment_intents (dossier_code)`,
  `create index payment_intents_agency_idx on payment_intents (agency_id, created_at desc)`,
  `create index payment_intents_owner_idx on payment_intents (owner_user_id, created_at desc)`,
  `create index payment_intents_succeeded_idx on payment_intents (succeeded_at) where succeeded_at is not null`,
  `create table payment_attempts (
    id uuid primary key default gen_random_uuid(),
    intent_id uuid not null references payment_intents(id),
    provider text not null,
    provider_reference text not null,
    amount bigint not null check (amount > 0),
    status text not null check (status in ('pending','succeeded','failed')),
    failure_code text,
    redirect_url text,
    created_by uuid references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create unique index payment_attempts_provider_reference_idx on payment_attempts (provider, provider_reference)`,
  `create index payment_attempts_intent_idx on payment_attempts (intent_id)`,
  `create table payment_events (
    id bigint generated always as identity primary key,
    intent_id uuid references payment_intents(id),
    provider text,
    kind text not null,
    provider_transaction_id text,
    amount bigint,
    from_status text,
    to_status text,
    data jsonb not null default '{}',
    actor_id uuid references users(id),
    occurred_at timestamptz not null default now()
  )`,
  // A provider transaction confirms money once: replays and duplicates meet this index.
  `create unique index payment_events_confirmation_idx on payment_events (provider, provider_transaction_id) where kind = 'confirmation'`,
  `create index payment_events_intent_idx on payment_events (intent_id, id)`,
  `create index payment_events_kind_idx on payment_events (kind, occurred_at)`,
  `create table payment_bank_credits (
    id uuid primary key default gen_random_uuid(),
    bank_reference text not null unique,
    bank_bin text,
    account_number text not null,
    amount bigint not null,
    description text not null,
    transaction_at timestamptz not null,
    received_at timestamptz not null default now(),
    status text not null check (status in ('matched','unmatched','linked','not_ours')),
    reason text,
    intent_id uuid references payment_intents(id),
    resolved_by uuid references users(id),
    resolved_at timestamptz,
    resolution_note text,
    raw jsonb not null
  )`,
  `create index payment_bank_credits_status_idx on payment_bank_credits (status, received_at)`,
  `create table payment_refunds (
    id uuid primary key default gen_random_uuid(),
    intent_id uuid not null references payment_intents(id),
    amount bigint not null check (amount > 0),
    reason text not null,
    status text not null check (status in ('succeeded','recorded')),
    provider_refund_id text,
    created_by uuid not null references users(id),
    created_at timestamptz not null default now()
  )`,
  `create index payment_refunds_intent_idx on payment_refunds (intent_id)`,
  `create table payment_idempotency_keys (
    caller text not null,
    key text not null,
    fingerprint text not null,
    status_code integer,
    response_body text,
    content_type text,
    created_at timestamptz not null default now(),
    completed_at timestamptz,
    primary key (caller, key)
  )`,
  `create table payment_discrepancies (
    id uuid primary key default gen_random_uuid(),
    fingerprint text not null unique,
    kind text not null,
    day date not null,
    intent_id uuid references payment_intents(id),
    provider text,
    provider_transaction_id text,
    expected_amount bigint,
    actual_amount bigint,
    details jsonb not null default '{}',
    status text not null default 'open' check (status in ('open','resolved')),
    detected_at timestamptz not null default now()
  )`,
  `create index payment_discrepancies_status_idx on payment_discrepancies (status, detected_at desc)`,
  `create table payment_settings (
    id integer primary key check (id = 1),
    cashier_user_id uuid references users(id)
  )`,
  `create table payment_sandbox_ledger (
    id bigint generated always as identity primary key,
    provider text not null,
    provider_transaction_id text not null,
    reference text not null,
    amount bigint not null,
    created_at timestamptz not null default now(),
    unique (provider, provider_transaction_id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
