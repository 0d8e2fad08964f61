import { createRandom, drawInteger } from '@yonggong/engine';
import { type ApplicationStatus, normalizeLicenceNumber, OPEN_APPLICATION_STATUSES } from '@yonggong/shared';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nameKeys } from '../lib/pinyin.ts';
import { insertUser } from '../modules/users/users.repository.ts';

/**
 * The demo agency marketplace, generated deterministically after the pipeline: fifteen licensed
 * agencies (some in a district's labour-service alliance; one pending, one suspended) with staff
 * accounts `agency.1` … `agency.15`, open orders published to them, claims in every state,
 * candidates in the enterprises' pipelines (registered through the agency channel), hires with
 * their retention, subsidy eligibilities and fees, and reviews both ways. Every rule the product
 * enforces holds: claimed places equal the active claims, a placement per hire with `filled`
 * kept, hired workers employed, one ownership per submitted worker and enterprise.
 *
 * `agency.1` (吴江, alliance member) and `agency.2` (吴江, well rated) are both tier 1, so a
 * listing published in the demo reaches both at once.
 */
interface DemoAgency {
  readonly name: string;
  readonly region: string;
  readonly serves: readonly string[];
  readonly occupations: readonly string[];
  readonly alliance: string | null;
  readonly status: 'approved' | 'pending' | 'suspended';
}

const WUJIANG_ALLIANCE = '吴江区劳务服务联盟';
const KUNSHAN_ALLIANCE = '昆山市人力资源服务产业联盟';

const AGENCIES: readonly DemoAgency[] = [
  {
    name: '苏州鑫源人力资源有限公司',
    region: '320509',
    serves: ['320509', '320507'],
    occupations: [],
    alliance: WUJIANG_ALLIANCE,
    status: 'approved',
  },
  {
    name: '吴江众诚劳务派遣有限公司',
    region: '320509',
    serves: ['320509'],
    occupations: [],
    alliance: null,
    status: 'approved',
  },
  {
    name: '苏州汇才人力资源服务有限公司',
    region: '320505',
    serves: ['320500'],
    occupations: [],
    alliance: null,
    status: 'approved',
  },
  {
    name: '昆山立信人力资源有限公司',
    region: '320583',
    serves: ['320583', '320585'],
    occupations: ['6'],
    alliance: KUNSHAN_ALLIANCE,
    status: 'approved',
  },
  {
    name: '昆山优聘人才服务有限公司',
    region: '320583',
    serves: ['320583'],
    occupations: ['6', '4-02'],
    alliance: KUNSHAN_ALLIANCE,
    status: 'approved',
  },
  {
    name: '相城创展劳务服务有限公司',
    region: '320507',
    serves: ['320507', '320508'],
    occupations: [],
    alliance: null,
    status: 'approved',
  },
  {
    name: '苏州工业园区智联人力资源有限公司',
    region: '320571',
    serves: ['320571', '320506'],
    occupations: ['6-25', '6-31'],
    alliance: null,
    status: 'approved',
  },
  {
    name: '吴中恒达人力资源有限公司',
    region: '320506',
    serves: ['320506', '320505'],
    occupations: [],
    alliance: null,
    status: 'approved',
  },
  {
    name: '常熟同心劳务合作有限公司',
    region: '320581',
    serves: ['320581', '320582'],
    occupations: ['6-04', '6-05'],
    alliance: null,
    status: 'approved',
  },
  {
    name: '张家港港城人力资源有限公司',
    region: '320582',
    serves: ['320582'],
    occupations: [],
    alliance: null,
    status: 'approved',
  },
  {
    name: '太仓瑞丰人力资源有限公司',
    region: '320585',
    serves: ['320585', '320583'],
    occupations: [],
    alliance: KUNSHAN_ALLIANCE,
    status: 'approved',
  },
  {
    name: '吴江盛泽纺织劳务服务社',
    region: '320509',
    serves: ['320509'],
    occupations: ['6-04', '6-05'],
    alliance: WUJIANG_ALLIANCE,
    status: 'approved',
  },
  {
    name: '云南文山劳务输出有限公司',
    region: '532601',
    serves: ['320500'],
    occupations: ['6'],
    alliance: null,
    status: 'approved',
  },
  {
    name: '苏州捷程人力资源有限公司',
    region: '320508',
    serves: ['320508', '320509'],
    occupations: [],
    alliance: null,
    status: 'pending',
  },
  {
    name: '吴江速聘劳务有限公司',
    region: '320509',
    serves: ['320509'],
    occupations: [],
    alliance: null,
    status: 'suspended',
  },
];

