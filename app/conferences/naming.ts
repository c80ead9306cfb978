// How a conference and its attendee groups are named wherever people read them (screens, letters,
// e-mails, the scanner, reports).

/** The meeting's name from its plan's title: "Kế hoạch tổ chức hội nghị X" → "Hội nghị X". */
export function meetingName(title: string): string {
  const stripped = title.replace(/^\s*(kế hoạch\s+)?tổ chức\s+/i, "");
  return stripped.charAt(0).toUpperCase() + stripped.slice(1);
}

/** How a plan's attendee group is named in lists: its heading, or its first role line, or "Nhóm N". */
export function groupLabel(group: { heading: string | null; lines?: Array<{ text: string }> }, index: number): string {
  return group.heading || group.lines?.[0]?.text.replace(/[;.]$/, "") || `Nhóm ${index + 1}`;
}
