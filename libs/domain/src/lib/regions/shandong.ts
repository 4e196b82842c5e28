import type { Region } from './region';

/**
 * Shandong province and its 16 prefecture-level cities (GB/T 2260, current codes:
 * 莱芜 371200 was merged into 济南 in 2019 and is not listed).
 *
 * Source: the plan names these 16 cities in its city layouts (专栏 2–7, section 四);
 * the codes are those of the national administrative division table.
 */
export const SHANDONG: Region = {
  code: '370000',
  nameZh: '山东省',
  nameEn: 'Shandong',
  level: 'province',
  parentCode: null,
};

const city = (code: string, nameZh: string, nameEn: string): Region => ({
  code,
  nameZh,
  nameEn,
  level: 'city',
  parentCode: SHANDONG.code,
});

export const SHANDONG_CITIES: readonly Region[] = [
  city('370100', '济南市', 'Jinan'),
  city('370200', '青岛市', 'Qingdao'),
  city('370300', '淄博市', 'Zibo'),
  city('370400', '枣庄市', 'Zaozhuang'),
  city('370500', '东营市', 'Dongying'),
  city('370600', '烟台市', 'Yantai'),
  city('370700', '潍坊市', 'Weifang'),
  city('370800', '济宁市', 'Jining'),
  city('370900', '泰安市', "Tai'an"),
  city('371000', '威海市', 'Weihai'),
  city('371100', '日照市', 'Rizhao'),
  city('371300', '临沂市', 'Linyi'),
  city('371400', '德州市', 'Dezhou'),
  city('371500', '聊城市', 'Liaocheng'),
  city('371600', '滨州市', 'Binzhou'),
  city('371700', '菏泽市', 'Heze'),
];
