/** What the conference navigation may show, decided by the layout's loader from the user's capabilities. */
export interface ConferenceNavAllowed {
  view: boolean;
  invitations: boolean;
  bridges: boolean;
  checkin: boolean;
  attendance: boolean;
  audit: boolean;
}

export interface ConferenceNavLink {
  to: string;
  label: string;
  /** Active only on this exact path (the plan itself), not on the pages below it. */
  end?: boolean;
}

/**
 * The pages of one conference the user may open, in the order of the work. Pages of a meeting
 * (agenda, attendees, bridges, roll call) exist for conferences only, not for other kinds of plan.
 */
export function conferenceNavLinks(id: string, isConference: boolean, may: ConferenceNavAllowed): ConferenceNavLink[] {
  const base = `/conferences/${id}`;
  const links: Array<ConferenceNavLink | false> = [
    may.view && { to: base, label: "Kế hoạch", end: true },
    isConference && may.view && { to: `${base}/agenda`, label: "Chương trình" },
    isConference && may.view && { to: `${base}/speeches`, label: "Tham luận" },
    isConference && may.view && { to: `${base}/documents`, label: "Tài liệu họp" },
    isConference && may.invitations && { to: `${base}/attendees`, label: "Đại biểu, giấy mời" },
    isConference && may.invitations && { to: `${base}/reminders`, label: "Lịch nhắc họp" },
    isConference && may.view && { to: `${base}/awards`, label: "Khen thưởng" },
    isConference && may.view && { to: `${base}/packet`, label: "Bộ tài liệu" },
    isConference && may.bridges && { to: `${base}/bridges`, label: "Điểm cầu" },
    isConference && may.checkin && { to: `${base}/checkin`, label: "Quét QR điểm danh" },
    isConference && may.attendance && { to: `${base}/attendance`, label: "Điểm danh, có mặt" },
    // issue 14: conclusion
    isConference && may.view && { to: `${base}/conclusion`, label: "Thông báo kết luận" },
    may.audit && { to: `${base}/audit`, label: "Nhật ký thay đổi" },
  ];
  return links.filter((l): l is ConferenceNavLink => !!l);
}
