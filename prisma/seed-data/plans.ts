import type { SeedPlan } from "#prisma/seed-data/types.ts";

// The five seed plans of ../shared/seeds, transcribed verbatim (the seeds'
// own typos kept, markdown emphasis dropped), followed by demo plans that are
// not from any seed. test/unit/seed-fidelity.test.ts proves that the plan
// renderer (app/plans/document.ts) reproduces every line of each seed.
//
// Multi-line fields hold one paragraph per line. Each seed keeps its own
// layout in `outline`; the demo plans use the standard layout (outline null).

const TM = "TM. ỦY BAN NHÂN DÂN";

/** Fields that a plan leaves empty unless it says otherwise. */
const EMPTY = {
  legalBasis: "",
  purposes: "",
  requirements: "",
  content: "",
  closing: "",
  format: "IN_PERSON",
  formatNote: "",
  startsAt: null,
  endsAt: null,
  tentativeMonth: null,
  tentativeYear: null,
  scheduleNote: "",
  scheduleText: "",
  venue: "",
  budgetSource: "",
  chair: "",
  attendeeGroups: [],
  tasks: [],
  recipients: [],
  signAuthority: TM,
  signDelegation: "",
  signerTitle: "CHỦ TỊCH",
  signerName: "",
  outline: null,
} satisfies Partial<SeedPlan>;

const p = (...paragraphs: string[]): string => paragraphs.join("\n");

// ─── Seed 000: huyện Tam Đường, Lai Châu ────────────────────────────────────
// A draft: the number and the day are still blank ("Số: /KH-UBND … ngày tháng 5").
const seed000: SeedPlan = {
  ...EMPTY,
  key: "tam-duong-2024-cong-bo-chi-so-cap-xa",
  seedFile: "000_bc3961f7e28bf851.txt",
  organizationKey: "tam-duong",
  kind: "CONFERENCE",
  status: "DRAFT",
  documentNumber: null,
  documentSymbol: "KH-UBND",
  issuePlace: "Tam Đường",
  issueDay: null,
  issueMonth: 5,
  issueYear: 2024,
  title: "Tổ chức Hội nghị Công bố chỉ số cải cách hành chính cấp xã trên địa bàn huyện Tam Đường năm 2023",
  legalBasis:
    "Để tiếp tục cải thiện, nâng cao Chỉ số cải cách hành chính huyện Tam Đường và kịp thời khắc phục những tồn tại, hạn chế trong quá trình tổ chức triển khai, thực hiện. UBND huyện Tam Đường ban hành Kế hoạch tổ chức Hội nghị phân tích, đánh giá và công bố Chỉ số cải cách hành chính các xã, thị trấn năm 2023 cụ thể như sau:",
  purposes: p(
    "Phân tích các Chỉ số cải cách hành chính các xã, thị trấn năm 2023 nhằm chỉ ra những nhiệm vụ đã làm tốt, nhiệm vụ chưa làm được để đề ra những mục tiêu, nhiệm vụ, giải pháp duy trì, cải thiện các chỉ số thành phần của Chỉ số PAR INDEX năm 2024 của huyện Tam Đường.",
    "Công bố Chỉ số cải cách hành chính các xã, thị trấn năm 2023.",
  ),
  requirements: p(
    "Phân tích chi tiết, cụ thể từng tiêu chí/tiêu chí thành phần tăng hạng/giảm hạng, nguyên nhân. Trên cơ sở đánh giá đúng thực trạng, đề xuất mục tiêu, nhiệm vụ, giải pháp duy trì, cải thiện các Chỉ số cải cách hành chính.",
    "Công bố Chỉ số cải cách hành chính các xã, thị trấn năm 2023 đảm bảo chất lượng, hiệu quả, chính xác, khách quan.",
  ),
  content: "Phân tích và công bố chỉ số cải cách hành chính cấp xã trên địa bàn huyện Tam Đường năm 2023.",
  // The plan names its chair inside the attendee list, which the outline prints.
  chair: "Đồng chí Chủ tịch UBND huyện",
  attendeeGroups: [
    {
      heading: "",
      lines: [
        { text: "Đồng chí Chủ tịch UBND huyện (Chủ trì Hội nghị).", organizationKey: "tam-duong" },
        {
          text: "Đại diện lãnh đạo, chuyên viên phụ trách lĩnh vực CCHC: Phòng Nội vụ, Phòng Văn hóa và Thông tin, Phòng Tài chính - Kế hoạch, Phòng Tư pháp, Phòng Kinh tế - Hạ tầng, Văn phòng HĐND-UBND huyện, Trung tâm Văn hóa Thể thao và Truyền thông huyện.",
        },
        { text: "Chủ tịch UBND và Công chức Văn phòng - Thống kê các xã, thị trấn." },
      ],
    },
  ],
  format: "IN_PERSON",
  tentativeMonth: 6,
  tentativeYear: 2024,
  scheduleNote: "Thời gian cụ thể sẽ có thông báo sau",
  // scheduleText() would say "Dự kiến trong tháng 6/2024 (…)."; the plan says more.
  scheduleText: "Dự kiến hội nghị tổ chức 1/2 ngày, trong tháng 6/2024 (Thời gian cụ thể sẽ có thông báo sau).",
  venue: "Tại phòng họp số 3 - Trung tâm Hội nghị - Văn hóa huyện (dự kiến).",
  tasks: [
    {
      assignee: "Phòng Nội vụ",
      organizationKey: "tam-duong-phong-noi-vu",
      inlineDuties: false,
      status: "NOT_STARTED",
      duties: p(
        "- Chủ trì, phối hợp với các cơ quan, đơn vị chuẩn bị các tài liệu, báo cáo nội dung liên quan để phân tích chỉ số CCHC các xã, thị trấn năm 2023, công bố chỉ số cải cách hành chính của các xã, thị trấn năm 2023.",
        "- Tham mưu Chủ tịch UBND huyện khen thưởng cho các tập thể, cá nhân tiêu biểu xuất sắc trong triển khai, thực hiện nhiệm vụ cải cách hành chính năm 2023 (tổ chức khen thưởng tại Hội nghị).",
        "- Phối hợp với Văn phòng HĐND-UBND huyện chuẩn bị hội trường và các điều kiện cần thiết để tổ chức Hội nghị.",
      ),
    },
    {
      assignee: "Các cơ quan, đơn vị, UBND các xã, thị trấn",
      inlineDuties: false,
      status: "NOT_STARTED",
      duties: p(
        "- Tham dự Hội nghị đúng thành phần và thời gian; mời các tập thể, cá nhân có thành tích tiêu biểu, xuất sắc trong triển khai, thực hiện các chỉ số CCHC được UBND huyện tặng giấy khen về dự Hội nghị.",
        "- Chuẩn bị ý kiến phát biểu thảo luận tại Hội nghị.",
      ),
    },
  ],
  closing:
    "Trên đây là Kế hoạch tổ chức Hội nghị Công bố Chỉ số cải cách hành chính cấp xã trên địa bàn huyện Tam Đường năm 2023. Yêu cầu các cơ quan, đơn vị, UBND các xã, thị trấn nghiêm túc triển khai, thực hiện./.",
  recipients: [
    "TT. Huyện ủy (B/c);",
    "Chủ tịch, các Phó Chủ tịch UBND huyện;",
    "Các cơ quan, ban, ngành huyện;",
    "UBND các xã, thị trấn;",
    "Lưu: VT.",
  ],
  signAuthority: TM,
  signerTitle: "CHỦ TỊCH",
  signerName: "Sùng Lữ Páo",
  outline: {
    sections: [
      {
        heading: "I. MỤC ĐÍCH, YÊU CẦU",
        blocks: [
          { type: "subheading", text: "1. Mục đích" },
          { type: "field", field: "purposes" },
          { type: "subheading", text: "2. Yêu cầu" },
          { type: "field", field: "requirements" },
        ],
      },
      {
        heading: "II. THÀNH PHẦN, THỜI GIAN, ĐỊA ĐIỂM, NỘI DUNG",
        blocks: [
          { type: "field", field: "attendees", label: "1. Thành phần tham dự" },
          { type: "field", field: "schedule", label: "2. Thời gian: " },
          { type: "field", field: "venue", label: "3. Địa điểm: " },
          { type: "field", field: "content", label: "4. Nội dung: " },
        ],
      },
      // Sic: the seed has no full stop after "III".
      { heading: "III TỔ CHỨC THỰC HIỆN", blocks: [{ type: "field", field: "tasks" }] },
    ],
  },
};

