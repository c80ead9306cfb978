import type { Crumb } from "#app/ui/breadcrumbs.tsx";

// The start of every scoring and remediation page's breadcrumb trail (see each route's `handle`).

export const SCORING_CRUMB: Crumb = { label: "Chỉ số CCHC", to: "/scoring" };

/** "Chỉ số CCHC › <round title>", the round linked. */
export function roundCrumbs(round: { id: string; title: string } | undefined): Crumb[] {
  return [
    SCORING_CRUMB,
    { label: round?.title ?? "Đợt đánh giá", to: round ? `/scoring/rounds/${round.id}` : undefined },
  ];
}
