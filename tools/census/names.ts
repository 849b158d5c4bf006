// Common Chinese surnames (most frequent first, with rough weights in per mille of the
// population) and given names in pinyin, for "Surname Given" full names.

export const SURNAMES: readonly (readonly [string, number])[] = [
  ['Wang', 72], ['Li', 71], ['Zhang', 68], ['Liu', 54], ['Chen', 46], ['Yang', 32], ['Huang', 24],
  ['Zhao', 23], ['Wu', 21], ['Zhou', 20], ['Xu', 16], ['Sun', 15], ['Ma', 14], ['Zhu', 13],
  ['Hu', 12], ['Guo', 12], ['He', 11], ['Gao', 10], ['Lin', 10], ['Luo', 9], ['Zheng', 9],
  ['Liang', 8], ['Xie', 7], ['Song', 7], ['Tang', 7], ['Han', 6], ['Feng', 6], ['Deng', 6],
  ['Cao', 6], ['Peng', 6], ['Zeng', 5], ['Xiao', 5], ['Tian', 5], ['Dong', 5], ['Pan', 5],
  ['Yuan', 5], ['Cai', 4], ['Jiang', 4], ['Yu', 4], ['Du', 4], ['Ye', 4], ['Cheng', 4],
  ['Wei', 4], ['Su', 4], ['Lü', 3], ['Ding', 3], ['Ren', 3], ['Lu', 3], ['Yao', 3], ['Shen', 3],
  ['Zhong', 3], ['Jiang', 3], ['Cui', 3], ['Tan', 3], ['Fan', 3], ['Jin', 3], ['Shi', 3],
  ['Liao', 3], ['Jia', 3], ['Xia', 3], ['Fu', 3], ['Fang', 3], ['Zou', 2], ['Xiong', 2],
  ['Bai', 2], ['Meng', 2], ['Qin', 2], ['Qiu', 2], ['Hou', 2], ['Jiang', 2], ['Yin', 2],
  ['Xue', 2], ['Yan', 2], ['Duan', 2], ['Lei', 2], ['Long', 2], ['Li', 2], ['Shi', 2],
  ['Tao', 2], ['He', 2], ['Mao', 2], ['Hao', 2], ['Gu', 2], ['Gong', 2], ['Shao', 2],
  ['Wan', 2], ['Qian', 2], ['Yan', 2], ['Qin', 2], ['Wu', 2], ['Dai', 2], ['Mo', 2],
  ['Kong', 2], ['Xiang', 2], ['Chang', 2], ['Tang', 2], ['Kang', 2], ['Yi', 1], ['Qiao', 1],
];

/** Given names by generation: residents born before about 1980 (aged 45+) and after. */
export const GIVEN_NAMES = {
  female: {
    older: [
      'Fang', 'Min', 'Jing', 'Li', 'Yan', 'Juan', 'Xia', 'Ying', 'Hui', 'Lan', 'Mei', 'Hong', 'Ping',
      'Yun', 'Xiu', 'Rong', 'Shu', 'Xiuying', 'Guilan', 'Yulan', 'Shuzhen', 'Fengying', 'Xiulan',
      'Guiying', 'Yuzhen', 'Cuiying', 'Lihua', 'Hongmei', 'Haiyan', 'Chunmei', 'Yanping', 'Guifang',
    ],
    younger: [
      'Jing', 'Li', 'Na', 'Ting', 'Qian', 'Dan', 'Lei', 'Xin', 'Yue', 'Xiaomei', 'Yuting', 'Jiayi',
      'Zixuan', 'Yutong', 'Xinyi', 'Ruoxi', 'Shiyu', 'Mengyao', 'Jingjing', 'Lili', 'Xiaoli',
      'Wenjing', 'Siqi', 'Yiran', 'Keyi', 'Xinyue', 'Yuxi', 'Jiaxin', 'Shuang', 'Tingting',
    ],
  },
  male: {
    older: [
      'Wei', 'Qiang', 'Jun', 'Yong', 'Gang', 'Ming', 'Liang', 'Feng', 'Jian', 'Ping', 'Hua', 'Dong',
      'Jianguo', 'Jianhua', 'Guoqiang', 'Zhiqiang', 'Jianjun', 'Haitao', 'Jianping', 'Zhiyong',
      'Guohua', 'Dawei', 'Hongwei', 'Weidong', 'Xiaodong', 'Zhiming', 'Guoqing', 'Baoguo',
    ],
    younger: [
      'Wei', 'Lei', 'Jie', 'Tao', 'Bin', 'Chao', 'Hao', 'Peng', 'Bo', 'Kai', 'Long', 'Xin', 'Xiaoming',
      'Wenbin', 'Zihao', 'Haoran', 'Yuxuan', 'Yichen', 'Junjie', 'Zhiwei', 'Tianyu', 'Mingyu',
      'Yifan', 'Zhenyu', 'Shuai', 'Zimo', 'Yuhang', 'Jiahao', 'Hanwen', 'Ruize',
    ],
  },
} as const;
