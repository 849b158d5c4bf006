// Reference figures for a city shaped like Beijing. Population is the 2020 (7th) census
// resident population in thousands; street and town counts follow the 2021 administrative
// divisions (about 340 street-level units); community and village counts are rounded so that
// the city has about 7,000 (Beijing: about 3,400 communities and 3,900 villages).
// Region codes are the real GB/T 2260 codes of the districts.

export interface DistrictFacts {
  name: string;
  regionCode: string;
  /** Resident population, thousands (2020 census). */
  populationThousands: number;
  /** Street-level units: subdistricts ("streets") plus towns and townships. */
  streets: number;
  /** How many of `streets` are towns (with villages). */
  towns: number;
  /** Urban residents' communities. */
  communities: number;
  /** Villages (only in towns). */
  villages: number;
}

/** In id order: d01 = Dongcheng ... d16 = Yanqing. */
export const BEIJING_DISTRICTS: readonly DistrictFacts[] = [
  { name: 'Dongcheng', regionCode: '110101', populationThousands: 709, streets: 17, towns: 0, communities: 170, villages: 0 },
  { name: 'Xicheng', regionCode: '110102', populationThousands: 1106, streets: 15, towns: 0, communities: 260, villages: 0 },
  { name: 'Chaoyang', regionCode: '110105', populationThousands: 3452, streets: 43, towns: 19, communities: 560, villages: 0 },
  { name: 'Fengtai', regionCode: '110106', populationThousands: 2019, streets: 26, towns: 4, communities: 390, villages: 70 },
  { name: 'Shijingshan', regionCode: '110107', populationThousands: 568, streets: 9, towns: 0, communities: 150, villages: 0 },
  { name: 'Haidian', regionCode: '110108', populationThousands: 3133, streets: 29, towns: 7, communities: 620, villages: 80 },
  { name: 'Mentougou', regionCode: '110109', populationThousands: 393, streets: 13, towns: 9, communities: 120, villages: 180 },
  { name: 'Fangshan', regionCode: '110111', populationThousands: 1313, streets: 28, towns: 20, communities: 120, villages: 460 },
  { name: 'Tongzhou', regionCode: '110112', populationThousands: 1840, streets: 22, towns: 11, communities: 160, villages: 480 },
  { name: 'Shunyi', regionCode: '110113', populationThousands: 1324, streets: 25, towns: 19, communities: 90, villages: 430 },
  { name: 'Changping', regionCode: '110114', populationThousands: 2269, streets: 22, towns: 14, communities: 260, villages: 300 },
  { name: 'Daxing', regionCode: '110115', populationThousands: 1994, streets: 22, towns: 14, communities: 150, villages: 530 },
  { name: 'Huairou', regionCode: '110116', populationThousands: 441, streets: 16, towns: 14, communities: 30, villages: 286 },
  { name: 'Pinggu', regionCode: '110117', populationThousands: 457, streets: 18, towns: 16, communities: 25, villages: 275 },
  { name: 'Miyun', regionCode: '110118', populationThousands: 528, streets: 20, towns: 18, communities: 80, villages: 330 },
  { name: 'Yanqing', regionCode: '110119', populationThousands: 346, streets: 15, towns: 12, communities: 20, villages: 376 },
];

/**
 * A walk through the districts in which each one borders the next. Grids are cut as
 * contiguous runs along this walk, so a grid that crosses a district boundary always joins
 * two neighbours. The smallest district (Yanqing) sits at an end, so no grid spans three.
 */
export const DISTRICT_WALK: readonly string[] = [
  'Yanqing', 'Huairou', 'Miyun', 'Pinggu', 'Shunyi', 'Tongzhou', 'Daxing', 'Fangshan',
  'Mentougou', 'Shijingshan', 'Fengtai', 'Xicheng', 'Dongcheng', 'Chaoyang', 'Haidian', 'Changping',
];

