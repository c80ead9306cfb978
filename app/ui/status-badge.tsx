import { STATUS_LABEL, type ConferenceStatus } from "#app/conferences/vocabulary.ts";

export function StatusBadge({ status }: { status: ConferenceStatus }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{STATUS_LABEL[status]}</span>;
}
