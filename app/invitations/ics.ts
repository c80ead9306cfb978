// ICS meeting requests (RFC 5545 / iTIP) for invitations, written line by line.
//
// Times are written as local times in Asia/Ho_Chi_Minh under TZID, with the zone's VTIMEZONE block
// (@touch4it/ical-timezones), so calendars show 09:00 for a 09:00 meeting; DTSTAMP is UTC.
// Written here rather than with ical-generator (whose output this matches line for line; a test keeps
// them equal): its line folding built a TextEncoder for every character of the calendar, about 1 ms of
// every invitation e-mail, as much as the rest of the calendar and the QR code together.

import { getVtimezoneComponent } from "@touch4it/ical-timezones";
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

/** One VEVENT in a VCALENDAR with METHOD, as a string with CRLF line ends (the last line's too). */
export function buildInvitationIcs(data: InvitationIcsData): string {
  const cancel = data.method === "CANCEL";
  const alarmMinutes = data.alarmMinutesBefore ?? 60;
  const zone = vtimezone(TIME_ZONE);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//${PRODID.company}//${PRODID.product}//${PRODID.language}`,
    `METHOD:${cancel ? "CANCEL" : "REQUEST"}`,
    ...(zone ? zone.split(/\r?\n/).filter((l) => l !== "") : []),
    "BEGIN:VEVENT",
    `UID:${text(data.uid)}`,
    `SEQUENCE:${data.sequence}`,
    `DTSTAMP:${utcTime(data.stamp)}`,
    `DTSTART;TZID=${TIME_ZONE}:${localTime(data.startsAt)}`,
    `DTEND;TZID=${TIME_ZONE}:${localTime(data.endsAt)}`,
    `SUMMARY:${text(data.summary)}`,
    `LOCATION:${text(data.location)}`,
    `DESCRIPTION:${text(data.description)}`,
    `ORGANIZER;CN="${oneLine(data.organizer.name)}":mailto:${data.organizer.email}`,
    `ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN="${oneLine(data.attendee.name)}":MAILTO:${data.attendee.email}`,
    ...(cancel || alarmMinutes <= 0
      ? []
      : [
          "BEGIN:VALARM",
          "ACTION:DISPLAY",
          `TRIGGER:${beforeStart(alarmMinutes)}`,
          `DESCRIPTION:${text(data.summary)}`,
          "END:VALARM",
        ]),
    // A URI value is not TEXT: its commas and semicolons stay as they are (RFC 5545 3.3.13).
    `URL;VALUE=URI:${oneLine(data.url)}`,
    `STATUS:${cancel ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
function text(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}

function utcTime(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

// A bulk send writes the same two instants into every calendar: luxon's zone arithmetic is done once each.
const localTimes = new Map<number, string>();

function localTime(d: Date): string {
  const key = d.getTime();
  let text = localTimes.get(key);
  if (text === undefined) {
    text = DateTime.fromJSDate(d, { zone: TIME_ZONE }).toFormat("yyyyLLdd'T'HHmmss");
    if (localTimes.size >= 1000) localTimes.clear();
    localTimes.set(key, text);
  }
  return text;
}

/** A negative duration (RFC 5545 3.3.6): 60 → -PT1H, 90 → -PT1H30M, 1440 → -P1D. */
function beforeStart(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = Math.round(minutes % 60);
  const time = hours || mins ? `T${hours ? `${hours}H` : ""}${mins ? `${mins}M` : ""}` : "";
  return `-P${days ? `${days}D` : ""}${time}`;
}

/**
 * Content lines longer than 75 octets are folded (RFC 5545 3.1): CRLF and a space, the space counting
 * towards the next line's 75; never inside a UTF-8 character or a surrogate pair.
 */
function fold(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  let out = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > 75) {
      out += "\r\n ";
      octets = 1;
    }
    out += ch;
    octets += size;
  }
  return out;
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