// ─── Seed 001: tỉnh Quảng Nam, No. 71/KH-UBND ───────────────────────────────
const seed001: SeedPlan = {
  ...EMPTY,
  key: "quang-nam-2024-tong-ket-cchc-2023",
  seedFile: "001_bf88ecfcb4ac9dbf.txt",
  organizationKey: "quang-nam",
  kind: "CONFERENCE",
  status: "INVITATIONS_SENT",
  documentNumber: "71",
  documentSymbol: "KH-UBND",
  issuePlace: "Quảng Nam",
  issueDay: 4,
  issueMonth: 1,
  issueYear: 2024,
  title: "Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2023, triển khai các nhiệm vụ trọng tâm năm 2024",
  legalBasis:
    "Thực hiện Quyết định 2817/QĐ-UBND ngày 25/12/2023 của UBND tỉnh ban hành Kế hoạch công tác cải cách hành chính năm 2024; Ủy ban nhân dân tỉnh ban hành Kế hoạch tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2023, triển khai các nhiệm vụ trọng tâm năm 2024 với các nội dung cụ thể như sau:",
  purposes: p(
    "- Tổng kết, đánh giá những kết quả đạt được, tồn tại, hạn chế trong triển khai công tác cải cách hành chính tỉnh năm 2023.",
    "- Quán triệt mục tiêu, nhiệm vụ, giải pháp thực hiện công tác cải cách hành chính tỉnh năm 2024.",
  ),
  content: p(
    "- Tập trung đánh giá kết quả công tác cải cách hành chính của tỉnh, sở ngành và địa phương năm 2023; phân tích những mặt tích cực, hạn chế, nguyên nhân nhằm đề ra các nhiệm vụ, giải pháp toàn diện để nâng cao hơn nữa hiệu lực, hiệu quả hoạt động của cơ quan hành chính và sự hài lòng của người dân, doanh nghiệp. Quán triệt những nhiệm vụ trọng tâm công tác cải cách hành chính năm 2024; đề ra các giải pháp hoàn thành các chỉ tiêu của Kế hoạch, dự báo những khó khăn, vướng mắc và trách nhiệm cụ thể của Sở, ngành, địa phương trong chỉ đạo, triển khai thực hiện.",
    "- Trên cơ sở báo cáo phân tích công bố kết quả xếp hạng Chỉ số cải cách hành chính năm 2023, Chỉ số hài lòng năm 2023 của các địa phương, đơn vị và cơ quan ngành dọc cấp tỉnh; đề xuất những giải pháp tiếp tục nâng cao sự hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính thuộc tỉnh.",
    "- Biểu dương, khen thưởng những tập thể, cá nhân có thành tích trong cuộc thi “Tìm hiểu, tuyên truyền cải cách hành chính năm 2023”.",
  ),
  chair: "Lãnh đạo Ủy ban nhân dân tỉnh.",
  attendeeGroups: [
    {
      heading: "Cấp tỉnh",
      lines: [
        { text: "Thường trực Tỉnh ủy;" },
        { text: "Thường trực HĐND tỉnh, Ủy ban MTTQ Việt Nam tỉnh;" },
        { text: "Đại diện lãnh đạo: Ban Tổ chức Tỉnh ủy; Ban Pháp chế HĐND tỉnh; Văn phòng Đoàn ĐBQH&HĐND tỉnh." },
        {
          text: "Đại diện lãnh đạo và công chức tham mưu công tác cải cách hành chính các Sở, Ban, ngành và cơ quan ngành dọc cấp tỉnh.",
        },
        {
          text: "Đại diện lãnh đạo và công chức tham mưu công tác cải cách hành chính các cơ quan ngành dọc tỉnh: Công an tỉnh, Cục Hải quan tỉnh, Bảo hiểm xã hội tỉnh, Ngân hàng nhà nước chi nhánh Quảng Nam, Cục thuế tỉnh.",
        },
        { text: "Tổ giúp việc Ban Chỉ đạo Cải cách hành chính và Chuyển đổi số tỉnh." },
      ],
    },
    {
      heading: "Các huyện, thị xã, thành phố (cấp huyện)",
      lines: [
        // Sic: "HĐND tỉnh" in the district group.
        { text: "Đại diện: Thường trực Huyện ủy; Thường trực HĐND tỉnh;" },
        { text: "Chủ tịch UBND cấp huyện;" },
        { text: "Đại diện Ủy ban MTTQ Việt Nam cấp huyện;" },
        { text: "Thành viên Ban Chỉ đạo Cải cách hành chính và Chuyển đổi số cấp huyện;" },
        { text: "Lãnh đạo Phòng Nội vụ và chuyên viên theo dõi công tác cải cách hành chính." },
      ],
    },
    {
      heading: "Các xã, phường, thị trấn (cấp xã)",
      lines: [
        { text: "Đại diện thường trực HĐND xã;" },
        { text: "Chủ tịch UBND cấp xã;" },
        { text: "Đại diện thường trực Ủy ban MTTQ Việt Nam cấp xã;" },
        { text: "Công chức cấp xã có liên quan." },
      ],
    },
  ],
  format: "ONLINE",
  formatNote:
    "Hội nghị tổ chức trực tuyến tại các điểm cầu UBND tỉnh, UBND các huyện, thị xã, thành phố và UBND cấp xã.",
  // The plan said "the exact time will come with the invitation"; the invitation
  // fixed it. The plan's own wording is kept in scheduleText.
  startsAt: "2024-01-18T08:00:00+07:00",
  endsAt: "2024-01-18T11:30:00+07:00",
  tentativeMonth: null,
  tentativeYear: null,
  scheduleNote: "",
  scheduleText: "Dự kiến trong tháng 01/2024 (Thời gian cụ thể sẽ có giấy mời).",
  venue: "Hội trường UBND tỉnh Quảng Nam, 62 Hùng Vương, thành phố Tam Kỳ (điểm cầu chính)",
  invitationNumber: "12",
  preparationNote:
    "Nghiên cứu tài liệu Hội nghị gửi kèm; các địa phương được phân công chuẩn bị tham luận gửi về Sở Nội vụ trước ngày 15/01/2024.",
  contactName: "Đồng chí Phan Thị Thu Hà, chuyên viên Phòng Cải cách hành chính, Sở Nội vụ",
  contactPhone: "0235 3852 214",
  contactEmail: "cchc.snv@quangnam.hoinghi.local",
  budgetSource: "Kinh phí phục vụ công tác cải cách hành chính cấp cho Sở Nội vụ.",
  tasks: [
    {
      assignee: "Sở Nội vụ",
      organizationKey: "quang-nam-so-noi-vu",
      inlineDuties: false,
      status: "IN_PROGRESS",
      duties: p(
        "- Chuẩn bị nội dung, tài liệu báo cáo kết quả công tác cải cách hành chính năm 2023 và kế hoạch công tác cải cách hành chính năm 2024; phối hợp với Đài Phát thanh và Truyền hình Quảng Nam xây dựng phóng sự về công tác cải cách hành chính của tỉnh.",
        "- Chuẩn bị báo cáo tổng hợp, công bố chỉ số xếp hạng và phân tích các chỉ cải cách hành chính, chỉ số hài lòng của người dân, doanh nghiệp đối với sở, ngành, địa phương; UBND các huyện, thị xã, thành phố và các cơ quan ngành dọc cấp tỉnh.",
        "- Phối hợp với Văn phòng UBND tỉnh xây dựng chương trình Hội nghị; chuẩn bị nội dung phát biểu cho lãnh đạo UBND tỉnh, gửi tài liệu đến đại biểu tham dự và đảm bảo các cơ sở vật chất phục vụ Hội nghị.",
        "- Chủ trì điều hành chương trình trao thưởng cuộc thi “Tìm hiểu, tuyên truyền cải cách hành chính năm 2023”.",
      ),
    },
    {
      assignee: "Văn phòng UBND tỉnh",
      organizationKey: "quang-nam-van-phong",
      inlineDuties: true,
      status: "NOT_STARTED",
      duties:
        "tham mưu Ủy ban nhân dân tỉnh phát hành Giấy mời, bố trí Hội trường và phối hợp với các đơn vị liên quan chuẩn bị các điều kiện cần thiết phục vụ Hội nghị.",
    },
    {
      assignee: "Sở Thông tin và Truyền thông",
      organizationKey: "quang-nam-so-tttt",
      inlineDuties: true,
      status: "NOT_STARTED",
      duties:
        "chủ trì, phối hợp với Văn phòng UBND tỉnh chủ động liên hệ, kiểm tra kết nối đường truyền với điểm cầu các huyện, thị xã, thành phố, đảm bảo vận hành thông suốt trong thời gian diễn ra Hội nghị.",
    },
    {
      assignee: "Sở, Ban, ngành và UBND các huyện, thị xã, thành phố",
      inlineDuties: true,
      status: "NOT_STARTED",
      duties:
        "chuẩn bị đầy đủ các điều kiện phục vụ Hội nghị tại điểm cầu địa phương; chuẩn bị nội dung tham gia phát biểu tham luận tại Hội nghị.",
    },
  ],
  closing:
    "Trên đây là Kế hoạch tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2023, triển khai các nhiệm vụ trọng tâm năm 2024; UBND tỉnh đề nghị các cơ quan, đơn vị, địa phương triển khai thực hiện./.",
  recipients: [
    "TT TU, TT HĐND tỉnh;",
    "Ban Chỉ đạo CCHC&CDS tỉnh;",
    "Chủ tịch, các PCT UBND tỉnh;",
    "UBMTTQ Việt Nam tỉnh;",
    "Ban Tổ chức Tỉnh ủy, Ban Pháp chế HĐND tỉnh, Văn phòng Đoàn ĐBQH&HĐND tỉnh;",
    "Các Sở, Ban, ngành;",
    "Các cơ quan ngành dọc cấp tỉnh;",
    "UBND các huyện, TX, TP;",
    "CPVP;",
    "Lưu: VT, NCKS.",
  ],
  signAuthority: TM,
  signDelegation: "KT. CHỦ TỊCH",
  signerTitle: "PHÓ CHỦ TỊCH",
  signerName: "Hồ Quang Bửu",
  outline: {
    sections: [
      { heading: "I. MỤC ĐÍCH, YÊU CẦU", blocks: [{ type: "field", field: "purposes" }] },
      {
        heading: "II. NỘI DUNG, THÀNH PHẦN, THỜI GIAN VÀ HÌNH THỨC TỔ CHỨC HỘI NGHỊ",
        blocks: [
          { type: "field", field: "content", label: "1. Nội dung Hội nghị" },
          { type: "subheading", text: "2. Thành phần" },
          { type: "field", field: "chair", label: "- Chủ trì: " },
          // Sic: "b)" without an "a)" before it.
          { type: "field", field: "attendees", label: "b) Thành phần tham dự" },
          { type: "field", field: "format", label: "3. Hình thức tổ chức: " },
          { type: "field", field: "schedule", label: "4. Thời gian: " },
          { type: "field", field: "budget", label: "5. Kinh phí thực hiện: " },
        ],
      },
      { heading: "III. PHÂN CÔNG THỰC HIỆN", blocks: [{ type: "field", field: "tasks" }] },
    ],
  },
};

