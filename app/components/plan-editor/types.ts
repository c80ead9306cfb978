import type { z } from "zod";
import type { planFormSchema } from "#app/plans/plan-form.ts";

/** The plan form's values as typed. */
export type PlanInput = z.input<typeof planFormSchema>;

export interface OrganizationOption {
  id: string;
  name: string;
}
