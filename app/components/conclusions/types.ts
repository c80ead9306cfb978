import type { SubmissionResult } from "@conform-to/react";
import type { TaskStatus } from "#app/conferences/vocabulary.ts";

// What the conclusion page gets from its loader and action, as plain JSON.

export interface Option {
  id: string;
  name: string;
}

export interface NoticeData {
  status: "DRAFT" | "ISSUED";
  documentNumber: string | null;
  documentSymbol: string;
  issuePlace: string;
  /** "YYYY-MM-DD", blank until issued. */
  issuedOn: string;
  title: string;
  opening: string;
  chairText: string;
  attendanceSummary: string;
  closingText: string;
  signAuthority: string;
  signDelegation: string;
  signerTitle: string;
  signerName: string;
  items: Array<{ id: string; agendaItemId: string | null; heading: string; text: string }>;
  tasks: Array<{
    id: string;
    assignee: string;
    organizationId: string | null;
    duties: string;
    /** "YYYY-MM-DD" or blank. */
    dueDate: string;
    status: TaskStatus;
    planTaskId: string | null;
    planTask: { assignee: string } | null;
  }>;
  recipients: Array<{ id: string; text: string; email: string | null }>;
}

export interface NoticePageData {
  conference: { id: string; title: string; held: boolean };
  canEdit: boolean;
  /** The roll call now, as the notice words it. */
  attendance: string;
  warning: string | null;
  agendaItems: Option[];
  planTasks: Array<{ id: string; assignee: string }>;
  organizations: Option[];
  /** "YYYY-MM-DD" in Vietnam. */
  today: string;
  notice: NoticeData | null;
}

export interface NoticeActionData {
  intent: string;
  result: SubmissionResult<string[]>;
  message: string | null;
}