// ─── Seed 002: xã Cẩm Giàng, huyện Bạch Thông, Bắc Kạn ──────────────────────
const seed002: SeedPlan = {
  ...EMPTY,
  key: "cam-giang-2024-khac-phuc-chi-so-2023",
  seedFile: "002_55546bf019e13e9d.txt",
  organizationKey: "bach-thong-cam-giang",
  kind: "REMEDIATION",
  // Dated but not yet numbered.
  status: "DRAFT",
  documentNumber: null,
  documentSymbol: "KH-UBND",
  issuePlace: "Cẩm Giàng",
  issueDay: 29,
  issueMonth: 3,
  issueYear: 2024,
  title:
    "Duy trì, khắc phục những tồn tại, hạn chế chỉ số Cải cách hành chính năm 2023, nâng cao chất lượng Chỉ số năm 2024",
  legalBasis:
    "Căn cứ kết quả Chỉ số cải cách hành chính năm 2023 cấp xã ban hành kèm theo Quyết định số 3672/QĐ-UBND ngày 29/12/2023 của Ủy ban nhân dân huyện Bạch Thông về việc phê duyệt kết quả Chỉ số Cải cách hành chính của UBND các xã, thị trấn trên địa bàn huyện Bạch Thông năm 2023. UBND xã Cẩm Giàng ban hành Kế hoạch duy trì, khắc phục những tồn tại, hạn chế Chỉ số CCHC năm 2023, nâng cao chất lượng Chỉ số năm 2024 với những nội dung sau:",
  purposes: p(
    "- Duy trì kết quả các tiêu chí (TC), tiêu chí thành phần (TCTP) của các chỉ số đạt tỷ lệ điểm tối đa và khắc phục những tiêu chí, tiêu chí thành phần không đạt điểm hoặc chưa đạt điểm tối đa trong năm 2023 nhằm cải thiện, nâng cao chất lượng chỉ số năm 2024.",
    "- Nâng cao trách nhiệm người đứng đầu trong việc thực hiện CCHC, góp phần nâng cao chất lượng các chỉ số tại đơn vị. Phấn đấu duy trì thứ hạng Chỉ số CCHC năm 2024.",
  ),
  requirements: p(
    "- Người đứng đầu đơn vị phải nêu cao tinh thần trách nhiệm và tập trung chỉ đạo chấn chỉnh, khắc phục các nội dung TC, TCTP bị mất điểm, không đạt điểm tối đa đã được chỉ ra; tổ chức thực hiện có hiệu quả các nội dung cần khắc phục để cải thiện, nâng cao kết quả chỉ số năm 2024.",
    "- Khắc phục các tiêu chí bị mất điểm, không đạt điểm tối đa phải gắn với duy trì, nâng cao các nội dung cải cách hành chính đạt điểm chỉ số tốt trong những năm qua. Đồng thời, phải gắn với việc thực hiện Kế hoạch CCHC năm của xã; các kế hoạch thuộc các lĩnh vực chuyên môn được UBND xã giao tham mưu tổ chức thực hiện.",
  ),
  // The two tasks and solutions of the plan: keep the criteria at full marks
  // (Appendix 1), fix those that lost points (Appendix 2). Item 2 is one
  // sentence that the seed breaks across two lines.
  content: p(
    "1. Tiếp tục duy trì, nâng cao các nội dung chỉ số CCHC đã đạt được kết quả và đạt điểm tối đa trong năm 2023 để nâng cao chất lượng chỉ số năm 2024 với mục tiêu các tiêu chí, tiêu chí thành phần duy trì đạt điểm tối đa (chi tiết tại Phụ lục 1 kèm theo).",
    "2. Tập trung khắc phục những tồn tại, hạn chế các nội dung chỉ số CCHC không đạt điểm và chưa đạt điểm tối đa trong năm 2023 nhằm cải thiện chất lượng chỉ số năm 2024 với mục tiêu phấn đấu các tiêu chí, tiêu chí thành phần đạt điểm tối đa (chi tiết tại Phụ lục 2 kèm theo).",
  ),
  tasks: [
    {
      // The duty sentence names its assignee, so it prints as "1. Công chức chuyên môn …".
      assignee: "Công chức chuyên môn",
      inlineDuties: false,
      status: "IN_PROGRESS",
      duties:
        "Công chức chuyên môn được giao chủ trì tham mưu thực hiện 07 lĩnh vực Chỉ số cải cách hành chính của xã, chủ động tham mưu UBND xã, Chủ tịch UBND xã ban hành các văn bản chỉ đạo, tổ chức thực hiện tốt những nhiệm vụ cải cách hành chính thuộc lĩnh vực. Khi thực hiện tự chấm điểm bám sát yêu cầu hướng dẫn của Sở Nội vụ và cung cấp tài liệu kiểm chứng đầy đủ, kịp thời.",
    },
    {
      assignee: "Ban biên tập Trang TTĐT và Đài truyền thanh xã",
      inlineDuties: true,
      status: "IN_PROGRESS",
      duties:
        "Thường xuyên thông tin, tuyên truyền kịp thời tình hình triển khai, kết quả thực hiện các nhiệm vụ CCHC trên địa bàn xã. Tích cực đưa tin, bài về tình hình triển khai, kết quả thực hiện CCHC của xã, nhất là việc cung cấp dịch vụ công trực tuyến đối với người dân và doanh nghiệp.",
    },
    {
      assignee: "Công chức Văn phòng - Thống kê",
      inlineDuties: true,
      status: "NOT_STARTED",
      duties:
        "Phối hợp với các công chức chuyên môn tham mưu cho UBND xã đóng góp ý kiến xây dựng bộ tiêu chí đánh giá công tác CCHC của UBND cấp xã phù hợp với thực tiễn công tác CCHC trên địa bàn xã khi Sở Nội vụ xin ý kiến. Theo dõi, đôn đốc các bộ phận chuyên môn thực hiện Kế hoạch; định kỳ hàng tháng, quý báo cáo Ban Chỉ đạo, UBND xã kết quả thực hiện.",
    },
    {
      // A request rather than an order ("Đề nghị …"): the sentence names the assignee.
      assignee: "Ủy ban Mặt trận Tổ quốc, các đoàn thể xã",
      inlineDuties: false,
      status: "NOT_STARTED",
      duties:
        "Đề nghị Ủy ban Mặt trận Tổ quốc, các đoàn thể xã: Tăng cường công tác tuyên truyền, theo dõi, kiểm tra, giám sát việc thực hiện nhiệm vụ công tác CCHC, đặc biệt là công tác giải quyết TTHC tại đơn vị.",
    },
  ],
  closing:
    "Trên đây là Kế hoạch khắc phục những tồn tại, hạn chế Chỉ số Cải cách hành chính năm 2023, nâng cao chất lượng Chỉ số năm 2024 của UBND xã Cẩm Giàng./.",
  recipients: [
    "Gửi bản điện tử:",
    "UBND huyện;",
    "Phòng Nội vụ huyện (B/cáo);",
    "TT Đảng ủy;",
    "TT HĐND xã;",
    "Chủ tịch, PCT UBND xã;",
    "Các công chức chuyên môn;",
    "Trang TTĐT xã;",
    "Lưu VP.",
  ],
  signAuthority: TM,
  signerTitle: "CHỦ TỊCH",
  signerName: "Vũ Văn Thành",
  outline: {
    sections: [
      {
        heading: "I. MỤC ĐÍCH, YÊU CẦU",
        blocks: [
          { type: "subheading", text: "1. Mục đích" },
          { type: "field", field: "purposes" },
          { type: "subheading", text: "2. Yêu cầu" },
          { type: "field", field: "requirements" },
        ],
      },
      { heading: "II. NHIỆM VỤ VÀ GIẢI PHÁP", blocks: [{ type: "field", field: "content" }] },
      { heading: "III. TỔ CHỨC THỰC HIỆN", blocks: [{ type: "field", field: "tasks" }] },
    ],
  },
};

