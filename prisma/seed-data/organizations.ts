import type { LevelCode, SeedOrganization, SeedUser } from "#prisma/seed-data/types.ts";

// The organisation tree of the demo: the five seed plans (2023-2024, three
// tiers: province → district → commune) and one province under the two-tier
// local government that took effect on 1 July 2025 (province → commune/ward).
//
// Parents come before their children. Keys are stable: plans and users refer
// to them. `code` is only set for provinces (the two-digit administrative code).

/** The reorganisation of 2025: district level abolished, provinces merged. */
const REORGANISED = "2025-07-01";

type Unit = "xã" | "phường" | "thị trấn" | "đặc khu";

/** A commune, ward or township and its People's Committee. */
function commune(
  parentKey: string,
  keyPrefix: string,
  unit: Unit,
  place: string,
  opts: { slug: string; dissolvedOn?: string },
): SeedOrganization {
  const org: SeedOrganization = {
    key: `${keyPrefix}-${opts.slug}`,
    name: `UBND ${unit} ${place}`,
    documentName: `ỦY BAN NHÂN DÂN ${unit.toUpperCase()} ${place.toUpperCase()}`,
    placeName: place,
    level: "XA",
    parentKey,
  };
  if (opts.dissolvedOn) org.dissolvedOn = opts.dissolvedOn;
  return org;
}

/** An office or agency of a district or province, printed under its parent body. */
function office(
  parentKey: string,
  key: string,
  level: LevelCode,
  name: string,
  documentName: string,
  placeName: string,
  dissolvedOn?: string,
): SeedOrganization {
  const org: SeedOrganization = { key, name, documentName, placeName, level, parentKey };
  if (dissolvedOn) org.dissolvedOn = dissolvedOn;
  return org;
}

// Communes of the three-tier tree are closed with their district: the 2025
// reorganisation merged them and re-formed every commune and ward directly
// under the province (see Đà Nẵng below). They stay for the 2023-2024 plans.
function oldCommunes(parentKey: string, keyPrefix: string, units: Array<[Unit, string, string]>): SeedOrganization[] {
  return units.map(([unit, place, slug]) =>
    commune(parentKey, keyPrefix, unit, place, { slug, dissolvedOn: REORGANISED }),
  );
}

