import type { ColumnType, Generated, Selectable } from 'kysely';

/**
 * Kysely's view of the agency-marketplace tables (migration 20261122_0500_agency_marketplace.sql is
 * the truth; keep the two in step). Registered in `Database` (schema.ts).
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type AgencyStatus = 'pending' | 'approved' | 'rejected' | 'suspended';
export type ListingStatus = 'open' | 'withdrawn' | 'closed';
export type ClaimStatus = 'active' | 'released' | 'lapsed' | 'closed';
export type ReviewDirection = 'enterprise_to_agency' | 'agency_to_enterprise';

export interface AgenciesTable {
  id: Generated<string>;
  licence_number: string;
  licence_key: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  region_code: string;
  service_region_codes: string[];
  service_occupation_codes: string[];
  alliance: string | null;
  contact_name: Defaulted<string>;
  contact_phone_enc: string | null;
  contact_phone_hash: string | null;
  contact_phone_masked: string | null;
  status: Defaulted<AgencyStatus>;
  status_reason: string | null;
  approved_at: Date | null;
  approved_by: string | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface MarketplaceSettingsTable {
  id: Defaulted<boolean>;
  tier_delay_minutes: Defaulted<number>;
  /** numeric: the driver returns a string. */
  tier1_min_rating: ColumnType<string, string | number | undefined, string | number>;
  tier1_min_reviews: Defaulted<number>;
  claim_lapse_hours: Defaulted<number>;
  ownership_window_days: Defaulted<number>;
  settlement_retention_days: Defaulted<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface MarketplaceListingsTable {
  id: Generated<string>;
  job_order_id: string;
  enterprise_id: string;
  offered_places: number;
  claimed_places: Defaulted<number>;
  fee_per_hire_fen: number | null;
  subsidy_applies: boolean;
  deadline: string;
  status: Defaulted<ListingStatus>;
  status_reason: string | null;
  published_at: Timestamp;
  open_to_all_at: ColumnType<Date, Date | string, Date | string>;
  first_claim_at: Date | null;
  published_by: string | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MarketplaceClaimsTable {
  id: Generated<string>;
  listing_id: string;
  job_order_id: string;
  enterprise_id: string;
  agency_id: string;
  places: number;
  places_claimed: number;
  submitted_count: Defaulted<number>;
  status: Defaulted<ClaimStatus>;
  status_reason: string | null;
  lapses_at: ColumnType<Date, Date | string, Date | string>;
  claimed_by: string | null;
  claimed_at: Timestamp;
  ended_at: Date | null;
  version: Defaulted<number>;
  updated_at: Timestamp;
}

export interface MarketplaceSubmissionsTable {
  id: Generated<string>;
  claim_id: string;
  application_id: string;
  agency_id: string;
  enterprise_id: string;
  job_order_id: string;
  worker_id: string;
  submitted_by: string | null;
  submitted_at: Timestamp;
}

export interface CandidateOwnershipsTable {
  enterprise_id: string;
  worker_id: string;
  agency_id: string;
  owned_since: Timestamp;
  owned_until: ColumnType<Date, Date | string, Date | string>;
}

export interface MarketplaceReviewsTable {
  id: Generated<string>;
  claim_id: string;
  direction: ReviewDirection;
  agency_id: string;
  enterprise_id: string;
  score_1: number;
  score_2: number;
  score_3: number;
  comment: Defaulted<string>;
  reviewer_id: string | null;
  is_hidden: Defaulted<boolean>;
  hidden_reason: string | null;
  hidden_by: string | null;
  hidden_at: Date | null;
  created_at: Timestamp;
}

export interface AgencySubsidyEligibilitiesTable {
  id: Generated<string>;
  submission_id: string;
  placement_id: string;
  agency_id: string;
  enterprise_id: string;
  worker_id: string;
  retention_days: number;
  eligible_on: string;
  status: Defaulted<'eligible' | 'applied' | 'paid' | 'void'>;
  created_at: Timestamp;
}

export interface AgencyFeesTable {
  id: Generated<string>;
  submission_id: string;
  placement_id: string;
  agency_id: string;
  enterprise_id: string;
  amount_fen: number;
  owed_since: string;
  status: Defaulted<'owed' | 'paid' | 'waived'>;
  created_at: Timestamp;
}

/** The marketplace's tables, spread into `Database`. */
export interface MarketplaceTables {
  agencies: AgenciesTable;
  marketplace_settings: MarketplaceSettingsTable;
  marketplace_listings: MarketplaceListingsTable;
  marketplace_claims: MarketplaceClaimsTable;
  marketplace_submissions: MarketplaceSubmissionsTable;
  candidate_ownerships: CandidateOwnershipsTable;
  marketplace_reviews: MarketplaceReviewsTable;
  agency_subsidy_eligibilities: AgencySubsidyEligibilitiesTable;
  agency_fees: AgencyFeesTable;
}

export type AgencyRow = Selectable<AgenciesTable>;
export type ListingRow = Selectable<MarketplaceListingsTable>;
export type ClaimRow = Selectable<MarketplaceClaimsTable>;
export type ReviewRow = Selectable<MarketplaceReviewsTable>;
export type MarketplaceSettingsRow = Selectable<MarketplaceSettingsTable>;