// ─── Seed 003: huyện Tánh Linh, Bình Thuận ──────────────────────────────────
// A news page about the plan: the title and three paragraphs. It shows no
// number, date, headings, recipients or signature, so none are invented here
// and the standard layout (outline null) frames the paragraphs. The byline
// and the page's visitor counter and footer are not part of the plan.
const seed003: SeedPlan = {
  ...EMPTY,
  key: "tanh-linh-2024-khac-phuc-chi-so-2023",
  seedFile: "003_6f09387e19090dbf.txt",
  organizationKey: "tanh-linh",
  kind: "REMEDIATION",
  status: "ISSUED",
  documentNumber: null,
  documentSymbol: "KH-UBND",
  issuePlace: "Tánh Linh",
  issueDay: null,
  issueMonth: null,
  issueYear: 2024,
  title:
    "Khắc phục những tồn tại, hạn chế năm 2023 và nâng cao chỉ số cải cách hành chính (Par Index) năm 2024 của UBND huyện Tánh Linh",
  // Total 71.11 of 97 points, class Khá, rank 5 of 10, up 3 places on 2022.
  legalBasis:
    "Thực hiện Quyết định số 16/QĐ-UBND ngày 05/01/2024 của Chủ tịch UBND tỉnh về công bố kết quả đánh giá, xếp loại Chỉ số cải cách hành chính (CCHC) đối với cơ quan chuyên môn thuộc UBND tỉnh, Ban Quản lý các Khu công nghiệp và UBND các huyện, thị xã, thành phố trên địa bàn tỉnh năm 2023; Công văn số 173/SNV-CCHC ngày 18/01/2024 của Sở Nội vụ tỉnh Bình Thuận về việc triển khai kết quả công bố đánh giá, xếp loại Chỉ số CCHC năm 2023 của các cơ quan, địa phương. Tổng điểm CCHC của huyện Tánh Linh đạt 71.11/97 điểm, xếp loại Khá và xếp hạng thứ 5/10 huyện, thị xã, thành phố (không tăng mức xếp loại nhưng tăng 03 bậc mức xếp hạng so với năm 2022).",
  // Sic: "nhiệmvụ", "riêng.Phấn đấu".
  purposes:
    "Nhằm khắc phục những hạn chế, tồn tại đã chỉ ra qua kết quả công bố năm 2023 và đề ra các nhiệm vụ, giải pháp nâng cao chỉ số CCHC năm 2024; UBND huyện Tánh Linh xây dựng Kế hoạch thực hiện mục đích Khắc phục những tồn tại, hạn chế trong việc thực hiện Chỉ số (CCHC) của tỉnh năm 2023. Xác định nhiệmvụ, giải pháp để cải thiện các Chỉ số thành phần, góp phần nâng cao chất lượng công tác chỉ đạo, điều hành và tổ chức thực hiện các nhiệm vụ CCHC tại các cơ quan, đơn vị trên địa bàn huyện. Nâng cao trách nhiệm của người đứng đầu các cấp, các ngành, của cán bộ, công chức, viên chức trong thực hiện công tác CCHC của tỉnh nói chung và chỉ số CCHC của huyện nói riêng.Phấn đấu Chỉ số cải cách hành chính năm 2024 ở vị trí xếp loại khá trở lên và tiếp tục cải thiện, nâng cao vị trí xếp hạng qua các năm tiếp theo.",
  // Sic: "t chức".
  content:
    "Nhiệm vụ giải pháp cần tập trung thực hiện trong thời gian tới t chức quán triệt đến toàn thể cán bộ, công chức, viên chức về kết quả đánh giá, xếp loại Chỉ số cải cách hành chính năm 2023 của huyện được công bố tại Quyết định số 16/QĐ-UBND ngày 05/01/2024 của Chủ tịch Ủy ban nhân dân tỉnh. Tập trung khắc phục những tồn tại hạn chế các nội dung tiêu chí, tiêu chí thành phần bị mất điểm trong năm 2023 và thực hiện hiệu quả các văn bản chỉ đạo trong công tác cải cách hành chính của các cấp, ngành để nâng cao Chỉ số cải cách hành chính năm 2024 và những năm tiếp theo đưa UBND huyện lên vị trí xếp hạng cao hơn.",
  // The page shows no signature block.
  signAuthority: "",
  signerTitle: "",
  signerName: "",
  outline: null,
};