/** Pairs of districts that share a border (used by tests to check grids). */
export const DISTRICT_NEIGHBOURS: readonly (readonly [string, string])[] = [
  ['Dongcheng', 'Xicheng'], ['Dongcheng', 'Chaoyang'], ['Dongcheng', 'Fengtai'],
  ['Xicheng', 'Haidian'], ['Xicheng', 'Fengtai'],
  ['Chaoyang', 'Haidian'], ['Chaoyang', 'Fengtai'], ['Chaoyang', 'Changping'], ['Chaoyang', 'Shunyi'],
  ['Chaoyang', 'Tongzhou'],
  ['Fengtai', 'Haidian'], ['Fengtai', 'Shijingshan'], ['Fengtai', 'Mentougou'], ['Fengtai', 'Fangshan'],
  ['Fengtai', 'Daxing'],
  ['Shijingshan', 'Haidian'], ['Shijingshan', 'Mentougou'],
  ['Haidian', 'Changping'], ['Haidian', 'Mentougou'],
  ['Mentougou', 'Changping'], ['Mentougou', 'Fangshan'],
  ['Fangshan', 'Daxing'],
  ['Tongzhou', 'Daxing'], ['Tongzhou', 'Shunyi'],
  ['Shunyi', 'Huairou'], ['Shunyi', 'Miyun'], ['Shunyi', 'Pinggu'],
  ['Changping', 'Huairou'], ['Changping', 'Yanqing'],
  ['Huairou', 'Miyun'], ['Huairou', 'Yanqing'],
  ['Miyun', 'Pinggu'],
];

/**
 * Tertiary hospitals by district, used in order as grid leads; grids beyond a district's list
 * lead from a named regional medical centre. Illustrative: the grid-to-hospital pairing is
 * synthetic, not Beijing's published grid plan.
 */
export const TERTIARY_HOSPITALS: Readonly<Record<string, readonly string[]>> = {
  Dongcheng: ['Peking Union Medical College Hospital', 'Beijing Hospital', 'Beijing Tongren Hospital'],
  Xicheng: [
    'Peking University First Hospital', "Peking University People's Hospital", 'Xuanwu Hospital',
    'Beijing Friendship Hospital', 'Beijing Jishuitan Hospital',
  ],
  Chaoyang: [
    'Beijing Chao-Yang Hospital', 'China-Japan Friendship Hospital', 'Beijing Anzhen Hospital',
    'Beijing Ditan Hospital',
  ],
  Fengtai: ['Beijing Tiantan Hospital', 'Beijing Youan Hospital'],
  Shijingshan: ['Peking University Shougang Hospital'],
  Haidian: ['Peking University Third Hospital', 'Chinese PLA General Hospital', 'Beijing Shijitan Hospital'],
  Changping: ['Beijing Tsinghua Changgung Hospital', 'Peking University International Hospital'],
  Tongzhou: ['Beijing Luhe Hospital'],
};

/** Pinyin-like syllables for synthetic place names. */
export const PLACE_FIRST = [
  'An', 'Bai', 'Bei', 'Chang', 'Chao', 'Da', 'Dong', 'Fu', 'Gao', 'Guang', 'He', 'Hong', 'Hua', 'Huang',
  'Jian', 'Jin', 'Jing', 'Kang', 'Lian', 'Liu', 'Long', 'Ma', 'Nan', 'Ping', 'Qian', 'Qing', 'Sha',
  'Shang', 'Shi', 'Shuang', 'Tai', 'Tian', 'Wang', 'Xi', 'Xia', 'Xiang', 'Xin', 'Yang', 'Yong', 'Yu',
  'Yuan', 'Zhong', 'Zhu',
] as const;
export const PLACE_SECOND = [
  'bei', 'cun', 'dian', 'ding', 'fang', 'guo', 'he', 'hu', 'jia', 'kou', 'li', 'lin', 'men', 'miao',
  'nan', 'ping', 'qiao', 'shan', 'shui', 'si', 'tai', 'tan', 'tou', 'tun', 'wan', 'wo', 'xiang',
  'ying', 'yuan', 'zhuang', 'zi',
] as const;
