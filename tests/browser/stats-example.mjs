// A GET /api/v1/stats answer in the shape of docs/api-staff.md with the municipalities'
// published figures (238 screenings, 205 answered, 33 excluded, 42 lonely = 20.5 %; 36
// referrals, 27 matched = 75 %), for specs and screenshots that stand in for the endpoint.
const counts = (n) => ({
  tags: 40 * n, cards: 30 * n, card_views: 55 * n, conversations: 35 * n, follow_ups_due: 12 * n, follow_ups_done: 10 * n,
  follow_up_outcomes: { went: 6 * n, not_yet: 2 * n, barrier: 2 * n, barriers: { transport: n, nerves: n, health: 0, time: 0, other: 0 } },
  referrals: 12 * n, referrals_matched: 9 * n, match_rate: 0.75,
  screenings: { completed: 79 * n + (n === 1 ? 1 : 0), answered: 68 * n + (n === 1 ? 1 : 0), excluded: 11 * n, lonely: 14 * n, share_lonely: 0.205 },
});

export const STATS_EXAMPLE = {
  from: '2026-01-01', to: '2026-03-31',
  ...counts(3),
  screenings: { completed: 238, answered: 205, excluded: 33, lonely: 42, share_lonely: 0.205 },
  referrals: 36, referrals_matched: 27, match_rate: 0.75,
  by_month: [{ month: '2026-01', ...counts(1) }, { month: '2026-02', ...counts(1) }, { month: '2026-03', ...counts(1) }],
  by_team: [
    { team: 'Forebyggende besøg Nord', ...counts(2) },
    { team: 'Hjemmeplejen Vinderup', ...counts(1), referrals: null, referrals_matched: null, suppressed: true },
  ],
};