// ─── Seed 004: thành phố Đông Hà, Quảng Trị ─────────────────────────────────
const seed004: SeedPlan = {
  ...EMPTY,
  key: "dong-ha-2024-khac-phuc-par-index-sipas-2023",
  seedFile: "004_004bd5871a14d7e2.txt",
  organizationKey: "dong-ha",
  kind: "REMEDIATION",
  // Number and day still blank.
  status: "DRAFT",
  documentNumber: null,
  documentSymbol: "KH-UBND",
  issuePlace: "Đông Hà",
  issueDay: null,
  issueMonth: 2,
  issueYear: 2024,
  title: "Khắc phục một số tồn tại, hạn chế về chỉ số PAR INDEX, SIPAS năm 2023",
  legalBasis:
    "Thực hiện Quyết định số 35/QĐ-UBND ngày 09/01/2024 của UBND tỉnh Quảng Trị về việc công bố chỉ số cải cách hành chính các cơ quan chuyên môn thuộc UBND tỉnh, Ban quản lý Khu kinh tế tỉnh; UBND huyện, thị xã, thành phố trên địa bàn tỉnh Quảng Trị năm 2023, UBND thành phố xây dựng kế hoạch khắc phục một số tồn tại, hạn chế về chỉ số PAR INDEX, SIPAS năm 2023 như sau:",
  purposes: p(
    "Duy trì, củng cố các tiêu chí đã đạt được, khắc phục triệt để những tiêu chí, tiêu chí thành phần thấp điểm và bị mất điểm trong năm 2023 để cải thiện và nâng cao thứ hạng chỉ số cải cách hành chính (PAR INDEX) của UBND thành phố, góp phần nâng cao Chỉ số hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS).",
    "Nâng cao trách nhiệm người đứng đầu trong việc thực hiện cải cách hành chính, phấn đấu chỉ số PAR INDEX năm 2024 xếp vị trí cao hơn năm 2023 và tiếp tục cải thiện, nâng cao vị trí xếp hạng trong các năm tiếp theo.",
  ),
  requirements: p(
    "Các cơ quan chuyên môn, UBND các phường kịp thời rà soát, tham mưu các giải pháp và triển khai khắc phục các nội dung còn tồn tại, những khó khăn, hạn chế đã được UBND tỉnh chỉ ra.",
    "Tiếp tục đẩy mạnh công tác CCHC, nâng cao chỉ số hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính Nhà nước.",
    "Các cơ quan chuyên môn được giao nhiệm vụ tham mưu trực tiếp các nội dung liên quan đến Bộ chỉ số cải cách hành chính phải phát huy tinh thần chủ động, sáng tạo, phối hợp thực hiện có hiệu quả, hoàn thành đúng tiến độ các nhiệm vụ cải cách hành chính được giao, nhiệm vụ hoàn thành phải có hồ sơ, tài liệu kiểm chứng để chứng minh.",
  ),
  // One sentence that the seed breaks before "(có phụ lục …)". Sic: "25/BC- UBND".
  content:
    "Các tiêu chí thấp điểm, bị trừ điểm theo Quyết định số 35/QĐ-UBND ngày 09/01/2024 của UBND tỉnh; nội dung và giải pháp khắc phục các tồn tại, hạn chế theo Báo cáo số 25/BC- UBND ngày 29/01/2024 của UBND thành phố (có phụ lục chi tiết kèm theo).",
  tasks: [
    {
      assignee: "Các cơ quan, đơn vị trực thuộc UBND thành phố, UBND các phường",
      inlineDuties: false,
      status: "NOT_STARTED",
      duties: p(
        "Chủ động phối hợp chặt chẽ, có trách nhiệm với các cơ quan, đơn vị liên quan để thực hiện hiệu quả, đúng tiến độ các nhiệm vụ được giao tại Kế hoạch này.",
        "Báo cáo kết quả khắc phục (có thể lồng ghép vào báo cáo cải cách hành chính định kỳ), gửi UBND thành phố (qua Phòng Nội vụ) để tổng hợp.",
      ),
    },
    {
      assignee: "Phòng Nội vụ thành phố",
      organizationKey: "dong-ha-phong-noi-vu",
      inlineDuties: false,
      status: "NOT_STARTED",
      duties:
        "Theo dõi, đôn đốc, kiểm tra việc tổ chức thực hiện các nội dung tại Kế hoạch này; tổng hợp kết quả khắc phục lồng ghép trong báo cáo CCHC năm 2024 của UBND thành phố, kịp thời đề xuất với UBND thành phố biện pháp tháo gỡ khó khăn, vướng mắc.",
    },
  ],
  closing:
    "Trên đây là Kế hoạch khắc phục các nội dung tồn tại và duy trì, cải thiện chỉ số PAR INDEX, SIPAS năm 2024, yêu cầu các cơ quan, đơn vị, UBND các phường nghiêm túc triển khai thực hiện./.",
  recipients: [
    "UBND tỉnh Quảng Trị (b/c);",
    "Sở Nội vụ Quảng Trị (b/c);",
    "Chủ tịch, các PCT UBND thành phố;",
    "Các cơ quan, đơn vị trực thuộc;",
    "UBND các phường;",
    "Lưu: VT, PNV.",
  ],
  signAuthority: TM,
  signerTitle: "CHỦ TỊCH",
  signerName: "Hồ Sỹ Trung",
  outline: {
    sections: [
      {
        heading: "I. MỤC ĐÍCH, YÊU CẦU",
        blocks: [
          { type: "subheading", text: "1. Mục đích" },
          { type: "field", field: "purposes" },
          { type: "subheading", text: "2. Yêu cầu" },
          { type: "field", field: "requirements" },
        ],
      },
      { heading: "II. NỘI DUNG THỰC HIỆN", blocks: [{ type: "field", field: "content" }] },
      { heading: "III. TỔ CHỨC THỰC HIỆN", blocks: [{ type: "field", field: "tasks" }] },
    ],
  },
};