export const organizations: SeedOrganization[] = [
  {
    key: "bo-noi-vu",
    name: "Bộ Nội vụ",
    documentName: "BỘ NỘI VỤ",
    placeName: "Hà Nội",
    level: "TRUNG_UONG",
  },

  // ── Lai Châu: huyện Tam Đường (seed 000) ──────────────────────────────
  {
    key: "lai-chau",
    name: "UBND tỉnh Lai Châu",
    documentName: "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU",
    placeName: "Lai Châu",
    level: "TINH",
    parentKey: "bo-noi-vu",
    code: "12",
  },
  {
    key: "tam-duong",
    name: "UBND huyện Tam Đường",
    documentName: "ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG",
    placeName: "Tam Đường",
    level: "HUYEN",
    parentKey: "lai-chau",
    dissolvedOn: REORGANISED,
  },
  office(
    "tam-duong",
    "tam-duong-phong-noi-vu",
    "PHONG",
    "Phòng Nội vụ huyện Tam Đường",
    "PHÒNG NỘI VỤ",
    "Tam Đường",
    REORGANISED,
  ),
  office(
    "tam-duong",
    "tam-duong-van-phong",
    "PHONG",
    "Văn phòng HĐND-UBND huyện Tam Đường",
    "VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN",
    "Tam Đường",
    REORGANISED,
  ),
  office(
    "tam-duong",
    "tam-duong-phong-van-hoa",
    "PHONG",
    "Phòng Văn hóa và Thông tin huyện Tam Đường",
    "PHÒNG VĂN HÓA VÀ THÔNG TIN",
    "Tam Đường",
    REORGANISED,
  ),
  office(
    "tam-duong",
    "tam-duong-phong-tai-chinh",
    "PHONG",
    "Phòng Tài chính - Kế hoạch huyện Tam Đường",
    "PHÒNG TÀI CHÍNH - KẾ HOẠCH",
    "Tam Đường",
    REORGANISED,
  ),
  office(
    "tam-duong",
    "tam-duong-phong-tu-phap",
    "PHONG",
    "Phòng Tư pháp huyện Tam Đường",
    "PHÒNG TƯ PHÁP",
    "Tam Đường",
    REORGANISED,
  ),
  office(
    "tam-duong",
    "tam-duong-phong-kinh-te",
    "PHONG",
    "Phòng Kinh tế - Hạ tầng huyện Tam Đường",
    "PHÒNG KINH TẾ - HẠ TẦNG",
    "Tam Đường",
    REORGANISED,
  ),
  office(
    "tam-duong",
    "tam-duong-trung-tam-van-hoa",
    "CO_QUAN",
    "Trung tâm Văn hóa Thể thao và Truyền thông huyện Tam Đường",
    "TRUNG TÂM VĂN HÓA, THỂ THAO VÀ TRUYỀN THÔNG",
    "Tam Đường",
    REORGANISED,
  ),
  ...oldCommunes("tam-duong", "tam-duong", [
    ["thị trấn", "Tam Đường", "tt-tam-duong"],
    ["xã", "Bình Lư", "binh-lu"],
    ["xã", "Bản Bo", "ban-bo"],
    ["xã", "Bản Giang", "ban-giang"],
    ["xã", "Bản Hon", "ban-hon"],
    ["xã", "Khun Há", "khun-ha"],
    ["xã", "Nà Tăm", "na-tam"],
    ["xã", "Nùng Nàng", "nung-nang"],
    ["xã", "Sơn Bình", "son-binh"],
    ["xã", "Giang Ma", "giang-ma"],
    ["xã", "Hồ Thầu", "ho-thau"],
    ["xã", "Tả Lèng", "ta-leng"],
    ["xã", "Thèn Sin", "then-sin"],
  ]),

  // ── Quảng Nam (seed 001): merged into Đà Nẵng on 1 July 2025 ───────────
  {
    key: "quang-nam",
    name: "UBND tỉnh Quảng Nam",
    documentName: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
    placeName: "Quảng Nam",
    level: "TINH",
    parentKey: "bo-noi-vu",
    code: "49",
    dissolvedOn: REORGANISED,
  },
  office("quang-nam", "quang-nam-so-noi-vu", "SO", "Sở Nội vụ tỉnh Quảng Nam", "SỞ NỘI VỤ", "Quảng Nam", REORGANISED),
  office(
    "quang-nam",
    "quang-nam-van-phong",
    "SO",
    "Văn phòng UBND tỉnh Quảng Nam",
    "VĂN PHÒNG",
    "Quảng Nam",
    REORGANISED,
  ),
  // Merged into the Department of Science and Technology in the reorganisation
  // of provincial departments of 1 March 2025.
  office(
    "quang-nam",
    "quang-nam-so-tttt",
    "SO",
    "Sở Thông tin và Truyền thông tỉnh Quảng Nam",
    "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
    "Quảng Nam",
    "2025-03-01",
  ),
  // District-level bridge points of the online conference in seed 001.
  {
    key: "tam-ky",
    name: "UBND thành phố Tam Kỳ",
    documentName: "ỦY BAN NHÂN DÂN THÀNH PHỐ TAM KỲ",
    placeName: "Tam Kỳ",
    level: "HUYEN",
    parentKey: "quang-nam",
    dissolvedOn: REORGANISED,
  },
  {
    key: "hoi-an",
    name: "UBND thành phố Hội An",
    documentName: "ỦY BAN NHÂN DÂN THÀNH PHỐ HỘI AN",
    placeName: "Hội An",
    level: "HUYEN",
    parentKey: "quang-nam",
    dissolvedOn: REORGANISED,
  },
  {
    key: "nui-thanh",
    name: "UBND huyện Núi Thành",
    documentName: "ỦY BAN NHÂN DÂN HUYỆN NÚI THÀNH",
    placeName: "Núi Thành",
    level: "HUYEN",
    parentKey: "quang-nam",
    dissolvedOn: REORGANISED,
  },
  {
    key: "thang-binh",
    name: "UBND huyện Thăng Bình",
    documentName: "ỦY BAN NHÂN DÂN HUYỆN THĂNG BÌNH",
    placeName: "Thăng Bình",
    level: "HUYEN",
    parentKey: "quang-nam",
    dissolvedOn: REORGANISED,
  },
  {
    key: "duy-xuyen",
    name: "UBND huyện Duy Xuyên",
    documentName: "ỦY BAN NHÂN DÂN HUYỆN DUY XUYÊN",
    placeName: "Duy Xuyên",
    level: "HUYEN",
    parentKey: "quang-nam",
    dissolvedOn: REORGANISED,
  },
  {
    key: "dai-loc",
    name: "UBND huyện Đại Lộc",
    documentName: "ỦY BAN NHÂN DÂN HUYỆN ĐẠI LỘC",
    placeName: "Đại Lộc",
    level: "HUYEN",
    parentKey: "quang-nam",
    dissolvedOn: REORGANISED,
  },

  // ── Bắc Kạn: huyện Bạch Thông, xã Cẩm Giàng (seed 002) ─────────────────
  // Bắc Kạn merged into Thái Nguyên on 1 July 2025.
  {
    key: "bac-kan",
    name: "UBND tỉnh Bắc Kạn",
    documentName: "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",
    placeName: "Bắc Kạn",
    level: "TINH",
    parentKey: "bo-noi-vu",
    code: "06",
    dissolvedOn: REORGANISED,
  },
  {
    key: "bach-thong",
    name: "UBND huyện Bạch Thông",
    documentName: "ỦY BAN NHÂN DÂN HUYỆN BẠCH THÔNG",
    placeName: "Bạch Thông",
    level: "HUYEN",
    parentKey: "bac-kan",
    dissolvedOn: REORGANISED,
  },
  office(
    "bach-thong",
    "bach-thong-phong-noi-vu",
    "PHONG",
    "Phòng Nội vụ huyện Bạch Thông",
    "PHÒNG NỘI VỤ",
    "Bạch Thông",
    REORGANISED,
  ),
  ...oldCommunes("bach-thong", "bach-thong", [
    ["xã", "Cẩm Giàng", "cam-giang"],
    ["thị trấn", "Phủ Thông", "tt-phu-thong"],
    ["xã", "Quân Hà", "quan-ha"],
    ["xã", "Nguyên Phúc", "nguyen-phuc"],
    ["xã", "Mỹ Thanh", "my-thanh"],
    ["xã", "Vi Hương", "vi-huong"],
    ["xã", "Sỹ Bình", "sy-binh"],
    ["xã", "Vũ Muộn", "vu-muon"],
    ["xã", "Đôn Phong", "don-phong"],
    ["xã", "Lục Bình", "luc-binh"],
    ["xã", "Tân Tú", "tan-tu"],
    ["xã", "Dương Phong", "duong-phong"],
    ["xã", "Quang Thuận", "quang-thuan"],
    ["xã", "Cao Sơn", "cao-son"],
  ]),

  // ── Bình Thuận: huyện Tánh Linh (seed 003) ─────────────────────────────
  // Bình Thuận merged into Lâm Đồng on 1 July 2025.
  {
    key: "binh-thuan",
    name: "UBND tỉnh Bình Thuận",
    documentName: "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
    placeName: "Bình Thuận",
    level: "TINH",
    parentKey: "bo-noi-vu",
    code: "60",
    dissolvedOn: REORGANISED,
  },
  office(
    "binh-thuan",
    "binh-thuan-so-noi-vu",
    "SO",
    "Sở Nội vụ tỉnh Bình Thuận",
    "SỞ NỘI VỤ",
    "Bình Thuận",
    REORGANISED,
  ),
  {
    key: "tanh-linh",
    name: "UBND huyện Tánh Linh",
    documentName: "ỦY BAN NHÂN DÂN HUYỆN TÁNH LINH",
    placeName: "Tánh Linh",
    level: "HUYEN",
    parentKey: "binh-thuan",
    dissolvedOn: REORGANISED,
  },
  office(
    "tanh-linh",
    "tanh-linh-phong-noi-vu",
    "PHONG",
    "Phòng Nội vụ huyện Tánh Linh",
    "PHÒNG NỘI VỤ",
    "Tánh Linh",
    REORGANISED,
  ),
  ...oldCommunes("tanh-linh", "tanh-linh", [
    ["thị trấn", "Lạc Tánh", "tt-lac-tanh"],
    ["xã", "Bắc Ruộng", "bac-ruong"],
    ["xã", "Đồng Kho", "dong-kho"],
    ["xã", "Đức Bình", "duc-binh"],
    ["xã", "Đức Phú", "duc-phu"],
    ["xã", "Đức Thuận", "duc-thuan"],
    ["xã", "Gia An", "gia-an"],
    ["xã", "Gia Huynh", "gia-huynh"],
    ["xã", "Huy Khiêm", "huy-khiem"],
    ["xã", "La Ngâu", "la-ngau"],
    ["xã", "Măng Tố", "mang-to"],
    ["xã", "Nghị Đức", "nghi-duc"],
    ["xã", "Suối Kiết", "suoi-kiet"],
  ]),

  // ── Quảng Trị: thành phố Đông Hà (seed 004) ────────────────────────────
  // Quảng Bình merged into Quảng Trị on 1 July 2025; the province keeps its name.
  {
    key: "quang-tri",
    name: "UBND tỉnh Quảng Trị",
    documentName: "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
    placeName: "Quảng Trị",
    level: "TINH",
    parentKey: "bo-noi-vu",
    code: "45",
  },
  office("quang-tri", "quang-tri-so-noi-vu", "SO", "Sở Nội vụ tỉnh Quảng Trị", "SỞ NỘI VỤ", "Quảng Trị"),
  {
    key: "dong-ha",
    name: "UBND thành phố Đông Hà",
    documentName: "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÔNG HÀ",
    placeName: "Đông Hà",
    level: "HUYEN",
    parentKey: "quang-tri",
    dissolvedOn: REORGANISED,
  },
  office(
    "dong-ha",
    "dong-ha-phong-noi-vu",
    "PHONG",
    "Phòng Nội vụ thành phố Đông Hà",
    "PHÒNG NỘI VỤ",
    "Đông Hà",
    REORGANISED,
  ),
  ...oldCommunes("dong-ha", "dong-ha", [
    ["phường", "Đông Giang", "dong-giang"],
    ["phường", "Đông Lễ", "dong-le"],
    ["phường", "Đông Lương", "dong-luong"],
    ["phường", "Đông Thanh", "dong-thanh"],
  ]),

  // ── Đà Nẵng since 1 July 2025: two tiers, communes and wards directly ──
  // under the city (Quảng Nam merged into it; no districts any more).
  {
    key: "da-nang",
    name: "UBND thành phố Đà Nẵng",
    documentName: "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG",
    placeName: "Đà Nẵng",
    level: "TINH",
    parentKey: "bo-noi-vu",
    code: "48",
  },
  office("da-nang", "da-nang-so-noi-vu", "SO", "Sở Nội vụ thành phố Đà Nẵng", "SỞ NỘI VỤ", "Đà Nẵng"),
  office("da-nang", "da-nang-van-phong", "SO", "Văn phòng UBND thành phố Đà Nẵng", "VĂN PHÒNG", "Đà Nẵng"),
  office(
    "da-nang",
    "da-nang-so-khcn",
    "SO",
    "Sở Khoa học và Công nghệ thành phố Đà Nẵng",
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    "Đà Nẵng",
  ),
  commune("da-nang", "da-nang", "phường", "Hải Châu", { slug: "hai-chau" }),
  commune("da-nang", "da-nang", "phường", "Thanh Khê", { slug: "thanh-khe" }),
  commune("da-nang", "da-nang", "phường", "Sơn Trà", { slug: "son-tra" }),
  commune("da-nang", "da-nang", "phường", "Ngũ Hành Sơn", { slug: "ngu-hanh-son" }),
  commune("da-nang", "da-nang", "phường", "Liên Chiểu", { slug: "lien-chieu" }),
  commune("da-nang", "da-nang", "phường", "Cẩm Lệ", { slug: "cam-le" }),
  commune("da-nang", "da-nang", "phường", "Tam Kỳ", { slug: "tam-ky" }),
  commune("da-nang", "da-nang", "phường", "Hội An", { slug: "hoi-an" }),
  commune("da-nang", "da-nang", "xã", "Bà Nà", { slug: "ba-na" }),
  commune("da-nang", "da-nang", "xã", "Tân Hiệp", { slug: "tan-hiep" }),

  // ── Bình Thuận: the other district-level units beside Tánh Linh ────────
  // Seed 003 ranks Tánh Linh 5th of the province's 10 district-level units;
  // the demo assessment rounds (seed-data/scoring.ts) rank all ten.
  ...(
    [
      ["phan-thiet", "thành phố", "Phan Thiết"],
      ["la-gi", "thị xã", "La Gi"],
      ["tuy-phong", "huyện", "Tuy Phong"],
      ["bac-binh", "huyện", "Bắc Bình"],
      ["ham-thuan-bac", "huyện", "Hàm Thuận Bắc"],
      ["ham-thuan-nam", "huyện", "Hàm Thuận Nam"],
      ["ham-tan", "huyện", "Hàm Tân"],
      ["duc-linh", "huyện", "Đức Linh"],
      ["phu-quy", "huyện", "Phú Quý"],
    ] as const
  ).map(([key, unit, place]): SeedOrganization => ({
    key,
    name: `UBND ${unit} ${place}`,
    documentName: `ỦY BAN NHÂN DÂN ${unit.toUpperCase()} ${place.toUpperCase()}`,
    placeName: place,
    level: "HUYEN",
    parentKey: "binh-thuan",
    dissolvedOn: REORGANISED,
  })),

  // ── Đà Nẵng: the departments, districts and new communes of the index rounds 2024 and 2025 ──
  // (seed-data/scoring.ts). Departments merged on 1 March 2025 (resolution of the city council of
  // 20 February 2025): Xây dựng + Giao thông vận tải, Tài chính + Kế hoạch và Đầu tư, Nội vụ + Lao động -
  // Thương binh và Xã hội, Khoa học và Công nghệ + Thông tin và Truyền thông, Nông nghiệp và Môi trường
  // from Nông nghiệp và Phát triển nông thôn + Tài nguyên và Môi trường. The council approved the merger of
  // Văn hóa và Thể thao with Du lịch on 26 April 2025; the demo closes the old department on 1 May.
  ...(
    [
      ["da-nang-so-tai-chinh", "Sở Tài chính"],
      ["da-nang-so-tu-phap", "Sở Tư pháp"],
      ["da-nang-so-y-te", "Sở Y tế"],
      ["da-nang-so-gddt", "Sở Giáo dục và Đào tạo"],
      ["da-nang-so-xay-dung", "Sở Xây dựng"],
      ["da-nang-so-cong-thuong", "Sở Công Thương"],
      ["da-nang-so-nnmt", "Sở Nông nghiệp và Môi trường"],
      ["da-nang-so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch"],
      ["da-nang-thanh-tra", "Thanh tra"],
      ["da-nang-so-khdt", "Sở Kế hoạch và Đầu tư", "2025-03-01"],
      ["da-nang-so-ldtbxh", "Sở Lao động - Thương binh và Xã hội", "2025-03-01"],
      ["da-nang-so-tttt", "Sở Thông tin và Truyền thông", "2025-03-01"],
      ["da-nang-so-gtvt", "Sở Giao thông vận tải", "2025-03-01"],
      ["da-nang-so-nnptnt", "Sở Nông nghiệp và Phát triển nông thôn", "2025-03-01"],
      ["da-nang-so-tnmt", "Sở Tài nguyên và Môi trường", "2025-03-01"],
      ["da-nang-so-vhtt", "Sở Văn hóa và Thể thao", "2025-05-01"],
    ] as Array<[string, string, string?]>
  ).map(([key, name, dissolvedOn]) =>
    office("da-nang", key, "SO", `${name} thành phố Đà Nẵng`, name.toLocaleUpperCase("vi"), "Đà Nẵng", dissolvedOn),
  ),
  // The districts of Đà Nẵng before the two-tier reform (huyện Hoàng Sa had no administration on site and
  // was never assessed).
  ...(
    [
      ["da-nang-quan-hai-chau", "quận", "Hải Châu"],
      ["da-nang-quan-thanh-khe", "quận", "Thanh Khê"],
      ["da-nang-quan-son-tra", "quận", "Sơn Trà"],
      ["da-nang-quan-ngu-hanh-son", "quận", "Ngũ Hành Sơn"],
      ["da-nang-quan-lien-chieu", "quận", "Liên Chiểu"],
      ["da-nang-quan-cam-le", "quận", "Cẩm Lệ"],
      ["da-nang-huyen-hoa-vang", "huyện", "Hòa Vang"],
    ] as const
  ).map(([key, unit, place]): SeedOrganization => ({
    key,
    name: `UBND ${unit} ${place}`,
    documentName: `ỦY BAN NHÂN DÂN ${unit.toUpperCase()} ${place.toUpperCase()}`,
    placeName: place,
    level: "HUYEN",
    parentKey: "da-nang",
    dissolvedOn: REORGANISED,
  })),
  // Wards and communes formed on 1 July 2025 (with those listed above), and the special zone Hoàng Sa.
  commune("da-nang", "da-nang", "phường", "Hòa Cường", { slug: "hoa-cuong" }),
  commune("da-nang", "da-nang", "phường", "Điện Bàn", { slug: "dien-ban" }),
  commune("da-nang", "da-nang", "xã", "Hòa Vang", { slug: "hoa-vang" }),
  commune("da-nang", "da-nang", "xã", "Núi Thành", { slug: "nui-thanh" }),
  commune("da-nang", "da-nang", "xã", "Thăng Bình", { slug: "thang-binh" }),
  commune("da-nang", "da-nang", "xã", "Duy Xuyên", { slug: "duy-xuyen" }),
  commune("da-nang", "da-nang", "xã", "Đại Lộc", { slug: "dai-loc" }),
  commune("da-nang", "da-nang", "đặc khu", "Hoàng Sa", { slug: "hoang-sa" }),
];

