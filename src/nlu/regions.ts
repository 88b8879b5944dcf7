/**
 * Place names callers use, mapped to the region of the corpus document that covers them. The district lists
 * are the places a caller names instead of the city (火炬开发区 and 翠亨新区 are in 中山).
 */
export const REGION_GAZETTEER: Readonly<Record<string, readonly string[]>> = {
  中山市: ['中山', '火炬开发区', '火炬区', '中山火炬', '翠亨新区', '翠亨', '石岐', '小榄', '古镇', '横栏', '三乡', '坦洲',
    '南头镇', '黄圃', '东凤', '阜沙', '民众', '南朗', '五桂山', '大涌', '沙溪', '板芙', '神湾', '东升', '港口镇', '三角镇',
    'zhongshan'],
  深圳市: ['深圳', '南山区', '福田', '宝安', '龙岗', '龙华', '坪山', '光明区', '罗湖', '盐田', '前海', 'shenzhen'],
  东源县: ['东源', 'dongyuan'],
  六安市: ['六安', '金安区', '裕安区', '叶集', '霍邱', '舒城', '金寨', '霍山', "lu'an", 'luan'],
};

/** Places the corpus has no document for; named so that the answer can say so instead of falling back. */
const UNCOVERED_PLACES = ['北京', '上海', '天津', '重庆', '广州', '佛山', '东莞', '珠海', '江门', '惠州', '肇庆', '汕头',
  '湛江', '河源', '梅州', '韶关', '清远', '潮州', '揭阳', '茂名', '阳江', '云浮', '汕尾', '杭州', '宁波', '苏州', '南京',
  '无锡', '合肥', '芜湖', '安庆', '蚌埠', '淮南', '阜阳', '武汉', '长沙', '成都', '西安', '厦门', '福州', '青岛', '济南',
  '郑州', '香港', '澳门', '台湾', '台灣', '台北', '高雄', '河源市本级', '中央财政', '国家工业强基', '广东省', '安徽省', '浙江', '江苏', '全国', '国家级'];

// Province-level words are about coverage scope, not a place the corpus lacks.
const SCOPE_WORDS = new Set(['广东省', '安徽省', '全国', '国家级']);

export interface RegionMention {
  /** Corpus regions named (manifest `region` values), in order of first mention. */
  covered: string[];
  /** Places named that no corpus document covers (e.g. 广州), in order of first mention. */
  uncovered: string[];
}

/** Finds the regions a question names. Pure and deterministic. */
export function findRegions(text: string): RegionMention {
  const lower = text.toLowerCase();
  const covered: { region: string; at: number }[] = [];
  for (const [region, aliases] of Object.entries(REGION_GAZETTEER)) {
    const positions = aliases.map((a) => lower.indexOf(a.toLowerCase())).filter((i) => i >= 0);
    if (positions.length) covered.push({ region, at: Math.min(...positions) });
  }
  const uncovered: { place: string; at: number }[] = [];
  for (const place of UNCOVERED_PLACES) {
    if (SCOPE_WORDS.has(place)) continue;
    const at = text.indexOf(place);
    if (at >= 0) uncovered.push({ place, at });
  }
  return {
    covered: covered.sort((a, b) => a.at - b.at).map((c) => c.region),
    uncovered: uncovered.sort((a, b) => a.at - b.at).map((u) => u.place),
  };
}