/** The seed plans, in the order of their files 000…004. */
export const plans: SeedPlan[] = [seed000, seed001, seed002, seed003, seed004];

// ─── Demo plans (not from a seed) ───────────────────────────────────────────
// Together with the seeds they show every status, both kinds of schedule
// (exact times and a tentative month) and both administrative structures.

/** Đà Nẵng after the 2025 merger: one city hall, a bridge point in every commune and ward. */
export const demoDaNang2026: SeedPlan = {
  ...EMPTY,
  key: "da-nang-2026-tong-ket-cchc",
  seedFile: "",
  organizationKey: "da-nang",
  kind: "CONFERENCE",
  status: "INVITATIONS_SENT",
  documentNumber: "412",
  documentSymbol: "KH-UBND",
  issuePlace: "Đà Nẵng",
  issueDay: 10,
  issueMonth: 11,
  issueYear: 2026,
  title:
    "Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2026, công bố Chỉ số cải cách hành chính năm 2025 của UBND các xã, phường và triển khai nhiệm vụ năm 2027",
  legalBasis:
    "Thực hiện Kế hoạch cải cách hành chính nhà nước năm 2026 của UBND thành phố; Ủy ban nhân dân thành phố ban hành Kế hoạch tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2026, công bố Chỉ số cải cách hành chính năm 2025 của UBND các xã, phường và triển khai nhiệm vụ năm 2027 như sau:",
  purposes: p(
    "Đánh giá kết quả công tác cải cách hành chính năm 2026, năm đầu tiên chính quyền địa phương hai cấp vận hành trọn năm; chỉ ra những tồn tại, hạn chế và nguyên nhân.",
    "Công bố Chỉ số cải cách hành chính năm 2025 của UBND các xã, phường; biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc.",
  ),
  requirements: p(
    "Hội nghị được tổ chức thiết thực, hiệu quả; đường truyền đến điểm cầu của tất cả các xã, phường được kiểm tra trước ngày tổ chức.",
    "Các điểm cầu điểm danh đại biểu và báo cáo số lượng tham dự về điểm cầu chính trước 07 giờ 45.",
  ),
  content: p(
    "- Báo cáo tổng kết công tác cải cách hành chính năm 2026 và phương hướng, nhiệm vụ năm 2027.",
    "- Công bố Chỉ số cải cách hành chính năm 2025 của UBND các xã, phường; phân tích các tiêu chí, tiêu chí thành phần bị mất điểm.",
    "- Tham luận của một số sở, ngành và xã, phường.",
    "- Khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong công tác cải cách hành chính năm 2026.",
  ),
  chair: "Chủ tịch UBND thành phố.",
  attendeeGroups: [
    {
      heading: "Tại điểm cầu chính",
      lines: [
        { text: "Lãnh đạo UBND thành phố;", organizationKey: "da-nang" },
        { text: "Lãnh đạo Sở Nội vụ và công chức phòng Cải cách hành chính;", organizationKey: "da-nang-so-noi-vu" },
        { text: "Lãnh đạo Văn phòng UBND thành phố;", organizationKey: "da-nang-van-phong" },
        { text: "Đại diện lãnh đạo các sở, ban, ngành thành phố." },
      ],
    },
    {
      heading: "Tại điểm cầu các xã, phường",
      lines: [
        { text: "Chủ tịch UBND xã, phường;" },
        { text: "Công chức tham mưu công tác cải cách hành chính và công chức Bộ phận Một cửa." },
      ],
    },
  ],
  format: "HYBRID",
  formatNote:
    "Hội nghị tổ chức trực tiếp tại điểm cầu chính, kết nối trực tuyến đến điểm cầu UBND các xã, phường trên địa bàn thành phố.",
  startsAt: "2026-12-18T08:00:00+07:00",
  endsAt: "2026-12-18T11:30:00+07:00",
  venue:
    "Trung tâm Hành chính thành phố, số 24 Trần Phú, phường Hải Châu (điểm cầu chính) và trụ sở UBND các xã, phường.",
  budgetSource: "Kinh phí cải cách hành chính năm 2026 giao cho Sở Nội vụ.",
  tasks: [
    {
      assignee: "Sở Nội vụ",
      organizationKey: "da-nang-so-noi-vu",
      inlineDuties: false,
      dueDate: "2026-12-11",
      status: "IN_PROGRESS",
      duties: p(
        "- Chuẩn bị báo cáo tổng kết và báo cáo phân tích Chỉ số cải cách hành chính năm 2025 của UBND các xã, phường.",
        "- Tham mưu danh sách khen thưởng, chuẩn bị bằng khen, giấy khen trao tại Hội nghị.",
        "- Đề nghị các đơn vị chuẩn bị tham luận, tổng hợp gửi Văn phòng UBND thành phố.",
      ),
    },
    {
      assignee: "Văn phòng UBND thành phố",
      organizationKey: "da-nang-van-phong",
      inlineDuties: true,
      dueDate: "2026-12-04",
      status: "DONE",
      duties:
        "phát hành giấy mời, xây dựng chương trình Hội nghị; bố trí hội trường điểm cầu chính và tổ đón tiếp đại biểu.",
    },
    {
      assignee: "Sở Khoa học và Công nghệ",
      organizationKey: "da-nang-so-khcn",
      inlineDuties: true,
      dueDate: "2026-12-17",
      status: "NOT_STARTED",
      duties:
        "chủ trì kiểm tra kết nối đường truyền với điểm cầu của UBND các xã, phường; tổ chức chạy thử toàn bộ các điểm cầu vào chiều ngày 17/12/2026.",
    },
    {
      assignee: "UBND các xã, phường",
      inlineDuties: true,
      dueDate: "2026-12-17",
      status: "NOT_STARTED",
      duties:
        "bố trí phòng họp điểm cầu, cử công chức vận hành thiết bị; xác nhận kết nối sau khi chạy thử và báo cáo số lượng đại biểu tham dự tại điểm cầu.",
    },
  ],
  closing:
    "Trên đây là Kế hoạch tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2026, công bố Chỉ số cải cách hành chính năm 2025 của UBND các xã, phường và triển khai nhiệm vụ năm 2027; UBND thành phố đề nghị các cơ quan, đơn vị, địa phương triển khai thực hiện./.",
  recipients: [
    "Bộ Nội vụ (b/c);",
    "TT Thành ủy, TT HĐND thành phố;",
    "Chủ tịch, các PCT UBND thành phố;",
    "Các sở, ban, ngành thành phố;",
    "UBND các xã, phường;",
    "Lưu: VT, SNV.",
  ],
  signAuthority: TM,
  signDelegation: "KT. CHỦ TỊCH",
  signerTitle: "PHÓ CHỦ TỊCH",
  signerName: "Lê Minh Khôi",
  outline: null,
};