/** How many agencies (and staff accounts agency.1 …) the demo has. */
export const DEMO_AGENCY_COUNT = AGENCIES.length;

const AGENCY_COMMENTS = [
  '推荐人员稳定，到岗及时',
  '响应很快，沟通顺畅',
  '候选人信息如实',
  '个别人员与岗位要求不符',
];
const ENTERPRISE_COMMENTS = [
  '岗位信息与实际一致',
  '工资按时足额发放',
  '住宿条件与描述相符',
  '加班较多，需提前说明',
];

export interface DemoMarketplaceReport {
  readonly agencies: number;
  readonly accounts: number;
  readonly listings: number;
  readonly claims: number;
  readonly submissions: number;
  readonly placements: number;
  readonly reviews: number;
}

export async function loadDemoMarketplace(
  trx: Kysely<Database>,
  options: { seed: number; today: Date; passwordHashes: readonly string[] },
): Promise<DemoMarketplaceReport> {
  const rand = createRandom(options.seed ^ 0x0a9e);
  const at = (daysAgo: number, hours = 0) =>
    new Date(options.today.getTime() - daysAgo * 86_400_000 + hours * 3_600_000);
  const day = (daysAgo: number) => at(daysAgo).toISOString().slice(0, 10);

  const agencies: { id: string; userId: string; agency: DemoAgency }[] = [];
  for (const [index, agency] of AGENCIES.entries()) {
    const keys = nameKeys(agency.name);
    const licence = `（苏）人服证字〔20${18 + (index % 6)}〕第${agency.region}${String(100 + index * 7).padStart(4, '0')}号`;
    const row = await trx
      .insertInto('agencies')
      .values({
        licence_number: licence,
        licence_key: normalizeLicenceNumber(licence),
        name: agency.name,
        name_pinyin: keys.pinyin,
        name_initials: keys.initials,
        region_code: agency.region,
        service_region_codes: [...agency.serves],
        service_occupation_codes: [...agency.occupations],
        alliance: agency.alliance,
        contact_name: `${'王李张刘陈杨赵黄周吴'[index % 10]}经理`,
        status: agency.status,
        status_reason: agency.status === 'suspended' ? '群众投诉虚假招聘信息，核查期间暂停抢单' : null,
        approved_at: agency.status === 'pending' ? null : at(200 - index * 5),
        created_at: at(210 - index * 5),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await insertUser(trx, {
      username: `agency.${index + 1}`,
      display_name: `${agency.name.replace(/有限公司|服务社/, '')} 招聘专员`,
      password_hash: options.passwordHashes[index] ?? null,
      roles: ['agency'],
      district_codes: [],
      enterprise_id: null,
      agency_id: row.id,
      school_id: null,
      base_id: null,
      worker_id: null,
    });
    agencies.push({ id: row.id, userId: user.id, agency });
  }
  const approved = agencies.filter((entry) => entry.agency.status === 'approved');
  const serves = (entry: (typeof agencies)[number], district: string, occupation: string) =>
    entry.agency.serves.some((code) => district.startsWith(code.replace(/(00)+$/, ''))) &&
    (entry.agency.occupations.length === 0 ||
      entry.agency.occupations.some(
        (prefix) => occupation === prefix || occupation.startsWith(`${prefix}-`),
      ));

  const orders = await trx
    .selectFrom('job_orders')
    .select([
      'id',
      'enterprise_id',
      'title',
      'district_code',
      'occupation_code',
      'headcount',
      'filled',
      'deadline',
    ])
    .where('status', '=', 'open')
    .where(sql<boolean>`filled + 2 < headcount`)
    .orderBy('district_code')
    .orderBy('title')
    .orderBy('headcount')
    .orderBy('deadline')
    .execute();
  const candidates = await trx
    .selectFrom('workers')
    .select(['id'])
    .where('status', '=', 'available')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('applications')
            .select('applications.id')
            .whereRef('applications.worker_id', '=', 'workers.id')
            .where('applications.status', 'in', [...OPEN_APPLICATION_STATUSES]),
        ),
      ),
    )
    .orderBy('name_pinyin')
    .orderBy('birth_date')
    .orderBy('id_last4')
    .execute();
  let nextWorker = 0;

  let listings = 0;
  let claims = 0;
  let submissions = 0;
  let placements = 0;
  let reviews = 0;
  const employed: string[] = [];
  const used = new Set<string>();
  // Wujiang first, so the demo accounts' hall is full; then every other district.
  const ordered = [
    ...orders.filter((o) => o.district_code === '320509'),
    ...orders.filter((o) => o.district_code !== '320509'),
  ];
  for (const order of ordered) {
    if (listings >= 30) break;
    const audience = approved.filter((entry) => serves(entry, order.district_code, order.occupation_code));
    if (audience.length === 0) continue;
    const isOld = listings % 3 === 2;
    const ageDays = isOld ? 100 + drawInteger(rand, 60) : 1 + drawInteger(rand, 12);
    const open = order.headcount - order.filled;
    const offered = Math.min(open - 1, 2 + drawInteger(rand, 5));
    const feeFen = rand() < 0.5 ? (300 + 100 * drawInteger(rand, 10)) * 100 : null;
    const publishedAt = at(ageDays, 9);
    const listing = await trx
      .insertInto('marketplace_listings')
      .values({
        job_order_id: order.id,
        enterprise_id: order.enterprise_id,
        offered_places: offered,
        claimed_places: 0,
        fee_per_hire_fen: feeFen,
        subsidy_applies: rand() < 0.85,
        deadline: isOld ? day(ageDays - 20) : ([order.deadline, day(-15)].sort()[0] ?? order.deadline),
        status: isOld ? 'closed' : 'open',
        status_reason: isOld ? '抢单期已结束' : null,
        published_at: publishedAt,
        open_to_all_at: at(ageDays, 11),
        first_claim_at: at(ageDays, 9.5 + drawInteger(rand, 20) / 4),
        created_at: publishedAt,
      })
      .returning(['id', 'subsidy_applies', 'fee_per_hire_fen'])
      .executeTakeFirstOrThrow();
    listings++;
    let remaining = offered;
    let activePlaces = 0;
    const claimants = audience
      .slice()
      .sort(() => rand() - 0.5)
      .slice(0, 1 + drawInteger(rand, 3));
    // The demo accounts take part in Wujiang's listings.
    for (const demo of agencies.slice(0, 2))
      if (order.district_code === '320509' && !claimants.includes(demo) && claimants.length < 3)
        claimants.unshift(demo);
    for (const [k, claimant] of claimants.entries()) {
      if (remaining <= 0) break;
      const places = Math.min(remaining, 1 + drawInteger(rand, 3));
      remaining -= places;
      const claimedAt = at(ageDays, 9.5 + k);
      // Old listings: every claim ended; current ones: the third claimant lets it lapse.
      const fate: 'active' | 'lapsed' | 'closed' = isOld ? 'closed' : k === 2 ? 'lapsed' : 'active';
      const submitting = fate !== 'lapsed' && !(k === 1 && !isOld && ageDays <= 1);
      const picks: { workerId: string; status: ApplicationStatus; hiredOn: string | null }[] = [];
      if (submitting)
        for (let s = 0; s < places && nextWorker < candidates.length; s++) {
          const worker = candidates[nextWorker++];
          if (!worker || used.has(worker.id)) continue;
          used.add(worker.id);
          const roll = rand();
          let status: ApplicationStatus;
          let hiredOn: string | null = null;
          if (isOld) {
            if (roll < 0.55) {
              hiredOn = day(ageDays - 4);
              status = ageDays - 4 >= 90 && rand() < 0.75 ? 'retained_90' : 'retained_30';
            } else status = roll < 0.8 ? 'rejected' : 'withdrawn';
          } else if (roll < 0.25 && ageDays > 3) {
            hiredOn = day(ageDays - 2);
            status = 'hired';
          } else
            status =
              (['recommended', 'screening', 'interview', 'offered', 'rejected'] as const)[
                drawInteger(rand, 5)
              ] ?? 'recommended';
          picks.push({ workerId: worker.id, status, hiredOn });
        }
      const claim = await trx
        .insertInto('marketplace_claims')
        .values({
          listing_id: listing.id,
          job_order_id: order.id,
          enterprise_id: order.enterprise_id,
          agency_id: claimant.id,
          places,
          places_claimed: places,
          submitted_count: picks.length,
          status: fate,
          status_reason:
            fate === 'lapsed' ? '超时未推荐候选人，名额已退回' : fate === 'closed' ? '抢单期已结束' : null,
          lapses_at: new Date(claimedAt.getTime() + 48 * 3_600_000),
          claimed_by: claimant.userId,
          claimed_at: claimedAt,
          ended_at:
            fate === 'active'
              ? null
              : fate === 'lapsed'
                ? new Date(claimedAt.getTime() + 48 * 3_600_000)
                : at(ageDays - 20),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      claims++;
      if (fate === 'active') activePlaces += places;
      let hires = 0;
      for (const [s, pick] of picks.entries()) {
        const submittedAt = new Date(claimedAt.getTime() + (s + 1) * 3_600_000);
        await trx
          .insertInto('worker_channels')
          .values({
            worker_id: pick.workerId,
            channel: 'agency',
            channel_ref: claimant.userId,
            registered_by: claimant.userId,
            at: submittedAt,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        const application = await trx
          .insertInto('applications')
          .values({
            worker_id: pick.workerId,
            job_order_id: order.id,
            enterprise_id: order.enterprise_id,
            status: pick.status,
            channel: 'agency',
            note: '',
            hired_on: pick.hiredOn,
            created_by: claimant.userId,
            created_at: submittedAt,
            updated_at: submittedAt,
            last_action_at: submittedAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const path = pathTo(pick.status);
        await trx
          .insertInto('application_events')
          .values(
            path.map((to, step) => ({
              application_id: application.id,
              from_status: step === 0 ? null : (path[step - 1] ?? null),
              to_status: to,
              actor_id: step === 0 ? claimant.userId : null,
              reason: step === 0 ? `机构推荐（${claimant.agency.name}）` : '',
              at: new Date(submittedAt.getTime() + step * 86_400_000),
            })),
          )
          .execute();
        const submission = await trx
          .insertInto('marketplace_submissions')
          .values({
            claim_id: claim.id,
            application_id: application.id,
            agency_id: claimant.id,
            enterprise_id: order.enterprise_id,
            job_order_id: order.id,
            worker_id: pick.workerId,
            submitted_by: claimant.userId,
            submitted_at: submittedAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('candidate_ownerships')
          .values({
            enterprise_id: order.enterprise_id,
            worker_id: pick.workerId,
            agency_id: claimant.id,
            owned_since: submittedAt,
            owned_until: new Date(submittedAt.getTime() + 90 * 86_400_000),
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        submissions++;
        if (pick.hiredOn) {
          const retained30 = pick.status === 'retained_30' || pick.status === 'retained_90';
          const placement = await trx
            .insertInto('placements')
            .values({
              application_id: application.id,
              worker_id: pick.workerId,
              job_order_id: order.id,
              enterprise_id: order.enterprise_id,
              channel: 'agency',
              hired_on: pick.hiredOn,
              retained_30: retained30 ? 'yes' : 'pending',
              retained_90: pick.status === 'retained_90' ? 'yes' : 'pending',
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .updateTable('job_orders')
            .set({ filled: sql`filled + 1` })
            .where('id', '=', order.id)
            .execute();
          employed.push(pick.workerId);
          placements++;
          hires++;
          if (pick.status === 'retained_90') {
            const eligibleOn = day(ageDays - 4 - 90);
            if (listing.subsidy_applies)
              await trx
                .insertInto('agency_subsidy_eligibilities')
                .values({
                  submission_id: submission.id,
                  placement_id: placement.id,
                  agency_id: claimant.id,
                  enterprise_id: order.enterprise_id,
                  worker_id: pick.workerId,
                  retention_days: 90,
                  eligible_on: eligibleOn,
                })
                .execute();
            if (listing.fee_per_hire_fen !== null)
              await trx
                .insertInto('agency_fees')
                .values({
                  submission_id: submission.id,
                  placement_id: placement.id,
                  agency_id: claimant.id,
                  enterprise_id: order.enterprise_id,
                  amount_fen: listing.fee_per_hire_fen,
                  owed_since: eligibleOn,
                  status: rand() < 0.6 ? 'paid' : 'owed',
                })
                .execute();
          }
        }
      }
      // 互评 where the interaction was real: candidates and a hire, or the claim ended.
      if (picks.length > 0 && (hires > 0 || fate !== 'active')) {
        const reviewer = await trx
          .selectFrom('users')
          .select('id')
          .where('enterprise_id', '=', order.enterprise_id)
          .executeTakeFirst();
        const good = claimant.agency.alliance !== null || claimant === agencies[1] ? 4 : 3;
        const score = () => Math.min(5, good + drawInteger(rand, 2));
        await trx
          .insertInto('marketplace_reviews')
          .values([
            {
              claim_id: claim.id,
              direction: 'enterprise_to_agency',
              agency_id: claimant.id,
              enterprise_id: order.enterprise_id,
              score_1: claimant === agencies[1] ? 5 : score(),
              score_2: claimant === agencies[1] ? 5 : score(),
              score_3: score(),
              comment: AGENCY_COMMENTS[drawInteger(rand, AGENCY_COMMENTS.length)] ?? '',
              reviewer_id: reviewer?.id ?? null,
              created_at: at(Math.max(0, ageDays - 10)),
            },
            {
              claim_id: claim.id,
              direction: 'agency_to_enterprise',
              agency_id: claimant.id,
              enterprise_id: order.enterprise_id,
              score_1: 3 + drawInteger(rand, 3),
              score_2: 3 + drawInteger(rand, 3),
              score_3: 2 + drawInteger(rand, 4),
              comment: ENTERPRISE_COMMENTS[drawInteger(rand, ENTERPRISE_COMMENTS.length)] ?? '',
              reviewer_id: claimant.userId,
              created_at: at(Math.max(0, ageDays - 10)),
            },
          ])
          .execute();
        reviews += 2;
      }
    }
    await trx
      .updateTable('marketplace_listings')
      .set({ claimed_places: activePlaces })
      .where('id', '=', listing.id)
      .execute();
  }
  if (employed.length > 0)
    await trx.updateTable('workers').set({ status: 'employed' }).where('id', 'in', employed).execute();
  await trx
    .updateTable('job_orders')
    .set({ status: 'filled', status_reason: '招满' })
    .where('status', '=', 'open')
    .where(sql<boolean>`filled >= headcount`)
    .execute();
  return {
    agencies: agencies.length,
    accounts: agencies.length,
    listings,
    claims,
    submissions,
    placements,
    reviews,
  };
}

/** The legal walk from a recommendation to `status` (APPLICATION_TRANSITIONS). */
function pathTo(status: ApplicationStatus): ApplicationStatus[] {
  const forward: ApplicationStatus[] = [
    'recommended',
    'screening',
    'interview',
    'offered',
    'hired',
    'retained_30',
    'retained_90',
  ];
  const at = forward.indexOf(status);
  if (at >= 0) return forward.slice(0, at + 1);
  if (status === 'rejected') return ['recommended', 'screening', 'rejected'];
  if (status === 'withdrawn') return ['recommended', 'screening', 'interview', 'withdrawn'];
  return ['recommended', status];
}