export const users: SeedUser[] = [
  {
    email: "admin@hoinghi.local",
    name: "Quản trị hệ thống",
    organizationKey: "bo-noi-vu",
    roles: ["ADMIN"],
  },
  // Seed 000: huyện Tam Đường.
  {
    email: "vanphong.tamduong@hoinghi.local",
    name: "Lò Thị Thu Trang",
    position: "Chuyên viên Văn phòng HĐND-UBND huyện",
    organizationKey: "tam-duong",
    roles: ["OFFICE"],
  },
  {
    email: "noivu.tamduong@hoinghi.local",
    name: "Lường Văn Tâm",
    position: "Chuyên viên Phòng Nội vụ, phụ trách cải cách hành chính",
    organizationKey: "tam-duong",
    roles: ["HOME_AFFAIRS"],
  },
  // Seed 001: tỉnh Quảng Nam.
  {
    email: "vanphong.quangnam@hoinghi.local",
    name: "Trần Thị Mỹ Linh",
    position: "Chuyên viên Văn phòng UBND tỉnh",
    organizationKey: "quang-nam",
    roles: ["OFFICE"],
  },
  {
    email: "noivu.quangnam@hoinghi.local",
    name: "Phan Văn Lộc",
    position: "Chuyên viên phòng Cải cách hành chính, Sở Nội vụ",
    organizationKey: "quang-nam",
    roles: ["HOME_AFFAIRS"],
  },
  {
    email: "cntt.quangnam@hoinghi.local",
    name: "Trần Minh Khoa",
    position: "Chuyên viên Trung tâm Công nghệ thông tin và Truyền thông, phụ trách kết nối điểm cầu",
    organizationKey: "quang-nam-so-tttt",
    roles: ["IT_SUPPORT"],
  },
  // Seed 002: xã Cẩm Giàng.
  {
    email: "vanphong.camgiang@hoinghi.local",
    name: "Hoàng Thị Nhung",
    position: "Công chức Văn phòng - Thống kê",
    organizationKey: "bach-thong-cam-giang",
    roles: ["OFFICE"],
  },
  // Seed 003: huyện Tánh Linh.
  {
    email: "vanphong.tanhlinh@hoinghi.local",
    name: "Nguyễn Thị Kim Yến",
    position: "Chuyên viên Văn phòng HĐND và UBND huyện",
    organizationKey: "tanh-linh",
    roles: ["OFFICE"],
  },
  // Seed 004: thành phố Đông Hà.
  {
    email: "vanphong.dongha@hoinghi.local",
    name: "Lê Quang Vinh",
    position: "Chuyên viên Văn phòng HĐND và UBND thành phố",
    organizationKey: "dong-ha",
    roles: ["OFFICE"],
  },
  // Two-tier administration: thành phố Đà Nẵng and its communes and wards.
  {
    email: "vanphong.danang@hoinghi.local",
    name: "Ngô Thị Thanh Hà",
    position: "Chuyên viên Văn phòng UBND thành phố",
    organizationKey: "da-nang",
    roles: ["OFFICE"],
  },
  {
    email: "noivu.danang@hoinghi.local",
    name: "Đặng Công Minh",
    position: "Chuyên viên phòng Cải cách hành chính, Sở Nội vụ",
    organizationKey: "da-nang",
    roles: ["HOME_AFFAIRS"],
  },
  {
    email: "diemdanh.danang@hoinghi.local",
    name: "Huỳnh Thị Ngọc Ánh",
    position: "Chuyên viên Văn phòng UBND thành phố, tổ đón tiếp đại biểu",
    organizationKey: "da-nang",
    roles: ["CHECKIN_STAFF"],
  },
  {
    email: "vanphong.haichau@hoinghi.local",
    name: "Phạm Ngọc Bảo Trâm",
    position: "Công chức Văn phòng HĐND và UBND phường",
    organizationKey: "da-nang-hai-chau",
    roles: ["OFFICE"],
  },
  {
    email: "diemcau.hoian@hoinghi.local",
    name: "Võ Văn Phúc",
    position: "Công chức Văn phòng HĐND và UBND phường, vận hành điểm cầu",
    organizationKey: "da-nang-hoi-an",
    roles: ["BRIDGE_OPERATOR"],
  },
  {
    email: "theodoi.laichau@hoinghi.local",
    name: "Đỗ Minh Tuấn",
    position: "Chuyên viên theo dõi cải cách hành chính",
    organizationKey: "lai-chau",
    roles: ["VIEWER"],
  },
  // Scoring: the home-affairs staff who keep the index rounds of Bình Thuận
  // (seed 003) and Tánh Linh's remediation plan.
  {
    email: "noivu.binhthuan@hoinghi.local",
    name: "Trương Thị Thu Hiền",
    position: "Chuyên viên phòng Cải cách hành chính, Sở Nội vụ",
    organizationKey: "binh-thuan",
    roles: ["HOME_AFFAIRS"],
  },
  {
    email: "noivu.tanhlinh@hoinghi.local",
    name: "Lê Văn Hùng",
    position: "Chuyên viên Phòng Nội vụ huyện, phụ trách cải cách hành chính",
    organizationKey: "tanh-linh",
    roles: ["HOME_AFFAIRS"],
  },
];