/** A ward's in-person dialogue on the satisfaction index, already held. */
const demoHaiChau2026: SeedPlan = {
  ...EMPTY,
  key: "hai-chau-2026-doi-thoai-sipas",
  seedFile: "",
  organizationKey: "da-nang-hai-chau",
  kind: "CONFERENCE",
  status: "HELD",
  documentNumber: "86",
  documentSymbol: "KH-UBND",
  issuePlace: "Hải Châu",
  issueDay: 1,
  issueMonth: 10,
  issueYear: 2026,
  title:
    "Tổ chức Hội nghị đối thoại với người dân, doanh nghiệp về giải quyết thủ tục hành chính và nâng cao Chỉ số hài lòng (SIPAS) năm 2026",
  legalBasis:
    "Để lắng nghe ý kiến của người dân, doanh nghiệp và nâng cao Chỉ số hài lòng đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS), UBND phường Hải Châu ban hành Kế hoạch tổ chức Hội nghị đối thoại như sau:",
  purposes:
    "Tiếp nhận phản ánh, kiến nghị của người dân, doanh nghiệp về việc giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công phường; làm rõ những nội dung còn hạn chế để khắc phục.",
  content: p(
    "- Báo cáo kết quả giải quyết thủ tục hành chính 9 tháng năm 2026 và kết quả khảo sát sự hài lòng của người dân.",
    "- Đối thoại, trả lời trực tiếp các phản ánh, kiến nghị của người dân, doanh nghiệp.",
  ),
  chair: "Chủ tịch UBND phường.",
  attendeeGroups: [
    {
      heading: "",
      lines: [
        { text: "Lãnh đạo UBND phường;", organizationKey: "da-nang-hai-chau" },
        { text: "Công chức Trung tâm Phục vụ hành chính công phường;" },
        { text: "Đại diện người dân, hộ kinh doanh và doanh nghiệp trên địa bàn phường." },
      ],
    },
  ],
  format: "IN_PERSON",
  startsAt: "2026-10-15T14:00:00+07:00",
  endsAt: "2026-10-15T16:30:00+07:00",
  venue: "Hội trường UBND phường Hải Châu.",
  tasks: [
    {
      assignee: "Văn phòng HĐND và UBND phường",
      inlineDuties: true,
      dueDate: "2026-10-10",
      status: "DONE",
      duties: "gửi giấy mời đại biểu, chuẩn bị hội trường và tổng hợp phản ánh, kiến nghị gửi trước Hội nghị.",
    },
    {
      assignee: "Trung tâm Phục vụ hành chính công phường",
      inlineDuties: true,
      dueDate: "2026-10-31",
      status: "IN_PROGRESS",
      duties: "trả lời bằng văn bản các kiến nghị chưa được giải đáp tại Hội nghị.",
    },
  ],
  closing: "Trên đây là Kế hoạch tổ chức Hội nghị đối thoại năm 2026 của UBND phường Hải Châu./.",
  recipients: ["UBND thành phố (b/c);", "Sở Nội vụ (b/c);", "TT Đảng ủy, TT HĐND phường;", "Lưu: VT."],
  signAuthority: TM,
  signerTitle: "CHỦ TỊCH",
  signerName: "Nguyễn Thị Thu Vân",
  outline: null,
};

