import type { Outline } from "#app/plans/outline.ts";
import type { ConferenceFormat, ConferenceStatus, PlanKind, TaskStatus } from "#app/conferences/vocabulary.ts";
import type { Role } from "#app/auth/roles.ts";

export type { LevelCode } from "#app/organizations/levels.ts";
import type { LevelCode } from "#app/organizations/levels.ts";

export interface SeedOrganization {
  key: string;
  name: string;
  documentName: string;
  placeName: string;
  level: LevelCode;
  parentKey?: string;
  code?: string;
  /** ISO date, e.g. "2025-07-01" for bodies dissolved by the 2025 reorganisation. */
  dissolvedOn?: string;
}

export interface SeedUser {
  email: string;
  name: string;
  position?: string;
  organizationKey: string;
  roles: Role[];
}

export interface SeedPlan {
  key: string;
  /** File in ../shared/seeds this plan transcribes. */
  seedFile: string;
  organizationKey: string;
  kind: PlanKind;
  status: ConferenceStatus;
  documentNumber: string | null;
  documentSymbol: string;
  issuePlace: string;
  issueDay: number | null;
  issueMonth: number | null;
  issueYear: number;
  title: string;
  legalBasis: string;
  purposes: string;
  requirements: string;
  content: string;
  closing: string;
  format: ConferenceFormat;
  formatNote: string;
  /** ISO 8601 with offset, e.g. "2024-06-14T08:00:00+07:00". */
  startsAt: string | null;
  endsAt: string | null;
  tentativeMonth: number | null;
  tentativeYear: number | null;
  scheduleNote: string;
  scheduleText: string;
  venue: string;
  budgetSource: string;
  chair: string;
  attendeeGroups: Array<{ heading: string; lines: Array<{ text: string; organizationKey?: string }> }>;
  tasks: Array<{
    assignee: string;
    organizationKey?: string;
    duties: string;
    inlineDuties: boolean;
    /** ISO date "2024-06-10". */
    dueDate?: string;
    status: TaskStatus;
  }>;
  recipients: string[];
  signAuthority: string;
  signDelegation: string;
  signerTitle: string;
  signerName: string;
  invitationNumber?: string;
  preparationNote?: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  /** The document's own layout; null = the standard layout. */
  outline: Outline | null;
}
