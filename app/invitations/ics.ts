// ICS meeting requests (RFC 5545 / iTIP) for invitations.
//
// Times are written as local times in Asia/Ho_Chi_Minh with a VTIMEZONE block, which needs luxon
// DateTimes in that zone: a plain Date with `timezone` set would write the UTC clock time under the
// zone's name (a 09:00 meeting would come out as 02:00). See ../shared/STACK.md.

import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalAlarmType,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import { DateTime } from "luxon";
import { TIME_ZONE } from "#app/lib/vietnamese-date.ts";

export interface InvitationIcsData {
  method: "REQUEST" | "CANCEL";
  /** Stable per attendee: `inv-<attendeeId>@hoinghi.local`. */
  uid: string;
  /** 0 for the first invitation, +1 for each update (and for the cancellation). */
  sequence: number;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  summary: string;
  description: string;
  location: string;
  url: string;
  startsAt: Date;
  endsAt: Date;
  /** DTSTAMP: when this version of the invitation was made. */
  stamp: Date;
  /** Minutes before the start; default 60. 0 or less leaves the alarm out. */
  alarmMinutesBefore?: number;
}

export const PRODID = { company: "Hoi nghi CCHC", product: "Giay moi", language: "VI" } as const;

/** One VEVENT in a VCALENDAR with METHOD, as a string with CRLF line ends. */
export function buildInvitationIcs(data: InvitationIcsData): string {
  const calendar = ical({
    prodId: PRODID,
    method: data.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  // The VTIMEZONE comes from the event's zone. The calendar-level zone name stays null on purpose:
  // ical-generator 10.2 writes DTSTAMP in the calendar's zone without a "Z" (RFC 5545 wants UTC),
  // so with a calendar zone name a 10:04:05Z stamp would come out as a floating 17:04:05.
  calendar.timezone({ name: null, generator: vtimezone });

  const alarmMinutes = data.alarmMinutesBefore ?? 60;
  const organizer = { name: oneLine(data.organizer.name), email: data.organizer.email };
  calendar.createEvent({
    id: data.uid,
    sequence: data.sequence,
    stamp: DateTime.fromJSDate(data.stamp, { zone: "utc" }),
    start: DateTime.fromJSDate(data.startsAt, { zone: TIME_ZONE }),
    end: DateTime.fromJSDate(data.endsAt, { zone: TIME_ZONE }),
    timezone: TIME_ZONE,
    summary: data.summary,
    description: data.description,
    location: data.location,
    url: data.url,
    status: data.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer,
    attendees: [
      {
        name: oneLine(data.attendee.name),
        email: data.attendee.email,
        rsvp: true,
        status: ICalAttendeeStatus.NEEDSACTION,
        role: ICalAttendeeRole.REQ,
      },
    ],
    alarms:
      data.method === "CANCEL" || alarmMinutes <= 0
        ? []
        : [{ type: ICalAlarmType.display, triggerBefore: alarmMinutes * 60, description: data.summary }],
  });
  // RFC 5545 ends every content line, the last one included, with CRLF.
  const ics = calendar.toString();
  return ics.endsWith("\r\n") ? ics : `${ics}\r\n`;
}

// getVtimezoneComponent reads a file on every call; the zone never changes while we run.
const vtimezoneCache = new Map<string, string | null>();
function vtimezone(zone: string): string | null {
  let value = vtimezoneCache.get(zone);
  if (value === undefined) {
    value = getVtimezoneComponent(zone);
    vtimezoneCache.set(zone, value);
  }
  return value;
}

/** Display names go into quoted parameters (CN="…"), where line breaks and quotes are not allowed. */
function oneLine(value: string): string {
  return value
    .replace(/[\r\n]+/g, " ")
    .replace(/"/g, "'")
    .trim();
}