/** Quảng Trị's conference of spring 2025, held and closed. */
const demoQuangTri2025: SeedPlan = {
  ...EMPTY,
  key: "quang-tri-2025-cong-bo-chi-so-2024",
  seedFile: "",
  organizationKey: "quang-tri",
  kind: "CONFERENCE",
  status: "CLOSED",
  documentNumber: "58",
  documentSymbol: "KH-UBND",
  issuePlace: "Quảng Trị",
  issueDay: 10,
  issueMonth: 3,
  issueYear: 2025,
  title:
    "Tổ chức Hội nghị công bố Chỉ số cải cách hành chính năm 2024 của các sở, ban, ngành và UBND các huyện, thị xã, thành phố",
  legalBasis:
    "Để đánh giá khách quan kết quả thực hiện nhiệm vụ cải cách hành chính năm 2024, UBND tỉnh ban hành Kế hoạch tổ chức Hội nghị công bố Chỉ số cải cách hành chính năm 2024 như sau:",
  purposes:
    "Công bố Chỉ số cải cách hành chính năm 2024 của các sở, ban, ngành và UBND các huyện, thị xã, thành phố; chỉ ra các tiêu chí, tiêu chí thành phần bị mất điểm để các đơn vị xây dựng kế hoạch khắc phục.",
  content: p(
    "- Công bố kết quả Chỉ số cải cách hành chính năm 2024: tổng điểm, xếp loại, xếp hạng và thay đổi so với năm 2023.",
    "- Trao giấy khen cho các tập thể, cá nhân có thành tích xuất sắc trong công tác cải cách hành chính năm 2024.",
  ),
  chair: "Lãnh đạo UBND tỉnh.",
  attendeeGroups: [
    {
      heading: "Cấp tỉnh",
      lines: [
        { text: "Lãnh đạo UBND tỉnh;", organizationKey: "quang-tri" },
        { text: "Lãnh đạo Sở Nội vụ;", organizationKey: "quang-tri-so-noi-vu" },
        { text: "Đại diện lãnh đạo các sở, ban, ngành." },
      ],
    },
    {
      heading: "Cấp huyện",
      lines: [
        { text: "Chủ tịch UBND các huyện, thị xã, thành phố;" },
        { text: "Lãnh đạo Phòng Nội vụ các huyện, thị xã, thành phố." },
      ],
    },
  ],
  format: "HYBRID",
  formatNote:
    "Hội nghị tổ chức trực tiếp tại Hội trường UBND tỉnh, kết nối trực tuyến đến điểm cầu UBND các huyện, thị xã, thành phố.",
  startsAt: "2025-03-28T14:00:00+07:00",
  endsAt: "2025-03-28T17:00:00+07:00",
  venue: "Hội trường UBND tỉnh Quảng Trị.",
  budgetSource: "Kinh phí cải cách hành chính năm 2025 của Sở Nội vụ.",
  tasks: [
    {
      assignee: "Sở Nội vụ",
      organizationKey: "quang-tri-so-noi-vu",
      inlineDuties: true,
      dueDate: "2025-03-21",
      status: "DONE",
      duties: "chuẩn bị báo cáo công bố Chỉ số và danh sách khen thưởng.",
    },
    {
      assignee: "UBND các huyện, thị xã, thành phố",
      inlineDuties: true,
      dueDate: "2025-04-30",
      status: "DONE",
      duties: "xây dựng kế hoạch khắc phục các tiêu chí bị mất điểm, gửi Sở Nội vụ.",
    },
  ],
  closing: "Trên đây là Kế hoạch tổ chức Hội nghị công bố Chỉ số cải cách hành chính năm 2024 của UBND tỉnh./.",
  recipients: ["Các sở, ban, ngành;", "UBND các huyện, thị xã, thành phố;", "Lưu: VT, NC."],
  signAuthority: TM,
  signDelegation: "KT. CHỦ TỊCH",
  signerTitle: "PHÓ CHỦ TỊCH",
  signerName: "Võ Đình Khiêm",
  outline: null,
};

/** Quảng Nam's mid-year review of 2025, cancelled when the province merged into Đà Nẵng. */
const demoQuangNam2025: SeedPlan = {
  ...EMPTY,
  key: "quang-nam-2025-so-ket-6-thang",
  seedFile: "",
  organizationKey: "quang-nam",
  kind: "CONFERENCE",
  status: "CANCELLED",
  documentNumber: "3105",
  documentSymbol: "KH-UBND",
  issuePlace: "Quảng Nam",
  issueDay: 20,
  issueMonth: 5,
  issueYear: 2025,
  title: "Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2025",
  legalBasis:
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2025 như sau:",
  purposes:
    "Đánh giá kết quả công tác cải cách hành chính 6 tháng đầu năm 2025; đề ra nhiệm vụ trọng tâm 6 tháng cuối năm.",
  content: "- Báo cáo sơ kết công tác cải cách hành chính 6 tháng đầu năm 2025 của tỉnh.",
  chair: "Lãnh đạo Ủy ban nhân dân tỉnh.",
  attendeeGroups: [
    {
      heading: "",
      lines: [{ text: "Lãnh đạo các Sở, Ban, ngành;" }, { text: "Chủ tịch UBND các huyện, thị xã, thành phố." }],
    },
  ],
  format: "ONLINE",
  formatNote: "Hội nghị tổ chức trực tuyến tại các điểm cầu UBND tỉnh và UBND các huyện, thị xã, thành phố.",
  tentativeMonth: 7,
  tentativeYear: 2025,
  scheduleNote: "Thời gian cụ thể sẽ có giấy mời",
  tasks: [
    {
      assignee: "Sở Nội vụ",
      organizationKey: "quang-nam-so-noi-vu",
      inlineDuties: true,
      dueDate: "2025-06-30",
      status: "CANCELLED",
      duties: "chuẩn bị báo cáo sơ kết và chương trình Hội nghị.",
    },
  ],
  closing: "Trên đây là Kế hoạch tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2025./.",
  recipients: ["Các Sở, Ban, ngành;", "UBND các huyện, TX, TP;", "Lưu: VT, NCKS."],
  signAuthority: TM,
  signDelegation: "KT. CHỦ TỊCH",
  signerTitle: "PHÓ CHỦ TỊCH",
  signerName: "Đinh Văn Hảo",
  outline: null,
};

/** Demo conferences that are not transcribed from a seed (seedFile ""). */
export const demoPlans: SeedPlan[] = [demoDaNang2026, demoHaiChau2026, demoQuangTri2025, demoQuangNam2025];
